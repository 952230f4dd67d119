//! The linking measurement of issue #13 as a ratchet: on the modern-news development set, how
//! many annotated change claims claimcheck links fully right, how many planted errors it
//! catches, whether inconsistent passages are flagged and clean ones left alone; and how many
//! planted errors it catches in Reuters "X pct to A from B" claims (skipped without the
//! corpus). Each figure has a floor: the test fails when one drops below it, and says so when
//! one rises above it, so the floor can be raised. `examples/modern-linking.rs` prints the same
//! table with the misses.
//!
//! ```sh
//! cargo test --test modern_linking -- --nocapture
//! ```

#[allow(dead_code)] // the misses are printed by examples/modern-linking.rs
mod modern;

#[path = "common/skip.rs"]
mod skip;

use modern::figures::Figures;
use modern::planted::{self, Mutation, Target};

/// Floors: the figures of the last linking change (raised with each; the history of this
/// file and `tests/fixtures/modern/README.md` say when).
const LINKED: usize = 514;
const LINKED_WITH_PERIOD: usize = 422;
/// 155 of 175 (153 of 175 when the planting was made stricter, from 155 of 188: copies that
/// are no clear error are no longer planted, a flipped direction with a rebuilt baseline and
/// a bound "more than").
const PLANTED_CAUGHT: usize = 157;
const INCONSISTENT_FLAGGED: usize = 6;
/// A ceiling: clean passages with an error or warning finding (the goal is none).
const FALSE_FINDINGS: usize = 0;
/// The held-out set (`tests/fixtures/modern-heldout/`), a guard against regressions since it
/// was read: 117, 75 and 9 of 48 when first measured, before any work looked at it.
const HELDOUT_LINKED: usize = 151;
const HELDOUT_LINKED_WITH_PERIOD: usize = 97;
const HELDOUT_PLANTED_CAUGHT: usize = 20;
const HELDOUT_INCONSISTENT_FLAGGED: usize = 2;
/// The second held-out set (`tests/fixtures/modern-heldout-2/`), a guard since its misses
/// were read (third session of 2026-12-06): 86, 54 and 49 of 137 when first measured.
const HELDOUT2_LINKED: usize = 129;
const HELDOUT2_LINKED_WITH_PERIOD: usize = 88;
const HELDOUT2_PLANTED_CAUGHT: usize = 74;
const HELDOUT2_INCONSISTENT_FLAGGED: usize = 0;
/// The third held-out set (`tests/fixtures/modern-heldout-3/`), a guard since its misses were
/// read (sixth session of 2026-12-06): 92, 62 and 32 of 80 when first measured.
const HELDOUT3_LINKED: usize = 122;
const HELDOUT3_LINKED_WITH_PERIOD: usize = 83;
const HELDOUT3_PLANTED_CAUGHT: usize = 50;
const HELDOUT3_INCONSISTENT_FLAGGED: usize = 1;
/// The fourth held-out set (`tests/fixtures/modern-heldout-4/`), a guard since its misses were
/// read (seventh session of 2026-12-06): 68, 37 and 24 of 85, with one false finding, when
/// first measured.
const HELDOUT4_LINKED: usize = 83;
const HELDOUT4_LINKED_WITH_PERIOD: usize = 46;
const HELDOUT4_PLANTED_CAUGHT: usize = 43;
const HELDOUT4_INCONSISTENT_FLAGGED: usize = 0;
/// The fifth held-out set (`tests/fixtures/modern-heldout-5/`), a guard since its misses were
/// read (eighth session of 2026-12-06): 104, 78 and 14 of 75, with one false finding, when
/// first measured.
const HELDOUT5_LINKED: usize = 128;
const HELDOUT5_LINKED_WITH_PERIOD: usize = 100;
const HELDOUT5_PLANTED_CAUGHT: usize = 47;
const HELDOUT5_INCONSISTENT_FLAGGED: usize = 1;
/// The sixth held-out set (`tests/fixtures/modern-heldout-6/`), a guard since its misses were
/// read (ninth session of 2026-12-06): 100, 59 and 26 of 72 when first measured.
const HELDOUT6_LINKED: usize = 115;
const HELDOUT6_LINKED_WITH_PERIOD: usize = 71;
const HELDOUT6_PLANTED_CAUGHT: usize = 40;
const HELDOUT6_INCONSISTENT_FLAGGED: usize = 2;
/// The seventh held-out set (`tests/fixtures/modern-heldout-7/`): 92, 66 and 52 of 97, with one
/// false finding (read and fixed), when first measured; read in the tenth session of
/// 2026-12-06, once the eighth set stood in for it.
const HELDOUT7_LINKED: usize = 103;
const HELDOUT7_LINKED_WITH_PERIOD: usize = 76;
const HELDOUT7_PLANTED_CAUGHT: usize = 57;
const HELDOUT7_INCONSISTENT_FLAGGED: usize = 3;
/// The eighth held-out set (`tests/fixtures/modern-heldout-8/`): 129, 91 and 91 of 177, no
/// false finding, when first measured; read in the eleventh session of 2026-12-07, once the
/// ninth set stood in for it.
const HELDOUT8_LINKED: usize = 158;
const HELDOUT8_LINKED_WITH_PERIOD: usize = 104;
const HELDOUT8_PLANTED_CAUGHT: usize = 121;
const HELDOUT8_INCONSISTENT_FLAGGED: usize = 4;
/// The ninth held-out set (`tests/fixtures/modern-heldout-9/`): 136, 94 and 62 of 152, no
/// false finding, when first measured; read in the twelfth session of 2026-12-07, once the
/// tenth set stood in for it.
const HELDOUT9_LINKED: usize = 153;
const HELDOUT9_LINKED_WITH_PERIOD: usize = 110;
const HELDOUT9_PLANTED_CAUGHT: usize = 84;
const HELDOUT9_INCONSISTENT_FLAGGED: usize = 2;
/// The tenth held-out set (`tests/fixtures/modern-heldout-10/`): 133, 86 and 44 of 136, with
/// one false finding, when first measured (twelfth session of 2026-12-07); the false finding
/// read and fixed (a table set apart by spaces whose header names the earlier year first); its
/// misses read in the thirteenth session, once the eleventh set stood in for it.
const HELDOUT10_LINKED: usize = 158;
const HELDOUT10_LINKED_WITH_PERIOD: usize = 104;
const HELDOUT10_PLANTED_CAUGHT: usize = 71;
const HELDOUT10_INCONSISTENT_FLAGGED: usize = 3;
/// The eleventh held-out set (`tests/fixtures/modern-heldout-11/`): 134, 102 and 57 of 131, 3
/// of 8 inconsistent passages flagged, no false finding, when first measured (thirteenth
/// session of 2026-12-07, at main's 68b2f97); its misses read in the fourteenth session, once
/// the twelfth set stood in for it.
const HELDOUT11_LINKED: usize = 146;
const HELDOUT11_LINKED_WITH_PERIOD: usize = 113;
const HELDOUT11_PLANTED_CAUGHT: usize = 66;
const HELDOUT11_INCONSISTENT_FLAGGED: usize = 3;
/// The twelfth held-out set (`tests/fixtures/modern-heldout-12/`), not tuned on: 156, 114 and
/// 46 of 117, 1 of 7 inconsistent passages flagged, when first measured (fourteenth session of
/// 2026-12-07, at main's c5a8d42 with the four-digit count after "to"); its one false finding
/// (a unit defined in parentheses, "million tonne (MT)") read and fixed at once.
const HELDOUT12_LINKED: usize = 164;
const HELDOUT12_LINKED_WITH_PERIOD: usize = 123;
const HELDOUT12_PLANTED_CAUGHT: usize = 50;
const HELDOUT12_INCONSISTENT_FLAGGED: usize = 1;
/// The thirteenth held-out set (`tests/fixtures/modern-heldout-13/`): 139, 99 and 48 of 133,
/// 1 of 8 inconsistent passages flagged, when first measured (fifteenth session of 2026-12-07,
/// at main's 8837e48 with the session's first change); its one false finding (a percent
/// printed without its sign, "7.815 higher than ... $25.56 billion") read and fixed at once.
/// Its misses were read in the sixteenth session, once the fourteenth set stood in for it.
const HELDOUT13_LINKED: usize = 157;
const HELDOUT13_LINKED_WITH_PERIOD: usize = 115;
const HELDOUT13_PLANTED_CAUGHT: usize = 60;
const HELDOUT13_INCONSISTENT_FLAGGED: usize = 1;
/// The fourteenth held-out set (`tests/fixtures/modern-heldout-14/`), not tuned on: 121, 88
/// and 47 of 143, 1 of 11 inconsistent passages flagged, when first measured (sixteenth
/// session, at main's e7e5446 and 5c384ee); its two false findings (a percent "compared to"
/// an earlier period taken for a share, a seasonally adjusted change given the unadjusted
/// figures) read and fixed at once: 122 and 89.
const HELDOUT14_LINKED: usize = 128;
const HELDOUT14_LINKED_WITH_PERIOD: usize = 93;
const HELDOUT14_PLANTED_CAUGHT: usize = 47;
const HELDOUT14_INCONSISTENT_FLAGGED: usize = 2;
/// The fifteenth held-out set (`tests/fixtures/modern-heldout-15/`), not tuned on: 171, 106
/// and 106 of 158, 3 of 10 inconsistent passages flagged, when first measured (seventeenth
/// session, at main's 5caefc5); its one false finding (a table row of three medians and two
/// changes read as value, baseline and change) read and fixed at once: 172 and 106, and 73 of
/// 158 caught (36 catches had come from the false links).
const HELDOUT15_LINKED: usize = 186;
const HELDOUT15_LINKED_WITH_PERIOD: usize = 115;
const HELDOUT15_PLANTED_CAUGHT: usize = 82;
const HELDOUT15_INCONSISTENT_FLAGGED: usize = 3;
/// The sixteenth held-out set (`tests/fixtures/modern-heldout-16/`), not tuned on: 149, 101
/// and 40 of 85, 1 of 5 inconsistent passages flagged and no false finding, when first
/// measured (eighteenth session, at main's 2459289); its misses read in the nineteenth.
const HELDOUT16_LINKED: usize = 159;
const HELDOUT16_LINKED_WITH_PERIOD: usize = 103;
const HELDOUT16_PLANTED_CAUGHT: usize = 44;
const HELDOUT16_INCONSISTENT_FLAGGED: usize = 2;
/// The seventeenth held-out set (`tests/fixtures/modern-heldout-17/`), not tuned on: 161, 110
/// and 87 of 131, 1 of 5 inconsistent passages flagged, when first measured (nineteenth
/// session, at main's 5d80111); its false error (a change given the figures of one club two
/// sentences on) read and fixed at once, and one verdict re-judged (a "doubled" for x2.19 is
/// warned of): 162 and 110, 1 of 6; its misses read in the twentieth session.
const HELDOUT17_LINKED: usize = 171;
const HELDOUT17_LINKED_WITH_PERIOD: usize = 121;
const HELDOUT17_PLANTED_CAUGHT: usize = 95;
const HELDOUT17_INCONSISTENT_FLAGGED: usize = 1;
/// The eighteenth held-out set (`tests/fixtures/modern-heldout-18/`), not tuned on: 190, 124
/// and 44 of 63, 3 of 9 inconsistent passages flagged, when first measured (twentieth session,
/// at main's 7d884c2); its false error (a quarter's change given at an annual rate) read and
/// fixed at once, no figure moved.
const HELDOUT18_LINKED: usize = 191;
const HELDOUT18_LINKED_WITH_PERIOD: usize = 125;
const HELDOUT18_PLANTED_CAUGHT: usize = 44;
const HELDOUT18_INCONSISTENT_FLAGGED: usize = 3;
const REUTERS_CAUGHT: usize = 993;
/// A ceiling: consistent Reuters claims flagged with an error as published.
const REUTERS_FLAGGED: usize = 0;

