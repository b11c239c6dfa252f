//! Names to IDs, whichever API answers: domain names to domain IDs, and a selection of
//! records to the records it matches. Every name the account does not hold is reported
//! at once (exit 2), and every ID is sent once.

use crate::backend::{Backend, Paged};
use crate::error::usage;
use crate::input::domains::{ascii_key, check_domain};
use crate::job::{AccountRecord, same_host, same_line, same_type, same_value};
use crate::parallel;
use rust_i18n::t;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// How many rounds of look-ups `Lookups::in_order` runs ahead of the listing it hands on:
/// enough to keep every worker busy past a slow domain, few enough that only a handful
/// of domains' records are held at once.
const AHEAD: usize = 4;

/// How many unknown names one error names before it counts the rest.
const MAX_NAMED: usize = 20;

/// What a command did not do because a name is not in the account: its error says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotDone {
    Submitted,
    Written,
    Undone,
    Deleted,
    Planned,
}

impl NotDone {
    /// Its words in the language of the messages.
    fn words(self) -> Cow<'static, str> {
        match self {
            NotDone::Submitted => t!("resolve.done.submitted"),
            NotDone::Written => t!("resolve.done.written"),
            NotDone::Undone => t!("resolve.done.undone"),
            NotDone::Deleted => t!("resolve.done.deleted"),
            NotDone::Planned => t!("resolve.done.planned"),
        }
    }
}

/// The error for names the account does not hold: the first few and how many more, and
/// what was not `done`.
fn not_in_account(unknown: &[&str], done: NotDone) -> anyhow::Error {
    let mut named = unknown[..unknown.len().min(MAX_NAMED)].join(", ");
    if unknown.len() > MAX_NAMED {
        let more = unknown.len() - MAX_NAMED;
        named.push_str(&t!("resolve.and_more", count = more));
    }
    let subject = match unknown.len() {
        1 => t!("resolve.this_domain"),
        _ => t!("resolve.these_domains"),
    };
    let done = done.words();
    usage(t!(
        "resolve.not_in_account",
        subject = subject,
        done = done,
        named = named
    ))
}

/// The account's domains as `--all` takes them: each name the server lists checked as a
/// typed name is (it becomes a file name, a zone's `$ORIGIN`, a look-up), each once;
/// `gap` is told of a listing short of the server's total and of each name skipped.
pub(crate) fn account_domains(listed: Paged<String>, mut gap: impl FnMut(String)) -> Vec<String> {
    if let Some(short) = listed.short {
        gap(t!("resolve.account_short", why = short.describe("domain")).into_owned());
    }
    let mut seen = HashSet::new();
    let mut checked = Vec::with_capacity(listed.entries.len());
    for raw in listed.entries {
        match check_domain(&raw) {
            Ok(name) if seen.insert(ascii_key(&name).into_owned()) => checked.push(name),
            Ok(name) => gap(t!("resolve.listed_twice", name = name).into_owned()),
            Err(why) => gap(t!("resolve.listed_bad", why = why).into_owned()),
        }
    }
    checked
}

/// The domain ID of each name, in order, each ID once.
pub(crate) fn domain_ids(backend: &dyn Backend, names: &[String]) -> anyhow::Result<Vec<u64>> {
    let found = ids_of(backend, names)?;
    // Two names can be one domain (an alias answers with its main domain's ID).
    let mut seen = HashSet::new();
    Ok(found.into_iter().filter(|id| seen.insert(*id)).collect())
}

/// The account's domain ID of each of `names` (each asked once), by name; every name the
/// account does not hold is named in one error.
pub(crate) fn ids_by_name<'a>(
    backend: &dyn Backend,
    names: impl IntoIterator<Item = &'a str>,
) -> anyhow::Result<HashMap<String, u64>> {
    let mut names: Vec<String> = names.into_iter().map(str::to_owned).collect();
    names.sort();
    names.dedup();
    let ids = ids_of(backend, &names)?;
    Ok(names.into_iter().zip(ids).collect())
}

/// The domain ID of each name (checked, de-duplicated), in the names' order.
pub(crate) fn ids_of(backend: &dyn Backend, names: &[String]) -> anyhow::Result<Vec<u64>> {
    ids_for(backend, names, NotDone::Submitted)
}

