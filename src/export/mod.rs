//! `dpbatch export`'s formats: the records of each domain as JSON Lines or CSV rows (the
//! keys of the selection JSON plus `weight`, `remark` and `system`: everything DNSPod
//! keeps about a record), or as BIND zone files ([`zone`]).

pub(crate) mod files;
pub(crate) mod zone;

use crate::escape::{JsonEscapes, visible};
use crate::job::AccountRecord;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

/// How `export` writes the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// One JSON object a line
    Jsonl,
    /// A header row, then one row a record (RFC 4180)
    Csv,
    /// BIND zone files, one per domain under --out DIR
    Zone,
}

/// The keys of a row, and the columns of the CSV header, in order.
pub(crate) const COLUMNS: [&str; 12] = [
    "domain",
    "record_id",
    "sub_domain",
    "record_type",
    "line",
    "value",
    "ttl",
    "mx",
    "weight",
    "enabled",
    "remark",
    "system",
];

/// A domain and its records, as the look-ups gave them.
pub(crate) struct Listing {
    pub domain: String,
    pub records: Vec<AccountRecord>,
}

/// A record of the account as JSON shows it, with numbers as numbers: the keys of the
/// selection JSON, and of an export with `remark` beside them.
#[derive(Serialize)]
pub(crate) struct RecordRow<'a> {
    domain: &'a str,
    record_id: u64,
    sub_domain: Option<&'a str>,
    record_type: Option<&'a str>,
    line: Option<&'a str>,
    value: Option<&'a str>,
    ttl: Option<u64>,
    mx: Option<u64>,
    enabled: bool,
}

impl<'a> RecordRow<'a> {
    pub(crate) fn of(domain: &'a str, record: &'a AccountRecord) -> RecordRow<'a> {
        RecordRow {
            domain,
            record_id: record.id,
            sub_domain: record.host.as_deref(),
            record_type: record.record_type.as_deref(),
            line: record.line.as_deref(),
            value: record.value.as_deref(),
            ttl: record.ttl,
            mx: record.mx,
            enabled: record.enabled,
        }
    }
}

/// One exported record: the selection JSON's keys with `weight` (`null` when the record
/// has none) after `mx`, `remark` (`""` when none) and `system` (one of DNSPod's own NS
/// records, which an import skips).
#[derive(Serialize)]
struct Row<'a> {
    domain: &'a str,
    record_id: u64,
    sub_domain: Option<&'a str>,
    record_type: Option<&'a str>,
    line: Option<&'a str>,
    value: Option<&'a str>,
    ttl: Option<u64>,
    mx: Option<u64>,
    weight: Option<u64>,
    enabled: bool,
    remark: &'a str,
    system: bool,
}

impl<'a> Row<'a> {
    fn of(domain: &'a str, record: &'a AccountRecord) -> Row<'a> {
        Row {
            domain,
            record_id: record.id,
            sub_domain: record.host.as_deref(),
            record_type: record.record_type.as_deref(),
            line: record.line.as_deref(),
            value: record.value.as_deref(),
            ttl: record.ttl,
            mx: record.mx,
            weight: record.weight,
            enabled: record.enabled,
            remark: record.remark.as_deref().unwrap_or_default(),
            system: record.system,
        }
    }

    /// The row's cells in [`COLUMNS`] order; `null` is an empty cell.
    fn cells(&self) -> [String; 12] {
        let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
        let number = |value: Option<u64>| value.map(|n| n.to_string()).unwrap_or_default();
        [
            self.domain.to_owned(),
            self.record_id.to_string(),
            text(self.sub_domain),
            text(self.record_type),
            text(self.line),
            text(self.value),
            number(self.ttl),
            number(self.mx),
            number(self.weight),
            self.enabled.to_string(),
            self.remark.to_owned(),
            self.system.to_string(),
        ]
    }
}

