use super::*;
use crate::export::{CsvRows, Listing, write_jsonl, zone as zone_file};
use crate::job::{AccountRecord, Record};

fn file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn import(name: &str, text: &str) -> anyhow::Result<Import> {
    let (_dir, path) = file(name, text);
    read(&path, None)
}

fn error(name: &str, text: &str) -> String {
    import(name, text).unwrap_err().to_string()
}

#[test]
fn the_format_is_told_by_extension_else_by_content() {
    let p = Path::new;
    assert_eq!(format(p("a.jsonl"), "[]"), Format::Jsonl);
    assert_eq!(format(p("a.CSV"), ""), Format::Csv);
    assert_eq!(format(p("a.zone"), "{"), Format::Zone);
    assert_eq!(format(p("a.json"), " \n[{}]"), Format::Array);
    assert_eq!(format(p("-"), "{\"domain\": 1}\n"), Format::Jsonl);
    assert_eq!(
        format(p("-"), "domain,sub_domain,record_type,value\r\n"),
        Format::Csv
    );
    assert_eq!(
        format(
            p("-"),
            "\"domain\",\"sub_domain\",\"record_type\",\"value\"\r\n"
        ),
        Format::Csv,
        "spreadsheets quote the header"
    );
    assert_eq!(format(p("-"), "\"www\",A\n"), Format::Zone);
    assert_eq!(format(p("-"), "$ORIGIN a.cn.\n"), Format::Zone);
    assert_eq!(format(p("records"), "www A 192.0.2.1\n"), Format::Zone);
}

#[test]
fn csv_rows_go_to_the_domains_they_name_in_any_column_order() {
    let text = "value,record_type,domain,sub_domain,ttl,mx,enabled,record_id\r\n\
                192.0.2.1,A,a.cn,www,300,,true,11\r\n\
                mx.a.cn.,MX,A.CN,@,,10,TRUE,\r\n\
                192.0.2.2,A,例子.cn,www,,,,\r\n\
                192.0.2.2,A,xn--fsqu00a.cn,www,,,,\r\n";
    let import = import("x.csv", text).unwrap();
    let sets: Vec<(Option<&str>, usize)> = import
        .sets
        .iter()
        .map(|s| (s.domain.as_deref(), s.records.len()))
        .collect();
    assert_eq!(sets, [(Some("a.cn"), 2), (Some("例子.cn"), 1)]);
    let mx = &import.sets[0].records[1];
    assert_eq!((mx.ttl, mx.mx, mx.line.as_str()), (600, Some(10), "默认"));
    assert!(import.notes.is_empty());
}

#[test]
fn every_bad_row_is_named_with_its_line_the_csv_header_being_line_1() {
    let text = "domain,sub_domain,record_type,value,ttl\n\
                a.cn,www,A,1.2.3,600\n\
                a.cn,www,A,192.0.2.1,600\n\
                a..cn,www,A,192.0.2.1,600\n\
                a.cn,\"w w\",A,192.0.2.1,600\n\
                a.cn,www,PTR,x,600\n\
                a.cn,www,A\n\
                a.cn,www,A,192.0.2.1,0\n";
    let err = error("x.csv", text);
    for line in [2, 4, 5, 6, 7, 8] {
        assert!(
            err.contains(&format!("x.csv line {line}: ")),
            "{line}: {err}"
        );
    }
    assert!(!err.contains("line 3:"), "{err}");
    assert!(err.starts_with("6 invalid values:"), "{err}");
    let err = error("x.csv", "domain,host,value\na.cn,www,1\n");
    assert!(
        err.ends_with("line 1: the column `host` is not one export writes"),
        "{err}"
    );
}

#[test]
fn jsonl_rows_are_checked_like_flags_and_paused_ones_skipped_with_a_note() {
    let text = r#"{"domain":"a.cn","record_id":1,"sub_domain":"www","record_type":"A","line":"电信","value":"192.0.2.1","ttl":600,"mx":null,"enabled":true,"remark":"web"}

{"domain":"a.cn","record_id":2,"sub_domain":"api","record_type":"A","line":"默认","value":"192.0.2.2","ttl":600,"mx":null,"enabled":false,"remark":""}
"#;
    let import = import("x.jsonl", text).unwrap();
    assert_eq!(import.sets.len(), 1);
    assert_eq!(import.sets[0].records[0].line, "电信");
    let notes = import.notes.join("\n");
    assert!(notes.contains("line 3: skipped paused records"), "{notes}");
    assert!(
        notes.contains("line 1: the records are created without their remarks"),
        "{notes}"
    );
    let err = error(
        "x.jsonl",
        "{\"domain\":\"a.cn\",\"record_type\":\"A\"}\n{\"domain\":\"a.cn\",\"recordtype\":\"A\"}\nnot json\n",
    );
    assert!(err.contains("line 1: missing field `value`"), "{err}");
    assert!(err.contains("line 2: unknown field `recordtype`"), "{err}");
    assert!(err.contains("line 3: "), "{err}");
    assert!(!err.contains("column"), "{err}");
}

