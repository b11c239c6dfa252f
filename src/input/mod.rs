//! Turns raw arguments into checked values before anything is sent; every error names the
//! bad value and exits 2.

pub(crate) mod domains;
pub(crate) mod ignore;
pub(crate) mod records;
pub(crate) mod values;

use crate::error::usage;
use crate::escape::visible;
use crate::i18n::os_error::os_error;
use rust_i18n::t;
use std::io::Read;
use std::path::Path;

/// The most characters of one value an error echoes: a 10 MB host name is named by its
/// start and its size, not copied into the message.
const MAX_SHOWN_CHARS: usize = 400;

/// A value as an error names it: cut to [`MAX_SHOWN_CHARS`], saying how long it was.
pub(crate) fn shown(value: &str) -> String {
    crate::escape::shorten(value, MAX_SHOWN_CHARS)
}

/// How many bad values one error lists before it summarises the rest.
const MAX_LISTED: usize = 20;

/// One message for many bad values: the count, then the first few, one per line.
/// Each entry is escaped whole, so a value holding a line break cannot add a line of its
/// own to the list.
pub(crate) fn list_errors(errors: &[String]) -> String {
    let shown: Vec<String> = errors
        .iter()
        .take(MAX_LISTED)
        .map(|error| visible(error).into_owned())
        .collect();
    let mut text = match errors.len() {
        1 => shown[0].clone(),
        n => t!("input.invalid_values", count = n, list = shown.join("\n  ")).into_owned(),
    };
    if errors.len() > MAX_LISTED {
        let more = errors.len() - MAX_LISTED;
        text.push_str(&t!("input.and_more_listed", count = more));
    }
    text
}

/// The most read from one input file or stdin: far above any real list (a million
/// domains is about 20 MiB), low enough that `--file /dev/zero` cannot eat the memory.
pub(crate) const MAX_INPUT_BYTES: u64 = 64 << 20;

/// Reads a whole input file, `-` meaning stdin: UTF-8 text of at most `MAX_INPUT_BYTES`,
/// without a byte-order mark (editors on Windows write one, and it is no part of a name).
pub(crate) fn read_text(path: &Path) -> anyhow::Result<String> {
    let name = describe(path);
    let what = t!("input.an_input_file");
    let bytes = if path == Path::new("-") {
        read_limited(std::io::stdin().lock(), MAX_INPUT_BYTES, &what)
    } else {
        std::fs::File::open(path).and_then(|file| read_limited(file, MAX_INPUT_BYTES, &what))
    }
    .map_err(|e| usage(t!("input.cannot_read", name = name, why = os_error(&e))))?;
    text_of(bytes).map_err(|why| usage(t!("input.named", name = name, why = why)))
}

/// Up to `limit` bytes; more is an error rather than a longer read. `what` names the kind
/// of file in that error ("an input file").
pub(crate) fn read_limited(reader: impl Read, limit: u64, what: &str) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        let mib = limit >> 20;
        return Err(std::io::Error::other(t!(
            "input.too_large",
            mib = mib,
            what = what
        )));
    }
    Ok(bytes)
}

/// The text of an input file; binary content is refused by where it starts to go wrong.
fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(t!("input.nul_byte", at = at).into_owned());
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        t!("input.not_utf8", at = at).into_owned()
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// A path as messages name it: `stdin` for `-`.
pub(crate) fn describe(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stop_past_the_limit() {
        assert_eq!(read_limited(&b"abcd"[..], 4, "a file").unwrap(), b"abcd");
        let err = read_limited(std::io::repeat(0), 8 << 20, "a file").unwrap_err();
        assert!(err.to_string().contains("larger than 8 MiB"), "{err}");
    }

    #[test]
    fn text_loses_its_bom_and_binary_is_refused() {
        assert_eq!(text_of(b"\xef\xbb\xbfa.cn\n".to_vec()).unwrap(), "a.cn\n");
        assert!(
            text_of(b"a.cn\0".to_vec())
                .unwrap_err()
                .contains("NUL byte at byte 4")
        );
        assert!(
            text_of(b"a.cn\n\xff".to_vec())
                .unwrap_err()
                .contains("not UTF-8 text (invalid byte at byte 5)")
        );
    }

    #[test]
    fn a_line_break_in_a_value_cannot_add_a_line() {
        let errors = [
            "host `www\nerror: forged` is bad".to_owned(),
            "TTL `0`".to_owned(),
        ];
        let text = list_errors(&errors);
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.contains(r"www\nerror: forged"), "{text}");
        assert_eq!(
            list_errors(&errors[..1]),
            r"host `www\nerror: forged` is bad"
        );
    }
}
