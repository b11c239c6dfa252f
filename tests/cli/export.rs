//! `export`: every record of the domains named or of the whole account, past every page
//! limit, as JSON Lines, CSV or zone files, on both APIs; nothing written when a domain
//! is unknown.

use crate::support::{Api, Env};
use fake_dnspod::Config;
use std::path::Path;

/// An account of `domains` domains of three records each (an A with a remark, an MX, a
/// long TXT), listed `page_limit` entries a page. Returns the domains' names.
fn account(env: &Env, domains: usize) -> Vec<String> {
    (1..=domains)
        .map(|n| {
            let name = format!("p{n}.example");
            let id = env.server.add_domain(&name);
            let www = env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
            env.server
                .change_record(www, |r| r.remark = format!("web {n}"));
            env.server
                .add_record(id, "@", "MX", "默认", "mx.p.example.");
            env.server
                .add_record(id, "@", "TXT", "默认", &format!("v={}", "x".repeat(300)));
            name
        })
        .collect()
}

fn small_pages(api: Api) -> Env {
    Env::with_on(
        Config {
            page_limit: 2,
            ..Config::default()
        },
        api,
    )
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_domain_and_record_of_an_account_past_one_page_is_exported_as_jsonl() {
    for api in Api::BOTH {
        let env = small_pages(api);
        account(&env, 5);
        let run = env.run(&["export", "--all"]);
        run.code(0)
            .stderr_has("exported 25 records of 5 domains to stdout");
        let rows: Vec<serde_json::Value> = run
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(rows.len(), 25, "{api:?}");
        // DNSPod's two NS records first, marked; then the three the test added.
        let ns = (&rows[0]["record_type"], &rows[0]["ttl"], &rows[0]["system"]);
        assert_eq!(ns, (&"NS".into(), &86_400.into(), &true.into()), "{api:?}");
        assert_eq!(rows[1]["value"], "f1g1ns2.dnspod.net.");
        assert_eq!(rows[2]["domain"], "p1.example");
        assert_eq!(
            (&rows[2]["remark"], &rows[2]["system"]),
            (&"web 1".into(), &false.into())
        );
        assert_eq!(rows[2]["mx"], serde_json::Value::Null);
        assert_eq!((&rows[3]["mx"], &rows[3]["ttl"]), (&5.into(), &600.into()));
        assert_eq!(rows[4]["value"], format!("v={}", "x".repeat(300)));
        assert_eq!(rows[24]["domain"], "p5.example");
        // Five domains two a page, and each domain's five records two a page.
        assert_eq!(env.calls("Domain.List").len(), 3, "{api:?}");
        assert_eq!(env.calls("Record.List").len(), 15, "{api:?}");
    }
}

#[test]
fn a_domain_of_more_records_than_the_vendor_pages_is_exported_whole() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = env.server.add_domain("big.example");
        for n in 0..3001 {
            env.server
                .add_record(id, &format!("h{n}"), "A", "默认", "192.0.2.7");
        }
        let out = env.home().join("big.jsonl");
        let out = out.to_str().unwrap();
        env.run(&["export", "--domain", "big.example", "--out", out])
            .code(0);
        let text = read(Path::new(out));
        assert_eq!(
            text.lines().count(),
            3003,
            "{api:?}: and DNSPod's two NS records"
        );
        assert!(
            text.lines()
                .last()
                .unwrap()
                .contains(r#""sub_domain":"h3000""#)
        );
        assert_eq!(env.calls("Record.List").len(), 2, "{api:?}");
    }
}

#[test]
fn csv_has_a_header_and_a_row_a_record_with_rfc_4180_quoting() {
    for api in Api::BOTH {
        let env = small_pages(api);
        let names = account(&env, 3).join(",");
        let id = env.server.add_domain("q.example");
        let txt = env
            .server
            .add_record(id, "@", "TXT", "默认", "v=spf1 a, \"quoted\"");
        env.server.change_record(txt, |r| r.enabled = false);
        let out = env.home().join("records.csv");
        let names = format!("{names},q.example");
        let run = env.run(&[
            "export",
            "--domain",
            &names,
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ]);
        run.code(0).stderr_has("exported 18 records of 4 domains");
        assert!(run.stdout.is_empty(), "{run:?}");
        let text = read(&out);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "domain,record_id,sub_domain,record_type,line,value,ttl,mx,weight,enabled,remark,system"
        );
        assert!(lines[1].starts_with("p1.example,"), "{}", lines[1]);
        // The weight's cell between `before` and `after`: a number or empty (the fake
        // lists weights on some records as DNSPod's answers since 2017 do).
        let has = |line: &str, before: &str, after: &str| {
            let (_, rest) = line.split_once(before).unwrap_or_else(|| panic!("{line}"));
            let weight = rest.strip_suffix(after).unwrap_or_else(|| panic!("{line}"));
            assert!(
                weight.bytes().all(|b| b.is_ascii_digit()),
                "{api:?}: {line}"
            );
        };
        has(
            lines[1],
            ",@,NS,默认,f1g1ns1.dnspod.net.,86400,,",
            ",true,,true",
        );
        has(lines[3], ",www,A,默认,192.0.2.1,600,,", ",true,web 1,false");
        has(lines[4], ",@,MX,默认,mx.p.example.,600,5,", ",true,,false");
        has(
            lines[18],
            ",@,TXT,默认,\"v=spf1 a, \"\"quoted\"\"\",600,,",
            ",false,,false",
        );
        assert_eq!(lines.len(), 20, "a header, 18 rows and the last CRLF");
    }
}

