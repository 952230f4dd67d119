//! Figures of a change stated in a neighbouring sentence: a change with no figures of its own
//! ("Global smartphone shipments are down 9.7 per cent.") takes the value, and the baseline
//! when there is one, of the next sentence that restates the same measure ("Global shipments
//! sat at 301.9 million units for the September quarter.", "net profit rose to S$2.63 billion
//! from S$2.24 billion a year earlier").
//!
//! Favours leaving a change unlinked over linking it wrong: the two claims must name the same
//! measure (the same measure words, no other place or scope), agree on the period, be the only
//! such pair, and nothing in between may speak of that measure.

use crate::claim::{Change, Claim, ClaimKind, Figure, Measure};
use crate::document::Document;
use crate::extract::tokens::{Kind, Token};
use crate::extract::Extraction;
use crate::lang::Language;
use crate::period::Period;
use crate::span::Span;

use super::periods::{self, PeriodMark, PeriodRef};
use super::subject::{content_words, coordinated, head_word, measure_words, Keys};

/// How many sentences after a change its figures may be restated in.
const REACH: usize = 2;

/// Words read after a nominal change for the measure it names ("a 19 percent drop in
/// third-quarter operating profit").
const TAIL_WORDS: usize = 6;

/// Words read after a value for what it counts ("16 homicides").
const COUNTED_WORDS: usize = 3;

/// More qualifiers than this in a restatement's words make it another measure.
const MAX_QUALIFIERS: usize = 2;

/// What a claim is about, as the subject table's keys: the measures named, and the places and
/// scopes; when it names no known measure, the word that names it ("emissions", "ridership")
/// and the content words it is said in.
pub(super) struct About {
    measures: Vec<&'static str>,
    places: Vec<&'static str>,
    head: Option<String>,
    words: Vec<String>,
}

impl About {
    /// The keys of `text` only: what tells measures apart when the table knows them.
    fn keys(lang: &Language, text: &str) -> About {
        let words = &lang.subjects;
        let (places, measures) = Keys::of(words, text)
            .known()
            .iter()
            .partition(|k| words.places_and_scopes.contains(k));
        About {
            measures,
            places,
            head: None,
            words: Vec::new(),
        }
    }

    /// The keys of `text`, and when none names a measure, its own word for it and its content
    /// words. A word of change ("growth", "increase") names no measure.
    pub(super) fn of(lang: &Language, text: &str) -> About {
        let mut about = About::keys(lang, text);
        if about.measures.is_empty() {
            let words = &lang.subjects;
            about.head = head_word(words, text, |w| lang.directions.get(w).is_some());
            about.words = content_words(words, text);
        }
        about
    }

    /// The same measures, and no place or scope that tells them apart (one side may name
    /// none); with no known measure on either side, `other` says the word that names this one.
    pub(super) fn same_measure(&self, other: &About) -> bool {
        let same = if self.measures.is_empty() {
            other.measures.is_empty() && self.head.as_ref().is_some_and(|h| other.words.contains(h))
        } else {
            self.measures == other.measures
        };
        same && (self.places.is_empty() || other.places.is_empty() || self.places == other.places)
    }

    /// Whether it names what it measures, by a key or by a word of its own.
    pub(super) fn names_measure(&self) -> bool {
        !self.measures.is_empty() || self.head.is_some()
    }
}

/// What a change claim is about: its subject's keys, or, when its subject names no measure
/// (a nominal change: "reported a 19 percent drop in third-quarter operating profit"), those of
/// the few words after the change, up to a figure, a punctuation mark or a coordinator.
fn about_change(doc: &Document, toks: &[Token], c: &Claim, stated: Span) -> About {
    let about = About::keys(doc.lang, &c.subject);
    if !about.measures.is_empty() {
        return about;
    }
    let text = &doc.text;
    // The object of a transitive verb, before the figure: "(the bank) lifted interest rates
    // by 0.5 percentage points".
    let object = tokens_of(toks, stated)
        .take_while(|t| t.kind == Kind::Word || t.is(text, "-"))
        .last();
    if let Some(last) = object.filter(|t| t.end > stated.start) {
        let phrase = format!("{} {}", c.subject, &text[stated.start..last.end]);
        let about = About::keys(doc.lang, &phrase);
        if !about.measures.is_empty() {
            return about;
        }
    }
    let first = toks.partition_point(|t| t.start < stated.end);
    // A number joined to a word by a hyphen is part of its name ("Covid-19 cases").
    let named_number = |k: usize| {
        toks[k].kind == Kind::Num
            && k > first
            && toks[k - 1].is(text, "-")
            && toks[k - 1].end == toks[k].start
    };
    let tail = (first..toks.len())
        .take_while(|&k| toks[k].end <= c.sentence.end)
        .take_while(|&k| {
            let t = &toks[k];
            t.kind == Kind::Word && !t.is_in(text, &doc.lang.subjects.coordinators)
                || t.is(text, "-")
                || named_number(k)
        })
        .take(TAIL_WORDS)
        .last()
        .map(|k| &toks[k]);
    // The subject's own word for the measure, when the words after the change name no key.
    let phrase = tail.map(|last| format!("{} {}", c.subject, &text[stated.end..last.end]));
    if let Some(keys) = phrase
        .as_deref()
        .map(|p| About::keys(doc.lang, p))
        .filter(|keys| !keys.measures.is_empty())
    {
        return keys;
    }
    // No key names the measure: the subject's own word for it, else the words after's.
    let own = About::of(doc.lang, &c.subject);
    match phrase {
        Some(phrase) if own.head.is_none() => About::of(doc.lang, &phrase),
        _ => own,
    }
}

