//! The API token: parsed once, and never shown whole in any output.

use std::fmt;

const REDACTED: &str = "<redacted>";

/// A secret as it is read from a flag, the environment or a file, before it is parsed:
/// its `Debug` shows nothing of it, so no `Debug` of a struct holding one can print it.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct SecretString(String);

/// Read from a config or credential file; an error never repeats the value, as serde's
/// own "invalid type: integer `…`" would.
impl<'de> serde::Deserialize<'de> for SecretString {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Quoted;
        impl serde::de::Visitor<'_> for Quoted {
            type Value = SecretString;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a quoted string")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<SecretString, E> {
                Ok(SecretString(value.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<SecretString, E> {
                Err(E::custom("a secret must be a quoted string"))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<SecretString, E> {
                Err(E::custom("a secret must be a quoted string"))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<SecretString, E> {
                Err(E::custom("a secret must be a quoted string"))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<SecretString, E> {
                Err(E::custom("a secret must be a quoted string"))
            }
        }
        deserializer.deserialize_any(Quoted)
    }
}

impl SecretString {
    pub(crate) fn new(value: String) -> SecretString {
        SecretString(value)
    }

    /// The secret itself, for parsing, signing or the request that carries it.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString(<redacted>)")
    }
}

/// A Tencent Cloud key pair for API 3.0, and the session token temporary keys come with.
/// The SecretId is public (it names the key, and the history keeps it to tell accounts
/// apart); the SecretKey only signs and is never sent.
#[derive(Clone)]
pub(crate) struct CloudKeys {
    pub secret_id: String,
    pub secret_key: SecretString,
    pub session_token: Option<SecretString>,
}

impl fmt::Debug for CloudKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CloudKeys({})", mask_secret_id(&self.secret_id))
    }
}

/// Keys for tests, from plain strings.
#[cfg(test)]
pub(crate) fn test_keys(secret_id: String, secret_key: String, token: Option<String>) -> CloudKeys {
    CloudKeys {
        secret_id,
        secret_key: SecretString::new(secret_key),
        session_token: token.map(SecretString::new),
    }
}

impl CloudKeys {
    /// What removes the key and the session token from answers.
    pub(crate) fn redactor(&self) -> Redactor {
        let token = self.session_token.as_ref().map(SecretString::expose);
        Redactor::of(&[Some(self.secret_key.expose()), token].map(|s| s.unwrap_or_default()))
    }
}

