//! What earlier retries of a job sent, read from their history entries: a retry of several
//! jobs can fail halfway, and the next retry of the same job must send exactly the rest.

use super::items::{Key, record_key};
use crate::history::Entry;
use crate::input::domains::{ascii_key, check_domain};
use crate::input::records::RecordSpec;
use std::collections::HashSet;

/// The keys of every item the `earlier` retry jobs sent.
pub(super) fn keys(earlier: &[&Entry]) -> HashSet<Key> {
    let mut keys = HashSet::new();
    for entry in earlier {
        let param = |key: &str| entry.params.get(key).map_or("", String::as_str);
        match entry.action.as_str() {
            "domain-create" => keys.extend(
                param("domains")
                    .split(',')
                    .filter_map(|name| check_domain(name).ok())
                    .map(|name| Key::Domain(ascii_key(&name).into_owned())),
            ),
            "record-create" => {
                // A history line that does not parse covers nothing: sending again is
                // safer than leaving an item out for good.
                let specs: Vec<RecordSpec> =
                    serde_json::from_str(param("records")).unwrap_or_default();
                for domain_id in ids(param("domain_id")) {
                    for spec in &specs {
                        keys.extend(spec.sub_domain.split(',').map(|host| {
                            record_key(domain_id, spec, if host.is_empty() { "@" } else { host })
                        }));
                    }
                }
            }
            "record-modify" => keys.extend(ids(param("record_id")).map(Key::Modify)),
            _ => {}
        }
    }
    keys
}

fn ids(list: &str) -> impl Iterator<Item = u64> + '_ {
    list.split(',').filter_map(|id| id.trim().parse().ok())
}
