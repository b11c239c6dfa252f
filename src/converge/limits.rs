//! The thresholds (as octoDNS has them): a plan that modifies or deletes too large a
//! share of a domain's records is more likely a mistake in the files than a wish.

use super::DomainPlan;
use crate::job::Action;
use compact_str::CompactString;
use rust_i18n::t;
use std::fmt;

/// Domains of fewer current records are never refused: a share of a few is no signal.
pub(crate) const MIN_RECORDS: usize = 10;

/// The largest shares, in percent, of a domain's records a plan may modify and delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Thresholds {
    pub max_modify: u64,
    pub max_delete: u64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            max_modify: 30,
            max_delete: 30,
        }
    }
}

/// A domain whose plan goes over a threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub domain: CompactString,
    /// `Modify` or `Delete`.
    pub action: Action,
    pub changes: usize,
    pub of: usize,
    /// The threshold it goes over, in percent.
    pub limit: u64,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = match self.action {
            Action::Delete => "plan.refusal_delete",
            _ => "plan.refusal_modify",
        };
        f.write_str(&t!(
            key,
            domain = self.domain,
            changes = self.changes,
            of = self.of,
            share = format!("{:.0}", self.changes as f64 * 100.0 / self.of as f64),
            limit = self.limit
        ))
    }
}

/// Every domain of `plans` over a threshold, each with its share; deletes count only
/// when they would be carried out (`deleting`, apply's `--delete`).
pub(crate) fn refusals(plans: &[DomainPlan], limits: Thresholds, deleting: bool) -> Vec<Refusal> {
    let mut refused = Vec::new();
    for plan in plans.iter().filter(|p| p.managed >= MIN_RECORDS) {
        let count = |action| plan.steps.iter().filter(|s| s.action == action).count();
        let checks = [
            (Action::Modify, limits.max_modify, true),
            (Action::Delete, limits.max_delete, deleting),
        ];
        for (action, limit, counted) in checks {
            let changes = count(action);
            // Over the share: changes / of > limit / 100, in integers.
            if counted && changes as u64 * 100 > limit * plan.managed as u64 {
                refused.push(Refusal {
                    domain: plan.domain.clone(),
                    action,
                    changes,
                    of: plan.managed,
                    limit,
                });
            }
        }
    }
    refused
}
