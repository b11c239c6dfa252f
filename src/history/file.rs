//! The history file itself: where it lives, appending a line whole, and reading it back a
//! bounded line at a time. It lists the account's work, so it is made 0600 in a 0700
//! directory, and it is never opened through a symbolic link someone else may have put
//! there.

use anyhow::Context;
use serde::Deserialize;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The longest line read back. A plan of the largest operation (80 jobs of 5000 records)
/// is a few tens of MB; a longer line is skipped with a warning rather than held whole in
/// memory, as every submit reads the file.
pub(crate) const MAX_LINE: usize = 64 << 20;

/// What the history file keeps, for messages.
const HISTORY: &str = "its job history";

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
        let mut line = serde_json::to_vec(entry).context("could not encode the history entry")?;
        line.push(b'\n');
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let context = || format!("could not write the job history {}", self.path.display());
        let mut file = open(
            &self.path,
            options().read(true).append(true).create(true),
            HISTORY,
        )
        .with_context(context)?;
        file.lock().with_context(context)?;
        make_private(&file).with_context(context)?;
        if !ends_a_line(&mut file).with_context(context)? {
            line.insert(0, b'\n');
        }
        file.write_all(&line).with_context(context)
    }

    /// Every entry, oldest first, and the lines skipped.
    pub(crate) fn read(&self) -> anyhow::Result<(Vec<super::Entry>, Skipped)> {
        self.lines()
    }

    /// How many jobs were made since `since` (Unix seconds), reading only each line's
    /// job id and time: the history of a busy machine holds every spec.
    pub(crate) fn jobs_since(&self, since: u64) -> anyhow::Result<usize> {
        #[derive(Deserialize)]
        struct Stamp {
            job_id: Option<u64>,
            submitted_at: u64,
        }
        let (stamps, _) = self.lines::<Stamp>()?;
        Ok(stamps
            .iter()
            .filter(|s| s.job_id.is_some() && s.submitted_at >= since)
            .count())
    }

    /// Each line read as a `T`, a line at a time, and the lines that could not be.
    fn lines<T: serde::de::DeserializeOwned>(&self) -> anyhow::Result<(Vec<T>, Skipped)> {
        let context = || format!("could not read the job history {}", self.path.display());
        let file = match open(&self.path, options().read(true), HISTORY) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((Vec::new(), Skipped::default()));
            }
            Err(e) => return Err(e).with_context(context),
        };
        let (mut read, mut skipped) = (Vec::new(), Skipped::default());
        let mut reader = BufReader::new(file);
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
    let not_plain = |what: &str| {
        io::Error::other(format!(
            "{} is {what}; dpbatch keeps {kept} in a plain file only: remove it",
            path.display()
        ))
    };
    let file = match options.open(path) {
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(not_plain("a symbolic link"));
        }
        other => other?,
    };
    match file.metadata()?.is_file() {
        true => Ok(file),
        false => Err(not_plain("not a plain file")),
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
        .with_context(|| format!("could not create the directory {}", dir.display()))
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
fn next_line(
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
