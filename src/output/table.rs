//! The item table and summary line of `detail`, `wait` and `--wait`, written row by row.
//!
//! Two passes over the job (column widths, then rows) and nothing held in between: a
//! 10,000-domain job is 30,000 rows, and a table library that keeps every cell took about
//! twenty times the answer's size in memory (see BENCHMARKS.md).

use crate::escape::visible;
use crate::job::{DomainItem, ItemStatus, Job, JobKind, RecordItem, Tally};
use crate::resolve::Selected;
use rust_i18n::t;
use std::borrow::Cow;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// The item table's header, in the language spoken.
fn header() -> [Cow<'static, str>; COLUMNS] {
    [
        t!("output.col.domain"),
        t!("output.col.host"),
        t!("output.col.type"),
        t!("output.col.line"),
        t!("output.col.value"),
        t!("output.col.ttl"),
        t!("output.col.mx"),
        t!("output.col.status"),
        t!("output.col.error"),
    ]
}
const COLUMNS: usize = 9;
const STATUS: usize = 7;
/// Between columns; none at the edges, like `kubectl get`.
const GAP: &str = "  ";

type Row<'a> = [Cow<'a, str>; COLUMNS];

/// Empty cells show `-` so columns stay aligned for `awk` and `cut`; hidden characters
/// show as escapes, so no value can break a row or reach the terminal raw.
pub(super) fn text(value: Option<&str>) -> Cow<'_, str> {
    match value {
        Some(v) if !v.is_empty() => visible(v),
        _ => Cow::Borrowed("-"),
    }
}

fn number(value: Option<u64>) -> Cow<'static, str> {
    value.map_or(Cow::Borrowed("-"), |n| Cow::Owned(n.to_string()))
}

fn domain_row(domain: &DomainItem) -> Row<'_> {
    let dash = || Cow::Borrowed("-");
    [
        text(domain.domain.as_deref()),
        dash(),
        dash(),
        dash(),
        dash(),
        dash(),
        dash(),
        status_word(domain.status),
        text(domain.err_msg.as_deref()),
    ]
}

fn record_row<'a>(domain: &'a DomainItem, record: &'a RecordItem) -> Row<'a> {
    [
        text(domain.domain.as_deref()),
        text(record.host.as_deref()),
        text(record.record_type.as_deref()),
        text(record.line.as_deref()),
        text(record.value.as_deref()),
        number(record.ttl),
        number(record.mx),
        status_word(record.status),
        text(record.err_msg.as_deref()),
    ]
}

/// An item's status as the table shows it (`--json` keeps the API's word).
fn status_word(status: ItemStatus) -> Cow<'static, str> {
    match status {
        ItemStatus::Waiting => t!("output.status.waiting"),
        ItemStatus::Running => t!("output.status.running"),
        ItemStatus::Ok => t!("output.status.ok"),
        ItemStatus::Error => t!("output.status.error"),
    }
}

/// Every item as a row with its status: a domain, then each of its records.
fn rows(detail: &Job) -> impl Iterator<Item = (ItemStatus, Row<'_>)> {
    detail.domains.iter().flat_map(|domain| {
        std::iter::once((domain.status, domain_row(domain))).chain(
            domain
                .records
                .iter()
                .map(move |record| (record.status, record_row(domain, record))),
        )
    })
}

/// The ANSI colour of a status when colour is on.
fn colour(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Ok => "\x1b[32m",
        ItemStatus::Error => "\x1b[31m",
        ItemStatus::Waiting | ItemStatus::Running => "\x1b[33m",
    }
}

