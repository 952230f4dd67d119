//! Keeps the modern-news development set (`tests/fixtures/modern/`) well-formed (and the held-out
//! sets beside it sourced and quoted verbatim): strict schema,
//! unique ids, and every annotated figure quoted verbatim from its passage, so that the linking
//! measurement (`tests/modern_linking.rs`) compares the checker against annotations that really
//! match the text.

#[allow(dead_code)] // the measurement in the shared module is used by tests/modern_linking.rs
mod modern;

use std::collections::{BTreeMap, BTreeSet};

use modern::{load, load_from, Passage};
use serde_yaml::Value;

/// Every passage of the development set and of the held-out sets (`tests/fixtures/modern*/`),
/// with its folder and file: all of them are measured, so all must quote their text.
fn every_set() -> Vec<(String, Passage)> {
    let fixtures = modern::folder()
        .parent()
        .expect("fixtures folder")
        .to_path_buf();
    let mut dirs: Vec<_> = std::fs::read_dir(&fixtures)
        .expect("readable fixtures folder")
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|path| {
            path.is_dir()
                && path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with("modern"))
        })
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 5, "only {} modern sets", dirs.len());
    dirs.iter()
        .flat_map(|dir| {
            let set = dir.file_name().unwrap().to_string_lossy().into_owned();
            load_from(dir)
                .into_iter()
                .map(move |(file, passage)| (format!("{set}/{file}"), passage))
        })
        .collect()
}

/// The construction families of issue #13 (11 and 12 are not used by this set).
const FAMILIES: [u8; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13];

#[test]
fn modern_set_is_broad_enough_to_measure_linking() {
    let passages = load();
    let outlets: BTreeSet<&str> = passages.iter().map(|(_, p)| p.outlet.as_str()).collect();
    let claims: usize = passages.iter().map(|(_, p)| p.claims.len()).sum();
    assert!(passages.len() >= 150, "only {} passages", passages.len());
    assert!(outlets.len() >= 30, "only {} outlets", outlets.len());
    let mut per_family: BTreeMap<u8, usize> = BTreeMap::new();
    for (_, passage) in &passages {
        let families: BTreeSet<u8> = passage
            .claims
            .iter()
            .flat_map(|c| c.family.clone())
            .collect();
        for family in families {
            *per_family.entry(family).or_default() += 1;
        }
    }
    for family in FAMILIES {
        let count = per_family.get(&family).copied().unwrap_or(0);
        assert!(count >= 8, "family {family} has only {count} passages");
    }
    assert!(
        claims >= passages.len(),
        "{claims} claims for {} passages",
        passages.len()
    );
}

#[test]
fn modern_passage_ids_are_unique_and_kebab_case() {
    let mut seen = BTreeSet::new();
    for (file, passage) in load() {
        let id = &passage.id;
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{file}: id {id:?} is not kebab-case"
        );
        assert!(seen.insert(id.clone()), "{file}: id {id:?} is used twice");
    }
}

#[test]
fn modern_passages_are_sourced_and_from_2015_or_later() {
    for (file, passage) in every_set() {
        let id = &passage.id;
        assert!(
            passage.url.starts_with("http"),
            "{file} {id}: url {:?}",
            passage.url
        );
        assert!(!passage.outlet.trim().is_empty(), "{file} {id}: no outlet");
        assert!(!passage.topic.trim().is_empty(), "{file} {id}: no topic");
        let date = passage.date.as_bytes();
        let well_formed = date.len() == 10
            && date[4] == b'-'
            && date[7] == b'-'
            && date
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        assert!(
            well_formed,
            "{file} {id}: date {:?} is not YYYY-MM-DD",
            passage.date
        );
        let year: u32 = passage.date[..4].parse().unwrap();
        assert!(year >= 2015, "{file} {id}: published {year}, before 2015");
        if let Some(note) = &passage.note {
            assert!(!note.trim().is_empty(), "{file} {id}: empty passage note");
        }
    }
}

#[test]
fn every_modern_claim_quotes_its_passage_verbatim() {
    for (file, passage) in every_set() {
        let id = &passage.id;
        assert!(!passage.claims.is_empty(), "{file} {id}: no claims");
        for claim in &passage.claims {
            let quote = &claim.quote;
            assert!(
                passage.text.contains(quote.as_str()),
                "{file} {id}: quote {quote:?} is not in the text"
            );
            for (field, figure) in [("value", &claim.value), ("baseline", &claim.baseline)] {
                if let Some(figure) = figure {
                    assert!(
                        passage.text.contains(figure.as_str()),
                        "{file} {id}: {field} {figure:?} is not in the text"
                    );
                }
            }
        }
    }
}

#[test]
fn every_modern_claim_is_fully_annotated() {
    for (file, passage) in load() {
        let id = &passage.id;
        for claim in &passage.claims {
            let quote = &claim.quote;
            assert!(!claim.family.is_empty(), "{file} {id} {quote:?}: no family");
            for family in &claim.family {
                assert!(
                    FAMILIES.contains(family),
                    "{file} {id} {quote:?}: family {family}"
                );
            }
            assert!(
                claim.change.is_some() || claim.baseline.is_some(),
                "{file} {id} {quote:?}: neither a change nor a baseline is stated"
            );
            assert!(
                !claim.value_unit.trim().is_empty(),
                "{file} {id} {quote:?}: no unit"
            );
            assert!(!claim.period.is_null(), "{file} {id} {quote:?}: no period");
            assert!(
                claim.baseline_period.is_null() || !claim.baseline_period.is_sequence(),
                "{file} {id} {quote:?}: baseline_period must be one label"
            );
            match &claim.consistent {
                Value::Bool(true) => {}
                // A contradiction in published text is the set's most valuable kind of claim;
                // its note must say what the arithmetic is.
                Value::Bool(false) => assert!(
                    claim
                        .note
                        .as_deref()
                        .is_some_and(|note| !note.trim().is_empty()),
                    "{file} {id} {quote:?}: inconsistent claim without its arithmetic"
                ),
                Value::String(word) if word == "unknown" => {}
                other => panic!("{file} {id} {quote:?}: consistent is {other:?}"),
            }
        }
    }
}
