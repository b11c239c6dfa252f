//! Where an export's records go as each domain's listing comes, so that memory holds a
//! few domains whatever the account's size: rows into a temporary file beside `--out`
//! (renamed into place at the end) or, for stdout, into an unnamed temporary file copied
//! out at the end (nothing reaches stdout from an export that fails, and the spreadsheet
//! warning still comes before the data); zone files each staged beside its place and all
//! renamed at the end, so a failure while listing leaves none behind (a rename failing
//! at the end leaves those renamed before it).

use crate::export::files::{self, Closed, Staged};
use crate::export::{CsvRows, Format, Listing, write_jsonl, zone};
use crate::history::create_private_dir;
use crate::output::Output;
use anyhow::Context;
use rust_i18n::t;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

/// An export being written, and how much of it so far.
pub(super) struct Sink {
    rows: Rows,
    pub records: usize,
    pub domains: usize,
}

/// The rows' format and what it writes on.
enum Rows {
    Jsonl(Target),
    // Boxed: the csv crate's buffer makes it the largest by far.
    Csv(Box<CsvRows<Target>>),
    Zones(Zones),
}

/// Zone files staged in their directory, each renamed into place at the end.
struct Zones {
    dir: PathBuf,
    staged: Vec<Closed>,
    comments: usize,
    /// Whether this export made the directory, which a failure then takes away again.
    made: bool,
}

impl Drop for Zones {
    /// A failed export leaves neither its files nor a directory it made.
    fn drop(&mut self) {
        self.staged.clear();
        if self.made {
            // Only an empty one goes: nothing anyone else put there is removed.
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

/// Where rows go before they are in place.
enum Target {
    File(Staged),
    Stdout(BufWriter<File>),
}

/// Where the records went, and how many of them as comments of a zone file.
pub(super) struct Written {
    pub place: String,
    pub comments: usize,
}

impl Sink {
    /// Ready to write `format` where `out` says; `terminal` when stdout is one.
    pub(super) fn open(format: Format, out: Option<&Path>, terminal: bool) -> anyhow::Result<Sink> {
        let target = || -> anyhow::Result<Target> {
            Ok(match out {
                Some(file) => Target::File(Staged::beside(file)?),
                None => {
                    let spool =
                        tempfile::tempfile().with_context(|| t!("export.no_spool").into_owned())?;
                    Target::Stdout(BufWriter::new(spool))
                }
            })
        };
        let rows = match (format, out) {
            (Format::Zone, Some(dir)) => Rows::Zones(Zones {
                dir: dir.to_owned(),
                staged: Vec::new(),
                comments: 0,
                made: false,
            }),
            (Format::Csv, _) => Rows::Csv(Box::new(CsvRows::new(
                target()?,
                terminal && out.is_none(),
            )?)),
            (_, _) => Rows::Jsonl(target()?),
        };
        Ok(Sink {
            rows,
            records: 0,
            domains: 0,
        })
    }

    /// Writes one domain's records.
    pub(super) fn take(&mut self, listing: &Listing) -> anyhow::Result<()> {
        self.records += listing.records.len();
        self.domains += 1;
        match &mut self.rows {
            Rows::Jsonl(target) => write_jsonl(target, listing)?,
            Rows::Csv(rows) => rows.write(listing)?,
            Rows::Zones(zones) => zones.write(listing)?,
        }
        Ok(())
    }

    /// Puts what was written in place; `warn_of_formulas` is told of CSV cells a
    /// spreadsheet may run, before any of the data reaches stdout.
    pub(super) fn finish(
        self,
        output: &Output,
        out: Option<&Path>,
        warn_of_formulas: impl FnOnce(usize),
    ) -> anyhow::Result<Written> {
        let place = out.map_or("stdout".to_owned(), |out| out.display().to_string());
        let target = match self.rows {
            Rows::Jsonl(target) => target,
            Rows::Csv(rows) => {
                let (formulas, target) = rows.finish()?;
                warn_of_formulas(formulas);
                target
            }
            Rows::Zones(mut zones) => {
                zones.make_dir()?;
                zones.made = false;
                std::mem::take(&mut zones.staged)
                    .into_iter()
                    .try_for_each(Closed::commit)?;
                let comments = zones.comments;
                return Ok(Written { place, comments });
            }
        };
        match target {
            Target::File(file) => file.commit()?,
            Target::Stdout(spool) => {
                let mut spool = spool.into_inner().map_err(|e| e.into_error())?;
                spool.rewind()?;
                output.raw_from(&mut spool)?;
            }
        }
        Ok(Written { place, comments: 0 })
    }
}

impl Zones {
    /// Stages `listing`'s zone file.
    fn write(&mut self, listing: &Listing) -> anyhow::Result<()> {
        self.make_dir()?;
        let path = files::inside(&self.dir, &zone::file_name(&listing.domain))?;
        let mut file = Staged::beside(&path)?;
        self.comments += zone::write(file.writer(), listing)?;
        self.staged.push(file.close()?);
        Ok(())
    }

    /// The directory, made (0700) when it is not there yet.
    fn make_dir(&mut self) -> anyhow::Result<()> {
        if !self.dir.is_dir() {
            create_private_dir(&self.dir)?;
            self.made = true;
        }
        Ok(())
    }
}

impl Write for Target {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Target::File(file) => file.writer().write(bytes),
            Target::Stdout(spool) => spool.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Target::File(file) => file.writer().flush(),
            Target::Stdout(spool) => spool.flush(),
        }
    }
}
