//! Tolerant deserialisers for the vendor's mixed types: numbers arrive as JSON numbers or
//! strings, and fields may be `null`, `""` or missing. They are hand-written visitors rather
//! than untagged enums, which would buffer every value before looking at it. On the ground
//! floor: the backends' answers, the records files and the model read through them alike.

use compact_str::CompactString;
use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// One lenient kind of value and how it reads each JSON scalar. `null` (and a missing
/// field, with `#[serde(default)]`) is `None` for every kind, read by the one visitor
/// `OrNull`; what a kind does not take is an error that says what it expects.
trait Lenient {
    type Value;
    /// What a value of this kind may be, for errors.
    const EXPECTING: &'static str;

    fn from_str<E: de::Error>(s: &str) -> Result<Option<Self::Value>, E>;
    fn from_u64<E: de::Error>(n: u64) -> Result<Option<Self::Value>, E>;
    fn from_i64<E: de::Error>(n: i64) -> Result<Option<Self::Value>, E>;

    fn from_f64<E: de::Error>(n: f64) -> Result<Option<Self::Value>, E> {
        Err(E::invalid_type(Unexpected::Float(n), &Self::EXPECTING))
    }

    fn from_bool<E: de::Error>(b: bool) -> Result<Option<Self::Value>, E> {
        Err(E::invalid_type(Unexpected::Bool(b), &Self::EXPECTING))
    }
}

/// A value of kind `K`, or null.
struct OrNull<K>(PhantomData<K>);

impl<'de, K: Lenient> Visitor<'de> for OrNull<K> {
    type Value = Option<K::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(K::EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        K::from_str(s)
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        K::from_u64(n)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        K::from_i64(n)
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        K::from_f64(n)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        K::from_bool(b)
    }
}

fn or_null<'de, K: Lenient, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<K::Value>, D::Error> {
    deserializer.deserialize_option(OrNull::<K>(PhantomData))
}

/// A non-negative whole number, as a number or a string (`""` is none).
struct Number;

impl Lenient for Number {
    type Value = u64;
    const EXPECTING: &'static str = "a non-negative whole number, as a number or a string, or null";

    fn from_str<E: de::Error>(s: &str) -> Result<Option<u64>, E> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        trimmed
            .parse()
            .map(Some)
            .map_err(|_| E::custom(format!("expected a number, got the string {s:?}")))
    }

    fn from_u64<E: de::Error>(n: u64) -> Result<Option<u64>, E> {
        Ok(Some(n))
    }

    fn from_i64<E: de::Error>(n: i64) -> Result<Option<u64>, E> {
        u64::try_from(n)
            .map(Some)
            .map_err(|_| E::custom(format!("expected a non-negative number, got {n}")))
    }
}

/// Text, with any other scalar taken as it is written.
struct Text;

impl Lenient for Text {
    type Value = CompactString;
    const EXPECTING: &'static str = "a string, a number or null";

    fn from_str<E: de::Error>(s: &str) -> Result<Option<CompactString>, E> {
        Ok(Some(CompactString::from(s)))
    }

    fn from_u64<E: de::Error>(n: u64) -> Result<Option<CompactString>, E> {
        Ok(Some(CompactString::from(n.to_string())))
    }

    fn from_i64<E: de::Error>(n: i64) -> Result<Option<CompactString>, E> {
        Ok(Some(CompactString::from(n.to_string())))
    }

    fn from_f64<E: de::Error>(n: f64) -> Result<Option<CompactString>, E> {
        Ok(Some(CompactString::from(n.to_string())))
    }

    fn from_bool<E: de::Error>(b: bool) -> Result<Option<CompactString>, E> {
        Ok(Some(CompactString::from(if b { "true" } else { "false" })))
    }
}

/// A remark: text, where `false` and `""` mean none; a number is taken as text.
struct Remark;

impl Lenient for Remark {
    type Value = CompactString;
    const EXPECTING: &'static str = "a remark: a string, false or null";

    fn from_str<E: de::Error>(s: &str) -> Result<Option<CompactString>, E> {
        Ok((!s.is_empty()).then(|| CompactString::from(s)))
    }

    fn from_u64<E: de::Error>(n: u64) -> Result<Option<CompactString>, E> {
        Text::from_u64(n)
    }

    fn from_i64<E: de::Error>(n: i64) -> Result<Option<CompactString>, E> {
        Text::from_i64(n)
    }

    fn from_bool<E: de::Error>(b: bool) -> Result<Option<CompactString>, E> {
        Ok(b.then(|| CompactString::from("true")))
    }
}

/// A non-negative integer sent as a number or a string; `null`, `""` and a missing field
/// (with `#[serde(default)]`) become `None`. Anything else is an error, never a zero.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    or_null::<Number, D>(deserializer)
}

