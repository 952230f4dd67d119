//! Reading the registry: files and folders to YAML, YAML to facts, sources and relations,
//! with every problem located at its file, line and column.

use super::problem::{class_of, Class, Problem};
use super::schema;
use super::value;
use super::{ChangeRelation, Fact, Origin, Registry, Relation, RelationKind, Source};
use crate::claim::Measure;
use crate::interval::Interval;
use crate::period::{Date, Period};
use crate::yaml::{self, Locator};
use regex::{Regex, RegexBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A registry with everything found wrong in it.
#[derive(Debug, Default)]
pub struct Validation {
    /// The facts, sources and relations that could be read.
    pub registry: Registry,
    /// Sorted by file, line and column.
    pub problems: Vec<Problem>,
    /// Registry files read.
    pub files: usize,
}

impl Validation {
    /// 2 when the registry cannot be read, 1 when a relation fails, 0 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self.problems.iter().map(|p| p.class).max() {
            Some(Class::Invalid) => 2,
            Some(Class::Failed) => 1,
            _ => 0,
        }
    }

    pub fn count(&self, class: Class) -> usize {
        self.problems.iter().filter(|p| p.class == class).count()
    }
}

/// Folders are searched this deep at most (a guard against symlink loops).
const MAX_DEPTH: usize = 32;

/// Registry files under `paths`: files as given, folders searched for `*.yaml` / `*.yml`,
/// sorted so that output is stable.
fn registry_files(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(io_problem(dir, &format!("cannot read folder: {e}")));
                return;
            }
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                if depth < MAX_DEPTH {
                    walk(&path, depth + 1, out, problems);
                }
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            ) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = out.len();
            walk(path, 0, &mut out, problems);
            if out.len() == before {
                problems.push(io_problem(path, "no *.yaml or *.yml files in this folder"));
            }
        } else if path.exists() {
            out.push(path.clone());
        } else {
            problems.push(io_problem(path, "no such file or folder"));
        }
    }
    out
}

fn io_problem(path: &Path, message: &str) -> Problem {
    Problem {
        kind: "registry-io",
        class: Class::Invalid,
        path: path.display().to_string(),
        line: 0,
        column: 0,
        width: 0,
        message: message.to_string(),
        notes: Vec::new(),
        source_line: None,
    }
}

/// Reads and validates the registry under `paths`.
pub fn validate(paths: &[PathBuf]) -> Validation {
    let mut problems = Vec::new();
    let mut texts = Vec::new();
    for path in registry_files(paths, &mut problems) {
        let shown = path.display().to_string();
        match std::fs::metadata(&path) {
            Ok(m) if m.len() > yaml::MAX_BYTES as u64 => {
                problems.push(Problem {
                    kind: "registry-limit",
                    line: 1,
                    column: 1,
                    ..io_problem(
                        &path,
                        &format!(
                            "file is {} bytes, over the limit of {} bytes (10 MiB)",
                            m.len(),
                            yaml::MAX_BYTES
                        ),
                    )
                });
                continue;
            }
            Err(e) => {
                problems.push(io_problem(&path, &format!("cannot read: {e}")));
                continue;
            }
            Ok(_) => {}
        }
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => texts.push((shown, text)),
                Err(e) => problems.push(io_problem(
                    &path,
                    &format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                )),
            },
            Err(e) => problems.push(io_problem(&path, &format!("cannot read: {e}"))),
        }
    }
    let mut validation = validate_texts(&texts);
    validation.problems.extend(problems);
    sort(&mut validation.problems);
    validation
}

fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.kind).cmp(&(&b.path, b.line, b.column, b.kind))
    });
}

/// One parsed file and where to find things in it.
struct Parsed<'a> {
    path: &'a str,
    text: &'a str,
    locator: Locator<'a>,
    file: schema::File,
    /// Byte ranges of the `facts` and `relations` items, found once.
    fact_items: Vec<(usize, usize)>,
    relation_items: Vec<(usize, usize)>,
}

