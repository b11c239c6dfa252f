//! Which API a run talks to, and with which credentials: a DNSPod token for the legacy
//! API; for API 3.0 a Tencent Cloud SecretId/SecretKey (and a session token with
//! temporary keys) from the environment, the config file, or tccli's own profile files,
//! so that a machine set up for tccli or Terraform needs nothing more.

use super::file::LoadedFile;
use super::{keys, tccli};
use crate::error::usage;
use crate::secret::{CloudKeys, SecretString, Token};
use rust_i18n::t;
use std::path::Path;

pub(crate) const ENV_TOKEN: &str = "DNSPOD_TOKEN";
pub(crate) const ENV_SECRET_ID: &str = "TENCENTCLOUD_SECRET_ID";
pub(crate) const ENV_SECRET_KEY: &str = "TENCENTCLOUD_SECRET_KEY";
/// tccli and the Go SDK read the session token here, Terraform from the next one.
pub(crate) const ENV_SESSION_TOKENS: [&str; 2] =
    ["TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SECURITY_TOKEN"];
pub(crate) const ENV_TCCLI_PROFILE: &str = "TCCLI_PROFILE";

/// The API a run talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    Legacy,
    V3,
}

impl Api {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Api::Legacy => "legacy",
            Api::V3 => "v3",
        }
    }

    pub(crate) fn default_endpoint(self) -> &'static str {
        match self {
            Api::Legacy => "https://dnsapi.cn",
            Api::V3 => "https://dnspod.tencentcloudapi.com",
        }
    }
}

/// `--api`: one API, or `auto` (legacy with a token, else v3 with keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ApiChoice {
    #[default]
    Auto,
    Is(Api),
}

impl ApiChoice {
    pub(crate) fn parse(raw: &str) -> Result<ApiChoice, String> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(ApiChoice::Auto),
            "legacy" => Ok(ApiChoice::Is(Api::Legacy)),
            "v3" => Ok(ApiChoice::Is(Api::V3)),
            _ => Err(t!("config.bad_api", value = raw).into_owned()),
        }
    }
}

/// The credentials a run has, if any.
#[derive(Debug, Clone)]
pub(crate) enum Credentials {
    Legacy(Token),
    V3(CloudKeys),
}

/// The v3 keys the environment and the config file give, before tccli's files.
#[derive(Debug, Default, Clone)]
pub(crate) struct GivenKeys {
    pub secret_id: Option<(String, String)>,
    pub secret_key: Option<(SecretString, String)>,
    pub session_token: Option<SecretString>,
    pub tccli_profile: Option<String>,
}

/// The keys from `given`, which must come in pairs, else from tccli's profile file.
/// `Ok(None)`: no v3 credential anywhere.
pub(crate) fn cloud_keys(
    given: GivenKeys,
    home: Option<&Path>,
    warnings: &mut Vec<String>,
) -> anyhow::Result<Option<CloudKeys>> {
    match (given.secret_id, given.secret_key) {
        (Some((secret_id, id_from)), Some((secret_key, key_from))) => keys::checked(
            secret_id,
            secret_key,
            given.session_token,
            &id_from,
            &key_from,
        )
        .map(Some),
        (Some((_, from)), None) => Err(usage(t!(
            "config.no_secret_key",
            from = from,
            var = ENV_SECRET_KEY
        ))),
        (None, Some((_, from))) => Err(usage(t!(
            "config.no_secret_id",
            from = from,
            var = ENV_SECRET_ID
        ))),
        (None, None) => {
            let profile = given.tccli_profile.unwrap_or_else(|| "default".to_owned());
            match home {
                Some(home) => tccli::keys(home, &profile, warnings),
                None => Ok(None),
            }
        }
    }
}

/// The error for a run that needs credentials and has none for `api` (`None`: auto).
pub(crate) fn missing(api: Option<Api>, file: &LoadedFile) -> anyhow::Error {
    let path = file.name();
    let legacy = t!("config.set_token", var = ENV_TOKEN, file = path);
    let (id, key) = (ENV_SECRET_ID, ENV_SECRET_KEY);
    let v3 = t!("config.set_keys", id_var = id, key_var = key, file = path);
    usage(match api {
        Some(Api::Legacy) => t!("config.no_token", legacy = legacy),
        Some(Api::V3) => t!("config.no_keys", v3 = v3),
        None => t!("config.no_credentials", legacy = legacy, v3 = v3),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_pair_names_what_is_missing_and_never_the_secret() {
        let given = GivenKeys {
            secret_key: Some((
                SecretString::new("s3cr3t".into()),
                "TENCENTCLOUD_SECRET_KEY".into(),
            )),
            ..GivenKeys::default()
        };
        let err = cloud_keys(given, None, &mut Vec::new())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no SecretId") && !err.contains("s3cr3t"),
            "{err}"
        );
    }
}
