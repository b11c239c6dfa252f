//! A desired-state plan as `plan` shows it: on stdout a table, one row a change (or JSON
//! Lines, one object a change); on stderr a summary per domain with changes (when few) and a total.

use super::json::finish;
use super::table::{text, write_aligned};
use super::words::{Noun, count};
use crate::converge::{DomainPlan, changed};
use crate::escape::visible;
use crate::job::{Action, DEFAULT_TTL, Record, Step};
use rust_i18n::t;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

/// One change as `--json` writes it: `before` and `after` are export-shaped rows.
#[derive(Serialize)]
struct StepRow<'a> {
    action: Action,
    domain: &'a str,
    record_id: Option<u64>,
    before: Option<&'a Record>,
    after: Option<&'a Record>,
}

pub(super) fn write_json(out: &mut dyn Write, plans: &[DomainPlan]) -> io::Result<()> {
    write_steps_json(out, plans.iter().flat_map(|p| &p.steps))
}

/// Steps as `--json` writes a plan's (an undo's too).
pub(super) fn write_steps_json<'a>(
    out: &mut dyn Write,
    steps: impl Iterator<Item = &'a Step>,
) -> io::Result<()> {
    for step in steps {
        let row = StepRow {
            action: step.action,
            domain: &step.domain,
            record_id: step.record_id,
            before: step.before.as_ref(),
            after: step.after.as_ref(),
        };
        finish(out, &row)?;
    }
    Ok(())
}

fn header() -> [Cow<'static, str>; 7] {
    [
        t!("output.col.domain"),
        t!("output.col.action"),
        t!("output.col.host"),
        t!("output.col.type"),
        t!("output.col.line"),
        t!("output.col.value"),
        t!("output.col.changes"),
    ]
}

fn action_name(action: Action) -> Cow<'static, str> {
    match action {
        Action::Create => t!("output.action.create"),
        Action::Modify => t!("output.action.modify"),
        Action::Delete => t!("output.action.delete"),
    }
}

/// A modify's changed fields as `ttl 600 → 60`; a create's fields beyond its host, type,
/// line and value that differ from the vendor's defaults (what the create sets); a
/// delete's as the record has them (what the delete loses).
fn changes(step: &Step) -> String {
    let parts = match (&step.before, &step.after) {
        (Some(before), Some(after)) => changed(before, after)
            .into_iter()
            .map(|c| format!("{} {} → {}", c.field, quoted(&c.old), quoted(&c.new)))
            .collect(),
        (None, Some(record)) => attributes(record, false),
        (Some(record), None) => attributes(record, true),
        (None, None) => Vec::new(),
    };
    parts.join(", ")
}

/// An empty value (a remark taken away) as `""`, so it is seen.
fn quoted(value: &str) -> &str {
    if value.is_empty() { "\"\"" } else { value }
}

/// The record's TTL, MX, weight, paused state and remark; its TTL only when `all` or
/// other than the default (the others show only where set).
fn attributes(record: &Record, all: bool) -> Vec<String> {
    let mut shown = Vec::new();
    if all || record.ttl != DEFAULT_TTL {
        shown.push(format!("ttl {}", record.ttl));
    }
    shown.extend(record.mx.map(|mx| format!("mx {mx}")));
    shown.extend(record.weight.map(|weight| format!("weight {weight}")));
    if !record.enabled {
        shown.push("enabled false".to_owned());
    }
    if !record.remark.is_empty() {
        shown.push(format!("remark {}", record.remark));
    }
    shown
}

fn row(step: &Step) -> [Cow<'_, str>; 7] {
    // A modify keeps host, type and line; its value column shows the value as it is.
    let record = step.before.as_ref().or(step.after.as_ref());
    let field = |f: fn(&Record) -> &str| text(record.map(f));
    let changes = changes(step);
    [
        visible(&step.domain),
        action_name(step.action),
        field(|r| &r.host),
        field(|r| &r.record_type),
        field(|r| &r.line),
        field(|r| &r.value),
        match changes.is_empty() {
            true => Cow::Borrowed("-"),
            false => Cow::Owned(visible(&changes).into_owned()),
        },
    ]
}

pub(super) fn write_table(out: &mut dyn Write, plans: &[DomainPlan]) -> io::Result<()> {
    let steps: Vec<&Step> = plans.iter().flat_map(|p| &p.steps).collect();
    write_steps_table(out, &steps)
}

/// Steps as a plan's table shows them (an undo's too).
pub(super) fn write_steps_table(out: &mut dyn Write, steps: &[&Step]) -> io::Result<()> {
    let rows = || steps.iter().map(|step| (None, row(step)));
    write_aligned(out, header(), rows, None)
}

/// `2 to create, 1 to modify, 0 to delete`.
fn tally(steps: &[&Step]) -> String {
    let of = |action| steps.iter().filter(|s| s.action == action).count();
    t!(
        "output.plan_tally",
        create = of(Action::Create),
        modify = of(Action::Modify),
        delete = of(Action::Delete)
    )
    .into_owned()
}

/// The most domains with changes named each on a line of their own: past it, thousands
/// of lines would bury the total (the table on stdout names every change).
const MAX_DOMAIN_LINES: usize = 20;

/// The stderr lines: one a domain with changes if there are few, then the total (or that
/// there is none).
pub(super) fn summaries(plans: &[DomainPlan]) -> Vec<String> {
    let changed: Vec<&DomainPlan> = plans.iter().filter(|p| !p.steps.is_empty()).collect();
    let mut lines: Vec<String> = changed
        .iter()
        .take_while(|_| changed.len() <= MAX_DOMAIN_LINES)
        .map(|p| {
            let steps: Vec<&Step> = p.steps.iter().collect();
            let line = t!(
                "output.plan_domain",
                domain = visible(&p.domain),
                tally = tally(&steps)
            );
            line.into_owned()
        })
        .collect();
    let changing = changed.len();
    let all: Vec<&Step> = plans.iter().flat_map(|p| &p.steps).collect();
    let domains = count(plans.len(), Noun::Domain);
    let total = match changing {
        0 => t!("output.plan_none", domains = domains),
        _ => t!(
            "output.plan_total",
            tally = tally(&all),
            changing = changing,
            domains = domains
        ),
    };
    lines.push(total.into_owned());
    lines
}
