//! A record a file describes whole ([`Described`]), as every format's one parser gives it:
//! checked like flag input, then either kept whole (the desired state of `plan` and
//! `apply`) or cut to what a batch create job sends (`record-create --records-file`),
//! with what that leaves out said in notes ([`Dropped`]).

use super::at_lines;
use crate::job::{DEFAULT_LINE, Record, RecordSpec, same_host, same_line, same_type};
use rust_i18n::t;

/// One record of a file, whole, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Described {
    /// The line it starts on.
    pub line: usize,
    /// The domain its row names (checked); `None` when it names none (a zone file's).
    pub domain: Option<String>,
    pub record: Record,
    /// An NS record of the apex that DNSPod keeps, which no job creates: in a row,
    /// [`dnspods_own`]; in a zone file, any NS record of the apex.
    pub system: bool,
}

/// The record checked as flag input is, its weight too (shared with a saved plan's).
pub(super) use crate::input::records::checked_whole as checked;

/// Whether `record` is one of the NS records DNSPod keeps at every apex: NS, at the apex,
/// on the default line, naming one of DNSPod's name servers. Told by the record alone:
/// a file's word would hide the user's own records, which a plan then deletes.
pub(super) fn dnspods_own(record: &Record) -> bool {
    same_type(&record.record_type, "NS")
        && same_host(&record.host, "@")
        && same_line(&record.line, DEFAULT_LINE)
        && dnspods_name_server(&record.value)
}

/// Whether an NS value names one of DNSPod's own name servers (`f1g1ns1.dnspod.net.`,
/// `ns3.dnsv5.com.`).
pub(super) fn dnspods_name_server(value: &str) -> bool {
    let name = value.trim_end_matches('.').to_ascii_lowercase();
    let Some((_, zone)) = name.split_once('.') else {
        return false;
    };
    let dnsv = zone
        .strip_prefix("dnsv")
        .and_then(|z| z.strip_suffix(".com"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    dnsv || matches!(zone, "dnspod.net" | "dnspod.com")
}

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
            (&self.paused, t!("import.skipped_paused")),
            (&self.remarks, t!("import.without_remarks")),
            (&self.weights, t!("import.without_weights")),
        ];
        said.into_iter()
            .filter(|(lines, _)| !lines.is_empty())
            .map(|(lines, why)| t!("import.note", lines = at_lines(lines), why = why).into_owned())
            .collect()
    }
}
