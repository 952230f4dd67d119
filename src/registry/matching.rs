//! Attaching registry facts to article claims, favouring precision: a fact attaches only
//! where its patterns, period and unit all fit, and an ambiguous figure gets no verdict.

use super::{mismatch, ChangeRelation, Fact, Registry, Relation, RelationKind};
use crate::claim::{Change, Claim, Figure, RegistryMatch, RegistryVerdicts, Verdict};
use crate::document::Document;
use crate::finding::Finding;
use crate::span::Span;

/// What the registry says about one figure of one claim.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Match {
    claim: usize,
    figure: &'static str,
    fact: usize,
    verdict: Verdict,
    sentence: Span,
}

/// The facts that could be about `figure` in `sentence`: same period, same unit, every
/// `match` pattern present. The flag says whether an `exclude` pattern rules the fact out.
fn candidates<'r>(
    registry: &'r Registry,
    figure: &Figure,
    sentence: &str,
) -> Vec<(usize, &'r Fact, bool)> {
    let (Some(period), Some(unit)) = (figure.period, figure.unit) else {
        return Vec::new();
    };
    registry
        .facts_for(period, unit)
        .iter()
        .map(|&i| (i, &registry.facts[i]))
        .filter(|(_, f)| f.interval().is_some())
        .filter(|(_, f)| f.patterns.iter().all(|re| re.is_match(sentence)))
        .map(|(i, f)| (i, f, f.exclude.iter().any(|re| re.is_match(sentence))))
        .collect()
}

/// The verdict for one figure, or `None` when no fact applies unambiguously.
fn judge(registry: &Registry, figure: &Figure, sentence: &str) -> Option<(usize, Verdict)> {
    let found = candidates(registry, figure, sentence);
    let agrees = |f: &Fact| f.interval().is_some_and(|iv| iv.overlaps(&figure.interval));
    if let Some(&(i, _, _)) = found.iter().find(|(_, f, excluded)| !excluded && agrees(f)) {
        return Some((i, Verdict::Confirmed));
    }
    // The figure is another fact the sentence mentions, though excluded here: not ours.
    if found.iter().any(|(_, f, _)| agrees(f)) {
        return None;
    }
    match found
        .iter()
        .filter(|(_, _, excluded)| !excluded)
        .collect::<Vec<_>>()[..]
    {
        [&(i, _, _)] => Some((i, Verdict::Contradicted)),
        _ => None,
    }
}

/// The registry's verdict on the stated change of one claim.
struct ChangeMatch<'r> {
    claim: usize,
    relation: (&'r Relation, &'r ChangeRelation),
    verdict: Verdict,
}

/// Sets each matched claim's `registry` verdicts; returns a `registry-mismatch` finding per
/// contradicted figure or change.
pub fn annotate(registry: &Registry, doc: &Document, claims: &mut [Claim]) -> Vec<Finding> {
    if registry.facts.is_empty() {
        return Vec::new();
    }
    let matches = figure_matches(registry, doc, claims);
    let changes = change_matches(registry, claims, &matches);
    let findings = findings(registry, doc, claims, &matches, &changes);
    for (c, claim) in claims.iter_mut().enumerate() {
        claim.registry = verdicts(registry, c, &matches, &changes).map(Box::new);
    }
    findings
}

