//! The config keys of `plan` and `apply`: `ignore` (a list of `--ignore` patterns),
//! `max_modify` and `max_delete` (the thresholds, in percent), each from the selected
//! profile, else the top level, else the default.

use super::{LoadedFile, RawProfile};
use crate::converge::Thresholds;
use crate::error::usage;
use crate::input::ignore::{Ignore, check_ignores};
use rust_i18n::t;

/// What the config file says of desired-state runs; flags add to or replace it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct DesiredSettings {
    pub ignore: Vec<Ignore>,
    pub thresholds: Thresholds,
}

pub(super) fn read(
    profile: Option<&RawProfile>,
    file: &LoadedFile,
) -> anyhow::Result<DesiredSettings> {
    let pick = |key: fn(&RawProfile) -> Option<&Vec<String>>| {
        profile.and_then(key).or_else(|| key(&file.raw.top))
    };
    let number =
        |key: fn(&RawProfile) -> Option<u64>| profile.and_then(key).or_else(|| key(&file.raw.top));
    let ignore = pick(|p| p.ignore.as_ref())
        .map(|raw| check_ignores(raw))
        .transpose()
        .map_err(|why| usage(t!("config.bad_ignore", file = file.name(), why = why)))?
        .unwrap_or_default();
    let percent = |name: &str, value: Option<u64>, default: u64| match value {
        Some(pct) if pct > 100 => Err(usage(t!(
            "config.bad_percent",
            file = file.name(),
            key = name,
            value = pct
        ))),
        value => Ok(value.unwrap_or(default)),
    };
    let default = Thresholds::default();
    Ok(DesiredSettings {
        ignore,
        thresholds: Thresholds {
            max_modify: percent("max_modify", number(|p| p.max_modify), default.max_modify)?,
            max_delete: percent("max_delete", number(|p| p.max_delete), default.max_delete)?,
        },
    })
}
