//! The lock an operation is sent under: an exclusive lock of a file named after it, beside
//! the history, held by the run that sends its parts (the command that started it, or a
//! `resume`) until it has sent them. A second run finds it held and sends nothing: both
//! would send the same parts. The kernel lets go of it when the process ends, however.

use super::file::{create_private_dir, open, options};
use super::{History, OperationId};
use anyhow::Context;
use rust_i18n::t;
use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};

/// An operation's lock, held until dropped; its file is removed then.
#[derive(Debug)]
pub(crate) struct OperationLock {
    path: PathBuf,
    // Closing it lets go of the lock, after the file is removed.
    _file: File,
}

impl Drop for OperationLock {
    fn drop(&mut self) {
        // A run that opened it meanwhile finds its file gone once it holds it, and tries
        // again (`same_file`). Nothing is lost if it stays.
        let _ = fs::remove_file(&self.path);
    }
}

impl History {
    /// Takes the lock of operation `id`, or `None` when another run holds it.
    pub(crate) fn lock_operation(&self, id: &OperationId) -> anyhow::Result<Option<OperationLock>> {
        let path = self.lock_path(id.as_str())?;
        let context = || t!("history.cannot_lock", file = path.display());
        if let Some(dir) = path.parent() {
            create_private_dir(dir)?;
        }
        loop {
            let file = open(
                &path,
                options().read(true).write(true).create(true),
                &t!("history.kept_lock"),
            )
            .with_context(context)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Ok(None),
                Err(TryLockError::Error(e)) => return Err(e).with_context(context),
            }
            if same_file(&file, &path) {
                return Ok(Some(OperationLock { path, _file: file }));
            }
        }
    }

    /// `locks/<id>.lock` beside the history; `id` comes from the history, so it must be
    /// a plain name, as dpbatch makes them (hex time, `-`, process id).
    fn lock_path(&self, id: &str) -> anyhow::Result<PathBuf> {
        let plain = |c: char| c.is_ascii_alphanumeric() || c == '-';
        if id.is_empty() || id.len() > 64 || !id.chars().all(plain) {
            let id = crate::escape::visible(id);
            anyhow::bail!("{}", t!("history.bad_operation_id", id = id));
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        Ok(dir.join("locks").join(format!("{id}.lock")))
    }
}

/// Whether `path` is still the file locked: the run that held it removes it as it lets go.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(locked), Ok(named)) => locked.dev() == named.dev() && locked.ino() == named.ino(),
        _ => false,
    }
}

/// Elsewhere a file open in another process cannot be removed, so it is the same.
#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::OperationId;

    #[test]
    fn an_operation_is_locked_by_one_holder_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(&dir.path().join("dpbatch").join("jobs.jsonl"));
        let held = history
            .lock_operation(&OperationId::of("18f3a-42"))
            .unwrap()
            .expect("free");
        assert!(
            history
                .lock_operation(&OperationId::of("18f3a-42"))
                .unwrap()
                .is_none()
        );
        assert!(
            history
                .lock_operation(&OperationId::of("18f3a-43"))
                .unwrap()
                .is_some()
        );
        drop(held);
        assert!(
            history
                .lock_operation(&OperationId::of("18f3a-42"))
                .unwrap()
                .is_some()
        );
        let locks = dir.path().join("dpbatch").join("locks");
        assert_eq!(fs::read_dir(&locks).unwrap().count(), 0, "nothing left");
    }

    #[test]
    fn an_operation_id_from_the_history_is_a_plain_name() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(&dir.path().join("jobs.jsonl"));
        for id in ["../../x", "", "a/b", "a\nb"] {
            let err = history
                .lock_operation(&OperationId::of(id))
                .unwrap_err()
                .to_string();
            assert!(err.contains("not an operation id"), "{id:?}: {err}");
        }
        assert!(!dir.path().join("x.lock").exists());
    }
}
