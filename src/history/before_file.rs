//! Large before-states kept out of the history's lines, a file a job in `before/` beside
//! it: the lines stay small, so reading the newest of them costs the same however large
//! the jobs were. A file is made as the history is (0600 in a 0700 directory, never
//! through a symbolic link, never over a file already there) and read back as untrusted
//! input: a name of another shape, a link, or a file that does not read is refused, named.

use super::before_dir::BeforeDir;
use super::file::{MAX_LINE, checked, create_private_dir};
use crate::escape::visible;
use crate::job::Before;
use anyhow::{Context, bail};
use rust_i18n::t;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A before-state of more records than this goes to a file of its own (one of this many
/// is about 11 KB of a line).
pub(super) const INLINE_RECORDS: usize = 64;

/// What the files keep, for messages.
fn kept() -> std::borrow::Cow<'static, str> {
    t!("history.kept_before")
}

/// Writes `before` to a new file in `dir`; its name, for the line.
pub(super) fn write(dir: &Path, before: &[Before]) -> anyhow::Result<String> {
    create_private_dir(dir)?;
    let dir = BeforeDir::open(dir)?;
    let name = new_name();
    let path = dir.path_of(&name);
    let context = || t!("history.cannot_write_before", file = path.display());
    let bytes = serde_json::to_vec(before).with_context(context)?;
    let mut file = checked(&path, dir.open_file(&name, true), &kept()).with_context(context)?;
    file.write_all(&bytes).with_context(context)?;
    Ok(name)
}

/// The before-state the file `name` in `dir` keeps.
pub(super) fn read(dir: &Path, name: &str) -> anyhow::Result<Vec<Before>> {
    if !is_ours(name) {
        bail!("{}", t!("history.bad_before_name", name = visible(name)));
    }
    let path = dir.join(name);
    let context = || t!("history.cannot_read_before", file = path.display());
    let dir = BeforeDir::open(dir).with_context(context)?;
    let file = checked(&path, dir.open_file(name, false), &kept()).with_context(context)?;
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_LINE).unwrap_or(u64::MAX);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .with_context(context)?;
    if bytes.len() > MAX_LINE {
        let mib = MAX_LINE >> 20;
        bail!(
            "{}",
            t!("history.before_too_long", file = path.display(), mib = mib)
        );
    }
    serde_json::from_slice(&bytes).with_context(context)
}

/// A name unique to this file: the time, this process, and a count within it.
fn new_name() -> String {
    static MADE: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let made = MADE.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:x}-{}-{made}.json", std::process::id())
}

/// Whether `name` has the shape [`new_name`] gives: no path, no dot but the last.
pub(super) fn is_ours(name: &str) -> bool {
    name.strip_suffix(".json").is_some_and(|stem| {
        (1..=64).contains(&stem.len()) && stem.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_before_state_reads_back_and_only_names_dpbatch_gives_are_followed() {
        let dir = tempfile::tempdir().unwrap();
        let before = vec![Before::default()];
        let name = write(dir.path(), &before).unwrap();
        assert!(is_ours(&name), "{name}");
        assert_eq!(read(dir.path(), &name).unwrap(), before);
        assert_ne!(
            write(dir.path(), &before).unwrap(),
            name,
            "each its own file"
        );
        for planted in [
            "../jobs.jsonl",
            "/etc/passwd",
            "a.json/..",
            ".json",
            "x.txt",
        ] {
            let err = read(dir.path(), planted).unwrap_err().to_string();
            assert!(err.contains("never gives one"), "{planted}: {err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_before_state_is_never_read_or_written_through_a_linked_directory() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        let name = write(&real, &[Before::default()]).unwrap();
        let link = dir.path().join("before");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = format!("{:#}", read(&link, &name).unwrap_err());
        assert!(err.contains("before is a symbolic link"), "{err}");
        let err = format!("{:#}", write(&link, &[]).unwrap_err());
        assert!(err.contains("before is a symbolic link"), "{err}");
    }
}
