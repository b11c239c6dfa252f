use super::record_specs;

#[test]
fn record_specs_accept_the_vendor_example() {
    let json = r#"[{"sub_domain":"www,wap,bbs","record_type":"A","record_line":"默认","value":"11.22.33.44","ttl":600},
                   {"sub_domain":"","record_type":"mx","record_line":"默认","value":"mx.qq.com","ttl":"600","MX":10}]"#;
    let specs = record_specs(json).unwrap();
    assert_eq!(specs[0].hosts, ["www", "wap", "bbs"]);
    assert_eq!((specs[0].ttl, specs[0].mx), (600, None));
    assert_eq!(specs[1].hosts, [""]);
    assert_eq!(
        (specs[1].record_type.as_str(), specs[1].ttl, specs[1].mx),
        ("MX", 600, Some(10))
    );
}

#[test]
fn record_specs_fill_defaults_and_refuse_junk() {
    let spec = &record_specs(r#"[{"record_type":"A","value":"1.2.3.4"}]"#).unwrap()[0];
    assert_eq!(
        (spec.hosts.as_slice(), spec.line.as_str(), spec.ttl),
        (&["@".to_string()][..], "默认", 600)
    );
    for junk in [
        "",
        "{}",
        "[]",
        "[1]",
        r#"[{"value":"1.2.3.4"}]"#,
        r#"[{"record_type":"A","value":"1.2.3.4","ttl":"x"}]"#,
        r#"[{"record_type":"A","value":"1.2.3.4","ttl":-1}]"#,
        r#"[{"record_type":"MX","value":"mx.","MX":70000}]"#,
        r#"[{"record_type":"A","value":7}]"#,
    ] {
        assert!(record_specs(junk).is_none(), "{junk}");
    }
}
