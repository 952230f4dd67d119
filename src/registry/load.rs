//! Reading the registry: files and folders to YAML, YAML to facts, sources and relations,
//! with every problem located at its file, line and column.

use super::problem::{class_of, Class, Problem};
use super::schema;
use super::value;
use super::{ChangeRelation, Fact, Origin, Registry, Relation, RelationKind, Source};
use crate::claim::Measure;
use crate::interval::Interval;
use crate::period::{Date, Period};
use crate::yaml::{self, Locator, Mark};
use regex::{Regex, RegexBuilder};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
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
    let (texts, unread) = read_files(paths);
    validate_read(&texts, unread)
}

/// Validates the texts [`read_files`] read, with the problems of the files it could not read.
pub fn validate_read(texts: &[(String, String)], unread: Vec<Problem>) -> Validation {
    let mut validation = validate_texts(texts);
    validation.problems.extend(unread);
    sort(&mut validation.problems);
    validation
}

/// Reads the registry files under `paths` as (path shown to users, contents), which
/// [`validate_texts`] takes, with the problems of the files that could not be read: a
/// registry read once and validated elsewhere (the Python package ships the texts to Spark's
/// executors) is validated exactly as [`validate`] does.
pub fn read_files(paths: &[PathBuf]) -> (Vec<(String, String)>, Vec<Problem>) {
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
    (texts, problems)
}

fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.kind).cmp(&(&b.path, b.line, b.column, b.kind))
    });
}

/// One registry file: where it is shown from and its text; its line index is built only
/// when a problem needs a source line.
struct FileRef<'a> {
    path: Arc<str>,
    text: &'a str,
    locator: OnceCell<Locator<'a>>,
}

impl FileRef<'_> {
    fn locator(&self) -> &Locator<'_> {
        self.locator.get_or_init(|| Locator::new(self.text))
    }

    /// A problem at a place of this file.
    fn at(&self, mark: Mark, kind: &'static str, message: String) -> Problem {
        problem_at(
            &self.path,
            self.locator(),
            mark.line as usize,
            mark.column as usize,
            kind,
            message,
        )
    }

    fn origin(&self, mark: Mark) -> Origin {
        Origin {
            path: Arc::clone(&self.path),
            line: mark.line as usize,
            column: mark.column as usize,
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

/// The closest of `candidates` to `word` by edit distance (strsim's Levenshtein), if close
/// enough to be a likely typo.
fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // Enough for any real registry; a hostile one must not make this quadratic.
    const MAX_CANDIDATES: usize = 5000;
    candidates
        .take(MAX_CANDIDATES)
        .filter(|c| c.len() < 200)
        .map(|c| (strsim::levenshtein(word, c), c))
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

/// Where a fact id is defined, and its index in the registry's facts when it could be read.
struct Def {
    file: usize,
    mark: Mark,
    index: Option<usize>,
}

struct Citation {
    source: Arc<str>,
    file: usize,
    mark: Mark,
    fact: Option<usize>,
}

/// What is built while the files are read one at a time: each file's YAML tree is dropped
/// once its facts are read, so only the facts (and the texts, for messages) stay in memory.
struct Loader<'a> {
    files: &'a [FileRef<'a>],
    registry: Registry,
    problems: Vec<Problem>,
    regexes: RegexCache,
    /// Every fact id defined, readable or not, so that one bad fact does not also make each
    /// reference to it an error.
    defined: HashMap<String, Def>,
    /// Source ids whose fields could not be read (references to them are not errors).
    broken_sources: HashSet<String>,
    /// Source ids shared by the facts that cite them.
    source_ids: HashMap<String, Arc<str>>,
    /// Each fact's source, with where it is cited and the fact's index when it was read:
    /// sources are checked once all files are read, since a fact may cite any file's source.
    citations: Vec<Citation>,
    relations: Vec<(usize, schema::Relation)>,
}

