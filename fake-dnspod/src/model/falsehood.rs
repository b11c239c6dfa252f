//! Lies a finished job's detail can be made to tell, on either API: records the job never
//! made or changed listed as its own, or one of its records listed twice. A client that
//! acts on a detail (`undo` deletes what it lists) must not trust it blindly.

use super::item::{RecordItem, Status};
use super::job::Job;
use super::zone::Zone;

/// A lie a finished job's detail tells from the moment it is told (see
/// [`crate::FakeDnspod::falsify`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Falsehood {
    /// Lists this record of the account among the job's, `ok`, under its domain.
    Lists(u64),
    /// Lists the job's own item of this record a second time.
    ListsTwice(u64),
    /// Lists this record of the account among the job's, `ok`, under its own domain's
    /// name but another domain's ID (`domain_id`): a name and an ID that do not go
    /// together.
    ListsUnder { record: u64, domain_id: u64 },
}

impl Falsehood {
    /// Tells the lie in `job`'s detail. Panics if the job is not finished or the record is
    /// not there to list: a test that asks for a lie the fake cannot tell is wrong.
    pub(crate) fn tell(&self, job: &mut Job, zone: &Zone) {
        assert!(job.is_finished(), "falsify: job {} is not finished", job.id);
        let (domain, domain_id, item) = match *self {
            Falsehood::Lists(record_id) => listed(zone, record_id, None),
            Falsehood::ListsUnder { record, domain_id } => listed(zone, record, Some(domain_id)),
            Falsehood::ListsTwice(record_id) => job
                .domains
                .iter()
                .find_map(|domain| {
                    let item = domain.records.iter().find(|r| r.record.id == record_id)?;
                    Some((domain.name.clone(), domain.domain_id?, item.clone()))
                })
                .unwrap_or_else(|| panic!("falsify: job {} lists no record {record_id}", job.id)),
        };
        job.list_also(&domain, domain_id, item);
    }
}

/// Record `record_id` of the account as an `ok` item: its domain's name, and its domain's
/// ID unless `domain_id` says another.
fn listed(zone: &Zone, record_id: u64, domain_id: Option<u64>) -> (String, u64, RecordItem) {
    let record = zone
        .record(record_id)
        .unwrap_or_else(|| panic!("falsify: no record {record_id}"));
    let domain = zone.domain(record.domain_id).map(|d| d.name.clone());
    let item = RecordItem {
        record: record.clone(),
        status: Status::Ok,
        before: Some(record.clone()),
        edit: None,
    };
    let domain_id = domain_id.unwrap_or(record.domain_id);
    (domain.unwrap_or_default(), domain_id, item)
}
