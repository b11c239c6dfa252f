//! `--help`, man pages and completion descriptions in the chosen language. The English is
//! the doc comments of the clap types (one source, as rustdoc and clap read them); the
//! Chinese is `locales/help.yml`, keyed by where a text sits in the command tree:
//! `help.PATH.about`, `help.PATH.after` and `help.PATH.ARG_ID`, PATH being `dpbatch`, then
//! each subcommand's name (`help.dpbatch.retry.last`); an option several commands share
//! with one text is `help.arg.ARG_ID`, the global options `help.global.ARG_ID`. The test in
//! cli/tests.rs checks every text has its Chinese, and that no key is left unused.

use crate::i18n::Lang;
use clap::{Arg, Command};
use rust_i18n::t;

/// The heading today's English help gives the global options (see `GlobalArgs`).
const GLOBAL_HEADING: &str = "Global options";

/// `cmd` with every text clap shows in `lang`; English is the definition as it stands.
pub(crate) fn localized(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    // Building first propagates the global options and adds -h, -V and `help`.
    cmd.build();
    translate(cmd, "dpbatch", lang)
}

/// The Chinese of `key`, if the catalog has it (`help.*` keys have no English).
fn text(key: &str, lang: Lang) -> Option<String> {
    crate::i18n::lookup(key, lang)
}

fn translate(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!("cli.heading.usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t!("cli.heading.commands").into_owned());
    if let Some(about) = text(&command_key(path, "about"), lang) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if let Some(after) = text(&command_key(path, "after"), lang) {
        cmd = cmd.after_help(after).after_long_help(None::<&str>);
    }
    let own = path.to_owned();
    cmd = cmd.mut_args(|arg| translate_arg(arg, &own, lang));
    cmd.mut_subcommands(|sub| {
        let path = format!("{own}.{}", sub.get_name());
        translate(sub, &path, lang)
    })
}

/// A command's `what` (about, after); `help COMMAND`'s copies share the command's own.
pub(crate) fn command_key(path: &str, what: &str) -> String {
    let path = match path.strip_prefix("dpbatch.help.") {
        Some(command) => format!("dpbatch.{command}"),
        None => path.to_owned(),
    };
    format!("help.{path}.{what}")
}

/// The key holding an argument's Chinese, if any: -h and -V once, global options once, a
/// command's own text, else the text the commands sharing the option share.
pub(crate) fn arg_key(arg: &Arg, path: &str, lang: Lang) -> Option<String> {
    let id = arg.get_id().as_str();
    let candidates = match id {
        "help" | "version" => vec![format!("help.flag.{id}")],
        _ if arg.is_global_set() => vec![format!("help.global.{id}")],
        _ => vec![format!("help.{path}.{id}"), format!("help.arg.{id}")],
    };
    candidates.into_iter().find(|key| text(key, lang).is_some())
}

fn translate_arg(mut arg: Arg, path: &str, lang: Lang) -> Arg {
    if let Some(help) = arg_key(&arg, path, lang).and_then(|key| text(&key, lang)) {
        let help = format!("{help}{}", value_notes(&arg));
        arg = arg
            .help(help)
            .long_help(None::<&str>)
            .hide_default_value(true)
            .hide_possible_values(true);
    }
    let heading = match arg.get_help_heading() {
        Some(GLOBAL_HEADING) => t!("cli.heading.global"),
        Some(other) => other.to_owned().into(),
        None if arg.is_positional() => t!("cli.heading.arguments"),
        None => t!("cli.heading.options"),
    };
    arg.help_heading(heading.into_owned())
}

/// clap's own `[default: ...]` and `[possible values: ...]`, in the language's words.
fn value_notes(arg: &Arg) -> String {
    if !arg.get_action().takes_values() {
        return String::new();
    }
    let mut notes = String::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push_str(&t!("cli.default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !possible.is_empty() && !arg.is_hide_possible_values_set() {
        notes.push_str(&t!("cli.possible", values = possible.join(", ")));
    }
    notes
}
