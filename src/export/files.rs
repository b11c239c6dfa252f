//! Where an export is written: each file whole through a temporary one beside it, made
//! with a random name and `O_EXCL` (never through a symlink someone planted there), only
//! its owner able to read it (it holds the account's records), then renamed into place.
//! Zone files stay inside their directory whatever name the server gave a domain.

use crate::escape::{hidden, visible};
use anyhow::{Context, anyhow};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Writes a whole file through a fresh temporary one in its directory, so an earlier
/// export at that path is never left half overwritten. The file is 0600, like the
/// temporary one it was.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let written = tempfile::Builder::new()
        .prefix(".dpbatch-")
        .tempfile_in(dir)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            // On disk before the rename, so a crash leaves the old file or the new one.
            file.as_file().sync_all()?;
            Ok(file)
        })
        .and_then(|file| file.persist(path).map_err(|e| e.error));
    written
        .map(drop)
        .with_context(|| format!("could not write {}", path.display()))
}

/// `dir/name`, when `name` is one plain file name: no separator, no `..`, not absolute,
/// no hidden character.
pub(crate) fn inside(dir: &Path, name: &str) -> anyhow::Result<PathBuf> {
    let mut parts = Path::new(name).components();
    let plain = !name.contains(['/', '\\']) && !name.chars().any(hidden);
    match (parts.next(), parts.next()) {
        (Some(Component::Normal(_)), None) if plain => Ok(dir.join(name)),
        _ => Err(anyhow!(
            "refused to write `{}`: not a file name inside {}",
            visible(name),
            dir.display()
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
