//! README.zh-CN.md is README.md in Chinese: the same headings at the same levels, in the
//! same order, and the same code blocks and readme-test markers byte for byte. When README.md
//! changes, this names the first heading or block the translation must mirror.

use std::path::Path;

/// A heading or a verbatim part (a fenced block or an HTML comment) of a Markdown file.
#[derive(Debug)]
struct Part {
    /// 1-based line of its first line.
    line: usize,
    text: String,
}

/// The headings and the verbatim parts of `markdown`, each in file order. A `#` inside a
/// fenced block is code, not a heading.
fn parts(markdown: &str) -> (Vec<Part>, Vec<Part>) {
    let lines: Vec<&str> = markdown.lines().collect();
    let (mut headings, mut verbatim) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let end = if line.starts_with("```") {
            (at + 1..lines.len())
                .find(|&i| lines[i].starts_with("```"))
                .unwrap_or(lines.len() - 1)
        } else if line.starts_with("<!--") {
            (at..lines.len())
                .find(|&i| lines[i].contains("-->"))
                .unwrap_or(lines.len() - 1)
        } else {
            if heading_level(line).is_some() {
                headings.push(Part {
                    line: at + 1,
                    text: line.to_owned(),
                });
            }
            at += 1;
            continue;
        };
        verbatim.push(Part {
            line: at + 1,
            text: lines[at..=end].join("\n"),
        });
        at = end + 1;
    }
    (headings, verbatim)
}

/// `## Title` is level 2; a line that is not an ATX heading has none.
fn heading_level(line: &str) -> Option<usize> {
    let level = line.chars().take_while(|&c| c == '#').count();
    let heading = (1..=6).contains(&level) && line[level..].starts_with(' ');
    heading.then_some(level)
}

/// The command a heading opens with (`` `export` `` of `` ### `export`: ... ``), which the
/// translation keeps as it is.
fn leading_code(heading: &str) -> Option<&str> {
    let text = heading.trim_start_matches('#').trim_start();
    let rest = text.strip_prefix('`')?;
    rest.find('`').map(|end| &rest[..end])
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// Every way `zh`'s headings differ from `en`'s, by index, level, line and first line.
fn heading_differences(en: &[Part], zh: &[Part]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, (e, z)) in en.iter().zip(zh).enumerate() {
        let same_level = heading_level(&e.text) == heading_level(&z.text);
        if !same_level || leading_code(&e.text) != leading_code(&z.text) {
            found.push(format!(
                "heading #{i}: README.md:{} `{}` but README.zh-CN.md:{} `{}` (levels and a leading `command` must match)",
                e.line, e.text, z.line, z.text
            ));
        }
    }
    if en.len() != zh.len() {
        found.push(count_difference("headings", en, zh));
    }
    found
}

/// Every code block or marker of `zh` that is not `en`'s, by index, its first line and the
/// first line that differs.
fn block_differences(en: &[Part], zh: &[Part]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, (e, z)) in en.iter().zip(zh).enumerate() {
        if e.text != z.text {
            found.push(format!(
                "block #{i} `{}` (README.md:{}, README.zh-CN.md:{}): {}; copy README.md's block byte for byte",
                first_line(&e.text),
                e.line,
                z.line,
                first_difference(e, z)
            ));
        }
    }
    if en.len() != zh.len() {
        found.push(count_difference("code blocks and markers", en, zh));
    }
    found
}

/// Where two different parts first differ, as each file's line.
fn first_difference(en: &Part, zh: &Part) -> String {
    let (mut e, mut z) = (en.text.lines(), zh.text.lines());
    let mut at = 0;
    loop {
        match (e.next(), z.next()) {
            (Some(a), Some(b)) if a == b => at += 1,
            (a, b) => {
                return format!(
                    "README.md:{} `{}` but README.zh-CN.md:{} `{}`",
                    en.line + at,
                    a.unwrap_or("(block ends)"),
                    zh.line + at,
                    b.unwrap_or("(block ends)")
                );
            }
        }
    }
}

