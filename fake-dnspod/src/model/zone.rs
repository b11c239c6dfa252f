//! The account's data: domains and records, with the id counters, the twin rule and both
//! forms (Unicode and punycode) of every domain name.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::clock;

/// Vendor-like id ranges; they start high, so 0 never names anything.
const FIRST_DOMAIN: u64 = 25_562_928;
const FIRST_RECORD: u64 = 118_332_371;

pub(crate) const DEFAULT_LINE: &str = "默认";
/// The vendor's ids of the default and the main carriers' lines.
pub(crate) const LINES: [(&str, &str); 5] = [
    ("0", DEFAULT_LINE),
    ("10=0", "电信"),
    ("10=1", "联通"),
    ("10=2", "教育网"),
    ("10=3", "移动"),
];
pub(crate) const DEFAULT_TTL: u32 = 600;
/// The name servers the real look-ups list at every domain's apex, and their TTL.
pub(crate) const NAME_SERVERS: [&str; 2] = ["f1g1ns1.dnspod.net", "f1g1ns2.dnspod.net"];
const NAME_SERVER_TTL: u32 = 86_400;
/// The MX priority the vendor fills in when none is given.
pub(crate) const DEFAULT_MX: u16 = 5;

/// A domain of the account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Domain {
    pub id: u64,
    pub name: String,
}

/// Why a job item ended in `error`; each API words it (`text.rs`). Here, beside the
/// account, because the account itself refuses to change DNSPod's own records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    DomainExists,
    NoSuchDomain,
    RecordExists,
    NoSuchRecord,
    /// A change or deletion of one of DNSPod's own NS records. The vendor's text is not
    /// recorded: the fake's guess is in `text.rs`.
    SystemRecord,
    /// A CNAME beside a record of another type at the same host and line, either way
    /// round.
    Conflict,
    /// A record on a line other than the default at a host with no default-line record.
    NoDefaultLine,
    /// A weight outside 0-100.
    BadWeight,
    /// A modify of a record locked for having been modified to no effect too often.
    Locked,
    /// A name starting with `fail`: the fake's handle for trying failures, which says
    /// what it is rather than pass for a vendor refusal.
    OnRequest,
}

/// A DNS record of the account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub id: u64,
    pub domain_id: u64,
    pub sub_domain: String,
    pub record_type: String,
    pub line: String,
    pub value: String,
    pub ttl: u32,
    /// The priority of an MX record; `None` on other types.
    pub mx: Option<u16>,
    /// Whether the record answers queries; a paused record is kept but not served.
    pub enabled: bool,
    /// The share of answers among records of the same host, type and line, 0-100 (0
    /// switches weighting off); `None`: no weight, as the vendor lists `null`. A 0 sent is
    /// kept and listed as 0, not `null`: what the vendor lists then is undocumented, and
    /// 0 is the reading that fails a client telling 0 from no weight.
    pub weight: Option<u16>,
    /// The note the console keeps on a record; empty for none.
    pub remark: String,
    /// One of DNSPod's own NS records at the apex (`"hold":"hold"`, `DefaultNS`), which
    /// every domain has and no action changes or deletes.
    pub system: bool,
}

impl Record {
    /// A record not yet in the account (ids 0), TTL 600, MX priority 5 on MX.
    pub(crate) fn new(sub_domain: &str, record_type: &str, line: &str, value: &str) -> Record {
        Record {
            id: 0,
            domain_id: 0,
            sub_domain: sub_domain.to_string(),
            record_type: record_type.to_string(),
            line: line.to_string(),
            value: value.to_string(),
            ttl: DEFAULT_TTL,
            mx: (record_type == "MX").then_some(DEFAULT_MX),
            enabled: true,
            weight: None,
            remark: String::new(),
            system: false,
        }
    }

    /// Same domain, host, type, line and value: adding it again is refused.
    pub(crate) fn twin_of(&self, other: &Record) -> bool {
        self.domain_id == other.domain_id
            && host(&self.sub_domain).eq_ignore_ascii_case(host(&other.sub_domain))
            && self.record_type == other.record_type
            && self.line == other.line
            && self.value == other.value
    }
}

/// An empty host means the apex, as `@` does.
pub(crate) fn host(sub_domain: &str) -> &str {
    if sub_domain.is_empty() {
        "@"
    } else {
        sub_domain
    }
}

/// Both forms of a domain name, lower-case: what the look-ups show and match.
pub(crate) struct Names {
    pub(crate) unicode: String,
    pub(crate) ascii: String,
}

impl Names {
    pub(crate) fn of(name: &str) -> Names {
        // A name IDNA refuses (say, with a space) is its own punycode, lower-cased.
        let ascii = idna::domain_to_ascii(name).unwrap_or_else(|_| name.to_lowercase());
        // On a bad `xn--` label this still gives the best decoding it can.
        let (unicode, _) = idna::domain_to_unicode(&ascii);
        Names { unicode, ascii }
    }

    /// Whether either form contains this lower-case text.
    pub(crate) fn contain(&self, keyword: &str) -> bool {
        self.unicode.contains(keyword) || self.ascii.contains(keyword)
    }
}

/// Names starting with "fail" always fail: a handle for tests.
pub(crate) fn doomed(label: &str) -> bool {
    label.to_ascii_lowercase().starts_with("fail")
}