/// Compares figures with their floors (`at_least`) or ceilings; returns the failures and
/// prints a hint for each figure that has moved the good way.
fn ratchet(rows: &[(&str, usize, usize, bool)]) -> Vec<String> {
    let mut failures = Vec::new();
    for &(name, now, bound, at_least) in rows {
        let worse = if at_least { now < bound } else { now > bound };
        let better = if at_least { now > bound } else { now < bound };
        if worse {
            failures.push(format!("{name}: {now}, was {bound}"));
        } else if better {
            println!("{name} is now {now} (recorded {bound}): raise the floor in this file");
        }
    }
    failures
}

#[test]
fn modern_linking_holds_its_floors() {
    let passages = modern::load();
    let score = modern::linking::measure(&passages);
    let targets = planted::modern_targets(&passages);
    let planting = planted::plant_all(&targets);
    println!("{}\n", modern::linking_table(&score));
    println!(
        "{} consistent claims with a stated change and value",
        targets.len()
    );
    println!("{}\n", modern::planting_table(&planting));
    let failures = ratchet(&[
        ("linked fully right", score.linked, LINKED, true),
        (
            "linked with period",
            score.linked_with_period,
            LINKED_WITH_PERIOD,
            true,
        ),
        (
            "planted errors caught",
            planting.total().caught,
            PLANTED_CAUGHT,
            true,
        ),
        (
            "inconsistent passages flagged",
            score.inconsistent_flagged,
            INCONSISTENT_FLAGGED,
            true,
        ),
        (
            "clean passages with findings",
            score.false_findings.len(),
            FALSE_FINDINGS,
            false,
        ),
    ]);
    assert!(failures.is_empty(), "linking got worse: {failures:#?}");
}

