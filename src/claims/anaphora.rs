//! Figures carried across a sentence boundary: a change whose sentence opens with a word that
//! points back and a verb of being ("This translates to a year-over-year gain of 8.6%", "The
//! result was still down by 14.8%", "This was up from $22.64 billion last year") is about the
//! last figure stated in the sentence before; so is a move in points named again after "the"
//! ("The 0.25 percentage point hike"), when the move before went the same way.

use super::comparable_size;
use super::link::figure;
use crate::claim::{Change, Claim, ClaimKind, Figure, Measure};
use crate::document::Document;
use crate::extract::numeral::{parse, scale_of};
use crate::extract::tokens::{Kind, Token};
use crate::extract::Extraction;
use crate::lang::{DirectionPos, Language};
use crate::mention::MentionKind;
use crate::period::Period;
use crate::span::Span;

/// Whether a sentence whose first tokens are `sentence` opens with a word pointing back, a
/// verb of comparing and its preposition: "That compares with 84,886 during the same month
/// last year", "This compared with 11.1 pct".
pub fn opens_comparing(lang: &Language, text: &str, sentence: &[Token]) -> bool {
    let w = &lang.claims;
    let (verbs, connectors) = &w.comparing;
    matches!(sentence, [a, v, c, ..]
        if a.is_in(text, &w.anaphors) && v.is_in(text, verbs) && c.is_in(text, connectors))
}

/// Whether the sentence whose tokens are `toks[first..end]` opens, after a short aside at
/// most ("Compared to the previous quarter,"), with a word pointing back and a verb of being
/// ("This was", "The result was", "it represents", "This figure represents", "The total
/// was"); "It said ..." of wire copy does not.
pub fn opens_with_anaphor(
    lang: &Language,
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
) -> bool {
    let w = &lang.claims;
    // "“This was 0.8 percentage points higher than a year ago,” she said."
    let first = first + opening_quotes(text, &toks[first..end]);
    // Not after an aside that names another basis: "On a comparable-store basis, it was a
    // 9.4 pct gain" is not the change of the sales figure before.
    let aside = past_aside(text, &toks[first..end]);
    let basis = &lang.subjects;
    if toks[first..first + aside]
        .iter()
        .any(|t| t.is_in(text, &basis.basis_words) || t.is_in(text, &basis.basis_references))
    {
        return false;
    }
    let first = first + aside;
    let k = first
        + usize::from(
            toks.get(first)
                .is_some_and(|t| t.is(text, lang.periods.the)),
        );
    // "This figure represents", a word pointing back and its noun.
    let k = k + usize::from(
        k + 1 < end && toks[k].is_in(text, &w.anaphors) && toks[k + 1].is_in(text, &w.anaphors),
    );
    k < end && toks[k].is_in(text, &w.anaphor_contractions)
        || k + 1 < end
            && toks[k].is_in(text, &w.anaphors)
            && toks[k + 1].is_in(text, &w.anaphor_verbs)
}

/// The quotation marks that open a sentence, which an anaphor may follow.
fn opening_quotes(text: &str, sentence: &[Token]) -> usize {
    sentence
        .iter()
        .take_while(|t| t.kind == Kind::Punct && OPENING_QUOTES.contains(&t.text(text)))
        .count()
}

/// Quotation marks a quoted sentence may open with.
const OPENING_QUOTES: [&str; 5] = ["\"", "“", "‘", "'", "«"];

/// The tokens of a short aside of words and its comma that opens a sentence ("On
/// year-on-year basis,"), none when there is none.
fn past_aside(text: &str, sentence: &[Token]) -> usize {
    let comma = |t: &Token| t.is(text, ",");
    sentence
        .iter()
        .take(12)
        .take_while(|t| t.kind == Kind::Word || t.is(text, "-") || comma(t))
        .position(comma)
        .map_or(0, |c| c + 1)
}

/// Whether a sentence (its tokens) opens, after a short aside and its comma at most ("On
/// year-on-year basis,"), with a pronoun and a verb of change: "On year-on-year basis, it
/// jumped 35.8% from Rs776.82 crore" is about the measure of the sentence before.
fn opens_with_pronoun_change(lang: &Language, text: &str, sentence: &[Token]) -> bool {
    let sentence = &sentence[opening_quotes(text, sentence)..];
    let k = past_aside(text, sentence);
    sentence
        .get(k)
        .is_some_and(|t| t.is_in(text, &lang.claims.anaphor_pronouns))
        && sentence.get(k + 1).is_some_and(|t| {
            t.look_up(text, &lang.directions)
                .is_some_and(|(_, p)| p == DirectionPos::Verb)
        })
}

