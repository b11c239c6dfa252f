//! DescribeDomain, DescribeDomainList and DescribeRecordList over the account the jobs
//! change, paged by `Offset`/`Limit`, with loose types: `TTL` a string on records of odd
//! id, `Weight` null or an integer, `DefaultNS` true only on DNSPod's own apex NS records.

use super::params::Params;
use super::{Answer, Caller, Refusal};
use crate::json::{Json, count, present, text};
use crate::model::state::State;
use crate::model::zone::{DEFAULT_MX, DEFAULT_TTL, LINES, NAME_SERVERS, Names, Record, Zone, host};

pub(super) const DOMAIN: &[&str] = &["Domain", "DomainId"];
/// `Type`, `GroupId` and `Tags` are taken and not read: the fake has one kind of domain.
pub(super) const DOMAIN_LIST: &[&str] = &["Type", "Offset", "Limit", "GroupId", "Keyword", "Tags"];
/// `GroupId`, `SortField` and `SortType` are taken and not read: records list by id.
pub(super) const RECORD_LIST: &[&str] = &[
    "Domain",
    "DomainId",
    "Subdomain",
    "SubDomain",
    "RecordType",
    "RecordLine",
    "RecordLineId",
    "GroupId",
    "Keyword",
    "SortField",
    "SortType",
    "Offset",
    "Limit",
    "ErrorOnEmpty",
];

/// DescribeRecordList's page size when none is asked, and the most it gives.
const RECORD_PAGE: u64 = 100;
const MAX_RECORD_PAGE: u64 = 3000;
/// DescribeDomainList's default page size (it documents no maximum).
const DOMAIN_PAGE: u64 = 3000;
/// The most domains a `Keyword` may match.
const MAX_KEYWORD_MATCHES: usize = 500;
const GRADE: &str = "DP_FREE";

/// The domain named by `Domain` (required), or by `DomainId` when given.
pub(super) fn domain_of<'z>(params: &Params, zone: &'z Zone) -> Result<(u64, &'z Names), Refusal> {
    let name = params.required_string("Domain")?;
    let id = match params.integer("DomainId")? {
        Some(id) => Some(id),
        None => zone.domain_named(name),
    };
    id.and_then(|id| Some((id, zone.names(id)?)))
        .ok_or_else(|| {
            Refusal::new(
                "InvalidParameterValue.DomainNotExists",
                "The domain does not exist in this account.",
            )
        })
}

/// The part `Offset` and `Limit` ask for, cut at the fake's page limit (`forced`).
fn page<'a, T>(
    params: &Params,
    items: &'a [T],
    (default, max): (u64, u64),
    forced: usize,
) -> Result<&'a [T], Refusal> {
    let offset = params.integer("Offset")?.unwrap_or(0);
    let limit = params.integer("Limit")?.unwrap_or(default);
    if limit == 0 || limit > max {
        return Err(Refusal::new(
            "InvalidParameterValue.LimitInvalid",
            format!("Limit must be between 1 and {max}."),
        ));
    }
    let start = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(items.len());
    let length = usize::try_from(limit).unwrap_or(usize::MAX).min(forced);
    Ok(&items[start..start.saturating_add(length).min(items.len())])
}

pub(super) fn domain(params: &Params, state: &mut State, _: &Caller) -> Answer {
    let zone = state.zone();
    let (id, names) = domain_of(params, zone)?;
    let info = Json::Obj(vec![
        ("DomainId", Json::Num(id)),
        ("Status", text("ENABLE")),
        ("Grade", text(GRADE)),
        ("GroupId", Json::Num(1)),
        ("IsMark", text("no")),
        ("TTL", Json::Num(DEFAULT_TTL.into())),
        ("CnameSpeedup", text("DISABLE")),
        ("Remark", Json::Null),
        ("Punycode", text(names.ascii.as_str())),
        ("DnsStatus", text("")),
        ("DnspodNsList", Json::Arr(NAME_SERVERS.map(text).into())),
        ("Domain", text(names.unicode.as_str())),
        ("GradeLevel", Json::Num(0)),
        ("IsVip", text("NO")),
        ("GradeTitle", text("免费版")),
        ("RecordCount", count(zone.record_count(id))),
    ]);
    Ok(vec![("DomainInfo", info)])
}

