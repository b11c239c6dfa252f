//! Shell completion scripts and man pages, generated from the same clap definition the
//! binary parses, so neither can drift from it.

use crate::cli::Cli;
use crate::error::usage;
use anyhow::Context;
use clap::CommandFactory;
use clap_complete::Shell;

/// The script for `shell`, as `dpbatch completions SHELL` prints it.
pub(crate) fn completion_script(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dpbatch", &mut script);
    script
}

/// dpbatch(1), or with a command name its own page, dpbatch-COMMAND(1), with the global
/// options it accepts. clap_mangen renders one command a page, as git does.
pub(crate) fn man_page(command: Option<&str>) -> anyhow::Result<Vec<u8>> {
    let mut cli = Cli::command();
    // Building propagates the global options into every subcommand.
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let sub = cli.find_subcommand(name).ok_or_else(|| {
                let known: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                usage(format!(
                    "no command `{name}` (commands: {})",
                    known.join(", ")
                ))
            })?;
            let title = format!("dpbatch-{}", sub.get_name());
            sub.clone()
                .name(title.clone())
                .display_name(title)
                .bin_name(format!("dpbatch {name}"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .context("could not render the man page")?;
    Ok(roff)
}

/// Every command that has a page of its own: the ones `dpbatch man COMMAND` takes.
#[cfg(test)]
pub(crate) fn commands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_page_with_its_own_and_the_global_options() {
        for name in commands() {
            let page = String::from_utf8(man_page(Some(&name)).unwrap()).unwrap();
            assert!(
                page.contains(&format!(".TH dpbatch-{name} 1")),
                "{name}: {page}"
            );
            assert!(
                page.contains(r"\-\-endpoint"),
                "{name} lacks the global options"
            );
        }
        let retry = String::from_utf8(man_page(Some("retry")).unwrap()).unwrap();
        assert!(
            retry.contains(r"\-\-last") && retry.contains(r"\-\-dry\-run"),
            "{retry}"
        );
        assert!(man_page(Some("nope")).is_err());
    }
}
