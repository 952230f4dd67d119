//! Levels said for an earlier time in the sentence after a figure: "Sales rose 12% to $5.2
//! billion in the third quarter. A year earlier, sales were $4.64 billion." The sentence that
//! opens with the earlier period gives the baseline of the figure before it: of its change,
//! which is then checked, or of a comparison of its own when the figure already has one ("The
//! 30-year rate averaged 6.81 percent, up from 6.69 percent last week. A year ago at this
//! time, the 30-year rate averaged 5.51 percent."). "In comparison," opens such a level too
//! when the level names its own earlier period ("In comparison, the average rent in January
//! 2016 stood at £790"), and "That compares with" when a period phrase follows the level
//! ("That compares with 403,300 tonnes in March last year").
//!
//! Favours leaving a level unlinked over linking it wrong: the opening period must be one of
//! comparison, the level must name the measure of the figure before (or point back to it with
//! "it" or "the figure"), in the same unit and of a comparable size, and be its only match.

use super::anaphora::opens_comparing;
use super::comparable_size;
use super::periods::PeriodRef;
use super::restated::{about_value, comparison_of, marks_of, measured, sentence_claims, About};
use crate::claim::{Claim, ClaimKind, Direction};
use crate::document::Document;
use crate::extract::tokens::{Kind, Token};
use crate::extract::Extraction;
use crate::period::Period;
use crate::span::Span;

/// Words an opening earlier period may have before it or after it, before its comma: "In
/// the same quarter last year,", "A year ago at this time,".
const OPENER_WORDS: usize = 4;

/// Tokens from a sentence's start within which an opening's comma falls: "In the
/// comparable quarter a year ago," is ten.
const OPENING_REACH: usize = 12;

/// Links each level of a sentence that opens with an earlier period to the figure of the
/// sentence before that it is the earlier level of.
pub fn link(doc: &Document, ex: &Extraction, claims: &mut [Claim]) {
    let toks = &ex.tokens[..];
    // The opening of the sentence last read: a sentence's claims are next to each other.
    let mut read: Option<(Span, Option<Opener>)> = None;
    for j in 0..claims.len() {
        let sentence = claims[j].sentence;
        let Some(written) = level(doc, toks, &claims[j]) else {
            continue;
        };
        let opening = match read {
            Some((s, o)) if s == sentence => o,
            _ => {
                let o = opener(doc, toks, sentence).filter(|_| after_figures(doc, claims, j));
                read = Some((sentence, o));
                o
            }
        };
        let Some(opener) = opening.filter(|o| placed(toks, o, written)) else {
            continue;
        };
        // A sentence of levels only: "At the same time, fraud dropped from 10,276 cases
        // worth £808m" compares within itself.
        let compares = sentence_claims(claims, claims[j].sentence).any(|k| {
            claims[k].change.is_some() || claims[k].baseline.as_ref().is_some_and(|b| !b.implied)
        });
        if compares {
            continue;
        }
        let pointing = matches!(opener.when, When::After(_));
        let Some(i) = earlier_of(doc, toks, claims, j, opener.end, written, pointing) else {
            continue;
        };
        let c = &claims[i];
        let stated = c.value.as_ref().and_then(|v| v.period).or(c.period);
        let current = measured(doc, stated);
        let Some(mut level) = claims[j].value.clone() else {
            continue;
        };
        let base_period = match opener.when {
            When::Opening(named) | When::After(named) => earlier_period(named, current),
            // "In comparison, the average rent in January 2016 stood at £790": a level of its
            // own period, before the figure's.
            When::Own => level
                .period
                .zip(current)
                .filter(|&(then, now)| earlier(then, now))
                .map(|(then, _)| Some(then)),
        };
        let Some(base_period) = base_period else {
            continue;
        };
        // "In all of last year, ... sales of 6,084,000 dlrs" after a half year's figure: a
        // level of its own period must be of the one the opening names.
        if level.period.is_some() && base_period.is_some() && level.period != base_period {
            continue;
        }
        level.period = level.period.or(base_period);
        level.unit = level.unit.or(c.value.as_ref().and_then(|v| v.unit));
        // After "In comparison," the change before may be of another comparison.
        let compared = opener.when != When::Own || c.change.is_none();
        if compared && own_baseline(doc, toks, c, stated, base_period) {
            // The figure's own comparison: the level is its baseline.
            let c = &mut claims[i];
            c.baseline = Some(level.clone());
            if c.kind == ClaimKind::Value {
                c.kind = ClaimKind::Change;
            }
            claims[j].value = Some(level);
        } else {
            // A comparison of its own, of the figure before with this level.
            let value = claims[i].value.clone();
            let d = &mut claims[j];
            d.kind = ClaimKind::Change;
            d.value = value;
            d.baseline = Some(level);
        }
    }
}