/// Validates registry texts given as (path shown to users, contents).
pub fn validate_texts(files: &[(String, String)]) -> Validation {
    let refs: Vec<FileRef> = files
        .iter()
        .map(|(path, text)| FileRef {
            path: Arc::from(path.as_str()),
            text,
            locator: OnceCell::new(),
        })
        .collect();
    let mut loader = Loader {
        files: &refs,
        registry: Registry::default(),
        problems: Vec::new(),
        regexes: RegexCache::new(),
        defined: HashMap::new(),
        broken_sources: HashSet::new(),
        source_ids: HashMap::new(),
        citations: Vec::new(),
        relations: Vec::new(),
    };
    for i in 0..refs.len() {
        loader.read_file(i);
    }
    loader.check_cited_sources();
    let relations = std::mem::take(&mut loader.relations);
    for (file, spec) in &relations {
        if let Some(relation) = loader.read_relation(*file, spec) {
            loader.registry.relations.push(relation);
        }
    }
    let Loader {
        mut registry,
        mut problems,
        ..
    } = loader;
    let at = |origin: &Origin, kind: &'static str, message: String| {
        let mark = Mark {
            line: u32::try_from(origin.line).unwrap_or(u32::MAX),
            column: u32::try_from(origin.column).unwrap_or(u32::MAX),
        };
        match refs.iter().find(|f| f.path == origin.path) {
            Some(f) => f.at(mark, kind, message),
            None => problem_at(
                &origin.path,
                &Locator::new(""),
                origin.line,
                origin.column,
                kind,
                message,
            ),
        }
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

/// "did you mean `value`?" for an unknown field, from the list of expected fields.
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

impl Loader<'_> {
    /// Parses file `i`, reports every YAML and schema problem in it, and reads its sources
    /// and facts; its relations wait until every file's facts are known.
    fn read_file(&mut self, i: usize) {
        let f = &self.files[i];
        let root = match yaml::parse_untrusted(f.text) {
            Ok(root) => root,
            Err(e) => {
                let kind = yaml_kind(&e.message);
                let mark = Mark {
                    line: u32::try_from(e.line).unwrap_or(u32::MAX),
                    column: u32::try_from(e.column).unwrap_or(u32::MAX),
                };
                self.problems.push(f.at(mark, kind, e.message));
                return;
            }
        };
        let mut issues = Vec::new();
        let file = schema::read(&root, &mut issues);
        drop(root);
        for issue in issues {
            let mut p = f.at(issue.mark, issue.kind, issue.message);
            if issue.kind == "registry-unknown-field" {
                p.notes.extend(unknown_field_note(&p.message));
            }
            self.problems.push(p);
        }
        self.read_sources(i, file.sources);
        for (id, spec) in file.facts {
            let Some(id) = id else { continue };
            if let Some(first) = self.defined.get(&id.text) {
                let first = self.files[first.file].origin(first.mark);
                let mut problem = f.at(
                    id.mark,
                    "registry-duplicate-id",
                    format!("fact id `{}` is defined twice", id.text),
                );
                problem.notes.push(format!("first defined at {first}"));
                self.problems.push(problem);
                continue;
            }
            let index = spec.and_then(|spec| {
                let source = self.source_id(&spec.source.text);
                let mark = spec.source.mark;
                let fact = self.read_fact(i, spec, Arc::clone(&source));
                let index = fact.map(|fact| {
                    self.registry.facts.push(fact);
                    self.registry.facts.len() - 1
                });
                self.citations.push(Citation {
                    source,
                    file: i,
                    mark,
                    fact: index,
                });
                index
            });
            self.defined.insert(
                id.text,
                Def {
                    file: i,
                    mark: id.mark,
                    index,
                },
            );
        }
        self.relations
            .extend(file.relations.into_iter().map(|r| (i, r)));
    }

    fn read_sources(&mut self, file: usize, sources: Vec<(schema::Str, Option<schema::Source>)>) {
        let f = &self.files[file];
        for (id, spec) in sources {
            if let Some(first) = self.registry.source(&id.text) {
                let mut problem = f.at(
                    id.mark,
                    "registry-duplicate-id",
                    format!("source id `{}` is defined twice", id.text),
                );
                problem
                    .notes
                    .push(format!("first defined at {}", first.origin));
                self.problems.push(problem);
                continue;
            }
            let Some(spec) = spec else {
                self.broken_sources.insert(id.text);
                continue;
            };
            let published = spec.published.and_then(|w| {
                let date = Date::parse(&w.text);
                if date.is_none() {
                    self.problems.push(f.at(
                        w.mark,
                        "registry-bad-value",
                        format!("`{}` is not a date (expected YYYY-MM-DD)", w.text),
                    ));
                }
                date
            });
            self.registry.sources.insert(
                id.text.clone(),
                Source {
                    origin: f.origin(id.mark),
                    id: id.text,
                    name: spec.name,
                    url: spec.url,
                    published,
                },
            );
        }
    }

    /// A fact from its fields, or `None` with its problems reported. Its source is checked
    /// later ([`check_cited_sources`](Self::check_cited_sources)).
    /// The shared copy of a source id.
    fn source_id(&mut self, id: &str) -> Arc<str> {
        if let Some(shared) = self.source_ids.get(id) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(id);
        self.source_ids.insert(id.to_string(), Arc::clone(&shared));
        shared
    }

    fn read_fact(&mut self, file: usize, spec: schema::Fact, source: Arc<str>) -> Option<Fact> {
        let f = &self.files[file];
        let problems = &mut self.problems;
        let before = problems.len();
        let period = match spec.period.text.parse::<Period>() {
            Ok(period) => Some(period),
            Err(e) => {
                problems.push(f.at(spec.period.mark, "registry-bad-period", e.to_string()));
                None
            }
        };
        let unit = value::unit(&spec.unit.text);
        if unit.is_none() {
            let mut problem = f.at(
                spec.unit.mark,
                "registry-bad-unit",
                format!("`{}` is not a unit claimcheck knows", spec.unit.text),
            );
            problem.notes.push(format!(
                "expected one of {}, or a unit word such as `tonnes`",
                value::UNITS.join(", ")
            ));
            problems.push(problem);
        }
        let (written, stated) = match &spec.value {
            None => (None, None),
            Some(w) => match value::amount(&w.text) {
                Ok(a) => (Some(w.text.trim().to_string()), Some(a)),
                Err(e) => {
                    problems.push(f.at(w.mark, "registry-bad-value", e));
                    (None, None)
                }
            },
        };
        let stated = match (&spec.precision, stated) {
            (None, stated) => stated.map(|a| a.interval),
            (Some(w), Some(a)) => match value::precision(&w.text) {
                Ok(step) => Some(Interval::around(a.value, step / 2.0)),
                Err(e) => {
                    problems.push(f.at(w.mark, "registry-bad-value", e));
                    None
                }
            },
            (Some(w), None) => {
                if spec.value.is_none() {
                    problems.push(f.at(
                        w.mark,
                        "registry-bad-value",
                        format!(
                            "fact `{}` has a precision but no value: an implied fact's precision is what its relation gives",
                            spec.id.text
                        ),
                    ));
                }
                None
            }
        };
        let regexes = &mut self.regexes;
        let mut compiled = |patterns: &[schema::Str]| -> Vec<Arc<Regex>> {
            patterns
                .iter()
                .filter_map(|pattern| match compile(&pattern.text, regexes) {
                    Ok(re) => Some(re),
                    Err(e) => {
                        problems.push(f.at(pattern.mark, "registry-bad-pattern", e));
                        None
                    }
                })
                .collect()
        };
        let patterns = compiled(&spec.patterns);
        let exclude = compiled(&spec.exclude);
        if spec.patterns.is_empty() {
            problems.push(f.at(
                spec.match_mark,
                "registry-missing-field",
                format!(
                    "fact `{}` has no match pattern: it would attach to every claim with its period and unit",
                    spec.id.text
                ),
            ));
        }
        if problems.len() > before {
            return None;
        }
        Some(Fact {
            origin: f.origin(spec.id.mark),
            id: spec.id.text,
            what: spec.what,
            patterns,
            exclude,
            period: period?,
            unit: unit?,
            written,
            stated,
            implied: None,
            source,
        })
    }

    /// Reports each fact whose source no file defines, and drops those facts.
    fn check_cited_sources(&mut self) {
        let citations = std::mem::take(&mut self.citations);
        let mut dropped = vec![false; self.registry.facts.len()];
        for c in &citations {
            let known = self.registry.sources.contains_key(&*c.source)
                || self.broken_sources.contains(&*c.source);
            if known {
                continue;
            }
            let mut problem = self.files[c.file].at(
                c.mark,
                "registry-unknown-reference",
                format!("source `{}` is not defined in any registry file", c.source),
            );
            if let Some(near) =
                did_you_mean(&c.source, self.registry.sources.keys().map(String::as_str))
            {
                problem.notes.push(format!("did you mean `{near}`?"));
            }
            self.problems.push(problem);
            if let Some(i) = c.fact {
                dropped[i] = true;
            }
        }
        if !dropped.contains(&true) {
            return;
        }
        // Drop those facts, and renumber the ones that stay.
        let mut next = 0;
        let new_index: Vec<Option<usize>> = dropped
            .iter()
            .map(|&d| {
                (!d).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect();
        let mut i = 0;
        self.registry.facts.retain(|_| {
            i += 1;
            !dropped[i - 1]
        });
        for def in self.defined.values_mut() {
            def.index = def.index.and_then(|ix| new_index[ix]);
        }
    }

    fn read_relation(&mut self, file: usize, spec: &schema::Relation) -> Option<Relation> {
        let f = &self.files[file];
        let before = self.problems.len();
        if !relation_shape_ok(f, spec, &mut self.problems) {
            return None;
        }
        if let Some(source) = &spec.source {
            if self.registry.source(&source.text).is_none()
                && !self.broken_sources.contains(&source.text)
            {
                self.problems.push(f.at(
                    source.mark,
                    "registry-unknown-reference",
                    format!(
                        "source `{}` is not defined in any registry file",
                        source.text
                    ),
                ));
            }
        }
        let kind = self.relation_kind(f, spec)?;
        if self.problems.len() > before
            || !relation_units_ok(f, spec, &kind, &self.registry, &mut self.problems)
        {
            return None;
        }
        Some(Relation {
            kind,
            source: spec.source.as_ref().map(|s| s.text.clone()),
            origin: f.origin(spec.mark),
        })
    }

    /// The index of fact `id`; a problem when it is not defined anywhere (a fact defined
    /// but unreadable is already reported).
    fn resolve(&mut self, f: &FileRef, id: &schema::Str) -> Option<usize> {
        if let Some(def) = self.defined.get(&id.text) {
            return def.index;
        }
        let mut problem = f.at(
            id.mark,
            "registry-unknown-reference",
            format!("fact `{}` is not defined in any registry file", id.text),
        );
        if let Some(near) = did_you_mean(&id.text, self.defined.keys().map(String::as_str)) {
            problem.notes.push(format!("did you mean `{near}`?"));
        }
        self.problems.push(problem);
        None
    }

    /// The relation with its ids resolved and its stated change read.
    fn relation_kind(&mut self, f: &FileRef, spec: &schema::Relation) -> Option<RelationKind> {
        if let Some(ends) = &spec.change {
            let from = self.resolve(f, &ends.from);
            let to = self.resolve(f, &ends.to);
            let stated = spec
                .stated
                .as_ref()
                .and_then(|w| match value::change(&w.text) {
                    Ok(c) => Some((c, w.text.clone())),
                    Err(e) => {
                        self.problems.push(f.at(w.mark, "registry-bad-value", e));
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
            let part = self.resolve(f, part);
            let whole = spec.whole.as_ref().and_then(|w| self.resolve(f, w));
            part.zip(whole)
                .map(|(part, whole)| RelationKind::Part { part, whole })
        } else {
            let (mark, names) = spec.sum.as_ref()?;
            let parts: Vec<Option<usize>> = names.iter().map(|id| self.resolve(f, id)).collect();
            let total = spec.total.as_ref().and_then(|t| self.resolve(f, t));
            if names.len() < 2 {
                self.problems.push(f.at(
                    *mark,
                    "registry-bad-relation",
                    "a `sum` needs at least two parts".to_string(),
                ));
            }
            let parts: Vec<usize> = parts.into_iter().collect::<Option<_>>()?;
            Some(RelationKind::Sum {
                parts,
                total: total?,
            })
        }
    }
}

/// The relation's keys: exactly one kind, each key with its kind, nothing missing.
/// False when the kind itself is unclear (nothing more can be read).
fn relation_shape_ok(f: &FileRef, spec: &schema::Relation, problems: &mut Vec<Problem>) -> bool {
    let kinds = [
        spec.change.as_ref().map(|c| c.mark),
        spec.part.as_ref().map(|p| p.mark),
        spec.sum.as_ref().map(|s| s.0),
    ];
    if kinds.iter().flatten().count() != 1 {
        problems.push(f.at(
            spec.mark,
            "registry-bad-relation",
            "a relation is exactly one of `change: {from, to}` (with `stated`), `part` (with `whole`) or `sum` (with `total`)".to_string(),
        ));
        return false;
    }
    for (given, key, owner) in [
        (
            spec.stated.as_ref().filter(|_| spec.change.is_none()),
            "stated",
            "a `change`",
        ),
        (
            spec.whole.as_ref().filter(|_| spec.part.is_none()),
            "whole",
            "a `part`",
        ),
        (
            spec.total.as_ref().filter(|_| spec.sum.is_none()),
            "total",
            "a `sum`",
        ),
    ] {
        if let Some(given) = given {
            problems.push(f.at(
                given.mark,
                "registry-bad-relation",
                format!("`{key}` belongs to {owner} relation"),
            ));
        }
    }
    for (missing_at, key, owner) in [
        (
            kinds[0].filter(|_| spec.stated.is_none()),
            "change",
            "`stated` (the change as written, e.g. +157.5%)",
        ),
        (kinds[1].filter(|_| spec.whole.is_none()), "part", "`whole`"),
        (kinds[2].filter(|_| spec.total.is_none()), "sum", "`total`"),
    ] {
        if let Some(mark) = missing_at {
            problems.push(f.at(
                mark,
                "registry-missing-field",
                format!("a `{key}` relation needs {owner}"),
            ));
        }
    }
    true
}

/// Every fact of a relation is in one unit; a points change is between percentages.
fn relation_units_ok(
    f: &FileRef,
    spec: &schema::Relation,
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
        .find(|x| x.unit != first.unit)
    {
        problems.push(f.at(
            spec.mark,
            "registry-bad-relation",
            format!(
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
            let at = spec.stated.as_ref().map_or(spec.mark, |s| s.mark);
            problems.push(f.at(
                at,
                "registry-bad-relation",
                format!(
                    "a change in points is between percentages, but `{}` is in {}",
                    first.id, first.unit
                ),
            ));
            return false;
        }
    }
    true
}
