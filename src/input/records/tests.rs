use super::*;
use crate::job::DEFAULT_LINE;

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
        (s.host.as_str(), s.line.as_str(), s.ttl),
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
