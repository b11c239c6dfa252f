//! Where an export is written: each file as the records come, into a temporary one beside
//! it, made with a random name and `O_EXCL` (never through a symlink someone planted there), only
//! its owner able to read it (it holds the account's records), then renamed into place.
//! Zone files stay inside their directory whatever name the server gave a domain.

use crate::escape::{hidden, visible};
use anyhow::{Context, anyhow};
use rust_i18n::t;
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use tempfile::{NamedTempFile, TempPath};

/// A file being written through a fresh temporary one in its directory (0600, made with
/// `O_EXCL`), so an earlier export at that path is never left half overwritten: only
/// [`Staged::commit`] renames it into place, and dropping it removes the temporary file.
pub(crate) struct Staged {
    path: PathBuf,
    file: BufWriter<NamedTempFile>,
}

impl Staged {
    /// A temporary file beside `path`.
    pub(crate) fn beside(path: &Path) -> anyhow::Result<Staged> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let file = tempfile::Builder::new()
            .prefix(".dpbatch-")
            .tempfile_in(dir)
            .with_context(|| t!("export.cannot_write", file = path.display()))?;
        Ok(Staged {
            path: path.to_owned(),
            file: BufWriter::new(file),
        })
    }

    /// Where the bytes go, as they come.
    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        &mut self.file
    }

    /// Written, on disk and closed, but not yet in place: a path to rename at the end
    /// (no file held open a domain), still removed if dropped.
    pub(crate) fn close(self) -> anyhow::Result<Closed> {
        let path = self.path;
        let closed = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| {
                // On disk before the rename, so a crash leaves the old file or the new one.
                file.as_file().sync_all()?;
                Ok(file.into_temp_path())
            });
        let temp = closed.with_context(|| t!("export.cannot_write", file = path.display()))?;
        Ok(Closed { path, temp })
    }

    /// Renames the file into place.
    pub(crate) fn commit(self) -> anyhow::Result<()> {
        self.close()?.commit()
    }
}

/// A file written whole, waiting to be renamed into place; removed if dropped.
pub(crate) struct Closed {
    path: PathBuf,
    temp: TempPath,
}

impl Closed {
    /// Renames the file into place.
    pub(crate) fn commit(self) -> anyhow::Result<()> {
        let Closed { path, temp } = self;
        temp.persist(&path)
            .map_err(|e| e.error)
            .with_context(|| t!("export.cannot_write", file = path.display()))
    }
}

/// Writes a whole file through a [`Staged`] one.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = Staged::beside(path)?;
    file.writer()
        .write_all(bytes)
        .with_context(|| t!("export.cannot_write", file = path.display()))?;
    file.commit()
}

/// `dir/name`, when `name` is one plain file name: no separator, no `..`, not absolute,
/// no hidden character.
pub(crate) fn inside(dir: &Path, name: &str) -> anyhow::Result<PathBuf> {
    let mut parts = Path::new(name).components();
    let plain = !name.contains(['/', '\\']) && !name.chars().any(hidden);
    match (parts.next(), parts.next()) {
        (Some(Component::Normal(_)), None) if plain => Ok(dir.join(name)),
        _ => Err(anyhow!(
            "{}",
            t!(
                "export.not_inside",
                name = visible(name),
                dir = dir.display()
            )
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_file_name_stays_inside_the_directory() {
        let dir = Path::new("zones");
        assert_eq!(inside(dir, "a.cn.zone").unwrap(), dir.join("a.cn.zone"));
        for name in [
            "../x.zone",
            "/etc/x.zone",
            "a/b.zone",
            "..",
            ".",
            "",
            "a\\b.zone",
        ] {
            let err = inside(dir, name).unwrap_err().to_string();
            assert!(
                err.contains("not a file name inside zones"),
                "{name}: {err}"
            );
        }
        let err = inside(dir, "a\n.zone").unwrap_err().to_string();
        assert!(err.contains(r"`a\n.zone`"), "{err}");
    }
}