#[test]
fn a_file_of_nothing_to_create_is_refused() {
    let err = error("x.zone", "$ORIGIN a.cn.\n@ NS ns1.dnspod.net.\n");
    assert!(err.ends_with("holds no record to create"), "{err}");
}

/// What export writes for a listing, read back as specs.
fn round_trip(write: impl Fn(&mut Vec<u8>, &[Listing]), name: &str) -> Vec<RecordSpec> {
    let record = |id, name: &str, record_type: &str, value: &str, mx| AccountRecord {
        id,
        host: Some(name.into()),
        line: Some("默认".into()),
        record_type: Some(record_type.into()),
        ttl: Some(600),
        value: Some(value.into()),
        mx,
        weight: None,
        enabled: true,
        remark: None,
        system: false,
    };
    let system = AccountRecord {
        system: true,
        ..record(4, "@", "NS", "f1g1ns1.dnspod.net.", None)
    };
    let listings = [Listing {
        domain: "a.cn".into(),
        records: vec![
            system,
            record(1, "www", "A", "192.0.2.1", None),
            record(2, "@", "MX", "mx.a.cn.", Some(10)),
            record(
                3,
                "@",
                "TXT",
                &format!("v=\"x\", {}", "y".repeat(400)),
                None,
            ),
        ],
    }];
    let mut bytes = Vec::new();
    write(&mut bytes, &listings);
    let import = import(name, &String::from_utf8(bytes).unwrap()).unwrap();
    assert_eq!(import.sets[0].domain.as_deref(), Some("a.cn"));
    let skipped = import
        .notes
        .iter()
        .filter(|n| n.contains("skipped 1 NS record"));
    assert_eq!(
        skipped.count(),
        usize::from(!name.ends_with(".zone")),
        "{:?}",
        import.notes
    );
    let records = &import.sets[0].records;
    records.iter().map(|spec| RecordSpec::clone(spec)).collect()
}

#[test]
fn dnspods_ns_records_are_skipped_by_their_mark_else_at_the_apex_with_a_count() {
    let text = r#"{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"f1g1ns1.dnspod.net.","system":true}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"f1g1ns2.dnspod.net."}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"ns1.example.net.","system":false}
{"domain":"a.cn","sub_domain":"dev","record_type":"NS","value":"ns1.dev.example.","system":null}
"#;
    let import = import("x.jsonl", text).unwrap();
    let values: Vec<&str> = import.sets[0]
        .records
        .iter()
        .map(|r| r.value.as_str())
        .collect();
    assert_eq!(values, ["ns1.example.net.", "ns1.dev.example."]);
    assert_eq!(import.notes.len(), 1);
    assert!(
        import.notes[0]
            .ends_with(" lines 1, 2: skipped 2 NS records of the apex: DNSPod manages them"),
        "{:?}",
        import.notes
    );
    let csv = "domain,sub_domain,record_type,value,system\r\na.cn,@,NS,ns1.example.net.,maybe\r\n";
    let err = error("x.csv", csv);
    assert!(
        err.contains("line 2: system `maybe` is not true or false"),
        "{err}"
    );
}

#[test]
fn what_export_writes_imports_as_the_same_records_in_every_format() {
    let jsonl = round_trip(|out, l| write_jsonl(out, &l[0]).unwrap(), "a.jsonl");
    let csv = round_trip(
        |out, l| {
            let mut rows = CsvRows::new(out, false).unwrap();
            rows.write(&l[0]).unwrap();
            rows.finish().unwrap();
        },
        "a.csv",
    );
    let zone = round_trip(
        |out, l| {
            zone_file::write(out, &l[0]).unwrap();
        },
        "a.zone",
    );
    assert_eq!(jsonl, csv);
    assert_eq!(jsonl, zone);
    assert_eq!(jsonl[2].value, format!("v=\"x\", {}", "y".repeat(400)));
}

