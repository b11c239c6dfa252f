//! DNSPod's legacy batch API: wire types, tolerant deserialisers and the HTTP client.

mod client;
pub(crate) mod de;
mod lookups;
mod types;

pub(crate) use client::{CallError, Client, ClientOptions, Endpoint, Lang};
pub(crate) use lookups::{
    AccountDomain, AccountRecord, DomainInfoAnswer, DomainListAnswer, PAGE, RecordListAnswer,
    means_not_in_account,
};
pub(crate) use types::{Action, Domain, ItemStatus, JobDetail, Record, Request, Tally};