/// The verdict of each value and baseline that a fact applies to unambiguously.
fn figure_matches(registry: &Registry, doc: &Document, claims: &[Claim]) -> Vec<Match> {
    let mut matches = Vec::new();
    for (c, claim) in claims.iter().enumerate() {
        // A period assumed from the article's date is not one a fact can be matched on.
        if claim.period_assumed {
            continue;
        }
        let sentence = claim.sentence.slice(&doc.text);
        for (name, figure) in [("value", &claim.value), ("baseline", &claim.baseline)] {
            let Some(figure) = figure else { continue };
            if let Some((fact, verdict)) = judge(registry, figure, sentence) {
                matches.push(Match {
                    claim: c,
                    figure: name,
                    fact,
                    verdict,
                    sentence: claim.sentence,
                });
            }
        }
    }
    // A fact that one figure of a sentence confirms is that figure's; it does not
    // contradict the sentence's other figures ("3188 tons to the world, 353 to the US").
    let confirmed: Vec<(Span, usize)> = matches
        .iter()
        .filter(|m| m.verdict == Verdict::Confirmed)
        .map(|m| (m.sentence, m.fact))
        .collect();
    matches
        .retain(|m| m.verdict == Verdict::Confirmed || !confirmed.contains(&(m.sentence, m.fact)));
    matches
}

/// The match of figure `figure` ("value", "baseline") of claim `c`.
fn match_of<'m>(matches: &'m [Match], c: usize, figure: &str) -> Option<&'m Match> {
    matches.iter().find(|m| m.claim == c && m.figure == figure)
}

/// The verdict on each stated change whose value and baseline both have their fact.
fn change_matches<'r>(
    registry: &'r Registry,
    claims: &[Claim],
    matches: &[Match],
) -> Vec<ChangeMatch<'r>> {
    claims
        .iter()
        .enumerate()
        .filter_map(|(c, claim)| {
            let change = claim.change.as_ref()?;
            let value = match_of(matches, c, "value")?.fact;
            let baseline = match_of(matches, c, "baseline")?.fact;
            let (relation, verdict) = judge_change(registry, change, baseline, value)?;
            Some(ChangeMatch {
                claim: c,
                relation,
                verdict,
            })
        })
        .collect()
}

/// A finding per contradicted figure and change. A baseline that the claim's own change
/// implies and that change, both contradicted, are one error: the finding quotes the
/// change the article wrote.
fn findings(
    registry: &Registry,
    doc: &Document,
    claims: &[Claim],
    matches: &[Match],
    changes: &[ChangeMatch],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for m in changes
        .iter()
        .filter(|m| m.verdict == Verdict::Contradicted)
    {
        let claim = &claims[m.claim];
        if let Some(change) = &claim.change {
            findings.push(mismatch::change_finding(
                registry, doc, claim, change, m.relation,
            ));
        }
    }
    let change_contradicted = |c: usize| {
        changes
            .iter()
            .any(|m| m.claim == c && m.verdict == Verdict::Contradicted)
    };
    for m in matches
        .iter()
        .filter(|m| m.verdict == Verdict::Contradicted)
    {
        let claim = &claims[m.claim];
        let figure = match m.figure {
            "value" => claim.value.as_ref(),
            _ => claim.baseline.as_ref(),
        };
        let Some(figure) = figure else { continue };
        if figure.implied && change_contradicted(m.claim) {
            continue;
        }
        findings.push(mismatch::finding(
            registry,
            doc,
            claim,
            figure,
            &registry.facts[m.fact],
        ));
    }
    findings
}

/// Claim `c`'s verdicts: the claim-level one, as it always was (a contradiction first,
/// then the value before the baseline), and each figure's own.
fn verdicts(
    registry: &Registry,
    c: usize,
    matches: &[Match],
    changes: &[ChangeMatch],
) -> Option<RegistryVerdicts> {
    let verdict = |fact: usize, verdict, figure| RegistryMatch {
        fact: registry.facts[fact].id.clone(),
        verdict,
        figure,
    };
    let of = |figure| match_of(matches, c, figure).map(|m| verdict(m.fact, m.verdict, None));
    let best = matches
        .iter()
        .filter(|m| m.claim == c)
        .min_by_key(|m| (m.verdict == Verdict::Confirmed, m.figure != "value"))?;
    Some(RegistryVerdicts {
        claim: verdict(best.fact, best.verdict, Some(best.figure)),
        value: of("value"),
        baseline: of("baseline"),
        // A change relation leads to the value's fact.
        change: changes
            .iter()
            .find(|m| m.claim == c)
            .map(|m| verdict(m.relation.1.to, m.verdict, None)),
    })
}

