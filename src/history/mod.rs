//! The job history: one JSON line per submitted job in the user's data directory
//! (`~/.local/share/dpbatch/jobs.jsonl` on Linux), for `jobs`, `--last`, `retry` and
//! `resume`. It holds what was asked for, never the token. The jobs of an operation split
//! into several share an operation tag, and read back as one [`Operation`].

mod before_dir;
mod before_file;
mod calls;
mod check;
mod file;
mod kinds;
mod lock;
mod newest;
mod operation;
mod prune;
mod queries;
mod tail;
mod v0_1;

pub(crate) use calls::{CallEnd, Calls, Removed};
pub(crate) use file::{History, MAX_LINE, create_private_dir};
pub(crate) use kinds::{Parts, listed};
pub(crate) use lock::OperationLock;
pub(crate) use newest::newest;
pub(crate) use operation::{Operation, OperationId, OperationTag, operations};
pub(crate) use queries::Ledger;
#[cfg(test)]
pub(crate) use v0_1::spec_from_params;

use crate::job::{Before, JobSpec};
use rust_i18n::t;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

/// Which account a job belongs to: job ids mean something only there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Account {
    /// `legacy` or, with API 3.0, `v3`.
    pub api: &'static str,
    pub endpoint: String,
    pub profile: Option<String>,
    /// The credential's public part (a token's ID), never its secret.
    pub credential: Option<String>,
}

/// One submitted job.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(try_from = "StoredEntry")]
pub(crate) struct Entry {
    /// `None` when the submit's outcome is unknown: it may have made a job, whose id is lost.
    pub job_id: Option<u64>,
    /// The command whose operation it is a part of: `domain-create`, `record-create`,
    /// `record-modify`, `undo`; what it asked, and so its kind, is the spec's.
    pub action: String,
    /// What the job asked for.
    pub spec: JobSpec,
    pub api: String,
    pub endpoint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
    pub profile: Option<String>,
    /// Seconds since the Unix epoch.
    pub submitted_at: u64,
    /// The job this one retries, for `retry` to send only what no earlier retry sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<u64>,
    /// The operation this job is a part of, when it was split into several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<OperationTag>,
    /// Of a record-modify job, its records as they were before it, for `undo`; of a
    /// deletion, the records it deletes, whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Vec<Before>>,
    /// Where a large `before` is kept instead: a file of its own beside the history, read
    /// back only by what needs it ([`History::load_before`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_file: Option<String>,
    /// Of a part sent one call a record (no job, so no `job_id`), how each call ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls: Option<Calls>,
}

/// A line as stored: dpbatch 0.1 wrote the legacy form parameters (`params`) where later
/// versions write the spec, and knew only the legacy API.
#[derive(Deserialize)]
struct StoredEntry {
    job_id: Option<u64>,
    action: String,
    spec: Option<JobSpec>,
    params: Option<BTreeMap<String, String>>,
    api: Option<String>,
    endpoint: String,
    credential: Option<String>,
    profile: Option<String>,
    submitted_at: u64,
    retry_of: Option<u64>,
    operation: Option<OperationTag>,
    before: Option<Vec<Before>>,
    before_file: Option<String>,
    calls: Option<Calls>,
}

impl TryFrom<StoredEntry> for Entry {
    type Error = String;

    fn try_from(stored: StoredEntry) -> Result<Entry, String> {
        let spec = match (stored.spec, &stored.params) {
            (Some(spec), _) => spec,
            (None, Some(params)) => v0_1::spec_from_params(&stored.action, params)
                .ok_or("the parameters of a 0.1 entry do not read")?,
            (None, None) => return Err("an entry without spec".into()),
        };
        Ok(Entry {
            job_id: stored.job_id,
            action: stored.action,
            spec,
            api: stored.api.unwrap_or_else(|| "legacy".to_owned()),
            endpoint: stored.endpoint,
            credential: stored.credential,
            profile: stored.profile,
            submitted_at: stored.submitted_at,
            retry_of: stored.retry_of,
            operation: stored.operation,
            before: stored.before,
            before_file: stored.before_file,
            calls: stored.calls,
        })
    }
}

