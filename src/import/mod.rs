//! `record-create --records-file`: the records of a file in any format it takes, the
//! JSON array of the API's `records` format, an `export` file (JSON Lines or CSV) or a
//! BIND zone file, with the domain each goes to. The format is told by the extension
//! (`.jsonl`, `.csv`, `.zone`), else by the content. Everything is checked before anything
//! is sent: every bad line is named, and no look-up is made.

mod desired;
mod rows;
mod sets;
mod whole;
mod zone;

pub(crate) use desired::{DesiredDomain, Lines, notes as desired_notes, read_desired};
pub(crate) use sets::each_once;

use crate::error::usage;
use crate::export::COLUMNS;
use crate::input::records;
use crate::input::{describe, list_errors, read_text};
use crate::job::RecordSpec;
use compact_str::CompactString;
use rust_i18n::t;
use sets::Grouper;
use std::path::Path;
use std::rc::Rc;
use whole::{Described, Dropped};

/// The records of one domain of the file, or of whichever domains the command names.
#[derive(Debug, PartialEq)]
pub(crate) struct Set {
    /// The domain the file names for them (checked), `None` when it names none. Most
    /// names fit in the value itself, with no allocation of their own.
    pub domain: Option<CompactString>,
    /// Each once, in the file's order; a record many domains get is one shared copy.
    pub records: Vec<Rc<RecordSpec>>,
}

/// What a records file asks for.
#[derive(Debug, PartialEq)]
pub(crate) struct Import {
    /// One set a domain, in the order the file first names them.
    pub sets: Vec<Set>,
    /// What was skipped or dropped, for stderr.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Array,
    Jsonl,
    Csv,
    Zone,
}

/// Reads and checks `path` (`-`: stdin). `domain` is the one domain named on the
/// command line, if there is exactly one: a zone file's origin when it has no `$ORIGIN`.
pub(crate) fn read(path: &Path, domain: Option<&str>) -> anyhow::Result<Import> {
    let text = read_text(path)?;
    let name = describe(path);
    let mut grouper = Grouper::default();
    let mut kept = Kept::default();
    let mut notes = Vec::new();
    match format(path, &text) {
        Format::Array => {
            for spec in records::specs_from_array(path, &text)? {
                grouper.add(None, spec);
            }
        }
        Format::Zone => {
            let each = |apex: Option<&str>, described| kept.add(&mut grouper, apex, &described);
            let zone = zone::read(&text, domain, each).map_err(|e| bad_lines(&name, &e))?;
            notes = zone.notes;
        }
        format => {
            let mut each = |described: Described| {
                kept.add(&mut grouper, described.domain.as_deref(), &described);
                Ok(())
            };
            let errors = match format {
                Format::Csv => rows::csv(&text, &mut each),
                _ => rows::jsonl(&text, &mut each),
            };
            if !errors.is_empty() {
                return Err(bad_lines(&name, &errors));
            }
        }
    }
    drop(text);
    let sets = grouper.finish();
    if sets.is_empty() {
        return Err(usage(t!("import.no_record", file = name)));
    }
    notes.extend(kept.notes());
    let notes = notes
        .into_iter()
        .map(|note| format!("{name} {note}"))
        .collect();
    Ok(Import { sets, notes })
}

/// What a records file's whole records become: specs of a batch create job, with the
/// lines of DNSPod's own NS records and of what the job leaves out.
#[derive(Default)]
struct Kept {
    system: Vec<usize>,
    dropped: Dropped,
}

impl Kept {
    fn add(&mut self, grouper: &mut Grouper, domain: Option<&str>, described: &Described) {
        if described.system {
            self.system.push(described.line);
        } else if let Some(spec) = self.dropped.spec(described) {
            grouper.add(domain, spec);
        }
    }

    fn notes(&self) -> Vec<String> {
        let apex_ns = apex_ns_note(&self.system);
        apex_ns.into_iter().chain(self.dropped.notes()).collect()
    }
}

/// One error naming every bad line of the file.
fn bad_lines(name: &str, errors: &[String]) -> anyhow::Error {
    let errors: Vec<String> = errors.iter().map(|e| format!("{name} {e}")).collect();
    usage(list_errors(&errors))
}

/// The file's format: by extension, else `[` for the array, `{` for JSON Lines, an
/// export's header for CSV, and a zone file otherwise.
fn format(path: &Path, text: &str) -> Format {
    let extension = path.extension().and_then(|e| e.to_str());
    match extension.map(str::to_ascii_lowercase).as_deref() {
        Some("jsonl" | "ndjson") => return Format::Jsonl,
        Some("csv") => return Format::Csv,
        Some("zone") => return Format::Zone,
        _ => {}
    }
    let start = text.trim_start();
    let header = start.lines().next().unwrap_or_default();
    if start.starts_with('[') {
        Format::Array
    } else if start.starts_with('{') {
        Format::Jsonl
    } else if header.contains(',') && header.split(',').all(|c| COLUMNS.contains(&column(c))) {
        Format::Csv
    } else {
        Format::Zone
    }
}

/// A header cell as a name: spreadsheets quote every cell of the header.
fn column(cell: &str) -> &str {
    let cell = cell.trim();
    cell.strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .unwrap_or(cell)
}

/// `line 4` or `lines 2, 3, ... and 5 more`: the first ten.
fn at_lines(lines: &[usize]) -> String {
    let shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
    let more = lines.len().saturating_sub(10);
    let list = shown.join(", ");
    match (lines.len(), more) {
        (1, _) => t!("import.at_line", line = list),
        (_, 0) => t!("import.at_lines", lines = list),
        (_, more) => t!("import.at_lines_more", lines = list, more = more),
    }
    .into_owned()
}

/// The note on the NS records of the apex a file holds, skipped in every format: DNSPod
/// keeps its own there, which a job must not create again.
fn apex_ns_note(lines: &[usize]) -> Option<String> {
    (!lines.is_empty()).then(|| {
        let records = match lines.len() {
            1 => t!("import.ns_record"),
            n => t!("import.ns_records", count = n),
        };
        t!("import.apex_ns", lines = at_lines(lines), records = records).into_owned()
    })
}

#[cfg(test)]
mod tests;