/// [`about_change`] of change claim `c`, read from the words that state its change (the whole
/// claim when it has none).
fn about_stated_change(doc: &Document, toks: &[Token], c: &Claim) -> About {
    let stated = c.change.as_ref().map_or(c.span, |ch| ch.stated);
    about_change(doc, toks, c, stated)
}

/// What a claim with a value is about: its subject's keys, or, when its subject names no
/// measure ("with a figure of £536,000"), those of its sentence up to its first figure, from
/// after the last comma, reporting verb or "that" ("The tech giant said in a filing that its
/// operating profit is estimated at ...").
pub(super) fn about_value<'a>(
    doc: &'a Document,
    toks: &[Token],
    c: &'a Claim,
    value: Span,
) -> (About, &'a str) {
    let about = About::keys(doc.lang, &c.subject);
    if !about.measures.is_empty() {
        return (about, &c.subject);
    }
    let upto = c
        .change
        .as_ref()
        .map_or(value.start, |ch| ch.stated.start.min(value.start))
        .max(c.sentence.start);
    let words = &doc.lang.subjects;
    let text = &doc.text;
    // The shortest such stretch that names a measure ("its operating profit is estimated
    // at", not "at"), else the whole start of the sentence.
    let first = toks.partition_point(|t| t.start < c.sentence.start);
    let last = toks.partition_point(|t| t.start < upto);
    let cut = |t: &&Token| {
        t.is(text, ",")
            || t.is_in(text, &words.reporting_verbs)
            || t.is_in(text, &words.reported_clause)
    };
    let stretch = |from: usize| {
        let before = &text[from..upto];
        (About::keys(doc.lang, before), before)
    };
    let named = toks[first..last]
        .iter()
        .rev()
        .filter(cut)
        .map(|t| t.end)
        .chain([c.sentence.start])
        .map(stretch)
        .find(|(about, _)| !about.measures.is_empty());
    named.unwrap_or_else(|| {
        // The object of its own verb of change: "The company cut its operating profit
        // forecast ... to 550 billion yen". An opening source aside names no measure ("According
        // to the data of the Ministry of Health released yesterday, 33,989 cases ...").
        let (according, to) = doc.lang.claims.source_aside;
        let opening = &toks[first..last];
        let from = match opening {
            [a, b, ..] if a.is(text, according) && b.is(text, to) => opening
                .iter()
                .find(|t| t.is(text, ","))
                .map_or(c.sentence.start, |t| t.end),
            _ => c.sentence.start,
        };
        let before = &text[from..upto];
        // Else the words of the start of the sentence, which may say the word naming a
        // measure no key names ("Total greenhouse gas emissions were estimated at").
        let object = c
            .change
            .as_ref()
            .map(|ch| about_change(doc, toks, c, ch.stated))
            .filter(|object| !object.measures.is_empty())
            .unwrap_or_else(|| {
                // With the words that say what the value counts ("16 homicides in June").
                let at = toks.partition_point(|t| t.start < value.end);
                let counted = toks[at..]
                    .iter()
                    .take_while(|t| t.end <= c.sentence.end && t.kind == Kind::Word)
                    .take_while(|t| !t.is_in(text, &words.stopwords))
                    .take(COUNTED_WORDS)
                    .last()
                    .map_or("", |t| &text[value.end..t.end]);
                About::of(doc.lang, &format!("{before} {counted}"))
            });
        (object, before)
    })
}

/// How many content words of `phrase` that name no known key are not among `said`, the content
/// words of the change's sentence: the qualifiers a restatement adds ("the consumer prices index
/// for the families of workers and employees" restates no "consumer price index").
fn qualifiers(doc: &Document, phrase: &str, said: &[String]) -> usize {
    let words = &doc.lang.subjects;
    measure_words(words, phrase)
        .iter()
        .filter(|w| Keys::of(words, w).known().is_empty())
        .filter(|w| !said.contains(w))
        .count()
}

/// Whether the name of a measure in `phrase` picks one of many by a superlative that `said`,
/// the content words of the change's sentence, lacks: "Champions Leyton Orient had the largest
/// average attendance of 5,445" is one club's, not the division's average attendance.
fn one_of_many(doc: &Document, phrase: &str, said: &[String]) -> bool {
    let (superlatives, _) = &doc.lang.periods.superlatives;
    measure_words(&doc.lang.subjects, phrase)
        .iter()
        .any(|w| superlatives.contains(w) && !said.contains(w))
}

/// Whether two names of the same measure set different words right before it, words no key
/// knows, and the other's word is among `said`, the content words of the first one's sentence
/// ("with solar energy rising by 22%" in a sentence about wind power, then "Wind energy grew
/// to"): two measures of one kind, each said apart. A word before it in one name only ("global
/// smartphone shipments", "global shipments") leaves one measure. `about` is what the first
/// is about: its word for the measure when no key names it.
fn contrasting(doc: &Document, about: &About, one: &str, other: &str, said: &[String]) -> bool {
    let words = &doc.lang.subjects;
    let known = |w: &String| !Keys::of(words, w).known().is_empty();
    // The word before the first key of `one`, or before its word for the measure; and that
    // key or word.
    let name = measure_words(words, one);
    let at = name
        .iter()
        .position(known)
        .or_else(|| name.iter().position(|w| Some(w) == about.head.as_ref()));
    let Some((a, measure)) = at
        .filter(|&at| at > 0 && !known(&name[at - 1]))
        .map(|at| (&name[at - 1], &name[at]))
    else {
        return false;
    };
    let other_name = measure_words(words, other);
    let b = other_name
        .iter()
        .position(|w| w == measure)
        .filter(|&at| at > 0)
        .map(|at| &other_name[at - 1]);
    // `a` is in `name`: a `b` not in it is another word.
    b.is_some_and(|b| !known(b) && !other_name.contains(a) && !name.contains(b) && said.contains(b))
}

