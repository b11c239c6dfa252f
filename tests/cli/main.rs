//! End-to-end tests: the real `dpbatch` binary against the project's fake DNSPod.

mod support;

mod both_apis;
mod config;
mod export;
mod faults;
mod generated;
mod golden;
mod hardening;
mod history;
mod import;
mod input_checks;
mod lookups;
mod names;
mod operations;
mod output;
mod retry;
mod secrets;
mod stderr_lines;
mod submit;
mod undo;
mod waiting;