impl Parsed<'_> {
    fn item(&self, section: &str, index: usize) -> Option<(usize, usize)> {
        match section {
            "facts" => self.fact_items.get(index).copied(),
            "relations" => self.relation_items.get(index).copied(),
            _ => None,
        }
    }

    /// A problem at a byte offset of this file.
    fn at(&self, offset: usize, kind: &'static str, message: String) -> Problem {
        let (line, column) = self.locator.line_col(offset);
        problem_at(self.path, &self.locator, line, column, kind, message)
    }

    /// A problem at `key:`'s value in item `index` of `section`, falling back to the item,
    /// then to the section.
    fn at_key(
        &self,
        section: &str,
        index: usize,
        key: &str,
        kind: &'static str,
        message: String,
    ) -> Problem {
        let offset = self.key_offset(section, index, key);
        self.at(offset, kind, message)
    }

    fn key_offset(&self, section: &str, index: usize, key: &str) -> usize {
        match self.item(section, index) {
            Some(range) => self.locator.key_in(range, key).unwrap_or(range.0),
            None => self.locator.top_key(section).unwrap_or(0),
        }
    }

    /// A problem at `token` (an id) in item `index` of `section`.
    fn at_token(
        &self,
        section: &str,
        index: usize,
        token: &str,
        kind: &'static str,
        message: String,
    ) -> Problem {
        let offset = match self.item(section, index) {
            Some(range) => self.locator.token_in(range, token).unwrap_or(range.0),
            None => self.locator.top_key(section).unwrap_or(0),
        };
        self.at(offset, kind, message)
    }

    fn origin(&self, section: &str, index: usize, key: &str) -> Origin {
        let (line, column) = self.locator.line_col(self.key_offset(section, index, key));
        Origin {
            path: self.path.to_string(),
            line,
            column,
        }
    }
}

fn problem_at(
    path: &str,
    locator: &Locator,
    line: usize,
    column: usize,
    kind: &'static str,
    message: String,
) -> Problem {
    let source_line = locator.line(line).map(str::to_string);
    let width = source_line.as_deref().map_or(1, |l| {
        let rest: String = l.chars().skip(column.saturating_sub(1)).take(200).collect();
        let quoted = rest.starts_with(['"', '\'']);
        let n = rest
            .char_indices()
            .skip(usize::from(quoted))
            .find(|&(_, c)| {
                if quoted {
                    c == '"' || c == '\''
                } else {
                    c.is_whitespace() || matches!(c, ':' | ']' | '}' | '#')
                }
            })
            .map_or(rest.chars().count(), |(i, _)| {
                rest[..i].chars().count() + usize::from(quoted)
            });
        n.max(1)
    });
    Problem {
        kind,
        class: class_of(kind),
        path: path.to_string(),
        line,
        column,
        width,
        message,
        notes: Vec::new(),
        source_line,
    }
}

/// The kind of a serde_yaml error, from its message.
fn yaml_kind(message: &str) -> &'static str {
    if message.contains("unknown field") {
        "registry-unknown-field"
    } else if message.contains("missing field") {
        "registry-missing-field"
    } else if message.contains("too deep")
        || message.contains("alias bomb")
        || message.contains("over the limit")
    {
        "registry-limit"
    } else if message.contains("invalid type")
        || message.contains("duplicate field")
        || message.contains("duplicate entry")
        || message.contains("invalid value")
        || message.contains("invalid length")
    {
        "registry-invalid-type"
    } else {
        "registry-yaml-syntax"
    }
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // Enough for any real registry; a hostile one must not make this quadratic.
    const MAX_CANDIDATES: usize = 5000;
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, &cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }
    candidates
        .take(MAX_CANDIDATES)
        .filter(|c| c.len() < 200)
        .map(|c| (distance(word, c), c))
        .filter(|&(d, c)| d <= 3.max(c.len() / 5) && d < c.len())
        .min()
        .map(|(_, c)| c)
}

/// Compiled patterns by source text: registries repeat the same few patterns on many facts.
/// Shared through `Arc`, not `Regex::clone`, which gives each clone a cache pool of its own.
type RegexCache = HashMap<String, Arc<Regex>>;

/// Compiles a pattern once, with a size limit so that a hostile pattern cannot eat memory.
fn compile(pattern: &str, cache: &mut RegexCache) -> Result<Arc<Regex>, String> {
    if let Some(re) = cache.get(pattern) {
        return Ok(Arc::clone(re));
    }
    let re = Arc::new(compile_new(pattern)?);
    cache.insert(pattern.to_string(), Arc::clone(&re));
    Ok(re)
}

