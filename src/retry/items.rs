//! The failed items of a finished job, read from its detail and checked like flag input:
//! the detail is the server's word, and a retry must not send what `--file` would refuse
//! (an item `x.cn,y.cn` would become two domains, a TTL of 0 would go out).

use crate::error::usage;
use crate::input::domains::{ascii_key, check_domain};
use crate::input::list_errors;
use crate::input::records::{check_host, check_value};
use crate::job::{
    DEFAULT_LINE, DEFAULT_TTL, DomainItem, ItemStatus, Job, JobKind, RecordItem, RecordSpec,
};
use rust_i18n::t;
use std::collections::HashSet;

/// One failed item to send again.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Item {
    /// A domain of a domain job, created again with its `@`/`www` A value; its `records`
    /// failed with it and come back with it.
    Domain {
        name: String,
        value: Option<String>,
        records: usize,
    },
    /// A record spec (one host) for a domain that exists.
    Record { domain_id: u64, spec: RecordSpec },
    /// A record a modify job failed to change.
    Modify { record_id: u64 },
}

/// What makes two items the same: the ASCII form of a domain, a record spec on one
/// domain with its host in lower case, a record id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Domain(String),
    Record(u64, String, String),
    Modify(u64),
}

impl Item {
    /// How many of the job's items this one stands for.
    pub(super) fn count(&self) -> usize {
        match self {
            Item::Domain { records, .. } => 1 + records,
            Item::Record { .. } | Item::Modify { .. } => 1,
        }
    }

    pub(super) fn key(&self) -> Key {
        match self {
            Item::Domain { name, .. } => Key::Domain(ascii_key(name).into_owned()),
            Item::Record { domain_id, spec } => record_key(*domain_id, spec, &spec.host),
            Item::Modify { record_id } => Key::Modify(*record_id),
        }
    }
}

/// The key of `spec` on one of its hosts.
pub(super) fn record_key(domain_id: u64, spec: &RecordSpec, host: &str) -> Key {
    let rest = RecordSpec {
        host: String::new(),
        ..spec.clone()
    };
    let rest = serde_json::to_string(&rest).unwrap_or_default();
    Key::Record(domain_id, host.trim().to_lowercase(), rest)
}

/// The failed items of `detail`, de-duplicated in order; `asked` is the A value the job's
/// history entry has, for failed domains whose detail lost it. Any item that fails the
/// checks refuses the whole retry (exit 2), naming every bad one.
pub(super) fn failed_items(
    job_id: u64,
    detail: &Job,
    asked: Option<&str>,
) -> anyhow::Result<Vec<Item>> {
    let mut found = Found::default();
    match detail.kind {
        Some(JobKind::DomainCreate) => {
            domain_items(detail, asked, &mut found);
            let created = detail.domains.iter().filter(|d| d.status == ItemStatus::Ok);
            record_items(created, &mut found);
        }
        Some(JobKind::RecordCreate) => record_items(detail.domains.iter(), &mut found),
        Some(JobKind::RecordModify) => modify_items(detail, &mut found),
        // A deletion sent again without `undo`'s `--yes` and its fresh look at the
        // records would skip both; a record that failed to go is usually gone already.
        Some(JobKind::RecordDelete) => {
            return Err(usage(t!("retry.deletions", job_id = job_id)));
        }
        None => {
            return Err(anyhow::anyhow!(
                "{}",
                t!("retry.unknown_kind", job_id = job_id)
            ));
        }
    }
    if !found.errors.is_empty() {
        return Err(usage(format!(
            "job {job_id} has failed items that dpbatch would not send, so nothing was retried \
             (submit the others by hand): {}",
            list_errors(&found.errors)
        )));
    }
    Ok(found.items)
}

/// The items so far, their keys, and every reason an item cannot be sent.
#[derive(Default)]
struct Found {
    items: Vec<Item>,
    seen: HashSet<Key>,
    errors: Vec<String>,
}

impl Found {
    fn push(&mut self, item: Item) {
        if self.seen.insert(item.key()) {
            self.items.push(item);
        }
    }
}

fn failed(records: &[RecordItem]) -> Vec<&RecordItem> {
    records
        .iter()
        .filter(|r| r.status == ItemStatus::Error)
        .collect()
}

/// Failed domains are created again with the A value they were created with (from their
/// records, else from the history).
fn domain_items(detail: &Job, asked: Option<&str>, found: &mut Found) {
    for domain in detail
        .domains
        .iter()
        .filter(|d| d.status == ItemStatus::Error)
    {
        let Some(raw) = domain.domain.as_deref() else {
            found.errors.push(t!("retry.domain_unnamed").into_owned());
            continue;
        };
        let value = domain
            .records
            .iter()
            .find_map(|r| r.value.as_deref())
            .or(asked);
        let checked = check_domain(raw).and_then(|name| {
            value.map_or(Ok(()), |v| check_value("A", v))?;
            Ok(name)
        });
        match checked {
            Ok(name) => found.push(Item::Domain {
                name,
                value: value.map(str::to_owned),
                records: failed(&domain.records).len(),
            }),
            Err(why) => found
                .errors
                .push(t!("retry.domain_error", name = raw, why = why).into_owned()),
        }
    }
}

/// The failed records of these domains, each as the spec that creates it again.
fn record_items<'a>(domains: impl Iterator<Item = &'a DomainItem>, found: &mut Found) {
    for domain in domains {
        let records = failed(&domain.records);
        if records.is_empty() {
            continue;
        }
        let name = domain.domain.as_deref().unwrap_or("?");
        let Some(domain_id) = domain.domain_id.filter(|id| *id > 0) else {
            found
                .errors
                .push(t!("retry.no_domain_id", name = name).into_owned());
            continue;
        };
        for record in records {
            match spec(record) {
                Ok(spec) => found.push(Item::Record { domain_id, spec }),
                Err(why) => found
                    .errors
                    .push(t!("retry.domain_error", name = name, why = why).into_owned()),
            }
        }
    }
}

/// A failed record as the spec that creates it again, checked as `--records-file` is; its
/// host must be one host, as a record has one.
fn spec(record: &RecordItem) -> Result<RecordSpec, String> {
    let missing = |field: &str| t!("retry.record_lacks", field = field).into_owned();
    let record_type = record
        .record_type
        .as_deref()
        .ok_or_else(|| missing("record_type"))?
        .to_ascii_uppercase();
    let sub_domain = match record.host.as_deref() {
        None | Some("") => "@",
        Some(host) => host,
    };
    check_host(sub_domain)?;
    RecordSpec {
        host: sub_domain.to_owned(),
        mx: (record_type == "MX").then_some(record.mx).flatten(),
        record_type,
        line: record.line.as_deref().unwrap_or(DEFAULT_LINE).to_owned(),
        value: record
            .value
            .as_deref()
            .ok_or_else(|| missing("value"))?
            .to_owned(),
        ttl: record.ttl.unwrap_or(DEFAULT_TTL),
    }
    .checked()
}

/// The failed records of a modify job, by id.
fn modify_items(detail: &Job, found: &mut Found) {
    for record in detail.domains.iter().flat_map(|d| failed(&d.records)) {
        match record.record_id.filter(|id| *id > 0) {
            Some(record_id) => found.push(Item::Modify { record_id }),
            None => found.errors.push(
                t!(
                    "retry.no_record_id",
                    host = record.host.as_deref().unwrap_or("?")
                )
                .into_owned(),
            ),
        }
    }
}
