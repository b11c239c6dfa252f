//! Every input check of SPEC.md: exit 2, the bad value named, and nothing sent.

use crate::support::Env;

/// Runs `args` and asserts a usage error naming `culprit`, with no request made.
fn refused(env: &Env, args: &[&str], culprit: &str) {
    let run = env.run(args);
    run.code(2).stderr_has(culprit);
    assert!(run.stdout.is_empty(), "stdout must stay empty: {run:#?}");
    env.assert_nothing_sent();
}

#[test]
fn empty_lists_are_refused() {
    let env = Env::new();
    refused(&env, &["domain-create", ""], "empty domain name");
    refused(&env, &["domain-create"], "DOMAINS");
    let empty = env.file("empty.txt", "# none\n\n");
    refused(
        &env,
        &["domain-create", "--file", empty.to_str().unwrap()],
        "no domains",
    );
    refused(
        &env,
        &[
            "record-modify",
            "--record-id",
            "",
            "--change",
            "ttl",
            "--to",
            "1",
        ],
        "empty entry",
    );
}

#[test]
fn malformed_domain_names_are_named() {
    let env = Env::new();
    let long = format!("{}.cn", "a".repeat(64));
    let very_long = format!("{}.cn", vec!["abcdefghij"; 25].join("."));
    for name in [
        "a..cn",
        "-a.cn",
        "a-.cn",
        "a b.cn",
        long.as_str(),
        very_long.as_str(),
    ] {
        // `--` lets a name that starts with `-` through clap, as with any CLI.
        refused(&env, &["domain-create", "--", name], &format!("`{name}`"));
    }
}

#[test]
fn every_bad_line_of_a_file_is_reported_at_once() {
    let env = Env::new();
    let file = env.file("domains.txt", "good.cn\nbad..cn\n-worse.cn\n");
    let run = env.run(&["domain-create", "--file", file.to_str().unwrap()]);
    run.code(2)
        .stderr_has("2 invalid values")
        .stderr_has("line 2")
        .stderr_has("`-worse.cn`");
    env.assert_nothing_sent();
}

#[test]
fn internationalised_names_are_valid() {
    let env = Env::new();
    env.run(&["domain-create", "例子.cn,xn--fsqu00a.xn--fiqs8s"])
        .code(0);
}

#[test]
fn domain_create_value_must_be_ipv4() {
    let env = Env::new();
    refused(&env, &["domain-create", "a.cn", "--value", "::1"], "::1");
    refused(
        &env,
        &["domain-create", "a.cn", "--value", "1.2.3.400"],
        "1.2.3.400",
    );
}

#[test]
fn ids_must_be_positive_numbers() {
    let env = Env::new();
    refused(
        &env,
        &[
            "record-modify",
            "--record-id",
            "1,abc",
            "--change",
            "ttl",
            "--to",
            "60",
        ],
        "`abc`",
    );
    refused(
        &env,
        &[
            "record-modify",
            "--record-id",
            "0",
            "--change",
            "ttl",
            "--to",
            "60",
        ],
        "`0`",
    );
    refused(
        &env,
        &[
            "record-create",
            "--domain-id",
            "-3",
            "--type",
            "A",
            "--value",
            "1.1.1.1",
        ],
        "-3",
    );
    refused(&env, &["detail", "x1"], "x1");
    refused(&env, &["wait", "0"], "`0`");
}

#[test]
fn record_types_and_values_are_checked() {
    let env = Env::new();
    fn create<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        [&["record-create", "--domain-id", "1"][..], extra].concat()
    }
    refused(&env, &create(&["--type", "PTR", "--value", "x"]), "`PTR`");
    refused(
        &env,
        &create(&["--type", "a", "--value", "1.2.3"]),
        "`1.2.3`",
    );
    refused(
        &env,
        &create(&["--type", "AAAA", "--value", "1.2.3.4"]),
        "`1.2.3.4`",
    );
    refused(
        &env,
        &create(&["--type", "A", "--value", "1.1.1.1", "--ttl", "0"]),
        "`0`",
    );
    refused(
        &env,
        &create(&["--type", "A", "--value", "1.1.1.1", "--ttl", "604801"]),
        "`604801`",
    );
    refused(
        &env,
        &create(&["--type", "MX", "--value", "mx.a.cn."]),
        "MX priority",
    );
    refused(
        &env,
        &create(&["--type", "MX", "--value", "mx.a.cn.", "--mx", "21"]),
        "`21`",
    );
    refused(
        &env,
        &create(&["--type", "A", "--value", "1.1.1.1", "--sub", "www,,x"]),
        "empty host",
    );
}

