//! A single linear pass that splits text into words, numbers and punctuation, with byte
//! spans; whitespace is dropped but remembered as "space before" and "newline before".

use crate::claim::Direction;
use crate::lang::shapes::{Ends, Shapes};
use crate::lang::{same, DirectionPos, Language, Low, Map, Words};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (any script), with inner apostrophes ("China’s").
    Word,
    /// Digits with inner group separators and one decimal point ("22,319", "1,234.5").
    Num,
    /// Any other single character ("$", "%", "-", ",").
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whitespace separates it from the previous token.
    pub space_before: bool,
    /// For a word, its first and last letters, for the word-shape filters.
    pub ends: Option<Ends>,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// A word's lowercase form for table lookups; `None` for numbers, punctuation and words
    /// no table has (overlong).
    #[inline(always)]
    pub fn low<'a>(&self, text: &'a str) -> Option<Low<'a>> {
        if self.kind == Kind::Word {
            Low::new(self.text(text))
        } else {
            None
        }
    }

    /// Whether the token is `w` (a lowercase table word, or punctuation) in any letter case.
    /// The length first: a word with a letter outside ASCII may change length when
    /// lowercased, any other token matches only a word of its own length.
    #[inline(always)]
    pub fn is(&self, text: &str, w: &str) -> bool {
        if self.end - self.start == w.len() {
            text.as_bytes()[self.start..self.end].eq_ignore_ascii_case(w.as_bytes())
        } else {
            self.ends == Some(Ends::ANY) && Low::new(self.text(text)).is_some_and(|l| same(&l, w))
        }
    }

    /// Whether this is a word of `words`: its shape first, which turns down most words without
    /// lowercasing them. The shape test is inlined where this is called, the rest is not:
    /// most calls end at the shape.
    #[inline(always)]
    pub fn is_in(&self, text: &str, words: &Words) -> bool {
        self.may_be_in(words.shapes()) && self.is_in_shaped(text, words)
    }

    #[inline(never)]
    fn is_in_shaped(&self, text: &str, words: &Words) -> bool {
        self.low(text).is_some_and(|w| words.contains_shaped(&w))
    }

    /// The meaning of this word in `map`, its shape checked first (inlined, as in
    /// [`Self::is_in`]).
    #[inline(always)]
    pub fn look_up<T: Copy>(&self, text: &str, map: &Map<T>) -> Option<T> {
        if !self.may_be_in(map.shapes()) {
            return None;
        }
        self.look_up_shaped(text, map)
    }

    #[inline(never)]
    fn look_up_shaped<T: Copy>(&self, text: &str, map: &Map<T>) -> Option<T> {
        map.get_shaped(&self.low(text)?)
    }

    /// Whether this is a word with the shape of one in `shapes`: a cheap test that rules out
    /// most words without reading their text.
    #[inline(always)]
    pub fn may_be_in(&self, shapes: &Shapes) -> bool {
        self.ends
            .is_some_and(|ends| shapes.may_contain_ends(ends, self.end - self.start))
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Group separators accepted inside a number: comma, and the narrow / no-break spaces
/// used by French and SI styles ("22 319"). An ordinary space is handled by the extractor.
fn is_group_sep(c: char) -> bool {
    matches!(c, ',' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// What a byte starts: the ASCII classes, and every byte from 0x80 up, which is decoded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Digit,
    Letter,
    /// ASCII punctuation and symbols (and control characters): a token of one byte.
    Other,
    NonAscii,
}

const CLASSES: [Class; 256] = {
    let mut table = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_whitespace() {
            Class::Space
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Letter
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// The direction of the word at `toks[i]`, unless it is the particle of another verb
/// before it (no earlier than token `first`): "made up 20% of sales" has none, "edged up"
/// the verb's.
#[inline(always)]
pub fn word_direction(
    lang: &Language,
    text: &str,
    toks: &[Token],
    i: usize,
    first: usize,
) -> Option<(Direction, DirectionPos)> {
    let t = &toks[i];
    let found = t.look_up(text, &lang.directions)?;
    let (particles, verbs) = &lang.claims.particle_verbs;
    if i > first && t.is_in(text, particles) {
        if let Some(direction) = toks[i - 1].look_up(text, verbs) {
            return direction.map(|d| (d, found.1));
        }
    }
    // "negative growth": a rise said to be negative is a fall.
    if found == (Direction::Up, DirectionPos::Noun)
        && i > first
        && toks[i - 1].is_in(text, &lang.claims.negating_adjectives)
    {
        return Some((Direction::Down, DirectionPos::Noun));
    }
    Some(found)
}

/// Splits `text[start..end]` into tokens, appending to `out` (cleared first). Not inlined:
/// inside the extractor's loop its own loop ran short of registers.
#[inline(never)]
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    out.clear();
    // Running text has a token every five or six bytes, newswire tables every four.
    out.reserve((end - start) / 4);
    // Cut at `end`, so that indexing below needs no test of its own.
    let bytes = &text.as_bytes()[..end];
    let mut i = start;
    let mut space_before = true;
    while let Some(&b) = bytes.get(i) {
        let tok_start = i;
        // Letters first, by a test of their own (not the table, which the compiler would
        // turn into one jump for every class): most tokens are words.
        let (kind, ends) = if (b | 0x20).wrapping_sub(b'a') < 26 {
            i = ascii_letters_end(bytes, i + 1);
            // An apostrophe or a byte outside ASCII may go on with the word.
            let mut ascii = true;
            if bytes.get(i).is_some_and(|&c| c == b'\'' || c >= 0x80) {
                (i, ascii) = scan_word(text, i, end, true);
            }
            // From an ASCII letter, a word ends on a letter: an ASCII one unless a letter
            // outside ASCII came on the way.
            let ends = if ascii {
                Ends::of_letters(b, bytes[i - 1])
            } else {
                Ends::ANY
            };
            debug_assert_eq!(Some(ends), Ends::of(&bytes[tok_start..i], ascii));
            (Kind::Word, Some(ends))
        } else {
            match CLASSES[b as usize] {
                Class::Space => {
                    space_before = true;
                    i += 1;
                    continue;
                }
                Class::Digit => {
                    i = scan_number(text, i, end);
                    (Kind::Num, None)
                }
                Class::Other => {
                    i += 1;
                    (Kind::Punct, None)
                }
                Class::NonAscii => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    let len = c.len_utf8();
                    if is_space(c) {
                        space_before = true;
                        i += len;
                        continue;
                    }
                    if c.is_alphabetic() {
                        let ascii;
                        (i, ascii) = scan_word(text, i + len, end, false);
                        (Kind::Word, Ends::of(&bytes[tok_start..i], ascii))
                    } else {
                        i += len;
                        (Kind::Punct, None)
                    }
                }
                // Taken above.
                Class::Letter => unreachable!(),
            }
        };
        out.push(Token {
            kind,
            start: tok_start,
            end: i,
            space_before,
            ends,
        });
        // The usual separator, one space, without going round the loop for it.
        space_before = bytes.get(i) == Some(&b' ');
        i += usize::from(space_before);
    }
}

/// The end of the run of ASCII letters from `i`, eight bytes at a time.
#[inline(always)]
fn ascii_letters_end(bytes: &[u8], mut i: usize) -> usize {
    use crate::swar::{first_flagged, has_non_letter, word};
    while let Some(eight) = bytes.get(i..i + 8) {
        let mask = has_non_letter(word(eight));
        if mask != 0 {
            return i + first_flagged(mask);
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// The end of the word going on at `i`, and whether it is all ASCII (`ascii` for what came
/// before `i`).
#[inline(always)]
fn scan_word(text: &str, mut i: usize, end: usize, mut ascii: bool) -> (usize, bool) {
    let bytes = &text.as_bytes()[..end];
    while let Some(&b) = bytes.get(i) {
        if CLASSES[b as usize] == Class::Letter {
            i += 1;
            continue;
        }
        if b < 0x80 {
            // An inner apostrophe followed by a letter ("China's").
            if b == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
                continue;
            }
            break;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_alphabetic() {
            i += c.len_utf8();
            ascii = false;
        } else if c == '’'
            && text[i + 3..end]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphabetic())
        {
            i += 3;
        } else {
            break;
        }
    }
    (i, ascii)
}

fn scan_number(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut seen_point = false;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_digit() {
            i += 1;
            continue;
        }
        // A separator or point counts only when a digit follows it.
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let digit_next = bytes.get(i + len).is_some_and(|d| d.is_ascii_digit()) && i + len < end;
        if !digit_next {
            break;
        }
        if c == '.' && !seen_point {
            seen_point = true;
            i += len;
        } else if is_group_sep(c) && !seen_point {
            i += len;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(Kind, &str)> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter().map(|t| (t.kind, t.text(s))).collect()
    }

    #[test]
    fn numbers_words_and_punctuation() {
        assert_eq!(
            toks("China’s 22,319 tons, $1.2bn up 5.2%."),
            vec![
                (Kind::Word, "China’s"),
                (Kind::Num, "22,319"),
                (Kind::Word, "tons"),
                (Kind::Punct, ","),
                (Kind::Punct, "$"),
                (Kind::Num, "1.2"),
                (Kind::Word, "bn"),
                (Kind::Word, "up"),
                (Kind::Num, "5.2"),
                (Kind::Punct, "%"),
                (Kind::Punct, "."),
            ]
        );
    }

    #[test]
    fn trailing_separators_are_not_part_of_a_number() {
        assert_eq!(
            toks("1987, 3."),
            vec![
                (Kind::Num, "1987"),
                (Kind::Punct, ","),
                (Kind::Num, "3"),
                (Kind::Punct, ".")
            ]
        );
        assert_eq!(
            toks("1.2.3"),
            vec![(Kind::Num, "1.2"), (Kind::Punct, "."), (Kind::Num, "3")]
        );
    }
}
