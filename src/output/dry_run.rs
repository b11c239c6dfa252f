//! What a dry run shows before any request: a summary that counts the plan (records,
//! domains, jobs, single-record calls, the hours DNSPod's hourly job limit makes it),
//! then one line a part a person can read. The full wire form is `-v`'s and `--json`'s.

use super::Output;
use super::json::finish;
use super::words::{Noun, count, listed};
use crate::escape::visible;
use crate::job::{Before, By, JobSpec, Part};
use rust_i18n::t;
use serde::Serialize;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// How many names a part's line shows before `…and N more`.
const NAMES_SHOWN: usize = 3;

/// A dry run's plan, counted: the shape of `--json`'s first line (README's JSON section).
#[derive(Serialize, Debug, PartialEq)]
pub(crate) struct DrySummary {
    /// Records created, modified or deleted (a domain-create's `@` and `www` included).
    pub records: usize,
    /// Domains the plan touches; `None` where it names records only (a retry of a modify).
    pub domains: Option<usize>,
    pub jobs: usize,
    /// Single-record calls, where the API has no job for the change.
    pub calls: usize,
    /// The hours DNSPod's limit of jobs an hour from one IP address spreads the jobs over.
    pub hours: usize,
    pub jobs_per_hour: usize,
}

impl DrySummary {
    /// Counts `parts`; `before`: the records as read, which name the domains of a modify.
    pub(crate) fn of(parts: &[&Part], before: &[Before], jobs_per_hour: usize) -> DrySummary {
        let jobs = parts.iter().filter(|part| part.by == By::Job).count();
        let calls = parts
            .iter()
            .filter(|part| part.by == By::Calls)
            .map(|part| part.call_keys().len())
            .sum();
        DrySummary {
            records: parts.iter().map(|part| records(&part.spec)).sum(),
            domains: domains(parts, before),
            jobs,
            calls,
            hours: jobs.div_ceil(jobs_per_hour.max(1)),
            jobs_per_hour,
        }
    }
}

/// The records one spec changes: a legacy host may be a comma list of hosts.
fn records(spec: &JobSpec) -> usize {
    match spec {
        JobSpec::DomainCreate { domains, value } => {
            domains.len() * 2 * usize::from(value.is_some())
        }
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => {
            domain_ids.len()
                * records
                    .iter()
                    .map(|r| r.host.split(',').count())
                    .sum::<usize>()
        }
        JobSpec::RecordModify { record_ids, .. } | JobSpec::RecordDelete { record_ids, .. } => {
            record_ids.len()
        }
        JobSpec::RecordSteps { steps } => steps.len(),
    }
}

/// Distinct domains: by ID where the specs carry them, else by name (a domain-create's,
/// the records read before); `None` when neither names them.
fn domains(parts: &[&Part], before: &[Before]) -> Option<usize> {
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for part in parts {
        match &part.spec {
            JobSpec::DomainCreate { domains, .. } => {
                names.extend(domains.iter().map(String::as_str))
            }
            JobSpec::RecordCreate { domain_ids, .. } | JobSpec::RecordDelete { domain_ids, .. } => {
                ids.extend(domain_ids.iter().copied());
            }
            JobSpec::RecordSteps { steps } => ids.extend(steps.iter().map(|s| s.domain_id)),
            JobSpec::RecordModify { .. } => {}
        }
    }
    if ids.is_empty() && names.is_empty() {
        names.extend(before.iter().map(|b| b.domain.as_str()));
    }
    let counted = ids.len() + names.len();
    (counted > 0 || parts.iter().all(|p| records(&p.spec) == 0)).then_some(counted)
}

