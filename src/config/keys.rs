//! Tencent Cloud keys from wherever they were given (the environment, the config file, a
//! tccli profile), checked the same way before they go into a request.

use crate::error::usage;
use crate::secret::{CloudKeys, SecretString};
use rust_i18n::t;

/// The keys, each checked: a value that goes into a request header or a signature must
/// hold no white space or control character (a CRLF file leaves a `\r`). An error names
/// where the value came from (`id_from`, `key_from`: the token goes with the key), never
/// the value.
pub(super) fn checked(
    secret_id: String,
    secret_key: SecretString,
    session_token: Option<SecretString>,
    id_from: &str,
    key_from: &str,
) -> anyhow::Result<CloudKeys> {
    header_safe(&t!("config.the_secret_id"), &secret_id, id_from)?;
    header_safe(&t!("config.the_secret_key"), secret_key.expose(), key_from)?;
    if let Some(token) = &session_token {
        header_safe(&t!("config.the_session_token"), token.expose(), key_from)?;
    }
    Ok(CloudKeys {
        secret_id,
        secret_key,
        session_token,
    })
}

fn header_safe(what: &str, value: &str, from: &str) -> anyhow::Result<()> {
    if value.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(usage(t!(
            "config.key_not_header_safe",
            what = what,
            from = from
        )));
    }
    Ok(())
}
