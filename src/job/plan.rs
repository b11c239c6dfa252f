//! The plan of an operation: the parts its work was cut into, before any was sent, each
//! a batch job or, where the API has no job for it, one call a record.
//! `history/` stores it on the operation's first line, so `resume` can send what was not.

use super::{Before, JobSpec};
use serde::{Deserialize, Serialize};

/// What a split operation was cut into, before any of it was sent.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    /// The `--job-size` it was cut with.
    pub job_size: usize,
    pub parts: Vec<Part>,
    /// The records its parts sent as calls delete, whole, for what `resume` shows and
    /// keeps of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Before>,
}

/// One part of a plan.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct Part {
    pub spec: JobSpec,
    /// The job whose failed items this part retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<u64>,
    /// How it is sent; a line without it (older dpbatch) is a job.
    #[serde(default, skip_serializing_if = "By::is_job")]
    pub by: By,
    /// The part's phase: a part is sent only once every job of an earlier phase has
    /// finished (an apply's deletes that a CNAME waits for, its default-line records
    /// before other lines'). A line without it is of phase 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub phase: u8,
}

fn is_zero(phase: &u8) -> bool {
    *phase == 0
}

impl Part {
    /// A part sent as one job.
    pub(crate) fn job(spec: JobSpec, retry_of: Option<u64>) -> Part {
        Part {
            spec,
            retry_of,
            by: By::Job,
            phase: 0,
        }
    }

    /// What the part sends, one spec a request: its job, or of a part sent one call a
    /// record, a deletion of each record alone.
    pub(crate) fn requests(&self) -> Vec<JobSpec> {
        match (&self.spec, self.by) {
            (
                JobSpec::RecordDelete {
                    domain_ids,
                    record_ids,
                },
                By::Calls,
            ) => domain_ids
                .iter()
                .zip(record_ids)
                .map(|(&domain, &record)| JobSpec::RecordDelete {
                    domain_ids: vec![domain],
                    record_ids: vec![record],
                })
                .collect(),
            (JobSpec::RecordSteps { steps }, By::Calls) => steps
                .iter()
                .map(|step| JobSpec::RecordSteps {
                    steps: vec![step.clone()],
                })
                .collect(),
            _ => vec![self.spec.clone()],
        }
    }
}

impl Part {
    /// The key of each call of a part sent one call a record, in order: a deletion's
    /// record IDs, a step's [`super::Step::call_key`].
    pub(crate) fn call_keys(&self) -> Vec<u64> {
        match &self.spec {
            JobSpec::RecordDelete { record_ids, .. } => record_ids.clone(),
            JobSpec::RecordSteps { steps } => steps.iter().map(|s| s.call_key()).collect(),
            _ => Vec::new(),
        }
    }

    /// The part with only its calls at `indices` (in order, each in range).
    pub(crate) fn with_calls(&self, indices: &[usize]) -> Part {
        let pick = |ids: &[u64]| {
            indices
                .iter()
                .filter_map(|&at| ids.get(at).copied())
                .collect()
        };
        let spec = match &self.spec {
            JobSpec::RecordDelete {
                record_ids,
                domain_ids,
            } => JobSpec::RecordDelete {
                record_ids: pick(record_ids),
                domain_ids: pick(domain_ids),
            },
            JobSpec::RecordSteps { steps } => JobSpec::RecordSteps {
                steps: indices
                    .iter()
                    .filter_map(|&at| steps.get(at).cloned())
                    .collect(),
            },
            other => other.clone(),
        };
        Part {
            spec,
            ..self.clone()
        }
    }
}

/// How a part is sent.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum By {
    /// One batch job.
    #[default]
    Job,
    /// One call a record, each sent once, where the API has no job for it (the legacy
    /// API's Record.Remove).
    Calls,
}

impl By {
    fn is_job(&self) -> bool {
        *self == By::Job
    }
}