/// Where a claim's level is written, when it is a value alone that may be an earlier level.
fn level(doc: &Document, toks: &[Token], d: &Claim) -> Option<Span> {
    if d.kind != ClaimKind::Value || d.change.is_some() || d.baseline.is_some() {
        return None;
    }
    let written = d.value.as_ref().filter(|v| !v.implied)?.stated?;
    // "A year ago, debt was more than 11bn euros higher": an amount of change.
    let after = toks.partition_point(|t| t.start < written.end);
    let changed = toks.get(after).is_some_and(|t| {
        t.end <= d.sentence.end && t.look_up(&doc.text, &doc.lang.directions).is_some()
    });
    (!changed).then_some(written)
}

/// Whether a level written at `written` stands after its sentence's opening: right after the
/// words of comparing ("That compares with analysts' forecasts of $5.1 billion" compares no
/// earlier level), anywhere after an opening period's comma.
fn placed(toks: &[Token], opener: &Opener, written: Span) -> bool {
    toks.get(opener.end).is_some_and(|next| match opener.when {
        When::After(_) => next.start == written.start,
        _ => next.start <= written.start,
    })
}

/// Whether the sentence just before claim `j`'s states a figure: most sentences follow none
/// an earlier level could be of.
fn after_figures(doc: &Document, claims: &[Claim], j: usize) -> bool {
    let at = doc
        .sentences
        .partition_point(|s| s.start < claims[j].sentence.start);
    doc.sentences[..at].last().is_some_and(|&previous| {
        sentence_claims(claims, previous)
            .any(|i| claims[i].value.as_ref().is_some_and(|v| v.stated.is_some()))
    })
}

/// How a sentence opens on a level of an earlier time.
#[derive(Clone, Copy)]
struct Opener {
    when: When,
    /// The token after the opening (its comma, or the words of comparing).
    end: usize,
}

/// Where the period of the earlier level is named.
#[derive(Clone, Copy, PartialEq, Eq)]
enum When {
    /// By the opening phrase: "A year earlier,".
    Opening(PeriodRef),
    /// By the level itself after "In comparison,".
    Own,
    /// After the level: "That compares with $5.0 billion a year earlier".
    After(PeriodRef),
}

