//! API 3.0 on the same port: a client-side TC3-HMAC-SHA256 signer written apart from the
//! fake's, then one module per topic.

mod actions;
mod auth;
mod edits;
mod limits;
mod lookups;
mod records;

use std::time::{SystemTime, UNIX_EPOCH};

use fake_dnspod::{DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, FakeDnspod};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{Reply, exchange, parse_reply};

/// The signed headers of the vendor's own signing page and demo.
pub const PAGE: &[&str] = &["content-type", "host", "x-tc-action"];
/// The signed headers of the Go and Python SDKs.
pub const SDK: &[&str] = &["content-type", "host"];

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// One API 3.0 call, signed as a client would; change fields to make it wrong.
pub struct Call {
    pub action: String,
    pub body: String,
    pub host: String,
    pub secret_id: String,
    pub secret_key: String,
    pub token: Option<String>,
    pub timestamp: u64,
    pub signed: &'static [&'static str],
    pub version: Option<&'static str>,
    /// `X-TC-Language`, e.g. `en-US`.
    pub language: Option<&'static str>,
    /// Replaces the computed Authorization header; `Some("")` sends none.
    pub authorization: Option<String>,
    /// Sent after signing, in place of `body`.
    pub tampered: Option<String>,
}

impl Call {
    pub fn new(server: &FakeDnspod, action: &str, body: Value) -> Call {
        Call {
            action: action.to_string(),
            body: body.to_string(),
            host: server.url().trim_start_matches("http://").to_string(),
            secret_id: DEFAULT_SECRET_ID.to_string(),
            secret_key: DEFAULT_SECRET_KEY.to_string(),
            token: None,
            timestamp: now(),
            signed: PAGE,
            version: Some("2021-03-23"),
            language: None,
            authorization: None,
            tampered: None,
        }
    }

    fn headers(&self) -> Vec<(&'static str, String)> {
        let content_type = if self.signed.contains(&"x-tc-action") {
            "application/json; charset=utf-8"
        } else {
            "application/json"
        };
        let mut headers = vec![
            ("content-type", content_type.to_string()),
            ("host", self.host.clone()),
            ("x-tc-action", self.action.clone()),
            ("x-tc-timestamp", self.timestamp.to_string()),
        ];
        if let Some(version) = self.version {
            headers.push(("x-tc-version", version.to_string()));
        }
        if let Some(language) = self.language {
            headers.push(("x-tc-language", language.to_string()));
        }
        if let Some(token) = &self.token {
            headers.push(("x-tc-token", token.clone()));
        }
        headers
    }

    pub fn authorization(&self) -> String {
        let headers = self.headers();
        let canonical_headers: String = self
            .signed
            .iter()
            .map(|name| {
                let (_, value) = headers.iter().find(|(n, _)| n == name).unwrap();
                format!("{name}:{}\n", value.to_lowercase())
            })
            .collect();
        let signed = self.signed.join(";");
        let canonical = format!(
            "POST\n/\n\n{canonical_headers}\n{signed}\n{}",
            sha256(self.body.as_bytes())
        );
        let scope = format!("{}/dnspod/tc3_request", utc_date(self.timestamp));
        let to_sign = format!(
            "TC3-HMAC-SHA256\n{}\n{scope}\n{}",
            self.timestamp,
            sha256(canonical.as_bytes())
        );
        let k_date = hmac(
            format!("TC3{}", self.secret_key).as_bytes(),
            &utc_date(self.timestamp),
        );
        let k_signing = hmac(&hmac(&k_date, "dnspod"), "tc3_request");
        let signature = hex::encode(hmac(&k_signing, &to_sign));
        format!(
            "TC3-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed}, Signature={signature}",
            self.secret_id
        )
    }

    pub fn raw(&self) -> Vec<u8> {
        let body = self.tampered.as_ref().unwrap_or(&self.body);
        let mut head = String::from("POST / HTTP/1.1\r\n");
        for (name, value) in self.headers() {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        let authorization = self
            .authorization
            .clone()
            .unwrap_or_else(|| self.authorization());
        if !authorization.is_empty() {
            head.push_str(&format!("authorization: {authorization}\r\n"));
        }
        head.push_str(&format!("content-length: {}\r\n\r\n{body}", body.len()));
        head.into_bytes()
    }

    pub fn send(&self, server: &FakeDnspod) -> Reply {
        parse_reply(&exchange(server, &self.raw()))
    }

    /// The `Response` object of a well-formed answer.
    pub fn response(&self, server: &FakeDnspod) -> Value {
        let reply = self.send(server);
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.header("content-type"), Some("application/json"));
        let response = reply.json()["Response"].clone();
        assert!(response["RequestId"].is_string(), "{response}");
        response
    }
}

/// A correctly signed call's `Response`.
pub fn v3(server: &FakeDnspod, action: &str, body: Value) -> Value {
    Call::new(server, action, body).response(server)
}

/// A call that must succeed.
pub fn ok(server: &FakeDnspod, action: &str, body: Value) -> Value {
    let response = v3(server, action, body);
    assert!(response.get("Error").is_none(), "{response}");
    response
}

/// The error code of a refused call.
pub fn error_code(response: &Value) -> &str {
    response["Error"]["Code"]
        .as_str()
        .unwrap_or_else(|| panic!("not refused: {response}"))
}

/// Every item status of a DescribeBatchTask answer, domains and records in order.
pub fn statuses(response: &Value) -> Vec<String> {
    let mut all = Vec::new();
    for domain in response["DetailList"].as_array().unwrap() {
        all.push(domain["Status"].as_str().unwrap().to_string());
        for record in domain["RecordList"].as_array().unwrap() {
            all.push(record["Status"].as_str().unwrap().to_string());
        }
    }
    all
}

fn sha256(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// `YYYY-MM-DD` of these Unix seconds, UTC (Howard Hinnant's civil_from_days).
fn utc_date(secs: u64) -> String {
    let z = (secs / 86_400) as i64 + 719_468;
    let (era, doe) = (z / 146_097, z % 146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