/// Writes aligned columns in two passes over `rows` (widths, then the rows), keeping
/// nothing in between. A row's status, when colour is on, colours its `status_column`.
pub(super) fn write_aligned<'a, const N: usize, I>(
    out: &mut dyn Write,
    header: [Cow<'_, str>; N],
    rows: impl Fn() -> I,
    status_column: Option<usize>,
) -> io::Result<()>
where
    I: Iterator<Item = (Option<ItemStatus>, [Cow<'a, str>; N])>,
{
    let mut widths = header.each_ref().map(|h| h.width());
    for (_, row) in rows() {
        for (width, cell) in widths.iter_mut().zip(&row) {
            *width = (*width).max(cell.width());
        }
    }
    let write_row = |out: &mut dyn Write,
                     cells: &[Cow<'_, str>; N],
                     status: Option<ItemStatus>|
     -> io::Result<()> {
        for (column, cell) in cells.iter().enumerate() {
            match status {
                Some(status) if Some(column) == status_column => {
                    write!(out, "{}{cell}\x1b[0m", colour(status))?
                }
                _ => out.write_all(cell.as_bytes())?,
            }
            if column + 1 < N {
                let pad = widths[column].saturating_sub(cell.width());
                write!(out, "{:pad$}{GAP}", "")?;
            }
        }
        writeln!(out)
    };
    write_row(out, &header, None)?;
    for (status, row) in rows() {
        write_row(out, &row, status)?;
    }
    Ok(())
}

/// One row per item (record columns `-` on a domain's own row), then the summary line.
pub(crate) fn write_job(
    out: &mut dyn Write,
    job_id: u64,
    detail: &Job,
    color: bool,
) -> io::Result<()> {
    if !detail.domains.is_empty() {
        let rows = || rows(detail).map(|(status, row)| (color.then_some(status), row));
        write_aligned(out, header(), rows, Some(STATUS))?;
    }
    writeln!(
        out,
        "{}",
        summary(job_id, detail.kind.map(JobKind::as_str), &detail.tally())
    )
}

/// Several jobs in one table (one set of column widths), then a summary line per job and
/// a total line.
pub(crate) fn write_jobs_together(
    out: &mut dyn Write,
    jobs: &[(u64, &Job)],
    color: bool,
) -> io::Result<()> {
    let rows = || {
        jobs.iter()
            .flat_map(|(_, job)| rows(job))
            .map(|(status, row)| (color.then_some(status), row))
    };
    if jobs.iter().any(|(_, job)| !job.domains.is_empty()) {
        write_aligned(out, header(), rows, Some(STATUS))?;
    }
    let mut total = Tally::default();
    for (job_id, job) in jobs {
        let tally = job.tally();
        writeln!(
            out,
            "{}",
            summary(*job_id, job.kind.map(JobKind::as_str), &tally)
        )?;
        total = total.plus(tally);
    }
    writeln!(out, "{}", total_line(jobs.len(), &total))
}

/// `total: 8 jobs, 30000 items, 29990 ok, 10 failed`.
fn total_line(jobs: usize, tally: &Tally) -> String {
    let line = t!(
        "output.total",
        jobs = jobs,
        total = tally.total,
        ok = tally.ok,
        failed = tally.failed
    );
    format!("{line}{}", pending(tally))
}

/// `, 3 waiting, 1 running` while a job is unfinished, else nothing.
fn pending(tally: &Tally) -> String {
    match tally.finished() {
        true => String::new(),
        false => t!(
            "output.tally_pending",
            waiting = tally.waiting,
            running = tally.running
        )
        .into_owned(),
    }
}

/// The selected records, and what will happen to each.
pub(crate) fn write_selection(out: &mut dyn Write, rows: &[(bool, &Selected)]) -> io::Result<()> {
    let cells = || {
        rows.iter().map(|(skip, selected)| {
            let record = &selected.record;
            (
                None,
                [
                    visible(&selected.domain),
                    Cow::Owned(record.id.to_string()),
                    text(record.host.as_deref()),
                    text(record.record_type.as_deref()),
                    text(record.line.as_deref()),
                    text(record.value.as_deref()),
                    number(record.ttl),
                    match record.enabled {
                        true => t!("output.enabled"),
                        false => t!("output.disabled"),
                    },
                    match *skip {
                        true => t!("output.skip_there"),
                        false => t!("output.change"),
                    },
                ],
            )
        })
    };
    let header = [
        t!("output.col.domain"),
        t!("output.col.record_id"),
        t!("output.col.host"),
        t!("output.col.type"),
        t!("output.col.line"),
        t!("output.col.value"),
        t!("output.col.ttl"),
        t!("output.col.status"),
        t!("output.col.action"),
    ];
    write_aligned(out, header, cells, None)?;
    let (n, skipped) = (rows.len(), rows.iter().filter(|(skip, _)| *skip).count());
    let line = match n {
        1 => t!(
            "output.selected.one",
            n = n,
            change = n - skipped,
            skipped = skipped
        ),
        _ => t!(
            "output.selected.many",
            n = n,
            change = n - skipped,
            skipped = skipped
        ),
    };
    writeln!(out, "{line}")
}

/// `job 39581 (domain): 6 items, 5 ok, 1 failed` (+ waiting and running while unfinished).
pub(crate) fn summary(job_id: u64, job_type: Option<&str>, tally: &Tally) -> String {
    let job = match job_type {
        Some(kind) => t!("output.job_typed", id = job_id, kind = kind),
        None => t!("output.job", id = job_id),
    };
    let (total, ok, failed) = (tally.total, tally.ok, tally.failed);
    let counts = match total {
        1 => t!("output.tally.one", total = total, ok = ok, failed = failed),
        _ => t!("output.tally.many", total = total, ok = ok, failed = failed),
    };
    let line = t!("output.summary", job = job, tally = counts);
    format!("{line}{}", pending(tally))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::legacy::wire::JobDetail;

    fn render(json: &str, color: bool) -> String {
        let detail = serde_json::from_str::<JobDetail>(json).unwrap().into_job();
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
        assert!(
            lines[0]
                .split_whitespace()
                .eq(header().iter().map(|h| &**h))
        );
        assert!(
            lines[0].starts_with("DOMAIN      SUB-DOMAIN  "),
            "padded to the widest cell: {text}"
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
    fn wide_characters_keep_columns_aligned() {
        let text = render(
            include_str!("../../tests/cli/vendor/batch-detail.json"),
            false,
        );
        // `默认` is four columns wide (two characters); STATUS starts at the same column on
        // every row all the same.
        let starts: Vec<usize> = text
            .lines()
            .take(7)
            .map(|line| {
                let byte = line.find("STATUS").or_else(|| line.find("ok ")).unwrap();
                line[..byte].width()
            })
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] == w[1]),
            "{starts:?}\n{text}"
        );
    }

    #[test]
    fn colour_marks_only_the_status_cell() {
        let text = render(
            include_str!("../../tests/cli/vendor/batch-detail.json"),
            true,
        );
        assert_eq!(text.matches("\x1b[32mok\x1b[0m").count(), 6, "{text}");
        assert!(
            text.lines().next().unwrap().is_ascii()
                && !text.lines().next().unwrap().contains('\x1b')
        );
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
