//! Test helpers for the rules: an article from a string, figures and changes built from the
//! words they point at (read with the precision they are written with), and one rule run.

use crate::claim::{Change, Claim, ClaimKind, Direction, Figure, Measure};
use crate::document::Document;
use crate::extract::numeral;
use crate::finding::{Finding, Severity};
use crate::interval::Interval;
use crate::mention::{Bound, Mention, MentionKind};
use crate::period::Period;
use crate::span::Span;

use super::Context;

/// An article under test: its text, the claims built over it and the mentions they cite.
pub struct Article {
    pub doc: Document,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
}

/// A number in a test as an article reads it: the first number of `text` with the scale word
/// after it, if any ("72.6 mln dlrs"), through the article reader
/// ([`numeral::standalone`]).
fn read(text: &str, zeros_are_rounding: bool) -> numeral::Standalone {
    let start = text.find(|c: char| c.is_ascii_digit()).expect("a number");
    let digits = text[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(&text[start..], |end| &text[start..start + end]);
    let digits = digits.trim_end_matches(['.', ',']);
    let rest = &text[start + digits.len()..];
    let word = rest.split_whitespace().next().unwrap_or("");
    let lang = crate::lang::default_language();
    let figure = match lang.scale(word, false) {
        Some(_) => format!("{digits} {word}"),
        None => digits.to_string(),
    };
    numeral::standalone(&figure, zeros_are_rounding, |w, attached| {
        lang.scale(w, attached)
    })
    .expect("a number")
}

/// The interval a number covers as written: "72.6" is [72.55, 72.65], "408,000" is
/// [407,500, 408,500] (trailing zeros are rounding), "1.2 bln" is [1.15e9, 1.25e9].
pub fn as_written(text: &str) -> Interval {
    read(text, true).rounded
}

/// The truncation reading of a written magnitude: "26.5" is [26.5, 26.6].
pub fn truncated(text: &str) -> Interval {
    read(text, true).truncated
}

/// A written ratio: "7" is [6.5, 7.5] (trailing zeros are digits, as in articles).
fn as_written_ratio(text: &str) -> Interval {
    read(text, false).rounded
}

fn signed(iv: Interval, direction: Direction) -> Interval {
    match direction {
        Direction::Down => Interval::new(-iv.high, -iv.low),
        _ => iv,
    }
}

impl Article {
    pub fn new(text: &str) -> Self {
        let doc = Document::new(
            "test".into(),
            "test.md".into(),
            text.to_string(),
            Span::new(0, text.len()),
        );
        Article {
            doc,
            mentions: Vec::new(),
            claims: Vec::new(),
        }
    }

    /// The span of the first occurrence of `needle`.
    pub fn span(&self, needle: &str) -> Span {
        self.span_nth(needle, 0)
    }

    /// The span of the `n`th (0-based) occurrence of `needle`.
    pub fn span_nth(&self, needle: &str, n: usize) -> Span {
        let start = self
            .doc
            .text
            .match_indices(needle)
            .nth(n)
            .unwrap_or_else(|| panic!("`{needle}` (#{n}) not in the article"))
            .0;
        Span::new(start, start + needle.len())
    }

    /// A stated figure: the words `needle` (first occurrence), read as written.
    pub fn figure(
        &self,
        needle: &str,
        unit: Option<&'static str>,
        period: Option<Period>,
    ) -> Figure {
        self.figure_nth(needle, 0, unit, period)
    }

    pub fn figure_nth(
        &self,
        needle: &str,
        n: usize,
        unit: Option<&'static str>,
        period: Option<Period>,
    ) -> Figure {
        Figure {
            stated: Some(self.span_nth(needle, n)),
            interval: as_written(needle),
            unit,
            period,
            implied: false,
            mention: None,
        }
    }

    /// A change stated by the words `words`, whose number is written `number` (inside `words`),
    /// with its mention recorded so messages quote it.
    pub fn change(
        &mut self,
        words: &str,
        number: &str,
        measure: Measure,
        direction: Direction,
    ) -> Change {
        let stated = self.span(words);
        let offset = words.find(number).expect("number inside the change words");
        let number_span = Span::new(stated.start + offset, stated.start + offset + number.len());
        let (interval, trunc) = match measure {
            Measure::Multiple => (as_written_ratio(number), as_written_ratio(number)),
            _ => (
                signed(as_written(number), direction),
                signed(truncated(number), direction),
            ),
        };
        self.mentions.push(Mention {
            span: number_span,
            number_span,
            kind: match measure {
                Measure::Points => MentionKind::Points,
                Measure::Multiple => MentionKind::Multiple,
                _ => MentionKind::Percent,
            },
            value: interval.mid(),
            interval,
            truncated: trunc,
            unit: Some(match measure {
                Measure::Points => "pp",
                Measure::Multiple => "x",
                _ => "%",
            }),
            approx: None,
            bound: Bound::Exact,
            range: false,
            words: false,
        });
        Change {
            stated,
            measure,
            interval,
            truncated: trunc,
            direction: Some(direction),
            direction_span: None,
            times_more: false,
            mention: Some(self.mentions.len() - 1),
            restates: None,
        }
    }

    /// A percent change ("rose 20.8%").
    pub fn pct(&mut self, words: &str, number: &str, direction: Direction) -> Change {
        self.change(words, number, Measure::Percent, direction)
    }

    /// A multiple stated in words, with the ratio interval given ("more than seven times").
    pub fn multiple(&mut self, words: &str, ratio: Interval) -> Change {
        let stated = self.span(words);
        self.mentions.push(Mention {
            span: stated,
            number_span: stated,
            kind: MentionKind::Multiple,
            value: ratio.mid(),
            interval: ratio,
            truncated: ratio,
            unit: Some("x"),
            approx: None,
            bound: Bound::Exact,
            range: false,
            words: true,
        });
        Change {
            stated,
            measure: Measure::Multiple,
            interval: ratio,
            truncated: ratio,
            direction: None,
            direction_span: None,
            times_more: false,
            mention: Some(self.mentions.len() - 1),
            restates: None,
        }
    }

    /// A bare claim over the words `words`, to be filled with struct update syntax.
    pub fn claim(&self, kind: ClaimKind, words: &str, subject: &str) -> Claim {
        let span = self.span(words);
        let sentence = self
            .doc
            .sentences
            .iter()
            .copied()
            .find(|s| s.contains(span))
            .unwrap_or(self.doc.body);
        Claim {
            id: self.claims.len() + 1,
            kind,
            span,
            sentence,
            subject: subject.to_string(),
            value: None,
            change: None,
            baseline: None,
            period: None,
            period_assumed: false,
            registry: None,
        }
    }

    /// Adds a claim, numbering it in order.
    pub fn push(&mut self, mut claim: Claim) -> &mut Self {
        claim.id = self.claims.len() + 1;
        self.claims.push(claim);
        self
    }

    /// An article of one change claim: `words` state the change of `number` percent from
    /// `base` to `value` (both in `unit`), about `subject`.
    #[allow(clippy::too_many_arguments)]
    pub fn with_change(
        text: &str,
        words: &str,
        number: &str,
        dir: Direction,
        value: &str,
        base: &str,
        unit: &'static str,
        subject: &str,
    ) -> Article {
        let mut art = Article::new(text);
        let change = art.pct(words, number, dir);
        let claim = Claim {
            value: Some(art.figure(value, Some(unit), None)),
            baseline: Some(art.figure(base, Some(unit), None)),
            change: Some(change),
            ..art.claim(ClaimKind::Change, text.trim_end_matches('.'), subject)
        };
        art.push(claim);
        art
    }

    /// Runs a cross-claim rule with the test matcher [`same_subject`].
    pub fn run_pairwise(
        &self,
        check_with: fn(&Context, &mut Vec<Finding>, super::SameMeasure),
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        check_with(&self.ctx(), &mut out, same_subject);
        out
    }

    pub fn ctx(&self) -> Context<'_> {
        Context::new(&self.doc, &self.mentions, &self.claims)
    }

    /// Runs one rule's check.
    pub fn run(&self, check: fn(&Context, &mut Vec<Finding>)) -> Vec<Finding> {
        let mut out = Vec::new();
        check(&self.ctx(), &mut out);
        out
    }
}

