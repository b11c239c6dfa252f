//! What earlier retries of a job sent, read from their history entries: a retry of several
//! jobs can fail halfway, and the next retry of the same job must send exactly the rest.

use super::items::{Key, record_key};
use crate::history::Entry;
use crate::input::domains::{ascii_key, check_domain};
use crate::job::JobSpec;
use std::collections::HashSet;

/// The keys of every item the `earlier` retry jobs sent.
pub(super) fn keys(earlier: &[&Entry]) -> HashSet<Key> {
    let mut keys = HashSet::new();
    for entry in earlier {
        match &entry.spec {
            JobSpec::DomainCreate { domains, .. } => keys.extend(
                domains
                    .iter()
                    .filter_map(|name| check_domain(name).ok())
                    .map(|name| Key::Domain(ascii_key(&name).into_owned())),
            ),
            JobSpec::RecordCreate {
                domain_ids,
                records,
            } => {
                for domain_id in domain_ids {
                    for spec in records {
                        keys.extend(spec.host.split(',').map(|host| {
                            record_key(*domain_id, spec, if host.is_empty() { "@" } else { host })
                        }));
                    }
                }
            }
            JobSpec::RecordModify { record_ids, .. } => {
                keys.extend(record_ids.iter().copied().map(Key::Modify));
            }
            // No retry sends deletions (`items::failed_items` refuses delete jobs) or an
            // apply's steps.
            JobSpec::RecordDelete { .. } | JobSpec::RecordSteps { .. } => {}
        }
    }
    keys
}
