//! The rule catalogue: every rule once, in name order, with its default severity and docs.
//! Rules are pure: claims in, findings out.

pub mod arith;
pub mod basis;
pub mod change_mismatch;
pub mod conflicting_baselines;
pub mod conflicting_figures;
pub mod direction_mismatch;
pub mod impossible_decrease;
pub mod multiple_mismatch;
pub mod part_exceeds_whole;
pub mod points_vs_percent;
pub mod registry_mismatch;
pub mod restated_change;
pub mod share_mismatch;
#[cfg(test)]
pub(crate) mod test_support;
pub mod times_more_ambiguity;
pub mod unused_suppression;

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::mention::Mention;

/// What a rule sees of one article.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub mentions: &'a [Mention],
    pub claims: &'a [Claim],
    /// [`pairs_sharing_a_period`] of `claims`, worked out once for the rules that ask.
    period_pairs: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// [`arith::range_word_runs`] of the text, worked out once if a rule asks.
    range_word_runs: std::cell::OnceCell<Vec<crate::span::Span>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, mentions: &'a [Mention], claims: &'a [Claim]) -> Self {
        Context {
            doc,
            mentions,
            claims,
            period_pairs: std::cell::OnceCell::new(),
            range_word_runs: std::cell::OnceCell::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.doc.text
    }

    /// The claims that give figures for a common period, as [`pairs_sharing_a_period`]:
    /// three rules compare them, and the pairs are found once per article.
    pub fn period_pairs(&self) -> &[(usize, usize)] {
        self.period_pairs
            .get_or_init(|| pairs_sharing_a_period(self.claims))
    }

    /// Whether a word of the language's range words ("ranged", "between") is in `span` of the
    /// text, as [`arith::lowercase_words`] of the span would find it; the words of the whole
    /// text are read once, so a long sentence of many claims is not read again for each.
    pub fn has_range_word(&self, span: crate::span::Span) -> bool {
        let words = &self.doc.lang.claims.range_words;
        let runs = self
            .range_word_runs
            .get_or_init(|| arith::range_word_runs(self.text(), words));
        // A word wholly inside the span is one of the text's...
        let i = runs.partition_point(|r| r.start < span.start);
        if runs.get(i).is_some_and(|r| r.end <= span.end) {
            return true;
        }
        // ...and the span's first and last words may be cut short by it.
        let mut cut = arith::lowercase_words(span.slice(self.text()));
        cut.next().is_some_and(|w| words.contains(&w))
            || cut.next_back().is_some_and(|w| words.contains(&w))
    }
}

/// A rule: stable name, default severity, three-part docs and the check itself.
pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    /// One line for `claimcheck rules`.
    pub summary: &'static str,
    /// "## What it does / ## Why is this bad? / ## Example", for `explain` and SARIF.
    pub docs: &'static str,
    /// `None` for a rule raised by a later stage (`registry-mismatch`, `unused-suppression`).
    pub check: Option<fn(&Context, &mut Vec<Finding>)>,
}

/// Whether two claims measure the same thing; the cross-claim rules take it as a parameter
/// so their tests do not depend on subject matching.
pub type SameMeasure = fn(&crate::lang::Language, &Claim, &Claim) -> bool;

