//! `record-create --records-file` against hostile or odd files: values a zone file must
//! keep as written, escapes no value can hold, directives it does not follow, a quoted
//! CSV header on stdin, and a huge name echoed once and cut short.

use crate::support::{Api, Env, FAST};

fn import(env: &Env, file: &str, domain: &str) -> crate::support::Run {
    let mut args = vec!["record-create", "--records-file", file, "--domain", domain];
    args.extend(FAST);
    args.push("--wait");
    env.run(&args)
}

/// The values of the domain's records of this type, as the fake holds them.
fn values(env: &Env, domain: u64, record_type: &str) -> Vec<String> {
    let mut values: Vec<String> = env
        .server
        .records()
        .into_iter()
        .filter(|r| r.domain_id == domain && r.record_type == record_type)
        .map(|r| r.value)
        .collect();
    values.sort();
    values
}

#[test]
fn https_and_svcb_values_survive_an_export_and_a_zone_import_unchanged() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let from = env.server.add_domain("src.example");
        let https = "1 . alpn=\"h2,h3\" ipv4hint=192.0.2.1";
        let svcb = "1 svc.src.example. alpn=h2\\,h3 port=\"8443\"";
        env.server.add_record(from, "@", "HTTPS", "默认", https);
        env.server.add_record(from, "_svc", "SVCB", "默认", svcb);
        let to = env.server.add_domain("copy.example");
        let out = env.home().join("zones");
        let out = out.to_str().unwrap();
        let export = ["export", "--domain", "src.example", "--format", "zone"];
        env.run(&[&export[..], &["--out", out]].concat()).code(0);
        import(&env, &format!("{out}/src.example.zone"), "copy.example").code(0);
        assert_eq!(values(&env, to, "HTTPS"), [https], "{api:?}");
        assert_eq!(values(&env, to, "SVCB"), [svcb], "{api:?}");
    }
}

#[test]
fn an_escape_for_a_control_character_is_refused_named_and_nothing_is_sent() {
    for api in Api::BOTH {
        let env = Env::on(api);
        env.server.add_domain("zone.example");
        let file = env.file("nul.zone", "@ TXT \"before\\000after\"\n");
        import(&env, file.to_str().unwrap(), "zone.example")
            .code(2)
            .stderr_has("nul.zone line 1: `\\000` stands for a control character");
        env.assert_nothing_sent();
    }
}

#[test]
fn include_and_generate_with_more_arguments_are_not_supported() {
    let env = Env::new();
    let text = "$INCLUDE other.zone sub.zone.example.\n$GENERATE 1-3 host$ A 192.0.2.$\n";
    let file = env.file("dir.zone", text);
    import(&env, file.to_str().unwrap(), "zone.example")
        .code(2)
        .stderr_has("dir.zone line 1: $INCLUDE is not supported")
        .stderr_has("dir.zone line 2: $GENERATE is not supported");
    env.assert_nothing_sent();
}

#[test]
fn a_csv_on_stdin_with_a_quoted_header_is_read_as_csv() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let id = env.server.add_domain("sheet.example");
        let text = "\"domain\",\"sub_domain\",\"record_type\",\"value\"\r\n\
                    \"sheet.example\",\"www\",\"A\",\"192.0.2.7\"\r\n";
        env.record_create()
            .args(["--records-file", "-"])
            .stdin(text)
            .wait()
            .fast()
            .run()
            .code(0);
        assert_eq!(values(&env, id, "A"), ["192.0.2.7"], "{api:?}");
    }
}

#[test]
fn a_huge_owner_name_is_named_once_and_cut_short() {
    let env = Env::new();
    let owner = "x".repeat(10 << 20);
    for (name, text) in [
        ("long.zone", format!("{owner} A 192.0.2.1\n")),
        (
            "long.csv",
            format!("domain,sub_domain,record_type,value\na.example,{owner},A,192.0.2.1\n"),
        ),
    ] {
        let file = env.file(name, &text);
        let run = import(&env, file.to_str().unwrap(), "a.example");
        run.code(2)
            .stderr_has(&format!("... ({} bytes in all)", owner.len()));
        assert!(
            run.stderr.len() < 4096,
            "{name}: {} bytes",
            run.stderr.len()
        );
        assert_eq!(run.stderr.matches("xxxxxxxxxx...").count(), 1, "{name}");
    }
    env.assert_nothing_sent();
}

/// A CSV of one `www` A record on each of `count` domains `d00001.example`, ...
fn rows_for_domains(count: usize) -> String {
    let mut text = "domain,sub_domain,record_type,value\n".to_owned();
    for n in 1..=count {
        text.push_str(&format!("d{n:05}.example,www,A,192.0.2.1\n"));
    }
    text
}

#[test]
fn a_file_needing_more_jobs_than_an_hour_allows_is_refused_before_any_look_up() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let file = env.file("many.csv", &rows_for_domains(81));
        let mut args = vec!["record-create", "--records-file", file.to_str().unwrap()];
        args.extend(["--job-size", "1"]);
        env.run(&args)
            .code(2)
            .stderr_has("this operation needs 81 jobs of at most 1 records")
            .stderr_has("use --job-size 2 or more");
        env.assert_nothing_sent();
    }
}

#[test]
fn unknown_domains_of_a_file_are_named_up_to_twenty_and_counted_past_them() {
    for api in Api::BOTH {
        let env = Env::on(api);
        let file = env.file("unknown.csv", &rows_for_domains(25));
        let run = env.run(&["record-create", "--records-file", file.to_str().unwrap()]);
        run.code(2)
            .stderr_has("so nothing was submitted: d00001.example, d00002.example, d00003.example");
        assert!(
            run.stderr.contains("d00020.example and 5 more\n"),
            "{api:?}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("d00021.example"), "{api:?}");
    }
}
