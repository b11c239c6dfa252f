//! A number with its noun, in the language of the messages: English says `1 job`,
//! `2 jobs`; Chinese has one form (`2 个任务`). The nouns are `count.NOUN.one` and
//! `.other` in the catalogs (locales/count.yml).

use rust_i18n::t;

/// `n` and the noun of `key` (`job`, `part`, `record`, ...) as the catalog writes them.
pub(crate) fn counted(n: usize, key: &str) -> String {
    let form = if n == 1 { "one" } else { "other" };
    t!(&format!("count.{key}.{form}"), n = n).into_owned()
}
