//! The look-ups' bodies in the shapes the real server sent over the years, mixed so that
//! a client meets them all: totals that are numbers on one page and strings on the next,
//! records with and without `line_id`, `weight` null or a number, `hold` on NS records.

use super::shapes::GRADE;
use crate::json::{Field, Json, count, present, text};
use crate::model::zone::{DEFAULT_MX, DEFAULT_TTL, LINES, Names, Record, Zone, host};

/// The account's login, shown as every domain's owner.
const OWNER: &str = "owner@fake-dnspod.example";

/// What a look-up asked for that changes the shape of its answer.
#[derive(Clone, Copy)]
pub(super) struct Asked {
    /// Offset 0: later pages come in another year's shape.
    pub(super) first_page: bool,
    /// The domain by name, not by `domain_id`.
    pub(super) by_name: bool,
}

/// Domain.Info's fields: `id` and the counts are strings, `remark` the boolean `false`.
pub(super) fn domain_info(id: u64, names: &Names, records: usize) -> Vec<Field> {
    vec![(
        "domain",
        Json::Obj(vec![
            ("id", text(id.to_string())),
            ("name", text(names.unicode.as_str())),
            ("punycode", text(names.ascii.as_str())),
            ("grade", text(GRADE)),
            ("status", text("enable")),
            ("ext_status", text("")),
            ("records", text(records.to_string())),
            ("group_id", text("1")),
            ("remark", Json::Bool(false)),
            ("ttl", text(DEFAULT_TTL.to_string())),
            ("owner", text(OWNER)),
        ]),
    )]
}

/// Domain.List's totals: numbers but `share_total` a string on the first page (as in
/// 2017), the other way round on later pages (as since 2019). `total` counts the domains
/// matching, `all` the account's; a total the fake leaves out ([`crate::listing::Totals`]) is `None`.
fn domain_totals(total: Option<usize>, all: Option<usize>, first_page: bool) -> Json {
    let number = |n: Option<usize>| {
        n.map(|n| {
            if first_page {
                count(n)
            } else {
                text(n.to_string())
            }
        })
    };
    let share = if first_page { text("0") } else { count(0) };
    // The fake has no shared, marked, paused or VIP domains.
    let mut info = vec![
        ("domain_total", number(total)),
        ("all_total", number(all)),
        ("mine_total", number(all)),
        ("share_total", Some(share)),
    ];
    info.extend(
        ["vip_total", "ismark_total", "pause_total", "error_total"].map(|k| (k, number(Some(0)))),
    );
    present(info)
}

/// Domain.List's fields: each domain's `id` a number, `ttl` and `records` strings.
pub(super) fn domain_list(
    (total, all): (Option<usize>, Option<usize>),
    page: &[(u64, &Names, usize)],
    asked: Asked,
) -> Vec<Field> {
    let domains = page.iter().map(|&(id, names, records)| {
        Json::Obj(vec![
            ("id", Json::Num(id)),
            ("name", text(names.unicode.as_str())),
            ("punycode", text(names.ascii.as_str())),
            ("status", text("enable")),
            ("grade", text(GRADE)),
            ("ttl", text(DEFAULT_TTL.to_string())),
            ("records", text(records.to_string())),
            ("remark", Json::Bool(false)),
            ("ext_status", text("")),
            ("owner", text(OWNER)),
        ])
    });
    vec![
        ("info", domain_totals(total, all, asked.first_page)),
        ("domains", Json::Arr(domains.collect())),
    ]
}

/// Record.List's fields: the domain's `id` a string when asked by name and a number when
/// asked by ID, its `ttl` a number. The counts (the domain's records, those matching) are
/// strings with `records_num` on the first page, and `record_total` a number on later
/// pages, as in 2014; a count the fake leaves out ([`crate::listing::Totals`]) is `None`.
pub(super) fn record_list(
    zone: &Zone,
    (id, names): (u64, &Names),
    (records, matching): (Option<usize>, Option<usize>),
    page: &[&Record],
    asked: Asked,
) -> Vec<Field> {
    let domain = Json::Obj(vec![
        (
            "id",
            if asked.by_name {
                text(id.to_string())
            } else {
                Json::Num(id)
            },
        ),
        ("name", text(names.unicode.as_str())),
        ("punycode", text(names.ascii.as_str())),
        ("grade", text(GRADE)),
        ("ttl", Json::Num(DEFAULT_TTL.into())),
    ]);
    let string = |n: Option<usize>| n.map(|n| text(n.to_string()));
    let mut info = vec![("sub_domains", string(records))];
    if asked.first_page {
        info.push(("record_total", string(matching)));
        info.push(("records_num", string(matching)));
    } else {
        info.push(("record_total", matching.map(count)));
    }
    let listed = page.iter().map(|r| listed_record(zone, r));
    vec![
        ("domain", domain),
        ("info", present(info)),
        ("records", Json::Arr(listed.collect())),
    ]
}

/// One record: `id`, `ttl` and `mx` strings, `weight` null or a number, `enabled` "1"/"0"
/// beside `status` "enabled"/"disabled", `remark` a string ("" for none), as the real
/// bodies of 2016 and 2017 list them. Records of odd id come as since 2017, with a
/// `line_id`; the others as in 2016, without. DNSPod's own apex NS records carry
/// `"hold":"hold"`.
fn listed_record(zone: &Zone, r: &Record) -> Json {
    let recent = r.id % 2 == 1;
    let mx = match r.record_type.as_str() {
        "MX" => r.mx.unwrap_or(DEFAULT_MX),
        _ => 0,
    };
    let (enabled, status) = if r.enabled {
        ("1", "enabled")
    } else {
        ("0", "disabled")
    };
    let mut fields = vec![
        ("id", text(r.id.to_string())),
        ("name", text(host(&r.sub_domain))),
        ("line", text(r.line.as_str())),
    ];
    if recent {
        fields.push(("line_id", text(line_id(&r.line))));
    }
    fields.extend([
        ("type", text(r.record_type.as_str())),
        ("ttl", text(r.ttl.to_string())),
        ("value", text(r.value.as_str())),
        (
            "weight",
            r.weight.map_or(Json::Null, |w| Json::Num(w.into())),
        ),
        ("mx", text(mx.to_string())),
        ("enabled", text(enabled)),
        ("status", text(status)),
        ("remark", text(r.remark.as_str())),
        ("updated_on", text(zone.updated_on(r.id))),
    ]);
    if r.system {
        fields.push(("hold", text("hold")));
    }
    Json::Obj(fields)
}

/// The line's id; any line but the main carriers' shows the default's.
fn line_id(line: &str) -> &'static str {
    LINES
        .iter()
        .find(|(_, name)| *name == line)
        .map_or("0", |(id, _)| id)
}
