//! Counted nouns the output's lines share: English has a singular and a plural, Chinese
//! one form with its measure word; both come from `locales/output.yml`.

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
    /// The catalog keys of its two forms, `KEY.one` and `KEY.many`.
    fn key(self) -> &'static str {
        match self {
            Noun::Record => "output.n.record",
            Noun::Domain => "output.n.domain",
            Noun::Job => "output.n.job",
            Noun::BatchJob => "output.n.batch_job",
            Noun::SingleCall => "output.n.single_call",
            Noun::Call => "output.n.call",
            Noun::Hour => "output.n.hour",
            Noun::Part => "output.n.part",
            Noun::Create => "output.n_creates",
            Noun::Modify => "output.n_modifies",
            Noun::Delete => "output.n_deletes",
            Noun::Removal => "output.n_removals",
        }
    }
}

/// `n` of `noun`: `1 record`, `2 records`; `2 条记录`.
pub(super) fn count(n: usize, noun: Noun) -> String {
    let form = if n == 1 { "one" } else { "many" };
    t!(&format!("{}.{form}", noun.key()), n = n).into_owned()
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
            for form in ["one", "many"] {
                for lang in [Lang::En, Lang::Cn] {
                    let key = format!("{}.{form}", noun.key());
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
