//! The `[profiles.NAME]` table `--profile` selects.

use super::file::{LoadedFile, RawProfile};
use crate::error::usage;
use rust_i18n::t;
use std::path::Path;

/// The `[profiles.NAME]` table `--profile` names, which must exist.
pub(super) fn selected_profile<'f>(
    name: Option<&str>,
    file: &'f LoadedFile,
) -> anyhow::Result<Option<&'f RawProfile>> {
    let Some(name) = name else {
        return Ok(None);
    };
    file.raw.profiles.get(name).map(Some).ok_or_else(|| {
        // A missing default file loads as an empty one; "no profiles there" would mislead.
        if file.raw.profiles.is_empty() && !file.path.as_deref().is_some_and(Path::exists) {
            return usage(t!(
                "config.profile_no_file",
                profile = name,
                file = file.name()
            ));
        }
        let known: Vec<&str> = file.raw.profiles.keys().map(String::as_str).collect();
        let known = if known.is_empty() {
            t!("config.no_profiles").into_owned()
        } else {
            known.join(", ")
        };
        usage(t!(
            "config.unknown_profile",
            profile = name,
            file = file.name(),
            known = known
        ))
    })
}
