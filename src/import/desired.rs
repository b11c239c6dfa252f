//! The desired state of `plan` and `apply`: the records each domain should hold, whole,
//! read from files in the formats `export` writes (JSON Lines and CSV rows naming their
//! domain, a zone file a domain). Every bad row of every file is named in one error
//! (exit 2) before anything is sent. Refused too: a domain described by two files, and the
//! same record (host, type, line and value, as DNS compares them) twice in a domain.
//! Skipped with a note: DNSPod's own NS records and the SOA. Unlike `--records-file`,
//! paused records, weights and remarks are kept: they are what a plan compares.

mod paths;
#[cfg(test)]
mod tests;

use super::whole::{Described, dnspods_own};
use super::{Format, apex_ns_note, format, rows, zone};
use crate::error::usage;
use crate::input::domains::ascii_key;
use crate::input::{describe, list_errors, read_text, shown};
use crate::job::{DEFAULT_LINE, Record, host_key, value_key};
use compact_str::CompactString;
use rust_i18n::t;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// What one domain should hold, as its file describes it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DesiredDomain {
    /// Checked as a typed name is (`check_domain`).
    pub domain: CompactString,
    /// Each whole, in the file's order: the vendor's defaults for what the file leaves
    /// out. No two are the same record.
    pub records: Vec<Record>,
    /// The lines the file describes: records of other lines are not its to change.
    pub lines: Lines,
    /// What was skipped, each naming its file and lines, for stderr ([`notes`]).
    pub notes: Vec<String>,
    /// DNSPod's own NS records at the apex, skipped: told for all domains at once.
    pub apex_ns: Option<ApexNs>,
}

/// The NS records of a domain's apex its file holds, skipped: DNSPod keeps its own.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApexNs {
    file: String,
    lines: Vec<usize>,
}

/// The notes of `domains` for stderr: each domain's own, then its apex NS records
/// skipped, in one line for all domains when more than one has them (an export holds
/// DNSPod's two in every domain: a line a domain drowned the rest).
pub(crate) fn notes(domains: &[DesiredDomain]) -> Vec<String> {
    let mut notes: Vec<String> = domains.iter().flat_map(|d| d.notes.clone()).collect();
    let skipped: Vec<&ApexNs> = domains.iter().filter_map(|d| d.apex_ns.as_ref()).collect();
    match skipped[..] {
        [] => {}
        [one] => notes.extend(apex_ns_note(&one.lines).map(|n| format!("{} {n}", one.file))),
        _ => notes.push(apex_ns_summary(&skipped)),
    }
    notes
}

/// `a.jsonl: skipped 6 NS records of the apex of 3 domains: ...`, the file named when
/// they all are in one.
fn apex_ns_summary(skipped: &[&ApexNs]) -> String {
    let records: usize = skipped.iter().map(|s| s.lines.len()).sum();
    let files: BTreeSet<&str> = skipped.iter().map(|s| s.file.as_str()).collect();
    let domains = skipped.len();
    match files.len() {
        1 => t!(
            "import.apex_ns_file",
            file = skipped[0].file,
            records = records,
            domains = domains
        ),
        n => t!(
            "import.apex_ns_files",
            files = n,
            records = records,
            domains = domains
        ),
    }
    .into_owned()
}

/// Which lines a desired domain describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Lines {
    /// Every line (JSON Lines and CSV rows describe a domain whole).
    All,
    /// These (a zone file: the default line and the lines its annotations name).
    Named(BTreeSet<CompactString>),
}

/// Reads every PATH (a file, or a directory's `*.jsonl`, `*.csv` and `*.zone` files) into
/// the domains they describe, in the order first described.
pub(crate) fn read_desired(paths: &[PathBuf]) -> anyhow::Result<Vec<DesiredDomain>> {
    let files = paths::files(paths).map_err(|errors| usage(list_errors(&errors)))?;
    let mut reader = Reader::default();
    for file in &files {
        reader.file(file);
    }
    reader.finish()
}

/// The domains read so far, and every error.
#[derive(Default)]
struct Reader {
    domains: Vec<Gathered>,
    /// Each domain's place in `domains`, by its ASCII form (`例子.cn` is `xn--fsqu00a.cn`).
    by_name: HashMap<CompactString, usize>,
    errors: Vec<String>,
}

/// One domain's records as its file describes them.
struct Gathered {
    domain: CompactString,
    /// The file describing it, and where it first does (`a.csv line 3`).
    file: String,
    first: String,
    records: Vec<Record>,
    /// The line of each record, for naming twins.
    at: Vec<usize>,
    lines: Lines,
    /// Lines of DNSPod's own NS records, skipped.
    system: Vec<usize>,
    notes: Vec<String>,
    /// Other files found describing it too, each named once.
    clashes: Vec<String>,
}

impl Reader {
    fn file(&mut self, path: &Path) {
        let name = describe(path);
        let text = match read_text(path) {
            Ok(text) => text,
            Err(e) => return self.errors.push(e.to_string()),
        };
        let errors = match format(path, &text) {
            Format::Array => vec![t!("import.desired_array").into_owned()],
            Format::Zone => self.zone(path, &name, &text),
            Format::Csv => rows::csv(&text, &mut |row| self.row(&name, row)),
            Format::Jsonl => rows::jsonl(&text, &mut |row| self.row(&name, row)),
        };
        let errors = errors.into_iter().map(|why| format!("{name} {why}"));
        self.errors.extend(errors);
    }

