//! One way to tell whether a record in the account is what a job asks for, field by
//! field as DNS reads them: DNSPod writes some values its own way (a trailing dot, the
//! case of a name, quotes round a TXT value, an empty host for `@`, an empty line for the
//! default one), so neither side's spelling is taken at its word.

use super::{AccountRecord, Change, ChangeField, DEFAULT_LINE, RecordSpec};
use std::net::IpAddr;

/// Two hosts name the same name: as their [`host_key`]s.
pub(crate) fn same_host(a: &str, b: &str) -> bool {
    host_key(a) == host_key(b)
}

/// A host in one form, to compare, group or sort by: `@` for an empty host, else as
/// [`name_key`] spells it (a zone file's reader gives IDN labels as punycode, the
/// look-ups and export rows in Unicode).
pub(crate) fn host_key(host: &str) -> String {
    match host.trim() {
        "" => "@".to_owned(),
        host => name_key(host),
    }
}

/// A name in ASCII (an IDN label as its punycode) and lower case; one IDNA cannot map is
/// kept as written, in lower case.
fn name_key(name: &str) -> String {
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    idna::domain_to_ascii(name).unwrap_or_else(|_| name.to_lowercase())
}

/// Two record types are the same type, in any case.
pub(crate) fn same_type(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Two lines are the same line: as named, an empty line being the default one.
pub(crate) fn same_line(a: &str, b: &str) -> bool {
    let default = |l: &str| if l.is_empty() { DEFAULT_LINE } else { l }.to_owned();
    default(a.trim()) == default(b.trim())
}

/// Two weights are one weight: 0 switches weighting off, as no weight does (RECORDS.md,
/// both APIs), and a record whose weight was dropped lists 0 or none as the vendor likes.
pub(crate) fn same_weight(a: Option<u64>, b: Option<u64>) -> bool {
    a.filter(|w| *w != 0) == b.filter(|w| *w != 0)
}

/// Two values of a record of `record_type` are the same: their [`value_key`]s are equal.
pub(crate) fn same_value(record_type: Option<&str>, a: &str, b: &str) -> bool {
    value_key(record_type, a) == value_key(record_type, b)
}

/// A value of a record of `record_type` as DNS compares it, to compare, hash or sort by:
/// an address as the address it parses to (`2001:DB8:0::1` is `2001:db8::1`), a name
/// (CNAME, NS, MX, PTR, SRV, and an A or AAAA value that is no address) without its
/// trailing dot, in ASCII and lower case; TXT and SPF text as written but for the quotes round
/// it; any other value (a URL forward's path, a CAA or HTTPS value, which case can
/// change) exactly as written.
pub(crate) fn value_key(record_type: Option<&str>, value: &str) -> String {
    let of = |types: &[&str]| record_type.is_some_and(|t| types.iter().any(|x| same_type(t, x)));
    let value = value.trim();
    if of(&["TXT", "SPF"]) {
        let bare = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
        return bare.unwrap_or(value).to_owned();
    }
    if !of(&["A", "AAAA", "CNAME", "NS", "MX", "PTR", "SRV"]) {
        return value.to_owned();
    }
    let bare = value.strip_suffix('.').unwrap_or(value);
    match bare.parse::<IpAddr>() {
        Ok(address) => address.to_string(),
        Err(_) => name_key(bare),
    }
}

/// What tells a record apart, as one source shows it: its host, type, line and value,
/// any of which that source may leave out.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct RecordFields<'a> {
    pub host: Option<&'a str>,
    pub record_type: Option<&'a str>,
    pub line: Option<&'a str>,
    pub value: Option<&'a str>,
}

impl RecordFields<'_> {
    /// Whether `other` has every field these show (one these leave out is anything): the
    /// same record as far as these tell.
    pub(crate) fn found_in(&self, other: &RecordFields<'_>) -> bool {
        let same =
            |mine: Option<&str>, theirs: Option<&str>, same: &dyn Fn(&str, &str) -> bool| match (
                mine, theirs,
            ) {
                (None, _) => true,
                (Some(mine), Some(theirs)) => same(mine, theirs),
                (Some(_), None) => false,
            };
        // The type values are read by: whichever source shows it.
        let record_type = self.record_type.or(other.record_type);
        same(self.host, other.host, &same_host)
            && same(self.record_type, other.record_type, &same_type)
            && same(self.line, other.line, &same_line)
            && same(self.value, other.value, &|a, b| {
                same_value(record_type, a, b)
            })
    }
}

impl AccountRecord {
    pub(crate) fn fields(&self) -> RecordFields<'_> {
        RecordFields {
            host: self.host.as_deref(),
            record_type: self.record_type.as_deref(),
            line: self.line.as_deref(),
            value: self.value.as_deref(),
        }
    }
}

impl RecordSpec {
    /// Whether a record (an account's, or as a job's detail shows one) is one this spec
    /// asks for: on one of its hosts, of its type, line and value (TTL and priority aside:
    /// they tell no record apart). A field the record's source leaves out matches nothing.
    pub(crate) fn matches(&self, record: &RecordFields<'_>) -> bool {
        let (Some(host), Some(record_type), Some(line), Some(value)) =
            (record.host, record.record_type, record.line, record.value)
        else {
            return false;
        };
        self.host.split(',').any(|h| same_host(h, host))
            && same_type(&self.record_type, record_type)
            && same_line(&self.line, line)
            && same_value(Some(record_type), &self.value, value)
    }
}

impl Change {
    /// Whether `record` already has what this change gives it.
    pub(crate) fn is_met_by(&self, record: &AccountRecord) -> bool {
        let to = self.to.as_str();
        let now = record.fields();
        match self.field {
            ChangeField::Host => now.host.is_some_and(|host| same_host(host, to)),
            ChangeField::RecordType => {
                now.record_type.is_some_and(|t| same_type(t, to))
                    && self.value.as_deref().is_some_and(|want| {
                        now.value.is_some_and(|is| same_value(Some(to), is, want))
                    })
            }
            ChangeField::Line => now.line.is_some_and(|line| same_line(line, to)),
            ChangeField::Value => now
                .value
                .is_some_and(|value| same_value(now.record_type, value, to)),
            ChangeField::Mx => record.mx.is_some_and(|mx| mx.to_string() == to),
            ChangeField::Ttl => record.ttl.is_some_and(|ttl| ttl.to_string() == to),
            ChangeField::Status => record.enabled == (to == "enable"),
        }
    }
}

#[cfg(test)]
mod tests;
