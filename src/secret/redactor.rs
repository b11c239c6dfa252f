//! Secrets removed from what a server sends back, in every spelling a reader decodes.

const REDACTED: &str = "<redacted>";

/// Removes secrets from text a server sends back, in every spelling a reader of it could
/// decode: each character as it is, percent-encoded (either case; `+` for a space) as it
/// travels in a request body, or as a JSON escape (`\u0066` in either case, a UTF-16 pair
/// past the BMP, `\/`, `\"`, `\\`). Characters may be spelled differently within one
/// echo, so the match is made character by character, not on a few fixed strings: what a
/// JSON or form decoder makes of the redacted text cannot hold a secret.
#[derive(Clone)]
pub(crate) struct Redactor {
    secrets: Vec<Vec<char>>,
    /// The bytes a spelling can start with: answers of many MB are scanned quickly.
    starts: [bool; 256],
}

impl Redactor {
    pub(crate) fn of(secrets: &[&str]) -> Redactor {
        let mut secrets: Vec<Vec<char>> = secrets
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.chars().collect())
            .collect();
        // The longest first, so that a secret holding another is redacted whole.
        secrets.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        secrets.dedup();
        let mut starts = [false; 256];
        for secret in &secrets {
            let mut utf8 = [0; 4];
            starts[usize::from(secret[0].encode_utf8(&mut utf8).as_bytes()[0])] = true;
        }
        for byte in [b'%', b'+', b'\\'] {
            starts[usize::from(byte)] = true;
        }
        Redactor { secrets, starts }
    }

    /// `body` with every spelling of every secret replaced by `<redacted>`. A body without
    /// any is returned as it came, without a copy.
    pub(crate) fn redact_bytes(&self, body: Vec<u8>) -> Vec<u8> {
        let Some(first) = self.next_echo(&body, 0) else {
            return body;
        };
        let mut redacted = Vec::with_capacity(body.len());
        let (mut rest, mut found) = (0, Some(first));
        while let Some((at, end)) = found {
            redacted.extend_from_slice(&body[rest..at]);
            redacted.extend_from_slice(REDACTED.as_bytes());
            rest = end;
            found = self.next_echo(&body, end);
        }
        redacted.extend_from_slice(&body[rest..]);
        redacted
    }

    /// The first echo of any secret at or after `from`: where it starts and ends.
    fn next_echo(&self, body: &[u8], from: usize) -> Option<(usize, usize)> {
        (from..body.len())
            .filter(|at| self.starts[usize::from(body[*at])])
            .find_map(|at| {
                let mut ends = self.secrets.iter().map(|s| spelled(body, at, s));
                ends.find_map(|end| end).map(|end| (at, end))
            })
    }
}

/// Where `chars` spelled from `at` on ends, if they are spelled there.
fn spelled(body: &[u8], at: usize, chars: &[char]) -> Option<usize> {
    let Some((&c, rest)) = chars.split_first() else {
        return Some(at);
    };
    // A character may have two spellings sharing a prefix (`%` and `%25`): try each.
    char_spellings(body, at, c)
        .into_iter()
        .flatten()
        .find_map(|end| spelled(body, end, rest))
}

/// Where each spelling of `c` at `at` ends: as it is, percent-encoded, or JSON-escaped.
fn char_spellings(body: &[u8], at: usize, c: char) -> [Option<usize>; 3] {
    let rest = &body[at.min(body.len())..];
    let mut utf8 = [0; 4];
    let raw = c.encode_utf8(&mut utf8).as_bytes();
    let as_is = rest.starts_with(raw).then_some(at + raw.len());
    let percent = if c == ' ' && rest.first() == Some(&b'+') {
        Some(at + 1)
    } else {
        escaped_units(rest, raw.iter().map(|b| u32::from(*b)), b"%", 2).map(|n| at + n)
    };
    let json = match short_escape(c) {
        Some(short) if rest.starts_with(&[b'\\', short]) => Some(at + 2),
        _ => {
            let mut units = [0; 2];
            let units = c.encode_utf16(&mut units).iter().map(|u| u32::from(*u));
            escaped_units(rest, units, b"\\u", 4).map(|n| at + n)
        }
    };
    [as_is, percent, json]
}

/// The length of `units` spelled in `text` as `prefix` and `digits` hex digits each
/// (either case), if they are.
fn escaped_units(
    text: &[u8],
    units: impl Iterator<Item = u32>,
    prefix: &[u8],
    digits: usize,
) -> Option<usize> {
    let width = prefix.len() + digits;
    let mut len = 0;
    for unit in units {
        let spelling = text.get(len..len + width)?;
        let hex = std::str::from_utf8(&spelling[prefix.len()..]).ok()?;
        let hex_only = hex.bytes().all(|b| b.is_ascii_hexdigit());
        if !spelling.starts_with(prefix) || !hex_only || u32::from_str_radix(hex, 16) != Ok(unit) {
            return None;
        }
        len += width;
    }
    Some(len)
}

/// JSON's two-character escape of `c`, if it has one.
fn short_escape(c: char) -> Option<u8> {
    Some(match c {
        '/' => b'/',
        '"' => b'"',
        '\\' => b'\\',
        '\u{8}' => b'b',
        '\u{c}' => b'f',
        '\n' => b'n',
        '\r' => b'r',
        '\t' => b't',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_the_secret_is_redacted() {
        let page =
            "<p>login_token=520001%2Cs3cr%2Ft%2Bx and s3cr/t+x, s3cr%2ft%2bx, \"s3cr\\/t+x\"</p>";
        let redacted = Redactor::of(&["s3cr/t+x"]).redact_bytes(page.as_bytes().to_vec());
        assert_eq!(
            String::from_utf8(redacted).unwrap(),
            "<p>login_token=520001%2C<redacted> and <redacted>, <redacted>, \"<redacted>\"</p>"
        );
        let clean = b"{\"status\":{\"code\":\"1\"}}".to_vec();
        assert_eq!(
            Redactor::of(&["s3cr/t+x"]).redact_bytes(clean.clone()),
            clean
        );
    }

    #[test]
    fn json_escaped_spellings_are_redacted_whatever_the_mix() {
        let redactor = Redactor::of(&["fake-s/cr\"t\u{1F600}", "tok%en"]);
        let page = concat!(
            r#"{"message": "\u0066ake-s\/cr\"t\ud83d\ude00", "a": "\u0066\u0041"#,
            r#"KE-s/cr\"t\uD83D\uDE00", "b": "f\u0061ke\u002D\u0073\u002Fcr\u0022t\ud83d\ude00","#,
            r#" "c": "tok%25en tok\u0025en tok%en %66ake-s%2fcr%22t%F0%9F%98%80"}"#
        );
        let redacted = String::from_utf8(redactor.redact_bytes(page.as_bytes().to_vec())).unwrap();
        assert_eq!(
            redacted,
            concat!(
                r#"{"message": "<redacted>", "a": "\u0066\u0041KE-s/cr\"t\uD83D\uDE00","#,
                r#" "b": "<redacted>", "c": "<redacted> <redacted> <redacted> <redacted>"}"#
            )
        );
        // What a JSON reader makes of it holds no secret either.
        let decoded: serde_json::Value = serde_json::from_str(&redacted).unwrap();
        assert!(!decoded.to_string().contains("fake"), "{decoded}");
    }
}