/// Whether a sentence (its tokens) opens, after a short aside at most, with "the", a noun of
/// change and a verb of being, the noun followed at most by a short phrase that points back:
/// "The growth in this sector is 7.45 percent", "Accordingly, the growth in this sub-sector
/// is slightly more than 18 percent", "The increase was 4%". The change is the one between
/// the figures of the sentence before.
fn opens_with_change_noun(
    lang: &Language,
    text: &str,
    sentence: &[Token],
    change: &Change,
) -> bool {
    let w = &lang.claims;
    let sentence = &sentence[opening_quotes(text, sentence)..];
    let s = &sentence[past_aside(text, sentence)..];
    let noun = |t: &Token| {
        t.look_up(text, &lang.directions)
            .is_some_and(|(_, p)| p == DirectionPos::Noun)
    };
    // The noun must be the change's own word: in "The increase was the largest since 1983,
    // when profits rose 11.4 pct" the change is another.
    let own = |t: &Token| change.direction_span.is_some_and(|d| d.start == t.start);
    if !(s.first().is_some_and(|t| t.is(text, lang.periods.the))
        && s.get(1).is_some_and(|t| noun(t) && own(t)))
    {
        return false;
    }
    let verb = |t: &Token| t.is_in(text, &w.anaphor_verbs);
    if s.get(2).is_some_and(verb) {
        return true;
    }
    // "in this sector", "in this sub-sector": a phrase of a few words with a word pointing
    // back ("The growth in exports was 7%" names a measure of its own).
    if !s
        .get(2)
        .is_some_and(|t| t.is_in(text, &lang.periods.prepositions))
    {
        return false;
    }
    let phrase = s[3..]
        .iter()
        .take(POINTING_PHRASE + 1)
        .position(verb)
        .map(|p| &s[3..3 + p]);
    phrase.is_some_and(|p| {
        p.iter().any(|t| t.is_in(text, &w.anaphors))
            && p.iter().all(|t| t.kind == Kind::Word || t.is(text, "-"))
    })
}

/// How many tokens the phrase pointing back after a noun of change may have ("in this
/// sub-sector").
const POINTING_PHRASE: usize = 4;

/// Whether a change is what something is compared with: "than the 9.4 pct rise", "from a
/// 10.2 pct increase".
fn compared_with(doc: &Document, toks: &[Token], change: &Change) -> bool {
    let text = &doc.text;
    let at = toks.partition_point(|t| t.start < change.stated.start);
    let article =
        |k: usize| toks[k].is(text, doc.lang.periods.the) || toks[k].is(text, doc.lang.periods.a);
    let k = match at.checked_sub(1) {
        Some(k) if article(k) => k.checked_sub(1),
        k => k,
    };
    k.is_some_and(|k| toks[k].is_in(text, &doc.lang.claims.introducing_baseline))
}

/// Whether a change in points is a noun phrase after "the", "this" or "that" ("The
/// announcement of the 0.5 percentage point rise came after ..."): a move of a rate named
/// before, whose figures it takes. (A change compared with, "slower than the 9.4 pct rise",
/// is turned down by [`compared_with`] before this is asked.)
fn definite_change(doc: &Document, toks: &[Token], change: &Change) -> bool {
    if change.measure != Measure::Points {
        return false;
    }
    let at = toks.partition_point(|t| t.start < change.stated.start);
    let text = &doc.text;
    let determiner = at > 0
        && (toks[at - 1].is(text, doc.lang.periods.the)
            || toks[at - 1].is_in(text, &doc.lang.claims.anaphors));
    let noun = change
        .direction_span
        .is_some_and(|d| d.start > change.stated.start);
    determiner && noun && toks.get(at).is_some_and(|t| t.kind == Kind::Num)
}

/// Whether a change stated at `stated` is labelled with a colon and opens its sentence (its
/// tokens), after a bullet at most: "-Earnings Growth (Y-o-Y): 40.0%".
fn opens_with_label(doc: &Document, sentence: &[Token], stated: Span) -> bool {
    let opening = sentence.iter().take(3).any(|t| t.start == stated.start);
    opening
        && stated
            .slice(&doc.text)
            .contains(doc.lang.claims.label_colon)
}

