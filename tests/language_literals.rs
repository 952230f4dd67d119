//! Language is data: no module that reads prose may look up an English word by itself. This
//! scans the non-test source of those modules for string literals that are one to three
//! lowercase words ("rose", "from", "respectively", "per cent") — the shape of a word lookup —
//! and fails on any not in the short allowlist below. Output is not a lookup: a literal that
//! is the value of a match arm or a block (`=> "rise"`, `{ "fall" }`) is a word of a message,
//! and longer messages, rule names (`NAME`) and attributes do not have the shape.

use std::path::{Path, PathBuf};

/// The modules that read prose.
const SCANNED: &[&str] = &[
    "src/extract",
    "src/claims",
    "src/sentences.rs",
    "src/document.rs",
    "src/rules",
    "src/period.rs",
    "src/mention.rs",
];

/// Literals with the shape of a word that are not words of a language.
const ALLOWED: &[(&str, &str)] = &[
    // Canonical unit codes, the same in every language (the output contract's `unit`).
    ("t", "unit code"),
    ("bbl", "unit code"),
    ("bpd", "unit code"),
    ("pp", "unit code"),
    ("x", "unit code"),
    ("shares", "unit code"),
    // The JSON field name that spans of a file point into (the output contract's `field`).
    ("text", "output field name"),
    // The fiscal-year prefix of the period string syntax ("FY1987", period.rs), not prose.
    ("fy", "period syntax"),
];

/// Files that are test support only (compiled under `#[cfg(test)]`).
const TEST_ONLY: &[&str] = &["src/rules/test_support.rs"];

#[test]
fn prose_modules_look_up_no_words_of_their_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for s in SCANNED {
        collect(&root.join(s), &mut files);
    }
    assert!(files.len() > 10, "scanned too few files: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(root).unwrap_or(file);
        if TEST_ONLY.iter().any(|t| rel == Path::new(t)) {
            continue;
        }
        let source = std::fs::read_to_string(file).expect("readable source");
        for (line, literal) in literals(non_test_part(&source)) {
            if looks_like_words(&literal) && !ALLOWED.iter().any(|(a, _)| *a == literal) {
                found.push(format!("{}:{line}: \"{literal}\"", rel.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "word literals outside src/lang (move them into the language tables):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_catches_word_lookups_and_ignores_messages() {
    let source = r#"
        //! A "doc" comment with "words".
        #[serde(rename_all = "lowercase")]
        fn f(w: &str) -> bool {
            let c = '"';
            matches!(w, "rose" | "per cent") || w == "from" || w.ends_with("respectively")
        }
        fn g(d: Direction) -> &str {
            match d { Up => "rise", _ => "fall" }
        }
        fn h(w: &str) -> u8 {
            match w { "up" | "higher" => 1, _ => if w.is_empty() { "x" } else { "y" }.len() as u8 }
        }
        pub const NAME: &str = "change-mismatch";
        const M: &str = "a rise of {} is impossible: those figures give {}";
        const D: &str = "\
## What it does
Flags";
        #[cfg(test)]
        mod tests { const T: &str = "fell"; }
    "#;
    let words: Vec<String> = literals(non_test_part(source))
        .into_iter()
        .map(|(_, l)| l)
        .filter(|l| looks_like_words(l))
        .collect();
    assert_eq!(
        words,
        ["rose", "per cent", "from", "respectively", "up", "higher"]
    );
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("readable dir")
            .map(|e| e.expect("dir entry").path())
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The source before its `#[cfg(test)] mod tests` (tests come last in this project).
fn non_test_part(source: &str) -> &str {
    let mut at = 0;
    while let Some(i) = source[at..].find("#[cfg(test)]") {
        let after = source[at + i + 12..].trim_start();
        if after.starts_with("mod ") {
            return &source[..at + i];
        }
        at += i + 12;
    }
    source
}

/// The string literals of Rust source with their 1-based lines, skipping comments,
/// attributes, char literals, the rule names (`NAME`) and literals that are the value of a
/// match arm or block (words of output, not lookups).
fn literals(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    // A character-level pass: strings may span lines.
    let b: Vec<char> = source.chars().collect();
    let mut line = 1;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '#' && b.get(i + 1) == Some(&'[') {
            // An attribute: to the end of its line.
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\'' {
            // A char literal ('"', '\'', 'x'), else a lifetime.
            if b.get(i + 1) == Some(&'\\') && b.get(i + 3) == Some(&'\'') {
                i += 4;
                continue;
            }
            if b.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
            i += 1;
            continue;
        }
        if c == '"' {
            let open = i;
            let start_line = line;
            let mut s = String::new();
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                    if b.get(i) == Some(&'\n') {
                        line += 1;
                    }
                    s.push('\\');
                } else {
                    if b[i] == '\n' {
                        line += 1;
                    }
                    s.push(b[i]);
                }
                i += 1;
            }
            i += 1;
            let before: String = b[..open]
                .iter()
                .rev()
                .filter(|c| !c.is_whitespace())
                .take(2)
                .collect();
            let after = b[i..].iter().find(|c| !c.is_whitespace());
            // `=> "rise",` or `{ "fall" }`: a value; `{ "up" | ...` or `"up" =>`: a pattern.
            let pattern = matches!(after, Some('|' | '='));
            let value = (before == ">=" || before.starts_with('{')) && !pattern;
            let name_line = source.lines().nth(start_line - 1).unwrap_or("");
            if !value && !name_line.contains("const NAME: &str") {
                out.push((start_line, s));
            }
            continue;
        }
        i += 1;
    }
    out
}

/// One to three lowercase words: the shape of a word lookup.
fn looks_like_words(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_lowercase())
                && w.chars()
                    .all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '.' | '-'))
        })
}
