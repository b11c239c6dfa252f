use super::*;

fn specs(text: &str, domain: Option<&str>) -> Vec<String> {
    let zone = parse(text, domain).unwrap_or_else(|e| panic!("{e:?}"));
    zone.records
        .iter()
        .filter(|d| !d.system)
        .map(|d| {
            let r = &d.record;
            let mx = r.mx.map(|mx| format!(" mx={mx}")).unwrap_or_default();
            format!("{} {} {} {}{mx}", r.host, r.ttl, r.record_type, r.value)
        })
        .collect()
}

fn errors(text: &str, domain: Option<&str>) -> Vec<String> {
    parse(text, domain).unwrap_err()
}

#[test]
fn origin_ttl_relative_absolute_and_apex_names() {
    let text = "\
$ORIGIN example.cn.
$TTL 1h
@            IN A     192.0.2.1
www          300 IN A 192.0.2.2
api.example.cn. IN 60 A 192.0.2.3
";
    assert_eq!(
        specs(text, None),
        [
            "@ 3600 A 192.0.2.1",
            "www 300 A 192.0.2.2",
            "api 60 A 192.0.2.3"
        ]
    );
    assert_eq!(
        parse(text, None).unwrap().origin.as_deref(),
        Some("example.cn")
    );
}

#[test]
fn an_owner_left_out_is_the_one_before_and_targets_become_absolute() {
    let text = "\
$ORIGIN a.cn.
mail  A 192.0.2.9
      AAAA ::1
@     MX 10 mail
@     MX 20 mx.other.net.
www   CNAME @
_sip._tcp SRV 0 5 5060 sip
";
    assert_eq!(
        specs(text, None),
        [
            "mail 600 A 192.0.2.9",
            "mail 600 AAAA ::1",
            "@ 600 MX mail.a.cn. mx=10",
            "@ 600 MX mx.other.net. mx=20",
            "www 600 CNAME a.cn.",
            "_sip._tcp 600 SRV 0 5 5060 sip.a.cn."
        ]
    );
}

#[test]
fn multi_string_txt_comments_and_parentheses_across_lines() {
    let text = "\
; a comment line
$ORIGIN a.cn.
@ IN TXT ( \"v=spf1 \"   ; the first part
           \"include:x.cn -all\" )
k._domainkey TXT \"a;b\" \"say \\\"hi\\\" \\059 \\\\\"
@ CAA 0 issue \"letsencrypt.org\"
";
    assert_eq!(
        specs(text, None),
        [
            "@ 600 TXT v=spf1 include:x.cn -all",
            "k._domainkey 600 TXT a;bsay \"hi\" ; \\",
            "@ 600 CAA 0 issue \"letsencrypt.org\""
        ]
    );
}

#[test]
fn soa_is_skipped_with_a_note_and_apex_ns_marked_system() {
    let text = "\
$ORIGIN a.cn.
@ IN SOA ns1.a.cn. admin.a.cn. (
        2024010101 ; serial
        3600 900 604800 300 )
@ NS ns1.dnspod.net.
dev NS ns1.dev.example.
";
    let zone = parse(text, None).unwrap();
    let records: Vec<(usize, &str, bool)> = zone
        .records
        .iter()
        .map(|d| (d.line, d.record.value.as_str(), d.system))
        .collect();
    assert_eq!(
        records,
        [(5, "ns1.dnspod.net.", true), (6, "ns1.dev.example.", false)]
    );
    assert_eq!(
        zone.notes,
        ["line 2: skipped the SOA record of the apex: DNSPod manages it"]
    );
}

#[test]
fn without_origin_the_domain_given_is_the_origin_and_relative_names_stay_relative() {
    let text = "www A 192.0.2.1\n@ MX 5 mail\n";
    assert_eq!(
        specs(text, Some("b.cn")),
        ["www 600 A 192.0.2.1", "@ 600 MX mail.b.cn. mx=5"]
    );
    assert_eq!(specs("www A 192.0.2.1\n", None), ["www 600 A 192.0.2.1"]);
    let lost = errors("www.b.cn. A 192.0.2.1\n@ MX 5 mail\n", None);
    assert!(
        lost[0].ends_with("`www.b.cn.` needs a $ORIGIN before it"),
        "{lost:?}"
    );
    assert!(
        lost[1].starts_with("line 2: the relative name `mail`"),
        "{lost:?}"
    );
}

#[test]
fn every_bad_line_is_named() {
    let text = "\
$ORIGIN a.cn.
www A 1.2.3
other.cn. A 192.0.2.1
ptr PTR host.a.cn.
mx MX ten mail
@ CH TXT hello
x 99999999 A 192.0.2.1
$INCLUDE other.zone
    ";
    let errors = errors(text, None);
    let lines: Vec<&str> = errors
        .iter()
        .map(|e| e.split(':').next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "line 2", "line 3", "line 4", "line 5", "line 6", "line 7", "line 8"
        ]
    );
    assert!(errors[0].contains("`1.2.3`"), "{errors:?}");
    assert!(errors[1].contains("not in the zone a.cn"), "{errors:?}");
    assert!(errors[2].contains("`PTR`"), "{errors:?}");
    assert!(
        errors[6].contains("$INCLUDE is not supported"),
        "{errors:?}"
    );
}

