//! The look-ups' strategy on the legacy API: names to domain IDs through Domain.List pages
//! or Domain.Info, whichever costs fewer requests, and a domain's records through
//! Record.List pages. Both lists are paged by force at 3000 entries, and paging ends at
//! an empty page or one that adds nothing new, whatever total the server claims.

use super::client::Client;
use super::codes;
use super::lookups::{AccountDomain, DomainInfoAnswer, DomainListAnswer, PAGE, RecordListAnswer};
use super::wire::{Action, Request};
use crate::backend::CallError;
use crate::backend::call::retrying;
use crate::input::domains::ascii_key;
use crate::job::AccountRecord;
use crate::parallel;
use anyhow::Context;
use std::collections::{HashMap, HashSet};

/// Paging stops here whatever totals a server claims: 3 million entries.
const MAX_PAGES: u64 = 1000;

fn page_request(action: Action, offset: u64, mut params: Vec<(&'static str, String)>) -> Request {
    params.extend([("offset", offset.to_string()), ("length", PAGE.to_string())]);
    Request { action, params }
}

/// Whether a look-up refused because the domain is not in the account.
fn not_in_account(err: &CallError, action: Action) -> bool {
    matches!(err, CallError::Refused(r) if codes::not_in_account(action, &r.code))
}

/// The key a domain of the account shares with the names given for it (see `ascii_key`).
fn account_key(domain: &AccountDomain) -> Option<String> {
    let name = domain.punycode.as_deref().or(domain.name.as_deref())?;
    Some(ascii_key(&name.to_lowercase()).into_owned())
}

/// The domain ID of each name, in order; `None` for a name the account does not hold.
///
/// One name costs one Domain.Info. More start with Domain.List, which holds up to 3000
/// domains a page; after each page, when fewer names are left than pages, the rest are
/// asked one by one with Domain.Info instead.
pub(super) fn find_domains(
    client: &Client,
    names: &[String],
    workers: usize,
) -> anyhow::Result<Vec<Option<u64>>> {
    let mut found: Vec<Option<u64>> = vec![None; names.len()];
    let listed_all = names.len() > 1 && list_domains(client, names, &mut found)?;
    if listed_all {
        return Ok(found);
    }
    let missing: Vec<usize> = (0..names.len()).filter(|&i| found[i].is_none()).collect();
    let infos = parallel::map(&missing, workers, |&i| domain_info(client, &names[i]))?;
    for (i, id) in missing.into_iter().zip(infos) {
        found[i] = id;
    }
    Ok(found)
}

/// One name's domain ID through Domain.Info; `None` when the account does not hold it.
fn domain_info(client: &Client, name: &str) -> anyhow::Result<Option<u64>> {
    let request = Request {
        action: Action::DomainInfo,
        params: vec![("domain", name.to_owned())],
    };
    match retrying(|| client.call::<DomainInfoAnswer>(&request, None)) {
        Ok(answer) => Ok(Some(answer.domain.id)),
        Err(err) if not_in_account(&err, Action::DomainInfo) => Ok(None),
        Err(err) => {
            Err(err.into_error()).with_context(|| format!("could not look up domain {name}"))
        }
    }
}

/// Pages through Domain.List, filling in the ID of each name it lists. True when the
/// whole account was listed, so that the names still missing are not in it.
fn list_domains(
    client: &Client,
    names: &[String],
    found: &mut [Option<u64>],
) -> anyhow::Result<bool> {
    // Names come checked and de-duplicated by this key (input::domains::collect).
    let position: HashMap<String, usize> = names
        .iter()
        .enumerate()
        .map(|(i, name)| (ascii_key(name).into_owned(), i))
        .collect();
    let mut listed = HashSet::new();
    let mut offset = 0;
    for _ in 0..MAX_PAGES {
        let page: DomainListAnswer = match retrying(|| {
            client.call(&page_request(Action::DomainList, offset, Vec::new()), None)
        }) {
            Ok(page) => page,
            // The account holds no domains.
            Err(err) if not_in_account(&err, Action::DomainList) => return Ok(true),
            Err(err) => {
                return Err(err.into_error()).context("could not list the account's domains");
            }
        };
        // An empty page ends the list whatever total was claimed.
        if page.domains.is_empty() {
            return Ok(true);
        }
        let before = listed.len();
        for domain in &page.domains {
            listed.insert(domain.id);
            if let Some(&i) = account_key(domain).and_then(|key| position.get(&key)) {
                found[i] = Some(domain.id);
            }
        }
        // A page of domains listed before: the paging goes nowhere, ask for the rest.
        if listed.len() == before {
            return Ok(false);
        }
        offset += page.domains.len() as u64;
        let total = page.info.domain_total.unwrap_or(offset);
        if offset >= total {
            return Ok(true);
        }
        let names_left = found.iter().filter(|id| id.is_none()).count() as u64;
        if names_left <= (total - offset).div_ceil(PAGE) {
            return Ok(false);
        }
    }
    Ok(false)
}

/// The records of `domain`, each once, through Record.List pages; with one host the
/// server filters (`sub_domain`). `None` when the domain is not in the account.
pub(super) fn domain_records(
    client: &Client,
    domain: &str,
    hosts: &[String],
) -> anyhow::Result<Option<Vec<AccountRecord>>> {
    let mut params = vec![("domain", domain.to_owned())];
    if let [host] = hosts {
        params.push(("sub_domain", host.clone()));
    }
    let mut listed = HashSet::new();
    let mut records = Vec::new();
    let mut offset = 0;
    for _ in 0..MAX_PAGES {
        let request = page_request(Action::RecordList, offset, params.clone());
        let page: RecordListAnswer = match retrying(|| client.call(&request, None)) {
            Ok(page) => page,
            Err(CallError::Refused(r)) if codes::is_empty_list(Action::RecordList, &r.code) => {
                break;
            }
            Err(err) if not_in_account(&err, Action::RecordList) => return Ok(None),
            Err(err) => {
                return Err(err.into_error())
                    .with_context(|| format!("could not list the records of {domain}"));
            }
        };
        offset += page.records.len() as u64;
        let before = listed.len();
        records.extend(
            page.records
                .into_iter()
                .filter(|record| listed.insert(record.id))
                .map(|record| record.into_record()),
        );
        // An empty page, or one of records listed before (a server repeating its page),
        // ends the listing whatever total was claimed.
        if listed.len() == before || offset >= page.info.record_total.unwrap_or(offset) {
            break;
        }
    }
    Ok(Some(records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_and_punycode_spellings_share_a_key() {
        assert_eq!(ascii_key("我们.cn"), "xn--vnqp08b.cn");
        let upper = AccountDomain {
            id: 1,
            name: None,
            punycode: Some("XN--VNQP08B.cn".into()),
        };
        assert_eq!(account_key(&upper).as_deref(), Some("xn--vnqp08b.cn"));
        let domain = AccountDomain {
            id: 1,
            name: Some("我们.cn".into()),
            punycode: None,
        };
        assert_eq!(account_key(&domain).as_deref(), Some("xn--vnqp08b.cn"));
    }
}
