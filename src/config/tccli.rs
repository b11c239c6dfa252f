//! tccli's own profile files, `~/.tccli/<profile>.credential`, so that a machine set up
//! for tccli needs nothing more. OAuth and SSO profiles hold short-lived keys with a
//! token and their expiry.

use super::keys;
use super::secret_file;
use crate::error::usage;
use crate::escape::{shorten, visible};
use crate::secret::{CloudKeys, SecretString};
use rust_i18n::t;
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TccliFile {
    secret_id: Option<String>,
    secret_key: Option<SecretString>,
    token: Option<SecretString>,
    expires_at: Option<Value>,
}

/// The keys of tccli profile `profile` under `home`, `None` when it has no file; the
/// warning for a file others may read goes to `warnings`.
pub(super) fn keys(
    home: &Path,
    profile: &str,
    warnings: &mut Vec<String>,
) -> anyhow::Result<Option<CloudKeys>> {
    check_name(profile)?;
    let path = path(home, profile);
    let text = match secret_file::read(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(usage(t!(
                "input.cannot_read",
                name = path.display(),
                why = crate::i18n::os_error::os_error(&e)
            )));
        }
    };
    let named = t!(
        "config.tccli_named",
        profile = profile,
        file = path.display()
    );
    // serde_json's message names a position, never the value, which may be a key.
    let file: TccliFile = serde_json::from_str(&text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        usage(t!(
            "config.tccli_not_json",
            named = named,
            line = line,
            column = column
        ))
    })?;
    let expires = expiry(file.expires_at.as_ref())
        .map_err(|why| usage(t!("input.named", name = named, why = why)))?;
    if let Some(expired) = expires.filter(|at| *at <= now()) {
        return Err(usage(t!(
            "config.tccli_expired",
            named = named,
            at = expired
        )));
    }
    let keys = checked_keys(file, profile)
        .ok_or_else(|| usage(t!("config.tccli_no_keys", named = named)))??;
    let what = t!("config.tccli_file");
    warnings.extend(secret_file::readable_warning(&what, &path));
    Ok(Some(keys))
}

fn path(home: &Path, profile: &str) -> PathBuf {
    home.join(".tccli").join(format!("{profile}.credential"))
}

/// A profile name is a file name in `~/.tccli`, never a path: `../outside/x` would read
/// a file anywhere.
fn check_name(profile: &str) -> anyhow::Result<()> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-');
    if !profile.is_empty()
        && profile != "."
        && !profile.contains("..")
        && profile.chars().all(allowed)
    {
        return Ok(());
    }
    Err(usage(t!(
        "config.tccli_bad_name",
        profile = visible(profile)
    )))
}

/// The file's keys, each checked; `None` when it has no pair.
fn checked_keys(file: TccliFile, profile: &str) -> Option<anyhow::Result<CloudKeys>> {
    let (Some(secret_id), Some(secret_key)) = (file.secret_id, file.secret_key) else {
        return None;
    };
    if secret_id.trim().is_empty() {
        return None;
    }
    let session_token = file.token.filter(|t| !t.expose().is_empty());
    let from = t!("config.tccli_profile", profile = profile);
    Some(keys::checked(
        secret_id,
        secret_key,
        session_token,
        &from,
        &from,
    ))
}

/// `expiresAt` in Unix seconds: a number (milliseconds recognised by their size, a
/// fraction dropped), the same in a string, or a date with its offset
/// (`2026-12-06T10:00:00Z`). `Ok(None)` when absent; anything else is an error, so that
/// an expiry never passes unread.
fn expiry(value: Option<&Value>) -> Result<Option<u64>, String> {
    let unreadable = |value: &Value| {
        let shown = visible(&shorten(&value.to_string(), 40)).into_owned();
        t!("config.tccli_bad_expiry", value = shown).into_owned()
    };
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let number = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.trim().parse::<jiff::Timestamp>() {
            Ok(date) => {
                return u64::try_from(date.as_second())
                    .map(Some)
                    .map_err(|_| unreadable(value));
            }
            Err(_) => s.trim().parse::<f64>().ok(),
        },
        _ => None,
    };
    let seconds = number
        .filter(|n| n.is_finite() && *n >= 0.0 && *n < 1e18)
        .ok_or_else(|| unreadable(value))? as u64;
    Ok(Some(if seconds > 100_000_000_000 {
        seconds / 1000
    } else {
        seconds
    }))
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests;