/// The latest year written in a sentence ("its 1986 domestic group net profit fell by around
/// 20 pct against 1985"), read from four-digit numbers.
fn latest_year(doc: &Document, toks: &[Token], sentence: Span) -> Option<i32> {
    tokens_of(toks, sentence)
        .filter(|t| t.kind == Kind::Num && t.end - t.start == 4)
        .filter_map(|t| t.text(&doc.text).parse::<i32>().ok())
        .filter(|y| crate::period::YEARS.contains(y))
        .max()
}

/// Fills in the value (and baseline) of each change claim that states neither from the claim
/// of a following sentence that restates its measure.
pub fn fill(doc: &Document, ex: &Extraction, claims: &mut [Claim]) {
    if !claims.iter().any(|c| open_change(c).is_some()) {
        return;
    }
    let toks = &ex.tokens;
    let mut taken = vec![false; claims.len()];
    let mut used = vec![false; ex.mentions.len()];
    for c in claims.iter() {
        let figures = [&c.value, &c.baseline];
        let change = c.change.as_ref().and_then(|ch| ch.mention);
        for m in figures
            .iter()
            .filter_map(|f| f.as_ref()?.mention)
            .chain(change)
        {
            if let Some(u) = used.get_mut(m) {
                *u = true;
            }
        }
    }
    for i in 0..claims.len() {
        let Some(measure) = open_change(&claims[i]) else {
            continue;
        };
        let c = &claims[i];
        // A figure in the sentence that no claim took ("20.7 pct below the May, 1986, level
        // of 777,000"): the change may be about it.
        let first = ex
            .mentions
            .partition_point(|m| m.span.start < c.sentence.start);
        let end = first
            + ex.mentions[first..]
                .iter()
                .take_while(|m| m.span.end <= c.sentence.end)
                .count();
        if !any_figure(doc, claims, c.sentence, measure) {
            continue;
        }
        let unused = (first..end)
            .filter(|&k| !used[k])
            .map(|k| ex.mentions[k].span);
        if stray(doc, toks, c.sentence, unused) {
            continue;
        }
        if coordinated(&doc.lang.subjects, &c.subject) {
            continue;
        }
        let about = about_stated_change(doc, toks, c);
        if !about.names_measure() {
            continue;
        }
        let own = sentence_claims(claims, c.sentence);
        let apart = own.filter(|&k| k != i).any(|k| {
            let other = &claims[k];
            // Two changes without figures in one sentence, about one measure: which of them
            // the neighbour restates is unclear.
            if open_change(other).is_some() {
                return about.same_measure(&about_stated_change(doc, toks, other));
            }
            // A figure of the measure in the change's own sentence that the linker left
            // apart ("fell to 383,380 from 402,599, down 4.8 pct") is kept apart: the change
            // is not the neighbour's either.
            // Only a figure that could be the change's level: "grew 9.3% ..., and 13.9%
            // against September 2019" is another change, not a level.
            other
                .value
                .as_ref()
                .filter(|v| fits(measure, v))
                .and_then(|v| v.stated)
                .is_some_and(|v| about.same_measure(&about_value(doc, toks, other, v).0))
        });
        if apart {
            continue;
        }
        let Some(j) = restatement(doc, toks, claims, i, measure, &about) else {
            continue;
        };
        if std::mem::replace(&mut taken[j], true) {
            continue;
        }
        attach(doc, claims, i, j);
    }
}

/// Whether a sentence has a figure that no claim took and that does not date the sentence:
/// the day of a date ("SEOUL, Nov. 13"), a count of time ("the first cut in four years") and
/// a count inside a period phrase ("the first 10 days of November") measure nothing a change
/// may be about.
fn stray(
    doc: &Document,
    toks: &[Token],
    sentence: Span,
    unused: impl Iterator<Item = Span>,
) -> bool {
    // A day of a date, or a count of time ("the first cut in four years").
    let day_of_month = |figure: Span| {
        let at = toks.partition_point(|t| t.start < figure.start);
        toks.get(at).is_some_and(|t| t.end == figure.end)
            && (periods::day_of_date(doc.lang, &doc.text, toks, at)
                || periods::counts_time(doc.lang, &doc.text, toks, at))
    };
    let mut marks: Option<Vec<PeriodMark>> = None;
    for figure in unused.filter(|&f| !day_of_month(f)) {
        let marks = marks.get_or_insert_with(|| marks_of(doc, toks, sentence).2);
        let in_period = marks
            .iter()
            .any(|m| toks[m.first].start <= figure.start && figure.end <= toks[m.end - 1].end);
        if !in_period {
            return true;
        }
    }
    false
}

/// The period phrases of a sentence, with the range of its tokens they index into.
pub(super) fn marks_of(
    doc: &Document,
    toks: &[Token],
    sentence: Span,
) -> (usize, usize, Vec<PeriodMark>) {
    let first = toks.partition_point(|t| t.start < sentence.start);
    let end = first + tokens_of(toks, sentence).count();
    let mut marks = Vec::new();
    periods::find(doc.lang, &doc.text, toks, first, end, doc.date, &mut marks);
    (first, end, marks)
}

