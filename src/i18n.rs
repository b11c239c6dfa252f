//! The language dpbatch speaks, and asks the API to speak: one choice for both, made once,
//! early. Messages come from the catalogs in `locales/` through `t!` (see
//! docs/architecture.md, "Messages in two languages").

use std::ffi::OsString;

/// The environment variable that chooses the language (after `--lang`, before the config).
pub(crate) const ENV_LANG: &str = "DPBATCH_LANG";

/// The system locale's variables, in the order POSIX gives them precedence.
const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Lang {
    #[default]
    En,
    Cn,
}

impl Lang {
    /// The API's own spelling (legacy `lang=`); API 3.0 maps it to its header.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cn => "cn",
        }
    }

    /// The catalogs' locale.
    pub(crate) fn locale(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cn => "zh-CN",
        }
    }

    /// `en`, or `cn` and the spellings people also write for it: `zh`, `zh-CN`, `zh_CN`.
    pub(crate) fn parse(raw: &str) -> Option<Lang> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "cn" | "zh" | "zh-cn" | "zh_cn" => Some(Lang::Cn),
            _ => None,
        }
    }
}

/// The system locale's language: the first set of `LC_ALL`, `LC_MESSAGES` and `LANG`;
/// Chinese for `zh` and `zh_*`/`zh-*`/`zh.*`, English for anything else.
pub(crate) fn from_system(env: impl Fn(&'static str) -> Option<String>) -> Lang {
    let locale = LOCALE_VARS
        .into_iter()
        .find_map(|name| env(name).filter(|value| !value.trim().is_empty()));
    match locale.map(|value| value.trim().to_ascii_lowercase()) {
        Some(l) if l == "zh" || ["zh_", "zh-", "zh."].iter().any(|p| l.starts_with(p)) => Lang::Cn,
        _ => Lang::En,
    }
}

/// The language before clap parses anything, so its help and errors speak it too:
/// `--lang`, else `DPBATCH_LANG`, else the system locale. A bad value is skipped here;
/// clap (the flag) or the settings (the variable) name it. The config file is read later
/// and the session sets its `lang` then (`config::resolve` has the whole precedence).
pub(crate) fn early(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    flag(args)
        .or_else(|| env(ENV_LANG).and_then(|raw| Lang::parse(&raw)))
        .unwrap_or_else(|| from_system(env))
}

/// `--lang VALUE` or `--lang=VALUE` anywhere before a `--`.
fn flag(args: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let args = &args[..args.iter().position(|a| *a == "--").unwrap_or(args.len())];
    args.iter().enumerate().rev().find_map(|(at, arg)| {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.get(at + 1).copied(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        value.and_then(Lang::parse)
    })
}

/// Every later `t!` speaks `lang`.
pub(crate) fn set(lang: Lang) {
    rust_i18n::set_locale(lang.locale());
}

/// `key`'s text in `lang`, else English, or None when no catalog has the key: `t!` then
/// answers the key itself, which no text of ours is.
pub(crate) fn lookup(key: &str, lang: Lang) -> Option<String> {
    let text = rust_i18n::t!(key, locale = lang.locale());
    (text != key).then(|| text.into_owned())
}

/// The language `t!` speaks now.
pub(crate) fn current() -> Lang {
    if *rust_i18n::locale() == *Lang::Cn.locale() {
        Lang::Cn
    } else {
        Lang::En
    }
}

pub(crate) mod counted;
pub(crate) mod os_error;
#[cfg(test)]
mod tests;
