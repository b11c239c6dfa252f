//! `jobs --prune`: the operations older than an age taken out of the history, with the
//! before-states kept apart for them. The file is rewritten whole under its lock (into a
//! new private file renamed over it), its other lines kept byte for byte, those that do not
//! read among them. An operation `resume` may still need is kept and named unless forced.

use super::before_dir::BeforeDir;
use super::file::{MAX_LINE, next_line, open, options};
use super::{Entry, History, Operation, before_file, operations};
use anyhow::Context;
use rust_i18n::t;
use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufReader, Read, Seek, SeekFrom};

/// What a prune takes out, and what it keeps that it would have.
#[derive(Debug, Default)]
pub(crate) struct Pruned {
    pub removed: Vec<Operation>,
    /// Old enough, but `resume` may still send parts of them (or their outcome is unknown).
    pub kept: Vec<Operation>,
}

/// One line of the file: where it is, and what it reads as (`None`: it does not).
struct Stored {
    range: (u64, u64),
    entry: Option<Entry>,
}

impl History {
    /// Takes out the operations whose newest line is older than `before` (Unix seconds),
    /// but with `force` false not one `resume` may need; with `dry_run` only says which.
    pub(crate) fn prune(&self, before: u64, force: bool, dry_run: bool) -> anyhow::Result<Pruned> {
        let context = || t!("history.cannot_prune", file = self.path.display());
        let Some(mut file) = self.open_to_prune().with_context(context)? else {
            return Ok(Pruned::default());
        };
        let lines = stored_lines(&mut file).with_context(context)?;
        let (pruned, gone) = decide(&lines, before, force);
        if !dry_run && !gone.is_empty() {
            let names = before_files(&pruned.removed);
            // Opened before the rewrite: a `before/` refused leaves the history whole.
            let dir = self.open_before_dir(&names).with_context(context)?;
            self.rewrite(&mut file, &lines, &gone)
                .with_context(context)?;
            if let Some(dir) = dir {
                // One that will not go stays, unread and harmless.
                names.iter().for_each(|name| drop(dir.remove(name)));
            }
        }
        Ok(pruned)
    }

