//! Names instead of IDs: record-create resolves domain names (Domain.List or Domain.Info,
//! whichever costs fewer requests), record-modify selects records through Record.List.

use crate::support::{Api, Env, form, ids};

mod paging;
mod unknown;

#[test]
fn several_names_cost_one_domain_list_and_keep_their_order() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    let b = env.server.add_domain("b.cn");
    env.record_create()
        .domains("b.cn,A.CN,b.cn")
        .record("A", "1.1.1.1")
        .run()
        .code(0);
    assert_eq!(env.requests("Domain.List").len(), 1);
    assert!(env.requests("Domain.Info").is_empty());
    let sent = env.requests("Batch.Record.Create");
    assert_eq!(sent[0].param("domain_id"), Some(ids(&[b, a]).as_str()));
}

#[test]
fn one_name_costs_one_domain_info() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    env.record_create()
        .domains("a.cn")
        .record("TXT", "x")
        .run()
        .code(0);
    assert_eq!(env.requests("Domain.Info").len(), 1);
    assert!(env.requests("Domain.List").is_empty());
    assert_eq!(
        env.requests("Batch.Record.Create")[0].param("domain_id"),
        Some(a.to_string().as_str())
    );
}

#[test]
fn unicode_and_punycode_names_both_match() {
    let env = Env::new();
    let ours = env.server.add_domain("我们.cn");
    let other = env.server.add_domain("例子.cn");
    env.record_create()
        .domains("xn--vnqp08b.cn,例子.cn")
        .record("A", "1.1.1.1")
        .run()
        .code(0);
    let sent = env.requests("Batch.Record.Create");
    assert_eq!(
        sent[0].param("domain_id"),
        Some(ids(&[ours, other]).as_str())
    );
}

#[test]
fn names_come_from_a_file_or_stdin_and_dry_run_shows_the_ids() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    let b = env.server.add_domain("b.cn");
    let run = env
        .record_create()
        .args(["--domain-file", "-"])
        .record("A", "1.1.1.1")
        .dry_run()
        .arg("-v")
        .stdin("# ours\na.cn\nb.cn\n")
        .run();
    run.code(0)
        .stdout_has(&format!("domain_id={}", ids(&[a, b])));
    assert!(env.requests("Batch.Record.Create").is_empty());
}

/// Two domains with `www` and `@` A records; returns (a.cn www, a.cn @, b.cn www, b.cn @) ids.
fn two_domains(env: &Env) -> [u64; 4] {
    let a = env.server.add_domain("a.cn");
    let b = env.server.add_domain("b.cn");
    [
        env.server.add_record(a, "www", "A", "默认", "1.1.1.1"),
        env.server.add_record(a, "@", "A", "默认", "1.1.1.1"),
        env.server.add_record(b, "www", "A", "默认", "2.2.2.2"),
        env.server.add_record(b, "@", "A", "默认", "1.1.1.1"),
    ]
}

#[test]
fn a_selection_is_shown_on_stderr_and_submitted_by_id() {
    let env = Env::new();
    let [a_www, _, b_www, _] = two_domains(&env);
    env.server.add_record(
        env.server.add_domain("c.cn"),
        "www",
        "CNAME",
        "默认",
        "x.example.",
    );
    let run = env
        .record_modify()
        .domains("a.cn,b.cn")
        .select("www", "A")
        .change("value", "9.9.9.9")
        .run();
    run.code(0).stderr_has("2 records selected: 2 to change");
    assert!(run.job_id() > 0, "stdout keeps only the job id");
    let lists = env.requests("Record.List");
    assert_eq!(lists.len(), 2, "one Record.List per domain");
    assert_eq!(
        lists[0].param("sub_domain"),
        Some("www"),
        "one host: the server filters"
    );
    let sent = env.requests("Batch.Record.Modify");
    assert_eq!(
        form(&sent[0])[4..],
        [
            format!("record_id={}", ids(&[a_www, b_www])),
            "change=value".into(),
            "change_to=9.9.9.9".into()
        ]
    );
}

