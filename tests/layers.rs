//! The layers point one way: every `crate::` path in the library's non-test code names a
//! module of a lower layer than the one it is written in, so no stage depends on a later
//! one and there are no cycles between top-level modules (docs/architecture.md draws them).
//!
//! The check reads the source as text: every `crate::name` outside comments, `#[cfg(test)]`
//! modules and test-only files, mapped to its top-level module and that module's layer.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every top-level module and its layer, lowest first. A module may use only modules of a
/// strictly lower layer. A new module must be added here (the test says so).
const LAYERS: &[(&str, &[&str])] = &[
    // Leaf utilities: byte spans and line index, SWAR scanning, bounded YAML, intervals,
    // calendar periods; "did you mean" suggestions.
    (
        "base",
        &["span", "swar", "yaml", "interval", "period", "suggest"],
    ),
    // A finding: rule, severity, span, message.
    ("finding", &["finding"]),
    // The arithmetic of measures (percent, points, multiple, absolute) on intervals, and the
    // severity of a near miss: below claims, rules and registry, which all compute with it.
    ("measure", &["measure"]),
    // The shared vocabulary of the stages: mentions and claims.
    ("types", &["mention", "claim"]),
    // The language tables: every word the pipeline reads, as data.
    ("lang", &["lang"]),
    // Shared services: diagnostics and their codes, sentence splitting (which asks the
    // language for its abbreviations), front matter.
    (
        "shared",
        &["diagnostics", "sentences", "frontmatter", "markdown"],
    ),
    // An article: text, line index, sentences, date.
    ("document", &["document"]),
    // Reading inputs into documents; numeric mentions in a document.
    ("source/extract", &["source", "extract"]),
    // Mentions linked into claims.
    ("claims", &["claims"]),
    // Rules over claims (the catalogue includes registry-mismatch's name and docs).
    ("rules", &["rules"]),
    // The registry of facts, its matching, and the registry-mismatch findings.
    ("registry", &["registry"]),
    // After the rules and the registry: inline suppressions, which rules report at what
    // severity, and baselines of known findings.
    ("workflow", &["suppress", "policy", "baseline"]),
    // One article through every stage.
    ("analysis", &["analysis"]),
    // The output contract's report of an article.
    ("report", &["report"]),
    // The report as an NDJSON line; the report of an input that could not be read.
    ("report_line/unreadable", &["report_line", "unreadable"]),
    // Writers per format and the tally they end with.
    ("emit", &["emit"]),
    // The archive pipeline, which writes through emit's NDJSON writer.
    ("audit", &["audit"]),
    // Checking from a host program (the Python package): a text as `check` reads a file, and
    // batches of records through the audit's worker.
    ("embed", &["embed"]),
    // The effective settings: defaults, `claimcheck.toml`, the command line's overrides.
    ("config", &["config"]),
    // The command line.
    ("cli", &["cli"]),
];

/// Imports allowed to point up or sideways, each with its reason: none. Should one ever be
/// needed while a move is under way, the list may only shrink: an entry that no longer
/// matches an import fails the test, so that it is taken out when its import goes.
const ALLOWED: &[(&str, &str, &str)] = &[];

/// One `crate::` path in the source.
struct Import {
    file: String,
    line: usize,
    from: String,
    to: String,
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "snapshots") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/emit/human.rs` is `emit`); `None` for the
/// crate root.
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_string())
}

/// Files declared `#[cfg(test)] mod name;`: test code, whatever is inside them.
fn test_only_files(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for file in files {
        let text = fs::read_to_string(file).expect("a source file");
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].trim() != "#[cfg(test)]" {
                continue;
            }
            let decl = pair[1].trim();
            let Some(name) = decl
                .strip_suffix(';')
                .and_then(|d| d.rsplit(' ').next())
                .filter(|_| decl.contains("mod "))
            else {
                continue;
            };
            let dir = if file.ends_with("mod.rs") || file.ends_with("lib.rs") {
                file.parent().expect("a folder").to_path_buf()
            } else {
                file.with_extension("")
            };
            out.insert(dir.join(format!("{name}.rs")));
            out.insert(dir.join(name).join("mod.rs"));
        }
    }
    out
}

/// The non-test lines of a file, numbered from 1: without `#[cfg(test)] mod ... { }` blocks
/// (rustfmt closes a top-level block with `}` alone at the start of a line) and comments.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let next = lines.get(i + 1).map_or("", |l| l.trim_start());
        if line.trim() == "#[cfg(test)]" && next.contains("mod ") && next.ends_with('{') {
            while i < lines.len() && lines[i] != "}" {
                i += 1;
            }
            i += 1;
            continue;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push((i + 1, code.to_string()));
        i += 1;
    }
    out
}

