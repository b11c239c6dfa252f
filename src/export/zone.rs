//! A domain's records as a BIND zone file: `$ORIGIN` and `$TTL`, owner names relative to
//! the origin, host names in values made absolute, TXT in quoted strings of at most 255
//! bytes. What BIND cannot say of a record (another line than the default one, a paused
//! record, a weight, a remark) is in dpbatch's annotations ([`annotation`]), which it
//! reads back. A record BIND cannot load (DNSPod's URL forwarding, a value that would
//! break the syntax) is an annotation holding its value, so `plan` reads it back and
//! never deletes it; what cannot be written at all (no value) is a comment saying why.
//! Names and types come from the server: one that is not a plain token (white space, a
//! leading `$`, a hidden character) is a comment too, so it can never become a directive
//! such as `$INCLUDE`. DNSPod manages the SOA, so there is none, and its own NS records
//! at the apex are comments, so that no import creates them again.

mod annotation;

use super::Listing;
use crate::escape::{hidden, visible};
use crate::input::domains::ascii_key;
use crate::job::{AccountRecord, DEFAULT_TTL, same_type};
use annotation::Annotation;
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
        let (text, loaded) = match entry(record, ttl) {
            Entry::Bind(line) => match annotation::of(record) {
                Annotation::None => (line, true),
                Annotation::After(note) => (format!("{line} {note}"), true),
                // BIND does not load it: a comment, which dpbatch reads back.
                Annotation::Own(note) => (format!("{note} {line}"), false),
            },
            Entry::Holding(line) => {
                let value = record.value.as_deref().unwrap_or_default();
                (
                    format!("{} {line}", annotation::holding(record, value)),
                    false,
                )
            }
            // The reason can quote the server too (`on line ...`).
            Entry::Comment(why, line) => {
                (format!("; {}: {}", visible(&why), visible(&line)), false)
            }
        };
        comments += usize::from(!loaded);
        writeln!(out, "{text}")?;
    }
    Ok(comments)
}

/// How a record is written.
enum Entry {
    /// A line BIND loads (an annotation may go with it).
    Bind(String),
    /// The record but its data, after the annotation that holds its value.
    Holding(String),
    /// Why the record cannot be written, and the comment's text.
    Comment(String, String),
}

/// Why a record's data is not written as BIND reads it.
enum Unfit {
    /// It goes in an annotation's `value=` pair.
    Held,
    /// It cannot be written at all.
    Comment(&'static str),
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

/// How the record is written: its line of the file (all but the data when an annotation
/// holds the value), or why it is a comment and the comment's text.
fn entry(record: &AccountRecord, usual_ttl: u64) -> Entry {
    let owner = record.host.as_deref().unwrap_or("@");
    let record_type = record.record_type.as_deref().unwrap_or_default();
    let value = record.value.as_deref().unwrap_or_default();
    let ttl = record.ttl.unwrap_or(usual_ttl);
    let mut line = owner.to_owned();
    if ttl != usual_ttl {
        line.push_str(&format!(" {ttl}"));
    }
    line.push_str(&format!(" IN {record_type}"));
    let rdata = rdata(record_type, value, record.mx);
    let why = why_a_comment(record, owner, record_type, &rdata);
    match (rdata, why) {
        (Ok(data), None) => Entry::Bind(format!("{line} {data}")),
        // `rdata` wrote no MX without its priority.
        (_, None) => Entry::Holding(match record.mx.filter(|_| same_type(record_type, "MX")) {
            Some(priority) => format!("{line} {priority}"),
            None => line,
        }),
        (rdata, Some(why)) => {
            Entry::Comment(why, format!("{line} {}", rdata.as_deref().unwrap_or(value)))
        }
    }
}

/// Why the record cannot be written, if it cannot: the reasons of its syntax first, then
/// DNSPod's own NS records. A type BIND does not know is fine in an annotation, which
/// BIND skips.
fn why_a_comment(
    record: &AccountRecord,
    owner: &str,
    record_type: &str,
    rdata: &Result<String, Unfit>,
) -> Option<String> {
    if !is_token(owner, |c| {
        c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '*' | '@')
    }) {
        return Some("a host name zone files cannot hold".to_owned());
    }
    let held = matches!(rdata, Err(Unfit::Held));
    if !is_token(record_type, |c| {
        c.is_ascii_alphanumeric() || (held && c.is_alphanumeric())
    }) {
        return Some("a record type zone files cannot hold".to_owned());
    }
    Some(match rdata {
        Err(Unfit::Comment(why)) => (*why).to_owned(),
        _ if record.system => "DNSPod's own name server, which DNSPod manages".to_owned(),
        _ => return None,
    })
}

/// A name or type as a zone file reads it: one token of only these characters, which
/// cannot start a directive (`$`), a comment, a quoted string or an escape.
fn is_token(text: &str, allowed: impl Fn(char) -> bool) -> bool {
    !text.is_empty() && text.chars().all(allowed)
}

/// DNSPod's URL forwarding, as each API names it: no DNS record BIND knows.
const FORWARDING: [&str; 4] = ["URL", "FRAMEURL", "显性URL", "隐性URL"];

/// The record's data as the zone file spells it, or why it is not written so.
fn rdata(record_type: &str, value: &str, mx: Option<u64>) -> Result<String, Unfit> {
    if value.trim().is_empty() {
        return Err(Unfit::Comment("no value"));
    }
    let priority = || mx.ok_or(Unfit::Comment("an MX record without a priority"));
    if same_type(record_type, "MX") {
        priority()?;
    }
    if matches!(record_type, "TXT" | "SPF") {
        return Ok(txt_strings(value));
    }
    if FORWARDING.iter().any(|t| same_type(t, record_type)) || !fits_syntax(value) {
        return Err(Unfit::Held);
    }
    Ok(match record_type {
        "A" | "AAAA" => value.strip_suffix('.').unwrap_or(value).to_owned(),
        "CNAME" | "NS" => absolute(value),
        "MX" => format!("{} {}", priority()?, absolute(value)),
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
mod tests;
