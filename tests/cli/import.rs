//! `record-create --records-file` with an export file (JSON Lines, CSV) or a zone file:
//! the round trip through the fake, rows to the domains they name, and bad lines, every
//! one named, with nothing sent.

use crate::support::{Api, Env, FAST};
use serde_json::Value;

/// A source domain with records of several kinds; returns its name.
fn source(env: &Env) -> &'static str {
    let id = env.server.add_domain("src.example");
    env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
    env.server
        .add_record(id, "@", "MX", "默认", "mx.src.example.");
    let long = format!("v=spf1 {} -all", "include:x.example ".repeat(20));
    env.server.add_record(id, "@", "TXT", "默认", &long);
    env.server
        .add_record(id, "blog", "CNAME", "默认", "host.example.net.");
    "src.example"
}

/// The records `export` shows for `domain`, without what differs between domains.
fn exported(env: &Env, domain: &str) -> Vec<Value> {
    let run = env.run(&["export", "--domain", domain]);
    run.code(0);
    let mut rows: Vec<Value> = run
        .stdout
        .lines()
        .map(|line| {
            let mut row: Value = serde_json::from_str(line).unwrap();
            let object = row.as_object_mut().unwrap();
            object.remove("domain");
            object.remove("record_id");
            row
        })
        .collect();
    rows.sort_by_key(|row| row.to_string());
    rows
}

fn import(env: &Env, file: &str, domain: Option<&str>) -> crate::support::Run {
    let mut args = vec!["record-create", "--records-file", file, "--wait"];
    args.extend(FAST);
    if let Some(domain) = domain {
        args.extend(["--domain", domain]);
    }
    env.run(&args)
}

#[test]
fn export_then_import_onto_another_domain_gives_the_same_records_in_every_format() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let from = source(&env);
        let want = exported(&env, from);
        for (format, copy) in [
            ("jsonl", "a.example"),
            ("csv", "b.example"),
            ("zone", "c.example"),
        ] {
            env.server.add_domain(copy);
            let out = env.home().join(format!("out-{format}"));
            let out = out.to_str().unwrap();
            env.run(&["export", "--domain", from, "--format", format, "--out", out])
                .code(0);
            let file = match format {
                "zone" => format!("{out}/src.example.zone"),
                _ => {
                    let renamed = format!("{out}.{format}");
                    std::fs::rename(out, &renamed).unwrap();
                    renamed
                }
            };
            let run = import(&env, &file, Some(copy));
            run.code(0);
            // DNSPod's own NS records are marked rows, skipped, or comments of the zone.
            if format != "zone" {
                run.stderr_has("skipped 2 NS records of the apex: DNSPod manages them");
            }
            let sent = env.calls("Batch.Record.Create");
            assert!(
                sent.iter()
                    .all(|r| !format!("{:?}{}", r.form, r.body).contains("f1g1ns")),
                "{api:?} {format}: {sent:?}"
            );
            assert_eq!(exported(&env, copy), want, "{api:?} {format}");
        }
    }
}

#[test]
fn a_csv_with_the_weight_column_imports_without_the_weights_and_says_so() {
    for api in Api::BOTH {
        let env = Env::on(api);
        env.server.add_domain("w.example");
        let text = "domain,sub_domain,record_type,value,mx,weight,enabled\r\n\
                    w.example,www,A,192.0.2.1,,20,true\r\n\
                    w.example,api,A,192.0.2.2,,,true\r\n";
        let file = env.file("weights.csv", text);
        let run = import(&env, file.to_str().unwrap(), None);
        run.code(0).stderr_has(
            "line 2: the records are created without their weights, which no batch create job sets",
        );
        let hosts: Vec<String> = env
            .server
            .user_records()
            .iter()
            .map(|r| r.sub_domain.clone())
            .collect();
        assert_eq!(hosts, ["www", "api"], "{api:?}");
    }
}

#[test]
fn rows_go_to_the_domains_they_name_and_identical_sets_share_a_job() {
    for api in Api::BOTH {
        let env = Env::on(api);
        for name in ["x.example", "y.example", "z.example"] {
            env.server.add_domain(name);
        }
        let row = |domain: &str, sub: &str| {
            format!(
                r#"{{"domain":"{domain}","record_id":9,"sub_domain":"{sub}","record_type":"A","line":"默认","value":"192.0.2.5","ttl":600,"mx":null,"enabled":true,"remark":""}}"#
            )
        };
        let text = [
            row("x.example", "www"),
            row("y.example", "www"),
            row("z.example", "api"),
        ]
        .join("\n");
        let file = env.file("rows.jsonl", &text);
        let run = import(&env, file.to_str().unwrap(), None);
        run.code(0);
        let submits = env.calls("Batch.Record.Create");
        assert_eq!(submits.len(), 2, "{api:?}: x and y share one job");
        let hosts: Vec<(String, String)> = env
            .server
            .user_records()
            .iter()
            .map(|r| (r.domain_id.to_string(), r.sub_domain.clone()))
            .collect();
        assert_eq!(hosts.len(), 3, "{hosts:?}");
    }
}