pub(crate) struct Zone {
    domains: BTreeMap<u64, Domain>,
    /// Worked out once per domain, so listing thousands needs no IDNA per request.
    names: BTreeMap<u64, Names>,
    /// By punycode, so either form of a name finds its domain without a scan.
    ids_by_name: HashMap<String, u64>,
    records: BTreeMap<u64, Record>,
    /// Each domain's record ids, so that a listing or the rules' check of one record reads
    /// its domain's records, not the account's (100,000 records in benchmarks). A record
    /// never moves to another domain, so only adds and removals keep it.
    by_domain: HashMap<u64, BTreeSet<u64>>,
    /// When each record was created or last changed, as the vendor writes it.
    updated_on: HashMap<u64, String>,
    next_domain: u64,
    next_record: u64,
}

impl Zone {
    pub(crate) fn new() -> Zone {
        Zone {
            domains: BTreeMap::new(),
            names: BTreeMap::new(),
            ids_by_name: HashMap::new(),
            records: BTreeMap::new(),
            by_domain: HashMap::new(),
            updated_on: HashMap::new(),
            next_domain: FIRST_DOMAIN,
            next_record: FIRST_RECORD,
        }
    }

    pub(crate) fn add_domain(&mut self, name: &str) -> u64 {
        let id = self.next_domain;
        self.next_domain += 1;
        let names = Names::of(name);
        self.ids_by_name.insert(names.ascii.clone(), id);
        self.names.insert(id, names);
        let name = name.to_string();
        self.domains.insert(id, Domain { id, name });
        // As the real look-ups list them: two NS records at `@`, marked as the system's.
        for server in NAME_SERVERS {
            let mut record = Record::new("@", "NS", DEFAULT_LINE, &format!("{server}."));
            (record.domain_id, record.ttl, record.system) = (id, NAME_SERVER_TTL, true);
            self.add_record(record);
        }
        id
    }

    /// Stores the record under a fresh id, which it returns.
    pub(crate) fn add_record(&mut self, mut record: Record) -> u64 {
        let id = self.next_record;
        self.next_record += 1;
        record.id = id;
        self.by_domain
            .entry(record.domain_id)
            .or_default()
            .insert(id);
        self.records.insert(id, record);
        self.updated_on.insert(id, clock::now());
        id
    }

    pub(crate) fn domain(&self, id: u64) -> Option<&Domain> {
        self.domains.get(&id)
    }

    /// The domain of this name, in either form and any case.
    pub(crate) fn domain_named(&self, name: &str) -> Option<u64> {
        self.ids_by_name.get(&Names::of(name).ascii).copied()
    }

    pub(crate) fn has_domain_named(&self, name: &str) -> bool {
        self.domain_named(name).is_some()
    }

    /// Both forms of a domain's name.
    pub(crate) fn names(&self, id: u64) -> Option<&Names> {
        self.names.get(&id)
    }

    /// Every domain's names, by id.
    pub(crate) fn all_names(&self) -> impl Iterator<Item = (u64, &Names)> {
        self.names.iter().map(|(&id, names)| (id, names))
    }

    pub(crate) fn record(&self, id: u64) -> Option<&Record> {
        self.records.get(&id)
    }

    /// The record, to change: stamped as updated now.
    pub(crate) fn record_mut(&mut self, id: u64) -> Option<&mut Record> {
        let record = self.records.get_mut(&id)?;
        self.updated_on.insert(id, clock::now());
        Some(record)
    }

    /// The record, to change as a client asks: stamped as updated now. DNSPod's own
    /// records are refused, so no caller can forget to.
    pub(crate) fn user_record_mut(&mut self, id: u64) -> Result<&mut Record, Failure> {
        self.may_change(id)?;
        self.record_mut(id).ok_or(Failure::NoSuchRecord)
    }

    /// The record, if a client may change it: DNSPod's own records are refused.
    pub(crate) fn user_record(&self, id: u64) -> Result<&Record, Failure> {
        self.may_change(id)?;
        self.records.get(&id).ok_or(Failure::NoSuchRecord)
    }

    /// Deletes the record as a client asks; DNSPod's own records are refused.
    pub(crate) fn remove_user_record(&mut self, id: u64) -> Result<Record, Failure> {
        self.may_change(id)?;
        self.updated_on.remove(&id);
        let record = self.records.remove(&id).ok_or(Failure::NoSuchRecord)?;
        if let Some(ids) = self.by_domain.get_mut(&record.domain_id) {
            ids.remove(&id);
        }
        Ok(record)
    }

    /// Whether a client may change or delete the record.
    fn may_change(&self, id: u64) -> Result<(), Failure> {
        match self.records.get(&id) {
            None => Err(Failure::NoSuchRecord),
            Some(record) if record.system => Err(Failure::SystemRecord),
            Some(_) => Ok(()),
        }
    }

    pub(crate) fn updated_on(&self, id: u64) -> &str {
        self.updated_on.get(&id).map_or("", String::as_str)
    }

    pub(crate) fn domains(&self) -> impl Iterator<Item = &Domain> {
        self.domains.values()
    }

    pub(crate) fn records(&self) -> impl Iterator<Item = &Record> {
        self.records.values()
    }

    /// One domain's records, in id order as [`Zone::records`] lists them.
    pub(crate) fn domain_records(&self, domain_id: u64) -> impl Iterator<Item = &Record> {
        let ids = self.by_domain.get(&domain_id).into_iter().flatten();
        ids.filter_map(|id| self.records.get(id))
    }

    /// How many records the domain has, DNSPod's own included.
    pub(crate) fn record_count(&self, domain_id: u64) -> usize {
        self.by_domain.get(&domain_id).map_or(0, BTreeSet::len)
    }

    /// The records but DNSPod's own: those made by jobs and tests.
    pub(crate) fn user_records(&self) -> impl Iterator<Item = &Record> {
        self.records.values().filter(|record| !record.system)
    }
}

#[cfg(test)]
mod tests;
