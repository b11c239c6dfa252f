//! Configuration: where the file is, what it may hold, and how flag, environment, profile,
//! top level and default combine into the settings a command runs with.

use crate::backend::Endpoint;
use crate::cli::GlobalArgs;
use crate::duration::display_duration;
use crate::error::usage;
use crate::i18n::{self, ENV_LANG, Lang};
use crate::input::values::parse_duration;
use crate::secret::{SecretString, Token};
use rust_i18n::t;
use std::path::PathBuf;
use std::time::Duration;

mod credentials;
mod desired;
mod file;
mod keys;
mod profile;
mod secret_file;
mod tccli;

pub(crate) use credentials::ENV_TOKEN;
pub(crate) use credentials::{Api, ApiChoice, Credentials};
use credentials::{
    ENV_SECRET_ID, ENV_SECRET_KEY, ENV_SESSION_TOKENS, ENV_TCCLI_PROFILE, GivenKeys,
};
#[cfg(test)]
use file::parse;
pub(crate) use file::{LoadedFile, RawProfile, load};
use profile::selected_profile;

/// Sent in the User-Agent when no contact address is configured (`.invalid` never resolves).
pub(crate) const PLACEHOLDER_EMAIL: &str = "unset@dpbatch.invalid";

/// The environment variables dpbatch reads.
pub(crate) const ENV_CONFIG: &str = "DPBATCH_CONFIG";
pub(crate) const ENV_PROFILE: &str = "DPBATCH_PROFILE";
pub(crate) const ENV_API: &str = "DPBATCH_API";
pub(crate) const ENV_ENDPOINT: &str = "DPBATCH_ENDPOINT";
pub(crate) const ENV_EMAIL: &str = "DPBATCH_EMAIL";
pub(crate) const ENV_REQUEST_TIMEOUT: &str = "DPBATCH_REQUEST_TIMEOUT";

pub(crate) const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Against a real endpoint a request may take this long at the least before we give up.
const MIN_REMOTE_REQUEST_TIMEOUT: Duration = Duration::from_secs(1);

/// A value from a flag or an environment variable, with its name for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Given<T = String> {
    pub value: T,
    pub from: &'static str,
}

/// What flags and environment say, flag first. The file and defaults come later.
#[derive(Debug, Default, Clone)]
pub(crate) struct Overrides {
    pub config: Option<PathBuf>,
    pub profile: Option<String>,
    pub api: Option<Given>,
    pub token: Option<Given<SecretString>>,
    pub secret_id: Option<Given>,
    pub secret_key: Option<Given<SecretString>>,
    pub session_token: Option<SecretString>,
    pub tccli_profile: Option<String>,
    pub endpoint: Option<String>,
    /// `--lang`, else `DPBATCH_LANG`.
    pub lang: Option<Lang>,
    /// The system locale's language, used when neither those nor the config file set one.
    pub system_lang: Lang,
    pub email: Option<Given>,
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
        let secret = |name: &'static str| {
            env(name).map(|g| Given {
                value: SecretString::new(g.value),
                from: g.from,
            })
        };
        let request_timeout = match flags.request_timeout {
            Some(timeout) => Some(timeout),
            None => env(ENV_REQUEST_TIMEOUT)
                .map(|given| {
                    parse_duration(&given.value).map_err(|why| {
                        usage(t!("input.named", name = ENV_REQUEST_TIMEOUT, why = why))
                    })
                })
                .transpose()?,
        };
        let token = flags.token.clone().map(|value| Given {
            value,
            from: "--token",
        });
        let api = flags.api.clone().map(|value| Given {
            value,
            from: "--api",
        });
        Ok(Overrides {
            config: flags
                .config
                .clone()
                .or_else(|| env(ENV_CONFIG).map(|g| PathBuf::from(g.value))),
            profile: flags
                .profile
                .clone()
                .or_else(|| env(ENV_PROFILE).map(|g| g.value)),
            api: api.or_else(|| env(ENV_API)),
            token: token.or_else(|| secret(ENV_TOKEN)),
            secret_id: env(ENV_SECRET_ID),
            secret_key: secret(ENV_SECRET_KEY),
            session_token: ENV_SESSION_TOKENS
                .into_iter()
                .find_map(|name| secret(name).map(|g| g.value)),
            tccli_profile: env(ENV_TCCLI_PROFILE).map(|g| g.value),
            endpoint: flags
                .endpoint
                .clone()
                .or_else(|| env(ENV_ENDPOINT).map(|g| g.value)),
            lang: chosen_lang(flags.lang, env(ENV_LANG))?,
            system_lang: i18n::from_system(|name| env(name).map(|g| g.value)),
            email: env(ENV_EMAIL),
            request_timeout,
        })
    }
}

