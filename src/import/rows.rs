//! The rows of an `export` file, JSON Lines or CSV, as whole records with the domain
//! each names ([`Described`]). Record IDs are ignored; a missing key or an empty cell is
//! the vendor's default. DNSPod's own NS records are marked `system` for the reader to
//! skip, told by the record itself ([`dnspods_own`]); a row's `system: true` on any other
//! record is refused, as it would hide that record.

use super::whole::{Described, checked, dnspods_own};
use crate::de;
use crate::export::COLUMNS;
use crate::input::domains::check_domain;
use crate::input::shown;
use crate::job::{DEFAULT_LINE, DEFAULT_TTL, Record};
use compact_str::CompactString;
use rust_i18n::t;
use serde::Deserialize;
use serde::de::value::{self, MapDeserializer};
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
    sub_domain: CompactString,
    record_type: CompactString,
    #[serde(default = "default_line")]
    line: CompactString,
    value: CompactString,
    #[serde(default = "default_ttl", deserialize_with = "de::u64_lenient")]
    ttl: u64,
    #[serde(default, deserialize_with = "de::opt_u64")]
    mx: Option<u64>,
    /// 0-100; `None` (null, an empty cell) when the record has none.
    #[serde(default, deserialize_with = "de::opt_u64")]
    weight: Option<u64>,
    #[serde(default = "enabled", deserialize_with = "flag")]
    enabled: bool,
    #[serde(default, deserialize_with = "de::opt_remark")]
    remark: Option<CompactString>,
    /// `None` when the file has no such column or cell.
    #[serde(default, deserialize_with = "system")]
    system: Option<bool>,
}

fn apex() -> CompactString {
    "@".into()
}

fn default_line() -> CompactString {
    DEFAULT_LINE.into()
}

fn default_ttl() -> u64 {
    DEFAULT_TTL
}

fn enabled() -> bool {
    true
}

/// `true`/`false` as JSON writes them, as text (any case: spreadsheets write `TRUE`), or
/// `1`/`0`; `None` for nothing. The error names the column.
fn truth<'de, D: Deserializer<'de>>(
    deserializer: D,
    column: &str,
) -> Result<Option<bool>, D::Error> {
    let text = de::opt_text(deserializer)?
        .unwrap_or_default()
        .to_ascii_lowercase();
    match text.as_str() {
        "true" | "1" => Ok(Some(true)),
        "false" | "0" => Ok(Some(false)),
        "" => Ok(None),
        _ => Err(D::Error::custom(t!(
            "import.not_bool",
            column = column,
            value = shown(&text)
        ))),
    }
}

fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(truth(deserializer, "enabled")?.unwrap_or(true))
}

fn system<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    truth(deserializer, "system")
}

/// Where each record read goes: an error it returns is its row's.
pub(super) type Each<'a> = dyn FnMut(Described) -> Result<(), String> + 'a;

/// The rows of a JSON Lines file, read a line at a time; errors are `line N: why`.
pub(super) fn jsonl(text: &str, each: &mut Each<'_>) -> Vec<String> {
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
    collect(rows, each)
}

/// The rows of a CSV file under its header (line 1), columns in any order, read a row
/// at a time; a row the CSV reader cannot make out ends the reading.
pub(super) fn csv(text: &str, each: &mut Each<'_>) -> Vec<String> {
    let mut records = crate::csv_file::records(text);
    let header = match records.next() {
        Some(Ok(header)) => header.fields,
        Some(Err(why)) => return vec![why],
        None => return vec![t!("import.no_header").into_owned()],
    };
    if let Err(why) = check_header(&header) {
        return vec![t!("import.at_row", line = 1, why = why).into_owned()];
    }
    let mut broken = None;
    let rows = records.map_while(|record| {
        let record = record.map_err(|why| broken = Some(why)).ok()?;
        Some((record.line, row_of(&header, &record.fields)))
    });
    let mut errors = collect(rows, each);
    errors.extend(broken);
    errors
}

/// Every column one export writes, each once.
fn check_header(header: &[String]) -> Result<(), String> {
    for (at, name) in header.iter().enumerate() {
        if header[..at].contains(name) {
            return Err(t!("import.column_twice", column = name).into_owned());
        }
        if !COLUMNS.contains(&name.as_str()) {
            return Err(t!("import.column_unknown", column = name).into_owned());
        }
    }
    Ok(())
}

/// A CSV row under its header; an empty cell is a column left out.
fn row_of(header: &[String], fields: &[String]) -> Result<Row, String> {
    if fields.len() != header.len() {
        let (row, head) = (fields.len(), header.len());
        return Err(t!("import.field_count", fields = row, header = head).into_owned());
    }
    let cells = header.iter().zip(fields);
    // Each cell read as the string it is, with no JSON object built for the row.
    let cells = cells
        .filter(|(_, cell)| !cell.is_empty())
        .map(|(name, cell)| (name.as_str(), cell.as_str()));
    Row::deserialize(MapDeserializer::<_, value::Error>::new(cells)).map_err(|e| e.to_string())
}

/// Each row checked like flag input, its record handed to `each`; every bad one named
/// with its line.
fn collect(
    rows: impl Iterator<Item = (usize, Result<Row, String>)>,
    each: &mut Each<'_>,
) -> Vec<String> {
    let mut errors = Vec::new();
    for (line, row) in rows {
        if let Err(why) = row
            .and_then(|row| described(line, row))
            .and_then(&mut *each)
        {
            errors.push(t!("import.at_row", line = line, why = why).into_owned());
        }
    }
    errors
}

/// The row's record, whole and checked, with its domain (checked).
fn described(line: usize, row: Row) -> Result<Described, String> {
    let domain = row.domain.as_deref().map(check_domain).transpose()?;
    let record = checked(Record {
        host: row.sub_domain,
        record_type: row.record_type,
        line: row.line,
        value: row.value,
        ttl: row.ttl,
        mx: row.mx,
        weight: row.weight,
        enabled: row.enabled,
        remark: row.remark.unwrap_or_default(),
    })?;
    let system = dnspods_own(&record);
    if row.system == Some(true) && !system {
        return Err(format!(
            "system `true` on `{} {} {} {}`, which is not one of DNSPod's own NS records \
             (the apex, the default line, DNSPod's name servers)",
            shown(&record.host),
            shown(&record.record_type),
            shown(&record.line),
            shown(&record.value)
        ));
    }
    Ok(Described {
        line,
        domain,
        system,
        record,
    })
}
