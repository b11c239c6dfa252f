//! One step of a desired-state plan ([`Step`]): create, modify or delete one record of a
//! domain, with the record as it is and as it will be. `plan` shows them, `apply` carries
//! them out, and `undo` of an apply reads them back.

use super::Record;
use compact_str::CompactString;
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
