//! The `[profiles.NAME]` table `--profile` selects.

use super::file::{LoadedFile, RawProfile};
use crate::error::usage;
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
            return usage(format!(
                "profile `{name}` is given, but config file {} does not exist (config.example.toml shows its format)",
                file.name()
            ));
        }
        let known: Vec<&str> = file.raw.profiles.keys().map(String::as_str).collect();
        let known = if known.is_empty() {
            "none".to_owned()
        } else {
            known.join(", ")
        };
        usage(format!(
            "profile `{name}` is not in config file {} (profiles there: {known})",
            file.name()
        ))
    })
}
