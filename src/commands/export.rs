//! `export`: the records of the domains named (or of every domain of the account), looked
//! up side by side, then written as JSON Lines, CSV or zone files. Nothing is written
//! before every domain has been found and listed. What the server lists is untrusted: a
//! domain name that is not one is skipped, and a listing short of the server's own total
//! is written with a warning and exit 1, never passed off as the whole.

use super::create::NAMES_HINT;
use crate::cli::ExportArgs;
use crate::error::{Outcome, usage};
use crate::escape::visible;
use crate::export::{self, Format, Listing, files, zone};
use crate::history::create_private_dir;
use crate::input::domains;
use crate::job::count;
use crate::output::Output;
use crate::resolve::{Lookups, account_domains};
use crate::session::Session;
use std::io::IsTerminal;
use std::path::Path;

pub(super) fn run(session: &Session, args: ExportArgs) -> anyhow::Result<Outcome> {
    if args.format == Format::Zone && args.out.is_none() {
        return Err(usage(
            "--format zone writes one file a domain: pass --out DIR",
        ));
    }
    let named = match args.all {
        true => None,
        false => Some(domains::collect(
            &args.domain,
            args.domain_file.as_deref(),
            NAMES_HINT,
        )?),
    };
    let backend = session.backend()?;
    let mut gaps = Gaps::new(&session.output);
    let domains = match named {
        Some(names) => names,
        None => account_domains(backend.all_domains()?, |gap| gaps.warn(&gap)),
    };
    let progress = session.output.lookup_progress(domains.len());
    let lookups = Lookups {
        workers: session.lookup_jobs,
        looked_up: &|| progress.tick(),
        unknown_means: "written",
    };
    let (listed, short) = lookups.records(backend, &domains, &[])?;
    drop(progress);
    short.iter().for_each(|short| gaps.warn(short));
    let listings: Vec<Listing> = domains
        .into_iter()
        .zip(listed)
        .map(|(domain, records)| Listing { domain, records })
        .collect();
    let written = write(session, &listings, args.format, args.out.as_deref())?;
    session.output.note(&summary(&listings, &written));
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
        self.output.warn(&format!(
            "the export is incomplete: it lacks what the {} above name{}",
            count(self.found, "warning"),
            if self.found == 1 { "s" } else { "" }
        ));
        Outcome::Incomplete
    }
}

/// A spreadsheet may run a cell that starts like a formula; the file keeps the exact
/// value (it is read back by `--records-file`), so the user is told once, before the data.
fn warn_of_formulas(output: &Output, cells: usize) {
    if cells > 0 {
        output.warn(&format!(
            "{} begin with =, +, -, @, a tab or a carriage return, which a spreadsheet may run as a formula; they are written exactly (README: \"Opening a CSV export in a spreadsheet\")",
            count(cells, "cell")
        ));
    }
}

/// Where the records went, and how many of them as comments of a zone file.
struct Written {
    place: String,
    comments: usize,
}

/// `exported 12 records, 2 as comments, of 4 domains to zones`.
fn summary(listings: &[Listing], written: &Written) -> String {
    let records = listings.iter().map(|l| l.records.len()).sum();
    let comments = match written.comments {
        0 => String::new(),
        1 => ", 1 as a comment,".to_owned(),
        n => format!(", {n} as comments,"),
    };
    format!(
        "exported {}{comments} of {} to {}",
        count(records, "record"),
        count(listings.len(), "domain"),
        written.place
    )
}

/// Writes the listings where `--out` says.
fn write(
    session: &Session,
    listings: &[Listing],
    format: Format,
    out: Option<&Path>,
) -> anyhow::Result<Written> {
    // Rendered whole before anything is written, so the warning comes before the data.
    let rows = |for_terminal: bool| -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        match format {
            Format::Csv => {
                let cells = export::write_csv(&mut bytes, listings, for_terminal)?;
                warn_of_formulas(&session.output, cells);
            }
            Format::Jsonl | Format::Zone => export::write_jsonl(&mut bytes, listings)?,
        }
        Ok(bytes)
    };
    let (place, comments) = match (format, out) {
        (Format::Zone, Some(dir)) => (dir.display().to_string(), write_zones(dir, listings)?),
        (_, Some(file)) => {
            files::write_file(file, &rows(false)?)?;
            (file.display().to_string(), 0)
        }
        (_, None) => {
            let terminal = std::io::stdout().is_terminal();
            session.output.raw(&rows(terminal)?)?;
            ("stdout".to_owned(), 0)
        }
    };
    Ok(Written { place, comments })
}

/// One zone file a domain inside `dir`; returns how many records became comments.
fn write_zones(dir: &Path, listings: &[Listing]) -> anyhow::Result<usize> {
    create_private_dir(dir)?;
    let mut comments = 0;
    for listing in listings {
        let path = files::inside(dir, &zone::file_name(&listing.domain))?;
        let mut bytes = Vec::new();
        comments += zone::write(&mut bytes, listing)?;
        files::write_file(&path, &bytes)?;
    }
    Ok(comments)
}