/// Every rule, sorted by name.
pub static RULES: &[Rule] = &[
    Rule {
        name: change_mismatch::NAME,
        severity: Severity::Error,
        summary: "a stated change that the stated values cannot produce under any rounding",
        docs: change_mismatch::DOCS,
        check: Some(change_mismatch::check),
    },
    Rule {
        name: conflicting_baselines::NAME,
        severity: Severity::Error,
        summary: "two claims that imply disjoint values for the same baseline",
        docs: conflicting_baselines::DOCS,
        check: Some(conflicting_baselines::check),
    },
    Rule {
        name: conflicting_figures::NAME,
        severity: conflicting_figures::SEVERITY,
        summary: "the same measure and period stated twice with different values",
        docs: conflicting_figures::DOCS,
        check: Some(conflicting_figures::check),
    },
    Rule {
        name: direction_mismatch::NAME,
        severity: Severity::Error,
        summary: "\"rose\" / \"up\" / \"increase\" where the figures fall, or the reverse",
        docs: direction_mismatch::DOCS,
        check: Some(direction_mismatch::check),
    },
    Rule {
        name: impossible_decrease::NAME,
        severity: Severity::Error,
        summary: "a decrease of more than 100%",
        docs: impossible_decrease::DOCS,
        check: Some(impossible_decrease::check),
    },
    Rule {
        name: multiple_mismatch::NAME,
        severity: Severity::Error,
        summary: "\"seven times\" / \"doubled\" that disagrees with the figures or a stated percent change",
        docs: multiple_mismatch::DOCS,
        check: Some(multiple_mismatch::check),
    },
    Rule {
        name: part_exceeds_whole::NAME,
        severity: Severity::Error,
        summary: "a share of more than 100% of its whole",
        docs: part_exceeds_whole::DOCS,
        check: Some(part_exceeds_whole::check),
    },
    Rule {
        name: points_vs_percent::NAME,
        severity: Severity::Warning,
        summary: "a change between two percentages stated as a percent when it is the point difference",
        docs: points_vs_percent::DOCS,
        check: Some(points_vs_percent::check),
    },
    Rule {
        name: registry_mismatch::NAME,
        severity: Severity::Error,
        summary: registry_mismatch::SUMMARY,
        docs: registry_mismatch::DOCS,
        // Matching needs the registry: the registry stage raises it, after the rules.
        check: None,
    },
    Rule {
        name: restated_change::NAME,
        severity: Severity::Error,
        summary: "an amount of change restated as a percent that the amount and the value cannot give",
        docs: restated_change::DOCS,
        check: Some(restated_change::check),
    },
    Rule {
        name: share_mismatch::NAME,
        severity: Severity::Error,
        summary: "a figure restated as a share of a written whole that the two figures cannot give",
        docs: share_mismatch::DOCS,
        check: Some(share_mismatch::check),
    },
    Rule {
        name: times_more_ambiguity::NAME,
        severity: Severity::Info,
        summary: "\"three times more than\", which readers take as ×3 or ×4",
        docs: times_more_ambiguity::DOCS,
        check: Some(times_more_ambiguity::check),
    },
    Rule {
        name: unused_suppression::NAME,
        severity: Severity::Info,
        summary: unused_suppression::SUMMARY,
        docs: unused_suppression::DOCS,
        // Suppressions are applied after the rules and the registry (`crate::suppress`),
        // which raises it.
        check: None,
    },
];

/// At most this many claims with figures for one period are compared pairwise, so a
/// pathological table (thousands of figures for one month) costs bounded time.
pub const MAX_CLAIMS_PER_PERIOD: usize = 1_000;

/// Pairs of claims `(a, b)`, `a` before `b`, that give figures (value or baseline) for a
/// common period (an assumed one is no common period: [`Claim::period_assumed`]): the only
/// pairs whose figures can conflict. Linear in the claims for
/// articles whose figures are spread over periods, instead of every pair.
pub fn pairs_sharing_a_period(claims: &[Claim]) -> Vec<(usize, usize)> {
    pairs_sharing(claims, |c, f| f.period.filter(|_| !c.period_assumed))
}

/// Pairs of claims `(a, b)`, `a` before `b`, that share a written figure (one mention is the
/// value or baseline of both).
pub fn pairs_sharing_a_written_figure(claims: &[Claim]) -> Vec<(usize, usize)> {
    pairs_sharing(claims, |_, f| f.stated)
}

