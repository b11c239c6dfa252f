//! Names to IDs through the read-only look-ups: domain names to `domain_id`s (Domain.List,
//! paged, or Domain.Info, whichever costs fewer requests), and a selection of records to
//! `record_id`s (Record.List, paged). Each name is looked up once per run.

use crate::api::{
    AccountDomain, AccountRecord, Action, CallError, Client, DomainInfoAnswer, DomainListAnswer,
    PAGE, RecordListAnswer, Request, means_not_in_account,
};
use crate::error::usage;
use crate::input::domains::ascii_key;
use crate::input::records::{Change, ChangeField};
use anyhow::Context;
use std::collections::{HashMap, HashSet};

/// Paging stops here whatever totals a server claims: 3 million entries.
const MAX_PAGES: u64 = 1000;

/// The key a domain of the account shares with the names given for it (see `ascii_key`).
fn account_key(domain: &AccountDomain) -> Option<String> {
    let name = domain.punycode.as_deref().or(domain.name.as_deref())?;
    Some(ascii_key(&name.to_lowercase()).into_owned())
}

/// The error for names the account does not hold: all of them, and that nothing was sent.
fn not_in_account(unknown: &[&str]) -> anyhow::Error {
    usage(format!(
        "{} not in this account, so nothing was submitted: {}",
        if unknown.len() == 1 {
            "this domain is"
        } else {
            "these domains are"
        },
        unknown.join(", ")
    ))
}

/// Whether a look-up refused because the domain is not in the account.
fn is_unknown_domain(err: &CallError, action: Action) -> bool {
    matches!(err, CallError::Refused(r) if means_not_in_account(action, &r.code))
}

