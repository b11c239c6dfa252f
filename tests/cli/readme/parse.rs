//! README's tested shell blocks, by the markers before them:
//!
//! - `<!-- readme-test -->` before a ```` ```sh ```` block: each command (a line, or lines
//!   joined by a trailing `\`) is run and must exit as its `# exit N` comment says, else 0.
//! - `<!-- readme-test script NAME=VALUE ... -->`: the block is one script, run with those
//!   variables, and must exit 0 (`exit=N` says otherwise).
//! - `<!-- readme-test setup` ... `-->`: hidden commands run before what follows, each
//!   exiting 0 (files a block reads, the variables a CI secret store would hold).
//!
//! Blocks are grouped by the heading they are under: a group runs in one clean HOME
//! against one fake, in README order. A new section is tested by adding the markers.

/// One thing a group runs.
#[derive(Debug)]
pub enum Step {
    /// A command, the README line it starts on, and the exit code it must end with.
    Command {
        line: usize,
        text: String,
        exit: i32,
    },
    /// A whole block run as one script with these variables.
    Script {
        line: usize,
        text: String,
        env: Vec<(String, String)>,
        exit: i32,
    },
}

/// The steps under one heading.
#[derive(Debug)]
pub struct Group {
    pub heading: String,
    pub steps: Vec<Step>,
}

enum Marker {
    Commands,
    Script(Vec<(String, String)>, i32),
}

/// Every marked block and setup of `readme`, grouped by heading.
pub fn groups(readme: &str) -> Vec<Group> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut heading = String::new();
    let mut marker = None;
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        at += 1;
        if line.starts_with("```") {
            let start = at;
            while at < lines.len() && !lines[at].starts_with("```") {
                at += 1;
            }
            let block = &lines[start..at];
            at += 1;
            if let Some(marker) = marker.take() {
                let steps = block_steps(marker, start + 1, block);
                group(&mut groups, &heading).extend(steps);
            }
        } else if line.starts_with('#') {
            heading = line.trim_start_matches('#').trim().to_owned();
        } else if let Some(rest) = line.strip_prefix("<!-- readme-test setup") {
            assert!(
                rest.trim().is_empty(),
                "line {at}: setup lines go below the marker"
            );
            let start = at;
            while !lines[at].starts_with("-->") {
                at += 1;
            }
            let setup = commands(start + 1, &lines[start..at]);
            group(&mut groups, &heading).extend(setup);
            at += 1;
        } else if let Some(rest) = line.strip_prefix("<!-- readme-test") {
            let words = rest.trim().trim_end_matches("-->").split_whitespace();
            marker = Some(parse_marker(words.collect(), at));
        }
    }
    groups
}

fn group<'g>(groups: &'g mut Vec<Group>, heading: &str) -> &'g mut Vec<Step> {
    if groups.last().is_none_or(|g| g.heading != heading) {
        groups.push(Group {
            heading: heading.to_owned(),
            steps: Vec::new(),
        });
    }
    &mut groups.last_mut().unwrap().steps
}

fn parse_marker(words: Vec<&str>, line: usize) -> Marker {
    match words.split_first() {
        None => Marker::Commands,
        Some((&"script", options)) => {
            let mut exit = 0;
            let mut env = Vec::new();
            for option in options {
                let (name, value) = option
                    .split_once('=')
                    .unwrap_or_else(|| panic!("line {line}: `{option}` is not NAME=VALUE"));
                match name {
                    "exit" => exit = value.parse().unwrap(),
                    _ => env.push((name.to_owned(), value.to_owned())),
                }
            }
            Marker::Script(env, exit)
        }
        Some((word, _)) => panic!("line {line}: unknown readme-test marker `{word}`"),
    }
}

fn block_steps(marker: Marker, first: usize, block: &[&str]) -> Vec<Step> {
    match marker {
        Marker::Commands => commands(first, block),
        Marker::Script(env, exit) => vec![Step::Script {
            line: first,
            text: block.join("\n") + "\n",
            env,
            exit,
        }],
    }
}

/// Each command of `lines` (the first on README line `first`), comments and blank lines
/// left out, continued lines joined.
fn commands(first: usize, lines: &[&str]) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (offset, line) in lines.iter().enumerate() {
        let (start, mut text) = pending.take().unwrap_or((first + offset, String::new()));
        if text.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        text.push_str(line);
        if text.ends_with('\\') {
            pending = Some((start, text + "\n"));
            continue;
        }
        let exit = expected_exit(&text);
        steps.push(Step::Command {
            line: start,
            text,
            exit,
        });
    }
    steps
}

/// The `# exit N` a command's comment names, else 0.
fn expected_exit(command: &str) -> i32 {
    command
        .rsplit_once("# exit ")
        .and_then(|(_, rest)| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .unwrap_or(0)
}

#[test]
fn commands_carry_their_exit_and_continued_lines_join() {
    let readme = "## A\n<!-- readme-test -->\n```sh\n# note\ndpbatch x \\\n  --y   # exit 4: why\n\ndpbatch z\n```\n";
    let groups = groups(readme);
    assert_eq!(groups.len(), 1);
    let exits: Vec<(usize, i32)> = groups[0]
        .steps
        .iter()
        .map(|s| match s {
            Step::Command { line, exit, .. } => (*line, *exit),
            Step::Script { .. } => panic!("no script here"),
        })
        .collect();
    assert_eq!(exits, [(5, 4), (8, 0)]);
}
