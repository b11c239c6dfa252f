//! How the calls of a part sent one call a record ended, kept on the part's line: what
//! `resume` must not send again and what `undo` may put back.

use serde::{Deserialize, Serialize};

/// The records of a part's calls, by ID, by how each call ended.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub(crate) struct Calls {
    /// Done as asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<u64>,
    /// Not there any more: nothing to do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gone: Vec<u64>,
    /// Refused for the record alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failed: Vec<u64>,
    /// Its answer was lost: it may have been done. Never sent again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<u64>,
}

impl Calls {
    /// Every record a call was sent for, however it ended.
    pub(crate) fn sent(&self) -> impl Iterator<Item = u64> + '_ {
        self.done
            .iter()
            .chain(&self.gone)
            .chain(&self.failed)
            .chain(&self.unknown)
            .copied()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.sent().next().is_none()
    }
}
