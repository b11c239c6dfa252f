//! `dpbatch`: parse the command line, run it, and turn the result into an exit code.

mod backend;
mod cli;
mod commands;
mod config;
mod converge;
mod csv_file;
mod de;
mod duration;
mod error;
mod escape;
mod export;
mod generate;
mod history;
mod import;
mod input;
mod job;
mod output;
mod parallel;
mod resolve;
mod retry;
mod schedule;
mod secret;
mod session;
mod signal;
mod split;
mod stderr;
mod undo;
mod wait;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            stderr::log(&format!("error: {err:#}"));
            if let Some(hint) = error::hint(&err) {
                stderr::log(&format!("hint: {hint}"));
            }
            ExitCode::from(error::exit_code(&err))
        }
    }
}
