use super::*;
use crate::job::{Change, ChangeField, ItemStatus, JobKind};

/// A DescribeBatchTask answer in the vendor's loose types: strings for numbers, `null`s,
/// a missing `RecordList`, an `MX` only on some records.
pub(crate) const TASK: &str = r#"{"Response": {
    "DetailList": [
        {"Id": 1, "Domain": "a.cn", "DomainId": "62", "DomainGrade": "DP_FREE", "Status": "ok",
         "Operation": "add", "ErrMsg": null, "RecordList": [
            {"Id": 1, "RecordId": "36", "SubDomain": "www", "RecordType": "A", "RecordLine": "默认",
             "Value": "1.2.3.4", "TTL": "600", "Status": "ok", "Operation": "add", "ErrMsg": null,
             "Enabled": 1, "Weight": "10", "Remark": ""},
            {"Id": "2", "RecordId": 90, "SubDomain": "@", "RecordType": "MX", "RecordLine": "电信",
             "Value": "mx.a.cn.", "TTL": 3600, "MX": "5", "Status": "error", "ErrMsg": "exists"}
        ]},
        {"Id": 2, "Domain": "b.cn", "DomainId": null, "Status": "running"},
        {"Id": 3, "Status": "waiting", "RecordList": null}
    ],
    "TotalCount": "5", "SuccessCount": 2, "FailCount": "1",
    "JobType": "record_add", "CreatedAt": "2026-11-30 10:00:00",
    "RequestId": "ab-12"}}"#;

/// The three submit answers: a job id (a string in one) and the echo, which is ignored.
pub(crate) const SUBMITS: [&str; 3] = [
    r#"{"Response": {"JobId": 69, "DetailList": [{"Domain": "a.cn", "Error": ""}], "RequestId": "r-1"}}"#,
    r#"{"Response": {"JobId": "70", "DetailList": null, "RequestId": "r-2"}}"#,
    r#"{"Response": {"JobId": 71, "RequestId": "r-3"}}"#,
];

fn body(spec: &JobSpec) -> (Action, String) {
    let request = submit_request(spec);
    (request.action, String::from_utf8(request.body).unwrap())
}

fn record(mx: Option<u64>) -> RecordSpec {
    RecordSpec {
        host: "www,wap".into(),
        record_type: if mx.is_some() { "MX" } else { "A" }.into(),
        line: "默认".into(),
        value: "1.1.1.1".into(),
        ttl: 600,
        mx,
    }
}

#[test]
fn domain_create_sends_the_list_and_the_optional_value() {
    let spec = JobSpec::DomainCreate {
        domains: vec!["a.cn".into(), "例子.cn".into()],
        value: Some("1.2.3.4".into()),
    };
    assert_eq!(
        body(&spec),
        (
            Action::CreateDomainBatch,
            r#"{"DomainList":["a.cn","例子.cn"],"RecordValue":"1.2.3.4"}"#.to_owned()
        )
    );
    let bare = JobSpec::DomainCreate {
        domains: vec!["a.cn".into()],
        value: None,
    };
    assert_eq!(body(&bare).1, r#"{"DomainList":["a.cn"]}"#);
}

#[test]
fn record_create_sends_domain_ids_as_strings_and_numbers_as_numbers() {
    let spec = JobSpec::RecordCreate {
        domain_ids: vec![62, 63],
        records: vec![record(None), record(Some(10))],
    };
    assert_eq!(
        body(&spec),
        (
            Action::CreateRecordBatch,
            concat!(
                r#"{"DomainIdList":["62","63"],"RecordList":["#,
                r#"{"SubDomain":"www,wap","RecordType":"A","RecordLine":"默认","Value":"1.1.1.1","TTL":600},"#,
                r#"{"SubDomain":"www,wap","RecordType":"MX","RecordLine":"默认","Value":"1.1.1.1","TTL":600,"MX":10}]}"#
            )
            .to_owned()
        )
    );
}

#[test]
fn record_modify_sends_record_ids_as_numbers_and_mx_as_a_string() {
    let change = |field, to: &str, value: Option<&str>, mx| JobSpec::RecordModify {
        record_ids: vec![36, 90, 91],
        change: Change {
            field,
            to: to.into(),
            value: value.map(str::to_owned),
            mx,
        },
    };
    assert_eq!(
        body(&change(ChangeField::Ttl, "3600", None, None)),
        (
            Action::ModifyRecordBatch,
            r#"{"RecordIdList":[36,90,91],"Change":"ttl","ChangeTo":"3600"}"#.to_owned()
        )
    );
    assert_eq!(
        body(&change(
            ChangeField::RecordType,
            "MX",
            Some("mx.a.cn."),
            Some(5)
        ))
        .1,
        r#"{"RecordIdList":[36,90,91],"Change":"record_type","ChangeTo":"MX","Value":"mx.a.cn.","MX":"5"}"#
    );
    assert_eq!(
        body(&change(ChangeField::Host, "api", None, None)).1,
        r#"{"RecordIdList":[36,90,91],"Change":"sub_domain","ChangeTo":"api"}"#
    );
}

#[test]
fn record_delete_sends_record_ids_as_numbers() {
    let spec = JobSpec::RecordDelete {
        record_ids: vec![21213, 36],
        domain_ids: Vec::new(),
    };
    assert_eq!(
        body(&spec),
        (
            Action::DeleteRecordBatch,
            r#"{"RecordIdList":[21213,36]}"#.to_owned()
        )
    );
}

/// The vendor's example answer of DeleteRecordBatch: its `RecordList` is a string of
/// JSON, which the echo (read for record-modify only) does not need.
#[test]
fn a_delete_answer_gives_its_job_id_despite_its_own_detail_shape() {
    let body = r#"{"Response": {"RequestId": "84be1418", "JobId": 1701629, "DetailList": [
        {"DomainId": 12620276, "Domain": "batchremove.com", "Error": null, "Status": "waiting",
         "Operation": "remove", "RecordList": "解析记录数组,json 序列化的形式"}]}}"#;
    let answer = serde_json::from_str::<Wrapped<SubmitAnswer>>(body)
        .unwrap()
        .response;
    assert_eq!(answer.job_id, 1701629);
    // Read as a modify's answer, the odd echo is an empty one, never a broken answer.
    let echoed = serde_json::from_str::<Wrapped<ModifyAnswer>>(body)
        .unwrap()
        .response;
    assert_eq!((echoed.job_id, echoed.echo.len()), (1701629, 0));
}

