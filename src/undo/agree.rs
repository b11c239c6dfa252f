//! Whether a job's detail and its history line tell the same story, since either may be
//! wrong (a server's answer, a history file anyone with the user's rights can edit): a
//! created record against the specs the job asked for, a changed record's before-state
//! against the record the detail shows after the job. Fields are compared as the model
//! compares them (`job/compare.rs`), as DNS reads them.

use crate::job::{Before, Change, ChangeField, RecordItem, same_host, same_type, same_value};
use rust_i18n::t;

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
            "record_type" => same_type(&shown, other),
            "value" => same_value(item.record_type.as_deref(), &shown, other),
            _ => shown == other,
        };
        match target(change, name) {
            Some(Some(to)) if !same(to) => {
                return Err(
                    t!("undo.detail_shows", name = name, shown = shown, to = to).into_owned()
                );
            }
            Some(_) => {}
            None => {
                if let Some(was) = was
                    && !same(&was)
                {
                    return Err(t!(
                        "undo.detail_shows_other",
                        name = name,
                        shown = shown,
                        was = was,
                        field = change.field.name()
                    )
                    .into_owned());
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