#[test]
fn value_is_finds_and_replaces_across_domains() {
    let env = Env::new();
    let [a_www, a_apex, _, b_apex] = two_domains(&env);
    env.record_modify()
        .domains("a.cn,b.cn")
        .select("www,@", "A")
        .args(["--value-is", "1.1.1.1"])
        .change("value", "5.6.7.8")
        .run()
        .code(0);
    let lists = env.requests("Record.List");
    assert!(
        lists.iter().all(|r| r.param("sub_domain").is_none()),
        "several hosts: filtered here"
    );
    let sent = env.requests("Batch.Record.Modify");
    assert_eq!(
        sent[0].param("record_id"),
        Some(ids(&[a_www, a_apex, b_apex]).as_str())
    );
}

#[test]
fn value_is_finds_an_address_dnspod_lists_with_a_trailing_dot_and_a_host_in_any_case() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let domain = env.server.add_domain("a.cn");
        let dotted = env
            .server
            .add_record(domain, "WWW", "A", "默认", "1.1.1.1.");
        let other = env.server.add_record(domain, "api", "A", "默认", "1.1.1.2");
        let run = env
            .record_modify()
            .domains("a.cn")
            .select("www,api", "A")
            .args(["--value-is", "1.1.1.1"])
            .change("value", "5.6.7.8")
            .dry_run()
            .json()
            .run();
        run.code(0);
        let ids: Vec<u64> = run
            .dry_result()
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["record_id"].as_u64().unwrap())
            .collect();
        assert_eq!(ids, [dotted], "{api:?}, not {other}");
    }
}

#[test]
fn records_already_at_the_target_are_skipped_and_reported() {
    let env = Env::new();
    let [_, _, b_www, _] = two_domains(&env);
    let run = env
        .record_modify()
        .domains("a.cn,b.cn")
        .select("www", "A")
        .change("value", "1.1.1.1")
        .run();
    run.code(0)
        .stderr_has("skip: already there")
        .stderr_has("skipping 1 of 2 selected records");
    assert_eq!(
        env.requests("Batch.Record.Modify")[0].param("record_id"),
        Some(b_www.to_string().as_str())
    );
    // When every selected record is there already, nothing is sent at all.
    let none = env
        .record_modify()
        .domains("a.cn")
        .select("@", "A")
        .change("ttl", 600)
        .run();
    assert!(none.code(0).stdout.is_empty(), "{none:#?}");
    assert_eq!(env.requests("Batch.Record.Modify").len(), 1);
}

#[test]
fn a_value_that_differs_only_as_dns_ignores_is_already_there() {
    let env = Env::new();
    let a = env.server.add_domain("a.cn");
    env.server
        .add_record(a, "www", "CNAME", "默认", "Target.example.");
    env.server
        .add_record(a, "txt", "TXT", "默认", "\"v=spf1 -all\"");
    for (host, record_type, to) in [
        ("www", "CNAME", "target.example"),
        ("txt", "TXT", "v=spf1 -all"),
    ] {
        let run = env
            .record_modify()
            .domains("a.cn")
            .select(host, record_type)
            .change("value", to)
            .run();
        assert!(run.code(0).stdout.is_empty(), "{run:#?}");
        run.stderr_has("skip: already there");
    }
    assert!(env.requests("Batch.Record.Modify").is_empty());
}

#[test]
fn an_empty_selection_is_an_error_and_nothing_is_submitted() {
    let env = Env::new();
    two_domains(&env);
    env.record_modify()
        .domains("a.cn")
        .select("mail", "MX")
        .change("mx", 5)
        .run()
        .code(2)
        .stderr_has("no MX record named mail in a.cn matches");
    env.record_modify()
        .domains("a.cn,zz.cn")
        .select("www", "A")
        .change("ttl", 60)
        .run()
        .code(2)
        .stderr_has("zz.cn");
    assert!(env.requests("Batch.Record.Modify").is_empty());
}

