//! A domain's records as a BIND zone file: `$ORIGIN` and `$TTL`, owner names relative to
//! the origin, host names in values made absolute, TXT in quoted strings of at most 255
//! bytes. What a zone file cannot hold as a record (another line than the default one, a
//! paused record, DNSPod's URL forwarding, a value that would break the syntax) is
//! written as a comment that says why, so the file loads and nothing is silently lost.
//! Names and types come from the server: one that is not a plain token (white space, a
//! leading `$`, a hidden character) is a comment too, so it can never become a directive
//! such as `$INCLUDE`. DNSPod manages the SOA, so there is none, and its own NS records
//! at the apex are comments, so that no import creates them again.

use super::Listing;
use crate::escape::{hidden, visible};
use crate::input::domains::ascii_key;
use crate::job::{AccountRecord, DEFAULT_LINE, DEFAULT_TTL};
use std::collections::HashMap;
use std::io::{self, Write};

/// The most bytes one string of a TXT record holds (RFC 1035, 3.3).
pub(crate) const TXT_STRING_MAX: usize = 255;

/// The file a domain's zone goes to: its ASCII name.
pub(crate) fn file_name(domain: &str) -> String {
    format!("{}.zone", ascii_key(domain))
}

/// The zone file of one domain; returns how many of its records are comments.
pub(crate) fn write(out: &mut dyn Write, listing: &Listing) -> io::Result<usize> {
    let ttl = usual_ttl(&listing.records);
    writeln!(
        out,
        "; {}: exported by dpbatch {}; no SOA, DNSPod manages it",
        visible(&listing.domain),
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "$ORIGIN {}.", ascii_key(&listing.domain))?;
    writeln!(out, "$TTL {ttl}")?;
    let mut comments = 0;
    for record in &listing.records {
        match entry(record, ttl) {
            Ok(line) => writeln!(out, "{line}")?,
            Err((why, line)) => {
                comments += 1;
                // The reason can quote the server too (`on line ...`).
                writeln!(out, "; {}: {}", visible(&why), visible(&line))?;
            }
        }
    }
    Ok(comments)
}

/// The TTL most of the records have, for `$TTL`; records with another say theirs.
/// DNSPod's own NS records are comments, so their day does not count.
fn usual_ttl(records: &[AccountRecord]) -> u64 {
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for ttl in records.iter().filter(|r| !r.system).filter_map(|r| r.ttl) {
        *counts.entry(ttl).or_default() += 1;
    }
    // The lowest of equally common TTLs, so the file is the same on every run.
    counts
        .into_iter()
        .max_by_key(|&(ttl, n)| (n, std::cmp::Reverse(ttl)))
        .map_or(DEFAULT_TTL, |(ttl, _)| ttl)
}

/// The record's line of the file, or why it is a comment and the comment's text.
fn entry(record: &AccountRecord, usual_ttl: u64) -> Result<String, (String, String)> {
    let owner = record.host.as_deref().unwrap_or("@");
    let record_type = record.record_type.as_deref().unwrap_or_default();
    let value = record.value.as_deref().unwrap_or_default();
    let ttl = record.ttl.unwrap_or(usual_ttl);
    let mut line = owner.to_owned();
    if ttl != usual_ttl {
        line.push_str(&format!(" {ttl}"));
    }
    line.push_str(&format!(" IN {record_type} "));
    let rdata = rdata(record_type, value, record.mx);
    line.push_str(rdata.as_deref().unwrap_or(value));
    match why_a_comment(record, owner, record_type, rdata.err()) {
        Some(why) => Err((why, line)),
        None => Ok(line),
    }
}

/// Why the record cannot be a line of the zone file, if it cannot: the reasons of its
/// syntax first, then those of DNSPod's (its own NS records, lines, paused records).
fn why_a_comment(
    record: &AccountRecord,
    owner: &str,
    record_type: &str,
    rdata_error: Option<&str>,
) -> Option<String> {
    let on_line = record.line.as_deref().unwrap_or(DEFAULT_LINE);
    if !is_token(owner, |c| {
        c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '*' | '@')
    }) {
        return Some("a host name zone files cannot hold".to_owned());
    }
    if !is_token(record_type, |c| c.is_ascii_alphanumeric()) {
        return Some("a record type zone files cannot hold".to_owned());
    }
    Some(match rdata_error {
        Some(why) => why.to_owned(),
        None if record.system => "DNSPod's own name server, which DNSPod manages".to_owned(),
        None if !record.enabled && on_line != DEFAULT_LINE => {
            format!("paused, and on line {on_line}")
        }
        None if !record.enabled => "paused".to_owned(),
        None if on_line != DEFAULT_LINE => format!("on line {on_line}"),
        None => return None,
    })
}

