//! Whether a job's detail and its history line tell the same story, since either may be
//! wrong (a server's answer, a history file anyone with the user's rights can edit): a
//! created record against the specs the job asked for, a changed record's before-state
//! against the record the detail shows after the job. DNSPod writes some values its own
//! way (a trailing dot, the case of a name, quotes round a TXT value, an empty host for
//! `@`), so fields are compared as DNS reads them.

use crate::job::{Before, Change, ChangeField, RecordItem, RecordSpec};

/// Two hosts name the same name: case aside, an empty host being `@`.
pub(super) fn same_host(a: &str, b: &str) -> bool {
    let apex = |h: &str| if h.is_empty() { "@" } else { h }.to_owned();
    apex(a.trim()).eq_ignore_ascii_case(&apex(b.trim()))
}

/// Two values of a record of `record_type` are the same: text as written, but for the
/// quotes round it; any other value (an address, a name) with or without its trailing
/// dot and in any case.
pub(super) fn same_value(record_type: Option<&str>, a: &str, b: &str) -> bool {
    let is_text =
        record_type.is_some_and(|t| matches!(t.to_ascii_uppercase().as_str(), "TXT" | "SPF"));
    if is_text {
        let bare = |v: &str| {
            let v = v.trim();
            v.strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v)
                .to_owned()
        };
        return bare(a) == bare(b);
    }
    let bare = |v: &str| {
        let v = v.trim();
        v.strip_suffix('.').unwrap_or(v).to_owned()
    };
    bare(a).eq_ignore_ascii_case(&bare(b))
}

/// Whether a created record, as the detail shows it, is one `spec` asks for: one of its
/// hosts, its type, line and value. A field the detail leaves out matches nothing.
pub(super) fn in_spec(
    spec: &RecordSpec,
    sub_domain: Option<&str>,
    record_type: Option<&str>,
    line: Option<&str>,
    value: Option<&str>,
) -> bool {
    let (Some(host), Some(record_type), Some(line), Some(value)) =
        (sub_domain, record_type, line, value)
    else {
        return false;
    };
    spec.host.split(',').any(|h| same_host(h, host))
        && spec.record_type.eq_ignore_ascii_case(record_type)
        && spec.line == line
        && same_value(Some(record_type), &spec.value, value)
}

/// Whether the detail agrees that the job changed `change.field` of the record, and
/// only that, from `before`: each field the detail shows is at the change's target if
/// the change sets it, else as it was before. A history line that names another field,
/// or a before-state the record never had, does not pass.
pub(super) fn detail_agrees(
    change: &Change,
    before: &Before,
    item: &RecordItem,
) -> Result<(), String> {
    for (name, shown, was) in fields(before, item) {
        let Some(shown) = shown else { continue };
        let same = |other: &str| match name {
            "sub_domain" => same_host(&shown, other),
            "record_type" => shown.eq_ignore_ascii_case(other),
            "value" => same_value(item.record_type.as_deref(), &shown, other),
            _ => shown == other,
        };
        match target(change, name) {
            Some(Some(to)) if !same(to) => {
                return Err(format!(
                    "the job's detail shows its {name} as {shown}, not the {to} its history line says the job set"
                ));
            }
            Some(_) => {}
            None => {
                if let Some(was) = was
                    && !same(&was)
                {
                    return Err(format!(
                        "the job's detail shows its {name} as {shown}, but its history line has {was} from before a job that changed only its {}",
                        change.field.name()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Each field a detail shows of a changed record, named as the change names it: as the
/// detail shows it after the job, and as the history has it before.
fn fields(
    before: &Before,
    item: &RecordItem,
) -> [(&'static str, Option<String>, Option<String>); 6] {
    let text = |t: &Option<compact_str::CompactString>| t.as_deref().map(str::to_owned);
    let number = |n: Option<u64>| n.map(|n| n.to_string());
    [
        ("sub_domain", text(&item.host), before.host.clone()),
        (
            "record_type",
            text(&item.record_type),
            before.record_type.clone(),
        ),
        ("area", text(&item.line), before.line.clone()),
        ("value", text(&item.value), before.value.clone()),
        ("ttl", number(item.ttl), number(before.ttl)),
        ("mx", number(item.mx), number(before.mx)),
    ]
}

/// What the change sets the field named `name` to: `None` if it leaves it; `Some(None)`
/// if it sets it to a value it does not name (an MX priority a type change may bring).
fn target<'c>(change: &'c Change, name: &str) -> Option<Option<&'c str>> {
    match (change.field, name) {
        (ChangeField::RecordType, "value") => Some(change.value.as_deref()),
        (ChangeField::RecordType, "mx") => Some(None),
        (field, name) if field.name() == name => Some(Some(change.to.as_str())),
        _ => None,
    }
}
