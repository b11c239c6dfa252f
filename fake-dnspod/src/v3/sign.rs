//! TC3-HMAC-SHA256, computed as the vendor does, so that the fake can check what a client
//! signed: the canonical request, the string to sign and the chained HMAC key.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::clock;

pub(crate) const ALGORITHM: &str = "TC3-HMAC-SHA256";
/// The service in the credential scope, the same on every site and regional host.
pub(crate) const SERVICE: &str = "dnspod";
const TERMINATOR: &str = "tc3_request";

type HmacSha256 = Hmac<Sha256>;

fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

fn mac(key: &[u8], data: &str) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(data.as_bytes());
    mac
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    mac(key, data).finalize().into_bytes().to_vec()
}

/// `<UTC date>/dnspod/tc3_request` for a request signed at these Unix seconds.
pub(crate) fn scope(timestamp: u64) -> String {
    format!("{}/{SERVICE}/{TERMINATOR}", clock::utc_date(timestamp))
}

/// What was signed: `headers` are the signed ones, names lower-case and in the order
/// listed, values as received; `body` the exact bytes received.
pub(crate) struct Signed<'a> {
    pub(crate) headers: Vec<(&'a str, &'a str)>,
    pub(crate) body: &'a [u8],
    pub(crate) timestamp: u64,
}

impl Signed<'_> {
    pub(crate) fn canonical_request(&self) -> String {
        let mut lines = String::new();
        let mut names = Vec::new();
        for (name, value) in &self.headers {
            // The canonical form lower-cases values too (the action's among them).
            lines.push_str(&format!("{name}:{}\n", value.trim().to_lowercase()));
            names.push(*name);
        }
        format!(
            "POST\n/\n\n{lines}\n{}\n{}",
            names.join(";"),
            sha256_hex(self.body)
        )
    }

    pub(crate) fn string_to_sign(&self) -> String {
        format!(
            "{ALGORITHM}\n{}\n{}\n{}",
            self.timestamp,
            scope(self.timestamp),
            sha256_hex(self.canonical_request().as_bytes())
        )
    }

    /// The HMAC keyed with the signing key derived from `secret_key`, fed the string to sign.
    fn signer(&self, secret_key: &str) -> HmacSha256 {
        let date = clock::utc_date(self.timestamp);
        let k_date = hmac(format!("TC3{secret_key}").as_bytes(), &date);
        let k_service = hmac(&k_date, SERVICE);
        let k_signing = hmac(&k_service, TERMINATOR);
        mac(&k_signing, &self.string_to_sign())
    }

    /// Whether `signature` (lower-case hex) is this request's under `secret_key`,
    /// compared in constant time.
    pub(crate) fn verify(&self, secret_key: &str, signature: &str) -> bool {
        let Ok(given) = hex::decode(signature) else {
            return false;
        };
        // Upper-case hex decodes too, but the vendor sends and expects lower-case.
        signature.bytes().all(|b| !b.is_ascii_uppercase())
            && self.signer(secret_key).verify_slice(&given).is_ok()
    }
}

#[cfg(test)]
mod tests;
