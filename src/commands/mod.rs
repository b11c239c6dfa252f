//! One function per subcommand: checked input first, then the session's backend to look
//! up, submit, wait and show. Each returns how the run came out; `main` turns that into
//! the exit code.

mod apply;
mod create;
mod delete;
mod export;
mod follow;
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

use crate::cli::{Cli, Command};
use crate::error::Outcome;
use crate::generate;
use crate::history::{self, History, operations};
use crate::output::Output;
use crate::session::Session;

pub(crate) fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let Cli { global, command } = cli;
    let output = Output::new(global.json, global.quiet);
    match command {
        Command::Completions(args) => {
            output.raw(&generate::completion_script(args.shell))?;
            Ok(Outcome::Success)
        }
        Command::Man(args) => {
            output.raw(&generate::man_page(args.command.as_deref())?)?;
            Ok(Outcome::Success)
        }
        Command::Jobs(args) => {
            let entries = history::read(History::open().as_ref(), &|warning| output.warn(warning))?;
            let mut operations = operations(entries);
            operations.reverse();
            operations.truncate(args.limit);
            output.jobs(&operations)?;
            Ok(Outcome::Success)
        }
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
