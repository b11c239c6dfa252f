//! The fake's floors, as `tests/architecture.rs` at the root checks those of `src/`:
//! modules of `fake-dnspod/src` use only modules on lower floors, and no set of them uses
//! each other in a cycle. `src/lib.rs` is read as the compiler builds the library without
//! tests; the binary (`src/bin/`) uses only the library's public API.

// The root check's reader, included by path: two crates' integration tests cannot share a
// module otherwise, and a workspace crate for one test file would be heavier.
#[path = "../../../tests/architecture/reader.rs"]
mod reader;

use reader::Crate;

const FAKE: Crate = Crate {
    root: "src/lib.rs",
    root_unit: "lib",
    // The model's parts are units of their own; `model/mod.rs` only declares them.
    split: &["model"],
    floors: FLOORS,
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
    &["model::admission", "model::item", "model::rules"],
    &["model::change"],
    &["model::zone"],
    // The ground floor: used from anywhere, using nothing above it.
    &["json", "clock", "lock"],
];

#[test]
fn no_module_imports_upwards() {
    FAKE.assert_no_upward_import();
}

#[test]
fn every_module_has_a_floor() {
    FAKE.assert_every_module_has_a_floor();
}

#[test]
fn no_import_cycle() {
    FAKE.assert_no_import_cycle();
}
