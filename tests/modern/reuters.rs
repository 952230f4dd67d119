//! Planted errors in the Reuters stories (`../shared/corpus/reuters21578.jsonl`): the wire's
//! "<direction> X pct to A from B" claims (also with commas, and "up from"), kept when their
//! figures agree under rounding, each given the same planted errors as the development set.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::figures::Figures;
use super::planted::{plant_all, Planting, Target, MUTATIONS};
use super::{check, error_on};

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reuters21578.jsonl")
}

#[derive(Deserialize)]
struct Record {
    id: String,
    date: Option<String>,
    body: String,
}

/// How the claim is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// "rose 7.4 pct to 45.6 mln dlrs from 42.5 mln"
    Plain,
    /// "rose 7.4 pct, to 45.6 mln dlrs, from 42.5 mln"
    Comma,
    /// "rose 7.4 pct to 45.6 mln dlrs, up from 42.5 mln"
    UpFrom,
    /// "45.6 mln dlrs, up 7.4 pct from 42.5 mln"
    ValueFirst,
}

impl Form {
    pub fn name(self) -> &'static str {
        match self {
            Form::Plain => "X pct to A from B",
            Form::Comma => "with commas",
            Form::UpFrom => "X pct to A, up from B",
            Form::ValueFirst => "A, up X pct from B",
        }
    }
}

/// One consistent claim in a story.
pub struct Found {
    pub story: usize,
    pub form: Form,
    pub start: usize,
    pub end: usize,
    pub change: String,
    /// Byte ranges of the value and baseline in the story's body.
    pub value: (usize, usize),
    pub baseline: (usize, usize),
}

pub struct Story {
    pub id: String,
    pub date: Option<String>,
    pub body: String,
}

const UP: &str = "rose|risen|rising|increased|gained|climbed|jumped|grew|advanced|up";
const DOWN: &str = "fell|fallen|falling|decreased|declined|dropped|slipped|eased|lost|down";
const FIGURE: &str = r"\d+(?:,\d{3})*(?:\.\d+)?(?:\s(?:billion|mln|bln)\b)?";

/// The change first: "<direction> X pct[,] to A [unit words][,] [up|down] from B".
static CHANGE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?P<up>{UP})|{DOWN})\s+(?P<pct>\d+(?:\.\d+)?)\s+pct(?P<comma1>,?)\s+to\s+(?:a\s+record\s+|a\s+preliminary\s+|an?\s+)?(?P<value>{FIGURE})(?:\s+[a-z]+){{0,3}}?(?P<comma2>,?)\s+(?P<upfrom>(?:up|down)\s+)?from\s+(?P<baseline>{FIGURE})"
    ))
    .unwrap()
});

/// The value first: "A [unit words], up|down X pct from B".
static VALUE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<value>{FIGURE})(?:\s+[a-z]+){{0,3}}?,\s+(?:(?P<up>up)|down)\s+(?P<pct>\d+(?:\.\d+)?)\s+pct\s+from\s+(?:a\s+revised\s+)?(?P<baseline>{FIGURE})"
    ))
    .unwrap()
});

/// The form of a matched claim.
fn form(caps: &regex::Captures) -> Form {
    let comma = |name| caps.name(name).is_some_and(|m| !m.is_empty());
    if caps.name("upfrom").is_some() {
        Form::UpFrom
    } else if comma("comma1") || comma("comma2") {
        Form::Comma
    } else if caps.name("comma1").is_some() {
        Form::Plain
    } else {
        Form::ValueFirst
    }
}

/// The consistent claims of one story body, in text order.
fn claims_in(body: &str, story: usize) -> Vec<Found> {
    let mut found: Vec<Found> = [&*CHANGE_FIRST, &*VALUE_FIRST]
        .iter()
        .flat_map(|regex| regex.captures_iter(body))
        .filter_map(|caps| {
            let whole = caps.get(0).unwrap();
            let (value, baseline) = (caps.name("value")?, caps.name("baseline")?);
            let sign = if caps.name("up").is_some() { "+" } else { "-" };
            let change = format!("{sign}{}%", &caps["pct"]);
            Figures::read(&change, value.as_str(), Some(baseline.as_str()))
                .filter(Figures::consistent)?;
            Some(Found {
                story,
                form: form(&caps),
                start: whole.start(),
                end: whole.end(),
                change,
                value: (value.start(), value.end()),
                baseline: (baseline.start(), baseline.end()),
            })
        })
        .collect();
    // The two patterns may read overlapping words; keep the first claim of an overlap.
    found.sort_by_key(|f| f.start);
    found.dedup_by(|later, kept| later.start < kept.end);
    found
}

