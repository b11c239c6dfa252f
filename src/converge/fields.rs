//! What a modify changes, field by field, for the plan's table.

use crate::job::{Record, same_type, same_weight, value_key};

/// One field a modify changes: its name (an export row's key) and both values as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Changed {
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// The fields `after` changes of `before`, in an export row's order: value, TTL, MX,
/// weight, enabled, remark. A value spelt otherwise but the same to DNS is no change.
pub(crate) fn changed(before: &Record, after: &Record) -> Vec<Changed> {
    let optional = |n: Option<u64>| n.map_or_else(|| "-".to_owned(), |n| n.to_string());
    let is_mx = |r: &Record| same_type(&r.record_type, "MX");
    let key = |r: &Record| value_key(Some(&r.record_type), &r.value);
    let fields = [
        (
            "value",
            key(before) != key(after),
            before.value.to_string(),
            after.value.to_string(),
        ),
        (
            "ttl",
            before.ttl != after.ttl,
            before.ttl.to_string(),
            after.ttl.to_string(),
        ),
        (
            "mx",
            is_mx(after) && before.mx != after.mx,
            optional(before.mx),
            optional(after.mx),
        ),
        (
            "weight",
            !same_weight(before.weight, after.weight),
            optional(before.weight),
            optional(after.weight),
        ),
        (
            "enabled",
            before.enabled != after.enabled,
            before.enabled.to_string(),
            after.enabled.to_string(),
        ),
        (
            "remark",
            before.remark != after.remark,
            before.remark.to_string(),
            after.remark.to_string(),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, differs, _, _)| *differs)
        .map(|(field, _, old, new)| Changed { field, old, new })
        .collect()
}
