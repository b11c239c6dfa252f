//! The API token: parsed once, and never shown whole in any output.

mod redactor;

pub(crate) use redactor::Redactor;
use rust_i18n::t;
use std::fmt;

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
                f.write_str(&t!("secret.quoted_string"))
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<SecretString, E> {
                Ok(SecretString(value.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<SecretString, E> {
                Err(E::custom(t!("secret.not_quoted")))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<SecretString, E> {
                Err(E::custom(t!("secret.not_quoted")))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<SecretString, E> {
                Err(E::custom(t!("secret.not_quoted")))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<SecretString, E> {
                Err(E::custom(t!("secret.not_quoted")))
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
        let shape = t!("secret.token_shape");
        let (id, secret) = raw
            .trim()
            .split_once(',')
            .ok_or_else(|| t!("secret.token_no_comma", shape = shape).into_owned())?;
        let id = id
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|id| *id > 0)
            .ok_or_else(|| t!("secret.token_bad_id", shape = shape).into_owned())?;
        let secret = secret.trim();
        if secret.is_empty() {
            return Err(t!("secret.token_empty", shape = shape).into_owned());
        }
        if secret.chars().any(|c| c.is_whitespace() || c == ',') {
            return Err(t!("secret.token_space", shape = shape).into_owned());
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
