//! The committed completion scripts are exactly what the binary generates. Set
//! `DPBATCH_BLESS=1` to rewrite them after changing the CLI.

use crate::support::Env;
use std::path::Path;

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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("DPBATCH_BLESS").is_some();
    for (shell, file) in SCRIPTS {
        let run = env.run(&["completions", shell]);
        run.code(0);
        assert!(
            run.stdout.contains("record-modify"),
            "{shell} script names the subcommands"
        );
        let path = dir.join(file);
        if bless {
            std::fs::write(&path, &run.stdout).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == run.stdout,
            "{} is stale: regenerate with `DPBATCH_BLESS=1 cargo test --locked committed_completion`",
            path.display()
        );
    }
    env.assert_nothing_sent();
}
