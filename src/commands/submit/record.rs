//! What the history keeps of each part sent: its line, with the command whose operation
//! it is, the records as they were, and the operation's tag.

use super::Run;
use crate::history::Entry;
use crate::job::{Before, JobSpec, Part, Submitted};
use std::collections::HashMap;

impl Run<'_> {
    /// A record-modify or deletion part's records as they were before it: as read, else
    /// (a record-modify's) as echoed.
    /// An echoed record that already shows the change's target says nothing sure (the
    /// answer may show it changed), so it is left out rather than trusted.
    pub(super) fn before_of(
        &self,
        part: &Part,
        submitted: Option<&Submitted>,
    ) -> Option<Vec<Before>> {
        let (record_ids, change) = match &part.spec {
            JobSpec::RecordModify { record_ids, change } => (record_ids.clone(), Some(change)),
            JobSpec::RecordDelete { record_ids, .. } => (record_ids.clone(), None),
            // An apply's modifies: the records as the plan read them.
            JobSpec::RecordSteps { steps } => {
                (steps.iter().filter_map(|s| s.record_id).collect(), None)
            }
            _ => return None,
        };
        let echoed: HashMap<u64, &Before> = submitted
            .map(|s| {
                s.before
                    .iter()
                    .filter(|b| change.is_some_and(|c| !c.is_met_by(&b.record())))
                    .map(|b| (b.record_id, b))
                    .collect()
            })
            .unwrap_or_default();
        let before: Vec<Before> = record_ids
            .iter()
            .filter_map(|id| self.before.get(id).or_else(|| echoed.get(id)))
            .map(|b| (*b).clone())
            .collect();
        (!before.is_empty()).then_some(before)
    }

    /// Records a submit that made a job, or may have (`job_id` `None`: outcome unknown);
    /// the job exists either way, so a failure to record only warns.
    pub(super) fn remember(&mut self, submitted: Option<&Submitted>, index: usize, part: &Part) {
        let entry = Entry {
            before: self.before_of(part, submitted),
            ..Entry::new(
                submitted.map(|s| s.job_id),
                &part.spec,
                &self.session.account(),
            )
        };
        self.append(entry, index, part);
    }

    /// Appends a line of `part` (the `index`th of the operation) to the history; false
    /// when it could not (said).
    pub(super) fn append(&mut self, entry: Entry, index: usize, part: &Part) -> bool {
        let Some(history) = &self.session.history else {
            return false;
        };
        let entry = Entry {
            action: self.command.to_owned(),
            retry_of: part.retry_of,
            operation: self.operation.as_mut().map(|op| op.tag(index)),
            ..entry
        };
        let appended = history.append(&entry);
        if let (Ok(()), Some(op)) = (&appended, self.operation.as_mut()) {
            op.recorded = true;
        }
        if let Err(err) = appended {
            self.session.output.warn(&format!("{err:#}"));
            // The plan goes on the next line that is written, or `resume` has none.
            let plan = entry.operation.and_then(|tag| tag.plan);
            if let (Some(op), Some(plan)) = (self.operation.as_mut(), plan) {
                op.plan = Some(plan);
            }
            return false;
        }
        true
    }
}