/// Pairs of claims `(a, b)`, `a` before `b`, with figures of the same `key` (of the claim
/// and the figure); at most
/// [`MAX_CLAIMS_PER_PERIOD`] claims per key are paired, so the work stays bounded.
fn pairs_sharing<K: Ord + Copy>(
    claims: &[Claim],
    key: impl Fn(&Claim, &crate::claim::Figure) -> Option<K>,
) -> Vec<(usize, usize)> {
    let key = &key;
    let mut keyed: Vec<(K, usize)> = claims
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            [c.value.as_ref(), c.baseline.as_ref()]
                .into_iter()
                .flatten()
                .filter_map(move |f| key(c, f).map(|k| (k, i)))
        })
        .collect();
    keyed.sort_unstable();
    keyed.dedup();
    let mut pairs = Vec::new();
    for run in keyed.chunk_by(|x, y| x.0 == y.0) {
        let run = &run[..run.len().min(MAX_CLAIMS_PER_PERIOD)];
        for (n, &(_, a)) in run.iter().enumerate() {
            pairs.extend(run[n + 1..].iter().map(|&(_, b)| (a.min(b), a.max(b))));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// Runs every rule over an article, findings sorted by position.
pub fn run_all(ctx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for check in RULES.iter().filter_map(|r| r.check) {
        check(ctx, &mut findings);
    }
    findings.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
    findings
}

#[cfg(test)]
mod tests {
    #[test]
    fn range_words_are_found_in_any_span_as_its_own_words_would_be() {
        use super::{arith::lowercase_words, Context};
        use crate::document::Document;
        use crate::span::Span;
        let text = "Estimates RANGED from 2 to 3, arranged ränged; between-ness: Between.";
        let doc = Document::new(
            "t".into(),
            "t.txt".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        let ctx = Context::new(&doc, &[], &[]);
        let words = &doc.lang.claims.range_words;
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &start in &cuts {
            for &end in cuts.iter().filter(|&&e| e >= start) {
                let span = Span::new(start, end);
                let naive = lowercase_words(span.slice(text)).any(|w| words.contains(&w));
                assert_eq!(ctx.has_range_word(span), naive, "{:?}", span.slice(text));
            }
        }
    }

    #[test]
    fn only_claims_with_a_common_period_are_paired() {
        use crate::claim::{Claim, ClaimKind};
        use test_support::*;
        let mut art = Article::new("A 1 t in May. B 2 t in May. C 3 t in June. D 4 t.");
        for (n, (figure, period)) in [
            ("1 t", month(2025, 5)),
            ("2 t", month(2025, 5)),
            ("3 t", month(2025, 6)),
            ("4 t", None),
        ]
        .into_iter()
        .enumerate()
        {
            let claim = Claim {
                value: Some(art.figure(figure, Some("t"), period)),
                ..art.claim(ClaimKind::Value, figure, &format!("subject {n}"))
            };
            art.push(claim);
        }
        assert_eq!(pairs_sharing_a_period(art.ctx().claims), [(0, 1)]);
    }

    use super::*;

    #[test]
    fn rule_names_are_unique_sorted_and_kebab_case() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for rule in RULES {
            assert!(
                !rule.name.is_empty()
                    && !rule.name.starts_with('-')
                    && !rule.name.ends_with('-')
                    && !rule.name.contains("--")
                    && rule
                        .name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                rule.name
            );
            assert!(find(rule.name).is_some());
        }
    }

    #[test]
    fn every_rule_has_three_part_docs_and_a_summary() {
        for rule in RULES {
            let what = rule.docs.find("## What it does");
            let why = rule.docs.find("## Why is this bad?");
            let example = rule.docs.find("## Example");
            assert!(
                matches!((what, why, example), (Some(a), Some(b), Some(c)) if a < b && b < c),
                "{} docs need What it does / Why is this bad? / Example, in order",
                rule.name
            );
            assert!(!rule.summary.is_empty(), "{}", rule.name);
        }
    }

    /// The text blocks of a rule's "## Example": the flagged text, then its fix after "Use
    /// instead"; "[...]" (text left out) becomes a space.
    fn docs_examples(docs: &str) -> Vec<String> {
        let example = &docs[docs.find("## Example").unwrap()..];
        example
            .split("```text\n")
            .skip(1)
            .map(|block| block.split("```").next().unwrap().replace("[...]", " "))
            .collect()
    }

    #[test]
    fn every_rule_flags_its_own_example_and_not_its_fix() {
        use test_support::lint;
        // The registry's rule needs a registry, and unused-suppression the comments the
        // binary reads: their examples are checked in tests/registry_cli.rs and
        // tests/workflow_cli.rs.
        let elsewhere = [registry_mismatch::NAME, unused_suppression::NAME];
        for rule in RULES.iter().filter(|r| !elsewhere.contains(&r.name)) {
            let blocks = docs_examples(rule.docs);
            let [flagged, fixed] = blocks.as_slice() else {
                panic!("{}: an example and a fix, got {blocks:?}", rule.name);
            };
            assert!(
                !lint(flagged, rule.name).is_empty(),
                "{} does not flag its example:\n{flagged}",
                rule.name
            );
            assert!(
                lint(fixed, rule.name).is_empty(),
                "{} flags its fix:\n{fixed}",
                rule.name
            );
        }
    }

    #[test]
    fn run_all_reports_each_problem_under_one_rule_at_most_its_default_severity() {
        use crate::claim::{Claim, ClaimKind, Direction};
        use test_support::*;

        type Case<'a> = (
            &'a str,
            &'a str,
            Direction,
            &'a str,
            &'a str,
            Option<&'static str>,
            &'a str,
        );
        let cases: [Case; 5] = [
            (
                "Net rose 20.8% to 87.1 mln from 72.6 mln.",
                "20.8%",
                Direction::Up,
                "87.1 mln",
                "72.6 mln",
                Some("USD"),
                "change-mismatch",
            ),
            (
                "Net rose 16.7% to 72.6 mln from 87.1 mln.",
                "16.7%",
                Direction::Up,
                "72.6 mln",
                "87.1 mln",
                Some("USD"),
                "direction-mismatch",
            ),
            (
                "The rate rose 2% to 7% from 5%.",
                "2%",
                Direction::Up,
                "7%",
                "5%",
                Some("%"),
                "points-vs-percent",
            ),
            (
                "Net fell 150% to 2.0 mln from 5.0 mln.",
                "150%",
                Direction::Down,
                "2.0 mln",
                "5.0 mln",
                Some("USD"),
                "impossible-decrease",
            ),
            (
                "Net rose 20.0% to 87.1 mln from 72.6 mln.",
                "20.0%",
                Direction::Up,
                "87.1 mln",
                "72.6 mln",
                Some("USD"),
                "",
            ),
        ];
        for (text, number, dir, value, base, unit, rule) in cases {
            let mut art = Article::new(text);
            let verb = if dir == Direction::Down {
                "fell"
            } else {
                "rose"
            };
            let change = art.pct(&format!("{verb} {number}"), number, dir);
            let claim = Claim {
                value: Some(art.figure(value, unit, None)),
                baseline: Some(art.figure(base, unit, None)),
                change: Some(change),
                ..art.claim(ClaimKind::Change, text.trim_end_matches('.'), "net")
            };
            art.push(claim);
            let findings = run_all(&art.ctx());
            let rules: Vec<_> = findings.iter().map(|f| f.rule).collect();
            let expected: Vec<&str> = if rule.is_empty() { vec![] } else { vec![rule] };
            assert_eq!(rules, expected, "{text}");
            for f in &findings {
                assert!(f.severity <= find(f.rule).unwrap().severity, "{f:?}");
            }
        }
        let doc = Document::new(
            "t".into(),
            "t".into(),
            String::new(),
            crate::span::Span::new(0, 0),
        );
        let ctx = Context::new(&doc, &[], &[]);
        assert!(run_all(&ctx).is_empty());
    }

    /// Layers point one way: the registry stage runs after the rules and may use their
    /// catalogue; a rule never sees the registry.
    #[test]
    fn rules_do_not_depend_on_the_registry() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                !text.contains(concat!("crate::", "registry")),
                "{} uses the registry",
                path.display()
            );
        }
    }
}
