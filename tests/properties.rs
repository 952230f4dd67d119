//! Property tests over rendered sentences: figures rounded the way a journalist rounds them
//! never raise a finding; a stated change moved clearly outside what the figures allow always
//! does. Also the interval arithmetic the checks rest on, and the arithmetic of each measure
//! (`claimcheck::measure`): a true value never falls outside what it computes.

use claimcheck::analysis::check;
use claimcheck::document::Document;
use claimcheck::interval::Interval;
use claimcheck::measure::Measure;
use claimcheck::span::Span;
use proptest::prelude::*;

fn round_to(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}")
}

/// Renders one sentence stating `cur`, `base` and a change of `pct` percent.
fn render(phrasing: usize, base: &str, cur: &str, pct: f64, pct_decimals: usize) -> String {
    let up = pct >= 0.0;
    let p = round_to(pct.abs(), pct_decimals);
    let (verb, adverb, noun, article) = if up {
        ("rose", "up", "increase", "an")
    } else {
        ("fell", "down", "decrease", "a")
    };
    match phrasing % 6 {
        0 => format!("Net sales {verb} {p} pct to {cur} mln dlrs from {base} mln dlrs."),
        1 => format!("Quarterly profits {verb} {p}% to ${cur}m from ${base}m."),
        2 => format!("Sales were {cur} mln dlrs, {adverb} {p} pct from {base} mln dlrs."),
        3 => format!(
            "Exports reached {cur} tons, {article} {noun} of {p}% compared with {base} tons."
        ),
        4 => format!("China exported {cur} tons in June, a {p}% {noun} from {base} tons in May."),
        _ => format!("Output was {adverb} {p} pct at {cur} tonnes compared to {base} tonnes."),
    }
}