/// Holds the floors of a held-out set in `tests/fixtures/NAME`: (linked, with the period,
/// planted errors caught), and no finding on a clean passage.
fn heldout_holds(name: &str, (linked, with_period, caught): (usize, usize, usize), flagged: usize) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let passages = modern::load_from(&dir);
    let score = modern::linking::measure(&passages);
    let planting = planted::plant_all(&planted::modern_targets(&passages));
    println!("{name}\n{}\n", modern::linking_table(&score));
    let failures = ratchet(&[
        ("linked fully right", score.linked, linked, true),
        (
            "linked with period",
            score.linked_with_period,
            with_period,
            true,
        ),
        (
            "planted errors caught",
            planting.total().caught,
            caught,
            true,
        ),
        (
            "inconsistent passages flagged",
            score.inconsistent_flagged,
            flagged,
            true,
        ),
        (
            "clean passages with findings",
            score.false_findings.len(),
            FALSE_FINDINGS,
            false,
        ),
    ]);
    assert!(
        failures.is_empty(),
        "{name}: linking got worse: {failures:#?}"
    );
}

#[test]
fn heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout",
        (
            HELDOUT_LINKED,
            HELDOUT_LINKED_WITH_PERIOD,
            HELDOUT_PLANTED_CAUGHT,
        ),
        HELDOUT_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn second_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-2",
        (
            HELDOUT2_LINKED,
            HELDOUT2_LINKED_WITH_PERIOD,
            HELDOUT2_PLANTED_CAUGHT,
        ),
        HELDOUT2_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn third_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-3",
        (
            HELDOUT3_LINKED,
            HELDOUT3_LINKED_WITH_PERIOD,
            HELDOUT3_PLANTED_CAUGHT,
        ),
        HELDOUT3_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn fourth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-4",
        (
            HELDOUT4_LINKED,
            HELDOUT4_LINKED_WITH_PERIOD,
            HELDOUT4_PLANTED_CAUGHT,
        ),
        HELDOUT4_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn fifth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-5",
        (
            HELDOUT5_LINKED,
            HELDOUT5_LINKED_WITH_PERIOD,
            HELDOUT5_PLANTED_CAUGHT,
        ),
        HELDOUT5_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn sixth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-6",
        (
            HELDOUT6_LINKED,
            HELDOUT6_LINKED_WITH_PERIOD,
            HELDOUT6_PLANTED_CAUGHT,
        ),
        HELDOUT6_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn seventh_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-7",
        (
            HELDOUT7_LINKED,
            HELDOUT7_LINKED_WITH_PERIOD,
            HELDOUT7_PLANTED_CAUGHT,
        ),
        HELDOUT7_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn eighth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-8",
        (
            HELDOUT8_LINKED,
            HELDOUT8_LINKED_WITH_PERIOD,
            HELDOUT8_PLANTED_CAUGHT,
        ),
        HELDOUT8_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn ninth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-9",
        (
            HELDOUT9_LINKED,
            HELDOUT9_LINKED_WITH_PERIOD,
            HELDOUT9_PLANTED_CAUGHT,
        ),
        HELDOUT9_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn tenth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-10",
        (
            HELDOUT10_LINKED,
            HELDOUT10_LINKED_WITH_PERIOD,
            HELDOUT10_PLANTED_CAUGHT,
        ),
        HELDOUT10_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn eleventh_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-11",
        (
            HELDOUT11_LINKED,
            HELDOUT11_LINKED_WITH_PERIOD,
            HELDOUT11_PLANTED_CAUGHT,
        ),
        HELDOUT11_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn twelfth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-12",
        (
            HELDOUT12_LINKED,
            HELDOUT12_LINKED_WITH_PERIOD,
            HELDOUT12_PLANTED_CAUGHT,
        ),
        HELDOUT12_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn thirteenth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-13",
        (
            HELDOUT13_LINKED,
            HELDOUT13_LINKED_WITH_PERIOD,
            HELDOUT13_PLANTED_CAUGHT,
        ),
        HELDOUT13_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn fourteenth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-14",
        (
            HELDOUT14_LINKED,
            HELDOUT14_LINKED_WITH_PERIOD,
            HELDOUT14_PLANTED_CAUGHT,
        ),
        HELDOUT14_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn fifteenth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-15",
        (
            HELDOUT15_LINKED,
            HELDOUT15_LINKED_WITH_PERIOD,
            HELDOUT15_PLANTED_CAUGHT,
        ),
        HELDOUT15_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn sixteenth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-16",
        (
            HELDOUT16_LINKED,
            HELDOUT16_LINKED_WITH_PERIOD,
            HELDOUT16_PLANTED_CAUGHT,
        ),
        HELDOUT16_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn seventeenth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-17",
        (
            HELDOUT17_LINKED,
            HELDOUT17_LINKED_WITH_PERIOD,
            HELDOUT17_PLANTED_CAUGHT,
        ),
        HELDOUT17_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn eighteenth_heldout_linking_holds_its_floors() {
    heldout_holds(
        "modern-heldout-18",
        (
            HELDOUT18_LINKED,
            HELDOUT18_LINKED_WITH_PERIOD,
            HELDOUT18_PLANTED_CAUGHT,
        ),
        HELDOUT18_INCONSISTENT_FLAGGED,
    );
}