/// Whether a sentence names no period at all: no period phrase, and no month in words not
/// read as one ("ahead of the meeting on February 22").
fn names_no_period(doc: &Document, toks: &[Token], sentence: Span) -> bool {
    let (first, end, marks) = marks_of(doc, toks, sentence);
    let months = &doc.lang.units.months;
    marks.is_empty()
        && !toks[first..end]
            .iter()
            .any(|t| t.look_up(&doc.text, months).is_some())
}

/// Whether one of the sentences after `sentence` that a change's figures may be restated in
/// has a written figure of the kind the change needs: most have none, and the words of the
/// measure need not be read then.
fn any_figure(doc: &Document, claims: &[Claim], sentence: Span, measure: Measure) -> bool {
    let at = doc.sentences.partition_point(|s| s.start < sentence.start);
    doc.sentences.iter().skip(at + 1).take(REACH).any(|&s| {
        sentence_claims(claims, s).any(|j| {
            claims[j]
                .value
                .as_ref()
                .is_some_and(|v| !v.implied && v.stated.is_some() && fits(measure, v))
        })
    })
}

/// The indices of the claims of one sentence (claims are in the order of the text).
pub(super) fn sentence_claims(claims: &[Claim], sentence: Span) -> std::ops::Range<usize> {
    let a = claims.partition_point(|c| c.sentence.start < sentence.start);
    let b = claims.partition_point(|c| c.sentence.start <= sentence.start);
    a..b.max(a)
}

/// The claim of one of the next sentences that restates the measure of change claim `i`: the
/// first sentence that speaks of the measure decides; its claim must fit the change's measure
/// and period, and be the only one there with complete figures (a value and a baseline with no
/// change of their own), else the only one that says the same change, or the only one at all.
fn restatement(
    doc: &Document,
    toks: &[Token],
    claims: &[Claim],
    i: usize,
    measure: Measure,
    about: &About,
) -> Option<usize> {
    let c = &claims[i];
    let period = measured(doc, c.period);
    let base_period = c.baseline.as_ref().and_then(|b| measured(doc, b.period));
    let year = c
        .period
        .is_none()
        .then(|| latest_year(doc, toks, c.sentence))
        .flatten();
    let mut forecast = None;
    let mut qualification = None;
    let mut said = None;
    let mut comparison = None;
    let at = doc
        .sentences
        .partition_point(|s| s.start < c.sentence.start);
    for &sentence in doc.sentences.iter().skip(at + 1).take(REACH) {
        // A measure named by its own word is spoken of only where the word is written: the
        // cheap test before reading what each figure there is of.
        let unwritten = about.measures.is_empty()
            && about
                .head
                .as_deref()
                .is_some_and(|h| !written_in(&doc.text[sentence.start..sentence.end], h));
        if unwritten {
            continue;
        }
        let mut candidates = Vec::new();
        // A figure of another measure was passed over: only a complete restatement is then
        // clear enough to take.
        let mut other_measure = false;
        let mut speaks = false;
        for j in sentence_claims(claims, sentence) {
            let d = &claims[j];
            // "The total average attendance increased by 8.8 per cent. The top division's
            // average attendance fell by 3.3 per cent": another change of the measure without
            // figures comes between, and which of the two a later figure restates is unclear.
            if open_change(d).is_some() {
                if about.same_measure(&about_stated_change(doc, toks, d)) {
                    return None;
                }
                continue;
            }
            let Some(v) = d.value.as_ref().filter(|v| !v.implied) else {
                continue;
            };
            let Some(written) = v.stated else {
                continue;
            };
            // A bare count alone ("Imports from the EC totalled 830.2 billion", its currency
            // not read) says too little of what it counts to restate a change.
            let bare_level = d.kind == ClaimKind::Value && v.unit.is_none() && d.baseline.is_none();
            if bare_level || !fits(measure, v) || conversion(doc, claims, j, v, written) {
                continue;
            }
            let (restated, phrase) = about_value(doc, toks, d, written);
            if !about.same_measure(&restated) {
                continue;
            }
            speaks = true;
            // A change of its own that says the same ("dropped nearly 78 percent in the third
            // quarter. ... came to 2.43 trillion won, down 77.57 percent from a year earlier")
            // restates the change, with the figures it left out.
            // So does an amount of change the same way with no baseline of its own: "plummeted
            // by 20.5% in September. ... 338,834 cars were registered ..., 87,000 less than in
            // September 2017" (the percent is then checked against the amount).
            let own_change = d.change.as_ref().is_some_and(|ch| {
                ch.interval.is_bounded()
                    && !c.change.as_ref().is_some_and(|o| same_change(o, ch))
                    && !amount_of(c, d)
            });
            // A sentence with a change of its own about the measure, a value of the period
            // the change compares with, or a measure qualified otherwise than the change's
            // ("estimated" in both is one basis) is about something else.
            let v_period = measured(doc, v.period);
            let earlier = v_period
                .is_some_and(|p| Some(p) == base_period || year.is_some_and(|y| p.year() < y));
            // "Toyota sales jumped 11%. ... sales across the industry also fell to 1.25
            // million vehicles": a move said the other way in words is another (a flip of a
            // direction word restated this way goes unreported: no false alarm is worth it).
            let direction = |x: &Claim| x.change.as_ref().and_then(|ch| ch.direction);
            let opposite = matches!((direction(c), direction(d)), (Some(a), Some(b)) if a != b);
            // "..., missing the average estimate of 672.2 billion yen": a figure of the
            // measure with many more words of its own is another measure; the sentence still
            // speaks of this one, and may restate it in another figure.
            // "with solar energy rising by 22%. ... Wind energy grew to 1,404 TWh": each
            // names the measure with a qualifier the other lacks.
            let said = said.get_or_insert_with(|| {
                content_words(
                    &doc.lang.subjects,
                    &doc.text[c.sentence.start..c.sentence.end],
                )
            });
            if qualifiers(doc, phrase, said) > MAX_QUALIFIERS
                || one_of_many(doc, phrase, said)
                || contrasting(doc, about, &c.subject, phrase, said)
            {
                other_measure = true;
                continue;
            }
            if own_change
                || opposite
                || earlier
                || coordinated(&doc.lang.subjects, &d.subject)
                || qualified(doc, toks, sentence)
                    != *qualification.get_or_insert_with(|| qualified(doc, toks, c.sentence))
                || outlook(doc, toks, sentence)
                    != *forecast.get_or_insert_with(|| outlook(doc, toks, c.sentence))
            {
                return None;
            }
            // A period the change names must be the value's; a value with no period is of
            // whatever period its sentence names in words not read, and of the change's when
            // its sentence names none ("The cut lowers the benchmark rate to 4.75%").
            let agrees = |a: Option<Period>, b: Option<Period>| match (a, b) {
                (Some(a), b) => Some(a) == b,
                (None, _) => true,
            };
            let v_agrees = match measured(doc, v.period) {
                None if period.is_some() => names_no_period(doc, toks, sentence),
                p => agrees(period, p),
            };
            let own_base = d.baseline.as_ref().filter(|b| !b.implied);
            // A baseline with no period of its own is of the value's comparison ("compared
            // with $17.67 billion tallied a year earlier").
            let base_agrees = |b: &Figure| {
                let p = measured(doc, b.period);
                p.is_none() || agrees(base_period, p)
            };
            // "Year-on-year private sector credit grew 30.68 pct in December. ... credit grew
            // to 22.24 billion dlrs from a revised 20.92 billion in November": a baseline one
            // comparison the change's sentence names does not give is of another comparison.
            let compared = own_base
                .and_then(|b| measured(doc, b.period))
                .zip(measured(doc, v.period).or(period));
            if let Some((base, of)) = compared {
                let named = comparison.get_or_insert_with(|| comparison_of(doc, toks, c.sentence));
                if named.is_some_and(|r| r.resolve(Some(of)) != Some(base)) {
                    return None;
                }
            }
            if v_agrees && own_base.is_none_or(base_agrees) {
                candidates.push(j);
            }
        }
        if !speaks {
            continue;
        }
        let complete: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&j| complete(&claims[j]))
            .collect();
        // Else the one that restates the change: the amount beside it in another currency
        // ("2.43 trillion won, or around 1.8 billion U.S. dollars, ..., down 77.57 percent")
        // is a bare value.
        let restating: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&j| {
                claims[j]
                    .change
                    .as_ref()
                    .is_some_and(|ch| ch.interval.is_bounded())
            })
            .collect();
        return match (
            complete.as_slice(),
            restating.as_slice(),
            candidates.as_slice(),
        ) {
            ([j], _, _) => Some(*j),
            ([], [j], _) | ([], [], [j]) if !other_measure => Some(*j),
            _ => None,
        };
    }
    None
}