fn findings_for(text: &str) -> Vec<String> {
    let doc = Document::new(
        "t".into(),
        "t.md".into(),
        text.to_string(),
        Span::new(0, text.len()),
    );
    check(doc, None)
        .findings
        .iter()
        .filter(|f| f.rule != "times-more-ambiguity")
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

fn claims_for(text: &str) -> usize {
    let doc = Document::new(
        "t".into(),
        "t.md".into(),
        text.to_string(),
        Span::new(0, text.len()),
    );
    check(doc, None).claims.len()
}

/// Half the step a figure as written is rounded to, by the documented rule (README, "How
/// numbers are read"): the last decimal, or for an integer the last digit that is not a
/// trailing zero beyond the first two significant digits ("10000" is ±500, "353" ±0.5).
fn half_width(written: &str) -> f64 {
    if let Some((_, decimals)) = written.split_once('.') {
        return 0.5 * 10f64.powi(-(decimals.len() as i32));
    }
    let digits = written.trim_start_matches('0');
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    0.5 * 10f64.powi(zeros.min(digits.len().saturating_sub(2)) as i32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn consistent_sentences_raise_nothing(
        base in 10.0f64..50_000.0,
        pct in prop_oneof![-80.0f64..-0.5, 0.5f64..300.0],
        d_base in 0usize..3,
        d_cur in 0usize..3,
        d_pct in 0usize..3,
        phrasing in 0usize..6,
    ) {
        let cur = base * (1.0 + pct / 100.0);
        let text = render(phrasing, &round_to(base, d_base), &round_to(cur, d_cur), pct, d_pct);
        let found = findings_for(&text);
        prop_assert!(found.is_empty(), "{text}\n{found:?}");
        prop_assert!(claims_for(&text) >= 1, "no claim in {text}");
    }

    #[test]
    fn a_clearly_wrong_change_is_flagged(
        base in 10.0f64..50_000.0,
        pct in 1.0f64..300.0,
        wrong_by in 2.0f64..40.0,
        d_base in 0usize..3,
        d_cur in 0usize..3,
        phrasing in 0usize..6,
    ) {
        let cur = base * (1.0 + pct / 100.0);
        let (base_s, cur_s) = (round_to(base, d_base), round_to(cur, d_cur));
        // What the written figures allow, then a stated change well outside it.
        let b = Interval::around(base_s.parse().unwrap(), half_width(&base_s) * 10.0);
        let c = Interval::around(cur_s.parse().unwrap(), half_width(&cur_s) * 10.0);
        let allowed = Measure::Percent.between(&b, &c).unwrap();
        let stated = allowed.high + wrong_by + 1.0;
        let text = render(phrasing, &base_s, &cur_s, stated, 1);
        let found = findings_for(&text);
        prop_assert!(!found.is_empty(), "{text} raised nothing (figures allow {allowed})");
    }

    #[test]
    fn interval_operations_contain_every_point_result(
        a in -1e6f64..1e6, b in -1e6f64..1e6, wa in 0.0f64..100.0, wb in 0.0f64..100.0,
        ta in 0.0f64..=1.0, tb in 0.0f64..=1.0,
    ) {
        let x = Interval::around(a, wa);
        let y = Interval::around(b, wb);
        let (px, py) = (x.low + (x.high - x.low) * ta, y.low + (y.high - y.low) * tb);
        prop_assert!(x.add(&y).contains(px + py));
        prop_assert!(x.sub(&y).contains(px - py));
        prop_assert!(x.mul(&y).contains(px * py));
        if let Some(q) = x.div(&y) {
            prop_assert!(q.contains(px / py));
        }
    }

    #[test]
    fn implied_baselines_contain_the_true_baseline(
        base in 1.0f64..1e6, pct in -99.0f64..1000.0, d in 0usize..3,
    ) {
        let cur = base * (1.0 + pct / 100.0);
        let half = 0.5 * 10f64.powi(-(d as i32));
        let cur_i = Interval::around(round_to(cur, d).parse().unwrap(), half);
        let pct_i = Interval::around(round_to(pct, d).parse().unwrap(), half);
        if let Some(implied) = Measure::Percent.before(&cur_i, &pct_i) {
            prop_assert!(implied.contains(base), "{implied} misses {base}");
        }
    }

    #[test]
    fn every_measure_contains_the_true_change_baseline_and_current(
        a in -1e6f64..1e6, b in -1e6f64..1e6, k in -1e3f64..1e3,
        (wa, wb, wk) in (0.0f64..100.0, 0.0f64..100.0, 0.0f64..10.0),
        (ta, tb, tk) in (0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0),
    ) {
        // Two figures and a change, each an interval with a true value somewhere inside.
        let (x, y, c) = (Interval::around(a, wa), Interval::around(b, wb), Interval::around(k, wk));
        let pick = |iv: &Interval, t: f64| iv.low + (iv.high - iv.low) * t;
        let (px, py, pc) = (pick(&x, ta), pick(&y, tb), pick(&c, tk));
        for m in [Measure::Percent, Measure::Points, Measure::Multiple, Measure::Absolute] {
            // The true change from px to py, the true figure after pc from px, and the
            // true figure before pc that gives py, in the same float operations.
            let (change, after, before) = match m {
                Measure::Percent => {
                    let factor = pc * 0.01 + 1.0;
                    ((py / px - 1.0) * 100.0, px * factor, (factor > 0.0).then(|| py / factor))
                }
                Measure::Multiple => (py / px, px * pc, Some(py / pc)),
                Measure::Points | Measure::Absolute => (py - px, px + pc, Some(py - pc)),
            };
            if let Some(between) = m.between(&x, &y) {
                prop_assert!(between.contains(change), "{m:?}: {between} misses {change}");
            }
            let forward = m.after(&x, &c);
            prop_assert!(forward.contains(after), "{m:?}: {forward} misses {after}");
            if let (Some(backward), Some(before)) = (m.before(&y, &c), before) {
                prop_assert!(backward.contains(before), "{m:?}: {backward} misses {before}");
            }
        }
    }

    #[test]
    fn the_percent_of_an_amount_contains_every_true_one_and_no_more_than_the_corners(
        a in -1e5f64..1e5, v in -1e6f64..1e6,
        (wa, wv) in (0.0f64..100.0, 0.0f64..1000.0),
        (ta, tv) in (0.0f64..=1.0, 0.0f64..=1.0),
    ) {
        // An amount of change and the value it ends at, each true somewhere in its interval.
        let (amount, value) = (Interval::around(a, wa), Interval::around(v, wv));
        let pick = |iv: &Interval, t: f64| iv.low + (iv.high - iv.low) * t;
        let (pa, pv) = (pick(&amount, ta), pick(&value, tv));
        if let Some(p) = claimcheck::measure::percent_of_amount(&amount, &value) {
            let truth = 100.0 * pa / (pv - pa);
            prop_assert!(p.contains(truth), "{p} misses {truth}");
            // Never wider than the reading that takes the value twice.
            let before = Measure::Absolute.before(&value, &amount).unwrap();
            let wide = Measure::Percent.between(&before, &value).unwrap();
            prop_assert!(p.low >= wide.low - 1e-6 * wide.low.abs() && p.high <= wide.high + 1e-6 * wide.high.abs(), "{p} outside {wide}");
        }
    }
}
