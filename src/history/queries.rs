//! The history as one account sees it: job ids mean something only there, so `--last`,
//! `retry`, `resume` and `undo` look only at the current account's operations.

use super::file::Skipped;
use super::{
    Account, Entry, History, MAX_LINE, Operation, OperationId, format_utc, newest, operations,
};
use crate::error::usage;
use rust_i18n::t;

/// Where the queries report what the caller should hear of (skipped lines, unknown parts).
pub(crate) type Warn<'a> = Box<dyn Fn(&str) + 'a>;

/// The job history of one account.
pub(crate) struct Ledger<'a> {
    /// `None` when the platform has no place for a history.
    pub history: Option<&'a History>,
    pub account: Account,
    pub warn: Warn<'a>,
}

impl Ledger<'_> {
    /// The account's operations, oldest first: every one.
    #[cfg(test)]
    pub(crate) fn operations(&self) -> anyhow::Result<Vec<Operation>> {
        let Some(history) = self.history else {
            return Ok(Vec::new());
        };
        let (entries, skipped) = history.read()?;
        warn_skipped(history, &skipped, &self.warn);
        Ok(self.of_account(entries))
    }

    /// The account's newest operations, oldest first, back to the one holding `job_id`
    /// (the newest without one), read from the history's end: what [`Ledger::operation`]
    /// and [`Ledger::last`] pick from.
    pub(crate) fn holding(&self, job_id: Option<u64>) -> anyhow::Result<Vec<Operation>> {
        self.reaching(|first, ids| {
            job_id.is_none_or(|id| ids.contains(&id)) && first.is_for(&self.account)
        })
    }

    /// The account's newest operations, oldest first, back to the operation `id`.
    pub(crate) fn with_id(&self, id: &OperationId) -> anyhow::Result<Vec<Operation>> {
        self.reaching(|first, _| first.operation.as_ref().is_some_and(|tag| &tag.id == id))
    }

    fn reaching(&self, pick: impl Fn(&Entry, &[u64]) -> bool) -> anyhow::Result<Vec<Operation>> {
        let entries = newest(self.history, &self.warn, 1, pick)?;
        Ok(self.of_account(entries))
    }

    /// `operation` with the before-states its lines keep in files of their own read in.
    pub(crate) fn with_before(&self, operation: &Operation) -> anyhow::Result<Operation> {
        let mut operation = operation.clone();
        if let Some(history) = self.history {
            history.load_before(&mut operation.jobs)?;
        }
        Ok(operation)
    }

    /// `entries` as operations, only this account's.
    pub(crate) fn of_account(&self, entries: Vec<Entry>) -> Vec<Operation> {
        let mut operations = operations(entries);
        operations.retain(|operation| operation.is_for(&self.account));
        operations
    }

    /// The jobs a command names: `job_ids`, or with `last` every job of the newest
    /// operation of this account.
    pub(crate) fn job_ids(&self, last: bool, job_ids: &[u64]) -> anyhow::Result<Vec<u64>> {
        if !last {
            return Ok(job_ids.to_vec());
        }
        self.last_jobs(&self.holding(None)?)
    }

    /// Every job of the newest operation, for `--last`; refused when it made none.
    pub(crate) fn last_jobs(&self, operations: &[Operation]) -> anyhow::Result<Vec<u64>> {
        let operation = self.last(operations)?;
        for unknown in operation.unknown() {
            let part = unknown.spec.summary();
            (self.warn)(&t!("history.last_unknown_part", part = part));
        }
        let ids = operation.job_ids();
        if ids.is_empty() {
            // Record.Remove calls, one a record: nothing to wait for, show or retry.
            let entry = operation.first();
            let at = format_utc(entry.submitted_at);
            return Err(usage(t!(
                "history.last_no_job",
                action = entry.action,
                at = at
            )));
        }
        Ok(ids)
    }

    /// The operation holding `job_id`, or without one the newest; `None` for a job id the
    /// history does not hold.
    pub(crate) fn operation<'o>(
        &self,
        operations: &'o [Operation],
        job_id: Option<u64>,
    ) -> anyhow::Result<Option<&'o Operation>> {
        match job_id {
            Some(job_id) => Ok(operations.iter().rfind(|op| op.contains(job_id))),
            None => self.last(operations).map(Some),
        }
    }

    /// The newest operation of this account's history, for `--last`; never past a submit
    /// whose outcome is unknown and made no job known, which may be newer than any job it
    /// could name.
    pub(crate) fn last<'o>(&self, operations: &'o [Operation]) -> anyhow::Result<&'o Operation> {
        let Some(operation) = operations.last() else {
            let place = self.history.map_or_else(
                || t!("history.no_history"),
                |h| t!("history.none_in", file = h.path().display()),
            );
            let account = &self.account;
            let endpoint = &account.endpoint;
            return Err(usage(match account.profile.as_deref() {
                Some(profile) => t!(
                    "history.last_none_profile",
                    endpoint = endpoint,
                    profile = profile,
                    place = place
                ),
                None => t!("history.last_none", endpoint = endpoint, place = place),
            }));
        };
        if !operation.is_known() {
            let entry = operation.first();
            let at = format_utc(entry.submitted_at);
            return Err(usage(t!(
                "history.last_unknown",
                action = entry.action,
                at = at
            )));
        }
        Ok(operation)
    }
}

/// Warns of the lines of `history` that had to be skipped.
pub(super) fn warn_skipped(history: &History, skipped: &Skipped, warn: &dyn Fn(&str)) {
    let path = history.path().display();
    if skipped.unreadable > 0 {
        warn(&t!(
            "history.skipped_unreadable",
            count = skipped.unreadable,
            file = path
        ));
    }
    if skipped.too_long > 0 {
        let mib = MAX_LINE >> 20;
        warn(&t!(
            "history.skipped_long",
            count = skipped.too_long,
            file = path,
            mib = mib
        ));
    }
}
