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
mod i18n;
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

use std::ffi::OsString;
use std::process::ExitCode;

// The catalogs of every message, compiled in; a key missing in Chinese falls back to English
// (the catalog test in i18n/tests.rs fails first).
rust_i18n::i18n!("locales", fallback = "en");

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // Before clap, so that its help and errors speak the language too.
    i18n::set(i18n::early(&args, |name| std::env::var(name).ok()));
    let cli = cli::parse(args);
    match commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            for line in error::report(&err) {
                stderr::log(&line);
            }
            ExitCode::from(error::exit_code(&err))
        }
    }
}
