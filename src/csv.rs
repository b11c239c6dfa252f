//! CSV as RFC 4180 has it, for `export --format csv`: fields split by commas, records by
//! CRLF, and a field holding a comma, a quote
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
}