#[test]
fn records_files_are_checked_record_by_record() {
    let env = Env::new();
    let file = env.file(
        "r.json",
        r#"[{"record_type":"A","value":"1.1.1.1"},{"record_type":"A","value":"nope","ttl":0}]"#,
    );
    let run = env.run(&[
        "record-create",
        "--domain-id",
        "1",
        "--records-file",
        file.to_str().unwrap(),
    ]);
    run.code(2).stderr_has("record 2").stderr_has("`nope`");
    let broken = env.file("broken.json", "{not json");
    refused(
        &env,
        &[
            "record-create",
            "--domain-id",
            "1",
            "--records-file",
            broken.to_str().unwrap(),
        ],
        "broken.json",
    );
}

#[test]
fn record_modify_changes_are_checked() {
    let env = Env::new();
    fn modify<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        [&["record-modify", "--record-id", "1"][..], extra].concat()
    }
    refused(
        &env,
        &modify(&["--change", "colour", "--to", "red"]),
        "colour",
    );
    refused(
        &env,
        &modify(&["--change", "value", "--to", ""]),
        "--to is empty",
    );
    refused(
        &env,
        &modify(&["--change", "status", "--to", "paused"]),
        "`paused`",
    );
    refused(
        &env,
        &modify(&["--change", "ttl", "--to", "soon"]),
        "`soon`",
    );
    refused(&env, &modify(&["--change", "mx", "--to", "high"]), "`high`");
    refused(
        &env,
        &modify(&["--change", "record_type", "--to", "CNAME"]),
        "--value",
    );
    refused(
        &env,
        &modify(&[
            "--change",
            "record_type",
            "--to",
            "MX",
            "--value",
            "mx.a.cn.",
        ]),
        "--mx",
    );
}

#[test]
fn durations_are_checked() {
    let env = Env::new();
    refused(&env, &["wait", "1", "--interval", "fast"], "`fast`");
    refused(
        &env,
        &["wait", "1", "--timeout=-1"],
        "`-1` is not a duration",
    );
    refused(
        &env,
        &["wait", "1", "--request-timeout", "0"],
        "--request-timeout must be more than 0",
    );
    refused(
        &env,
        &["wait", "1", "--interval", "0"],
        "--interval must be more than 0",
    );
}

#[test]
fn names_are_normalised_before_they_are_sent() {
    let env = Env::new();
    // A BOM as Windows editors write it, a fully-qualified name, fullwidth forms.
    let file = env.file(
        "bom.txt",
        "\u{feff}a.cn\nb.cn.\nＥＸＡＭＰＬＥ．ｃｎ\n例子。cn\nA.CN\n",
    );
    env.run(&[
        "domain-create",
        "--file",
        file.to_str().unwrap(),
        "--dry-run",
        "-v",
    ])
    .code(0)
    .stdout_has("domains=a.cn,b.cn,example.cn,例子.cn\n");
    env.run(&[
        "record-create",
        "--domain-id",
        "1",
        "--sub",
        "www,WWW,@",
        "--type",
        "A",
        "--value",
        "1.1.1.1",
        "--dry-run",
        "-v",
    ])
    .code(0)
    .stdout_has(r#""sub_domain":"www,@""#);
    env.assert_nothing_sent();
}

#[test]
fn bad_punycode_and_ip_addresses_are_not_domains() {
    let env = Env::new();
    refused(&env, &["domain-create", "ok.cn,xn--zz.cn"], "`xn--zz`");
    refused(&env, &["domain-create", "1.2.3.4"], "`1.2.3.4`");
}

#[cfg(unix)]
#[test]
fn endless_and_binary_input_files_are_refused_naming_them() {
    let env = Env::new();
    refused(
        &env,
        &["domain-create", "--file", "/dev/zero"],
        "cannot read /dev/zero: it is larger than 64 MiB",
    );
    let binary = env.home().join("binary.txt");
    std::fs::write(&binary, b"a.cn\n\xff\xfe\n").unwrap();
    refused(
        &env,
        &["domain-create", "--file", binary.to_str().unwrap()],
        "binary.txt: is not UTF-8 text",
    );
    let run = env.run_with_stdin(&["domain-create", "--file", "-"], "a.cn\n\0\n");
    run.code(2).stderr_has("stdin: has a NUL byte at byte 5");
    env.assert_nothing_sent();
}
