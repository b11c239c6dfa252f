//! The house's floors: modules of `src/` use only modules on lower floors, and no set of
//! them uses each other in a cycle; and its sizes: no function over 60 lines, no file
//! over 400.
//!
//! `src/` is read as the compiler builds the binary without tests: from `main.rs`, through
//! every `mod x;` that is not `#[cfg(test)]`. Test code (test modules, `#[cfg(test)]`
//! items) is left out: it may use anything (the mock backend, fixtures) and would add false
//! arrows. Each file's `use` trees and `crate::`, `super::`, `self::` and child-module paths
//! are counted at module granularity: the top-level modules of `src/`, and the sub-modules
//! of the ones in `SPLIT`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Modules whose sub-modules are units of their own (`backend::legacy`, `backend::http`);
/// what their `mod.rs` declares (the `Backend` trait) is the unit `backend`.
const SPLIT: &[&str] = &["backend"];

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
    &["split"],
    // The checks that turn what people write into the model, and the model: jobs, the
    // records they ask for, and the plan of an operation.
    &["input"],
    &["job"],
    // The ground floor: used from anywhere, using nothing above it.
    &[
        "de", "duration", "parallel", "csv_file", "secret", "error", "signal",
    ],
    &["stderr"],
    &["escape"],
];

/// One arrow: `from` uses `to`, at `file:line`.
struct Arrow {
    from: String,
    to: String,
    at: String,
}

/// A file of the binary: its module path (`backend::legacy::wire` is three names) and its
/// code with comments, literals and test items blanked out (lines kept).
struct Source {
    file: PathBuf,
    module: Vec<String>,
    code: String,
    children: Vec<String>,
}

#[test]
fn no_module_imports_upwards() {
    let (_, arrows) = graph();
    let floor = floors();
    let upward: Vec<String> = arrows
        .iter()
        .filter(
            |a| match (floor.get(a.from.as_str()), floor.get(a.to.as_str())) {
                (Some(from), Some(to)) => to >= from,
                _ => false,
            },
        )
        .map(|a| format!("{}: {} uses {}, not below it", a.at, a.from, a.to))
        .collect();
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
    let (units, _) = graph();
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
    let (units, arrows) = graph();
    let cycles = cycles(&units, &arrows);
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// The house style's sizes, in the code the binary is built from (tests aside): no
/// function over 60 lines, from its `fn` line to its closing brace, and no file over 400
/// lines before its test module.
#[test]
fn no_function_over_60_lines_and_no_file_over_400() {
    let mut over = Vec::new();
    for source in sources() {
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

/// The reader itself: groups expanded, `super` resolved, comments, strings and test code
/// not taken for imports.
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

/// The floor of each module in `FLOORS`, counted from the ground up.
fn floors() -> BTreeMap<&'static str, usize> {
    FLOORS
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (*n, FLOORS.len() - i)))
        .collect()
}

/// Each set of modules that use each other in a cycle, named with the arrows between them.
fn cycles(units: &BTreeSet<String>, arrows: &[Arrow]) -> Vec<String> {
    let reach: BTreeMap<&str, BTreeSet<&str>> = units
        .iter()
        .map(|u| (u.as_str(), reachable(arrows, u)))
        .collect();
    let mut found = Vec::new();
    let mut placed = BTreeSet::new();
    for (unit, reached) in &reach {
        let members: BTreeSet<&str> = reached
            .iter()
            .copied()
            .filter(|other| reach[other].contains(unit))
            .collect();
        if members.contains(unit) && placed.insert(members.clone()) {
            let shown: Vec<&str> = members.iter().copied().collect();
            let steps = tour(arrows, &members);
            found.push(format!(
                "{} modules: {}\n{}",
                shown.len(),
                shown.join(", "),
                steps
            ));
        }
    }
    found
}

/// The modules `from` reaches through one or more arrows.
fn reachable<'a>(arrows: &'a [Arrow], from: &str) -> BTreeSet<&'a str> {
    let mut reached = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(next) = todo.pop() {
        for a in arrows.iter().filter(|a| a.from == next) {
            if reached.insert(a.to.as_str()) {
                todo.push(a.to.clone());
            }
        }
    }
    reached
}

/// Every arrow between the members of a cycle, with where it is written: one of them has
/// to go.
fn tour(arrows: &[Arrow], members: &BTreeSet<&str>) -> String {
    let steps: Vec<String> = arrows
        .iter()
        .filter(|a| members.contains(a.from.as_str()) && members.contains(a.to.as_str()))
        .map(|a| format!("  {} → {} ({})", a.from, a.to, a.at))
        .collect();
    steps.join("\n")
}