#[test]
fn a_zone_file_goes_to_its_origin_with_soa_and_apex_ns_skipped_and_noted() {
    for api in Api::BOTH {
        let env = Env::on(api);
        env.server.add_domain("zone.example");
        let text = "\
$ORIGIN zone.example.
$TTL 300
@   IN SOA ns1.dnspod.net. admin.zone.example. ( 1 3600 900 604800 300 )
@   IN NS  ns1.dnspod.net.
@   IN A   192.0.2.10
www    3600 A 192.0.2.11
@   MX 10 mail
txt TXT \"part one \" \"part two\"
";
        let file = env.file("site.zone", text);
        let run = import(&env, file.to_str().unwrap(), None);
        run.code(0)
            .stderr_has("site.zone line 3: skipped the SOA record of the apex: DNSPod manages it")
            .stderr_has("site.zone line 4: skipped 1 NS record of the apex: DNSPod manages them");
        let rows: Vec<String> = env
            .server
            .user_records()
            .iter()
            .map(|r| format!("{} {} {} {}", r.sub_domain, r.ttl, r.record_type, r.value))
            .collect();
        assert_eq!(
            rows,
            [
                "@ 300 A 192.0.2.10",
                "www 3600 A 192.0.2.11",
                "@ 300 MX mail.zone.example.",
                "txt 300 TXT part one part two"
            ],
            "{api:?}"
        );
    }
}

#[test]
fn bad_lines_of_a_zone_file_are_all_named_and_nothing_is_sent() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let text = "\
$ORIGIN zone.example.
@   A 192.0.2.10
www A 192.0.2.300
    TXT ( \"fine\"
          \"still fine\" )
ptr PTR host.zone.example.
elsewhere.example. A 192.0.2.1
";
        let file = env.file("site.zone", text);
        let run = import(&env, file.to_str().unwrap(), None);
        run.code(2)
            .stderr_has("3 invalid values:")
            .stderr_has("site.zone line 3: A record value `192.0.2.300`")
            .stderr_has("site.zone line 6: record type `PTR`")
            .stderr_has("site.zone line 7: `elsewhere.example.` is not in the zone zone.example");
        env.assert_nothing_sent();
    }
}

#[test]
fn bad_rows_of_a_csv_file_are_all_named_and_nothing_is_sent() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let text = "domain,sub_domain,record_type,line,value,ttl,mx,enabled,remark\r\n\
                    good.example,www,A,默认,192.0.2.1,600,,true,\r\n\
                    good.example,@,MX,默认,mx.good.example.,600,,true,\r\n\
                    bad..example,www,A,默认,192.0.2.1,600,,true,\r\n\
                    good.example,www,A,默认,192.0.2.2,-5,,true,\r\n";
        let file = env.file("rows.csv", text);
        let run = import(&env, file.to_str().unwrap(), None);
        run.code(2)
            .stderr_has("rows.csv line 3: MX records need an MX priority")
            .stderr_has("rows.csv line 4: invalid domain `bad..example`")
            .stderr_has("rows.csv line 5: ");
        assert!(!run.stderr.contains("line 2:"), "{run:?}");
        env.assert_nothing_sent();
    }
}

#[test]
fn a_bad_zone_file_is_named_in_chinese_under_a_chinese_locale() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let text = "\
$ORIGIN zone.example.
@   IN SOA ns1.dnspod.net. admin.zone.example. ( 1 3600 900 604800 300 )
mail MX 10
www 1x A 192.0.2.1
elsewhere.example. A 192.0.2.1
;dpbatch colour=\"red\"
web A 192.0.2.2
";
        let file = env.file("site.zone", text);
        let run = env
            .dpbatch(["record-create", "--records-file", file.to_str().unwrap()])
            .env("LANG", "zh_CN.UTF-8")
            .run();
        run.code(2)
            .stderr_has("第 3 行：MX 记录需要 MX优先级和一个主机名")
            .stderr_has("第 4 行：TTL `1x` 不是秒数，也不是 1h30m 这样的时长")
            .stderr_has("第 5 行：`elsewhere.example.` 不在域名 zone.example 中")
            .stderr_has("第 6 行：未知的注解 `colour`");
        assert!(!run.stderr.contains("line 3"), "{api:?}: {}", run.stderr);
        env.assert_nothing_sent();
    }
}