pub(super) fn domain_list(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let keyword = params.string("Keyword")?.map(str::to_lowercase);
    let (forced, totals) = (caller.listing.page_limit, caller.listing.totals);
    let zone = state.zone();
    let matching: Vec<(u64, &Names)> = zone
        .all_names()
        .filter(|(_, names)| keyword.as_deref().is_none_or(|k| names.contain(k)))
        .collect();
    if keyword.is_some() && matching.len() > MAX_KEYWORD_MATCHES {
        return Err(Refusal::new(
            "InvalidParameter.ResultMoreThan500",
            "The keyword matches more than 500 domains; use a longer one.",
        ));
    }
    let listed = page(params, &matching, (DOMAIN_PAGE, u64::MAX), forced)?;
    let all = totals.claim(zone.all_names().count());
    let mut counts = vec![
        ("DomainTotal", totals.claim(matching.len()).map(count)),
        ("AllTotal", all.map(count)),
        ("MineTotal", all.map(count)),
    ];
    counts.extend(
        ["ShareTotal", "VipTotal", "PauseTotal", "ErrorTotal"].map(|k| (k, Some(count(0)))),
    );
    let items = listed.iter().map(|&(id, names)| {
        Json::Obj(vec![
            ("DomainId", Json::Num(id)),
            ("Name", text(names.unicode.as_str())),
            ("Status", text("ENABLE")),
            ("TTL", Json::Num(DEFAULT_TTL.into())),
            ("Grade", text(GRADE)),
            ("GroupId", Json::Num(1)),
            ("Remark", text("")),
            ("Punycode", text(names.ascii.as_str())),
            ("EffectiveDNS", Json::Arr(NAME_SERVERS.map(text).into())),
            ("RecordCount", count(zone.record_count(id))),
            ("TagList", Json::Null),
        ])
    });
    Ok(vec![
        ("DomainCountInfo", present(counts)),
        ("DomainList", Json::Arr(items.collect())),
    ])
}

pub(super) fn record_list(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let (forced, totals) = (caller.listing.page_limit, caller.listing.totals);
    let zone = state.zone();
    let (domain_id, _) = domain_of(params, zone)?;
    // `SubDomain` wins over `Subdomain`.
    let sub_domain = match params.string("SubDomain")? {
        Some(sub) => Some(sub),
        None => params.string("Subdomain")?,
    };
    let record_type = params.string("RecordType")?;
    let line = match params.string("RecordLineId")? {
        Some(id) => Some(
            LINES
                .iter()
                .find(|(known, _)| *known == id)
                .map_or(id, |(_, name)| name),
        ),
        None => params.string("RecordLine")?,
    };
    let keyword = params.string("Keyword")?.map(str::to_lowercase);
    let wanted = |r: &Record| {
        sub_domain.is_none_or(|sub| host(&r.sub_domain).eq_ignore_ascii_case(host(sub)))
            && record_type.is_none_or(|kind| r.record_type.eq_ignore_ascii_case(kind))
            && line.is_none_or(|line| r.line == line)
            && keyword.as_deref().is_none_or(|k| {
                r.sub_domain.to_lowercase().contains(k) || r.value.to_lowercase().contains(k)
            })
    };
    let matching: Vec<&Record> = zone
        .domain_records(domain_id)
        .filter(|r| wanted(r))
        .collect();
    if matching.is_empty() && params.string("ErrorOnEmpty")? != Some("no") {
        return Err(Refusal::new(
            "ResourceNotFound.NoDataOfRecord",
            "The record list is empty.",
        ));
    }
    let listed = page(params, &matching, (RECORD_PAGE, MAX_RECORD_PAGE), forced)?;
    let claimed = totals.claim(matching.len());
    let info = present(vec![
        ("SubdomainCount", claimed.map(count)),
        ("ListCount", Some(count(listed.len()))),
        ("TotalCount", claimed.map(count)),
    ]);
    let items = listed.iter().map(|r| listed_record(zone, r));
    Ok(vec![
        ("RecordCountInfo", info),
        ("RecordList", Json::Arr(items.collect())),
    ])
}

/// One record; odd ids get the vendor examples' strings, even ids numbers and nulls.
fn listed_record(zone: &Zone, r: &Record) -> Json {
    let odd = r.id % 2 == 1;
    let ttl = if odd {
        text(r.ttl.to_string())
    } else {
        Json::Num(r.ttl.into())
    };
    let mx = match r.record_type.as_str() {
        "MX" => r.mx.unwrap_or(DEFAULT_MX),
        _ => 0,
    };
    let line_id = LINES
        .iter()
        .find(|(_, name)| *name == r.line)
        .map_or("0", |(id, _)| id);
    let mut fields = vec![
        ("RecordId", Json::Num(r.id)),
        ("Value", text(r.value.as_str())),
        ("Status", text(if r.enabled { "ENABLE" } else { "DISABLE" })),
        ("UpdatedOn", text(zone.updated_on(r.id))),
        ("Name", text(host(&r.sub_domain))),
        ("Line", text(r.line.as_str())),
        ("LineId", text(line_id)),
        ("Type", text(r.record_type.as_str())),
        (
            "Weight",
            r.weight.map_or(Json::Null, |w| Json::Num(w.into())),
        ),
        ("MonitorStatus", text("")),
        ("Remark", text(r.remark.as_str())),
        ("TTL", ttl),
        ("MX", Json::Num(mx.into())),
    ];
    // `true` on DNSPod's own NS records; the vendor documents the field as nullable, so
    // other records leave it out (odd ids) or say `false`.
    if r.system || !odd {
        fields.push(("DefaultNS", Json::Bool(r.system)));
    }
    Json::Obj(fields)
}
