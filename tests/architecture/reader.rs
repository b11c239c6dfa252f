//! The reader both floors checks stand on: `tests/architecture.rs` for `src/`, and
//! `fake-dnspod/tests/architecture/main.rs` for the fake's. It reads a crate as the
//! compiler builds it without tests: the files from its root through every `mod x;` that
//! is not `#[cfg(test)]`, and the arrows between its modules, from `use` trees and
//! `crate::`, `super::`, `self::` and child-module paths. Test code (test modules,
//! `#[cfg(test)]` items) is left out: it may use anything (a mock, fixtures) and would add
//! false arrows. Paths are counted at module granularity: the top-level modules, and the
//! sub-modules of the ones a crate splits.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A crate to read, and the floors its modules stand on.
pub struct Crate {
    /// Its root file, `src/lib.rs` or `src/main.rs`, under `CARGO_MANIFEST_DIR`.
    pub root: &'static str,
    /// The unit of the root file's own items.
    pub root_unit: &'static str,
    /// Modules whose sub-modules are units of their own; what their `mod.rs` declares is
    /// the unit of the module itself.
    pub split: &'static [&'static str],
    /// The floors, top to bottom. A module may use the modules of any floor below its own,
    /// and none of its own floor or above.
    pub floors: &'static [&'static [&'static str]],
}

/// One arrow: `from` uses `to`, at `file:line`.
struct Arrow {
    from: String,
    to: String,
    at: String,
}

/// A file of the crate: its module path (`backend::legacy::wire` is three names) and its
/// code with comments, literals and test items blanked out (lines kept).
pub struct Source {
    pub file: PathBuf,
    pub module: Vec<String>,
    pub code: String,
    pub children: Vec<String>,
}

impl Crate {
    /// Every import goes to a lower floor.
    pub fn assert_no_upward_import(&self) {
        let floor = self.floor_of();
        let (_, arrows) = self.graph();
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

    /// The floors name every module and nothing else: a new module is given its place, a
    /// gone one leaves the table.
    pub fn assert_every_module_has_a_floor(&self) {
        let (units, _) = self.graph();
        let listed: BTreeSet<String> = self.floor_of().keys().map(|n| n.to_string()).collect();
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

    /// No set of modules uses each other in a cycle.
    pub fn assert_no_import_cycle(&self) {
        let (units, arrows) = self.graph();
        let cycles = cycles(&units, &arrows);
        assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
    }

    /// The files of the crate, from its root through the `mod` declarations that are
    /// built without tests.
    pub fn sources(&self) -> Vec<Source> {
        sources(self.root)
    }

    /// The floor of each module, counted from the ground up.
    fn floor_of(&self) -> BTreeMap<&'static str, usize> {
        let floors = self.floors;
        floors
            .iter()
            .enumerate()
            .flat_map(|(i, names)| names.iter().map(move |n| (*n, floors.len() - i)))
            .collect()
    }

    /// Every module, and every arrow between two of them (one per file and target).
    fn graph(&self) -> (BTreeSet<String>, Vec<Arrow>) {
        let sources = self.sources();
        let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
        let unit = |m: &[String]| self.unit(m, &modules);
        let units = modules.iter().map(|m| unit(m)).collect();
        let mut arrows = Vec::new();
        let mut seen = BTreeSet::new();
        for source in &sources {
            let from = unit(&source.module);
            for (path, line) in paths(source) {
                let Some(target) = absolute(source, &path) else {
                    continue;
                };
                let to = unit(&target);
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

    /// The unit a module path belongs to: its top-level module, or for those in `split`
    /// the sub-module it names (when it is one); the root unit for the crate root's items.
    fn unit(&self, path: &[String], modules: &BTreeSet<Vec<String>>) -> String {
        let known = |n: usize| path.len() >= n && modules.contains(&path[..n].to_vec());
        if known(2) && self.split.contains(&path[0].as_str()) {
            format!("{}::{}", path[0], path[1])
        } else if known(1) {
            path[0].clone()
        } else {
            self.root_unit.to_string()
        }
    }
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

/// A path as written in `source`, made absolute; `None` for other crates and local items.
pub fn absolute(source: &Source, path: &[String]) -> Option<Vec<String>> {
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

/// The files of the crate, from its root through the `mod` declarations that are built
/// without tests.
fn sources(root: &str) -> Vec<Source> {
    let mut todo = vec![(Path::new(env!("CARGO_MANIFEST_DIR")).join(root), Vec::new())];
    let mut sources = Vec::new();
    while let Some((file, module)) = todo.pop() {
        let text = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let code = without_test_items(&blank(&text));
        let children = declared_modules(&code);
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("main.rs" | "lib.rs" | "mod.rs") => file.parent().unwrap().to_path_buf(),
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
pub fn paths(source: &Source) -> Vec<(Vec<String>, usize)> {
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
pub fn without_test_items(code: &str) -> String {
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
pub fn blank(text: &str) -> String {
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
