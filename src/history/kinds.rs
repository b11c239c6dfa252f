//! An operation's one kind of job, from every line it sent and every part of its plan:
//! `resume` sends the rest of one kind, and `undo` picks the planner of that kind. dpbatch
//! plans an operation of one kind only, so one of several kinds was written into the
//! history by hand, and is refused whichever kind its first line says.

use super::{Entry, Operation};
use crate::job::{JobKind, JobSpec};
use rust_i18n::t;

/// The one kind of an operation's parts, and each part named, for a refusal to name.
#[derive(Debug, PartialEq)]
pub(crate) struct Parts {
    pub kind: JobKind,
    pub named: Vec<String>,
}

/// At most this many parts of a kind are named in a refusal.
const NAMED: usize = 5;

impl Operation {
    /// Whether the operation carries out a desired-state plan's steps, whose parts mix
    /// kinds by design (creates, modifies and deletes): an apply's, or an undo of one.
    /// Such an undo is told from an undo of one kind by its plan: only the scheduler
    /// gives parts a phase after 0 (every part but the deletes a CNAME waits for) or
    /// records sent whole.
    pub(crate) fn mixes_kinds(&self) -> bool {
        let parts = self.plan.iter().flat_map(|plan| &plan.parts);
        let mut scheduled =
            parts.map(|part| part.phase > 0 || matches!(part.spec, JobSpec::RecordSteps { .. }));
        match self.first().action.as_str() {
            "apply" => true,
            "undo" => scheduled.any(|yes| yes),
            _ => false,
        }
    }

    /// The operation's parts, of one kind, or why not: every kind, each with its parts
    /// named.
    pub(crate) fn one_kind(&self) -> Result<Parts, String> {
        let lines = self.jobs.iter().map(|e| (&e.spec, named(e)));
        let planned = self.plan.iter().flat_map(|plan| {
            plan.parts.iter().enumerate().map(|(at, part)| {
                let (part_no, summary) = (at + 1, part.spec.summary());
                let name = t!("history.plan_part", part = part_no, summary = summary).into_owned();
                (&part.spec, name)
            })
        });
        let mut groups: Vec<(&JobSpec, Parts)> = Vec::new();
        for (spec, name) in lines.chain(planned) {
            match groups.iter_mut().find(|(_, g)| g.kind == spec.kind()) {
                Some((_, group)) => group.named.push(name),
                None => groups.push((
                    spec,
                    Parts {
                        kind: spec.kind(),
                        named: vec![name],
                    },
                )),
            }
        }
        if groups.len() == 1 {
            return Ok(groups.remove(0).1);
        }
        let kinds: Vec<String> = groups
            .iter()
            .map(|(spec, group)| format!("{}: {}", spec.command(), listed(&group.named)))
            .collect();
        let kinds = kinds.join("; ");
        Err(t!("history.mixed_kinds", kinds = kinds).into_owned())
    }
}

/// `job 5 (ttl to 60 on 1 record)`, `part 2 (…)` of a line that made no job, or `a
/// submit of unknown outcome (…)`.
fn named(entry: &Entry) -> String {
    let summary = entry.spec.summary();
    match (entry.job_id, &entry.operation) {
        (Some(job_id), _) => t!("history.named_job", job = job_id, summary = summary),
        (None, Some(tag)) => {
            let part = tag.part + 1;
            t!("history.named_part", part = part, summary = summary)
        }
        (None, None) => t!("history.named_unknown", summary = summary),
    }
    .into_owned()
}

/// The first few names, and how many more.
pub(crate) fn listed(named: &[String]) -> String {
    let shown = named[..named.len().min(NAMED)].join(", ");
    match named.len().saturating_sub(NAMED) {
        0 => shown,
        more => t!("history.and_more", shown = shown, count = more).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Account, OperationId, OperationTag};
    use crate::job::{Change, ChangeField, Part, Plan};

    fn modify(id: u64) -> JobSpec {
        JobSpec::RecordModify {
            record_ids: vec![id],
            change: Change {
                field: ChangeField::Ttl,
                to: "60".into(),
                value: None,
                mx: None,
            },
        }
    }

    fn delete(id: u64) -> JobSpec {
        JobSpec::RecordDelete {
            record_ids: vec![id],
            domain_ids: vec![9],
        }
    }

    fn line(part: usize, job_id: Option<u64>, spec: &JobSpec) -> Entry {
        let account = Account {
            api: "v3",
            endpoint: "e".into(),
            profile: None,
            credential: Some("AKID".into()),
        };
        Entry {
            operation: Some(OperationTag {
                id: OperationId::of("1a-2"),
                part,
                plan: None,
            }),
            ..Entry::new(job_id, spec, &account)
        }
    }

    fn operation(lines: Vec<Entry>, planned: &[JobSpec]) -> Operation {
        Operation {
            jobs: lines,
            plan: Some(Plan {
                job_size: 1,
                parts: planned.iter().map(|s| Part::job(s.clone(), None)).collect(),
                deleted: Vec::new(),
            }),
        }
    }

    #[test]
    fn an_operation_of_one_kind_goes_to_its_planner_with_every_part_named() {
        let parts = operation(
            vec![line(0, Some(5), &delete(1)), line(1, None, &delete(2))],
            &[delete(1), delete(2)],
        )
        .one_kind()
        .unwrap();
        assert_eq!(parts.kind, JobKind::RecordDelete);
        assert_eq!(
            parts.named[..2],
            ["job 5 (delete 1 record)", "part 2 (delete 1 record)"]
        );
    }

    #[test]
    fn a_mixed_operation_is_refused_naming_each_kind_s_parts_whichever_comes_first() {
        for first_modifies in [true, false] {
            let (a, b) = match first_modifies {
                true => (modify(1), delete(2)),
                false => (delete(2), modify(1)),
            };
            let lines = vec![line(0, Some(5), &a), line(1, Some(6), &b)];
            let why = operation(lines, &[a.clone(), a.clone()])
                .one_kind()
                .unwrap_err();
            assert!(why.contains("mixes parts of kinds"), "{why}");
            let (modified, deleted) = if first_modifies { (5, 6) } else { (6, 5) };
            assert!(
                why.contains(&format!(
                    "record-modify: job {modified} (ttl to 60 on 1 record)"
                )),
                "{why}"
            );
            assert!(
                why.contains(&format!("record-delete: job {deleted} (delete 1 record)")),
                "{why}"
            );
        }
        // A plan rewritten to another kind than every line sent is mixed too.
        let why = operation(vec![line(0, Some(5), &modify(1))], &[delete(1)]).one_kind();
        assert!(
            why.unwrap_err()
                .contains("record-delete: part 1 of its plan")
        );
    }

    #[test]
    fn a_refusal_names_a_few_parts_and_counts_the_rest() {
        let named: Vec<String> = (1..=7).map(|n| format!("job {n}")).collect();
        assert_eq!(
            listed(&named),
            "job 1, job 2, job 3, job 4, job 5 and 2 more"
        );
    }
}
