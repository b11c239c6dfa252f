//! What the fake prints when it starts: where it is, how to point dpbatch at it, and the
//! account it starts with.

use std::io::{self, Write};

use fake_dnspod::FakeDnspod;

/// The banner, to `out`.
pub fn greet(
    out: &mut dyn Write,
    server: &FakeDnspod,
    [token, secret_id, secret_key]: [String; 3],
) -> io::Result<()> {
    let url = server.url();
    writeln!(out, "fake DNSPod batch API at {url}")?;
    writeln!(out, "token: {token}")?;
    writeln!(out, "API 3.0 SecretId: {secret_id}")?;
    writeln!(out, "API 3.0 SecretKey: {secret_key}")?;
    writeln!(out, "try:")?;
    // DNSPod wants a contact address in the User-Agent; without one dpbatch hints at it.
    writeln!(
        out,
        "  export DPBATCH_ENDPOINT={url} DNSPOD_TOKEN='{token}' DPBATCH_EMAIL=you@example.com"
    )?;
    writeln!(
        out,
        "  dpbatch domain-create new-site.cn --value 192.0.2.1 --wait"
    )?;
    writeln!(out, "or on API 3.0:")?;
    writeln!(
        out,
        "  export TENCENTCLOUD_SECRET_ID='{secret_id}' TENCENTCLOUD_SECRET_KEY='{secret_key}'"
    )?;
    writeln!(
        out,
        "  dpbatch --api v3 domain-create new-site.cn --value 192.0.2.1 --wait"
    )?;
    accounts(out, server)
}

/// The seeded domains and their records, with the IDs commands take.
fn accounts(out: &mut dyn Write, server: &FakeDnspod) -> io::Result<()> {
    let records = server.records();
    for domain in server.domains() {
        writeln!(out, "domain {} {}", domain.id, domain.name)?;
        for r in records.iter().filter(|r| r.domain_id == domain.id) {
            let mx = r.mx.map(|mx| format!(" (MX {mx})")).unwrap_or_default();
            writeln!(
                out,
                "  record {} {} {} {} {}{mx}",
                r.id, r.sub_domain, r.record_type, r.line, r.value
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banners_try_lines_set_everything_dpbatch_wants() {
        let server = FakeDnspod::start();
        let keys = ["520001,s", "AKIDx", "k"].map(String::from);
        let mut out = Vec::new();
        greet(&mut out, &server, keys).unwrap();
        let text = String::from_utf8(out).unwrap();
        let export = text
            .lines()
            .find(|line| line.contains("DPBATCH_ENDPOINT="))
            .unwrap();
        assert!(export.contains("DNSPOD_TOKEN='520001,s'"), "{text}");
        assert!(export.contains("DPBATCH_EMAIL="), "{text}");
    }
}
