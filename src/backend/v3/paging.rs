//! The API 3.0 look-ups as pages for the shared strategy (`backend/pager.rs`):
//! DescribeDomainList and DescribeRecordList pages of 3000, and DescribeDomain.

use super::client::Client;
use super::codes;
use super::lookups::{self, DomainAnswer, DomainListAnswer, RecordListAnswer};
use super::wire::Action;
use crate::backend::CallError;
use crate::backend::call::retrying;
use crate::backend::pager::{self, DomainPage, Lister, RecordPage};
use anyhow::Context;
use rust_i18n::t;

/// Whether a look-up refused because the domain is not in the account.
fn not_in_account(err: &CallError, action: Action) -> bool {
    matches!(err, CallError::Refused(r) if codes::not_in_account(action, &r.code))
}

impl Lister for Client {
    fn domain_page(&self, offset: u64) -> anyhow::Result<Option<DomainPage>> {
        let request = lookups::domain_list_request(offset);
        match retrying(|| self.call::<DomainListAnswer>(&request, None)) {
            Ok(page) => Ok(Some(DomainPage {
                domains: page
                    .domains
                    .iter()
                    .map(|d| {
                        let key = pager::key(d.punycode.as_deref(), d.name.as_deref());
                        (d.domain_id, key)
                    })
                    .collect(),
                total: page.info.domain_total,
            })),
            // The account holds no domains.
            Err(err) if not_in_account(&err, Action::DescribeDomainList) => Ok(None),
            Err(err) => Err(err.into_error()).context(t!("backend.list_domains")),
        }
    }

    fn domain_id(&self, name: &str) -> anyhow::Result<Option<u64>> {
        let request = lookups::domain_request(name);
        match retrying(|| self.call::<DomainAnswer>(&request, None)) {
            Ok(answer) => Ok(Some(answer.domain.domain_id)),
            Err(err) if not_in_account(&err, Action::DescribeDomain) => Ok(None),
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
        let request = lookups::record_list_request(domain, host, offset);
        match retrying(|| self.call::<RecordListAnswer>(&request, None)) {
            Ok(page) => Ok(Some(RecordPage {
                total: page.info.total_count,
                records: page.records.into_iter().map(|r| r.into_record()).collect(),
            })),
            Err(CallError::Refused(r))
                if codes::is_empty_list(Action::DescribeRecordList, &r.code) =>
            {
                Ok(Some(RecordPage {
                    records: Vec::new(),
                    total: Some(0),
                }))
            }
            Err(err) if not_in_account(&err, Action::DescribeRecordList) => Ok(None),
            Err(err) => {
                Err(err.into_error()).with_context(|| t!("backend.list_records", domain = domain))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::backend::pager::{Paged, Shortfall, all_domains, domain_records, find_domains};
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
        let ids: Vec<u64> = records.entries.iter().map(|r| r.id).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(
            records.short,
            Some(Shortfall::Total {
                listed: 2,
                claimed: 5
            })
        );
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
        let empty = Some(Paged {
            entries: Vec::new(),
            short: None,
        });
        assert_eq!(domain_records(&client, "a.cn", &hosts).unwrap(), empty);
        assert_eq!(domain_records(&client, "b.cn", &hosts).unwrap(), None);
        assert_eq!(domain_records(&client, "c.cn", &hosts).unwrap(), empty);
        let seen = bodies(server.join().unwrap());
        assert!(!seen[0].contains("Subdomain"), "{}", seen[0]);
    }

    #[test]
    fn every_domain_of_an_account_past_one_page_is_listed_once_by_name() {
        let first = ok(r#""DomainCountInfo": {"DomainTotal": 3},
            "DomainList": [{"DomainId": 1, "Name": "a.cn"}, {"DomainId": 2, "Name": "例子.cn", "Punycode": "xn--fsqu00a.cn"}]"#);
        let second = ok(r#""DomainCountInfo": {"DomainTotal": "3"},
            "DomainList": [{"DomainId": 2, "Name": "例子.cn"}, {"DomainId": 3, "Name": "C.cn"}]"#);
        let (endpoint, server) = serve(vec![first, second]);
        let names = all_domains(&client(endpoint, None)).unwrap();
        assert_eq!(names.entries, ["a.cn", "例子.cn", "c.cn"]);
        assert_eq!(names.short, None);
        assert_eq!(
            bodies(server.join().unwrap()),
            [
                r#"{"Offset":0,"Limit":3000}"#,
                r#"{"Offset":2,"Limit":3000}"#
            ]
        );
        let (endpoint, server) = serve(vec![refused("ResourceNotFound.NoDataOfDomain")]);
        assert!(
            all_domains(&client(endpoint, None))
                .unwrap()
                .entries
                .is_empty()
        );
        server.join().unwrap();
    }
}
