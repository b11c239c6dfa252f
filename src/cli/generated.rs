//! The arguments of the commands that print generated pages: `completions` and `man`.

use clap::Args;

#[derive(Args, Debug)]
#[command(after_help = "Example: dpbatch man > ~/.local/share/man/man1/dpbatch.1")]
pub(crate) struct ManArgs {
    /// The command whose page to print (default: dpbatch's own)
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
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
