//! The checks that turn flag and file text into the model's record specs and changes:
//! record types, host names, values by type, TTL and MX, each error naming the value.

use super::shown;
use super::values::{check_mx, check_ttl};
use crate::error::usage;
use crate::job::{Change, ChangeField, RECORD_TYPES, Record, RecordSpec};
use compact_str::CompactString;
use rust_i18n::t;
use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::Path;

/// A known record type, upper-cased; any case is accepted.
pub(crate) fn parse_record_type(raw: &str) -> Result<String, String> {
    record_type_of(raw).map(str::to_owned)
}

/// The known record type `raw` names, in any case: the vocabulary's own spelling, so a
/// file's million records check their types with no copy.
pub(crate) fn record_type_of(raw: &str) -> Result<&'static str, String> {
    let raw_type = raw.trim();
    RECORD_TYPES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(raw_type))
        .copied()
        .ok_or_else(|| {
            let types = RECORD_TYPES.join(", ");
            t!("input.bad_record_type", value = shown(raw), types = types).into_owned()
        })
}

/// Checks a value against its record type: A needs IPv4, AAAA IPv6, every type a value.
pub(crate) fn check_value(record_type: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(t!("input.empty_value", record_type = record_type).into_owned());
    }
    match record_type {
        "A" if value.parse::<Ipv4Addr>().is_err() => {
            Err(t!("input.not_ipv4", value = shown(value)).into_owned())
        }
        "AAAA" if value.parse::<Ipv6Addr>().is_err() => {
            Err(t!("input.not_ipv6", value = shown(value)).into_owned())
        }
        _ => Ok(()),
    }
}

/// Checks one host (`@`, `*`, `www`, `_sip._tcp`, `*.dev`), returning it unchanged.
pub(crate) fn check_host(host: &str) -> Result<(), String> {
    if host == "@" {
        return Ok(());
    }
    if host.is_empty() {
        return Err(t!("input.empty_host").into_owned());
    }
    for label in host.split('.') {
        let valid_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '*');
        if label.is_empty() || label.chars().count() > 63 || !label.chars().all(valid_char) {
            return Err(t!("input.bad_host", host = shown(host)).into_owned());
        }
    }
    Ok(())
}

/// A comma list of hosts, checked and de-duplicated in order; the first spelling wins, as
/// DNS names ignore case.
pub(crate) fn check_hosts(raw: &str) -> Result<String, String> {
    check_host_list(raw).map(Cow::into_owned)
}

/// [`check_hosts`], borrowing `raw` when it is one host as it is (most records).
fn check_host_list(raw: &str) -> Result<Cow<'_, str>, String> {
    if !raw.contains(',') && raw.trim().len() == raw.len() {
        check_host(raw)?;
        return Ok(Cow::Borrowed(raw));
    }
    let mut hosts: Vec<&str> = Vec::new();
    for host in raw.split(',').map(str::trim) {
        // A list of one is named once: the host.
        check_host(host).map_err(|why| match raw.contains(',') {
            true => t!("input.bad_host_list", list = shown(raw), why = why).into_owned(),
            false => why,
        })?;
        if !hosts
            .iter()
            .any(|seen| seen.to_lowercase() == host.to_lowercase())
        {
            hosts.push(host);
        }
    }
    Ok(Cow::Owned(hosts.join(",")))
}

/// What checking a record's fields changes; most records are written as they end, so
/// checking a file's million records copies none of their text.
struct Fixed {
    /// The vocabulary's spelling of the type.
    record_type: &'static str,
    /// The host list de-duplicated, when that changes it.
    hosts: Option<String>,
    /// The value's length without an address's trailing dot.
    value_len: usize,
}

/// The one check of a record's fields, a spec's and a whole record's alike: type, hosts,
/// line, value by type, TTL and MX, in that order. The vendor's own example sends an
/// empty `sub_domain` for the apex, so that is let through.
fn check_fields(
    host: &str,
    record_type: &str,
    line: &str,
    value: &str,
    ttl: u64,
    mx: Option<u64>,
) -> Result<Fixed, String> {
    let record_type = record_type_of(record_type)?;
    let hosts = match host.is_empty() {
        true => None,
        false => match check_host_list(host)? {
            Cow::Owned(hosts) => Some(hosts),
            Cow::Borrowed(_) => None,
        },
    };
    if line.trim().is_empty() {
        return Err(t!("input.empty_line").into_owned());
    }
    // DNSPod lists some addresses with a trailing dot (`106.120.176.25.`): an export
    // of them imports as the address.
    let value = match matches!(record_type, "A" | "AAAA") {
        true => value.strip_suffix('.').unwrap_or(value),
        false => value,
    };
    check_value(record_type, value)?;
    check_ttl(ttl)?;
    check_mx_for(record_type, mx)?;
    Ok(Fixed {
        record_type,
        hosts,
        value_len: value.len(),
    })
}

/// A text field a check normalises in place: a spec's `String`, a whole record's
/// `CompactString`.
trait Text: AsRef<str> + From<&'static str> + From<String> {
    fn cut(&mut self, len: usize);
}

impl Text for String {
    fn cut(&mut self, len: usize) {
        self.truncate(len);
    }
}

impl Text for CompactString {
    fn cut(&mut self, len: usize) {
        self.truncate(len);
    }
}

