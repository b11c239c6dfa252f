//! `jobs --prune`: the operations older than an age taken out of the history, with the
//! before-states kept apart for them. The file is rewritten whole under its lock (into a
//! new private file renamed over it), its other lines kept byte for byte, those that do not
//! read among them. An operation `resume` may still need is kept and named unless forced.

use super::before_dir::BeforeDir;
use super::file::{MAX_LINE, next_line, open, options};
use super::{Entry, History, Operation, before_file, operations};
use anyhow::Context;
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
        let context = || format!("could not prune the job history {}", self.path.display());
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

    /// Writes every line but those at `gone` to a new file, renamed over the history.
    fn rewrite(&self, file: &mut File, lines: &[Stored], gone: &HashSet<usize>) -> io::Result<()> {
        let fresh = self
            .path
            .with_extension(format!("jsonl.prune-{}", std::process::id()));
        let _ = fs::remove_file(&fresh);
        let mut out = open(
            &fresh,
            options().write(true).create_new(true),
            "its job history",
        )?;
        for (_, line) in lines
            .iter()
            .enumerate()
            .filter(|(at, _)| !gone.contains(at))
        {
            let (start, end) = line.range;
            file.seek(SeekFrom::Start(start))?;
            io::copy(&mut Read::by_ref(file).take(end - start), &mut out)?;
        }
        out.sync_all()?;
        fs::rename(&fresh, &self.path)
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

/// What goes: the operations and the places of their lines.
fn decide(lines: &[Stored], before: u64, force: bool) -> (Pruned, HashSet<usize>) {
    let mut by_operation: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, line) in lines.iter().enumerate() {
        let Some(entry) = &line.entry else { continue };
        let key = entry
            .operation
            .as_ref()
            .map_or_else(|| format!("line {at}"), |tag| tag.id.to_string());
        by_operation.entry(key).or_default().push(at);
    }
    let (mut pruned, mut gone) = (Pruned::default(), HashSet::new());
    let mut groups: Vec<Vec<usize>> = by_operation.into_values().collect();
    groups.sort();
    for places in groups {
        let entries = places
            .iter()
            .filter_map(|&at| lines[at].entry.clone())
            .collect();
        let Some(operation) = operations(entries).pop() else {
            continue;
        };
        if operation.jobs.iter().any(|e| e.submitted_at >= before) {
            continue;
        }
        if !force && may_resume(&operation) {
            pruned.kept.push(operation);
            continue;
        }
        gone.extend(places);
        pruned.removed.push(operation);
    }
    (pruned, gone)
}

/// Whether `resume` may still send a part of `operation`, or its outcome is unknown.
pub(crate) fn may_resume(operation: &Operation) -> bool {
    !operation.unsent().is_empty()
        || operation.unknown().next().is_some()
        || operation.unknown_calls().next().is_some()
}
