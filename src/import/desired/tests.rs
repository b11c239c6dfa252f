use super::*;
use std::fs;

/// A directory holding these files.
fn dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn read(dir: &tempfile::TempDir, names: &[&str]) -> anyhow::Result<Vec<DesiredDomain>> {
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
    read_desired(&paths)
}

fn error(dir: &tempfile::TempDir, names: &[&str]) -> String {
    let err = read(dir, names).unwrap_err();
    assert_eq!(crate::error::exit_code(&err), 2, "{err}");
    err.to_string()
}

const JSONL: &str = r#"{"domain":"a.cn","record_id":1,"sub_domain":"www","record_type":"A","line":"电信","value":"192.0.2.1","ttl":300,"mx":null,"weight":10,"enabled":false,"remark":"备用","system":false}
{"domain":"B.cn","sub_domain":"@","record_type":"MX","value":"mx.b.cn.","mx":5}
{"domain":"a.cn","sub_domain":"@","record_type":"NS","value":"f1g1ns1.dnspod.net.","system":true}
"#;

#[test]
fn jsonl_rows_are_whole_records_of_the_domains_they_name_every_line_described() {
    let dir = dir(&[("x.jsonl", JSONL)]);
    let desired = read(&dir, &["x.jsonl"]).unwrap();
    let names: Vec<&str> = desired.iter().map(|d| d.domain.as_str()).collect();
    assert_eq!(names, ["a.cn", "b.cn"]);
    assert_eq!(
        desired[0].records,
        [Record {
            line: "电信".into(),
            ttl: 300,
            weight: Some(10),
            enabled: false,
            remark: "备用".into(),
            ..Record::new("www", "A", "192.0.2.1")
        }]
    );
    assert_eq!(
        desired[1].records,
        [Record {
            mx: Some(5),
            ..Record::new("@", "MX", "mx.b.cn.")
        }]
    );
    assert!(desired.iter().all(|d| d.lines == Lines::All));
    let note = format!(
        "{} line 3: skipped 1 NS record of the apex: DNSPod manages them",
        dir.path().join("x.jsonl").display()
    );
    assert_eq!(super::notes(&desired), [note]);
}

#[test]
fn csv_rows_leave_out_what_the_vendor_defaults() {
    let csv = "domain,sub_domain,record_type,value,weight,enabled,remark\r\n\
               a.cn,,TXT,\"v=spf1 -all\",,,\r\n\
               a.cn,api,cname,web.a.cn.,0,FALSE,\"say \"\"hi\"\"; \\\\ 你好\"\r\n";
    let dir = dir(&[("x.csv", csv)]);
    let desired = read(&dir, &["x.csv"]).unwrap();
    assert_eq!(
        desired[0].records,
        [
            Record::new("@", "TXT", "v=spf1 -all"),
            Record {
                weight: Some(0),
                enabled: false,
                remark: "say \"hi\"; \\\\ 你好".into(),
                ..Record::new("api", "CNAME", "web.a.cn.")
            }
        ]
    );
}

#[test]
fn a_zone_files_domain_is_its_origin_else_its_file_name_and_it_describes_the_default_line() {
    let zone = "$ORIGIN c.cn.\n$TTL 300\n@ SOA ns1.c.cn. admin.c.cn. 1 2 3 4 5\n\
                @ NS f1g1ns1.dnspod.net.\n@ NS ns3.dnsv5.com.\n@ NS ns1.example.net.\nwww A 192.0.2.1\n";
    let dir = dir(&[
        ("other.zone", zone),
        (
            "例子.cn.zone",
            "www A 192.0.2.2\n;dpbatch line=\"电信\" www A 192.0.2.3\n",
        ),
        ("x.cn.ZONE", ""),
    ]);
    let desired = read(&dir, &["other.zone", "例子.cn.zone", "x.cn.ZONE"]).unwrap();
    let names: Vec<&str> = desired.iter().map(|d| d.domain.as_str()).collect();
    assert_eq!(names, ["c.cn", "例子.cn", "x.cn"]);
    let default = Lines::Named(BTreeSet::from([CompactString::from("默认")]));
    assert_eq!((&desired[0].lines, &desired[2].lines), (&default, &default));
    let annotated = BTreeSet::from(["默认".into(), "电信".into()]);
    assert_eq!(desired[1].lines, Lines::Named(annotated));
    let c = &desired[0];
    assert_eq!(
        c.records,
        [
            Record {
                ttl: 300,
                ..Record::new("@", "NS", "ns1.example.net.")
            },
            Record {
                ttl: 300,
                ..Record::new("www", "A", "192.0.2.1")
            }
        ]
    );
    let notes = super::notes(std::slice::from_ref(c));
    let notes: Vec<&str> = notes
        .iter()
        .map(|n| n.rsplit_once(".zone ").unwrap().1)
        .collect();
    assert_eq!(
        notes,
        [
            "line 3: skipped the SOA record of the apex: DNSPod manages it",
            "lines 4, 5: skipped 2 NS records of the apex: DNSPod manages them"
        ]
    );
    let telecom = Record {
        line: "电信".into(),
        ..Record::new("www", "A", "192.0.2.3")
    };
    assert_eq!(
        desired[1].records,
        [Record::new("www", "A", "192.0.2.2"), telecom]
    );
    assert!(
        desired[2].records.is_empty(),
        "an empty zone: nothing on the line"
    );
}

