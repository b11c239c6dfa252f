use super::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
}

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

#[test]
fn cn_has_the_spellings_people_write() {
    for raw in ["cn", "CN", "zh", "zh-CN", "zh_CN", " zh_cn "] {
        assert_eq!(Lang::parse(raw), Some(Lang::Cn), "{raw}");
    }
    assert_eq!(Lang::parse("en"), Some(Lang::En));
    for raw in ["", "fr", "zh-TW-x", "chinese"] {
        assert_eq!(Lang::parse(raw), None, "{raw}");
    }
}

#[test]
fn the_system_locale_goes_lc_all_then_lc_messages_then_lang() {
    assert_eq!(from_system(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Cn);
    assert_eq!(from_system(env(&[("LANG", "zh")])), Lang::Cn);
    assert_eq!(from_system(env(&[("LANG", "zh-Hans")])), Lang::Cn);
    assert_eq!(from_system(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(from_system(env(&[("LANG", "zhx")])), Lang::En);
    assert_eq!(from_system(env(&[])), Lang::En);
    let both = [("LC_MESSAGES", "C"), ("LANG", "zh_CN.UTF-8")];
    assert_eq!(from_system(env(&both)), Lang::En, "LC_MESSAGES first");
    let all = [("LC_ALL", "zh_TW"), ("LC_MESSAGES", "C")];
    assert_eq!(from_system(env(&all)), Lang::Cn, "LC_ALL first");
    let empty = [("LC_ALL", " "), ("LANG", "zh_CN")];
    assert_eq!(from_system(env(&empty)), Lang::Cn, "empty is unset");
}

#[test]
fn early_takes_the_flag_then_the_variable_then_the_locale() {
    let cn = env(&[("LANG", "zh_CN.UTF-8"), (ENV_LANG, "en")]);
    assert_eq!(early(&args(&["dpbatch", "--lang", "cn"]), &cn), Lang::Cn);
    assert_eq!(
        early(&args(&["dpbatch", "jobs", "--lang=zh"]), &cn),
        Lang::Cn
    );
    assert_eq!(early(&args(&["dpbatch", "jobs"]), &cn), Lang::En);
    let locale = env(&[("LANG", "zh_CN.UTF-8"), (ENV_LANG, "bad")]);
    assert_eq!(
        early(&args(&["dpbatch", "--lang", "xx"]), &locale),
        Lang::Cn
    );
    let after = args(&["dpbatch", "--", "--lang", "cn"]);
    assert_eq!(early(&after, env(&[])), Lang::En, "after -- is no flag");
    assert_eq!(
        early(&args(&["dpbatch", "--language", "cn"]), env(&[])),
        Lang::En
    );
}

/// Every catalog of `locales/`, a language's keys and texts.
fn catalog(locale: &str) -> BTreeMap<String, String> {
    crate::_rust_i18n_backend()
        .messages_for_locale(locale)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The `%{name}`s of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split("%{")
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// `help.*` keys are Chinese only: their English is the clap definition (cli/help.rs), and
/// cli/tests.rs checks them against it.
fn paired(key: &str) -> bool {
    !key.starts_with("help.")
}

#[test]
fn every_message_has_both_languages_and_the_same_placeholders() {
    let en = catalog("en");
    let cn = catalog("zh-CN");
    assert!(
        en.len() > 10 && cn.len() > 10,
        "the catalogs are compiled in"
    );
    let mut faults = Vec::new();
    for key in en.keys().filter(|k| !cn.contains_key(*k)) {
        faults.push(format!("{key}: no zh-CN"));
    }
    for key in cn.keys().filter(|k| paired(k) && !en.contains_key(*k)) {
        faults.push(format!("{key}: no en"));
    }
    for (key, text) in &en {
        if let Some(other) = cn.get(key)
            && placeholders(text) != placeholders(other)
        {
            faults.push(format!("{key}: placeholders {text:?} vs {other:?}"));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// The literal key of each call of `t!` in the files under `dir`, with the file it is in.
fn called_keys(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            called_keys(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            for (at, _) in source.match_indices("t!(\"") {
                // `format!("` ends alike: a call of `t!` starts a word.
                let before = source[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let key = source[at + 4..].split('"').next().unwrap_or_default();
                found.push((key.to_owned(), path.display().to_string()));
            }
        }
    }
}

#[test]
fn every_key_the_code_calls_is_in_the_catalog() {
    let en = catalog("en");
    let mut called = Vec::new();
    called_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut called,
    );
    assert!(called.len() > 5, "the scan finds the calls: {called:?}");
    let missing: Vec<String> = called
        .into_iter()
        .filter(|(key, _)| !en.contains_key(key))
        .map(|(key, file)| format!("{file}: {key}"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys no catalog has:\n{}",
        missing.join("\n")
    );
}
