//! `export`: the records of the domains named (or of every domain of the account), looked
//! up side by side and written as JSON Lines, CSV or zone files a domain at a time as
//! they come ([`sink`]), so memory stays flat whatever the account's size. Nothing is put
//! in place (a file renamed, stdout written) before every domain has been found and
//! listed. What the server lists is untrusted: a
//! domain name that is not one is skipped, and a listing short of the server's own total
//! is written with a warning and exit 1, never passed off as the whole.

use super::create::names_hint;
use crate::cli::ExportArgs;
use crate::error::{Outcome, usage};
use crate::escape::visible;
use crate::export::{Format, Listing};
use crate::i18n::counted::counted;
use crate::input::domains;
use crate::output::Output;
use crate::resolve::{Lookups, NotDone, account_domains, shortfall};
use crate::session::Session;
use rust_i18n::t;
use sink::{Sink, Written};
use std::io::IsTerminal;

mod sink;

pub(super) fn run(session: &Session, args: ExportArgs) -> anyhow::Result<Outcome> {
    if args.format == Format::Zone && args.out.is_none() {
        return Err(usage(t!("export.zone_needs_out")));
    }
    let named = match args.all {
        true => None,
        false => Some(domains::collect(
            &args.domain,
            args.domain_file.as_deref(),
            &names_hint(),
        )?),
    };
    let backend = session.backend()?;
    let mut gaps = Gaps::new(&session.output);
    let domains = match named {
        Some(names) => names,
        None => account_domains(backend.all_domains()?, |gap| gaps.warn(&gap)),
    };
    let terminal = std::io::stdout().is_terminal();
    let mut sink = Sink::open(args.format, args.out.as_deref(), terminal)?;
    let progress = session.output.lookup_progress(domains.len());
    let lookups = Lookups {
        workers: session.lookup_jobs,
        looked_up: &|| progress.tick(),
        unknown_means: NotDone::Written,
    };
    let mut short = Vec::new();
    lookups.in_order(backend, &domains, &[], |domain, paged| {
        short.extend(shortfall(domain, &paged));
        sink.take(&Listing {
            domain: domain.to_owned(),
            records: paged.entries,
        })
    })?;
    drop(progress);
    short.iter().for_each(|short| gaps.warn(short));
    let (records, domains) = (sink.records, sink.domains);
    let written = sink.finish(&session.output, args.out.as_deref(), |cells| {
        warn_of_formulas(&session.output, cells)
    })?;
    session.output.note(&summary(records, domains, &written));
    Ok(gaps.outcome())
}

/// What an export lacks, each warned of as it is found; any makes the run exit 1.
struct Gaps<'a> {
    output: &'a Output,
    found: usize,
}

impl<'a> Gaps<'a> {
    fn new(output: &'a Output) -> Gaps<'a> {
        Gaps { output, found: 0 }
    }

    /// Warns of a gap; server text in `message` is escaped with the rest.
    fn warn(&mut self, message: &str) {
        self.found += 1;
        self.output.warn(&visible(message));
    }

    fn outcome(self) -> Outcome {
        if self.found == 0 {
            return Outcome::Success;
        }
        let key = match self.found {
            1 => "export.incomplete.one",
            _ => "export.incomplete.other",
        };
        self.output.warn(&t!(key, warnings = self.found));
        Outcome::Incomplete
    }
}

/// A spreadsheet may run a cell that starts like a formula; the file keeps the exact
/// value (it is read back by `--records-file`), so the user is told once, before the data.
fn warn_of_formulas(output: &Output, cells: usize) {
    if cells > 0 {
        output.warn(&t!("export.formulas", cells = counted(cells, "cell")));
    }
}

/// `exported 12 records, 2 as comments, of 4 domains to zones`.
fn summary(records: usize, domains: usize, written: &Written) -> String {
    let comments = match written.comments {
        0 => String::new(),
        1 => t!("export.comment").into_owned(),
        n => t!("export.comments", n = n).into_owned(),
    };
    t!(
        "export.summary",
        records = counted(records, "record"),
        comments = comments,
        domains = counted(domains, "domain"),
        place = written.place
    )
    .into_owned()
}
