//! The history file itself: where it lives, appending a line whole, and reading it back a
//! bounded line at a time. It lists the account's work, so it is made 0600 in a 0700
//! directory, and it is never opened through a symbolic link someone else may have put
//! there.

use super::before_file;
use super::tail::{Line, Tail};
use anyhow::Context;
use rust_i18n::t;
use serde::Deserialize;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The longest line read back. A plan of the largest operation (80 jobs of 5000 records)
/// is a few tens of MB; a longer line is skipped with a warning rather than held whole in
/// memory, as every submit reads the file.
pub(crate) const MAX_LINE: usize = 64 << 20;

/// How far out of time order concurrent runs may append lines, in seconds.
const OUT_OF_ORDER: u64 = 600;

/// How many lines in a row made well before the time asked about end a count: one such
/// line (planted, or written across a clock step) must not hide the jobs before it.
pub(super) const OLD_RUN: usize = 64;

/// What the history file keeps, for messages.
fn kept_history() -> std::borrow::Cow<'static, str> {
    t!("history.kept_history")
}

/// The lines that could not be read back, and were skipped.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Skipped {
    /// Cut short by a crash, or written by a later version.
    pub unreadable: usize,
    /// Longer than [`MAX_LINE`].
    pub too_long: usize,
}

/// The history file.
pub(crate) struct History {
    pub(super) path: PathBuf,
}

impl History {
    /// The file in the user's data directory, if the platform has one.
    pub(crate) fn open() -> Option<History> {
        dirs::data_dir().map(|dir| History {
            path: dir.join("dpbatch").join("jobs.jsonl"),
        })
    }