/// A name or type as a zone file reads it: one token of only these characters, which
/// cannot start a directive (`$`), a comment, a quoted string or an escape.
fn is_token(text: &str, allowed: impl Fn(char) -> bool) -> bool {
    !text.is_empty() && text.chars().all(allowed)
}

/// The record's data as the zone file spells it, or why it cannot be written.
fn rdata(record_type: &str, value: &str, mx: Option<u64>) -> Result<String, &'static str> {
    if value.trim().is_empty() {
        return Err("no value");
    }
    if matches!(record_type, "TXT" | "SPF") {
        return Ok(txt_strings(value));
    }
    if !fits_syntax(value) {
        return Err("a value zone files cannot hold as written");
    }
    Ok(match record_type {
        "URL" | "FRAMEURL" => return Err("DNSPod forwarding, not a DNS record"),
        "A" | "AAAA" => value.strip_suffix('.').unwrap_or(value).to_owned(),
        "CNAME" | "NS" => absolute(value),
        "MX" => format!(
            "{} {}",
            mx.ok_or("an MX record without a priority")?,
            absolute(value)
        ),
        "SRV" => match value.rsplit_once(' ') {
            Some((fields, target)) => format!("{fields} {}", absolute(target)),
            None => value.to_owned(),
        },
        _ => value.to_owned(),
    })
}

/// Text that stays the data of one zone file line: no hidden characters, and outside
/// quoted strings no comment and no parentheses (`\` escapes the next character in and
/// out of quotes, as zone files read it) (a CAA value may quote `;`, RFC 8657);
/// every quoted string closed.
fn fits_syntax(text: &str) -> bool {
    let (mut quoted, mut escaped) = (false, false);
    for c in text.chars() {
        match c {
            c if hidden(c) => return false,
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' | '(' | ')' if !quoted => return false,
            _ => {}
        }
    }
    !quoted
}

/// A host name with its trailing dot: DNSPod reads `mx.a.cn` as absolute, a zone file
/// would read it relative to `$ORIGIN`.
fn absolute(name: &str) -> String {
    if name.ends_with('.') {
        name.to_owned()
    } else {
        format!("{name}.")
    }
}

