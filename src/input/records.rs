//! Record specs for record-create jobs and changes for record-modify jobs: record types,
//! host names, values by type, TTL and MX, each error naming the value.

use super::shown;
use super::values::{check_mx, check_ttl};
use crate::backend::de;
use crate::error::usage;
use serde::{Deserialize, Serialize};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::Path;

pub(crate) const DEFAULT_LINE: &str = "默认";
pub(crate) const DEFAULT_TTL: u64 = 600;

/// The record types DNSPod accepts.
pub(crate) const RECORD_TYPES: [&str; 13] = [
    "A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA", "URL", "FRAMEURL", "SPF", "HTTPS",
    "SVCB",
];

/// A known record type, upper-cased; any case is accepted.
pub(crate) fn parse_record_type(raw: &str) -> Result<String, String> {
    let upper = raw.trim().to_ascii_uppercase();
    if RECORD_TYPES.contains(&upper.as_str()) {
        Ok(upper)
    } else {
        Err(format!(
            "record type `{}` is not one of {}",
            shown(raw),
            RECORD_TYPES.join(", ")
        ))
    }
}

/// Checks a value against its record type: A needs IPv4, AAAA IPv6, every type a value.
pub(crate) fn check_value(record_type: &str, value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(format!("the {record_type} record value is empty"));
    }
    match record_type {
        "A" if value.parse::<Ipv4Addr>().is_err() => Err(format!(
            "A record value `{}` is not an IPv4 address",
            shown(value)
        )),
        "AAAA" if value.parse::<Ipv6Addr>().is_err() => Err(format!(
            "AAAA record value `{}` is not an IPv6 address",
            shown(value)
        )),
        _ => Ok(()),
    }
}

/// Checks one host (`@`, `*`, `www`, `_sip._tcp`, `*.dev`), returning it unchanged.
pub(crate) fn check_host(host: &str) -> Result<(), String> {
    if host == "@" {
        return Ok(());
    }
    if host.is_empty() {
        return Err("empty host name".to_owned());
    }
    for label in host.split('.') {
        let valid_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '*');
        if label.is_empty() || label.chars().count() > 63 || !label.chars().all(valid_char) {
            return Err(format!("host `{}` is not a valid sub-domain", shown(host)));
        }
    }
    Ok(())
}

/// A comma list of hosts, checked and de-duplicated in order; the first spelling wins, as
/// DNS names ignore case.
pub(crate) fn check_hosts(raw: &str) -> Result<String, String> {
    let mut hosts: Vec<&str> = Vec::new();
    for host in raw.split(',').map(str::trim) {
        // A list of one is named once: the host.
        check_host(host).map_err(|why| match raw.contains(',') {
            true => format!("sub-domain list `{}`: {why}", shown(raw)),
            false => why,
        })?;
        if !hosts
            .iter()
            .any(|seen| seen.to_lowercase() == host.to_lowercase())
        {
            hosts.push(host);
        }
    }
    Ok(hosts.join(","))
}

/// A record to create on each domain of a job: one entry of a `--records-file`, whose
/// format is the legacy API's `records` parameter.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub(crate) struct RecordSpec {
    #[serde(default = "default_sub")]
    pub sub_domain: String,
    pub record_type: String,
    #[serde(default = "default_line")]
    pub record_line: String,
    pub value: String,
    #[serde(default = "default_ttl", deserialize_with = "de::u64_lenient")]
    pub ttl: u64,
    /// The API spells this key `MX`; `mx` is accepted in files as well.
    #[serde(
        rename = "MX",
        alias = "mx",
        default,
        deserialize_with = "de::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub mx: Option<u64>,
}

fn default_sub() -> String {
    "@".to_owned()
}

fn default_line() -> String {
    DEFAULT_LINE.to_owned()
}

fn default_ttl() -> u64 {
    DEFAULT_TTL
}

impl RecordSpec {
    /// Checks and normalises the spec: type upper-cased, hosts de-duplicated. The vendor's
    /// own example sends an empty `sub_domain` for the apex, so that is let through.
    pub(crate) fn checked(mut self) -> Result<RecordSpec, String> {
        self.record_type = parse_record_type(&self.record_type)?;
        if !self.sub_domain.is_empty() {
            self.sub_domain = check_hosts(&self.sub_domain)?;
        }
        if self.record_line.trim().is_empty() {
            return Err("the line (record_line) is empty".to_owned());
        }
        // DNSPod lists some addresses with a trailing dot (`106.120.176.25.`): an export
        // of them imports as the address.
        if matches!(self.record_type.as_str(), "A" | "AAAA") && self.value.ends_with('.') {
            self.value.pop();
        }
        check_value(&self.record_type, &self.value)?;
        check_ttl(self.ttl)?;
        check_mx_for(&self.record_type, self.mx)?;
        Ok(self)
    }
}

