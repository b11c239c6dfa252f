use super::*;
use crate::backend::v3::client::parse_answer;
use crate::job::Action as StepAction;

fn body(request: &Request) -> String {
    String::from_utf8(request.body.clone()).unwrap()
}

fn weighted() -> Record {
    Record {
        line: "电信".into(),
        ttl: 60,
        weight: Some(30),
        enabled: false,
        remark: "主站".into(),
        ..Record::new("www", "A", "1.2.3.4")
    }
}

fn step(action: StepAction, before: Option<Record>, after: Option<Record>) -> Step {
    Step {
        action,
        domain: "a.cn".into(),
        domain_id: 7,
        record_id: before.as_ref().map(|_| 99),
        before,
        after,
    }
}

#[test]
fn a_create_sets_weight_status_and_remark_in_one_call() {
    let create = step(StepAction::Create, None, Some(weighted()));
    let request = create_request(&create, &weighted());
    assert_eq!(request.action.name(), "CreateRecord");
    assert_eq!(
        body(&request),
        r#"{"Domain":"a.cn","DomainId":7,"SubDomain":"www","RecordType":"A","RecordLine":"电信","Value":"1.2.3.4","TTL":60,"Weight":30,"Status":"DISABLE","Remark":"主站"}"#
    );
    assert_eq!(call_request(&create), request);
}

#[test]
fn a_modify_sends_every_field() {
    let after = Record {
        weight: None,
        mx: Some(5),
        ..weighted()
    };
    let modify = step(StepAction::Modify, Some(weighted()), Some(after.clone()));
    let request = modify_request(&modify, 99, &weighted(), &after);
    assert_eq!(request.action.name(), "ModifyRecord");
    assert_eq!(
        body(&request),
        r#"{"Domain":"a.cn","DomainId":7,"RecordId":99,"SubDomain":"www","RecordType":"A","RecordLine":"电信","Value":"1.2.3.4","MX":5,"TTL":60,"Weight":0,"Status":"DISABLE","Remark":"主站"}"#
    );
    assert_eq!(call_request(&modify), request);
}

#[test]
fn a_batch_gives_each_record_its_own_fields() {
    let plain = Record::new("@", "TXT", "v=spf1 -all");
    let steps = [
        step(StepAction::Modify, Some(weighted()), Some(plain.clone())),
        step(StepAction::Create, None, Some(plain.clone())),
        step(StepAction::Modify, Some(plain.clone()), Some(weighted())),
    ];
    let request = batch_request(&steps);
    assert_eq!(request.action.name(), "ModifyRecordBatchV3");
    assert_eq!(
        body(&request),
        concat!(
            r#"{"ModifyRecordList":["#,
            r#"{"RecordId":99,"SubDomain":"@","RecordType":"TXT","RecordLine":"默认","Value":"v=spf1 -all","Enabled":"1","Remark":"","Weight":0,"TTL":600},"#,
            r#"{"RecordId":99,"SubDomain":"www","RecordType":"A","RecordLine":"电信","Value":"1.2.3.4","Enabled":"0","Remark":"主站","Weight":30,"TTL":60}"#,
            "]}"
        )
    );
}

#[test]
fn a_creates_answer_gives_its_record_id_loosely() {
    for body in [
        r#"{"Response":{"RecordId":162,"RequestId":"ab4f1426-ea15-42ea-8183-dc1b44151166"}}"#,
        r#"{"Response":{"RecordId":"162","RequestId":null}}"#,
    ] {
        let (_, created) = parse_answer::<Created>(Action::CreateRecord, body.as_bytes());
        assert_eq!(created.unwrap().record_id, 162);
    }
    let (_, refused) = parse_answer::<Created>(
        Action::CreateRecord,
        br#"{"Response":{"Error":{"Code":"InvalidParameter.DomainRecordExist","Message":"exists"},"RequestId":"x"}}"#,
    );
    assert!(refused.is_err());
}

#[test]
fn a_modify_record_batch_v3_detail_reads_whatever_its_job_type() {
    use crate::backend::v3::wire::{TaskDetail, Wrapped};
    // Its JobType is undocumented: a word dpbatch does not know, or none, reads the same.
    for job_type in [
        r#""JobType": "record_modify_v3","#,
        r#""JobType": null,"#,
        "",
    ] {
        let body = format!(
            r#"{{"Response": {{"DetailList": [{{"Domain": "a.cn", "DomainId": 7, "Status": "ok",
                "RecordList": [{{"RecordId": "99", "SubDomain": "www", "RecordType": "A",
                "RecordLine": "电信", "Value": "1.2.3.4", "TTL": 60, "Status": "ok",
                "Enabled": "0", "Weight": 30, "Remark": "主站"}},
                {{"RecordId": 100, "Status": "error", "ErrMsg": "bad"}}]}}],
                {job_type} "TotalCount": 3, "RequestId": "r"}}}}"#
        );
        let job = serde_json::from_str::<Wrapped<TaskDetail>>(&body)
            .unwrap()
            .response
            .into_job();
        assert_eq!(job.kind, None);
        let tally = job.tally();
        assert_eq!((tally.ok, tally.failed, tally.finished()), (2, 1, true));
        assert_eq!(job.domains[0].records[0].record_id, Some(99));
    }
}

#[test]
fn a_delete_names_its_domain_and_record() {
    let gone = step(StepAction::Delete, Some(weighted()), None);
    let request = call_request(&gone);
    assert_eq!(request.action.name(), "DeleteRecord");
    assert_eq!(
        body(&request),
        r#"{"Domain":"a.cn","DomainId":7,"RecordId":99}"#
    );
}
