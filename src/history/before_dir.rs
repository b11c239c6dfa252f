//! The history's `before/` directory, opened once and never through a symbolic link: its
//! files are opened and removed relative to that handle, so a link planted in its place,
//! or swapped in after a check, cannot send a read or a removal outside it.

use rust_i18n::t;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// `before/`, open.
pub(super) struct BeforeDir {
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

#[cfg(unix)]
impl BeforeDir {
    /// Opens `path`, refusing a symbolic link, anything but a directory, or a directory
    /// another user owns, by name.
    pub(super) fn open(path: &Path) -> io::Result<BeforeDir> {
        use rustix::{fs::Mode, fs::OFlags, fs::openat, io::Errno};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let fd = openat(rustix::fs::CWD, path, flags, Mode::empty()).map_err(|e| match e {
            // Linux says ENOTDIR of a link with O_DIRECTORY; asked again only for the message.
            Errno::LOOP | Errno::NOTDIR => match path.symlink_metadata() {
                Ok(meta) if meta.is_symlink() => refused(path, &t!("history.a_symlink")),
                _ => refused(path, &t!("history.before_dir_not_dir")),
            },
            e => e.into(),
        })?;
        let owner = rustix::fs::fstat(&fd)?.st_uid;
        if owner != rustix::process::getuid().as_raw() {
            return Err(refused(path, &t!("history.before_dir_not_ours")));
        }
        Ok(BeforeDir {
            path: path.to_path_buf(),
            fd,
        })
    }

    /// Opens `name` in it: made 0600 with `create`, never through a symbolic link.
    pub(super) fn open_file(&self, name: &str, create: bool) -> io::Result<File> {
        use rustix::fs::{Mode, OFlags, openat};
        let mut flags = OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        flags |= match create {
            true => OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL,
            false => OFlags::RDONLY,
        };
        let mode = Mode::from_raw_mode(0o600);
        Ok(openat(&self.fd, name, flags, mode)
            .map_err(io::Error::from)?
            .into())
    }

    /// Removes `name` from it.
    pub(super) fn remove(&self, name: &str) -> io::Result<()> {
        rustix::fs::unlinkat(&self.fd, name, rustix::fs::AtFlags::empty()).map_err(Into::into)
    }
}

#[cfg(not(unix))]
impl BeforeDir {
    pub(super) fn open(path: &Path) -> io::Result<BeforeDir> {
        match std::fs::symlink_metadata(path)?.is_dir() {
            true => Ok(BeforeDir {
                path: path.to_path_buf(),
            }),
            false => Err(refused(path, &t!("history.before_dir_not_dir"))),
        }
    }

    pub(super) fn open_file(&self, name: &str, create: bool) -> io::Result<File> {
        let mut options = std::fs::OpenOptions::new();
        match create {
            true => options.write(true).create_new(true),
            false => options.read(true),
        };
        options.open(self.path.join(name))
    }

    pub(super) fn remove(&self, name: &str) -> io::Result<()> {
        std::fs::remove_file(self.path.join(name))
    }
}

impl BeforeDir {
    /// The path of `name` in it, for messages.
    pub(super) fn path_of(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }
}

fn refused(path: &Path, what: &str) -> io::Error {
    io::Error::other(t!(
        "history.before_dir_refused",
        dir = path.display(),
        what = what
    ))
}
