//! Subjects: the phrase naming what a claim measures ("China's export volume to the US"),
//! and the key words that decide whether two claims measure the same thing.

use crate::extract::tokens::{Kind, Token};
use crate::lang::{Language, SubjectWords};
use std::borrow::Cow;

/// Words dropped from the end of a subject: verbs and prepositions that lead into the figure.
fn is_trailing_filler(lang: &Language, text: &str, t: &Token) -> bool {
    t.look_up(text, &lang.directions).is_some() || t.is_in(text, &lang.subjects.trailing_fillers)
}

/// Whether token `t` of `text` is a reporting verb ("the company said sales ...").
fn is_reporting_verb(words: &SubjectWords, text: &str, t: &Token) -> bool {
    t.is_in(text, &words.reporting_verbs)
}

/// Builds a subject from tokens `toks[first..end]`, skipping tokens for which `skip` is true
/// (period phrases, mentions), dropping leading and trailing fillers and anything up to a
/// reporting verb, at most 12 words.
pub fn phrase(
    lang: &Language,
    text: &str,
    toks: &[Token],
    first: usize,
    end: usize,
    skip: impl Fn(usize) -> bool,
) -> String {
    let kept = |i: &usize| !skip(*i);
    let words = &lang.subjects;
    let droppable =
        |i: usize, filler: &dyn Fn(&Token) -> bool| toks[i].kind == Kind::Punct || filler(&toks[i]);
    // The last kept token that is not a trailing filler.
    let Some(last) = (first..end)
        .rev()
        .filter(kept)
        .find(|&i| !droppable(i, &|t| is_trailing_filler(lang, text, t)))
    else {
        return String::new();
    };
    // "the company said sales ..." → "sales ..."; "said in a regulatory filing that its
    // operating profit ..." → "its operating profit ...".
    let from = (first..=last)
        .rev()
        .filter(kept)
        .find(|&i| is_reporting_verb(words, text, &toks[i]))
        .map_or(first, |v| {
            (v + 1..=last)
                .rev()
                .find(|&i| toks[i].is_in(text, &words.reported_clause))
                .unwrap_or(v)
                + 1
        });
    let Some(from) = (from..=last)
        .filter(kept)
        .find(|&i| !droppable(i, &|t| t.is_in(text, &words.leading_fillers)))
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

/// What a subject word contributes to telling measures apart.
enum Key {
    /// A known place, scope or measure, normalised ("U.S." and "America" are "us").
    Known(&'static str),
    /// Another proper noun ("Northern Rare Earth"), compared as written.
    Proper,
}

/// Normalises a subject word into a key, or `None` if the word does not tell measures apart.
fn key(words: &SubjectWords, word: &str, capitalized: bool) -> Option<Key> {
    let w = lower(strip_possessive(words, word));
    if let Some(k) = words.keys.get(&w) {
        return Some(Key::Known(k));
    }
    (capitalized
        && w.len() > 1
        && !words.leading_fillers.contains(&w)
        && !words.not_proper.contains(&w))
    .then_some(Key::Proper)
}

/// `word` without a possessive ending ("China’s" is "China").
fn strip_possessive<'w>(words: &SubjectWords, word: &'w str) -> &'w str {
    words
        .possessives
        .iter()
        .fold(word, |w, p| w.strip_suffix(p).unwrap_or(w))
}

/// `subject` with its aliases replaced ("United States" is "US"); borrowed when it has none.
fn unalias<'s>(words: &SubjectWords, subject: &'s str) -> Cow<'s, str> {
    words
        .aliases
        .iter()
        .fold(Cow::Borrowed(subject), |s, (from, to)| {
            if s.contains(from) {
                Cow::Owned(s.replace(from, to))
            } else {
                s
            }
        })
}

/// `word` in lowercase (`str::to_lowercase`), borrowed when it already is: subjects are
/// compared pair by pair, each word lowercased several times, nearly all already lowercase.
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The key words of a subject: places, scopes and measures, plus proper nouns.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Keys {
    known: Vec<&'static str>,
    proper: Vec<String>,
}

