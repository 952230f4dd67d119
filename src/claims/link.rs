//! Linking mentions into claims, one sentence at a time: change phrases ("rose 12.5 pct",
//! "an increase of 660%", "a 157.5% increase"), their current values and baselines ("to X
//! from Y", "X, up 8.8 pct from Y", "off 1.9 pct at X compared to Y"), comparisons without a
//! stated change ("19,020 against 18,145", "rose to X from Y"), multiples, shares and values.

use super::periods::{self, PeriodMark, PeriodRef};
use super::sentence_marks::SentenceMarks;
use super::subject;
use super::table_columns;
use crate::claim::{Change, Claim, ClaimKind, Direction, Figure, Measure};
use crate::document::Document;
use crate::extract::numeral::{self, scale_of};
use crate::extract::tokens::{word_direction, Kind, Token};
use crate::extract::{Extraction, Low, RESPECTIVELY_REACH};
use crate::interval::Interval;
use crate::lang::{same, ClaimWords, DirectionPos, Language, Words};
use crate::mention::{Bound, Mention, MentionKind};
use crate::period::{Date, Period};
use crate::span::Span;
use std::cell::{OnceCell, RefCell};

/// The most plain words a clause about a period may put between its opening word and its
/// figure ("when the pass percentage was recorded at 92.71%").
const PERIOD_CLAUSE_WORDS: usize = 8;

/// Words of a measure read between a percent and its noun of change ("a 5% net profit
/// decline").
const MEASURE_WORDS: usize = 2;

/// Tokens read before "split" for a word saying the figures were adjusted for it ("adjusted
/// for a three-for-two stock split" is nine tokens before it).
const SPLIT_ADJUSTED_REACH: usize = 10;

/// The most words an aside set between dashes may have and be passed over.
const ASIDE_WORDS: usize = 12;
/// The longest aside between commas, in tokens, read inside the object of a transitive verb.
const COMMA_ASIDE_WORDS: usize = 20;

/// The most words read back from a figure's verb for the noun of change heading its subject
/// ("the combined monthly increase in OPEC's output during September stood at").
const SUBJECT_COMPLEMENT_WORDS: usize = 8;

/// What a mention has become.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Free,
    Value(usize),
    Baseline(usize),
    Change(usize),
}

/// A claim under construction; indices are into the article's mentions and tokens.
#[derive(Clone, Debug)]
struct Draft {
    kind: ClaimKind,
    first: usize,
    end: usize,
    value: Option<usize>,
    /// The value is the head of an earlier claim in the sentence ("..., but still down 38.1%").
    inherited_from: Option<usize>,
    baseline: Option<usize>,
    change: Option<usize>,
    measure: Measure,
    direction: Option<(Direction, usize)>,
    phrase: (usize, usize),
    times_more: bool,
    baseline_mark: Option<usize>,
    /// The draft whose change this one restates in another measure ("$13.40, or 0.8%").
    restates: Option<usize>,
    /// A results-table row: its figures are whole cells ("$18.8bn3", "(5.3)").
    table_row: bool,
}

impl Draft {
    /// A draft of `kind` over the words `phrase`, with no figures yet.
    fn over(
        kind: ClaimKind,
        phrase: (usize, usize),
        measure: Measure,
        direction: Option<(Direction, usize)>,
    ) -> Draft {
        Draft {
            kind,
            first: phrase.0,
            end: phrase.1,
            value: None,
            inherited_from: None,
            baseline: None,
            change: None,
            measure,
            direction,
            phrase,
            times_more: false,
            baseline_mark: None,
            restates: None,
            table_row: false,
        }
    }

    /// A change in percent or points that states no figures of its own yet, nor restates or
    /// inherits another's: one a comparison next to it may give its figures.
    fn rate_change_without_figures(&self) -> bool {
        self.kind == ClaimKind::Change
            && self.change.is_some()
            && matches!(self.measure, Measure::Percent | Measure::Points)
            && self.value.is_none()
            && self.baseline.is_none()
            && self.restates.is_none()
            && self.inherited_from.is_none()
    }
}

struct Sentence<'a> {
    lang: &'static Language,
    /// The claim words of `lang`.
    w: &'static ClaimWords,
    text: &'a str,
    toks: &'a [Token],
    mentions: &'a [Mention],
    mtoks: &'a [(usize, usize)],
    first: usize,
    end: usize,
    /// Mentions in this sentence.
    ms: std::ops::Range<usize>,
    marks: &'a [PeriodMark],
    /// The article's date.
    date: Option<Date>,
    /// For each token of the sentence, whether a period phrase or a mention covers it.
    covered: Vec<bool>,
    roles: Vec<Role>,
    drafts: Vec<Draft>,
    /// The period phrase of each mention ([`Self::figure_mark`]), found once the sentence's
    /// drafts are made.
    figure_marks: Vec<Option<usize>>,
}

