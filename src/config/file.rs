//! The config file: where it is, what it may hold, and how it is read, with errors that
//! name the line but never quote it (it may hold the token).

use super::secret_file;
use crate::error::usage;
use crate::secret::SecretString;
use rust_i18n::t;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The keys a config file or a profile may hold.
#[derive(Deserialize, Default, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProfile {
    pub api: Option<String>,
    pub token: Option<SecretString>,
    pub secret_id: Option<String>,
    pub secret_key: Option<SecretString>,
    pub session_token: Option<SecretString>,
    pub tccli_profile: Option<String>,
    pub email: Option<String>,
    pub endpoint: Option<String>,
    pub lang: Option<String>,
    /// `--ignore` patterns, `--max-modify` and `--max-delete` of `plan` and `apply`.
    pub ignore: Option<Vec<String>>,
    pub max_modify: Option<u64>,
    pub max_delete: Option<u64>,
}

impl RawProfile {
    /// Whether it sets any credential: then credentials come from it alone.
    pub(crate) fn sets_credentials(&self) -> bool {
        self.token.is_some()
            || self.secret_id.is_some()
            || self.secret_key.is_some()
            || self.session_token.is_some()
            || self.tccli_profile.is_some()
    }

    /// Whether it holds a secret, for the permission warning.
    fn holds_secret(&self) -> bool {
        self.token.is_some() || self.secret_key.is_some() || self.session_token.is_some()
    }
}

/// The file's shape on disk. It repeats the profile keys at the top level because serde
/// cannot combine `flatten` with `deny_unknown_fields`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    api: Option<String>,
    token: Option<SecretString>,
    secret_id: Option<String>,
    secret_key: Option<SecretString>,
    session_token: Option<SecretString>,
    tccli_profile: Option<String>,
    email: Option<String>,
    endpoint: Option<String>,
    lang: Option<String>,
    ignore: Option<Vec<String>>,
    max_modify: Option<u64>,
    max_delete: Option<u64>,
    #[serde(default)]
    profiles: BTreeMap<String, RawProfile>,
}

/// A config file's content: the top-level keys and the named profiles.
#[derive(Default, Debug, PartialEq)]
pub(crate) struct ConfigFile {
    pub top: RawProfile,
    pub profiles: BTreeMap<String, RawProfile>,
}

impl From<RawFile> for ConfigFile {
    fn from(raw: RawFile) -> ConfigFile {
        let RawFile {
            api,
            token,
            secret_id,
            secret_key,
            session_token,
            tccli_profile,
            email,
            endpoint,
            lang,
            ignore,
            max_modify,
            max_delete,
            profiles,
        } = raw;
        ConfigFile {
            top: RawProfile {
                api,
                token,
                secret_id,
                secret_key,
                session_token,
                tccli_profile,
                email,
                endpoint,
                lang,
                ignore,
                max_modify,
                max_delete,
            },
            profiles,
        }
    }
}

/// A config file as read, with the path for messages.
#[derive(Debug, Default)]
pub(crate) struct LoadedFile {
    pub path: Option<PathBuf>,
    pub raw: ConfigFile,
}

impl LoadedFile {
    /// The file as messages name it.
    pub(crate) fn name(&self) -> String {
        self.path.as_deref().map_or_else(
            || t!("config.no_file").into_owned(),
            |p| p.display().to_string(),
        )
    }
}

/// The default config path (`~/.config/dpbatch/config.toml` on Linux).
pub(crate) fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("dpbatch").join("config.toml"))
}

/// Reads the config file: an explicit path must exist; the default one may be missing.
pub(crate) fn load(explicit: Option<&Path>) -> anyhow::Result<LoadedFile> {
    let (path, required) = match explicit {
        Some(path) => (path.to_path_buf(), true),
        None => match default_path() {
            Some(path) => (path, false),
            None => return Ok(LoadedFile::default()),
        },
    };
    let text = match secret_file::read(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(LoadedFile {
                path: Some(path),
                raw: ConfigFile::default(),
            });
        }
        Err(e) => {
            return Err(usage(t!(
                "config.cannot_read",
                file = path.display(),
                why = e
            )));
        }
    };
    let raw = parse(&text)
        .map_err(|why| usage(t!("config.bad_file", file = path.display(), why = why)))?;
    Ok(LoadedFile {
        path: Some(path),
        raw,
    })
}

/// Parses config text. toml's own error display quotes the offending line, which could be
/// a token; we report the line number and the message only.
pub(crate) fn parse(text: &str) -> Result<ConfigFile, String> {
    toml::from_str::<RawFile>(text)
        .map(ConfigFile::from)
        .map_err(|e| {
            let message = e.message().trim_end().to_owned();
            match e.span() {
                Some(span) => {
                    let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                    t!("config.at_line", line = line, message = message).into_owned()
                }
                None => message,
            }
        })
}

/// The warning for a secret in a file others can read (Unix only), if one is due.
pub(super) fn permission_warning(file: &LoadedFile) -> Option<String> {
    let path = file.path.as_deref()?;
    let holds_secret =
        file.raw.top.holds_secret() || file.raw.profiles.values().any(RawProfile::holds_secret);
    holds_secret
        .then(|| secret_file::readable_warning(&t!("config.config_file"), path))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let err = parse("token = \"1,a\"\ntokn = \"x\"\n").unwrap_err();
        assert!(err.contains("tokn") && err.starts_with("line 2"), "{err}");
        let err = parse("[profiles.a]\nendpont = \"x\"\n").unwrap_err();
        assert!(err.contains("endpont"), "{err}");
    }

    #[test]
    fn parse_errors_do_not_quote_the_token_line() {
        let err = parse("token = 520001,sekrit-value\n").unwrap_err();
        assert!(!err.contains("sekrit"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn world_readable_token_files_are_warned_about() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "token = \"1,a\"\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let loaded = load(Some(&path)).unwrap();
        assert!(permission_warning(&loaded).unwrap().contains("chmod 600"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(permission_warning(&loaded).is_none());
        // An API 3.0 key in a profile is a secret too; a SecretId alone is not.
        for (text, warned) in [
            ("[profiles.cloud]\nsecret_key = \"k\"\n", true),
            ("session_token = \"t\"\n", true),
            ("secret_id = \"AKIDpublic\"\n", false),
        ] {
            std::fs::write(&path, text).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
            let loaded = load(Some(&path)).unwrap();
            assert_eq!(permission_warning(&loaded).is_some(), warned, "{text}");
        }
    }
}