#[test]
fn zone_files_are_one_per_domain_with_relative_names_and_comments_for_what_bind_cannot_load() {
    for api in Api::BOTH {
        let env = small_pages(api);
        account(&env, 3);
        let id = env.server.add_domain("例子.cn");
        env.server.add_record(id, "www", "A", "电信", "192.0.2.8");
        let paused = env
            .server
            .add_record(id, "api", "CNAME", "默认", "www.例子.cn");
        env.server.change_record(paused, |r| r.enabled = false);
        env.server.add_record(id, "@", "A", "默认", "192.0.2.9");
        let dir = env.home().join("zones");
        let run = env.export_zones(&dir);
        run.code(0)
            .stderr_has("exported 20 records, 10 as comments, of 4 domains");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                "p1.example.zone",
                "p2.example.zone",
                "p3.example.zone",
                "xn--fsqu00a.cn.zone"
            ]
        );
        let p1 = read(&dir.join("p1.example.zone"));
        // The weights the fake lists on some records (as DNSPod's answers since 2017 do)
        // are annotations too; the remark is the one this test set.
        let lines: Vec<String> = p1
            .lines()
            .skip(1)
            .map(|l| l.replace(" weight=10", "").replace(" ;dpbatch", "\0"))
            .map(|l| l.trim_end_matches('\0').replace('\0', " ;dpbatch"))
            .collect();
        let txt = format!("\"v={}\" \"{}\"", "x".repeat(253), "x".repeat(47));
        assert_eq!(
            lines,
            [
                "$ORIGIN p1.example.",
                "$TTL 600",
                "; DNSPod's own name server, which DNSPod manages: @ 86400 IN NS f1g1ns1.dnspod.net.",
                "; DNSPod's own name server, which DNSPod manages: @ 86400 IN NS f1g1ns2.dnspod.net.",
                "www IN A 192.0.2.1 ;dpbatch remark=\"web 1\"",
                "@ IN MX 5 mx.p.example.",
                &format!("@ IN TXT {txt}"),
            ]
        );
        let idn = read(&dir.join("xn--fsqu00a.cn.zone"));
        assert!(
            idn.contains("\n;dpbatch line=\"电信\" www IN A 192.0.2.8"),
            "{idn}"
        );
        assert!(
            idn.lines().any(|l| l.starts_with(";dpbatch enabled=false ")
                && l.ends_with(" api IN CNAME www.例子.cn.")),
            "{idn}"
        );
        assert!(idn.contains("\n@ IN A 192.0.2.9\n"), "{idn}");
        assert!(!idn.contains(" IN SOA "), "{idn}");
    }
}

#[test]
fn unknown_domains_are_all_named_and_nothing_is_written() {
    for api in Api::BOTH {
        let env = Env::on(api);
        account(&env, 1);
        let out = env.home().join("never.jsonl");
        let run = env.run(&[
            "export",
            "--domain",
            "nope.example,p1.example,gone.example",
            "--out",
            out.to_str().unwrap(),
        ]);
        run.code(2).stderr_has(
            "these domains are not in this account, so nothing was written: nope.example, gone.example",
        );
        assert!(run.stdout.is_empty(), "{run:?}");
        assert!(!out.exists(), "{api:?}");
        assert_eq!(
            std::fs::read_dir(env.home())
                .unwrap()
                .filter(|e| e
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    // The staged file's prefix (src/export/files.rs).
                    .starts_with(".dpbatch-"))
                .count(),
            0,
            "no staged file left behind"
        );
    }
}

#[test]
fn zone_output_needs_a_directory_and_nothing_is_asked_without_one() {
    let env = Env::new();
    env.run(&["export", "--all", "--format", "zone"])
        .code(2)
        .stderr_has("--out");
    env.run(&["export", "--domain", "a..cn"])
        .code(2)
        .stderr_has("a..cn");
    env.assert_nothing_sent();
}

/// README's example zone file (each annotation once), as export writes it.
fn readme_zone() -> String {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("; example.cn: exported by dpbatch")
        .expect("README's example zone file");
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].to_owned()
}

#[test]
fn readmes_example_zone_file_is_what_export_writes() {
    let env = Env::new();
    let id = env.server.add_domain("example.cn");
    let www = env.server.add_record(id, "www", "A", "默认", "192.0.2.10");
    env.server.change_record(www, |r| {
        (r.weight, r.remark) = (Some(20), r#"web, "main""#.into());
    });
    env.server
        .add_record(id, "@", "MX", "默认", "mx.example.cn.");
    let txt = "v=spf1 include:spf.example.cn -all";
    let txt = env.server.add_record(id, "txt", "TXT", "默认", txt);
    env.server.change_record(txt, |r| r.ttl = 3600);
    let telecom = env.server.add_record(id, "www", "A", "电信", "192.0.2.11");
    env.server.change_record(telecom, |r| r.weight = Some(20));
    let api = env.server.add_record(id, "api", "A", "默认", "192.0.2.12");
    env.server.change_record(api, |r| r.enabled = false);
    let url = "https://example.cn/shop;ref=1";
    env.server.add_record(id, "go", "URL", "默认", url);
    let dir = env.home().join("zones");
    env.export_zones(&dir)
        .code(0)
        .stderr_has("exported 8 records, 5 as comments, of 1 domain");
    let text = std::fs::read_to_string(dir.join("example.cn.zone")).unwrap();
    let version = format!("dpbatch {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(text.replace(&version, "dpbatch 0.1.0"), readme_zone());
}