impl<'a> Sentence<'a> {
    #[inline]
    fn low(&self, i: usize) -> Option<Low<'a>> {
        if i < self.end {
            self.toks[i].low(self.text)
        } else {
            None
        }
    }

    #[inline(always)]
    fn is(&self, i: usize, w: &str) -> bool {
        i < self.end && self.toks[i].is(self.text, w)
    }

    /// Whether token `i` of the sentence is a word of `words`.
    fn is_any(&self, i: usize, words: &Words) -> bool {
        i < self.end && self.toks[i].is_in(self.text, words)
    }

    /// The direction word at token `i`, if it is one.
    #[inline(always)]
    fn direction_at(&self, i: usize) -> Option<(Direction, DirectionPos)> {
        if i >= self.end {
            return None;
        }
        let t = &self.toks[i];
        if t.kind == Kind::Punct {
            // Arrows are outside ASCII: most punctuation is one byte and is none.
            if t.end - t.start == 1 {
                return None;
            }
            let sign = t.text(self.text);
            return self
                .w
                .direction_signs
                .iter()
                .find(|(s, _)| *s == sign)
                .map(|&(_, d)| (d, DirectionPos::Verb));
        }
        // "made up 20% of sales", "gave up 2%": the particle of another verb.
        word_direction(self.lang, self.text, self.toks, i, self.first)
    }

    /// Whether the sentence names a stock split that its figures were not said to be adjusted
    /// for: "adjusted for a three-for-two stock split" keeps a per-share baseline comparable.
    fn unadjusted_split(&self) -> bool {
        let (adjusting, split) = &self.w.stock_split;
        (self.first..self.end).any(|k| {
            self.is(k, split)
                && !(k.saturating_sub(SPLIT_ADJUSTED_REACH).max(self.first)..k)
                    .any(|j| self.is_any(j, adjusting))
        })
    }

    /// A comma, or a dash set like one ("$77.11 per barrel—down from $79.80").
    fn is_comma_like(&self, i: usize) -> bool {
        // Called at nearly every token: the first byte decides which test applies.
        if i >= self.end {
            return false;
        }
        match self.text.as_bytes()[self.toks[i].start] {
            b',' => self.is(i, ","),
            b'-' => self.is_spaced_hyphen(i),
            // The low quotation mark some sites print for a comma ("achieved 82.7%‚ down from
            // 85.9%"), a comma only: no dash of an aside or a label.
            0xE2 => self.is_dash(i) || self.is(i, "‚") || self.is_spaced_hyphen(i),
            _ => false,
        }
    }

    /// An em or en dash.
    fn is_dash(&self, i: usize) -> bool {
        // Both dashes are three bytes opening with 0xE2: one byte turns most tokens away.
        i < self.end
            && self.text.as_bytes().get(self.toks[i].start) == Some(&0xE2)
            && (self.is(i, "—") || self.is(i, "–"))
    }

    /// A hyphen or minus sign with a space on each side, typed for a dash ("a pass mark of 86%
    /// - down from 88.2%", "173 New Yorkers died in the week ending Sunday − up from 162").
    fn is_spaced_hyphen(&self, i: usize) -> bool {
        (self.is(i, "-") || self.is(i, "\u{2212}"))
            && self.toks[i].space_before
            && self.toks.get(i + 1).is_some_and(|t| t.space_before)
    }

    /// The opening of an aside that closes at `close`: between dashes ("— which affects many
    /// loans for households and businesses —"), in parentheses ("the key policy rate (repo)")
    /// or between commas when it opens with "or", "which" or "who" ("the repo rate, or the rate
    /// at which the central bank lends short-term cash to other banks,"); words only between.
    fn aside_opening(&self, close: usize) -> Option<usize> {
        let back = |reach: usize, inside: &dyn Fn(usize) -> bool, opens: &dyn Fn(usize) -> bool| {
            (close.saturating_sub(reach + 1).max(self.first)..close)
                .rev()
                .take_while(|&i| opens(i) || inside(i))
                .find(|&i| opens(i))
                .filter(|&open| open + 1 < close)
        };
        let word = |i: usize| self.toks[i].kind == Kind::Word;
        if self.is_dash(close) {
            let inside = |i: usize| word(i) || self.is_comma_like(i);
            return back(ASIDE_WORDS, &inside, &|i| self.is_dash(i));
        }
        if self.is(close, ")") {
            return back(ASIDE_WORDS, &word, &|i| self.is(i, "("));
        }
        if self.is(close, ",") {
            let inside = |i: usize| word(i) || self.is(i, "-");
            let opens = |i: usize| self.is(i, ",") && self.is_any(i + 1, &self.w.aside_openers);
            return back(COMMA_ASIDE_WORDS, &inside, &opens);
        }
        None
    }

    fn is_punct(&self, i: usize) -> bool {
        i < self.end && self.toks[i].kind == Kind::Punct
    }

    fn mark_at(&self, i: usize) -> Option<usize> {
        self.marks.iter().position(|m| m.first <= i && i < m.end)
    }

    fn mark_starting(&self, i: usize) -> Option<usize> {
        self.marks.iter().position(|m| m.first == i)
    }

    fn mention_starting(&self, i: usize) -> Option<usize> {
        self.ms.clone().find(|&m| self.mtoks[m].0 == i)
    }

    /// "rose $13.40 to settle at $1,780.20": a market's level at the close of the article's
    /// day, when the sentence names no day.
    fn settled_on_the_day(&self, dr: &Draft) -> Option<Period> {
        let v = self.mtoks[dr.value?].0;
        let d = self.date?;
        (v.saturating_sub(3).max(self.first)..v)
            .any(|k| self.is_any(k, &self.w.session_close))
            .then_some(Period::Day(d.year, d.month, d.day))
    }

    /// "The Dow rose 87 points", "Shares of Nvidia jumped 1%": a market's move on the
    /// article's day, when the sentence names no period, whatever period the story is about;
    /// not a comparison with a dated baseline ("rose to 12.53 billion dlrs from 6.19 billion
    /// dlrs in 1985").
    fn traded_on_the_day(&self, dr: &Draft, base_mark: Option<usize>) -> Option<Period> {
        let d = self.date?;
        if dr.table_row || base_mark.is_some() {
            return None;
        }
        // The market is what moves: named just before the direction word ("The Dow rose",
        // "Shares of Nvidia jumped", "the Sensex was down"), no comma, figure or period
        // phrase between ("converted a loan to common shares, raising its stake" is none).
        let (_, dt) = dr.direction?;
        (dt.saturating_sub(5).max(self.first)..dt)
            .rev()
            .take_while(|&k| !self.covered[k - self.first] && !self.is(k, ",") && !self.is(k, ";"))
            .any(|k| self.is_any(k, &self.w.traded))
            .then_some(Period::Day(d.year, d.month, d.day))
    }

    /// "Premium gas is 3 cents lower than a month ago at $2.80", "which is 26.5 cents higher
    /// than a year ago": a comparison in the present tense, of the article's day, when
    /// neither the sentence nor the article names a period. The verb comes just before the
    /// change, with adverbs at most ("is now just a penny cheaper").
    fn stands_today(&self, dr: &Draft) -> Option<Period> {
        let d = self.date?;
        // "rose to 400 tons from 100 tons, which is an increase of 300%": a stated baseline
        // dates the comparison in the past.
        if dr.baseline.is_some() {
            return None;
        }
        // Back over adverbs ("now", "slightly"), to the verb: not "is expected to grow".
        let mut k = dr.phrase.0;
        while k > self.first
            && k + 3 > dr.phrase.0
            && (self.is_any(k - 1, &self.w.present_tense)
                || self
                    .low(k - 1)
                    .is_some_and(|w| w.as_str().ends_with(self.w.adverb_suffix)))
        {
            k -= 1;
        }
        (k < dr.phrase.0 && self.is_any(k, &self.w.present_tense))
            .then_some(Period::Day(d.year, d.month, d.day))
    }

    /// "raised its main rate by 50 basis points", "cut interest rates by a half point": a
    /// policy decision, announced in the article's month when the sentence names no period.
    fn decided_this_month(&self, dr: &Draft) -> Option<Period> {
        let d = self.date?;
        self.sets_a_policy_rate(dr)
            .then_some(Period::Month(d.year, d.month))
    }

    /// Whether draft `dr` is a policy decision: a transitive verb with a rate for its object
    /// ("lift the cash rate target to 3.85 per cent, up from 3.6 per cent"), or a rate named
    /// just before the move ("a surprise rate cut of half a percentage point", "the interest
    /// rate paid on balances also up by 25 basis points"), of a percentage. The rate holds
    /// from one meeting to the next, so the decision is dated by its month, even when the
    /// sentence names the day.
    fn sets_a_policy_rate(&self, dr: &Draft) -> bool {
        let Some((_, verb)) = dr.direction else {
            return false;
        };
        let Some(figure) = [dr.change, dr.value, dr.baseline]
            .into_iter()
            .flatten()
            .map(|m| self.mtoks[m].0)
            .min()
        else {
            return false;
        };
        let of_percentage = dr.measure == Measure::Points
            || [dr.value, dr.baseline]
                .into_iter()
                .flatten()
                .any(|m| self.kind(m) == MentionKind::Percent);
        if !of_percentage {
            return false;
        }
        // The words before the first figure, back to a clause mark, and at least back to the
        // verb ("cut its benchmark rate — which affects many loans — by a quarter-point").
        let from = (figure.saturating_sub(10).min(verb).max(self.first)..figure)
            .rev()
            .take_while(|&k| !self.is(k, ";") && !self.is(k, ","))
            .last()
            .unwrap_or(figure);
        let rate = (from..figure).find(|&k| self.is_any(k, &self.w.policy_rates));
        // A rate before the move is a policy rate when a policy maker is named: "the interest
        // rate paid on balances" in a central bank's decision, not "the contract rate on a
        // 30-year fixed mortgage increased".
        let by_policy_maker =
            || (self.first..self.end).any(|k| self.is_any(k, &self.w.policy_makers));
        rate.is_some_and(|r| {
            (from..r).any(|k| self.is_any(k, &self.w.transitive_verbs))
                || (r < verb && verb <= figure && by_policy_maker())
        })
    }

    /// Whether the sentence names a period for draft `dr` that linking left unattached, so
    /// that no period may be assumed for it: a count of months or quarters in its words ("in
    /// the two months", not "in the quarter" nor "the same period"), or a month, quarter, half
    /// or range that is not its baseline's (`base_mark`) and is its value's or change's own
    /// phrase or no figure's ("over the 12 months to November 2024 to reach £285,000"). Years
    /// and days say little ("will return to growth in 2019", "said IDC Thursday"); `owned` are
    /// the phrases that follow a figure.
    fn names_unattached_period(
        &self,
        dr: &Draft,
        base_mark: Option<usize>,
        owned: &[usize],
    ) -> bool {
        let end = dr.end.max(dr.phrase.1);
        let counted = (dr.first + 1..(end + 4).min(self.end))
            .take_while(|&k| k < end || !self.is_punct(k))
            .any(|k| {
                self.is_any(k, &self.lang.periods.same_units)
                    && (self.toks[k - 1].kind == Kind::Num
                        || self.ms.clone().any(|m| self.mtoks[m].1 == k))
            });
        let own = |k: usize| {
            !owned.contains(&k)
                || [dr.value, dr.change]
                    .into_iter()
                    .flatten()
                    .any(|f| self.figure_mark(f) == Some(k))
        };
        counted
            || (0..self.marks.len()).any(|k| {
                let m = &self.marks[k];
                !m.baseline && Some(k) != base_mark && names_part_of_year(m.period) && own(k)
            })
    }

    /// Whether every month, quarter, half or range the sentence names ends before `p`
    /// ("compared with 146,610 in April" keeps March from being assumed).
    fn names_only_earlier(&self, p: Period) -> bool {
        self.marks.iter().all(|m| match m.period {
            PeriodRef::Absolute(b) if names_part_of_year(m.period) => ends_before(b, p),
            _ => true,
        })
    }

    /// Whether period phrase `mk` looks back from the sentence's period and dates a figure
    /// with "in" or "during" ("in the previous quarter"), rather than giving a baseline's.
    fn looks_back_within(&self, mk: usize) -> bool {
        let m = &self.marks[mk];
        m.period.is_comparison() && !m.basis && self.is_any(m.first, &self.lang.periods.within)
    }

    /// Whether period phrase `mk`, starting at token `at` right after a change, is "the"
    /// period before with no word of comparison ("after a 0.64% rise the previous month"):
    /// it dates the change ("on the previous month" compares).
    fn dates_as_previous(&self, mk: usize, at: usize) -> bool {
        let m = &self.marks[mk];
        m.first == at
            && m.period == PeriodRef::Previous
            && !m.basis
            && self.is(m.first, self.lang.periods.the)
    }

    /// The period phrase that dates the words of a claim without a value ending at `end`:
    /// the first current one later in the clause with no figure or punctuation before it,
    /// over phrases that only say how the change is measured ("grew 0.4% on a year-on-year
    /// basis in the first quarter"), or one looking back from the sentence's period ("the
    /// 2.1% expansion in the previous quarter").
    fn mark_after_words(&self, end: usize) -> Option<usize> {
        let mut k = end;
        let mut words = 0;
        while k < self.end && words <= 8 {
            if let Some(mk) = self.mark_starting(k) {
                let m = &self.marks[mk];
                let dating =
                    self.looks_back_within(mk) || k == end && self.dates_as_previous(mk, k);
                if !m.basis && (!m.baseline || dating) {
                    return Some(mk);
                }
                k = m.end;
                continue;
            }
            // "expanding by 11.8 percent and 10.3 percent, respectively, last month": past
            // the list's other changes and its "respectively".
            if self.is(k, self.w.and) {
                if let Some(m) = self
                    .mention_starting(k + 1)
                    .filter(|&m| matches!(self.role(m), Role::Change(_)))
                {
                    k = self.mtoks[m].1;
                    continue;
                }
            }
            let comma = usize::from(self.is(k, ","));
            if self.is(k + comma, self.w.respectively) {
                k += comma + 1;
                k += usize::from(self.is(k, ","));
                continue;
            }
            // "off 64 pct and 56 pct respectively from those estimated in 1986": the period
            // after a baseline's words is the baseline's.
            if self.is_punct(k)
                || self.mention_starting(k).is_some()
                || self.baseline_connector(k).is_some()
            {
                return None;
            }
            words += 1;
            k += 1;
        }
        None
    }

    fn role(&self, m: usize) -> Role {
        self.roles[m - self.ms.start]
    }

    fn set_role(&mut self, m: usize, r: Role) {
        let k = m - self.ms.start;
        self.roles[k] = r;
    }

    fn kind(&self, m: usize) -> MentionKind {
        self.mentions[m].kind
    }

    fn value_like(&self, m: usize) -> bool {
        let men = &self.mentions[m];
        match men.kind {
            // A range of rates is a level too, read as its whole span: "to a range of 2% to
            // 2.25%". Ranges of amounts stay out: estimates quoted against last week's
            // ("9.6 to 9.9 mln tonnes, against last week's 9.9 to 10.1 mln tonnes, down 21.4
            // to 22.6 pct on the 12.4 to 12.6 mln tonnes") are compared with several figures.
            MentionKind::Percent => true,
            MentionKind::Currency | MentionKind::Quantity => !men.range,
            // "to four", "from nine": bare numbers in words are rarely the figures compared;
            // a number inside a period phrase is the period's ("in the first 10 months").
            MentionKind::Number => {
                !men.range && !men.words && !self.in_period(m) && !self.spans_back(m)
            }
            _ => false,
        }
    }

    /// Whether bare number `m` counts the units of a span back from now ("over the last 12
    /// months compared to 174", "in the previous three years"): the span's, not a figure.
    fn spans_back(&self, m: usize) -> bool {
        let (f, e) = self.mtoks[m];
        let p = &self.lang.periods;
        f > self.first
            && (self.is_any(f - 1, &self.w.recent_spans) || self.is_any(f - 1, &p.back))
            && self.is_any(e, &p.durations)
    }

    /// Direction word before a percent: (direction, token).
    fn direction_before(&self, first: usize, multiple: bool) -> Option<(Direction, usize)> {
        let mut k = first;
        let mut steps = 0;
        let mut by = false;
        while k > self.first && steps < 5 {
            k -= 1;
            steps += 1;
            if self
                .mark_at(k)
                .is_some_and(|m| self.marks[m].period.is_comparison())
            {
                k = self.marks[self.mark_at(k)?].first;
                continue;
            }
            if let Some((d, _)) = self.direction_at(k) {
                // "down" in "down from", "up" in "up to" are not this change's direction;
                // "less 1-3/4 pct" quotes a discount, where "87,000 less" is a change.
                let after_only = self
                    .low(k)
                    .is_some_and(|w| self.w.after_figure_only.contains(&w));
                return (!after_only).then_some((d, k));
            }
            // "tacked on $11.50": a verb that is a change with its particle.
            if k > self.first {
                if let Some((particle, d)) =
                    self.toks[k - 1].look_up(self.text, &self.w.particle_changes)
                {
                    if self.is(k, particle) {
                        return Some((d, k - 1));
                    }
                }
            }
            if by && self.aside_opening(k).is_some() {
                return self.verb_before_object(k);
            }
            // "decreased very slightly (by 0.4%)": the amount in parentheses.
            if by && steps == 2 && self.is(k, "(") {
                continue;
            }
            // "a monthly increase amounting to 14.0%": the participle and its "to".
            if steps == 1
                && k > self.first
                && self.is(k, self.w.to)
                && self.is_any(k - 1, &self.w.amounting)
            {
                k -= 1;
                continue;
            }
            let Some(w) = self.low(k) else {
                // "grew by +21.1% to": a plus sign glued to the figure says no more than the
                // verb.
                if k + 1 == first && !self.toks[first].space_before && self.is(k, "+") {
                    continue;
                }
                // "increased a seasonally-adjusted 3.2%": the hyphen inside a filler ("the
                // below-six pct rate" is no change).
                let joined = k > self.first
                    && self.is(k, "-")
                    && !self.toks[k].space_before
                    && !self.toks[k + 1].space_before
                    && self
                        .low(k - 1)
                        .is_some_and(|w| self.w.fillers_before_percent.contains(&w));
                if joined {
                    continue;
                }
                return None;
            };
            if same(&w, self.w.by) {
                by = true;
            }
            if k + 1 == first && same(&w, self.w.of) {
                if let Some(found) = self.noun_with_complement(k) {
                    return Some(found);
                }
            }
            // "rose marginally by 0.4 percentage points": an adverb of manner too.
            if (multiple && self.w.fillers_before_multiple.contains(&w))
                || self.w.fillers_before_percent.contains(&w)
                || self.w.manner_adverbs.contains(&w)
                || self.w.pace_comparatives.contains(&w)
            {
                continue;
            }
            if k + 1 == first && self.adjective_after_verb(k) {
                continue;
            }
            if by {
                return self
                    .verb_before_object(k)
                    .or_else(|| self.gapped_verb(k + 1));
            }
            return self
                .noun_quoted_at(k)
                .or_else(|| self.verb_at_rate(k, first))
                .or_else(|| self.rate_of(k))
                .or_else(|| self.noun_heading_subject(k, first).filter(|_| !multiple));
        }
        None
    }

    /// "a growth in air transport movements of 5.1%", "a growth in OD and Transfer traffic of
    /// 9.3%": a noun of change, "in" and up to six plain words saying what changed, then the
    /// "of" at `of` right before the figure (or the "to" or "from" of its levels: "a decline
    /// in deaths to 28,000 from 31,000"). Stricter than the walk back over a subject's
    /// complement in [`Self::noun_heading_subject`] (no period phrase, number or hyphen
    /// between) but, unlike it, past an "and" that joins what changed.
    fn noun_with_complement(&self, of: usize) -> Option<(Direction, usize)> {
        let mut j = of;
        while j > self.first + 1 && of - j <= 6 {
            j -= 1;
            let t = &self.toks[j];
            if t.kind != Kind::Word || !self.plain_word(j) || self.direction_at(j).is_some() {
                return None;
            }
            if j + 1 < of && self.is(j, self.w.place_preposition) {
                // Not a noun that is itself of something ("the share of growth in Asia").
                let of_something = j >= self.first + 2 && self.is(j - 2, self.w.of);
                return match self.direction_at(j - 1) {
                    Some((d, DirectionPos::Noun)) if d != Direction::Flat && !of_something => {
                        Some((d, j - 1))
                    }
                    _ => None,
                };
            }
        }
        None
    }

    /// "The increase in sales was 12%", "The growth in real GDP during 2023-24 is estimated
    /// at 7.3 per cent", "The growth stood at 17.47 percent": a noun of change heading the
    /// subject of the percent or points at `first`, with what it is of (if anything) between
    /// them and a verb before the figure. `k` is the last word before the figure that is no
    /// filler ("sales", or "at" of "stood at").
    /// Not a noun that is itself of something ("the share of growth in Asia was 40%"), nor a
    /// figure of a whole ("was 40% of the total").
    fn noun_heading_subject(&self, k: usize, first: usize) -> Option<(Direction, usize)> {
        // Most figures have no verb between them and the word before.
        if k + 1 >= first && !self.is(k, self.w.at) {
            return None;
        }
        // Past the verb: "stood at", "is estimated at", "reached".
        let mut j = k;
        if self.is(j, self.w.at) {
            j = j.checked_sub(1)?;
        }
        while j > self.first
            && (self.is_any(j, &self.w.level_verbs.0)
                || self.is_any(j, &self.w.fillers_before_percent))
        {
            j -= 1;
        }
        let verb = (j + 1..first)
            .any(|t| self.is_any(t, &self.w.aside_stops) || self.is_any(t, &self.w.level_verbs.0));
        if !verb {
            return None;
        }
        let m = self.mention_starting(first)?;
        let percent = matches!(self.kind(m), MentionKind::Percent | MentionKind::Points);
        if !percent || self.is(self.mtoks[m].1, self.w.of) {
            return None;
        }
        // The noun right before the verb: "The growth stood at 17.47 percent".
        if let Some((d, DirectionPos::Noun)) = self.direction_at(j) {
            let of_something = j > self.first && self.is(j - 1, self.w.of);
            return (!of_something).then_some((d, j));
        }
        // Back over what the noun is of, to the preposition after it.
        let mut t = j + 1;
        let mut words = 0;
        while t > self.first + 1 && words < SUBJECT_COMPLEMENT_WORDS {
            t -= 1;
            if self.toks[t].kind != Kind::Word {
                if self.is(t, "-") || self.is(t, "'") || self.is(t, "\u{2019}") {
                    continue;
                }
                // A number only inside a period phrase ("during 2023-24").
                t = self.mark_at(t).map(|mk| self.marks[mk].first)?;
                continue;
            }
            if self.is_any(t, &self.lang.periods.prepositions) {
                if let Some((d, DirectionPos::Noun)) = self.direction_at(t - 1) {
                    let of_something = t >= self.first + 2 && self.is(t - 2, self.w.of);
                    return (!of_something).then_some((d, t - 1));
                }
            }
            if self.direction_at(t).is_some() || self.is_any(t, &self.w.aside_stops) {
                return None;
            }
            words += 1;
        }
        None
    }

    /// "rose an unexpected 0.3%", "fell a sharp 5%": the word at `k`, right before the
    /// figure, is an adjective after an article after a verb of change.
    fn adjective_after_verb(&self, k: usize) -> bool {
        k >= self.first + 2
            && self.toks[k].kind == Kind::Word
            && self.is_any(k - 1, &self.w.adjective_articles)
            && self
                .direction_at(k - 2)
                .is_some_and(|(_, pos)| pos == DirectionPos::Verb)
    }

    /// "revenue increased by 21% to HK$2,674 million and operating profit by 101% to
    /// HK$1,392 million": a "by" at token `by` after "and" and a few words, whose verb is the
    /// one of the change just before the "and"; the direction of that change, with `by` as
    /// its word. A comma may stand for the "and" inside a list whose last item has it ("The
    /// Cardinals dropped by 363,000 to 2.88 million, the Blue Jays by 341,000 to 2.68 million
    /// and the Astros by 217,000 to 2.84 million").
    fn gapped_verb(&self, by: usize) -> Option<(Direction, usize)> {
        let plain = |j: usize| self.toks[j].kind == Kind::Word && self.plain_word(j);
        let and = (by.saturating_sub(5).max(self.first)..by)
            .rev()
            .take_while(|&j| j == by || plain(j) || self.is(j, ","))
            .find(|&j| self.is(j, self.w.and) || self.is(j, ","))?;
        if self.is(and, ",") {
            // The list's last item: "and", a few words, then "by".
            let last = (by + 1..self.end).find(|&j| self.is(j, self.w.and))?;
            let by_after = (last + 1..(last + 6).min(self.end))
                .take_while(|&j| plain(j) || self.is(j, self.w.by))
                .any(|j| self.is(j, self.w.by));
            if !by_after {
                return None;
            }
        }
        let dr = self.drafts.iter().rev().find(|dr| dr.end == and)?;
        let (d, _) = dr.direction?;
        let c = dr.change?;
        // A change without a level gaps only a figure of its own kind: "Private consumption
        // increased by 5.4%, government final consumption by 2.8% and ... by 7.5%".
        let same_kind = || {
            self.mention_starting(by + 1)
                .is_some_and(|m| self.kind(m) == self.kind(c))
        };
        let same_shape = dr.kind == ClaimKind::Change
            && (dr.value.is_some() || same_kind())
            && self.mtoks[c].0 > self.first
            && self.is(self.mtoks[c].0 - 1, self.w.by);
        same_shape.then_some((d, by))
    }

    /// "the global smartphone decline at 8 percent": a noun of change quoted "at" a figure,
    /// when token `k` is that "at".
    fn noun_quoted_at(&self, k: usize) -> Option<(Direction, usize)> {
        if k <= self.first || !self.is(k, self.w.at) {
            return None;
        }
        match self.direction_at(k - 1) {
            Some((d, DirectionPos::Noun)) => Some((d, k - 1)),
            _ => None,
        }
    }

    /// "GDP grew at a 3.1% pace", "imports increased at a slower 1.5 percent", "Natural gas
    /// increased at 7.5%": a verb of change and "at" (token `k`) before the percent or points
    /// starting at `first`, only fillers between; the verb's direction. Not when the rate is
    /// set against another ("grew at 4.6% in the third quarter, up from just 1.6%"): the rate
    /// is then a level of its own, compared.
    fn verb_at_rate(&self, k: usize, first: usize) -> Option<(Direction, usize)> {
        const REACH: usize = 8;
        if k <= self.first || !self.is(k, self.w.at) || !self.is_any(k - 1, &self.w.verbs_at_rate) {
            return None;
        }
        let m = self.mention_starting(first)?;
        if !matches!(self.kind(m), MentionKind::Percent | MentionKind::Points) {
            return None;
        }
        let me = self.mtoks[m].1;
        let compared = (me..(me + REACH).min(self.end))
            .take_while(|&j| self.mention_starting(j).is_none())
            .any(|j| self.is_any(j, &self.w.introducing_baseline));
        if compared {
            return None;
        }
        let (d, _) = self.direction_at(k - 1)?;
        Some((d, k - 1))
    }

    /// "expanded at an unexpected rate of seven percent", "shrank at a month-on-month pace of
    /// 4.7%": the verb a change runs at a rate of, when token `k` is the noun of rate.
    fn rate_of(&self, k: usize) -> Option<(Direction, usize)> {
        if !self.is_any(k, &self.w.rate_nouns) || !self.is(k + 1, self.w.of) {
            return None;
        }
        let mut j = k;
        let mut words = 0;
        while j > self.first + 1 && words < 4 {
            j -= 1;
            if let Some(mk) = self.mark_at(j) {
                j = self.marks[mk].first;
                continue;
            }
            if self.is(j, "-") {
                continue;
            }
            if self.toks[j].kind != Kind::Word || self.direction_at(j).is_some() {
                return None;
            }
            if self.is(j, self.w.at) {
                return match self.direction_at(j - 1) {
                    Some((d, DirectionPos::Verb)) => Some((d, j - 1)),
                    _ => None,
                };
            }
            words += 1;
        }
        None
    }

    /// "raised its main rate by 50 basis points", "increased in Northern Ireland by 2.1
    /// percent": the direction verb a few words before the object that ends at token `k`,
    /// with only words and period phrases between.
    fn verb_before_object(&self, k: usize) -> Option<(Direction, usize)> {
        let mut j = k + 1;
        // Only period phrases passed so far: "widened in April to X from Y" takes any verb.
        let mut only_periods = true;
        // Eight words of object at most, period phrases and the hyphens of compounds not
        // counted: "slashed its full-year operating profit forecast by 21 per cent".
        let mut words = 0;
        while j > self.first && words < 8 {
            j -= 1;
            if let Some(mk) = self.mark_at(j) {
                j = self.marks[mk].first;
                continue;
            }
            if only_periods && self.is_any(j, &self.lang.periods.prepositions) {
                continue;
            }
            if self.is(j, "-") && !self.toks[j].space_before && j > self.first {
                continue;
            }
            // "cut its benchmark rate — which affects many loans — by a quarter-point": an
            // aside between dashes is not counted.
            if let Some(open) = self.aside_opening(j) {
                j = open;
                continue;
            }
            words += 1;
            if self.toks[j].kind != Kind::Word || self.is_any(j, &self.w.aside_stops) {
                return None;
            }
            // A noun of the object: "cut the amount available for raises to 3.5 pct".
            let direction = self.direction_at(j).filter(|_| !self.preposition_object(j));
            if let Some((d, pos)) = direction {
                // Only a verb takes an object: "growth forecast to 2.5 pct from 2.8 pct" is
                // not a rise. Other direction words stop the search.
                // "drove up operating costs by 35.5 percent": a particle of direction after a
                // verb of doing, not of being ("prices were up ... by").
                let particle = || {
                    j > self.first
                        && self.is_any(j, &self.w.particle_directions)
                        && self.toks[j - 1].kind == Kind::Word
                        && self.direction_at(j - 1).is_none()
                        && !self.is_any(j - 1, &self.w.amount_copulas)
                };
                let verb = self.is_any(j, &self.w.transitive_verbs)
                    || only_periods && pos == DirectionPos::Verb
                    || !only_periods && particle();
                return verb.then_some((d, j));
            }
            only_periods = false;
        }
        None
    }

    /// Direction noun or adjective after a percent ("a 5% increase", "5 pct higher").
    fn direction_after(&self, end: usize) -> Option<(Direction, usize)> {
        let mut k = end;
        // "45.7% year on year (Y-o-Y) drop": one or two phrases of the comparison.
        while let Some(m) = self
            .mark_starting(k)
            .filter(|&m| self.marks[m].period.is_comparison())
        {
            k = self.marks[m].end;
        }
        let Some((d, pos)) = self.direction_at(k) else {
            // "a 2.5 percent annual increase": a noun after an adjective of rate; "its 9%
            // revenue growth", "a 5% net profit decline": after the words of a measure.
            let words = if self.is_any(k, &self.w.rate_adjectives) {
                1
            } else {
                (k..self.end.min(k + MEASURE_WORDS))
                    .take_while(|&j| self.measure_word(j))
                    .count()
            };
            return match self.direction_at(k + words) {
                Some((d, DirectionPos::Noun)) if words > 0 => Some((d, k + words)),
                _ => None,
            };
        };
        // Lowercased only now: most figures have no direction word after them.
        let w = self.low(k)?;
        let adjective = self.w.direction_adjectives.contains(&w);
        (pos == DirectionPos::Noun || adjective).then_some((d, k))
    }

    /// Whether the word at `j` names a measure in lower case ("revenue", "profit"), not a
    /// place or a scope.
    fn measure_word(&self, j: usize) -> bool {
        let t = &self.toks[j];
        let subjects = &self.lang.subjects;
        t.kind == Kind::Word
            && t.text(self.text).starts_with(|c: char| c.is_lowercase())
            && t.look_up(self.text, &subjects.keys)
                .is_some_and(|key| !subjects.places_and_scopes.contains(&key))
    }

    /// Skips filler words after a change phrase: "a", "the", "a record", "an estimated".
    fn skip_fillers(&self, mut k: usize) -> usize {
        // Not into a figure's own words: "from just under 25 billion".
        while k < self.end
            && self.is_any(k, &self.w.fillers_before_figure)
            && self.mention_starting(k).is_none()
        {
            k += 1;
        }
        k
    }

    /// A free mention starting at or just after `k`: after fillers ("a record 5"), a verb of
    /// reaching ("to settle at $1,780.20") or a description ending in "of" ("an all-time
    /// high of 28 million tons", "its previous estimate in October of 175 billion yen").
    fn mention_near(&self, k: usize) -> Option<usize> {
        self.figure_after(k, true)
    }

    /// [`Self::mention_near`] for a baseline: "from a high of 6.75 dlrs" names an extreme of
    /// the period, not the level the change is measured from.
    fn baseline_near(&self, k: usize) -> Option<usize> {
        self.figure_after(k, false)
    }

    /// Whether token `j` is a period noun in the possessive, which owns the figure after it:
    /// "last year's", "January's".
    fn possessive_period(&self, j: usize) -> bool {
        let t = &self.toks[j];
        if t.kind != Kind::Word {
            return false;
        }
        let word = t.text(self.text);
        let Some(stem) = self
            .lang
            .subjects
            .possessives
            .iter()
            .find_map(|p| word.strip_suffix(p))
        else {
            return false;
        };
        let capital = stem.starts_with(|c: char| c.is_uppercase());
        Low::new(stem).is_some_and(|low| {
            self.lang.periods.possessed.contains(&low)
                || capital && self.lang.units.months.get(&low).is_some()
        })
    }

    /// The token after a year in the possessive at `j` ("2019's", "2019’s"), which owns the
    /// figure after it: "up from 2019's 11%".
    fn possessive_year(&self, j: usize) -> Option<usize> {
        // The cheap tests first: four digits with two tokens glued after them.
        let t = self.toks.get(j).filter(|t| {
            t.kind == Kind::Num
                && t.end - t.start == 4
                && j + 2 < self.end
                && !self.toks[j + 1].space_before
                && !self.toks[j + 2].space_before
        })?;
        let suffix = &self.text[t.end..self.toks[j + 2].end];
        let year = t.text(self.text).parse::<i32>().ok()?;
        (crate::period::YEARS.contains(&year) && self.lang.subjects.possessives.contains(&suffix))
            .then_some(j + 3)
    }

    /// The figure a baseline connector at `k` introduces ("from", "compared with", "vs"), after
    /// direction word `dt` if one comes first: "than" only after a comparative ("higher than
    /// last year's ₹18,951 crore"), and then the figure right after it.
    fn compared_figure(&self, k: usize, dt: Option<usize>) -> Option<usize> {
        let len = self.baseline_connector(k)?;
        if !self.is(k, self.w.than) {
            return self.baseline_near(k + len);
        }
        dt.filter(|&dt| self.is_any(dt, &self.w.than_comparatives))?;
        self.than_figure(k + len)
    }

    /// The figure right after "than" at `k` - 1, or after a period's possessive ("than last
    /// year's ₹18,951 crore", "than 2019's 11%"); not one further on ("higher than in 1985 at
    /// a total of 133.9 billion dlrs" is the value).
    fn than_figure(&self, after_than: usize) -> Option<usize> {
        let k = self.skip_fillers(after_than);
        let owner = (k..(k + 3).min(self.end))
            .take_while(|&j| self.toks[j].kind == Kind::Word)
            .find(|&j| self.possessive_period(j));
        let at = owner
            .map(|j| j + 1)
            .or_else(|| self.possessive_year(k))
            .unwrap_or(k);
        self.mention_starting(at)
            .filter(|&m| self.role(m) == Role::Free && self.value_like(m))
            // "higher than the 2019 level of 745,020 MW": a level named after "the", then its
            // figure after "of".
            .or_else(|| {
                let named = at == k && self.is(after_than, self.lang.periods.the);
                named.then(|| self.figure_after(after_than, true)).flatten()
            })
            // "lower than in 2018 (0.51%)", "than in the same period in 2018 (0.52%)": the
            // period compared with, then its figure alone in parentheses.
            .or_else(|| {
                let (j, mark) = self.past_level_words(after_than, 9);
                mark.and_then(|_| self.figure_in_parentheses(j))
            })
    }

    fn figure_after(&self, k: usize, extremes: bool) -> Option<usize> {
        // "to stand 91.6 pct higher than": a change of its own, not a level.
        let free = |m: usize| {
            self.role(m) == Role::Free
                && self.value_like(m)
                && self.direction_after(self.mtoks[m].1).is_none()
        };
        let start = k;
        // A period phrase may open with a filler word ("a week earlier", "the previous week").
        let period_first = self.mark_starting(k);
        let mut k = self.skip_fillers(k);
        // "to Rs Rs 610 crore": a currency word doubled in editing.
        if k + 1 < self.end
            && self.mention_starting(k).is_none()
            && self.mention_starting(k + 1).is_some_and(|m| {
                let t = |j: usize| self.toks[j].text(self.text);
                self.toks[k].kind == Kind::Word && t(k) == t(self.mtoks[m].0)
            })
        {
            k += 1;
        }
        // "15-year high of 5 per cent": a count glued to its noun describes the figure.
        let counted = |j: usize| {
            self.mention_starting(j).is_some_and(|m| {
                let e = self.mtoks[m].1;
                self.is(e, "-") && e + 1 < self.end && self.toks[e + 1].kind == Kind::Word
            })
        };
        if let Some(m) = self.mention_starting(k).filter(|_| !counted(k)) {
            return Some(m).filter(|&m| free(m));
        }
        // "from 2019's 11%": the year is no period phrase of the figure's here.
        if let Some(m) = self
            .possessive_year(k)
            .and_then(|j| self.mention_starting(j))
        {
            return Some(m).filter(|&m| free(m));
        }
        // "to settle at $1,780.20", "to reach a value of 51.4 billion euros"
        if self.is_any(k, &self.w.value_verbs) {
            k = self.skip_fillers(k + 1 + usize::from(self.is_any(k + 1, &self.w.value_words)));
            if let Some(m) = self.mention_starting(k).filter(|_| !counted(k)) {
                return Some(m).filter(|&m| free(m));
            }
        }
        let mut j = k;
        let mut after_mark = false;
        if let Some(mk) = period_first {
            j = self.marks[mk].end.max(k);
            after_mark = true;
        }
        while j < self.end && j < k + 8 {
            if let Some(mk) = self.mark_starting(j) {
                j = self.marks[mk].end;
                after_mark = true;
                continue;
            }
            // "up from last week when it averaged 6.24 percent", "down from 2019, when it was
            // 5.1%", "compared to the same period last year, where the value was 4.473 billion
            // dinars": the figure of the period named, in a clause about it, whose words name
            // no change of their own.
            if after_mark {
                let at = j + usize::from(self.is(j, ","));
                if self.is_any(at, &self.w.period_relatives) {
                    let words = (at + 1..(at + 1 + PERIOD_CLAUSE_WORDS).min(self.end))
                        .take_while(|&t| {
                            self.toks[t].kind == Kind::Word
                                && self.plain_word(t)
                                && self.direction_at(t).is_none()
                        })
                        .count();
                    return self.mention_starting(at + 1 + words).filter(|&m| free(m));
                }
            }
            after_mark = false;
            // "to a 14-month low of 47.8"; "at" after an extreme: "to a two-year low at $3.1
            // billion".
            let extreme_at = j > k && self.is(j, self.w.at) && self.is_any(j - 1, &self.w.extremes);
            if self.is(j, self.w.of) || extremes && extreme_at {
                return self.mention_starting(j + 1).filter(|&m| free(m));
            }
            // "from a high of 6.75 dlrs", an extreme of the period; "from the peak of",
            // "from its high-water mark of", "from an all-time high of": the level itself.
            if !extremes
                && self.is_any(j, &self.w.extremes)
                && !(start..j).any(|q| self.is_any(q, &self.w.extreme_qualifiers))
            {
                return None;
            }
            // "from last year's $4.8 billion", "from January's 4.5%"
            if self.possessive_period(j) {
                if let Some(m) = self.mention_starting(j + 1) {
                    return Some(m).filter(|&m| free(m));
                }
            }
            let counted = counted(j);
            // "from the 2019 figure of": a number that is no figure (a year read as a word).
            let word = self.toks[j].kind == Kind::Word
                || self.is(j, "-")
                || self.toks[j].kind == Kind::Num && self.mention_starting(j).is_none();
            if !counted && (!word || self.direction_at(j).is_some()) {
                return None;
            }
            j = match self.mention_starting(j).filter(|_| counted) {
                Some(m) => self.mtoks[m].1 + 2,
                None => j + 1,
            };
        }
        None
    }

    /// Whether figure `m` closes a clause about a period ("when it was 5.1%"): a word of
    /// [`Words::period_relatives`] before it, only plain words naming no change between, as
    /// [`Self::figure_after`] reads such a clause.
    fn in_period_relative(&self, m: usize) -> bool {
        let first = self.mtoks[m].0;
        (first
            .saturating_sub(PERIOD_CLAUSE_WORDS + 1)
            .max(self.first)..first)
            .rev()
            .take_while(|&t| self.toks[t].kind == Kind::Word && self.plain_word(t))
            .find(|&t| self.is_any(t, &self.w.period_relatives) || self.direction_at(t).is_some())
            .is_some_and(|t| self.is_any(t, &self.w.period_relatives))
    }

    /// "compared with", "compared to", "from", "against", "versus", "vs", "over": how many
    /// tokens the baseline connector at `k` spans.
    fn baseline_connector(&self, k: usize) -> Option<usize> {
        // One test by shape first: most tokens start no connector.
        if k >= self.end || !self.toks[k].may_be_in(&self.w.connector_starts) {
            return None;
        }
        let w = self.low(k)?;
        // "as compared with", "as against"
        if self.w.connector_prefixes.contains(&w) {
            return self
                .baseline_connector(k + 1)
                .filter(|_| !self.is(k + 1, self.w.from) && !self.is(k + 1, self.w.than))
                .map(|len| len + 1);
        }
        let (pair_first, pair_second) = &self.w.baseline_pairs;
        if self.w.baseline_words.contains(&w) {
            Some(if self.is(k + 1, ".") { 2 } else { 1 })
        } else if pair_first.contains(&w) && self.is_any(k + 1, pair_second) {
            Some(2)
        } else if self.w.baseline_before_determiner.contains(&w) {
            // Only right before the figure ("over the 64.5 million", "over last year's 70.75
            // million"): "over the previous year" or "over January's figure" is a span or a
            // period, read as such.
            let after_the = self.is(k + 1, self.lang.periods.the).then_some(k + 2);
            let after_owner = (k + 1..(k + 3).min(self.end))
                .find(|&j| self.possessive_period(j))
                .map(|j| j + 1);
            // Not the count of a span: "over the 12 months to the end of February".
            let figure = |j: usize| {
                self.mention_starting(j)
                    .is_some_and(|f| !self.is_any(self.mtoks[f].1, &self.lang.periods.durations))
            };
            // Right after a percent, the figure right after it ("up 11.44 per cent over 7.5 mt
            // a year ago"; the number reader reads no bound there).
            let after_percent = (k > self.first
                && same(&w, self.w.baseline_after_percent)
                && self
                    .ms
                    .clone()
                    .any(|m| self.mtoks[m].1 == k && self.kind(m) == MentionKind::Percent))
            .then_some(k + 1);
            after_the
                .or(after_owner)
                .or(after_percent)
                .is_some_and(figure)
                .then_some(1)
        } else {
            same(&w, self.w.than).then_some(1)
        }
    }

    /// Can the two figures be compared: the same unit, or one bare number beside a unit
    /// other than percent.
    fn compatible(&self, a: usize, b: usize) -> bool {
        let (ma, mb) = (&self.mentions[a], &self.mentions[b]);
        ma.unit == mb.unit
            || self.counts_alike(ma.unit, mb.unit)
            || (ma.unit.is_none() && mb.unit != Some("%"))
            || (mb.unit.is_none() && ma.unit != Some("%"))
    }

    /// Whether figures `a` and `b` may be two levels of one measure: both in digits, of
    /// compatible units, of one kind (or a count beside a quantity) and of comparable size.
    fn levels_alike(&self, a: usize, b: usize) -> bool {
        let (ma, mb) = (&self.mentions[a], &self.mentions[b]);
        let counts = |k: MentionKind| matches!(k, MentionKind::Number | MentionKind::Quantity);
        !ma.words
            && !mb.words
            && self.compatible(a, b)
            && (ma.kind == mb.kind || counts(ma.kind) && counts(mb.kind))
            && super::comparable_size(&ma.interval, &mb.interval)
    }

    /// Whether the two ends of a from/to pair can be compared: [`Self::compatible`], or a
    /// percent and a bare number of its size, the unit left out at one end ("from 21.79
    /// percent in February to 22.95 in March").
    fn ends_compatible(&self, a: usize, b: usize) -> bool {
        let (ma, mb) = (&self.mentions[a], &self.mentions[b]);
        let bare = |m: &Mention| m.kind == MentionKind::Number && m.unit.is_none();
        let percent_and_bare = ma.unit == Some("%") && bare(mb) || mb.unit == Some("%") && bare(ma);
        self.compatible(a, b) || percent_and_bare && (0.5..=2.0).contains(&(ma.value / mb.value))
    }

    /// Attaches "to X", "at X", "from Y", "compared with Y", period phrases after a change
    /// phrase ending at `k`, with the commas, asides and parentheses modern copy puts between
    /// them ("rose 7.4 pct, to 45.6 mln dlrs, from 42.5 mln", "to S$2.63 billion ($1.94
    /// billion) from S$2.24 billion", "to $24.7 billion, up from $22.64 billion", "to HK$536
    /// million (2016: HK$496 million)", "fell 0.1 point, going from 2.6% to 2.5%").
    fn attach_after(&mut self, d: usize, mut k: usize) {
        let mut quoted_at = false;
        for _ in 0..8 {
            if k >= self.end {
                break;
            }
            if self.is_any(k, &self.w.value_words) && self.drafts[d].value.is_none() {
                // "fell by 2.50 billion dlrs to a 1986 loss of 1.71 billion dlrs": a loss is
                // a level below zero, which the figure as written does not say.
                if let Some(m) = self.mention_near(k + 1).filter(|&m| !self.loss_amount(m)) {
                    quoted_at = !self.is(k, self.w.to);
                    self.drafts[d].value = Some(m);
                    self.set_role(m, Role::Value(d));
                    k = self.past_figure(self.mtoks[m].1);
                    self.drafts[d].end = k;
                    continue;
                }
            }
            // "5% behind the prior season at 8.13bn litres": the level after the words of what
            // the figure stands against.
            if let Some(m) = self.level_after_standing(d, k) {
                self.drafts[d].value = Some(m);
                self.set_role(m, Role::Value(d));
                k = self.past_figure(self.mtoks[m].1);
                self.drafts[d].end = k;
                continue;
            }
            // "6.4% below the revised official forecast of 23.5 million tonnes": the word of
            // direction names the figure compared with itself.
            // Not after a figure joined by a verb ("compared with a December figure of 15.0
            // billion guilders and were 25 pct below last year's level"), which would be
            // taken for the value; after a comma it is one ("22 million tonnes, 6.4% below").
            let positioned = self.drafts[d].direction.is_some_and(|(_, dt)| {
                dt + 1 == k
                    && self.drafts[d].value.is_none()
                    && self.is_any(dt, &self.w.position_comparatives)
                    && self.apposed(d)
            });
            // Then only the figure right after it: in "23.4 pct below the 12.4 mln to 12.6
            // mln tonnes" the "to" closes a range, not a move to a value.
            // "26.7% above the normal for the month (258mm)": the level in parentheses after
            // the words naming it.
            let named_level = |s: &Self| {
                let (j, _) = s.past_level_words(k, 9);
                s.parenthesised_figure(d, j)
            };
            if let Some(m) = (positioned && self.drafts[d].baseline.is_none())
                .then(|| self.baseline_near(k).or_else(|| named_level(self)))
                .flatten()
                .filter(|&m| !self.is(self.past_figure(self.mtoks[m].1), self.w.to))
            {
                self.drafts[d].baseline = Some(m);
                self.set_role(m, Role::Baseline(d));
                self.drafts[d].end = self.past_figure(self.mtoks[m].1);
                break;
            }
            if let Some(len) = self.baseline_connector(k) {
                // An amount's baseline comes with "from": "up 16 to 180, against 398" sets
                // this week's count against last year's.
                // So does a level quoted "at": in "up 13.1 cents at 6.785 dlrs from 6.84 dlrs"
                // the "from" figure is the session's high.
                let amount = self.drafts[d].measure == Measure::Absolute
                    && (!self.is(k, self.w.from) || quoted_at);
                if self.drafts[d].baseline.is_none() {
                    // An amount takes a baseline that the words name as such: "fell 624.82
                    // points ... against the previous close of 82,176.45".
                    // "1.9% more than the record high of 745,020 MW": after "than" an extreme
                    // is the level compared with, not one of the period.
                    let than = self.is(k, self.w.than);
                    // "739 fewer than the 36,835": a comparative right before "than" names
                    // the figure after it as what the amount is counted from.
                    let compared =
                        than && self.drafts[d].direction.is_some_and(|(_, dt)| dt + 1 == k);
                    let near = self
                        .figure_after(k + len, than)
                        .filter(|&m| !amount || compared || self.mtoks[m].0 > k + len + 1)
                        .map(|m| {
                            self.drafts[d]
                                .value
                                .and_then(|v| self.complement_figure(v, m))
                                .unwrap_or(m)
                        });
                    if let Some(m) = near {
                        // "rose by 6.2% in the 12 months to March, up from 5.5% in February":
                        // the rate before, not the level the 6.2% is of.
                        // "rose 2% from 5% to 7%" names both rates: a pair, not the rate before
                        // ("up from 0.4% to February" is).
                        let after = self.past_figure(self.mtoks[m].1);
                        let to_value =
                            self.is(after, self.w.to) && self.mention_near(after + 1).is_some();
                        // "23.8 to 29.3 pct down on last season's 4.1 mln to 4.2 mln": after
                        // "on" or "over" the "to" closes a range compared with, not a move
                        // to a value; a range is no one baseline.
                        if to_value && self.is_any(k, &self.w.baseline_before_determiner) {
                            if let Some(top) = self.mention_near(after + 1) {
                                k = self.past_figure(self.mtoks[top].1);
                                continue;
                            }
                        }
                        let rate_before = self.drafts[d].value.is_none()
                            && self.drafts[d].measure == Measure::Percent
                            && self.kind(m) == MentionKind::Percent
                            && !to_value;
                        // A rate in a clause about the period is left for the period phrase
                        // below: "a decline of 5.38% from last year when the pass percentage
                        // was 92.71%" may be in points.
                        let rate_in_clause = rate_before && self.in_period_relative(m);
                        if rate_before && !rate_in_clause && self.rate_named_by_noun(d) {
                            self.rate_against_rate(d, k, m);
                            k = self.past_figure(self.mtoks[m].1);
                            continue;
                        }
                        if rate_before && !rate_in_clause && self.rate_beside_change(d, k, m) {
                            k = self.past_figure(self.mtoks[m].1);
                            continue;
                        }
                        if !rate_before
                            && self.drafts[d].value.is_none_or(|v| self.compatible(v, m))
                        {
                            // "from the first five months of 1986 when the company posted
                            // sales of 169.0 mln dlrs": the period the clause is about dates
                            // its figure.
                            if self.drafts[d].baseline_mark.is_none() && self.in_period_relative(m)
                            {
                                let first = self.mtoks[m].0;
                                self.drafts[d].baseline_mark = self
                                    .marks
                                    .iter()
                                    .rposition(|mk| mk.first >= k + len && mk.end <= first);
                            }
                            self.drafts[d].baseline = Some(m);
                            self.set_role(m, Role::Baseline(d));
                            k = self.past_count_word(m, self.past_figure(self.mtoks[m].1));
                            self.drafts[d].end = k;
                            continue;
                        }
                    }
                }
                if self.drafts[d].baseline.is_none() {
                    if let Some((b, mark)) = self.compared_level_in_parentheses(d, k + len) {
                        self.drafts[d].baseline_mark.get_or_insert(mark);
                        k = self.take_parenthesised(d, b);
                        continue;
                    }
                }
                // "from a revised November 2015 estimate"
                let mut reach = k + len + 1;
                while reach < self.end && self.is_any(reach, &self.lang.periods.baseline_skip) {
                    reach += 1;
                }
                if let Some(mk) = self
                    .marks
                    .iter()
                    .position(|mk| mk.baseline && mk.first <= reach && mk.first >= k)
                {
                    if self.drafts[d].baseline_mark.is_none() {
                        self.drafts[d].baseline_mark = Some(mk);
                        k = self.marks[mk].end;
                        self.drafts[d].end = k;
                        continue;
                    }
                }
            }
            let mark = self.mark_after_preposition(k);
            // "a 9.9% YoY growth in Q4 FY25 operating revenue to ₹2.64 lakh crore": the
            // current period opens what the change noun is of.
            let current = |j: usize| self.mark_at(j).is_none_or(|mk| !self.marks[mk].baseline);
            if let Some(j) = mark
                .and_then(|_| self.noun_complement(d, k))
                .filter(|&j| (k..j).all(current))
            {
                k = j;
                continue;
            }
            if let Some(mk) = mark {
                // "over the 12 months to November": the span the change is over, not the
                // baseline's period.
                let m = &self.marks[mk];
                let span = self.is_any(k, &self.w.span_prepositions)
                    && (matches!(m.period, PeriodRef::Absolute(Period::Range(..)))
                        || (m.first..m.end).any(|j| self.is_any(j, &self.lang.periods.up_to)));
                let dating = self.looks_back_within(mk) || self.dates_as_previous(mk, k);
                // "year-over-year (YoY)": the same comparison again, abbreviated in parentheses.
                let again = self.drafts[d].baseline_mark.is_some_and(|b| {
                    self.marks[b].end == self.marks[mk].first && self.is(self.marks[mk].first, "(")
                });
                if self.marks[mk].baseline && !span && !dating && !again {
                    if self.drafts[d].baseline_mark.is_some() {
                        break;
                    }
                    self.drafts[d].baseline_mark = Some(mk);
                    self.drafts[d].end = self.marks[mk].end;
                }
                // "rose 9% in the fourth quarter to $X": a current period on the way.
                k = self.marks[mk].end;
                continue;
            }
            if let Some(b) = self.labelled_baseline(k) {
                if self.drafts[d].baseline.is_none()
                    && self.drafts[d].value.is_some_and(|v| self.compatible(v, b))
                {
                    self.drafts[d].baseline = Some(b);
                    self.set_role(b, Role::Baseline(d));
                    k = self.mtoks[b].1 + 1;
                    self.drafts[d].end = k;
                    continue;
                }
            }
            // "a 5% decline in nine-month net profit to S$3.17 billion": what a change noun
            // is of, before its value.
            if let Some(j) = self.noun_complement(d, k) {
                k = j;
                continue;
            }
            // ", to X", ", from Y", ", up from Y", ", going from Y to X", "(from Y)".
            let next = k + 1;
            // After a comma only "from" continues the claim: "rose 31.3 pct to 154,711,
            // compared with 146,610 in April" sets the value against another period.
            let joins = (self.is_comma_like(k) || self.is(k, "("))
                && (self.is_any(next, &self.w.value_words)
                    || self.is(next, self.w.from)
                    || self.is(k, "(") && self.baseline_connector(next).is_some()
                    || self.is_any(next, &self.w.restating_verbs)
                    || self.is_any(next, &self.w.direction_adjectives)
                        && self.baseline_connector(next + 1).is_some())
                || self.dated_comparison_after_comma(d, k);
            // "fell by 13% and stood slightly higher at 272 million": a clause giving the level
            // the change reached; also after a reporting aside ("up 3.8 percent in June,
            // Statistics New Zealand said on Friday - coming in at 4,310").
            if let Some(m) = self.drafts[d]
                .value
                .is_none()
                .then(|| {
                    self.level_clause(d, k)
                        .or_else(|| self.level_with(d, k))
                        .or_else(|| {
                            self.reporting_aside(k)
                                .and_then(|j| self.level_clause(d, j))
                        })
                })
                .flatten()
            {
                self.drafts[d].value = Some(m);
                self.set_role(m, Role::Value(d));
                k = self.past_figure(self.mtoks[m].1);
                self.drafts[d].end = k;
                continue;
            }
            // "to 69.27 billion riyals ($18.47 billion) before zakat and tax, compared to 53.88
            // billion riyals in 2021": past what the value is, to the comparison.
            if let Some(j) = self
                .qualifier_before_comparison(k)
                .filter(|_| self.drafts[d].value.is_some() && self.drafts[d].baseline.is_none())
            {
                k = j;
                continue;
            }
            let restating = self.is_any(k, &self.w.restating_verbs);
            // ", bringing the benchmark to 4%", ", taking the total prize pool to 26.75 million
            // pounds": a restating verb, its object of four words at most, then the value.
            if restating && self.drafts[d].value.is_none() {
                let to = (k + 1..(k + 6).min(self.end))
                    .take_while(|&j| self.toks[j].kind == Kind::Word && self.plain_word(j))
                    .find(|&j| self.is(j, self.w.to) && self.mention_starting(j + 1).is_some());
                if let Some(j) = to {
                    k = j;
                    continue;
                }
            }
            // "rose 5% over the past year to $300,000": a span up to now, passed over.
            if let Some(j) = self.recent_span(k) {
                k = j;
                continue;
            }
            // "rose 5% in the quarter to $3 billion": the story's own period, passed over.
            if let Some(j) = self.current_period(k) {
                k = j;
                continue;
            }
            // "rose 42.2 percent in the Northeast to 145,000": a place the change is in.
            if let Some(j) = self.place_before_level(k) {
                k = j;
                continue;
            }
            // "was off 26% in its fourth weekend to $8.9 million": what the change is in.
            if let Some(j) = self.phrase_before_level(d, k) {
                k = j;
                continue;
            }
            // "by 2.1 percent annually to £180,000"
            if self.is_any(k, &self.w.rate_adverbs) {
                k += 1;
                continue;
            }
            // "a jump of 6.56 per cent on Thursday to close at 18.20"
            if self.is_any(k + 1, &self.w.weekdays)
                && self.toks[k].kind == Kind::Word
                && !self.is_any(k, &self.w.value_words)
            {
                k += 2;
                continue;
            }
            if let Some(j) = self.restating_clause(k + 1).filter(|_| self.is(k, ",")) {
                k = j;
                continue;
            }
            // "added 4.4 million subscribers this summer, bringing its total to 122.7 million":
            // a few plain words, then a comma and a restating verb.
            if let Some(j) = self.words_to_restating_verb(d, k) {
                k = j;
                continue;
            }
            // "increased by 43%, according to our models, to more than 130,000 deaths"
            if let Some(j) = self.source_aside_before_level(d, k) {
                k = j;
                continue;
            }
            // "up by 12.8% in 2022 to 309.5m barrels, a notable increase from 249.8m barrels":
            // the change named again after a comma, then the level it was from.
            if self.drafts[d].baseline.is_none()
                && self.drafts[d].value.is_some()
                && self.is_comma_like(k)
            {
                let same_way =
                    |dir: Direction| self.drafts[d].direction.is_none_or(|(own, _)| own == dir);
                if let Some((_, j)) = self
                    .opened_direction(next)
                    .filter(|&(dir, _)| same_way(dir))
                {
                    k = j + 1;
                    continue;
                }
            }
            let adjective = self.is_any(k, &self.w.direction_adjectives)
                && self.baseline_connector(k + 1).is_some();
            if joins || restating || adjective {
                k += 1;
                continue;
            }
            // "a 14% increase over the previous year and pre-pandemic levels (€9.2bn)": the
            // figure of the baseline just named, in parentheses.
            if self.drafts[d].baseline.is_none() && self.drafts[d].baseline_mark.is_some() {
                if let Some(b) = self.parenthesised_level(d, k) {
                    k = self.take_parenthesised(d, b);
                    continue;
                }
            }
            // "to $1.13bn (£600m) for the three months to December, from $639m": skip an
            // aside with no figures or verbs of change to reach the baseline.
            // Only once the value is attached: an aside between a percent and its value often
            // changes the comparison ("rose six pct on a comparable store basis to ...").
            if self.drafts[d].value.is_some() && self.drafts[d].baseline.is_none() {
                if let Some(skip) = self.aside_before_from(k) {
                    k = skip;
                    continue;
                }
            }
            break;
        }
    }

    /// The comma after up to three plain words from `k`, when a restating verb follows it and
    /// the change at `d` has no level yet ("this summer, bringing its total to").
    fn words_to_restating_verb(&self, d: usize, k: usize) -> Option<usize> {
        if self.drafts[d].value.is_some() {
            return None;
        }
        // The cheap test first: a comma and a restating verb within reach.
        let comma = (k + 1..(k + 4).min(self.end)).find(|&j| self.is(j, ","))?;
        if !self.is_any(comma + 1, &self.w.restating_verbs) {
            return None;
        }
        (k..comma)
            .all(|j| self.quiet_word(j) && self.plain_word(j))
            .then_some(comma)
    }

    /// Whether token `j` is a word that neither is a figure nor links one: no direction, no
    /// word of a baseline or a level. What a phrase passed over between a change and its level
    /// may be made of.
    fn quiet_word(&self, j: usize) -> bool {
        self.toks[j].kind == Kind::Word
            && self.mention_starting(j).is_none()
            && self.direction_at(j).is_none()
            && self.baseline_connector(j).is_none()
            && !self.is_any(j, &self.w.value_words)
    }

    /// The level of change draft `d` after a word of standing right before `k` and up to four
    /// plain words of what it stands against, a comma at most, then "at": "5% behind the prior
    /// season at 8.13bn litres", "5.9% below the season prior, at 5.14bn litres".
    fn level_after_standing(&self, d: usize, k: usize) -> Option<usize> {
        let dr = &self.drafts[d];
        let (_, dt) = dr.direction?;
        if dr.value.is_some() || dt + 1 != k {
            return None;
        }
        let standing = self.is_any(dt, &self.w.position_comparatives)
            || self.toks[dt]
                .look_up(self.text, &self.w.standing_comparatives)
                .is_some();
        if !standing {
            return None;
        }
        let words = (k..(k + 5).min(self.end))
            .take_while(|&j| self.quiet_word(j) && self.mark_at(j).is_none())
            .count();
        let mut j = k + words;
        if !(1..=4).contains(&words) {
            return None;
        }
        if self.is(j, ",") {
            j += 1;
        }
        let m = self
            .mention_starting(j + 1)
            .filter(|_| self.is(j, self.w.at))?;
        let level = self.role(m) == Role::Free
            && (self.kind(m) == MentionKind::Percent) == (dr.measure == Measure::Points);
        level.then_some(m)
    }

    /// The comma closing an aside naming a source at `k` (", according to our models,"), when
    /// the change at `d` has no level yet and a level follows the aside.
    fn source_aside_before_level(&self, d: usize, k: usize) -> Option<usize> {
        let (according, to) = self.w.source_aside;
        if self.drafts[d].value.is_some()
            || !self.is(k, ",")
            || !self.is(k + 1, according)
            || !self.is(k + 2, to)
        {
            return None;
        }
        let close = (k + 3..(k + 10).min(self.end))
            .find(|&j| !(self.toks[j].kind == Kind::Word && self.plain_word(j)))?;
        let level = self.is_any(close + 1, &self.w.value_words)
            && self.mention_starting(close + 2).is_some();
        (close > k + 3 && self.is(close, ",") && level).then_some(close)
    }

    /// Past a phrase at `k` saying what a change with no level yet is in, when "to" or "from"
    /// and a figure follow it: a preposition of period other than "of" and up to five words or
    /// hyphens ("in its fourth weekend", "during the September plate-change", "an increase of
    /// 111% in international students from 28,030 in 2022 to 59,240").
    fn phrase_before_level(&self, d: usize, k: usize) -> Option<usize> {
        let p = &self.lang.periods;
        if self.drafts[d].value.is_some()
            || !self.is_any(k, &p.prepositions)
            || self.is(k, self.w.of)
        {
            return None;
        }
        // Period phrases may be among the words ("during the September plate-change").
        let word = |j: usize| self.quiet_word(j) || self.is(j, "-");
        let end = (k + 1..(k + 7).min(self.end)).find(|&j| !word(j))?;
        let level = self.is(end, self.w.to) || self.is(end, self.w.from);
        (end > k + 1 && level && self.mention_starting(end + 1).is_some()).then_some(end)
    }

    /// Past a place at `k` ("in the Northeast", "in New South Wales": "in", "the" and up to
    /// three capitalised words) when the level or baseline follows it.
    fn place_before_level(&self, k: usize) -> Option<usize> {
        if !self.is(k, self.w.place_preposition) {
            return None;
        }
        let first = k + 1 + usize::from(self.is(k + 1, self.lang.periods.the));
        let capital = |j: usize| {
            j < self.end
                && self.toks[j].kind == Kind::Word
                && self.toks[j].text(self.text).starts_with(char::is_uppercase)
                && self.plain_word(j)
        };
        let end = (first..first + 3)
            .find(|&j| !capital(j))
            .unwrap_or(first + 3);
        (end > first && self.level_or_comparison_at(end)).then_some(end)
    }

    /// Whether a level ("to", "at") or a comparison ("from", "compared with") opens at `j`:
    /// what a phrase passed over between a change and its figures must lead to.
    fn level_or_comparison_at(&self, j: usize) -> bool {
        self.is_any(j, &self.w.value_words) || self.baseline_connector(j).is_some()
    }

    /// Past a span reaching up to now from a preposition at `k`: "over the past year", "in
    /// the last 12 months".
    fn recent_span(&self, k: usize) -> Option<usize> {
        let p = &self.lang.periods;
        let opens = self.is_any(k, &self.w.span_prepositions) || self.is_any(k, &p.prepositions);
        if !opens || !self.is(k + 1, p.the) || !self.is_any(k + 2, &self.w.recent_spans) {
            return None;
        }
        let j = k + 3 + usize::from(k + 3 < self.end && self.toks[k + 3].kind == Kind::Num);
        self.is_any(j, &p.durations).then_some(j + 1)
    }

    /// Past "in the quarter", "during the period" at `k`, when a level, a comparison or a
    /// punctuation mark follows ("rose 5% in the quarter to $3 billion", "was 7.2 per cent in
    /// the quarter, up from 6.5 per cent"): the story's own period, read from the story, not
    /// from these words.
    /// "In the review period" and "during the period under review" are the story's own too.
    fn current_period(&self, k: usize) -> Option<usize> {
        let p = &self.lang.periods;
        if !(self.is_any(k, &p.prepositions) && self.is(k + 1, p.the)) {
            return None;
        }
        let (qualifiers, (under, review)) = &self.w.current_period_qualifiers;
        let noun = k + 2 + usize::from(self.is_any(k + 2, qualifiers));
        let named = self.is_any(noun, &self.w.current_periods);
        let j = if self.is(noun + 1, under) && self.is(noun + 2, review) {
            noun + 3
        } else {
            noun + 1
        };
        let next = j < self.end && (self.is_comma_like(j) || self.level_or_comparison_at(j));
        (named && next).then_some(j)
    }

    /// The figure opening a parenthesis after a few plain words from `k` ("and pre-pandemic
    /// levels (€9.2bn –"), or right after the baseline's period phrase that ends at `k`
    /// ("17% higher than last year (2.17m in Nov 2023)"), for draft `d` whose baseline period
    /// is named; the words may name periods of their own ("over the same period of 2020-21
    /// (USD 9.73 billion)"). See [`Self::parenthesised_figure`] for the figure.
    fn parenthesised_level(&self, d: usize, k: usize) -> Option<usize> {
        let (j, _) = self.past_level_words(k, 6);
        // Words name the level first: "to $2.29 billion ($2.28 billion expected)" is an aside.
        // Or after one more period phrase, which dates it: "over the same period of 2020-21".
        let named = self.drafts[d].baseline_mark.map(|mk| self.marks[mk].first);
        let after_period = || {
            self.marks
                .iter()
                .any(|mk| mk.end == k && (mk.baseline || named.is_some_and(|f| mk.first > f)))
        };
        if j == k && !after_period() {
            return None;
        }
        self.parenthesised_figure(d, j)
    }

    /// The figure in parentheses after a baseline connector's words that name a period ("than
    /// the rate recorded in February 2021 (1.54 percent)", "more than the BE of the previous
    /// year (Rs. 4.12 lakh crore)"), from `k` right after the connector, for draft `d`: the
    /// figure and the last period phrase of the words, its period.
    fn compared_level_in_parentheses(&self, d: usize, k: usize) -> Option<(usize, usize)> {
        let (j, mark) = self.past_level_words(k, 9);
        let mark = mark?;
        self.parenthesised_figure(d, j).map(|b| (b, mark))
    }

    /// Past the plain words and period phrases from `k` that may name a level before its figure
    /// (no direction or value word, at most `reach` tokens): where they end, and the last
    /// period phrase among them.
    fn past_level_words(&self, k: usize, reach: usize) -> (usize, Option<usize>) {
        let mut j = k;
        let mut last_mark = None;
        while j < self.end && j < k + reach {
            if let Some(mk) = self.mark_starting(j) {
                j = self.marks[mk].end;
                last_mark = Some(mk);
                continue;
            }
            let word = self.toks[j].kind == Kind::Word
                && self.plain_word(j)
                && self.direction_at(j).is_none()
                && !self.is_any(j, &self.w.value_words)
                && !self.is_any(j, &self.w.outlook);
            if !(word || self.is(j, "-")) {
                break;
            }
            j += 1;
        }
        (j, last_mark)
    }

    /// The figure opening the parenthesis at `j`, as draft `d`'s baseline: the figure, with its
    /// own period at most, before the parenthesis closes or a dash; with a unit, the value's
    /// unit when the value is known; a bare figure or a percent only beside a known value of
    /// its unit.
    fn parenthesised_figure(&self, d: usize, j: usize) -> Option<usize> {
        let b = self.figure_in_parentheses(j)?;
        let with_unit = matches!(self.kind(b), MentionKind::Currency | MentionKind::Quantity);
        let digits = |x: usize| !self.mentions[x].words;
        let fits = match self.drafts[d].value {
            None => with_unit,
            Some(v) => self.same_unit(v, b) && (with_unit || digits(v) && digits(b)),
        };
        fits.then_some(b)
    }

    /// The free figure opening the parenthesis at `j`, with its own period at most, before the
    /// parenthesis closes or a dash ("(USD 9.73 billion)", "(0.51%)").
    fn figure_in_parentheses(&self, j: usize) -> Option<usize> {
        if !self.is(j, "(") {
            return None;
        }
        let b = self.mention_starting(j + 1)?;
        let mut e = self.mtoks[b].1;
        if let Some(mk) = self.mark_after_preposition(e) {
            e = self.marks[mk].end;
        }
        (self.role(b) == Role::Free && self.is_punct(e)).then_some(b)
    }

    /// Takes figure `b` in parentheses as draft `d`'s baseline; the token after it and the
    /// parenthesis closing it.
    fn take_parenthesised(&mut self, d: usize, b: usize) -> usize {
        self.drafts[d].baseline = Some(b);
        self.set_role(b, Role::Baseline(d));
        let k = self.past_figure(self.mtoks[b].1);
        let k = k + usize::from(self.is(k, ")"));
        self.drafts[d].end = k;
        k
    }

    /// The figure of a clause at `k` that gives the level change `d` reached: a comma, "and"
    /// or a dash, a verb of level, its particle and up to two plain words, then the figure or
    /// "at" or "to" and the figure ("and stood slightly higher at 272 million", "- coming in
    /// at 4,310", ", shipping 101 million units"). Not a percent for a change in percent: ",
    /// recording 5% growth" is another change.
    fn level_clause(&self, d: usize, k: usize) -> Option<usize> {
        let (verbs, particles) = &self.w.level_verbs;
        let joined = self.is_comma_like(k) || self.is(k, self.w.and) || self.is(k, "-");
        // ", and now stands at £362,777": "and" after the comma, an adverb of time.
        let mut v = k + 1;
        if self.is_comma_like(k) && self.is(v, self.w.and) {
            v += 1;
        }
        if self.is_any(v, &self.w.level_adverbs) {
            v += 1;
        }
        // "and were recorded at": the participle stands for the verb.
        let (being, participles) = &self.w.level_passives;
        let passive = self.is_any(v, being) && self.is_any(v + 1, participles);
        if passive {
            v += 1;
        }
        if !joined || !(passive || self.is_any(v, verbs)) {
            return None;
        }
        let mut j = v + 1;
        if self.is_any(j, particles) {
            j += 1;
        }
        let figure = (j..(j + 3).min(self.end)).find_map(|t| {
            if self.is_any(t, &self.w.value_words) {
                Some(self.mention_near(t + 1))
            } else if self.mention_starting(t).is_some() {
                Some(self.mention_near(t))
            } else if self.toks[t].kind == Kind::Word && self.plain_word(t) {
                None
            } else {
                Some(None)
            }
        })??;
        self.level_of(d, figure)
    }

    /// `figure` as the level of draft `d`, unless it is a rate beside a change in percent
    /// (", with a share of 5%" is no level a 3% rise reached).
    fn level_of(&self, d: usize, figure: usize) -> Option<usize> {
        let rate =
            self.drafts[d].measure == Measure::Percent && self.kind(figure) == MentionKind::Percent;
        (!rate).then_some(figure)
    }

    /// The figure of ", with the total of 328,041 registrations", ", with an average of 19.3
    /// million viewers", ", with sales of $3 billion" at `k`: "with", words of a level or up
    /// to three of a measure, then "of" and the figure; or of "for a total of 45,323 units".
    /// Not a percent for a change in percent (", with a share of 5%").
    fn level_with(&self, d: usize, k: usize) -> Option<usize> {
        let (level_for, totals) = &self.w.level_for;
        // "total" and "average" are also fillers before a figure: skipped with "a".
        let of = self.skip_fillers(k + 1);
        if self.is(k, level_for) && self.is_any(of - 1, totals) && self.is(of, self.w.of) {
            let figure = self.mention_starting(of + 1)?;
            return (self.role(figure) == Role::Free && self.value_like(figure))
                .then(|| self.level_of(d, figure))
                .flatten();
        }
        if !self.is(k, ",") || !self.is(k + 1, self.w.level_with) {
            return None;
        }
        let start = self.skip_fillers(k + 2);
        // Words of a level ("the total", "an average") or of a measure ("sales"), not "with
        // the help of 300 dealers".
        let of = (start..(start + 4).min(self.end))
            .find(|&j| self.is(j, self.w.of) || !(self.plain_word(j) && self.measure_word(j)))?;
        if of == k + 2 || !self.is(of, self.w.of) {
            return None;
        }
        let figure = self
            .mention_starting(of + 1)
            .filter(|&m| self.role(m) == Role::Free && self.value_like(m))?;
        self.level_of(d, figure)
    }

    /// A reporting aside at `k`: a comma, up to six plain words ending in a reporting verb,
    /// and the day it was said ("Statistics New Zealand said on Friday"); the comma or dash
    /// after it.
    fn reporting_aside(&self, k: usize) -> Option<usize> {
        if !self.is(k, ",") {
            return None;
        }
        let verb = (k + 1..(k + 8).min(self.end))
            .take_while(|&j| self.toks[j].kind == Kind::Word && self.plain_word(j))
            .find(|&j| self.is_any(j, &self.lang.subjects.reporting_verbs))?;
        let mut j = verb + 1;
        if self.is(j, self.lang.periods.on) && self.is_any(j + 1, &self.w.weekdays) {
            j += 2;
        }
        (self.is_comma_like(j) || self.is(j, "-")).then_some(j)
    }

    /// Whether draft `d` is a percent named by a noun of change with no value: "a growth of
    /// 8.4 per cent", "an annual increase of 5,2%", "29% revenue growth".
    fn rate_named_by_noun(&self, d: usize) -> bool {
        let dr = &self.drafts[d];
        dr.value.is_none()
            && dr.change.is_some()
            && dr.restates.is_none()
            && dr
                .direction
                .is_some_and(|(_, t)| matches!(self.direction_at(t), Some((_, DirectionPos::Noun))))
    }

    /// Makes draft `d`, a growth rate named by a noun, the rate compared with the earlier rate
    /// `m` after the connector at `k`: in "a growth of 8.4 per cent as against 4.3 per cent"
    /// and "an annual increase of 5,2% in April, down from 5,3% in March" the two figures are
    /// rates, and the growth word is what they measure, not a move between them. The word
    /// before the connector ("down from") is the direction between the two rates.
    fn rate_against_rate(&mut self, d: usize, k: usize, m: usize) {
        let direction = self.adjective_before_connector(k);
        let end = self.past_figure(self.mtoks[m].1);
        let dr = &mut self.drafts[d];
        let Some(rate) = dr.change.take() else {
            return;
        };
        dr.kind = if direction.is_some() {
            ClaimKind::Change
        } else {
            ClaimKind::Value
        };
        dr.value = Some(rate);
        dr.baseline = Some(m);
        dr.measure = Measure::Absolute;
        dr.direction = direction;
        dr.phrase = direction.map_or(self.mtoks[rate], |(_, t)| (t, t + 1));
        dr.end = end;
        self.set_role(rate, Role::Value(d));
        self.set_role(m, Role::Baseline(d));
    }

    /// The word of direction right before the connector at `k` ("down" of "down from") and
    /// its token: the direction between two rates compared.
    fn adjective_before_connector(&self, k: usize) -> Option<(Direction, usize)> {
        k.checked_sub(1)
            .filter(|&j| j >= self.first && self.is_any(j, &self.w.direction_adjectives))
            .and_then(|j| self.direction_at(j).map(|(dir, _)| (dir, j)))
    }

    /// "Prices rose by 6.2% in the 12 months to March, up from 5.5% in February": a verb's
    /// rate of change, then a word of direction and the rate before, `m`, after the connector
    /// at `k`. The change stays a change with no figures; the two rates are a second claim,
    /// the move between them. Whether that claim was made.
    fn rate_beside_change(&mut self, d: usize, k: usize, m: usize) -> bool {
        let dr = &self.drafts[d];
        let verb = dr
            .direction
            .is_some_and(|(_, t)| matches!(self.direction_at(t), Some((_, DirectionPos::Verb))));
        let Some(rate) = dr
            .change
            .filter(|_| verb && dr.rate_change_without_figures())
        else {
            return false;
        };
        let Some(direction) = self.adjective_before_connector(k) else {
            return false;
        };
        let end = self.past_figure(self.mtoks[m].1);
        let phrase = (direction.1, direction.1 + 1);
        self.drafts.push(Draft {
            first: self.mtoks[rate].0,
            end,
            value: Some(rate),
            baseline: Some(m),
            ..Draft::over(
                ClaimKind::Change,
                phrase,
                Measure::Absolute,
                Some(direction),
            )
        });
        let rate_claim = self.drafts.len() - 1;
        self.set_role(m, Role::Baseline(rate_claim));
        true
    }

    /// A period phrase starting at `k`, or after a preposition and an article there ("in the
    /// fourth quarter").
    fn mark_after_preposition(&self, k: usize) -> Option<usize> {
        let p = &self.lang.periods;
        let mut j = k;
        if self.is_any(j, &p.prepositions) || self.is_any(j, &self.w.span_prepositions) {
            j += 1;
            if self.is(j, p.the) {
                j += 1;
            }
        }
        self.mark_starting(k)
            .or_else(|| self.mark_starting(j).filter(|_| j > k))
            .or_else(|| self.mark_starting(k + 1).filter(|_| j > k + 1))
            // "up 19.4% on FY23": "on" before a baseline's period.
            .or_else(|| {
                self.is(k, p.on)
                    .then(|| self.mark_starting(k + 1))
                    .flatten()
                    .filter(|&mk| self.marks[mk].baseline)
            })
    }

    /// ", lifting the cash rate from 2.6 per cent to 2.85 per cent": a clause restating the
    /// change as its figures, from a direction verb at `k`; the token of its "from" or "to".
    fn restating_clause(&self, k: usize) -> Option<usize> {
        self.direction_at(k)
            .filter(|&(_, p)| p == DirectionPos::Verb)?;
        (k + 1..(k + 8).min(self.end))
            .take_while(|&j| self.toks[j].kind == Kind::Word)
            .find(|&j| self.is(j, self.w.from) || self.is(j, self.w.to))
    }

    /// Whether a figure starting at token `f` follows ", or" ("2.43 trillion won, or around
    /// 1.8 billion U.S. dollars"): it restates the figure before it.
    fn after_restating_or(&self, f: usize) -> bool {
        f >= self.first + 2 && self.is_any(f - 1, &self.w.restating) && self.is(f - 2, ",")
    }

    /// The figure that mention `m` converts, when `m` is a currency in parentheses right after
    /// it ("S$3.11 billion (US$2.3b)").
    fn converted(&self, m: usize) -> Option<usize> {
        let f = self.mtoks[m].0;
        if f < self.first + 2 || self.kind(m) != MentionKind::Currency {
            return None;
        }
        if self.is(f - 1, "(") {
            return self.ms.clone().find(|&h| self.mtoks[h].1 == f - 1);
        }
        // "2.43 trillion won, or around 1.8 billion U.S. dollars": another currency restated.
        if !self.after_restating_or(f) {
            return None;
        }
        self.ms.clone().find(|&h| {
            self.mtoks[h].1 == f - 2
                && self.kind(h) == MentionKind::Currency
                && self.mentions[h].unit != self.mentions[m].unit
        })
    }

    /// After a change noun ("a 5% decline", "a 1.3% fall"), the words saying what it is of,
    /// from "in" at `k` up to a "to" or "at" with a value ("drop in its consolidated net
    /// profit at Rs 47 crore"): where that word is, or the comma after them that a verb
    /// restating the level follows.
    fn noun_complement(&self, d: usize, k: usize) -> Option<usize> {
        let dr = &self.drafts[d];
        let noun = dr.direction.is_some_and(|(_, t)| {
            t + 1 == k
                && self
                    .direction_at(t)
                    .is_some_and(|(_, p)| p == DirectionPos::Noun)
        });
        // "a halving of net financial debt to 352 million euro": a multiple as a noun.
        let multiple_noun = dr.kind == ClaimKind::Multiple
            && dr
                .change
                .is_some_and(|c| self.mentions[c].words && self.mtoks[c].1 == k);
        if !(noun || multiple_noun)
            || dr.value.is_some()
            || !self.is_any(k, &self.lang.periods.prepositions)
        {
            return None;
        }
        let words = (k + 1..(k + 12).min(self.end)).take_while(|&j| {
            self.toks[j].kind == Kind::Word || self.is(j, "-") || self.mark_at(j).is_some()
        });
        let mut last = k;
        for j in words {
            if self.is_any(j, &self.w.value_words)
                && self
                    .mention_near(j + 1)
                    .is_some_and(|m| !(self.is(j, self.w.at) && self.counted(m)))
            {
                return Some(j);
            }
            last = j;
        }
        // "a 12 per cent increase in prize money, taking it to $29.61 million": the words end
        // at a comma before a verb restating the level; "a 1.9 percent drop in its output in
        // 2018, at 1.8 million tonnes": before "at" and the level.
        if last == k || !self.is(last + 1, ",") {
            return None;
        }
        if self.is_any(last + 2, &self.w.restating_verbs) {
            return Some(last + 1);
        }
        let level_at = self.is(last + 2, self.w.at)
            && self
                .mention_near(last + 3)
                .is_some_and(|m| !self.counted(m));
        level_at.then_some(last + 2)
    }

    /// Whether mention `m` is a bare number counting the plain word after it ("at 2,000
    /// firms"): a count of something, not a level of what changed.
    fn counted(&self, m: usize) -> bool {
        self.kind(m) == MentionKind::Number && self.naming_word(self.mtoks[m].1)
    }

    /// Past what belongs to a figure ending at token `k`: its period phrase and a currency
    /// conversion, in either order ("97.6 billion yen ($889.05 million) for the quarter"), and
    /// a participle's period phrase.
    fn past_figure(&self, k: usize) -> usize {
        let k = self.after_note(self.after_rate(k));
        let k = self.after_owned_mark(self.after_conversion(self.after_owned_mark(k)));
        // "77.3 million iPhones shipped worldwide during Q4 2017"
        self.participle_mark(k).map_or(k, |mk| self.marks[mk].end)
    }

    /// Past a note in parentheses right after a figure ending at token `k`: one or two plain
    /// words ("Rs1,829 billion (net) during", "(provisional)") or a margin of error ("53,200
    /// (± 900) in the year ended February 2019"); else `k`.
    fn after_note(&self, k: usize) -> usize {
        if !self.is(k, "(") {
            return k;
        }
        if self.is(k + 1, "±") {
            let margin = self.mention_starting(k + 2).map(|m| self.mtoks[m].1);
            if let Some(close) = margin.filter(|&close| self.is(close, ")")) {
                return close + 1;
            }
        }
        (k + 2..(k + 4).min(self.end))
            .find(|&close| self.is(close, ")"))
            .filter(|&close| (k + 1..close).all(|j| self.naming_word(j)))
            .map_or(k, |close| close + 1)
    }

    /// Past the unit a figure ending at token `k` is a rate of ("per share", "per diluted
    /// share", "a barrel"), when what follows it ends the figure: punctuation, a comparison or
    /// a period phrase; else `k`.
    fn after_rate(&self, k: usize) -> usize {
        // Most figures end a clause or meet a verb: one test of the token's kind first.
        if k >= self.end || self.toks[k].kind != Kind::Word {
            return k;
        }
        let (articles, per) = &self.w.per_unit;
        if !self.is_any(k, articles) && !self.is(k, per) {
            return k;
        }
        let word = |j: usize| self.naming_word(j);
        let longest = if self.is(k, per) { 2 } else { 1 };
        (1..=longest)
            .take_while(|&n| word(k + n))
            .map(|n| k + n + 1)
            .find(|&e| {
                e >= self.end
                    || self.is_punct(e)
                    || self.baseline_connector(e).is_some()
                    || self.owned_mark(e).is_some()
                    || self.aside_to_comma(e).is_some()
                    || self.is(e, self.w.to)
            })
            .unwrap_or(k)
    }

    /// Whether token `j` is a word that can name what a figure is ("per share", "annual
    /// rate"): a plain word, neither a direction nor a baseline connector.
    fn naming_word(&self, j: usize) -> bool {
        j < self.end
            && self.toks[j].kind == Kind::Word
            && self.plain_word(j)
            && self.direction_at(j).is_none()
            && self.baseline_connector(j).is_none()
    }

    /// Whether token `j` is a plain word of the sentence: no mention or period phrase starts
    /// there.
    fn plain_word(&self, j: usize) -> bool {
        self.mention_starting(j).is_none() && self.mark_at(j).is_none()
    }

    /// "19.02 billion riyals before zakat and tax, compared to 16.26 billion", "7299 homes
    /// sold by REINZ members in July, compared with 7864 in June": a qualifier of up to four
    /// plain words naming no change right after a figure (token `k` on), its period phrases,
    /// then a comma and "compared to" or "compared with"; where the comma is.
    fn qualifier_before_comparison(&self, k: usize) -> Option<usize> {
        const WORDS: usize = 4;
        let (verbs, connectors) = &self.w.comparing;
        // One cheap test by kind first: words and numbers up to a comma and "compared",
        // which most figures do not have after them.
        let comma = (k..(k + 3 * WORDS).min(self.end))
            .find(|&j| !matches!(self.toks[j].kind, Kind::Word | Kind::Num) && !self.is(j, "-"))?;
        if comma == k || !self.is(comma, ",") || !self.is_any(comma + 1, verbs) {
            return None;
        }
        let plain = |j: usize| {
            j < self.end
                && self.toks[j].kind == Kind::Word
                && self.plain_word(j)
                && self.direction_at(j).is_none()
                && !self.is_any(j, &self.w.value_words)
        };
        let words = (k..k + WORDS + 1).take_while(|&j| plain(j)).count();
        // Not the whole a share is of: "34 pct of 1986 turnover, compared with 22 pct".
        let owned = (self.first..k)
            .rev()
            .take_while(|&t| self.mark_at(t).is_some() || self.is(t, self.w.of))
            .any(|t| self.is(t, self.w.of));
        if words == 0 || words > WORDS || owned || self.is(k, self.w.of) {
            return None;
        }
        let mut j = k + words;
        while let Some(mk) = self.mark_starting(j) {
            j = self.marks[mk].end;
        }
        if j != comma || !self.is_any(j + 2, connectors) {
            return None;
        }
        // A figure the comparison names by a noun of its own is of another measure unless
        // the qualifier has that noun: "a 12.2 mln dlr tax credit, compared with a
        // year-earlier loss of 5,855,000 dlrs" (the loss before it is what compares).
        let mut of = None;
        let mut t = j + 3;
        while t < (j + 3 + 2 * WORDS).min(self.end) && self.mention_starting(t).is_none() {
            if let Some(mk) = self.mark_starting(t) {
                t = self.marks[mk].end;
                continue;
            }
            if self.is(t, self.w.of) {
                of = Some(t).filter(|&t| self.toks[t - 1].kind == Kind::Word);
                break;
            }
            t += 1;
        }
        let own_noun = of.is_none_or(|t| {
            let noun = self.toks[t - 1].text(self.text);
            (k..k + words).any(|q| self.toks[q].text(self.text).eq_ignore_ascii_case(noun))
        });
        own_noun.then_some(j)
    }

    /// Past a currency conversion in parentheses right after a figure ("S$2.63 billion
    /// ($1.94 billion)"), else `k`.
    fn after_conversion(&self, k: usize) -> usize {
        if !self.is(k, "(") {
            return k;
        }
        match self.mention_starting(k + 1) {
            Some(m) if self.is(self.mtoks[m].1, ")") && self.kind(m) == MentionKind::Currency => {
                self.mtoks[m].1 + 1
            }
            _ => k,
        }
    }

    /// The baseline of a labelled aside after a value, "(2016: HK$496 million)", "(Six
    /// months ended 30 June 2018: HK$15,646,000)", "(2015 – 48.5%)": a parenthesis whose
    /// label names a period.
    fn labelled_baseline(&self, k: usize) -> Option<usize> {
        if !self.is(k, "(") {
            return None;
        }
        let colon = (k + 1..(k + 12).min(self.end)).find(|&j| self.ends_label(j))?;
        let b = self
            .mention_starting(colon + 1)
            .filter(|&b| self.role(b) == Role::Free && self.value_like(b))?;
        let names_period = self.marks.iter().any(|mk| mk.first > k && mk.end <= colon)
            || (k + 1..colon).any(|j| {
                self.toks[j].kind == Kind::Num && self.toks[j].end - self.toks[j].start == 4
            });
        (names_period && self.is(self.mtoks[b].1, ")")).then_some(b)
    }

    /// Whether token `j` ends a label: a colon, or a dash typed for one ("(2015 – 48.5%)").
    fn ends_label(&self, j: usize) -> bool {
        self.is(j, self.w.label_colon) || self.is_dash(j) || self.is_spaced_hyphen(j)
    }

    /// The free figure whose labelled baseline is mention `b` ("HK$556 million (2016: HK$426
    /// million)" for HK$426 million).
    fn labelled_before(&self, b: usize) -> Option<usize> {
        let (bf, _) = self.mtoks[b];
        // A labelled baseline follows its colon: most figures are not one.
        if bf == 0 || !self.ends_label(bf - 1) {
            return None;
        }
        let v = self.ms.clone().rev().find(|&o| self.mtoks[o].1 <= bf)?;
        (self.role(v) == Role::Free
            && self.value_like(v)
            && self.labelled_baseline(self.mtoks[v].1) == Some(b))
        .then_some(v)
    }

    /// A whole that a percentage can be a share of, within a few words ("the global
    /// supply", "its shares", "the market"); prices "of par" or "of principal" and ratios
    /// "of GDP" can exceed 100% and are not shares.
    fn whole_after(&self, k: usize) -> bool {
        (k..(k + 4).min(self.end)).any(|j| self.is_any(j, &self.w.wholes))
    }

    /// "estimates ranged from 2.4 to 2.7": a range, not a change.
    fn ranged_before(&self, k: usize) -> bool {
        (k.saturating_sub(4).max(self.first)..k).any(|j| self.is_any(j, &self.w.range_words))
    }

    /// "the yen rose against the dollar to 153.50 from 154.67": an exchange rate quoted as
    /// a bare number runs opposite to the currency named, so its direction cannot be checked.
    fn exchange_rate(&self, m: usize) -> bool {
        self.mentions[m].unit.is_none()
            && (self.first..self.end).any(|j| {
                self.toks[j]
                    .look_up(self.text, &self.lang.units.currencies)
                    .is_some()
                    && !self.in_percent(j)
                    || self.is_any(j, &self.w.exchange_words)
            })
    }

    /// Whether token `j` is a word of a percent ("cent" of "14 per cent" is no currency).
    fn in_percent(&self, j: usize) -> bool {
        self.ms.clone().any(|m| {
            self.kind(m) == MentionKind::Percent && self.mtoks[m].0 <= j && j < self.mtoks[m].1
        })
    }

    /// Whether draft `d` has no figure before it in its sentence, or is set off from the
    /// one before by a comma, a dash or a parenthesis.
    fn apposed(&self, d: usize) -> bool {
        let first = self.drafts[d].first;
        let before = self.ms.clone().any(|m| self.mtoks[m].1 <= first);
        !before || first > self.first && (self.is_comma_like(first - 1) || self.is(first - 1, "("))
    }

    /// Whether a figure or a period phrase ends right before token `j`, or a few plain words
    /// before it ("153,213 casualties of all severities in reported incidents which was 5%
    /// lower").
    fn figure_shortly_before(&self, j: usize) -> bool {
        const WORDS: usize = 8;
        let ends_figure = |e: usize| {
            self.mark_at(e - 1).is_some() || self.ms.clone().any(|m| self.mtoks[m].1 == e)
        };
        (j.saturating_sub(WORDS).max(self.first + 1)..=j)
            .rev()
            .take_while(|&e| e == j || self.toks[e].kind == Kind::Word && self.plain_word(e))
            .any(ends_figure)
    }

    /// Whether the figure starting at token `mf` completes a noun with "of" ("exports of 368
    /// mln dlrs", "a surplus of 6.5 billion"), as a subject does.
    fn subject_figure(&self, mf: usize) -> bool {
        mf >= self.first + 2
            && self.is(mf - 1, self.w.of)
            && self.toks[mf - 2].kind == Kind::Word
            && self.mention_starting(mf - 2).is_none()
    }

    /// Whether the sentence opens with "the", figure token `mf`, the one noun at `k` it sizes
    /// and a verb of being: "The 3% level is", "The 2,000 figure was".
    fn figure_naming_subject(&self, mf: usize, k: usize) -> bool {
        mf == self.first + 1
            && self.is(mf - 1, self.lang.periods.the)
            && k + 1 < self.end
            && self.naming_word(k)
            && !self.is_any(k, &self.w.value_words)
            && self.is_any(k + 1, &self.w.stating_verbs)
    }

    /// "compared with a December figure of 15.0 billion", "from 17.4 billion": a figure
    /// introduced as the other side of a comparison.
    fn introduced_as_baseline(&self, m: usize) -> bool {
        let first = self.mtoks[m].0;
        // Within its clause: "7.7% more than in 2022; and 95,196 tonnes" is a new figure; and
        // after no verb's "at" or "to": "revenue from operations stood at X" states X, where
        // "from 8,387 to 33,989" pairs a baseline with it; nor after a verb of being or of
        // level, or "with" but for "compared with": "Arrivals from the region were 100,100",
        // "from the Australasian region with 100,100 visitors" state it too.
        (first.saturating_sub(5).max(self.first)..first)
            .rev()
            .take_while(|&k| {
                let stated = k > self.first
                    && self.is_any(k, &self.w.value_words)
                    && self.toks[k - 1].kind == Kind::Word
                    && !self.covered[k - 1 - self.first]
                    && !self.is_any(k - 1, &self.w.baseline_pairs.0);
                let with = self.is(k, self.w.level_with)
                    && k > self.first
                    && !self.is_any(k - 1, &self.w.baseline_pairs.0);
                let verb = with
                    || self.is_any(k, &self.w.stating_verbs)
                    || self.is_any(k, &self.w.level_verbs.0);
                let closes = self.is(k, ";") || self.is(k, ",") || self.is(k, ")");
                !closes && !stated && !verb
            })
            .any(|k| self.is_any(k, &self.w.introducing_baseline))
    }

    /// "earned 108 mln dlrs on sales of 4.50 billion dlrs, compared with 276 mln dlrs on sales
    /// of 4.67 billion": when value `v` is the figure of an "on ... of" complement, its
    /// baseline is the one of the same complement after baseline candidate `m`, not `m`.
    fn complement_figure(&self, v: usize, m: usize) -> Option<usize> {
        let on = self.past_figure(self.mtoks[m].1);
        if !self.is(on, self.lang.periods.on) {
            return None;
        }
        let of = (on + 1..(on + 4).min(self.end)).find(|&j| self.is(j, self.w.of))?;
        // The value's own complement, with the same words: "on sales of".
        let v_first = self.mtoks[v].0;
        let len = of - on;
        let text = |j: usize| self.toks[j].text(self.text);
        let same = v_first > len + self.first
            && self.is(v_first - 1, self.w.of)
            && (0..len).all(|i| text(v_first - 1 - len + i) == text(on + i));
        let b = self.mention_starting(of + 1)?;
        (same && self.role(b) == Role::Free && self.compatible(v, b)).then_some(b)
    }

    /// The "from" (or "against" right before a figure) ending a short aside that starts at
    /// `k` (a parenthesis, "for the three months to December,", "in the quarter"), if the
    /// aside holds no other figure or change word.
    fn aside_before_from(&self, k: usize) -> Option<usize> {
        let mut j = k;
        let mut depth = 0i32;
        // "against" after a comma sets the value against another period ("rose 0.6 pct to
        // 53.6 pct, against 67.3 pct"), as in `attach_after`.
        let mut comma = false;
        while j < self.end && j < k + 16 {
            if depth == 0
                && j > k
                && (self.is(j, self.w.from)
                    || !comma
                        && self.is_any(j, &self.w.figure_connectors)
                        && self.mention_starting(j + 1).is_some())
            {
                return Some(j);
            }
            comma |= self.is(j, ",");
            if depth == 0
                && self
                    .ms
                    .clone()
                    .any(|m| self.mtoks[m].0 == j && self.kind(m) != MentionKind::Number)
            {
                return None;
            }
            let t = self.toks[j].text(self.text);
            match t {
                "(" => depth += 1,
                ")" => depth -= 1,
                ";" | "." => return None,
                _ => {}
            }
            if depth == 0 && (self.direction_at(j).is_some() || self.is_any(j, &self.w.aside_stops))
            {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The end of a period phrase right after a mention ("1238 tons in May"), else `k`.
    fn after_owned_mark(&self, k: usize) -> usize {
        self.owned_mark(k).map_or(k, |m| self.marks[m].end)
    }

    /// The period phrase of mention `m`: right after it, or after the unit it is a rate of
    /// ("88 cents per share a year earlier").
    fn find_figure_mark(&self, m: usize) -> Option<usize> {
        let k = self.after_note(self.after_rate(self.mtoks[m].1));
        self.owned_mark(k)
            .or_else(|| {
                // "6.4 per cent of GDP in FY23": a rate's period after the whole it is of.
                if self.kind(m) != MentionKind::Percent {
                    return None;
                }
                let w = self.ratio_whole_end(k);
                (w != k).then(|| self.owned_mark(w)).flatten()
            })
            .or_else(|| self.owned_mark(self.past_conversion(m)?))
            .or_else(|| self.participle_mark(k))
            // "28,545 cases compared to 26,110 cases in 2021": after the word a bare count
            // counts, when another bare count of the sentence counts it too.
            .or_else(|| {
                let text = |j: usize| self.toks[j].text(self.text);
                // Not a span's unit ("three months") nor a letter ("the 6-3/8s of 1989").
                // The cheap tests first: most figures have no count noun said twice.
                let counted_again = self.kind(m) == MentionKind::Number
                    && k < self.end
                    && self.toks[k].kind == Kind::Word
                    && text(k).len() > 2
                    && self.ms.clone().any(|o| {
                        let e = self.mtoks[o].1;
                        o != m
                            && e < self.end
                            && self.kind(o) == MentionKind::Number
                            && text(e).eq_ignore_ascii_case(text(k))
                    })
                    && self.naming_word(k)
                    && !self.is_any(k, &self.lang.periods.durations);
                counted_again.then(|| self.owned_mark(k + 1)).flatten()
            })
            // "up from 28 offences in 2021 to 36": the period after the words the count is of,
            // before the "to" of the next count.
            .or_else(|| {
                // The cheap test first: most figures are not after "from".
                let mf = self.mtoks[m].0;
                let after_from = mf > self.first && self.is(mf - 1, self.w.from);
                let (words, _) = after_from.then(|| self.counted_noun_to(m, k)).flatten()?;
                self.owned_mark(k + words)
            })
            .or_else(|| {
                // "from 1985's 710 mln dlrs": the year that owns the figure.
                let mf = self.mtoks[m].0;
                let owned = mf >= self.first + 3 && self.possessive_year(mf - 3) == Some(mf);
                owned
                    .then(|| self.marks.iter().position(|mk| mk.end == mf - 2))
                    .flatten()
            })
            .or_else(|| {
                // "lower than in 2018 (0.51%)": a figure alone in parentheses right after a
                // period phrase is of that period.
                let mf = self.mtoks[m].0;
                (mf > self.first && self.is(mf - 1, "(") && self.is(k, ")"))
                    .then(|| self.marks.iter().position(|mk| mk.end == mf - 1))
                    .flatten()
            })
            .or_else(|| {
                // "$671.7bn (£484bn) in 2004": the conversion's period is the amount's.
                self.converted(m)?;
                let end = self.mtoks[m].1;
                self.is(end, ")")
                    .then(|| self.owned_mark(end + 1))
                    .flatten()
            })
    }

    /// The period phrase after a participle saying how a figure ending at token `k` was had,
    /// a word of what it counts allowed before it and one of where after it: "Rs331 billion
    /// collected in October 2020", "14,210 cases reported in 2019", "77.3 million iPhones
    /// shipped worldwide during Q4 2017". A date of its own only: a phrase relative to another
    /// period ("reported in the same month a year ago") or followed by one ("reported in
    /// February a year ago") is read against a period this does not know.
    fn participle_mark(&self, k: usize) -> Option<usize> {
        let participle = |j: usize| j < self.end && self.is_any(j, &self.w.figure_participles);
        let j = if participle(k) {
            k
        } else if participle(k + 1) && self.naming_word(k) {
            k + 1
        } else {
            return None;
        };
        // "shipped worldwide during Q4 2017": one word of where between.
        let mk = self
            .owned_mark(j + 1)
            .or_else(|| self.naming_word(j + 1).then(|| self.mark_starting(j + 2))?)?;
        let mark = &self.marks[mk];
        let own =
            matches!(mark.period, PeriodRef::Absolute(_)) && self.mark_starting(mark.end).is_none();
        own.then_some(mk)
    }

    /// Past the same amount in another currency right after amount `m` ("2.43 trillion won,
    /// or around 1.8 billion U.S. dollars, in the July-September period", "S$2.54 billion
    /// (US$1.9b) for its 9MFY17"): where the period phrase of `m` would start.
    fn past_conversion(&self, m: usize) -> Option<usize> {
        let o = m + 1;
        if o >= self.ms.end || self.converted(o) != Some(m) {
            return None;
        }
        let end = self.mtoks[o].1;
        Some(end + usize::from(self.is(end, ")")))
    }

    /// [`Self::find_figure_mark`], as found for every mention after linking.
    fn figure_mark(&self, m: usize) -> Option<usize> {
        self.figure_marks[m - self.ms.start]
    }

    /// A period phrase starting right after token `k - 1`, a comma or "as at" between
    /// ("N299.4 billion as at December 2022").
    fn owned_mark(&self, k: usize) -> Option<usize> {
        self.marks
            .iter()
            .position(|m| m.first == k || (m.first == k + 1 && self.is(k, ",")))
            .or_else(|| {
                (self.is(k, self.w.as_at) && self.is(k + 1, self.w.at))
                    .then(|| self.mark_starting(k + 2))?
            })
    }

    fn new_draft(
        &mut self,
        kind: ClaimKind,
        m: usize,
        phrase: (usize, usize),
        measure: Measure,
        direction: Option<(Direction, usize)>,
    ) -> usize {
        self.drafts.push(Draft {
            change: Some(m),
            ..Draft::over(kind, phrase, measure, direction)
        });
        let d = self.drafts.len() - 1;
        self.set_role(m, Role::Change(d));
        d
    }

    /// The current value before a change phrase: "353 tons, an increase of 660%",
    /// The last figure ending by token `first`, a period's number not one ("in the first 10
    /// months").
    fn figure_before(&self, first: usize) -> Option<usize> {
        self.ms
            .clone()
            .rev()
            .find(|&m| self.mtoks[m].1 <= first && !self.in_period(m))
    }

    /// The comma opening an aside with a superlative that ends with "and" right before token
    /// `first` (", the best opening weekend in six years and"), when only words, numbers and
    /// hyphens stand in it.
    fn superlative_aside_before(&self, first: usize) -> Option<usize> {
        if first < self.first + 4 || !self.is(first - 1, self.w.and) {
            return None;
        }
        let (superlatives, _) = &self.lang.periods.superlatives;
        let comma = (first.saturating_sub(12).max(self.first)..first - 1)
            .rev()
            .find(|&j| self.toks[j].kind == Kind::Punct && !self.is(j, "-"))?;
        let opens = self.is(comma, ",")
            && self.is(comma + 1, self.lang.periods.the)
            && self.is_any(comma + 2, superlatives);
        opens.then_some(comma)
    }

    /// Whether mention `m` is a number inside a period phrase ("in the first 10 months").
    fn in_period(&self, m: usize) -> bool {
        self.mark_at(self.mtoks[m].0).is_some()
    }

    /// "121,580, up 8.8 pct from 111,743", or the head of an earlier claim.
    fn value_before(&mut self, d: usize) {
        let first = self.drafts[d].first;
        // "18.5 million, the best opening weekend in six years and up 3%": an aside about the
        // figure, passed over whole.
        let aside = self.superlative_aside_before(first);
        let Some(prev) = self.figure_before(aside.unwrap_or(first)) else {
            return;
        };
        // After a change, from the end of its phrase: "9 cents higher than a month ago and
        // 23 cents above the same time a year ago".
        let mut k = match self.role(prev) {
            Role::Change(h) if self.drafts[h].end <= first => {
                self.drafts[h].end.max(self.mtoks[prev].1)
            }
            _ => self.mtoks[prev].1,
        };
        // "Rs 20.64 lakh crore, a massive 35 per cent surge": a word of judgement right
        // before the figure of a change named after it (not of a basis: "a real 2% decline").
        let judged = |k: usize| {
            k + 1 == first
                && self.drafts[d]
                    .change
                    .is_some_and(|c| self.mtoks[c].0 == first)
                && self.drafts[d].direction.is_some_and(|(_, dt)| dt > first)
                && self.is_any(k, &self.w.fillers_before_percent)
                && !self.is_any(k, &self.lang.subjects.basis_words)
        };
        let connector = |k: usize| {
            self.is_punct(k) && !self.is(k, ".")
                || self.is_any(k, &self.w.connectors)
                || self.is_any(k, &self.w.manner_adverbs)
                || self.is_any(k, &self.w.cadence_adjectives)
                || self
                    .direction_at(k)
                    .is_some_and(|(_, p)| p == DirectionPos::Noun)
                || judged(k)
        };
        let mut adjacent = true;
        while k < first {
            if aside == Some(k) {
                k = first;
                continue;
            }
            if let Some(mk) = self.mark_at(k) {
                k = self.marks[mk].end;
                continue;
            }
            // "down 0.3% from the previous month but up 3.6%": a baseline's period phrase.
            if let Some(mk) = self
                .baseline_connector(k)
                .and_then(|len| self.mark_starting(k + len))
            {
                k = self.marks[mk].end;
                continue;
            }
            if !connector(k) {
                adjacent = false;
                break;
            }
            k += 1;
        }
        // "HK$556 million (2016: HK$426 million) for a 31% increase": the figure and its
        // labelled baseline.
        if adjacent {
            if let Some(v) = self.labelled_before(prev) {
                let dr = &mut self.drafts[d];
                dr.value = Some(v);
                dr.baseline = Some(prev);
                dr.first = self.mtoks[v].0;
                self.set_role(v, Role::Value(d));
                self.set_role(prev, Role::Baseline(d));
                return;
            }
        }
        // "S$3.11 billion (US$2.3b) was 16% higher": the figure before its conversion.
        let mut prev = self.converted(prev).unwrap_or(prev);
        if !adjacent {
            // A participial clause after a comma refers to the main clause's figure:
            // "China exported 3188 tons ... in June, marking a 157.5% increase".
            // A semicolon opens it too ("June 30, 2018; which is 46 percent higher"), and some
            // openers need no stop at all right after a figure or its period phrase ("Rs 15.25
            // billion which is marginally lower by 2.7 percent").
            let mut j = first;
            while j > self.first
                && !self.is_comma_like(j - 1)
                && !self.is(j - 1, "(")
                && !self.is(j - 1, ";")
            {
                if !connector(j - 1) || self.mark_at(j - 1).is_some() {
                    if self.is_any(j, &self.w.unpunctuated_clause_starters)
                        && self.figure_shortly_before(j)
                    {
                        break;
                    }
                    return;
                }
                j -= 1;
            }
            // "225,183 aircraft movements, 7.7% more than in 2022": the change's own figure
            // opens the clause; "1,834,101 aircraft movements were recorded (+8.7% compared
            // to 2022)": or a parenthesis, with its sign.
            let opens_paren = j > self.first && self.is(j - 1, "(");
            let figure_first = (j == first || opens_paren && (j..first).all(|x| self.is_punct(x)))
                && self.drafts[d]
                    .change
                    .is_some_and(|c| self.mtoks[c].0 == first);
            if j == self.first || !(self.is_any(j, &self.w.clause_starters) || figure_first) {
                return;
            }
            // A change in points is of a percentage: "18.6 percent of total exports ..., up
            // 4.5 percentage points".
            let points = self.drafts[d].measure == Measure::Points;
            let Some(main) = self.ms.clone().rfind(|&m| {
                self.mtoks[m].1 < j
                    && (matches!(self.kind(m), MentionKind::Currency | MentionKind::Quantity)
                        || self.kind(m) == MentionKind::Number && self.value_like(m)
                        || points && self.kind(m) == MentionKind::Percent)
            }) else {
                return;
            };
            // Only the figure of the clause just before: "8,520,058 travelled on domestic
            // flights, up 6.8%", not one further back (a period's number is no figure).
            if self.ms.clone().any(|o| {
                o != main
                    && self.mtoks[o].0 > self.mtoks[main].1
                    && self.mtoks[o].1 < j
                    && !self.in_period(o)
            }) {
                return;
            }
            prev = self.converted(main).unwrap_or(main);
        }
        if self.role(prev) == Role::Free
            && (self.introduced_as_baseline(prev) || self.to_end_after_from(prev))
        {
            return;
        }
        match self.role(prev) {
            Role::Free
                if self.value_like(prev) && self.kind(prev) != MentionKind::Percent
                    || (self.kind(prev) == MentionKind::Percent
                        && (self.drafts[d].measure == Measure::Points
                            || self.drafts[d].measure == Measure::Percent
                                && self.rate_then_its_change(prev, d))) =>
            {
                self.drafts[d].value = Some(prev);
                self.drafts[d].first = self.mtoks[prev].0;
                self.set_role(prev, Role::Value(d));
            }
            // "growth was 5.7 percent in the first 10 months, rising by 0.3 percentage point":
            // a change in points after a rate of change is the rate's own.
            Role::Change(h)
                if h != d
                    && self.drafts[d].measure == Measure::Points
                    && self.kind(prev) == MentionKind::Percent
                    && self.drafts[h].change == Some(prev) =>
            {
                self.drafts[d].value = Some(prev);
            }
            // "$18 billion, up 9% from the prior quarter and up 41% from a year ago".
            Role::Baseline(h) | Role::Value(h) | Role::Change(h)
                if h != d && !self.own_value_ahead(self.drafts[d].end) =>
            {
                if let Some(v) = self.drafts[h].value {
                    self.drafts[d].value = Some(v);
                    self.drafts[d].inherited_from = Some(h);
                }
            }
            _ => {}
        }
    }

    /// Whether the percent `m` is a rate that the change of draft `d` is of: only a stop,
    /// articles and a relative clause's opening stand between ("a pass rate of 70.6%,
    /// an improvement of 5.6%", "65.6%, up by 3.1% from 2016", "82.2% (+1.4%)"). A percent
    /// joined by other words is most often a change itself ("a 0.4 pct third-quarter decline
    /// but was 0.7 pct higher", "last year's 7.4 pct, rising this year by 4.5 pct").
    fn rate_then_its_change(&self, m: usize, d: usize) -> bool {
        let (first, end) = (self.drafts[d].first, self.drafts[d].end);
        // A rate of one period and a change dated another are two statements ("13.6 pct in
        // 1985, rose by 20.2 pct in 1986"; "last year's 7.4 pct, rising this year by 4.5 pct").
        let dating = |mk: &usize| !self.marks[*mk].baseline && !self.marks[*mk].basis;
        let (mf, ml) = self.mtoks[m];
        let rate_period = self
            .mark_starting(ml)
            .or_else(|| (mf > self.first).then(|| self.mark_at(mf - 1)).flatten())
            .filter(dating);
        let change_period = (first..end)
            .find_map(|k| self.mark_starting(k))
            .or_else(|| self.mark_after_words(end))
            .filter(dating);
        match (rate_period, change_period) {
            (Some(a), Some(b)) if a != b && self.marks[a].period != self.marks[b].period => {
                return false;
            }
            (None, Some(_)) => return false,
            _ => {}
        }
        let mut stop = false;
        let mut k = self.mtoks[m].1;
        while k < first {
            if let Some(mk) = self.mark_at(k) {
                k = self.marks[mk].end;
                continue;
            }
            if self.is_punct(k) && !self.is(k, ".") {
                stop = true;
            } else if !(self.is_any(k, &self.w.adjective_articles)
                || self.is_any(k, &self.w.level_change_links)
                || self.is_any(k, &self.w.manner_adverbs))
            {
                return false;
            }
            k += 1;
        }
        stop
    }

    /// Whether figure `m` is the "to" end of a from/to whose "from" figure stands earlier in
    /// its clause ("jumped from 135.1 lakh in 2013 to 149.5 lakh in 2024, an increase of 10.6
    /// per cent"): the comparison pass links the pair, and the change after it restates it.
    fn to_end_after_from(&self, m: usize) -> bool {
        const REACH: usize = 12;
        let mf = self.mtoks[m].0;
        if mf < self.first + 3 || !self.is(mf - 1, self.w.to) {
            return false;
        }
        let lo = mf.saturating_sub(REACH).max(self.first + 1);
        (lo..mf - 1)
            .rev()
            .take_while(|&j| !self.is_comma_like(j) && !self.is(j, ";"))
            .any(|j| self.is(j - 1, self.w.from) && self.mention_starting(j).is_some())
    }

    /// Whether changes `d` and `e` (the next) are in clauses joined by a joiner word, with no
    /// figure or word of comparison between, no period phrase in the first clause (read or
    /// not: "grew 2.6% overall last year") and no forecast in either ("and is forecast to see
    /// growth of 2.1% in 2005"): "expanded by 18.5 percent year on year but contracted by 1.8
    /// percent".
    fn clauses_joined(&self, d: usize, e: usize) -> bool {
        let (a, b) = (&self.drafts[d], &self.drafts[e]);
        let change = |k: ClaimKind| matches!(k, ClaimKind::Change | ClaimKind::Multiple);
        if !change(a.kind) || !change(b.kind) {
            return false;
        }
        let from = [a.value, a.baseline, a.change]
            .into_iter()
            .flatten()
            .map(|m| self.mtoks[m].1)
            .fold(a.end.max(a.phrase.1), usize::max);
        let to = b.first.min(b.phrase.0);
        let (first, end) = (a.first.min(a.phrase.0), b.end.max(b.phrase.1));
        if (first..end).any(|k| self.is_any(k, &self.w.outlook))
            || (first..to).any(|k| {
                self.mark_at(k).is_some_and(|mk| {
                    let m = &self.marks[mk];
                    !(m.basis || m.baseline || m.period.is_comparison())
                })
            })
        {
            return false;
        }
        let mut joined = false;
        for k in from..to {
            if self.mention_starting(k).is_some()
                || self.is_any(k, &self.w.comparison_connectors)
                || self.is_any(k, &self.w.introducing_baseline)
            {
                return false;
            }
            joined |= self.is_any(k, &self.w.clause_joiners);
        }
        joined
    }

    /// Links the sentence's mentions into drafts, pass by pass: change phrases first, so
    /// that the figures they claim are taken before the looser shapes look for theirs.
    fn link(&mut self) {
        for m in self.ms.clone() {
            match self.kind(m) {
                MentionKind::Percent | MentionKind::Points => self.percent_change(m),
                MentionKind::Multiple => self.multiple_change(m),
                MentionKind::Currency | MentionKind::Quantity | MentionKind::Number => {
                    self.absolute_change(m)
                }
            }
        }
        for m in self.ms.clone() {
            self.comparison_at(m);
        }
        self.joined_comparisons();
        for m in self.ms.clone() {
            self.unchanged(m);
            self.value_far_before(m);
            self.baseline_in_relative_clause(m);
            self.baseline_only(m);
        }
        if self.drafts.len() > 1 {
            self.amounts_restated();
            for d in 0..self.drafts.len() {
                self.labelled_comparison_before(d);
            }
        }
        for d in 0..self.drafts.len() {
            self.level_before(d);
            self.baseline_in_parentheses(d);
            self.growth_rates_compared(d);
        }
        for m in self.ms.clone() {
            self.share_at(m);
        }
        for m in self.ms.clone() {
            self.value_at(m);
        }
    }

    /// "bringing year-on-year growth to 10.0 pct in December against 10.2 pct in November": a
    /// noun naming a rate of growth, with no figure of change, whose level and baseline are
    /// both percents, names the two rates compared, not a rise between them.
    fn growth_rates_compared(&mut self, d: usize) {
        let dr = &self.drafts[d];
        let (Some(v), Some(b), Some((_, dt))) = (dr.value, dr.baseline, dr.direction) else {
            return;
        };
        let rates = self.kind(v) == MentionKind::Percent && self.kind(b) == MentionKind::Percent;
        if dr.kind == ClaimKind::Change
            && dr.change.is_none()
            && rates
            && self.is_any(dt, &self.w.growth_nouns)
        {
            let dr = &mut self.drafts[d];
            dr.kind = ClaimKind::Value;
            dr.direction = None;
        }
    }

    /// "fell 0.4 percent to $208.6 billion in January after climbing 0.9 percent to $209.5
    /// billion in December", "edged down 0.3 percent to 258.9 billion dollars, after hitting a
    /// record level of 259.6 billion dollars": the level a clause opened by "after" names is
    /// the baseline of the change before it.
    fn level_before(&mut self, d: usize) {
        let dr = &self.drafts[d];
        let Some(v) = dr.value else {
            return;
        };
        if dr.kind != ClaimKind::Change || dr.baseline.is_some() || dr.inherited_from.is_some() {
            return;
        }
        // Past the value's period phrase and a comma.
        let mut k = dr.end.max(dr.phrase.1).max(self.mtoks[v].1);
        if let Some(mk) = self.mark_after_preposition(k) {
            k = self.marks[mk].end;
        }
        if self.is(k, ",") {
            k += 1;
        }
        if !self.is(k, self.w.after) {
            return;
        }
        let Some(b) = self.level_after(k + 1) else {
            return;
        };
        // Levels with their unit: a bare index or aggregate in wire copy is as often set
        // beside the level a year-on-year rate reached the month before ("M-2 rose 8.28 pct
        // to 58.71 billion in April after rising 6.47 pct to 57.52 billion in March").
        let with_unit =
            |m: usize| matches!(self.kind(m), MentionKind::Currency | MentionKind::Quantity);
        if !self.same_unit(v, b) || self.kind(v) != self.kind(b) || !with_unit(v) {
            return;
        }
        self.drafts[d].baseline = Some(b);
        if self.role(b) == Role::Free {
            self.set_role(b, Role::Baseline(d));
        }
    }

    /// "2.31m attendances, 17% higher than last year (2.17m in Nov 2023)": the figure in
    /// parentheses after the baseline's period ([`Self::parenthesised_level`]) once the value
    /// before the change is known, which a bare figure needs.
    fn baseline_in_parentheses(&mut self, d: usize) {
        let dr = &self.drafts[d];
        if dr.kind != ClaimKind::Change || dr.value.is_none() || dr.baseline.is_some() {
            return;
        }
        // The cheap test first: most changes have no parenthesis after them.
        if !(dr.end..(dr.end + 16).min(self.end)).any(|j| self.is(j, "(")) {
            return;
        }
        let Some(b) = self.parenthesised_level(d, dr.end) else {
            return;
        };
        // Only after a named comparison, a period or "than" ("a fifth more activity than
        // pre-pandemic (2.1m in Oct 2019)"): "rose 23 percent to 125.25 billion shillings
        // ($1.23 billion) in 2015" converts the level, it names no level before.
        let compared = dr.baseline_mark.is_some()
            || (dr.end..self.mtoks[b].0)
                .any(|j| self.is(j, self.w.than) || self.baseline_connector(j).is_some());
        if compared {
            self.take_parenthesised(d, b);
        }
    }

    /// The level an "after" clause starting at `k` reaches: the value of its own change
    /// ("climbing 0.9 percent to $209.5 billion") or a figure named a level ("a record level
    /// of 259.6 billion"); a figure of another kind first ("after a charge of $2 million")
    /// gives none.
    fn level_after(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j < self.end && j < k + 8 {
            if let Some(m) = self.mention_starting(j) {
                let Role::Change(h) = self.role(m) else {
                    return None;
                };
                let hd = &self.drafts[h];
                return hd
                    .value
                    .filter(|&v| hd.inherited_from.is_none() && self.mtoks[v].0 > j);
            }
            if self.is_any(j, &self.w.level_nouns) && self.is(j + 1, self.w.of) {
                return self
                    .mention_starting(j + 2)
                    .filter(|&m| !matches!(self.role(m), Role::Change(_)) && self.value_like(m));
            }
            if self.toks[j].kind != Kind::Word {
                return None;
            }
            j += 1;
        }
        None
    }

    /// "dropping by 22.4% to 155,417 units – 45,000 less than 12 months ago": a percent and
    /// an amount of change that share one value and state no baseline are one move told
    /// twice, and are checked against each other as a restatement is.
    fn amounts_restated(&mut self) {
        for a in 0..self.drafts.len() {
            let amount = &self.drafts[a];
            if amount.measure != Measure::Absolute || amount.baseline.is_some() {
                continue;
            }
            let Some(v) = amount.value else {
                continue;
            };
            // The amount comes second, a comparative after its figure, taking the percent's
            // value: "rose by 93,000 to 3,594,000, a rise of 36 pct" sets the amount and the
            // percent against different periods.
            let comparative = amount
                .change
                .is_some_and(|c| amount.phrase.0 == self.mtoks[c].0);
            let Some(p) = amount.inherited_from.filter(|_| comparative) else {
                continue;
            };
            let pd = &self.drafts[p];
            let shares = pd.measure == Measure::Percent
                && pd.value == Some(v)
                && pd.baseline.is_none()
                && pd.baseline_mark.is_none()
                && pd.restates.is_none()
                && !self.drafts.iter().any(|o| o.restates == Some(a));
            if shares {
                self.drafts[p].restates = Some(a);
            }
        }
    }

    /// A signed percent set against a period or figure, with no direction word: "+0.4% vs.
    /// H1 23", "(+8.7% compared to 2022)": the sign is the direction.
    /// The direction a sign written on mention `m` gives, in the mention ("-2%") or in a token
    /// glued before it ("+0.4%", or alone after "(": "(+ 10.5%"), and whether the sign is that
    /// token.
    fn written_sign(&self, m: usize) -> Option<(Direction, bool)> {
        let mf = self.mtoks[m].0;
        let is_sign = |c: char| matches!(c, '+' | '-' | '\u{2212}');
        // "(+ 10.5% compared to 2016)": a sign alone after an opening parenthesis is the
        // figure's, a space between or not.
        let glued_sign = mf > self.first
            && (!self.toks[mf].space_before || mf > self.first + 1 && self.is(mf - 2, "("))
            && self.toks[mf - 1].text(self.text).starts_with(is_sign);
        let sign = if glued_sign {
            self.toks[mf - 1].text(self.text)
        } else {
            self.mentions[m].span.slice(self.text)
        };
        match sign.chars().next()? {
            '+' => Some((Direction::Up, glued_sign)),
            '-' | '\u{2212}' => Some((Direction::Down, glued_sign)),
            _ => None,
        }
    }

    /// A change in percent or points with its sign written ("-0.1 percentage points, to 2.5
    /// percent", "+4.5%" after its figure, "(+25.1 per cent)"): its direction and token.
    fn signed_change(&self, m: usize) -> Option<(Direction, usize, bool)> {
        let (mf, me) = self.mtoks[m];
        let (d, glued_sign) = self.written_sign(m)?;
        let compared = self.baseline_connector(me).is_some()
            || self
                .mark_after_preposition(me)
                .is_some_and(|k| self.marks[k].baseline);
        // "(-0.1 percentage points, to 2.5 percent)": the figure it brings the level to.
        let to_value = self.is(me, ",")
            && self.is(me + 1, self.w.to)
            && self.mention_starting(me + 2).is_some();
        // "Domestic: 35.3 million, +4.5%", "Load factor: 83.4%, -0.3 ppt": a signed change
        // set after the figure it is of; "(+25.1 per cent)": a plus sign alone says a rise.
        let sign_at = if glued_sign { mf - 1 } else { mf };
        let after_figure = sign_at > self.first + 1
            && self.is(sign_at - 1, ",")
            && self.ms.clone().any(|p| self.mtoks[p].1 == sign_at - 1);
        let opened =
            sign_at > self.first && (self.is(sign_at - 1, "(") || self.is(sign_at - 1, ","));
        let plus_alone = d == Direction::Up && opened;
        // "occupancy (-21.6% to 54.5%)", "Occupancy: +0.5% to 72.2%": either sign, when the
        // level it brings the figure to follows.
        let labelled = sign_at > self.first && self.is(sign_at - 1, self.w.label_colon);
        let to_level = (opened || labelled)
            && self.is(me, self.w.to)
            && self
                .mention_starting(me + 1)
                .is_some_and(|v| self.value_like(v));
        (compared || to_value || after_figure || plus_alone || to_level).then_some((d, mf, true))
    }

    /// "-Earnings Growth (Y-o-Y): 40.0%", "Revenue Change (Y-o-Y): 9.1%": a noun of change
    /// labelling the percent after a colon, with a period in parentheses between at most; a
    /// noun with no direction takes the figure's sign.
    fn labelled_change(&self, m: usize) -> Option<(Direction, usize, bool)> {
        let mf = self.mtoks[m].0;
        if mf < self.first + 2 || !self.is(mf - 1, self.w.label_colon) {
            return None;
        }
        let mut k = mf - 2;
        if self.is(k, ")") {
            let open = (k.saturating_sub(8).max(self.first)..k).rfind(|&j| self.is(j, "("))?;
            k = open.checked_sub(1).filter(|&j| j >= self.first)?;
        }
        match self.direction_at(k) {
            Some((d, DirectionPos::Noun)) if d != Direction::Flat => Some((d, k, true)),
            None if self.is_any(k, &self.w.change_labels) => {
                let d = if self.mentions[m].value < 0.0 {
                    Direction::Down
                } else {
                    Direction::Up
                };
                Some((d, k, true))
            }
            _ => None,
        }
    }

    /// "-Earnings (Q4): $7.67 Bln. vs. $5.48 Bln. last year. -Earnings Growth (Y-o-Y): 40.0%":
    /// a labelled change takes the two figures of the comparison just before it, with no
    /// other figure between.
    fn labelled_comparison_before(&mut self, d: usize) {
        let dr = &self.drafts[d];
        let labelled = dr.change.is_some_and(|c| {
            let f = self.mtoks[c].0;
            f > self.first && self.is(f - 1, self.w.label_colon)
        });
        if !labelled || dr.value.is_some() || dr.kind != ClaimKind::Change {
            return;
        }
        let first = dr.first;
        let Some(prev) = self.figure_before(first) else {
            return;
        };
        let Role::Baseline(h) = self.role(prev) else {
            return;
        };
        let head = &self.drafts[h];
        if head.change.is_some() || head.kind != ClaimKind::Value || first > self.mtoks[prev].1 + 12
        {
            return;
        }
        let (value, baseline) = (head.value, head.baseline);
        let dr = &mut self.drafts[d];
        dr.value = value;
        dr.baseline = baseline;
        dr.inherited_from = Some(h);
    }

    /// The second change of a "respectively" list ("expanding by 11.8 percent and 10.3
    /// percent, respectively"): the direction of the change before it.
    fn listed_change(&self, m: usize) -> Option<(Direction, usize, bool)> {
        let (mf, me) = self.mtoks[m];
        let joined = mf > self.first + 1 && (self.is(mf - 1, self.w.and) || self.is(mf - 1, ","));
        // The cheap test first: most figures follow no "and" or comma.
        if !joined
            || !(me..(me + RESPECTIVELY_REACH).min(self.end))
                .any(|k| self.is(k, self.w.respectively))
        {
            return None;
        }
        let p = self.ms.clone().rfind(|&p| self.mtoks[p].1 == mf - 1)?;
        match self.role(p) {
            Role::Change(h) if self.kind(p) == self.kind(m) => {
                let (d, _) = self.drafts[h].direction?;
                Some((d, mf, true))
            }
            _ => None,
        }
    }

    /// "rose 42.2 percent in the Northeast to 145,000; 18.4 percent in the Midwest to 212,000;
    /// and 17.2 percent in the South to 621,000": a percent opening the next item of a list,
    /// after a semicolon or comma (and "and"), that goes on "to" its own level, takes the
    /// direction of the change with a level that ends at the separator.
    fn list_item_change(&self, m: usize) -> Option<(Direction, usize, bool)> {
        let (mf, me) = self.mtoks[m];
        if mf < self.first + 2 {
            return None;
        }
        let separator = |k: usize| self.is(k, ";") || self.is(k, ",");
        let sep = if separator(mf - 1) {
            mf - 1
        } else if self.is(mf - 1, self.w.and) && mf >= self.first + 3 && separator(mf - 2) {
            mf - 2
        } else {
            return None;
        };
        // Its own level: "to" right after the figure, or after a place it is in.
        let to = self.place_before_level(me).unwrap_or(me);
        if !self.is(to, self.w.to) || self.mention_near(to + 1).is_none() {
            return None;
        }
        let head = self.drafts.iter().rev().find(|dr| dr.end == sep)?;
        // A verb of change, or an item of the list before it.
        let item = |t: usize| head.change.is_some_and(|c| self.mtoks[c].0 == t);
        let verb = head.direction.is_some_and(|(_, t)| {
            item(t) || matches!(self.direction_at(t), Some((_, DirectionPos::Verb)))
        });
        let same_kind = head.kind == ClaimKind::Change
            && head.value.is_some()
            && head.change.is_some_and(|c| self.kind(c) == self.kind(m));
        let (d, _) = head.direction?;
        (verb && same_kind).then_some((d, mf, true))
    }

    /// "down 18.6% from the previous quarter and 1.3% from a year earlier": a second percent
    /// after "and", set against another baseline, takes the direction of the change that
    /// ends at the "and".
    fn second_comparison(&self, m: usize) -> Option<(Direction, usize, bool)> {
        let (mf, me) = self.mtoks[m];
        if mf <= self.first || !self.is(mf - 1, self.w.and) {
            return None;
        }
        let compared = self.baseline_connector(me).is_some()
            || self
                .mark_after_preposition(me)
                .is_some_and(|k| self.marks[k].baseline);
        if !compared {
            return None;
        }
        // ", and 13.9% against September 2019": a comma before the "and" too.
        let comma = mf >= self.first + 2 && self.is(mf - 2, ",");
        let head = self
            .drafts
            .iter()
            .rev()
            .find(|dr| dr.end == mf - 1 || comma && dr.end == mf - 2)?;
        let same_kind = head.kind == ClaimKind::Change
            && head.change.is_some_and(|c| self.kind(c) == self.kind(m))
            && (head.baseline.is_some() || head.baseline_mark.is_some());
        let (d, _) = head.direction?;
        same_kind.then_some((d, mf, true))
    }

    /// The figure of the table cell that ends right before token `k`: a free figure, with a
    /// footnote mark glued after it ("$18.8bn3") or in the parentheses of an accounting
    /// negative ("(15.4)"). With `piped`, `k` is the pipe closing the cell; without, the
    /// cells are set apart by spaces ("EBIT (5.3) 33.1 (116.1%)"). (figure, first token.)
    fn cell_before(&self, k: usize, piped: bool) -> Option<(usize, usize)> {
        let mut e = k;
        if piped {
            if k < self.first + 2 || !self.is(k - 1, "|") {
                return None;
            }
            e = k - 1;
        }
        if e <= self.first {
            return None;
        }
        // "$18.8bn3 |": a footnote mark glued to the figure (not "|115.1|", a figure glued
        // to its pipe).
        let mark = &self.toks[e - 1];
        if piped
            && mark.kind == Kind::Num
            && !mark.space_before
            && !self.is(e.saturating_sub(2), "|")
        {
            e -= 1;
        }
        let paren = e > self.first + 1 && self.is(e - 1, ")");
        let e = e - usize::from(paren);
        let o = self.ms.clone().rfind(|&o| self.mtoks[o].1 <= e)?;
        let (of, oe) = self.mtoks[o];
        let free = self.role(o) == Role::Free && self.value_like(o);
        (oe == e && self.parenthesised(o) == paren && free).then_some((o, of - usize::from(paren)))
    }

    /// Whether mentions `a` and `b` are written alike, as cells of one column kind are: of one
    /// kind and unit, with as many decimals.
    fn written_alike(&self, a: usize, b: usize) -> bool {
        let decimals = |m: usize| {
            numeral::parse(self.mentions[m].number_span.slice(self.text)).map(|n| n.decimals)
        };
        self.kind(a) == self.kind(b)
            && self.mentions[a].unit == self.mentions[b].unit
            && decimals(a) == decimals(b)
    }

    /// Whether mention `m` is in parentheses of its own ("(5.3)").
    fn parenthesised(&self, m: usize) -> bool {
        let (mf, me) = self.mtoks[m];
        mf > self.first && self.is(mf - 1, "(") && self.is(me, ")")
    }

    /// Whether the line of the text ends at byte `at`, but for spaces.
    fn line_ends_at(&self, at: usize) -> bool {
        let rest = &self.text.as_bytes()[at..];
        let next = rest.iter().find(|&&c| !matches!(c, b' ' | b'\t' | b'\r'));
        matches!(next, None | Some(b'\n'))
    }

    /// Whether mention `m` may be the change cell of a table row, told from the bytes around
    /// it (most percents are in prose, and this test comes first): a pipe before it ("|
    /// +75.7%", or at the end of the line before), or the end of its line after it ("62.1%",
    /// "(116.1%)").
    fn may_be_change_cell(&self, m: usize) -> bool {
        let span = self.mentions[m].span;
        let bytes = self.text.as_bytes();
        let before = bytes[..span.start]
            .iter()
            .rfind(|&&c| c > b' ' && c != b'+' && c != b'(');
        let after = span.end + usize::from(bytes.get(span.end) == Some(&b')'));
        before == Some(&b'|') || self.line_ends_at(after)
    }

    /// The figure of mention `m`, one side of draft `dr`'s comparison with `other`. A table
    /// row's is its whole cell, with a footnote mark glued after it ("$18.8bn3") or the
    /// parentheses of an accounting negative ("(5.3)"): negative when the other side is not in
    /// parentheses too (a profit turned into a loss; costs both in parentheses are compared
    /// as amounts).
    fn row_figure(
        &self,
        dr: &Draft,
        m: usize,
        other: Option<usize>,
        period: Option<Period>,
    ) -> Figure {
        let mut f = figure(&self.mentions[m], m, period);
        if !dr.table_row {
            return f;
        }
        let (mf, me) = self.mtoks[m];
        let paren = self.parenthesised(m);
        let mut end = me + usize::from(paren);
        if end < self.end && self.toks[end].kind == Kind::Num && !self.toks[end].space_before {
            end += 1;
        }
        let first = mf - usize::from(paren);
        f.stated = Some(Span::new(self.toks[first].start, self.toks[end - 1].end));
        if paren && !other.is_some_and(|o| self.parenthesised(o)) {
            f.interval = f.interval.scale(-1.0);
        }
        f
    }

    /// The period the header cell over table figure `m` names ("HY 2024", "H1 2023", "FY24").
    fn header_period(&self, m: usize) -> Option<Period> {
        let (start, end) = table_columns::header_cell(self.text, self.mentions[m].span.start)?;
        let first = self.toks.partition_point(|t| t.start < start);
        let last = self.toks.partition_point(|t| t.start < end);
        let mut marks = Vec::new();
        periods::find(
            self.lang, self.text, self.toks, first, last, self.date, &mut marks,
        );
        marks.iter().find_map(|mk| match mk.period {
            PeriodRef::Absolute(p) => Some(p),
            _ => None,
        })
    }

    /// A results-table row, "Revenue | $20.9bn | $18.8bn | 11.2% |" or one set apart by
    /// spaces at the end of its line ("Net finance costs (5.3) (3.3) 62.1%"): this period's
    /// figure, last period's and the change between them, cell after cell.
    fn table_row(&mut self, m: usize) {
        // "| +75.7% |", "| (5.8%) |": a plus sign glued before the change, or the parentheses
        // of an accounting negative around it.
        if !self.may_be_change_cell(m) {
            return;
        }
        let (mf, me) = self.mtoks[m];
        let plus = mf > self.first && !self.toks[mf].space_before && self.is(mf - 1, "+");
        let negative = self.parenthesised(m);
        let cell = if plus || negative { mf - 1 } else { mf };
        let piped = cell > self.first && self.is(cell - 1, "|");
        if !piped && !self.line_ends_at(self.toks[me - 1 + usize::from(negative)].end) {
            return;
        }
        // A percent change is of amounts; a change in points may be of percentages.
        let points = self.kind(m) == MentionKind::Points;
        let Some((base, base_cell)) = self
            .cell_before(cell, piped)
            .filter(|&(b, _)| points || self.kind(b) != MentionKind::Percent)
        else {
            return;
        };
        let Some((value, value_cell)) = self
            .cell_before(base_cell, piped)
            .filter(|&(v, _)| self.kind(v) == self.kind(base))
        else {
            return;
        };
        // "Sydney$1,552,015 $1,595,797 $1,432,880 / -2.7% / +8.3%": a row of three figures
        // written alike (this quarter's, last quarter's, last year's) does not say which two
        // its change compares; a footnote mark before them is no third ("Reported EBITDA 1
        // 13.2 48.5 (72.7%)").
        if self
            .cell_before(value_cell, piped)
            .is_some_and(|(o, _)| self.written_alike(o, value))
        {
            return;
        }
        // "In €m | H1 2023 | H1 2024 | Change |": the earlier year's column is the baseline.
        let at = |x: usize| self.mentions[x].span.start;
        let row_start = self.text[..at(value)].rfind('\n').map_or(0, |p| p + 1);
        let column = |x: usize| table_columns::column_at(self.text, at(x));
        let earlier_first = if piped {
            table_columns::earlier_first(self.text, row_start, column(value), column(base))
        } else {
            table_columns::spaced_earlier_first(self.text, row_start)
        };
        let (value, base) = if earlier_first {
            (base, value)
        } else {
            (value, base)
        };
        let measure = if points {
            Measure::Points
        } else {
            Measure::Percent
        };
        let d = if self.mentions[m].value < 0.0 || negative {
            Direction::Down
        } else {
            Direction::Up
        };
        let draft = self.new_draft(ClaimKind::Change, m, (mf, me), measure, Some((d, mf)));
        self.drafts[draft].first = self.mtoks[value].0;
        self.drafts[draft].value = Some(value);
        self.drafts[draft].baseline = Some(base);
        self.drafts[draft].table_row = true;
        self.set_role(value, Role::Value(draft));
        self.set_role(base, Role::Baseline(draft));
    }

    /// The rise or fall a change figure is given, by a word before it ("rose 5%") or after it
    /// ("a 5% increase"): (direction, its token, whether it comes first).
    fn change_direction(&self, m: usize) -> Option<(Direction, usize, bool)> {
        let (mf, me) = self.mtoks[m];
        // "boost its 22 pct stake": a holding the verb acts on, not the size of its move.
        if self.is_any(me, &self.w.share_words) {
            return None;
        }
        let ((d, dt), before) = self
            .direction_before(mf, false)
            .map(|x| (x, true))
            .or_else(|| self.direction_after(me).map(|x| (x, false)))
            .or_else(|| self.standing_after(m).map(|x| (x, false)))?;
        (d != Direction::Flat).then_some((d, dt, before))
    }

    /// A word of standing right after a percent or points `m`: "5% behind the prior season",
    /// "12 percentage points ahead"; not after a level's "at" or "to": "peaked at just above
    /// nine pct ahead of the meeting" is a time.
    fn standing_after(&self, m: usize) -> Option<(Direction, usize)> {
        let (mf, me) = self.mtoks[m];
        if !matches!(self.kind(m), MentionKind::Percent | MentionKind::Points)
            || mf > self.first && (self.is(mf - 1, self.w.at) || self.is(mf - 1, self.w.to))
        {
            return None;
        }
        let d = self
            .toks
            .get(me)?
            .look_up(self.text, &self.w.standing_comparatives)?;
        Some((d, me))
    }

    /// "fell by 43,000 bpd and 24,000 bpd to 712,000 bpd and 2.19 million bpd, respectively":
    /// two changes of one verb, each with its own value, paired in order. Takes the figures
    /// and returns true when the whole list is there.
    fn respective_pair(&mut self, m: usize, measure: Measure) -> bool {
        let (_, me) = self.mtoks[m];
        if !self.is(me, self.w.and) {
            return false;
        }
        let Some(second) = self.mention_starting(me + 1) else {
            return false;
        };
        let free = |s: &Self, x: usize| s.role(x) == Role::Free;
        let mut k = self.mtoks[second].1;
        if self.is(k, ",") {
            k += 1;
        }
        // "rose 12 and 15 percent, respectively, to ...": the list marked before its values.
        let listed_early = self.is(k, self.w.respectively);
        if listed_early {
            k += 1 + usize::from(self.is(k + 1, ","));
        }
        if self.kind(second) != self.kind(m) || !free(self, second) {
            return false;
        }
        if !self.is(k, self.w.to) {
            return self.respective_pair_after_values(m, second, measure);
        }
        let Some((x, y)) = self.figure_pair_at(k + 1) else {
            return false;
        };
        let mut end = self.mtoks[y].1;
        // "... to $4.5 billion and $1.2 billion from $4 billion and $1.1 billion": a pair of
        // baselines in the same order.
        let baselines = self
            .is(end, self.w.from)
            .then(|| self.figure_pair_at(end + 1))
            .flatten()
            .filter(|&(bx, by)| [bx, by].iter().all(|&b| self.kind(b) == self.kind(x)));
        if let Some((_, by)) = baselines {
            end = self.mtoks[by].1;
        }
        let listed =
            listed_early || (end..(end + 2).min(self.end)).any(|j| self.is(j, self.w.respectively));
        let values = [x, y]
            .iter()
            .all(|&v| free(self, v) && self.value_like(v) && self.kind(v) == self.kind(x));
        let amounts_fit = measure != Measure::Absolute || self.same_unit(m, x);
        if !listed || !values || !amounts_fit {
            return false;
        }
        let Some((d, dt, true)) = self.change_direction(m) else {
            return false;
        };
        let pairs = [(m, x, (dt, me), 0), (second, y, self.mtoks[second], 1)];
        for (change, value, phrase, nth) in pairs {
            let draft = self.new_draft(ClaimKind::Change, change, phrase, measure, Some((d, dt)));
            self.drafts[draft].value = Some(value);
            self.set_role(value, Role::Value(draft));
            if let Some(pair) = baselines {
                let b = if nth == 0 { pair.0 } else { pair.1 };
                self.drafts[draft].baseline = Some(b);
                self.set_role(b, Role::Baseline(draft));
            }
        }
        true
    }

    /// Two free figures of one kind joined by "and", the first starting at token `k`.
    fn figure_pair_at(&self, k: usize) -> Option<(usize, usize)> {
        let x = self.mention_starting(k)?;
        let xe = self.mtoks[x].1;
        let y = self
            .is(xe, self.w.and)
            .then(|| self.mention_starting(xe + 1))
            .flatten()?;
        let free = [x, y].iter().all(|&v| self.role(v) == Role::Free);
        (free && self.value_like(y) && self.kind(y) == self.kind(x)).then_some((x, y))
    }

    /// "Exports and imports were $5 billion and $4 billion, up 3% and 4% respectively",
    /// "land-based (US$1.95 billion) and sea-based (US$0.53 billion) workers, which rose by 2.3
    /// percent and 12.7 percent, respectively": a pair of changes `m` and `second` listed
    /// "respectively" after a pair of values joined by "and", with words, parentheses and a
    /// comma between at most; each change takes its own value.
    fn respective_pair_after_values(&mut self, m: usize, second: usize, measure: Measure) -> bool {
        const REACH: usize = 8;
        let se = self.mtoks[second].1;
        let listed = (se..(se + 2).min(self.end)).any(|j| self.is(j, self.w.respectively));
        if !listed {
            return false;
        }
        let Some((d, dt, true)) = self.change_direction(m) else {
            return false;
        };
        // Between a value and what follows it: words ("sea-based" with its hyphen),
        // parentheses and commas.
        let passable = |j: usize| {
            let hyphen = self.is(j, "-") && !self.toks[j].space_before;
            let mark = self.is(j, "(") || self.is(j, ")") || self.is(j, ",");
            (self.toks[j].kind == Kind::Word || hyphen || mark) && !self.is(j, self.w.respectively)
        };
        // The figure ending nearest before token `k`, with only such tokens between.
        let value_before = |k: usize| {
            let v = self.figure_before(k)?;
            let between = self.mtoks[v].1..k;
            (between.len() <= REACH && between.clone().all(passable)).then_some(v)
        };
        let Some(y) = value_before(dt) else {
            return false;
        };
        let Some(x) = value_before(self.mtoks[y].0) else {
            return false;
        };
        let joined = (self.mtoks[x].1..self.mtoks[y].0).any(|j| self.is(j, self.w.and));
        let values = [x, y].iter().all(|&v| {
            self.role(v) == Role::Free && self.value_like(v) && self.kind(v) == self.kind(x)
        });
        let amounts_fit = measure != Measure::Absolute || self.same_unit(m, x);
        if !joined || !values || !amounts_fit {
            return false;
        }
        let me = self.mtoks[m].1;
        for (change, value, phrase) in [(m, x, (dt, me)), (second, y, self.mtoks[second])] {
            let draft = self.new_draft(ClaimKind::Change, change, phrase, measure, Some((d, dt)));
            self.drafts[draft].value = Some(value);
            self.drafts[draft].first = self.drafts[draft].first.min(self.mtoks[value].0);
            self.set_role(value, Role::Value(draft));
        }
        true
    }

    /// Pass 1: a change phrase around a percent or points ("rose 12.5 pct", "a 5% increase"),
    /// with its value and baseline.
    fn percent_change(&mut self, m: usize) {
        let (mf, me) = self.mtoks[m];
        let kind = self.kind(m);
        let measure = if kind == MentionKind::Points {
            Measure::Points
        } else {
            Measure::Percent
        };
        // The second change of a respective pair is drafted already.
        if matches!(self.role(m), Role::Change(_)) || self.respective_pair(m, measure) {
            return;
        }
        let Some((d, dt, before)) = self
            .change_direction(m)
            .or_else(|| self.signed_change(m))
            .or_else(|| self.listed_change(m))
            .or_else(|| self.labelled_change(m))
            .or_else(|| self.second_comparison(m))
            .or_else(|| self.list_item_change(m))
        else {
            self.table_row(m);
            return;
        };
        // "decreased very slightly (by 0.4%)": the phrase takes the closing parenthesis.
        let closed = before && self.is(me, ")") && (dt..mf).any(|j| self.is(j, "("));
        let phrase = if before {
            (dt, me + usize::from(closed))
        } else {
            (mf, dt + 1)
        };
        let draft = self.new_draft(ClaimKind::Change, m, phrase, measure, Some((d, dt)));
        let after = self.restated_percent(draft, phrase.1);
        let after = self.amount_restating_percent(draft, after);
        self.attach_after(draft, after);
        if self.drafts[draft].value.is_none() {
            self.value_before(draft);
        }
        // "30,768, a 37% drop on 2020 (48,429) and a 47% drop on 2019 (57,913)": the level in
        // parentheses is taken now, before the next change looks back for its value.
        self.baseline_in_parentheses(draft);
        self.drop_value_foreign_to_amount(draft);
        self.share_value_with_restatement(draft);
        // "fell 845.12 points to 73,399.78": points of an index, not of a percentage.
        if let Some(v) = self.drafts[draft].value {
            if measure == Measure::Points && self.mentions[v].unit != Some("%") {
                self.drafts[draft].measure = Measure::Absolute;
            }
        }
    }

    /// Whether the clause after token `k` goes on to its own value ("and increased 73 pct in
    /// the two months to 8.17 billion"): then the claim does not share an earlier one's.
    fn own_value_ahead(&self, k: usize) -> bool {
        (k..(k + 10).min(self.end))
            .take_while(|&j| !self.is_punct(j))
            .any(|j| self.is_any(j, &self.w.value_words) && self.mention_starting(j + 1).is_some())
    }

    /// Pass 1: an absolute change ("increased 17,400 to 11,775,800", "rose $13.40, or 0.8%,
    /// to settle at $1,780.20", "3 cents lower at $2.45"), kept only when it has a value or
    /// a baseline of the same unit: "cut 500 jobs" alone is not a claim about a level.
    fn absolute_change(&mut self, m: usize) {
        if self.role(m) != Role::Free || !self.value_like(m) {
            return;
        }
        let (mf, me) = self.mtoks[m];
        // "up 2.7x from 2,307": a letter glued to a bare number is a unit not read here.
        let glued =
            me < self.end && !self.toks[me].space_before && self.toks[me].kind == Kind::Word;
        if glued && self.kind(m) == MentionKind::Number {
            return;
        }
        if self.respective_pair(m, Measure::Absolute) {
            return;
        }
        // "jumped 7 and 5 cents, respectively": the second amount of a list, kept as the
        // first one is.
        let direction = self.change_direction(m);
        // "collected Sh 180.714 billion up from Sh 156.095 billion": a level, then the word of
        // direction of its comparison.
        if direction.is_some_and(|(_, dt, before)| {
            !before
                && dt == me
                && self.is(dt + 1, self.w.from)
                && self.is_any(dt, &self.w.direction_adjectives)
                && !self.is_any(dt, &self.w.than_comparatives)
        }) {
            return;
        }
        let listed = direction.is_none().then(|| self.listed_change(m)).flatten();
        // The phrase, where a restating percent may follow, and where "to"/"from" may.
        let (d, dt, phrase, restated_at, attach_at) = match direction {
            Some((d, dt, before)) => {
                let phrase = if before {
                    (dt, self.after_count_noun(me))
                } else {
                    (mf, dt + 1)
                };
                (d, dt, phrase, phrase.1, None)
            }
            // A range restated as a percent is a level ("1.23 to 1.30 mln hectares or 10.3 to
            // 15.2 pct less than ..."), not an amount of change.
            None if self.mentions[m].range => return,
            None => match listed {
                Some((d, dt, _)) => (d, dt, self.mtoks[m], me, None),
                None => {
                    let Some((or, d, dt)) = self.restated_before_direction(m) else {
                        return;
                    };
                    (d, dt, (mf, dt + 1), or, Some(dt + 1))
                }
            },
        };
        let draft = self.new_draft(
            ClaimKind::Change,
            m,
            phrase,
            Measure::Absolute,
            Some((d, dt)),
        );
        let after = self.restated_percent(draft, restated_at);
        self.attach_after(draft, attach_at.unwrap_or(after));
        if self.drafts[draft].value.is_none() {
            self.value_before(draft);
        }
        let dr = &self.drafts[draft];
        let linked = dr.value.or(dr.baseline);
        // "fell 3 points to 45% from 50%": points of a percentage.
        let points = self.kind(m) == MentionKind::Number
            && self.is_any(me, &self.lang.units.point_words)
            && linked.is_some_and(|f| self.kind(f) == MentionKind::Percent);
        if points {
            self.drafts[draft].measure = Measure::Points;
        } else if linked.is_some_and(|f| !self.same_unit(m, f))
            || linked.is_none()
                && listed.is_none()
                && !self.change_in_its_own_words(m, dt)
                && (!self.amount_after_verb(m, dt) || self.restated(draft))
        {
            self.drop_amount_keep_percent(draft);
            return;
        }
        self.share_value_with_restatement(draft);
    }

    /// Whether amount `m`, with its direction word at `dt` after it, states a change with no
    /// level beside it: a comparative before "than" ("9 cents higher than a month ago",
    /// "3,100 fewer than in 2023"; not "the top 40 more than nine years after", whose "more
    /// than" is the next figure's) or a noun of change after an article and before what it
    /// is of ("a $3.1bn decrease in the deficit"; not "a 17 mln dlr net gain before taxes
    /// from the sale", a gain booked). "cut 500 jobs" may be a count of jobs cut, not a
    /// change of a level.
    fn change_in_its_own_words(&self, m: usize, dt: usize) -> bool {
        let (mf, me) = self.mtoks[m];
        let noun_at = |k: usize| {
            self.direction_at(k)
                .is_some_and(|(_, pos)| pos == DirectionPos::Noun)
        };
        if dt < me {
            // "This is a drop of £122 over the course of a year": a noun of change after an
            // article, its amount after "of"; "a gain of 995,000 dlrs for tax credits" is
            // booked.
            return dt + 2 == mf
                && dt > self.first
                && noun_at(dt)
                && !self.is_any(dt, &self.w.booked_nouns)
                // "a rise of 0.4 - 0.5 pct": a bare number opening a range of another unit.
                && !(self.kind(m) == MentionKind::Number
                    && (self.is(me, "-") || self.is_dash(me) || self.is(me, self.w.to)))
                && self.is(dt + 1, self.w.of)
                && self.is_any(dt - 1, &self.w.adjective_articles);
        }
        let noun = noun_at(dt) && self.is_any(dt + 1, &self.lang.periods.prepositions);
        // "£6,000 lower in November 2023 than 12 months earlier", "23 cents above the same
        // time a year ago": past the figure's own period, or to a period looking back.
        let mut k = dt + 1;
        if let Some(mk) = self.mark_starting(k) {
            if self.marks[mk].period.is_comparison() {
                return true;
            }
            k = self.marks[mk].end;
        }
        // "54 million more trips taken than last year": up to two words of what is counted
        // before "than", and then a period after it ("£33.5bn less spending than that
        // anticipated by Labour" sets a plan against another, not a time against a time).
        let counted = (k..(k + 2).min(self.end))
            .take_while(|&j| self.naming_word(j))
            .count();
        if counted > 0 && self.is(k + counted, self.w.than) {
            let than = k + counted;
            return self.mark_starting(than).is_some() || self.mark_starting(than + 1).is_some();
        }
        // A bare count needs the period: "3,100 fewer than in 2023", "than last year".
        let compared = self.kind(m) != MentionKind::Number
            || self.is_any(k + 1, &self.lang.periods.prepositions)
            || self.mark_starting(k).is_some()
            || self.mark_starting(k + 1).is_some();
        // "than 12 months earlier" is a period, not the next figure.
        let figure_after_than = self.mention_starting(k + 1).is_some()
            && self
                .mark_starting(k + 1)
                .is_none_or(|mk| !self.marks[mk].period.is_comparison());
        self.is(k, self.w.than) && !figure_after_than && compared
            || noun && mf > self.first && self.is_any(mf - 1, &self.w.adjective_articles)
    }

    /// "Employment rose by 44,000 people in April", "Sales fell $5 million": an amount right
    /// after a verb of change that takes no object, or after its "by", is the change, with
    /// no level beside it ("cut 500 jobs" may be a count of jobs cut).
    fn amount_after_verb(&self, m: usize, dt: usize) -> bool {
        let mf = self.mtoks[m].0;
        let by = mf == dt + 2 && self.is(dt + 1, self.w.by);
        if dt >= mf
            || !(by || mf == dt + 1)
            // "increased by 33,000 people" takes no object; "increased 500 jobs" may.
            || !by && self.is_any(dt, &self.w.transitive_verbs)
            || self.is_any(dt, &self.w.loss_verbs)
        {
            return false;
        }
        // "rose above 18 ringgit", "dropped below four billion dlrs": a level reached.
        let bounded = !matches!(self.mentions[m].bound, Bound::Exact | Bound::About);
        // "were off 100,000 barrels", not "write off 50 mln dlrs".
        let particle = self.is_any(dt, &self.w.particle_directions)
            && !(dt > self.first && self.is_any(dt - 1, &self.w.amount_copulas));
        let verb = self
            .direction_at(dt)
            .is_some_and(|(_, pos)| pos == DirectionPos::Verb);
        verb && !particle && (by || !bounded)
    }

    /// "ended at 24,826.20, 174.95 points or 0.70 per cent lower than the previous close of
    /// 25,001.15": an amount restated as a percent, the direction after both. The token of
    /// "or", the direction and its token.
    fn restated_before_direction(&self, m: usize) -> Option<(usize, Direction, usize)> {
        let me = self.mtoks[m].1;
        // The cheap test first: "or" right after the figure or its noun.
        if !self.is_any(me, &self.w.restating) && !self.is_any(me + 1, &self.w.restating) {
            return None;
        }
        let or = self.after_count_noun(me);
        if !self.is_any(or, &self.w.restating) {
            return None;
        }
        let p = self
            .mention_starting(or + 1)
            .filter(|&p| self.role(p) == Role::Free && self.kind(p) == MentionKind::Percent)?;
        let (d, dt) = self
            .direction_after(self.mtoks[p].1)
            .filter(|&(d, _)| d != Direction::Flat)?;
        Some((or, d, dt))
    }

    /// Past the noun a bare count is of, when linking words follow it ("fell 845.12 points
    /// or 1.14 per cent", "increased 17,400 jobs to 11.8 million"), else `k`.
    /// Past the one word bare count `m` counts, when its period phrase or "to" follows it:
    /// "from 42 murders last year to 32 this year"; else `k`.
    fn past_count_word(&self, m: usize, k: usize) -> usize {
        let counted = self.kind(m) == MentionKind::Number
            && k + 1 < self.end
            && self.naming_word(k)
            && !self.is_any(k, &self.w.value_words);
        let next = k + 1;
        let to_figure = self.is(next, self.w.to) && self.mention_starting(next + 1).is_some();
        if counted
            && !self.is_any(k, &self.w.clause_joiners)
            && (self.mark_starting(next).is_some() || to_figure)
        {
            next
        } else {
            k
        }
    }

    fn after_count_noun(&self, k: usize) -> usize {
        let links = |j: usize| {
            self.is_comma_like(j)
                || self.is(j, "(")
                || self.is_any(j, &self.w.restating)
                || self.is_any(j, &self.w.value_words)
                || self.baseline_connector(j).is_some()
        };
        let noun = self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
            && k < self.end
            && !links(k)
            && self.direction_at(k).is_none();
        if noun && links(k + 1) {
            k + 1
        } else {
            k
        }
    }

    /// Whether two figures are in the same unit (a bare number takes any but percent).
    fn same_unit(&self, a: usize, b: usize) -> bool {
        let (ua, ub) = (self.mentions[a].unit, self.mentions[b].unit);
        ua == ub
            || self.counts_alike(ua, ub)
            || (ua.is_none() || ub.is_none()) && ua != Some("%") && ub != Some("%")
    }

    /// Whether units `a` and `b` are a count of things not named and a count of named things
    /// ("45,537 units" against "47,977 vehicles").
    fn counts_alike(&self, a: Option<&str>, b: Option<&str>) -> bool {
        let units = &self.lang.units;
        let named = |u: Option<&str>| u.is_some_and(|c| units.count_qualifiers.1.contains(c));
        a == Some(units.any_count) && named(b) || b == Some(units.any_count) && named(a)
    }

    /// Whether the last draft after draft `d` is a percent restating it ("rose 87 points, or
    /// 0.2%").
    fn restated(&self, d: usize) -> bool {
        self.drafts.len() == d + 2 && self.drafts[d + 1].restates == Some(d)
    }

    /// Undoes the amount of change of draft `d`, which has no level of its unit ("cut 500
    /// jobs"), but keeps the percent restating it as a change of its own: "The Dow rose 87
    /// points, or 0.2%" states a rise of 0.2%.
    fn drop_amount_keep_percent(&mut self, d: usize) {
        let restating = self.restated(d);
        let kept = if restating { self.drafts.pop() } else { None };
        self.drop_drafts_from(d);
        if let Some(mut p) = kept {
            p.restates = None;
            if let Some(c) = p.change {
                self.drafts.push(p);
                self.set_role(c, Role::Change(d));
            }
        }
    }

    /// Undoes draft `d` and the drafts made after it (a percent restating it), freeing
    /// their figures.
    fn drop_drafts_from(&mut self, d: usize) {
        for dr in self.drafts.split_off(d) {
            for m in [dr.change, dr.value, dr.baseline].into_iter().flatten() {
                if matches!(self.role(m), Role::Change(x) | Role::Value(x) | Role::Baseline(x) if x >= d)
                {
                    self.set_role(m, Role::Free);
                }
            }
        }
    }

    /// A percent restating the change of draft `d` right after it ("$13.40, or 0.8%,", "845.12
    /// points (1.25 per cent)"): made a draft of its own that restates `d`. Returns where
    /// linking goes on after it, else `k`.
    fn restated_percent(&mut self, d: usize, k: usize) -> usize {
        let mut j = k;
        let paren = self.is(j, "(");
        if paren {
            j += 1;
        } else {
            if self.is(j, ",") {
                j += 1;
            }
            if self.is_any(j, &self.w.restating) {
                j += 1;
            } else if let Some(past) = self.equivalent_to(j) {
                j = past;
            } else {
                return k;
            }
        }
        let Some(p) = self.mention_starting(j).filter(|&p| {
            self.role(p) == Role::Free
                && self.kind(p) == MentionKind::Percent
                && self.drafts[d].measure != Measure::Percent
        }) else {
            return k;
        };
        let mut end = self.mtoks[p].1;
        if paren {
            if !self.is(end, ")") {
                return k;
            }
            end += 1;
        }
        let direction = self.drafts[d].direction;
        let pd = self.new_draft(
            ClaimKind::Change,
            p,
            (self.mtoks[p].0, self.mtoks[p].1),
            Measure::Percent,
            direction,
        );
        self.drafts[pd].restates = Some(d);
        if self.is(end, ",") {
            end += 1;
        }
        end
    }

    /// Past "equivalent to" at `j`, after the words that open a restatement ("an increase of
    /// 940,328 cases, which is equivalent to 49.2 percent") or up to two words naming what is
    /// counted ("an increase of 113,398 minor cases equivalent to 25.2 percent").
    fn equivalent_to(&self, j: usize) -> Option<usize> {
        let (adjective, to) = self.w.equivalent;
        let opened = self.past_restatement_openers(j);
        let at = if opened > j {
            opened
        } else {
            (j..j + 3).find(|&a| self.is(a, adjective) || !self.naming_word(a))?
        };
        (self.is(at, adjective) && self.is(at + 1, to)).then_some(at + 2)
    }

    /// The amount percent draft `d` restates, at token `k`: signed and alone in parentheses
    /// ("rose by 24% (+245 TWh), from 1,039 TWh"), or after "or" ("rose by 35.1 percent, or
    /// $7.5 billion, to"), drafted as the amount the percent restates; past it (and a comma
    /// after it), else `k`. Unsigned in parentheses ("rose 5% ($63 million)") it may be the
    /// level reached, and is left alone.
    fn amount_restating_percent(&mut self, d: usize, k: usize) -> usize {
        if self.drafts[d].measure != Measure::Percent {
            return k;
        }
        // "rose by 35.1 percent, or $7.5 billion, to": the amount restated after "or" takes
        // the percent's direction.
        let (direction, first, closing) = if self.is(k, "(") {
            let sign = match self.toks.get(k + 1).map(|t| t.text(self.text)) {
                Some("+") => Direction::Up,
                Some("-" | "\u{2212}") => Direction::Down,
                _ => return k,
            };
            ((sign, k + 1), k + 2, Some(")"))
        } else {
            let or = k + usize::from(self.is(k, ","));
            match self.drafts[d].direction {
                Some(dir) if self.is_any(or, &self.w.restating) => (dir, or + 1, None),
                _ => return k,
            }
        };
        let Some(a) = self.mention_starting(first).filter(|&a| {
            self.role(a) == Role::Free
                && matches!(self.kind(a), MentionKind::Currency | MentionKind::Quantity)
                && closing.is_none_or(|c| self.is(self.mtoks[a].1, c))
        }) else {
            return k;
        };
        let ad = self.new_draft(
            ClaimKind::Change,
            a,
            (
                if closing.is_some() { first - 1 } else { first },
                self.mtoks[a].1,
            ),
            Measure::Absolute,
            Some(direction),
        );
        self.drafts[d].restates = Some(ad);
        let end = self.mtoks[a].1 + usize::from(closing.is_some());
        end + usize::from(self.is(end, ","))
    }

    /// "laying off 5,500 people and cutting its budget by 27 percent, or 1.1 billion dlrs": a
    /// value of another unit than the amount percent draft `d` restates is another measure's,
    /// and is let go.
    fn drop_value_foreign_to_amount(&mut self, d: usize) {
        let dr = &self.drafts[d];
        let amount = dr
            .restates
            .filter(|&r| self.drafts[r].measure == Measure::Absolute)
            .and_then(|r| self.drafts[r].change);
        if let (Some(v), Some(a)) = (dr.value, amount) {
            if !self.compatible(v, a) {
                let dr = &mut self.drafts[d];
                dr.value = None;
                if dr.first <= self.mtoks[v].0 {
                    dr.first = dr.phrase.0;
                }
                self.set_role(v, Role::Free);
            }
        }
    }

    /// Gives a restating percent draft the value of the draft it restates.
    fn share_value_with_restatement(&mut self, d: usize) {
        let Some(v) = self.drafts[d].value else {
            return;
        };
        for r in 0..self.drafts.len() {
            if self.drafts[r].restates == Some(d) && self.drafts[r].value.is_none() {
                self.drafts[r].value = Some(v);
                self.drafts[r].inherited_from = Some(d);
            }
        }
    }

    /// Pass 1: a multiple ("doubled", "seven times that of May", "three times more than"), with
    /// its baseline.
    fn multiple_change(&mut self, m: usize) {
        let (mf, me) = self.mtoks[m];
        let mention = &self.mentions[m];
        let word_verb = mention.words
            && Low::new(mention.number_span.slice(self.text))
                .is_some_and(|l| self.lang.numbers.multiple(&l).is_some());
        let dir = if word_verb {
            let d = if mention.value < 1.0 {
                Direction::Down
            } else {
                Direction::Up
            };
            Some((d, mf))
        } else {
            self.direction_before(mf, true)
        };
        // "three times more than", "seven times that of May", "twice as much as"
        let mut k = me;
        let mut times_more = false;
        if self.is_any(k, &self.w.comparatives) && self.is(k + 1, self.w.than) {
            times_more = true;
            k += 1;
        }
        let comparative = times_more
            || self.is_any(k, &self.w.that_of.0) && self.is(k + 1, self.w.that_of.1)
            || self.is_any(k, &self.w.comparison_starts);
        if dir.is_none() && !comparative {
            return;
        }
        let draft = self.new_draft(
            ClaimKind::Multiple,
            m,
            (dir.map_or(mf, |(_, t)| t.min(mf)), me),
            Measure::Multiple,
            dir,
        );
        self.drafts[draft].times_more = times_more;
        if comparative {
            // skip "that of", "as much as", "the level of"
            let mut j = k;
            while j < self.end && j < k + 4 && self.is_any(j, &self.w.comparison_fillers) {
                j += 1;
            }
            if let Some(b) = self
                .mention_starting(j)
                .filter(|&b| self.role(b) == Role::Free && self.value_like(b))
            {
                self.drafts[draft].baseline = Some(b);
                self.set_role(b, Role::Baseline(draft));
                self.drafts[draft].end = self.mtoks[b].1;
                // "doubled from $21.9 million to $42.8 million": the level moved to.
                let after = self.past_figure(self.mtoks[b].1);
                if self.is(after, self.w.to) {
                    self.attach_after(draft, after);
                }
            } else if let Some(mk) = self
                .marks
                .iter()
                .position(|mk| mk.first >= k && mk.first <= j)
            {
                self.drafts[draft].baseline_mark = Some(mk);
                self.drafts[draft].end = self.marks[mk].end;
            }
            // "sold 900 cars in 2024, three times as many as the 300 it sold in 2023"
            // An earlier claim's figure only against the same period: "353 tons, an increase
            // of 660% compared to May, more than eight times that of May" is one comparison,
            // while "grew 29 pct to 217 mln stg, nearly three times the 1982 level" compares
            // with another year than the percent does.
            if self.drafts[draft].value.is_none() {
                self.value_before(draft);
                if let Some(h) = self.drafts[draft].inherited_from {
                    let period =
                        |d: usize| self.drafts[d].baseline_mark.map(|mk| self.marks[mk].period);
                    if period(h).is_none() || period(h) != period(draft) {
                        self.drafts[draft].inherited_from = None;
                        self.drafts[draft].value = None;
                    }
                }
            }
        } else {
            let end = self.drafts[draft].end;
            self.attach_after(draft, end);
        }
    }

    /// The "from" before a level a few words describe, at figure token `mf`: "from their
    /// historic low of 0.25%", "from a low of 0.25%", "from the current £1,690", "from last
    /// week's 97.6%"; when "to"
    /// and a figure follow the figure, so that the two are the levels moved between.
    fn described_level_from(&self, mf: usize) -> Option<usize> {
        // The word before the figure first: most figures have neither.
        if mf < self.first + 3 {
            return None;
        }
        let extreme_of = self.is(mf - 1, self.w.of) && self.is_any(mf - 2, &self.w.extremes);
        let current = self.is_any(mf - 1, &self.w.current_levels)
            && self.is(mf - 2, self.lang.periods.the)
            && self.is(mf - 3, self.w.from);
        // "dipped from last week's 97.6% to 96.5%"
        let possessed = !extreme_of && !current && self.possessive_period(mf - 1);
        if !extreme_of && !current && !possessed {
            return None;
        }
        let from = (mf.saturating_sub(6).max(self.first)..mf - 1)
            .rev()
            .find(|&j| self.is(j, self.w.from))?;
        if !(from + 1..mf).all(|j| self.toks[j].kind == Kind::Word && self.plain_word(j)) {
            return None;
        }
        let m = self.mention_starting(mf)?;
        let after = self.past_figure(self.mtoks[m].1);
        (self.is(after, self.w.to) && self.mention_starting(after + 1).is_some()).then_some(from)
    }

    /// Pass 2: a comparison without a stated change: "rose to X from Y", "raised Bank Rate
    /// to X from Y", "X, down from Y", "X, compared with Y", "X vs Y".
    fn comparison_at(&mut self, m: usize) {
        if self.role(m) != Role::Free || !self.value_like(m) {
            return;
        }
        let (mf, me) = self.mtoks[m];
        // "rose to X from Y", "fell from Y to X", "widened in April to X from Y"; "raised
        // rates from their historic low of 0.25% to 0.5%"
        let opener = if mf >= self.first + 2
            && (self.is(mf - 1, self.w.to) || self.is(mf - 1, self.w.from))
        {
            Some(mf - 1)
        } else {
            self.described_level_from(mf)
        };
        if let Some(o) = opener.filter(|&o| !self.ranged_before(o) && !self.exchange_rate(m)) {
            // "taking the cash rate from 0.10% in April to 2.60% in October": a verb of
            // moving names the two levels without a direction.
            let clause = self
                .direction_in_clause(o)
                .map(|(d, dt)| (Some((d, dt)).filter(|_| !self.contradicted(d, dt)), dt))
                .or_else(|| self.moving_verb_before(o).map(|t| (None, t)));
            // "a 1 per cent increase in earnings in the public sector, from €907.00 to
            // €915.92": the figures of a change named before the comma.
            let named = clause
                .is_none()
                .then(|| self.change_before_comma(o))
                .flatten();
            let clause = clause.or(named.map(|_| (None, o)));
            if let Some((direction, dt)) = clause {
                let to_first = self.is(o, self.w.to);
                let other_conn = if to_first { self.w.from } else { self.w.to };
                let k = self.past_ratio_whole(self.past_figure(me));
                // "rose to $1.1 billion, or 45 cents a share, from $900 million, or 37
                // cents": the amount restated per share, each compared with its own.
                let per_share = self.per_share_restated(k);
                let k = per_share.map_or(k, |(_, after)| after);
                // "fell to Rs 799.8 million in the review period compared to Rs 2.65 billion"
                let k = self.current_period(k).unwrap_or(k);
                let k = if self.is(k, ",") || self.is(k, "(") {
                    k + 1
                } else {
                    k
                };
                let k = self.past_manner(k);
                let k = if to_first {
                    self.past_counted_noun(m, k)
                } else {
                    self.counted_noun_to(m, k).map_or(k, |(_, to)| to)
                };
                // "widened to ₹1.5 lakh crore in October against ₹1.2 lakh crore a year
                // ago": after "to", any word of a baseline.
                let from = self.is(k, other_conn);
                let connector = if from {
                    Some(1)
                } else if to_first && !self.is(k, self.w.than) {
                    self.baseline_connector(k)
                } else {
                    None
                };
                if let Some(len) = connector {
                    let k = k + len - 1;
                    let digits = |x: usize| !self.mentions[x].words;
                    let other = if to_first {
                        self.baseline_near(k + 1)
                    } else {
                        self.mention_near(k + 1)
                    };
                    // Another word than "from" names the level moved from only when the
                    // figure follows it or is dated so: "to 14% compared to a previous
                    // estimate of 12%" sets two forecasts side by side.
                    let moved_from = |o: usize| {
                        let f = self.mtoks[o].0;
                        from || f == self.skip_fillers(k + 1) || self.dated_baseline(f)
                    };
                    if let Some(o) = other.filter(|&o| {
                        self.ends_compatible(m, o) && digits(o) && digits(m) && moved_from(o)
                    }) {
                        let (value, base) = if to_first { (m, o) } else { (o, m) };
                        if let Some(d) = named {
                            let end = self.mtoks[value].1.max(self.mtoks[base].1);
                            self.drafts[d].end = self.after_owned_mark(end);
                            self.give_figures(d, Some(value), base);
                            return;
                        }
                        self.comparison(Some(value), base, dt, direction);
                        if let Some((p, _)) = per_share {
                            self.per_share_pair(p, o, direction);
                        }
                        return;
                    }
                }
                // "MLB drew 69.63 million in 2018 and dropped to 68.49 million in 2019": the
                // level of the clause the verb's "and" joins is the one moved from.
                if let Some(b) = to_first
                    .then(|| self.level_before_and(dt))
                    .flatten()
                    .filter(|&b| {
                        self.mentions[m].unit == self.mentions[b].unit && self.levels_alike(m, b)
                    })
                {
                    self.comparison(Some(m), b, dt, direction);
                    return;
                }
            }
        }
        if let Some((value, base)) = self.dated_pair_in_parentheses(m) {
            self.comparison(Some(value), base, mf, None);
            return;
        }
        // "19,020 against 18,145", "Net 16,362,000 vs 24,325,000", "1.3% in January, down
        // from 1.4% in December", "(2.1%, compared with 2.9% in December)"
        let mut k = self.past_figure(me);
        // "$30.8-million, or 36 cents per share, compared to $27.8-million or 32 cents per
        // share": an amount restated per share, each compared with its own.
        let per_share = self.per_share_restated(k);
        if let Some((_, after)) = per_share {
            k = after;
        }
        // "HK$12,692,000 (Six months ended 30 June 2018: HK$15,646,000)"
        if let Some(b) = self.labelled_baseline(k).filter(|&b| self.compatible(m, b)) {
            self.comparison(Some(m), b, mf, None);
            return;
        }
        // Whether the comparison follows the figure (and its period) with no words between.
        let mut next_to_value = true;
        // "€m 127.5 (9.1%) vs. €m 88.1", "a 7,4% annual rate compared to 7,7%": a share in
        // parentheses or the noun the figure is of, before the comparison.
        if let Some(j) = self.words_before_comparison(k) {
            next_to_value = false;
            k = j;
        }
        // "345 million euro, or 18.0% of turnover, up from 222 million euro": a share
        // restating the figure, up to the comma before the comparison.
        if let Some(comma) = self.restating_share(k) {
            next_to_value = false;
            k = comma;
        }
        // "$35.6 billion in the Nov. 1-20 period, compared with $33.8 billion": a short aside
        // without figures of a unit, up to the comma before the comparison.
        if let Some(comma) = self.aside_to_comma(k) {
            next_to_value = false;
            k = comma;
        }
        // ", down from", "—down from", "(up from £3m in 2016)", "Bln. vs.": the comma, a
        // dash or a parenthesis, or the full stop of an abbreviated scale.
        if self.is_comma_like(k)
            || self.is(k, "(")
            || self.is(k, ".") && self.baseline_connector(k + 1).is_some()
        {
            k += 1;
        } else if next_to_value && self.subject_figure(mf) && self.is_any(k, &self.w.stating_verbs)
        {
            // "Exports of 368 mln dlrs were up from 314 mln": the figure of the subject, then
            // the verb of being before the word of direction.
            k = self.past_manner(k + 1);
        } else if next_to_value && self.figure_naming_subject(mf, k) {
            // "The 3% level is up from the 2.5% figure": the figure, the noun it sizes and the
            // verb of being open the sentence.
            k = self.past_manner(k + 2);
        }
        let adjective = self
            .is_any(k, &self.w.direction_adjectives)
            .then(|| self.direction_at(k).map(|(d, _)| (d, k)))
            .flatten();
        // After "a", "which is": the looser reading, where two figures each named by a word
        // of their own are not compared.
        let opened = adjective
            .is_none()
            .then(|| self.opened_direction(k))
            .flatten();
        let direction = adjective.or(opened);
        if let Some((_, dt)) = direction {
            // ", up slightly from 1,418 in August"
            k = self.past_manner(dt + 1);
        }
        // "from" only after a direction ("down from"), else a figure's own range; or before
        // a figure dated as a baseline ("9,710,481 passengers in September, from 8,881,695
        // in the same month last year").
        let dated = direction.is_none()
            && self.kind(m) != MentionKind::Number
            && self.is(k, self.w.from)
            && self.dated_baseline(k + 1);
        // Or right after a level said "at" ("was recorded at 12.1 percent from 11.3 percent
        // in August", "stood at 8.3 percent from 8.5 percent"), where "from" can only name
        // the level before: compared with a figure of its own kind.
        let at_level = direction.is_none()
            && next_to_value
            && self.kind(m) != MentionKind::Number
            && mf > self.first
            && self.is(mf - 1, self.w.at)
            && self.is(k, self.w.from);
        if direction.is_some() || !self.is(k, self.w.from) || dated || at_level {
            // A bare number before "down from 88 cents" is a day or a count, not the value.
            let bare = |x: usize| self.kind(x) == MentionKind::Number;
            let near = self
                .compared_figure(k, direction.map(|(_, dt)| dt))
                .map(|o| self.complement_figure(m, o).unwrap_or(o));
            // "115.53 billion dlrs in February, down from 118.04 billion in January": a bare
            // amount at the value's scale, right after the value's own "up from" or "down
            // from", is in the value's unit; not after an aside ("1.68 billion dlrs in fresh
            // funds ... and this year's overall total, up from last year's 2.6 billion") nor
            // after an amount converted ("32.7 billion crowns, or 4.8 billion dlrs, up from
            // 30.9 billion"). So too right after "vs" with no direction, as results tables
            // write it ("Pre-tax income 788 mln Danish crowns vs 872 mln",
            // "Shr 20.45 crowns vs 23.79"), at any one scale.
            let row = direction.is_none() && self.is_any(k, &self.w.table_connectors);
            let scaled_alike = |o: usize| {
                (direction.is_some() || row)
                    && next_to_value
                    && !bare(m)
                    && bare(o)
                    && !self.after_restating_or(mf)
                    && scale_of(self.text, &self.mentions[o]).is_some_and(|s| {
                        (s > 1.0 || row) && Some(s) == scale_of(self.text, &self.mentions[m])
                    })
            };
            // "112,163 cases this year, compared to 28,124 last year": a count and a bare count
            // of its size; not the unit of a rate ("46.864 Ecus per 100 kilos, up from 45.678").
            let counts_alike = |o: usize| {
                self.kind(m) == MentionKind::Quantity
                    && bare(o)
                    && !(mf > self.first && self.is(mf - 1, self.w.per_unit.1))
                    && self.levels_alike(m, o)
            };
            if let Some(o) = near.filter(|&o| {
                self.compatible(m, o)
                    && !(opened.is_some() && self.named_apart(m, o))
                    && (self.kind(o) == self.kind(m)
                        || direction.is_some() && !bare(m) && !bare(o)
                        || dated
                        || scaled_alike(o)
                        || counts_alike(o))
            }) {
                // "to a loss of 61.7 mln dlrs, ..., down from the previously-reported loss of
                // 12.1 mln dlrs": the direction is the results', not the amounts'.
                let direction = direction.filter(|_| !self.loss_amount(m) && !self.loss_amount(o));
                self.comparison(Some(m), o, mf, direction);
                if let Some((p, _)) = per_share {
                    self.per_share_pair(p, o, direction);
                }
            }
        }
    }

    /// "a 17.4 per cent drop in road deaths (259 in 2017 and 214 in 2018)": figure `m` opening
    /// a parenthesis and another after "and", each with a date of its own and nothing else
    /// before the parenthesis closes; the later one is the value, the earlier the baseline.
    fn dated_pair_in_parentheses(&self, m: usize) -> Option<(usize, usize)> {
        let (mf, me) = self.mtoks[m];
        if mf <= self.first || !self.is(mf - 1, "(") {
            return None;
        }
        let date = |mk: usize| match self.marks[mk].period {
            PeriodRef::Absolute(p) if !self.marks[mk].baseline => Some(p),
            _ => None,
        };
        let first_mark = self.owned_mark(me)?;
        let and = self.marks[first_mark].end;
        if !self.is(and, self.w.and) {
            return None;
        }
        let o = self.mention_starting(and + 1)?;
        let second_mark = self.owned_mark(self.mtoks[o].1)?;
        let closed = self.is(self.marks[second_mark].end, ")");
        if !closed || self.role(o) != Role::Free || !self.levels_alike(m, o) {
            return None;
        }
        let (p, q) = (date(first_mark)?, date(second_mark)?);
        if ends_before(p, q) {
            Some((o, m))
        } else if ends_before(q, p) {
            Some((m, o))
        } else {
            None
        }
    }

    /// The free figure that ends the clause before "and" at `dt` - 1, with only its period
    /// phrase between: "drew 69.63 million in 2018 and dropped to", "was 5.1% in May and rose
    /// to".
    fn level_before_and(&self, dt: usize) -> Option<usize> {
        if dt < self.first + 2 || !self.is(dt - 1, self.w.and) {
            return None;
        }
        let mut e = dt - 1;
        if let Some(mk) = self
            .marks
            .iter()
            .position(|mk| mk.end == e && mk.first > self.first)
        {
            e = self.marks[mk].first;
        }
        let p = self.ms.clone().rfind(|&p| self.mtoks[p].1 == e)?;
        (self.role(p) == Role::Free && self.value_like(p)).then_some(p)
    }

    /// Compares `p`, the value's amount restated per share, with the baseline `o`'s own
    /// ("..., or 36 cents per share, compared to $27.8-million or 32 cents per share").
    /// The baseline's may leave out "a share" ("from $900 million, or 37 cents, a year
    /// earlier"), when it is of the same magnitude.
    fn per_share_pair(&mut self, p: usize, o: usize, direction: Option<(Direction, usize)>) {
        let k = self.past_figure(self.mtoks[o].1);
        let Some(q) = self.per_share_restated(k).map(|(q, _)| q).or_else(|| {
            self.restated_amount(k).filter(|&q| {
                let (a, b) = (&self.mentions[p], &self.mentions[q]);
                a.unit == b.unit && super::comparable_size(&a.interval, &b.interval)
            })
        }) else {
            return;
        };
        if self.role(p) == Role::Free && self.role(q) == Role::Free && self.compatible(p, q) {
            self.comparison(Some(p), q, self.mtoks[p].0, direction);
        }
    }

    /// Whether figure `m` is the amount of a loss: "a loss of 61.7 mln dlrs".
    fn loss_amount(&self, m: usize) -> bool {
        let f = self.mtoks[m].0;
        f >= self.first + 2 && self.is(f - 1, self.w.of) && self.is_any(f - 2, &self.w.losses)
    }

    /// A figure per unit restating the amount that ends before token `k` ("$30.8-million, or
    /// 36 cents per share", "$14.3 million or 18 cents a share"): the figure, and the token
    /// after its unit.
    fn per_share_restated(&self, k: usize) -> Option<(usize, usize)> {
        let p = self.restated_amount(k)?;
        let end = self.mtoks[p].1;
        let after = self.after_rate(end);
        (after != end).then_some((p, after))
    }

    /// An amount after "or" (and a comma) at token `k`: "..., or 37 cents".
    fn restated_amount(&self, k: usize) -> Option<usize> {
        let k = if self.is(k, ",") { k + 1 } else { k };
        if !self.is_any(k, &self.w.restating) {
            return None;
        }
        self.mention_starting(k + 1)
            .filter(|&p| self.kind(p) == MentionKind::Currency)
    }

    /// Whether a figure starts at token `j` and a period phrase of a baseline follows it
    /// ("8,881,695 in the same month last year", "4.1 mln a year earlier"), not a range's
    /// other end.
    fn dated_baseline(&self, j: usize) -> bool {
        self.baseline_date(j)
            .is_some_and(|mk| self.marks[mk].baseline || self.marks[mk].period.is_comparison())
    }

    /// The period phrase right after a figure starting at token `j` (and its currency
    /// conversion in parentheses: "53.88 billion riyals ($14.37 billion) in 2021"), or after
    /// its preposition ("in").
    fn baseline_date(&self, j: usize) -> Option<usize> {
        let o = self.mention_starting(j)?;
        let e = self.after_conversion(self.mtoks[o].1);
        let within = usize::from(self.is_any(e, &self.lang.periods.prepositions));
        (e..=e + within).find_map(|k| self.mark_starting(k))
    }

    /// After a comma at `k`, a comparison with a figure dated as a baseline, the draft `d`
    /// with a value and no baseline compares with, when it names no other comparison: "rose
    /// 25 per cent year-on-year to 4.1 billion yuan, compared with 3.28 billion yuan a year
    /// ago"; not "rose 31.3 pct to 154,711, compared with 146,610 in April".
    fn dated_comparison_after_comma(&self, d: usize, k: usize) -> bool {
        let dr = &self.drafts[d];
        if !self.is(k, ",") || dr.value.is_none() || dr.baseline.is_some() {
            return false;
        }
        let Some(len) = self.baseline_connector(k + 1) else {
            return false;
        };
        let at = k + 1 + len;
        // ", compared to the same period last year, where the value was 4.473 billion": the
        // period first, its figure in a clause about it.
        let described = || {
            self.figure_after(at, false)
                .filter(|&m| self.in_period_relative(m))
                .and_then(|_| self.mark_starting(at))
        };
        let Some(mk) = self.baseline_date(at).or_else(described) else {
            return false;
        };
        let mark = &self.marks[mk];
        // "rose 5.1% to $2,065m, compared with $1,966m last year": the year before; so is a
        // period one year before one the sentence names before the comma ("to $2,065m in
        // 2023, compared with $1,966m in 2022"; "Arrivals in May 2019 recorded a decrease of
        // 3.5%, reaching 434,578, compared to 450,495 in May 2018").
        let year_before = match mark.period {
            PeriodRef::LastYear(_) => true,
            PeriodRef::Absolute(p) => self.marks.iter().any(|own| {
                own.first >= self.first
                    && own.end <= k
                    && matches!(own.period, PeriodRef::Absolute(q) if q.years_earlier(1) == p)
            }),
            _ => false,
        };
        // "rose 28.58% during 2022 on an annual basis, to ..., compared to ... in 2021": a
        // year-earlier comparison names the year before too.
        let same_comparison = |own: usize| {
            let own = self.marks[own].period;
            own == mark.period || year_before && own == PeriodRef::YearEarlier
        };
        (mark.baseline || year_before) && dr.baseline_mark.is_none_or(same_comparison)
    }

    /// A change of zero said in words about value `m`: "unchanged at 4.1%", "unchanged YoY at
    /// 1.74%", "held steady at 5.25%", "(4.1 percent, stable compared to May)"; not one
    /// hedged ("little changed", "broadly stable").
    fn unchanged(&mut self, m: usize) {
        let (mf, me) = self.mtoks[m];
        // Most figures have neither "at" before nor a comma after: two tests tell.
        let at = mf > self.first + 1 && self.is(mf - 1, self.w.at);
        if !at && !self.is(me, ",") || self.role(m) != Role::Free || !self.value_like(m) {
            return;
        }
        let flat = |j: usize| {
            matches!(self.direction_at(j), Some((Direction::Flat, _)))
                && !(j > self.first && self.is_any(j - 1, &self.w.flat_hedges))
        };
        // Before the figure: the word, a period phrase saying how it is measured, "at".
        let before = at
            .then(|| {
                let j = self
                    .marks
                    .iter()
                    .find(|k| k.end == mf - 1 && k.first > self.first)
                    .map_or(mf - 2, |k| k.first - 1);
                flat(j).then_some((j, me))
            })
            .flatten();
        // After it and a comma, with what it is compared with: "4.1 percent, stable compared
        // to May".
        let after = || {
            let j = me + 1;
            (self.is(me, ",") && j < self.end && flat(j)).then(|| {
                let mark = self
                    .baseline_connector(j + 1)
                    .and_then(|len| self.mark_starting(j + 1 + len));
                (j, mark.map_or(j + 1, |k| self.marks[k].end), mark)
            })
        };
        let Some((dt, end, baseline_mark)) = before.map(|(j, e)| (j, e, None)).or_else(after)
        else {
            return;
        };
        let measure = if self.kind(m) == MentionKind::Percent {
            Measure::Points
        } else {
            Measure::Percent
        };
        self.drafts.push(Draft {
            first: mf.min(dt),
            end,
            value: Some(m),
            baseline_mark,
            ..Draft::over(
                ClaimKind::Change,
                (dt, dt + 1),
                measure,
                Some((Direction::Flat, dt)),
            )
        });
        let d = self.drafts.len() - 1;
        self.set_role(m, Role::Value(d));
    }

    /// A second comparison of a change's value, joined to it by "and" with a direction and no
    /// figure of its own: "₹19,407 crore, a 2.4% increase from the last quarter and higher
    /// than last year's ₹18,951 crore", "$18 billion, up 9% from the prior quarter and up from
    /// $12.8 billion a year ago".
    fn joined_comparisons(&mut self) {
        for d in 0..self.drafts.len() {
            let dr = &self.drafts[d];
            let Some(v) = dr.value.filter(|_| dr.change.is_some() && !dr.table_row) else {
                continue;
            };
            let mut j = dr.end + usize::from(self.is(dr.end, ","));
            if !self.is(j, self.w.and) {
                continue;
            }
            j += 1;
            let Some((direction, _)) = self
                .direction_at(j)
                .filter(|_| self.is_any(j, &self.w.direction_adjectives))
            else {
                continue;
            };
            let dt = j;
            let near = self.compared_figure(j + 1, Some(dt));
            let Some(o) = near.filter(|&o| self.compatible(v, o) && self.kind(o) == self.kind(v))
            else {
                continue;
            };
            self.comparison(None, o, dt, Some((direction, dt)));
            if let Role::Baseline(n) = self.role(o) {
                if self.drafts[n].value.is_none() {
                    self.drafts[n].value = Some(v);
                    self.drafts[n].inherited_from = Some(d);
                }
            }
        }
    }

    /// The direction draft `d` says: its word's, but a fall for growth written with a minus
    /// ("registering a growth of -0.34 percent", "(-)0.08 percent").
    fn said_direction(&self, d: usize) -> Option<(Direction, usize)> {
        let dr = &self.drafts[d];
        let Some((Direction::Up, t)) = dr.direction else {
            return dr.direction;
        };
        let minus = dr
            .change
            .is_some_and(|m| self.mentions[m].interval.high <= 0.0);
        if minus && self.is_any(t, &self.w.growth_nouns) {
            Some((Direction::Down, t))
        } else {
            dr.direction
        }
    }

    /// Past the words from `start` that open a restatement ("a", "which is", "showing").
    fn past_restatement_openers(&self, start: usize) -> usize {
        let mut k = start;
        // "thereby showing a monthly degrowth of 0.09 percent", "a sharp fall from", "which
        // meant an annual expansion of 17.6%": a word of rate or an adjective judging the
        // change after them.
        while k < self.end
            && (self.is_any(k, &self.w.restatement_openers)
                || k > start
                    && (self.is_any(k, &self.w.rate_adverbs)
                        || self.is_any(k, &self.w.rate_adjectives)
                        || self.is_any(k, &self.w.judging_adjectives)))
        {
            k += 1;
        }
        k
    }

    /// A word of direction after the words that open a restatement at `k`, with the word of a
    /// baseline right after it: ", which is higher as compared to the 34,074", ", an increase
    /// from 455 million". The direction and its token.
    fn opened_direction(&self, k: usize) -> Option<(Direction, usize)> {
        let j = self.past_restatement_openers(k);
        if j == k || self.baseline_connector(j + 1).is_none() {
            return None;
        }
        let adjective = self.is_any(j, &self.w.direction_adjectives);
        match self.direction_at(j)? {
            (d, DirectionPos::Noun) => Some((d, j)),
            (d, _) if adjective => Some((d, j)),
            _ => None,
        }
    }

    /// A change draft restating the comparison that ends at token `end`, after a comma and
    /// words like "a" or "which is" ("from 100 tons to 400 tons, up 300%"): one with no
    /// figures of its own yet, or with `value` taken as its own by [`Self::value_before`].
    fn restated_by(&self, end: usize, value: Option<usize>, base: usize) -> Option<usize> {
        if !(self.is_comma_like(end) || self.is(end, "(")) {
            return None;
        }
        let k = self.past_restatement_openers(end + 1);
        // ", showing negative growth of 31.91 percent"
        let k = k + usize::from(self.is_any(k, &self.w.negating_adjectives));
        self.drafts.iter().position(|dr| {
            dr.first == k
                && matches!(dr.kind, ClaimKind::Change | ClaimKind::Multiple)
                && dr.change.is_some()
                && dr.baseline.is_none()
                && dr
                    .baseline_mark
                    .is_none_or(|mk| self.mark_fits_pair(mk, value, base))
                && dr.restates.is_none()
                && dr.inherited_from.is_none()
                && (dr.value.is_none() || dr.value == value)
        })
    }

    /// Whether the baseline phrase `mk` of a change restating a comparison names the period
    /// of the comparison's baseline, both its figures dated: "from 1,059.86 million at the end
    /// of June 2016 to 1,074.24 million at the end of September 2016, registering a growth of
    /// 1.36 percent over the previous quarter" (a quarter or less apart); "a year earlier"
    /// (twelve months apart). Another ("rose from 100 in May to 105 in June, up 12% from a
    /// year earlier") is a comparison of its own.
    fn mark_fits_pair(&self, mk: usize, value: Option<usize>, base: usize) -> bool {
        let dated = |m: usize| {
            let k = self.find_figure_mark(m)?;
            match self.marks[k].period {
                PeriodRef::Absolute(p) => p.bounds().map(|(_, end)| end),
                _ => None,
            }
        };
        let Some(then) = dated(base) else {
            return false;
        };
        let year_earlier = self.marks[mk].period == PeriodRef::YearEarlier;
        let Some(now) = value.and_then(dated) else {
            // "stands at 4.603Mt, compared to 4.859Mt in October 2020, showing a reduction of
            // 5.3 per cent YoY" (published in November 2021): a value with no period of its
            // own is the story's latest, a year after a baseline dated a year and up to two
            // months before the story.
            let lag = self.date.map(|d| d.months_after(then));
            return year_earlier && lag.is_some_and(|m| (12..=14).contains(&m));
        };
        let months = now.months_after(then);
        match self.marks[mk].period {
            PeriodRef::Previous => (1..=3).contains(&months),
            _ if year_earlier => months == 12,
            _ => false,
        }
    }

    /// The change draft whose figures a comparison after a comma at `first` - 1 states, with
    /// only plain words, counts and period phrases between naming what changed ("a 1 per cent
    /// increase in earnings in the public sector, from €907.00 to €915.92"): a change in percent or
    /// points that states no figures.
    fn change_before_comma(&self, first: usize) -> Option<usize> {
        if first < self.first + 2 || !self.is(first - 1, ",") {
            return None;
        }
        let comma = first - 1;
        // Plain words and period phrases from `j` to the comma.
        let words_to_comma = |mut j: usize| {
            while j < comma {
                match self.mark_starting(j) {
                    Some(mk) => j = self.marks[mk].end,
                    None if self.toks[j].kind == Kind::Word && self.plain_word(j) => j += 1,
                    // "police-recorded homicide offences"
                    None if self.is(j, "-") && !self.toks[j].space_before => j += 1,
                    // "in earnings at 2,000 firms": a count naming where.
                    None => match self.mention_starting(j).filter(|&m| self.counted(m)) {
                        Some(m) => j = self.mtoks[m].1,
                        None => return false,
                    },
                }
            }
            j == comma
        };
        self.drafts.iter().position(|dr| {
            dr.end <= comma
                && comma - dr.end <= 8
                && dr.rate_change_without_figures()
                && words_to_comma(dr.end)
        })
    }

    /// A rate of change named by its noun after a comparison ending at token `end`, past a
    /// comma or dash, the words that open a restatement and an adjective of rate: ", showing a
    /// monthly growth rate of 1.98 per cent". The noun's direction, its token, and the
    /// percent, which nothing has taken yet.
    fn restating_rate(&self, end: usize) -> Option<(Direction, usize, usize)> {
        if !self.is_comma_like(end) {
            return None;
        }
        let k = self.past_restatement_openers(end + 1);
        let k = k + usize::from(self.is_any(k, &self.w.rate_adjectives));
        let Some((d, DirectionPos::Noun)) = self.direction_at(k) else {
            return None;
        };
        if !self.is_any(k + 1, &self.w.rate_nouns) || !self.is(k + 2, self.w.of) {
            return None;
        }
        let m = self.mention_starting(k + 3)?;
        (self.kind(m) == MentionKind::Percent && self.role(m) == Role::Free).then_some((d, k, m))
    }

    /// A signed percent alone in parentheses after a comparison ending at token `k`, past a
    /// few plain words naming the baseline ("against 577.8 mm as per its long period average
    /// (minus 55 per cent)", "against 157.9 mm expected (-26%)"): its direction, the mention
    /// and the closing parenthesis. An unsigned percent there is more often a share or a
    /// margin.
    fn signed_percent_after(&self, k: usize) -> Option<(Direction, usize, usize)> {
        const MOST_WORDS: usize = 8;
        let open = (k..(k + MOST_WORDS + 1).min(self.end))
            .find(|&j| !self.naming_word(j))
            .filter(|&j| self.is(j, "("))?;
        // The sign is in the mention, or a token glued before it.
        let m = self.mention_starting(open + 1).or_else(|| {
            self.mention_starting(open + 2)
                .filter(|&m| self.written_sign(m).is_some_and(|(_, glued)| glued))
        })?;
        let close = self.mtoks[m].1;
        let unlinked = match self.role(m) {
            Role::Free => true,
            Role::Change(d) => {
                let dr = &self.drafts[d];
                dr.value.is_none() && dr.baseline.is_none() && dr.baseline_mark.is_none()
            }
            _ => false,
        };
        if !self.is(close, ")") || self.kind(m) != MentionKind::Percent || !unlinked {
            return None;
        }
        let dir = match self.written_sign(m) {
            Some((dir, _)) => dir,
            // "minus 55 per cent": the sign in words.
            None if self.mentions[m].value < 0.0 => Direction::Down,
            None => return None,
        };
        Some((dir, m, close))
    }

    /// The change draft a comparison of its figures restates, alone in parentheses right after
    /// it with no direction of its own ("were up 33% on last year (84,266 vs 63,227)"): a
    /// change in percent or points that states no figures (`first..end` are the comparison's tokens).
    fn change_before_parenthesis(
        &self,
        first: usize,
        end: usize,
        value: Option<usize>,
    ) -> Option<usize> {
        if value.is_none()
            || first < self.first + 2
            || !self.is(first - 1, "(")
            || !self.is(end, ")")
        {
            return None;
        }
        let open = first - 1;
        // Up to the parenthesis, or a period phrase that ends there ("up 2.3 percentage points
        // on last year (72.1% vs 69.8%)").
        let reaches = |draft_end: usize| {
            draft_end == open
                || self
                    .marks
                    .iter()
                    .any(|m| m.end == open && (m.first == draft_end || m.first == draft_end + 1))
                // "a 17.4 per cent drop in road deaths (259 in 2017 and 214 in 2018)": what
                // changed, in a few words between.
                || draft_end < open
                    && open - draft_end <= 6
                    && (draft_end..open).all(|j| {
                        self.toks[j].kind == Kind::Word && self.direction_at(j).is_none()
                    })
        };
        self.drafts
            .iter()
            .position(|dr| reaches(dr.end) && dr.rate_change_without_figures())
    }

    /// Past "of GDP" and its period after a percent ending at token `k` ("from 6.4 per cent of
    /// GDP in FY23 to 5.6 per cent"): the whole the rate is of; else `k`.
    fn past_ratio_whole(&self, k: usize) -> usize {
        match self.ratio_whole_end(k) {
            w if w == k => k,
            w => self.after_owned_mark(w),
        }
    }

    /// Past "of GDP" or "of the total loan book" at token `k`, the whole a rate is of; else
    /// `k`.
    fn ratio_whole_end(&self, k: usize) -> usize {
        let whole_word = |j: usize| self.naming_word(j) && !self.is(j, self.w.to);
        if !self.is(k, self.w.of) || !whole_word(k + 1) {
            return k;
        }
        if !self.is(k + 1, self.lang.periods.the) {
            return k + 2;
        }
        // "the" and up to three words naming the whole.
        let words = (k + 2..(k + 2 + RATIO_WHOLE_WORDS).min(self.end))
            .take_while(|&j| whole_word(j))
            .count();
        k + 2 + words
    }

    /// Whether a verb of the other direction comes earlier in the clause of direction word
    /// `dt`: in "has expanded the normal daily trading limit in Coffee "C" contracts to 6.0
    /// cents" the noun "contracts" is no fall, and which word is the verb is not clear.
    fn contradicted(&self, d: Direction, dt: usize) -> bool {
        (dt.saturating_sub(12).max(self.first)..dt)
            .rev()
            .take_while(|&j| !self.is_any(j, &self.w.aside_stops) && !self.clause_mark(j))
            .any(|j| {
                self.direction_at(j)
                    .is_some_and(|(o, p)| p == DirectionPos::Verb && o != d && o != Direction::Flat)
            })
    }

    /// Punctuation that ends a clause: any but quotation marks and hyphens.
    fn clause_mark(&self, j: usize) -> bool {
        self.is_punct(j) && !matches!(self.toks[j].text(self.text), "\"" | "-" | "'" | "“" | "”")
    }

    /// "taking the cash rate from", "bringing it to": a verb of moving a few words before
    /// token `k`, with only plain words between; its token.
    fn moving_verb_before(&self, k: usize) -> Option<usize> {
        // "went from": a verb of moving without an object, right before.
        if k > self.first && self.is_any(k - 1, &self.w.moving_verbs) {
            return Some(k - 1);
        }
        // The verb first: it is rare, and the words between cost more to check.
        let v = (k.saturating_sub(5).max(self.first)..k)
            .rev()
            .find(|&j| self.is_any(j, &self.w.restating_verbs))?;
        (v + 1..k)
            .all(|j| self.toks[j].kind == Kind::Word && self.plain_word(j))
            .then_some(v)
    }

    /// Past what stands between a figure ending at token `k` and the comparison after it: a
    /// percent in parentheses ("€m 127.5 (9.1%) vs. €m 88.1"), or one or two words naming
    /// what the figure is ("7,4% annual rate compared to 7,7%") before a connector that is
    /// neither "from" nor "than"; where the connector (or a comma or full stop before it)
    /// starts.
    fn words_before_comparison(&self, k: usize) -> Option<usize> {
        let compares = |j: usize| {
            let j = if j < self.end && self.toks[j].kind == Kind::Punct && self.is(j, ".") {
                j + 1
            } else {
                j
            };
            // One cheap test by shape first: most figures have no connector after them.
            self.is_any(j, &self.w.comparison_connectors) && self.baseline_connector(j).is_some()
        };
        // "45 measles cases nationwide, up from 41": up to three words of what a count is of,
        // then a comma and a direction before "from", which the caller reads.
        let moved_from = |j: usize| {
            self.is_comma_like(j)
                && self.is_any(j + 1, &self.w.direction_adjectives)
                && self.is(j + 2, self.w.from)
        };
        if k >= self.end {
            return None;
        }
        if self.toks[k].kind == Kind::Punct {
            if !self.is(k, "(") {
                return None;
            }
            let p = self.mention_starting(k + 1)?;
            let close = self.mtoks[p].1;
            let share = self.kind(p) == MentionKind::Percent && self.is(close, ")");
            return (share && compares(close + 1)).then_some(close + 1);
        }
        if let Some(comma) = self.qualifier_before_comparison(k) {
            return Some(comma);
        }
        let plain = |j: usize| {
            self.naming_word(j)
                && !self.is_any(j, &self.w.value_words)
                && !self.is_any(j, &self.lang.periods.prepositions)
                && !self.is_any(j, &self.w.aside_stops)
        };
        // The connector first: most figures have none a word or two after them.
        if let Some(j) = (k + 1..k + 4).find(|&j| j < k + 3 && compares(j) || moved_from(j)) {
            // Before ", up from", not the words of a period: "the March 1 through 20 period,
            // up from 8,817".
            let span = |t: usize| moved_from(j) && self.is_any(t, &self.lang.periods.spans);
            return (k..j).all(|t| plain(t) && !span(t)).then_some(j);
        }
        // "15,700 fresh cases in the week (April 18-24) as compared to 8,050", "15,700 cases
        // in April compared with 8,050 in March": up to two such words, then the figure's
        // period phrases.
        // Words by kind first, the connector next, and the words' meaning last: most figures
        // have no connector after them.
        let mut j = k;
        while j < k + 2
            && j < self.end
            && self.toks[j].kind == Kind::Word
            && !self.covered[j - self.first]
        {
            j += 1;
        }
        let words = j;
        let p = &self.lang.periods;
        loop {
            if let Some(mk) = self.mark_starting(j) {
                j = self.marks[mk].end;
            } else if self.is_any(j, &p.prepositions)
                && self.is(j + 1, p.the)
                && self.is_any(j + 2, &p.spans)
            {
                // "in the week": the span a count is made over.
                j += 3;
            } else {
                break;
            }
        }
        (j > words && compares(j) && (k..words).all(plain)).then_some(j)
    }

    /// "7.75 million people were waiting to start treatment at the end of August, up from
    /// 7.68 million in July": a baseline after ", up from" whose value stands further back
    /// in the clause than the few words [`Self::words_before_comparison`] passes over. The
    /// value is the nearest free figure of the baseline's kind and unit, with no comma,
    /// word of direction or clause break between.
    fn value_far_before(&mut self, m: usize) {
        const REACH: usize = 30;
        let mf = self.mtoks[m].0;
        if mf < self.first + 4 || !self.is(mf - 1, self.w.from) {
            return;
        }
        // ", up slightly from 1,418": the direction before an adverb of manner.
        let mut dt = mf - 2;
        while dt > self.first + 2 && mf - 2 - dt < 2 && self.is_any(dt, &self.w.manner_adverbs) {
            dt -= 1;
        }
        // ", up from", or a noun after the words opening a restatement: ", an increase from".
        let adjective = self.is_any(dt, &self.w.direction_adjectives);
        let noun = !adjective
            && self
                .direction_at(dt)
                .is_some_and(|(_, p)| p == DirectionPos::Noun);
        let comma = if noun {
            (self.first..dt)
                .rev()
                .take_while(|&j| self.is_any(j, &self.w.restatement_openers))
                .last()
                .map_or(dt - 1, |j| j.saturating_sub(1))
        } else {
            dt - 1
        };
        // ", up from", "— up from", " - up from"
        let spaced_hyphen =
            self.is(comma, "-") && self.toks[comma].space_before && self.toks[dt].space_before;
        if !(adjective || noun && comma + 1 < dt)
            || comma <= self.first
            || !(self.is_comma_like(comma) || spaced_hyphen)
        {
            return;
        }
        if self.role(m) != Role::Free || !self.value_like(m) {
            return;
        }
        let Some((d, _)) = self.direction_at(dt) else {
            return;
        };
        // The nearest figure of the baseline's own unit, else the nearest of a unit it can
        // be compared with ("7.75 million people ..., up from 7.68 million"); either of a
        // comparable size: "46.496 Ecus per 100 kilos for 118,350 tonnes of sugar, down
        // from 46.864 Ecus" compares the rebates.
        let fits = |s: &Self, p: usize| {
            let counted = s.is(s.mtoks[p].1, "-");
            s.role(p) == Role::Free && s.value_like(p) && !counted && s.levels_alike(p, m)
        };
        let lo = comma.saturating_sub(REACH).max(self.first);
        let mut fallback = None;
        let mut j = comma;
        while j > lo {
            j -= 1;
            let within = |p: usize| self.mtoks[p].0 <= j && j < self.mtoks[p].1;
            if let Some(p) = self.ms.clone().rfind(|&p| within(p)) {
                if self.mtoks[p].0 != j {
                    continue;
                }
                if fits(self, p) {
                    if self.mentions[p].unit == self.mentions[m].unit {
                        self.comparison(Some(p), m, dt, Some((d, dt)));
                        return;
                    }
                    fallback = fallback.or(Some(p));
                }
                continue;
            }
            // "waiting more than a year": a comparison that measures time.
            let than_time = |t: usize| {
                self.is(t, self.w.than)
                    && periods::counts_time(self.lang, self.text, self.toks, t + 1)
            };
            // Stops at the marks that end a clause, not at "(", "-" or "&".
            let stop = self.is_comma_like(j)
                || self.is_punct(j) && matches!(self.toks[j].text(self.text), ";" | ":" | "." | "!" | "?")
                // "value-added": a word of direction inside a compound is none.
                || self.direction_at(j).is_some()
                    && (self.toks[j].space_before || !self.is(j - 1, "-"))
                    && !than_time(j + 1)
                || self.is_any(j, &self.w.clause_joiners)
                // "a 1.7 billion dlr charge against earnings, down from": the figure of
                // another comparison.
                || !self.is(j, self.w.from) && !than_time(j) && self.baseline_connector(j).is_some();
            if stop {
                break;
            }
        }
        if let Some(p) = fallback {
            self.comparison(Some(p), m, dt, Some((d, dt)));
        }
    }

    /// "The unemployment rate, which in August stood at 16.8 percent, fell to 15.8 percent in
    /// September": the level before a move "to" figure `m`, stated in a relative clause on the
    /// subject between commas right before the verb; a level verb or a verb of being, plain
    /// words and period phrases only, no other figure and no word of direction in it.
    fn baseline_in_relative_clause(&mut self, m: usize) {
        const CLAUSE: usize = 8;
        let mf = self.mtoks[m].0;
        // The verb right before "to", a comma before it: a period phrase between ("fell last
        // month to") is read against the figure compared with, which would date both levels
        // alike.
        let dt = mf.saturating_sub(2);
        if mf < self.first + 6
            || !self.is(dt - 1, ",")
            || !self.is(mf - 1, self.w.to)
            || self.role(m) != Role::Free
        {
            return;
        }
        let verb = self
            .direction_at(dt)
            .filter(|&(_, p)| p == DirectionPos::Verb)
            .filter(|_| !self.is_any(dt, &self.w.direction_adjectives));
        let Some((d, _)) = verb else {
            return;
        };
        // The level ends the clause, or a period phrase after it does.
        let mut end = dt - 1;
        if let Some(mk) = self.mark_at(end - 1) {
            end = self.marks[mk].first;
        }
        let Some(b) = self.ms.clone().find(|&p| self.mtoks[p].1 == end) else {
            return;
        };
        let fits = self.role(b) == Role::Free && self.value_like(b) && self.levels_alike(b, m);
        if !fits {
            return;
        }
        let bf = self.mtoks[b].0;
        let lo = bf.saturating_sub(CLAUSE).max(self.first + 1);
        let Some(opener) = (lo..bf).rev().find(|&j| !self.plain_clause_word(j)) else {
            return;
        };
        let relative = self.is_any(opener, &self.w.relative_openers)
            && self.is(opener - 1, ",")
            && (opener + 1..bf).any(|j| {
                self.is_any(j, &self.w.stating_verbs) || self.is_any(j, &self.w.level_verbs.0)
            });
        if !relative {
            return;
        }
        self.comparison(Some(m), b, dt, Some((d, dt)));
        // The period phrase inside the clause, or right after its level, dates the level.
        let clause_mark = (opener..=end)
            .find_map(|j| self.mark_starting(j))
            .filter(|&mk| self.marks[mk].end <= dt);
        if let Some(dr) = self
            .drafts
            .iter_mut()
            .rev()
            .find(|dr| dr.baseline == Some(b))
        {
            dr.baseline_mark = dr.baseline_mark.or(clause_mark);
        }
    }

    /// A word inside a relative clause before its figure: a plain word naming no direction,
    /// or a token of a period phrase.
    fn plain_clause_word(&self, j: usize) -> bool {
        self.mark_at(j).is_some()
            || self.toks[j].kind == Kind::Word
                && self.mention_starting(j).is_none()
                && self.direction_at(j).is_none()
                && !self.is_any(j, &self.w.relative_openers)
    }

    /// Whether figures `m` and `o` are each named by a word before "of", and not the same word:
    /// "revenues of 1.85 billion dlrs, a decline from profits of 32 mln dlrs" compares no
    /// revenues.
    fn named_apart(&self, m: usize, o: usize) -> bool {
        let name = |x: usize| {
            let f = self.mtoks[x].0;
            (f >= self.first + 2 && self.is(f - 1, self.w.of) && self.naming_word(f - 2))
                .then(|| self.low(f - 2))
                .flatten()
        };
        matches!((name(m), name(o)), (Some(a), Some(b)) if !same(&a, &b))
    }

    /// "This was up from $22.64 billion last year": a baseline with a direction and no value in
    /// a sentence that points back; [`super::anaphora`] gives it the value of the sentence
    /// before.
    fn baseline_only(&mut self, m: usize) {
        let mf = self.mtoks[m].0;
        if mf < self.first + 2 || !(self.is(mf - 1, self.w.from) || self.is(mf - 1, self.w.than)) {
            return;
        }
        if self.role(m) != Role::Free || !self.value_like(m) || !self.opens_with_anaphor() {
            return;
        }
        let Some((d, _)) = self.direction_at(mf - 2) else {
            return;
        };
        let dt = mf - 2;
        self.comparison(None, m, dt, Some((d, dt)));
    }

    /// Whether the sentence opens with a word pointing back and a verb of being ("This was",
    /// "The result was"); "It said ..." of wire copy is not one.
    fn opens_with_anaphor(&self) -> bool {
        super::anaphora::opens_with_anaphor(self.lang, self.text, self.toks, self.first, self.end)
    }

    /// The comma ending a short aside that starts at `k`, when a comparison ("compared with",
    /// "against", "up from") follows it and the aside names no figure with a unit.
    fn aside_to_comma(&self, k: usize) -> Option<usize> {
        // "a $71.6 billion deficit in the trade of goods such as cars and phones, down from":
        // the noun the figure is of may come first.
        if k >= self.end || self.toks[k].kind != Kind::Word {
            return None;
        }
        let prepositions = &self.lang.periods.prepositions;
        let opens =
            self.is_any(k, prepositions) || self.is_any(k + 1, prepositions) && self.naming_word(k);
        if !opens {
            return None;
        }
        let comma = (k + 1..(k + 12).min(self.end)).find(|&j| self.is_comma_like(j))?;
        let next = comma + 1;
        let compares = self
            .baseline_connector(next)
            .is_some_and(|_| !self.is(next, self.w.from) && !self.is(next, self.w.than))
            || self.is_any(next, &self.w.direction_adjectives) && self.is(next + 1, self.w.from);
        let plain = || {
            (k..comma).all(|j| {
                self.direction_at(j).is_none()
                    && self
                        .mention_starting(j)
                        .is_none_or(|m| self.kind(m) == MentionKind::Number)
            })
        };
        (compares && plain()).then_some(comma)
    }

    /// The comma after a share restating a figure, when one starts at token `k` (", or 18.0%
    /// of turnover,"): the only figure before that comma is the percent.
    fn restating_share(&self, k: usize) -> Option<usize> {
        if !(self.is(k, ",") && self.is_any(k + 1, &self.w.restating)) {
            return None;
        }
        let p = self
            .mention_starting(k + 2)
            .filter(|&p| self.kind(p) == MentionKind::Percent)?;
        let after = self.mtoks[p].1;
        let comma = (after..(after + 6).min(self.end)).find(|&j| self.is(j, ","))?;
        (after..comma)
            .all(|j| self.mention_starting(j).is_none() && !self.is_punct(j))
            .then_some(comma)
    }

    /// Whether the word at `dt` is the object of a preposition, so a noun and no verb: "cut
    /// the amount available for raises to 3.5 pct of the payroll from 5.5 pct" has no rise;
    /// "in reducing its base rate to 10-1/2 pct" has a fall.
    fn preposition_object(&self, dt: usize) -> bool {
        let gerund = || {
            let word = self.toks[dt].text(self.text).as_bytes();
            let ending = self.w.gerund_ending.as_bytes();
            word.len() > ending.len()
                && word[word.len() - ending.len()..].eq_ignore_ascii_case(ending)
        };
        dt > self.first
            && (self.is_any(dt - 1, &self.w.scope_prepositions) || self.is(dt - 1, self.w.of))
            && !gerund()
    }

    /// The direction word of the clause that ends at token `k` ("rose", "raise Bank Rate",
    /// "widened in April"): within a few words, with only words and period phrases between.
    fn direction_in_clause(&self, k: usize) -> Option<(Direction, usize)> {
        // "fell sharply to 4.4%", "eased slightly from 2.8%": adverbs of manner before `end`.
        let past_adverbs = |end: usize| {
            let mut j = end;
            while j > self.first + 1 && end - j < 2 && self.is_any(j - 1, &self.w.manner_adverbs) {
                j -= 1;
            }
            j
        };
        let at = |j: usize| j.checked_sub(1).and_then(|j| self.direction_at(j));
        let j = past_adverbs(k);
        if let Some((d, _)) = at(j).filter(|_| !self.preposition_object(j - 1)) {
            return Some((d, j - 1));
        }
        // "rose slightly in August to 4.3 per cent": adverbs before the verb's period phrase.
        if let Some(mk) = self
            .marks
            .iter()
            .find(|mk| mk.end == k && mk.first > self.first + 1 && !mk.baseline)
        {
            let v = past_adverbs(mk.first);
            if let Some((d, _)) = at(v).filter(|_| v < mk.first) {
                return Some((d, v - 1));
            }
        }
        // "has also increased, from 120,120 in August to 125,829": a comma after the verb;
        // "Rapes are also up, to 775": after a particle a verb of being puts before it.
        let moved = self.is(k, self.w.from) || self.is(k, self.w.to);
        if j >= self.first + 2 && self.is(j - 1, ",") && moved {
            // "rose this year, from 8.1 per cent last year": past the verb's period phrase.
            let v = self
                .marks
                .iter()
                .find(|mk| mk.end == j - 1 && mk.first > self.first)
                .map_or(j - 2, |mk| mk.first - 1);
            let copula = || {
                (v.saturating_sub(2).max(self.first)..v)
                    .any(|c| self.is_any(c, &self.w.amount_copulas))
            };
            match self.direction_at(v) {
                Some((d, DirectionPos::Verb)) if self.is(k, self.w.from) => return Some((d, v)),
                Some((d, _)) if self.is_any(v, &self.w.particle_directions) && copula() => {
                    return Some((d, v))
                }
                _ => {}
            }
        }
        // "declined for Saudis from 52.4 percent to 51.7 percent", "rose in Texas from 5 tons":
        // a verb, then a short phrase saying for whom or where, then "from".
        // The cheap tests first: most "from"s have no preposition of scope shortly before.
        if self.is(k, self.w.from) {
            let lo = k.saturating_sub(SCOPE_WORDS + 1).max(self.first + 1);
            if let Some(p) = (lo..k)
                .rev()
                .find(|&p| self.is_any(p, &self.w.scope_prepositions))
            {
                if let Some((d, DirectionPos::Verb)) = self.direction_at(p - 1) {
                    if (p..k).all(|j| self.naming_word(j)) {
                        return Some((d, p - 1));
                    }
                }
            }
        }
        // "a decline in deaths to 28,000 from 31,000": a noun of change, "in" and what
        // changed, as before the "of" of its figure.
        self.verb_before_object(k.checked_sub(1)?)
            .or_else(|| self.noun_with_complement(k))
    }

    /// The one or two words at `k` that a bare count before them may be of ("72 banks", "28
    /// offences"): no word of value, preposition or span of time.
    fn counted_words(&self, k: usize) -> usize {
        (k..(k + 2).min(self.end))
            .take_while(|&j| {
                self.naming_word(j)
                    && !self.is_any(j, &self.w.value_words)
                    && !self.is_any(j, &self.lang.periods.prepositions)
                    && !self.is_any(j, &self.lang.periods.durations)
            })
            .count()
    }

    /// "up from 28 offences in 2021 to 36 in 2022": the words bare count `m` after "from" is
    /// of, at `k`, then their period phrase and the "to" of a bare count: how many words, and
    /// the "to".
    fn counted_noun_to(&self, m: usize, k: usize) -> Option<(usize, usize)> {
        if self.kind(m) != MentionKind::Number {
            return None;
        }
        let words = self.counted_words(k);
        if words == 0 {
            return None;
        }
        let to = self.after_owned_mark(k + words);
        let count_after = self
            .mention_starting(to + 1)
            .is_some_and(|v| self.kind(v) == MentionKind::Number);
        (self.is(to, self.w.to) && count_after).then_some((words, to))
    }

    /// "grew to 72 kobo from 44 kobo", "rose to 72 banks from 44": past the one or two words a
    /// bare count `m` is of, at `k`, to the "from" after them, when the bare count right after
    /// "from" is of the same words or of none; else `k`. "exports to 72 countries from
    /// Brazil" names a source, not a level.
    fn past_counted_noun(&self, m: usize, k: usize) -> usize {
        if self.kind(m) != MentionKind::Number {
            return k;
        }
        let words = self.counted_words(k);
        let from = k + words;
        if words == 0 || !self.is(from, self.w.from) {
            return k;
        }
        let Some(b) = self
            .mention_starting(from + 1)
            .filter(|&b| self.kind(b) == MentionKind::Number)
        else {
            return k;
        };
        let be = self.mtoks[b].1;
        let text = |j: usize| self.toks[j].text(self.text);
        // Not before a period phrase, which would be read as the level's, not the baseline's.
        let same_words = be + words <= self.end
            && (0..words).all(|i| text(be + i).eq_ignore_ascii_case(text(k + i)))
            && self.mark_after_preposition(be + words).is_none()
            && self.mark_starting(be + words).is_none();
        let no_words = be >= self.end || self.toks[be].kind != Kind::Word || !self.plain_word(be);
        if same_words || no_words {
            from
        } else {
            k
        }
    }

    /// `k`, or the token after the adverbs of manner at `k` ("from 3.1% back to 3%").
    fn past_manner(&self, mut k: usize) -> usize {
        let start = k;
        while k < self.end && k - start < 2 && self.is_any(k, &self.w.manner_adverbs) {
            k += 1;
        }
        k
    }

    /// Pass 3: a share: "over 90% of the global supply", "accounts for 40%".
    fn share_at(&mut self, m: usize) {
        if self.role(m) != Role::Free {
            return;
        }
        let mention = &self.mentions[m];
        let (mf, me) = self.mtoks[m];
        let fraction = mention.words && mention.kind == MentionKind::Number && mention.value < 1.0;
        if mention.kind != MentionKind::Percent && !fraction {
            return;
        }
        let of_after = self.is(me, self.w.of) && self.whole_after(me + 1);
        let share_word = self.is_any(me, &self.w.share_words);
        let accounts = mf >= self.first + 2
            && self.is(mf - 1, self.w.accounts.1)
            && self.is_any(mf - 2, &self.w.accounts.0);
        if of_after || share_word || accounts {
            self.single_figure(ClaimKind::Share, m, me);
        }
    }

    /// Pass 4: a value: any other free figure with a unit, and a bare count a verb of level
    /// names one.
    fn value_at(&mut self, m: usize) {
        if self.role(m) != Role::Free {
            return;
        }
        let with_unit = matches!(
            self.kind(m),
            MentionKind::Currency | MentionKind::Quantity | MentionKind::Percent
        );
        if !with_unit && !self.bare_level(m) {
            return;
        }
        let end = self.after_owned_mark(self.mtoks[m].1);
        self.single_figure(ClaimKind::Value, m, end);
    }

    /// Whether bare figure `m` is a level a verb names: "Registrations reached 272,610 in
    /// September", "The total stood at 1,204" (a verb of level, its "at" or "to"); not four
    /// digits without a separator, a year or a model ("NEC's best-selling 9801 computer").
    fn bare_level(&self, m: usize) -> bool {
        let men = &self.mentions[m];
        if men.kind != MentionKind::Number || !self.value_like(m) {
            return false;
        }
        let (mf, me) = self.mtoks[m];
        let four_digits = me == mf + 1 && self.toks[mf].end - self.toks[mf].start == 4;
        if four_digits || mf < self.first + 1 {
            return false;
        }
        let mut k = mf - 1;
        // "The NHS waiting list rose to 7.57 million": the level a verb of change reaches;
        // "rose to 72 countries" counts something else.
        let reached = k > self.first
            && !self.counted(m)
            && self.is(k, self.w.to)
            && matches!(self.direction_at(k - 1), Some((_, DirectionPos::Verb)));
        // "That compares with 84,886 during the same month last year": a level an opening
        // pointing back compares with (`super::earlier_level` links it).
        let compared = k == self.first + 2
            && super::anaphora::opens_comparing(
                self.lang,
                self.text,
                &self.toks[self.first..k + 1],
            );
        if self.is_any(k, &self.w.value_words) && k > self.first {
            k -= 1;
        }
        reached || compared || self.is_any(k, &self.w.level_verbs.0)
    }

    /// A claim of one figure (a share or a value), ending at token `end`.
    fn single_figure(&mut self, kind: ClaimKind, m: usize, end: usize) {
        let (mf, me) = self.mtoks[m];
        self.drafts.push(Draft {
            end,
            value: Some(m),
            ..Draft::over(kind, (mf, me), Measure::Absolute, None)
        });
        let d = self.drafts.len() - 1;
        self.set_role(m, Role::Value(d));
    }

    /// Makes `value` and `base` the figures of draft `d`.
    fn give_figures(&mut self, d: usize, value: Option<usize>, base: usize) {
        let dr = &mut self.drafts[d];
        dr.value = value;
        dr.baseline = Some(base);
        if let Some(value) = value {
            self.set_role(value, Role::Value(d));
        }
        self.set_role(base, Role::Baseline(d));
    }

    /// A value with a stated baseline and no stated change.
    fn comparison(
        &mut self,
        value: Option<usize>,
        base: usize,
        first: usize,
        direction: Option<(Direction, usize)>,
    ) {
        let (bf, be) = self.mtoks[base];
        let (vf, ve) = value.map_or((bf, be), |v| self.mtoks[v]);
        let first = first.min(vf).min(bf);
        let end = self.after_owned_mark(ve.max(be));
        // "against Rs331 billion collected during last October 2020, showing a growth of 29
        // percent": a word saying how the last figure was had, then (after up to two words)
        // its period phrase.
        let restated_at = (end + 1..(end + 4).min(self.end))
            .find_map(|j| self.mark_starting(j).map(|mk| (j, mk)))
            .filter(|&(j, _)| (end..j).all(|w| self.naming_word(w)))
            .map_or(end, |(_, mk)| self.marks[mk].end);
        // "rose to 400 tons from 100 tons, a 300% increase": the figures of the change after.
        if let Some(d) = self.restated_by(restated_at, value, base) {
            let agree = direction.is_none_or(|(dir, _)| {
                self.said_direction(d).is_none_or(|(other, _)| other == dir)
            });
            // One claim when the words agree. When they do not ("fell from 8,387 to 33,989,
            // marking a rise of 305.26%"), both claims keep the figures, so that the one the
            // figures contradict is reported.
            if agree {
                self.drafts[d].first = first;
                self.give_figures(d, value, base);
                // "versus KD 358.8 million, a decrease of KD 35.2 million or 9.8%": the percent
                // restating the amount is of the same value.
                self.share_value_with_restatement(d);
                return;
            }
            let dr = &mut self.drafts[d];
            dr.value = value;
            dr.baseline = Some(base);
        }
        // "from 1,053.40 million to 1,074.24 million, showing a monthly growth rate of 1.98
        // per cent": a rate of change named by its noun restates the comparison.
        if let Some((dir, dt, m)) = value.and_then(|_| self.restating_rate(restated_at)) {
            let phrase = (dt, self.mtoks[m].1);
            let d = self.new_draft(
                ClaimKind::Change,
                m,
                phrase,
                Measure::Percent,
                Some((dir, dt)),
            );
            self.drafts[d].first = first;
            self.give_figures(d, value, base);
            return;
        }
        // "Gujarat received 48.3 mm against 90.1 mm (minus 46 per cent)": a signed percent
        // alone in parentheses after the comparison is its change.
        if let Some((dir, m, close)) = value.and_then(|_| self.signed_percent_after(end)) {
            // "(+20%)" was read as a change of its own, with no figures ("a plus sign alone
            // says a rise"): it takes the comparison's.
            let d = match self.role(m) {
                Role::Change(d) => d,
                _ => {
                    let phrase = self.mtoks[m];
                    self.new_draft(
                        ClaimKind::Change,
                        m,
                        phrase,
                        Measure::Percent,
                        Some((dir, phrase.0)),
                    )
                }
            };
            self.drafts[d].first = first;
            self.drafts[d].end = close + 1;
            self.give_figures(d, value, base);
            return;
        }
        // "up 33% on last year (84,266 vs 63,227)": the figures of the change before.
        if let Some(d) = self.change_before_parenthesis(first, end, value) {
            // The period phrase between is the baseline's ("on last year").
            let between = self.drafts[d].end;
            let mark = (self.drafts[d].baseline_mark.is_none())
                .then(|| {
                    self.marks
                        .iter()
                        .position(|m| m.baseline && m.end == first - 1 && m.first >= between)
                })
                .flatten();
            let dr = &mut self.drafts[d];
            dr.end = end + 1;
            if mark.is_some() {
                dr.baseline_mark = mark;
            }
            self.give_figures(d, value, base);
            return;
        }
        let kind = if direction.is_some() {
            ClaimKind::Change
        } else {
            ClaimKind::Value
        };
        let phrase = direction.map_or((vf, ve), |(_, t)| (t, t + 1));
        self.drafts.push(Draft {
            first,
            end,
            value,
            baseline: Some(base),
            ..Draft::over(kind, phrase, Measure::Absolute, direction)
        });
        let d = self.drafts.len() - 1;
        if let Some(value) = value {
            self.set_role(value, Role::Value(d));
        }
        self.set_role(base, Role::Baseline(d));
    }
}

/// The most tokens of one sentence linked together. A longer "sentence" (a table run
/// together, a list of figures without a full stop, hostile input) is linked in windows of
/// this size, cut between mentions, so that linking stays linear in the length of the text
/// (the passes over a sentence look at its mentions and period phrases again for each
/// figure). No sentence of the two corpora is this long.
pub const MAX_LINK_TOKENS: usize = 400;

/// Links an article's mentions into claims (implied baselines are added by the caller).
pub fn link(doc: &Document, ex: &Extraction) -> Vec<Claim> {
    // A claim takes two or three mentions in figure prose: room enough that a huge article's
    // claims are not copied again and again as they grow.
    let mut claims = Vec::with_capacity(ex.mentions.len() / 2);
    let mut state = Running {
        sentence_marks: RefCell::new(SentenceMarks::new(doc.sentences.len())),
        ..Running::default()
    };
    // The first mention not before the current sentence: most sentences have none, and are
    // passed over without looking at their tokens.
    let mention_start = |m: usize| ex.tokens[ex.mention_tokens[m].0].start;
    let mut next_mention = 0;
    for (k, &sentence) in doc.sentences.iter().enumerate() {
        while next_mention < ex.mentions.len() && mention_start(next_mention) < sentence.start {
            next_mention += 1;
        }
        if next_mention == ex.mentions.len() {
            break;
        }
        let first = || ex.tokens.partition_point(|t| t.start < sentence.start);
        let end = || ex.tokens.partition_point(|t| t.start < sentence.end);
        if mention_start(next_mention) >= sentence.end {
            // "Reliance ended the financial year 2024–25 on a strong note.": a sentence
            // without figures, before the first claim, that names the period the next
            // sentences are about.
            if claims.is_empty() && state.period.is_none() {
                let marks = state.sentence_marks.get_mut();
                state.period = lead_period(doc, ex, k, (first(), end()), marks);
                state.lead = state.period.is_some();
            }
            continue;
        }
        let (first, end) = (first(), end());
        let mut from = first;
        while from < end {
            let to = window_end(from, end, &ex.mention_tokens);
            // The sentence's period phrases are those of its one window, as a rule.
            let whole = (from == first && to == end).then_some(k);
            link_tokens(
                doc,
                ex,
                (sentence, whole),
                from,
                to,
                &mut state,
                &mut claims,
            );
            from = to;
        }
    }
    claims
}

/// The most words after "of the" naming the whole a rate is of ("of the total loan book").
const RATIO_WHOLE_WORDS: usize = 3;

/// The most words a phrase of scope between a verb of change and "from" may have, its
/// preposition included ("declined for both girls and boys from").
const SCOPE_WORDS: usize = 5;

/// Where the linking window that starts at token `from` ends: [`MAX_LINK_TOKENS`] later,
/// or at `end`, moved so that no mention is cut in two.
fn window_end(from: usize, end: usize, mtoks: &[(usize, usize)]) -> usize {
    let cut = from.saturating_add(MAX_LINK_TOKENS);
    if cut >= end {
        return end;
    }
    // The mention that starts before the cut and may reach past it.
    let m = mtoks.partition_point(|&(f, _)| f < cut);
    match m.checked_sub(1).map(|m| mtoks[m]) {
        Some((f, e)) if e > cut && f > from => f,
        Some((_, e)) if e > cut => e.min(end),
        _ => cut,
    }
}

/// What linking carries from one sentence to the next.
#[derive(Default)]
struct Running {
    /// The period phrases of the current window (a buffer reused between windows).
    marks: Vec<PeriodMark>,
    /// The period phrases of whole sentences, shared with the search for the reporting
    /// period.
    sentence_marks: RefCell<SentenceMarks>,
    /// The period the article last named for a current figure: a figure whose sentence names
    /// none is about it ("Exports rose 4.1% in March. Imports fell 2% to $31.2 billion.").
    period: Option<Period>,
    /// Whether `period` comes from a sentence without figures ([`lead_period`]): any period
    /// named for a figure replaces it.
    lead: bool,
    /// The period the article is assumed to report on ([`super::reporting`]), worked out
    /// the first time a comparison names none.
    reporting: OnceCell<Option<Period>>,
}

/// The one period phrase the tokens `first..end` of a sentence without figures have (found
/// into the buffer `marks`), when it is a current figure's (no baseline's, none looking
/// back) in no forecast, and recent: this year or the last, a part of a year under way at
/// the article's date or ended in the 200 days before it, as a story's lead names what it
/// reports ("ended the financial year 2024–25 on a strong note"), not history ("founded in
/// 1998").
fn lead_period(
    doc: &Document,
    ex: &Extraction,
    k: usize,
    (first, end): (usize, usize),
    marks: &mut SentenceMarks,
) -> Option<Period> {
    let d = doc.date?;
    // A period phrase with a number in it (the cheap test first), in no forecast ("is
    // expected to slow further in 1987").
    let toks = &ex.tokens[first..end];
    if !toks.iter().any(|t| t.kind == Kind::Num)
        || toks
            .iter()
            .any(|t| t.is_in(&doc.text, &doc.lang.claims.outlook))
    {
        return None;
    }
    let marks = marks.of(doc, ex, k, (first, end));
    let [mark] = marks else {
        return None;
    };
    let PeriodRef::Absolute(p) = mark.period else {
        return None;
    };
    let recent = match (p, p.bounds()) {
        // This year or the last.
        (Period::Year(y), _) => y >= d.year - 1,
        (_, Some((start, end))) => start <= d && end.add_days(200) >= d,
        // A fiscal year that ends this year or the next.
        (_, None) => (d.year..=d.year + 1).contains(&p.year()),
    };
    (!mark.baseline && recent).then_some(p)
}

/// Whether `period` is a written period shorter than a year and longer than a day: a month,
/// quarter, half, fiscal part or range.
fn names_part_of_year(period: PeriodRef) -> bool {
    matches!(period, PeriodRef::Absolute(p) if !matches!(p, Period::Year(_) | Period::Day(..)))
}

/// Whether period `p` ends before period `c` does (by fiscal year number for fiscal periods).
fn ends_before(p: Period, c: Period) -> bool {
    match (p.bounds(), c.bounds()) {
        (Some((_, pe)), Some((_, ce))) => pe < ce,
        _ => p.year() < c.year(),
    }
}

/// Links the mentions of tokens `first..end` of `sentence` into claims, appended to `claims`;
/// `whole` is the sentence's number when the tokens are all of it.
fn link_tokens(
    doc: &Document,
    ex: &Extraction,
    (sentence, whole): (Span, Option<usize>),
    first: usize,
    end: usize,
    state: &mut Running,
    claims: &mut Vec<Claim>,
) {
    let marks = &mut state.marks;
    let text = &doc.text;
    let ms_first = ex.mention_tokens.partition_point(|&(f, _)| f < first);
    let ms_end = ex.mention_tokens.partition_point(|&(f, _)| f < end);
    if ms_first == ms_end {
        return;
    }
    match whole {
        Some(k) => {
            marks.clear();
            marks.extend_from_slice(state.sentence_marks.get_mut().of(doc, ex, k, (first, end)));
        }
        None => periods::find(doc.lang, text, &ex.tokens, first, end, doc.date, marks),
    }
    let mut s = Sentence {
        lang: doc.lang,
        w: &doc.lang.claims,
        text,
        toks: &ex.tokens,
        mentions: &ex.mentions,
        mtoks: &ex.mention_tokens,
        first,
        end,
        ms: ms_first..ms_end,
        marks,
        date: doc.date,
        covered: covered(first, end, marks, &ex.mention_tokens[ms_first..ms_end]),
        roles: vec![Role::Free; ms_end - ms_first],
        drafts: Vec::new(),
        figure_marks: Vec::new(),
    };
    s.link();
    s.figure_marks = s.ms.clone().map(|m| s.find_figure_mark(m)).collect();
    if s.drafts.iter().any(|d| d.baseline.is_some()) && s.unadjusted_split() {
        // A stock split rescales per-share figures: before and after are not comparable.
        for d in &mut s.drafts {
            d.baseline = None;
        }
    }
    let start_id = claims.len();
    let mut order: Vec<usize> = (0..s.drafts.len()).collect();
    order.sort_by_key(|&d| s.drafts[d].first);
    let owned: Vec<usize> = s.figure_marks.iter().flatten().copied().collect();
    let mut built: Vec<Option<Claim>> = vec![None; s.drafts.len()];
    let carried = state.period;
    let reporting = || {
        *state.reporting.get_or_init(|| {
            super::reporting::period(doc, ex, &mut state.sentence_marks.borrow_mut())
        })
    };
    // The period the sentence names for its last figure (drafts go in order; only heads name
    // one).
    let mut named: Option<Period> = None;
    // The period each draft's own phrase names, when there are several drafts.
    let several = s.drafts.len() > 1;
    let mut owns: Vec<Option<Period>> = if several {
        vec![None; s.drafts.len()]
    } else {
        Vec::new()
    };
    // Heads first, so inherited claims can take their subject and period.
    for pass in 0..2 {
        for &d in &order {
            if (s.drafts[d].inherited_from.is_some()) != (pass == 1) {
                continue;
            }
            let head = s.drafts[d].inherited_from.and_then(|h| built[h].clone());
            let (claim, own) = build(
                &s,
                d,
                sentence,
                &owned,
                head.as_ref(),
                (carried, &reporting),
                named,
            );
            // "rose 0.3% last month, from being down 0.4% in July": a figure for an earlier
            // period later in the sentence looks back; the sentence stays in the later one.
            named = match (own, named) {
                (Some(o), Some(n)) if ends_before(o, n) => Some(n),
                (o, n) => o.or(n),
            };
            if let Some(o) = owns.get_mut(d) {
                *o = own;
            }
            built[d] = Some(claim);
        }
        if pass > 0 || !several {
            continue;
        }
        // "expanded by 18.5 percent year on year but contracted by 1.8 percent quarter on
        // quarter in the second quarter": the period named for the last of changes in joined
        // clauses is the earlier ones' too, over one carried from earlier sentences.
        let heads: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&d| s.drafts[d].inherited_from.is_none())
            .collect();
        let mut late = owns.clone();
        for pair in heads.windows(2).rev() {
            let (d, e) = (pair[0], pair[1]);
            let Some(p) = late[e] else {
                continue;
            };
            let unnamed = built[d].as_ref().is_some_and(|c| {
                let period = c.value.as_ref().map_or(c.period, |v| v.period);
                c.period_assumed || period == carried
            });
            if owns[d].is_none() && unnamed && s.clauses_joined(d, e) {
                let (claim, _) = build(
                    &s,
                    d,
                    sentence,
                    &owned,
                    None,
                    (carried, &reporting),
                    Some(p),
                );
                built[d] = Some(claim);
                late[d] = Some(p);
            }
        }
    }
    // An earlier period named later is nearly always a look back ("the last time the rate was
    // this low was in December 1969"), not the period the story moves on to.
    // Nor does a forecast over a longer span move it ("its net for the whole of 1987 will
    // be reduced by about 51 mln dlrs" in a story of the first quarter).
    let forecast = || (s.first..s.end).any(|k| s.is_any(k, &s.w.outlook));
    let wider = |p: Period, c: Period| match (p.bounds(), c.bounds()) {
        (Some((a, b)), Some((x, y))) => a <= x && y <= b && (a, b) != (x, y),
        _ => false,
    };
    if let Some(p) = named.filter(|&p| {
        state.lead
            || state
                .period
                .is_none_or(|c| !(ends_before(p, c) || wider(p, c) && forecast()))
    }) {
        state.period = Some(p);
        state.lead = false;
    }
    let mut id_of = vec![0; s.drafts.len()];
    for (n, &d) in order.iter().enumerate() {
        id_of[d] = start_id + n + 1;
    }
    for d in order {
        if let Some(mut c) = built[d].take() {
            c.id = id_of[d];
            if let Some(ch) = c.change.as_mut() {
                ch.restates = s.drafts[d].restates.map(|r| id_of[r]);
            }
            claims.push(c);
        }
    }
}

/// The first and last month of a span of whole months, or its first and last year when it
/// spans whole years ("between 2019 and 2023"); `None` for one month, or a span of days.
fn ends_of_span(from: Date, to: Date) -> Option<(Period, Period)> {
    let whole = from.day == 1 && to == Date::month_end(to.year, to.month);
    if !whole || (from.year, from.month) == (to.year, to.month) {
        return None;
    }
    Some(
        if from.month == 1 && to.month == 12 && from.year < to.year {
            (Period::Year(from.year), Period::Year(to.year))
        } else {
            (
                Period::Month(from.year, from.month),
                Period::Month(to.year, to.month),
            )
        },
    )
}

/// Which tokens of the sentence `toks[first..end]` the period phrases `marks` and the mention
/// token ranges `mentions` cover.
fn covered(
    first: usize,
    end: usize,
    marks: &[PeriodMark],
    mentions: &[(usize, usize)],
) -> Vec<bool> {
    let mut covered = vec![false; end - first];
    let ranges = marks
        .iter()
        .map(|m| (m.first, m.end))
        .chain(mentions.iter().copied());
    for (from, to) in ranges {
        let (from, to) = (from.clamp(first, end), to.clamp(first, end));
        covered[from - first..to - first].fill(true);
    }
    covered
}

/// The figure of mention `m` (the `index`-th of its article), of `period`.
pub(super) fn figure(m: &Mention, index: usize, period: Option<Period>) -> Figure {
    Figure {
        stated: Some(m.span),
        interval: m.interval,
        unit: m.unit,
        period,
        implied: false,
        mention: Some(index),
    }
}

/// Gives a bare figure the unit and scale of the other side of its comparison ("to 320.5
/// mln dlrs from 284.9", "to 56,195 from 57,276", "from 3.50 billion to 4.80").
/// Gives the bare one of a value and its baseline the other's unit and scale; with `money`
/// (two amounts of one currency, neither a rate per unit: "1.10 dlrs a share in 1986, up from
/// 7.7 mln dlrs" sets two different measures side by side) an amount without a scale word
/// takes the other's.
fn align_units(
    text: &str,
    (vm, value): (&Mention, &mut Figure),
    (bm, base): (&Mention, &mut Figure),
    money: bool,
) {
    if !adopt(text, (bm, base), (vm, value), money) {
        adopt(text, (vm, value), (bm, base), money);
    }
}

/// Gives `fig`, if bare, the unit and missing scale of `other`; true if it did.
fn adopt(
    text: &str,
    (m, fig): (&Mention, &mut Figure),
    (other_m, other): (&Mention, &Figure),
    money: bool,
) -> bool {
    // "100 mln" beside "105 mln dlrs" takes the unit; "4.80" beside "3.50 billion" the scale.
    let bare = m.kind == MentionKind::Number && !m.words;
    let other_bare = other_m.kind == MentionKind::Number && !other_m.words;
    if !(bare || money)
        || other_bare && other_m.unit.is_none() && scale_of(text, other_m) == Some(1.0)
    {
        return false;
    }
    // The other's scale word, missing from a figure a hundredfold smaller (the sizes first:
    // reading the scale words costs more).
    let missing = (other.interval.mid().abs() > 100.0 * fig.interval.mid().abs()
        && scale_of(text, m) == Some(1.0))
    .then(|| scale_of(text, other_m))
    .flatten()
    .filter(|&s| s > 1.0);
    // "a $71.6 billion deficit ..., down from $78.3 in October": an amount of money takes
    // only a missing scale word.
    if !bare && missing.is_none() {
        return false;
    }
    fig.unit = other.unit;
    if let Some(s) = missing {
        fig.interval = fig.interval.scale(s);
    }
    true
}

/// Builds draft `d` into a claim; `owned` are the period phrases that follow a mention
/// directly ("1238 tons in May"), `head` the claim whose value an inherited draft shares.
/// Builds draft `d` into a claim, with `carried` as the period of a figure whose sentence
/// names none, `reporting` the period a comparison is assumed to be about when no period
/// applies, and `named_before` the one the sentence named for an earlier figure (what "in
/// the previous quarter" looks back from); also returns the period the sentence itself names
/// for it, if any.
fn build(
    s: &Sentence,
    d: usize,
    sentence: Span,
    owned: &[usize],
    head: Option<&Claim>,
    (carried, reporting): (Option<Period>, &dyn Fn() -> Option<Period>),
    named_before: Option<Period>,
) -> (Claim, Option<Period>) {
    let dr = &s.drafts[d];
    let own_current_mark =
        |m: usize| -> Option<usize> { s.figure_mark(m).filter(|&k| !s.marks[k].baseline) };
    // "increased 3.4% year over year in December": a claim without a value is about the
    // period right after its words, before any earlier in the sentence ("Imports in April
    // gained 18.6%, compared with a 26.3% rise in March").
    // So is one later in its clause, with no figure or punctuation between: "the 1.4%
    // year-over-year increase in gasoline prices in December".
    let after_words = || {
        dr.value.is_none().then_some(())?;
        // Not the baseline's own phrase ("from the 164.7 mln dlrs reported for February").
        s.mark_after_words(dr.end.max(dr.phrase.1))
            .filter(|&k| dr.baseline.and_then(|b| s.figure_mark(b)) != Some(k))
    };
    // The current period: a phrase right after the value, else the nearest unowned current
    // phrase before the claim in the sentence, else one inside the claim.
    // "grew 9% in the first quarter to $137.4 billion": the change's own phrase too.
    // "increased by 28% or €6.2 billion in September to €28.5 billion": the phrase after the
    // change restated in another measure is the change's too.
    let of_restatement = |k: usize| {
        let mark_of = |r: usize| s.drafts[r].change.and_then(|c| s.figure_mark(c)) == Some(k);
        dr.restates.is_some_and(mark_of)
            || (0..s.drafts.len()).any(|r| s.drafts[r].restates == Some(d) && mark_of(r))
    };
    let inside = |k: usize| {
        let of_change = dr.change.and_then(|c| s.figure_mark(c));
        !s.marks[k].baseline
            && Some(k) != dr.baseline_mark
            && (!owned.contains(&k) || of_change == Some(k) || of_restatement(k))
            && s.marks[k].first >= dr.first
            && s.marks[k].first < dr.end
    };
    // "showed on Wednesday the region's house prices fell by 1.4 per cent in August
    // year-on-year": a change without a value is about the period inside its own words
    // before one earlier in the sentence.
    let own_words = || {
        dr.value.is_none().then_some(())?;
        (0..s.marks.len()).find(|&k| {
            inside(k) && !s.marks[k].basis && matches!(s.marks[k].period, PeriodRef::Absolute(_))
        })
    };
    let current_mark = dr
        .value
        .filter(|_| dr.inherited_from.is_none())
        .and_then(own_current_mark)
        .or_else(after_words)
        .or_else(own_words)
        .or_else(|| {
            let anchor = dr
                .value
                .filter(|_| dr.inherited_from.is_none())
                .map_or(dr.first, |v| s.mtoks[v].0.min(dr.first));
            (0..s.marks.len())
                .rfind(|&k| !s.marks[k].baseline && !owned.contains(&k) && s.marks[k].end <= anchor)
        })
        .or_else(|| (0..s.marks.len()).find(|&k| inside(k)))
        .or_else(|| {
            // "exported 3188 tons of rare earth magnets to the world in June": later in the clause.
            let v = dr.value.filter(|_| dr.inherited_from.is_none())?;
            let clause_end = (s.mtoks[v].1..s.end)
                .find(|&k| s.is(k, ",") || s.is(k, ";"))
                .unwrap_or(s.end);
            // "... from 360.1 mln a year earlier and for the two-month period available miles
            // totaled 1.32 billion": a phrase opening the next clause is that clause's.
            let opens_clause = |k: usize| {
                let f = s.marks[k].first;
                let at =
                    f - usize::from(f > s.first && s.is_any(f - 1, &s.lang.periods.prepositions));
                at > s.first && s.is_any(at - 1, &s.w.clause_joiners)
            };
            (0..s.marks.len()).find(|&k| {
                !s.marks[k].baseline
                    && s.marks[k].first >= s.mtoks[v].1
                    && s.marks[k].first <= s.mtoks[v].1 + 8
                    && s.marks[k].end <= clause_end
                    && !opens_clause(k)
                    && !owned.iter().any(|&o| {
                        o == k && s.ms.clone().any(|m| m != v && s.figure_mark(m) == Some(k))
                    })
            })
        });
    // "98 mln dlrs a year ago": the value's own phrase is relative to the sentence's period.
    let relative_mark = dr
        .value
        .filter(|_| dr.inherited_from.is_none())
        .and_then(|v| s.figure_mark(v))
        .filter(|&k| {
            s.marks[k].period.is_comparison() && !s.marks[k].basis && Some(k) != dr.baseline_mark
        });
    let named = current_mark.and_then(|k| s.marks[k].period.resolve(None));
    // Only a comparison is read in the period the article last named.
    let compares = matches!(dr.kind, ClaimKind::Change | ClaimKind::Multiple);
    // "slipped 0.6% between December and January", "between 2019 and 2023": a move from one
    // end to the other, about the later end, from the earlier.
    let between_word = s.lang.periods.between;
    let opened = |k: usize| {
        let f = s.marks[k].first;
        s.is(f, between_word) || f > s.first && s.is(f - 1, between_word)
    };
    let between = current_mark
        .filter(|_| compares && dr.value.is_none())
        .and_then(|k| {
            if opened(k) {
                // One phrase: "between December and January".
                if let Some(ends) = named
                    .and_then(|p| p.bounds())
                    .and_then(|(from, to)| ends_of_span(from, to))
                {
                    return Some(ends);
                }
            }
            // Two phrases: "between March 2023 and March 2024", the claim's period read at
            // either.
            let joined = |a: usize, b: usize| {
                opened(a)
                    && s.marks[b].first > s.marks[a].end
                    && (s.marks[a].end..s.marks[b].first).all(|j| s.is(j, s.w.and))
            };
            let (a, b) = if k > 0 && joined(k - 1, k) {
                (k - 1, k)
            } else if k + 1 < s.marks.len() && joined(k, k + 1) {
                (k, k + 1)
            } else {
                return None;
            };
            let from = s.marks[a].period.resolve(None)?;
            let to = s.marks[b].period.resolve(None)?;
            ends_before(from, to).then_some((from, to))
        });
    let named = between.map(|(_, to)| to).or(named);
    // "the 2.1% expansion in the previous quarter": the period before the sentence's.
    let looking_back = current_mark
        .filter(|&k| s.marks[k].period.is_comparison())
        .and_then(|k| s.marks[k].period.resolve(named_before.or(carried)));
    let base_mark = dr
        .baseline
        .and_then(|b| s.figure_mark(b))
        .or(dr.baseline_mark)
        .or_else(|| {
            // "a year-on-year decrease of 18.9%"; "On a year-on-year basis, M2 rose 16 pct":
            // words of how changes are measured, leading the sentence and set off by a
            // comma, are those of its changes with no baseline figure.
            let from = dr.phrase.0.saturating_sub(7).max(s.first);
            let lead = |k: usize| {
                let m = &s.marks[k];
                m.basis && m.first == s.first && s.is(m.end, ",") && dr.baseline.is_none()
            };
            (0..s.marks.len()).find(|&k| {
                s.marks[k].period.is_comparison()
                    && (s.marks[k].first >= from || lead(k))
                    && s.marks[k].end <= dr.phrase.1
            })
        });
    // "dropped to $49.3 billion from $55.7 billion in October": the period after the
    // baseline's, when the sentence names no other and it has begun by the article's date.
    let following = || {
        let k = base_mark.filter(|&k| matches!(s.marks[k].period, PeriodRef::Absolute(_)))?;
        let base = s.marks[k].period.resolve(None)?;
        let p = base.following()?;
        let begun = |p: &Period| match (p.bounds(), s.date) {
            (Some((start, _)), Some(d)) => start <= d,
            _ => true,
        };
        // "up 78.4 pct from 825,087 contracts in February last year", in a March 1987
        // story: figures come out within weeks, so a next month long over by the article's
        // date makes the comparison one with the same month a year earlier.
        let long_over = |p: &Period| match (p.bounds(), s.date) {
            (Some((_, end)), Some(d)) => end.add_days(periods::REPORTED_WITHIN_DAYS) < d,
            _ => false,
        };
        if long_over(&p) {
            let year_later = base.years_earlier(-1);
            return (begun(&year_later) && !long_over(&year_later)).then_some(year_later);
        }
        begun(&p).then_some(p)
    };
    let mut inferred = None;
    let mut assumed = false;
    let current = match head {
        Some(h) => {
            assumed = h.period_assumed;
            h.value.as_ref().and_then(|v| v.period)
        }
        None => {
            // "exports rose 10% in June, while imports jumped 15.5%": the period the sentence
            // named for an earlier figure, before the one carried from earlier sentences.
            // Not over a period the claim names in words not read ("and increased 73 pct in
            // the two months").
            let names_own = || {
                let end = dr.end.max(dr.phrase.1);
                (dr.first..(end + 4).min(s.end))
                    .take_while(|&k| k < end || !s.is_punct(k))
                    .any(|k| s.is_any(k, &s.lang.periods.same_units))
            };
            let earlier_in_sentence = named_before.filter(|_| !names_own());
            let sentence_period = named
                .or(looking_back)
                .or_else(|| {
                    compares
                        .then(|| s.traded_on_the_day(dr, base_mark))
                        .flatten()
                })
                .or(earlier_in_sentence.or(carried).filter(|_| compares));
            match relative_mark {
                Some(k) => s.marks[k].period.resolve(sentence_period),
                None if sentence_period.is_none() && (compares || dr.baseline.is_some()) => {
                    inferred = following()
                        .or_else(|| s.settled_on_the_day(dr))
                        .or_else(|| s.decided_this_month(dr));
                    // The article's period, unless the sentence names one of its own that
                    // linking left unattached, or one for another figure that does not end
                    // before it.
                    inferred
                        .or_else(|| {
                            let p = reporting()
                                .filter(|&p| s.names_only_earlier(p))
                                .filter(|_| !s.names_unattached_period(dr, base_mark, owned));
                            assumed = p.is_some();
                            p
                        })
                        .or_else(|| s.stands_today(dr))
                }
                None => sentence_period,
            }
        }
    };
    // "HY 2024 | HY 2023 | Change |" over a results row: a figure's column names its period.
    let header = |m: Option<usize>| m.filter(|_| dr.table_row).and_then(|m| s.header_period(m));
    let current = match header(dr.value) {
        Some(p) => {
            assumed = false;
            Some(p)
        }
        None => current,
    };
    // "on Tuesday decided to increase the cash rate target by 25 basis points": the month.
    let current = match current {
        Some(Period::Day(y, m, _)) if head.is_none() && s.sets_a_policy_rate(dr) => {
            Some(Period::Month(y, m))
        }
        p => p,
    };
    let value = dr.value.map(|m| {
        let mut f = s.row_figure(dr, m, dr.baseline, current);
        if let Some(h) = head.and_then(|h| h.value.clone()) {
            f = h;
        }
        f
    });
    let base_period = header(dr.baseline)
        .or_else(|| base_mark.and_then(|k| s.marks[k].period.resolve(current)))
        .or(between.map(|(from, _)| from));
    let mut baseline = dr
        .baseline
        .map(|b| s.row_figure(dr, b, dr.value, base_period));
    let mut value = value;
    if let (Some(v), Some(b), Some(bm), Some(vf)) =
        (dr.value, baseline.as_mut(), dr.baseline, value.as_mut())
    {
        if dr.inherited_from.is_none() {
            let per_unit = |m: usize| s.after_rate(s.mtoks[m].1) != s.mtoks[m].1;
            // Only two amounts of one currency can take each other's scale.
            let (vm, bmm) = (&s.mentions[v], &s.mentions[bm]);
            let money = vm.kind == MentionKind::Currency
                && bmm.kind == MentionKind::Currency
                && vm.unit == bmm.unit
                && !per_unit(v)
                && !per_unit(bm);
            align_units(s.text, (&s.mentions[v], vf), (&s.mentions[bm], b), money);
        }
    }
    // Figures a hundredfold apart are misread or mislinked ("25.269" for 25,269 in a
    // European style, a scale word missing), far more often than misreported; unless both
    // carry a scale word: "to 8.21 billion tonnes from 11.34 mln" is a scale slip to report.
    let both_scaled = match (dr.value, dr.baseline) {
        (Some(v), Some(b)) => [v, b]
            .iter()
            .all(|&m| scale_of(s.text, &s.mentions[m]).is_some_and(|f| f > 1.0)),
        _ => false,
    };
    if let (Some(v), Some(b)) = (&value, &baseline) {
        if !b.implied && !both_scaled && !super::comparable_size(&v.interval, &b.interval) {
            baseline = None;
        }
    }
    if baseline.is_none() && base_period.is_some() {
        baseline = Some(Figure {
            stated: None,
            interval: Interval::everything(),
            unit: value.as_ref().and_then(|v| v.unit),
            period: base_period,
            implied: true,
            mention: None,
        });
    }
    let change = dr
        .change
        .map(|m| {
            let men = &s.mentions[m];
            // "down -3.9%": the minus repeats the direction, it does not turn a fall into a
            // rise.
            let repeated_minus = men.interval.high <= 0.0;
            let direction = s.said_direction(d);
            let sign = match direction {
                Some((Direction::Down, _)) if dr.measure != Measure::Multiple && repeated_minus => {
                    1.0
                }
                Some((Direction::Down, _)) if dr.measure != Measure::Multiple => -1.0,
                _ => 1.0,
            };
            Change {
                stated: Span::new(s.toks[dr.phrase.0].start, s.toks[dr.phrase.1 - 1].end)
                    .cover(men.span),
                measure: dr.measure,
                interval: men.interval.scale(sign),
                truncated: men.truncated.scale(sign),
                direction: direction.map(|(d, _)| d),
                direction_span: direction.map(|(_, t)| Span::new(s.toks[t].start, s.toks[t].end)),
                times_more: dr.times_more,
                mention: Some(m),
                restates: None,
            }
        })
        .or_else(|| {
            // "unchanged at 4.1%": a change of zero, in the measure the drafter chose.
            let flat = matches!(dr.direction, Some((Direction::Flat, _)));
            let (measure, interval) = if flat {
                (dr.measure, Interval::point(0.0))
            } else {
                (Measure::Absolute, Interval::everything())
            };
            (dr.kind == ClaimKind::Change).then(|| Change {
                stated: Span::new(s.toks[dr.phrase.0].start, s.toks[dr.phrase.1 - 1].end),
                measure,
                interval,
                truncated: interval,
                direction: dr.direction.map(|(d, _)| d),
                direction_span: dr
                    .direction
                    .map(|(_, t)| Span::new(s.toks[t].start, s.toks[t].end)),
                times_more: false,
                mention: None,
                restates: None,
            })
        });
    let value_stated = value.is_some();
    let end = dr.end.max(dr.phrase.1).min(s.end).max(dr.first + 1);
    let span = Span::new(s.toks[dr.first].start, s.toks[end - 1].end);
    let subject = match head {
        Some(h) => h.subject.clone(),
        None => subject_of(s, dr),
    };
    let claim = Claim {
        id: 0,
        kind: dr.kind,
        span,
        sentence,
        subject,
        value,
        change,
        baseline,
        period: if value_stated { None } else { current },
        period_assumed: assumed,
        registry: None,
    };
    // A year named for a figure alone is often a forecast or an aside ("growth would be just
    // 1% in 2005"), not the period the story reports.
    let source = compares || !matches!(named, Some(Period::Year(_)));
    (
        claim,
        named
            .filter(|_| source && head.is_none() && relative_mark.is_none())
            .or(inferred),
    )
}

/// The subject phrase: the clause before the claim, plus an "of ..." phrase after a
/// leading value ("exported 3188 tons of rare earth magnets to the world").
fn subject_of(s: &Sentence, dr: &Draft) -> String {
    let anchor = dr.value.map_or(dr.first, |v| s.mtoks[v].0.min(dr.first));
    let mut start = anchor;
    while start > s.first {
        let t = &s.toks[start - 1];
        // A straight quote glued on both sides is an apostrophe ("BBME"s net profit", as
        // the old wires print it), not a quotation's start.
        let apostrophe = !t.space_before && start < s.end && !s.toks[start].space_before;
        if t.kind == Kind::Punct
            && matches!(
                t.text(s.text),
                "," | ";" | ":" | "(" | "“" | "\"" | "—" | "–"
            )
            && !(apostrophe && t.text(s.text) == "\"")
        {
            // Keep going past a comma that only closes an opening period phrase.
            break;
        }
        start -= 1;
    }
    let skip = |i: usize| s.covered[i - s.first];
    // "Exports rose 5% to $10bn and imports fell 3%": the subject starts after an earlier
    // claim of the clause; "the sector expanded by 18.5 percent but contracted by 1.8
    // percent": with nothing but fillers between, the two share the earlier one's.
    let earlier = s
        .drafts
        .iter()
        .filter(|e| e.first >= start && e.end > e.first && e.end <= anchor && e.first < dr.first)
        .max_by_key(|e| e.end);
    if let Some(e) = earlier {
        let text = subject::phrase(s.lang, s.text, s.toks, e.end, anchor, skip);
        return if text.is_empty() {
            subject_of(s, e)
        } else {
            text
        };
    }
    let mut text = subject::phrase(s.lang, s.text, s.toks, start, anchor, skip);
    if let Some(v) = dr
        .value
        .filter(|_| dr.first == s.mtoks[dr.value.unwrap_or(0)].0)
    {
        let k = s.mtoks[v].1;
        if s.is(k, s.w.of) {
            let mut e = k + 1;
            while e < s.end
                && !s.is_punct(e)
                && s.mention_starting(e).is_none()
                && s.mark_at(e).is_none()
                && s.direction_at(e).is_none()
            {
                e += 1;
            }
            let tail = subject::phrase(s.lang, s.text, s.toks, k + 1, e, skip);
            if !tail.is_empty() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&tail);
            }
        }
    }
    if text.is_empty() && start > s.first {
        // "In the first half of 2025, China's exports ..." — look one clause further back.
        let mut back = start - 1;
        while back > s.first
            && !(s.toks[back - 1].kind == Kind::Punct
                && matches!(s.toks[back - 1].text(s.text), "," | ";" | ":"))
        {
            back -= 1;
        }
        text = subject::phrase(s.lang, s.text, s.toks, back, start - 1, skip);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimKind;

    #[test]
    fn a_window_is_never_cut_inside_a_mention() {
        let mtoks = [(10, 12), (398, 402), (700, 701)];
        assert_eq!(
            window_end(0, 100, &mtoks),
            100,
            "short sentences are one window"
        );
        assert_eq!(
            window_end(0, 1000, &mtoks),
            398,
            "cut before the mention at the cut"
        );
        assert_eq!(window_end(398, 1000, &mtoks), 798);
        assert_eq!(
            window_end(398, 1000, &[(398, 900)]),
            900,
            "a mention longer than a window makes a window of its own"
        );
    }

    /// A "sentence" of 300 figure clauses (no full stop: hostile input, or a table run
    /// together) is linked window by window, and each clause still gives its claim.
    #[test]
    fn a_sentence_longer_than_a_window_still_links_its_figures() {
        let clause = "sales rose 5 pct to 10 mln dlrs from 9.5 mln and ";
        let text = format!("{}profits fell.", clause.repeat(300));
        let doc = Document::new(
            "t".into(),
            "t.md".into(),
            text.clone(),
            Span::new(0, text.len()),
        );
        let report = crate::analysis::check(doc, None);
        let linked = report
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Change && c.value.is_some() && c.baseline.is_some())
            .count();
        // Only a clause cut by a window boundary may lose its baseline.
        let windows = text.split_whitespace().count() * 2 / MAX_LINK_TOKENS + 1;
        assert!(linked + windows >= 300, "{linked} of 300 linked");
        assert!(report.findings.is_empty(), "{:?}", report.findings);
    }

    /// Every rule's findings on `text`, as an article with no front matter.
    fn check(text: &str) -> crate::analysis::Checked {
        let doc = Document::new(
            "t".into(),
            "t.md".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        crate::analysis::check(doc, None)
    }

    #[test]
    fn a_spaced_table_takes_its_columns_order_from_its_header() {
        let header = "County 2018 spending (in millions) 2019 spending (in millions) Percent \
                      change versus 2018\n";
        let rows = "Brown County $696.5 $717.9 3.07%\nFlorence County $5.4 $5.2 -3.99%\n";
        let fine = check(&format!("{header}{rows}"));
        assert_eq!(fine.claims.len(), 2, "{:?}", fine.claims);
        assert!(fine.findings.is_empty(), "{:?}", fine.findings);
        let value = fine.claims[0].value.as_ref().expect("a value");
        assert!((value.interval.low - 717.85).abs() < 1e-9, "{value:?}");
        let wrong = check(&format!("{header}Green Lake County $42.8 $36.2 -5.40%\n"));
        assert!(
            wrong.findings.iter().any(|f| f.rule == "change-mismatch"),
            "{:?}",
            wrong.findings
        );
        // With the later year first, the first figure stays the value.
        let later = check("Item 2019 2018 Change\nBrown County $717.9 $696.5 3.07%\n");
        assert!(later.findings.is_empty(), "{:?}", later.findings);
    }

    /// A row of three figures written alike before its change (Domain's house price report:
    /// this quarter's median, last quarter's, last year's, then the quarterly and the annual
    /// change) does not say which two the change compares: no link, and no false error. A
    /// footnote mark before two figures is no third column.
    #[test]
    fn a_row_of_three_alike_figures_links_no_change() {
        let header = "Capital CityJun-22Mar-22Jun-21QoQYoY\n";
        let rows = "Sydney$1,552,015 $1,595,797 $1,432,880\n-2.7%\n+8.3%\n\
                    Brisbane$840,594 $838,599 $673,880\n+0.2%\n+24.7%\n";
        let table = check(&format!("{header}{rows}"));
        assert!(table.findings.is_empty(), "{:?}", table.findings);
        assert!(
            table.claims.iter().all(|c| c.baseline.is_none()),
            "{:?}",
            table.claims
        );
        let two = check("Item 2019 2018 Change\nBrown County $717.9 $696.5 3.07%\n");
        assert!(two.claims[0].baseline.is_some(), "{:?}", two.claims);
        let footnote = check("Reported EBITDA 1 13.2 18.5 (28.6%)\n");
        let change = footnote.claims.iter().find(|c| c.change.is_some());
        assert!(
            change.is_some_and(|c| c.baseline.is_some() && c.value.is_some()),
            "{:?}",
            footnote.claims
        );
    }

    /// A minus sign after "down" repeats the direction ("down -3.9%" is a fall of 3.9%, as
    /// printed in a car-registrations release), and is checked as such.
    #[test]
    fn a_minus_after_down_is_a_fall() {
        let fine = check("Registrations were down -3.9% from 2,150,495 to 2,066,411.");
        let change = fine.claims[0].change.as_ref().expect("a change");
        assert!(change.interval.high < 0.0, "{:?}", change.interval);
        assert!(fine.findings.is_empty(), "{:?}", fine.findings);
        let wrong = check("Registrations were down -5.9% from 2,150,495 to 2,066,411.");
        assert!(
            wrong.findings.iter().any(|f| f.rule == "change-mismatch"),
            "{:?}",
            wrong.findings
        );
    }
}
