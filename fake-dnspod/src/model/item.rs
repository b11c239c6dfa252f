//! A job's items: a domain line and its record lines, each with how far it got.

use super::change::Edit;
use super::zone::{Failure, Record};

/// An item's state; items only move forward, and `Ok`/`Error` are final.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Waiting,
    Running,
    Ok,
    Error(Failure),
}

impl Status {
    pub(super) fn is_final(self) -> bool {
        matches!(self, Status::Ok | Status::Error(_))
    }
}

/// One record line of a job: what it will write, and how far it got.
#[derive(Clone)]
pub(crate) struct RecordItem {
    /// `id` is the record's once it exists (0 before); `domain_id` is set on creation.
    pub(crate) record: Record,
    pub(crate) status: Status,
    /// Of a record-modify job, the record as it was when the job was submitted: what the
    /// submit's answer echoes.
    pub(crate) before: Option<Record>,
    /// Of a record-modify job, what it changes on the record when it turns final.
    pub(crate) edit: Option<Edit>,
}

impl RecordItem {
    pub(crate) fn waiting(record: Record) -> RecordItem {
        RecordItem {
            record,
            status: Status::Waiting,
            before: None,
            edit: None,
        }
    }

    /// The record as a submit's echo shows it: as it was before a change.
    pub(crate) fn echoed(&self) -> &Record {
        self.before.as_ref().unwrap_or(&self.record)
    }

    /// The record's id, once it names one.
    pub(crate) fn record_id(&self) -> Option<u64> {
        (self.record.id != 0).then_some(self.record.id)
    }
}

/// One domain line of a job, with its records.
pub(crate) struct DomainItem {
    /// Empty when the job names no known domain.
    pub(crate) name: String,
    /// Known from the start for record jobs, set on creation for domain jobs.
    pub(crate) domain_id: Option<u64>,
    pub(crate) status: Status,
    pub(crate) records: Vec<RecordItem>,
}

impl DomainItem {
    pub(crate) fn waiting(name: &str, domain_id: Option<u64>, records: Vec<RecordItem>) -> Self {
        DomainItem {
            name: name.to_string(),
            domain_id,
            status: Status::Waiting,
            records,
        }
    }
}
