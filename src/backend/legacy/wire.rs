//! The legacy API's actions, the requests we send and its answers as we read them.
//!
//! `Domain` and `Record` deserialise every quirk of the wire (numbers as strings, `null`s,
//! missing fields) and become the job model's items, whose types are normalised, so
//! `--json` can promise that numeric fields are JSON numbers or `null` by construction.

use crate::backend::items::{self, Counters, Domain};
use crate::de;
use crate::job::Job;
use compact_str::CompactString;
use serde::Deserialize;

/// A batch action of the legacy API, by its wire name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    DomainCreate,
    RecordCreate,
    RecordModify,
    Detail,
    DomainInfo,
    DomainList,
    RecordList,
    /// Deletes one record at once: the legacy API has no batch deletion.
    RecordRemove,
}

impl Action {
    /// The path segment after the endpoint, e.g. `/Batch.Detail`.
    pub(crate) fn wire_name(self) -> &'static str {
        match self {
            Action::DomainCreate => "Batch.Domain.Create",
            Action::RecordCreate => "Batch.Record.Create",
            Action::RecordModify => "Batch.Record.Modify",
            Action::Detail => "Batch.Detail",
            Action::DomainInfo => "Domain.Info",
            Action::DomainList => "Domain.List",
            Action::RecordList => "Record.List",
            Action::RecordRemove => "Record.Remove",
        }
    }
}

/// One call's own parameters; the client adds the common ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub action: Action,
    pub params: Vec<(&'static str, String)>,
}

/// Record.Remove of one record of a domain; its answer is the bare status.
pub(crate) fn removal(domain_id: u64, record_id: u64) -> Request {
    Request {
        action: Action::RecordRemove,
        params: vec![
            ("domain_id", domain_id.to_string()),
            ("record_id", record_id.to_string()),
        ],
    }
}

/// The `status` block every answer carries.
#[derive(Deserialize, Debug, Default)]
pub(crate) struct Status {
    #[serde(deserialize_with = "de::text")]
    pub code: String,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub message: Option<CompactString>,
}

/// Just the status: what a refusal is sure to carry when its other fields are not.
#[derive(Deserialize, Debug)]
pub(crate) struct Envelope {
    pub status: Status,
}

/// An answer read in one pass with its status, so that a large one is scanned once.
pub(crate) trait Answer: serde::de::DeserializeOwned {
    fn status(&self) -> &Status;
}

impl Answer for Envelope {
    fn status(&self) -> &Status {
        &self.status
    }
}

/// The answer of the three submit actions; their `detail` only echoes the input, read
/// for Batch.Record.Modify alone ([`ModifyAnswer`]).
#[derive(Deserialize, Debug)]
pub(crate) struct SubmitAnswer {
    pub status: Status,
    #[serde(deserialize_with = "de::u64_lenient")]
    pub job_id: u64,
}

impl Answer for SubmitAnswer {
    fn status(&self) -> &Status {
        &self.status
    }
}

/// Batch.Record.Modify's answer, whose `detail` echoes the records as they are before
/// the job changes them: the before-state `undo` needs.
#[derive(Deserialize, Debug)]
pub(crate) struct ModifyAnswer {
    pub status: Status,
    #[serde(deserialize_with = "de::u64_lenient")]
    pub job_id: u64,
    #[serde(rename = "detail", default, deserialize_with = "de::vec_or_empty")]
    pub echo: Vec<Domain>,
}

impl Answer for ModifyAnswer {
    fn status(&self) -> &Status {
        &self.status
    }
}

/// The answer of Batch.Detail.
#[derive(Deserialize, Debug, Default)]
pub(crate) struct JobDetail {
    pub status: Status,
    #[serde(rename = "type", default, deserialize_with = "de::opt_text")]
    pub job_type: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_text")]
    pub created_at: Option<CompactString>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub total: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub success: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub fail: Option<u64>,
    #[serde(rename = "detail", default, deserialize_with = "de::vec_or_null")]
    pub domains: Vec<Domain>,
}

impl Answer for JobDetail {
    fn status(&self) -> &Status {
        &self.status
    }
}