/// MX records need a priority in 1..=20; other types must not carry one.
fn check_mx_for(record_type: &str, mx: Option<u64>) -> Result<(), String> {
    match (record_type, mx) {
        ("MX", None) => Err("MX records need an MX priority (--mx 1..=20)".to_owned()),
        ("MX", Some(priority)) => check_mx(priority).map(drop),
        (_, None) => Ok(()),
        (other, Some(p)) => Err(format!(
            "MX priority `{p}` given for a {other} record; it applies to MX records only"
        )),
    }
}

/// The specs of a `--records-file` (named `path`) that holds a JSON array in the API's
/// `records` format.
pub(crate) fn specs_from_array(path: &Path, text: &str) -> anyhow::Result<Vec<RecordSpec>> {
    let specs: Vec<RecordSpec> = serde_json::from_str(text).map_err(|e| {
        usage(format!(
            "{}: not a JSON array of record specs: {e}",
            path.display()
        ))
    })?;
    if specs.is_empty() {
        return Err(usage(format!(
            "{}: the records array is empty",
            path.display()
        )));
    }
    let mut checked = Vec::with_capacity(specs.len());
    let mut errors = Vec::new();
    for (i, spec) in specs.into_iter().enumerate() {
        match spec.checked() {
            Ok(spec) => checked.push(spec),
            Err(why) => errors.push(format!("{} record {}: {why}", path.display(), i + 1)),
        }
    }
    if !errors.is_empty() {
        return Err(usage(super::list_errors(&errors)));
    }
    Ok(checked)
}

/// The field `--change` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[value(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub(crate) enum ChangeField {
    SubDomain,
    RecordType,
    Area,
    Value,
    Mx,
    Ttl,
    Status,
}

impl ChangeField {
    /// As `--change` takes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ChangeField::SubDomain => "sub_domain",
            ChangeField::RecordType => "record_type",
            ChangeField::Area => "area",
            ChangeField::Value => "value",
            ChangeField::Mx => "mx",
            ChangeField::Ttl => "ttl",
            ChangeField::Status => "status",
        }
    }
}

/// A checked change of one field of records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Change {
    pub field: ChangeField,
    pub to: String,
    /// The value records get with a new type (`--change record_type`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The priority records get with a change to MX.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mx: Option<u64>,
}

