//! One function per subcommand: checked input first, then the session's backend to look
//! up, submit, wait and show. Each returns how the run came out; `main` turns that into
//! the exit code.

mod apply;
mod create;
mod delete;
mod export;
mod follow;
mod jobs;
mod modify;
mod plan;
mod resume;
mod retry;
mod select;
mod show;
mod submit;
#[cfg(test)]
mod tests;
mod undo;

use crate::cli::{Cli, Command, ManArgs};
use crate::error::Outcome;
use crate::generate;
use crate::output::Output;
use crate::session::Session;
use rust_i18n::t;

pub(crate) fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let Cli { global, command } = cli;
    let output = Output::new(global.json, global.quiet);
    match command {
        Command::Completions(args) => {
            output.raw(&generate::completion_script(args.shell))?;
            Ok(Outcome::Success)
        }
        Command::Man(args) => man(&output, &args),
        Command::Jobs(args) => jobs::run(&global, &output, &args),
        Command::DomainCreate(args) => create::domains(&Session::open(&global, output)?, args),
        Command::RecordCreate(args) => create::records(&Session::open(&global, output)?, args),
        Command::RecordModify(args) => modify::run(&Session::open(&global, output)?, args),
        Command::RecordDelete(args) => delete::run(&Session::open(&global, output)?, args),
        Command::Detail(args) => show::detail(&Session::open(&global, output)?, &args),
        Command::Wait(args) => show::wait(&Session::open(&global, output)?, &args),
        Command::Retry(args) => retry::run(&Session::open(&global, output)?, &args),
        Command::Resume(args) => resume::run(&Session::open(&global, output)?, &args),
        Command::Undo(args) => undo::run(&Session::open(&global, output)?, &args),
        Command::Export(args) => export::run(&Session::open(&global, output)?, args),
        Command::Plan(args) => plan::run(&Session::open(&global, output)?, args),
        Command::Apply(args) => apply::run(&Session::open(&global, output)?, &args),
    }
}

/// `man`: one page on stdout, or with `--out DIR` every page written there, each path
/// on stdout.
fn man(output: &Output, args: &ManArgs) -> anyhow::Result<Outcome> {
    let Some(dir) = &args.out else {
        output.raw(&generate::man_page(args.command.as_deref())?)?;
        return Ok(Outcome::Success);
    };
    let cannot = |err: std::io::Error| {
        anyhow::anyhow!("{}", t!("man.cannot_write", dir = dir.display(), why = err))
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    for (name, page) in generate::every_man_page()? {
        let path = dir.join(name);
        std::fs::write(&path, page).map_err(cannot)?;
        output.raw(format!("{}\n", path.display()).as_bytes())?;
    }
    Ok(Outcome::Success)
}
