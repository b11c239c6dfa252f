//! The read-only look-ups (Domain.Info, Domain.List, Record.List), paged by `offset` and
//! `length` and cut at the fake's page limit, and Record.Remove.

use super::listings;
use super::params::{optional, parse};
use super::reply::{Reply, UNKNOWN_DOMAIN};
use crate::http::Request;
use crate::json::Field;
use crate::listing::Listing;
use crate::model::state::State;
use crate::model::zone::{Names, Record, Zone, host};

/// The part of a filtered list a look-up answers.
struct Page {
    offset: usize,
    length: usize,
}

impl Page {
    /// `offset` (0-based) and `length` (at most `limit`), refused under the codes the
    /// action gives them.
    fn of(
        request: &Request,
        (offset_code, length_code): (&'static str, &'static str),
        limit: usize,
    ) -> Result<Page, Reply> {
        let offset = match optional(request, "offset") {
            None => 0,
            Some(offset) => offset
                .parse()
                .map_err(|_| Reply::BadParamCoded(offset_code, "offset"))?,
        };
        // An empty page would never get a paging client anywhere.
        let length = match optional(request, "length") {
            None => limit,
            Some(length) => length
                .parse()
                .ok()
                .filter(|&length| length > 0)
                .ok_or(Reply::BadParamCoded(length_code, "length"))?,
        };
        Ok(Page {
            offset,
            length: length.min(limit),
        })
    }

    /// What the answer's shape depends on.
    fn asked(&self, request: &Request) -> listings::Asked {
        listings::Asked {
            first_page: self.offset == 0,
            by_name: optional(request, "domain_id").is_none(),
        }
    }

    fn slice<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        let start = self.offset.min(items.len());
        let end = start.saturating_add(self.length).min(items.len());
        &items[start..end]
    }
}

/// The domain a look-up names by `domain_id` (code 6 when there is no such domain) or by
/// `domain`, in either form (`unknown` when the account has no such name).
pub(super) fn domain_of<'z>(
    request: &Request,
    zone: &'z Zone,
    unknown: &'static str,
) -> Result<(u64, &'z Names), Reply> {
    let id = match optional(request, "domain_id") {
        Some(id) => parse(id, "domain_id")?,
        None => {
            let name = optional(request, "domain").ok_or(Reply::BadParam("domain_id"))?;
            zone.domain_named(name)
                .ok_or(Reply::UnknownDomain(unknown))?
        }
    };
    let names = zone.names(id).ok_or(Reply::BadParam("domain_id"))?;
    Ok((id, names))
}

/// The `keyword` parameter, lower-cased for matching.
fn keyword(request: &Request) -> Option<String> {
    optional(request, "keyword").map(str::to_lowercase)
}

pub(super) fn domain_info(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let zone = state.zone();
    let (id, names) = domain_of(request, zone, UNKNOWN_DOMAIN)?;
    Ok(listings::domain_info(id, names, zone.record_count(id)))
}

/// `type` is taken and not read: every domain of the fake is listed under any type.
pub(super) fn domain_list(
    request: &Request,
    state: &mut State,
    listing: Listing,
) -> Result<Vec<Field>, Reply> {
    let page = Page::of(request, ("6", "7"), listing.page_limit)?;
    let totals = listing.totals;
    let keyword = keyword(request);
    let zone = state.zone();
    let matching: Vec<(u64, &Names)> = zone
        .all_names()
        .filter(|(_, names)| keyword.as_deref().is_none_or(|k| names.contain(k)))
        .collect();
    if matching.is_empty() {
        return Err(Reply::NoDomains);
    }
    let listed: Vec<(u64, &Names, usize)> = page
        .slice(&matching)
        .iter()
        .map(|&(id, names)| (id, names, zone.record_count(id)))
        .collect();
    let all = zone.all_names().count();
    Ok(listings::domain_list(
        (totals.claim(matching.len()), totals.claim(all)),
        &listed,
        page.asked(request),
    ))
}

/// A domain name the account does not hold is refused under `unknown`.
pub(super) fn record_list(
    request: &Request,
    state: &mut State,
    listing: Listing,
    unknown: &'static str,
) -> Result<Vec<Field>, Reply> {
    let (limit, totals) = (listing.page_limit, listing.totals);
    let zone = state.zone();
    let domain = domain_of(request, zone, unknown)?;
    let page = Page::of(request, ("7", "8"), limit)?;
    let sub_domain = optional(request, "sub_domain").map(host);
    let keyword = keyword(request);
    let records: Vec<&Record> = zone.domain_records(domain.0).collect();
    let wanted = |r: &Record| {
        sub_domain.is_none_or(|sub| host(&r.sub_domain).eq_ignore_ascii_case(sub))
            && keyword.as_deref().is_none_or(|k| {
                r.sub_domain.to_lowercase().contains(k) || r.value.to_lowercase().contains(k)
            })
    };
    let matching: Vec<&Record> = records.iter().copied().filter(|r| wanted(r)).collect();
    // Code 10 unless the client asked for an empty list instead.
    if matching.is_empty() && request.param("error_on_empty") != Some("no") {
        return Err(Reply::NoRecords);
    }
    Ok(listings::record_list(
        zone,
        domain,
        (totals.claim(records.len()), totals.claim(matching.len())),
        page.slice(&matching),
        page.asked(request),
    ))
}

/// Record.Remove: the domain by `domain_id` or `domain` as the look-ups name it, then
/// `record_id`, which must be one of that domain's records (code 8 otherwise, as the
/// vendor documents). Done at once, not a job; the answer is the bare envelope.
pub(super) fn record_remove(request: &Request, state: &mut State) -> Result<Vec<Field>, Reply> {
    let (domain_id, _) = domain_of(request, state.zone(), UNKNOWN_DOMAIN)?;
    let record_id: u64 = optional(request, "record_id")
        .and_then(|id| id.parse().ok())
        .ok_or(Reply::BadRecordId)?;
    // DNSPod's own records too: the vendor's refusal is not recorded, 8 is the guess.
    state
        .remove_record(domain_id, record_id)
        .map_err(|_| Reply::BadRecordId)?;
    Ok(Vec::new())
}
