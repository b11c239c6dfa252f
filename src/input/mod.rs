//! Turns raw arguments into checked values before anything is sent; every error names the
//! bad value and exits 2.

pub(crate) mod domains;
pub(crate) mod records;
pub(crate) mod values;

use crate::error::usage;
use std::io::Read;
use std::path::Path;

/// How many bad values one error lists before it summarises the rest.
const MAX_LISTED: usize = 20;

/// One message for many bad values: the count, then the first few, one per line.
pub(crate) fn list_errors(errors: &[String]) -> String {
    let mut text = match errors.len() {
        1 => errors[0].clone(),
        n => format!(
            "{n} invalid values:\n  {}",
            errors[..n.min(MAX_LISTED)].join("\n  ")
        ),
    };
    if errors.len() > MAX_LISTED {
        text.push_str(&format!("\n  ... and {} more", errors.len() - MAX_LISTED));
    }
    text
}

/// Reads a whole input file, `-` meaning stdin.
pub(crate) fn read_text(path: &Path) -> anyhow::Result<String> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| usage(format!("cannot read stdin: {e}")))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| usage(format!("cannot read {}: {e}", path.display())))
}

/// A path as messages name it: `stdin` for `-`.
pub(crate) fn describe(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    }
}
