//! The rows of an `export` file, JSON Lines or CSV, as record specs with the domain each
//! names. Record IDs are ignored; paused records are skipped (a batch job cannot create
//! one paused) and remarks dropped (no batch action sets one), each said in a note.

use crate::backend::de;
use crate::export::COLUMNS;
use crate::input::domains::check_domain;
use crate::input::records::{DEFAULT_LINE, DEFAULT_TTL, RecordSpec};
use compact_str::CompactString;
use serde::Deserialize;
use serde::de::{Deserializer, Error as _, IgnoredAny};

/// One row of an export file, as `export` writes it; only the keys it writes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    #[serde(default, deserialize_with = "de::opt_text")]
    domain: Option<CompactString>,
    /// The ID in the account exported from: no use to another.
    #[serde(rename = "record_id", default)]
    _record_id: IgnoredAny,
    #[serde(default = "apex")]
    sub_domain: String,
    record_type: String,
    #[serde(default = "default_line")]
    line: String,
    value: String,
    #[serde(default = "default_ttl", deserialize_with = "de::u64_lenient")]
    ttl: u64,
    #[serde(default, deserialize_with = "de::opt_u64")]
    mx: Option<u64>,
    #[serde(default = "enabled", deserialize_with = "flag")]
    enabled: bool,
    #[serde(default, deserialize_with = "de::opt_remark")]
    remark: Option<CompactString>,
}

fn apex() -> String {
    "@".to_owned()
}

fn default_line() -> String {
    DEFAULT_LINE.to_owned()
}

fn default_ttl() -> u64 {
    DEFAULT_TTL
}

fn enabled() -> bool {
    true
}

/// `true`/`false` as JSON writes them, as text (any case: spreadsheets write `TRUE`), or
/// `1`/`0`.
fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    let text = de::opt_text(deserializer)?
        .unwrap_or_default()
        .to_ascii_lowercase();
    match text.as_str() {
        "true" | "1" | "" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(D::Error::custom(format!(
            "enabled `{text}` is not true or false"
        ))),
    }
}

/// A record of the file: the domain it names (checked) and the spec.
pub(super) struct Imported {
    pub domain: Option<String>,
    pub spec: RecordSpec,
}

/// What the rows ask for, and what was skipped.
#[derive(Default)]
pub(super) struct Rows {
    pub records: Vec<Imported>,
    /// Lines of paused records, skipped.
    pub paused: Vec<usize>,
    /// Lines of records whose remark is dropped.
    pub remarks: Vec<usize>,
}

/// The rows of a JSON Lines file; errors are `line N: why`.
pub(super) fn jsonl(text: &str) -> (Rows, Vec<String>) {
    let rows = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let row = serde_json::from_str::<Row>(line).map_err(|e| {
                // serde_json says where in the line; the line number is ours.
                let why = e.to_string();
                why.split(" at line ").next().unwrap_or_default().to_owned()
            });
            (i + 1, row)
        });
    collect(rows)
}

/// The rows of a CSV file under its header (line 1), columns in any order.
pub(super) fn csv(text: &str) -> (Rows, Vec<String>) {
    let records = match crate::csv_file::read(text) {
        Ok(records) => records,
        Err(why) => return (Rows::default(), vec![why]),
    };
    let Some((header, records)) = records.split_first() else {
        return (Rows::default(), vec!["line 1: no header row".to_owned()]);
    };
    let mut seen = Vec::new();
    for name in &header.fields {
        if !COLUMNS.contains(&name.as_str()) || seen.contains(&name) {
            let why = match seen.contains(&name) {
                true => "twice",
                false => "is not one export writes",
            };
            return (
                Rows::default(),
                vec![format!("line 1: the column `{name}` {why}")],
            );
        }
        seen.push(name);
    }
    let rows = records.iter().map(|record| {
        let row = if record.fields.len() == header.fields.len() {
            let cells = header.fields.iter().zip(&record.fields);
            let cells = cells
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(name, cell)| (name.clone(), serde_json::Value::from(cell.as_str())));
            serde_json::from_value::<Row>(serde_json::Value::Object(cells.collect()))
                .map_err(|e| e.to_string())
        } else {
            Err(format!(
                "{} fields, but the header has {}",
                record.fields.len(),
                header.fields.len()
            ))
        };
        (record.line, row)
    });
    collect(rows)
}

/// Each row checked like flag input; every bad one named with its line.
fn collect(rows: impl Iterator<Item = (usize, Result<Row, String>)>) -> (Rows, Vec<String>) {
    let mut read = Rows::default();
    let mut errors = Vec::new();
    for (line, row) in rows {
        match row.and_then(|row| imported(line, row, &mut read)) {
            Ok(Some(record)) => read.records.push(record),
            Ok(None) => {}
            Err(why) => errors.push(format!("line {line}: {why}")),
        }
    }
    (read, errors)
}

/// The row's record, or `None` for a paused one.
fn imported(line: usize, row: Row, read: &mut Rows) -> Result<Option<Imported>, String> {
    let domain = row.domain.as_deref().map(check_domain).transpose()?;
    let spec = RecordSpec {
        sub_domain: row.sub_domain,
        record_type: row.record_type,
        record_line: row.line,
        value: row.value,
        ttl: row.ttl,
        mx: row.mx,
    }
    .checked()?;
    if !row.enabled {
        read.paused.push(line);
        return Ok(None);
    }
    if row.remark.is_some() {
        read.remarks.push(line);
    }
    Ok(Some(Imported { domain, spec }))
}
