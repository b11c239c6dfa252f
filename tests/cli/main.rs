//! End-to-end tests: the real `dpbatch` binary against the project's fake DNSPod.

mod support;

mod actions;
mod apply;
mod both_apis;
mod calls;
mod config;
mod delete;
mod export;
mod export_hardening;
mod faults;
mod generated;
mod golden;
mod golden_flows;
mod hardening;
mod history;
mod history_hardening;
mod import;
mod import_hardening;
mod input_checks;
mod lookups;
mod names;
mod operations;
mod output;
mod plan;
mod retry;
mod secrets;
mod stderr_lines;
mod submit;
mod undo;
mod undo_hardening;
mod undo_mixed;
mod waiting;
