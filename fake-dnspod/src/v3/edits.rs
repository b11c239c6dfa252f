//! ModifyRecordBatchV3: a job that gives each record its own fields, under the same job
//! limits as the other submits. What an item leaves out stays as it is: the vendor's
//! example sends `RecordId` and `RecordLine` only (RECORDS.md, inferred, not stated).

use serde_json::{Map, Value};

use super::batch::refusal;
use super::params::{Params, nested_integer, nested_string, only_known, wrong_type};
use super::{Answer, Caller, Refusal, shapes};
use crate::model::change::Edit;
use crate::model::state::State;

pub(super) const EDIT: &[&str] = &["ModifyRecordList"];
const ITEM_FIELDS: &[&str] = &[
    "RecordId",
    "SubDomain",
    "RecordType",
    "RecordLine",
    "Value",
    "Enabled",
    "Remark",
    "Weight",
    "MX",
    "TTL",
];

fn illegal(message: &str) -> Refusal {
    Refusal::new("InvalidParameter.ParamsIllegal", message)
}

pub(super) fn modify_records(params: &Params, state: &mut State, caller: &Caller) -> Answer {
    let items = params.array("ModifyRecordList")?;
    if items.is_empty() {
        return Err(illegal("ModifyRecordList is empty."));
    }
    let edits = items
        .iter()
        .enumerate()
        .map(|(i, item)| edit(item, &format!("ModifyRecordList.{i}")))
        .collect::<Result<Vec<(u64, Edit)>, Refusal>>()?;
    state
        .edit_records(edits, caller.client)
        .map(shapes::queued)
        .map_err(refusal)
}

/// One item at `path`: its record id and the fields it sets. A weight past 100 is the
/// record's item error, as the rules say on a single call; a malformed field refuses the
/// whole submit.
fn edit(item: &Value, path: &str) -> Result<(u64, Edit), Refusal> {
    let Value::Object(object) = item else {
        return Err(wrong_type(path, "Object"));
    };
    only_known(object, ITEM_FIELDS, &format!("{path}."))?;
    let id = nested_integer(object, "RecordId", path)?
        .ok_or_else(|| Refusal::missing(&format!("{path}.RecordId")))?;
    let text = |name| -> Result<Option<String>, Refusal> {
        Ok(nested_string(object, name, path)?.map(|s| s.trim().to_string()))
    };
    let edit = Edit {
        sub_domain: text("SubDomain")?,
        record_type: text("RecordType")?.map(|kind| kind.to_ascii_uppercase()),
        line: text("RecordLine")?,
        value: text("Value")?,
        enabled: enabled(object, path)?,
        remark: nested_string(object, "Remark", path)?.map(str::to_string),
        weight: nested_integer(object, "Weight", path)?
            .map(|weight| u16::try_from(weight).unwrap_or(u16::MAX)),
        mx: number(object, "MX", path)?,
        ttl: number(object, "TTL", path)?,
    };
    Ok((id, edit))
}

/// `Enabled`, the string "1" or "0".
fn enabled(object: &Map<String, Value>, path: &str) -> Result<Option<bool>, Refusal> {
    match nested_string(object, "Enabled", path)? {
        None => Ok(None),
        Some("1") => Ok(Some(true)),
        Some("0") => Ok(Some(false)),
        Some(_) => Err(illegal("Enabled is \"1\" or \"0\".")),
    }
}

/// An integer field that must fit its type.
fn number<T: TryFrom<u64>>(
    object: &Map<String, Value>,
    name: &str,
    path: &str,
) -> Result<Option<T>, Refusal> {
    nested_integer(object, name, path)?
        .map(|n| T::try_from(n).map_err(|_| illegal(&format!("{path}.{name} is out of range."))))
        .transpose()
}