#[test]
fn an_exported_zones_annotations_read_back_every_field_of_every_record() {
    let record = |id, host: &str, line: &str, value: &str| AccountRecord {
        id,
        host: Some(host.into()),
        line: Some(line.into()),
        record_type: Some("A".into()),
        ttl: Some(600),
        value: Some(value.into()),
        mx: None,
        weight: None,
        enabled: true,
        remark: None,
        system: false,
    };
    let remarks = [
        "say \"hi\"",
        r"back\slash\",
        "a; b",
        "备用 线路",
        "  spaced  ",
    ];
    let records = vec![
        AccountRecord {
            weight: Some(10),
            remark: Some(remarks[0].into()),
            ..record(1, "www", "默认", "192.0.2.1")
        },
        AccountRecord {
            remark: Some(remarks[1].into()),
            ..record(2, "www", "电信", "192.0.2.2")
        },
        AccountRecord {
            enabled: false,
            weight: Some(0),
            remark: Some(remarks[2].into()),
            ..record(3, "api", "默认", "192.0.2.3")
        },
        AccountRecord {
            enabled: false,
            remark: Some(remarks[3].into()),
            ..record(4, "api", "境外", "192.0.2.4")
        },
        AccountRecord {
            ttl: Some(60),
            remark: Some(remarks[4].into()),
            ..record(5, "mail", "默认", "192.0.2.5")
        },
        record(6, "mail", "联通", "192.0.2.6"),
        // What BIND cannot load reads back from an annotation holding its value.
        AccountRecord {
            record_type: Some("URL".into()),
            ..record(7, "go", "默认", "https://a.cn/x;y")
        },
        AccountRecord {
            record_type: Some("FRAMEURL".into()),
            enabled: false,
            remark: Some(remarks[0].into()),
            ..record(8, "in", "电信", "https://a.cn/\"q\"")
        },
        AccountRecord {
            record_type: Some("MX".into()),
            mx: Some(5),
            ..record(9, "@", "默认", "mx(1).a.cn.")
        },
    ];
    let listing = Listing {
        domain: "a.cn".into(),
        records,
    };
    let mut bytes = Vec::new();
    zone_file::write(&mut bytes, &listing).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let zone = zone::parse(&text, None).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    let read: Vec<Record> = zone.records.into_iter().map(|d| d.record).collect();
    let want: Vec<Record> = listing.records.iter().map(|r| r.whole().unwrap()).collect();
    assert_eq!(read, want, "{text}");
    let lines: Vec<&str> = zone.lines.iter().map(|l| l.as_str()).collect();
    assert_eq!(lines, ["境外", "电信", "联通"]);
    // What BIND loads is what the default line serves, enabled.
    let loaded: Vec<&str> = text.lines().filter(|l| !l.starts_with(';')).collect();
    assert_eq!(loaded.len(), 4, "$ORIGIN, $TTL and two records: {text}");
}

#[test]
fn an_annotation_is_read_only_in_its_form() {
    for (text, why) in [
        (
            "www A 192.0.2.1 ;dpbatch line=\"电信\"\n",
            "annotate it on a ;dpbatch line",
        ),
        (
            "www A 192.0.2.1 ;dpbatch enabled=false\n",
            "annotate it on a ;dpbatch line",
        ),
        (
            "www A 192.0.2.1 ;dpbatch weight=5 api\n",
            "holds only key=value pairs",
        ),
        (
            ";dpbatch colour=red www A 192.0.2.1\n",
            "unknown annotation `colour`",
        ),
        (
            ";dpbatch weight=x www A 192.0.2.1\n",
            "annotation `weight=x` is not valid",
        ),
        (
            ";dpbatch weight=101 www A 192.0.2.1\n",
            "weight `101` is not 0-100",
        ),
        (
            ";dpbatch weight=1 weight=2 www A 192.0.2.1\n",
            "`weight` twice",
        ),
        (";dpbatch line=\"电信\"\n", "no record after it"),
        (
            "www A 192.0.2.1 ;dpbatch value=\"192.0.2.2\"\n",
            "annotate it on a ;dpbatch line",
        ),
        (
            ";dpbatch value=\"https://a.cn/\" go URL https://b.cn/\n",
            "has no data of its own",
        ),
        (";dpbatch value=\"mx.a.cn.\" @ MX\n", "its priority alone"),
        (
            ";dpbatch value=\"\" go URL\n",
            "annotation `value=` is not valid",
        ),
        (";dpbatch $ORIGIN b.cn.\n", "not a directive"),
    ] {
        let errors = zone::parse(&format!("$ORIGIN a.cn.\n{text}"), None).unwrap_err();
        assert_eq!(errors.len(), 1, "{text}: {errors:?}");
        assert!(errors[0].starts_with("line 2: "), "{text}: {errors:?}");
        assert!(errors[0].contains(why), "{text}: {errors:?}");
    }
    // Other comments, `;dpbatchx` among them, are comments; an annotated record leaves
    // the owner of the lines after it as BIND reads them.
    let text = "$ORIGIN a.cn.\nwww A 192.0.2.1 ; dpbatch? no\n;dpbatchx weight=1\n\
                ;dpbatch line=\"电信\" api A 192.0.2.2\n  A 192.0.2.3\n";
    let zone = zone::parse(text, None).unwrap();
    let hosts: Vec<(&str, &str)> = zone
        .records
        .iter()
        .map(|d| (d.record.host.as_str(), d.record.line.as_str()))
        .collect();
    assert_eq!(hosts, [("www", "默认"), ("api", "电信"), ("www", "默认")]);
}

