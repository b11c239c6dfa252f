//! Tolerant deserialisers for the vendor's mixed types: numbers arrive as JSON numbers or
//! strings, and fields may be `null`, `""` or missing.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A JSON value the vendor uses where a number or a string is meant.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Int(u64),
    Float(f64),
    Text(String),
    Bool(bool),
}

/// A non-negative integer sent as a number or a string; `null`, `""` and a missing field
/// (with `#[serde(default)]`) become `None`.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    match Option::<Scalar>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Scalar::Int(n)) => Ok(Some(n)),
        Some(Scalar::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(Scalar::Text(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| de::Error::custom(format!("expected a number, got the string {s:?}"))),
        Some(Scalar::Float(f)) => Err(de::Error::custom(format!(
            "expected a whole non-negative number, got {f}"
        ))),
        Some(Scalar::Bool(b)) => Err(de::Error::custom(format!("expected a number, got {b}"))),
    }
}

/// A required non-negative integer sent as a number or a string (`job_id`).
pub(crate) fn u64_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    opt_u64(deserializer)?.ok_or_else(|| de::Error::custom("expected a number, got null or \"\""))
}

/// Text that may arrive as a number (a numeric host name or value) or as `null`.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Scalar>::deserialize(deserializer)? {
        None => None,
        Some(Scalar::Text(s)) => Some(s),
        Some(Scalar::Int(n)) => Some(n.to_string()),
        Some(Scalar::Float(f)) => Some(f.to_string()),
        Some(Scalar::Bool(b)) => Some(b.to_string()),
    })
}

/// Text that must be present, such as `status.code`, which is a string but is accepted as a number.
pub(crate) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    opt_text(deserializer)?.ok_or_else(|| de::Error::custom("expected a string, got null"))
}

/// A list that may be `null` or missing (with `#[serde(default)]`): both mean empty.
pub(crate) fn vec_or_null<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct ListVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list or null")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Vec<T>, D2::Error> {
            Vec::<T>::deserialize(d)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_option(ListVisitor(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct Probe {
        #[serde(default, deserialize_with = "opt_u64")]
        n: Option<u64>,
        #[serde(default, deserialize_with = "opt_text")]
        t: Option<String>,
        #[serde(default, deserialize_with = "vec_or_null")]
        v: Vec<u8>,
    }

    fn probe(json: &str) -> Result<Probe, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn numbers_arrive_as_numbers_or_strings() {
        assert_eq!(probe(r#"{"n": 600}"#).unwrap().n, Some(600));
        assert_eq!(probe(r#"{"n": "600"}"#).unwrap().n, Some(600));
        assert_eq!(probe(r#"{"n": " 25562928 "}"#).unwrap().n, Some(25562928));
    }

    #[test]
    fn null_empty_and_missing_numbers_are_none() {
        assert_eq!(probe(r#"{"n": null}"#).unwrap().n, None);
        assert_eq!(probe(r#"{"n": ""}"#).unwrap().n, None);
        assert_eq!(probe("{}").unwrap().n, None);
    }

    #[test]
    fn non_numeric_numbers_are_errors_not_zero() {
        assert!(probe(r#"{"n": "abc"}"#).is_err());
        assert!(probe(r#"{"n": -1}"#).is_err());
        assert!(probe(r#"{"n": 1.5}"#).is_err());
        assert!(probe(r#"{"n": true}"#).is_err());
    }

    #[test]
    fn text_accepts_numbers_and_null() {
        assert_eq!(probe(r#"{"t": 123}"#).unwrap().t.as_deref(), Some("123"));
        assert_eq!(probe(r#"{"t": null}"#).unwrap().t, None);
    }

    #[test]
    fn lists_may_be_null_or_missing() {
        assert!(probe(r#"{"v": null}"#).unwrap().v.is_empty());
        assert!(probe("{}").unwrap().v.is_empty());
        assert_eq!(probe(r#"{"v": [1, 2]}"#).unwrap().v, [1, 2]);
    }
}
