//! `export`: the records of the domains named (or of every domain of the account), looked
//! up side by side, then written as JSON Lines, CSV or zone files. Nothing is written
//! before every domain has been found and listed.

use super::create::NAMES_HINT;
use crate::cli::ExportArgs;
use crate::error::{Outcome, usage};
use crate::export::{self, Format, Listing, zone};
use crate::input::domains;
use crate::job::count;
use crate::resolve::Lookups;
use crate::session::Session;
use anyhow::Context;
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
    let domains = match named {
        Some(names) => names,
        None => backend.all_domains()?,
    };
    let progress = session.output.lookup_progress(domains.len());
    let lookups = Lookups {
        workers: session.lookup_jobs,
        looked_up: &|| progress.tick(),
        unknown_means: "written",
    };
    let records = lookups.records(backend, &domains, &[])?;
    drop(progress);
    let listings: Vec<Listing> = domains
        .into_iter()
        .zip(records)
        .map(|(domain, records)| Listing { domain, records })
        .collect();
    let place = write(session, &listings, args.format, args.out.as_deref())?;
    let records = listings.iter().map(|l| l.records.len()).sum();
    session.output.note(&format!(
        "exported {} of {} to {place}",
        count(records, "record"),
        count(listings.len(), "domain")
    ));
    Ok(Outcome::Success)
}

/// Writes the listings where `--out` says; returns where, for the closing note.
fn write(
    session: &Session,
    listings: &[Listing],
    format: Format,
    out: Option<&Path>,
) -> anyhow::Result<String> {
    let rows = |for_terminal: bool| {
        let mut bytes = Vec::new();
        match format {
            Format::Csv => export::write_csv(&mut bytes, listings, for_terminal),
            Format::Jsonl | Format::Zone => export::write_jsonl(&mut bytes, listings),
        }
        .map(|()| bytes)
    };
    match (format, out) {
        (Format::Zone, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("could not create the directory {}", dir.display()))?;
            for listing in listings {
                let mut bytes = Vec::new();
                zone::write(&mut bytes, listing)?;
                write_file(&dir.join(zone::file_name(&listing.domain)), &bytes)?;
            }
            Ok(dir.display().to_string())
        }
        (_, Some(file)) => {
            write_file(file, &rows(false)?)?;
            Ok(file.display().to_string())
        }
        (_, None) => {
            session
                .output
                .raw(&rows(std::io::stdout().is_terminal())?)?;
            Ok("stdout".to_owned())
        }
    }
}

/// Writes a whole file through a temporary one beside it, so an earlier export at that
/// path is never left half overwritten.
fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.dpbatch-tmp"));
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })
        .with_context(|| format!("could not write {}", path.display()))
}