fn compile_new(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| {
            let text = e.to_string();
            // The regex crate's message spans lines and repeats the pattern; keep the gist.
            let gist = text
                .lines()
                .rev()
                .find(|l| l.starts_with("error:"))
                .map_or(text.as_str(), |l| l.trim_start_matches("error:").trim());
            format!("`{pattern}` is not a valid regex: {gist}")
        })
}

/// Validates registry texts given as (path shown to users, contents).
pub fn validate_texts(files: &[(String, String)]) -> Validation {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for (path, text) in files {
        match yaml::from_untrusted_str::<schema::File>(text) {
            Ok(file) => {
                let locator = Locator::new(text);
                parsed.push(Parsed {
                    path,
                    text,
                    fact_items: locator.items("facts"),
                    relation_items: locator.items("relations"),
                    locator,
                    file,
                })
            }
            Err(e) => {
                let kind = yaml_kind(&e.message);
                let locator = Locator::new(text);
                let mut p = problem_at(path, &locator, e.line, e.column, kind, e.message.clone());
                if kind == "registry-unknown-field" {
                    if let Some(note) = unknown_field_note(&e.message) {
                        p.notes.push(note);
                    }
                }
                problems.push(p);
            }
        }
    }

    let mut registry = Registry::default();
    read_sources(&parsed, &mut registry, &mut problems);
    // Every id defined, readable or not, so that one bad fact does not also make each
    // reference to it an error.
    let mut defined: HashMap<String, Origin> = HashMap::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut regexes = RegexCache::new();
    for p in &mut parsed {
        // A file's parsed facts are dropped once read, so that the parsed and the read
        // copies of all the facts are never in memory together (benches/registry_scale.sh).
        let specs = std::mem::take(&mut p.file.facts);
        let p = &*p;
        for (i, spec) in specs.iter().enumerate() {
            let origin = p.origin("facts", i, "id");
            if let Some(first) = defined.get(&spec.id) {
                let mut problem = p.at_key(
                    "facts",
                    i,
                    "id",
                    "registry-duplicate-id",
                    format!("fact id `{}` is defined twice", spec.id),
                );
                problem.notes.push(format!("first defined at {first}"));
                problems.push(problem);
                continue;
            }
            defined.insert(spec.id.clone(), origin.clone());
            if let Some(fact) =
                read_fact(p, i, spec, origin, &registry, &mut regexes, &mut problems)
            {
                index.insert(fact.id.clone(), registry.facts.len());
                registry.facts.push(fact);
            }
        }
    }
    let ids = Ids { index, defined };
    for p in &parsed {
        for (i, spec) in p.file.relations.iter().enumerate() {
            if let Some(relation) = read_relation(p, i, spec, &registry, &ids, &mut problems) {
                registry.relations.push(relation);
            }
        }
    }
    let empty = Locator::new("");
    let at = |origin: &Origin, kind: &'static str, message: String| {
        let locator = parsed
            .iter()
            .find(|p| p.path == origin.path)
            .map_or(&empty, |p| &p.locator);
        problem_at(
            &origin.path,
            locator,
            origin.line,
            origin.column,
            kind,
            message,
        )
    };
    super::relations::reject_cycles(&mut registry, &at, &mut problems);
    super::relations::resolve(&mut registry, &at, &mut problems);
    registry.index();

    sort(&mut problems);
    Validation {
        registry,
        problems,
        files: files.len(),
    }
}

/// "did you mean `value`?" for an unknown field, from serde's list of expected fields.
fn unknown_field_note(message: &str) -> Option<String> {
    let field = message.split('`').nth(1)?;
    let expected: Vec<&str> = message
        .split_once("expected")?
        .1
        .split('`')
        .skip(1)
        .step_by(2)
        .collect();
    did_you_mean(field, expected.into_iter()).map(|f| format!("did you mean `{f}`?"))
}

