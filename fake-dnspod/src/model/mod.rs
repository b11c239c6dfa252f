//! What the fake remembers and how it changes, in no API's terms: the account (`zone.rs`),
//! batch jobs (`job.rs`, their items and changes), the vendor's job limits
//! (`admission.rs`), the rules a record written must meet (`rules.rs`), the lies a job's detail can tell (`falsehood.rs`), and the state that
//! holds them all (`state.rs`). Neither wire format is imported here.

pub(crate) mod admission;
pub(crate) mod change;
pub(crate) mod falsehood;
pub(crate) mod item;
pub(crate) mod job;
pub(crate) mod rules;
pub(crate) mod state;
pub(crate) mod zone;
