//! Committed files that must equal what the binary prints, byte for byte. Set
//! `DPBATCH_BLESS=1` to rewrite them after a deliberate change, then review the diff.

use std::path::Path;

/// Compares `actual` with the committed file at `relative` (to the package root), or
/// rewrites the file first when `DPBATCH_BLESS` is set.
pub fn assert_current(relative: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("DPBATCH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent directory")).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != actual {
        panic!(
            "{} is stale{}\nIf the change is meant, rewrite it with \
             `DPBATCH_BLESS=1 cargo test --locked` and review the diff.",
            path.display(),
            first_difference(&committed, actual)
        );
    }
}

/// Where two texts part, line by line, for a failure message that needs no diff tool.
fn first_difference(committed: &str, actual: &str) -> String {
    let (mut old, mut new) = (committed.lines(), actual.lines());
    for number in 1.. {
        match (old.next(), new.next()) {
            (Some(a), Some(b)) if a == b => {}
            (None, None) => return ": the same lines, different line ends".into(),
            (a, b) => {
                return format!(
                    " at line {number}:\n  committed: {a:?}\n  now:       {b:?}",
                    a = a.unwrap_or("<end of file>"),
                    b = b.unwrap_or("<end of output>")
                );
            }
        }
    }
    unreachable!()
}