fn write_summary(out: &mut dyn Write, summary: &DrySummary, json: bool) -> io::Result<()> {
    if json {
        return finish(
            out,
            &JsonSummary {
                dry_run: true,
                summary,
            },
        );
    }
    let what = match (summary.records, summary.domains) {
        (0, Some(domains)) if domains > 0 => count(domains, Noun::Domain),
        (records, Some(domains)) if domains > 0 => t!(
            "output.dry.on",
            records = count(records, Noun::Record),
            domains = count(domains, Noun::Domain)
        )
        .into_owned(),
        (records, _) => count(records, Noun::Record),
    };
    let mut sent = vec![count(summary.jobs, Noun::BatchJob)];
    if summary.calls > 0 {
        sent.push(count(summary.calls, Noun::SingleCall));
    }
    let hours = match summary.jobs {
        0 => String::new(),
        _ => t!(
            "output.dry.hours",
            hours = count(summary.hours, Noun::Hour),
            per_hour = summary.jobs_per_hour
        )
        .into_owned(),
    };
    let sent = listed(&sent).unwrap_or_default();
    let line = t!(
        "output.dry.summary",
        what = what,
        sent = sent,
        hours = hours
    );
    writeln!(out, "{line}")
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    dry_run: bool,
    summary: &'a DrySummary,
}

/// One line for a part: `job 2 of 21` (or its calls), what it asks, its first names.
fn write_part(out: &mut dyn Write, part: &Part, job: usize, jobs: usize) -> io::Result<()> {
    let which = match part.by {
        By::Job => t!("output.dry.job_of", job = job, jobs = jobs).into_owned(),
        By::Calls => count(part.call_keys().len(), Noun::Call),
    };
    let names = names(&part.spec);
    let more = names.len().saturating_sub(NAMES_SHOWN);
    let mut shown: Vec<String> = names.into_iter().take(NAMES_SHOWN).collect();
    if more > 0 {
        shown.push(t!("output.dry.more", more = more).into_owned());
    }
    let line = t!(
        "output.dry.part",
        which = which,
        command = part.spec.command(),
        summary = part.spec.summary(),
        names = shown.join(&t!("output.list_sep"))
    );
    writeln!(out, "{}", visible(&line))
}

/// What a part names, in order: its domains, record specs, record IDs or steps.
fn names(spec: &JobSpec) -> Vec<String> {
    match spec {
        JobSpec::DomainCreate { domains, .. } => domains.clone(),
        JobSpec::RecordCreate { records, .. } => records
            .iter()
            .map(|r| format!("{} {} {}", r.host, r.record_type, r.value))
            .collect(),
        JobSpec::RecordModify { record_ids, .. } | JobSpec::RecordDelete { record_ids, .. } => {
            record_ids
                .iter()
                .map(|id| t!("output.dry.record", id = id).into_owned())
                .collect()
        }
        JobSpec::RecordSteps { steps } => steps
            .iter()
            .map(|s| {
                let record = s.after.as_ref().or(s.before.as_ref());
                let (host, kind, value) = record.map_or(("", "", ""), |r| {
                    (r.host.as_str(), r.record_type.as_str(), r.value.as_str())
                });
                format!("{} {host} {kind} {value} ({})", s.action.name(), s.domain)
            })
            .collect(),
    }
}

impl Output {
    /// The lead of a dry run's result on stdout: its plan counted (JSON's first line).
    pub(crate) fn dry_run_summary(&self, summary: &DrySummary) -> anyhow::Result<()> {
        self.write_stdout(|out| write_summary(out, summary, self.json))
    }

    /// A dry run's parts, one line each, unless `wire` (`-v`) or `--json` ask for the
    /// requests themselves: then `false`, and nothing written.
    pub(crate) fn dry_run_parts(&self, parts: &[&Part], wire: bool) -> anyhow::Result<bool> {
        if wire || self.json {
            return Ok(false);
        }
        let jobs = parts.iter().filter(|part| part.by == By::Job).count();
        self.write_stdout(|out| {
            let mut job = 0;
            parts.iter().try_for_each(|part| {
                job += usize::from(part.by == By::Job);
                write_part(out, part, job, jobs)
            })
        })?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests;
