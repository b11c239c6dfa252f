//! What `undo` shows: the plan of a modify's undo (each record now and what it goes back
//! to), and the records a create's undo deletes, or deleted.

use super::{json, table};
use crate::escape::visible;
use crate::history::Removed;
use crate::job::Before;
use crate::undo::Restore;
use rust_i18n::t;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

/// One record of the plan in `--json`.
#[derive(Serialize)]
struct PlannedRecord<'a> {
    domain: &'a str,
    record_id: u64,
    sub_domain: Option<&'a str>,
    record_type: Option<&'a str>,
    field: &'static str,
    now: &'a str,
    back_to: &'a str,
}

pub(super) fn write_json(out: &mut dyn Write, restores: &[Restore]) -> io::Result<()> {
    let records: Vec<PlannedRecord<'_>> = restores
        .iter()
        .map(|r| PlannedRecord {
            domain: &r.domain,
            record_id: r.record_id,
            sub_domain: r.now.host.as_deref(),
            record_type: r.now.record_type.as_deref(),
            field: r.change.field.name(),
            now: &r.now_text,
            back_to: &r.back_to,
        })
        .collect();
    json::finish(out, &records)
}

pub(super) fn write_table(out: &mut dyn Write, restores: &[Restore]) -> io::Result<()> {
    let rows = || {
        restores.iter().map(|r| {
            (
                None,
                [
                    visible(&r.domain),
                    Cow::Owned(r.record_id.to_string()),
                    table::text(r.now.host.as_deref()),
                    table::text(r.now.record_type.as_deref()),
                    visible(&r.now_text),
                    visible(&r.back_to),
                ],
            )
        })
    };
    table::write_aligned(
        out,
        [
            t!("output.col.domain"),
            t!("output.col.record_id_dash"),
            t!("output.col.host_short"),
            t!("output.col.type"),
            t!("output.col.now"),
            t!("output.col.back_to"),
        ],
        rows,
        None,
    )
}

/// One record of a deletion in `--json`: the plan, or how its removal came out.
#[derive(Serialize)]
struct DeletedRecord<'a> {
    domain: &'a str,
    record_id: u64,
    sub_domain: Option<&'a str>,
    record_type: Option<&'a str>,
    line: Option<&'a str>,
    value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

fn deleted<'a>(c: &'a Before, removed: Option<&'a Removed>) -> DeletedRecord<'a> {
    DeletedRecord {
        domain: &c.domain,
        record_id: c.record_id,
        sub_domain: c.host.as_deref(),
        record_type: c.record_type.as_deref(),
        line: c.line.as_deref(),
        value: c.value.as_deref(),
        status: removed.map(Removed::status),
        error: match removed {
            Some(Removed::Failed { english, .. }) => Some(english),
            _ => None,
        },
    }
}

/// How a record's removal came out as the table says it (`--json` keeps `status`).
fn removal_word(removed: Option<&Removed>) -> Cow<'static, str> {
    match removed {
        None => t!("output.to_delete"),
        Some(Removed::Deleted) => t!("output.removed.deleted"),
        Some(Removed::Gone) => t!("output.removed.gone"),
        Some(Removed::Failed { .. }) => t!("output.status.error"),
    }
}

/// The records a deletion takes, or took, with how each came out when it did.
pub(super) fn write_deletions(
    out: &mut dyn Write,
    rows: &[(&Before, Option<&Removed>)],
    as_json: bool,
) -> io::Result<()> {
    if as_json {
        let records: Vec<DeletedRecord<'_>> = rows.iter().map(|(c, r)| deleted(c, *r)).collect();
        return json::finish(out, &records);
    }
    let cells = || {
        rows.iter().map(|(c, removed)| {
            let record = deleted(c, *removed);
            (
                None,
                [
                    visible(record.domain),
                    Cow::Owned(record.record_id.to_string()),
                    table::text(record.sub_domain),
                    table::text(record.record_type),
                    table::text(record.line),
                    table::text(record.value),
                    removal_word(*removed),
                    table::text(record.error),
                ],
            )
        })
    };
    table::write_aligned(
        out,
        [
            t!("output.col.domain"),
            t!("output.col.record_id_dash"),
            t!("output.col.host_short"),
            t!("output.col.type"),
            t!("output.col.line"),
            t!("output.col.value"),
            t!("output.col.status"),
            t!("output.col.error"),
        ],
        cells,
        None,
    )
}