/// The stories with at least one consistent claim (each body once: the wire sent some twice),
/// and the claims.
pub fn find(path: &Path) -> std::io::Result<(Vec<Story>, Vec<Found>)> {
    let text = std::fs::read_to_string(path)?;
    let mut seen = HashSet::new();
    let (mut stories, mut found) = (Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: Record = serde_json::from_str(line).expect("a corpus record");
        if !seen.insert(record.body.clone()) {
            continue;
        }
        let claims = claims_in(&record.body, stories.len());
        if !claims.is_empty() {
            found.extend(claims);
            stories.push(Story {
                id: record.id,
                date: record.date,
                body: record.body,
            });
        }
    }
    Ok((stories, found))
}

/// The measurement for one form of claim.
#[derive(Default)]
pub struct PerForm {
    pub claims: usize,
    /// Consistent claims the checker flags as they stand (false findings).
    pub flagged_as_published: Vec<String>,
    pub planting: Planting,
}

/// Plants errors in every consistent claim, by form.
pub fn measure(stories: &[Story], found: &[Found]) -> BTreeMap<Form, PerForm> {
    let mut forms: BTreeMap<Form, PerForm> = BTreeMap::new();
    let checked: Vec<_> = stories
        .iter()
        .map(|s| check(&s.id, &s.body, s.date.as_deref()))
        .collect();
    for claim in found {
        let story = &stories[claim.story];
        let entry = forms.entry(claim.form).or_default();
        entry.claims += 1;
        if error_on(&checked[claim.story], claim.start, claim.end) {
            entry.flagged_as_published.push(format!(
                "{}: {}",
                story.id,
                &story.body[claim.start..claim.end]
            ));
        }
    }
    for (form, entry) in forms.iter_mut() {
        let targets: Vec<Target> = found
            .iter()
            .filter(|c| c.form == *form)
            .map(|c| {
                let story = &stories[c.story];
                Target {
                    id: &story.id,
                    date: story.date.as_deref(),
                    text: &story.body,
                    start: c.start,
                    quote: &story.body[c.start..c.end],
                    change: &c.change,
                    value: &story.body[c.value.0..c.value.1],
                    baseline: Some(&story.body[c.baseline.0..c.baseline.1]),
                    value_at: Some(c.value.0),
                    baseline_at: Some(c.baseline.0),
                }
            })
            .collect();
        entry.planting = plant_all(&targets);
    }
    forms
}

/// One row per form (and all forms together): claims, flagged as published, and planted
/// errors caught of planted per mutation.
pub fn table(forms: &BTreeMap<Form, PerForm>) -> String {
    let names: Vec<&str> = MUTATIONS.iter().map(|m| m.name()).collect();
    let mut lines = vec![
        format!(
            "| form | claims | flagged as published | {} | all |",
            names.join(" | ")
        ),
        format!("|---|---|---|{}---|", "---|".repeat(names.len())),
    ];
    let mut all = PerForm::default();
    let mut row = |name: &str, entry: &PerForm, flagged: usize| {
        let cells: Vec<String> = MUTATIONS
            .iter()
            .map(|m| entry.planting.tallies.get(m).copied().unwrap_or_default())
            .chain([entry.planting.total()])
            .map(|t| super::share(t.caught, t.planted))
            .collect();
        lines.push(format!(
            "| {name} | {} | {flagged} | {} |",
            entry.claims,
            cells.join(" | ")
        ));
    };
    for (form, entry) in forms {
        row(form.name(), entry, entry.flagged_as_published.len());
        all.claims += entry.claims;
        for (m, t) in &entry.planting.tallies {
            let sum = all.planting.tallies.entry(*m).or_default();
            sum.planted += t.planted;
            sum.caught += t.caught;
            sum.warned += t.warned;
            sum.skipped += t.skipped;
        }
    }
    let flagged = forms.values().map(|e| e.flagged_as_published.len()).sum();
    row("**all**", &all, flagged);
    lines.join("\n")
}
