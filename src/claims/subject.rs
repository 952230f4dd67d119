//! Subjects: the phrase naming what a claim measures ("China's export volume to the US"),
//! and the key words that decide whether two claims measure the same thing.

use crate::extract::tokens::{Kind, Token};
use crate::extract::Low;
use crate::lang::en;
use crate::lang::shapes::Shapes;

/// Words dropped from the end of a subject: verbs and prepositions that lead into the figure.
fn is_trailing_filler(w: &str) -> bool {
    en::direction(w).is_some()
        || matches!(
            w,
            "to" | "at"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "of"
                | "by"
                | "totalled"
                | "totaled"
                | "totalling"
                | "reached"
                | "stood"
                | "amounted"
                | "hit"
                | "a"
                | "an"
                | "the"
                | "and"
                | "with"
                | "from"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "last"
                | "this"
                | "its"
                | "their"
                | "about"
                | "some"
                | "around"
                | "nearly"
                | "almost"
                | "over"
                | "more"
                | "than"
                | "record"
                | "further"
                | "sharply"
                | "slightly"
                | "strongly"
                | "significantly"
                | "also"
                | "still"
                | "which"
                | "that"
                | "for"
                | "in"
                | "on"
        )
}

/// Verbs that end the clause before a subject ("the company said sales ...").
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "reported",
    "reports",
    "announced",
    "estimated",
    "expects",
    "expected",
    "forecast",
    "predicted",
    "showed",
    "shows",
    "added",
    "noted",
    "compared",
    "told",
];

const REPORTING_VERB_SHAPES: Shapes = Shapes::EMPTY.with_all(REPORTING_VERBS);

/// Whether token `t` of `text` is a reporting verb.
fn is_reporting_verb(text: &str, t: &Token) -> bool {
    t.may_be_in(&REPORTING_VERB_SHAPES)
        && Low::new(t.text(text)).is_some_and(|w| REPORTING_VERBS.contains(&w.as_str()))
}

fn is_leading_filler(w: &str) -> bool {
    matches!(
        w,
        "overall"
            | "meanwhile"
            | "however"
            | "but"
            | "and"
            | "also"
            | "as"
            | "while"
            | "whereas"
            | "that"
            | "which"
            | "the"
            | "in"
            | "by"
            | "so"
            | "then"
            | "still"
            | "its"
            | "of"
    )
}

/// Builds a subject from tokens `toks[first..end]`, skipping tokens for which `skip` is true
/// (period phrases, mentions), dropping leading and trailing fillers and anything up to a
/// reporting verb, at most 12 words.
pub fn phrase(
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    skip: impl Fn(usize) -> bool,
) -> String {
    let kept = |i: &usize| !skip(*i);
    let is_word = |i: usize, test: fn(&str) -> bool| toks[i].low(text).is_some_and(|w| test(&w));
    let droppable =
        |i: usize, filler: fn(&str) -> bool| toks[i].kind == Kind::Punct || is_word(i, filler);
    // The last kept token that is not a trailing filler.
    let Some(last) = (first..end)
        .rev()
        .filter(kept)
        .find(|&i| !droppable(i, is_trailing_filler))
    else {
        return String::new();
    };
    // "the company said sales ..." → "sales ..."
    let from = (first..=last)
        .rev()
        .filter(kept)
        .find(|&i| is_reporting_verb(text, &toks[i]))
        .map_or(first, |i| i + 1);
    let Some(from) = (from..=last)
        .filter(kept)
        .find(|&i| !droppable(i, is_leading_filler))
    else {
        return String::new();
    };
    // At most the last 12 kept tokens.
    let from = (from..=last)
        .rev()
        .filter(kept)
        .take(12)
        .last()
        .unwrap_or(from);
    let mut out = String::with_capacity(toks[last].end - toks[from].start);
    let mut previous: Option<usize> = None;
    for i in (from..=last).filter(kept) {
        let t = &toks[i];
        if previous.is_some_and(|p| t.space_before || p != i - 1) {
            out.push(' ');
        }
        out.push_str(t.text(text));
        previous = Some(i);
    }
    out
}

/// Keys that say where or how much of something, not what is measured.
const PLACES_AND_SCOPES: &[&str] = &["us", "uk", "china", "japan", "eu", "world", "domestic"];

