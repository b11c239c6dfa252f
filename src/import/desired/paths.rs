//! The files a desired state is read from: each PATH a file, or a directory's `*.jsonl`,
//! `*.csv` and `*.zone` files (not recursive, in name order). A file named twice (also
//! through its directory) is read once.

use crate::input::domains::check_domain;
use crate::input::{describe, shown};
use rust_i18n::t;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The extensions a directory's files are read by, in lower case.
const EXTENSIONS: [&str; 3] = ["jsonl", "csv", "zone"];

/// Every file to read, in order; the errors name each PATH that cannot be read.
pub(super) fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<String>> {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for path in paths {
        match listed(path) {
            Ok(found) => files.extend(found),
            Err(why) => errors.push(why),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut seen = HashSet::new();
    files.retain(|file| seen.insert(std::fs::canonicalize(file).unwrap_or_else(|_| file.clone())));
    Ok(files)
}

/// The path itself, or the files of the directory it names.
fn listed(path: &Path) -> Result<Vec<PathBuf>, String> {
    let name = describe(path);
    if path == Path::new("-") || !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let cannot =
        |e: std::io::Error| t!("import.cannot_read_dir", dir = shown(&name), why = e).into_owned();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(cannot)? {
        let file = entry.map_err(cannot)?.path();
        if file.is_file() && has_extension(&file) {
            files.push(file);
        }
    }
    if files.is_empty() {
        return Err(t!("import.empty_dir", dir = shown(&name)).into_owned());
    }
    files.sort_unstable_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

fn has_extension(file: &Path) -> bool {
    let extension = file.extension().and_then(|e| e.to_str());
    extension.is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The domain a zone file's name says (`example.cn.zone`: `example.cn`), if it names one.
pub(super) fn zone_domain(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name.get(..name.len().checked_sub(".zone".len())?)?;
    let extension = &name[stem.len()..];
    if !extension.eq_ignore_ascii_case(".zone") {
        return None;
    }
    check_domain(stem).ok()
}