/// Every module, and every arrow between two of them (one per file and target).
fn graph() -> (BTreeSet<String>, Vec<Arrow>) {
    let sources = sources();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let units = modules.iter().map(|m| unit(m, &modules)).collect();
    let mut arrows = Vec::new();
    let mut seen = BTreeSet::new();
    for source in &sources {
        let from = unit(&source.module, &modules);
        for (path, line) in paths(source) {
            let Some(target) = absolute(source, &path) else {
                continue;
            };
            let to = unit(&target, &modules);
            if to != from && seen.insert((source.file.clone(), to.clone())) {
                let at = format!("{}:{line}", source.file.display());
                arrows.push(Arrow {
                    from: from.clone(),
                    to,
                    at,
                });
            }
        }
    }
    (units, arrows)
}

/// The unit a module path belongs to: its top-level module, or for those in `SPLIT` the
/// sub-module it names (when it is one); `main` for the crate root's own items.
fn unit(path: &[String], modules: &BTreeSet<Vec<String>>) -> String {
    let known = |n: usize| path.len() >= n && modules.contains(&path[..n].to_vec());
    if known(2) && SPLIT.contains(&path[0].as_str()) {
        format!("{}::{}", path[0], path[1])
    } else if known(1) {
        path[0].clone()
    } else {
        "main".to_string()
    }
}

/// A path as written in `source`, made absolute; `None` for other crates and local items.
fn absolute(source: &Source, path: &[String]) -> Option<Vec<String>> {
    let mut module = source.module.clone();
    let mut rest = path;
    match rest.first()?.as_str() {
        "crate" => module.clear(),
        "self" => {}
        "super" => {
            while rest.first().is_some_and(|s| s == "super") {
                module.pop();
                rest = &rest[1..];
            }
            module.extend(rest.iter().filter(|s| *s != "self").cloned());
            return Some(module);
        }
        first if source.children.iter().any(|c| c == first) => {
            module.extend(rest.iter().filter(|s| *s != "self").cloned());
            return Some(module);
        }
        _ => return None,
    }
    rest = &rest[1..];
    module.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(module)
}

/// The files of the binary, from `main.rs` through the `mod` declarations that are built
/// without tests.
fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut todo = vec![(root.join("main.rs"), Vec::new())];
    let mut sources = Vec::new();
    while let Some((file, module)) = todo.pop() {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let code = without_test_items(&blank(&text));
        let children = declared_modules(&code);
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("main.rs" | "mod.rs") => file.parent().unwrap().to_path_buf(),
            _ => file.with_extension(""),
        };
        for child in &children {
            let flat = dir.join(format!("{child}.rs"));
            let path = if flat.exists() {
                flat
            } else {
                dir.join(child).join("mod.rs")
            };
            let mut child_module = module.clone();
            child_module.push(child.clone());
            todo.push((path, child_module));
        }
        let file = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_path_buf();
        sources.push(Source {
            file,
            module,
            code,
            children,
        });
    }
    sources
}

/// A token of blanked code and the line it is on.
struct Token {
    text: String,
    line: usize,
}

fn tokens(code: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        let mut text = c.to_string();
        if c == '\n' {
            line += 1;
            continue;
        } else if c.is_whitespace() {
            continue;
        } else if c.is_alphanumeric() || c == '_' {
            while let Some(&n) = chars.peek().filter(|n| n.is_alphanumeric() || **n == '_') {
                text.push(n);
                chars.next();
            }
        } else if c == ':' && chars.peek() == Some(&':') {
            text.push(chars.next().unwrap());
        }
        tokens.push(Token { text, line });
    }
    tokens
}

/// The names of `mod x;` declarations (test modules are blanked out already).
fn declared_modules(code: &str) -> Vec<String> {
    let tokens = tokens(code);
    tokens
        .windows(3)
        .filter(|w| w[0].text == "mod" && w[2].text == ";")
        .map(|w| w[1].text.clone())
        .collect()
}

