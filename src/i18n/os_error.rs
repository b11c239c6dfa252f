//! The operating system's error words in the language of the messages: the standard
//! library spells them in English whatever the locale (`No such file or directory (os
//! error 2)`); in Chinese the common ones read as glibc's own zh_CN translation does.

use super::Lang;
use rust_i18n::t;
use std::io::{self, ErrorKind};

/// `e` as a person reads it: in Chinese, an error the system gave (it has an OS code) in
/// the catalog's words for its kind, with its code; anything else as it displays.
pub(crate) fn os_error(e: &io::Error) -> String {
    let Some(code) = e.raw_os_error() else {
        return e.to_string();
    };
    if super::current() != Lang::Cn {
        return e.to_string();
    }
    let key = match e.kind() {
        ErrorKind::NotFound => "os.not_found",
        ErrorKind::PermissionDenied => "os.permission_denied",
        ErrorKind::AlreadyExists => "os.already_exists",
        ErrorKind::IsADirectory => "os.is_a_directory",
        ErrorKind::NotADirectory => "os.not_a_directory",
        ErrorKind::StorageFull => "os.storage_full",
        ErrorKind::ReadOnlyFilesystem => "os.read_only",
        _ => return e.to_string(),
    };
    t!("os.error", what = t!(key), code = code).into_owned()
}

/// `err` and its causes joined as `{err:#}` joins them, the system's errors among them in
/// the catalog's words.
pub(crate) fn chain(err: &anyhow::Error) -> String {
    err.chain()
        .map(|cause| match cause.downcast_ref::<io::Error>() {
            Some(e) => os_error(e),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn english_is_the_standard_librarys_text_and_the_chain_reads_as_before() {
        let missing = std::fs::File::open("/nonexistent/dpbatch-test").unwrap_err();
        assert_eq!(os_error(&missing), missing.to_string());
        let err = Err::<(), _>(missing)
            .context("could not read x")
            .unwrap_err();
        assert_eq!(chain(&err), format!("{err:#}"));
        let ours = io::Error::new(ErrorKind::NotFound, "a message of ours");
        assert_eq!(os_error(&ours), "a message of ours");
    }

    #[test]
    fn every_kind_has_its_words_in_both_languages() {
        for key in [
            "os.error",
            "os.not_found",
            "os.permission_denied",
            "os.already_exists",
            "os.is_a_directory",
            "os.not_a_directory",
            "os.storage_full",
            "os.read_only",
        ] {
            for lang in [Lang::En, Lang::Cn] {
                assert!(
                    crate::i18n::lookup(key, lang).is_some(),
                    "{key} in {lang:?}"
                );
            }
        }
    }
}