/// Whether value `v` of claim `j`, written at `written`, gives another claim's value of its
/// sentence in another unit, right after it: "2.43 trillion won, or around 1.8 billion U.S.
/// dollars", "S$3.17 billion (US$2.4b)".
fn conversion(doc: &Document, claims: &[Claim], j: usize, v: &Figure, written: Span) -> bool {
    let restating = &doc.lang.claims.restating;
    sentence_claims(claims, claims[j].sentence)
        .filter(|&k| k != j)
        .filter_map(|k| claims[k].value.as_ref())
        .filter(|o| o.unit != v.unit)
        .filter_map(|o| o.stated)
        .any(|o| {
            o.end <= written.start && {
                let between = doc.text[o.end..written.start].trim();
                let word = between.trim_start_matches(',').trim();
                between == "(" || between.starts_with(',') && restating.contains(word)
            }
        })
}

/// Whether two changes say the same: one measure and direction, figures that overlap.
fn same_change(a: &Change, b: &Change) -> bool {
    a.measure == b.measure
        && a.direction.is_some()
        && a.direction == b.direction
        && a.interval.overlaps(&b.interval)
}

/// A value with a stated baseline and no change figure of its own ("rose to S$2.63 billion
/// from S$2.24 billion"): the figures a bare change leaves out.
fn complete(d: &Claim) -> bool {
    d.baseline
        .as_ref()
        .is_some_and(|b| !b.implied && b.stated.is_some())
        && d.change.as_ref().is_none_or(|ch| !ch.interval.is_bounded())
}

/// Whether claim `d` states the amount of percent change `c` in the same direction, with no
/// baseline of its own: `d`'s change restates `c`'s ("fell 20.5%. ... 338,834 cars, 87,000
/// less than in September 2017").
fn amount_of(c: &Claim, d: &Claim) -> bool {
    let (Some(percent), Some(amount)) = (c.change.as_ref(), d.change.as_ref()) else {
        return false;
    };
    percent.measure == Measure::Percent
        && amount.measure == Measure::Absolute
        && amount.interval.is_bounded()
        && amount.restates.is_none()
        && percent.direction.is_some()
        && percent.direction == amount.direction
        && d.baseline.as_ref().is_none_or(|b| b.implied)
}