/// Gives each change claim without a value, in a sentence that opens with an anaphor, the
/// value of the last claim of the sentence just before (a figure in the same kind of unit:
/// a percent for a change in points, any other unit for a percent or an amount).
pub fn carry_values(doc: &Document, ex: &Extraction, claims: &mut [Claim]) {
    let toks = &ex.tokens[..];
    for i in 0..claims.len() {
        let claim = &claims[i];
        let Some(change) = claim.change.as_ref() else {
            continue;
        };
        if claim.kind != ClaimKind::Change || claim.value.is_some() {
            continue;
        }
        let first = toks.partition_point(|t| t.start < claim.sentence.start);
        let end = toks.partition_point(|t| t.start < claim.sentence.end);
        // "That is smaller than the 0.5 percentage point rise of last May": another move.
        if compared_with(doc, toks, change) {
            continue;
        }
        let labelled = opens_with_label(doc, &toks[first..end], change.stated);
        let definite = definite_change(doc, toks, change);
        let noun_opener = opens_with_change_noun(doc.lang, &doc.text, &toks[first..end], change);
        if !labelled
            && !definite
            && !noun_opener
            && !opens_with_anaphor(doc.lang, &doc.text, toks, first, end)
            && !opens_with_pronoun_change(doc.lang, &doc.text, &toks[first..end])
        {
            continue;
        }
        let points = change.measure == Measure::Points;
        // The sentence just before, or the one before it when it states no figure ("In
        // absolute terms, March saw the highest volumes since May 2021. The result was still
        // down by 14.8%").
        let states_figure = |s: &Span| {
            claims[..i]
                .iter()
                .any(|c| c.sentence == *s && c.value.as_ref().is_some_and(|v| v.stated.is_some()))
        };
        let previous = doc
            .sentences
            .iter()
            .rev()
            .filter(|s| s.end <= claim.sentence.start)
            .take(2)
            .find(|s| states_figure(s));
        // With a stated baseline, the figure it is compared with is of its unit (or the
        // baseline is bare: "140.88 billion pesos ... It rose 13.35 pct from 124.27 billion")
        // and size: "$7.67 billion, or $0.98 per share. This was higher than $5.48 billion".
        let base = claim.baseline.as_ref().filter(|b| !b.implied);
        let comparable = |v: &Figure| {
            base.is_none_or(|b| {
                (v.unit == b.unit || b.unit.is_none() && v.unit != Some("%"))
                    && comparable_size(&v.interval, &b.interval)
            })
        };
        // "rose 9.1% to $24.7 million. This was up from $22.64 billion": two amounts each
        // with a scale word are one comparison even a scale apart, a slip to report.
        let scaled = |f: &Figure| {
            f.mention
                .and_then(|m| ex.mentions.get(m))
                .and_then(|m| scale_of(&doc.text, m))
                .is_some_and(|x| x > 1.0)
        };
        let slipped = |v: &Figure| base.is_some_and(|b| v.unit == b.unit && scaled(v) && scaled(b));
        // "The 0.25 percentage point hike" names a move said before, the same way.
        let same_move = |c: &Claim| {
            !definite
                || c.change
                    .as_ref()
                    .is_some_and(|o| o.direction.is_some() && o.direction == change.direction)
        };
        // An amount of change in a unit is of a figure in that unit: "we added 1.5 billion
        // bushels" is no change of "235 mln acre" before it.
        let amount_unit = (change.measure == Measure::Absolute)
            .then(|| change.mention.and_then(|m| ex.mentions.get(m)))
            .flatten()
            .and_then(|m| m.unit);
        let candidate = |c: &Claim, fits: &dyn Fn(&Figure) -> bool| {
            c.value.as_ref().is_some_and(|v| {
                v.stated.is_some()
                    && previous.is_some_and(|p| c.sentence == *p)
                    && (v.unit == Some("%")) == points
                    && amount_unit.is_none_or(|u| v.unit == Some(u))
                    && fits(v)
            })
        };
        let found = claims[..i]
            .iter()
            .rposition(|c| candidate(c, &comparable))
            .or_else(|| claims[..i].iter().rposition(|c| candidate(c, &slipped)));
        let found = found.filter(|&j| same_move(&claims[j]));
        let Some(j) = found else {
            // "21,022 murders were recorded for the 2018/2019 financial year. The figure was
            // 686 more than the previous year.": a count the sentence before states outside
            // any claim.
            let count = (!points && !definite && !labelled && amount_unit.is_none())
                .then(|| counted_before(doc, ex, claims, claim.sentence, &comparable))
                .flatten();
            if let Some(count) = count {
                claims[i].value = Some(count);
                claims[i].period = None;
            }
            continue;
        };
        let value = claims[j].value.clone();
        // "It is the third increase after the RBA lifted it by 50 basis points in June": a
        // change that names a period of its own other than the figure's is another move.
        // (With a baseline stated, the period read may be the baseline's.)
        let own = claim
            .period
            .filter(|p| !claim.period_assumed && !matches!(p, Period::Day(..)))
            .filter(|_| base.is_none());
        if let (Some(p), Some(q)) = (own, value.as_ref().and_then(|v| v.period)) {
            if p != q {
                continue;
            }
        }
        // "-Earnings (Q4): $7.67 Bln. vs. $5.48 Bln. last year. -Earnings Growth (Y-o-Y):
        // 40.0%": the labelled change is the one between the two figures before it.
        // "to 3.85 per cent, up from 3.6 per cent. ... The 0.25 percentage point hike": the
        // move between the two figures before it.
        // "The growth in this sector is 7.45 percent": the change between the two figures
        // before it, which state none.
        let no_change = claims[j]
            .change
            .as_ref()
            .is_none_or(|c| !c.interval.is_bounded());
        let compared = claims[j].baseline.clone().filter(|b| {
            !b.implied
                && b.stated.is_some()
                && (labelled && claims[j].change.is_none() || definite || noun_opener && no_change)
        });
        let claim = &mut claims[i];
        // An implied baseline's period read back from the claim's own day ("the previous
        // quarter" of the article's day) is not of the value carried in, which has another.
        let day = matches!(claim.period, Some(Period::Day(..)));
        let other = value
            .as_ref()
            .and_then(|v| v.period)
            .is_some_and(|p| !matches!(p, Period::Day(..)));
        if let Some(b) = claim
            .baseline
            .as_mut()
            .filter(|b| b.implied && b.stated.is_none() && day && other)
        {
            b.period = None;
        }
        claim.value = value;
        claim.period = None;
        if let Some(b) = compared {
            if claim
                .baseline
                .as_ref()
                .is_none_or(|own| own.stated.is_none())
            {
                claim.baseline = Some(b);
            }
        }
        // "rose 9.1% to $24.7 billion. This was up from $22.64 billion": the baseline of the
        // change before, which stated none.
        let baseline = claim.baseline.clone().filter(|b| {
            !b.implied
                && claim
                    .change
                    .as_ref()
                    .is_some_and(|c| !c.interval.is_bounded())
        });
        let before = &mut claims[j];
        let open = before
            .baseline
            .as_ref()
            .is_none_or(|b| b.implied && b.stated.is_none());
        if let (Some(b), Some(_), true) = (baseline, before.change.as_ref(), open) {
            before.baseline = Some(b);
        }
    }
}

