//! Domain names: from the command line, a file or stdin; checked, lower-cased and
//! de-duplicated in order, every bad name reported at once.

use super::{describe, list_errors, read_text, shown};
use crate::error::usage;
use idna::uts46::{AsciiDenyList, Hyphens, Uts46};
use rust_i18n::t;
use std::borrow::Cow;
use std::path::Path;

/// Checks one domain name and returns it in the form DNS compares: UTS-46 mapped (lower
/// case, fullwidth letters and dots such as `。` made plain), without a trailing dot. A
/// name typed in ASCII stays ASCII (punycode is kept); any other is returned in Unicode.
/// The error names the value as typed.
pub(crate) fn check_domain(raw: &str) -> Result<String, String> {
    let bad = |why: String| t!("input.bad_domain", domain = shown(raw), why = why).into_owned();
    if raw.is_empty() {
        return Err(t!("input.empty_domain").into_owned());
    }
    if raw.chars().any(char::is_whitespace) {
        return Err(bad(t!("input.domain_space").into_owned()));
    }
    let mapped = normalise(raw).map_err(bad)?;
    // A fully-qualified name ends in the root's empty label.
    let name = mapped.strip_suffix('.').unwrap_or(&mapped);
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return Err(bad(t!("input.domain_one_label").into_owned()));
    }
    let mut ascii_len = labels.len() - 1;
    for label in &labels {
        ascii_len += check_label(label).map_err(bad)?;
    }
    // No top-level domain is numeric; such a name is an IPv4 address (`1.2.3.4`).
    if let Some(last) = labels
        .last()
        .filter(|l| l.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad(t!("input.domain_numeric", label = last).into_owned()));
    }
    if ascii_len > 253 {
        return Err(bad(t!("input.domain_long", length = ascii_len).into_owned()));
    }
    Ok(name.to_owned())
}

/// UTS-46 mapping and, for `xn--` labels, a check that they decode.
fn normalise(raw: &str) -> Result<String, String> {
    let (unicode, result) =
        Uts46::new().to_unicode(raw.as_bytes(), AsciiDenyList::EMPTY, Hyphens::Allow);
    if result.is_err() {
        // The mapping marks each label it could not process with U+FFFD.
        let label = unicode
            .split('.')
            .position(|label| label.contains('\u{fffd}'))
            .and_then(|index| raw.split(is_dot).nth(index))
            .unwrap_or(raw);
        return Err(t!("input.label_idna", label = shown(label)).into_owned());
    }
    Ok(if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        unicode.into_owned()
    })
}

/// The label separators UTS-46 maps to `.`.
fn is_dot(c: char) -> bool {
    matches!(c, '.' | '\u{3002}' | '\u{ff0e}' | '\u{ff61}')
}

/// Checks one label of a mapped name; returns the length of its ASCII form.
fn check_label(label: &str) -> Result<usize, String> {
    if label.is_empty() {
        return Err(t!("input.label_empty").into_owned());
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err(t!("input.label_hyphen", label = shown(label)).into_owned());
    }
    if let Some(c) = label.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
        return Err(t!("input.label_char", label = shown(label), char = c).into_owned());
    }
    // Limits count the ASCII (punycode) form, which is what DNS stores; an ASCII label
    // is its own form, and skipping the conversion matters on files of 10,000 names.
    let ascii_len = if label.is_ascii() {
        label.len()
    } else {
        idna::domain_to_ascii(label)
            .map_err(|_| t!("input.label_invalid", label = shown(label)).into_owned())?
            .len()
    };
    if ascii_len > 63 {
        return Err(t!("input.label_long", label = shown(label)).into_owned());
    }
    Ok(ascii_len)
}

/// The ASCII (punycode) form of a checked name: two spellings of one domain share it.
pub(crate) fn ascii_key(name: &str) -> Cow<'_, str> {
    if name.is_ascii() {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(idna::domain_to_ascii(name).unwrap_or_else(|_| name.to_owned()))
    }
}

/// Domains from the comma lists on the command line and the lines of `--file` (`-` is
/// stdin; `#` starts a comment; blank lines are skipped).
/// `none_given` says what to pass when the input holds no name at all.
pub(crate) fn collect(
    lists: &[String],
    file: Option<&Path>,
    none_given: &str,
) -> anyhow::Result<Vec<String>> {
    let text = file.map(read_text).transpose()?;
    // Each entry with where it came from; the place is spelled out only for a bad one.
    let from_lists = lists
        .iter()
        .flat_map(|list| list.split(',').map(move |part| (part.trim(), Place::Arg)));
    let from_file = text.iter().flat_map(|text| {
        text.lines().enumerate().filter_map(|(number, line)| {
            let entry = line.split('#').next().unwrap_or_default().trim();
            (!entry.is_empty()).then_some((entry, Place::Line(number + 1)))
        })
    });
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for (entry, place) in from_lists.chain(from_file) {
        match check_domain(entry) {
            Ok(name) => names.push(name),
            Err(why) => errors.push(match place {
                // `why` names the bad entry; the whole list on every line only hid it.
                Place::Arg => why,
                Place::Line(line) => {
                    let name = describe(file.unwrap_or(Path::new("-")));
                    t!("input.file_line", file = name, line = line, why = why).into_owned()
                }
            }),
        }
    }
    if !errors.is_empty() {
        return Err(usage(list_errors(&errors)));
    }
    if names.is_empty() {
        return Err(usage(t!("input.no_domains", what = none_given)));
    }
    // First occurrence wins, Unicode and punycode spellings being one domain; the set
    // borrows the names rather than copying 10,000 of them.
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(names.len());
        names
            .iter()
            .map(|name| seen.insert(ascii_key(name)))
            .collect()
    };
    Ok(names
        .into_iter()
        .zip(keep)
        .filter_map(|(name, keep)| keep.then_some(name))
        .collect())
}