#[test]
fn broken_syntax_names_where_it_starts() {
    assert_eq!(
        errors("$ORIGIN a.cn.\n@ TXT \"open\n", None),
        ["line 2: a quoted string is not closed"]
    );
    assert_eq!(
        errors("$ORIGIN a.cn.\n@ TXT ( \"a\"\n\n", None),
        ["line 2: `(` is never closed"]
    );
    assert_eq!(
        errors("@ A 192.0.2.1 )\n", None),
        ["line 1: `)` without `(`"]
    );
}

#[test]
fn ttls_take_bind_units() {
    assert_eq!(ttl_of("600"), Ok(600));
    assert_eq!(ttl_of("1h30m"), Ok(5400));
    assert_eq!(ttl_of("1W"), Ok(604_800));
    assert_eq!(ttl_of("2d1"), Ok(172_801));
    for bad in ["", "h", "1x", "99999999999999999999"] {
        assert!(ttl_of(bad).is_err(), "{bad}");
    }
}

#[test]
fn https_and_svcb_values_keep_their_quoted_parameters_as_written() {
    let text = "\
$ORIGIN a.cn.
@ HTTPS 1 . alpn=\"h2,h3\" ipv4hint=192.0.2.1
_svc SVCB 1 svc.a.cn. ( alpn=h2\\,h3
    port=\"8443\" )
";
    assert_eq!(
        specs(text, None),
        [
            "@ 600 HTTPS 1 . alpn=\"h2,h3\" ipv4hint=192.0.2.1",
            "_svc 600 SVCB 1 svc.a.cn. alpn=h2\\,h3 port=\"8443\""
        ]
    );
}

#[test]
fn escapes_for_control_characters_are_refused_named() {
    for (txt, why) in [
        (r#""a\000b""#, "`\\000` stands for a control character"),
        (r#""tab\009""#, "`\\009` stands for a control character"),
        (r#""c1 \194\133""#, "the control character U+0085"),
    ] {
        let errors = errors(&format!("$ORIGIN a.cn.\n@ TXT {txt}\n"), None);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("line 2: "), "{errors:?}");
        assert!(errors[0].contains(why), "{txt}: {errors:?}");
    }
    assert_eq!(
        specs(
            "$ORIGIN a.cn.\n@ TXT \"fine \\059 \\\\ \\226\\128\\174\"\n",
            None
        ),
        ["@ 600 TXT fine ; \\ \u{202e}"]
    );
}

#[test]
fn include_and_generate_with_arguments_are_not_supported_named() {
    let errors = errors(
        "$INCLUDE other.zone sub.a.cn.\n$GENERATE 1-10 host$ A 192.0.2.$\n$TTL 1 2\n",
        Some("a.cn"),
    );
    assert_eq!(
        errors,
        [
            "line 1: $INCLUDE is not supported",
            "line 2: $GENERATE is not supported",
            "line 3: $TTL takes one argument"
        ]
    );
}

#[test]
fn relative_names_are_hosts_in_lower_case_the_short_way_and_the_long_way_alike() {
    let relative = "$ORIGIN example.cn.\nWWW A 192.0.2.1\n@ A 192.0.2.2\nApi.V2 A 192.0.2.3\n";
    let absolute = "$ORIGIN example.cn.\nWWW.example.cn. A 192.0.2.1\nEXAMPLE.cn. A 192.0.2.2\n\
                    api.v2.Example.CN. A 192.0.2.3\n";
    let hosts = |text| {
        let specs = specs(text, None);
        specs
            .iter()
            .map(|s| s.split(' ').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(hosts(relative), ["www", "@", "api.v2"]);
    assert_eq!(hosts(relative), hosts(absolute));
    // Under a --domain with no $ORIGIN, the same.
    let given = specs("WWW A 192.0.2.1\n", Some("example.cn"));
    assert_eq!(given, ["www 600 A 192.0.2.1"]);
}