#[test]
fn a_directory_is_its_export_files_in_name_order_not_recursive() {
    let dir = dir(&[
        ("b.cn.zone", "www A 192.0.2.1\n"),
        (
            "a.jsonl",
            r#"{"domain":"z.cn","record_type":"A","value":"192.0.2.2"}"#,
        ),
        ("notes.txt", "not read"),
    ]);
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/c.cn.zone"), "www A 192.0.2.3\n").unwrap();
    let mut paths = vec![dir.path().to_owned()];
    paths.push(dir.path().join("a.jsonl"));
    let desired = read_desired(&paths).unwrap();
    let names: Vec<&str> = desired.iter().map(|d| d.domain.as_str()).collect();
    assert_eq!(names, ["z.cn", "b.cn"], "a file named twice is read once");
    let empty = tempfile::tempdir().unwrap();
    let err = read_desired(&[empty.path().to_owned()])
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("holds no .jsonl, .csv or .zone file"),
        "{err}"
    );
}

#[test]
fn every_bad_row_of_every_file_is_named_in_one_error() {
    let dir = dir(&[
        (
            "a.jsonl",
            "{\"domain\":\"a.cn\",\"record_type\":\"A\",\"value\":\"1.2.3\"}\n\
             {\"record_type\":\"A\",\"value\":\"192.0.2.1\"}\n\
             {\"domain\":\"a.cn\",\"record_type\":\"MX\",\"value\":\"mx.a.cn.\",\"mx\":5,\"weight\":\"x\"}\n\
             {\"domain\":\"a.cn\",\"sub_domain\":\"a,b\",\"record_type\":\"A\",\"value\":\"192.0.2.1\"}\n\
             {\"domain\":\"a.cn\",\"record_type\":\"A\",\"value\":\"192.0.2.1\",\"weight\":101}\n",
        ),
        (
            "b.csv",
            "domain,record_type,value\r\nb.cn,A,192.0.2.300\r\n",
        ),
        ("records", "www A 192.0.2.1\n"),
        ("array.json", "[]"),
        ("c.cn.zone", "www A 192.0.2.1\nmail MX x\n"),
    ]);
    let err = error(
        &dir,
        &["a.jsonl", "b.csv", "records", "array.json", "c.cn.zone"],
    );
    let at = |name: &str| dir.path().join(name).display().to_string();
    for (file, what) in [
        ("a.jsonl", " line 1: A record value `1.2.3`"),
        ("a.jsonl", " line 2: the row names no domain"),
        ("a.jsonl", " line 3: "),
        ("a.jsonl", " line 4: host `a,b` is a list"),
        ("a.jsonl", " line 5: weight `101` is not 0-100"),
        ("b.csv", " line 2: A record value `192.0.2.300`"),
        ("records", " says no domain: give it a $ORIGIN"),
        ("array.json", " is a JSON array of record-create's format"),
        ("c.cn.zone", " line 2: MX takes a priority"),
    ] {
        assert!(
            err.contains(&format!("{}{what}", at(file))),
            "{what}: {err}"
        );
    }
    assert!(err.starts_with("9 invalid values:"), "{err}");
}

#[test]
fn a_domain_described_by_two_files_is_refused_naming_both() {
    let dir = dir(&[
        (
            "a.jsonl",
            "{\"domain\":\"例子.cn\",\"record_type\":\"A\",\"value\":\"192.0.2.1\"}\n",
        ),
        (
            "b.csv",
            "domain,record_type,value\r\nc.cn,A,192.0.2.1\r\nxn--fsqu00a.cn,A,192.0.2.2\r\nxn--fsqu00a.cn,A,192.0.2.3\r\n",
        ),
    ]);
    let err = error(&dir, &["a.jsonl", "b.csv"]);
    let expected = format!(
        "{} line 3: describes xn--fsqu00a.cn, which {} line 1 describes too: one domain, one file",
        dir.path().join("b.csv").display(),
        dir.path().join("a.jsonl").display()
    );
    assert_eq!(err, expected, "said once, naming both places");
}

#[test]
fn the_same_record_twice_in_a_domain_is_refused_naming_both_lines() {
    let text = "$ORIGIN a.cn.\nwww A 192.0.2.1\nWWW 300 A 192.0.2.1\n@ CNAME web.a.cn.\n\
                @ CNAME WEB.a.cn.\n@ TXT \"x\"\n@ TXT \"X\"\n";
    let dir = dir(&[("a.cn.zone", text)]);
    let err = error(&dir, &["a.cn.zone"]);
    let file = dir.path().join("a.cn.zone").display().to_string();
    assert_eq!(
        err,
        format!(
            "2 invalid values:\n  {file} line 3: the same record as line 2 in a.cn\n  \
             {file} line 5: the same record as line 4 in a.cn"
        ),
        "TXT is compared exactly"
    );
}

#[test]
fn a_host_spelt_in_unicode_and_in_punycode_is_one_host() {
    let text = "{\"domain\":\"a.cn\",\"sub_domain\":\"中文\",\"record_type\":\"A\",\"value\":\"192.0.2.1\"}\n\
                {\"domain\":\"a.cn\",\"sub_domain\":\"xn--fiq228c\",\"record_type\":\"A\",\"value\":\"192.0.2.1\"}\n";
    let dir = dir(&[("a.jsonl", text)]);
    let err = error(&dir, &["a.jsonl"]);
    assert!(err.contains("line 2: the same record as line 1"), "{err}");
}
