//! `--ignore` patterns (`HOST` or `HOST:TYPE`, `*` a wildcard): records a desired-state
//! plan leaves alone on both sides, such as `_acme-challenge*:TXT` that a certificate
//! client keeps changing.

use super::{list_errors, shown};
use crate::job::{host_key, same_host, same_type};
use rust_i18n::t;
use std::borrow::Cow;

/// One checked pattern; hosts compare ignoring case, `@` the apex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ignore {
    host: String,
    record_type: Option<String>,
}

impl Ignore {
    /// Whether a record of this host and type is one the pattern keeps out.
    pub(crate) fn matches(&self, host: &str, record_type: &str) -> bool {
        let pattern = self.host.to_lowercase();
        // The host in ASCII and in Unicode, so a pattern spelt either way matches it.
        let ascii = host_key(host);
        let unicode = idna::domain_to_unicode(&ascii).0.to_lowercase();
        self.record_type
            .as_deref()
            .is_none_or(|t| same_type(t, record_type))
            && [ascii, unicode].iter().any(|h| wildcard(&pattern, h))
    }

    /// The pattern as the user wrote it, checked.
    pub(crate) fn text(&self) -> String {
        match &self.record_type {
            Some(t) => format!("{}:{t}", self.host),
            None => self.host.clone(),
        }
    }
}

/// Whether `text` is `pattern`, `*` standing for any run of characters (none included).
fn wildcard(pattern: &str, text: &str) -> bool {
    if !pattern.contains('*') {
        return same_host(pattern, text);
    }
    let parts: Vec<&str> = pattern.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    // Both ends checked first, so the cut below falls on character boundaries.
    if !text.starts_with(first) || !text.ends_with(last) || text.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    // Each middle part at its first place left: the leftmost match leaves the most room.
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// Every pattern checked; every bad one named in one error.
pub(crate) fn check_ignores(raw: &[String]) -> Result<Vec<Ignore>, String> {
    let (good, bad): (Vec<_>, Vec<_>) =
        raw.iter().map(|p| check_ignore(p)).partition(Result::is_ok);
    if !bad.is_empty() {
        let errors: Vec<String> = bad.into_iter().filter_map(Result::err).collect();
        return Err(list_errors(&errors));
    }
    Ok(good.into_iter().filter_map(Result::ok).collect())
}

fn check_ignore(raw: &str) -> Result<Ignore, String> {
    let bad = |why: Cow<str>| t!("input.bad_ignore", pattern = shown(raw), why = why).into_owned();
    let (host, record_type) = match raw.split_once(':') {
        Some((host, t)) => (host, Some(t)),
        None => (raw, None),
    };
    let host_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '*' | '@');
    if host.is_empty() || !host.chars().all(host_char) {
        return Err(bad(t!("input.ignore_host_chars")));
    }
    if host.contains('@') && host != "@" {
        return Err(bad(t!("input.ignore_apex")));
    }
    let record_type = match record_type {
        None => None,
        Some(t) if !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric()) => {
            Some(t.to_ascii_uppercase())
        }
        Some(_) => return Err(bad(t!("input.ignore_type"))),
    };
    Ok(Ignore {
        host: host.to_owned(),
        record_type,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(raw: &str) -> Ignore {
        check_ignore(raw).unwrap()
    }

    #[test]
    fn patterns_match_host_and_type_with_wildcards() {
        let acme = one("_acme-challenge*:txt");
        assert!(acme.matches("_acme-challenge", "TXT"));
        assert!(acme.matches("_ACME-challenge.www", "TXT"));
        assert!(!acme.matches("_acme-challenge", "A"));
        assert!(!acme.matches("x_acme-challenge", "TXT"));
        assert_eq!(acme.text(), "_acme-challenge*:TXT");
        let apex = one("@");
        assert!(apex.matches("", "MX") && apex.matches("@", "A"));
        assert!(!apex.matches("www", "A"));
        let middle = one("a*b*c");
        assert!(middle.matches("abc", "A") && middle.matches("axxbyyc", "A"));
        assert!(!middle.matches("acb", "A") && !middle.matches("ab", "A"));
        assert!(one("*").matches("anything", "CAA"));
        assert!(!one("w*w").matches("w", "A"));
        // A zone file spells an IDN host in punycode, the account in Unicode: either
        // spelling of the pattern matches both.
        for pattern in ["中文", "中*", "xn--fiq228c", "*.中文", "XN--*"] {
            let hosts: &[&str] = match pattern.starts_with('*') {
                true => &["*.中文", "*.xn--fiq228c"],
                false => &["中文", "xn--fiq228c"],
            };
            for host in hosts {
                assert!(one(pattern).matches(host, "A"), "{pattern} {host}");
            }
        }
    }

    #[test]
    fn every_bad_pattern_is_named() {
        let raw = ["ok:TXT", "", "www:", "a b", "x@y", "www:T-XT"].map(String::from);
        let err = check_ignores(&raw).unwrap_err();
        assert!(err.starts_with("5 invalid values"), "{err}");
        for bad in ["``", "`www:`", "`a b`", "`x@y`", "`www:T-XT`"] {
            assert!(err.contains(bad), "{bad}: {err}");
        }
        assert_eq!(check_ignores(&raw[..1]).unwrap(), [one("ok:TXT")]);
    }
}
