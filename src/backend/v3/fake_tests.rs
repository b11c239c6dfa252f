//! Deletion jobs through the API 3.0 backend against the fake server in this process, on
//! loopback: DeleteRecordBatch signed and sent once, its job read by DescribeBatchTask.

use super::*;
use crate::error::exit_code;
use crate::job::{ItemStatus, JobKind};
use crate::secret::test_keys;
use fake_dnspod::{FakeDnspod, Fault};

fn backend(server: &FakeDnspod) -> V3Backend {
    V3Backend::new(Options {
        endpoint: Endpoint::parse(&server.url()).unwrap(),
        credentials: Some(test_keys(
            fake_dnspod::DEFAULT_SECRET_ID.into(),
            fake_dnspod::DEFAULT_SECRET_KEY.into(),
            None,
        )),
        lang: Lang::En,
        user_agent: "dpbatch/test (test@example.com)".into(),
        request_timeout: Duration::from_secs(5),
        trace: None,
        clock: || {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
        },
        lookup_jobs: 1,
    })
    .unwrap()
}

/// A fake with one domain and two records.
fn account() -> (FakeDnspod, [u64; 2]) {
    let server = FakeDnspod::start();
    let domain = server.add_domain("a.cn");
    let records = [
        server.add_record(domain, "www", "A", "默认", "1.1.1.1"),
        server.add_record(domain, "m", "A", "默认", "1.1.1.2"),
    ];
    (server, records)
}

#[test]
fn a_delete_job_is_submitted_once_and_read_as_a_record_delete_job() {
    let (server, [www, m]) = account();
    let backend = backend(&server);
    assert_eq!(backend.capabilities().delete_job_records, Some(2000));
    let spec = JobSpec::RecordDelete {
        record_ids: vec![www, 999_999],
        domain_ids: Vec::new(),
    };
    let submitted = backend.submit(&spec).unwrap();
    assert!(submitted.before.is_empty());
    let sent = &server.requests()[0];
    assert_eq!(sent.action, "DeleteRecordBatch");
    assert_eq!(sent.body, format!(r#"{{"RecordIdList":[{www},999999]}}"#));
    server.finish_all();
    let job = backend.detail(submitted.job_id, None).unwrap();
    assert_eq!(job.kind, Some(JobKind::RecordDelete));
    assert_eq!(job.kind.map(JobKind::as_str), Some("record_delete"));
    let records: Vec<_> = job.domains.iter().flat_map(|d| &d.records).collect();
    let ok: Vec<_> = records
        .iter()
        .filter(|r| r.status == ItemStatus::Ok)
        .map(|r| (r.record_id, r.operation.as_deref()))
        .collect();
    assert_eq!(ok, [(Some(www), Some("remove"))]);
    assert!(records.iter().any(|r| r.status == ItemStatus::Error));
    let left: Vec<u64> = server.user_records().iter().map(|r| r.id).collect();
    assert_eq!(left, [m]);
    assert_eq!(server.count("DeleteRecordBatch"), 1);
}

#[test]
fn a_delete_job_whose_answer_is_lost_is_unknown_and_not_sent_again() {
    for fault in [
        Fault::Drop,
        Fault::V3Error {
            code: "InternalError".into(),
            message: "busy".into(),
        },
    ] {
        let (server, [www, _]) = account();
        server.inject("DeleteRecordBatch", fault.clone());
        let spec = JobSpec::RecordDelete {
            record_ids: vec![www],
            domain_ids: Vec::new(),
        };
        let err = backend(&server).submit(&spec).unwrap_err();
        assert!(matches!(err, ChangeError::Unknown(_)), "{fault:?}: {err:?}");
        assert_eq!(exit_code(&err.into()), 1);
        assert_eq!(server.count("DeleteRecordBatch"), 1, "{fault:?}");
    }
}

#[test]
fn deletions_are_jobs_so_no_removal_is_sent_and_none_is_previewed() {
    let (server, [www, _]) = account();
    let backend = backend(&server);
    let err = anyhow::Error::from(backend.remove_record(1, www).unwrap_err());
    assert!(format!("{err:#}").contains("DeleteRecordBatch"), "{err:#}");
    let preview = backend.preview(&JobSpec::RecordDelete {
        record_ids: vec![www],
        domain_ids: Vec::new(),
    });
    assert_eq!(
        preview.body.unwrap(),
        format!(r#"{{"RecordIdList":[{www}]}}"#)
    );
    assert!(
        preview
            .headers
            .contains(&("X-TC-Action", "DeleteRecordBatch".to_owned()))
    );
    assert!(server.requests().is_empty());
    assert_eq!(server.user_records().len(), 2);
}
