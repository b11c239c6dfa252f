use super::*;
use crate::backend::mock::MockBackend;
use crate::job::Record;

/// A record as the look-ups list it.
fn record(name: &str, record_type: &str, line: &str, value: &str) -> AccountRecord {
    Record {
        line: line.into(),
        ..Record::new(name, record_type, value)
    }
    .listed(1)
}

#[test]
fn selectors_match_host_type_line_and_value() {
    let selector = Selector {
        domains: vec!["a.cn".into()],
        hosts: vec!["www".into(), "@".into()],
        record_type: "A".into(),
        line: None,
        value_is: Some("1.1.1.1".into()),
    };
    assert!(selector.matches(&record("WWW", "a", "默认", "1.1.1.1")));
    assert!(selector.matches(&record("@", "A", "电信", "1.1.1.1")));
    assert!(!selector.matches(&record("api", "A", "默认", "1.1.1.1")));
    assert!(!selector.matches(&record("www", "AAAA", "默认", "1.1.1.1")));
    assert!(!selector.matches(&record("www", "A", "默认", "2.2.2.2")));
    let on_line = Selector {
        line: Some("电信".into()),
        value_is: None,
        ..selector
    };
    assert!(!on_line.matches(&record("www", "A", "默认", "1.1.1.1")));
    assert!(on_line.matches(&record("www", "A", "电信", "9.9.9.9")));
}

fn mock() -> MockBackend {
    let mut backend = MockBackend::default();
    backend.domains.insert("a.cn".into(), 25);
    backend.domains.insert("alias.cn".into(), 25);
    backend.domains.insert("b.cn".into(), 26);
    let with_id = |id, name: &str| AccountRecord {
        id,
        ..record(name, "A", "默认", "1.1.1.1")
    };
    backend
        .records
        .insert("a.cn".into(), vec![with_id(1, "www"), with_id(2, "api")]);
    // The same record seen again through another domain's listing.
    backend
        .records
        .insert("b.cn".into(), vec![with_id(1, "www"), with_id(3, "www")]);
    backend
}

#[test]
fn the_accounts_names_are_checked_and_each_taken_once() {
    let listed = Paged {
        entries: ["a.cn", "A.CN", "bad name.cn", "b.cn"]
            .map(String::from)
            .to_vec(),
        short: None,
    };
    let mut gaps = Vec::new();
    let names = account_domains(listed, |gap| gaps.push(gap));
    assert_eq!(names, ["a.cn", "b.cn"]);
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    assert_eq!(gaps[0], "skipped `a.cn`: the server listed it twice");
    assert!(gaps[1].contains("`bad name.cn`"), "{gaps:?}");
}

#[test]
fn every_unknown_name_is_listed_and_ids_are_sent_once() {
    let backend = mock();
    let names = ["a.cn", "alias.cn", "b.cn"].map(String::from);
    assert_eq!(domain_ids(&backend, &names).unwrap(), [25, 26]);
    let names = ["x.cn", "a.cn", "y.cn"].map(String::from);
    let err = domain_ids(&backend, &names).unwrap_err().to_string();
    assert!(
        err.ends_with(
            "these domains are not in this account, so nothing was submitted: x.cn, y.cn"
        ),
        "{err}"
    );
}

#[test]
fn a_selection_takes_each_matching_record_once_and_lists_unknown_domains() {
    let backend = mock();
    let selector = Selector {
        domains: vec!["a.cn".into(), "b.cn".into()],
        hosts: vec!["www".into()],
        record_type: "A".into(),
        line: None,
        value_is: None,
    };
    let ids: Vec<u64> = select_records(&backend, &selector, 4, &|| {})
        .unwrap()
        .records
        .iter()
        .map(|s| s.record.id)
        .collect();
    assert_eq!(ids, [1, 3]);
    // Each domain once; 4 workers look them up in whatever order they get to them.
    let mut lookups = backend.lookups.lock().unwrap().clone();
    lookups.sort();
    assert_eq!(lookups, ["records a.cn", "records b.cn"]);
    let selector = Selector {
        domains: vec!["nope.cn".into(), "a.cn".into(), "gone.cn".into()],
        ..selector
    };
    let err = select_records(&backend, &selector, 1, &|| {})
        .unwrap_err()
        .to_string();
    assert!(err.ends_with(": nope.cn, gone.cn"), "{err}");
}

#[test]
fn in_order_hands_on_each_listing_in_order_and_looks_up_only_a_few_rounds_ahead() {
    let mut backend = MockBackend::default();
    let domains: Vec<String> = (0..100).map(|n| format!("d{n}.cn")).collect();
    for domain in &domains[..99] {
        backend
            .records
            .insert(domain.clone(), vec![record("www", "A", "默认", "1.1.1.1")]);
    }
    let lookups = Lookups {
        workers: 3,
        looked_up: &|| {},
        unknown_means: NotDone::Written,
    };
    let mut used = Vec::new();
    let err = lookups
        .in_order(&backend, &domains, &[], |domain, paged| {
            // Holding the account first would have looked every domain up by now.
            let asked = backend.lookups.lock().unwrap().len();
            assert!(
                asked <= used.len() + 3 * AHEAD,
                "{asked} asked before {domain}"
            );
            used.push(domain.to_owned());
            assert_eq!(paged.entries.len(), 1);
            Ok(())
        })
        .unwrap_err();
    assert_eq!(used, domains[..99]);
    assert!(
        err.to_string().contains("so nothing was written: d99.cn"),
        "{err}"
    );
}
