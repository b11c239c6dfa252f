//! Operations: what one command submitted, read back from its history lines. A command
//! whose work fits one job writes one untagged line, as before; one split into several
//! parts, or with a part sent as calls (even alone), tags each part's line with the
//! operation, and its first line carries the plan of every part, so that `resume` knows
//! what was never sent.

use super::{Account, Calls, Entry};
use crate::job::{By, Part, Plan};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// An operation's id: unique to it, the same on every line of it, and the name of its
/// lock (hex time, `-`, process id; `history/lock.rs` refuses any other shape).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash)]
#[serde(transparent)]
pub(crate) struct OperationId(String);

impl OperationId {
    /// A new id, from the time and this process.
    pub(crate) fn new() -> OperationId {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        OperationId(format!("{nanos:x}-{}", std::process::id()))
    }

    /// An id as a line of the history may spell it.
    #[cfg(test)]
    pub(crate) fn of(id: &str) -> OperationId {
        OperationId(id.to_owned())
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OperationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which operation a job belongs to, and its place in it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) struct OperationTag {
    pub id: OperationId,
    /// The job's part of the plan, from 0.
    pub part: usize,
    /// Every part, on the operation's first line only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
}

/// The jobs one command submitted: one, or the parts of a split operation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Operation {
    /// The jobs sent, in the order sent; never empty.
    pub jobs: Vec<Entry>,
    /// The plan of a split operation.
    pub plan: Option<Plan>,
}

impl Operation {
    /// The first job sent, whose line says where and when the operation ran.
    pub(crate) fn first(&self) -> &Entry {
        &self.jobs[0]
    }

    pub(crate) fn id(&self) -> Option<&OperationId> {
        self.first().operation.as_ref().map(|tag| &tag.id)
    }

    /// The ids of the jobs known to exist, in the order sent.
    pub(crate) fn job_ids(&self) -> Vec<u64> {
        self.jobs.iter().filter_map(|entry| entry.job_id).collect()
    }

    /// The submits whose outcome is unknown (a part sent as calls says of each record).
    pub(crate) fn unknown(&self) -> impl Iterator<Item = &Entry> {
        self.jobs
            .iter()
            .filter(|entry| entry.job_id.is_none() && entry.calls.is_none())
    }

    /// The removals of parts sent one call a record whose outcome is unknown (an answer
    /// lost, or the call in flight at a kill), each with the line that names it.
    pub(crate) fn unknown_calls(&self) -> impl Iterator<Item = (u64, &Entry)> {
        self.jobs.iter().flat_map(|entry| {
            let unknown = entry.calls.iter().flat_map(|calls| &calls.unknown);
            unknown.map(move |&record_id| (record_id, entry))
        })
    }

    /// Whether any of it is known to have been sent: a job, or a part's calls.
    pub(crate) fn is_known(&self) -> bool {
        self.jobs
            .iter()
            .any(|entry| entry.job_id.is_some() || entry.calls.is_some())
    }

    pub(crate) fn contains(&self, job_id: u64) -> bool {
        self.jobs.iter().any(|entry| entry.job_id == Some(job_id))
    }

    /// What of the plan was never sent, with each part's place in it: a job never sent,
    /// or of a part sent as calls the records no call was sent for.
    pub(crate) fn unsent(&self) -> Vec<(usize, Part)> {
        let Some(plan) = &self.plan else {
            return Vec::new();
        };
        let lines_of = |part: usize| {
            self.jobs
                .iter()
                .filter(move |entry| entry.operation.as_ref().is_some_and(|tag| tag.part == part))
        };
        let mut unsent = Vec::new();
        for (index, part) in plan.parts.iter().enumerate() {
            let lines: Vec<&Entry> = lines_of(index).collect();
            if lines.is_empty() {
                unsent.push((index, part.clone()));
            } else if part.by == By::Calls {
                unsent.extend(rest_of(part, &lines).map(|rest| (index, rest)));
            }
        }
        unsent
    }

    pub(crate) fn is_for(&self, account: &Account) -> bool {
        self.first().is_for(account)
    }
}

/// What of a part sent as calls its `lines` sent no call for; `None` when nothing is left
/// (or a line says nothing of its calls: it is taken as sent whole).
fn rest_of(part: &Part, lines: &[&Entry]) -> Option<Part> {
    let mut sent: HashSet<u64> = HashSet::new();
    for line in lines {
        sent.extend(line.calls.as_ref()?.sent());
    }
    let keys = part.call_keys();
    let left: Vec<usize> = (0..keys.len())
        .filter(|&at| !sent.contains(&keys[at]))
        .collect();
    (!left.is_empty()).then(|| part.with_calls(&left))
}

/// The history's lines as operations, ordered by their newest line: a resumed operation
/// counts as recent.
pub(crate) fn operations(entries: Vec<Entry>) -> Vec<Operation> {
    let mut operations: Vec<(usize, Operation)> = Vec::new();
    let mut by_id: HashMap<OperationId, usize> = HashMap::new();
    for (line, mut entry) in entries.into_iter().enumerate() {
        let tag = entry.operation.as_mut();
        let known = tag.as_ref().and_then(|tag| by_id.get(&tag.id).copied());
        match (known, tag) {
            (Some(index), tag) => {
                // Only the first line's plan counts.
                if let Some(tag) = tag {
                    tag.plan = None;
                }
                let (newest, operation) = &mut operations[index];
                *newest = line;
                add_line(&mut operation.jobs, entry);
            }
            (None, tag) => {
                let plan = tag.and_then(|tag| {
                    by_id.insert(tag.id.clone(), operations.len());
                    tag.plan.take()
                });
                operations.push((
                    line,
                    Operation {
                        jobs: vec![entry],
                        plan,
                    },
                ));
            }
        }
    }
    operations.sort_by_key(|(newest, _)| *newest);
    operations
        .into_iter()
        .map(|(_, mut operation)| {
            for entry in &mut operation.jobs {
                entry.calls = entry.calls.take().map(Calls::settled);
            }
            operation
        })
        .collect()
}

