//! The newest operations, read from the history's end: only the lines that reach back to
//! the start of the operations asked for, so `jobs`, `--last` and the other queries cost
//! what those operations hold, not what the history does.

use super::queries::warn_skipped;
use super::{Entry, History, OperationId};
use std::collections::HashMap;

/// The history's newest lines, oldest first, reaching back until `want` operations that
/// `pick` takes (given an operation's first line and its job ids) are read whole, and
/// every operation with a line among them too. An operation's first line is the one
/// with its plan (or its only line): one whose first line is lost reads to the start.
pub(crate) fn newest(
    history: Option<&History>,
    warn: &dyn Fn(&str),
    want: usize,
    pick: impl Fn(&Entry, &[u64]) -> bool,
) -> anyhow::Result<Vec<Entry>> {
    let Some(history) = history else {
        return Ok(Vec::new());
    };
    let mut lines = Vec::new();
    // The operations some of whose lines were read, not yet their first; their job ids.
    let mut open: HashMap<OperationId, Vec<u64>> = HashMap::new();
    let mut picked = 0;
    let skipped = history.backwards(|entry: Entry| {
        if let Some(ids) = first_line(&mut open, &entry)
            && pick(&entry, &ids)
        {
            picked += 1;
        }
        lines.push(entry);
        picked < want || !open.is_empty()
    })?;
    warn_skipped(history, &skipped, warn);
    lines.reverse();
    Ok(lines)
}

/// Of `entry`, read after the newer lines of its operation: the job ids of the whole
/// operation when it is its first line, `None` when older lines of it are still to come.
fn first_line(open: &mut HashMap<OperationId, Vec<u64>>, entry: &Entry) -> Option<Vec<u64>> {
    let Some(tag) = &entry.operation else {
        return Some(entry.job_id.into_iter().collect());
    };
    let ids = open.entry(tag.id.clone()).or_default();
    ids.extend(entry.job_id);
    tag.plan.as_ref()?;
    open.remove(&tag.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Account, OperationTag};
    use crate::job::{JobSpec, Plan};
    use std::cell::Cell;

    fn line(job_id: u64, operation: Option<(&str, bool)>) -> Entry {
        let spec = JobSpec::RecordDelete {
            record_ids: vec![job_id],
            domain_ids: vec![],
        };
        let account = Account {
            api: "legacy",
            endpoint: "e".into(),
            profile: None,
            credential: Some("1".into()),
        };
        Entry {
            operation: operation.map(|(id, first)| OperationTag {
                id: OperationId::of(id),
                part: 0,
                plan: first.then(|| Plan {
                    deleted: Vec::new(),
                    job_size: 1,
                    parts: Vec::new(),
                }),
            }),
            ..Entry::new(Some(job_id), &spec, &account)
        }
    }

    #[test]
    fn only_the_lines_reaching_back_to_the_first_of_the_operations_asked_for_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(&dir.path().join("jobs.jsonl"));
        let lines = [
            line(1, None),
            line(2, Some(("op", true))),
            line(3, None),
            line(4, Some(("op", false))),
            line(5, None),
        ];
        lines.iter().for_each(|l| history.append(l).unwrap());
        let read = Cell::new(0);
        let ids = |want, pick: &dyn Fn(&[u64]) -> bool| {
            let entries = newest(Some(&history), &|_| {}, want, |_, ids| {
                read.set(read.get() + 1);
                pick(ids)
            })
            .unwrap();
            entries.iter().filter_map(|e| e.job_id).collect::<Vec<_>>()
        };
        assert_eq!(ids(1, &|_| true), [5]);
        assert_eq!(ids(2, &|_| true), [2, 3, 4, 5], "op begins at 2");
        assert_eq!(ids(1, &|ids| ids.contains(&4)), [2, 3, 4, 5]);
        assert_eq!(ids(1, &|ids| ids.contains(&1)), [1, 2, 3, 4, 5]);
        read.set(0);
        assert_eq!(
            ids(1, &|_| false),
            [1, 2, 3, 4, 5],
            "none picked: read whole"
        );
        assert_eq!(read.get(), 4, "each operation offered once");
    }
}
