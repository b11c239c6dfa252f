//! The house's floors: modules of `src/` use only modules on lower floors, and no set of
//! them uses each other in a cycle; and its sizes: no function over 60 lines, no file
//! over 400.
//!
//! `src/` is read as the compiler builds the binary without tests, by the reader in
//! `architecture/reader.rs` (the fake's check uses it too). Modules are counted at
//! module granularity: the top-level modules of `src/`, and the sub-modules of the ones in
//! `SRC.split`.

// A crate root's `mod` looks in `tests/`; the reader sits beside this file's name, where the
// fake's check includes it from too.
#[path = "architecture/reader.rs"]
mod reader;

use std::path::PathBuf;

use reader::{Crate, Source, absolute, blank, paths, without_test_items};

const SRC: Crate = Crate {
    root: "src/main.rs",
    root_unit: "main",
    // `backend::legacy` and `backend::http` are units of their own; what `backend/mod.rs`
    // declares (the `Backend` trait) is the unit `backend`.
    split: &["backend"],
    floors: FLOORS,
};

/// The floors, top to bottom. A module may use the modules of any floor below its own, and
/// none of its own floor or above.
const FLOORS: &[&[&str]] = &[
    // The entry point and the commands, which put everything below together.
    &["main"],
    &["commands"],
    // What a command runs with (settings, output, history, backend), and the generated pages.
    &["session", "generate"],
    // The settings from flags, environment and files; the one writer of stdout, which shows
    // what the floors below it make.
    &["config", "output"],
    // The command line's shape; the planners of retries and undos, and the records files.
    &["cli", "retry", "undo", "import"],
    // The selections, the polling loop and the export formats.
    &["resolve", "wait", "export"],
    // Each API's wire format, behind the seam (the `Backend` trait), and what both share.
    &["backend::legacy", "backend::v3"],
    &["backend"],
    &["backend::pager", "backend::endpoint", "backend::items"],
    &["backend::http"],
    &["backend::call"],
    // The job history and the cut of work into jobs: no API's wire code in either.
    &["history"],
    // The scheduler of a desired-state plan (pure), on the cut it shares with every plan.
    &["schedule"],
    // The cut of work into jobs, and the desired-state diff: pure.
    &["split", "converge"],
    // The checks that turn what people write into the model, and the model: jobs, the
    // records they ask for, and the plan of an operation.
    &["input"],
    &["job"],
    // The ground floor: used from anywhere, using nothing above it.
    &[
        "de", "duration", "parallel", "csv_file", "secret", "error", "signal",
    ],
    // The language chosen, which messages and the API's both speak.
    &["i18n"],
    &["stderr"],
    &["escape"],
];

#[test]
fn no_module_imports_upwards() {
    SRC.assert_no_upward_import();
}

#[test]
fn every_module_has_a_floor() {
    SRC.assert_every_module_has_a_floor();
}

#[test]
fn no_import_cycle() {
    SRC.assert_no_import_cycle();
}

/// The house style's sizes, in the code the binary is built from (tests aside): no
/// function over 60 lines, from its `fn` line to its closing brace, and no file over 400
/// lines before its test module.
#[test]
fn no_function_over_60_lines_and_no_file_over_400() {
    let mut over = Vec::new();
    for source in SRC.sources() {
        let lines: Vec<&str> = source.code.lines().collect();
        let file = source.file.display();
        let length = lines
            .iter()
            .rposition(|l| !l.trim().is_empty())
            .map_or(0, |i| i + 1);
        if length > 400 {
            over.push(format!("{file}: {length} lines"));
        }
        over.extend(
            functions(&lines)
                .into_iter()
                .filter(|(_, _, length)| *length > 60)
                .map(|(name, at, length)| format!("{file}:{at}: fn {name} is {length} lines")),
        );
    }
    assert!(
        over.is_empty(),
        "over the house's sizes:\n{}",
        over.join("\n")
    );
}

/// The reader itself: groups expanded, `super` resolved, comments, strings and test code
/// not taken for imports. Here rather than in `reader.rs`, which the fake's check includes
/// too, so that it runs once.
#[test]
fn paths_are_read_as_the_compiler_resolves_them() {
    let text = r#"
        use super::{call::CallError, de as lenient};
        use crate::{job::{self, Job}, escape::*};
        // use crate::commentary;
        fn f() -> &'static str { child::g(); crate::error::usage("crate::string") }
        #[cfg(test)]
        mod tests { use crate::backend::mock; }
        #[cfg(test)]
        use crate::testing;
    "#;
    let code = without_test_items(&blank(text));
    let source = Source {
        file: PathBuf::from("src/backend/items.rs"),
        module: vec!["backend".into(), "items".into()],
        code,
        children: vec!["child".into()],
    };
    let found: Vec<String> = paths(&source)
        .iter()
        .filter_map(|(path, _)| absolute(&source, path))
        .map(|path| path.join("::"))
        .collect();
    let want = [
        "backend::call::CallError",
        "backend::de",
        "job",
        "job::Job",
        "escape",
        "backend::items::child::g",
        "error::usage",
    ];
    assert_eq!(found, want);
}

#[test]
fn functions_are_measured_from_fn_to_their_closing_brace() {
    let code = "pub(crate) trait T {\n    fn bare(&self);\n}\nfn one() -> u8 { 1 }\nimpl S {\n    pub(super) fn f(\n        a: u8,\n    ) -> u8 {\n        a\n    }\n}\n";
    let lines: Vec<&str> = code.lines().collect();
    assert_eq!(functions(&lines), [("f".to_string(), 6, 5)]);
}

/// Each function with a body of more than one line: its name, the line its `fn` is on
/// (from 1) and its length in lines, to the closing brace at the `fn`'s indentation.
fn functions(lines: &[&str]) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line.trim_start()) else {
            continue;
        };
        let Some(opening) = lines[at..]
            .iter()
            .map(|l| l.trim_end())
            .find(|l| l.ends_with(['{', ';', '}']))
        else {
            continue;
        };
        if !opening.ends_with('{') {
            continue; // `fn f();` of a trait, or a body on one line
        }
        let indent = &line[..line.len() - line.trim_start().len()];
        let close = format!("{indent}}}");
        if let Some(end) = lines[at..].iter().position(|l| l.trim_end() == close) {
            found.push((name, at + 1, end + 1));
        }
    }
    found
}

/// The name after `fn` when `line` declares a function.
fn fn_name(line: &str) -> Option<String> {
    let mut rest = line;
    for prefix in [
        "pub(crate) ",
        "pub(super) ",
        "pub ",
        "const ",
        "async ",
        "unsafe ",
    ] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}
