//! Shell completion scripts, generated from the same clap definition the binary parses.

use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;

/// The script for `shell`, as `dpbatch completions SHELL` prints it.
pub(crate) fn script(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dpbatch", &mut script);
    script
}
