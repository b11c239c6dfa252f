//! The checks the vendor's gateway makes before any action runs: version, Authorization,
//! timestamp, SecretId, session token and signature, each refused under its own code.

use super::sign::{self, ALGORITHM, Signed};
use super::{Refusal, VERSION, unix_now};
use crate::http::Request;

/// Temporary (STS) API 3.0 credentials: every request signed with them must carry the
/// session token in `X-TC-Token`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemporaryKey {
    pub secret_id: String,
    pub secret_key: String,
    pub token: String,
}

/// How far a request's timestamp may be from the server's clock.
const MAX_SKEW: u64 = 300;

/// The credentials the fake accepts, and its clock.
pub(crate) struct Keys {
    pub(crate) secret_id: String,
    pub(crate) secret_key: String,
    pub(crate) temporary: Option<TemporaryKey>,
    /// Seconds added to the real clock.
    pub(crate) clock_offset: i64,
}

impl Keys {
    pub(crate) fn now(&self) -> u64 {
        unix_now(self.clock_offset)
    }

    /// The secrets of the key `request` is signed with: its SecretKey, and its session
    /// token if temporary. None for a request with no known key.
    pub(crate) fn secrets_of(&self, request: &Request) -> Vec<&str> {
        let found = request
            .header("authorization")
            .and_then(|header| Authorization::parse(header).ok())
            .and_then(|authorization| self.find(authorization.secret_id));
        match found {
            Some((key, token)) => [Some(key), token].into_iter().flatten().collect(),
            None => Vec::new(),
        }
    }

    /// The secret key of this SecretId, and the session token it needs, if temporary.
    fn find(&self, secret_id: &str) -> Option<(&str, Option<&str>)> {
        if secret_id == self.secret_id {
            return Some((&self.secret_key, None));
        }
        let temporary = self.temporary.as_ref()?;
        (secret_id == temporary.secret_id).then_some((
            temporary.secret_key.as_str(),
            Some(temporary.token.as_str()),
        ))
    }
}

/// The parts of an `Authorization: TC3-HMAC-SHA256 Credential=..., SignedHeaders=...,
/// Signature=...` header.
struct Authorization<'a> {
    secret_id: &'a str,
    scope: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

fn invalid_authorization() -> Refusal {
    Refusal::new(
        "AuthFailure.InvalidAuthorization",
        "The Authorization header is not in the TC3-HMAC-SHA256 format of Tencent Cloud.",
    )
}

fn signature_failure(why: &str) -> Refusal {
    Refusal::new(
        "AuthFailure.SignatureFailure",
        format!("The provided credentials could not be validated: {why}."),
    )
}

impl<'a> Authorization<'a> {
    fn parse(header: &'a str) -> Result<Authorization<'a>, Refusal> {
        let fields = header
            .strip_prefix(ALGORITHM)
            .filter(|rest| rest.starts_with(' '))
            .ok_or_else(invalid_authorization)?;
        let mut found = [None; 3];
        for part in fields.split(',') {
            let (key, value) = part
                .trim()
                .split_once('=')
                .ok_or_else(invalid_authorization)?;
            let slot = ["Credential", "SignedHeaders", "Signature"]
                .iter()
                .position(|name| *name == key)
                .ok_or_else(invalid_authorization)?;
            found[slot] = Some(value);
        }
        let [Some(credential), Some(signed_headers), Some(signature)] = found else {
            return Err(invalid_authorization());
        };
        let (secret_id, scope) = credential
            .split_once('/')
            .ok_or_else(invalid_authorization)?;
        Ok(Authorization {
            secret_id,
            scope,
            signed_headers,
            signature,
        })
    }
}

/// Passes a request the vendor would let through to its action; `now` is the fake's clock.
pub(crate) fn check(request: &Request, keys: &Keys, now: u64) -> Result<(), Refusal> {
    match request.header("x-tc-version") {
        None => return Err(Refusal::missing("X-TC-Version")),
        Some(VERSION) => {}
        Some(other) => {
            let message =
                format!("The requested version `{other}` of service `dnspod` does not exist.");
            return Err(Refusal::new("NoSuchVersion", message));
        }
    }
    let header = request
        .header("authorization")
        .ok_or_else(|| Refusal::missing("Authorization"))?;
    let authorization = Authorization::parse(header)?;
    let timestamp = timestamp(request)?;
    if now.abs_diff(timestamp) > MAX_SKEW {
        let message = format!(
            "Signature expired. Timestamp: {timestamp}, server time: {now}, more than {MAX_SKEW} s apart."
        );
        return Err(Refusal::new("AuthFailure.SignatureExpire", message));
    }
    let (secret_key, token) = keys.find(authorization.secret_id).ok_or_else(|| {
        Refusal::new(
            "AuthFailure.SecretIdNotFound",
            "The SecretId is not found, please ensure that your SecretId is correct.",
        )
    })?;
    if token.is_some() && request.header("x-tc-token") != token {
        return Err(Refusal::new(
            "AuthFailure.TokenFailure",
            "The token of the temporary credentials is missing or not valid.",
        ));
    }
    if authorization.scope != sign::scope(timestamp) {
        return Err(signature_failure(
            "the credential scope is not <date of X-TC-Timestamp>/dnspod/tc3_request",
        ));
    }
    let signed = Signed {
        headers: signed_headers(request, authorization.signed_headers)?,
        body: request.body.as_bytes(),
        timestamp,
    };
    if signed.verify(secret_key, authorization.signature) {
        Ok(())
    } else {
        Err(signature_failure("the signature does not match"))
    }
}

fn timestamp(request: &Request) -> Result<u64, Refusal> {
    let text = request
        .header("x-tc-timestamp")
        .ok_or_else(|| Refusal::missing("X-TC-Timestamp"))?;
    text.parse().map_err(|_| {
        Refusal::new(
            "InvalidParameterValue",
            format!("The value `{text}` of parameter `X-TC-Timestamp` is not valid."),
        )
    })
}

/// The headers named in `SignedHeaders`, which must be sorted, lower-case, include
/// `content-type` and `host`, and all be present.
fn signed_headers<'a>(
    request: &'a Request,
    list: &'a str,
) -> Result<Vec<(&'a str, &'a str)>, Refusal> {
    let names: Vec<&str> = list.split(';').collect();
    let sorted = names.windows(2).all(|pair| pair[0] < pair[1]);
    let lower = names
        .iter()
        .all(|name| !name.is_empty() && *name == name.to_lowercase());
    if !sorted || !lower || !names.contains(&"content-type") || !names.contains(&"host") {
        return Err(signature_failure(
            "SignedHeaders must list content-type and host, lower-case and sorted",
        ));
    }
    names
        .into_iter()
        .map(|name| match request.header(name) {
            Some(value) => Ok((name, value)),
            None => Err(signature_failure(&format!(
                "the signed header `{name}` was not sent"
            ))),
        })
        .collect()
}