#[test]
fn reuters_planted_errors_hold_their_floor() {
    let path = modern::reuters::corpus();
    if !path.exists() {
        skip::skipped(
            "reuters_planted_errors_hold_their_floor",
            &format!("{} not found", path.display()),
        );
        return;
    }
    let (stories, found) = modern::reuters::find(&path).expect("readable corpus");
    let forms = modern::reuters::measure(&stories, &found);
    println!("{}\n", modern::reuters::table(&forms));
    let caught = forms.values().map(|e| e.planting.total().caught).sum();
    let flagged = forms.values().map(|e| e.flagged_as_published.len()).sum();
    let failures = ratchet(&[
        (
            "Reuters planted errors caught",
            caught,
            REUTERS_CAUGHT,
            true,
        ),
        (
            "Reuters consistent claims flagged",
            flagged,
            REUTERS_FLAGGED,
            false,
        ),
    ]);
    assert!(failures.is_empty(), "Reuters planted errors: {failures:#?}");
}

fn target<'a>(
    text: &'a str,
    quote: &'a str,
    change: &'a str,
    value: &'a str,
    baseline: &'a str,
) -> Target<'a> {
    let start = text.find(quote).unwrap();
    Target {
        id: "t",
        date: None,
        text,
        start,
        quote,
        change,
        value,
        baseline: Some(baseline),
        value_at: planted::whole_at(quote, value, false).map(|i| start + i),
        baseline_at: planted::whole_at(quote, baseline, true).map(|i| start + i),
    }
}

