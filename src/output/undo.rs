//! The plan `undo --dry-run` prints: what each record is now and what it goes back to.

use super::{json, table};
use crate::escape::visible;
use crate::undo::Restore;
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
            sub_domain: r.now.name.as_deref(),
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
                    table::text(r.now.name.as_deref()),
                    table::text(r.now.record_type.as_deref()),
                    visible(&r.now_text),
                    visible(&r.back_to),
                ],
            )
        })
    };
    table::write_aligned(
        out,
        ["DOMAIN", "RECORD-ID", "HOST", "TYPE", "NOW", "BACK-TO"],
        rows,
        None,
    )
}
