//! `domain-create` and `record-create`: the domains or the record specs, checked, then
//! one job.

use super::submit::submit;
use crate::cli::{DomainCreateArgs, RecordCreateArgs};
use crate::error::{Outcome, usage};
use crate::input::domains;
use crate::input::records::{self, RecordSpec};
use crate::job::JobSpec;
use crate::resolve;
use crate::session::Session;

pub(super) const NAMES_HINT: &str = "pass --domain NAMES (comma-separated) or --domain-file PATH";

pub(super) fn domains(session: &Session, args: DomainCreateArgs) -> anyhow::Result<Outcome> {
    let domains = domains::collect(
        &args.domains,
        args.file.as_deref(),
        "pass DOMAINS (comma-separated) or --file PATH",
    )?;
    let spec = JobSpec::DomainCreate {
        domains,
        value: args.value.map(|ip| ip.to_string()),
    };
    submit(session, &[spec], &args.submit, None)
}

pub(super) fn records(session: &Session, args: RecordCreateArgs) -> anyhow::Result<Outcome> {
    let records = match args.records_file {
        Some(path) => records::specs_from_file(&path)?,
        None => {
            let spec = RecordSpec {
                sub_domain: args.sub,
                // clap requires both without --records-file.
                record_type: args.record_type.expect("--type is required"),
                record_line: args.line,
                value: args.value.expect("--value is required"),
                ttl: args.ttl,
                mx: args.mx,
            };
            vec![spec.checked().map_err(usage)?]
        }
    };
    let domain_ids = match args.domain_id {
        Some(ids) => ids.0,
        None => {
            let names = domains::collect(&args.domain, args.domain_file.as_deref(), NAMES_HINT)?;
            resolve::domain_ids(session.backend()?, &names)?
        }
    };
    let spec = JobSpec::RecordCreate {
        domain_ids,
        records,
    };
    submit(session, &[spec], &args.submit, None)
}
