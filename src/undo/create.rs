//! What the undo of a record-create job deletes: the records its detail lists as made
//! that its history line asked for, each once, and only while still as created.

use crate::job::{AccountRecord, Before, ItemStatus, Job, RecordFields, RecordSpec};
use rust_i18n::t;
use std::collections::{HashMap, HashSet};

/// A record a record-create job created, as its detail shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Created {
    pub domain: String,
    pub domain_id: u64,
    pub record_id: u64,
    pub host: Option<String>,
    pub record_type: Option<String>,
    pub line: Option<String>,
    pub value: Option<String>,
}

impl Created {
    /// The record as its job's detail showed it, as the history keeps a deleted record.
    pub(crate) fn before(&self) -> Before {
        Before {
            domain: self.domain.clone(),
            record_id: self.record_id,
            host: self.host.clone(),
            record_type: self.record_type.clone(),
            line: self.line.clone(),
            value: self.value.clone(),
            ..Before::default()
        }
    }

    fn fields(&self) -> RecordFields<'_> {
        RecordFields {
            host: self.host.as_deref(),
            record_type: self.record_type.as_deref(),
            line: self.line.as_deref(),
            value: self.value.as_deref(),
        }
    }

    /// `record 7 of a.cn (www A 192.0.2.1)`, for why it is left.
    pub(crate) fn named(&self) -> String {
        let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "-".to_owned());
        t!(
            "undo.record_named",
            id = self.record_id,
            domain = self.domain,
            host = text(&self.host),
            record_type = text(&self.record_type),
            value = text(&self.value)
        )
        .into_owned()
    }
}

/// The records whose items ended ok, with the domain each was created on.
pub(crate) fn created(job: &Job) -> Vec<Created> {
    let text = |t: &Option<compact_str::CompactString>| t.as_deref().map(str::to_owned);
    job.domains
        .iter()
        .flat_map(|domain| {
            domain.records.iter().filter_map(move |r| {
                (r.status == ItemStatus::Ok).then_some(())?;
                Some(Created {
                    domain: domain.domain.as_deref()?.to_owned(),
                    domain_id: domain.domain_id?,
                    record_id: r.record_id?,
                    host: text(&r.host),
                    record_type: text(&r.record_type),
                    line: text(&r.line),
                    value: text(&r.value),
                })
            })
        })
        .collect()
}

/// The created records the job's history line asked for: on one of its domains, as one
/// of its record specs. A detail may list others (a record the account had before), and
/// those are left, each with why.
pub(crate) fn asked_for(
    created: Vec<Created>,
    domain_ids: &[u64],
    specs: &[RecordSpec],
    skipped: &mut Vec<String>,
) -> Vec<Created> {
    created
        .into_iter()
        .filter(|record| {
            let asked = domain_ids.contains(&record.domain_id)
                && specs.iter().any(|spec| spec.matches(&record.fields()));
            if !asked {
                skipped.push(t!("undo.not_asked", record = record.named()).into_owned());
            }
            asked
        })
        .collect()
}

/// Records as they are now, by the domain they are listed on and their ID: a record ID
/// the detail puts on one domain is looked for there only.
pub(crate) type Now<'a> = HashMap<(&'a str, u64), &'a AccountRecord>;

/// The created records on domains whose ID the account gives as the detail does (`ids`:
/// the account's ID of each name the detail names): a detail that puts one domain's
/// name beside another's ID must not steer a deletion onto the named one.
pub(crate) fn on_their_domains(
    created: Vec<Created>,
    ids: &HashMap<String, Option<u64>>,
    skipped: &mut Vec<String>,
) -> Vec<Created> {
    created
        .into_iter()
        .filter(|record| {
            let account_id = ids.get(&record.domain).copied().flatten();
            let agrees = account_id == Some(record.domain_id);
            if !agrees {
                let account =
                    account_id.map_or_else(|| t!("undo.no_id").into_owned(), |id| id.to_string());
                skipped.push(
                    t!(
                        "undo.other_domain_id",
                        record = record.named(),
                        domain = record.domain,
                        detail_id = record.domain_id,
                        account_id = account
                    )
                    .into_owned(),
                );
            }
            agrees
        })
        .collect()
}

/// The created records still as created on the domain the detail names, each once, to
/// delete, and why each other one is left.
pub(crate) fn deletions(created: Vec<Created>, now: &Now) -> (Vec<Created>, Vec<String>) {
    let mut delete = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for record in created {
        // A detail that lists a record twice must not make undo send it twice.
        if !seen.insert(record.record_id) {
            continue;
        }
        match now.get(&(record.domain.as_str(), record.record_id)) {
            None => skipped.push(
                t!(
                    "undo.not_listed",
                    id = record.record_id,
                    domain = record.domain
                )
                .into_owned(),
            ),
            // Even a job that asked for it (and a detail that says it made it) never
            // made one of DNSPod's own NS records.
            Some(now) if now.system => skipped.push(
                t!(
                    "undo.system_ns",
                    id = record.record_id,
                    domain = record.domain
                )
                .into_owned(),
            ),
            Some(now) if !as_created(&record, now) => skipped.push(
                t!(
                    "undo.changed_since_created",
                    id = record.record_id,
                    domain = record.domain,
                    host = now.host.as_deref().unwrap_or("-"),
                    record_type = now.record_type.as_deref().unwrap_or("-"),
                    value = now.value.as_deref().unwrap_or("-")
                )
                .into_owned(),
            ),
            Some(_) => delete.push(record),
        }
    }
    (delete, skipped)
}

/// Whether a record still has the host, type, line and value it was created with (each
/// where the job's detail said it).
fn as_created(created: &Created, now: &AccountRecord) -> bool {
    created.fields().found_in(&now.fields())
}