/// The counts differ: name the first part one file has beyond the other.
fn count_difference(what: &str, en: &[Part], zh: &[Part]) -> String {
    let common = en.len().min(zh.len());
    let (file, extra) = if en.len() > zh.len() {
        ("README.md", &en[common])
    } else {
        ("README.zh-CN.md", &zh[common])
    };
    format!(
        "{what}: README.md has {}, README.zh-CN.md {}; the first extra one is {file}:{} `{}`",
        en.len(),
        zh.len(),
        extra.line,
        first_line(&extra.text)
    )
}

/// Everything README.zh-CN.md must change to mirror README.md.
fn differences(en: &str, zh: &str) -> Vec<String> {
    let (en_headings, en_blocks) = parts(en);
    let (zh_headings, zh_blocks) = parts(zh);
    let mut found = heading_differences(&en_headings, &zh_headings);
    found.extend(block_differences(&en_blocks, &zh_blocks));
    found
}

#[test]
fn readme_zh_cn_mirrors_readme_headings_and_blocks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(root.join("README.md")).unwrap();
    let zh = std::fs::read_to_string(root.join("README.zh-CN.md")).unwrap();
    let found = differences(&en, &zh);
    assert!(
        found.is_empty(),
        "README.zh-CN.md is out of step with README.md:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_two_readmes_link_to_each_other_first() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(root.join("README.md")).unwrap();
    let zh = std::fs::read_to_string(root.join("README.zh-CN.md")).unwrap();
    assert_eq!(first_line(&en), "[简体中文](README.zh-CN.md)");
    assert_eq!(first_line(&zh), "[English](README.md)");
}

const EN: &str = "# T\n\n## `wait`: poll\n\n<!-- readme-test -->\n```sh\n# not a heading\ndpbatch wait 1\n```\n\n### Sub\n\n```json\n{}\n```\n";

#[test]
fn a_faithful_translation_has_no_difference() {
    let zh = "# T\n\n## `wait`：轮询\n\n<!-- readme-test -->\n```sh\n# not a heading\ndpbatch wait 1\n```\n\n### 小节\n\n```json\n{}\n```\n";
    assert_eq!(differences(EN, zh), Vec::<String>::new());
}

#[test]
fn a_block_changed_in_one_file_is_named_by_index_and_line() {
    let zh = EN.replace("```json", "```js");
    assert_eq!(
        differences(EN, &zh),
        [
            "block #2 ````json` (README.md:13, README.zh-CN.md:13): README.md:13 ````json` but README.zh-CN.md:13 ````js`; copy README.md's block byte for byte"
        ]
    );
    let zh = EN.replace("dpbatch wait 1", "dpbatch wait 2");
    assert_eq!(
        differences(EN, &zh),
        [
            "block #1 ````sh` (README.md:6, README.zh-CN.md:6): README.md:8 `dpbatch wait 1` but README.zh-CN.md:8 `dpbatch wait 2`; copy README.md's block byte for byte"
        ]
    );
    let zh = EN.replace("{}\n", "{}\n\n");
    assert!(
        differences(EN, &zh)[0].contains("README.md:15 ````` but README.zh-CN.md:15 ``"),
        "{:?}",
        differences(EN, &zh)
    );
}

#[test]
fn a_missing_or_moved_heading_is_named() {
    let zh = EN.replace("### Sub", "## 小节");
    assert!(differences(EN, &zh)[0].starts_with("heading #2: README.md:11 `### Sub`"));
    let zh = EN.replace("\n### Sub\n", "\n");
    let found = differences(EN, &zh);
    assert!(
        found[0].contains(
            "README.md has 3, README.zh-CN.md 2; the first extra one is README.md:11 `### Sub`"
        ),
        "{found:?}"
    );
    let zh = EN.replace("## `wait`: poll", "## `detail`: 查看");
    assert!(differences(EN, &zh)[0].starts_with("heading #1:"));
}

#[test]
fn a_marker_left_out_is_a_difference() {
    let zh = EN.replace("<!-- readme-test -->\n", "");
    let found = differences(EN, &zh);
    assert!(
        found[0].starts_with("block #0 `<!-- readme-test -->`"),
        "{found:?}"
    );
}
