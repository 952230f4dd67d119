//! The claim registry: sourced facts in YAML, validated, and matched against article claims.
//!
//! `load` reads `claims/*.yaml` into a [`Registry`] and a list of [`Problem`]s (each with its
//! file, line and column); `relations` rebuilds the facts that relations imply and checks
//! every relation with the same interval arithmetic as articles; `matching` attaches facts to
//! claims and reports `registry-mismatch` findings.

pub mod load;
pub mod matching;
pub mod mismatch;
pub mod problem;
pub mod relations;
pub mod schema;
pub mod value;

use crate::claim::{Claim, Measure};
use crate::document::Document;
use crate::finding::Finding;
use crate::interval::Interval;
use crate::period::{Date, Period};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

pub use load::{validate, validate_texts, Validation};
pub use problem::{Class, Problem};

/// Where something is defined in the registry: 1-based line and column (0 when unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Shared by everything defined in one file.
    pub path: Arc<str>,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.path),
            (l, c) => write!(f, "{}:{l}:{c}", self.path),
        }
    }
}

/// Where a fact's figure comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub origin: Origin,
}

/// A value that relations imply for a fact, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Implied {
    pub interval: Interval,
    /// "353 t (cn-magnet-exports-us-2025-06) after +660%".
    pub how: String,
}

/// One sourced figure.
#[derive(Clone, Debug)]
pub struct Fact {
    pub id: String,
    pub what: String,
    /// All must occur in a claim's sentence. Shared by every fact with the same pattern: a
    /// cloned `Regex` carries its own match-cache pool (kilobytes), so one clone per fact
    /// made a 50,000-fact registry take 30 times its YAML size.
    pub patterns: Vec<Arc<Regex>>,
    /// None may occur in it; shared likewise.
    pub exclude: Vec<Arc<Regex>>,
    pub period: Period,
    /// Canonical unit code ("t", "USD", "%").
    pub unit: &'static str,
    /// The value as written ("22,319"), when stated.
    pub written: Option<String>,
    /// The stated value with its rounding.
    pub stated: Option<Interval>,
    /// What relations imply, for a fact without a stated value.
    pub implied: Option<Implied>,
    /// Id of its source, shared by the facts that cite it.
    pub source: Arc<str>,
    pub origin: Origin,
}

impl Fact {
    /// Every value the fact allows: stated, else implied.
    pub fn interval(&self) -> Option<Interval> {
        self.stated.or(self.implied.as_ref().map(|i| i.interval))
    }

    /// The value for messages: as written with its unit ("22,319 t"), or the implied range.
    pub fn shown(&self) -> String {
        match (&self.written, &self.implied) {
            (Some(w), _) => with_unit(w, self.unit),
            (None, Some(implied)) => {
                crate::measure::format::fmt_value_range(&implied.interval, Some(self.unit))
            }
            (None, None) => "unknown".to_string(),
        }
    }
}

/// A number as written, with its unit code ("353 t", "90%", "2.5 points").
pub fn with_unit(number: &str, unit: &str) -> String {
    crate::measure::format::with_unit(number, Some(unit))
}

/// A stated change from one fact to another, by index into [`Registry::facts`].
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRelation {
    pub from: usize,
    pub to: usize,
    pub measure: Measure,
    /// The change as written, rounded reading.
    pub stated: Interval,
    /// The same, read as truncated.
    pub truncated: Interval,
    pub written: String,
}

impl ChangeRelation {
    /// Every reading of the stated change: rounded or truncated.
    pub fn any_reading(&self) -> Interval {
        self.stated.hull(&self.truncated)
    }
}

/// A relation between facts, by index into [`Registry::facts`].
#[derive(Clone, Debug, PartialEq)]
pub enum RelationKind {
    /// A stated change from one fact to another.
    Change(ChangeRelation),
    /// A part no larger than its whole.
    Part { part: usize, whole: usize },
    /// Parts that add up to a total.
    Sum { parts: Vec<usize>, total: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    pub kind: RelationKind,
    pub source: Option<String>,
    pub origin: Origin,
}

/// A loaded, validated registry.
#[derive(Debug, Default)]
pub struct Registry {
    pub facts: Vec<Fact>,
    pub relations: Vec<Relation>,
    /// By id.
    pub sources: BTreeMap<String, Source>,
    /// Facts by period and unit, the first filter of matching.
    by_period_unit: HashMap<(Period, &'static str), Vec<usize>>,
    /// The files and folders it was loaded from, as given, and the number of files read:
    /// what the command line names in its first line.
    pub paths: Vec<PathBuf>,
    pub files: usize,
}

impl Registry {
    /// Loads every `*.yaml` / `*.yml` under `paths` (files or folders). Fails when the
    /// registry cannot be read: YAML errors, unknown or missing fields, duplicate ids,
    /// dangling references, bad periods, units, values or patterns, cycles. Relations that do
    /// not hold are not load errors (their facts are still sourced); `registry check` reports
    /// them.
    pub fn load(paths: &[PathBuf]) -> anyhow::Result<Registry> {
        let errors = match Registry::usable(validate(paths), paths) {
            Ok(registry) => return Ok(registry),
            Err(errors) => errors,
        };
        let mut message = format!(
            "the claim registry cannot be read ({} error{}; run `claimcheck registry check` for details)",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        for p in errors.iter().take(10) {
            message.push_str(&format!("\n  {}: {}", p.location(), p.message));
        }
        if errors.len() > 10 {
            message.push_str(&format!("\n  ... and {} more", errors.len() - 10));
        }
        anyhow::bail!(message)
    }

    /// The registry of a validation of `paths`, or the problems that make it unreadable
    /// (class [`Class::Invalid`], each with its file, line and column), for a caller that
    /// reports them itself.
    pub fn usable(validation: Validation, paths: &[PathBuf]) -> Result<Registry, Vec<Problem>> {
        let errors: Vec<Problem> = validation
            .problems
            .into_iter()
            .filter(|p| p.class == Class::Invalid)
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut registry = validation.registry;
        registry.paths = paths.to_vec();
        registry.files = validation.files;
        Ok(registry)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// Indices of the facts of `period` in `unit`.
    pub fn facts_for(&self, period: Period, unit: &'static str) -> &[usize] {
        self.by_period_unit
            .get(&(period, unit))
            .map_or(&[], Vec::as_slice)
    }

    /// Builds the matching index; called once the facts are final.
    fn index(&mut self) {
        self.by_period_unit.clear();
        for (i, f) in self.facts.iter().enumerate() {
            self.by_period_unit
                .entry((f.period, f.unit))
                .or_default()
                .push(i);
        }
    }

    /// Matches claims to facts: sets each matched claim's `registry` verdict and returns a
    /// `registry-mismatch` finding for each contradiction.
    pub fn annotate(&self, doc: &Document, claims: &mut [Claim]) -> Vec<Finding> {
        matching::annotate(self, doc, claims)
    }
}

/// The registry the command-line options select: the `--registry` paths, else `claims/` when
/// it exists, else none; `None` too with `--no-registry`. A path that does not exist is an
/// error, so a mistyped `--registry` never silently means "no registry".
pub fn select(paths: &[PathBuf], no_registry: bool) -> anyhow::Result<Option<Registry>> {
    if no_registry {
        return Ok(None);
    }
    let paths = if paths.is_empty() {
        let default = std::path::Path::new("claims");
        if !default.is_dir() {
            return Ok(None);
        }
        vec![default.to_path_buf()]
    } else {
        paths.to_vec()
    };
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        anyhow::bail!("registry {}: no such file or directory", missing.display());
    }
    Registry::load(&paths).map(Some)
}
