//! Configuration: where the file is, what it may hold, and how flag, environment, profile,
//! top level and default combine into the settings a command runs with.

use crate::api::{Endpoint, Lang};
use crate::cli::GlobalArgs;
use crate::error::usage;
use crate::input::values::{display_duration, parse_duration};
use crate::secret::Token;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

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

/// The environment variables dpbatch reads.
pub(crate) const ENV_CONFIG: &str = "DPBATCH_CONFIG";
pub(crate) const ENV_PROFILE: &str = "DPBATCH_PROFILE";
pub(crate) const ENV_TOKEN: &str = "DNSPOD_TOKEN";
pub(crate) const ENV_ENDPOINT: &str = "DPBATCH_ENDPOINT";
pub(crate) const ENV_EMAIL: &str = "DPBATCH_EMAIL";
pub(crate) const ENV_REQUEST_TIMEOUT: &str = "DPBATCH_REQUEST_TIMEOUT";

pub(crate) const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Against a real endpoint a request may take this long at the least before we give up.
const MIN_REMOTE_REQUEST_TIMEOUT: Duration = Duration::from_secs(1);

/// A value from a flag or an environment variable, with its name for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Given {
    pub value: String,
    pub from: &'static str,
}

/// What flags and environment say, flag first. The file and defaults come later.
#[derive(Debug, Default, Clone)]
pub(crate) struct Overrides {
    pub config: Option<PathBuf>,
    pub profile: Option<String>,
    pub token: Option<Given>,
    pub endpoint: Option<String>,
    pub lang: Option<Lang>,
    pub email: Option<String>,
    pub request_timeout: Option<Duration>,
}

impl Overrides {
    /// Each flag, else its environment variable. An empty variable counts as unset: a CI
    /// secret that is not configured is often exported empty.
    pub(crate) fn gather(
        flags: &GlobalArgs,
        env: impl Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Overrides> {
        let env = |name: &'static str| {
            env(name)
                .filter(|value| !value.trim().is_empty())
                .map(|value| Given { value, from: name })
        };
        let flag = |value: &Option<String>, name: &'static str| {
            value.clone().map(|value| Given { value, from: name })
        };
        let request_timeout = match flags.request_timeout {
            Some(timeout) => Some(timeout),
            None => env(ENV_REQUEST_TIMEOUT)
                .map(|given| {
                    parse_duration(&given.value)
                        .map_err(|why| usage(format!("{ENV_REQUEST_TIMEOUT}: {why}")))
                })
                .transpose()?,
        };
        Ok(Overrides {
            config: flags
                .config
                .clone()
                .or_else(|| env(ENV_CONFIG).map(|g| PathBuf::from(g.value))),
            profile: flags
                .profile
                .clone()
                .or_else(|| env(ENV_PROFILE).map(|g| g.value)),
            token: flag(&flags.token, "--token").or_else(|| env(ENV_TOKEN)),
            endpoint: flags
                .endpoint
                .clone()
                .or_else(|| env(ENV_ENDPOINT).map(|g| g.value)),
            lang: flags.lang,
            email: env(ENV_EMAIL).map(|g| g.value),
            request_timeout,
        })
    }
}

/// Settings a command runs with, every value checked.
#[derive(Debug)]
pub(crate) struct Settings {
    pub token: Option<Token>,
    pub email: Option<String>,
    pub endpoint: Endpoint,
    pub lang: Lang,
    pub request_timeout: Duration,
    /// The selected `[profiles.NAME]`, if any: job history entries are kept per profile.
    pub profile: Option<String>,
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
                "no API token: set {ENV_TOKEN}=ID,TOKEN, pass --token, or put `token = \"ID,TOKEN\"` in {path}"
            ))
        })
    }
}

/// Short timings are for loopback test servers: against the real API they would hammer it
/// (`--interval`) or give up before it can answer (`--request-timeout`).
pub(crate) fn check_pace(
    flag: &str,
    value: Duration,
    min_remote: Duration,
    endpoint: &Endpoint,
) -> anyhow::Result<()> {
    if value.is_zero() {
        return Err(usage(format!("{flag} must be more than 0")));
    }
    if value < min_remote && !endpoint.is_loopback() {
        return Err(usage(format!(
            "{flag} {} is too short for {endpoint}: use {} or more (shorter is for loopback test servers)",
            display_duration(value),
            display_duration(min_remote)
        )));
    }
    Ok(())
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
    // A setting from the selected profile, else from the top level.
    let from_file = |key: fn(&RawProfile) -> Option<&String>| {
        profile
            .and_then(key)
            .or_else(|| key(&file.raw.top))
            .cloned()
    };

    let token = match &overrides.token {
        Some(given) => Some(Token::parse(&given.value).map_err(|why| {
            usage(format!(
                "the token given by {} is malformed: {why}",
                given.from
            ))
        })?),
        None => from_file(|p| p.token.as_ref())
            .map(|raw| {
                Token::parse(&raw).map_err(|why| {
                    usage(format!(
                        "the token in config file {} is malformed: {why}",
                        file_name()
                    ))
                })
            })
            .transpose()?,
    };
    let endpoint_raw = overrides
        .endpoint
        .clone()
        .or_else(|| from_file(|p| p.endpoint.as_ref()))
        .unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned());
    let endpoint = Endpoint::parse(&endpoint_raw).map_err(usage)?;
    let lang = match overrides.lang {
        Some(lang) => lang,
        None => match from_file(|p| p.lang.as_ref()) {
            None => Lang::En,
            Some(raw) => Lang::parse(&raw).ok_or_else(|| {
                usage(format!(
                    "config file {}: lang `{raw}` is not `en` or `cn`",
                    file_name()
                ))
            })?,
        },
    };
    let email = overrides
        .email
        .clone()
        .or_else(|| from_file(|p| p.email.as_ref()))
        .map(|raw| raw.trim().to_owned())
        .filter(|email| !email.is_empty());
    if let Some(email) = &email
        && (!email.contains('@')
            || email
                .chars()
                .any(|c| c.is_whitespace() || c == '(' || c == ')'))
    {
        return Err(usage(format!(
            "email `{email}` is not a plain contact address"
        )));
    }
    let request_timeout = overrides.request_timeout.unwrap_or(DEFAULT_REQUEST_TIMEOUT);
    check_pace(
        "--request-timeout",
        request_timeout,
        MIN_REMOTE_REQUEST_TIMEOUT,
        &endpoint,
    )?;
    Ok(Settings {
        token,
        email,
        endpoint,
        lang,
        request_timeout,
        profile: overrides.profile.clone(),
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
            token: Some(Given {
                value: "3,flag".into(),
                from: "--token",
            }),
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