/// A SecretId as it is shown: `AKID****abcd`, its first and last four characters (all
/// hidden when it is too short to spare them).
pub(crate) fn mask_secret_id(secret_id: &str) -> String {
    let chars: Vec<char> = secret_id.chars().collect();
    if chars.len() < 12 {
        return "****".to_owned();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

/// Removes secrets from text a server sends back, in every spelling a reader of it could
/// decode: each character as it is, percent-encoded (either case; `+` for a space) as it
/// travels in a request body, or as a JSON escape (`\u0066` in either case, a UTF-16 pair
/// past the BMP, `\/`, `\"`, `\\`). Characters may be spelled differently within one
/// echo, so the match is made character by character, not on a few fixed strings: what a
/// JSON or form decoder makes of the redacted text cannot hold a secret.
#[derive(Clone, Default)]
pub(crate) struct Redactor {
    secrets: Vec<Vec<char>>,
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
        Redactor { secrets }
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
        // Only these bytes can start a spelling: answers of many MB are scanned quickly.
        let mut starts = [false; 256];
        for secret in &self.secrets {
            let mut utf8 = [0; 4];
            starts[usize::from(secret[0].encode_utf8(&mut utf8).as_bytes()[0])] = true;
        }
        for byte in [b'%', b'+', b'\\'] {
            starts[usize::from(byte)] = true;
        }
        (from..body.len())
            .filter(|at| starts[usize::from(body[*at])])
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

/// A DNSPod token written `ID,TOKEN`: the numeric token ID, a comma, the secret.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Token {
    id: u64,
    secret: String,
}

impl Token {
    /// Parses `ID,TOKEN`. The error never repeats any part of the input, which may be a
    /// secret pasted into the wrong place.
    pub(crate) fn parse(raw: &str) -> Result<Token, String> {
        const SHAPE: &str =
            "it must look like ID,TOKEN (the numeric token ID, a comma, the secret)";
        let (id, secret) = raw
            .trim()
            .split_once(',')
            .ok_or_else(|| format!("the token has no comma: {SHAPE}"))?;
        let id = id
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| format!("the token ID is not a positive number: {SHAPE}"))?;
        let secret = secret.trim();
        if secret.is_empty() {
            return Err(format!("the token secret is empty: {SHAPE}"));
        }
        if secret.chars().any(|c| c.is_whitespace() || c == ',') {
            return Err(format!(
                "the token secret contains white space or a comma: {SHAPE}"
            ));
        }
        Ok(Token {
            id,
            secret: secret.to_owned(),
        })
    }

    /// What removes this token's secret from answers.
    pub(crate) fn redactor(&self) -> Redactor {
        Redactor::of(&[self.secret.as_str()])
    }

    /// The token ID: public, so it may be recorded and shown.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// The `login_token` form value; only the HTTP body may carry it.
    pub(crate) fn login_token(&self) -> String {
        format!("{},{}", self.id, self.secret)
    }
}

/// Shows the ID only, so a token in a log line or a dry run gives nothing away.
impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},<redacted>", self.id)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Token({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_ids_are_masked_and_debug_shows_no_secret() {
        assert_eq!(
            mask_secret_id("AKIDz8krbsJ5yKBZQpn74WFkmLPx3abcd"),
            "AKID****abcd"
        );
        assert_eq!(mask_secret_id("AKIDshort"), "****");
        let keys = CloudKeys {
            secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3abcd".into(),
            secret_key: SecretString::new("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE".into()),
            session_token: Some(SecretString::new("session-t0ken".into())),
        };
        let debug = format!("{keys:?}");
        assert!(
            !debug.contains("Gu5t9") && !debug.contains("session-t0ken"),
            "{debug}"
        );
        let body = b"key Gu5t9xGARNpq86cd98joQYCN3EXAMPLE token session-t0ken".to_vec();
        assert_eq!(
            keys.redactor().redact_bytes(body),
            b"key <redacted> token <redacted>".to_vec()
        );
    }

    #[test]
    fn parses_id_and_secret() {
        let token = Token::parse(" 520001,abc123 ").unwrap();
        assert_eq!(token.login_token(), "520001,abc123");
    }

    #[test]
    fn display_and_debug_redact_the_secret() {
        let token = Token::parse("520001,s3cr3t").unwrap();
        assert_eq!(token.to_string(), "520001,<redacted>");
        assert!(!format!("{token:?}").contains("s3cr3t"));
    }

    #[test]
    fn every_spelling_of_the_secret_is_redacted() {
        let token = Token::parse("520001,s3cr/t+x").unwrap();
        let page =
            "<p>login_token=520001%2Cs3cr%2Ft%2Bx and s3cr/t+x, s3cr%2ft%2bx, \"s3cr\\/t+x\"</p>";
        let redacted = token.redactor().redact_bytes(page.as_bytes().to_vec());
        assert_eq!(
            String::from_utf8(redacted).unwrap(),
            "<p>login_token=520001%2C<redacted> and <redacted>, <redacted>, \"<redacted>\"</p>"
        );
        let clean = b"{\"status\":{\"code\":\"1\"}}".to_vec();
        assert_eq!(token.redactor().redact_bytes(clean.clone()), clean);
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

    #[test]
    fn malformed_tokens_are_refused_without_echoing_them() {
        for raw in [
            "s3cr3t",
            "abc,s3cr3t",
            "0,s3cr3t",
            "520001,",
            "520001, s3 cr3t",
            "",
        ] {
            let err = Token::parse(raw).unwrap_err();
            assert!(err.contains("ID,TOKEN"), "{err}");
            assert!(!err.contains("s3"), "error echoes the secret: {err}");
        }
    }
}