#[test]
fn planted_errors_are_wrong_under_rounding() {
    let text = "Net profit rose 8.57% to Rs1,054.87 crore from Rs971.62 crore.";
    let quote = "rose 8.57% to Rs1,054.87 crore from Rs971.62 crore";
    let t = target(text, quote, "+8.57%", "Rs1,054.87 crore", "Rs971.62 crore");
    let planted = |m: Mutation| t.plant(m).map(|p| p.text[p.start..p.end].to_string());
    assert_eq!(
        planted(Mutation::Percent).as_deref(),
        Some("rose 9.57% to Rs1,054.87 crore from Rs971.62 crore")
    );
    assert_eq!(
        planted(Mutation::Direction).as_deref(),
        Some("fell 8.57% to Rs1,054.87 crore from Rs971.62 crore")
    );
    // 971.63 or 971.72 stay within a few hundredths of 8.57%; 972.62 gives 8.46%.
    assert_eq!(
        planted(Mutation::BaselineDigit).as_deref(),
        Some("rose 8.57% to Rs1,054.87 crore from Rs972.62 crore")
    );
    assert_eq!(
        planted(Mutation::Scale).as_deref(),
        Some("rose 8.57% to Rs1,054.87 lakh from Rs971.62 crore")
    );
}

#[test]
fn a_scale_slip_is_not_planted_where_the_baseline_borrows_the_scale() {
    let text = "Sales rose 7.3 pct to 45.6 mln dlrs from 42.5.";
    let t = target(
        text,
        "rose 7.3 pct to 45.6 mln dlrs from 42.5",
        "+7.3%",
        "45.6 mln",
        "42.5",
    );
    assert!(t.plant(Mutation::Scale).is_none());
    assert!(t.plant(Mutation::Percent).is_some());
}

#[test]
fn figures_agree_under_rounding() {
    let read = |c, v, b| Figures::read(c, v, b).unwrap().consistent();
    assert!(read("+8.57%", "Rs1,054.87 crore", Some("Rs971.62 crore")));
    assert!(!read("-45.7%", "Rs 47 crore", Some("Rs 108 crore")));
    assert!(read("+$13.40 and +0.8%", "$1,780.20", None));
    assert!(read("+7.3%", "45.6 mln", Some("42.5")));
    assert!(!read("+7.3%", "8.21 billion", Some("11.34 mln")));
    assert!(Figures::read("x2.7 (multiple)", "5", Some("2")).is_none());
}