    #[cfg(test)]
    pub(crate) fn at(path: &Path) -> History {
        History {
            path: path.to_path_buf(),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry as one line, under an exclusive lock of the file: a single write
    /// keeps concurrent runs from interleaving, and a line cut short by a crash is ended
    /// first, so it cannot swallow this one.
    pub(crate) fn append(&self, entry: &super::Entry) -> anyhow::Result<()> {
        let apart = self.before_apart(entry);
        let mut line = serde_json::to_vec(apart.as_ref().unwrap_or(entry))
            .context(t!("history.cannot_encode"))?;
        line.push(b'\n');
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let context = || t!("history.cannot_write", file = self.path.display());
        let mut file = self.open_to_append().with_context(context)?;
        make_private(&file).with_context(context)?;
        if !ends_a_line(&mut file).with_context(context)? {
            line.insert(0, b'\n');
        }
        file.write_all(&line).with_context(context)
    }

    /// Every entry, oldest first, and the lines skipped.
    #[cfg(test)]
    pub(crate) fn read(&self) -> anyhow::Result<(Vec<super::Entry>, Skipped)> {
        self.lines()
    }

    /// How many jobs were made since `since` (Unix seconds), reading only each line's
    /// job id and time, from the newest line back until [`OLD_RUN`] lines in a row were
    /// made well before `since` (concurrent runs may append a little out of order).
    pub(crate) fn jobs_since(&self, since: u64) -> anyhow::Result<usize> {
        #[derive(Deserialize)]
        struct Stamp {
            job_id: Option<u64>,
            submitted_at: u64,
        }
        let (mut jobs, mut old) = (0, 0);
        self.backwards(|stamp: Stamp| {
            if stamp.job_id.is_some() && stamp.submitted_at >= since {
                jobs += 1;
            }
            match stamp.submitted_at.saturating_add(OUT_OF_ORDER) >= since {
                true => old = 0,
                false => old += 1,
            }
            old < OLD_RUN
        })?;
        Ok(jobs)
    }

    /// Each line read as a `T`, newest first, while `each` says to go on; the lines that
    /// could not be read are skipped, and counted.
    pub(crate) fn backwards<T: serde::de::DeserializeOwned>(
        &self,
        mut each: impl FnMut(T) -> bool,
    ) -> anyhow::Result<Skipped> {
        let context = || t!("history.cannot_read", file = self.path.display());
        let mut skipped = Skipped::default();
        let Some(file) = self.open_to_read().with_context(context)? else {
            return Ok(skipped);
        };
        let mut tail = Tail::new(file, MAX_LINE).with_context(context)?;
        while let Some(line) = tail.prev().with_context(context)? {
            match line {
                Line::TooLong => skipped.too_long += 1,
                Line::Whole(line) if line.iter().all(u8::is_ascii_whitespace) => {}
                Line::Whole(line) => match serde_json::from_slice(&line) {
                    Ok(item) => {
                        if !each(item) {
                            break;
                        }
                    }
                    Err(_) => skipped.unreadable += 1,
                },
            }
        }
        Ok(skipped)
    }

    /// The file, locked, to append to.
    fn open_to_append(&self) -> io::Result<File> {
        self.open_locked(options().read(true).append(true).create(true))
    }

    /// The file opened with `options` and locked: opened again if a prune renamed a new
    /// file over it while this run waited for the lock, or this run would append to (or
    /// prune) the file it replaced.
    pub(super) fn open_locked(&self, options: &OpenOptions) -> io::Result<File> {
        loop {
            let file = open(&self.path, options, &kept_history())?;
            file.lock()?;
            if same_file(&file, &self.path)? {
                return Ok(file);
            }
        }
    }

    /// The file to read, `None` when there is none yet.
    fn open_to_read(&self) -> io::Result<Option<File>> {
        match open(&self.path, options().read(true), &kept_history()) {
            Ok(file) => Ok(Some(file)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Fills in the before-states `entries` keep in files of their own.
    pub(crate) fn load_before(&self, entries: &mut [super::Entry]) -> anyhow::Result<()> {
        for entry in entries {
            if let (None, Some(name)) = (&entry.before, &entry.before_file) {
                entry.before = Some(before_file::read(&self.before_dir(), name)?);
            }
        }
        Ok(())
    }

    /// `entry` with a large before-state moved to a file of its own, `None` to write it as
    /// it is. A part sent as calls keeps its own (a record a line); one that cannot be
    /// written apart stays in the line, where older versions kept every one.
    fn before_apart(&self, entry: &super::Entry) -> Option<super::Entry> {
        let before = entry.before.as_ref()?;
        if before.len() <= before_file::INLINE_RECORDS || entry.calls.is_some() {
            return None;
        }
        let name = before_file::write(&self.before_dir(), before).ok()?;
        Some(super::Entry {
            before: None,
            before_file: Some(name),
            ..entry.clone()
        })
    }

    pub(super) fn before_dir(&self) -> PathBuf {
        self.path.with_file_name("before")
    }

    /// Each line read as a `T`, a line at a time, and the lines that could not be.
    #[cfg(test)]
    fn lines<T: serde::de::DeserializeOwned>(&self) -> anyhow::Result<(Vec<T>, Skipped)> {
        let context = || t!("history.cannot_read", file = self.path.display());
        let Some(file) = self.open_to_read().with_context(context)? else {
            return Ok((Vec::new(), Skipped::default()));
        };
        let (mut read, mut skipped) = (Vec::new(), Skipped::default());
        let mut reader = io::BufReader::new(file);
        let mut line = Vec::new();
        while let Some(whole) = next_line(&mut reader, &mut line, MAX_LINE).with_context(context)? {
            if !whole {
                skipped.too_long += 1;
            } else if !line.iter().all(u8::is_ascii_whitespace) {
                match serde_json::from_slice(&line) {
                    Ok(item) => read.push(item),
                    Err(_) => skipped.unreadable += 1,
                }
            }
        }
        Ok((read, skipped))
    }
}

/// Options for the history's own files: made 0600, never through a symbolic link.
pub(super) fn options() -> OpenOptions {
    #[allow(unused_mut)] // Changed on Unix only.
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO planted in its place returns at once (and is then
        // refused as not a plain file) rather than waiting for a writer; a plain file
        // ignores it.
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options
}

/// Opens `path` with `options`, refusing a symbolic link or anything but a plain file (a
/// FIFO would block, a device never ends a line) by name; `kept` says what the file
/// keeps (`its job history`).
pub(super) fn open(path: &Path, options: &OpenOptions, kept: &str) -> io::Result<File> {
    checked(path, options.open(path), kept)
}

/// `opened`, the file at `path` opened without following a link, or its refusal by name.
pub(super) fn checked(path: &Path, opened: io::Result<File>, kept: &str) -> io::Result<File> {
    let not_plain = |what: &str| {
        io::Error::other(t!(
            "history.not_plain",
            file = path.display(),
            what = what,
            kept = kept
        ))
    };
    let file = match opened {
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(not_plain(&t!("history.a_symlink")));
        }
        other => other?,
    };
    match file.metadata()?.is_file() {
        true => Ok(file),
        false => Err(not_plain(&t!("history.not_a_file"))),
    }
}

/// Creates `dir` and its missing parents, 0700 on Unix: the history's directory, and
/// export's of zone files.
pub(crate) fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| t!("history.cannot_create_dir", dir = dir.display()))
}

/// Takes group and other access from a history an older dpbatch made 0644: `mode` on
/// open applies only to a file it creates.
fn make_private(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata()?.permissions().mode();
        if mode & 0o077 != 0 {
            file.set_permissions(fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Whether `file` is the one at `path` still.
fn same_file(file: &File, path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (open, named) = (file.metadata()?, fs::symlink_metadata(path)?);
        Ok((open.dev(), open.ino()) == (named.dev(), named.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        Ok(true)
    }
}

/// Whether the file is empty or its last byte ends a line.
fn ends_a_line(file: &mut File) -> io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Reads the next line into `line`, without its `\n`: `Some(true)` when whole, `Some(false)`
/// when it was longer than `max` (then skipped to its end, never held whole), `None` at the
/// end of the file.
pub(super) fn next_line(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<Option<bool>> {
    line.clear();
    let limit = u64::try_from(max).unwrap_or(u64::MAX);
    let read = reader.by_ref().take(limit + 1).read_until(b'\n', line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        return Ok(Some(true));
    }
    if line.len() <= max {
        // The last line, without a line break.
        return Ok(Some(true));
    }
    line.clear();
    skip_line(reader)?;
    Ok(Some(false))
}

/// Reads on past the next `\n`, a buffer at a time.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buffer) {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                reader.consume(all);
            }
        }
    }
}

#[cfg(test)]
mod tests;
