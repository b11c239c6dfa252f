//! The scheduler of a desired-state plan (pure): its [`Step`]s into the fewest jobs and
//! calls the API's limits allow, as the executor's [`Part`]s, in the order they may go.
//!
//! Order: every part has a phase (`phase.rs`), and the executor sends a part only once
//! every job of an earlier phase has finished. Within a phase, jobs go first (they run
//! while the calls are sent). Cost: a batch under a second of calls
//! (`Capabilities::calls_per_second` records) goes as calls, since a job takes at least
//! a poll round; and while the jobs pass the hourly limit, the smallest go as calls.

mod modify;
mod phase;

use crate::job::{self, Action, By, JobSpec, Part, RecordSpec, Step};
use crate::split::{Capabilities, size, split_one};
use std::collections::{BTreeMap, BTreeSet};

/// A job the scheduler considers, with the steps it carries (indices into the plan).
#[derive(Debug)]
struct Batch {
    spec: JobSpec,
    steps: Vec<usize>,
    phase: u8,
}

/// What a plan comes to before it is cut into parts.
#[derive(Default)]
struct Work {
    batches: Vec<Batch>,
    /// Steps sent whole, one call each.
    calls: BTreeSet<usize>,
    /// Modifies of the legacy API whose remark goes by a call of its own beside jobs.
    remarks: BTreeSet<usize>,
    /// Deletes sent one call a record, where the API has no deletion job.
    removals: BTreeSet<usize>,
}

/// The parts that carry out `steps`, in the order they go, jobs of at most `job_size`
/// records.
pub(crate) fn schedule(steps: &[Step], api: &Capabilities, job_size: usize) -> Vec<Part> {
    let phases = phase::of(steps);
    let mut work = Work::default();
    creates(steps, &phases, job_size, api, &mut work);
    if api.modify_whole_jobs {
        modifies_whole(steps, &phases, job_size, &mut work);
    } else {
        modify::grouped(steps, &phases, job_size, &mut work);
    }
    deletes(steps, &phases, job_size, api, &mut work);
    to_calls(&mut work, steps, api);
    parts(steps, &phases, work, job_size)
}

/// Plain creates of each phase: one job a distinct record list, with every domain that
/// gets it; the others one call each (a job cannot set a weight, a paused state or a
/// remark, and a job and a follow-up call a record cost more calls than one call).
fn creates(steps: &[Step], phases: &[u8], job_size: usize, api: &Capabilities, work: &mut Work) {
    let mut plain: BTreeMap<(u8, u64), Vec<usize>> = BTreeMap::new();
    for (at, step) in steps.iter().enumerate() {
        match &step.after {
            Some(record) if step.action == Action::Create && record.is_plain() => plain
                .entry((phases[at], step.domain_id))
                .or_default()
                .push(at),
            Some(_) if step.action == Action::Create => {
                work.calls.insert(at);
            }
            _ => {}
        }
    }
    for phase in BTreeSet::from_iter(plain.keys().map(|(phase, _)| *phase)) {
        let domains = plain.range((phase, 0)..=(phase, u64::MAX));
        let specs: BTreeMap<u64, Vec<RecordSpec>> = domains
            .clone()
            .map(|((_, domain), at)| {
                (
                    *domain,
                    at.iter().filter_map(|&a| spec_of(&steps[a])).collect(),
                )
            })
            .collect();
        let by_ref = specs.iter().map(|(d, s)| (*d, s.iter().collect()));
        for spec in job::record_create_jobs(by_ref) {
            for cut in split_one(&spec, job_size, api).unwrap_or_default() {
                let carried = carried(&cut, &plain, phase, steps);
                work.batches.push(Batch {
                    spec: cut,
                    steps: carried,
                    phase,
                });
            }
        }
    }
}

/// What a record-create job says of a create step's record.
fn spec_of(step: &Step) -> Option<RecordSpec> {
    step.after.as_ref().map(|r| r.spec())
}

/// The plain creates of `phase` a record-create job makes.
fn carried(
    job: &JobSpec,
    plain: &BTreeMap<(u8, u64), Vec<usize>>,
    phase: u8,
    steps: &[Step],
) -> Vec<usize> {
    let JobSpec::RecordCreate {
        domain_ids,
        records,
    } = job
    else {
        return Vec::new();
    };
    let domains = domain_ids.iter().filter_map(|d| plain.get(&(phase, *d)));
    domains
        .flatten()
        .copied()
        .filter(|&at| spec_of(&steps[at]).is_some_and(|spec| records.contains(&spec)))
        .collect()
}

