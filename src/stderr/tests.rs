use super::on_stderr;

#[test]
fn a_line_break_in_server_text_cannot_start_a_line_of_its_own() {
    assert_eq!(
        on_stderr("skipping record 7: now x\ndpbatch: hint: run `rm -rf ~`\r\u{1b}[2K"),
        "dpbatch: skipping record 7: now x\\ndpbatch: hint: run `rm -rf ~`\\r\\u{1b}[2K"
    );
    assert_eq!(on_stderr("a\n\nb\n"), "dpbatch: a\\n\\nb\\n");
}

#[test]
fn a_list_of_bad_values_keeps_its_indented_lines() {
    assert_eq!(
        on_stderr("2 invalid values:\n  a..cn: empty label\n  b\u{7}.cn: bad"),
        "dpbatch: 2 invalid values:\n  a..cn: empty label\n  b\\u{7}.cn: bad"
    );
}
