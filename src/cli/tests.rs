use super::*;
use crate::input::values::Timeout;
use clap::CommandFactory;

fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
    Cli::try_parse_from(std::iter::once("dpbatch").chain(args.iter().copied()))
}

#[test]
fn the_command_definition_is_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn global_flags_go_before_or_after_the_subcommand() {
    let before = parse(&["--json", "-q", "detail", "7"]).unwrap();
    let after = parse(&["detail", "7", "--json", "-q"]).unwrap();
    assert!(before.global.json && after.global.json && before.global.quiet && after.global.quiet);
}

#[test]
fn bad_values_are_usage_errors_naming_the_value() {
    let create = "record-create --domain-id 1 --type A --value 1.1.1.1";
    for (args, culprit) in [
        ("detail 0".to_owned(), "`0`"),
        ("wait 7 --interval soon".to_owned(), "`soon`"),
        (create.replace("--domain-id 1", "--domain-id 1,x"), "`x`"),
        (
            create.replace("--type A --value 1.1.1.1", "--type PTR --value x"),
            "`PTR`",
        ),
        (format!("{create} --ttl 0"), "`0`"),
        (
            "record-modify --record-id 1 --change color --to x".to_owned(),
            "color",
        ),
        ("domain-create a.cn --value 1.2.3".to_owned(), "1.2.3"),
        ("--api v2 detail 1".to_owned(), "v2"),
    ] {
        let args: Vec<&str> = args.split(' ').collect();
        let err = parse(&args).unwrap_err();
        assert_eq!(err.exit_code(), 2, "{args:?}");
        assert!(err.to_string().contains(culprit), "{args:?}: {err}");
    }
}

#[test]
fn selection_filters_cannot_be_silently_ignored_beside_record_ids() {
    for flag in [
        ["--value-is", "1.1.1.1"],
        ["--sub", "www"],
        ["--type", "A"],
        ["--line", "x"],
    ] {
        let args = [
            &[
                "record-modify",
                "--record-id",
                "1",
                "--change",
                "ttl",
                "--to",
                "60",
            ][..],
            &flag,
        ]
        .concat();
        assert_eq!(
            parse(&args).unwrap_err().kind(),
            clap::error::ErrorKind::ArgumentConflict,
            "{flag:?}"
        );
    }
}

#[test]
fn records_file_excludes_the_single_spec_flags() {
    let err = parse(&[
        "record-create",
        "--domain-id",
        "1",
        "--records-file",
        "r.json",
        "--type",
        "A",
    ])
    .unwrap_err();
    assert_eq!(err.kind(), clap::error::ErrorKind::ArgumentConflict);
    assert!(
        parse(&[
            "record-create",
            "--domain-id",
            "1",
            "--records-file",
            "r.json"
        ])
        .is_ok()
    );
}

#[test]
fn a_job_is_named_by_id_or_by_last_but_not_both() {
    assert!(parse(&["detail", "--last"]).is_ok());
    assert!(parse(&["wait", "7"]).is_ok());
    assert_eq!(parse(&["detail"]).unwrap_err().exit_code(), 2);
    assert_eq!(
        parse(&["detail", "7", "--last"]).unwrap_err().kind(),
        clap::error::ErrorKind::ArgumentConflict
    );
}

#[test]
fn timeout_zero_means_never() {
    let cli = parse(&["wait", "7", "--timeout", "0", "--interval", "0.5"]).unwrap();
    let Command::Wait(args) = cli.command else {
        panic!("not wait")
    };
    assert_eq!(args.timing.timeout, Timeout(None));
    assert_eq!(args.timing.interval, Duration::from_millis(500));
}

/// Every text of the command tree, checked against locales/help.yml: `faults` gets what has
/// no Chinese, `used` the keys that gave one.
fn walk(cmd: &clap::Command, path: &str, faults: &mut Vec<String>, used: &mut Vec<String>) {
    let mut wants = vec![(help::command_key(path, "about"), cmd.get_about().is_some())];
    wants.push((
        help::command_key(path, "after"),
        cmd.get_after_help().is_some(),
    ));
    for (key, wanted) in wants {
        match crate::i18n::lookup(&key, Lang::Cn) {
            Some(_) => used.push(key),
            None if wanted => faults.push(format!("{key}: no Chinese")),
            None => {}
        }
    }
    for arg in cmd.get_arguments().filter(|arg| arg.get_help().is_some()) {
        match help::arg_key(arg, path, Lang::Cn) {
            Some(key) => used.push(key),
            None => faults.push(format!("{path} {}: no Chinese", arg.get_id())),
        }
    }
    for sub in cmd.get_subcommands() {
        walk(sub, &format!("{path}.{}", sub.get_name()), faults, used);
    }
}

#[test]
fn every_help_text_has_its_chinese_and_every_chinese_its_text() {
    let mut cmd = Cli::command();
    cmd.build();
    let (mut faults, mut used) = (Vec::new(), Vec::new());
    walk(&cmd, "dpbatch", &mut faults, &mut used);
    let catalog = crate::_rust_i18n_backend()
        .messages_for_locale("zh-CN")
        .unwrap_or_default();
    for (key, _) in catalog.iter().filter(|(key, _)| key.starts_with("help.")) {
        if !used.iter().any(|u| u == key) {
            faults.push(format!("{key}: no such command, option or text"));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn chinese_help_keeps_english_where_the_catalog_has_none() {
    // Every text of dpbatch has its Chinese (the test above), so a command the catalog
    // does not know stands for a text added without one.
    let unknown = clap::Command::new("dpbatch").subcommand(
        clap::Command::new("no-such")
            .about("Still English")
            .after_help("Examples: none"),
    );
    let cn = help::localized(unknown, Lang::Cn);
    let sub = cn.find_subcommand("no-such").unwrap();
    assert_eq!(sub.get_about().unwrap().to_string(), "Still English");
    assert_eq!(sub.get_after_help().unwrap().to_string(), "Examples: none");
    let retry = help::localized(Cli::command(), Lang::Cn);
    let retry = retry.find_subcommand("retry").unwrap();
    assert!(retry.get_about().unwrap().to_string().contains("重新提交"));
    let after = retry.get_after_help().unwrap().to_string();
    assert!(after.contains("失败的域名会重新创建"), "{after}");
    let en = help::localized(Cli::command(), Lang::En);
    let after = en
        .find_subcommand("retry")
        .unwrap()
        .get_after_help()
        .unwrap()
        .to_string();
    assert!(after.starts_with("Failed domains"), "{after}");
}
