//! Files that may hold a secret (the config file, tccli's credential files): read whole
//! up to a cap, and a warning when others may read them.

use crate::input::read_limited;
use rust_i18n::t;
use std::io;
use std::path::Path;

/// The most read of a config or credential file: real ones are a few hundred bytes, and
/// `--config /dev/zero` must not fill the memory.
pub(super) const MAX_BYTES: u64 = 1 << 20;

/// The file's text; more than [`MAX_BYTES`] is an error rather than a longer read.
pub(super) fn read(path: &Path) -> io::Result<String> {
    // Opened apart, so that a missing file stays `NotFound` for the caller to tell apart.
    let file = std::fs::File::open(path)?;
    let bytes = read_limited(file, MAX_BYTES, &t!("config.a_secret_file"))?;
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, t!("config.not_utf8")))
}

/// The warning for `what` at `path`, which holds a secret, when group or others may read
/// it (Unix only).
#[cfg(unix)]
pub(super) fn readable_warning(what: &str, path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (mode & 0o077 != 0).then(|| {
        let mode = format!("{:o}", mode & 0o777);
        t!(
            "config.readable",
            what = what,
            file = path.display(),
            mode = mode
        )
        .into_owned()
    })
}

#[cfg(not(unix))]
pub(super) fn readable_warning(_what: &str, _path: &Path) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_past_the_cap_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.toml");
        let text = "#".repeat(usize::try_from(MAX_BYTES).unwrap());
        std::fs::write(&path, &text).unwrap();
        assert_eq!(read(&path).unwrap(), text);
        std::fs::write(&path, text + "#").unwrap();
        let err = read(&path).unwrap_err().to_string();
        assert!(err.contains("larger than 1 MiB"), "{err}");
        #[cfg(unix)]
        assert!(read(Path::new("/dev/zero")).is_err());
    }
}
