//! Help and usage errors that tell the truth: what each command takes, which options are
//! global, the environment read, every way to give a required input.

use crate::support::Env;

/// The line of `dpbatch --help` that lists `command`.
fn listed(help: &str, command: &str) -> String {
    help.lines()
        .find(|line| line.trim_start().starts_with(&format!("{command} ")))
        .unwrap_or_else(|| panic!("{command} not in {help}"))
        .to_owned()
}

#[test]
fn the_command_list_says_record_commands_take_names_too() {
    let help = Env::new().run(&["--help"]).code(0).stdout.clone();
    for command in ["record-create", "record-modify"] {
        let line = listed(&help, command);
        assert!(line.contains("name"), "{line}");
    }
}

#[test]
fn a_commands_help_puts_the_global_options_under_their_own_heading() {
    let help = Env::new()
        .run(&["record-create", "--help"])
        .code(0)
        .stdout
        .clone();
    let (own, rest) = help.split_once("Global options:").expect(&help);
    let global = rest.split("\n\n").next().unwrap();
    assert!(
        own.contains("--sub") && !own.contains("--endpoint"),
        "{help}"
    );
    assert!(
        global.contains("--endpoint") && !global.contains("--sub"),
        "{help}"
    );
}

#[test]
fn help_and_the_man_page_name_the_environment() {
    let env = Env::new();
    let help = env.run(&["--help"]).code(0).stdout.clone();
    let page = env.run(&["man"]).code(0).stdout.clone();
    assert!(page.contains(".SH ENVIRONMENT"), "{page}");
    for var in [
        "DPBATCH_EMAIL",
        "DNSPOD_TOKEN",
        "TENCENTCLOUD_SECRET_ID",
        "TENCENTCLOUD_SECRET_KEY",
        "TENCENTCLOUD_TOKEN",
        "TCCLI_PROFILE",
    ] {
        assert!(help.contains(var), "--help lacks {var}");
        assert!(
            page.contains(&var.replace('_', "\\_")) || page.contains(var),
            "dpbatch(1) lacks {var}"
        );
    }
}

#[test]
fn a_missing_input_names_every_way_to_give_it() {
    let env = Env::new();
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["record-create", "--type", "A", "--value", "192.0.2.1"],
            &[
                "--domain-id",
                "--domain ",
                "--domain-file",
                "--records-file",
            ],
        ),
        (
            &["record-modify", "--change", "ttl", "--to", "60"],
            &["--record-id", "--domain ", "--domain-file", "--all"],
        ),
        (
            &["record-delete", "--sub", "www"],
            &["--record-id", "--domain ", "--domain-file", "--all"],
        ),
        (&["export"], &["--domain ", "--domain-file", "--all"]),
        (&["wait"], &["JOB_ID", "--last"]),
    ];
    for (args, ways) in cases {
        let run = env.run(args);
        run.code(2);
        for way in ways {
            assert!(
                run.stderr.contains(way),
                "{args:?}: {way} not named: {}",
                run.stderr
            );
        }
    }
    env.assert_nothing_sent();
}

#[test]
fn a_bad_name_in_a_comma_list_is_named_once_not_with_the_whole_list() {
    let run = Env::new().run(&["domain-create", "a.cn,b..cn,c c.cn", "--dry-run"]);
    run.code(2).stderr_has("b..cn").stderr_has("c c.cn");
    assert!(
        run.stderr.matches("a.cn,b..cn,c c.cn").count() <= 1,
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_profile_of_a_missing_config_file_says_the_file_is_missing() {
    let env = Env::new();
    let run = env.run(&["--profile", "nope", "domain-create", "a.cn", "--dry-run"]);
    run.code(2).stderr_has("nope");
    assert!(
        !run.stderr.contains("profiles there: none"),
        "{}",
        run.stderr
    );
    run.stderr_has("does not exist");
}

#[test]
fn undo_help_says_yes_is_for_any_undo_that_deletes_records_an_apply_one_too() {
    let help = Env::new().run(&["undo", "--help"]).code(0).stdout.clone();
    let (prose, _) = help.split_once("Examples:").expect(&help);
    // The --yes option's text: its line and the lines it wraps onto.
    let mut lines = help
        .lines()
        .skip_while(|line| !line.trim_start().starts_with("--yes"));
    let first = lines.next().unwrap_or_default();
    let rest: String = lines
        .take_while(|line| !line.trim_start().starts_with('-'))
        .collect();
    let yes = format!("{first}{rest}");
    assert!(yes.contains("apply"), "--yes: {yes}");
    let about = help.split("\n\n").next().unwrap();
    assert!(about.contains("apply"), "{about}");
    assert!(prose.contains("An apply is undone"), "{help}");
}
