//! The legacy look-ups as pages for the shared strategy (`backend/pager.rs`): Domain.List
//! and Record.List pages (3000 entries at most, whatever `length` asks), and Domain.Info.

use super::client::Client;
use super::codes;
use super::lookups::{DomainInfoAnswer, DomainListAnswer, RecordListAnswer};
use super::wire::{Action, Request};
use crate::backend::CallError;
use crate::backend::call::retrying;
use crate::backend::pager::{self, DomainPage, Lister, PAGE, RecordPage};
use anyhow::Context;
use rust_i18n::t;

fn page_request(action: Action, offset: u64, mut params: Vec<(&'static str, String)>) -> Request {
    params.extend([("offset", offset.to_string()), ("length", PAGE.to_string())]);
    Request { action, params }
}

/// Whether a look-up refused because the domain is not in the account.
fn not_in_account(err: &CallError, action: Action) -> bool {
    matches!(err, CallError::Refused(r) if codes::not_in_account(action, &r.code))
}

impl Lister for Client {
    fn domain_page(&self, offset: u64) -> anyhow::Result<Option<DomainPage>> {
        let request = page_request(Action::DomainList, offset, Vec::new());
        match retrying(|| self.call::<DomainListAnswer>(&request, None)) {
            Ok(page) => Ok(Some(DomainPage {
                domains: page
                    .domains
                    .iter()
                    .map(|d| (d.id, pager::key(d.punycode.as_deref(), d.name.as_deref())))
                    .collect(),
                total: page.info.domain_total,
            })),
            // The account holds no domains.
            Err(err) if not_in_account(&err, Action::DomainList) => Ok(None),
            Err(err) => Err(err.into_error()).context(t!("backend.list_domains")),
        }
    }

    fn domain_id(&self, name: &str) -> anyhow::Result<Option<u64>> {
        let request = Request {
            action: Action::DomainInfo,
            params: vec![("domain", name.to_owned())],
        };
        match retrying(|| self.call::<DomainInfoAnswer>(&request, None)) {
            Ok(answer) => Ok(Some(answer.domain.id)),
            Err(err) if not_in_account(&err, Action::DomainInfo) => Ok(None),
            Err(err) => {
                Err(err.into_error()).with_context(|| t!("backend.look_up_domain", domain = name))
            }
        }
    }

    fn record_page(
        &self,
        domain: &str,
        host: Option<&str>,
        offset: u64,
    ) -> anyhow::Result<Option<RecordPage>> {
        let mut params = vec![("domain", domain.to_owned())];
        params.extend(host.map(|host| ("sub_domain", host.to_owned())));
        let request = page_request(Action::RecordList, offset, params);
        match retrying(|| self.call::<RecordListAnswer>(&request, None)) {
            Ok(page) => Ok(Some(RecordPage {
                total: page.info.record_total,
                records: page.records.into_iter().map(|r| r.into_record()).collect(),
            })),
            Err(CallError::Refused(r)) if codes::is_empty_list(Action::RecordList, &r.code) => {
                Ok(Some(RecordPage {
                    records: Vec::new(),
                    total: Some(0),
                }))
            }
            Err(err) if not_in_account(&err, Action::RecordList) => Ok(None),
            Err(err) => {
                Err(err.into_error()).with_context(|| t!("backend.list_records", domain = domain))
            }
        }
    }
}