/// Every `crate::name` (and `crate::{a, b}`) in the library's non-test code.
fn imports() -> Vec<Import> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let tests = test_only_files(&files);
    let mut out = Vec::new();
    for file in files.iter().filter(|f| !tests.contains(*f)) {
        let Some(from) = module_of(file) else {
            continue;
        };
        let text = fs::read_to_string(file).expect("a source file");
        for (line, code) in code_lines(&text) {
            for (at, _) in code.match_indices("crate::") {
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                    continue;
                }
                let rest = &code[at + "crate::".len()..];
                let names: Vec<String> = match rest.strip_prefix('{') {
                    Some(group) => group
                        .split(['}', ','])
                        .map(|n| n.trim().split("::").next().unwrap_or("").to_string())
                        .filter(|n| !n.is_empty())
                        .collect(),
                    None => vec![rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect()],
                };
                for to in names.into_iter().filter(|n| !n.is_empty() && *n != from) {
                    out.push(Import {
                        file: file.display().to_string(),
                        line,
                        from: from.clone(),
                        to,
                    });
                }
            }
        }
    }
    out
}

/// What is wrong with `imports`: each import that does not point down, and each allowance
/// no import uses any more.
fn problems(imports: &[Import]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut used_allowances = BTreeSet::new();
    for i in imports {
        let (Some(from), Some(to)) = (layer_of(&i.from), layer_of(&i.to)) else {
            let unknown = if layer_of(&i.from).is_none() {
                &i.from
            } else {
                &i.to
            };
            problems.push(format!(
                "{}:{}: module `{unknown}` has no layer: add it to LAYERS in tests/layers.rs",
                i.file, i.line
            ));
            continue;
        };
        if to < from {
            continue;
        }
        if let Some(allowed) = ALLOWED.iter().find(|a| (a.0, a.1) == (&*i.from, &*i.to)) {
            used_allowances.insert((allowed.0, allowed.1));
            continue;
        }
        let how = if to == from { "beside" } else { "above" };
        problems.push(format!(
            "{}:{}: `{}` (layer {}) uses `crate::{}`, which is {how} it (layer {})",
            i.file, i.line, i.from, LAYERS[from].0, i.to, LAYERS[to].0
        ));
    }
    for (from, to, why) in ALLOWED {
        if !used_allowances.contains(&(*from, *to)) {
            problems.push(format!(
                "tests/layers.rs: `{from}` no longer uses `{to}` ({why}): remove it from ALLOWED"
            ));
        }
    }
    problems
}

#[test]
fn every_import_points_down() {
    let imports = imports();
    assert!(
        imports.len() > 50,
        "the scan found only {} imports: is it reading src/?",
        imports.len()
    );
    let problems = problems(&imports);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn an_import_that_points_up_is_named_with_its_file_and_line() {
    let mut imports = imports();
    imports.push(Import {
        file: "src/registry/problem.rs".into(),
        line: 4,
        from: "registry".into(),
        to: "emit".into(),
    });
    imports.push(Import {
        file: "src/source/walk.rs".into(),
        line: 7,
        from: "source".into(),
        to: "extract".into(),
    });
    imports.push(Import {
        file: "src/emit/json.rs".into(),
        line: 9,
        from: "emit".into(),
        to: "audit".into(),
    });
    assert_eq!(
        problems(&imports),
        vec![
            "src/registry/problem.rs:4: `registry` (layer registry) uses `crate::emit`, \
             which is above it (layer emit)",
            "src/source/walk.rs:7: `source` (layer source/extract) uses `crate::extract`, \
             which is beside it (layer source/extract)",
            "src/emit/json.rs:9: `emit` (layer emit) uses `crate::audit`, which is above it \
             (layer audit)",
        ]
    );
}

/// Layers alone rule out cycles; this names any cycle the allowances leave, so that a new
/// one is not hidden by an old allowance.
#[test]
fn top_level_modules_form_no_cycle_but_the_allowed_one() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for i in imports() {
        edges.entry(i.from).or_default().insert(i.to);
    }
    let reaches = |start: &str, goal: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.to_string()];
        while let Some(node) = stack.pop() {
            if node == goal {
                return true;
            }
            if seen.insert(node.clone()) {
                stack.extend(edges.get(&node).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut cycles = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            let allowed = ALLOWED
                .iter()
                .any(|a| (a.0, a.1) == (from.as_str(), to.as_str()));
            if !allowed && reaches(to, from) {
                cycles.push(format!("`{from}` -> `{to}` -> ... -> `{from}`"));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "cycles between modules:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn every_module_has_one_layer() {
    let mut seen = BTreeSet::new();
    for (_, modules) in LAYERS {
        for m in *modules {
            assert!(seen.insert(*m), "`{m}` is in two layers");
        }
    }
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    for file in &files {
        if let Some(module) = module_of(file) {
            assert!(
                seen.contains(module.as_str()),
                "{}: module `{module}` has no layer: add it to LAYERS",
                file.display()
            );
        }
    }
}

#[test]
fn the_scan_skips_tests_and_comments_and_reads_groups() {
    let text = "use crate::a::X;\n// crate::b\nlet x = crate::{c, d::Y};\n#[cfg(test)]\nmod tests {\n    use crate::e;\n}\nuse crate::f;\n";
    let code: Vec<String> = code_lines(text).into_iter().map(|(_, c)| c).collect();
    let joined = code.join("\n");
    assert!(joined.contains("crate::a") && joined.contains("crate::f"));
    assert!(!joined.contains("crate::b") && !joined.contains("crate::e"));
}