/// An implied figure with the given interval.
pub fn implied(interval: Interval, unit: Option<&'static str>, period: Option<Period>) -> Figure {
    Figure {
        stated: None,
        interval,
        unit,
        period,
        implied: true,
        mention: None,
    }
}

/// A matcher for tests of the cross-claim rules: same subject (ignoring case) and units.
pub fn same_subject(_: &crate::lang::Language, a: &Claim, b: &Claim) -> bool {
    let unit = |c: &Claim| c.value.as_ref().and_then(|f| f.unit);
    a.subject.eq_ignore_ascii_case(&b.subject) && unit(a) == unit(b)
}

/// Asserts exactly one finding, with this severity and message fragment; returns it.
#[track_caller]
pub fn assert_one<'a>(findings: &'a [Finding], severity: Severity, fragment: &str) -> &'a Finding {
    assert_eq!(findings.len(), 1, "expected one finding, got {findings:#?}");
    let f = &findings[0];
    assert_eq!(f.severity, severity, "{f:#?}");
    assert!(
        f.message.contains(fragment),
        "`{}` lacks `{fragment}`",
        f.message
    );
    f
}

#[track_caller]
pub fn assert_none(findings: &[Finding]) {
    assert!(
        findings.is_empty(),
        "expected no finding, got {findings:#?}"
    );
}

/// An error finding of `rule` on the `nth` occurrence of `words` in `text`: for the stages
/// after the rules (suppressions, baselines), which only move findings around.
pub fn finding_on(text: &str, words: &str, nth: usize, rule: &'static str) -> Finding {
    let start = text.match_indices(words).nth(nth).expect("words in text").0;
    Finding {
        rule,
        severity: Severity::Error,
        span: Span::new(start, start + words.len()),
        message: "m".into(),
        claims: vec![],
        notes: vec![],
    }
}

pub fn month(y: i32, m: u8) -> Option<Period> {
    Some(Period::Month(y, m))
}

/// The findings rule `name` raises on `text` read as a whole article dated 1987-03-10 (the
/// Reuters corpus's year): extraction, linking, baselines and every rule, as `check` runs them.
pub fn lint(text: &str, name: &str) -> Vec<Finding> {
    let mut doc = Document::new(
        "t".into(),
        "t.md".into(),
        text.into(),
        Span::new(0, text.len()),
    );
    doc.date = crate::period::Date::parse("1987-03-10");
    crate::analysis::check(doc, None)
        .findings
        .into_iter()
        .filter(|f| f.rule == name)
        .collect()
}