/// The period phrase a sentence opens with, of an earlier time than its figures, and ended by
/// a comma: "A year earlier,", "In the same period last year,", "A year ago at this time,",
/// "Last year,". Other words before or after it are a few short ones at most.
fn opener(doc: &Document, toks: &[Token], sentence: Span) -> Option<Opener> {
    let text = &doc.text;
    let w = &doc.lang.claims;
    // Most sentences open with neither a word that may start such an opening and a comma
    // soon, nor words of comparing: the cheap test before their period phrases are read.
    let start = toks.partition_point(|t| t.start < sentence.start);
    let pw = &doc.lang.periods;
    let opens = toks.get(start).is_some_and(|t| {
        t.is_in(text, &pw.dating_starts)
            || t.is_in(text, &pw.prepositions)
            || t.is_in(text, &w.comparison_opener.0)
            || t.is_in(text, &w.anaphors)
    });
    if !opens {
        return None;
    }
    let head = toks[start..]
        .iter()
        .take_while(|t| t.end <= sentence.end)
        .take(OPENING_REACH);
    // Before the comma, a word of a period or of comparing ("earlier", "year", "quarter",
    // "comparison").
    let mut timed = false;
    let mut comma = false;
    for t in head {
        if t.is(text, ",") {
            comma = timed;
            break;
        }
        timed |= t.is_in(text, &pw.ago)
            || t.is_in(text, &pw.spans)
            || t.is_in(text, &pw.same_units)
            || t.is(text, pw.last)
            || t.is(text, w.comparison_opener.1);
    }
    let three = toks[start..]
        .iter()
        .take(3)
        .take_while(|t| t.end <= sentence.end)
        .count();
    let comparing = opens_comparing(doc.lang, text, &toks[start..start + three]);
    if !comma && !comparing {
        return None;
    }
    let (first, end, marks) = marks_of(doc, toks, sentence);
    let (prepositions, comparison) = &doc.lang.claims.comparison_opener;
    let at = |k: usize| toks[first..end].get(k);
    if at(0).is_some_and(|t| t.is_in(text, prepositions))
        && at(1).is_some_and(|t| t.is(text, comparison))
        && at(2).is_some_and(|t| t.is(text, ","))
    {
        return Some(Opener {
            when: When::Own,
            end: first + 3,
        });
    }
    // "That compares with 84,886 during the same month last year."
    if comparing {
        // Only of an earlier time it names: "That compares with 1.1 mln dlrs a year for the
        // average Burger King" compares two chains.
        let after = marks.iter().find(|m| m.first >= first + 3 && !m.basis)?;
        return Some(Opener {
            when: When::After(after.period),
            end: first + 3,
        });
    }
    let mark = marks.first()?;
    let comma = (first..end)
        .take(mark.end - first + OPENER_WORDS)
        .find(|&k| toks[k].is(text, ","))?;
    let words = |a: usize, b: usize| {
        (a..b).all(|k| toks[k].kind == Kind::Word && toks[k].text(text).len() <= 4)
    };
    // "On an annual basis," says how a figure is measured; "At the same time," names no
    // period of its own.
    let same_alone = mark.end - mark.first >= 2
        && toks[mark.end - 1].is_in(text, &pw.same_units)
        && toks[mark.end - 2].is_in(text, &pw.same);
    let earlier = !mark.basis
        && !same_alone
        && (mark.period.is_comparison()
            || matches!(mark.period, PeriodRef::LastYear(_) | PeriodRef::Last(_)));
    // "A year earlier, in September 2024, the number stood at 2,701": the date the opening
    // names, set off by commas of its own.
    let dated = marks.iter().find(|m| m.first > comma).filter(|m| {
        (comma + 1..m.first).all(|k| toks[k].is_in(text, &pw.prepositions))
            && m.first <= comma + 2
            && matches!(m.period, PeriodRef::Absolute(_))
            && toks.get(m.end).is_some_and(|t| t.is(text, ","))
    });
    (earlier
        && mark.end <= comma
        && mark.first - first + comma - mark.end <= OPENER_WORDS
        && words(first, mark.first)
        && words(mark.end, comma))
    .then_some(Opener {
        when: When::Opening(mark.period),
        end: dated.map_or(comma, |m| m.end) + 1,
    })
}

/// The period an opening phrase names, given the period of the figure it is the earlier
/// level of: `Some(None)` when that figure's period is unknown and the phrase is one of
/// comparison ("a year earlier"), `None` when it names no period just before the figure's
/// ("last year" of a figure of next year, or of a figure of no known period).
fn earlier_period(opener: PeriodRef, current: Option<Period>) -> Option<Option<Period>> {
    let relative = opener.is_comparison();
    let Some(now) = current else {
        return relative.then_some(None);
    };
    let then = opener.resolve(Some(now))?;
    // "Last year" and "last quarter" are of the article's date: the period just before the
    // figure's only when the figure is of the latest one.
    let just_before = match opener {
        PeriodRef::LastYear(_) => then == now.years_earlier(1),
        PeriodRef::Last(_) => then == now.previous(),
        _ => true,
    };
    (just_before && earlier(then, now)).then_some(Some(then))
}

/// Whether period `then` ends before `now` does; fiscal periods, which have no calendar days,
/// when of the same kind in an earlier year.
fn earlier(then: Period, now: Period) -> bool {
    match (then.bounds(), now.bounds()) {
        (Some((_, a)), Some((_, b))) => a < b,
        _ => then < now && then.year() < now.year(),
    }
}

