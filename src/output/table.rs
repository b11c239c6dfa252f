//! The item table and summary line of `detail`, `wait` and `--wait`.

use crate::api::{ItemStatus, JobDetail, Tally};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use std::io::{self, Write};

const HEADER: [&str; 9] = [
    "DOMAIN",
    "SUB-DOMAIN",
    "TYPE",
    "LINE",
    "VALUE",
    "TTL",
    "MX",
    "STATUS",
    "ERROR",
];

/// Empty cells show `-` so columns stay aligned for `awk` and `cut`.
fn text(value: Option<&str>) -> String {
    match value {
        Some(v) if !v.is_empty() => v.to_owned(),
        _ => "-".to_owned(),
    }
}

fn number(value: Option<u64>) -> String {
    value.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

fn status_cell(status: ItemStatus, color: bool) -> Cell {
    let cell = Cell::new(status.as_str());
    if !color {
        return cell;
    }
    cell.fg(match status {
        ItemStatus::Ok => Color::Green,
        ItemStatus::Error => Color::Red,
        ItemStatus::Waiting | ItemStatus::Running => Color::Yellow,
    })
}

/// One row per item: a domain row (record columns `-`), then a row per record of it.
pub(crate) fn write_job(
    out: &mut dyn Write,
    job_id: u64,
    detail: &JobDetail,
    color: bool,
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(presets::NOTHING).set_header(HEADER);
    if color {
        table
            .enforce_styling()
            .set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table.force_no_tty();
    }
    for domain in &detail.domains {
        let name = text(domain.domain.as_deref());
        table.add_row(vec![
            Cell::new(&name),
            Cell::new("-"),
            Cell::new("-"),
            Cell::new("-"),
            Cell::new("-"),
            Cell::new("-"),
            Cell::new("-"),
            status_cell(domain.status, color),
            Cell::new(text(domain.err_msg.as_deref())),
        ]);
        for record in &domain.records {
            table.add_row(vec![
                Cell::new(&name),
                Cell::new(text(record.sub_domain.as_deref())),
                Cell::new(text(record.record_type.as_deref())),
                Cell::new(text(record.area.as_deref())),
                Cell::new(text(record.value.as_deref())),
                Cell::new(number(record.ttl)),
                Cell::new(number(record.mx)),
                status_cell(record.status, color),
                Cell::new(text(record.err_msg.as_deref())),
            ]);
        }
    }
    // Two spaces between columns and none at the edges, like `kubectl get`.
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    if !detail.domains.is_empty() {
        for line in table.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    writeln!(
        out,
        "{}",
        summary(job_id, detail.job_type.as_deref(), &detail.tally())
    )
}

/// `job 39581 (domain): 6 items, 5 ok, 1 failed` (+ waiting and running while unfinished).
pub(crate) fn summary(job_id: u64, job_type: Option<&str>, tally: &Tally) -> String {
    let mut line = format!("job {job_id}");
    if let Some(job_type) = job_type {
        line.push_str(&format!(" ({job_type})"));
    }
    let items = if tally.total == 1 { "item" } else { "items" };
    line.push_str(&format!(
        ": {} {items}, {} ok, {} failed",
        tally.total, tally.ok, tally.failed
    ));
    if !tally.finished() {
        line.push_str(&format!(
            ", {} waiting, {} running",
            tally.waiting, tally.running
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(json: &str, color: bool) -> String {
        let detail: JobDetail = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        write_job(&mut out, 409752, &detail, color).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_vendor_example_renders_a_row_per_item_and_a_summary() {
        let text = render(
            include_str!("../../tests/cli/vendor/batch-detail.json"),
            false,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + 6 + 1, "{text}");
        assert!(lines[0].split_whitespace().eq(HEADER));
        assert!(
            lines[0].starts_with("DOMAIN  "),
            "no leading padding: {text}"
        );
        let row: Vec<&str> = lines[2].split_whitespace().collect();
        assert_eq!(
            row,
            [
                "dnsapi1.cn",
                "www",
                "A",
                "默认",
                "11.22.33.45",
                "600",
                "-",
                "ok",
                "-"
            ]
        );
        assert_eq!(lines[7], "job 409752 (domain): 6 items, 6 ok, 0 failed");
        assert!(!text.contains('\u{1b}'), "no escapes without colour");
    }

    #[test]
    fn colour_marks_statuses_only_when_asked() {
        let text = render(
            include_str!("../../tests/cli/vendor/batch-detail.json"),
            true,
        );
        assert!(text.contains('\u{1b}'));
    }

    #[test]
    fn one_item_is_singular() {
        let tally = Tally {
            total: 1,
            failed: 1,
            ..Tally::default()
        };
        assert_eq!(summary(7, None, &tally), "job 7: 1 item, 0 ok, 1 failed");
    }

    #[test]
    fn an_unfinished_job_counts_waiting_and_running() {
        let text = render(
            include_str!("../../tests/cli/vendor/batch-record-create.json"),
            false,
        );
        assert!(
            text.ends_with("job 409752: 10 items, 0 ok, 0 failed, 10 waiting, 0 running\n"),
            "{text}"
        );
    }
}
