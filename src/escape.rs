//! Text from servers and users, made safe to show: a control character could retitle or
//! clear the terminal, or forge table rows and `error:` lines, and a bidirectional
//! override could make a value read as another. Each is shown as an escape instead.

use std::borrow::Cow;
use std::io::{self, Write};

/// Characters never written as they are.
pub(crate) fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hidden character written as `\n`, `\r`, `\t` or `\u{..}`; `keep`
/// names the ones that stay (a message's own line breaks).
pub(crate) fn visible_except<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !text.chars().any(|c| hidden(c) && !keep.contains(&c)) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if keep.contains(&c) || !hidden(c) => shown.push(c),
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            '\t' => shown.push_str("\\t"),
            c => shown.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    Cow::Owned(shown)
}

/// `text` with every hidden character written as an escape.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    visible_except(text, &[])
}

/// `text` cut to `max` characters, saying how long it was.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}... ({} bytes in all)", &text[..end], text.len()),
    }
}

/// serde_json escapes the C0 controls itself; this escapes the rest of the hidden
/// characters (DEL, C1, bidi overrides) as `\uXXXX`, which every JSON reader decodes.
pub(crate) struct JsonEscapes;

impl serde_json::ser::Formatter for JsonEscapes {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| hidden(*c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            // Every hidden character is in the Basic Multilingual Plane: one \u escape.
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_become_escapes() {
        assert_eq!(visible("a.cn"), Cow::Borrowed("a.cn"));
        assert_eq!(
            visible("\u{1b}]0;owned\u{7}x\r\ny\t\u{9b}\u{202e}"),
            "\\u{1b}]0;owned\\u{7}x\\r\\ny\\t\\u{9b}\\u{202e}"
        );
        assert_eq!(visible_except("one\ntwo\r", &['\n']), "one\ntwo\\r");
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_the_controls() {
        let value = serde_json::json!({"err_msg": "\u{1b}[2J\u{9b}31m\u{202e}ok\"\n"});
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, JsonEscapes);
        serde::Serialize::serialize(&value, &mut serializer).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.is_ascii(), "{text}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }
}
