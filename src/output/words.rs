//! Counted nouns the output's lines share, through the catalog's `count.NOUN` forms
//! (`crate::i18n::counted`), and the output's lists.

use crate::i18n::counted::counted;
use rust_i18n::t;

/// What is counted.
#[derive(Clone, Copy, Debug)]
pub(super) enum Noun {
    Record,
    Domain,
    Job,
    BatchJob,
    SingleCall,
    Call,
    Hour,
    Part,
    Create,
    Modify,
    Delete,
    Removal,
}

impl Noun {
    /// Its noun in the catalog, `count.NOUN`.
    fn key(self) -> &'static str {
        match self {
            Noun::Record => "record",
            Noun::Domain => "domain",
            Noun::Job => "job",
            Noun::BatchJob => "batch_job",
            Noun::SingleCall => "single_call",
            Noun::Call => "call",
            Noun::Hour => "hour",
            Noun::Part => "part",
            Noun::Create => "create",
            Noun::Modify => "modify",
            Noun::Delete => "delete",
            Noun::Removal => "removal",
        }
    }
}

/// `n` of `noun`: `1 record`, `2 records`; `2 条记录`.
pub(super) fn count(n: usize, noun: Noun) -> String {
    counted(n, noun.key())
}

/// `a, b and c` (`a、b 和 c`): `None` when there is nothing.
pub(super) fn listed(parts: &[String]) -> Option<String> {
    match parts.split_last() {
        None => None,
        Some((last, [])) => Some(last.clone()),
        Some((last, rest)) => Some(
            t!(
                "output.and",
                first = rest.join(&t!("output.list_sep")),
                last = last
            )
            .into_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, lookup};

    #[test]
    fn every_noun_has_both_forms_in_both_languages() {
        let nouns = [
            Noun::Record,
            Noun::Domain,
            Noun::Job,
            Noun::BatchJob,
            Noun::SingleCall,
            Noun::Call,
            Noun::Hour,
            Noun::Part,
            Noun::Create,
            Noun::Modify,
            Noun::Delete,
            Noun::Removal,
        ];
        for noun in nouns {
            for form in ["one", "other"] {
                for lang in [Lang::En, Lang::Cn] {
                    let key = format!("count.{}.{form}", noun.key());
                    assert!(lookup(&key, lang).is_some(), "{key} in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn english_counts_as_before() {
        assert_eq!(count(1, Noun::Record), "1 record");
        assert_eq!(count(2, Noun::BatchJob), "2 batch jobs");
        assert_eq!(count(0, Noun::Modify), "0 modifies");
    }
}