    /// The file, locked, `None` when there is none.
    fn open_to_prune(&self) -> io::Result<Option<File>> {
        match self.open_locked(options().read(true).write(true)) {
            Ok(file) => Ok(Some(file)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Writes every line but those at `gone` to a new file, renamed over the history; a
    /// failure removes the new file.
    fn rewrite(&self, file: &mut File, lines: &[Stored], gone: &HashSet<usize>) -> io::Result<()> {
        let fresh = self
            .path
            .with_extension(format!("jsonl.prune-{}", std::process::id()));
        let _ = fs::remove_file(&fresh);
        let out = open(
            &fresh,
            options().write(true).create_new(true),
            &t!("history.kept_history"),
        )?;
        let written =
            copy_kept(file, out, lines, gone).and_then(|()| fs::rename(&fresh, &self.path));
        if written.is_err() {
            let _ = fs::remove_file(&fresh);
        }
        written
    }

    /// `before/`, if any of `names` may be in it.
    fn open_before_dir(&self, names: &[&str]) -> io::Result<Option<BeforeDir>> {
        if names.is_empty() {
            return Ok(None);
        }
        match BeforeDir::open(&self.before_dir()) {
            Ok(dir) => Ok(Some(dir)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Copies the lines of `file` but those at `gone` to `out`, and syncs it.
fn copy_kept(
    file: &mut File,
    mut out: File,
    lines: &[Stored],
    gone: &HashSet<usize>,
) -> io::Result<()> {
    for (_, line) in lines
        .iter()
        .enumerate()
        .filter(|(at, _)| !gone.contains(at))
    {
        let (start, end) = line.range;
        file.seek(SeekFrom::Start(start))?;
        io::copy(&mut Read::by_ref(file).take(end - start), &mut out)?;
    }
    out.sync_all()
}

/// The names of the files the removed operations kept their before-states in.
fn before_files(removed: &[Operation]) -> Vec<&str> {
    let names = removed
        .iter()
        .flat_map(|op| &op.jobs)
        .filter_map(|e| e.before_file.as_deref());
    names.filter(|name| before_file::is_ours(name)).collect()
}

/// Every line of `file` with its place; a line too long to read is kept unread.
fn stored_lines(file: &mut File) -> io::Result<Vec<Stored>> {
    let mut reader = BufReader::new(file);
    let (mut lines, mut line, mut start) = (Vec::new(), Vec::new(), 0);
    while let Some(whole) = next_line(&mut reader, &mut line, MAX_LINE)? {
        let end = reader.stream_position()?;
        let entry = whole.then(|| serde_json::from_slice(&line).ok()).flatten();
        lines.push(Stored {
            range: (start, end),
            entry,
        });
        start = end;
    }
    Ok(lines)
}

/// What goes: the operations and the places of their lines. An old operation that
/// retries the same job as one kept stays too (named): `resume` of the kept one reads the
/// later retry to know which of its parts were sent again since.
fn decide(lines: &[Stored], before: u64, force: bool) -> (Pruned, HashSet<usize>) {
    let (mut pruned, mut gone) = (Pruned::default(), HashSet::new());
    let (mut retried_by_kept, mut old) = (HashSet::new(), Vec::new());
    for (places, operation, newest) in groups(lines) {
        let recent = newest >= before;
        if recent || (!force && may_resume(&operation)) {
            retried_by_kept.extend(retried(&operation));
            if !recent {
                pruned.kept.push(operation);
            }
            continue;
        }
        old.push((places, operation));
    }
    for (places, operation) in old {
        if retried(&operation).any(|job| retried_by_kept.contains(&job)) {
            pruned.kept.push(operation);
            continue;
        }
        gone.extend(places);
        pruned.removed.push(operation);
    }
    (pruned, gone)
}

/// Each operation, in the order of its first line: the places of its lines, and the time
/// of its newest line (read from the lines: a line that says how a call ended reads back
/// folded into the one before it, and with that line's time).
fn groups(lines: &[Stored]) -> Vec<(Vec<usize>, Operation, u64)> {
    let mut by_operation: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, line) in lines.iter().enumerate() {
        let Some(entry) = &line.entry else { continue };
        let key = entry
            .operation
            .as_ref()
            .map_or_else(|| format!("line {at}"), |tag| tag.id.to_string());
        by_operation.entry(key).or_default().push(at);
    }
    let mut places: Vec<Vec<usize>> = by_operation.into_values().collect();
    places.sort();
    let group = |places: Vec<usize>| {
        let entries: Vec<Entry> = places
            .iter()
            .filter_map(|&at| lines[at].entry.clone())
            .collect();
        let newest = entries.iter().map(|e| e.submitted_at).max()?;
        let operation = operations(entries).pop()?;
        Some((places, operation, newest))
    };
    places.into_iter().filter_map(group).collect()
}

/// The jobs `operation` retries.
fn retried(operation: &Operation) -> impl Iterator<Item = u64> + '_ {
    operation.jobs.iter().filter_map(|e| e.retry_of)
}

/// Whether `resume` may still send a part of `operation`, or its outcome is unknown.
pub(crate) fn may_resume(operation: &Operation) -> bool {
    !operation.unsent().is_empty()
        || operation.unknown().next().is_some()
        || operation.unknown_calls().next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of operation `id`'s part 0, sent as calls, at `at`.
    fn line(id: &str, at: u64, calls: &str) -> Stored {
        let text = format!(
            r#"{{"job_id":null,"action":"record-delete","spec":{{"kind":"domain-create","domains":["x.cn"]}},"api":"legacy","endpoint":"https://dnsapi.cn","credential":"520001","profile":null,"submitted_at":{at},"operation":{{"id":"{id}","part":0}},"calls":{calls}}}"#
        );
        Stored {
            range: (0, 0),
            entry: Some(serde_json::from_str(&text).unwrap()),
        }
    }

    /// A retry of job 9 at `at`: `stopped` after the first of two parts, or finished.
    fn retry(id: &str, at: u64, stopped: bool) -> Stored {
        let parts = match stopped {
            true => {
                r#"[{"spec":{"kind":"domain-create","domains":["x.cn"]}},{"spec":{"kind":"domain-create","domains":["y.cn"]}}]"#
            }
            false => r#"[{"spec":{"kind":"domain-create","domains":["x.cn"]}}]"#,
        };
        let text = format!(
            r#"{{"job_id":5,"action":"domain-create","spec":{{"kind":"domain-create","domains":["x.cn"]}},"api":"legacy","endpoint":"https://dnsapi.cn","credential":"520001","profile":null,"submitted_at":{at},"retry_of":9,"operation":{{"id":"{id}","part":0,"plan":{{"job_size":1,"parts":{parts}}}}}}}"#
        );
        Stored {
            range: (0, 0),
            entry: Some(serde_json::from_str(&text).unwrap()),
        }
    }

    #[test]
    fn a_later_retry_of_the_same_job_stays_with_the_retry_resume_may_still_need() {
        let lines = [retry("1a-1", 1_000, true), retry("1a-2", 1_100, false)];
        let (pruned, gone) = decide(&lines, 2_000, false);
        assert!(gone.is_empty(), "{:?}", pruned.removed);
        assert_eq!(pruned.kept.len(), 2, "both named");
        let (_, gone) = decide(&lines, 2_000, true);
        assert_eq!(gone.len(), 2, "forced: both go");
    }

    #[test]
    fn a_rewrite_that_fails_leaves_no_file_of_its_own_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.jsonl");
        // A directory in the history's place: the rename over it fails.
        std::fs::create_dir_all(path.join("full")).unwrap();
        let mut file = tempfile::tempfile().unwrap();
        let history = History { path: path.clone() };
        let lines = [line("1a-2", 1_000, "{}")];
        assert!(history.rewrite(&mut file, &lines, &HashSet::new()).is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the history's place: {left:?}");
    }

    #[test]
    fn an_operation_whose_newest_line_is_recent_stays_though_it_reads_as_an_old_one() {
        // The second line folds into the first (it says how the call sent ended), whose
        // time the operation reads back with.
        let lines = [
            line("1a-2", 1_000, r#"{"sending":7}"#),
            line("1a-2", 5_000, r#"{"done":[7]}"#),
        ];
        let (pruned, gone) = decide(&lines, 2_000, true);
        assert!(gone.is_empty(), "{:?}", pruned.removed);
        let (_, gone) = decide(&lines, 6_000, true);
        assert_eq!(gone.len(), 2, "older than both: it goes");
    }
}