/// The value as quoted strings of at most [`TXT_STRING_MAX`] bytes each, cut between
/// characters. `"` and `\` are escaped with `\`, hidden characters as `\DDD` bytes, so
/// that reading the strings back and joining them gives the exact value.
pub(crate) fn txt_strings(value: &str) -> String {
    let mut strings = Vec::new();
    let mut rest = value;
    while !rest.is_empty() {
        let mut cut = rest.len().min(TXT_STRING_MAX);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        strings.push(quoted(chunk));
        rest = tail;
    }
    strings.join(" ")
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if hidden(c) => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("\\{byte:03}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::record;

    fn zone(records: Vec<AccountRecord>) -> String {
        let listing = Listing {
            domain: "例子.cn".into(),
            records,
        };
        let mut out = Vec::new();
        write(&mut out, &listing).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_zone_has_origin_ttl_relative_owners_and_absolute_targets() {
        let mut long_ttl = record(3, "www", "CNAME", "web.example.com");
        long_ttl.ttl = Some(3600);
        let text = zone(vec![
            record(1, "@", "A", "192.0.2.1."),
            record(2, "@", "MX", "mx.例子.cn"),
            long_ttl,
            record(4, "_sip._tcp", "SRV", "0 5 5060 sip.example.com"),
            record(5, "@", "CAA", "0 issue \"letsencrypt.org\""),
        ]);
        assert_eq!(
            text.lines().skip(1).collect::<Vec<_>>(),
            [
                "$ORIGIN xn--fsqu00a.cn.",
                "$TTL 600",
                "@ IN A 192.0.2.1",
                "@ IN MX 10 mx.例子.cn.",
                "www 3600 IN CNAME web.example.com.",
                "_sip._tcp IN SRV 0 5 5060 sip.example.com.",
                "@ IN CAA 0 issue \"letsencrypt.org\"",
            ]
        );
        assert_eq!(file_name("例子.cn"), "xn--fsqu00a.cn.zone");
    }

    #[test]
    fn other_lines_paused_records_and_forwarding_are_comments_saying_why() {
        let mut telecom = record(1, "www", "A", "192.0.2.2");
        telecom.line = Some("电信".into());
        let mut paused = record(2, "api", "A", "192.0.2.3");
        paused.enabled = false;
        let mut forged = record(3, "x", "CNAME", "a.cn.\n@ IN A 6.6.6.6");
        forged.ttl = Some(600);
        let text = zone(vec![
            telecom,
            paused,
            record(4, "go", "URL", "https://example.com/"),
            forged,
        ]);
        let comments: Vec<&str> = text.lines().skip(3).collect();
        assert_eq!(
            comments,
            [
                "; on line 电信: www IN A 192.0.2.2",
                "; paused: api IN A 192.0.2.3",
                "; DNSPod forwarding, not a DNS record: go IN URL https://example.com/",
                r"; a value zone files cannot hold as written: x IN CNAME a.cn.\n@ IN A 6.6.6.6",
            ]
        );
    }

    #[test]
    fn dnspods_own_ns_records_are_comments_and_their_ttl_is_not_the_zones() {
        let system = |id, value: &str| AccountRecord {
            ttl: Some(86_400),
            system: true,
            ..record(id, "@", "NS", value)
        };
        let mut own = record(3, "@", "NS", "ns1.example.net.");
        own.ttl = Some(86_400);
        let listing = Listing {
            domain: "a.cn".into(),
            records: vec![
                system(1, "f1g1ns1.dnspod.net."),
                system(2, "f1g1ns2.dnspod.net."),
                own,
                record(4, "www", "A", "192.0.2.1"),
            ],
        };
        let mut out = Vec::new();
        assert_eq!(write(&mut out, &listing).unwrap(), 2);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().skip(2).collect();
        assert_eq!(
            lines,
            [
                "$TTL 600",
                "; DNSPod's own name server, which DNSPod manages: @ 86400 IN NS f1g1ns1.dnspod.net.",
                "; DNSPod's own name server, which DNSPod manages: @ 86400 IN NS f1g1ns2.dnspod.net.",
                "@ 86400 IN NS ns1.example.net.",
                "www IN A 192.0.2.1",
            ]
        );
    }

    #[test]
    fn txt_is_split_into_strings_of_at_most_255_bytes_between_characters() {
        let long = "a".repeat(300);
        assert_eq!(
            txt_strings(&long),
            format!("\"{}\" \"{}\"", "a".repeat(255), "a".repeat(45))
        );
        // 254 ASCII bytes, then a 3-byte character that would end past 255.
        let cjk = format!("{}例{}", "b".repeat(254), "c");
        assert_eq!(
            txt_strings(&cjk),
            format!("\"{}\" \"例c\"", "b".repeat(254))
        );
        assert_eq!(txt_strings(&"d".repeat(255)).matches('"').count(), 2);
    }

    #[test]
    fn txt_quotes_backslashes_and_hidden_characters_are_escaped() {
        assert_eq!(
            txt_strings("say \"hi\" \\ now\n\u{202e}"),
            r#""say \"hi\" \\ now\010\226\128\174""#
        );
        let text = zone(vec![record(1, "@", "TXT", "v=spf1 -all; x")]);
        assert!(text.ends_with("@ IN TXT \"v=spf1 -all; x\"\n"), "{text}");
    }

    #[test]
    fn quoted_semicolons_and_parentheses_are_data_and_unquoted_ones_are_not() {
        assert!(fits_syntax(
            r#"0 issue "ca.example; accounturi=https://ca.example/a(1)""#
        ));
        assert!(fits_syntax(r#"0 iodef "mailto:a\"b;c@example.com""#));
        for value in [
            r#"0 issue "ca.example" ; x"#,
            r#"0 issue "ca.example"#,
            r#"0 issue "ca.example\""#,
            "1 (2)",
            "a\nb",
            r#"0 issue \"; x ""#,
            r#"0 issue \"(x"#,
        ] {
            assert!(!fits_syntax(value), "{value}");
        }
    }

    #[test]
    fn names_and_types_that_are_not_plain_tokens_are_counted_comments() {
        let listing = Listing {
            domain: "a.cn".into(),
            records: vec![
                record(1, "$GENERATE 1-9 x", "A", "192.0.2.1"),
                record(2, "_dmarc", "TXT", "v=DMARC1"),
                record(3, "*.shop", "A", "192.0.2.3"),
                record(4, "x", "", "192.0.2.4"),
                record(5, "", "A", "192.0.2.5"),
            ],
        };
        let mut out = Vec::new();
        assert_eq!(write(&mut out, &listing).unwrap(), 3);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().skip(3).collect();
        assert_eq!(
            lines,
            [
                "; a host name zone files cannot hold: $GENERATE 1-9 x IN A 192.0.2.1",
                "_dmarc IN TXT \"v=DMARC1\"",
                "*.shop IN A 192.0.2.3",
                "; a record type zone files cannot hold: x IN  192.0.2.4",
                "; a host name zone files cannot hold:  IN A 192.0.2.5",
            ]
        );
    }
}