    /// A row of a JSON Lines or CSV file: every line of its domain is described.
    fn row(&mut self, name: &str, row: Described) -> Result<(), String> {
        let domain = row
            .domain
            .as_deref()
            .ok_or_else(|| t!("import.row_no_domain").into_owned())?;
        let place = t!("import.file_line", file = name, line = row.line).into_owned();
        match self.open(name, domain, place, || Lines::All)? {
            Some(at) => self.domains[at].add(row),
            None => Ok(()),
        }
    }

    /// A zone file: its `$ORIGIN`'s domain, else its file name's; the errors are its own.
    fn zone(&mut self, path: &Path, name: &str, text: &str) -> Vec<String> {
        let zone = match zone::parse(text, paths::zone_domain(path).as_deref()) {
            Ok(zone) => zone,
            Err(errors) => return errors,
        };
        let Some(domain) = zone.origin else {
            return vec![t!("import.zone_no_domain").into_owned()];
        };
        let mut named = zone.lines;
        named.insert(DEFAULT_LINE.into());
        let at = match self.open(name, &domain, name.to_owned(), || Lines::Named(named)) {
            Ok(Some(at)) => at,
            Ok(None) => return Vec::new(),
            Err(why) => return vec![why],
        };
        let gathered = &mut self.domains[at];
        gathered
            .notes
            .extend(zone.notes.iter().map(|n| format!("{name} {n}")));
        let mut errors = Vec::new();
        for mut described in zone.records {
            // A zone file cannot mark DNSPod's own: its name servers tell them.
            described.system = dnspods_own(&described.record);
            let line = described.line;
            if let Err(why) = gathered.add(described) {
                errors.push(t!("import.at_row", line = line, why = why).into_owned());
            }
        }
        errors
    }

    /// The place of `domain`'s records, opened for file `name` if it is new; `None` when
    /// another file describes it (said once a file, as an error).
    fn open(
        &mut self,
        name: &str,
        domain: &str,
        place: String,
        lines: impl FnOnce() -> Lines,
    ) -> Result<Option<usize>, String> {
        let key = CompactString::from(ascii_key(domain).as_ref());
        if let Some(&at) = self.by_name.get(&key) {
            let known = &mut self.domains[at];
            if known.file == name {
                return Ok(Some(at));
            }
            if known.clashes.iter().any(|clash| clash == name) {
                return Ok(None);
            }
            known.clashes.push(name.to_owned());
            let first = &known.first;
            return Err(
                t!("import.domain_clash", domain = shown(domain), first = first).into_owned(),
            );
        }
        self.by_name.insert(key, self.domains.len());
        self.domains
            .push(Gathered::new(domain, name, place, lines()));
        Ok(Some(self.domains.len() - 1))
    }

    /// The domains, or one error naming every bad row, clash and twin.
    fn finish(mut self) -> anyhow::Result<Vec<DesiredDomain>> {
        for gathered in &self.domains {
            self.errors.extend(gathered.twins());
        }
        if !self.errors.is_empty() {
            return Err(usage(list_errors(&self.errors)));
        }
        Ok(self.domains.into_iter().map(Gathered::finish).collect())
    }
}

impl Gathered {
    fn new(domain: &str, file: &str, first: String, lines: Lines) -> Gathered {
        Gathered {
            domain: domain.into(),
            file: file.to_owned(),
            first,
            records: Vec::new(),
            at: Vec::new(),
            lines,
            system: Vec::new(),
            notes: Vec::new(),
            clashes: Vec::new(),
        }
    }

    fn add(&mut self, described: Described) -> Result<(), String> {
        if described.system {
            self.system.push(described.line);
            return Ok(());
        }
        let mut record = described.record;
        if record.host.contains(',') {
            return Err(t!("import.host_list", host = shown(&record.host)).into_owned());
        }
        if record.host.is_empty() {
            record.host = "@".into();
        }
        self.records.push(record);
        self.at.push(described.line);
        Ok(())
    }

    /// Each record that is the same record as one before it: host (in one form), type, line
    /// and value as DNS compares them. Keyed by each value's key, made once: comparing
    /// each record with every one of its host was quadratic (50 `www` A records a domain
    /// were most of a 25,000-record plan's CPU).
    fn twins(&self) -> Vec<String> {
        let mut first: HashMap<(String, &str, &str, String), usize> = HashMap::new();
        let mut twins = Vec::new();
        for (i, record) in self.records.iter().enumerate() {
            let key = (
                host_key(&record.host),
                record.record_type.as_str(),
                record.line.trim(),
                value_key(Some(record.record_type.as_str()), &record.value),
            );
            match first.get(&key) {
                Some(&j) => twins.push(
                    t!(
                        "import.twin",
                        file = self.file,
                        line = self.at[i],
                        first = self.at[j],
                        domain = shown(&self.domain)
                    )
                    .into_owned(),
                ),
                None => drop(first.insert(key, i)),
            }
        }
        twins
    }

    fn finish(self) -> DesiredDomain {
        let apex_ns = (!self.system.is_empty()).then_some(ApexNs {
            file: self.file,
            lines: self.system,
        });
        DesiredDomain {
            domain: self.domain,
            records: self.records,
            lines: self.lines,
            notes: self.notes,
            apex_ns,
        }
    }
}
