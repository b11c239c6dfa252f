//! End-to-end tests: the real `dpbatch` binary against the project's fake DNSPod.

mod support;

mod completions;
mod config;
mod faults;
mod input_checks;
mod output;
mod submit;
mod waiting;