/// One JSON object a record of `listing`. Hidden characters are `\u` escapes, which JSON
/// readers decode back to the exact value, so the same bytes suit a terminal and a file.
pub(crate) fn write_jsonl(out: &mut dyn Write, listing: &Listing) -> io::Result<()> {
    for record in &listing.records {
        let row = Row::of(&listing.domain, record);
        let mut serializer = serde_json::Serializer::with_formatter(&mut *out, JsonEscapes);
        row.serialize(&mut serializer).map_err(io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

/// A CSV export being written: the header row, then one row a record, a domain at a time.
/// `for_terminal` escapes hidden characters, as everything dpbatch shows on a terminal; a
/// file or a pipe gets the exact values.
pub(crate) struct CsvRows<W: Write> {
    csv: csv::Writer<W>,
    for_terminal: bool,
    /// Cells that begin as a spreadsheet formula does, counted as they are written.
    formulas: usize,
}

impl<W: Write> CsvRows<W> {
    /// Writes the header row on `out`.
    pub(crate) fn new(out: W, for_terminal: bool) -> io::Result<CsvRows<W>> {
        let mut csv = crate::csv_file::writer(out);
        csv.write_record(COLUMNS)?;
        Ok(CsvRows {
            csv,
            for_terminal,
            formulas: 0,
        })
    }

    /// The rows of `listing`'s records. A cell begins as a formula with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return; the apex's lone `@` is in nearly every export and
    /// starts no formula, so it does not count.
    pub(crate) fn write(&mut self, listing: &Listing) -> io::Result<()> {
        let formula =
            |cell: &String| cell != "@" && cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        for record in &listing.records {
            let cells = Row::of(&listing.domain, record).cells();
            self.formulas += cells.iter().filter(|cell| formula(cell)).count();
            let cells = cells.iter().map(|cell| match self.for_terminal {
                true => visible(cell),
                false => Cow::Borrowed(cell.as_str()),
            });
            let cells: Vec<Cow<'_, str>> = cells.collect();
            self.csv
                .write_record(cells.iter().map(|cell| cell.as_bytes()))?;
        }
        Ok(())
    }

    /// Flushes the rows; returns how many cells begin as a formula, and `out`.
    pub(crate) fn finish(self) -> io::Result<(usize, W)> {
        let out = self.csv.into_inner().map_err(|e| e.into_error())?;
        Ok((self.formulas, out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn record(id: u64, name: &str, record_type: &str, value: &str) -> AccountRecord {
        AccountRecord {
            id,
            host: Some(name.into()),
            line: Some("默认".into()),
            record_type: Some(record_type.into()),
            ttl: Some(600),
            value: Some(value.into()),
            mx: (record_type == "MX").then_some(10),
            weight: None,
            enabled: true,
            remark: None,
            system: false,
        }
    }

    fn listing() -> Listing {
        let mut txt = record(2, "@", "TXT", "v=spf1 a, -all");
        txt.remark = Some("say \"hi\"".into());
        txt.enabled = false;
        let weighted = AccountRecord {
            weight: Some(10),
            ..record(3, "www", "A", "192.0.2.1")
        };
        Listing {
            domain: "例子.cn".into(),
            records: vec![record(1, "@", "MX", "mx.a.cn."), txt, weighted],
        }
    }

    fn csv(listings: &[Listing], for_terminal: bool) -> (String, usize) {
        let mut rows = CsvRows::new(Vec::new(), for_terminal).unwrap();
        listings.iter().for_each(|l| rows.write(l).unwrap());
        let (formulas, out) = rows.finish().unwrap();
        (String::from_utf8(out).unwrap(), formulas)
    }

    #[test]
    fn jsonl_has_the_selection_keys_plus_weight_remark_and_system() {
        let mut out = Vec::new();
        write_jsonl(&mut out, &listing()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            r#"{"domain":"例子.cn","record_id":1,"sub_domain":"@","record_type":"MX","line":"默认","value":"mx.a.cn.","ttl":600,"mx":10,"weight":null,"enabled":true,"remark":"","system":false}"#
        );
        let weighted: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
        assert_eq!(weighted["weight"], 10);
        let second: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(
            (&second["mx"], &second["enabled"], &second["remark"]),
            (
                &serde_json::Value::Null,
                &false.into(),
                &"say \"hi\"".into()
            )
        );
        let keys: Vec<&String> = second.as_object().unwrap().keys().collect();
        let mut columns = COLUMNS.to_vec();
        columns.sort_unstable();
        assert_eq!(keys, columns, "the order is the first line's");
    }

    #[test]
    fn csv_quotes_what_needs_it_and_escapes_only_for_a_terminal() {
        let (text, formulas) = csv(&[listing()], false);
        assert_eq!(formulas, 0);
        assert_eq!(
            text,
            "domain,record_id,sub_domain,record_type,line,value,ttl,mx,weight,enabled,remark,system\r\n\
             例子.cn,1,@,MX,默认,mx.a.cn.,600,10,,true,,false\r\n\
             例子.cn,2,@,TXT,默认,\"v=spf1 a, -all\",600,,,false,\"say \"\"hi\"\"\",false\r\n\
             例子.cn,3,www,A,默认,192.0.2.1,600,,10,true,,false\r\n"
        );
        let mut odd = listing();
        odd.records[0].value = Some("a\u{1b}]0;x\u{7}".into());
        assert!(csv(&[odd], false).0.contains("a\u{1b}]0;x\u{7}"));
        let mut odd = listing();
        odd.records[0].value = Some("a\u{1b}]0;x\u{7}".into());
        assert!(csv(&[odd], true).0.contains(r"a\u{1b}]0;x\u{7}"));
    }

    #[test]
    fn csv_written_a_domain_at_a_time_has_one_header_and_counts_formulas_across_domains() {
        let formula = |id| Listing {
            domain: format!("d{id}.cn"),
            records: vec![record(id, "www", "TXT", "=cmd")],
        };
        let (text, formulas) = csv(&[formula(1), listing(), formula(2)], false);
        assert_eq!(text.matches("domain,record_id").count(), 1, "{text}");
        assert_eq!(formulas, 2);
        let domains: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|l| &l[..l.find(',').unwrap()])
            .collect();
        assert_eq!(domains, ["d1.cn", "例子.cn", "例子.cn", "例子.cn", "d2.cn"]);
    }
}
