//! BIND zone files as whole records, for `record-create --records-file FILE.zone` and
//! the desired state of `plan`: `$ORIGIN` and `$TTL`, relative and absolute names, `@`,
//! an owner left out (the one before), TTL and class `IN` optional in either order,
//! quoted strings with `\` escapes (multi-string TXT joined), `;` comments and
//! parentheses across lines; dpbatch's annotations (`;dpbatch line="电信" ...`, see
//! [`annotation`]) for what BIND cannot say. The SOA record is skipped with a note, and
//! NS records of the apex are marked `system`: DNSPod manages them. Every bad line is
//! named.

use super::whole::{Described, checked};
use crate::input::domains::{ascii_key, check_domain};
use crate::input::records::record_type_of;
use crate::input::shown;
use crate::job::{DEFAULT_TTL, Record};

mod annotation;
#[cfg(test)]
mod tests;
mod tokens;

use annotation::Pairs;
use compact_str::{CompactString, format_compact};
use rust_i18n::t;
use std::borrow::Cow;
use std::collections::BTreeSet;
use tokens::{Entry, Token};

/// What a zone file asks for.
#[derive(Debug, Default)]
pub(crate) struct Zone {
    /// The zone's own name: its first `$ORIGIN`, or the domain it was read for.
    pub origin: Option<String>,
    /// Each with its line; none names a domain.
    pub records: Vec<Described>,
    /// The lines other than the default one its annotations name.
    pub lines: BTreeSet<CompactString>,
    /// What was skipped and why, for stderr.
    pub notes: Vec<String>,
}

/// Reads a zone file. `domain` is the one domain it is read for, if there is one: the
/// origin until a `$ORIGIN` says otherwise. The errors are `line N: why`, all of them.
pub(crate) fn parse(text: &str, domain: Option<&str>) -> Result<Zone, Vec<String>> {
    let mut records = Vec::new();
    let mut zone = read(text, domain, |_, described| records.push(described))?;
    zone.records = records;
    Ok(zone)
}

/// Reads a zone file as [`parse`] does, but hands each record to `each` (with the zone's
/// apex, its domain) as it is read, leaving `records` empty: a large file's records are
/// never all held at once. On an error, the records before it were handed on already.
pub(crate) fn read(
    text: &str,
    domain: Option<&str>,
    mut each: impl FnMut(Option<&str>, Described),
) -> Result<Zone, Vec<String>> {
    let mut reader = Reader {
        origin: domain.map(str::to_owned),
        ..Reader::default()
    };
    let mut errors = Vec::new();
    tokens::each_entry(text, 1, |entry| {
        let line = entry.line;
        if let Err(why) = reader.entry(entry) {
            errors.push(t!("zone.at_line", line = line, why = why).into_owned());
        }
        // The apex is fixed by the first record, so it is every record's domain.
        let apex = reader.apex.as_ref().and_then(Option::as_deref);
        for described in reader.zone.records.drain(..) {
            each(apex, described);
        }
    })
    // A file that does not cut into entries says only that, as it did when it was cut
    // whole before any record was read.
    .map_err(|err| vec![err])?;
    if !errors.is_empty() {
        return Err(errors);
    }
    // A zone of no record is still the origin's.
    reader.zone.origin = reader.apex.unwrap_or(reader.origin);
    Ok(reader.zone)
}

#[derive(Default)]
struct Reader {
    /// What relative names are relative to, without its trailing dot.
    origin: Option<String>,
    /// The zone's apex, fixed by the first record: the origin then.
    apex: Option<Option<String>>,
    /// The `$TTL`.
    ttl: Option<u64>,
    /// The host of the record before, for a line that leaves it out.
    owner: Option<CompactString>,
    zone: Zone,
}

impl Reader {
    fn entry(&mut self, entry: Entry) -> Result<(), String> {
        let Some(text) = &entry.annotation else {
            return self.record(entry.line, entry.indented, &entry.tokens, Pairs::default());
        };
        let (pairs, rest) = annotation::read(text, entry.line)?;
        if !entry.tokens.is_empty() {
            if !rest.is_empty() {
                return Err(t!("zone.annotation_after_record").into_owned());
            }
            if !pairs.fit_bind() {
                return Err(t!("zone.annotation_not_bind").into_owned());
            }
            return self.record(entry.line, entry.indented, &entry.tokens, pairs);
        }
        match rest.first() {
            None => Err(t!("zone.annotation_alone").into_owned()),
            Some(first) if !first.quoted && first.text.starts_with('$') => {
                Err(t!("zone.annotation_directive").into_owned())
            }
            Some(_) => {
                // BIND skips the line: the owner that lines after it leave out stays.
                let owner = self.owner.clone();
                let read = self.record(entry.line, false, &rest, pairs);
                self.owner = owner;
                read
            }
        }
    }

