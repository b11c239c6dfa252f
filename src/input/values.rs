//! Single values from the command line: durations, IDs, TTLs and MX priorities. Each parser
//! names the bad value, and clap turns its error into a usage error (exit 2).

use rust_i18n::t;
use std::time::Duration;

const TTL_RANGE: std::ops::RangeInclusive<u64> = 1..=604_800;
const MX_RANGE: std::ops::RangeInclusive<u64> = 1..=20;

/// `2`, `0.5` (plain seconds), or with units: `500ms`, `2s`, `10m`, `1h 30m`.
pub(crate) fn parse_duration(raw: &str) -> Result<Duration, String> {
    let text = raw.trim();
    let duration = match text.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs >= 0.0 => Duration::try_from_secs_f64(secs).ok(),
        Ok(_) => return Err(t!("input.negative_duration", value = raw).into_owned()),
        Err(_) => Some(
            humantime::parse_duration(text)
                .map_err(|_| t!("input.bad_duration", value = raw).into_owned())?,
        ),
    };
    duration
        .filter(|duration| *duration <= MAX_DURATION)
        .ok_or_else(|| t!("input.long_duration", value = raw).into_owned())
}

/// `jobs --prune`: an age, as `30d`, `12h` or `90d`.
pub(crate) fn parse_age(raw: &str) -> Result<Duration, String> {
    humantime::parse_duration(raw.trim())
        .ok()
        .filter(|age| age.as_secs() <= 100 * 365 * 86_400)
        .ok_or_else(|| t!("input.bad_age", value = raw).into_owned())
}

/// Longer timings are typing mistakes, and would overflow the clock's arithmetic.
const MAX_DURATION: Duration = Duration::from_secs(30 * 86_400);

/// `--timeout`: a duration, where `0` means wait for ever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Timeout(pub Option<Duration>);

pub(crate) fn parse_timeout(raw: &str) -> Result<Timeout, String> {
    let duration = parse_duration(raw)?;
    Ok(Timeout((!duration.is_zero()).then_some(duration)))
}

/// A positive decimal ID (`0` is never a valid DNSPod ID).
pub(crate) fn parse_id(raw: &str) -> Result<u64, String> {
    let text = raw.trim();
    match text.parse::<u64>() {
        Ok(0) => Err(t!("input.zero_id", value = raw).into_owned()),
        Ok(id) if text.bytes().all(|b| b.is_ascii_digit()) => Ok(id),
        _ => Err(t!("input.bad_id", value = raw).into_owned()),
    }
}

/// A comma list of IDs, de-duplicated in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IdList(pub Vec<u64>);

pub(crate) fn parse_id_list(raw: &str) -> Result<IdList, String> {
    let mut ids = Vec::new();
    for part in raw.split(',') {
        if part.trim().is_empty() {
            return Err(t!("input.empty_id", value = raw).into_owned());
        }
        let id = parse_id(part)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(IdList(ids))
}

/// Checks a number against its range; the error names the value.
fn check_range(
    value: u64,
    what: &str,
    range: &std::ops::RangeInclusive<u64>,
) -> Result<u64, String> {
    if range.contains(&value) {
        Ok(value)
    } else {
        let (low, high) = (range.start(), range.end());
        Err(t!(
            "input.out_of_range",
            what = what,
            value = value,
            low = low,
            high = high
        )
        .into_owned())
    }
}

pub(crate) fn check_ttl(ttl: u64) -> Result<u64, String> {
    check_range(ttl, "TTL", &TTL_RANGE)
}

pub(crate) fn check_mx(mx: u64) -> Result<u64, String> {
    check_range(mx, &t!("input.mx_priority"), &MX_RANGE)
}

fn parse_number(raw: &str, what: &str) -> Result<u64, String> {
    raw.trim()
        .parse()
        .map_err(|_| t!("input.not_number", what = what, value = raw).into_owned())
}

pub(crate) fn parse_ttl(raw: &str) -> Result<u64, String> {
    check_ttl(parse_number(raw, "TTL")?)
}

pub(crate) fn parse_mx(raw: &str) -> Result<u64, String> {
    check_mx(parse_number(raw, &t!("input.mx_priority"))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_plain_seconds_or_units() {
        let ms = Duration::from_millis;
        for (raw, want) in [
            ("2", ms(2000)),
            ("0.5", ms(500)),
            ("500ms", ms(500)),
            ("2s", ms(2000)),
            ("10m", ms(600_000)),
            ("1h", ms(3_600_000)),
            (" 1.5 s ", ms(1500)),
            ("1h 30m", ms(5_400_000)),
            ("1h30m", ms(5_400_000)),
        ] {
            assert_eq!(parse_duration(raw), Ok(want), "{raw}");
        }
    }

    #[test]
    fn bad_durations_name_the_value() {
        for raw in ["", "abc", "5x", "-1", "NaN", "1e400"] {
            let err = parse_duration(raw).unwrap_err();
            assert!(err.contains(&format!("`{raw}`")), "{err}");
        }
    }

    #[test]
    fn zero_timeout_means_never() {
        assert_eq!(parse_timeout("0"), Ok(Timeout(None)));
        assert_eq!(
            parse_timeout("10m"),
            Ok(Timeout(Some(Duration::from_secs(600))))
        );
    }

    #[test]
    fn id_lists_are_checked_and_deduplicated_in_order() {
        assert_eq!(parse_id_list("3,1,3,2,1"), Ok(IdList(vec![3, 1, 2])));
        for (raw, culprit) in [
            ("1,x", "`x`"),
            ("1,0", "`0`"),
            ("1,,2", "`1,,2`"),
            ("-4", "`-4`"),
            ("+4", "`+4`"),
        ] {
            let err = parse_id_list(raw).unwrap_err();
            assert!(err.contains(culprit), "{raw}: {err}");
        }
    }

    #[test]
    fn ttl_and_mx_have_their_ranges() {
        assert_eq!(parse_ttl("600"), Ok(600));
        assert!(parse_ttl("0").unwrap_err().contains("`0`"));
        assert!(parse_ttl("604801").is_err());
        assert!(parse_ttl("ten").unwrap_err().contains("`ten`"));
        assert_eq!(parse_mx("20"), Ok(20));
        assert!(parse_mx("21").unwrap_err().contains("1..=20"));
    }
}