fn read_sources(parsed: &[Parsed], registry: &mut Registry, problems: &mut Vec<Problem>) {
    for p in parsed {
        let section = p.locator.top_key("sources").unwrap_or(0);
        for (id, spec) in &p.file.sources {
            let offset = p
                .locator
                .token_in((section, p.text.len()), id)
                .unwrap_or(section);
            let (line, column) = p.locator.line_col(offset);
            let origin = Origin {
                path: p.path.to_string(),
                line,
                column,
            };
            if let Some(first) = registry.source(id) {
                let mut problem = p.at(
                    offset,
                    "registry-duplicate-id",
                    format!("source id `{id}` is defined twice"),
                );
                problem
                    .notes
                    .push(format!("first defined at {}", first.origin));
                problems.push(problem);
                continue;
            }
            let published = spec.published.as_ref().and_then(|w| {
                let date = Date::parse(&w.text);
                if date.is_none() {
                    let at = p
                        .locator
                        .key_in((offset, p.text.len()), "published")
                        .unwrap_or(offset);
                    problems.push(p.at(
                        at,
                        "registry-bad-value",
                        format!("`{}` is not a date (expected YYYY-MM-DD)", w.text),
                    ));
                }
                date
            });
            registry.sources.insert(
                id.clone(),
                Source {
                    id: id.clone(),
                    name: spec.name.clone(),
                    url: spec.url.clone(),
                    published,
                    origin,
                },
            );
        }
    }
}

fn read_fact(
    p: &Parsed,
    i: usize,
    spec: &schema::Fact,
    origin: Origin,
    registry: &Registry,
    regexes: &mut RegexCache,
    problems: &mut Vec<Problem>,
) -> Option<Fact> {
    let before = problems.len();
    let period = match spec.period.text.parse::<Period>() {
        Ok(period) => Some(period),
        Err(e) => {
            problems.push(p.at_key("facts", i, "period", "registry-bad-period", e.to_string()));
            None
        }
    };
    let unit = value::unit(&spec.unit);
    if unit.is_none() {
        let mut problem = p.at_key(
            "facts",
            i,
            "unit",
            "registry-bad-unit",
            format!("`{}` is not a unit claimcheck knows", spec.unit),
        );
        problem.notes.push(format!(
            "expected one of {}, or a unit word such as `tonnes`",
            value::UNITS.join(", ")
        ));
        problems.push(problem);
    }
    let (written, stated) = match &spec.value {
        None => (None, None),
        Some(w) => {
            // YAML turned a number such as 46.40 into 46.4: read it as written in the file.
            let raw = if w.from_number {
                p.item("facts", i)
                    .and_then(|range| p.locator.scalar_in(range, "value"))
                    .filter(|raw| {
                        value::amount(raw)
                            .is_ok_and(|a| a.value == w.text.parse().unwrap_or(f64::NAN))
                    })
                    .unwrap_or(&w.text)
            } else {
                &w.text
            };
            match value::amount(raw) {
                Ok(a) => (Some(raw.trim().to_string()), Some(a)),
                Err(e) => {
                    problems.push(p.at_key("facts", i, "value", "registry-bad-value", e));
                    (None, None)
                }
            }
        }
    };
    let stated = match (&spec.precision, stated) {
        (None, stated) => stated.map(|a| a.interval),
        (Some(w), Some(a)) => match value::precision(&w.text) {
            Ok(step) => Some(Interval::around(a.value, step / 2.0)),
            Err(e) => {
                problems.push(p.at_key("facts", i, "precision", "registry-bad-value", e));
                None
            }
        },
        (Some(_), None) => {
            if spec.value.is_none() {
                problems.push(p.at_key(
                    "facts",
                    i,
                    "precision",
                    "registry-bad-value",
                    format!(
                        "fact `{}` has a precision but no value: an implied fact's precision is what its relation gives",
                        spec.id
                    ),
                ));
            }
            None
        }
    };
    let mut compiled = |patterns: &[String], key: &str| -> Vec<Arc<Regex>> {
        patterns
            .iter()
            .filter_map(|pattern| match compile(pattern, regexes) {
                Ok(re) => Some(re),
                Err(e) => {
                    let offset = p
                        .item("facts", i)
                        .and_then(|range| {
                            let hay = &p.text[range.0..range.1];
                            hay.find(pattern.as_str()).map(|at| range.0 + at)
                        })
                        .unwrap_or_else(|| p.key_offset("facts", i, key));
                    problems.push(p.at(offset, "registry-bad-pattern", e));
                    None
                }
            })
            .collect()
    };
    let patterns = compiled(&spec.patterns, "match");
    let exclude = compiled(&spec.exclude, "exclude");
    if spec.patterns.is_empty() {
        problems.push(p.at_key(
            "facts",
            i,
            "match",
            "registry-missing-field",
            format!(
                "fact `{}` has no match pattern: it would attach to every claim with its period and unit",
                spec.id
            ),
        ));
    }
    if registry.source(&spec.source).is_none() {
        let mut problem = p.at_key(
            "facts",
            i,
            "source",
            "registry-unknown-reference",
            format!(
                "source `{}` is not defined in any registry file",
                spec.source
            ),
        );
        if let Some(near) = did_you_mean(&spec.source, registry.sources.keys().map(String::as_str))
        {
            problem.notes.push(format!("did you mean `{near}`?"));
        }
        problems.push(problem);
    }
    if problems.len() > before {
        return None;
    }
    Some(Fact {
        id: spec.id.clone(),
        what: spec.what.clone(),
        patterns,
        exclude,
        period: period?,
        unit: unit?,
        written,
        stated,
        implied: None,
        source: spec.source.clone(),
        origin,
    })
}

