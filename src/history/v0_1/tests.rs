use super::*;
use crate::backend::legacy;

fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A v0.1 history line's parameters read back to the spec that sends them again.
#[test]
fn old_parameters_read_back_to_specs_that_send_the_same_form() {
    let cases = [
        (
            "domain-create",
            params(&[("domains", "a.cn,b.cn"), ("record_value", "1.2.3.4")]),
        ),
        (
            "record-create",
            params(&[
                ("domain_id", "1,2"),
                (
                    "records",
                    r#"[{"sub_domain":"@","record_type":"MX","record_line":"默认","value":"mx.a.cn.","ttl":600,"MX":10}]"#,
                ),
            ]),
        ),
        (
            "record-modify",
            params(&[("record_id", "7,8"), ("change", "ttl"), ("change_to", "60")]),
        ),
    ];
    for (command, params) in cases {
        let spec = spec_from_params(command, &params).unwrap();
        assert_eq!(spec.command(), command);
        let sent: BTreeMap<String, String> = legacy::form_lines(&spec)
            .iter()
            .filter_map(|line| line.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        assert_eq!(sent, params, "{command}");
    }
    assert_eq!(
        spec_from_params("record-modify", &params(&[("change", "ttl")])),
        None
    );
    assert_eq!(spec_from_params("nope", &params(&[])), None);
}
