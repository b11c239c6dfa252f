//! The committed completion scripts and man page are exactly what the binary generates.
//! Set `DPBATCH_BLESS=1` to rewrite them after changing the CLI.

use crate::support::Env;
use std::path::Path;

/// Compares `dpbatch ARGS` with the committed file, or rewrites it when blessing.
fn assert_current(env: &Env, args: &[&str], relative: &str) -> String {
    let run = env.run(args);
    run.code(0);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("DPBATCH_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &run.stdout).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == run.stdout,
        "{} is stale: regenerate with `DPBATCH_BLESS=1 cargo test --locked generated`",
        path.display()
    );
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
        let script = assert_current(
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

#[test]
fn the_committed_man_page_matches_the_binary() {
    let env = Env::new();
    let page = assert_current(&env, &["man"], "man/dpbatch.1");
    assert!(
        page.starts_with(".ie") || page.contains(".TH dpbatch"),
        "roff: {}",
        &page[..80.min(page.len())]
    );
    assert!(page.contains("record\\-modify") || page.contains("record-modify"));
    env.assert_nothing_sent();
}
