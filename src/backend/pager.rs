//! The look-ups' strategy, the same on both APIs: names to domain IDs through pages of the
//! account's domains or one look-up per name, whichever costs fewer requests, and a
//! domain's records through pages. Paging ends at an empty page, at one that adds nothing
//! new (a server repeating its page), at the total, or after 1000 pages, whatever total the
//! server claims. Each backend says how to ask for a page ([`Lister`]).

use crate::input::domains::ascii_key;
use crate::job::AccountRecord;
use crate::parallel;
use std::collections::{HashMap, HashSet};

/// Both APIs page their lists by 3000 entries at most.
pub(crate) const PAGE: u64 = 3000;

/// Paging stops here whatever totals a server claims: 3 million entries.
const MAX_PAGES: u64 = 1000;

/// A page of the account's domains.
pub(crate) struct DomainPage {
    /// Each domain's ID and the key the names given for it share ([`key`]).
    pub domains: Vec<(u64, Option<String>)>,
    /// The total the server claims.
    pub total: Option<u64>,
}

/// A page of a domain's records.
pub(crate) struct RecordPage {
    pub records: Vec<AccountRecord>,
    pub total: Option<u64>,
}

/// How a backend asks for the pages, each request asked again if it fails in passing.
pub(crate) trait Lister: Sync {
    /// The account's domains from `offset`; `None` when it holds none.
    fn domain_page(&self, offset: u64) -> anyhow::Result<Option<DomainPage>>;
    /// One name's domain ID; `None` when the account does not hold it.
    fn domain_id(&self, name: &str) -> anyhow::Result<Option<u64>>;
    /// `domain`'s records from `offset`, only `host`'s where the API filters; `None` when
    /// the account does not hold the domain, an empty page when it has no records.
    fn record_page(
        &self,
        domain: &str,
        host: Option<&str>,
        offset: u64,
    ) -> anyhow::Result<Option<RecordPage>>;
}

/// The key of a domain of the account, from its punycode or its name.
pub(crate) fn key(punycode: Option<&str>, name: Option<&str>) -> Option<String> {
    let given = |s: &Option<&str>| s.is_some_and(|s| !s.trim().is_empty());
    let name = punycode
        .filter(|_| given(&punycode))
        .or(name.filter(|_| given(&name)))?;
    Some(ascii_key(&name.to_lowercase()).into_owned())
}

/// The domain ID of each name, in order; `None` for a name the account does not hold.
/// One name costs one look-up; more start with pages of the account's domains and, when
/// fewer names are left than pages, ask for the rest one by one, `workers` at once.
pub(crate) fn find_domains(
    lister: &impl Lister,
    names: &[String],
    workers: usize,
) -> anyhow::Result<Vec<Option<u64>>> {
    let mut found: Vec<Option<u64>> = vec![None; names.len()];
    if names.len() > 1 && list_domains(lister, names, &mut found)? {
        return Ok(found);
    }
    let missing: Vec<usize> = (0..names.len()).filter(|&i| found[i].is_none()).collect();
    let ids = parallel::map(&missing, workers, |&i| lister.domain_id(&names[i]))?;
    for (i, id) in missing.into_iter().zip(ids) {
        found[i] = id;
    }
    Ok(found)
}

/// Pages through the account's domains, filling in the ID of each name listed. True when
/// the whole account was listed, so that the names still missing are not in it.
fn list_domains(
    lister: &impl Lister,
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
        let Some(page) = lister.domain_page(offset)? else {
            return Ok(true);
        };
        if page.domains.is_empty() {
            return Ok(true);
        }
        let before = listed.len();
        for (id, key) in &page.domains {
            listed.insert(*id);
            if let Some(&i) = key.as_ref().and_then(|key| position.get(key)) {
                found[i] = Some(*id);
            }
        }
        // A page of domains listed before: the paging goes nowhere, ask for the rest.
        if listed.len() == before {
            return Ok(false);
        }
        offset += page.domains.len() as u64;
        let total = page.total.unwrap_or(offset);
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

/// The records of `domain`, each once; with one host the server filters by it. `None`
/// when the domain is not in the account.
pub(crate) fn domain_records(
    lister: &impl Lister,
    domain: &str,
    hosts: &[String],
) -> anyhow::Result<Option<Vec<AccountRecord>>> {
    let host = match hosts {
        [host] => Some(host.as_str()),
        _ => None,
    };
    every_page(
        |offset| {
            let page = lister.record_page(domain, host, offset)?;
            Ok(page.map(|page| (page.records, page.total)))
        },
        |record| record.id,
    )
}

/// The name of every domain of the account, in the order the API lists them: the
/// Unicode form of internationalised names, as [`check_domain`] gives them.
///
/// [`check_domain`]: crate::input::domains::check_domain
pub(crate) fn all_domains(lister: &impl Lister) -> anyhow::Result<Vec<String>> {
    let listed = every_page(
        |offset| {
            // `None`: the account holds no domains, an empty list.
            let page = lister.domain_page(offset)?;
            Ok(Some(page.map_or((Vec::new(), None), |page| {
                (page.domains, page.total)
            })))
        },
        |(id, _)| *id,
    )?
    .unwrap_or_default();
    listed
        .into_iter()
        .map(|(id, key)| match key {
            Some(key) => Ok(idna::domain_to_unicode(&key).0),
            None => Err(anyhow::anyhow!(
                "the account's domain list has a domain without a name (ID {id})"
            )),
        })
        .collect()
}

/// The entries of a list asked for from offset 0 on, each (by `id`) once. Paging ends at
/// an empty page, at one that adds nothing new, at the total, or at [`MAX_PAGES`];
/// `None` when `page` says the list is not there.
fn every_page<T>(
    page: impl Fn(u64) -> anyhow::Result<Option<(Vec<T>, Option<u64>)>>,
    id: impl Fn(&T) -> u64,
) -> anyhow::Result<Option<Vec<T>>> {
    let mut listed = HashSet::new();
    let mut entries = Vec::new();
    let mut offset = 0;
    for _ in 0..MAX_PAGES {
        let Some((page, total)) = page(offset)? else {
            return Ok(None);
        };
        offset += page.len() as u64;
        let before = listed.len();
        entries.extend(page.into_iter().filter(|entry| listed.insert(id(entry))));
        if listed.len() == before || offset >= total.unwrap_or(offset) {
            break;
        }
    }
    Ok(Some(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_and_punycode_spellings_share_a_key() {
        assert_eq!(
            key(Some("XN--VNQP08B.cn"), None).as_deref(),
            Some("xn--vnqp08b.cn")
        );
        assert_eq!(
            key(None, Some("我们.cn")).as_deref(),
            Some("xn--vnqp08b.cn")
        );
        assert_eq!(key(None, None), None);
        assert_eq!(
            key(Some(""), Some("a.cn")).as_deref(),
            Some("a.cn"),
            "an empty punycode"
        );
    }
}