    /// A record or a directive (`tokens`, at least one), with what its annotation says.
    fn record(
        &mut self,
        line: usize,
        indented: bool,
        tokens: &[Token],
        mut pairs: Pairs,
    ) -> Result<(), String> {
        let first = &tokens[0];
        if !indented && !first.quoted && first.text.starts_with('$') {
            return self.directive(tokens);
        }
        let (owner, rest) = match indented {
            true => (self.owner.clone(), tokens),
            false => (Some(self.host(&first.text)?), &tokens[1..]),
        };
        let owner = owner.ok_or_else(|| t!("zone.no_owner").into_owned())?;
        self.owner = Some(owner.clone());
        let (ttl, rest) = ttl_and_class(rest)?;
        let (kind, rdata) = rest
            .split_first()
            .ok_or_else(|| t!("zone.no_type").into_owned())?;
        if kind.text.eq_ignore_ascii_case("SOA") {
            let note = t!("zone.soa_skipped", line = line);
            self.zone.notes.push(note.into_owned());
            return Ok(());
        }
        // Upper-cased first, as the error names it.
        let record_type = record_type_of(&upper(&kind.text))?;
        let (value, mx) = match pairs.value.take() {
            Some(value) => held(record_type, value, rdata)?,
            None => self.rdata(record_type, rdata)?,
        };
        // The value moved in, not copied: `Record::new` takes it as text.
        let mut record = Record {
            value,
            ttl: ttl.or(self.ttl).unwrap_or(DEFAULT_TTL),
            mx,
            ..Record::new(&owner, record_type, "")
        };
        self.zone.lines.extend(pairs.line.clone());
        pairs.apply(&mut record);
        let record = checked(record)?;
        self.zone.records.push(Described {
            line,
            domain: None,
            system: record.record_type == "NS" && owner == "@",
            record,
        });
        Ok(())
    }

    fn directive(&mut self, tokens: &[Token]) -> Result<(), String> {
        let name = tokens[0].text.to_ascii_uppercase();
        if matches!(name.as_str(), "$INCLUDE" | "$GENERATE") {
            return Err(t!("zone.not_supported", directive = name).into_owned());
        }
        let [_, argument] = tokens else {
            return Err(t!("zone.one_argument", directive = shown(&name)).into_owned());
        };
        match name.as_str() {
            "$ORIGIN" => {
                let origin = self.absolute(&argument.text)?;
                self.origin = Some(check_domain(&origin)?);
            }
            "$TTL" => self.ttl = Some(ttl_of(&argument.text)?),
            _ => return Err(t!("zone.unknown_directive", directive = shown(&name)).into_owned()),
        }
        Ok(())
    }

    /// The name's host in the zone: `@` for the apex. Without any origin, a relative
    /// name is its own host (whichever domain gets the records).
    fn host(&mut self, name: &str) -> Result<CompactString, String> {
        let apex = self.apex.get_or_insert_with(|| self.origin.clone());
        let relative = !name.ends_with('.');
        if self.origin.is_none() && relative {
            return Ok(name.into());
        }
        // Most lines: a relative ASCII name under an origin that is the apex, as written
        // (lower case, ASCII), whose host is the name itself; no names built to learn it.
        let plain = |zone: &str| {
            !zone
                .bytes()
                .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
        };
        let at_apex = self.origin.as_deref().is_some_and(plain) && *apex == self.origin;
        if at_apex && relative && name != "@" && name.is_ascii() {
            let mut host = CompactString::from(name);
            host.make_ascii_lowercase();
            return Ok(host);
        }
        let apex = apex.clone();
        let absolute = ascii_key(&self.absolute(name)?.to_lowercase()).into_owned();
        let apex = apex.ok_or_else(|| t!("zone.needs_origin", name = shown(name)).into_owned())?;
        let apex = ascii_key(&apex).into_owned();
        if absolute == apex {
            return Ok("@".into());
        }
        absolute
            .strip_suffix(&format!(".{apex}"))
            .map(CompactString::from)
            .ok_or_else(|| t!("zone.outside", name = shown(name), zone = apex).into_owned())
    }

    /// The name with the origin after it unless it ends in a dot, without the dot.
    fn absolute(&self, name: &str) -> Result<String, String> {
        if let Some(name) = name.strip_suffix('.') {
            return Ok(name.to_owned());
        }
        let origin = self
            .origin
            .as_deref()
            .ok_or_else(|| t!("zone.relative_needs_origin", name = shown(name)).into_owned())?;
        Ok(match name {
            "@" => origin.to_owned(),
            _ => format!("{name}.{origin}"),
        })
    }

    /// A host name of a value, absolute with its dot, as DNSPod takes it.
    fn target(&self, name: &str) -> Result<CompactString, String> {
        let mut target = CompactString::from(self.absolute(name)?);
        target.push('.');
        Ok(target)
    }