/// The claim of the sentence before claim `j`'s that `j`'s level (written at `written`, its
/// words starting at token `from`) is the earlier level of: the only figure there of the same
/// unit and size, and of the measure the level names, or the only one when it points back
/// ("it was", "the figure was", or `pointing` words before it: "That compares with").
fn earlier_of(
    doc: &Document,
    toks: &[Token],
    claims: &[Claim],
    j: usize,
    from: usize,
    written: Span,
    pointing: bool,
) -> Option<usize> {
    let d = &claims[j];
    let v = d.value.as_ref()?;
    let at = doc
        .sentences
        .partition_point(|s| s.start < d.sentence.start);
    let previous = doc.sentences[..at].last()?;
    let points = pointing || points_back(doc, toks, from, written);
    let like: Vec<usize> = sentence_claims(claims, *previous)
        .filter(|&i| {
            claims[i].value.as_ref().is_some_and(|o| {
                // "84,054 new cars ... That compares with 84,886", "A year earlier, the
                // figure stood at 249,024": a bare count pointed back to takes the unit of
                // the figure before.
                let unit = o.unit == v.unit || points && v.unit.is_none() && o.unit != Some("%");
                !o.implied
                    && o.stated.is_some()
                    && unit
                    && comparable_size(&o.interval, &v.interval)
            })
        })
        .collect();
    // The level's own words: from the opening comma, or from the figure before it in its
    // sentence, to the level.
    let start = sentence_claims(claims, d.sentence)
        .filter_map(|k| claims[k].value.as_ref()?.stated)
        .map(|s| s.end)
        .filter(|&e| e <= written.start)
        .fold(toks[from].start, usize::max);
    let words = &doc.text[start..written.start];
    let lang = doc.lang;
    if points {
        return match like.as_slice() {
            [i] => Some(*i),
            _ => None,
        };
    }
    // A bare count says too little of what it counts to be matched by its words alone.
    if v.unit.is_none() && like.len() > 1 {
        return None;
    }
    let about = About::of(lang, words);
    if !about.names_measure() {
        return None;
    }
    let named: Vec<usize> = like
        .into_iter()
        .filter(|&i| {
            let c = &claims[i];
            let by_words = c
                .value
                .as_ref()
                .and_then(|o| o.stated)
                .is_some_and(|written| about_value(doc, toks, c, written).0.same_measure(&about));
            by_words || About::of(lang, &c.subject).same_measure(&about)
        })
        .collect();
    match named.as_slice() {
        [i] => Some(*i),
        _ => None,
    }
}

/// Whether the words from token `from` to a level point back to the figure before with a
/// verb of being: "it was", "they were", "the figure was", "that's"; "it lost 139,000 dlrs"
/// is of the company.
fn points_back(doc: &Document, toks: &[Token], from: usize, written: Span) -> bool {
    let w = &doc.lang.claims;
    let text = &doc.text;
    let words: Vec<&Token> = toks[from..]
        .iter()
        .take_while(|t| t.end <= written.start)
        .take(3)
        .collect();
    let anaphor = |k: usize| words.get(k).is_some_and(|t| t.is_in(text, &w.anaphors));
    let being = |k: usize| {
        words
            .get(k)
            .is_some_and(|t| t.is_in(text, &w.anaphor_verbs))
    };
    let the = words
        .first()
        .is_some_and(|t| t.is(text, doc.lang.periods.the));
    words
        .first()
        .is_some_and(|t| t.is_in(text, &w.anaphor_contractions))
        || anaphor(0) && being(1)
        || the && anaphor(1) && being(2)
}

