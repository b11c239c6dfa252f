//! `domain-create` and `record-create`: the domains or the record specs, checked, then
//! the jobs (one, or for a records file naming domains, one a distinct set of records).

use super::submit::{job_size, submit};
use crate::cli::{DomainCreateArgs, RecordCreateArgs};
use crate::error::{Outcome, usage};
use crate::import::{self, Set};
use crate::input::domains;
use crate::job::{JobSpec, RecordSpec, record_create_jobs};
use crate::resolve;
use crate::session::Session;
use crate::split::{self, Capabilities};
use rust_i18n::t;
use std::collections::HashMap;
use std::rc::Rc;

/// How to name the domains a command works on, for an error that has none.
pub(super) fn names_hint() -> String {
    t!("create.names_hint").into_owned()
}

pub(super) fn domains(session: &Session, args: DomainCreateArgs) -> anyhow::Result<Outcome> {
    let domains = domains::collect(
        &args.domains,
        args.file.as_deref(),
        &t!("create.domains_hint"),
    )?;
    let spec = JobSpec::DomainCreate {
        domains,
        value: args.value.map(|ip| ip.to_string()),
    };
    submit(session, "domain-create", &[spec], &args.submit)
}

pub(super) fn records(session: &Session, args: RecordCreateArgs) -> anyhow::Result<Outcome> {
    let given = given(&args)?;
    let sets = match &args.records_file {
        Some(path) => {
            let one = match &given {
                Some(Given::Names(names)) if names.len() == 1 => Some(names[0].as_str()),
                _ => None,
            };
            let import = import::read(path, one)?;
            for note in &import.notes {
                session.output.note(note);
            }
            import.sets
        }
        None => {
            let spec = RecordSpec {
                host: args.sub,
                // clap requires both without --records-file.
                record_type: args.record_type.expect("--type is required"),
                line: args.line,
                value: args.value.expect("--value is required"),
                ttl: args.ttl,
                mx: args.mx,
            };
            vec![Set {
                domain: None,
                records: vec![Rc::new(spec.checked().map_err(usage)?)],
            }]
        }
    };
    let api = session.capabilities()?;
    let jobs = jobs(session, given, sets, job_size(&args.submit, &api), &api)?;
    submit(session, "record-create", &jobs, &args.submit)
}

/// The domains the command line names, if it names any.
enum Given {
    Ids(Vec<u64>),
    Names(Vec<String>),
}

fn given(args: &RecordCreateArgs) -> anyhow::Result<Option<Given>> {
    if let Some(ids) = &args.domain_id {
        return Ok(Some(Given::Ids(ids.0.clone())));
    }
    if args.domain.is_empty() && args.domain_file.is_none() {
        return Ok(None);
    }
    let names = domains::collect(&args.domain, args.domain_file.as_deref(), &names_hint())?;
    Ok(Some(Given::Names(names)))
}

/// Every record on the domains the command line names, in one job; else each set on
/// the domain it names, a job for each distinct set of records.
fn jobs(
    session: &Session,
    given: Option<Given>,
    sets: Vec<Set>,
    job_size: usize,
    api: &Capabilities,
) -> anyhow::Result<Vec<JobSpec>> {
    if let Some(given) = given {
        let records = import::each_once(sets.into_iter().flat_map(|set| set.records).collect());
        // Each distinct record is now its one `Rc`: taken out, not copied.
        let records = records.into_iter().map(Rc::unwrap_or_clone).collect();
        let domain_ids = match given {
            Given::Ids(ids) => ids,
            Given::Names(names) => resolve::domain_ids(session.backend()?, &names)?,
        };
        return Ok(vec![JobSpec::RecordCreate {
            domain_ids,
            records,
        }]);
    }
    if sets.iter().any(|set| set.domain.is_none()) {
        return Err(usage(t!("create.no_domain")));
    }
    fits_the_hour(&sets, job_size, api)?;
    let names: Vec<String> = sets
        .iter()
        .flat_map(|set| set.domain.as_deref())
        .map(str::to_owned)
        .collect();
    let ids = resolve::ids_of(session.backend()?, &names)?;
    // In the file's order, which the jobs keep.
    let mut by_id: Vec<(u64, Vec<&RecordSpec>)> = Vec::new();
    let mut at: HashMap<u64, usize> = HashMap::new();
    for (id, set) in ids.into_iter().zip(&sets) {
        let slot = *at.entry(id).or_insert_with(|| {
            by_id.push((id, Vec::new()));
            by_id.len() - 1
        });
        let specs = &mut by_id[slot].1;
        // Two names of one domain (an alias): their records once.
        let new: Vec<&RecordSpec> = match specs.is_empty() {
            true => set.records.iter().map(|s| &**s).collect(),
            false => set
                .records
                .iter()
                .map(|s| &**s)
                .filter(|s| !specs.contains(s))
                .collect(),
        };
        specs.extend(new);
    }
    Ok(record_create_jobs(by_id))
}

/// Refuses a file whose records would need more jobs than an hour allows before any
/// domain is looked up: a file of a million domains is refused at once, not after a
/// million look-ups. Counted as if every name were a domain of its own (two names of one
/// domain are rare, and share a job when they have the same records).
fn fits_the_hour(sets: &[Set], job_size: usize, api: &Capabilities) -> anyhow::Result<()> {
    let mut groups: HashMap<&[Rc<RecordSpec>], usize> = HashMap::new();
    for set in sets {
        *groups.entry(&set.records).or_default() += 1;
    }
    let groups: Vec<(usize, usize)> = groups
        .into_iter()
        .map(|(records, domains)| {
            (
                domains,
                split::records_per_domain(records.iter().map(|s| &**s)),
            )
        })
        .collect();
    split::check_record_create(&groups, job_size, api)
}
