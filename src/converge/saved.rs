//! A saved plan (`plan --out FILE`), for `apply --plan FILE` to carry out exactly: the
//! steps, and each domain's digest of the records they were planned from.

use super::DomainPlan;
use crate::input::ignore::Ignore;
use crate::job::Step;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The format's version; a reader refuses any other.
pub(crate) const SAVED_PLAN_VERSION: u32 = 1;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct SavedPlan {
    pub version: u32,
    /// The `--ignore` patterns (flags and config) the plan was made with.
    pub ignore: Vec<String>,
    pub domains: Vec<SavedDomain>,
    pub steps: Vec<Step>,
}

/// A domain of a saved plan, changed or not: apply checks each is as it was.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct SavedDomain {
    pub domain: CompactString,
    pub domain_id: u64,
    /// How many current records the plan weighed (the thresholds' base).
    pub records: usize,
    /// `converge::digest` of those records.
    pub digest: String,
    /// The lines besides the default one those records were taken from; `None`: every
    /// line (so apply reads back the same records to digest).
    pub lines: Option<BTreeSet<CompactString>>,
}

impl SavedPlan {
    pub(crate) fn new(plans: &[DomainPlan], ignore: &[Ignore]) -> SavedPlan {
        SavedPlan {
            version: SAVED_PLAN_VERSION,
            ignore: ignore.iter().map(Ignore::text).collect(),
            domains: plans
                .iter()
                .map(|p| SavedDomain {
                    domain: p.domain.clone(),
                    domain_id: p.domain_id,
                    records: p.managed,
                    digest: p.digest.clone(),
                    lines: p.lines.clone(),
                })
                .collect(),
            steps: plans.iter().flat_map(|p| p.steps.iter().cloned()).collect(),
        }
    }
}
