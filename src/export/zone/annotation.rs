//! dpbatch's annotations of a zone file: what BIND cannot say of a record (a line other
//! than the default, a paused record, a weight, a remark) as a comment of one form that
//! dpbatch reads back: `;dpbatch` and `key=value` pairs (`line="电信"`, `enabled=false`,
//! `weight=10`, `remark="备用"`; line and remark quoted as zone files quote strings).
//! After a record (`www IN A 192.0.2.1 ;dpbatch weight=10`) it tells more of that
//! record, which BIND loads; on a line of its own the record follows the pairs
//! (`;dpbatch line="电信" www IN A 192.0.2.5`), which BIND ignores, so the file stays the
//! zone the default line serves. A record BIND cannot load at all (DNSPod's URL
//! forwarding, a value that would break the syntax) is such a line with its value in a
//! pair (`;dpbatch value="https://a.cn/x;y" go IN URL`): any value reads back exactly.

use super::quoted;
use crate::job::{AccountRecord, DEFAULT_LINE};

/// Where a record's annotation goes.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Annotation {
    /// None needed: BIND's line says it all.
    None,
    /// After the record's line: `weight=` and `remark=` of a default-line record BIND loads.
    After(String),
    /// A comment line of its own holding the record: another line, or paused.
    Own(String),
}

/// The annotation `record` needs.
pub(super) fn of(record: &AccountRecord) -> Annotation {
    let (pairs, own) = pairs(record);
    let text = format!(";dpbatch {}", pairs.join(" "));
    match (own, pairs.is_empty()) {
        (true, _) => Annotation::Own(text),
        (false, false) => Annotation::After(text),
        (false, true) => Annotation::None,
    }
}

/// The annotation of a record BIND cannot load, holding its value: always a line of its
/// own, the record after it without its data (an MX with its priority alone).
pub(super) fn holding(record: &AccountRecord, value: &str) -> String {
    let (mut pairs, _) = pairs(record);
    pairs.push(format!("value={}", quoted(value)));
    format!(";dpbatch {}", pairs.join(" "))
}

/// The record's pairs, and whether they need a line of their own (another line, paused).
fn pairs(record: &AccountRecord) -> (Vec<String>, bool) {
    let mut pairs = Vec::new();
    let line = record
        .line
        .as_deref()
        .filter(|l| !l.is_empty() && *l != DEFAULT_LINE);
    if let Some(line) = line {
        pairs.push(format!("line={}", quoted(line)));
    }
    if !record.enabled {
        pairs.push("enabled=false".to_owned());
    }
    let own = !pairs.is_empty();
    if let Some(weight) = record.weight {
        pairs.push(format!("weight={weight}"));
    }
    if let Some(remark) = record.remark.as_deref().filter(|r| !r.is_empty()) {
        pairs.push(format!("remark={}", quoted(remark)));
    }
    (pairs, own)
}
