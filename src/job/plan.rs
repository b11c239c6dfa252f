//! The plan of an operation: the parts (jobs) its work was cut into, before any was sent.
//! `history/` stores it on the operation's first line, so `resume` can send what was not.

use super::JobSpec;
use serde::{Deserialize, Serialize};

/// What a split operation was cut into, before any of it was sent.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    /// The `--job-size` it was cut with.
    pub job_size: usize,
    pub parts: Vec<Part>,
}

/// One job of a plan.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct Part {
    pub spec: JobSpec,
    /// The job whose failed items this part retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<u64>,
}
