//! The committed completion scripts and man page are exactly what the binary generates.
//! Set `DPBATCH_BLESS=1` to rewrite them after changing the CLI.

use crate::support::{Env, assert_current};
use std::path::Path;

/// Checks `dpbatch ARGS` against the committed file (see [`assert_current`]); returns it.
fn generated(env: &Env, args: &[&str], relative: &str) -> String {
    let run = env.run(args);
    run.code(0);
    assert_current(relative, &run.stdout);
    run.stdout
}

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "dpbatch.bash"),
    ("zsh", "_dpbatch"),
    ("fish", "dpbatch.fish"),
    ("powershell", "_dpbatch.ps1"),
    ("elvish", "dpbatch.elv"),
];

#[test]
fn committed_completion_scripts_match_the_binary() {
    let env = Env::new();
    for (shell, file) in SCRIPTS {
        let script = generated(
            &env,
            &["completions", shell],
            &format!("completions/{file}"),
        );
        assert!(
            script.contains("record-modify"),
            "{shell} script names the subcommands"
        );
    }
    env.assert_nothing_sent();
}

/// The commands `dpbatch --help` lists (but `help`), so a new one cannot go without a page.
fn commands(env: &Env) -> Vec<String> {
    let help = env.run(&["--help"]).stdout;
    help.lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        // A command's line is indented two spaces; a wrapped description more.
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_committed_man_pages_match_the_binary() {
    let env = Env::new();
    let page = generated(&env, &["man"], "man/dpbatch.1");
    assert!(page.contains(".TH dpbatch 1"), "{page}");
    let commands = commands(&env);
    assert!(
        commands.len() >= 8 && commands.contains(&"retry".to_owned()),
        "{commands:?}"
    );
    for command in &commands {
        let page = generated(&env, &["man", command], &format!("man/dpbatch-{command}.1"));
        assert!(
            page.contains(r"\-\-endpoint"),
            "{command}: global options missing"
        );
    }
    let committed = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("man"))
        .unwrap()
        .filter(|entry| entry.as_ref().unwrap().path().is_file())
        .count();
    assert_eq!(
        committed,
        commands.len() + 1,
        "man/ holds a page for a command that is gone"
    );
    env.run(&["man", "nope"])
        .code(2)
        .stderr_has("no command `nope`");
    env.assert_nothing_sent();
}

/// The Chinese pages beside the English ones, as `dpbatch --lang cn man --out man/zh_CN`
/// writes them; the committed completion scripts stay English.
#[test]
fn the_committed_chinese_man_pages_match_the_binary() {
    let env = Env::new();
    let page = generated(&env, &["--lang", "cn", "man"], "man/zh_CN/dpbatch.1");
    assert!(
        page.contains(".SH 名称") && page.contains("退出码"),
        "{page}"
    );
    let commands = commands(&env);
    for command in &commands {
        let relative = format!("man/zh_CN/dpbatch-{command}.1");
        let page = generated(&env, &["--lang", "cn", "man", command], &relative);
        assert!(page.contains(".SH 环境变量"), "{command}: {page}");
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man/zh_CN");
    let committed = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(
        committed,
        commands.len() + 1,
        "man/zh_CN holds a page that is gone"
    );
    env.assert_nothing_sent();
}

#[test]
fn completion_descriptions_follow_the_language() {
    let env = Env::new();
    let english = env.run(&["completions", "fish"]);
    assert!(english.stdout.contains("Print a shell completion script"));
    let chinese = env
        .dpbatch(["completions", "fish"])
        .env("LANG", "zh_CN.UTF-8")
        .run();
    chinese.code(0);
    assert!(
        chinese.stdout.contains("打印 shell 补全脚本"),
        "{}",
        chinese.stdout
    );
    assert!(!chinese.stdout.contains("Print a shell completion script"));
}

#[test]
fn man_out_installs_every_page_with_the_version() {
    let env = Env::new();
    let dir = env.home().join("share/man/man1");
    let run = env.run(&["man", "--out", dir.to_str().unwrap()]);
    run.code(0);
    let mut pages = vec!["dpbatch.1".to_owned()];
    pages.extend(commands(&env).iter().map(|c| format!("dpbatch-{c}.1")));
    assert!(
        pages.iter().any(|p| p == "dpbatch-resume.1")
            && pages.iter().any(|p| p == "dpbatch-undo.1")
    );
    let version = env!("CARGO_PKG_VERSION");
    for page in &pages {
        let path = dir.join(page);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{page}: {e}"));
        let title = text.lines().find(|l| l.starts_with(".TH ")).unwrap();
        assert!(title.contains(version), "{page}: {title}");
        assert!(
            run.stdout.contains(&path.display().to_string()),
            "{}",
            run.stdout
        );
    }
    env.assert_nothing_sent();
}