    /// The value (and MX priority) of a record from its data, as DNSPod spells them.
    fn rdata(
        &self,
        record_type: &str,
        data: &[Token],
    ) -> Result<(CompactString, Option<u64>), String> {
        let value = match (record_type, data) {
            (_, []) => return Err(t!("zone.no_data", record_type = record_type).into_owned()),
            ("TXT" | "SPF", _) => data.iter().map(|t| &*t.text).collect(),
            ("MX", [priority, host]) => {
                return Ok((self.target(&host.text)?, Some(mx(&priority.text)?)));
            }
            ("CNAME" | "NS", [host]) => self.target(&host.text)?,
            ("SRV", [priority, weight, port, host]) => {
                let (priority, weight, port) = (&priority.text, &weight.text, &port.text);
                format_compact!("{priority} {weight} {port} {}", self.target(&host.text)?)
            }
            ("MX", _) => return Err(t!("zone.mx_takes").into_owned()),
            ("SRV", _) => return Err(t!("zone.srv_takes").into_owned()),
            ("CNAME" | "NS", _) => {
                return Err(t!("zone.host_takes", record_type = record_type).into_owned());
            }
            _ => as_written(data),
        };
        Ok((value, None))
    }
}

/// The value of an annotation's `value` pair and the record's data after it: an MX
/// record's priority, nothing for other types.
fn held(
    record_type: &str,
    value: CompactString,
    data: &[Token],
) -> Result<(CompactString, Option<u64>), String> {
    match (record_type, data) {
        ("MX", [priority]) => Ok((value, Some(mx(&priority.text)?))),
        ("MX", _) => Err(t!("zone.value_pair_mx").into_owned()),
        (_, []) => Ok((value, None)),
        _ => Err(t!("zone.value_pair_data", record_type = record_type).into_owned()),
    }
}

fn mx(priority: &str) -> Result<u64, String> {
    priority
        .parse()
        .map_err(|_| t!("zone.mx_not_number", priority = shown(priority)).into_owned())
}

/// The data as the file writes it, quotes and escapes kept: DNSPod takes CAA, HTTPS and
/// SVCB values in that form (`alpn="h2,h3"`, `alpn=h2\,h3`).
fn as_written(data: &[Token]) -> CompactString {
    let mut value = CompactString::default();
    for token in data {
        if !token.joined && !value.is_empty() {
            value.push(' ');
        }
        value.push_str(token.raw);
    }
    value
}

/// The TTL and class before a record's type, in either order, both optional.
fn ttl_and_class<'t, 'a>(
    mut rest: &'t [Token<'a>],
) -> Result<(Option<u64>, &'t [Token<'a>]), String> {
    let mut ttl = None;
    let class = |token: &Token, of: &[&str]| of.iter().any(|c| token.text.eq_ignore_ascii_case(c));
    while let Some((token, tail)) = rest.split_first().filter(|(t, _)| !t.quoted) {
        match token {
            _ if ttl.is_none() && token.text.starts_with(|c: char| c.is_ascii_digit()) => {
                ttl = Some(ttl_of(&token.text)?);
            }
            _ if class(token, &["IN"]) => {}
            _ if class(token, &["CH", "HS", "CS", "ANY"]) => {
                return Err(t!("zone.class", class = shown(&token.text)).into_owned());
            }
            _ => break,
        }
        rest = tail;
    }
    Ok((ttl, rest))
}

/// A TTL in seconds, or with BIND's units: `3600`, `1h`, `1h30m`, `2d`, `1w`.
fn ttl_of(text: &str) -> Result<u64, String> {
    let bad = || t!("zone.bad_ttl", ttl = shown(text)).into_owned();
    let (mut total, mut number) = (0u64, None::<u64>);
    for c in text.chars() {
        let unit = match c.to_ascii_lowercase() {
            '0'..='9' => {
                let digit = u64::from(c.to_digit(10).expect("a digit"));
                number = number
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(digit));
                number.ok_or_else(bad)?;
                continue;
            }
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return Err(bad()),
        };
        let seconds = number.take().ok_or_else(bad)?.checked_mul(unit);
        total = seconds.and_then(|s| total.checked_add(s)).ok_or_else(bad)?;
    }
    match number {
        Some(n) => total.checked_add(n).ok_or_else(bad),
        None if text.is_empty() => Err(bad()),
        None => Ok(total),
    }
}

/// The text in upper case, copied only when it has a lower-case letter.
fn upper(text: &str) -> Cow<'_, str> {
    match text.bytes().any(|b| b.is_ascii_lowercase()) {
        true => Cow::Owned(text.to_ascii_uppercase()),
        false => Cow::Borrowed(text),
    }
}
