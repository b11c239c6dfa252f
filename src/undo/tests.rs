use super::*;
use crate::job::RecordSpec;

fn record(id: u64, value: &str, ttl: u64) -> AccountRecord {
    AccountRecord {
        id,
        host: Some("www".into()),
        line: Some("默认".into()),
        record_type: Some("A".into()),
        ttl: Some(ttl),
        value: Some(value.into()),
        mx: None,
        weight: None,
        enabled: true,
        remark: None,
        system: false,
    }
}

/// The record as a detail shows it, its item ended ok.
fn item(record: &AccountRecord) -> RecordItem {
    RecordItem {
        id: Some(0),
        record_id: Some(record.id),
        host: record.host.clone(),
        record_type: record.record_type.clone(),
        line: record.line.clone(),
        value: record.value.clone(),
        ttl: record.ttl,
        mx: record.mx,
        operation: None,
        status: ItemStatus::Ok,
        err_msg: None,
    }
}

fn change(field: ChangeField, to: &str) -> Change {
    Change {
        field,
        to: to.into(),
        value: None,
        mx: None,
    }
}

#[test]
fn records_go_back_grouped_by_old_value_and_changed_or_deleted_ones_are_left() {
    let to_new = change(ChangeField::Value, "198.51.100.7");
    let befores: Vec<Before> = [
        (1, "192.0.2.1"),
        (2, "192.0.2.2"),
        (3, "192.0.2.1"),
        (4, "192.0.2.1"),
        (5, "192.0.2.1"),
    ]
    .iter()
    .map(|(id, value)| record(*id, value, 600).before("a.cn"))
    .collect();
    let now_records = [
        record(1, "198.51.100.7", 600),
        record(2, "198.51.100.7", 600),
        record(3, "198.51.100.7", 600),
        // Changed by someone else since.
        record(4, "203.0.113.9", 600),
    ];
    let now: HashMap<u64, &AccountRecord> = now_records.iter().map(|r| (r.id, r)).collect();
    // The detail lists record 1 twice: it goes back once.
    let items: Vec<RecordItem> = [1, 1, 2, 3, 4, 5, 6]
        .map(|id| item(&record(id, "198.51.100.7", 600)))
        .into();
    let changed: Vec<Changed<'_>> = items
        .iter()
        .map(|item| Changed {
            record_id: item.record_id.unwrap(),
            change: &to_new,
            before: befores.iter().find(|b| Some(b.record_id) == item.record_id),
            detail: Some(item),
        })
        .collect();
    let plan = plan(&changed, &now);
    let restored: Vec<(u64, &str)> = plan
        .restores
        .iter()
        .map(|r| (r.record_id, r.back_to.as_str()))
        .collect();
    assert_eq!(
        restored,
        [(1, "192.0.2.1"), (2, "192.0.2.2"), (3, "192.0.2.1")]
    );
    assert_eq!(plan.skipped.len(), 3, "{:?}", plan.skipped);
    assert!(plan.skipped[0].contains("record 4") && plan.skipped[0].contains("changed since"));
    assert!(plan.skipped[1].contains("record 5") && plan.skipped[1].contains("deleted since"));
    assert!(plan.skipped[2].contains("record 6") && plan.skipped[2].contains("no before-state"));
    let jobs = jobs(&plan.restores);
    let ids: Vec<Vec<u64>> = jobs
        .iter()
        .map(|j| match j {
            JobSpec::RecordModify { record_ids, change } => {
                assert_eq!(change.field, ChangeField::Value);
                record_ids.clone()
            }
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(ids, [vec![1, 3], vec![2]], "one job per old value");
}

#[test]
fn created_records_are_deleted_unless_changed_or_gone_since() {
    let made = |id, value: &str| Created {
        domain: "a.cn".into(),
        domain_id: 9,
        record_id: id,
        host: Some("www".into()),
        record_type: Some("A".into()),
        line: Some("默认".into()),
        value: Some(value.into()),
    };
    let now_records = [record(1, "192.0.2.1", 600), record(2, "203.0.113.9", 600)];
    let mut now: Now = now_records.iter().map(|r| (("a.cn", r.id), r)).collect();
    // Record 4 is another domain's: a detail that puts it on a.cn does not delete it.
    let elsewhere = record(4, "192.0.2.1", 600);
    now.insert(("b.cn", 4), &elsewhere);
    let created = vec![
        made(1, "192.0.2.1"),
        made(1, "192.0.2.1"),
        made(2, "192.0.2.1"),
        made(3, "192.0.2.1"),
        made(4, "192.0.2.1"),
    ];
    let (delete, skipped) = deletions(created, &now);
    assert_eq!(delete, [made(1, "192.0.2.1")], "listed twice, deleted once");
    assert!(skipped[0].contains("record 2") && skipped[0].contains("changed since"));
    assert!(skipped[1].contains("record 3") && skipped[1].contains("deleted already"));
    assert!(skipped[2].contains("record 4") && skipped[2].contains("not listed on it"));
}

#[test]
fn a_record_is_deleted_only_where_the_account_gives_its_domain_the_details_id() {
    let on = |domain: &str, domain_id| Created {
        domain: domain.into(),
        domain_id,
        record_id: 1,
        host: Some("www".into()),
        record_type: Some("A".into()),
        line: None,
        value: Some("192.0.2.1".into()),
    };
    let ids = HashMap::from([("a.cn".to_owned(), Some(9)), ("b.cn".to_owned(), None)]);
    let mut skipped = Vec::new();
    let kept = on_their_domains(
        vec![on("a.cn", 9), on("a.cn", 10), on("b.cn", 9), on("c.cn", 9)],
        &ids,
        &mut skipped,
    );
    assert_eq!(kept, [on("a.cn", 9)]);
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(skipped[0].contains("gives a.cn the domain ID 10, the account 9"));
}

#[test]
fn dnspods_own_ns_records_are_never_deleted_even_as_created() {
    let ns = AccountRecord {
        host: Some("@".into()),
        record_type: Some("NS".into()),
        system: true,
        ..record(1, "f1g1ns1.dnspod.net.", 86_400)
    };
    let created = Created {
        domain: "a.cn".into(),
        domain_id: 9,
        record_id: 1,
        host: Some("@".into()),
        record_type: Some("NS".into()),
        line: Some("默认".into()),
        value: Some("f1g1ns1.dnspod.net.".into()),
    };
    let (delete, skipped) = deletions(vec![created], &HashMap::from([(("a.cn", 1), &ns)]));
    assert!(delete.is_empty());
    assert!(
        skipped[0].contains("DNSPod's own NS records"),
        "{skipped:?}"
    );
}

#[test]
fn a_type_goes_back_with_its_value_and_each_field_from_its_own_state() {
    let mut mx = record(1, "mx.a.cn.", 600);
    mx.record_type = Some("MX".into());
    mx.mx = Some(10);
    let before = mx.before("a.cn");
    let back = restoring(ChangeField::RecordType, &before).unwrap();
    assert_eq!(
        (back.to.as_str(), back.value.as_deref(), back.mx),
        ("MX", Some("mx.a.cn."), Some(10))
    );
    assert_eq!(restoring(ChangeField::Ttl, &before).unwrap().to, "600");
    assert_eq!(
        restoring(ChangeField::Status, &before).unwrap().to,
        "enable"
    );
    let unknown = Before {
        enabled: None,
        ..before
    };
    assert!(restoring(ChangeField::Status, &unknown).is_err());
}

#[test]
fn a_before_state_goes_back_only_where_the_detail_agrees_the_job_changed_that_field() {
    let before = record(1, "192.0.2.1", 600).before("a.cn");
    // A TTL job as its detail shows it; its history line relabelled as a value change
    // from a value the record never had.
    let after_ttl = item(&record(1, "192.0.2.1", 60));
    let forged = Before {
        value: Some("203.0.113.66".into()),
        ..before.clone()
    };
    let relabelled = change(ChangeField::Value, "192.0.2.1");
    let why = agree::detail_agrees(&relabelled, &forged, &after_ttl).unwrap_err();
    assert!(
        why.contains("its ttl as 60, but its history line has 600"),
        "{why}"
    );
    // The truth agrees; so does a value DNSPod writes with a trailing dot, in capitals.
    agree::detail_agrees(&change(ChangeField::Ttl, "60"), &before, &after_ttl).unwrap();
    let mut cname = record(1, "Target.A.cn.", 600);
    cname.record_type = Some("CNAME".into());
    let cname_before = Before {
        value: Some("old.a.cn".into()),
        ..cname.before("a.cn")
    };
    agree::detail_agrees(
        &change(ChangeField::Value, "target.a.cn"),
        &cname_before,
        &item(&cname),
    )
    .unwrap();
    // A detail that shows the field at another value than the line says was set.
    let why =
        agree::detail_agrees(&change(ChangeField::Ttl, "120"), &before, &after_ttl).unwrap_err();
    assert!(why.contains("its ttl as 60, not the 120"), "{why}");
    // A type goes with its value and priority: MX 10 to A.
    let mut mx = record(1, "mx.a.cn.", 600);
    mx.record_type = Some("MX".into());
    mx.mx = Some(10);
    let to_a = Change {
        value: Some("192.0.2.9".into()),
        ..change(ChangeField::RecordType, "A")
    };
    let after = item(&record(1, "192.0.2.9", 600));
    agree::detail_agrees(&to_a, &mx.before("a.cn"), &after).unwrap();
}

#[test]
fn a_record_create_deletes_only_records_on_its_domains_as_its_specs_asked() {
    let spec = |hosts: &str, record_type: &str, value: &str| RecordSpec {
        host: hosts.into(),
        record_type: record_type.into(),
        line: "默认".into(),
        value: value.into(),
        ttl: 600,
        mx: None,
    };
    let specs = [
        spec("www,api", "A", "192.0.2.1"),
        spec("@", "CNAME", "Target.b.cn"),
        spec("txt", "TXT", "v=spf1 -all"),
    ];
    let made = |id, domain_id, host: &str, record_type: &str, line: &str, value: &str| Created {
        domain: "b.cn".into(),
        domain_id,
        record_id: id,
        host: Some(host.into()),
        record_type: Some(record_type.into()),
        line: Some(line.into()),
        value: Some(value.into()),
    };
    let listed = vec![
        made(1, 9, "WWW", "a", "默认", "192.0.2.1"),
        made(2, 9, "", "CNAME", "默认", "target.b.cn."),
        made(3, 9, "txt", "TXT", "默认", "\"v=spf1 -all\""),
        // The account's own apex MX, which a detail listed too.
        made(4, 9, "@", "MX", "默认", "mx.b.cn."),
        made(5, 8, "www", "A", "默认", "192.0.2.1"),
        made(6, 9, "api", "A", "电信", "192.0.2.1"),
        made(7, 9, "api", "A", "默认", "192.0.2.2"),
        made(8, 9, "txt", "TXT", "默认", "V=SPF1 -ALL"),
        Created {
            value: None,
            ..made(9, 9, "api", "A", "默认", "192.0.2.1")
        },
    ];
    let mut skipped = Vec::new();
    let asked = asked_for(listed, &[9], &specs, &mut skipped);
    let ids: Vec<u64> = asked.iter().map(|c| c.record_id).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(skipped.len(), 6, "{skipped:?}");
    assert!(skipped[0].starts_with("record 4 of b.cn (@ MX mx.b.cn.): not one the job asked for"));
}

#[test]
fn the_changed_records_are_the_detail_s_that_the_line_names_or_every_one_of_an_unknown_part() {
    let to_new = change(ChangeField::Value, "198.51.100.7");
    let befores = [record(1, "192.0.2.1", 600).before("a.cn")];
    let job = Job {
        kind: Some(crate::job::JobKind::RecordModify),
        domains: vec![crate::job::DomainItem {
            id: Some(0),
            domain: Some("a.cn".into()),
            domain_id: Some(9),
            domain_grade: None,
            operation: None,
            status: ItemStatus::Ok,
            err_msg: None,
            records: [1, 2]
                .map(|id| item(&record(id, "198.51.100.7", 600)))
                .into(),
        }],
        ..Job::default()
    };
    let mut skipped = Vec::new();
    let known = changed(&[1], &to_new, &befores, Some(&job), &mut skipped);
    assert_eq!(known.iter().map(|c| c.record_id).collect::<Vec<_>>(), [1]);
    assert!(skipped[0].starts_with(
        "record 2 of a.cn: the job's detail lists it, but its history line does not name it"
    ));
    // Of a part of unknown outcome, every record its line names, and the one that does
    // not show its change is left, saying so.
    let unknown = changed(&[1, 2], &to_new, &befores, None, &mut skipped);
    assert_eq!(unknown.len(), 2);
    let now_records = [record(1, "192.0.2.1", 600)];
    let now: HashMap<u64, &AccountRecord> = now_records.iter().map(|r| (r.id, r)).collect();
    let plan = plan(&unknown, &now);
    assert!(plan.restores.is_empty());
    assert!(
        plan.skipped[0].contains("not the part's 198.51.100.7: that part did not change it"),
        "{:?}",
        plan.skipped
    );
    assert!(plan.skipped[1].contains("no before-state"));
}