/// Settings a command runs with, every value checked.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The API chosen, or the one `auto` fell back to without credentials.
    pub api: Api,
    /// Whether `--api`/`api` named it (`auto` did not).
    pub api_chosen: bool,
    pub credentials: Option<Credentials>,
    pub email: Option<String>,
    pub endpoint: Endpoint,
    pub lang: Lang,
    pub request_timeout: Duration,
    /// The selected `[profiles.NAME]`, if any: job history entries are kept per profile.
    pub profile: Option<String>,
    /// Where to tell the user to put credentials.
    pub config_path: Option<PathBuf>,
    /// What the user should hear about how the settings were read: a config or credential
    /// file others can read.
    pub warnings: Vec<String>,
    /// The `ignore`, `max_modify` and `max_delete` keys of `plan` and `apply`.
    pub desired: desired::DesiredSettings,
}

impl Settings {
    /// The credentials, or an error naming every place they may come from.
    pub(crate) fn require_credentials(&self) -> anyhow::Result<&Credentials> {
        self.credentials.as_ref().ok_or_else(|| {
            let file = LoadedFile {
                path: self.config_path.clone(),
                raw: Default::default(),
            };
            credentials::missing(self.api_chosen.then_some(self.api), &file)
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
        return Err(usage(t!("config.zero_timeout", flag = flag)));
    }
    if value < min_remote && !endpoint.is_loopback() {
        return Err(usage(t!(
            "config.short_timeout",
            flag = flag,
            value = display_duration(value),
            endpoint = endpoint,
            min = display_duration(min_remote)
        )));
    }
    Ok(())
}

/// `--lang`, else `DPBATCH_LANG`'s language, or the error naming the variable's value.
fn chosen_lang(flag: Option<Lang>, variable: Option<Given>) -> anyhow::Result<Option<Lang>> {
    let Some(given) = variable.filter(|_| flag.is_none()) else {
        return Ok(flag);
    };
    let value = crate::escape::visible(&given.value);
    Lang::parse(&given.value)
        .map(Some)
        .ok_or_else(|| usage(t!("lang.bad_env", var = given.from, value = value)))
}

/// Combines the sources, each setting on its own: flag/environment, then the selected
/// profile, then the top level, then the built-in default.
pub(crate) fn resolve(overrides: &Overrides, file: &LoadedFile) -> anyhow::Result<Settings> {
    let file_name = || file.name();
    let profile = selected_profile(overrides.profile.as_deref(), file)?;
    // A setting from the selected profile, else from the top level.
    let from_file = |key: fn(&RawProfile) -> Option<&String>| {
        profile
            .and_then(key)
            .or_else(|| key(&file.raw.top))
            .cloned()
    };
    // The config file's own warning first, then any of the credential files it leads to.
    let mut warnings: Vec<String> = file::permission_warning(file).into_iter().collect();
    let (api, api_chosen, credentials) =
        api_and_credentials(overrides, file, profile, &mut warnings)?;
    let endpoint_raw = overrides
        .endpoint
        .clone()
        .or_else(|| from_file(|p| p.endpoint.as_ref()))
        .unwrap_or_else(|| api.default_endpoint().to_owned());
    let endpoint = Endpoint::parse(&endpoint_raw).map_err(usage)?;
    let lang = match overrides.lang {
        Some(lang) => lang,
        None => match from_file(|p| p.lang.as_ref()) {
            None => overrides.system_lang,
            Some(raw) => Lang::parse(&raw).ok_or_else(|| {
                let value = crate::escape::visible(&raw);
                usage(t!("lang.bad_config", file = file_name(), value = value))
            })?,
        },
    };
    let email = match &overrides.email {
        Some(given) => check_email(&given.value, given.from)?,
        None => match from_file(|p| p.email.as_ref()) {
            Some(raw) => check_email(&raw, &t!("config.in_file", file = file_name()))?,
            None => None,
        },
    };
    let request_timeout = overrides.request_timeout.unwrap_or(DEFAULT_REQUEST_TIMEOUT);
    check_pace(
        "--request-timeout",
        request_timeout,
        MIN_REMOTE_REQUEST_TIMEOUT,
        &endpoint,
    )?;
    Ok(Settings {
        api,
        api_chosen,
        credentials,
        email,
        endpoint,
        lang,
        request_timeout,
        profile: overrides.profile.clone(),
        config_path: file.path.clone(),
        warnings,
        desired: desired::read(profile, file)?,
    })
}

/// The config file's keys as a run sees them. Credentials come whole from one level: the
/// selected profile when it sets any credential key, else the top level, so a profile of
/// API 3.0 keys never inherits the top level's token (another account).
struct FileKeys<'f> {
    profile: Option<&'f RawProfile>,
    top: &'f RawProfile,
    /// Where they are, for messages.
    place: String,
}

impl FileKeys<'_> {
    fn text(&self, key: fn(&RawProfile) -> Option<&String>) -> Option<String> {
        self.profile
            .and_then(key)
            .or_else(|| key(self.top))
            .cloned()
    }

