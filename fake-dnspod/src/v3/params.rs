//! An action's JSON body, read with the gateway's strictness: an object, no field the
//! action does not know, every field of its documented type (`null` counting as absent).

use serde_json::{Map, Value};

use super::Refusal;

pub(crate) struct Params(Map<String, Value>);

pub(crate) fn wrong_type(name: &str, expected: &str) -> Refusal {
    Refusal::new(
        "InvalidParameter",
        format!("The value type of parameter `{name}` is not valid, expected {expected}."),
    )
}

/// Refuses a field outside `known`: a misspelt field would otherwise be ignored silently.
pub(crate) fn only_known(
    object: &Map<String, Value>,
    known: &[&str],
    prefix: &str,
) -> Result<(), Refusal> {
    match object.keys().find(|key| !known.contains(&key.as_str())) {
        None => Ok(()),
        Some(key) => Err(Refusal::new(
            "UnknownParameter",
            format!("The parameter `{prefix}{key}` is not recognized."),
        )),
    }
}

impl Params {
    pub(crate) fn parse(body: &str, known: &[&str]) -> Result<Params, Refusal> {
        let Ok(Value::Object(object)) = serde_json::from_str(body) else {
            return Err(Refusal::new(
                "InvalidParameter",
                "The request body is not a JSON object.",
            ));
        };
        only_known(&object, known, "")?;
        Ok(Params(object))
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name).filter(|value| !value.is_null())
    }

    pub(crate) fn string(&self, name: &str) -> Result<Option<&str>, Refusal> {
        self.get(name)
            .map(|value| value.as_str().ok_or_else(|| wrong_type(name, "String")))
            .transpose()
    }

    pub(crate) fn required_string(&self, name: &str) -> Result<&str, Refusal> {
        self.string(name)?.ok_or_else(|| Refusal::missing(name))
    }

    pub(crate) fn integer(&self, name: &str) -> Result<Option<u64>, Refusal> {
        self.get(name).map(|value| integer(value, name)).transpose()
    }

    pub(crate) fn array(&self, name: &str) -> Result<&[Value], Refusal> {
        match self.get(name) {
            None => Err(Refusal::missing(name)),
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(wrong_type(name, "Array")),
        }
    }

    /// `name` as an array of strings.
    pub(crate) fn strings(&self, name: &str) -> Result<Vec<&str>, Refusal> {
        let items = self.array(name)?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                item.as_str()
                    .ok_or_else(|| wrong_type(&format!("{name}.{i}"), "String"))
            })
            .collect()
    }

    /// `name` as an array of integers.
    pub(crate) fn integers(&self, name: &str) -> Result<Vec<u64>, Refusal> {
        let items = self.array(name)?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| integer(item, &format!("{name}.{i}")))
            .collect()
    }
}

/// A JSON integer, not a numeric string: the gateway types its fields.
pub(crate) fn integer(value: &Value, name: &str) -> Result<u64, Refusal> {
    value.as_u64().ok_or_else(|| wrong_type(name, "Integer"))
}

/// A field of a nested object, typed like a top-level one.
pub(crate) fn nested_string<'a>(
    object: &'a Map<String, Value>,
    name: &str,
    path: &str,
) -> Result<Option<&'a str>, Refusal> {
    match object.get(name).filter(|value| !value.is_null()) {
        None => Ok(None),
        Some(value) => value
            .as_str()
            .map(Some)
            .ok_or_else(|| wrong_type(&format!("{path}.{name}"), "String")),
    }
}

pub(crate) fn nested_integer(
    object: &Map<String, Value>,
    name: &str,
    path: &str,
) -> Result<Option<u64>, Refusal> {
    object
        .get(name)
        .filter(|value| !value.is_null())
        .map(|value| integer(value, &format!("{path}.{name}")))
        .transpose()
}
