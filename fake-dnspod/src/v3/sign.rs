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
mod tests {
    use super::*;

    const VECTORS: &str = include_str!("signing-vectors.txt");
    const SECRET_ID: &str = "AKIDdpbatchTESTsecretId0000000000000";
    const SECRET_KEY: &str = "dpbatchTESTsecretKey000000000000";

    /// One worked example of the vendor file, its intermediate lines as given.
    struct Vector<'a> {
        action: &'a str,
        timestamp: u64,
        content_type: &'a str,
        signed_headers: &'a str,
        payload: &'a str,
        canonical: String,
        string_to_sign: String,
        authorization: &'a str,
    }

    fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
        let rest = text.split_once(start).unwrap().1;
        rest.split_once(end).map_or(rest, |(inside, _)| inside)
    }

    fn vectors() -> Vec<Vector<'static>> {
        VECTORS.split("###").skip(1).map(vector).collect()
    }

    fn vector(section: &'static str) -> Vector<'static> {
        let title: Vec<&str> = section.lines().next().unwrap().split_whitespace().collect();
        let canonical = between(section, "canonical request:\n", "\nstring to sign:");
        let string_to_sign = between(section, "string to sign:\n", "\nAuthorization: ");
        Vector {
            action: title[0],
            timestamp: title[1].parse().unwrap(),
            content_type: between(section, "Content-Type ", ", SignedHeaders"),
            signed_headers: between(section, "SignedHeaders ", ")"),
            payload: between(section, "payload bytes (UTF-8): ", "\n"),
            canonical: canonical.to_string(),
            string_to_sign: string_to_sign.to_string(),
            authorization: between(section, "\nAuthorization: ", "\n"),
        }
    }

    fn signed(v: &Vector<'static>) -> Signed<'static> {
        let all = [
            ("content-type", v.content_type),
            ("host", "dnspod.tencentcloudapi.com"),
            ("x-tc-action", v.action),
        ];
        let listed: Vec<&str> = v.signed_headers.split(';').collect();
        Signed {
            headers: all
                .into_iter()
                .filter(|(name, _)| listed.contains(name))
                .collect(),
            body: v.payload.as_bytes(),
            timestamp: v.timestamp,
        }
    }

    #[test]
    fn reproduces_every_line_of_the_vendor_vectors() {
        let vectors = vectors();
        assert_eq!(vectors.len(), 6);
        for v in &vectors {
            let signed = signed(v);
            assert_eq!(signed.canonical_request(), v.canonical, "{}", v.action);
            assert_eq!(signed.string_to_sign(), v.string_to_sign, "{}", v.action);
            let signature = hex::encode(signed.signer(SECRET_KEY).finalize().into_bytes());
            let authorization = format!(
                "{ALGORITHM} Credential={SECRET_ID}/{}, SignedHeaders={}, Signature={signature}",
                scope(v.timestamp),
                v.signed_headers
            );
            assert_eq!(authorization, v.authorization, "{}", v.action);
            assert!(signed.verify(SECRET_KEY, &signature));
            assert!(!signed.verify("another key", &signature));
            assert!(!signed.verify(SECRET_KEY, &signature.to_uppercase()));
            assert!(!signed.verify(SECRET_KEY, "zz"));
        }
    }
}