    /// The level credentials are read from.
    fn credentials(&self) -> &RawProfile {
        self.profile
            .filter(|p| p.sets_credentials())
            .unwrap_or(self.top)
    }
}

/// The API and its credentials: the one `--api` names, or with `auto` the legacy API when
/// a token is set, else API 3.0 when keys are found, else (for a dry run) legacy.
fn api_and_credentials(
    overrides: &Overrides,
    file: &LoadedFile,
    profile: Option<&RawProfile>,
    warnings: &mut Vec<String>,
) -> anyhow::Result<(Api, bool, Option<Credentials>)> {
    let keys = FileKeys {
        profile,
        top: &file.raw.top,
        place: t!("config.place", file = file.name()).into_owned(),
    };
    let choice = match (&overrides.api, keys.text(|p| p.api.as_ref())) {
        (Some(given), _) => ApiChoice::parse(&given.value)
            .map_err(|why| usage(t!("config.from", why = why, from = given.from)))?,
        (None, Some(raw)) => ApiChoice::parse(&raw)
            .map_err(|why| usage(t!("config.from", why = why, from = keys.place)))?,
        (None, None) => ApiChoice::Auto,
    };
    let chosen = choice != ApiChoice::Auto;
    let token = match &overrides.token {
        Some(given) => Some(token(
            given.value.expose(),
            &t!("config.given_by", from = given.from),
        )?),
        None => keys
            .credentials()
            .token
            .as_ref()
            .map(|raw| token(raw.expose(), &keys.place))
            .transpose()?,
    };
    if choice == ApiChoice::Is(Api::Legacy) || (!chosen && token.is_some()) {
        return Ok((Api::Legacy, chosen, token.map(Credentials::Legacy)));
    }
    let home = dirs::home_dir();
    match credentials::cloud_keys(given_keys(overrides, &keys), home.as_deref(), warnings)? {
        Some(found) => Ok((Api::V3, chosen, Some(Credentials::V3(found)))),
        None if !chosen => Ok((Api::Legacy, false, None)),
        None => Ok((Api::V3, true, None)),
    }
}

/// The v3 keys, each pair whole from one source with its own session token: the
/// environment when it sets either key, else the config file's credential level.
fn given_keys(overrides: &Overrides, keys: &FileKeys<'_>) -> GivenKeys {
    let env_id = overrides
        .secret_id
        .clone()
        .map(|g| (g.value, g.from.to_owned()));
    let env_key = overrides
        .secret_key
        .clone()
        .map(|g| (g.value, g.from.to_owned()));
    let level = keys.credentials();
    let tccli_profile = level
        .tccli_profile
        .clone()
        .or_else(|| overrides.tccli_profile.clone());
    if env_id.is_some() || env_key.is_some() {
        return GivenKeys {
            secret_id: env_id,
            secret_key: env_key,
            session_token: overrides.session_token.clone(),
            tccli_profile,
        };
    }
    let place = || keys.place.clone();
    GivenKeys {
        secret_id: level.secret_id.clone().map(|id| (id, place())),
        secret_key: level.secret_key.clone().map(|key| (key, place())),
        session_token: level.session_token.clone(),
        tccli_profile,
    }
}

/// A token from `source`; the error names the source, never the value.
fn token(raw: &str, source: &str) -> anyhow::Result<Token> {
    Token::parse(raw).map_err(|why| usage(t!("config.bad_token", source = source, why = why)))
}

/// The contact address as the User-Agent will carry it, checked here so that a bad one is
/// a usage error in a dry run too, not a failed request later. Blank counts as unset.
fn check_email(raw: &str, from: &str) -> anyhow::Result<Option<String>> {
    let email = raw.trim();
    let plain = |c: char| !(c.is_whitespace() || c.is_control() || c == '(' || c == ')');
    if email.is_empty() {
        Ok(None)
    } else if email.contains('@') && email.chars().all(plain) {
        Ok(Some(email.to_owned()))
    } else {
        let shown = email.escape_debug().to_string();
        Err(usage(t!("config.bad_email", email = shown, from = from)))
    }
}

#[cfg(test)]
mod tests;
