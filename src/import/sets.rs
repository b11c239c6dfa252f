//! The records of a file grouped by the domain they go to, each distinct record held once
//! however many domains get it: a file of a million rows for a million domains keeps one
//! copy of the record they share, not a million.

use super::Set;
use crate::input::domains::ascii_key;
use crate::job::RecordSpec;
use compact_str::CompactString;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Gathers records into sets, in the order the file first names each domain.
#[derive(Default)]
pub(super) struct Grouper {
    sets: Vec<Set>,
    /// By the domain's ASCII form: two spellings (Unicode and punycode) are one domain.
    named: HashMap<CompactString, usize>,
    /// The set of the records that name no domain.
    unnamed: Option<usize>,
    /// Each distinct record once, with the set it was first given in.
    specs: HashMap<Rc<RecordSpec>, usize>,
    /// The sets a record went into after its first: with `specs`, each set gets a record
    /// once as it is added, with no pass over the sets afterwards.
    again: HashSet<(usize, *const RecordSpec)>,
}

impl Grouper {
    pub(super) fn add(&mut self, domain: Option<&str>, spec: RecordSpec) {
        let slot = match domain {
            Some(name) => self.named.get(ascii_key(name).as_ref()).copied(),
            None => self.unnamed,
        };
        let at = slot.unwrap_or_else(|| self.open(domain.map(CompactString::from)));
        if let Some(spec) = self.once_in(at, spec) {
            self.sets[at].records.push(spec);
        }
    }

    /// The sets, each record once in each.
    pub(super) fn finish(self) -> Vec<Set> {
        self.sets
    }

    fn open(&mut self, domain: Option<CompactString>) -> usize {
        let at = self.sets.len();
        match &domain {
            Some(name) => {
                self.named.insert(ascii_key(name).as_ref().into(), at);
            }
            None => self.unnamed = Some(at),
        }
        self.sets.push(Set {
            domain,
            records: Vec::new(),
        });
        at
    }

    /// The one copy of this record, `None` when set `at` has it already: a second copy
    /// would fail as a twin of the first.
    fn once_in(&mut self, at: usize, spec: RecordSpec) -> Option<Rc<RecordSpec>> {
        let Some((known, &first)) = self.specs.get_key_value(&spec) else {
            let spec = Rc::new(spec);
            self.specs.insert(Rc::clone(&spec), at);
            return Some(spec);
        };
        let fresh = first != at && self.again.insert((at, Rc::as_ptr(known)));
        fresh.then(|| Rc::clone(known))
    }
}

/// The specs in order, each once: a second copy would fail as a twin of the first.
/// A [`Grouper`] holds each distinct record once, so its equal records are one `Rc`: the
/// pointer tells them apart without hashing every record's contents again.
pub(crate) fn each_once(records: Vec<Rc<RecordSpec>>) -> Vec<Rc<RecordSpec>> {
    let mut seen = HashSet::new();
    records
        .into_iter()
        .filter(|spec| seen.insert(Rc::as_ptr(spec)))
        .collect()
}
