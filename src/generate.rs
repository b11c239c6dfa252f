//! Shell completion scripts and man pages, generated from the same clap definition the
//! binary parses, so neither can drift from it.

use crate::cli;
use crate::error::usage;
use crate::i18n::{self, Lang};
use anyhow::Context;
use clap_complete::Shell;
use rust_i18n::t;

/// The script for `shell`, as `dpbatch completions SHELL` prints it.
pub(crate) fn completion_script(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli::command(), "dpbatch", &mut script);
    script
}

/// dpbatch(1), or with a command name its own page, dpbatch-COMMAND(1), with the global
/// options it accepts. clap_mangen renders one command a page, as git does.
pub(crate) fn man_page(command: Option<&str>) -> anyhow::Result<Vec<u8>> {
    let mut cli = cli::command();
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
                // Subcommands have none of their own; the page's footer shows it.
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .context("could not render the man page")?;
    Ok(with_environment(roff))
}

/// clap_mangen's own section titles, which it writes in English only.
const SECTIONS: [&str; 7] = [
    "NAME",
    "SYNOPSIS",
    "DESCRIPTION",
    "OPTIONS",
    "SUBCOMMANDS",
    "EXTRA",
    "VERSION",
];

/// `roff` with the ENVIRONMENT section man pages have, which clap_mangen does not render
/// (before VERSION, where `man` readers look for it; at the end without one), and every
/// section title in the language chosen.
fn with_environment(roff: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&roff);
    let at = text.find(".SH VERSION").unwrap_or(text.len());
    let page = format!("{}{}{}", &text[..at], t!("man.environment"), &text[at..]);
    if i18n::current() == Lang::En {
        return page.into_bytes();
    }
    let titled: Vec<String> = page
        .split('\n')
        .map(|line| match line.strip_prefix(".SH ") {
            Some(title) if SECTIONS.contains(&title) => {
                let key = format!("man.section.{title}");
                format!(".SH {}", t!(&key))
            }
            _ => line.to_owned(),
        })
        .collect();
    titled.join("\n").into_bytes()
}

/// Every page as (file name, roff): dpbatch.1, then dpbatch-COMMAND.1 a command.
pub(crate) fn every_man_page() -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut pages = vec![("dpbatch.1".to_owned(), man_page(None)?)];
    for name in commands() {
        pages.push((format!("dpbatch-{name}.1"), man_page(Some(&name))?));
    }
    Ok(pages)
}

/// Every command that has a page of its own: the ones `dpbatch man COMMAND` takes.
pub(crate) fn commands() -> Vec<String> {
    cli::command()
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
