//! JSON written as the vendor writes it: keys in the order its pages show them, each
//! value of the type that API gives it.

use std::fmt;

/// A JSON value that keeps its keys in the order written, as the vendor's pages show them.
pub(crate) enum Json {
    Null,
    Bool(bool),
    Num(u64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<Field>),
}

pub(crate) type Field = (&'static str, Json);

pub(crate) fn text(value: impl Into<String>) -> Json {
    Json::Str(value.into())
}

pub(crate) fn count(n: usize) -> Json {
    Json::Num(n as u64)
}

/// The fields whose value is there; a total left out is no key at all.
pub(crate) fn present(fields: Vec<(&'static str, Option<Json>)>) -> Json {
    Json::Obj(
        fields
            .into_iter()
            .filter_map(|(key, value)| Some((key, value?)))
            .collect(),
    )
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Num(n) => write!(f, "{n}"),
            // serde_json does the escaping.
            Json::Str(s) => write!(f, "{}", serde_json::Value::from(s.as_str())),
            Json::Arr(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Obj(fields) => {
                f.write_str("{")?;
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{}:{value}", serde_json::Value::from(*key))?;
                }
                f.write_str("}")
            }
        }
    }
}

#[cfg(test)]
mod tests;
