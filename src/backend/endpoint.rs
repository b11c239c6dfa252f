//! The API base URL: `https://`, or `http://` on a loopback host only (for the fake server).

use rust_i18n::t;
use std::fmt;
use std::net::IpAddr;
use url::Url;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Endpoint {
    base: String,
    /// The host with its port, if the URL names one: what the HTTP client sends as `Host`.
    host: String,
    loopback: bool,
    https: bool,
}

impl Endpoint {
    pub(crate) fn parse(raw: &str) -> Result<Endpoint, String> {
        let url = Url::parse(raw.trim())
            .map_err(|e| t!("backend.endpoint_not_url", raw = raw, why = e).into_owned())?;
        if !url.username().is_empty() || url.password().is_some() {
            // The URL is not repeated: it holds a password.
            return Err(t!("backend.endpoint_credentials").into_owned());
        }
        let loopback = match url.host() {
            Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
            Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
            Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
            None => return Err(t!("backend.endpoint_no_host", raw = raw).into_owned()),
        };
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => {
                return Err(t!("backend.endpoint_http", raw = raw).into_owned());
            }
            other => {
                return Err(t!("backend.endpoint_scheme", raw = raw, scheme = other).into_owned());
            }
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(t!("backend.endpoint_query", raw = raw).into_owned());
        }
        let host = url.host_str().unwrap_or_default();
        let host = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        };
        Ok(Endpoint {
            base: url.as_str().trim_end_matches('/').to_owned(),
            host,
            loopback,
            https: url.scheme() == "https",
        })
    }

    /// The URL of `path` under the endpoint, e.g. `https://dnsapi.cn/Batch.Detail`.
    pub(crate) fn join(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    /// The host and port as the request's `Host` header carries them (a default port is
    /// left out, as the URL leaves it out).
    pub(crate) fn host(&self) -> &str {
        &self.host
    }

    pub(crate) fn is_loopback(&self) -> bool {
        self.loopback
    }

    pub(crate) fn is_https(&self) -> bool {
        self.https
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_endpoints_are_accepted_anywhere() {
        let endpoint = Endpoint::parse("https://dnsapi.cn/").unwrap();
        assert_eq!(
            endpoint.join("Batch.Detail"),
            "https://dnsapi.cn/Batch.Detail"
        );
        assert!(!endpoint.is_loopback());
    }

    #[test]
    fn plain_http_is_allowed_on_loopback_only() {
        for ok in [
            "http://127.0.0.1:8053",
            "http://127.1.2.3",
            "http://localhost:1",
            "http://[::1]:80",
        ] {
            assert!(Endpoint::parse(ok).unwrap().is_loopback(), "{ok}");
        }
        for bad in [
            "http://dnsapi.cn",
            "http://10.0.0.1",
            "http://[::2]",
            "ftp://127.0.0.1",
            "dnsapi.cn",
        ] {
            let err = Endpoint::parse(bad).unwrap_err();
            assert!(err.contains(bad), "{err}");
        }
    }

    #[test]
    fn the_host_keeps_a_port_but_not_a_default_one() {
        let host = |raw| Endpoint::parse(raw).unwrap().host().to_owned();
        assert_eq!(
            host("https://dnspod.tencentcloudapi.com/"),
            "dnspod.tencentcloudapi.com"
        );
        assert_eq!(host("https://DNSPod.example:443"), "dnspod.example");
        assert_eq!(host("http://127.0.0.1:8053"), "127.0.0.1:8053");
        assert_eq!(host("http://[::1]:80"), "[::1]");
        assert_eq!(host("http://[::1]:81"), "[::1]:81");
    }

    #[test]
    fn credentials_in_the_url_are_refused_without_repeating_them() {
        let err = Endpoint::parse("https://me:hunter2@dnsapi.cn").unwrap_err();
        assert!(!err.contains("hunter2"), "{err}");
    }
}
