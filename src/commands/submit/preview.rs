//! `--dry-run`: what an operation would send, and nothing sent. A summary leads (the
//! plan counted), then a line a part, or with `-v` and `--json` each request whole.

use super::{cut, job_size};
use crate::cli::SubmitArgs;
use crate::error::Outcome;
use crate::job::{Before, By, JobSpec, Part};
use crate::output::DrySummary;
use crate::session::Session;

pub(super) fn preview(
    session: &Session,
    parts: &[(usize, Part)],
    before: &[Before],
) -> anyhow::Result<Outcome> {
    let backend = session.previewer()?;
    let per_hour = session.capabilities()?.jobs_per_hour;
    let parts: Vec<&Part> = parts.iter().map(|(_, part)| part).collect();
    let output = &session.output;
    output.dry_run_summary(&DrySummary::of(&parts, before, per_hour))?;
    if output.dry_run_parts(&parts, session.verbose())? {
        return Ok(Outcome::Success);
    }
    for part in parts {
        let steps = match (&part.spec, part.by) {
            (JobSpec::RecordSteps { steps }, By::Calls) => steps.as_slice(),
            _ => &[],
        };
        for step in steps {
            output.dry_run(&backend.preview_step(step))?;
        }
        for spec in part.requests().iter().filter(|_| steps.is_empty()) {
            output.dry_run(&backend.preview(spec))?;
        }
    }
    Ok(Outcome::Success)
}

/// The summary alone, for a planner whose dry run shows its own list after it (a
/// selection): `parts` counted as `submit_parts` would cut them, refused as it would be.
pub(crate) fn dry_summary(
    session: &Session,
    parts: &[Part],
    args: &SubmitArgs,
    before: &[Before],
) -> anyhow::Result<()> {
    let api = session.capabilities()?;
    let planned = cut(parts, job_size(args, &api), &api)?;
    let planned: Vec<&Part> = planned.iter().collect();
    let summary = DrySummary::of(&planned, before, api.jobs_per_hour);
    session.output.dry_run_summary(&summary)
}