/// [`ids_of`], whose error says what was not `done`.
pub(crate) fn ids_for(
    backend: &dyn Backend,
    names: &[String],
    done: NotDone,
) -> anyhow::Result<Vec<u64>> {
    let found = backend.find_domains(names)?;
    let unknown: Vec<&str> = names
        .iter()
        .zip(&found)
        .filter(|(_, id)| id.is_none())
        .map(|(name, _)| name.as_str())
        .collect();
    if !unknown.is_empty() {
        return Err(not_in_account(&unknown, done));
    }
    Ok(found.into_iter().flatten().collect())
}

/// Which records of which domains `record-modify` should change.
#[derive(Debug, Clone)]
pub(crate) struct Selector {
    pub domains: Vec<String>,
    /// Hosts, `@` for the apex; compared case-insensitively.
    pub hosts: Vec<String>,
    pub record_type: String,
    pub line: Option<String>,
    pub value_is: Option<String>,
}

impl Selector {
    /// Whether `record` is one the selector names, compared as DNS reads the fields
    /// (`job::compare`): DNSPod lists some A values with a trailing dot, which
    /// `--value-is 192.0.2.1` must still find.
    pub(crate) fn matches(&self, record: &AccountRecord) -> bool {
        let host = record.host.as_deref().unwrap_or("@");
        let Some(record_type) = record.record_type.as_deref() else {
            return false;
        };
        self.hosts.iter().any(|h| same_host(h, host))
            && same_type(record_type, &self.record_type)
            && self
                .line
                .as_deref()
                .is_none_or(|line| record.line.as_deref().is_some_and(|l| same_line(l, line)))
            && self.value_is.as_deref().is_none_or(|value| {
                record
                    .value
                    .as_deref()
                    .is_some_and(|v| same_value(Some(record_type), v, value))
            })
    }
}

/// A selected record and the domain it belongs to.
#[derive(Debug, Clone)]
pub(crate) struct Selected {
    pub domain: String,
    pub record: AccountRecord,
}

/// What a selection found.
#[derive(Debug)]
pub(crate) struct Selection {
    pub records: Vec<Selected>,
    /// Each listing that fell short of the server's total (`a.cn: the server listed ...`):
    /// a record it did not list cannot be selected.
    pub short: Vec<String>,
    /// How many matching records were DNSPod's own NS records, left out: DNSPod manages
    /// them, and no job may change them.
    pub system: usize,
    /// Each domain looked up, with how many records of the account's own (not DNSPod's)
    /// its listing held.
    pub listed: Vec<(String, usize)>,
}

/// Every record of the selector's domains that it matches, domain by domain, each once
/// (across domains too: a record listed twice is changed once). Up to `workers` domains
/// are looked up at once; `looked_up` is told of each one done.
pub(crate) fn select_records(
    backend: &dyn Backend,
    selector: &Selector,
    workers: usize,
    looked_up: &(dyn Fn() + Sync),
) -> anyhow::Result<Selection> {
    let lookups = Lookups {
        workers,
        looked_up,
        unknown_means: NotDone::Submitted,
    };
    let listings = lookups.records(backend, &selector.domains, &selector.hosts)?;
    Ok(pick(&selector.domains, listings, |r| selector.matches(r)))
}

/// Of `domains`' records as `Lookups::records` listed them, those `wanted`, each once;
/// DNSPod's own NS records counted and left out.
pub(crate) fn pick(
    domains: &[String],
    (listings, short): (Vec<Vec<AccountRecord>>, Vec<String>),
    wanted: impl Fn(&AccountRecord) -> bool,
) -> Selection {
    let mut selection = Selection {
        records: Vec::new(),
        short,
        system: 0,
        listed: Vec::new(),
    };
    let mut listed = HashSet::new();
    for (domain, records) in domains.iter().zip(listings) {
        let own = records.iter().filter(|r| !r.system).count();
        selection.listed.push((domain.clone(), own));
        for record in records {
            if !wanted(&record) || !listed.insert(record.id) {
                continue;
            }
            if record.system {
                selection.system += 1;
                continue;
            }
            let domain = domain.clone();
            selection.records.push(Selected { domain, record });
        }
    }
    selection
}

/// How the records of many domains are looked up.
pub(crate) struct Lookups<'a> {
    /// How many domains at once.
    pub workers: usize,
    /// Told of each domain done.
    pub looked_up: &'a (dyn Fn() + Sync),
    /// What did not happen when a domain is unknown.
    pub unknown_means: NotDone,
}

