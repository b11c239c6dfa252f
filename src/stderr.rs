//! The one way a message reaches stderr: `dpbatch: ` first and every control character
//! escaped. At the bottom of the house, so that the signal handler and the transport's
//! trace can write there without the output's tables and JSON.

use crate::escape;
use std::io::{self, Write};

/// A warning on stderr; shown even under `--quiet`.
pub(crate) fn warn(message: &str) {
    log(&warning_line(message));
}

/// `warning: MESSAGE` in the language spoken.
pub(crate) fn warning_line(message: &str) -> String {
    rust_i18n::t!("output.warning_line", message = message).into_owned()
}

/// One `dpbatch: ` message on stderr (see [`on_stderr`]). A failing stderr has nowhere
/// to report to, so it is ignored.
pub(crate) fn log(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{}", on_stderr(message));
}

/// `message` as stderr shows it: `dpbatch: ` and the message, every control character
/// escaped but the line breaks that start its own indented lines (a list of bad values).
/// Whatever a server value holds, every line that does not start with white space is a
/// message of dpbatch's own: a `\n` followed by anything else shows as `\n`.
fn on_stderr(message: &str) -> String {
    let mut shown = String::with_capacity(message.len() + 9);
    shown.push_str("dpbatch: ");
    for (i, line) in message.split('\n').enumerate() {
        match i {
            0 => {}
            _ if line.starts_with("  ") => shown.push('\n'),
            _ => shown.push_str("\\n"),
        }
        shown.push_str(&escape::visible(line));
    }
    shown
}

#[cfg(test)]
mod tests;
