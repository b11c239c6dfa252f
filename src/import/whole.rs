//! A record a file describes whole ([`Described`]), as every format's one parser gives it:
//! checked like flag input, then either kept whole (the desired state of `plan` and
//! `apply`) or cut to what a batch create job sends (`record-create --records-file`),
//! with what that leaves out said in notes ([`Dropped`]).

use super::at_lines;
use crate::job::{Record, RecordSpec};

/// One record of a file, whole, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Described {
    /// The line it starts on.
    pub line: usize,
    /// The domain its row names (checked); `None` when it names none (a zone file's).
    pub domain: Option<String>,
    pub record: Record,
    /// An NS record of the apex that DNSPod keeps (a row's `system` mark; in a zone file
    /// or an older export, any NS record of the apex), which no job creates.
    pub system: bool,
}

/// The record checked as flag input is, its weight too (shared with a saved plan's).
pub(super) use crate::input::records::checked_whole as checked;

/// The lines of what a batch create job leaves out of the records it is given.
#[derive(Default)]
pub(super) struct Dropped {
    /// Paused records, skipped: a batch job cannot create one paused.
    paused: Vec<usize>,
    /// Remarks, dropped: no batch action sets one.
    remarks: Vec<usize>,
    /// Weights, dropped: no batch create job sets one.
    weights: Vec<usize>,
}

impl Dropped {
    /// What a batch create job sends of `described`, `None` for a paused record.
    pub(super) fn spec(&mut self, described: &Described) -> Option<RecordSpec> {
        let record = &described.record;
        if !record.enabled {
            self.paused.push(described.line);
            return None;
        }
        if !record.remark.is_empty() {
            self.remarks.push(described.line);
        }
        if record.weight.is_some() {
            self.weights.push(described.line);
        }
        Some(record.spec())
    }

    /// What the notes say, each naming its lines.
    pub(super) fn notes(&self) -> Vec<String> {
        let said = [
            (
                &self.paused,
                "skipped paused records, as a batch job cannot create a record paused",
            ),
            (
                &self.remarks,
                "the records are created without their remarks, which no batch action sets",
            ),
            (
                &self.weights,
                "the records are created without their weights, which no batch create job sets",
            ),
        ];
        said.into_iter()
            .filter(|(lines, _)| !lines.is_empty())
            .map(|(lines, why)| format!("{}: {why}", at_lines(lines)))
            .collect()
    }
}