fn read_relation(
    p: &Parsed,
    i: usize,
    spec: &schema::Relation,
    registry: &Registry,
    ids: &Ids,
    problems: &mut Vec<Problem>,
) -> Option<Relation> {
    let before = problems.len();
    if !relation_shape_ok(p, i, spec, problems) {
        return None;
    }
    if let Some(source) = &spec.source {
        if registry.source(source).is_none() {
            problems.push(p.at_key(
                "relations",
                i,
                "source",
                "registry-unknown-reference",
                format!("source `{source}` is not defined in any registry file"),
            ));
        }
    }
    let kind = relation_kind(p, i, spec, ids, problems)?;
    if problems.len() > before || !relation_units_ok(p, i, &kind, registry, problems) {
        return None;
    }
    Some(Relation {
        kind,
        source: spec.source.clone(),
        origin: relation_origin(p, i),
    })
}

/// Where a relation is shown: at its first key, just after the item's dash.
fn relation_origin(p: &Parsed, i: usize) -> Origin {
    let offset = match p.item("relations", i) {
        Some((start, _)) => {
            let rest = &p.text[start + 1..];
            start + 1 + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
        }
        None => p.locator.top_key("relations").unwrap_or(0),
    };
    let (line, column) = p.locator.line_col(offset);
    Origin {
        path: p.path.to_string(),
        line,
        column,
    }
}

fn shape_error(p: &Parsed, i: usize, key: &str, message: &str) -> Problem {
    p.at_key(
        "relations",
        i,
        key,
        "registry-bad-relation",
        message.to_string(),
    )
}

/// The relation's keys: exactly one kind, each key with its kind, nothing missing.
/// False when the kind itself is unclear (nothing more can be read).
fn relation_shape_ok(
    p: &Parsed,
    i: usize,
    spec: &schema::Relation,
    problems: &mut Vec<Problem>,
) -> bool {
    let given = [
        spec.change.is_some(),
        spec.part.is_some(),
        spec.sum.is_some(),
    ]
    .iter()
    .filter(|&&b| b)
    .count();
    if given != 1 {
        problems.push(shape_error(
            p,
            i,
            "",
            "a relation is exactly one of `change: {from, to}` (with `stated`), `part` (with `whole`) or `sum` (with `total`)",
        ));
        return false;
    }
    for (present, key, owner) in [
        (
            spec.stated.is_some() && spec.change.is_none(),
            "stated",
            "a `change`",
        ),
        (
            spec.whole.is_some() && spec.part.is_none(),
            "whole",
            "a `part`",
        ),
        (
            spec.total.is_some() && spec.sum.is_none(),
            "total",
            "a `sum`",
        ),
    ] {
        if present {
            problems.push(shape_error(
                p,
                i,
                key,
                &format!("`{key}` belongs to {owner} relation"),
            ));
        }
    }
    for (missing, key, owner) in [
        (
            spec.change.is_some() && spec.stated.is_none(),
            "change",
            "`stated` (the change as written, e.g. +157.5%)",
        ),
        (
            spec.part.is_some() && spec.whole.is_none(),
            "part",
            "`whole`",
        ),
        (spec.sum.is_some() && spec.total.is_none(), "sum", "`total`"),
    ] {
        if missing {
            problems.push(p.at_key(
                "relations",
                i,
                key,
                "registry-missing-field",
                format!("a `{key}` relation needs {owner}"),
            ));
        }
    }
    true
}