impl Lookups<'_> {
    /// The records of each domain (those of `hosts` where the API filters), in the
    /// domains' order, and what each listing short of the server's total lacks
    /// (`a.cn: the server listed ...`), for the caller to say. Every domain the account
    /// does not hold is named in one error.
    pub(crate) fn records(
        &self,
        backend: &dyn Backend,
        domains: &[String],
        hosts: &[String],
    ) -> anyhow::Result<(Vec<Vec<AccountRecord>>, Vec<String>)> {
        let listings = self.listings(backend, domains, hosts)?;
        let mut short = Vec::new();
        let records = domains
            .iter()
            .zip(listings)
            .map(|(domain, paged)| {
                short.extend(shortfall(domain, &paged));
                paged.entries
            })
            .collect();
        Ok((records, short))
    }

    /// `use_listing` of each domain's listing, in the domains' order: the domains are
    /// looked up a window of `workers` × [`AHEAD`] at a time, and a window's listings are
    /// used once the whole window is in, so that an account's records are never all held
    /// (`export` writes each domain and lets it go). Every domain the account does not
    /// hold is named in one error, and no listing is used after the first of them.
    pub(crate) fn in_order(
        &self,
        backend: &dyn Backend,
        domains: &[String],
        hosts: &[String],
        mut use_listing: impl FnMut(&str, Paged<AccountRecord>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut unknown = Vec::new();
        for window in domains.chunks(self.workers.max(1) * AHEAD) {
            let listings = self.found(backend, window, hosts, |_, paged| paged)?;
            for (domain, listing) in window.iter().zip(listings) {
                match listing {
                    None => unknown.push(domain.as_str()),
                    Some(paged) if unknown.is_empty() => use_listing(domain, paged)?,
                    // Still looked up, to name every unknown domain at once.
                    Some(_) => {}
                }
            }
        }
        match unknown.is_empty() {
            true => Ok(()),
            false => Err(not_in_account(&unknown, self.unknown_means)),
        }
    }

    /// Each domain's listing as paged, in the domains' order; every domain the account
    /// does not hold is named in one error.
    fn listings(
        &self,
        backend: &dyn Backend,
        domains: &[String],
        hosts: &[String],
    ) -> anyhow::Result<Vec<Paged<AccountRecord>>> {
        self.each(backend, domains, hosts, |_, paged| paged)
    }

    /// `use_listing` of each domain's listing as it comes (`plan` diffs a domain and lets
    /// its records go: 100,000 of them need not be held at once), in the domains' order;
    /// every domain the account does not hold is named in one error.
    pub(crate) fn each<T: Send>(
        &self,
        backend: &dyn Backend,
        domains: &[String],
        hosts: &[String],
        use_listing: impl Fn(usize, Paged<AccountRecord>) -> T + Sync,
    ) -> anyhow::Result<Vec<T>> {
        let listings = self.found(backend, domains, hosts, use_listing)?;
        let unknown: Vec<&str> = domains
            .iter()
            .zip(&listings)
            .filter(|(_, records)| records.is_none())
            .map(|(domain, _)| domain.as_str())
            .collect();
        if !unknown.is_empty() {
            return Err(not_in_account(&unknown, self.unknown_means));
        }
        Ok(listings.into_iter().flatten().collect())
    }

    /// `use_listing` of each domain's listing, `None` for a domain the account does not
    /// hold, in the domains' order.
    fn found<T: Send>(
        &self,
        backend: &dyn Backend,
        domains: &[String],
        hosts: &[String],
        use_listing: impl Fn(usize, Paged<AccountRecord>) -> T + Sync,
    ) -> anyhow::Result<Vec<Option<T>>> {
        let places: Vec<usize> = (0..domains.len()).collect();
        parallel::map(&places, self.workers, |&at| {
            let records = backend.domain_records(&domains[at], hosts);
            (self.looked_up)();
            records.map(|found| found.map(|paged| use_listing(at, paged)))
        })
    }
}

/// What `domain`'s listing lacks, if it fell short of the server's total
/// (`a.cn: the server listed ...`).
pub(crate) fn shortfall<T>(domain: &str, paged: &Paged<T>) -> Option<String> {
    let gap = paged.short?;
    Some(format!("{domain}: {}", gap.describe("record")))
}

#[cfg(test)]
mod tests;
