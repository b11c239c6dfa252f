//! CSV files as RFC 4180 has them, through the `csv` crate: what `export --format csv`
//! writes (CRLF line ends, a field with a comma, a quote or a line break in double quotes
//! with its quotes doubled) and what `--records-file FILE.csv` reads, each record with the
//! line it starts on.

use std::io::Write;

/// A writer of export's CSV on `out`.
pub(crate) fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// A record read, with the line it starts on (1 for the first).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Every record of `text`, the header too, one at a time (a file of a million rows is
/// never held as fields all at once); blank lines are skipped. An error names its line.
pub(crate) fn records(text: &str) -> impl Iterator<Item = Result<Record, String>> + '_ {
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    reader.into_records().filter_map(move |record| {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                return Some(Err(match e.position() {
                    Some(at) => format!("line {}: {e}", lines.at(at.byte())),
                    None => e.to_string(),
                }));
            }
        };
        if record.len() == 1 && record[0].is_empty() {
            return None;
        }
        let line = record.position().map_or(0, |at| lines.at(at.byte()));
        let fields = record.iter().map(str::to_owned).collect();
        Some(Ok(Record { line, fields }))
    })
}

/// Line numbers from byte offsets, counted once through the text. (The crate's own line
/// count skips blank lines and counts a record's line at its previous line's end.)
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn new(text: &str) -> LineCounter<'_> {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the first character at or after `byte` that is not a line break.
    fn at(&mut self, byte: u64) -> usize {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.offset {
            self.line += memchr::memchr_iter(b'\n', &self.text[self.offset..start]).count();
            self.offset = start;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<Record>, String> {
        records(text).collect()
    }

    fn written(rows: &[&[&str]]) -> String {
        let mut out = writer(Vec::new());
        for row in rows {
            out.write_record(*row).unwrap();
        }
        String::from_utf8(out.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_eq!(written(&[&["a", "", "默认"]]), "a,,默认\r\n");
        assert_eq!(
            written(&[&["v=spf1 a,b", r#"0 issue "ca.example""#, "x\ny", "\r"]]),
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
        let read = read(&written(&rows)).unwrap();
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
}
