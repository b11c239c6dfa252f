//! A zone file cut into entries (a record or a directive, across parentheses) of tokens,
//! with comments dropped but dpbatch's annotations (`;dpbatch ...`) kept as text, and `\X`
//! and `\DDD` escapes decoded. An escape may not stand for a control character: no DNSPod
//! value holds one.

use rust_i18n::t;
use std::borrow::Cow;
use std::iter::Peekable;
use std::str::CharIndices;

type Chars<'a> = Peekable<CharIndices<'a>>;

/// A word or a quoted string, its escapes decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token<'a> {
    /// A slice of the file unless an escape made it differ: most tokens allocate nothing.
    pub text: Cow<'a, str>,
    pub quoted: bool,
    /// As the file writes it, quotes and escapes included: a slice of the file, not a copy.
    pub raw: &'a str,
    /// Written right after the token before it, with no space between (`alpn="h2"`).
    pub joined: bool,
}

/// One record or directive.
#[derive(Debug)]
pub(super) struct Entry<'a> {
    /// The line it starts on.
    pub line: usize,
    /// It starts with white space: it has no owner name of its own.
    pub indented: bool,
    /// At least one, unless it is an annotation on a line of its own.
    pub tokens: Vec<Token<'a>>,
    /// The text after `;dpbatch` of an annotation on its line.
    pub annotation: Option<String>,
}

impl Entry<'_> {
    /// The entry under way, or a new one starting on `line`.
    fn started(current: &mut Option<Self>, line: usize, indented: bool) -> &mut Self {
        current.get_or_insert_with(|| Entry {
            line,
            indented,
            tokens: Vec::new(),
            annotation: None,
        })
    }
}

/// What starts an annotation's comment, after its `;`.
const ANNOTATION: &str = "dpbatch";

/// Every entry of `text`, which starts on line `first`, or the first error in it
/// (`line N: why`).
pub(super) fn entries_from(text: &str, first: usize) -> Result<Vec<Entry<'_>>, String> {
    let mut entries = Vec::new();
    each_entry(text, first, |entry| entries.push(entry))?;
    Ok(entries)
}

/// Hands each entry of `text` (starting on line `first`) to `each` as it ends, so a
/// large file is never held as tokens whole; stops at the first error (`line N: why`).
pub(super) fn each_entry<'a>(
    text: &'a str,
    first: usize,
    mut each: impl FnMut(Entry<'a>),
) -> Result<(), String> {
    let (mut current, mut open) = (None::<Entry>, None::<usize>);
    let (mut line, mut indented, mut line_start) = (first, false, true);
    // Where the last token ended, to tell a token written right after it.
    let mut last_end = None::<usize>;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if line_start {
            indented = c == ' ' || c == '\t';
            line_start = false;
        }
        let start = line;
        match c {
            '\n' => {
                current
                    .take_if(|_| open.is_none())
                    .into_iter()
                    .for_each(&mut each);
                (line, line_start) = (line + 1, true);
                continue;
            }
            ';' => {
                while chars.next_if(|&(_, c)| c != '\n').is_some() {}
                let end = chars.peek().map_or(text.len(), |&(i, _)| i);
                annotation(&text[at + 1..end], line, &mut current);
                continue;
            }
            ' ' | '\t' | '\r' => continue,
            '(' | ')' => {
                parenthesis(c, &mut open, line)?;
                continue;
            }
            _ => {}
        }
        let quoted = c == '"';
        let decoded = word(text, &mut chars, &mut line, (at, c))
            .map_err(|why| t!("zone.at_line", line = start, why = why).into_owned())?;
        let end = chars.peek().map_or(text.len(), |&(i, _)| i);
        let entry = Entry::started(&mut current, start, indented);
        let joined = !entry.tokens.is_empty() && last_end == Some(at);
        entry.tokens.push(Token {
            text: decoded,
            quoted,
            raw: &text[at..end],
            joined,
        });
        last_end = Some(end);
    }
    if let Some(start) = open {
        return Err(t!("zone.paren_open", line = start).into_owned());
    }
    current.into_iter().for_each(each);
    Ok(())
}

