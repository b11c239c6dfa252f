//! The arguments of the commands that print generated pages: `completions` and `man`.

use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  dpbatch man --out ~/.cargo/share/man/man1   # where man finds them with ~/.cargo/bin on PATH
  dpbatch man record-modify | man -l -")]
pub(crate) struct ManArgs {
    /// The command whose page to print (default: dpbatch's own)
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,

    /// Write every page (dpbatch.1 and each dpbatch-COMMAND.1) into DIR, made if missing,
    /// and print their paths
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Example: dpbatch completions bash > ~/.local/share/bash-completion/completions/dpbatch"
)]
pub(crate) struct CompletionsArgs {
    /// The shell to print a completion script for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}
