//! The fake's floors, as `tests/architecture.rs` at the root checks those of `src/`:
//! modules of `fake-dnspod/src` use only modules on lower floors, and no set of them uses
//! each other in a cycle. `src/lib.rs` is read as the compiler builds the library without
//! tests; the binary (`src/bin/`) uses only the library's public API.

mod reader;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use reader::{Arrow, Crate, Source};

const FAKE: Crate = Crate {
    root: "src/lib.rs",
    root_unit: "lib",
    // The model's parts are units of their own; `model/mod.rs` only declares them.
    split: &["model"],
};

/// The floors, top to bottom. A module may use the modules of any floor below its own, and
/// none of its own floor or above.
const FLOORS: &[&[&str]] = &[
    // The facade: `FakeDnspod`, what tests and the binary hold.
    &["lib"],
    // The listening side, and what a fake is started with.
    &["server", "config"],
    // What the transport does besides answering: scripted faults and the rate and latency.
    &["fault", "throttle"],
    // Each API's wire format: requests read and answers written, over the model.
    &["legacy", "v3"],
    // What both wire formats share: HTTP/1.1, look-up paging, the words of both languages.
    &["http", "listing", "text"],
    // The model, which names no API: the state over the account, the jobs and the limits.
    &["model"],
    &["model::state"],
    &["model::falsehood"],
    &["model::job"],
    &["model::admission", "model::change", "model::item"],
    &["model::zone"],
    // The ground floor: used from anywhere, using nothing above it.
    &["json", "clock", "lock"],
];

#[test]
fn no_module_imports_upwards() {
    let (_, arrows) = FAKE.graph();
    let upward = upward(&arrows);
    assert!(
        upward.is_empty(),
        "imports that do not go down:\n{}",
        upward.join("\n")
    );
}

/// `FLOORS` names every module and nothing else: a new module is given its place, a gone
/// one leaves the table.
#[test]
fn every_module_has_a_floor() {
    let (units, _) = FAKE.graph();
    let listed: BTreeSet<String> = floors().keys().map(|n| n.to_string()).collect();
    let unplaced: Vec<_> = units.difference(&listed).collect();
    let gone: Vec<_> = listed.difference(&units).collect();
    assert!(
        unplaced.is_empty(),
        "modules without a floor in FLOORS: {unplaced:?}"
    );
    assert!(
        gone.is_empty(),
        "FLOORS names modules that are not built: {gone:?}"
    );
}

#[test]
fn no_import_cycle() {
    let (units, arrows) = FAKE.graph();
    let cycles = reader::cycles(&units, &arrows);
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// The reader itself: groups expanded, `super` resolved, comments, strings and test code
/// not taken for imports.
#[test]
fn paths_are_read_as_the_compiler_resolves_them() {
    let text = r#"
        use super::{params::Params, shapes as bodies};
        use crate::{model::job::{self, Job}, json::*};
        // use crate::commentary;
        fn f() -> &'static str { child::g(); crate::clock::now("crate::string") }
        #[cfg(test)]
        mod tests { use crate::server; }
        #[cfg(test)]
        use crate::testing;
    "#;
    let code = reader::without_test_items(&reader::blank(text));
    let source = Source {
        file: PathBuf::from("src/v3/batch.rs"),
        module: vec!["v3".into(), "batch".into()],
        code,
        children: vec!["child".into()],
    };
    let found: Vec<String> = reader::paths(&source)
        .iter()
        .filter_map(|(path, _)| reader::absolute(&source, path))
        .map(|path| path.join("::"))
        .collect();
    let want = [
        "v3::params::Params",
        "v3::shapes",
        "model::job",
        "model::job::Job",
        "json",
        "v3::batch::child::g",
        "clock::now",
    ];
    assert_eq!(found, want);
}

/// Each arrow that does not go to a lower floor, with where it is written.
fn upward(arrows: &[Arrow]) -> Vec<String> {
    let floor = floors();
    arrows
        .iter()
        .filter(
            |a| match (floor.get(a.from.as_str()), floor.get(a.to.as_str())) {
                (Some(from), Some(to)) => to >= from,
                _ => false,
            },
        )
        .map(|a| format!("{}: {} uses {}, not below it", a.at, a.from, a.to))
        .collect()
}

/// The floor of each module in `FLOORS`, counted from the ground up.
fn floors() -> BTreeMap<&'static str, usize> {
    FLOORS
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (*n, FLOORS.len() - i)))
        .collect()
}
