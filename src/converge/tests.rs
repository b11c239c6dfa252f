use super::fields::Changed;
use super::*;
use crate::input::ignore::check_ignores;
use crate::job::{Action, DEFAULT_TTL, value_key};
use proptest::prelude::*;

fn all_lines(records: &[Record]) -> Desired<'_> {
    Desired {
        records,
        lines: None,
    }
}

fn plan(desired: Desired<'_>, current: &[AccountRecord], ignore: &[&str]) -> DomainPlan {
    let ignore = check_ignores(&ignore.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    plan_domain(("a.cn", 9), desired, current, &ignore)
}

fn actions(plan: &DomainPlan) -> Vec<(Action, Option<u64>, Option<&str>)> {
    plan.steps
        .iter()
        .map(|s| {
            (
                s.action,
                s.record_id,
                s.after.as_ref().map(|a| a.value.as_str()),
            )
        })
        .collect()
}

#[test]
fn the_same_record_spelt_otherwise_is_no_change_and_a_field_is_a_modify() {
    let current = [
        Record::new("WWW", "AAAA", "2001:DB8:0::1").listed(1),
        Record::new("", "CNAME", "Target.A.cn.").listed(2),
    ];
    let desired = [
        Record::new("www", "AAAA", "2001:db8::1"),
        Record {
            ttl: 60,
            ..Record::new("@", "CNAME", "target.a.cn")
        },
    ];
    let plan = plan(all_lines(&desired), &current, &[]);
    assert_eq!(
        actions(&plan),
        [(Action::Modify, Some(2), Some("target.a.cn"))]
    );
    let step = &plan.steps[0];
    assert_eq!((step.domain.as_str(), step.domain_id), ("a.cn", 9));
    assert_eq!(step.before.as_ref().unwrap().ttl, DEFAULT_TTL);
    assert_eq!(step.after.as_ref(), Some(&desired[1]));
    let changed = changed(step.before.as_ref().unwrap(), step.after.as_ref().unwrap());
    assert_eq!(
        changed,
        [Changed {
            field: "ttl",
            old: "600".into(),
            new: "60".into()
        }]
    );
}

#[test]
fn leftovers_of_a_group_pair_in_value_order_and_the_rest_are_created_or_deleted() {
    let current = [
        Record::new("www", "A", "10.0.0.9").listed(7),
        Record::new("www", "A", "10.0.0.1").listed(5),
        Record::new("www", "A", "10.0.0.5").listed(6),
        Record::new("api", "A", "10.0.0.1").listed(8),
    ];
    let desired = [
        Record::new("www", "A", "10.0.0.5"),
        Record::new("www", "A", "10.0.0.3"),
        Record::new("mail", "A", "10.0.0.4"),
    ];
    let plan = plan(all_lines(&desired), &current, &[]);
    // www: 10.0.0.5 stays; 10.0.0.1 (the lower value) becomes 10.0.0.3; 10.0.0.9 goes.
    assert_eq!(
        actions(&plan),
        [
            (Action::Create, None, Some("10.0.0.4")),
            (Action::Modify, Some(5), Some("10.0.0.3")),
            (Action::Delete, Some(8), None),
            (Action::Delete, Some(7), None),
        ]
    );
    let changed = changed(
        plan.steps[1].before.as_ref().unwrap(),
        plan.steps[1].after.as_ref().unwrap(),
    );
    assert_eq!(changed[0].field, "value");
    assert_eq!(plan.managed, 4);
}

#[test]
fn soa_dnspods_own_ns_ignored_records_and_undescribed_lines_are_left_alone() {
    let ns = Record::new("@", "NS", "f1g1ns1.dnspod.net.");
    let mut current = vec![
        AccountRecord {
            system: true,
            ..ns.listed(1)
        },
        Record::new("@", "SOA", "f1g1ns1.dnspod.net. x 1 2 3 4 5").listed(2),
        Record::new("_acme-challenge.www", "TXT", "old").listed(3),
        (Record {
            line: "电信".into(),
            ..Record::new("www", "A", "1.1.1.1")
        })
        .listed(4),
        (Record {
            line: "联通".into(),
            ..Record::new("www", "A", "2.2.2.2")
        })
        .listed(5),
    ];
    // An export lists DNSPod's NS and the SOA too: neither is created again.
    let desired = [
        ns.clone(),
        Record::new("@", "SOA", "other"),
        Record::new("_acme-challenge", "TXT", "new"),
    ];
    let lines: BTreeSet<CompactString> = ["联通".into()].into();
    let zone = Desired {
        records: &desired,
        lines: Some(&lines),
    };
    let plan = plan(zone, &current, &["_acme-challenge*:TXT"]);
    assert_eq!(actions(&plan), [(Action::Delete, Some(5), None)]);
    assert_eq!(plan.managed, 1);
    // Every line described: the 电信 record goes as well; unignored, the TXT records too.
    current.truncate(4);
    let plan = super::tests::plan(all_lines(&desired), &current, &[]);
    assert_eq!(
        actions(&plan),
        [
            (Action::Create, None, Some("new")),
            (Action::Delete, Some(3), None),
            (Action::Delete, Some(4), None),
        ]
    );
}

fn domain_plan(managed: usize, modifies: usize, deletes: usize) -> DomainPlan {
    let step = |action| Step {
        action,
        domain: "a.cn".into(),
        domain_id: 1,
        record_id: Some(1),
        before: None,
        after: None,
    };
    let mut steps = vec![step(Action::Modify); modifies];
    steps.extend(vec![step(Action::Delete); deletes]);
    steps.push(step(Action::Create));
    DomainPlan {
        domain: "a.cn".into(),
        domain_id: 1,
        steps,
        managed,
        digest: String::new(),
        lines: None,
    }
}

#[test]
fn thresholds_refuse_large_shares_of_domains_of_ten_or_more() {
    let limits = Thresholds::default();
    assert!(refusals(&[domain_plan(10, 3, 3)], limits, true).is_empty());
    let over = refusals(&[domain_plan(10, 4, 4)], limits, true);
    assert_eq!(over.len(), 2);
    assert_eq!(
        over[0].to_string(),
        "a.cn: the plan would modify 4 of its 10 records (40%), over --max-modify 30%"
    );
    assert_eq!(over[1].action, Action::Delete);
    // Deletes that would not be carried out do not count.
    assert_eq!(refusals(&[domain_plan(10, 0, 9)], limits, false), []);
    assert_eq!(refusals(&[domain_plan(9, 9, 9)], limits, true), []);
    let loose = Thresholds {
        max_modify: 50,
        max_delete: 100,
    };
    assert_eq!(refusals(&[domain_plan(10, 5, 10)], loose, true), []);
    assert_eq!(refusals(&[domain_plan(10, 6, 0)], loose, true).len(), 1);
}

#[test]
fn the_digest_is_stable_and_sees_every_field_and_id() {
    let a = (1, Record::new("www", "A", "1.1.1.1"));
    let b = (2, Record::new("api", "A", "1.1.1.1"));
    let d = digest(&[a.clone(), b.clone()]);
    assert_eq!(d, digest(&[b.clone(), a.clone()]));
    assert_eq!(d.len(), 64);
    let paused = (
        1,
        Record {
            enabled: false,
            ..a.1.clone()
        },
    );
    assert_ne!(d, digest(&[paused, b.clone()]));
    assert_ne!(d, digest(&[(3, a.1), b]));
}

#[test]
fn a_weight_of_0_is_no_weight() {
    let weighted = |weight| Record {
        weight,
        ..Record::new("www", "A", "192.0.2.1")
    };
    for (now, want) in [(Some(0), None), (None, Some(0))] {
        let plan = plan(
            all_lines(&[weighted(want)]),
            &[weighted(now).listed(1)],
            &[],
        );
        assert_eq!(actions(&plan), [], "{now:?} → {want:?}");
    }
    // Dropping a weight is a modify, which sends 0; the record then listed plans nothing.
    let dropped = plan(
        all_lines(&[weighted(None)]),
        &[weighted(Some(10)).listed(1)],
        &[],
    );
    let step = &dropped.steps[0];
    let (before, after) = (step.before.as_ref().unwrap(), step.after.as_ref().unwrap());
    let shown = changed(before, after);
    assert_eq!(
        (shown[0].field, shown[0].old.as_str(), shown[0].new.as_str()),
        ("weight", "10", "-")
    );
    assert_eq!(after.weight_sent(Some(before)), Some(0));
    let again = plan(
        all_lines(&[weighted(None)]),
        &[weighted(Some(0)).listed(1)],
        &[],
    );
    assert!(again.steps.is_empty());
}

fn record() -> impl Strategy<Value = Record> {
    let host = prop::sample::select(vec!["@", "www", "WWW", "api"]);
    let kind = prop::sample::select(vec!["A", "TXT", "MX"]);
    let line = prop::sample::select(vec!["默认", "电信"]);
    let value = prop::sample::select(vec!["1.1.1.1", "1.1.1.1.", "2.2.2.2", "Mx.a.cn."]);
    let fields = (
        prop::sample::select(vec![600u64, 3600]),
        prop::option::of(0u64..3),
        any::<bool>(),
        prop::sample::select(vec!["", "note"]),
    );
    (host, kind, line, value, fields).prop_map(
        |(host, kind, line, value, (ttl, weight, enabled, remark))| Record {
            line: line.into(),
            ttl,
            mx: (kind == "MX").then_some(10),
            weight,
            enabled,
            remark: remark.into(),
            ..Record::new(host, kind, value)
        },
    )
}

/// A record as DNS tells records apart, with every field a plan keeps.
fn normal(
    r: &Record,
) -> (
    String,
    String,
    String,
    String,
    u64,
    Option<u64>,
    Option<u64>,
    bool,
    String,
) {
    (
        r.host.to_lowercase().to_string(),
        r.record_type.to_string(),
        r.line.to_string(),
        value_key(Some(&r.record_type), &r.value),
        r.ttl,
        r.mx,
        r.weight.filter(|w| *w != 0),
        r.enabled,
        r.remark.to_string(),
    )
}

proptest! {
    #[test]
    fn carrying_out_the_steps_gives_the_desired_records(
        desired in prop::collection::vec(record(), 0..8),
        current in prop::collection::vec(record(), 0..8),
    ) {
        // The reader refuses a record twice in a domain: one of each.
        let mut seen = BTreeSet::new();
        let desired: Vec<Record> = desired
            .into_iter()
            .filter(|r| {
                let n = normal(r);
                seen.insert((n.0, n.1, n.2, n.3))
            })
            .collect();
        let listed: Vec<AccountRecord> =
            current.iter().enumerate().map(|(id, r)| r.listed(id as u64)).collect();
        let plan = plan(all_lines(&desired), &listed, &[]);
        let mut after: Vec<Option<Record>> = current.into_iter().map(Some).collect();
        for step in &plan.steps {
            match (step.action, step.record_id) {
                (Action::Create, None) => after.push(step.after.clone()),
                // As the executor sends it: a weight dropped goes as 0.
                (Action::Modify, Some(id)) => after[id as usize] = step.after.clone().map(|a| Record {
                    weight: a.weight_sent(step.before.as_ref()),
                    ..a
                }),
                (Action::Delete, Some(id)) => after[id as usize] = None,
                other => panic!("{other:?}"),
            }
        }
        let mut got: Vec<_> = after.iter().flatten().map(normal).collect();
        let mut want: Vec<_> = desired.iter().map(normal).collect();
        got.sort();
        want.sort();
        prop_assert_eq!(got, want);
        // Nothing is left to do once they are done.
        let now: Vec<Record> = after.into_iter().flatten().collect();
        let relisted: Vec<AccountRecord> =
            now.iter().enumerate().map(|(id, r)| r.listed(id as u64)).collect();
        let again = super::tests::plan(all_lines(&desired), &relisted, &[]);
        prop_assert!(again.steps.is_empty(), "{:?}", again.steps);
    }
}