#[test]
fn dnspods_name_servers_are_told_by_name() {
    for own in ["f1g1ns1.dnspod.net.", "NS3.DNSV5.COM", "a.dnspod.com."] {
        assert!(whole::dnspods_name_server(own), "{own}");
    }
    for other in [
        "ns1.example.net.",
        "dnspod.net.",
        "ns.dnsv.com.",
        "ns.x.dnspod.net.evil.cn.",
    ] {
        assert!(!whole::dnspods_name_server(other), "{other}");
    }
}

#[test]
fn dnspods_own_is_an_apex_ns_on_the_default_line_naming_its_servers() {
    let ns = |host: &str, line: &str, value: &str| Record {
        line: line.into(),
        ..Record::new(host, "NS", value)
    };
    assert!(whole::dnspods_own(&ns("@", "默认", "f1g1ns1.dnspod.net.")));
    assert!(whole::dnspods_own(&ns("", "", "f1g1ns1.dnspod.net.")));
    assert!(!whole::dnspods_own(&ns("@", "境外", "f1g1ns1.dnspod.net.")));
    assert!(!whole::dnspods_own(&ns(
        "dev",
        "默认",
        "f1g1ns1.dnspod.net."
    )));
    assert!(!whole::dnspods_own(&ns("@", "默认", "ns1.other.net.")));
}

#[test]
fn a_rows_own_apex_ns_is_kept_whatever_its_system_mark_and_dnspods_skipped() {
    let text = r#"{"domain":"a.cn","sub_domain":"@","record_type":"NS","line":"境外","value":"ns1.other.net."}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"ns2.other.net."}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"f1g1ns1.dnspod.net.","system":false}
"#;
    let import = import("x.jsonl", text).unwrap();
    let values: Vec<&str> = import.sets[0]
        .records
        .iter()
        .map(|r| r.value.as_str())
        .collect();
    assert_eq!(values, ["ns1.other.net.", "ns2.other.net."]);
    assert!(
        import.notes[0].ends_with(" line 3: skipped 1 NS record of the apex: DNSPod manages them"),
        "{:?}",
        import.notes
    );
}

#[test]
fn a_system_mark_on_any_other_record_is_refused_naming_its_line() {
    let text = r#"{"domain":"a.cn","sub_domain":"www","record_type":"A","value":"192.0.2.1","system":true}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","line":"境外","value":"f1g1ns1.dnspod.net.","system":true}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"ns1.other.net.","system":true}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"f1g1ns1.dnspod.net.","system":true}
"#;
    let err = error("x.jsonl", text);
    assert!(err.starts_with("3 invalid values:"), "{err}");
    for named in [
        "x.jsonl line 1: system `true` on `www A 默认 192.0.2.1`",
        "x.jsonl line 2: system `true` on `@ NS 境外 f1g1ns1.dnspod.net.`",
        "x.jsonl line 3: system `true` on `@ NS 默认 ns1.other.net.`",
    ] {
        assert!(err.contains(named), "{named}: {err}");
    }
    let csv = "domain,sub_domain,record_type,value,system\r\na.cn,www,A,192.0.2.1,TRUE\r\n";
    assert!(error("x.csv", csv).contains("line 2: system `true` on `www A"));
}

#[test]
fn a_record_goes_into_each_set_once_as_one_shared_copy() {
    let row = |domain: &str, host: &str, ip: &str| {
        format!(
            "{{\"domain\":\"{domain}\",\"sub_domain\":\"{host}\",\"record_type\":\"A\",\"value\":\"{ip}\"}}\n"
        )
    };
    let text = [
        row("a.cn", "www", "192.0.2.1"),
        row("b.cn", "www", "192.0.2.1"),
        row("a.cn", "www", "192.0.2.1"),
        row("a.cn", "api", "192.0.2.2"),
        row("b.cn", "www", "192.0.2.1"),
    ]
    .concat();
    let import = import("x.jsonl", &text).unwrap();
    let hosts = |at: usize| -> Vec<&str> {
        let records = &import.sets[at].records;
        records.iter().map(|r| r.host.as_str()).collect()
    };
    assert_eq!((hosts(0), hosts(1)), (vec!["www", "api"], vec!["www"]));
    let (a, b) = (&import.sets[0].records[0], &import.sets[1].records[0]);
    assert!(Rc::ptr_eq(a, b), "one copy of the record both domains get");
}