#[test]
fn detail_sends_the_job_id_as_a_number() {
    let request = detail_request(69);
    assert_eq!(request.action, Action::DescribeBatchTask);
    assert_eq!(request.body, br#"{"JobId":69}"#);
}

#[test]
fn a_loose_task_detail_becomes_the_job_model() {
    let detail: TaskDetail = serde_json::from_str::<Wrapped<TaskDetail>>(TASK)
        .unwrap()
        .response;
    assert_eq!(detail.request_id(), Some("ab-12"));
    assert!(detail.error().is_none());
    let job = detail.into_job();
    assert_eq!(job.kind, Some(JobKind::RecordCreate));
    assert_eq!(job.created_at.as_deref(), Some("2026-11-30 10:00:00"));
    assert_eq!(
        (job.total, job.success, job.fail),
        (Some(5), Some(2), Some(1))
    );
    let a = &job.domains[0];
    assert_eq!(
        (a.domain_id, a.domain_grade.as_deref()),
        (Some(62), Some("DP_FREE"))
    );
    let www = &a.records[0];
    assert_eq!(
        (www.id, www.record_id, www.ttl, www.mx),
        (Some(1), Some(36), Some(600), None)
    );
    assert_eq!(www.line.as_deref(), Some("默认"));
    let mx = &a.records[1];
    assert_eq!((mx.id, mx.ttl, mx.mx), (Some(2), Some(3600), Some(5)));
    assert_eq!(
        (mx.status, mx.err_msg.as_deref()),
        (ItemStatus::Error, Some("exists"))
    );
    assert_eq!(
        (job.domains[1].domain_id, job.domains[1].status),
        (None, ItemStatus::Running)
    );
    assert!(job.domains[2].records.is_empty() && job.domains[2].domain.is_none());
    let tally = job.tally();
    assert_eq!(
        (
            tally.total,
            tally.ok,
            tally.failed,
            tally.running,
            tally.waiting
        ),
        (5, 2, 1, 1, 1)
    );
}

#[test]
fn job_types_are_the_legacy_words() {
    let kind = |job_type: &str| {
        let body = format!(r#"{{"Response": {{"JobType": "{job_type}", "DetailList": []}}}}"#);
        serde_json::from_str::<Wrapped<TaskDetail>>(&body)
            .unwrap()
            .response
            .into_job()
            .kind
    };
    assert_eq!(kind("domain"), Some(JobKind::DomainCreate));
    assert_eq!(kind("record_add"), Some(JobKind::RecordCreate));
    assert_eq!(kind("record_modify"), Some(JobKind::RecordModify));
    assert_eq!(kind("record_delete"), Some(JobKind::RecordDelete));
    assert_eq!(kind("record_modify_v3"), None);
}

#[test]
fn an_item_without_a_known_status_does_not_read() {
    for status in [r#""paused""#, "null"] {
        let body =
            format!(r#"{{"Response": {{"DetailList": [{{"Id": 1, "Status": {status}}}]}}}}"#);
        assert!(
            serde_json::from_str::<Wrapped<TaskDetail>>(&body).is_err(),
            "{status}"
        );
    }
}

#[test]
fn submit_answers_give_their_job_ids() {
    let ids: Vec<u64> = SUBMITS
        .iter()
        .map(|body| {
            serde_json::from_str::<Wrapped<SubmitAnswer>>(body)
                .unwrap()
                .response
                .job_id
        })
        .collect();
    assert_eq!(ids, [69, 70, 71]);
}
