//! A job's domains and records as both APIs send them: the same fields, in snake case on
//! the legacy API and in Pascal case on API 3.0 (with `RecordLine` for the line and
//! `RecordList` for the records), read by one type that accepts both spellings and
//! becomes the job model's items.

use super::call::CallError;
use crate::de;
use crate::job::{Before, DomainItem, ItemStatus, Job, JobKind, JobSpec, RecordItem, Submitted};
use compact_str::CompactString;
use rust_i18n::t;
use serde::Deserialize;

/// A domain of a job; it is an item itself and holds the job's records for it. Every
/// field may be missing or `null` but the status: an item whose state is not said cannot
/// be followed.
#[derive(Deserialize, Debug)]
pub(crate) struct Domain {
    #[serde(alias = "Id", default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(alias = "Domain", default, deserialize_with = "de::opt_text")]
    pub domain: Option<CompactString>,
    #[serde(alias = "DomainId", default, deserialize_with = "de::opt_u64")]
    pub domain_id: Option<u64>,
    #[serde(alias = "DomainGrade", default, deserialize_with = "de::opt_text")]
    pub domain_grade: Option<CompactString>,
    #[serde(alias = "Operation", default, deserialize_with = "de::opt_text")]
    pub operation: Option<CompactString>,
    #[serde(alias = "Status")]
    pub status: ItemStatus,
    #[serde(alias = "ErrMsg", default, deserialize_with = "de::opt_text")]
    pub err_msg: Option<CompactString>,
    #[serde(alias = "RecordList", default, deserialize_with = "de::vec_or_null")]
    pub records: Vec<Record>,
}

/// A record of a job; API 3.0's `Enabled`, `Weight` and `Remark` are not in the model.
#[derive(Deserialize, Debug)]
pub(crate) struct Record {
    #[serde(alias = "Id", default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(alias = "RecordId", default, deserialize_with = "de::opt_u64")]
    pub record_id: Option<u64>,
    #[serde(alias = "SubDomain", default, deserialize_with = "de::opt_text")]
    pub sub_domain: Option<CompactString>,
    #[serde(alias = "RecordType", default, deserialize_with = "de::opt_text")]
    pub record_type: Option<CompactString>,
    /// The resolution line.
    #[serde(alias = "RecordLine", default, deserialize_with = "de::opt_text")]
    pub area: Option<CompactString>,
    #[serde(alias = "Value", default, deserialize_with = "de::opt_text")]
    pub value: Option<CompactString>,
    #[serde(alias = "TTL", default, deserialize_with = "de::opt_u64")]
    pub ttl: Option<u64>,
    #[serde(alias = "MX", default, deserialize_with = "de::opt_u64")]
    pub mx: Option<u64>,
    #[serde(alias = "Operation", default, deserialize_with = "de::opt_text")]
    pub operation: Option<CompactString>,
    #[serde(alias = "Status")]
    pub status: ItemStatus,
    #[serde(alias = "ErrMsg", default, deserialize_with = "de::opt_text")]
    pub err_msg: Option<CompactString>,
    /// `"1"` on, `"0"` paused, where an answer says.
    #[serde(alias = "Enabled", default, deserialize_with = "de::opt_text")]
    pub enabled: Option<CompactString>,
}

/// A submit's job, with the before-state its answer echoes when it is a record-modify.
pub(crate) fn submitted(spec: &JobSpec, job_id: u64, echo: Vec<Domain>) -> Submitted {
    let before = match spec {
        JobSpec::RecordModify { .. } => before(echo),
        _ => Vec::new(),
    };
    Submitted { job_id, before }
}

/// The records a record-modify submit's answer echoes, as they were before the job: each
/// with its domain, for `undo`. Records without an ID or a domain name tell nothing.
fn before(echo: Vec<Domain>) -> Vec<Before> {
    echo.into_iter()
        .flat_map(|domain| {
            let name = domain.domain.map(|d| d.to_string());
            domain.records.into_iter().filter_map(move |r| {
                Some(Before {
                    domain: name.clone()?,
                    record_id: r.record_id?,
                    host: r.sub_domain.map(Into::into),
                    record_type: r.record_type.map(Into::into),
                    line: r.area.map(Into::into),
                    value: r.value.map(Into::into),
                    ttl: r.ttl,
                    mx: r.mx,
                    enabled: r.enabled.as_deref().map(|e| e != "0"),
                    weight: None,
                    remark: None,
                })
            })
        })
        .collect()
}

/// `job` as a detail's answer: every job has items, so an answer without any is broken,
/// never a finished job (`action` and `job_id` say which answer in the error).
pub(crate) fn nonempty(job: Job, action: &str, job_id: u64) -> Result<Job, CallError> {
    if job.domains.is_empty() {
        return Err(CallError::Unreadable(
            t!("backend.no_items", action = action, job = job_id).into_owned(),
        ));
    }
    Ok(job)
}

/// What a job detail says besides its items, under whichever names the API gives it.
pub(crate) struct Counters<'a> {
    pub job_type: Option<&'a str>,
    pub created_at: Option<CompactString>,
    pub total: Option<u64>,
    pub success: Option<u64>,
    pub fail: Option<u64>,
}

/// The job in dpbatch's own terms. Both APIs name job types with the same words; a type
/// the API did not name, or one it has added since, is `None`.
pub(crate) fn job(counters: Counters<'_>, domains: Vec<Domain>) -> Job {
    Job {
        kind: match counters.job_type {
            Some("domain") => Some(JobKind::DomainCreate),
            Some("record_add") => Some(JobKind::RecordCreate),
            Some("record_modify") => Some(JobKind::RecordModify),
            // A DeleteRecordBatch job: the vendor documents no word for it; this one
            // follows the words of its other job types.
            Some("record_delete") => Some(JobKind::RecordDelete),
            _ => None,
        },
        created_at: counters.created_at,
        total: counters.total,
        success: counters.success,
        fail: counters.fail,
        domains: domains.into_iter().map(Domain::into_item).collect(),
    }
}

impl Domain {
    fn into_item(self) -> DomainItem {
        DomainItem {
            id: self.id,
            domain: self.domain,
            domain_id: self.domain_id,
            domain_grade: self.domain_grade,
            operation: self.operation,
            status: self.status,
            err_msg: self.err_msg,
            records: self.records.into_iter().map(Record::into_item).collect(),
        }
    }
}

impl Record {
    fn into_item(self) -> RecordItem {
        RecordItem {
            id: self.id,
            record_id: self.record_id,
            host: self.sub_domain,
            record_type: self.record_type,
            line: self.area,
            value: self.value,
            ttl: self.ttl,
            mx: self.mx,
            operation: self.operation,
            status: self.status,
            err_msg: self.err_msg,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_read_as_the_same_item() {
        let legacy = r#"{"domain": "a.cn", "domain_id": "7", "status": "ok", "records": [
            {"record_id": 9, "area": "默认", "ttl": "600", "status": "error", "err_msg": "x"}]}"#;
        let v3 = r#"{"Domain": "a.cn", "DomainId": 7, "Status": "ok", "RecordList": [
            {"RecordId": "9", "RecordLine": "默认", "TTL": 600, "Status": "error", "ErrMsg": "x"}]}"#;
        let read = |body: &str| serde_json::from_str::<Domain>(body).unwrap().into_item();
        assert_eq!(read(legacy), read(v3));
        assert_eq!(read(v3).records[0].line.as_deref(), Some("默认"));
    }
}
