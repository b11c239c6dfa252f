//! TC3-HMAC-SHA256, API 3.0's request signature: pure inputs (host, action, the exact body
//! bytes, the time, the key pair) to the headers that carry it. Each step is a method of
//! its own, so that tests can check every intermediate value.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

const ALGORITHM: &str = "TC3-HMAC-SHA256";
/// The service name in the credential scope, on every site and regional host.
const SERVICE: &str = "dnspod";
const API_VERSION: &str = "2021-03-23";

/// Which headers the signature covers. The server takes two sets; each fixes its own
/// `Content-Type`, as the signed one must be the one sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SignedHeaders {
    /// `content-type;host;x-tc-action`: the action is covered too, so a signed request
    /// cannot be replayed as another action. What dpbatch sends.
    WithAction,
    /// `content-type;host`, with a plain `application/json`: the SDKs' set, kept for the
    /// tests, whose worked examples of it check the steps apart from the header set.
    #[cfg(test)]
    ContentTypeAndHost,
}

impl SignedHeaders {
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            SignedHeaders::WithAction => "application/json; charset=utf-8",
            #[cfg(test)]
            SignedHeaders::ContentTypeAndHost => "application/json",
        }
    }

    fn names(self) -> &'static str {
        match self {
            SignedHeaders::WithAction => "content-type;host;x-tc-action",
            #[cfg(test)]
            SignedHeaders::ContentTypeAndHost => "content-type;host",
        }
    }
}

/// One request to sign. Each step of the signature is a method of its own, so that
/// each can be checked on its own.
pub(crate) struct Call<'a> {
    /// The host the request goes to, with its port when the URL has one: what the HTTP
    /// client sends as `Host`.
    pub host: &'a str,
    pub action: &'a str,
    /// The exact bytes sent.
    pub body: &'a [u8],
    /// Unix seconds; the server accepts a signature for about five minutes around its clock.
    pub timestamp: u64,
    pub variant: SignedHeaders,
}

impl Call<'_> {
    /// Step 1: method, path, query, the signed headers, their names, the body's hash.
    pub(crate) fn canonical_request(&self) -> String {
        let mut headers = format!(
            "content-type:{}\nhost:{}\n",
            self.variant.content_type(),
            self.host.to_ascii_lowercase()
        );
        if self.variant == SignedHeaders::WithAction {
            headers.push_str(&format!("x-tc-action:{}\n", self.action.to_lowercase()));
        }
        format!(
            "POST\n/\n\n{headers}\n{}\n{}",
            self.variant.names(),
            sha256_hex(self.body)
        )
    }

    /// `<UTC date>/dnspod/tc3_request`.
    fn scope(&self) -> String {
        format!("{}/{SERVICE}/tc3_request", utc_date(self.timestamp))
    }

    /// Step 2: the algorithm, the time, the scope and the canonical request's hash.
    pub(crate) fn string_to_sign(&self) -> String {
        format!(
            "{ALGORITHM}\n{}\n{}\n{}",
            self.timestamp,
            self.scope(),
            sha256_hex(self.canonical_request().as_bytes())
        )
    }

    /// Step 3: the string to sign under a key derived from `secret_key`, the date and the
    /// service, in lowercase hex.
    pub(crate) fn signature(&self, secret_key: &str) -> String {
        let date = utc_date(self.timestamp);
        let k_date = hmac(format!("TC3{secret_key}").as_bytes(), date.as_bytes());
        let k_service = hmac(&k_date, SERVICE.as_bytes());
        let k_signing = hmac(&k_service, b"tc3_request");
        hex::encode(hmac(&k_signing, self.string_to_sign().as_bytes()))
    }

    /// Step 4: the `Authorization` value; a dry run passes a masked ID and a redacted
    /// signature.
    pub(crate) fn authorization(&self, secret_id: &str, signature: &str) -> String {
        format!(
            "{ALGORITHM} Credential={secret_id}/{}, SignedHeaders={}, Signature={signature}",
            self.scope(),
            self.variant.names()
        )
    }

    /// Every header the request carries but `Host` (the HTTP client sets it from the URL,
    /// which is why `host` must be the URL's).
    pub(crate) fn headers(
        &self,
        authorization: String,
        token: Option<&str>,
        language: Option<&str>,
    ) -> Vec<(&'static str, String)> {
        let mut headers = vec![
            ("Authorization", authorization),
            ("Content-Type", self.variant.content_type().to_owned()),
            ("X-TC-Action", self.action.to_owned()),
            ("X-TC-Version", API_VERSION.to_owned()),
            ("X-TC-Timestamp", self.timestamp.to_string()),
        ];
        headers.extend(language.map(|l| ("X-TC-Language", l.to_owned())));
        headers.extend(token.map(|t| ("X-TC-Token", t.to_owned())));
        headers
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn hmac(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

/// `YYYY-MM-DD` of a Unix time, in UTC, so that no clock or time zone is read here.
pub(crate) fn utc_date(timestamp: u64) -> String {
    i64::try_from(timestamp)
        .ok()
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map_or_else(
            || "9999-12-31".to_owned(),
            |at| at.strftime("%Y-%m-%d").to_string(),
        )
}

#[cfg(test)]
mod vectors;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates_cross_days_months_and_leap_years() {
        assert_eq!(utc_date(0), "1970-01-01");
        assert_eq!(utc_date(1_704_067_199), "2023-12-31");
        assert_eq!(utc_date(1_704_067_200), "2024-01-01");
        assert_eq!(utc_date(1_709_164_800), "2024-02-29");
        assert_eq!(utc_date(951_782_400), "2000-02-29");
        assert_eq!(utc_date(4_102_444_800), "2100-01-01");
    }

    #[test]
    fn headers_carry_the_action_version_time_and_the_optional_ones() {
        let call = Call {
            host: "127.0.0.1:8053",
            action: "DescribeBatchTask",
            body: b"{}",
            timestamp: 1_700_000_000,
            variant: SignedHeaders::WithAction,
        };
        assert!(call.canonical_request().contains("\nhost:127.0.0.1:8053\n"));
        let names: Vec<String> = call
            .headers("auth".into(), Some("tok"), Some("en-US"))
            .into_iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        assert_eq!(
            names,
            [
                "Authorization: auth",
                "Content-Type: application/json; charset=utf-8",
                "X-TC-Action: DescribeBatchTask",
                "X-TC-Version: 2021-03-23",
                "X-TC-Timestamp: 1700000000",
                "X-TC-Language: en-US",
                "X-TC-Token: tok",
            ]
        );
        assert_eq!(call.headers("a".into(), None, None).len(), 5);
    }
}