/// The verdict of the registry's change relations from `baseline` to `value` (fact
/// indices) on a claim's `change`, in the same measure: confirmed when any reading of the
/// change (rounded or truncated) meets any reading of one relation's, else contradicted by
/// the first. `None` when no relation states that change.
fn judge_change<'r>(
    registry: &'r Registry,
    change: &Change,
    baseline: usize,
    value: usize,
) -> Option<((&'r Relation, &'r ChangeRelation), Verdict)> {
    let stated = change.interval.hull(&change.truncated);
    let mut first = None;
    for relation in &registry.relations {
        let RelationKind::Change(c) = &relation.kind else {
            continue;
        };
        if (c.from, c.to, c.measure) != (baseline, value, change.measure) {
            continue;
        }
        if stated.overlaps(&c.any_reading()) {
            return Some(((relation, c), Verdict::Confirmed));
        }
        first = first.or(Some(((relation, c), Verdict::Contradicted)));
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{ClaimKind, Figure};
    use crate::interval::Interval;
    use crate::period::Period;
    use crate::registry::validate_texts;

    fn registry() -> Registry {
        let files = [
            (
                "claims/rare-earth-magnets.yaml",
                include_str!("../../claims/rare-earth-magnets.yaml"),
            ),
            (
                "claims/china-farm-trade-1987-01.yaml",
                include_str!("../../claims/china-farm-trade-1987-01.yaml"),
            ),
        ]
        .map(|(p, t)| (p.to_string(), t.to_string()));
        let v = validate_texts(&files);
        assert_eq!(v.exit_code(), 0, "{:?}", v.problems);
        v.registry
    }

    /// A written figure: `needle` in `text`, read as `value` ± half its last digit.
    fn stated(
        text: &str,
        needle: &str,
        value: f64,
        half: f64,
        unit: &'static str,
        period: &str,
    ) -> Figure {
        let start = text.find(needle).expect(needle);
        Figure {
            stated: Some(Span::new(start, start + needle.len())),
            interval: Interval::around(value, half),
            unit: Some(unit),
            period: Some(period.parse::<Period>().unwrap()),
            implied: false,
            mention: None,
        }
    }

    fn implied(low: f64, high: f64, unit: &'static str, period: &str) -> Figure {
        Figure {
            stated: None,
            interval: Interval::new(low, high),
            unit: Some(unit),
            period: Some(period.parse::<Period>().unwrap()),
            implied: true,
            mention: None,
        }
    }

    /// One claim over the whole text (one sentence).
    fn check(text: &str, value: Figure, baseline: Option<Figure>) -> (Claim, Vec<Finding>) {
        let doc = Document::new(
            "t".into(),
            "t.txt".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        let mut claims = vec![Claim {
            id: 1,
            kind: ClaimKind::Value,
            span: value.stated.unwrap_or_default(),
            sentence: Span::new(0, text.len()),
            subject: String::new(),
            value: Some(value),
            change: None,
            baseline,
            period: None,
            period_assumed: false,
            registry: None,
        }];
        let findings = registry().annotate(&doc, &mut claims);
        (claims.remove(0), findings)
    }

    fn verdict(claim: &Claim) -> Option<(&str, Verdict, &str)> {
        claim
            .registry
            .as_ref()
            .map(|v| &v.claim)
            .map(|m| (m.fact.as_str(), m.verdict, m.figure.unwrap_or("")))
    }

    const SEED_US: &str = "The report, citing data released by the General Administration of Customs on July 20th, states that as the world’s largest producer of rare earth magnets, China’s export volume to the US in June soared to 353 tons, an increase of 660% compared to May.";
    const SEED_WORLD: &str = "Overall, China exported 3188 tons of rare earth magnets to the world in June, marking a 157.5% increase from 1238 tons in May, but still down 38.1% compared to the same period in 2024.";

    #[test]
    fn confirms_the_us_figure_despite_the_word_world_in_its_sentence() {
        let value = stated(SEED_US, "353 tons", 353.0, 0.5, "t", "2025-06");
        let (claim, findings) = check(SEED_US, value, Some(implied(46.35, 46.55, "t", "2025-05")));
        assert_eq!(
            verdict(&claim),
            Some(("cn-magnet-exports-us-2025-06", Verdict::Confirmed, "value"))
        );
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn confirms_world_figures_and_a_stated_baseline() {
        let value = stated(SEED_WORLD, "3188 tons", 3188.0, 0.5, "t", "2025-06");
        let baseline = stated(SEED_WORLD, "1238 tons", 1238.0, 0.5, "t", "2025-05");
        let (claim, findings) = check(SEED_WORLD, value, Some(baseline));
        assert_eq!(
            verdict(&claim),
            Some((
                "cn-magnet-exports-world-2025-06",
                Verdict::Confirmed,
                "value"
            ))
        );
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn confirms_the_year_earlier_figure_the_registry_implies() {
        let text = "In the first half of 2025, China’s total export of rare earth magnets was 22,319 tons, a year-on-year decrease of 18.9%.";
        let value = stated(text, "22,319 tons", 22319.0, 0.5, "t", "2025-H1");
        let (claim, findings) = check(
            text,
            value,
            Some(implied(27_510.0, 27_530.0, "t", "2024-H1")),
        );
        assert_eq!(
            verdict(&claim),
            Some((
                "cn-magnet-exports-world-2025-h1",
                Verdict::Confirmed,
                "value"
            ))
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn flags_a_wrong_value_quoting_fact_value_and_source() {
        let text = SEED_US.replace("353 tons", "335 tons");
        let value = stated(&text, "335 tons", 335.0, 0.5, "t", "2025-06");
        let (claim, findings) = check(&text, value, None);
        assert_eq!(
            verdict(&claim),
            Some((
                "cn-magnet-exports-us-2025-06",
                Verdict::Contradicted,
                "value"
            ))
        );
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(
            (f.rule, f.severity),
            ("registry-mismatch", crate::finding::Severity::Error)
        );
        assert_eq!(f.span.slice(&text), "335 tons");
        assert!(
            f.message
                .contains("`cn-magnet-exports-us-2025-06` is 353 t"),
            "{}",
            f.message
        );
        assert!(
            f.message.contains("General Administration of Customs"),
            "{}",
            f.message
        );
        assert!(
            f.notes.iter().any(|n| n.contains("published 2025-07-20")),
            "{:?}",
            f.notes
        );
    }

    #[test]
    fn a_near_miss_is_a_warning() {
        let text = SEED_WORLD.replace("3188 tons", "3190 tons");
        let value = stated(&text, "3190 tons", 3190.0, 0.5, "t", "2025-06");
        let (_, findings) = check(&text, value, None);
        assert_eq!(findings[0].severity, crate::finding::Severity::Warning);
    }

    #[test]
    fn flags_an_implied_baseline_that_contradicts_the_registry() {
        // "+600% from May" would put May at 50.4 t; the registry implies 46.4 t.
        let value = stated(SEED_US, "353 tons", 353.0, 0.5, "t", "2025-06");
        let (claim, findings) = check(SEED_US, value, Some(implied(50.36, 50.51, "t", "2025-05")));
        assert_eq!(
            verdict(&claim),
            Some((
                "cn-magnet-exports-us-2025-05",
                Verdict::Contradicted,
                "baseline"
            ))
        );
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.contains("this implies for 2025-05"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn does_not_attach_export_facts_to_imports() {
        let text = "China imported 353 tons of rare earth magnets from the US in June.";
        let (claim, findings) = check(
            text,
            stated(text, "353 tons", 353.0, 0.5, "t", "2025-06"),
            None,
        );
        assert_eq!(claim.registry, None);
        assert!(findings.is_empty());
        let text = "Exports of wool rose 117.6 pct to 10,248 tonnes in January.";
        let (claim, _) = check(
            text,
            stated(text, "10,248 tonnes", 10248.0, 0.5, "t", "1987-01"),
            None,
        );
        assert_eq!(claim.registry, None);
    }

    #[test]
    fn keeps_imports_and_exports_of_one_story_apart() {
        let text = "Imports of wool rose 117.6 pct to 10,248 tonnes over the same period, the figures show.";
        let value = stated(text, "10,248 tonnes", 10248.0, 0.5, "t", "1987-01");
        let (claim, _) = check(text, value, Some(implied(4708.0, 4711.0, "t", "1986-01")));
        assert_eq!(
            verdict(&claim),
            Some(("cn-wool-imports-1987-01", Verdict::Confirmed, "value"))
        );
        let text = "China's grain exports in January totaled 386,157 tonnes, down 22.1 pct from January 1986, customs figures show.";
        let value = stated(text, "386,157 tonnes", 386157.0, 0.5, "t", "1987-01");
        let (claim, findings) = check(
            text,
            value,
            Some(implied(495_390.0, 496_030.0, "t", "1986-01")),
        );
        assert_eq!(
            verdict(&claim),
            Some(("cn-grain-exports-1987-01", Verdict::Confirmed, "value"))
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn does_not_attach_across_periods_units_or_unknown_periods() {
        let value = stated(SEED_US, "353 tons", 353.0, 0.5, "t", "2025-07");
        assert_eq!(check(SEED_US, value, None).0.registry, None);
        let mut value = stated(SEED_US, "353 tons", 353.0, 0.5, "USD", "2025-06");
        assert_eq!(check(SEED_US, value.clone(), None).0.registry, None);
        value.unit = Some("t");
        value.period = None;
        assert_eq!(check(SEED_US, value, None).0.registry, None);
    }

    #[test]
    fn a_figure_about_another_fact_of_its_sentence_is_not_contradicted() {
        // 3188 is the world figure: the US fact (whose patterns all occur) must not flag it.
        let text = "China exported 3188 tons of rare earth magnets to the world in June, of which 353 tons went to the US.";
        let (claim, findings) = check(
            text,
            stated(text, "3188 tons", 3188.0, 0.5, "t", "2025-06"),
            None,
        );
        assert_eq!(claim.registry, None);
        assert!(findings.is_empty(), "{findings:?}");
        let (claim, _) = check(
            text,
            stated(text, "353 tons", 353.0, 0.5, "t", "2025-06"),
            None,
        );
        assert_eq!(
            verdict(&claim),
            Some(("cn-magnet-exports-us-2025-06", Verdict::Confirmed, "value"))
        );
    }

    #[test]
    fn an_ambiguous_figure_gets_no_verdict() {
        let yaml = "topic: t\nsources:\n  s: {name: S}\nfacts:\n  - {id: a, what: a, match: [export], period: 2025, value: 10, unit: t, source: s}\n  - {id: b, what: b, match: [export], period: 2025, value: 20, unit: t, source: s}\n";
        let v = validate_texts(&[("x.yaml".into(), yaml.into())]);
        let text = "Exports were 30 tons in 2025.";
        let doc = Document::new(
            "t".into(),
            "t".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        let mut claims = vec![Claim {
            id: 1,
            kind: ClaimKind::Value,
            span: Span::new(13, 20),
            sentence: Span::new(0, text.len()),
            subject: String::new(),
            value: Some(stated(text, "30 tons", 30.0, 0.5, "t", "2025")),
            change: None,
            baseline: None,
            period: None,
            period_assumed: false,
            registry: None,
        }];
        assert!(v.registry.annotate(&doc, &mut claims).is_empty());
        assert_eq!(claims[0].registry, None);
    }
}