/// Checks `--change FIELD --to VALUE [--value V] [--mx P]` together.
pub(crate) fn check_change(
    field: ChangeField,
    to: &str,
    value: Option<&str>,
    mx: Option<u64>,
) -> Result<Change, String> {
    let to = to.trim();
    if to.is_empty() {
        return Err(format!("--to is empty; give the new {}", field.name()));
    }
    if value.is_some() && field != ChangeField::RecordType {
        return Err("--value goes with --change record_type only (to change values use --change value --to NEW)".into());
    }
    let to = match field {
        ChangeField::SubDomain => {
            check_host(to)?;
            to.to_owned()
        }
        ChangeField::RecordType => {
            let record_type = parse_record_type(to)?;
            let value = value.ok_or(
                "--change record_type needs --value, the value the records get with their new type",
            )?;
            check_value(&record_type, value)?;
            record_type
        }
        ChangeField::Mx => super::values::parse_mx(to)?.to_string(),
        ChangeField::Ttl => super::values::parse_ttl(to)?.to_string(),
        ChangeField::Status => match to {
            "enable" | "disable" => to.to_owned(),
            _ => return Err(format!("status `{to}` is not `enable` or `disable`")),
        },
        ChangeField::Area | ChangeField::Value => to.to_owned(),
    };
    let makes_mx = field == ChangeField::RecordType && to == "MX";
    match (makes_mx, mx) {
        (true, None) => return Err("changing records to MX needs --mx PRIO (1..=20)".to_owned()),
        (false, Some(p)) => {
            return Err(format!(
                "--mx {p} applies only when --change record_type --to MX makes MX records"
            ));
        }
        _ => {}
    }
    Ok(Change {
        field,
        to,
        value: value.map(str::to_owned),
        mx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> Result<RecordSpec, String> {
        serde_json::from_str::<RecordSpec>(json)
            .map_err(|e| e.to_string())?
            .checked()
    }

    #[test]
    fn record_types_are_case_insensitive_and_named_when_unknown() {
        assert_eq!(parse_record_type("aaaa").unwrap(), "AAAA");
        assert_eq!(parse_record_type("FrameUrl").unwrap(), "FRAMEURL");
        assert!(parse_record_type("PTR").unwrap_err().contains("`PTR`"));
    }

    #[test]
    fn values_are_checked_by_type() {
        assert!(check_value("A", "1.2.3.4").is_ok());
        assert!(check_value("A", "1.2.3").unwrap_err().contains("`1.2.3`"));
        assert!(check_value("AAAA", "::1").is_ok());
        assert!(check_value("AAAA", "1.2.3.4").unwrap_err().contains("IPv6"));
        assert!(check_value("CNAME", "target.example.").is_ok());
        assert!(check_value("TXT", " ").is_err());
    }

    #[test]
    fn hosts_are_checked_and_deduplicated() {
        assert_eq!(
            check_hosts("www, @,www,*,_sip._tcp,WWW,_SIP._tcp").unwrap(),
            "www,@,*,_sip._tcp"
        );
        assert!(check_hosts("www,,wap").unwrap_err().contains("empty host"));
        assert!(check_hosts("a b").unwrap_err().contains("`a b`"));
    }

    #[test]
    fn the_vendor_records_example_is_accepted() {
        let json = r#"[{"sub_domain":"www,wap,bbs","record_type":"A","record_line":"默认","value":"11.22.33.44","ttl":600},{"sub_domain":"","record_type":"MX","record_line":"默认","value":"mx.qq.com","ttl":600,"MX":10}]"#;
        let specs: Vec<RecordSpec> = serde_json::from_str(json).unwrap();
        let specs: Vec<RecordSpec> = specs.into_iter().map(|s| s.checked().unwrap()).collect();
        assert_eq!(specs[1].mx, Some(10));
        let back = serde_json::to_string(&specs).unwrap();
        assert!(
            back.contains(r#""MX":10"#) && !back.contains(r#""MX":null"#),
            "{back}"
        );
    }

    #[test]
    fn an_address_listed_with_a_trailing_dot_is_the_address() {
        let dotted = spec(r#"{"record_type": "A", "value": "106.120.176.25."}"#).unwrap();
        assert_eq!(dotted.value, "106.120.176.25");
        assert!(spec(r#"{"record_type": "A", "value": "106.120.176.25.."}"#).is_err());
    }

    #[test]
    fn specs_fill_defaults_and_accept_string_numbers() {
        let s = spec(r#"{"record_type":"txt","value":"hello","ttl":"300"}"#).unwrap();
        assert_eq!(
            (s.sub_domain.as_str(), s.record_line.as_str(), s.ttl),
            ("@", DEFAULT_LINE, 300)
        );
        assert_eq!(s.record_type, "TXT");
    }

    #[test]
    fn bad_specs_name_the_value() {
        for (json, culprit) in [
            (r#"{"record_type":"A","value":"x"}"#, "`x`"),
            (r#"{"record_type":"A","value":"1.1.1.1","ttl":0}"#, "`0`"),
            (
                r#"{"record_type":"MX","value":"mx.example."}"#,
                "MX priority",
            ),
            (
                r#"{"record_type":"MX","value":"mx.example.","MX":30}"#,
                "`30`",
            ),
            (r#"{"record_type":"A","value":"1.1.1.1","mx":5}"#, "`5`"),
            (
                r#"{"record_type":"A","value":"1.1.1.1","recordline":"x"}"#,
                "recordline",
            ),
        ] {
            let err = spec(json).unwrap_err();
            assert!(err.contains(culprit), "{json}: {err}");
        }
    }

    #[test]
    fn changes_are_checked_per_field() {
        let ok = check_change(ChangeField::Ttl, "3600", None, None).unwrap();
        assert_eq!(ok.to, "3600");
        let mx = check_change(ChangeField::RecordType, "mx", Some("mx.example."), Some(5)).unwrap();
        assert_eq!((mx.to.as_str(), mx.mx), ("MX", Some(5)));
        for (field, to, value, mx, culprit) in [
            (ChangeField::Ttl, "ten", None, None, "`ten`"),
            (ChangeField::Mx, "x", None, None, "`x`"),
            (ChangeField::Status, "disabled", None, None, "`disabled`"),
            (ChangeField::Value, " ", None, None, "--to is empty"),
            (ChangeField::RecordType, "CNAME", None, None, "--value"),
            (ChangeField::RecordType, "A", Some("nope"), None, "`nope`"),
            (
                ChangeField::RecordType,
                "MX",
                Some("mx.example."),
                None,
                "--mx",
            ),
            (ChangeField::RecordType, "PTR", Some("x"), None, "`PTR`"),
            (ChangeField::Value, "1.2.3.4", None, Some(5), "--mx 5"),
            (ChangeField::Ttl, "600", Some("v"), None, "--value"),
        ] {
            let err = check_change(field, to, value, mx).unwrap_err();
            assert!(err.contains(culprit), "{field:?} {to}: {err}");
        }
    }
}
