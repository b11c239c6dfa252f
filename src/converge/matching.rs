//! Matching desired records to current ones within each (host, type, line) group.

use crate::job::{Action, DEFAULT_LINE, Record, Step, host_key, same_type, same_weight, value_key};
use std::collections::{BTreeMap, HashMap};

/// A group's key: the host in one form ([`host_key`]), the type, the line.
type Key = (String, String, String);

fn key(record: &Record) -> Key {
    let host = host_key(&record.host);
    let line = match record.line.trim() {
        "" => DEFAULT_LINE,
        line => line,
    };
    (
        host,
        record.record_type.trim().to_ascii_uppercase(),
        line.to_owned(),
    )
}

fn value_of(record: &Record) -> String {
    value_key(Some(&record.record_type), &record.value)
}

/// Whether two records are one record: the same host, type, line and value.
pub(super) fn same_record(a: &Record, b: &Record) -> bool {
    key(a) == key(b) && value_of(a) == value_of(b)
}

/// Whether a record as it is and as wanted differ in what a modify sets: TTL, MX (of an
/// MX record), weight, enabled, remark.
fn differs(before: &Record, after: &Record) -> bool {
    let mx = |r: &Record| r.mx.filter(|_| same_type(&r.record_type, "MX"));
    before.ttl != after.ttl
        || mx(before) != mx(after)
        || !same_weight(before.weight, after.weight)
        || before.enabled != after.enabled
        || before.remark != after.remark
}

/// A current record (with its ID) and a desired one, either of which may be missing, and
/// whether they are one record (paired by value, so nothing is compared twice).
type Pair<'a> = (Option<&'a (u64, Record)>, Option<&'a Record>, bool);

#[derive(Default)]
struct Group<'a> {
    wanted: Vec<&'a Record>,
    current: Vec<&'a (u64, Record)>,
}

/// The domain's steps: creates, modifies, deletes, each in group then value order.
pub(super) fn steps(
    (domain, domain_id): (&str, u64),
    wanted: &[&Record],
    current: &[(u64, Record)],
) -> Vec<Step> {
    let mut groups: BTreeMap<Key, Group<'_>> = BTreeMap::new();
    for record in wanted {
        groups.entry(key(record)).or_default().wanted.push(record);
    }
    for record in current {
        groups
            .entry(key(&record.1))
            .or_default()
            .current
            .push(record);
    }
    let step = |action, current: Option<&(u64, Record)>, after: Option<&Record>| Step {
        action,
        domain: domain.into(),
        domain_id,
        record_id: current.map(|c| c.0),
        before: current.map(|c| c.1.clone()),
        after: after.cloned(),
    };
    let mut by_action: [Vec<Step>; 3] = Default::default();
    for group in groups.into_values() {
        for (current, after, same) in pair(group) {
            let (action, slot) = match (current, after) {
                (None, _) => (Action::Create, 0),
                (Some(_), Some(_)) => (Action::Modify, 1),
                (Some(_), None) => (Action::Delete, 2),
            };
            let unchanged =
                matches!((current, after), (Some(c), Some(a)) if same && !differs(&c.1, a));
            if !unchanged {
                by_action[slot].push(step(action, current, after));
            }
        }
    }
    by_action.into_iter().flatten().collect()
}

/// A group's records in pairs, in value order: first those of the same value (the same
/// record), then the rest of both sides paired in the order of their values (current
/// ones by value then ID, desired ones by value then place in the files) as value
/// changes that keep the record's ID; what one side has over is a create or a delete.
fn pair<'a>(group: Group<'a>) -> Vec<Pair<'a>> {
    let mut current = group.current;
    current.sort_by_cached_key(|c| (value_of(&c.1), c.0));
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
    for (at, c) in current.iter().enumerate().rev() {
        by_value.entry(value_of(&c.1)).or_default().push(at);
    }
    let mut taken = vec![false; current.len()];
    let mut pairs = Vec::new();
    let mut left = Vec::new();
    for wanted in group.wanted {
        match by_value.get_mut(&value_of(wanted)).and_then(Vec::pop) {
            Some(at) => {
                taken[at] = true;
                pairs.push((Some(current[at]), Some(wanted), true));
            }
            None => left.push(wanted),
        }
    }
    left.sort_by_cached_key(|w| value_of(w));
    let mut unpaired = current
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(c, _)| *c);
    for wanted in left {
        pairs.push((unpaired.next(), Some(wanted), false));
    }
    pairs.extend(unpaired.map(|c| (Some(c), None, false)));
    pairs
}