/// Where a domain entry came from, for error messages.
enum Place {
    Arg,
    Line(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_and_internationalised_names() {
        for name in [
            "example.cn",
            "a-b.example.com",
            "例子.cn",
            "xn--fsqu00a.cn",
            "我们.中国",
            "1.2.3.cn",
        ] {
            assert!(check_domain(name).is_ok(), "{name}");
        }
        assert_eq!(check_domain("Example.CN").unwrap(), "example.cn");
    }

    #[test]
    fn rejects_malformed_names_naming_them() {
        let long_label = format!("{}.cn", "a".repeat(64));
        let long_name = format!("{}.cn", vec!["a".repeat(60); 5].join("."));
        for (name, why) in [
            ("a..cn", "empty label"),
            (".a.cn", "empty label"),
            ("-a.cn", "starts or ends"),
            ("a-.cn", "starts or ends"),
            ("a b.cn", "white space"),
            ("cn", "two labels"),
            ("a_b.cn", "character `_`"),
            (long_label.as_str(), "longer than 63"),
            (long_name.as_str(), "over 253"),
        ] {
            let err = check_domain(name).unwrap_err();
            assert!(
                err.contains(&format!("`{name}`")) && err.contains(why),
                "{name}: {err}"
            );
        }
    }

    #[test]
    fn names_are_normalised_as_idna_does() {
        for (raw, want) in [
            ("a.cn.", "a.cn"),
            ("ＥＸＡＭＰＬＥ．ｃｎ", "example.cn"),
            ("例子。cn", "例子.cn"),
            ("例子｡ＣＮ．", "例子.cn"),
            ("e\u{301}.cn", "é.cn"),
            ("XN--FSQU00A.cn", "xn--fsqu00a.cn"),
        ] {
            assert_eq!(check_domain(raw).as_deref(), Ok(want), "{raw}");
        }
    }

    #[test]
    fn bad_punycode_and_ip_addresses_are_refused_naming_them() {
        for (raw, culprit) in [
            ("xn--zz.cn", "`xn--zz`"),
            ("ok.xn--a", "`xn--a`"),
            ("a.cn..", "empty label"),
            ("1.2.3.4", "`4` is all digits"),
            ("１.２.３.４.", "`4` is all digits"),
            ("x.cn,y.cn", "character `,`"),
        ] {
            let err = check_domain(raw).unwrap_err();
            assert!(
                err.contains(&format!("`{raw}`")) && err.contains(culprit),
                "{raw}: {err}"
            );
        }
    }

    #[test]
    fn an_idn_label_counts_its_punycode_length() {
        // 30 distinct CJK characters make a 63-byte punycode label; 31 exceed the limit.
        let label = |n: u32| {
            (0..n)
                .filter_map(|i| char::from_u32(0x4e00 + i * 7))
                .collect::<String>()
        };
        assert!(check_domain(&format!("{}.cn", label(30))).is_ok());
        assert!(
            check_domain(&format!("{}.cn", label(31)))
                .unwrap_err()
                .contains("63")
        );
    }

    #[test]
    fn lists_and_files_combine_deduplicated_case_insensitively() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("domains.txt");
        std::fs::write(&file, "\u{feff}# ours\nc.cn\n\nA.cn  # again\nd.cn\n").unwrap();
        let domains = collect(
            &["a.cn,b.cn".into(), "B.CN.,例子.cn,xn--fsqu00a.cn".into()],
            Some(&file),
            "",
        )
        .unwrap();
        assert_eq!(domains, ["a.cn", "b.cn", "例子.cn", "c.cn", "d.cn"]);
    }

    #[test]
    fn every_bad_entry_is_reported_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.txt");
        std::fs::write(&file, "ok.cn\nbad..cn\n").unwrap();
        let err = collect(&["x.cn,-y.cn".into()], Some(&file), "")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("2 invalid values"), "{err}");
        assert!(
            err.contains("`-y.cn`") && err.contains("d.txt line 2") && err.contains("`bad..cn`"),
            "{err}"
        );
    }

    #[test]
    fn empty_input_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("empty.txt");
        std::fs::write(&file, "# nothing\n\n").unwrap();
        let err = collect(&[], Some(&file), "pass --domain")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "no domains given: pass --domain");
        let err = collect(&[",".into()], None, "").unwrap_err().to_string();
        assert!(err.contains("empty domain name"), "{err}");
    }
}
