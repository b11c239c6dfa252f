//! Configuration: where the file is, what it may hold, and how flag, environment, profile,
//! top level and default combine into the settings a command runs with.

use crate::api::{Endpoint, Lang};
use crate::error::usage;
use crate::secret::Token;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(crate) const DEFAULT_ENDPOINT: &str = "https://dnsapi.cn";
/// Sent in the User-Agent when no contact address is configured (`.invalid` never resolves).
pub(crate) const PLACEHOLDER_EMAIL: &str = "unset@dpbatch.invalid";

/// The keys a config file or a profile may hold.
#[derive(Deserialize, Default, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProfile {
    pub token: Option<String>,
    pub email: Option<String>,
    pub endpoint: Option<String>,
    pub lang: Option<String>,
}

/// The file's shape on disk. It repeats the profile keys at the top level because serde
/// cannot combine `flatten` with `deny_unknown_fields`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    token: Option<String>,
    email: Option<String>,
    endpoint: Option<String>,
    lang: Option<String>,
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
            token,
            email,
            endpoint,
            lang,
            profiles,
        } = raw;
        ConfigFile {
            top: RawProfile {
                token,
                email,
                endpoint,
                lang,
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

/// Values from flags or the environment (clap merges the two, flag first).
#[derive(Debug, Default, Clone)]
pub(crate) struct Overrides {
    pub profile: Option<String>,
    pub token: Option<String>,
    pub endpoint: Option<String>,
    pub lang: Option<Lang>,
    pub email: Option<String>,
}

/// Settings a command runs with, every value checked.
#[derive(Debug)]
pub(crate) struct Settings {
    pub token: Option<Token>,
    pub email: Option<String>,
    pub endpoint: Endpoint,
    pub lang: Lang,
    /// Where to tell the user to put a token.
    pub config_path: Option<PathBuf>,
}

impl Settings {
    /// The token, or an error naming both places it can be set.
    pub(crate) fn require_token(&self) -> anyhow::Result<&Token> {
        self.token.as_ref().ok_or_else(|| {
            let path = self
                .config_path
                .as_deref()
                .map_or_else(|| "the config file".to_owned(), |p| p.display().to_string());
            usage(format!(
                "no API token: set DNSPOD_TOKEN=ID,TOKEN, pass --token, or put `token = \"ID,TOKEN\"` in {path}"
            ))
        })
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
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(LoadedFile {
                path: Some(path),
                raw: ConfigFile::default(),
            });
        }
        Err(e) => {
            return Err(usage(format!(
                "cannot read config file {}: {e}",
                path.display()
            )));
        }
    };
    let raw =
        parse(&text).map_err(|why| usage(format!("config file {}: {why}", path.display())))?;
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
                    format!("line {line}: {message}")
                }
                None => message,
            }
        })
}

/// The warning for a token in a file others can read (Unix only), if one is due.
#[cfg(unix)]
pub(crate) fn permission_warning(file: &LoadedFile) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let path = file.path.as_deref()?;
    let holds_token =
        file.raw.top.token.is_some() || file.raw.profiles.values().any(|p| p.token.is_some());
    let mode = std::fs::metadata(path).ok()?.permissions().mode();
    (holds_token && mode & 0o077 != 0).then(|| {
        format!(
            "config file {} holds a token and is readable by group or others (mode {:o}); run `chmod 600 {}`",
            path.display(),
            mode & 0o777,
            path.display()
        )
    })
}

#[cfg(not(unix))]
pub(crate) fn permission_warning(_file: &LoadedFile) -> Option<String> {
    None
}

