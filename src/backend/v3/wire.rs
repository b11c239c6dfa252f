//! API 3.0's actions, the JSON bodies we send and the batch answers as we read them.
//!
//! Requests use the SDKs' types (ID lists as the API documents them, TTL and MX as
//! numbers); answers are read as loosely as the legacy ones (numbers as strings, any
//! field `null` or missing) and become the job model.

use crate::backend::items::{self, Counters, Domain};
use crate::de;
use crate::job::{Job, JobSpec, RecordSpec};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// An action of API 3.0, by the name `X-TC-Action` carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    CreateDomainBatch,
    CreateRecordBatch,
    ModifyRecordBatch,
    DeleteRecordBatch,
    DescribeBatchTask,
    DescribeDomain,
    DescribeDomainList,
    DescribeRecordList,
    CreateRecord,
    ModifyRecord,
    ModifyRecordBatchV3,
    DeleteRecord,
}

impl Action {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Action::CreateDomainBatch => "CreateDomainBatch",
            Action::CreateRecordBatch => "CreateRecordBatch",
            Action::ModifyRecordBatch => "ModifyRecordBatch",
            Action::DeleteRecordBatch => "DeleteRecordBatch",
            Action::DescribeBatchTask => "DescribeBatchTask",
            Action::DescribeDomain => "DescribeDomain",
            Action::DescribeDomainList => "DescribeDomainList",
            Action::DescribeRecordList => "DescribeRecordList",
            Action::CreateRecord => "CreateRecord",
            Action::ModifyRecord => "ModifyRecord",
            Action::ModifyRecordBatchV3 => "ModifyRecordBatchV3",
            Action::DeleteRecord => "DeleteRecord",
        }
    }
}

/// One call: its action and the exact bytes of its body, which the signature covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Request {
    pub action: Action,
    pub body: Vec<u8>,
}

