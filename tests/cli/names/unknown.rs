//! Names the account does not hold, refused as the real API refuses them: Domain.Info
//! with 13, Record.List with 13 or the vendor's 9. Every one is listed (exit 2), and a
//! bad token (10002) stops at the first request.

use crate::support::Env;
use fake_dnspod::{Config, DEFAULT_TOKEN};

#[test]
fn unknown_names_are_all_listed_and_nothing_is_submitted() {
    let env = Env::new();
    env.server.add_domain("a.cn");
    let run = env
        .record_create()
        .domains("a.cn,nope.cn,gone.cn")
        .record("A", "1.1.1.1")
        .run();
    run.code(2)
        .stderr_has("nope.cn, gone.cn")
        .stderr_has("nothing was submitted");
    let one = env
        .record_create()
        .domains("nope.cn")
        .record("A", "1.1.1.1")
        .run();
    one.code(2).stderr_has("this domain is not in this account");
    assert!(env.requests("Batch.Record.Create").is_empty());
}

#[test]
fn an_unknown_domain_in_a_dry_run_exits_2_naming_it() {
    let env = Env::new();
    env.server.add_domain("a.cn");
    env.record_create()
        .domains("unknown.example")
        .record("A", "1.2.3.4")
        .dry_run()
        .run()
        .code(2)
        .stderr_has(
            "this domain is not in this account, so nothing was submitted: unknown.example",
        );
    assert_eq!(env.requests("Domain.Info").len(), 1);
    assert!(env.requests("Batch.Record.Create").is_empty());
}

#[test]
fn every_unknown_name_is_asked_and_listed_after_a_first_domain_list_page() {
    let env = Env::new();
    let seeded = env.server.add_domains("p", 7000);
    // After the first page two names are left and two pages: Domain.Info for each.
    let run = env
        .record_create()
        .domains("p00001.example,nope1.example,nope2.example")
        .record("A", "1.2.3.4")
        .run();
    run.code(2)
        .stderr_has("these domains are not in this account")
        .stderr_has("nope1.example, nope2.example");
    assert!(!run.stderr.contains(&seeded[0].to_string()), "{run:#?}");
    assert_eq!(env.requests("Domain.List").len(), 1);
    let mut asked: Vec<_> = env
        .requests("Domain.Info")
        .iter()
        .map(|r| r.param("domain").unwrap_or_default().to_owned())
        .collect();
    // Asked side by side, so in either order; the error lists them in the user's.
    asked.sort();
    assert_eq!(asked, ["nope1.example", "nope2.example"]);
    assert!(env.requests("Batch.Record.Create").is_empty());
}

#[test]
fn a_selection_over_unknown_domains_lists_them_all_under_either_code() {
    for code in ["13", "9"] {
        let env = Env::with(Config {
            record_list_unknown_domain: code,
            ..Config::default()
        });
        let a = env.server.add_domain("a.cn");
        env.server.add_record(a, "www", "A", "默认", "1.1.1.1");
        env.record_modify()
            .domains("nope.cn,a.cn,gone.cn")
            .select("www", "A")
            .change("ttl", 60)
            .run()
            .code(2)
            .stderr_has(
                "these domains are not in this account, so nothing was submitted: nope.cn, gone.cn",
            );
        assert_eq!(env.requests("Record.List").len(), 3, "code {code}");
        assert!(env.requests("Batch.Record.Modify").is_empty());
    }
}

#[test]
fn a_bad_token_gets_10002_the_token_hint_and_no_second_request() {
    let env = Env::new();
    env.server.add_domain("a.cn");
    let (id, _) = DEFAULT_TOKEN.split_once(',').unwrap();
    let run = env
        .record_create()
        .domains("a.cn,b.cn")
        .record("A", "1.2.3.4")
        .env("DNSPOD_TOKEN", format!("{id},not-the-secret"))
        .run();
    run.code(3)
        .stderr_has("code 10002")
        .stderr_has("hint: check the token (ID,TOKEN)");
    assert_eq!(env.server.requests().len(), 1, "{run:#?}");
}
