//! The look-ups' strategy, the same on both APIs: names to domain IDs through pages of the
//! account's domains or one look-up per name, whichever costs fewer requests, and a
//! domain's records through pages. Paging goes on while pages come back full or short of
//! the total the server claims, and ends at an empty page, at one that adds nothing new (a
//! server repeating its page), or after 1000 pages; a list that ends short of its total or
//! at that cap says so ([`Shortfall`]). Each backend says how to ask for a page ([`Lister`]).

use crate::input::domains::ascii_key;
use crate::job::AccountRecord;
use crate::parallel;
use rust_i18n::t;
use std::collections::{HashMap, HashSet};

/// Both APIs page their lists by 3000 entries at most.
pub(crate) const PAGE: u64 = 3000;

/// Paging stops here whatever totals a server claims: 3 million entries.
const MAX_PAGES: u64 = 1000;

/// A list read page by page, and how it fell short of the whole, if it did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Paged<T> {
    pub entries: Vec<T>,
    pub short: Option<Shortfall>,
}

/// Why a list read page by page may lack entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shortfall {
    /// Fewer distinct entries than the total the server claims.
    Total { listed: u64, claimed: u64 },
    /// Paging stopped at [`MAX_PAGES`] with pages still coming.
    PageCap,
}

impl Shortfall {
    /// What fell short, for a list of `noun`s (`record`, `domain`).
    pub(crate) fn describe(self, noun: &str) -> String {
        match self {
            Shortfall::Total { listed, claimed } => t!(
                "backend.short_total",
                listed = counted(listed, noun),
                claimed = claimed
            ),
            Shortfall::PageCap => t!(
                "backend.short_pages",
                pages = MAX_PAGES,
                noun = match noun {
                    "domain" => t!("backend.noun_domain"),
                    _ => t!("backend.noun_record"),
                }
            ),
        }
        .into_owned()
    }
}

/// `5 records`, `1 domain`, in the user's language (callers name the noun in English).
fn counted(n: u64, noun: &str) -> std::borrow::Cow<'static, str> {
    match (noun, n) {
        ("domain", 1) => t!("backend.count_domain", n = n),
        ("domain", _) => t!("backend.count_domains", n = n),
        (_, 1) => t!("backend.count_record", n = n),
        _ => t!("backend.count_records", n = n),
    }
}

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
) -> anyhow::Result<Option<Paged<AccountRecord>>> {
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
/// Unicode form of internationalised names, as [`check_domain`] gives them. The names are
/// the server's, unchecked.
///
/// [`check_domain`]: crate::input::domains::check_domain
pub(crate) fn all_domains(lister: &impl Lister) -> anyhow::Result<Paged<String>> {
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
    .unwrap_or(Paged {
        entries: Vec::new(),
        short: None,
    });
    let names = listed.entries.into_iter().map(|(id, key)| match key {
        Some(key) => Ok(idna::domain_to_unicode(&key).0),
        None => Err(anyhow::anyhow!(t!("backend.domain_without_name", id = id))),
    });
    Ok(Paged {
        entries: names.collect::<anyhow::Result<_>>()?,
        short: listed.short,
    })
}

/// The entries of a list asked for from offset 0 on, each (by `id`) once. Paging goes on
/// while a page adds something new and is full or leaves the total unreached; `None` when
/// `page` says the list is not there.
fn every_page<T>(
    page: impl Fn(u64) -> anyhow::Result<Option<(Vec<T>, Option<u64>)>>,
    id: impl Fn(&T) -> u64,
) -> anyhow::Result<Option<Paged<T>>> {
    let mut listed = HashSet::new();
    let mut entries = Vec::new();
    let (mut offset, mut claimed) = (0, None);
    for _ in 0..MAX_PAGES {
        let Some((page, total)) = page(offset)? else {
            return Ok(None);
        };
        // A full page may have a next one, whatever the total says (or when it says nothing).
        let full = page.len() as u64 >= PAGE;
        offset += page.len() as u64;
        claimed = total.or(claimed);
        let before = listed.len();
        entries.extend(page.into_iter().filter(|entry| listed.insert(id(entry))));
        let more = full || claimed.is_some_and(|total| offset < total);
        if listed.len() == before || !more {
            let listed = entries.len() as u64;
            let short = claimed
                .filter(|&claimed| listed < claimed)
                .map(|claimed| Shortfall::Total { listed, claimed });
            return Ok(Some(Paged { entries, short }));
        }
    }
    Ok(Some(Paged {
        entries,
        short: Some(Shortfall::PageCap),
    }))
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

    /// A list of `n` entries served `size` a page, claiming `total`, read to its end.
    fn read(n: u64, size: u64, total: Option<u64>) -> (Paged<u64>, u64) {
        let asked = std::cell::Cell::new(0);
        let paged = every_page(
            |offset| {
                asked.set(asked.get() + 1);
                let page: Vec<u64> = (offset..n).take(size as usize).collect();
                Ok(Some((page, total)))
            },
            |id| *id,
        )
        .unwrap()
        .unwrap();
        (paged, asked.get())
    }

    #[test]
    fn full_pages_are_followed_without_a_total_and_past_an_understated_one() {
        let (paged, pages) = read(PAGE + 1, PAGE, None);
        assert_eq!(
            (paged.entries.len() as u64, paged.short, pages),
            (PAGE + 1, None, 2)
        );
        let (paged, pages) = read(2 * PAGE + 5, PAGE, Some(10));
        assert_eq!(
            (paged.entries.len() as u64, paged.short, pages),
            (2 * PAGE + 5, None, 3)
        );
        // A short page without a total ends the list.
        let (paged, pages) = read(5, 2, None);
        assert_eq!((paged.entries.len(), pages), (2, 1));
    }

    #[test]
    fn short_pages_are_followed_to_the_total_and_a_list_short_of_it_says_so() {
        let (paged, pages) = read(5, 2, Some(5));
        assert_eq!(
            (paged.entries, paged.short, pages),
            (vec![0, 1, 2, 3, 4], None, 3)
        );
        let (paged, _) = read(5, 2, Some(7));
        assert_eq!(
            paged.short,
            Some(Shortfall::Total {
                listed: 5,
                claimed: 7
            })
        );
        assert_eq!(
            paged.short.unwrap().describe("record"),
            "the server listed 5 records of the 7 it claims"
        );
    }

    #[test]
    fn a_server_repeating_its_page_counts_each_entry_once_and_falls_short() {
        let paged = every_page(|_| Ok(Some((vec![1, 2], Some(4)))), |id| *id)
            .unwrap()
            .unwrap();
        assert_eq!(paged.entries, [1, 2]);
        assert_eq!(
            paged.short,
            Some(Shortfall::Total {
                listed: 2,
                claimed: 4
            })
        );
    }

    #[test]
    fn paging_stops_at_the_cap_and_says_so() {
        let (paged, pages) = read(MAX_PAGES * 2 + 1, 2, Some(MAX_PAGES * 2 + 1));
        assert_eq!(
            (paged.entries.len() as u64, pages),
            (MAX_PAGES * 2, MAX_PAGES)
        );
        assert_eq!(paged.short, Some(Shortfall::PageCap));
        // The last page allowed ending the list is no shortfall.
        let (paged, _) = read(MAX_PAGES * 2, 2, Some(MAX_PAGES * 2));
        assert_eq!(paged.short, None);
    }
}
