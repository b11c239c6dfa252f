use super::*;
use crate::export::tests::record;

fn zone(records: Vec<AccountRecord>) -> String {
    let listing = Listing {
        domain: "例子.cn".into(),
        records,
    };
    let mut out = Vec::new();
    write(&mut out, &listing).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_zone_has_origin_ttl_relative_owners_and_absolute_targets() {
    let mut long_ttl = record(3, "www", "CNAME", "web.example.com");
    long_ttl.ttl = Some(3600);
    let text = zone(vec![
        record(1, "@", "A", "192.0.2.1."),
        record(2, "@", "MX", "mx.例子.cn"),
        long_ttl,
        record(4, "_sip._tcp", "SRV", "0 5 5060 sip.example.com"),
        record(5, "@", "CAA", "0 issue \"letsencrypt.org\""),
    ]);
    assert_eq!(
        text.lines().skip(1).collect::<Vec<_>>(),
        [
            "$ORIGIN xn--fsqu00a.cn.",
            "$TTL 600",
            "@ IN A 192.0.2.1",
            "@ IN MX 10 mx.例子.cn.",
            "www 3600 IN CNAME web.example.com.",
            "_sip._tcp IN SRV 0 5 5060 sip.example.com.",
            "@ IN CAA 0 issue \"letsencrypt.org\"",
        ]
    );
    assert_eq!(file_name("例子.cn"), "xn--fsqu00a.cn.zone");
}

#[test]
fn other_lines_paused_records_forwarding_and_odd_values_are_annotations() {
    let mut telecom = record(1, "www", "A", "192.0.2.2");
    telecom.line = Some("电信".into());
    let mut paused = record(2, "api", "A", "192.0.2.3");
    paused.enabled = false;
    let mut forged = record(3, "x", "CNAME", "a.cn.\n@ IN A 6.6.6.6");
    forged.ttl = Some(600);
    let mut frame = record(5, "in", "隐性URL", "https://example.com/a;b");
    (frame.line, frame.remark) = (Some("电信".into()), Some("框架".into()));
    let text = zone(vec![
        telecom,
        paused,
        record(4, "go", "URL", "https://example.com/"),
        forged,
        frame,
        record(6, "@", "MX", "mx(1).a.cn."),
        record(7, "@", "MX", ""),
    ]);
    let comments: Vec<&str> = text.lines().skip(3).collect();
    assert_eq!(
        comments,
        [
            ";dpbatch line=\"电信\" www IN A 192.0.2.2",
            ";dpbatch enabled=false api IN A 192.0.2.3",
            ";dpbatch value=\"https://example.com/\" go IN URL",
            r#";dpbatch value="a.cn.\010@ IN A 6.6.6.6" x IN CNAME"#,
            ";dpbatch line=\"电信\" remark=\"框架\" value=\"https://example.com/a;b\" in IN 隐性URL",
            ";dpbatch value=\"mx(1).a.cn.\" @ IN MX 10",
            "; no value: @ IN MX ",
        ]
    );
}

#[test]
fn dnspods_own_ns_records_are_comments_and_their_ttl_is_not_the_zones() {
    let system = |id, value: &str| AccountRecord {
        ttl: Some(86_400),
        system: true,
        ..record(id, "@", "NS", value)
    };
    let mut own = record(3, "@", "NS", "ns1.example.net.");
    own.ttl = Some(86_400);
    let listing = Listing {
        domain: "a.cn".into(),
        records: vec![
            system(1, "f1g1ns1.dnspod.net."),
            system(2, "f1g1ns2.dnspod.net."),
            own,
            record(4, "www", "A", "192.0.2.1"),
        ],
    };
    let mut out = Vec::new();
    assert_eq!(write(&mut out, &listing).unwrap(), 2);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().skip(2).collect();
    assert_eq!(
        lines,
        [
            "$TTL 600",
            "; DNSPod's own name server, which DNSPod manages: @ 86400 IN NS f1g1ns1.dnspod.net.",
            "; DNSPod's own name server, which DNSPod manages: @ 86400 IN NS f1g1ns2.dnspod.net.",
            "@ 86400 IN NS ns1.example.net.",
            "www IN A 192.0.2.1",
        ]
    );
}

#[test]
fn txt_is_split_into_strings_of_at_most_255_bytes_between_characters() {
    let long = "a".repeat(300);
    assert_eq!(
        txt_strings(&long),
        format!("\"{}\" \"{}\"", "a".repeat(255), "a".repeat(45))
    );
    // 254 ASCII bytes, then a 3-byte character that would end past 255.
    let cjk = format!("{}例{}", "b".repeat(254), "c");
    assert_eq!(
        txt_strings(&cjk),
        format!("\"{}\" \"例c\"", "b".repeat(254))
    );
    assert_eq!(txt_strings(&"d".repeat(255)).matches('"').count(), 2);
}

#[test]
fn txt_quotes_backslashes_and_hidden_characters_are_escaped() {
    assert_eq!(
        txt_strings("say \"hi\" \\ now\n\u{202e}"),
        r#""say \"hi\" \\ now\010\226\128\174""#
    );
    let text = zone(vec![record(1, "@", "TXT", "v=spf1 -all; x")]);
    assert!(text.ends_with("@ IN TXT \"v=spf1 -all; x\"\n"), "{text}");
}

#[test]
fn quoted_semicolons_and_parentheses_are_data_and_unquoted_ones_are_not() {
    assert!(fits_syntax(
        r#"0 issue "ca.example; accounturi=https://ca.example/a(1)""#
    ));
    assert!(fits_syntax(r#"0 iodef "mailto:a\"b;c@example.com""#));
    for value in [
        r#"0 issue "ca.example" ; x"#,
        r#"0 issue "ca.example"#,
        r#"0 issue "ca.example\""#,
        "1 (2)",
        "a\nb",
        r#"0 issue \"; x ""#,
        r#"0 issue \"(x"#,
    ] {
        assert!(!fits_syntax(value), "{value}");
    }
}

#[test]
fn names_and_types_that_are_not_plain_tokens_are_counted_comments() {
    let listing = Listing {
        domain: "a.cn".into(),
        records: vec![
            record(1, "$GENERATE 1-9 x", "A", "192.0.2.1"),
            record(2, "_dmarc", "TXT", "v=DMARC1"),
            record(3, "*.shop", "A", "192.0.2.3"),
            record(4, "x", "", "192.0.2.4"),
            record(5, "", "A", "192.0.2.5"),
        ],
    };
    let mut out = Vec::new();
    assert_eq!(write(&mut out, &listing).unwrap(), 3);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().skip(3).collect();
    assert_eq!(
        lines,
        [
            "; a host name zone files cannot hold: $GENERATE 1-9 x IN A 192.0.2.1",
            "_dmarc IN TXT \"v=DMARC1\"",
            "*.shop IN A 192.0.2.3",
            "; a record type zone files cannot hold: x IN  192.0.2.4",
            "; a host name zone files cannot hold:  IN A 192.0.2.5",
        ]
    );
}

#[test]
fn weights_and_remarks_of_a_loaded_record_are_annotations_after_it() {
    let weighted = AccountRecord {
        weight: Some(10),
        remark: Some("say \"hi\"; \\ 备用".into()),
        ..record(1, "www", "A", "192.0.2.1")
    };
    let text = zone(vec![weighted, record(2, "api", "A", "192.0.2.2")]);
    let lines: Vec<&str> = text.lines().skip(3).collect();
    assert_eq!(
        lines,
        [
            r#"www IN A 192.0.2.1 ;dpbatch weight=10 remark="say \"hi\"; \\ 备用""#,
            "api IN A 192.0.2.2",
        ]
    );
}
