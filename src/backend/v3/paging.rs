//! The look-ups' strategy on API 3.0, as on the legacy API: names to domain IDs through
//! DescribeDomainList pages or DescribeDomain, whichever costs fewer requests, and a
//! domain's records through DescribeRecordList pages. Paging ends at an empty page or one
//! that adds nothing new, whatever total the server claims.

use super::client::Client;
use super::codes;
use super::lookups::{self, AccountDomain, DomainAnswer, DomainListAnswer, PAGE, RecordListAnswer};
use super::wire::Action;
use crate::backend::CallError;
use crate::backend::call::retrying;
use crate::input::domains::ascii_key;
use crate::job::AccountRecord;
use crate::parallel;
use anyhow::Context;
use std::collections::{HashMap, HashSet};

/// Paging stops here whatever totals a server claims: 3 million entries.
const MAX_PAGES: u64 = 1000;

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
/// One name costs one DescribeDomain. More start with DescribeDomainList, 3000 domains a
/// page; after each page, when fewer names are left than pages, the rest are asked one by
/// one with DescribeDomain instead.
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
    let infos = parallel::map(&missing, workers, |&i| describe_domain(client, &names[i]))?;
    for (i, id) in missing.into_iter().zip(infos) {
        found[i] = id;
    }
    Ok(found)
}

/// One name's domain ID through DescribeDomain; `None` when the account does not hold it.
fn describe_domain(client: &Client, name: &str) -> anyhow::Result<Option<u64>> {
    match retrying(|| client.call::<DomainAnswer>(&lookups::domain_request(name), None)) {
        Ok(answer) => Ok(Some(answer.domain.domain_id)),
        Err(err) if not_in_account(&err, Action::DescribeDomain) => Ok(None),
        Err(err) => {
            Err(err.into_error()).with_context(|| format!("could not look up domain {name}"))
        }
    }
}