/// Every path of `source` that may name a module of ours: the `use` trees, expanded, and
/// the paths written inline (`crate::x::f()`, `super::y`, `child::z`).
fn paths(source: &Source) -> Vec<(Vec<String>, usize)> {
    let tokens = tokens(&source.code);
    let mut paths = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].text == "use" {
            i += 1;
            use_tree(&tokens, &mut i, Vec::new(), &mut paths);
            continue;
        }
        let starts = i == 0 || tokens[i - 1].text != "::";
        let named = ["crate", "super", "self"].contains(&tokens[i].text.as_str())
            || source.children.contains(&tokens[i].text);
        if starts && named && tokens.get(i + 1).is_some_and(|t| t.text == "::") {
            let line = tokens[i].line;
            let mut path = vec![tokens[i].text.clone()];
            while tokens.get(i + 1).is_some_and(|t| t.text == "::") {
                path.push(tokens[i + 2].text.clone());
                i += 2;
            }
            paths.push((path, line));
        }
        i += 1;
    }
    paths
}

/// One `use` tree from `tokens[*i]`, each leaf path expanded with its `prefix`.
fn use_tree(
    tokens: &[Token],
    i: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, usize)>,
) {
    let line = tokens[*i].line;
    let mut path = prefix;
    loop {
        match tokens[*i].text.as_str() {
            "{" => {
                *i += 1;
                while tokens[*i].text != "}" {
                    use_tree(tokens, i, path.clone(), out);
                    if tokens[*i].text == "," {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            "*" => *i += 1,
            name => {
                path.push(name.to_string());
                *i += 1;
                if tokens[*i].text == "::" {
                    *i += 1;
                    continue;
                }
                if tokens[*i].text == "as" {
                    *i += 2;
                }
            }
        }
        out.push((path, line));
        return;
    }
}

/// The code with every `#[cfg(test)]` item blanked: a test module, a test-only function,
/// field or variant.
fn without_test_items(code: &str) -> String {
    const MARK: &str = "#[cfg(test)]";
    let mut chars: Vec<char> = code.chars().collect();
    let mark: Vec<char> = MARK.chars().collect();
    let mut i = 0;
    while i + mark.len() <= chars.len() {
        if chars[i..i + mark.len()] != mark[..] {
            i += 1;
            continue;
        }
        let end = item_end(&chars, i + mark.len());
        for c in &mut chars[i..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        i = end;
    }
    chars.into_iter().collect()
}

/// Where the item from `start` ends: after its `{}` block, its `;` or its `,`, or before
/// the `}` that closes what holds it.
fn item_end(chars: &[char], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < chars.len() {
        match chars[i] {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ';' | ',' if depth == 0 => return i + 1,
            '}' if depth == 0 => return i,
            '{' if depth == 0 => return block_end(chars, i),
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

/// Just past the `}` that closes the `{` at `open`.
fn block_end(chars: &[char], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in chars.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => return i + 1,
            '}' => depth -= 1,
            _ => {}
        }
    }
    chars.len()
}

/// The text with comments, string and character literals made spaces (lines kept), so
/// that neither a doc link nor a message reads as a path.
fn blank(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let Some(end) = literal_end(&chars, i) else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        out.extend(
            chars[i..end]
                .iter()
                .map(|&c| if c == '\n' { c } else { ' ' }),
        );
        i = end;
    }
    out
}

/// The end of the comment or literal starting at `i`, if one does.
fn literal_end(chars: &[char], i: usize) -> Option<usize> {
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    let find = |from: usize, pat: &[char]| {
        (from..chars.len())
            .find(|&k| chars[k..].starts_with(pat))
            .map_or(chars.len(), |k| k + pat.len())
    };
    let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    match (at(i), at(i + 1)) {
        ('/', '/') => Some(
            (i..chars.len())
                .find(|&k| chars[k] == '\n')
                .unwrap_or(chars.len()),
        ),
        ('/', '*') => Some(comment_end(chars, i)),
        ('"', _) => Some(string_end(chars, i + 1)),
        ('r', '"' | '#') if !ident_before => {
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if at(i + 1 + hashes) != '"' {
                return None;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            Some(find(i + 2 + hashes, &close))
        }
        ('\'', '\\') => Some(find(i + 3, &['\''])),
        ('\'', _) if at(i + 2) == '\'' => Some(i + 3),
        _ => None,
    }
}

/// Just past the `"` closing a string whose text starts at `i`.
fn string_end(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// Just past the `*/` closing the (possibly nested) comment at `i`.
fn comment_end(chars: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i + 1 < chars.len() {
        match (chars[i], chars[i + 1]) {
            ('/', '*') => {
                depth += 1;
                i += 2;
            }
            ('*', '/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    chars.len()
}