/// Combines the sources, each setting on its own: flag/environment, then the selected
/// profile, then the top level, then the built-in default.
pub(crate) fn resolve(overrides: &Overrides, file: &LoadedFile) -> anyhow::Result<Settings> {
    let file_name = || {
        file.path.as_deref().map_or_else(
            || "(no config file)".to_owned(),
            |p| p.display().to_string(),
        )
    };
    let profile = match overrides.profile.as_deref() {
        None => None,
        Some(name) => Some(file.raw.profiles.get(name).ok_or_else(|| {
            let known: Vec<&str> = file.raw.profiles.keys().map(String::as_str).collect();
            let known = if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            };
            usage(format!(
                "profile `{name}` is not in config file {} (profiles there: {known})",
                file_name()
            ))
        })?),
    };
    let pick = |flag: Option<&String>,
                key: fn(&RawProfile) -> Option<&String>|
     -> Option<(String, &'static str)> {
        if let Some(value) = flag {
            return Some((value.clone(), "flag or environment"));
        }
        profile
            .and_then(key)
            .or_else(|| key(&file.raw.top))
            .map(|value| (value.clone(), "config"))
    };

    let token = pick(overrides.token.as_ref(), |p| p.token.as_ref())
        .map(|(raw, source)| {
            Token::parse(&raw).map_err(|why| match source {
                "config" => usage(format!(
                    "the token in config file {} is malformed: {why}",
                    file_name()
                )),
                _ => usage(format!(
                    "the token given by --token or DNSPOD_TOKEN is malformed: {why}"
                )),
            })
        })
        .transpose()?;
    let endpoint_raw = pick(overrides.endpoint.as_ref(), |p| p.endpoint.as_ref())
        .map_or_else(|| DEFAULT_ENDPOINT.to_owned(), |(raw, _)| raw);
    let endpoint = Endpoint::parse(&endpoint_raw).map_err(usage)?;
    let lang = match overrides.lang {
        Some(lang) => lang,
        None => match pick(None, |p| p.lang.as_ref()) {
            None => Lang::En,
            Some((raw, _)) => Lang::parse(&raw).ok_or_else(|| {
                usage(format!(
                    "config file {}: lang `{raw}` is not `en` or `cn`",
                    file_name()
                ))
            })?,
        },
    };
    let email = pick(overrides.email.as_ref(), |p| p.email.as_ref())
        .map(|(raw, _)| raw.trim().to_owned())
        .filter(|email| !email.is_empty());
    if let Some(email) = &email {
        if !email.contains('@')
            || email
                .chars()
                .any(|c| c.is_whitespace() || c == '(' || c == ')')
        {
            return Err(usage(format!(
                "email `{email}` is not a plain contact address"
            )));
        }
    }
    Ok(Settings {
        token,
        email,
        endpoint,
        lang,
        config_path: file.path.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> LoadedFile {
        LoadedFile {
            path: Some(PathBuf::from("/cfg/config.toml")),
            raw: parse(text).unwrap(),
        }
    }

    const FILE: &str = r#"
token = "1,top"
endpoint = "https://top.example"
lang = "cn"

[profiles.work]
token = "2,work"
email = "ops@example.com"
"#;

    #[test]
    fn flag_or_env_beats_profile_beats_top_beats_default() {
        let f = file(FILE);
        let top = resolve(&Overrides::default(), &f).unwrap();
        assert_eq!(top.token.unwrap().login_token(), "1,top");
        assert_eq!(top.endpoint.to_string(), "https://top.example");
        assert_eq!(top.lang, Lang::Cn);
        assert_eq!(top.email, None);

        let work = Overrides {
            profile: Some("work".into()),
            ..Overrides::default()
        };
        let work = resolve(&work, &f).unwrap();
        assert_eq!(work.token.unwrap().login_token(), "2,work");
        assert_eq!(
            work.endpoint.to_string(),
            "https://top.example",
            "falls back to the top level"
        );
        assert_eq!(work.email.as_deref(), Some("ops@example.com"));

        let flags = Overrides {
            profile: Some("work".into()),
            token: Some("3,flag".into()),
            lang: Some(Lang::En),
            ..Overrides::default()
        };
        let flags = resolve(&flags, &f).unwrap();
        assert_eq!(flags.token.unwrap().login_token(), "3,flag");
        assert_eq!(flags.lang, Lang::En);

        let defaults = resolve(&Overrides::default(), &LoadedFile::default()).unwrap();
        assert_eq!(defaults.endpoint.to_string(), DEFAULT_ENDPOINT);
        assert_eq!(defaults.lang, Lang::En);
        assert!(defaults.token.is_none());
    }

    #[test]
    fn the_example_config_parses_and_shows_every_key() {
        let example = parse(include_str!("../config.example.toml")).unwrap();
        let top = &example.top;
        assert!(
            top.token.is_some()
                && top.email.is_some()
                && top.endpoint.is_some()
                && top.lang.is_some()
        );
        assert!(example.profiles.contains_key("fake"));
        let fake = Overrides {
            profile: Some("fake".into()),
            ..Overrides::default()
        };
        let loaded = LoadedFile {
            path: None,
            raw: example,
        };
        assert!(resolve(&fake, &loaded).unwrap().endpoint.is_loopback());
    }

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

    #[test]
    fn a_malformed_token_names_its_source_but_not_its_secret() {
        let err = resolve(&Overrides::default(), &file("token = \"sekrit\"\n")).unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains("/cfg/config.toml") && !text.contains("sekrit"),
            "{text}"
        );
    }

    #[test]
    fn a_missing_profile_lists_the_known_ones() {
        let overrides = Overrides {
            profile: Some("nope".into()),
            ..Overrides::default()
        };
        let err = format!("{:#}", resolve(&overrides, &file(FILE)).unwrap_err());
        assert!(err.contains("nope") && err.contains("work"), "{err}");
    }

    #[test]
    fn bad_lang_and_plain_http_endpoints_are_usage_errors() {
        let err = resolve(&Overrides::default(), &file("lang = \"fr\"\n")).unwrap_err();
        assert_eq!(crate::error::exit_code(&err), 2);
        let err = resolve(
            &Overrides::default(),
            &file("endpoint = \"http://dnsapi.cn\"\n"),
        )
        .unwrap_err();
        assert_eq!(crate::error::exit_code(&err), 2);
    }

    #[test]
    fn missing_token_error_names_env_and_path() {
        let settings = resolve(&Overrides::default(), &file("")).unwrap();
        let err = settings.require_token().unwrap_err().to_string();
        assert!(
            err.contains("DNSPOD_TOKEN") && err.contains("/cfg/config.toml"),
            "{err}"
        );
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
    }
}