/// Keeps a comment's text if it is an annotation: on the entry it ends, or as an entry
/// of its own on a line that holds nothing else.
fn annotation(comment: &str, line: usize, current: &mut Option<Entry<'_>>) {
    let Some(rest) = comment.strip_prefix(ANNOTATION) else {
        return;
    };
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return;
    }
    let entry = Entry::started(current, line, false);
    entry.annotation = Some(rest.trim_end_matches('\r').to_owned());
}

/// Opens or closes a parenthesised group (`open`: the line it opened on); groups do not
/// nest.
fn parenthesis(c: char, open: &mut Option<usize>, line: usize) -> Result<(), String> {
    match (c, *open) {
        ('(', Some(_)) => Err(t!("zone.paren_nested", line = line).into_owned()),
        ('(', None) => {
            *open = Some(line);
            Ok(())
        }
        (_, Some(_)) => {
            *open = None;
            Ok(())
        }
        (_, None) => Err(t!("zone.paren_unopened", line = line).into_owned()),
    }
}

/// A word from its first character (`first`, at its byte offset) up to white space or a
/// special character, or a quoted string from its opening quote to its closing one, with
/// escapes decoded. Only an escape copies it: else it is the file's own slice, already
/// UTF-8.
fn word<'a>(
    text: &'a str,
    chars: &mut Chars<'a>,
    line: &mut usize,
    (at, first): (usize, char),
) -> Result<Cow<'a, str>, String> {
    let quoted = first == '"';
    let start = at + usize::from(quoted);
    // The decoded bytes, once an escape makes them differ from the file's.
    let mut decoded: Option<Vec<u8>> = None;
    if first == '\\' {
        escape(chars, decoded.get_or_insert_default())?;
    }
    let end = loop {
        let (i, c) = match chars.peek() {
            None if quoted => return Err(t!("zone.quote_open").into_owned()),
            None => break text.len(),
            Some(&next) => next,
        };
        if !quoted && (c.is_whitespace() || matches!(c, ';' | '(' | ')' | '"')) {
            break i;
        }
        chars.next();
        match c {
            '"' if quoted => break i,
            '\\' => escape(
                chars,
                decoded.get_or_insert_with(|| text.as_bytes()[start..i].to_vec()),
            )?,
            c => {
                *line += usize::from(c == '\n');
                decoded
                    .as_mut()
                    .into_iter()
                    .for_each(|bytes| push(bytes, c));
            }
        }
    };
    let text = match decoded {
        None => Cow::Borrowed(&text[start..end]),
        Some(bytes) => {
            Cow::Owned(String::from_utf8(bytes).map_err(|_| t!("zone.not_utf8").into_owned())?)
        }
    };
    match control(&text) {
        Some(c) => {
            let c = format!("U+{:04X}", u32::from(c));
            Err(t!("zone.control", char = c).into_owned())
        }
        None => Ok(text),
    }
}

/// The first control character other than a line break or tab, which no value holds;
/// printable ASCII, most tokens, is told by its bytes alone.
fn control(text: &str) -> Option<char> {
    if text.bytes().all(|b| (b' '..b'\x7f').contains(&b)) {
        return None;
    }
    text.chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

/// After a `\`: three digits are a byte, anything else stands for itself.
fn escape(chars: &mut Chars<'_>, bytes: &mut Vec<u8>) -> Result<(), String> {
    let (_, c) = chars
        .next()
        .ok_or_else(|| t!("zone.escape_at_end").into_owned())?;
    let Some(first) = c.to_digit(10) else {
        push(bytes, c);
        return Ok(());
    };
    let mut value = first;
    for _ in 0..2 {
        let digit = chars.next().and_then(|(_, c)| c.to_digit(10));
        value = value * 10 + digit.ok_or_else(|| t!("zone.escape_digits").into_owned())?;
    }
    let byte =
        u8::try_from(value).map_err(|_| t!("zone.escape_not_byte", value = value).into_owned())?;
    if byte.is_ascii_control() {
        let value = format!("{value:03}");
        return Err(t!("zone.escape_control", value = value).into_owned());
    }
    bytes.push(byte);
    Ok(())
}

fn push(bytes: &mut Vec<u8>, c: char) {
    let mut utf8 = [0; 4];
    bytes.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
}