/// What a subject word contributes to telling measures apart.
enum Key {
    /// A known place, scope or measure, normalised ("U.S." and "America" are "us").
    Known(&'static str),
    /// Another proper noun ("Northern Rare Earth"), compared as written.
    Proper,
}

/// Normalises a subject word into a key, or `None` if the word does not tell measures apart.
fn key(word: &str, capitalized: bool) -> Option<Key> {
    let w = word
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_ascii_lowercase();
    Some(Key::Known(match w.as_str() {
        "us" | "u.s" | "america" | "american" | "usa" => "us",
        "uk" | "britain" | "british" | "u.k" => "uk",
        "china" | "chinese" => "china",
        "japan" | "japanese" => "japan",
        "eu" | "europe" | "european" => "eu",
        "world" | "global" | "worldwide" | "total" | "overall" | "globally" => "world",
        "domestic" | "home" => "domestic",
        "export" | "exports" | "exported" | "exporting" | "shipments" => "export",
        "import" | "imports" | "imported" | "importing" => "import",
        "sales" | "sale" | "sold" | "revenue" | "revenues" | "revs" | "turnover" => "sales",
        "profit" | "profits" | "net" | "earnings" | "income" => "profit",
        "loss" | "losses" => "loss",
        "shr" | "eps" => "shr",
        "production" | "output" | "produced" | "produce" => "production",
        "price" | "prices" => "price",
        "deficit" => "deficit",
        "surplus" => "surplus",
        "unemployment" | "jobless" => "unemployment",
        "inflation" => "inflation",
        "gdp" | "economy" => "gdp",
        "dividend" | "div" => "dividend",
        "debt" => "debt",
        "reserves" => "reserves",
        "consumption" | "demand" => "demand",
        _ if capitalized
            && w.len() > 1
            && !is_leading_filler(&w)
            && !matches!(
                w.as_str(),
                "in" | "on"
                    | "for"
                    | "the"
                    | "a"
                    | "an"
                    | "it"
                    | "its"
                    | "this"
                    | "these"
                    | "those"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
            ) =>
        {
            return Some(Key::Proper);
        }
        _ => return None,
    }))
}

/// The key words of a subject: places, scopes and measures, plus proper nouns.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Keys {
    known: Vec<&'static str>,
    proper: Vec<String>,
}

impl Keys {
    pub fn of(subject: &str) -> Keys {
        let mut keys = Keys::default();
        let normalized = subject
            .replace("United States", "US")
            .replace("U.S.", "US")
            .replace("United Kingdom", "UK");
        for (n, word) in normalized
            .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\'' || c == '.'))
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            let word = word.trim_matches('.');
            let capitalized = n > 0 && word.starts_with(|c: char| c.is_uppercase());
            match key(word, capitalized) {
                Some(Key::Proper) => {
                    let w = word
                        .trim_end_matches("’s")
                        .trim_end_matches("'s")
                        .to_lowercase();
                    if !keys.proper.contains(&w) {
                        keys.proper.push(w);
                    }
                }
                Some(Key::Known(k)) if !keys.known.contains(&k) => keys.known.push(k),
                Some(Key::Known(_)) => {}
                None => {}
            }
        }
        keys.known.sort_unstable();
        keys.proper.sort_unstable();
        keys
    }

    /// Names what is measured (exports, sales, profit...), not only where or who.
    pub fn has_measure(&self) -> bool {
        self.known.iter().any(|k| !PLACES_AND_SCOPES.contains(k))
    }

    /// Whether two subjects name the same thing closely enough to compare their figures:
    /// the same key words, naming a measure, and mostly the same content words.
    pub fn same_thing(a: &str, b: &str) -> bool {
        let ka = Keys::of(a);
        if !ka.has_measure() || ka != Keys::of(b) {
            return false;
        }
        let (wa, wb) = (content_words(a), content_words(b));
        let shared = wa.iter().filter(|w| wb.contains(w)).count();
        let union = wa.len() + wb.len() - shared;
        // A one-word subject ("profit", "sales") says too little: many things have profits.
        let small = wa.len().min(wb.len());
        small >= 2 && (shared * 10 >= union * 6 || (small >= 3 && shared == small))
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty() && self.proper.is_empty()
    }
}

/// Words that say nothing about what is measured.
fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "for"
            | "from"
            | "by"
            | "at"
            | "and"
            | "or"
            | "its"
            | "their"
            | "his"
            | "her"
            | "this"
            | "that"
            | "these"
            | "those"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "with"
            | "volume"
            | "amount"
            | "level"
            | "figure"
            | "number"
            | "value"
            | "said"
            | "it"
            | "as"
            | "which"
            | "who"
            | "also"
            | "about"
            | "some"
            | "than"
            | "more"
            | "less"
    )
}

/// The content words of a subject, normalised ("exports" and "export" alike, "U.S." is "us").
fn content_words(subject: &str) -> Vec<String> {
    let normalized = subject
        .replace("United States", "US")
        .replace("U.S.", "US")
        .replace("United Kingdom", "UK");
    let mut out: Vec<String> = Vec::new();
    for word in normalized
        .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\''))
        .filter(|w| !w.is_empty())
    {
        let w = word
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .to_lowercase();
        if is_stopword(&w) {
            continue;
        }
        let w = match key(&w, false) {
            Some(Key::Known(k)) => k.to_string(),
            _ => w
                .strip_suffix('s')
                .filter(|s| s.len() > 2)
                .map_or(w.clone(), str::to_string),
        };
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn us_and_world_exports_are_different_measures() {
        let us1 = Keys::of("China’s export of rare earth magnets to the United States");
        let us2 = Keys::of("China’s export volume to the US");
        let world = Keys::of("China exported rare earth magnets to the world");
        assert_eq!(us1, us2);
        assert_ne!(us1, world);
        assert_ne!(Keys::of("China's imports"), Keys::of("China's exports"));
    }
}
