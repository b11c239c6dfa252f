//! dpbatch's annotations read back (the form `export --format zone` writes, README's
//! export section): `;dpbatch` and `key=value` pairs, `line` and `remark` quoted as zone
//! files quote strings; after a record they tell more of it, on a line of their own the
//! record follows them (its data in a quoted `value` pair where BIND could not load it:
//! DNSPod's URL forwarding, a value that would break the syntax).

use super::tokens::{self, Token};
use crate::input::shown;
use crate::job::Record;
use compact_str::CompactString;
use rust_i18n::t;

/// What an annotation says of its record; `None` is what BIND's line says.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Pairs {
    pub line: Option<CompactString>,
    pub enabled: Option<bool>,
    pub weight: Option<u64>,
    pub remark: Option<CompactString>,
    /// The record's value, which the record after the pairs leaves out.
    pub value: Option<CompactString>,
}

impl Pairs {
    /// Whether these may follow a record BIND loads: only on the default line, enabled,
    /// its value its own.
    pub(super) fn fit_bind(&self) -> bool {
        self.line.is_none() && self.enabled.is_none() && self.value.is_none()
    }

    pub(super) fn apply(self, record: &mut Record) {
        record.line = self.line.unwrap_or_else(|| record.line.clone());
        record.enabled = self.enabled.unwrap_or(record.enabled);
        record.weight = self.weight.or(record.weight);
        record.remark = self.remark.unwrap_or_else(|| record.remark.clone());
    }
}

/// The pairs of an annotation (the text after `;dpbatch`, on `line`) and the tokens after
/// them: the record of an annotation on its own line.
pub(super) fn read(text: &str, line: usize) -> Result<(Pairs, Vec<Token<'_>>), String> {
    let mut entries = tokens::entries_from(text, line)?;
    let mut tokens = match entries.len() {
        0 => Vec::new(),
        1 => entries.remove(0).tokens,
        _ => return Err(t!("zone.annotation_lines").into_owned()),
    };
    let mut pairs = Pairs::default();
    let mut at = 0;
    while let Some(token) = tokens.get(at).filter(|t| !t.quoted) {
        let Some((key, value)) = token.text.split_once('=') else {
            break;
        };
        at += 1;
        // `line="电信"`: a quoted value is a token of its own, written right after.
        let value = match tokens.get(at).filter(|t| value.is_empty() && t.joined) {
            Some(quoted) => {
                at += 1;
                &*quoted.text
            }
            None => value,
        };
        pairs.set(key, value)?;
    }
    Ok((pairs, tokens.split_off(at)))
}

impl Pairs {
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let twice = || t!("zone.annotation_twice", key = shown(key)).into_owned();
        let bad = || {
            t!(
                "zone.annotation_bad",
                key = shown(key),
                value = shown(value)
            )
            .into_owned()
        };
        match key {
            "line" if self.line.is_some() => return Err(twice()),
            "line" if value.trim().is_empty() => return Err(bad()),
            "line" => self.line = Some(value.into()),
            "enabled" if self.enabled.is_some() => return Err(twice()),
            "enabled" => self.enabled = Some(value.parse().map_err(|_| bad())?),
            "weight" if self.weight.is_some() => return Err(twice()),
            "weight" => self.weight = Some(value.parse().map_err(|_| bad())?),
            "remark" if self.remark.is_some() => return Err(twice()),
            "remark" => self.remark = Some(value.into()),
            "value" if self.value.is_some() => return Err(twice()),
            "value" if value.trim().is_empty() => return Err(bad()),
            "value" => self.value = Some(value.into()),
            _ => {
                return Err(t!("zone.annotation_unknown", key = shown(key)).into_owned());
            }
        }
        Ok(())
    }
}