/// Whether the earlier level is the baseline of claim `c`'s own comparison: `c` states no
/// baseline, and its change (when it has one) has a figure and compares with the same period
/// as the level, or names no comparison and is of a quarter or longer. A direction alone
/// ("Sales fell to $5.2 billion") may be of another comparison than the level's; so may
/// "held steady" (with the quarter before) and the change of a month ("rose 0.3% in March"
/// of the month before).
/// `stated` is `c`'s period as read, before a day of reporting is set aside.
fn own_baseline(
    doc: &Document,
    toks: &[Token],
    c: &Claim,
    stated: Option<Period>,
    base_period: Option<Period>,
) -> bool {
    if c.baseline.as_ref().is_some_and(|b| !b.implied) {
        return false;
    }
    let Some(change) = c.change.as_ref() else {
        return true;
    };
    if !change.interval.is_bounded() || change.direction == Some(Direction::Flat) {
        return false;
    }
    match comparison_of(doc, toks, c.sentence) {
        None => match stated {
            Some(Period::Month(..) | Period::Day(..)) => false,
            // A week, a few days: shorter than a quarter.
            Some(Period::Range(a, b)) => b.months_after(a) >= 2,
            _ => true,
        },
        Some(named) => named.resolve(measured(doc, stated)) == base_period,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Checked;

    fn checked(text: &str) -> Checked {
        super::super::test_support::checked_on(text, "2023-11-01")
    }

    /// (value, baseline) as written of each claim with a baseline stated.
    fn compared(text: &str) -> Vec<(String, String)> {
        let c = checked(text);
        c.claims
            .iter()
            .filter_map(|claim| {
                let b = claim.baseline.as_ref()?.stated?;
                let v = claim.value.as_ref()?.stated?;
                Some((v.slice(text).to_string(), b.slice(text).to_string()))
            })
            .collect()
    }

    fn pair(v: &str, b: &str) -> Vec<(String, String)> {
        vec![(v.to_string(), b.to_string())]
    }

    fn rules(text: &str) -> Vec<&'static str> {
        checked(text).findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn a_level_a_year_earlier_is_the_baseline_of_the_change_before() {
        let text = "Sales rose 12% to $5.2 billion in the third quarter. A year earlier, sales \
                    were $4.64 billion.";
        assert_eq!(compared(text), pair("$5.2 billion", "$4.64 billion"));
        assert!(rules(text).is_empty(), "{:?}", rules(text));
        // 5.2 / 4.8 is +8.3%, not 12%.
        let wrong = text.replace("4.64", "4.8");
        assert!(
            rules(&wrong).contains(&"change-mismatch"),
            "{:?}",
            rules(&wrong)
        );
    }

    #[test]
    fn a_pronoun_points_back_to_the_only_figure_of_its_unit() {
        let text = "Sales rose 12% to $5.2 billion in the third quarter. In the same quarter \
                    last year, they were $4.64 billion.";
        assert_eq!(compared(text), pair("$5.2 billion", "$4.64 billion"));
    }

    #[test]
    fn a_figure_compared_already_gets_a_second_comparison() {
        let text = "The 30-year rate averaged 6.81 percent, up from 6.69 percent last week. A \
                    year ago at this time, the 30-year rate averaged 5.51 percent.";
        let pairs = compared(text);
        assert!(pairs.contains(&("6.81 percent".into(), "6.69 percent".into())));
        assert!(pairs.contains(&("6.81 percent".into(), "5.51 percent".into())));
    }

    #[test]
    fn an_opening_may_date_itself_and_the_figure_may_stand_at_the_level() {
        let text = "A total of 180,329 people had been waiting at the end of September, down \
                    from 190,549 at the end of August. A year earlier, in September 2022, the \
                    figure stood at 249,024.";
        let pairs = compared(text);
        assert!(pairs.contains(&("180,329 people".into(), "249,024".into())));
        // Not a level of another time than the opening's: a date of its own is the level's.
        let other = "A total of 180,329 people had been waiting at the end of September. Last \
                     year, in 2019, the figure stood at 149,024.";
        assert!(!compared(other).contains(&("180,329 people".into(), "149,024".into())));
    }

    #[test]
    fn a_level_of_another_measure_or_without_an_opening_period_stays_apart() {
        for text in [
            // Another measure.
            "Sales rose 12% to $5.2 billion in the third quarter. A year earlier, net profit \
             was $410 million.",
            // No opening period of comparison.
            "Sales rose 12% to $5.2 billion in the third quarter. In September, sales were \
             $1.8 billion.",
            // No comma: the period is no opener.
            "Sales rose 12% to $5.2 billion in the third quarter. A year earlier sales were \
             $4.64 billion.",
            // Two figures of the unit and a pronoun: which one is unsaid.
            "Sales rose 12% to $5.2 billion and profit to $3.1 billion. A year earlier, it \
             was $4.64 billion.",
        ] {
            assert!(compared(text).is_empty(), "{text}: {:?}", compared(text));
        }
    }

    #[test]
    fn a_direction_alone_may_be_of_another_comparison() {
        // "fell" may be from the quarter before: the level a year earlier is the figure's
        // baseline, with no direction of change to check it against.
        let text = "Sales fell to $5.2 billion in the third quarter. A year earlier, sales were \
                    $4.64 billion.";
        assert_eq!(compared(text), pair("$5.2 billion", "$4.64 billion"));
        assert!(rules(text).is_empty(), "{:?}", rules(text));
    }

    #[test]
    fn a_change_against_another_period_keeps_its_own_comparison() {
        // The change is month-on-month; the year-earlier level is not its baseline.
        let text = "Exports rose 3% from the previous month to $52.1 billion in May. A year \
                    earlier, exports were $47.9 billion.";
        assert!(rules(text).is_empty(), "{:?}", rules(text));
        assert_eq!(compared(text), pair("$52.1 billion", "$47.9 billion"));
    }
}
