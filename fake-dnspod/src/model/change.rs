//! What a record-modify job changes on each of its records: one field of them all
//! (Batch.Record.Modify, ModifyRecordBatch), or each record its own fields
//! (ModifyRecordBatchV3), both as an [`Edit`] of each record.

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
    /// The same change as the fields it sets.
    pub(crate) fn edit(&self) -> Edit {
        let mut edit = Edit {
            value: self.value.clone(),
            mx: self.mx,
            ..Edit::default()
        };
        match &self.change {
            Change::SubDomain(sub) => edit.sub_domain = Some(sub.clone()),
            Change::RecordType(record_type) => edit.record_type = Some(record_type.clone()),
            Change::Area(line) => edit.line = Some(line.clone()),
            Change::Value(value) => edit.value = Some(value.clone()),
            Change::Mx(mx) => edit.mx = Some(*mx),
            Change::Ttl(ttl) => edit.ttl = Some(*ttl),
            Change::Status(enabled) => edit.enabled = Some(*enabled),
        }
        edit
    }
}

/// The fields a job sets on one record; those left `None` stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Edit {
    pub(crate) sub_domain: Option<String>,
    pub(crate) record_type: Option<String>,
    pub(crate) line: Option<String>,
    pub(crate) value: Option<String>,
    pub(crate) enabled: Option<bool>,
    pub(crate) remark: Option<String>,
    pub(crate) weight: Option<u16>,
    pub(crate) mx: Option<u16>,
    pub(crate) ttl: Option<u32>,
}

impl Edit {
    pub(crate) fn apply(&self, record: &mut Record) {
        fn set<T: Clone>(field: &mut T, to: Option<&T>) {
            if let Some(to) = to {
                field.clone_from(to);
            }
        }
        set(&mut record.sub_domain, self.sub_domain.as_ref());
        set(&mut record.record_type, self.record_type.as_ref());
        set(&mut record.line, self.line.as_ref());
        set(&mut record.value, self.value.as_ref());
        set(&mut record.enabled, self.enabled.as_ref());
        set(&mut record.remark, self.remark.as_ref());
        set(&mut record.ttl, self.ttl.as_ref());
        if self.weight.is_some() {
            record.weight = self.weight;
        }
        if self.mx.is_some() {
            record.mx = self.mx;
        }
    }
}