impl Entry {
    /// An entry for a submit to `account` now; `job_id` `None` when its outcome is unknown.
    pub(crate) fn new(job_id: Option<u64>, spec: &JobSpec, account: &Account) -> Entry {
        Entry {
            job_id,
            action: spec.command().to_owned(),
            spec: spec.clone(),
            api: account.api.to_owned(),
            endpoint: account.endpoint.clone(),
            credential: account.credential.clone(),
            profile: account.profile.clone(),
            submitted_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            retry_of: None,
            operation: None,
            before: None,
            before_file: None,
            calls: None,
        }
    }

    /// Whether the job was submitted to this account: same API, endpoint and profile, and
    /// the same credential. A line of dpbatch 0.1 names no credential, so it could be any
    /// token's: it belongs to no account (`jobs` still lists it). A run without
    /// credentials sends nothing (a dry run), so any credential's line is its.
    pub(crate) fn is_for(&self, account: &Account) -> bool {
        let same_credential = match (&self.credential, &account.credential) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(ours), Some(theirs)) => ours == theirs,
        };
        self.api == account.api
            && self.endpoint == account.endpoint
            && self.profile == account.profile
            && same_credential
    }
}

/// `2026-11-24 09:40:05 UTC` from Unix seconds.
pub(crate) fn format_utc(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map_or_else(
            || t!("history.unix_seconds", secs = secs).into_owned(),
            |at| at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::job::{Change, ChangeField};

    fn account(profile: Option<&str>) -> Account {
        Account {
            api: "legacy",
            endpoint: "https://dnsapi.cn".into(),
            profile: profile.map(str::to_owned),
            credential: Some("520001".into()),
        }
    }

    fn ttl_spec() -> JobSpec {
        JobSpec::RecordModify {
            record_ids: vec![7],
            change: Change {
                field: ChangeField::Ttl,
                to: "60".into(),
                value: None,
                mx: None,
            },
        }
    }

    #[test]
    fn entries_round_trip_and_bad_lines_are_skipped() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(&dir.path().join("sub").join("jobs.jsonl"));
        assert_eq!(
            history.read().unwrap(),
            (Vec::new(), file::Skipped::default()),
            "a missing file is an empty history"
        );
        let domains = JobSpec::DomainCreate {
            domains: vec!["a.cn".into()],
            value: None,
        };
        let first = Entry::new(Some(1), &domains, &account(None));
        let second = Entry::new(None, &ttl_spec(), &account(Some("work")));
        history.append(&first).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(history.path())
            .unwrap()
            .write_all(b"{\"job_id\": \n")
            .unwrap();
        history.append(&second).unwrap();
        let (entries, skipped) = history.read().unwrap();
        assert_eq!(entries, [first, second]);
        assert_eq!(skipped.unreadable, 1);
    }

    #[test]
    fn lines_written_by_version_0_1_still_read() {
        let line = r#"{"job_id":5,"action":"record-modify","params":{"change":"ttl","change_to":"60","record_id":"7"},"endpoint":"https://dnsapi.cn","profile":null,"submitted_at":1795512005}"#;
        let entry: Entry = serde_json::from_str(line).unwrap();
        assert_eq!(entry.spec, ttl_spec());
        assert_eq!((entry.job_id, entry.api.as_str()), (Some(5), "legacy"));
        assert!(
            !entry.is_for(&account(None)),
            "no credential recorded: it could be any token's, so it is none's"
        );
        let dry_run = Account {
            credential: None,
            ..account(None)
        };
        assert!(!entry.is_for(&dry_run));
    }

    #[test]
    fn entries_belong_to_an_account() {
        let entry = Entry::new(Some(1), &ttl_spec(), &account(Some("work")));
        assert!(entry.is_for(&account(Some("work"))));
        assert!(!entry.is_for(&account(None)));
        let other_token = Account {
            credential: Some("520002".into()),
            ..account(Some("work"))
        };
        assert!(!entry.is_for(&other_token));
        let other_endpoint = Account {
            endpoint: "http://127.0.0.1:8053".into(),
            ..account(Some("work"))
        };
        assert!(!entry.is_for(&other_endpoint));
    }

    #[test]
    fn utc_times_are_civil_dates() {
        assert_eq!(format_utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(format_utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(format_utc(1_795_512_005), "2026-11-24 09:20:05 UTC");
    }
}
