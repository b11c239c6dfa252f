//! `export` against a hostile or careless server and a hostile output directory: domain
//! names that climb out of `--out`, planted symlinks, totals the pages fall short of, names
//! and values a zone file would obey, and CSV cells a spreadsheet would run.

use crate::support::{Api, Env};
use fake_dnspod::{Config, Totals};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// A domain with an A record at `www`; returns its ID.
fn domain(env: &Env, name: &str) -> u64 {
    let id = env.server.add_domain(name);
    env.server.add_record(id, "www", "A", "默认", "192.0.2.1");
    id
}

/// A file only its owner may read, holding `precious`.
fn victim(path: &Path) {
    std::fs::write(path, "precious").unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[test]
fn domain_names_from_the_server_are_checked_and_no_file_leaves_the_out_directory() {
    for api in Api::BOTH {
        let env = Env::on(api);
        domain(&env, "p1.example");
        domain(&env, "../victim");
        domain(&env, "evil.example\n$INCLUDE /etc/passwd");
        let out = env.home().join("out");
        std::fs::create_dir(&out).unwrap();
        victim(&out.join("victim.zone"));
        let dir = out.join("zones");
        let run = env.export_zones(&dir);
        run.code(1)
            .stderr_has("skipped a domain the server listed: invalid domain `../victim`")
            .stderr_has(r"invalid domain `evil.example\n$include /etc/passwd`")
            .stderr_has("exported 3 records, 2 as comments, of 1 domain")
            .stderr_has("the export is incomplete: it lacks what the 2 warnings above name");
        assert_eq!(read(&out.join("victim.zone")), "precious", "{api:?}");
        assert_eq!(listing(&out), ["victim.zone", "zones"]);
        assert_eq!(listing(&dir), ["p1.example.zone"], "{api:?}");
        assert_eq!(mode(&dir), 0o700, "created for the account's records alone");
        let lines = run.stderr.lines();
        assert!(lines.clone().all(|l| l.starts_with("dpbatch: ")), "{run:?}");
        // The skipped names are never asked for.
        assert_eq!(env.calls("Record.List").len(), 1, "{api:?}");
    }
}

#[test]
fn a_planted_symlink_beside_the_output_is_never_written_through_and_files_are_0600() {
    let env = Env::new();
    domain(&env, "p1.example");
    let dir = env.home().join("zones");
    std::fs::create_dir(&dir).unwrap();
    let (one, two) = (env.home().join("one"), env.home().join("two"));
    victim(&one);
    victim(&two);
    // The names of the temporary files the export used to write.
    symlink(&one, dir.join(".p1.example.zone.dpbatch-tmp")).unwrap();
    let file = env.home().join("records.jsonl");
    symlink(&two, env.home().join(".records.jsonl.dpbatch-tmp")).unwrap();
    env.export_zones(&dir).code(0);
    env.run(&["export", "--all", "--out", file.to_str().unwrap()])
        .code(0);
    assert_eq!(
        (read(&one), read(&two)),
        ("precious".into(), "precious".into())
    );
    assert!(read(&dir.join("p1.example.zone")).contains("www IN A 192.0.2.1"));
    assert!(read(&file).contains(r#""sub_domain":"www""#));
    assert_eq!(
        (mode(&dir.join("p1.example.zone")), mode(&file)),
        (0o600, 0o600)
    );
    // Nothing left behind but what was planted.
    assert_eq!(
        listing(&dir),
        [".p1.example.zone.dpbatch-tmp", "p1.example.zone"]
    );
    // An earlier export is replaced whole, and stays the user's alone.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.run(&["export", "--all", "--out", file.to_str().unwrap()])
        .code(0);
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn an_export_short_of_the_total_the_server_claims_warns_and_exits_1() {
    for api in Api::BOTH {
        let env = Env::with_on(
            Config {
                totals: Totals::Overstated(2),
                page_limit: 2,
                ..Config::default()
            },
            api,
        );
        let id = domain(&env, "p1.example");
        env.server
            .add_record(id, "@", "MX", "默认", "mx.p1.example.");
        env.server.add_record(id, "api", "A", "默认", "192.0.2.2");
        let run = env.run(&["export", "--domain", "p1.example"]);
        run.code(1)
            // www, MX, api and DNSPod's two NS records.
            .stderr_has("p1.example: the server listed 5 records of the 7 it claims")
            .stderr_has("exported 5 records of 1 domain to stdout")
            .stderr_has("the export is incomplete");
        assert_eq!(run.stdout.lines().count(), 5, "{api:?}");
        let all = env.run(&["export", "--all"]);
        all.code(1)
            .stderr_has("the account: the server listed 1 domain of the 3 it claims");
    }
}

#[test]
fn without_totals_full_pages_are_followed_to_the_end() {
    for api in Api::BOTH {
        let env = Env::with_on(
            Config {
                totals: Totals::Missing,
                ..Config::default()
            },
            api,
        );
        let id = env.server.add_domain("big.example");
        for n in 0..3001 {
            env.server
                .add_record(id, &format!("h{n}"), "A", "默认", "192.0.2.7");
        }
        let run = env.run(&["export", "--domain", "big.example"]);
        // And DNSPod's two NS records.
        run.code(0).stderr_has("exported 3003 records of 1 domain");
        assert_eq!(run.stdout.lines().count(), 3003, "{api:?}");
    }
}

#[test]
fn owner_names_and_types_a_zone_file_would_obey_are_comments() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = domain(&env, "p1.example");
        env.server
            .add_record(id, "$INCLUDE /etc/passwd", "A", "默认", "192.0.2.2");
        env.server.add_record(id, "a b", "A", "默认", "192.0.2.3");
        env.server
            .add_record(id, "$ORIGIN", "A", "默认", "192.0.2.4");
        env.server
            .add_record(id, "x", "A\n$INCLUDE /etc/shadow", "默认", "192.0.2.5");
        env.server
            .add_record(id, "y", "A", "电信\n$INCLUDE /etc/group", "192.0.2.6");
        let dir = env.home().join("zones");
        let run = env.export_zones(&dir);
        run.code(0)
            .stderr_has("exported 8 records, 7 as comments, of 1 domain");
        let text = read(&dir.join("p1.example.zone"));
        let directives: Vec<&str> = text.lines().filter(|l| l.starts_with('$')).collect();
        assert_eq!(directives, ["$ORIGIN p1.example.", "$TTL 600"], "{text}");
        for line in [
            "; a host name zone files cannot hold: $INCLUDE /etc/passwd IN A 192.0.2.2",
            "; a host name zone files cannot hold: a b IN A 192.0.2.3",
            "; a host name zone files cannot hold: $ORIGIN IN A 192.0.2.4",
            r"; a record type zone files cannot hold: x IN A\n$INCLUDE /etc/shadow 192.0.2.5",
            r#";dpbatch line="电信\010$INCLUDE /etc/group" y IN A 192.0.2.6"#,
        ] {
            assert!(text.lines().any(|l| l == line), "{line}\n{text}");
        }
    }
}

#[test]
fn a_caa_value_with_a_semicolon_inside_quotes_is_a_record_and_annotations_are_counted() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = domain(&env, "p1.example");
        let caa = r#"0 issue "ca.example; accounturi=https://ca.example/acct/1""#;
        env.server.add_record(id, "@", "CAA", "默认", caa);
        env.server
            .add_record(id, "@", "CAA", "默认", r#"0 issue "ca.example" ; x"#);
        let dir = env.home().join("zones");
        let run = env.export_zones(&dir);
        run.code(0)
            .stderr_has("exported 5 records, 3 as comments, of 1 domain");
        let text = read(&dir.join("p1.example.zone"));
        assert!(
            text.lines().any(|l| l == format!("@ IN CAA {caa}")),
            "{text}"
        );
        // Read back, the values are the same: the one BIND cannot load from its annotation.
        let copy = env.server.add_domain("p2.example");
        let file = dir.join("p1.example.zone");
        let mut args = vec!["record-create", "--records-file", file.to_str().unwrap()];
        args.extend(["--domain", "p2.example", "--wait"]);
        args.extend(crate::support::FAST);
        env.run(&args).code(0);
        let copied: Vec<String> = env
            .server
            .records()
            .into_iter()
            .filter(|r| r.domain_id == copy && r.record_type == "CAA")
            .map(|r| r.value)
            .collect();
        let odd = r#"0 issue "ca.example" ; x"#;
        assert_eq!(copied, [caa, odd], "{api:?}");
        assert!(
            text.lines()
                .any(|l| l == r#";dpbatch value="0 issue \"ca.example\" ; x" @ IN CAA"#),
            "{text}"
        );
    }
}

#[test]
fn csv_cells_a_spreadsheet_would_run_are_kept_exactly_with_one_warning() {
    let env = Env::new();
    let id = domain(&env, "p1.example");
    let formula = r#"=HYPERLINK("http://evil.example","x")"#;
    let txt = env.server.add_record(id, "@", "TXT", "默认", formula);
    env.server.change_record(txt, |r| r.remark = "+1 -2".into());
    env.server.add_record(id, "-x", "A", "默认", "192.0.2.9");
    let file = env.home().join("records.csv");
    let run = env.run(&[
        "export",
        "--all",
        "--format",
        "csv",
        "--out",
        file.to_str().unwrap(),
    ]);
    run.code(0);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("warning"))
        .collect();
    assert_eq!(
        warnings,
        [
            "dpbatch: warning: 3 cells begin with =, +, -, @, a tab or a carriage return, which a spreadsheet may run as a formula; they are written exactly (README: \"Opening a CSV export in a spreadsheet\")"
        ],
        "{run:?}"
    );
    let text = read(&file);
    assert!(
        text.contains(r#","=HYPERLINK(""http://evil.example"",""x"")","#),
        "{text}"
    );
    assert!(text.contains(",+1 -2,false\r\n"), "{text}");
    // The apex's `@` alone is no formula, and is in every account.
    let apex_only = Env::new();
    let id = domain(&apex_only, "p2.example");
    apex_only
        .server
        .add_record(id, "@", "A", "默认", "192.0.2.1");
    let run = apex_only.run(&["export", "--all", "--format", "csv"]);
    run.code(0);
    assert!(!run.stderr.contains("warning"), "{run:?}");
}