#[test]
fn dry_run_prints_the_selection_on_stdout_and_stops() {
    let env = Env::new();
    let [a_www, ..] = two_domains(&env);
    let run = env
        .record_modify()
        .domains("a.cn")
        .select("www", "A")
        .change("ttl", 60)
        .dry_run()
        .json()
        .run();
    let (summary, _) = run.code(0).dry_json();
    assert_eq!(summary["summary"]["records"], 1);
    assert_eq!(summary["summary"]["domains"], 1);
    let selection = run.dry_result();
    assert_eq!(selection[0]["record_id"], a_www);
    assert_eq!(selection[0]["ttl"], 600);
    assert_eq!(selection[0]["skip"], false);
    assert!(
        selection[0]["mx"].is_null(),
        "Record.List's mx \"0\" means none: {selection}"
    );
    assert!(env.requests("Batch.Record.Modify").is_empty());
}

#[test]
fn two_spellings_of_one_domain_are_one_domain() {
    let env = Env::new();
    let id = env.server.add_domain("例子.cn");
    let record = env.server.add_record(id, "www", "A", "默认", "1.1.1.1");
    env.record_create()
        .domains("例子.cn,XN--FSQU00A.cn")
        .record("A", "2.2.2.2")
        .run()
        .code(0);
    assert_eq!(
        env.requests("Domain.Info").len(),
        1,
        "one name, one look-up"
    );
    assert_eq!(
        env.requests("Batch.Record.Create")[0].param("domain_id"),
        Some(id.to_string().as_str())
    );
    env.record_modify()
        .domains("xn--fsqu00a.cn,例子.cn")
        .select("www", "A")
        .change("ttl", 60)
        .run()
        .code(0);
    assert_eq!(env.requests("Record.List").len(), 1);
    assert_eq!(
        env.requests("Batch.Record.Modify")[0].param("record_id"),
        Some(record.to_string().as_str())
    );
}

#[test]
fn selection_filters_beside_record_ids_are_refused() {
    let env = Env::new();
    env.record_modify()
        .record_ids("1")
        .args(["--value-is", "1.1.1.1"])
        .change("value", "2.2.2.2")
        .run()
        .code(2)
        .stderr_has("--value-is");
    env.assert_nothing_sent();
}

#[test]
fn an_empty_domain_file_names_the_flags_to_use() {
    let env = Env::new();
    let empty = env.file("none.txt", "# nobody\n");
    env.record_create()
        .args(["--domain-file", empty.to_str().unwrap()])
        .record("A", "1.1.1.1")
        .run()
        .code(2)
        .stderr_has("pass --domain NAMES");
    env.assert_nothing_sent();
}

#[test]
fn a_selection_leaves_dnspods_own_ns_records_out_with_a_note() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = env.server.add_domain("a.cn");
        let own = env
            .server
            .add_record(id, "@", "NS", "默认", "ns1.example.net.");
        let run = env
            .record_modify()
            .domains("a.cn")
            .select("@", "NS")
            .change("ttl", 3600)
            .wait()
            .fast()
            .run();
        run.code(0)
            .stderr_has(
                "left out 2 NS records of DNSPod's own, which DNSPod manages and no job may change",
            )
            .stderr_has("1 record selected: 1 to change");
        let ns: Vec<(u64, u32, bool)> = env
            .server
            .records()
            .iter()
            .map(|r| (r.id, r.ttl, r.system))
            .collect();
        assert_eq!(ns.len(), 3);
        assert!(
            ns[..2]
                .iter()
                .all(|&(_, ttl, system)| system && ttl == 86_400),
            "{api:?}: {ns:?}"
        );
        assert_eq!(ns[2], (own, 3600, false), "{api:?}");
    }
}