/// Adds `entry` to an operation's `lines`. A run of a part sent as calls writes a line
/// before each call: a line of the same part after one that was sending a call reads as
/// part of it, so the run reads back as the one line it stands for.
fn add_line(lines: &mut Vec<Entry>, entry: Entry) {
    let part = |entry: &Entry| entry.operation.as_ref().map(|tag| tag.part);
    let sending = lines.last_mut().filter(|last| {
        part(last) == part(&entry) && last.calls.as_ref().is_some_and(|c| c.sending.is_some())
    });
    let (Some(last), Some(next)) = (sending, entry.calls.as_ref()) else {
        lines.push(entry);
        return;
    };
    last.calls = last
        .calls
        .take()
        .map(|calls| calls.followed_by(next.clone()));
    if let Some(before) = entry.before {
        last.before.get_or_insert_default().extend(before);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::{Change, ChangeField, JobSpec};

    fn account() -> Account {
        Account {
            api: "legacy",
            endpoint: "https://dnsapi.cn".into(),
            profile: None,
            credential: Some("520001".into()),
        }
    }

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

    fn part_of(id: &str, part: usize, job_id: Option<u64>, plan: Option<Plan>) -> Entry {
        Entry {
            operation: Some(OperationTag {
                id: OperationId(id.into()),
                part,
                plan,
            }),
            ..Entry::new(job_id, &modify(part as u64), &account())
        }
    }

    #[test]
    fn the_parts_of_an_operation_read_back_as_one_with_what_was_not_sent() {
        let plan = Plan {
            deleted: Vec::new(),
            job_size: 1,
            parts: (0..4).map(|i| Part::job(modify(i), None)).collect(),
        };
        let single = Entry::new(Some(9), &modify(9), &account());
        let lines = vec![
            part_of("op", 0, Some(10), Some(plan.clone())),
            single.clone(),
            part_of("op", 1, None, None),
            // A resume sent the last part later.
            part_of("op", 3, Some(12), None),
        ];
        let operations = operations(lines);
        assert_eq!(operations.len(), 2);
        assert_eq!(operations[0].jobs, [single]);
        assert!(operations[0].plan.is_none());
        let split = &operations[1];
        assert_eq!(
            split.id().map(OperationId::as_str),
            Some("op"),
            "the resumed operation is the newest"
        );
        assert_eq!(split.job_ids(), [10, 12]);
        assert_eq!(split.unknown().count(), 1);
        assert_eq!(split.plan.as_ref().map(|p| p.parts.len()), Some(4));
        let unsent: Vec<usize> = split.unsent().iter().map(|(part, _)| *part).collect();
        assert_eq!(unsent, [2], "part 1 is of unknown outcome: it was sent");
        assert!(split.contains(12) && !split.contains(9));
        assert_eq!(split.plan.as_ref(), Some(&plan));
        assert!(
            split
                .jobs
                .iter()
                .skip(1)
                .all(|e| e.operation.as_ref().unwrap().plan.is_none())
        );
    }
}

#[cfg(test)]
mod calls_tests {
    use super::*;
    use crate::history::Calls;
    use crate::job::JobSpec;

    #[test]
    fn a_plan_line_of_an_older_dpbatch_reads_and_a_part_sent_as_calls_resumes_its_rest() {
        let old = r#"{"job_id":null,"action":"undo","spec":{"kind":"record-delete","record_ids":[1,2,3]},"api":"legacy","endpoint":"e","profile":null,"submitted_at":1,"calls":{"done":[1],"unknown":[2]},"operation":{"id":"1a-2","part":0,"plan":{"job_size":5000,"parts":[{"spec":{"kind":"record-delete","record_ids":[1,2,3],"domain_ids":[7,7,8]},"by":"calls"},{"spec":{"kind":"record-delete","record_ids":[4]}}]}}}"#;
        let entry: Entry = serde_json::from_str(old).unwrap();
        assert_eq!(
            entry.calls,
            Some(Calls {
                done: vec![1],
                unknown: vec![2],
                ..Calls::default()
            })
        );
        let operation = &operations(vec![entry])[0];
        assert!(operation.is_known() && operation.unknown().next().is_none());
        let unknown: Vec<u64> = operation.unknown_calls().map(|(id, _)| id).collect();
        assert_eq!(
            unknown,
            [2],
            "a removal's outcome is its record's, not the part's"
        );
        let unsent = operation.unsent();
        let rest: Vec<(usize, &JobSpec)> = unsent.iter().map(|(i, p)| (*i, &p.spec)).collect();
        assert_eq!(
            rest,
            [
                (
                    0,
                    &JobSpec::RecordDelete {
                        record_ids: vec![3],
                        domain_ids: vec![8]
                    }
                ),
                (
                    1,
                    &JobSpec::RecordDelete {
                        record_ids: vec![4],
                        domain_ids: vec![]
                    }
                ),
            ],
            "neither the done nor the unknown record again; a part without `by` is a job"
        );
        assert_eq!(unsent[1].1.by, By::Job);
    }
}