/// Fact ids: those read (by index into the registry's facts) and every one defined.
struct Ids {
    index: HashMap<String, usize>,
    defined: HashMap<String, Origin>,
}

impl Ids {
    /// The index of fact `id`, referenced by relation `i`; a problem when it is not
    /// defined anywhere (a fact defined but unreadable is already reported).
    fn resolve(
        &self,
        p: &Parsed,
        i: usize,
        id: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<usize> {
        if let Some(&ix) = self.index.get(id) {
            return Some(ix);
        }
        if !self.defined.contains_key(id) {
            let mut problem = p.at_token(
                "relations",
                i,
                id,
                "registry-unknown-reference",
                format!("fact `{id}` is not defined in any registry file"),
            );
            if let Some(near) = did_you_mean(id, self.defined.keys().map(String::as_str)) {
                problem.notes.push(format!("did you mean `{near}`?"));
            }
            problems.push(problem);
        }
        None
    }
}

/// The relation with its ids resolved and its stated change read.
fn relation_kind(
    p: &Parsed,
    i: usize,
    spec: &schema::Relation,
    ids: &Ids,
    problems: &mut Vec<Problem>,
) -> Option<RelationKind> {
    if let Some(ends) = &spec.change {
        let from = ids.resolve(p, i, &ends.from, problems);
        let to = ids.resolve(p, i, &ends.to, problems);
        let stated = spec
            .stated
            .as_ref()
            .and_then(|w| match value::change(&w.text) {
                Ok(c) => Some((c, w.text.clone())),
                Err(e) => {
                    problems.push(p.at_key("relations", i, "stated", "registry-bad-value", e));
                    None
                }
            });
        let (from, to, (c, written)) = (from?, to?, stated?);
        Some(RelationKind::Change(ChangeRelation {
            from,
            to,
            measure: c.measure,
            stated: c.interval,
            truncated: c.truncated,
            written,
        }))
    } else if let Some(part) = &spec.part {
        let part = ids.resolve(p, i, part, problems);
        let whole = spec
            .whole
            .as_deref()
            .and_then(|w| ids.resolve(p, i, w, problems));
        part.zip(whole)
            .map(|(part, whole)| RelationKind::Part { part, whole })
    } else {
        let names = spec.sum.as_deref().unwrap_or_default();
        let parts: Vec<Option<usize>> = names
            .iter()
            .map(|id| ids.resolve(p, i, id, problems))
            .collect();
        let total = spec
            .total
            .as_deref()
            .and_then(|t| ids.resolve(p, i, t, problems));
        if names.len() < 2 {
            problems.push(shape_error(p, i, "sum", "a `sum` needs at least two parts"));
        }
        let parts: Vec<usize> = parts.into_iter().collect::<Option<_>>()?;
        Some(RelationKind::Sum {
            parts,
            total: total?,
        })
    }
}

/// Every fact of a relation is in one unit; a points change is between percentages.
fn relation_units_ok(
    p: &Parsed,
    i: usize,
    kind: &RelationKind,
    registry: &Registry,
    problems: &mut Vec<Problem>,
) -> bool {
    let members = super::relations::members(kind);
    let facts = &registry.facts;
    let first = &facts[members[0]];
    if let Some(other) = members
        .iter()
        .map(|&m| &facts[m])
        .find(|f| f.unit != first.unit)
    {
        problems.push(shape_error(
            p,
            i,
            "",
            &format!(
                "`{}` is in {} but `{}` is in {}: a relation compares facts in one unit",
                first.id, first.unit, other.id, other.unit
            ),
        ));
        return false;
    }
    if let RelationKind::Change(ChangeRelation {
        measure: Measure::Points,
        ..
    }) = kind
    {
        if first.unit != "%" {
            problems.push(shape_error(
                p,
                i,
                "stated",
                &format!(
                    "a change in points is between percentages, but `{}` is in {}",
                    first.id, first.unit
                ),
            ));
            return false;
        }
    }
    true
}
