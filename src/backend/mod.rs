//! The seam between the commands and an API. Commands talk to a [`Backend`] in dpbatch's
//! own terms (a [`JobSpec`] to submit, a [`Job`] to read, names to look up); each
//! backend keeps its wire format, its actions and its refusal codes to itself.

mod call;
mod endpoint;
mod http;
mod items;
pub(crate) mod legacy;
#[cfg(test)]
pub(crate) mod mock;
mod pager;
pub(crate) mod v3;

pub(crate) use call::{ChangeError, CreateError};
pub(crate) use endpoint::Endpoint;
pub(crate) use http::{CallError, Trace};
pub(crate) use pager::Paged;

use crate::job::{AccountRecord, Job, JobSpec, Record, Step, Submitted};
use crate::split::Capabilities;
use rust_i18n::t;
use std::time::Instant;

/// DNSPod's batch limits on both APIs: 5000 records a job, 80 jobs an hour from one IP
/// address; no deletion job and no job that modifies records whole, and single-record
/// calls paced at 20 a second (the legacy API's).
pub(crate) const DNSPOD: Capabilities = Capabilities {
    job_records: 5000,
    delete_job_records: None,
    jobs_per_hour: 80,
    modify_whole_jobs: false,
    calls_per_second: 20,
};

/// What a backend does for the commands. `Sync`: look-ups run on several threads.
pub(crate) trait Backend: Sync {
    /// Sends a submit once and returns its job id (and, of a record-modify, the records as
    /// the answer echoes them). Never repeated: any failure after the request may have
    /// left is a [`ChangeError::Unknown`].
    fn submit(&self, spec: &JobSpec) -> Result<Submitted, ChangeError>;

    /// Reads a job once, given up at `deadline`; safe to repeat.
    fn detail(&self, job_id: u64, deadline: Option<Instant>) -> Result<Job, CallError>;

    /// The domain ID of each name, in order; `None` where the account does not hold it.
    fn find_domains(&self, names: &[String]) -> anyhow::Result<Vec<Option<u64>>>;

    /// The name of every domain of the account (as the server spells it, unchecked), in
    /// the order the API lists them, paged past every page limit.
    fn all_domains(&self) -> anyhow::Result<Paged<String>>;

    /// The records of `domain` (only those of `hosts`, where the API can filter; callers
    /// filter again), each once; `None` when the account does not hold the domain.
    fn domain_records(
        &self,
        domain: &str,
        hosts: &[String],
    ) -> anyhow::Result<Option<Paged<AccountRecord>>>;

    /// The request a submit would send, credentials redacted, for `--dry-run`.
    fn preview(&self, spec: &JobSpec) -> DryRun;

    /// What this API does as batch jobs, and how large: deletions are jobs (a
    /// [`JobSpec::RecordDelete`] through [`Backend::submit`], API 3.0's DeleteRecordBatch)
    /// or, where `delete_job_records` is `None`, one [`Backend::remove_record`] a record
    /// (the legacy API has no batch deletion).
    fn capabilities(&self) -> Capabilities;

    /// Deletes one record of a domain at once, where deletions are not jobs. A change like
    /// a submit: sent once and never repeated (any failure after the request may have left
    /// is a [`ChangeError::Unknown`]), paced under the API's rate; a record or domain that
    /// is not there is a [`ChangeError::Refused`] of kind `NotFound`.
    fn remove_record(&self, domain_id: u64, record_id: u64) -> Result<(), ChangeError>;

    /// Creates the record a create step wants, every field set (on the legacy API a
    /// remark takes a second call, Record.Remark): its new ID, which a failure of that
    /// second call carries too ([`CreateError::made`]). A change, sent once like
    /// [`Backend::remove_record`], paced under the action's rate.
    fn create_record(&self, step: &Step) -> Result<u64, CreateError>;

    /// Gives the record of a modify step every field of its `after`, sending every field
    /// (an omitted one may be reset). A change, sent once like [`Backend::remove_record`];
    /// a record that is not there any more is a refusal of kind `NotFound`.
    fn modify_record(&self, step: &Step) -> Result<(), ChangeError>;

    /// Deletes the record of a delete step at once (API 3.0's DeleteRecord, which needs
    /// the domain's name; the legacy API's Record.Remove). A change, sent once like
    /// [`Backend::remove_record`]; a record not there any more is a `NotFound` refusal.
    fn delete_record(&self, step: &Step) -> Result<(), ChangeError>;

    /// The first request a step sent as a call makes, credentials redacted, for
    /// `--dry-run`.
    fn preview_step(&self, step: &Step) -> DryRun;
}

/// The record a create step sends; not sent when the step lacks it (a hand-edited
/// history).
pub(crate) fn created(step: &Step) -> Result<&Record, ChangeError> {
    step.after.as_ref().ok_or_else(|| unsendable(step))
}

/// The record ID of a delete step; not sent when the step lacks one.
pub(crate) fn deleted(step: &Step) -> Result<u64, ChangeError> {
    step.record_id.ok_or_else(|| unsendable(step))
}

/// The record ID, the record as it is and as it will be, of a modify step; not sent when
/// the step lacks one.
pub(crate) fn modified(step: &Step) -> Result<(u64, &Record, &Record), ChangeError> {
    match (step.record_id, &step.before, &step.after) {
        (Some(id), Some(before), Some(after)) => Ok((id, before, after)),
        _ => Err(unsendable(step)),
    }
}

fn unsendable(step: &Step) -> ChangeError {
    ChangeError::NotSent(anyhow::anyhow!(t!(
        "backend.unsendable_step",
        action = step.action.name(),
        domain = crate::escape::visible(&step.domain)
    )))
}

/// Language of the API's messages: dpbatch's own, chosen once for both.
pub(crate) use crate::i18n::Lang;

/// A request as `--dry-run` shows it: everything that would be sent, credentials redacted.
pub(crate) struct DryRun {
    pub method: &'static str,
    pub url: String,
    pub user_agent: String,
    pub content_type: &'static str,
    /// The form (legacy), empty when the request has a JSON body.
    pub form: Vec<(&'static str, String)>,
    /// Headers the API reads beside the form or body, after `Content-Type` (API 3.0's
    /// `Authorization` and `X-TC-*`); empty for the legacy API.
    pub headers: Vec<(&'static str, String)>,
    /// The exact JSON body (API 3.0).
    pub body: Option<String>,
}
