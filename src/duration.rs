//! Durations as people read them, for messages at any floor (the transport's timeout, the
//! settings' checks, the output's resume hints).

use std::time::Duration;

/// A duration as people write it: `500ms`, `2s`, `1.5s`, `10m`, `1h30m`.
pub(crate) fn display_duration(duration: Duration) -> String {
    let millis = duration.as_millis();
    if millis < 1000 {
        return format!("{millis}ms");
    }
    let secs = duration.as_secs();
    if secs < 60 {
        let text = format!("{:.1}", duration.as_secs_f64());
        return format!("{}s", text.trim_end_matches(".0"));
    }
    let (hours, mins, secs) = (secs / 3600, secs / 60 % 60, secs % 60);
    [(hours, "h"), (mins, "m"), (secs, "s")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_display_as_written() {
        let ms = Duration::from_millis;
        for (d, want) in [
            (ms(500), "500ms"),
            (ms(2000), "2s"),
            (ms(1500), "1.5s"),
            (ms(600_000), "10m"),
            (ms(5_430_000), "1h30m30s"),
        ] {
            assert_eq!(display_duration(d), want);
        }
    }
}
