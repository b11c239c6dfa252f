//! The job history: one JSON line per submitted job in the user's data directory
//! (`~/.local/share/dpbatch/jobs.jsonl` on Linux), for `jobs`, `--last` and `retry`.
//! It holds what was asked for, never the token.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// One submitted job.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// `None` when the submit's outcome is unknown: it may have made a job, whose id is lost.
    pub job_id: Option<u64>,
    /// The subcommand that submitted it: `domain-create`, `record-create`, `record-modify`.
    pub action: String,
    /// The action's own form parameters (the common ones, token included, are not kept).
    pub params: BTreeMap<String, String>,
    pub endpoint: String,
    pub profile: Option<String>,
    /// Seconds since the Unix epoch.
    pub submitted_at: u64,
    /// The job this one retries, for `retry` to refuse retrying the same job twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_of: Option<u64>,
}

impl Entry {
    pub(crate) fn new(
        job_id: u64,
        action: &str,
        params: &[(&str, String)],
        endpoint: &str,
        profile: Option<&str>,
    ) -> Entry {
        Entry {
            job_id: Some(job_id),
            action: action.to_owned(),
            params: params
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
            endpoint: endpoint.to_owned(),
            profile: profile.map(str::to_owned),
            submitted_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            retry_of: None,
        }
    }

    /// A few words on what was asked for, for the `jobs` table.
    pub(crate) fn summary(&self) -> String {
        let param = |key: &str| self.params.get(key).map_or("", String::as_str);
        let count = |key: &str, noun: &str| {
            let n = self
                .params
                .get(key)
                .map_or(0, |list| list.split(',').count());
            format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
        };
        match self.action.as_str() {
            "domain-create" => match self.params.get("record_value") {
                Some(ip) => format!("{}, @ and www A {ip}", count("domains", "domain")),
                None => count("domains", "domain"),
            },
            "record-create" => {
                let specs = serde_json::from_str::<Vec<serde_json::Value>>(param("records"))
                    .map_or(0, |s| s.len());
                let specs = format!("{specs} record spec{}", if specs == 1 { "" } else { "s" });
                format!("{specs} on {}", count("domain_id", "domain"))
            }
            "record-modify" => format!(
                "{} to {} on {}",
                param("change"),
                param("change_to"),
                count("record_id", "record")
            ),
            _ => String::new(),
        }
    }

    /// Whether the job was submitted to this endpoint with this profile: job ids belong to
    /// an account, so `--last` looks only at jobs of the current one.
    pub(crate) fn is_for(&self, endpoint: &str, profile: Option<&str>) -> bool {
        self.endpoint == endpoint && self.profile.as_deref() == profile
    }
}

/// The history file.
pub(crate) struct History {
    path: PathBuf,
}

impl History {
    /// The file in the user's data directory, if the platform has one.
    pub(crate) fn open() -> Option<History> {
        dirs::data_dir().map(|dir| History {
            path: dir.join("dpbatch").join("jobs.jsonl"),
        })
    }

    #[cfg(test)]
    fn at(path: &Path) -> History {
        History {
            path: path.to_path_buf(),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry as one line; a single write keeps concurrent runs from interleaving.
    pub(crate) fn append(&self, entry: &Entry) -> anyhow::Result<()> {
        let mut line = serde_json::to_vec(entry).context("could not encode the history entry")?;
        line.push(b'\n');
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)
                .with_context(|| format!("could not create {}", dir.display()))?;
        }
        OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .and_then(|mut file| file.write_all(&line))
            .with_context(|| format!("could not write the job history {}", self.path.display()))
    }

    /// Every entry, oldest first, and how many lines could not be read (a line cut short
    /// by a crash, or written by a future version) and were skipped.
    pub(crate) fn read(&self) -> anyhow::Result<(Vec<Entry>, usize)> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
            Err(e) => {
                return Err(e).with_context(|| {
                    format!("could not read the job history {}", self.path.display())
                });
            }
        };
        let mut skipped = 0;
        let entries = text
            .lines()
            .filter(|line| !line.trim().is_empty())
            .filter_map(|line| {
                let entry = serde_json::from_str(line).ok();
                skipped += usize::from(entry.is_none());
                entry
            })
            .collect();
        Ok((entries, skipped))
    }
}

/// `2026-11-24 09:40:05 UTC` from Unix seconds, without a date library: the civil-from-days
/// algorithm (Howard Hinnant's) for the proleptic Gregorian calendar.
pub(crate) fn format_utc(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rest = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_and_bad_lines_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let history = History::at(&dir.path().join("sub").join("jobs.jsonl"));
        assert_eq!(
            history.read().unwrap(),
            (Vec::new(), 0),
            "a missing file is an empty history"
        );
        let first = Entry::new(
            1,
            "domain-create",
            &[("domains", "a.cn".into())],
            "https://dnsapi.cn",
            None,
        );
        let second = Entry::new(
            2,
            "record-modify",
            &[("change", "ttl".into())],
            "https://dnsapi.cn",
            Some("work"),
        );
        history.append(&first).unwrap();
        fs::OpenOptions::new()
            .append(true)
            .open(history.path())
            .unwrap()
            .write_all(b"{\"job_id\": \n")
            .unwrap();
        history.append(&second).unwrap();
        let (entries, skipped) = history.read().unwrap();
        assert_eq!(entries, [first, second]);
        assert_eq!(skipped, 1);
    }

    #[test]
    fn entries_belong_to_an_endpoint_and_profile() {
        let entry = Entry::new(1, "domain-create", &[], "https://dnsapi.cn", Some("work"));
        assert!(entry.is_for("https://dnsapi.cn", Some("work")));
        assert!(!entry.is_for("https://dnsapi.cn", None));
        assert!(!entry.is_for("http://127.0.0.1:8053", Some("work")));
    }

    #[test]
    fn summaries_say_what_was_asked() {
        let entry = |action: &str, params: &[(&str, &str)]| {
            let params: Vec<(&str, String)> =
                params.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
            Entry::new(1, action, &params, "e", None).summary()
        };
        assert_eq!(
            entry("domain-create", &[("domains", "a.cn,b.cn")]),
            "2 domains"
        );
        assert_eq!(
            entry(
                "record-create",
                &[("domain_id", "1,2,3"), ("records", r#"[{"a":1}]"#)]
            ),
            "1 record spec on 3 domains"
        );
        assert_eq!(
            entry(
                "record-modify",
                &[("record_id", "7"), ("change", "ttl"), ("change_to", "60")]
            ),
            "ttl to 60 on 1 record"
        );
    }

    #[test]
    fn utc_times_are_civil_dates() {
        assert_eq!(format_utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(format_utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(format_utc(1_795_512_005), "2026-11-24 09:20:05 UTC");
    }
}