/// [`check_fields`] of `[host, record_type, value]`, and the fields normalised where the
/// check changed them (a copy only then).
fn check_in_place<T: Text>(
    [host, record_type, value]: [&mut T; 3],
    line: &str,
    ttl: u64,
    mx: Option<u64>,
) -> Result<(), String> {
    let fixed = check_fields(
        host.as_ref(),
        record_type.as_ref(),
        line,
        value.as_ref(),
        ttl,
        mx,
    )?;
    if record_type.as_ref() != fixed.record_type {
        *record_type = fixed.record_type.into();
    }
    if let Some(hosts) = fixed.hosts {
        *host = hosts.into();
    }
    value.cut(fixed.value_len);
    Ok(())
}

// The check of a spec lives with the other checks of input text, not in the model.
impl RecordSpec {
    /// Checks and normalises the spec: type upper-cased, hosts de-duplicated. The vendor's
    /// own example sends an empty `sub_domain` for the apex, so that is let through.
    pub(crate) fn checked(mut self) -> Result<RecordSpec, String> {
        let line = &self.line;
        let (host, record_type, value) = (&mut self.host, &mut self.record_type, &mut self.value);
        check_in_place([host, record_type, value], line, self.ttl, self.mx)?;
        Ok(self)
    }
}

/// MX records need a priority in 1..=20; other types must not carry one.
fn check_mx_for(record_type: &str, mx: Option<u64>) -> Result<(), String> {
    match (record_type, mx) {
        ("MX", None) => Err(t!("input.mx_missing").into_owned()),
        ("MX", Some(priority)) => check_mx(priority).map(drop),
        (_, None) => Ok(()),
        (other, Some(p)) => Err(t!("input.mx_not_mx", mx = p, record_type = other).into_owned()),
    }
}

/// The specs of a `--records-file` (named `path`) that holds a JSON array in the API's
/// `records` format.
pub(crate) fn specs_from_array(path: &Path, text: &str) -> anyhow::Result<Vec<RecordSpec>> {
    let specs: Vec<RecordSpec> = serde_json::from_str(text)
        .map_err(|e| usage(t!("input.not_spec_array", file = path.display(), why = e)))?;
    if specs.is_empty() {
        return Err(usage(t!("input.empty_array", file = path.display())));
    }
    let mut checked = Vec::with_capacity(specs.len());
    let mut errors = Vec::new();
    for (i, spec) in specs.into_iter().enumerate() {
        match spec.checked() {
            Ok(spec) => checked.push(spec),
            Err(why) => {
                let at = i + 1;
                errors.push(
                    t!(
                        "input.array_record",
                        file = path.display(),
                        at = at,
                        why = why
                    )
                    .into(),
                )
            }
        }
    }
    if !errors.is_empty() {
        return Err(usage(super::list_errors(&errors)));
    }
    Ok(checked)
}

/// Checks `--change FIELD --to VALUE [--value V] [--mx P]` together.
pub(crate) fn check_change(
    field: ChangeField,
    to: &str,
    value: Option<&str>,
    mx: Option<u64>,
) -> Result<Change, String> {
    let to = to.trim();
    if to.is_empty() {
        return Err(t!("input.to_empty", field = field.name()).into_owned());
    }
    if value.is_some() && field != ChangeField::RecordType {
        return Err(t!("input.value_needs_type").into_owned());
    }
    let to = match field {
        ChangeField::Host => {
            check_host(to)?;
            to.to_owned()
        }
        ChangeField::RecordType => {
            let record_type = parse_record_type(to)?;
            let value = value.ok_or_else(|| t!("input.type_needs_value").into_owned())?;
            check_value(&record_type, value)?;
            record_type
        }
        ChangeField::Mx => super::values::parse_mx(to)?.to_string(),
        ChangeField::Ttl => super::values::parse_ttl(to)?.to_string(),
        ChangeField::Status => match to {
            "enable" | "disable" => to.to_owned(),
            _ => return Err(t!("input.bad_status", status = to).into_owned()),
        },
        ChangeField::Line | ChangeField::Value => to.to_owned(),
    };
    let makes_mx = field == ChangeField::RecordType && to == "MX";
    match (makes_mx, mx) {
        (true, None) => return Err(t!("input.to_mx_needs_mx").into_owned()),
        (false, Some(p)) => {
            return Err(t!("input.mx_without_to_mx", mx = p).into_owned());
        }
        _ => {}
    }
    Ok(Change {
        field,
        to,
        value: value.map(str::to_owned),
        mx,
    })
}

/// The highest weight DNSPod takes; 0 switches weighting off. (Look-ups list weights on
/// records of any type, so an export's weight on a TXT record is read back as it is.)
const MAX_WEIGHT: u64 = 100;

/// A whole record (a records file's row, a saved plan's step) checked as flag input is
/// (type upper-cased, hosts, value, TTL, MX), its weight too; the error names the bad
/// value.
pub(crate) fn checked_whole(mut record: Record) -> Result<Record, String> {
    let line = &record.line;
    let (host, record_type, value) = (&mut record.host, &mut record.record_type, &mut record.value);
    check_in_place([host, record_type, value], line, record.ttl, record.mx)?;
    match record.weight {
        Some(weight) if weight > MAX_WEIGHT => {
            Err(t!("input.bad_weight", weight = weight).into_owned())
        }
        _ => Ok(record),
    }
}

#[cfg(test)]
mod tests;
