//! How the calls of a part sent one call a record ended (a record removed, or an apply's
//! record created or modified whole, each named by its key: `Step::call_key`), kept on the part's lines: what
//! `resume` must not send again and what `undo` may put back. A run writes a line before
//! each call, naming the call about to go and how the one before ended, so that a run
//! killed mid-part leaves every call it sent on record; its lines read back as one.

use serde::{Deserialize, Serialize};

/// The records of a part's calls, by ID, by how each call ended.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub(crate) struct Calls {
    /// Done as asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<u64>,
    /// Not there any more: nothing to do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gone: Vec<u64>,
    /// Refused for the record alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failed: Vec<u64>,
    /// Its answer was lost: it may have been done. Never sent again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<u64>,
    /// Refused as a whole (the login, a lock, the rate) or never sent: nothing was done,
    /// and `resume` sends it again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unsent: Vec<u64>,
    /// The call about to be sent when the line was written. The run's next line says how
    /// it ended; without one (the run was killed) it may have been done, as if unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sending: Option<u64>,
    /// Read back, not written: calls named `sending` on an earlier line of the run that no
    /// line since says the end of. Calls go several at once, so a call's end may come
    /// lines after it was sent; one no line ends may have been done, as if unknown.
    #[serde(skip)]
    pub in_flight: Vec<u64>,
    /// Of the calls that created a record (an apply's), each call's key and the new
    /// record's ID, for `undo` to delete it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub created: Vec<[u64; 2]>,
}

/// How one call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CallEnd {
    Done,
    Gone,
    Failed,
    Unknown,
    Unsent,
}

/// How one call that did not stop the run came out, as shown on stdout.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Removed {
    Deleted,
    /// Not there any more: deleted meanwhile.
    Gone,
    /// Refused: why, in the language of the messages for people, and in English for
    /// `--json` (never translated).
    Failed {
        shown: String,
        english: String,
    },
}

impl Removed {
    pub(crate) fn status(&self) -> &'static str {
        match self {
            Removed::Deleted => "deleted",
            Removed::Gone => "gone",
            Removed::Failed { .. } => "error",
        }
    }

    /// How the call ended, as its history line keeps it.
    pub(crate) fn end(&self) -> CallEnd {
        match self {
            Removed::Deleted => CallEnd::Done,
            Removed::Gone => CallEnd::Gone,
            Removed::Failed { .. } => CallEnd::Failed,
        }
    }
}

impl Calls {
    pub(crate) fn push(&mut self, record_id: u64, end: CallEnd) {
        let list = match end {
            CallEnd::Done => &mut self.done,
            CallEnd::Gone => &mut self.gone,
            CallEnd::Failed => &mut self.failed,
            CallEnd::Unknown => &mut self.unknown,
            CallEnd::Unsent => &mut self.unsent,
        };
        list.push(record_id);
    }

    /// Every record a call was sent for, however it ended (the one being sent too).
    pub(crate) fn sent(&self) -> impl Iterator<Item = u64> + '_ {
        self.done
            .iter()
            .chain(&self.gone)
            .chain(&self.failed)
            .chain(&self.unknown)
            .chain(&self.in_flight)
            .chain(&self.sending)
            .copied()
    }

    /// Whether the line says nothing of any record.
    pub(crate) fn is_empty(&self) -> bool {
        self.sent().next().is_none() && self.unsent.is_empty()
    }

    /// These calls and the `next` line's of the same run as one: a call this line or an
    /// earlier one was sending ended as `next` says, or, until a line names it, is still
    /// in flight.
    pub(crate) fn followed_by(mut self, next: Calls) -> Calls {
        self.in_flight.extend(self.sending.take());
        let named: std::collections::HashSet<u64> =
            next.sent().chain(next.unsent.iter().copied()).collect();
        self.in_flight.retain(|id| !named.contains(id));
        self.done.extend(next.done);
        self.gone.extend(next.gone);
        self.failed.extend(next.failed);
        self.unknown.extend(next.unknown);
        self.unsent.extend(next.unsent);
        self.created.extend(next.created);
        self.in_flight.extend(next.in_flight);
        self.sending = next.sending;
        self
    }

    /// The calls once no line follows: one still being sent may have been done.
    pub(crate) fn settled(mut self) -> Calls {
        self.in_flight.extend(self.sending.take());
        self.unknown.append(&mut self.in_flight);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(ends: &[(u64, CallEnd)], sending: Option<u64>) -> Calls {
        let mut calls = Calls {
            sending,
            ..Calls::default()
        };
        for (id, end) in ends {
            calls.push(*id, *end);
        }
        calls
    }

    #[test]
    fn a_runs_lines_read_as_one_and_a_call_no_line_ends_is_unknown() {
        let run = line(&[], Some(1))
            .followed_by(line(&[(1, CallEnd::Done)], Some(2)))
            .followed_by(line(&[(2, CallEnd::Gone)], Some(3)))
            .followed_by(line(&[(3, CallEnd::Unsent)], None));
        assert_eq!(
            run,
            line(
                &[(1, CallEnd::Done), (2, CallEnd::Gone), (3, CallEnd::Unsent)],
                None
            )
        );
        assert_eq!(run.sent().collect::<Vec<_>>(), [1, 2], "3 is sent again");
        let killed = line(&[(1, CallEnd::Done)], Some(2));
        assert_eq!(killed.clone().settled().unknown, [2]);
        // A resume's line names none of the killed run's: its call stays unknown.
        let resumed = killed.followed_by(line(&[], Some(4))).settled();
        assert_eq!(resumed.unknown, [2, 4]);
        assert_eq!(resumed.sent().collect::<Vec<_>>(), [1, 2, 4]);
    }

    #[test]
    fn a_call_still_in_flight_when_later_lines_are_written_ends_where_a_line_names_it() {
        let run = line(&[], Some(1))
            .followed_by(line(&[], Some(2)))
            .followed_by(line(&[(2, CallEnd::Done)], Some(3)))
            .followed_by(line(&[(3, CallEnd::Done), (1, CallEnd::Unsent)], None))
            .settled();
        assert_eq!(run.done, [2, 3]);
        assert_eq!(run.unsent, [1], "not sent after all: resume sends it");
        assert!(run.unknown.is_empty(), "{run:?}");
        // Killed with two in flight: both may have been done.
        let killed = line(&[], Some(1)).followed_by(line(&[], Some(2))).settled();
        assert_eq!(killed.unknown, [1, 2]);
    }

    #[test]
    fn a_line_of_an_older_dpbatch_reads_without_the_new_fields() {
        let calls: Calls = serde_json::from_str(r#"{"done":[1],"unknown":[2]}"#).unwrap();
        assert_eq!(
            calls,
            line(&[(1, CallEnd::Done), (2, CallEnd::Unknown)], None)
        );
        assert_eq!(
            serde_json::to_string(&calls).unwrap(),
            r#"{"done":[1],"unknown":[2]}"#
        );
    }
}