/// A required non-negative integer sent as a number or a string (`job_id`).
pub(crate) fn u64_lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    opt_u64(deserializer)?.ok_or_else(|| de::Error::custom("expected a number, got null or \"\""))
}

/// Text that may arrive as a number (a numeric host name or value) or as `null`.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<CompactString>, D::Error> {
    or_null::<Text, D>(deserializer)
}

/// A record's remark: text, or the boolean `false` the legacy API sends for none (as it
/// does in Domain.Info); `false`, `null`, `""` and a missing field are all `None`.
pub(crate) fn opt_remark<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<CompactString>, D::Error> {
    or_null::<Remark, D>(deserializer)
}

/// Text that must be present, such as `status.code`: a string, accepted as a number too.
pub(crate) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    opt_text(deserializer)?
        .map(String::from)
        .ok_or_else(|| de::Error::custom("expected a string, got null"))
}

/// A list read for what it may tell, never a reason to reject the answer around it: one
/// that does not read is empty (a submit's echo, which must not turn a made job into an
/// unreadable answer).
pub(crate) fn vec_or_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}

/// A list that may be `null` or missing (with `#[serde(default)]`): both mean empty. The
/// list is shrunk to its length, as JSON gives no length up front and a growing `Vec`
/// keeps up to twice what it holds, for every domain's records.
pub(crate) fn vec_or_null<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default();
    items.shrink_to_fit();
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct Probe {
        #[serde(default, deserialize_with = "opt_u64")]
        n: Option<u64>,
        #[serde(default, deserialize_with = "opt_text")]
        t: Option<CompactString>,
        #[serde(default, deserialize_with = "vec_or_null")]
        v: Vec<u8>,
        #[serde(default, deserialize_with = "opt_remark")]
        r: Option<CompactString>,
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
        for bad in [
            r#""abc""#,
            "-1",
            "1.5",
            "true",
            "[]",
            "{}",
            "18446744073709551616",
        ] {
            assert!(probe(&format!(r#"{{"n": {bad}}}"#)).is_err(), "{bad}");
        }
    }

    #[test]
    fn text_accepts_numbers_and_null() {
        assert_eq!(probe(r#"{"t": 123}"#).unwrap().t.as_deref(), Some("123"));
        assert_eq!(
            probe(r#"{"t": "默认"}"#).unwrap().t.as_deref(),
            Some("默认")
        );
        assert_eq!(probe(r#"{"t": null}"#).unwrap().t, None);
        assert!(probe(r#"{"t": [1]}"#).is_err());
    }

    #[test]
    fn lists_may_be_null_or_missing() {
        assert!(probe(r#"{"v": null}"#).unwrap().v.is_empty());
        assert!(probe("{}").unwrap().v.is_empty());
        let v = probe(r#"{"v": [1, 2]}"#).unwrap().v;
        assert_eq!((v.as_slice(), v.capacity()), (&[1, 2][..], 2));
    }

    #[test]
    fn a_remark_of_false_empty_or_null_is_none() {
        for none in [r#"{"r": false}"#, r#"{"r": ""}"#, r#"{"r": null}"#, "{}"] {
            assert_eq!(probe(none).unwrap().r, None, "{none}");
        }
        assert_eq!(
            probe(r#"{"r": "备注"}"#).unwrap().r.as_deref(),
            Some("备注")
        );
        assert_eq!(probe(r#"{"r": 12}"#).unwrap().r.as_deref(), Some("12"));
    }

    #[test]
    fn text_takes_any_scalar_as_it_is_written() {
        for (json, want) in [
            ("true", "true"),
            ("false", "false"),
            ("1.5", "1.5"),
            ("-3", "-3"),
        ] {
            let t = probe(&format!(r#"{{"t": {json}}}"#)).unwrap().t;
            assert_eq!(t.as_deref(), Some(want), "{json}");
        }
        assert_eq!(probe(r#"{"t": ""}"#).unwrap().t.as_deref(), Some(""));
    }

    #[test]
    fn a_remark_of_true_is_kept_and_a_fraction_refused() {
        assert_eq!(probe(r#"{"r": true}"#).unwrap().r.as_deref(), Some("true"));
        assert!(probe(r#"{"r": 1.5}"#).is_err());
    }

    /// An error names what the field takes, so a bad value in a file or an answer is
    /// explained, not only refused.
    #[test]
    fn errors_say_what_each_kind_expects() {
        let error = |json: &str| probe(json).unwrap_err().to_string();
        assert!(error(r#"{"n": true}"#).contains("expected a non-negative whole number"));
        assert!(error(r#"{"n": 1.5}"#).contains("floating point `1.5`"));
        assert!(error(r#"{"t": [1]}"#).contains("expected a string, a number or null"));
        assert!(error(r#"{"r": 1.5}"#).contains("expected a remark"));
    }
}
