//! `registry check` on the bundled registry and on a folder of broken registries, one
//! snapshot each, showing what a maintainer sees.

use claimcheck::cli::registry::write;
use claimcheck::emit::{EmitOptions, Format};
use claimcheck::registry::{validate, Validation};
use std::path::PathBuf;

/// What `registry check` prints (human format, no color).
fn render_human(v: &Validation) -> String {
    let mut out = Vec::new();
    write(&mut out, v, Format::Human, EmitOptions::default(), true).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn bundled_registry_is_clean() {
    let v = validate(&[PathBuf::from("claims")]);
    insta::assert_snapshot!(render_human(&v));
    assert_eq!(v.exit_code(), 0);
}

/// One snapshot per broken registry (a file, or a folder for errors across files), with the
/// exit code `registry check` gives it.
#[test]
fn broken_registries_are_rejected_with_located_messages() {
    let dir = PathBuf::from("tests/fixtures/registries");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    assert!(entries.len() >= 15, "{entries:?}");
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let v = validate(std::slice::from_ref(&path));
        let shown = format!("{}exit code: {}\n", render_human(&v), v.exit_code());
        insta::assert_snapshot!(name.clone(), shown);
        let expected = if name == "truncated-change" {
            0
        } else if name.ends_with("mismatch")
            || name == "part-exceeds-whole"
            || name == "implied-conflict"
            || name == "cycle"
            || name == "duplicate-id"
        {
            1
        } else {
            2
        };
        assert_eq!(v.exit_code(), expected, "{name}");
    }
}

#[test]
fn load_refuses_an_unreadable_registry_and_names_the_place() {
    let err = claimcheck::registry::Registry::load(&[PathBuf::from(
        "tests/fixtures/registries/unknown-field.yaml",
    )])
    .unwrap_err()
    .to_string();
    assert!(
        err.contains(
            "tests/fixtures/registries/unknown-field.yaml:10:5: facts[0]: unknown field `vaule`"
        ),
        "{err}"
    );
    // A failing relation does not stop articles from being checked against sourced facts.
    let registry = claimcheck::registry::Registry::load(&[PathBuf::from(
        "tests/fixtures/registries/change-mismatch.yaml",
    )])
    .unwrap();
    assert_eq!(registry.facts.len(), 2);
    let bundled = claimcheck::registry::Registry::load(&[PathBuf::from("claims")]).unwrap();
    let may = bundled.fact("cn-magnet-exports-us-2025-05").unwrap();
    let iv = may.interval().unwrap();
    // 353 t after +660% (655% to 665%, as an article reads it): the article's own 46.07 to
    // 46.83 t.
    assert!(
        iv.low > 46.0 && iv.low < 46.1 && iv.high > 46.8 && iv.high < 46.9,
        "{iv}"
    );
}

#[test]
fn github_writer_takes_registry_problems() {
    let v = validate(&[PathBuf::from(
        "tests/fixtures/registries/change-mismatch.yaml",
    )]);
    let mut out = Vec::new();
    write(&mut out, &v, Format::Github, EmitOptions::default(), true).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}