/// Modifies where the API modifies records whole in jobs: ModifyRecordBatchV3 jobs.
fn modifies_whole(steps: &[Step], phases: &[u8], job_size: usize, work: &mut Work) {
    let mut by_phase: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (at, step) in steps.iter().enumerate() {
        if step.action == Action::Modify {
            by_phase.entry(phases[at]).or_default().push(at);
        }
    }
    for (phase, all) in by_phase {
        for chunk in all.chunks(job_size.max(1)) {
            let spec = JobSpec::RecordSteps {
                steps: chunk.iter().map(|&at| steps[at].clone()).collect(),
            };
            work.batches.push(Batch {
                spec,
                steps: chunk.to_vec(),
                phase,
            });
        }
    }
}

/// Deletes: jobs where the API has them, else one call a record (as parts of their own).
fn deletes(steps: &[Step], phases: &[u8], job_size: usize, api: &Capabilities, work: &mut Work) {
    let mut by_phase: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (at, step) in steps.iter().enumerate() {
        if step.action == Action::Delete && step.record_id.is_some() {
            by_phase.entry(phases[at]).or_default().push(at);
        }
    }
    let Some(most) = api.delete_job_records else {
        work.removals = by_phase.into_values().flatten().collect();
        return;
    };
    for (phase, all) in by_phase {
        for chunk in all.chunks(job_size.min(most).max(1)) {
            work.batches.push(Batch {
                spec: delete(steps, chunk),
                steps: chunk.to_vec(),
                phase,
            });
        }
    }
}

fn delete(steps: &[Step], chunk: &[usize]) -> JobSpec {
    JobSpec::RecordDelete {
        record_ids: chunk.iter().filter_map(|&at| steps[at].record_id).collect(),
        domain_ids: chunk.iter().map(|&at| steps[at].domain_id).collect(),
    }
}

/// Sends as calls the batches under a second of calls, then, while the jobs pass the
/// hourly limit, the smallest. A step sent whole leaves every other batch.
fn to_calls(work: &mut Work, steps: &[Step], api: &Capabilities) {
    loop {
        let over = work.batches.len() > api.jobs_per_hour;
        let smallest = (work.batches.iter().enumerate()).min_by_key(|(_, b)| size(&b.spec));
        let Some((at, batch)) = smallest else { return };
        if !over && size(&batch.spec) >= api.calls_per_second {
            return;
        }
        let moved = work.batches.remove(at).steps;
        for &step in &moved {
            work.remarks.remove(&step);
        }
        work.calls.extend(moved.iter().copied());
        for batch in &mut work.batches {
            batch.steps.retain(|s| !moved.contains(s));
            modify::without(&mut batch.spec, &moved, steps);
        }
        work.batches.retain(|b| !b.steps.is_empty());
    }
}

/// The parts, phase by phase: its jobs, then its calls (whole steps, then remarks, then
/// deletions), each calls part at most `job_size` records.
fn parts(steps: &[Step], phases: &[u8], work: Work, job_size: usize) -> Vec<Part> {
    let mut parts = Vec::new();
    let last = phases.iter().copied().max().unwrap_or_default();
    for phase in 0..=last {
        let jobs = work.batches.iter().filter(|b| b.phase == phase);
        parts.extend(jobs.map(|b| Part {
            phase,
            ..Part::job(b.spec.clone(), None)
        }));
        let of_phase = |set: &BTreeSet<usize>| -> Vec<usize> {
            set.iter()
                .copied()
                .filter(|&at| phases[at] == phase)
                .collect()
        };
        let remarks: Vec<Step> = of_phase(&work.remarks)
            .iter()
            .map(|&at| modify::remark(&steps[at]))
            .collect();
        let whole: Vec<Step> = of_phase(&work.calls)
            .iter()
            .map(|&at| steps[at].clone())
            .collect();
        for chunk in whole
            .chunks(job_size.max(1))
            .chain(remarks.chunks(job_size.max(1)))
        {
            let spec = JobSpec::RecordSteps {
                steps: chunk.to_vec(),
            };
            parts.push(calls(spec, phase));
        }
        let gone = of_phase(&work.removals);
        for chunk in gone.chunks(job_size.max(1)) {
            parts.push(calls(delete(steps, chunk), phase));
        }
    }
    parts
}

fn calls(spec: JobSpec, phase: u8) -> Part {
    Part {
        by: By::Calls,
        phase,
        ..Part::job(spec, None)
    }
}

#[cfg(test)]
mod tests;