impl JobDetail {
    pub(crate) fn into_job(self) -> Job {
        let counters = Counters {
            job_type: self.job_type.as_deref(),
            created_at: self.created_at,
            total: self.total,
            success: self.success,
            fail: self.fail,
        };
        items::job(counters, self.domains)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::JobKind;

    const DETAIL: &str = include_str!("../../../tests/cli/vendor/batch-detail.json");
    const DOMAIN_CREATE: &str = include_str!("../../../tests/cli/vendor/batch-domain-create.json");
    const RECORD_CREATE: &str = include_str!("../../../tests/cli/vendor/batch-record-create.json");
    const RECORD_MODIFY: &str = include_str!("../../../tests/cli/vendor/batch-record-modify.json");

    #[test]
    fn vendor_detail_example_reads_with_normalised_types() {
        let detail: JobDetail = serde_json::from_str(DETAIL).unwrap();
        assert_eq!(detail.job_type.as_deref(), Some("domain"));
        assert_eq!(
            (detail.total, detail.success, detail.fail),
            (Some(6), Some(6), Some(0))
        );
        assert_eq!(detail.domains.len(), 2);
        let first = &detail.domains[0];
        assert_eq!(
            first.domain_id,
            Some(25562928),
            "domain_id arrives as a string"
        );
        assert_eq!(first.records[0].record_id, Some(118332371));
        assert_eq!(first.records[0].mx, None);
        assert_eq!(first.records[0].ttl, Some(600));
        let job = detail.into_job();
        assert_eq!(job.kind, Some(JobKind::DomainCreate));
        let tally = job.tally();
        assert_eq!((tally.total, tally.ok, tally.failed), (6, 6, 0));
        assert!(tally.finished());
    }

    #[test]
    fn vendor_submit_examples_give_their_job_ids() {
        for (body, job_id) in [
            (DOMAIN_CREATE, 39581),
            (RECORD_CREATE, 49590),
            (RECORD_MODIFY, 409952),
        ] {
            let envelope: Envelope = serde_json::from_str(body).unwrap();
            assert_eq!(envelope.status.code, "1");
            let answer: SubmitAnswer = serde_json::from_str(body).unwrap();
            assert_eq!(answer.job_id, job_id);
        }
    }

    #[test]
    fn submit_echoes_read_as_details_despite_their_quirks() {
        // The echoes carry the same item shapes as Batch.Detail: strings for numbers,
        // `operation: null`, `enabled`, and `mx` only on some records.
        let modify: JobDetail = serde_json::from_str(RECORD_MODIFY).unwrap();
        assert_eq!(modify.domains[0].domain_id, Some(92));
        assert_eq!(modify.domains[0].operation, None);
        let mx = &modify.domains[1].records[1];
        assert_eq!(
            (mx.record_id, mx.ttl, mx.mx),
            (Some(91), Some(3600), Some(5))
        );
        let create: JobDetail = serde_json::from_str(RECORD_CREATE).unwrap();
        assert_eq!(create.domains[1].domain_id, Some(20));
        assert_eq!(create.into_job().tally().waiting, 10);
    }

    #[test]
    fn a_removal_names_the_domain_and_the_record_by_id() {
        let request = removal(62, 9001);
        assert_eq!(request.action.wire_name(), "Record.Remove");
        assert_eq!(
            request.params,
            [
                ("domain_id", "62".to_owned()),
                ("record_id", "9001".to_owned())
            ]
        );
        // The real answer to a removal (2016): the bare envelope.
        let body = r#"{"status":{"code":"1","message":"Action completed successful","created_at":"2016-05-11 03:28:14"}}"#;
        assert_eq!(
            serde_json::from_str::<Envelope>(body).unwrap().status.code,
            "1"
        );
    }

    #[test]
    fn status_codes_may_be_numbers() {
        let envelope: Envelope = serde_json::from_str(r#"{"status": {"code": -1}}"#).unwrap();
        assert_eq!(envelope.status.code, "-1");
        assert_eq!(envelope.status.message, None);
    }

    #[test]
    fn unknown_item_status_is_an_error() {
        let body =
            r#"{"status": {"code": "1"}, "detail": [{"status": "paused", "records": null}]}"#;
        assert!(serde_json::from_str::<JobDetail>(body).is_err());
    }

    #[test]
    fn json_output_numbers_are_numbers() {
        let detail: JobDetail = serde_json::from_str(RECORD_MODIFY).unwrap();
        let job = detail.into_job();
        let value = serde_json::to_value(&job.domains[1].records[1]).unwrap();
        assert_eq!(value["record_id"], serde_json::json!(91));
        assert_eq!(value["ttl"], serde_json::json!(3600));
        assert_eq!(value["mx"], serde_json::json!(5));
    }
}