/// The last bare count of the sentence just before `sentence` that no claim holds, written
/// as a count is (with group separators or a scale word: not a year, a day or a rank), and
/// that `fits`: "21,022 murders were recorded", "Samoa welcomed a total of 24,596
/// international arrivals", "between 9.9 and 10.1 mln tonnes".
fn counted_before(
    doc: &Document,
    ex: &Extraction,
    claims: &[Claim],
    sentence: Span,
    fits: &dyn Fn(&Figure) -> bool,
) -> Option<Figure> {
    let before = doc
        .sentences
        .iter()
        .rev()
        .find(|s| s.end <= sentence.start)?;
    let held = |m: usize| {
        claims.iter().any(|c| {
            [c.value.as_ref(), c.baseline.as_ref()]
                .into_iter()
                .flatten()
                .any(|f| f.mention == Some(m))
                || c.change.as_ref().is_some_and(|ch| ch.mention == Some(m))
        })
    };
    let text = &doc.text;
    let written_as_count = |m: &crate::mention::Mention| {
        parse(m.number_span.slice(text)).is_some_and(|n| n.grouped)
            || scale_of(text, m).is_some_and(|x| x > 1.0)
    };
    ex.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| before.start <= m.span.start && m.span.end <= before.end)
        .filter(|(k, m)| m.kind == MentionKind::Number && written_as_count(m) && !held(*k))
        .map(|(k, m)| figure(m, k, None))
        .rfind(|f| fits(f))
}
