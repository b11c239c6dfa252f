//! One step of a desired-state plan ([`Step`]): create, modify or delete one record of a
//! domain, with the record as it is and as it will be. `plan` shows them, `apply` carries
//! them out, and `undo` of an apply reads them back.

use super::Record;
use compact_str::CompactString;
use rust_i18n::t;
use serde::{Deserialize, Serialize};

/// What a step does to its record.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Action {
    Create,
    Modify,
    Delete,
}

impl Action {
    /// The word a plan shows.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Modify => "modify",
            Action::Delete => "delete",
        }
    }

    /// The word a message shows, in the user's language.
    pub(crate) fn word(self) -> std::borrow::Cow<'static, str> {
        match self {
            Action::Create => t!("job.action_create"),
            Action::Modify => t!("job.action_modify"),
            Action::Delete => t!("job.action_delete"),
        }
    }
}

/// One change to one record of a domain.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct Step {
    pub action: Action,
    pub domain: CompactString,
    pub domain_id: u64,
    /// The record's ID in the account; `None` for a create.
    pub record_id: Option<u64>,
    /// The record as the account holds it; `None` for a create.
    pub before: Option<Record>,
    /// The record as it will be; `None` for a delete.
    pub after: Option<Record>,
}

impl Step {
    /// What names this step's call in the history: the record ID of a modify or delete;
    /// of a create, which has none yet, a hash of its domain and record (FNV-1a over
    /// fields that never change meaning, so every dpbatch reads it alike), its top bit
    /// set so that it is no record ID.
    pub(crate) fn call_key(&self) -> u64 {
        if let (Some(id), Action::Modify | Action::Delete) = (self.record_id, self.action) {
            return id;
        }
        let record = self.after.as_ref();
        let fields = record.map(|r| [r.host.as_str(), &r.record_type, &r.line, &r.value]);
        let text = format!(
            "{}\n{}",
            self.domain_id,
            fields.unwrap_or_default().join("\n")
        );
        let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        hash | 1 << 63
    }

    /// `create of www A 1.2.3.4 in a.cn`, `modify of record 7 (www A 1.2.3.4) in a.cn`,
    /// control characters escaped.
    pub(crate) fn describe(&self) -> String {
        let record = self.after.as_ref().or(self.before.as_ref());
        let fields = record.map_or_else(String::new, |r| {
            format!("{} {} {}", r.host, r.record_type, r.value)
        });
        let (action, domain) = (self.action.word(), &self.domain);
        crate::escape::visible(&match self.record_id {
            Some(id) => t!(
                "job.step_of_record",
                action = action,
                id = id,
                fields = fields,
                domain = domain
            ),
            None => t!(
                "job.step_of_fields",
                action = action,
                fields = fields,
                domain = domain
            ),
        })
        .into_owned()
    }

    /// The record as it was, for `undo`: of a modify or delete.
    pub(crate) fn kept(&self) -> Option<super::Before> {
        Some(self.before.as_ref()?.before(&self.domain, self.record_id?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calls_key_is_the_record_id_or_a_stable_hash_of_the_create() {
        let create = Step {
            action: Action::Create,
            domain: "a.cn".into(),
            domain_id: 7,
            record_id: None,
            before: None,
            after: Some(Record::new("www", "A", "1.2.3.4")),
        };
        // Pinned (computed apart, in Python): the history keeps it, and a later dpbatch
        // must read it alike.
        assert_eq!(create.call_key(), 0xdf6a_e821_61f5_dc42);
        let modify = Step {
            action: Action::Modify,
            record_id: Some(99),
            ..create.clone()
        };
        assert_eq!(modify.call_key(), 99);
        let other = Step {
            domain_id: 8,
            ..create.clone()
        };
        assert_ne!(other.call_key(), create.call_key());
    }
}