/// Gives change claim `i` the value of claim `j`, and its baseline when `j` states one without
/// a change of its own (a baseline of another change may be of another comparison), and marks
/// an amount of `j` that restates `i`'s percent ([`amount_of`]).
fn attach(doc: &Document, claims: &mut [Claim], i: usize, j: usize) {
    let baseline = claims[j].baseline.clone().filter(|_| complete(&claims[j]));
    let Some(mut value) = claims[j].value.clone() else {
        return;
    };
    let restated = amount_of(&claims[i], &claims[j]).then_some(claims[j].id);
    let c = &mut claims[i];
    if let Some(change) = c.change.as_mut().filter(|_| restated.is_some()) {
        change.restates = restated;
    }
    if value.period.is_none() {
        value.period = measured(doc, c.period);
    }
    c.value = Some(value);
    c.period = None;
    if let Some(b) = baseline {
        c.baseline = Some(b);
    }
}

/// The words by which a sentence names a basis of its figures ("on a comparable store
/// basis", "seasonally adjusted", "estimated"), lowercase and sorted: a change and a figure
/// whose sentences name different ones may be on different bases; two estimates are one.
fn qualified(doc: &Document, toks: &[Token], sentence: Span) -> Vec<String> {
    let words = &doc.lang.subjects;
    let mut said: Vec<String> = tokens_of(toks, sentence)
        .filter(|t| {
            t.is_in(&doc.text, &words.basis_words) || t.is_in(&doc.text, &words.basis_references)
        })
        .map(|t| t.text(&doc.text).to_lowercase())
        .collect();
    said.sort();
    said.dedup();
    said
}

/// Whether `word` (lowercase) is written in `text`, in any case: a test for a word's stem, so
/// also inside longer words.
fn written_in(text: &str, word: &str) -> bool {
    let w = word.as_bytes();
    !w.is_empty()
        && text
            .as_bytes()
            .windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w))
}

/// The comparison a sentence names for its changes, by a phrase of a baseline's period or a
/// basis ("year-on-year", "from a year earlier", "month-on-month"), the first when several.
pub(super) fn comparison_of(doc: &Document, toks: &[Token], sentence: Span) -> Option<PeriodRef> {
    marks_of(doc, toks, sentence)
        .2
        .into_iter()
        .find(|m| m.baseline || m.basis)
        .map(|m| m.period)
}

/// Whether a sentence speaks of the future or a forecast ("will fall 25% next season").
fn outlook(doc: &Document, toks: &[Token], sentence: Span) -> bool {
    tokens_of(toks, sentence).any(|t| t.is_in(&doc.text, &doc.lang.claims.outlook))
}

/// The tokens of a sentence.
fn tokens_of(toks: &[Token], sentence: Span) -> impl Iterator<Item = &Token> {
    let first = toks.partition_point(|t| t.start < sentence.start);
    toks[first..]
        .iter()
        .take_while(move |t| t.end <= sentence.end)
}

/// Whether a change claim has no figures of its own for a neighbour to give.
fn open_change(c: &Claim) -> Option<Measure> {
    let change = c.change.as_ref()?;
    let bare = c.value.is_none()
        && change.restates.is_none()
        && (change.interval.is_bounded() || change.mention.is_some())
        && c.baseline
            .as_ref()
            .is_none_or(|b| b.implied && b.stated.is_none());
    let measure = change.measure;
    (bare && matches!(measure, Measure::Percent | Measure::Points)).then_some(measure)
}

/// A period that says when something was reported rather than what it measures: a day in the
/// week before the article's date ("reported on Monday").
pub(super) fn measured(doc: &Document, p: Option<Period>) -> Option<Period> {
    let (Some(Period::Day(y, m, d)), Some(date)) = (p, doc.date) else {
        return p;
    };
    let reported = y == date.year && m == date.month && d <= date.day && d + 7 >= date.day;
    (!reported).then_some(Period::Day(y, m, d))
}

/// Whether a figure fits a change of `measure`: a percent value for a change in points, any
/// other for a percent change.
fn fits(measure: Measure, v: &Figure) -> bool {
    (v.unit == Some("%")) == (measure == Measure::Points)
}

#[cfg(test)]
mod tests {
    use crate::analysis::Checked;

    fn checked(text: &str) -> Checked {
        super::super::test_support::checked_on(text, "2024-11-21")
    }

    /// (value, baseline) as written of the claim whose change is written `change`.
    fn figures(text: &str, change: &str) -> (String, String) {
        let c = checked(text);
        let claim = c
            .claims
            .iter()
            .find(|k| {
                k.change
                    .as_ref()
                    .is_some_and(|ch| ch.stated.slice(text) == change)
            })
            .unwrap_or_else(|| panic!("no claim for {change:?}: {:#?}", c.claims));
        let written = |f: &Option<crate::claim::Figure>| {
            f.as_ref()
                .and_then(|f| f.stated)
                .map_or(String::new(), |s| s.slice(text).to_string())
        };
        (written(&claim.value), written(&claim.baseline))
    }