fn page_request(action: Action, offset: u64, mut params: Vec<(&'static str, String)>) -> Request {
    params.extend([("offset", offset.to_string()), ("length", PAGE.to_string())]);
    Request { action, params }
}

/// The domain ID of each name, in order, each ID once. Unknown names are all reported at
/// once (exit 2).
///
/// One name costs one Domain.Info. More start with Domain.List, which holds up to 3000
/// domains a page; after each page, when fewer names are left than pages, the rest are
/// asked one by one with Domain.Info instead.
pub(crate) fn domain_ids(client: &Client, names: &[String]) -> anyhow::Result<Vec<u64>> {
    let mut found: Vec<Option<u64>> = vec![None; names.len()];
    let listed_all = names.len() > 1 && list_domains(client, names, &mut found)?;
    let mut unknown = Vec::new();
    for (name, id) in names.iter().zip(found.iter_mut()) {
        if id.is_some() {
            continue;
        }
        if listed_all {
            unknown.push(name.as_str());
            continue;
        }
        let request = Request {
            action: Action::DomainInfo,
            params: vec![("domain", name.clone())],
        };
        match client.call::<DomainInfoAnswer>(&request) {
            Ok(answer) => *id = Some(answer.domain.id),
            Err(err) if is_unknown_domain(&err, Action::DomainInfo) => unknown.push(name.as_str()),
            Err(err) => {
                return Err(err.into_error())
                    .with_context(|| format!("could not look up domain {name}"));
            }
        }
    }
    if !unknown.is_empty() {
        return Err(not_in_account(&unknown));
    }
    // Two names can be one domain (an alias answers with its main domain's ID).
    Ok(unique(found.into_iter().flatten()))
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
        let page: DomainListAnswer =
            match client.call(&page_request(Action::DomainList, offset, Vec::new())) {
                Ok(page) => page,
                // The account holds no domains.
                Err(err) if is_unknown_domain(&err, Action::DomainList) => return Ok(true),
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

/// The IDs in their first order, each once.
fn unique(ids: impl IntoIterator<Item = u64>) -> Vec<u64> {
    let mut seen = HashSet::new();
    ids.into_iter().filter(|id| seen.insert(*id)).collect()
}

/// Which records of which domains `record-modify` should change.
#[derive(Debug, Clone)]
pub(crate) struct Selector {
    pub domains: Vec<String>,
    /// Hosts, `@` for the apex; compared case-insensitively.
    pub hosts: Vec<String>,
    pub record_type: String,
    pub line: Option<String>,
    pub value_is: Option<String>,
}

impl Selector {
    fn matches(&self, record: &AccountRecord) -> bool {
        let host = record.name.as_deref().unwrap_or("@");
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host))
            && record
                .record_type
                .as_deref()
                .is_some_and(|t| t.eq_ignore_ascii_case(&self.record_type))
            && self
                .line
                .as_deref()
                .is_none_or(|line| record.line.as_deref() == Some(line))
            && self
                .value_is
                .as_deref()
                .is_none_or(|value| record.value.as_deref() == Some(value))
    }
}

/// A selected record and the domain it belongs to.
#[derive(Debug, Clone)]
pub(crate) struct Selected {
    pub domain: String,
    pub record: AccountRecord,
}

/// Every record of the selector's domains that it matches, domain by domain, each once.
/// With one host the server filters (`sub_domain`); with several, each domain is listed
/// once and filtered here. Unknown domains are all reported at once (exit 2).
pub(crate) fn select_records(
    client: &Client,
    selector: &Selector,
) -> anyhow::Result<Vec<Selected>> {
    let mut selected = Vec::new();
    let mut unknown = Vec::new();
    // Across domains too: a record listed twice is changed once.
    let mut listed = HashSet::new();
    for domain in &selector.domains {
        match matching_records(client, selector, domain, &mut listed)? {
            Some(records) => selected.extend(records.into_iter().map(|record| Selected {
                domain: domain.clone(),
                record,
            })),
            None => unknown.push(domain.as_str()),
        }
    }
    if !unknown.is_empty() {
        return Err(not_in_account(&unknown));
    }
    Ok(selected)
}

/// The records of `domain` the selector matches that are not in `listed` yet, through
/// Record.List pages; `None` when the domain is not in the account.
fn matching_records(
    client: &Client,
    selector: &Selector,
    domain: &str,
    listed: &mut HashSet<u64>,
) -> anyhow::Result<Option<Vec<AccountRecord>>> {
    let mut params = vec![("domain", domain.to_owned())];
    if let [host] = selector.hosts.as_slice() {
        params.push(("sub_domain", host.clone()));
    }
    let mut records = Vec::new();
    let mut offset = 0;
    for _ in 0..MAX_PAGES {
        let page: RecordListAnswer =
            match client.call(&page_request(Action::RecordList, offset, params.clone())) {
                Ok(page) => page,
                Err(CallError::Refused(r)) if r.code == "10" => break, // no records
                Err(err) if is_unknown_domain(&err, Action::RecordList) => return Ok(None),
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
                .map(AccountRecord::normalised)
                .filter(|record| selector.matches(record)),
        );
        // An empty page, or one of records listed before (a server repeating its page),
        // ends the listing whatever total was claimed.
        if listed.len() == before || offset >= page.info.record_total.unwrap_or(offset) {
            break;
        }
    }
    Ok(Some(records))
}

/// Whether a record already has what the change would give it.
pub(crate) fn already_at_target(change: &Change, record: &AccountRecord) -> bool {
    let to = change.to.as_str();
    let is =
        |field: &Option<compact_str::CompactString>, want: &str| field.as_deref() == Some(want);
    match change.field {
        ChangeField::SubDomain => record
            .name
            .as_deref()
            .is_some_and(|name| name.eq_ignore_ascii_case(to)),
        ChangeField::RecordType => {
            is(&record.record_type, to)
                && change
                    .value
                    .as_deref()
                    .is_some_and(|value| is(&record.value, value))
        }
        ChangeField::Area => is(&record.line, to),
        ChangeField::Value => is(&record.value, to),
        ChangeField::Mx => record.mx.is_some_and(|mx| mx.to_string() == to),
        ChangeField::Ttl => record.ttl.is_some_and(|ttl| ttl.to_string() == to),
        ChangeField::Status => is(&record.enabled, if to == "enable" { "1" } else { "0" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, record_type: &str, line: &str, value: &str) -> AccountRecord {
        AccountRecord {
            id: 1,
            name: Some(name.into()),
            line: Some(line.into()),
            record_type: Some(record_type.into()),
            ttl: Some(600),
            value: Some(value.into()),
            mx: Some(0),
            enabled: Some("1".into()),
        }
    }

    #[test]
    fn selectors_match_host_type_line_and_value() {
        let selector = Selector {
            domains: vec!["a.cn".into()],
            hosts: vec!["www".into(), "@".into()],
            record_type: "A".into(),
            line: None,
            value_is: Some("1.1.1.1".into()),
        };
        assert!(selector.matches(&record("WWW", "a", "默认", "1.1.1.1")));
        assert!(selector.matches(&record("@", "A", "电信", "1.1.1.1")));
        assert!(!selector.matches(&record("api", "A", "默认", "1.1.1.1")));
        assert!(!selector.matches(&record("www", "AAAA", "默认", "1.1.1.1")));
        assert!(!selector.matches(&record("www", "A", "默认", "2.2.2.2")));
        let on_line = Selector {
            line: Some("电信".into()),
            value_is: None,
            ..selector
        };
        assert!(!on_line.matches(&record("www", "A", "默认", "1.1.1.1")));
        assert!(on_line.matches(&record("www", "A", "电信", "9.9.9.9")));
    }

    #[test]
    fn records_already_at_the_target_are_recognised() {
        let change = |field, to: &str, value: Option<&str>| Change {
            field,
            to: to.into(),
            value: value.map(str::to_owned),
            mx: None,
        };
        let www = record("www", "A", "默认", "1.1.1.1");
        assert!(already_at_target(
            &change(ChangeField::Value, "1.1.1.1", None),
            &www
        ));
        assert!(!already_at_target(
            &change(ChangeField::Value, "2.2.2.2", None),
            &www
        ));
        assert!(already_at_target(
            &change(ChangeField::Ttl, "600", None),
            &www
        ));
        assert!(already_at_target(
            &change(ChangeField::Status, "enable", None),
            &www
        ));
        assert!(!already_at_target(
            &change(ChangeField::Status, "disable", None),
            &www
        ));
        assert!(already_at_target(
            &change(ChangeField::SubDomain, "WWW", None),
            &www
        ));
        assert!(already_at_target(
            &change(ChangeField::Area, "默认", None),
            &www
        ));
        assert!(already_at_target(
            &change(ChangeField::RecordType, "A", Some("1.1.1.1")),
            &www
        ));
        assert!(!already_at_target(
            &change(ChangeField::RecordType, "A", Some("3.3.3.3")),
            &www
        ));
        assert!(!already_at_target(
            &change(ChangeField::Mx, "5", None),
            &www
        ));
    }

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