impl Keys {
    pub fn of(words: &SubjectWords, subject: &str) -> Keys {
        let mut keys = Keys::default();
        let normalized = unalias(words, subject);
        for (n, word) in normalized
            .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\'' || c == '.'))
            .filter(|w| !w.is_empty())
            .enumerate()
        {
            let word = word.trim_matches('.');
            let capitalized = n > 0 && word.starts_with(|c: char| c.is_uppercase());
            match key(words, word, capitalized) {
                Some(Key::Proper) => {
                    let w = lower(strip_possessive(words, word));
                    if !keys.proper.iter().any(|p| *p == w) {
                        keys.proper.push(w.into_owned());
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

    /// The known keys: places, scopes and measures, sorted.
    pub fn known(&self) -> &[&'static str] {
        &self.known
    }

    /// Names what is measured (exports, sales, profit...), not only where or who.
    pub fn has_measure(&self, words: &SubjectWords) -> bool {
        self.known
            .iter()
            .any(|k| !words.places_and_scopes.contains(k))
    }

    /// Whether two subjects name the same thing closely enough to compare their figures:
    /// the same key words, naming a measure, and mostly the same content words.
    pub fn same_thing(words: &SubjectWords, a: &str, b: &str) -> bool {
        let ka = Keys::of(words, a);
        if !ka.has_measure(words) || ka != Keys::of(words, b) {
            return false;
        }
        let (wa, wb) = (content_words(words, a), content_words(words, b));
        let shared = wa.iter().filter(|w| wb.contains(w)).count();
        let union = wa.len() + wb.len() - shared;
        // A coordination ("share and bond turnover") names a total of which the other subject
        // ("bond turnover") may be a part.
        if coordinated(words, a) != coordinated(words, b) {
            return false;
        }
        // A one-word subject ("profit", "sales") says too little: many things have profits.
        let small = wa.len().min(wb.len());
        small >= 2 && (shared * 10 >= union * 6 || (small >= 3 && shared == small))
    }

    /// Whether both subjects are the same single measure word ("Revenue" and "revenue").
    pub fn same_single_measure(words: &SubjectWords, a: &str, b: &str) -> bool {
        // The word count first: most subjects have more than one content word.
        let wa = content_words(words, a);
        if wa.len() != 1 {
            return false;
        }
        let ka = Keys::of(words, a);
        ka.has_measure(words) && ka == Keys::of(words, b) && wa == content_words(words, b)
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty() && self.proper.is_empty()
    }
}

/// Whether a subject joins two things ("share and bond turnover").
pub(super) fn coordinated(words: &SubjectWords, subject: &str) -> bool {
    subject
        .split_whitespace()
        .any(|w| words.coordinators.contains(&lower(w)))
}

/// The words of a subject as they are compared: split at anything but letters, digits,
/// apostrophes and hyphens (hyphenated words stay whole: "non-durable" is not "durable"),
/// lowercase, without a possessive ending.
fn words_of<'s>(words: &'s SubjectWords, subject: &'s str) -> impl Iterator<Item = String> + 's {
    split_words(subject).map(|w| lower(strip_possessive(words, w)).into_owned())
}

/// The words of a subject as written: split at anything but letters, digits, apostrophes and
/// hyphens, without hyphens at either end.
fn split_words(subject: &str) -> impl Iterator<Item = &str> {
    subject
        .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\'' || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
}

/// Content words (no stopwords) normalised, each once ("exports" and "export" alike).
fn normalised(words: &SubjectWords, all: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in all.filter(|w| !words.stopwords.contains(w)) {
        let w = match key(words, &w, false) {
            Some(Key::Known(k)) => k.to_string(),
            _ => w
                .strip_suffix('s')
                .filter(|s| s.len() > 2)
                .unwrap_or(&*w)
                .to_string(),
        };
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// The content words of a subject, normalised ("exports" and "export" alike, "U.S." is "us").
pub fn content_words(words: &SubjectWords, subject: &str) -> Vec<String> {
    normalised(words, words_of(words, &unalias(words, subject)))
}

/// The word naming what a subject measures when no key does: the last word of its first run
/// of content words ("Transit ridership in the U.S." is "ridership", "Britain's greenhouse
/// gas emissions" is "emissions"), normalised as content words are. None when that word is a
/// name, a number, too short to name a measure, or a word `skip` rejects.
pub fn head_word(
    words: &SubjectWords,
    subject: &str,
    skip: impl Fn(&str) -> bool,
) -> Option<String> {
    let mut last: Option<&str> = None;
    for word in split_words(subject) {
        let lowered = lower(strip_possessive(words, word));
        let content = ![
            &words.stopwords,
            &words.leading_fillers,
            &words.trailing_fillers,
            &words.basis_words,
            &words.reporting_verbs,
            &words.not_proper,
        ]
        .iter()
        .any(|table| table.contains(&lowered));
        match (content, last) {
            (true, _) => last = Some(word),
            (false, Some(_)) => break,
            (false, None) => {}
        }
    }
    let word = last?;
    let bare = strip_possessive(words, word);
    let named = bare.chars().skip(1).any(char::is_uppercase)
        || bare.starts_with(char::is_uppercase) && !subject.trim_start().starts_with(word);
    let lowered = lower(bare);
    let plain = lowered.len() >= 4 && lowered.chars().all(char::is_alphabetic);
    (plain && !named && !skip(&lowered))
        .then(|| normalised(words, std::iter::once(lowered.into_owned())).pop())
        .flatten()
}

/// The content words of the name of the measure in `phrase`: from the unbroken run of words
/// before its first key to its last key, and on through the words that carry a qualifier
/// after it ("consumer prices index for the families of workers"). The words of the clause
/// around it are not part of the name ("the cut lowers the federal funds rate", "new cash
/// rate has gone"). All content words when no key is named.
pub fn measure_words(words: &SubjectWords, phrase: &str) -> Vec<String> {
    let all: Vec<String> = words_of(words, &unalias(words, phrase)).collect();
    let is_key = |w: &String| matches!(key(words, w, false), Some(Key::Known(_)));
    let (Some(first), Some(last)) = (all.iter().position(is_key), all.iter().rposition(is_key))
    else {
        return normalised(words, all.into_iter());
    };
    let stop = |w: &String| words.stopwords.contains(w);
    let from = all[..first].iter().rposition(stop).map_or(0, |i| i + 1);
    let to = all[last + 1..]
        .iter()
        .position(|w| stop(w) && !words.qualifier_links.contains(w))
        .map_or(all.len(), |i| last + 1 + i);
    normalised(words, all[from..to].iter().cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_word_ends_the_first_run_of_content_words() {
        let en = &crate::lang::en::ENGLISH.subjects;
        let head = |s: &str| head_word(en, s, |_| false);
        assert_eq!(
            head("Transit ridership in the U.S."),
            Some("ridership".into())
        );
        assert_eq!(
            head("Britain’s greenhouse gas emissions"),
            Some("emission".into())
        );
        assert_eq!(head("Homicides in Dallas"), Some("homicide".into()));
        // Function words, names and numbers name no measure.
        assert_eq!(
            head("return Latin nations would have to give"),
            Some("nation".into())
        );
        assert_eq!(head("after"), None);
        assert_eq!(head("the IADB"), None);
        assert_eq!(head("Tesla"), Some("tesla".into()));
        assert_eq!(head("bookings at Tesla"), Some("booking".into()));
        assert_eq!(head("2023"), None);
        // A word `skip` rejects (a word of change) is none either.
        assert_eq!(head_word(en, "the growth", |w| w == "growth"), None);
    }

    #[test]
    fn us_and_world_exports_are_different_measures() {
        let en = &crate::lang::en::ENGLISH.subjects;
        let us1 = Keys::of(
            en,
            "China’s export of rare earth magnets to the United States",
        );
        let us2 = Keys::of(en, "China’s export volume to the US");
        let world = Keys::of(en, "China exported rare earth magnets to the world");
        assert_eq!(us1, us2);
        assert_ne!(us1, world);
        assert_ne!(
            Keys::of(en, "China's imports"),
            Keys::of(en, "China's exports")
        );
    }

    #[test]
    fn a_quarter_and_the_year_are_different_measures() {
        let en = &crate::lang::en::ENGLISH.subjects;
        let qtr = "1986 qtr excludes extraordinary loss";
        let year = "1986 year excludes extraordinary loss";
        assert!(!Keys::same_thing(en, qtr, year));
        assert!(Keys::same_thing(en, year, year));
    }

    #[test]
    fn a_reported_clause_starts_after_that() {
        let lang = &crate::lang::en::ENGLISH;
        let subject = |text: &str| {
            let mut toks = Vec::new();
            crate::extract::tokens::tokenize(text, 0, text.len(), &mut toks);
            phrase(lang, text, &toks, 0, toks.len(), |_| false)
        };
        assert_eq!(
            subject("The firm said in a regulatory filing that its operating profit came to"),
            "operating profit came"
        );
        assert_eq!(subject("The company said sales"), "sales");
        // "that" with no reporting verb before it is no clause opener.
        assert_eq!(subject("Sales of that unit"), "Sales of that unit");
    }

    #[test]
    fn a_hyphenated_modifier_stays_whole() {
        let en = &crate::lang::en::ENGLISH.subjects;
        assert!(!Keys::same_thing(
            en,
            "Sales of durable goods",
            "Non-durable goods sales"
        ));
        assert!(Keys::same_thing(
            en,
            "Sales of durable goods",
            "Durable goods sales"
        ));
    }

    #[test]
    fn gross_and_operating_name_another_measure() {
        let en = &crate::lang::en::ENGLISH.subjects;
        assert!(!Keys::same_thing(
            en,
            "parent company profit",
            "bank's parent company gross operating profits"
        ));
        assert!(Keys::same_thing(
            en,
            "parent company gross operating profit",
            "bank's parent company gross operating profits"
        ));
    }
}
