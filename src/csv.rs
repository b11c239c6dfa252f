//! CSV as RFC 4180 has it, for `export --format csv` and `--records-file FILE.csv`: fields
//! split by commas, records by CRLF (LF is read too), and a field holding a comma, a quote
//! or a line break written in double quotes with its quotes doubled. The `csv` crate was
//! the first choice; it is not in the offline registry the builds use, and this much of
//! the format fits in one small module.

use std::io::{self, Write};

/// Writes one record and its CRLF.
pub(crate) fn write_record<'a>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        if field.contains([',', '"', '\r', '\n']) {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// A record read, with the line it starts on (1 for the first).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Every record of `text`; blank lines are skipped. The error names its line.
pub(crate) fn read(text: &str) -> Result<Vec<Record>, String> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = vec![String::new()];
        loop {
            let field = fields.last_mut().expect("a record has a field");
            match chars.next() {
                None | Some('\n') => {
                    line += 1;
                    break;
                }
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some(',') => fields.push(String::new()),
                Some('"') if field.is_empty() => {
                    quoted(&mut chars, field, &mut line)
                        .ok_or_else(|| format!("line {start}: a quoted field is not closed"))?;
                    if !matches!(chars.peek(), None | Some(',' | '\r' | '\n')) {
                        return Err(format!("line {line}: text after a closing quote"));
                    }
                }
                Some('"') => {
                    return Err(format!(
                        "line {line}: a quote inside a field that does not start with one"
                    ));
                }
                Some(c) => field.push(c),
            }
        }
        if fields.len() > 1 || !fields[0].is_empty() {
            records.push(Record {
                line: start,
                fields,
            });
        }
    }
    Ok(records)
}

/// The rest of a quoted field after its opening quote; `None` if it never closes.
fn quoted(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    field: &mut String,
    line: &mut usize,
) -> Option<()> {
    loop {
        match chars.next()? {
            '"' if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => return Some(()),
            c => {
                *line += usize::from(c == '\n');
                field.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(fields: &[&str]) -> String {
        let mut out = Vec::new();
        write_record(&mut out, fields.iter().copied()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_eq!(written(&["a", "", "默认"]), "a,,默认\r\n");
        assert_eq!(
            written(&["v=spf1 a,b", r#"0 issue "ca.example""#, "x\ny", "\r"]),
            "\"v=spf1 a,b\",\"0 issue \"\"ca.example\"\"\",\"x\ny\",\"\r\"\r\n"
        );
    }

    #[test]
    fn what_is_written_reads_back_exactly() {
        let rows: [&[&str]; 3] = [
            &["domain", "value"],
            &["a.cn", "say \"hi\", twice\r\nthen stop"],
            &["", ","],
        ];
        let mut text = String::new();
        for row in rows {
            text.push_str(&written(row));
        }
        let read = read(&text).unwrap();
        let fields: Vec<Vec<&str>> = read
            .iter()
            .map(|r| r.fields.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(fields, rows.map(<[&str]>::to_vec));
        // The quoted line break makes the third record start on line 4.
        let lines: Vec<usize> = read.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 4]);
    }

    #[test]
    fn lf_endings_blank_lines_and_a_missing_last_break_are_fine() {
        let read = read("a,b\n\nc,d").unwrap();
        assert_eq!(
            read,
            [
                Record {
                    line: 1,
                    fields: vec!["a".into(), "b".into()]
                },
                Record {
                    line: 3,
                    fields: vec!["c".into(), "d".into()]
                }
            ]
        );
    }

    #[test]
    fn broken_quoting_names_its_line() {
        assert_eq!(
            read("a\n\"open,b\n").unwrap_err(),
            "line 2: a quoted field is not closed"
        );
        assert!(
            read("a\nb\"c\n")
                .unwrap_err()
                .starts_with("line 2: a quote inside")
        );
        assert!(
            read("\"a\"b\n")
                .unwrap_err()
                .starts_with("line 1: text after")
        );
    }
}