/// Pages through DescribeDomainList, filling in the ID of each name it lists. True when
/// the whole account was listed, so that the names still missing are not in it.
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
            match retrying(|| client.call(&lookups::domain_list_request(offset), None)) {
                Ok(page) => page,
                // The account holds no domains.
                Err(err) if not_in_account(&err, Action::DescribeDomainList) => return Ok(true),
                Err(err) => {
                    return Err(err.into_error()).context("could not list the account's domains");
                }
            };
        if page.domains.is_empty() {
            return Ok(true);
        }
        let before = listed.len();
        for domain in &page.domains {
            listed.insert(domain.domain_id);
            if let Some(&i) = account_key(domain).and_then(|key| position.get(&key)) {
                found[i] = Some(domain.domain_id);
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

/// The records of `domain`, each once, through DescribeRecordList pages; with one host
/// the server filters (`Subdomain`). `None` when the domain is not in the account.
pub(super) fn domain_records(
    client: &Client,
    domain: &str,
    hosts: &[String],
) -> anyhow::Result<Option<Vec<AccountRecord>>> {
    let host = match hosts {
        [host] => Some(host.as_str()),
        _ => None,
    };
    let mut listed = HashSet::new();
    let mut records = Vec::new();
    let mut offset = 0;
    for _ in 0..MAX_PAGES {
        let request = lookups::record_list_request(domain, host, offset);
        let page: RecordListAnswer = match retrying(|| client.call(&request, None)) {
            Ok(page) => page,
            Err(CallError::Refused(r))
                if codes::is_empty_list(Action::DescribeRecordList, &r.code) =>
            {
                break;
            }
            Err(err) if not_in_account(&err, Action::DescribeRecordList) => return Ok(None),
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
                .filter(|record| listed.insert(record.record_id))
                .map(|record| record.into_record()),
        );
        // An empty page, or one of records listed before (a server repeating its page),
        // ends the listing whatever total was claimed.
        if listed.len() == before || offset >= page.info.total_count.unwrap_or(offset) {
            break;
        }
    }
    Ok(Some(records))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::v3::loopback::{client, serve};

    fn ok(fields: &str) -> String {
        format!(r#"{{"Response": {{{fields}, "RequestId": "r"}}}}"#)
    }

    fn refused(code: &str) -> String {
        format!(
            r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "no"}}, "RequestId": "r"}}}}"#
        )
    }

    /// The JSON body of each request the server read.
    fn bodies(seen: Vec<String>) -> Vec<String> {
        seen.iter()
            .map(|request| request.split("\r\n\r\n").nth(1).unwrap().to_owned())
            .collect()
    }

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn one_name_costs_one_describe_domain() {
        let (endpoint, server) = serve(vec![refused("InvalidParameterValue.DomainNotExists")]);
        let found = find_domains(&client(endpoint, None), &names(&["a.cn"]), 1).unwrap();
        assert_eq!(found, [None]);
        assert_eq!(bodies(server.join().unwrap()), [r#"{"Domain":"a.cn"}"#]);
    }

    #[test]
    fn a_whole_listing_answers_every_name_and_the_rest_are_not_in_the_account() {
        let page = ok(r#""DomainCountInfo": {"DomainTotal": "2"},
            "DomainList": [{"DomainId": "7", "Name": "例子.cn", "Punycode": "xn--fsqu00a.cn"}, {"DomainId": 8, "Name": "b.cn"}]"#);
        let (endpoint, server) = serve(vec![page]);
        let found = find_domains(
            &client(endpoint, None),
            &names(&["例子.cn", "c.cn", "b.cn"]),
            1,
        )
        .unwrap();
        assert_eq!(found, [Some(7), None, Some(8)]);
        assert_eq!(
            bodies(server.join().unwrap()),
            [r#"{"Offset":0,"Limit":3000}"#]
        );
    }

    #[test]
    fn few_names_left_in_a_large_account_are_asked_one_by_one() {
        let page = ok(r#""DomainCountInfo": {"DomainTotal": 10000},
            "DomainList": [{"DomainId": 1, "Name": "a.cn"}, {"DomainId": 2, "Name": "x.cn"}]"#);
        let info = ok(r#""DomainInfo": {"DomainId": "3", "Domain": "b.cn"}"#);
        let missing = refused("ResourceNotFound.NoDataOfDomain");
        let (endpoint, server) = serve(vec![page, info, missing]);
        let found = find_domains(
            &client(endpoint, None),
            &names(&["a.cn", "b.cn", "c.cn"]),
            1,
        )
        .unwrap();
        assert_eq!(found, [Some(1), Some(3), None]);
        assert_eq!(
            bodies(server.join().unwrap()),
            [
                r#"{"Offset":0,"Limit":3000}"#,
                r#"{"Domain":"b.cn"}"#,
                r#"{"Domain":"c.cn"}"#
            ]
        );
    }

    #[test]
    fn records_are_listed_once_even_when_a_server_repeats_its_page() {
        let page = ok(r#""RecordCountInfo": {"TotalCount": "5"},
            "RecordList": [{"RecordId": 1, "Name": "www", "Type": "A"}, {"RecordId": "2", "Name": "www", "Type": "A"}]"#);
        let (endpoint, server) = serve(vec![page.clone(), page]);
        let records = domain_records(&client(endpoint, None), "a.cn", &names(&["www"]))
            .unwrap()
            .unwrap();
        let ids: Vec<u64> = records.iter().map(|r| r.id).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(
            bodies(server.join().unwrap()),
            [
                r#"{"Domain":"a.cn","Subdomain":"www","Offset":0,"Limit":3000,"ErrorOnEmpty":"no"}"#,
                r#"{"Domain":"a.cn","Subdomain":"www","Offset":2,"Limit":3000,"ErrorOnEmpty":"no"}"#
            ]
        );
    }

    #[test]
    fn no_records_is_an_empty_list_and_an_unknown_domain_is_none() {
        let (endpoint, server) = serve(vec![
            refused("ResourceNotFound.NoDataOfRecord"),
            refused("InvalidParameterValue.DomainNotExists"),
            ok(r#""RecordList": []"#),
        ]);
        let client = client(endpoint, None);
        let hosts = names(&["www", "api"]);
        assert_eq!(
            domain_records(&client, "a.cn", &hosts).unwrap(),
            Some(Vec::new())
        );
        assert_eq!(domain_records(&client, "b.cn", &hosts).unwrap(), None);
        assert_eq!(
            domain_records(&client, "c.cn", &hosts).unwrap(),
            Some(Vec::new())
        );
        let seen = bodies(server.join().unwrap());
        assert!(!seen[0].contains("Subdomain"), "{}", seen[0]);
    }
}