    fn rules(text: &str) -> Vec<&'static str> {
        checked(text).findings.iter().map(|f| f.rule).collect()
    }

    const RESTATED: &str = "Acme reported a 12 percent jump in third-quarter net profit. \
        Net profit rose to $5.6 million in the third quarter from $5.0 million a year earlier.";

    #[test]
    fn a_bare_change_takes_the_figures_of_the_next_sentence() {
        assert_eq!(
            figures(RESTATED, "12 percent jump"),
            ("$5.6 million".into(), "$5.0 million".into())
        );
        assert!(rules(RESTATED).is_empty(), "{:?}", rules(RESTATED));
    }

    #[test]
    fn a_measure_qualified_otherwise_is_not_restated() {
        // Each name sets its own word before "energy", and the first sentence speaks of wind
        // too: the 22% is solar's, the levels wind's.
        let text = "Power generated from wind grew by 12% in 2019, with solar energy rising by \
                    22%. Wind energy grew to 1,404 TWh in 2019, up from 1,260 TWh in 2018.";
        assert_eq!(
            figures(text, "rising by 22%"),
            (String::new(), String::new())
        );
        assert!(rules(text).is_empty(), "{:?}", rules(text));
        // One name longer than the other is the same measure.
        let text = "Solar energy rose by 22% in 2019. Global solar energy grew to 699 TWh in \
                    2019, up from 573 TWh in 2018.";
        assert_eq!(
            figures(text, "rose by 22%"),
            ("699 TWh".into(), "573 TWh".into())
        );
    }

    #[test]
    fn another_bare_change_of_the_measure_between_keeps_the_figures_apart() {
        // Which of the two changes the levels restate is unclear.
        let text = "Total average attendance increased by 8.8 per cent. The top division's \
                    average attendance fell by 3.3 per cent. The average attendance was 5,445, \
                    compared to 5,005 last season.";
        let none = (String::new(), String::new());
        assert_eq!(figures(text, "increased by 8.8 per cent"), none);
        // Without the second change, the levels restate the first.
        let text = "Average attendance increased by 8.8 per cent. The average attendance was \
                    5,445, compared to 5,005 last season.";
        let levels = ("5,445".into(), "5,005".into());
        assert_eq!(figures(text, "increased by 8.8 per cent"), levels);
    }

    #[test]
    fn a_figure_picked_by_a_superlative_restates_no_change_of_the_whole() {
        let text = "The total average attendance increased by 8.8 per cent from last year. \
                    Champions Leyton Orient had the largest average attendance of 5,445, \
                    compared to 4,337 last season.";
        let none = (String::new(), String::new());
        assert_eq!(figures(text, "increased by 8.8 per cent"), none);
        assert!(rules(text).is_empty(), "{:?}", rules(text));
    }

    #[test]
    fn the_restated_figures_check_the_change() {
        let wrong = RESTATED.replace("12 percent", "21 percent");
        assert_eq!(rules(&wrong), ["change-mismatch"]);
    }

    #[test]
    fn a_dateline_and_the_count_of_a_period_are_no_stray_figures() {
        // The day of the dateline and the "10" of "the first 10 days" measure nothing; the
        // restatement names the days as a range and its baseline's period loosely.
        let text = "BUSAN, Nov. 21 -- Exports of chips rose 8.1 percent on-year in the first 20 \
                    days of November, data showed.Chip exports reached $9.31 billion in the \
                    Nov. 1-20 period, compared with $8.61 billion posted a year earlier.";
        assert_eq!(
            figures(text, "rose 8.1 percent"),
            ("$9.31 billion".into(), "$8.61 billion".into())
        );
        assert!(rules(text).is_empty(), "{:?}", rules(text));
        assert_eq!(
            rules(&text.replace("8.1 percent", "18.1 percent")),
            ["change-mismatch"]
        );
        // Another range of days is another period.
        let other = text.replace("Nov. 1-20", "Nov. 1-10");
        assert_eq!(
            figures(&other, "rose 8.1 percent"),
            (String::new(), String::new())
        );
    }

    #[test]
    fn the_object_of_a_transitive_verb_names_the_measure() {
        // The subject is the bank; the rate is the verb's object.
        let text = "The central bank raised interest rates by 0.75 percentage points. The \
                    cash rate has risen to 4.5 per cent from 3.75 per cent.";
        let change = "raised interest rates by 0.75 percentage points";
        assert_eq!(
            figures(text, change),
            ("4.5 per cent".into(), "3.75 per cent".into())
        );
        assert!(rules(text).is_empty(), "{:?}", rules(text));
        // Another measure in the object is not restated.
        let other = text.replace("interest rates", "its inflation forecast");
        let change = change.replace("interest rates", "its inflation forecast");
        assert_eq!(figures(&other, &change), (String::new(), String::new()));
    }

    #[test]
    fn a_change_restated_with_its_figures_gives_them() {
        // The next sentence says the same fall with the value; the amount in dollars beside
        // the won is a conversion, not a second candidate.
        let text = "Samsung said its operating profit dropped nearly 78 percent in the third \
                    quarter. The tech giant said in a regulatory filing on Tuesday that its \
                    operating profit came to 2.43 trillion won, or around 1.8 billion U.S. \
                    dollars, in the July-September period, down 77.57 percent from a year \
                    earlier.";
        assert_eq!(
            figures(text, "dropped nearly 78 percent"),
            ("2.43 trillion won".into(), String::new())
        );
        // A change that says otherwise is another comparison: nothing is taken.
        let other = text.replace("down 77.57 percent", "down 61.2 percent");
        assert_eq!(
            figures(&other, "dropped nearly 78 percent"),
            (String::new(), String::new())
        );
        let rise = text.replace("down 77.57 percent", "up 77.57 percent");
        assert_eq!(
            figures(&rise, "dropped nearly 78 percent"),
            (String::new(), String::new())
        );
    }

    #[test]
    fn the_measure_is_named_by_its_noun_phrase_not_the_clause_around_it() {
        // "means", "new" and "gone" are no qualifiers of the cash rate; nor is the cut that
        // lowers the federal funds rate. A count of years is no stray figure.
        let text = "The Reserve Bank has lifted the interest rates by 0.25 percentage points \
                    during its February meeting. This means that new cash rate has gone up to \
                    3.85 per cent from the previous 3.6 per cent.";
        let change = "lifted the interest rates by 0.25 percentage points";
        assert_eq!(
            figures(text, change),
            ("3.85 per cent".into(), "3.6 per cent".into())
        );
        assert!(rules(text).is_empty(), "{:?}", rules(text));
        assert_eq!(
            rules(&text.replace("0.25 percentage", "0.35 percentage")),
            ["change-mismatch"]
        );
        let text = "The Fed said it is cutting its benchmark interest rate by 0.50 percentage \
                    points, the first reduction in four years. The Fed said the cut lowers the \
                    federal funds rate to 4.75% to 5%, down from its prior range of 5.25% to \
                    5.5%.";
        let change = "cutting its benchmark interest rate by 0.50 percentage points";
        assert_eq!(
            figures(text, change),
            ("4.75% to 5%".into(), "5.25% to 5.5%".into())
        );
        assert!(rules(text).is_empty(), "{:?}", rules(text));
        assert_eq!(
            rules(&text.replace("0.50 percentage", "0.75 percentage")),
            ["change-mismatch"]
        );
        // A figure that is no count of time still stands apart.
        let other = text.replace("in four years", "in four markets");
        let change = change.to_string();
        assert_eq!(figures(&other, &change), (String::new(), String::new()));
    }

    #[test]
    fn a_value_whose_sentence_names_no_period_is_of_the_changes() {
        let text = "The Federal Reserve cut rates by a half-point on Wednesday. \
                    The cut lowers the benchmark rate to a range between 4.75% and 5%.";
        assert_eq!(
            figures(text, "cut rates by a half-point"),
            ("4.75% and 5%".into(), String::new())
        );
        // One that names another period is of that one.
        let other = text.replace("The cut lowers", "In July the cut lowered");
        assert_eq!(
            figures(&other, "cut rates by a half-point"),
            (String::new(), String::new())
        );
    }

    #[test]
    fn a_value_alone_is_taken_with_no_baseline() {
        let text = "Global gadget shipments are down 9.7 per cent. \
                    Global shipments sat at 301.9 million units for the September quarter.";
        assert_eq!(
            figures(text, "down 9.7 per cent"),
            ("301.9 million units".into(), String::new())
        );
    }

    #[test]
    fn one_sentence_between_about_another_measure_is_passed_over() {
        let text = "Its revenue rose four per cent. The profit amounted to 70 cents a share. \
                    Revenue totalled $1.94 billion, up from $1.86 billion a year earlier.";
        assert_eq!(
            figures(text, "rose four per cent"),
            ("$1.94 billion".into(), "$1.86 billion".into())
        );
    }

    #[test]
    fn another_measure_is_not_restated() {
        let text = "Gadget sales jumped 12 percent in the third quarter. \
                    Net profit rose to $5.6 million in the third quarter from $5.0 million.";
        assert_eq!(
            figures(text, "jumped 12 percent"),
            (String::new(), String::new())
        );
    }

    #[test]
    fn another_period_is_not_restated() {
        let text = "Exports rose 5 percent in March. \
                    Exports were $5 billion in February, against $4 billion a year earlier.";
        assert_eq!(
            figures(text, "rose 5 percent"),
            (String::new(), String::new())
        );
    }

    #[test]
    fn a_figure_of_an_earlier_year_is_the_baseline_not_the_value() {
        let text = "Its 2023 net profit fell by around 20 pct against 2022. \
                    The group posted a net profit of 41 mln euros in 2022.";
        assert_eq!(
            figures(text, "fell by around 20 pct"),
            (String::new(), String::new())
        );
    }

    #[test]
    fn a_forecast_is_not_restated_by_an_outcome() {
        let text = "Wheat production will fall 25% next season. \
                    Wheat production hit a record 33.34 million tonnes this year.";
        assert_eq!(figures(text, "fall 25%"), (String::new(), String::new()));
    }

    #[test]
    fn a_change_on_another_basis_is_not_restated() {
        let text = "Sales declined 4.9 pct on a comparable store basis. \
                    Sales for the month were 791.8 mln dlrs, up from 755.6 mln dlrs.";
        assert_eq!(
            figures(text, "declined 4.9 pct"),
            (String::new(), String::new())
        );
        // The figures "without this adjustment" are not the seasonally adjusted change's.
        let text = "House prices were up by 0.7% between August and September. \
                    Without this adjustment, the average house price increased from £265,375 to £266,094.";
        assert_eq!(figures(text, "up by 0.7%"), (String::new(), String::new()));
    }

    #[test]
    fn a_neighbour_with_a_change_of_its_own_is_left_alone() {
        let text = "The UK music industry recorded a 3% increase in volume sales. \
                    However, world music sales declined by 1.3% to $33.6 billion (£17.7 billion).";
        assert_eq!(figures(text, "3% increase"), (String::new(), String::new()));
    }

    #[test]
    fn a_change_below_a_level_of_its_own_sentence_takes_that_level_not_the_next_figures() {
        // The May level below which sales were is the change's own baseline; the next
        // sentence's figures are not its value.
        let text = "Home sales in May were 20.7 pct below the May level of 777,000. \
                    The number of homes sold in May totaled 58,000, down from 71,000 in April.";
        assert_eq!(
            figures(text, "20.7 pct below"),
            (String::new(), "777,000".to_string())
        );
    }

    #[test]
    fn a_qualified_measure_is_another_measure() {
        let text = "The consumer price index rose 0.4 pct in October. \
                    Istat said its consumer prices index for the families of factory workers \
                    was 109.1 in October against 108.7 in September.";
        assert_eq!(
            figures(text, "rose 0.4 pct"),
            (String::new(), String::new())
        );
    }
}