impl Request {
    pub(crate) fn new(action: Action, body: &impl Serialize) -> Request {
        Request {
            action,
            body: serde_json::to_vec(body).expect("strings and numbers always encode"),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct CreateDomainBatch<'a> {
    domain_list: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    record_value: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct CreateRecordBatch<'a> {
    /// Strings, as the API documents this list (unlike `RecordIdList`).
    domain_id_list: Vec<String>,
    record_list: Vec<WireRecord<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct WireRecord<'a> {
    sub_domain: &'a str,
    record_type: &'a str,
    record_line: &'a str,
    value: &'a str,
    #[serde(rename = "TTL")]
    ttl: u64,
    #[serde(rename = "MX", skip_serializing_if = "Option::is_none")]
    mx: Option<u64>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ModifyRecordBatch<'a> {
    record_id_list: &'a [u64],
    change: &'static str,
    change_to: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    /// A string here, unlike in `RecordList`.
    #[serde(rename = "MX", skip_serializing_if = "Option::is_none")]
    mx: Option<String>,
}

/// Integers, as the API documents this list.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DeleteRecordBatch<'a> {
    record_id_list: &'a [u64],
}

impl<'a> From<&'a RecordSpec> for WireRecord<'a> {
    fn from(r: &'a RecordSpec) -> WireRecord<'a> {
        WireRecord {
            sub_domain: &r.host,
            record_type: &r.record_type,
            record_line: &r.line,
            value: &r.value,
            ttl: r.ttl,
            mx: r.mx,
        }
    }
}

/// The request that submits `spec`.
pub(crate) fn submit_request(spec: &JobSpec) -> Request {
    match spec {
        JobSpec::DomainCreate { domains, value } => Request::new(
            Action::CreateDomainBatch,
            &CreateDomainBatch {
                domain_list: domains,
                record_value: value.as_deref(),
            },
        ),
        JobSpec::RecordCreate {
            domain_ids,
            records,
        } => Request::new(
            Action::CreateRecordBatch,
            &CreateRecordBatch {
                domain_id_list: domain_ids.iter().map(u64::to_string).collect(),
                record_list: records.iter().map(WireRecord::from).collect(),
            },
        ),
        JobSpec::RecordModify { record_ids, change } => Request::new(
            Action::ModifyRecordBatch,
            &ModifyRecordBatch {
                record_id_list: record_ids,
                // The API's names for the fields are `--change`'s.
                change: change.field.name(),
                change_to: &change.to,
                value: change.value.as_deref(),
                mx: change.mx.map(|mx| mx.to_string()),
            },
        ),
        JobSpec::RecordDelete { record_ids, .. } => Request::new(
            Action::DeleteRecordBatch,
            &DeleteRecordBatch {
                record_id_list: record_ids,
            },
        ),
        JobSpec::RecordSteps { steps } => super::whole::batch_request(steps),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeBatchTask {
    job_id: u64,
}

pub(crate) fn detail_request(job_id: u64) -> Request {
    Request::new(Action::DescribeBatchTask, &DescribeBatchTask { job_id })
}

/// A refusal: `Response.Error`.
#[derive(Deserialize, Debug, Default)]
pub(crate) struct ApiError {
    #[serde(rename = "Code", default, deserialize_with = "de::opt_text")]
    pub code: Option<CompactString>,
    #[serde(rename = "Message", default, deserialize_with = "de::opt_text")]
    pub message: Option<CompactString>,
}

/// What every answer's `Response` carries beside its own fields.
pub(crate) trait Answer: serde::de::DeserializeOwned {
    fn error(&self) -> Option<&ApiError>;
    fn request_id(&self) -> Option<&str>;
}

/// `{"Response": ...}`: every answer comes wrapped.
#[derive(Deserialize, Debug)]
pub(crate) struct Wrapped<T> {
    #[serde(rename = "Response")]
    pub response: T,
}

/// Defines an answer type: its own fields plus `Error` and `RequestId`.
macro_rules! answer {
    ($(#[$meta:meta])* $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        #[derive(Deserialize, Debug)]
        pub(crate) struct $name {
            #[serde(rename = "Error", default)]
            pub error: Option<ApiError>,
            #[serde(rename = "RequestId", default, deserialize_with = "de::opt_text")]
            pub request_id: Option<CompactString>,
            $($body)*
        }

        impl Answer for $name {
            fn error(&self) -> Option<&ApiError> {
                self.error.as_ref()
            }
            fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }
        }
    };
}
pub(crate) use answer;

answer!(
    /// Just the envelope: what a refusal is sure to carry when other fields are not.
    Envelope {}
);

answer!(
    /// The answer of the four submit actions; their `DetailList` only echoes the input,
    /// read for ModifyRecordBatch alone ([`ModifyAnswer`]).
    SubmitAnswer {
        #[serde(rename = "JobId", deserialize_with = "de::u64_lenient")]
        pub job_id: u64,
    }
);

answer!(
    /// ModifyRecordBatch's answer, whose `DetailList` echoes the records as they are
    /// before the job changes them: the before-state `undo` needs.
    ModifyAnswer {
        #[serde(rename = "JobId", deserialize_with = "de::u64_lenient")]
        pub job_id: u64,
        #[serde(rename = "DetailList", default, deserialize_with = "de::vec_or_empty")]
        pub echo: Vec<Domain>,
    }
);

answer!(
    /// The answer of DescribeBatchTask.
    TaskDetail {
        #[serde(rename = "JobType", default, deserialize_with = "de::opt_text")]
        pub job_type: Option<CompactString>,
        #[serde(rename = "CreatedAt", default, deserialize_with = "de::opt_text")]
        pub created_at: Option<CompactString>,
        #[serde(rename = "TotalCount", default, deserialize_with = "de::opt_u64")]
        pub total: Option<u64>,
        #[serde(rename = "SuccessCount", default, deserialize_with = "de::opt_u64")]
        pub success: Option<u64>,
        #[serde(rename = "FailCount", default, deserialize_with = "de::opt_u64")]
        pub fail: Option<u64>,
        #[serde(rename = "DetailList", default, deserialize_with = "de::vec_or_null")]
        pub domains: Vec<Domain>,
    }
);

impl TaskDetail {
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
pub(crate) mod tests;
