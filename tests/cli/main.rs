//! End-to-end tests: the real `dpbatch` binary against the project's fake DNSPod.

mod support;

mod actions;
mod apply;
mod apply_hardening;
mod both_apis;
mod calls;
#[cfg(unix)]
mod ci_script;
mod config;
mod delete;
mod dry_run;
mod export;
mod export_hardening;
mod export_streaming;
mod faults;
mod generated;
mod golden;
mod golden_flows;
mod hardening;
mod help_truth;
mod history;
mod history_hardening;
mod history_scale;
mod import;
mod import_hardening;
mod input_checks;
mod jobs_account;
mod lang;
mod lang_input;
mod lang_output;
mod lookups;
mod names;
mod operations;
mod output;
mod plan;
mod plan_forms;
#[cfg(unix)]
mod readme;
mod readme_zh;
mod records_file_order;
mod retry;
mod secrets;
mod stderr_lines;
mod submit;
mod undo;
mod undo_apply;
mod undo_hardening;
mod undo_mixed;
mod waiting;
mod zh_backend;
mod zh_cmd;
mod zh_sweep;
