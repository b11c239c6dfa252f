//! What a Batch.Record.Modify (or ModifyRecordBatch) job changes on each of its records.

use super::zone::Record;

/// What a Batch.Record.Modify job changes on each of its records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    SubDomain(String),
    RecordType(String),
    Area(String),
    Value(String),
    Mx(u16),
    Ttl(u32),
    Status(bool),
}

/// Why a change could not be read: its name, or its new value.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BadChange {
    Name,
    Value,
}

impl Change {
    /// The change named `name` (`sub_domain`, `ttl`, ...) to the value `to`.
    pub(crate) fn parse(name: &str, to: &str) -> Result<Change, BadChange> {
        fn number<T: std::str::FromStr>(to: &str) -> Result<T, BadChange> {
            to.trim().parse().map_err(|_| BadChange::Value)
        }
        Ok(match name.trim() {
            "sub_domain" => Change::SubDomain(to.to_string()),
            "record_type" => Change::RecordType(to.to_ascii_uppercase()),
            "area" => Change::Area(to.to_string()),
            "value" => Change::Value(to.to_string()),
            "mx" => Change::Mx(number(to)?),
            "ttl" => Change::Ttl(number(to)?),
            // The vendor's two copies of its page disagree on the pause value; take both.
            "status" => Change::Status(match to {
                "enable" | "enabled" => true,
                "disable" | "disabled" => false,
                _ => return Err(BadChange::Value),
            }),
            _ => return Err(BadChange::Name),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Modification {
    pub(crate) change: Change,
    /// The new value sent along with a type change.
    pub(crate) value: Option<String>,
    /// The priority sent along when the change makes MX records.
    pub(crate) mx: Option<u16>,
}

impl Modification {
    pub(crate) fn apply(&self, record: &mut Record) {
        if let Some(value) = &self.value {
            record.value.clone_from(value);
        }
        if self.mx.is_some() {
            record.mx = self.mx;
        }
        match &self.change {
            Change::SubDomain(sub) => record.sub_domain.clone_from(sub),
            Change::RecordType(record_type) => record.record_type.clone_from(record_type),
            Change::Area(line) => record.line.clone_from(line),
            Change::Value(value) => record.value.clone_from(value),
            Change::Mx(mx) => record.mx = Some(*mx),
            Change::Ttl(ttl) => record.ttl = *ttl,
            Change::Status(enabled) => record.enabled = *enabled,
        }
    }
}
