//! Word shapes: a (first letter, last letter, length) filter built at compile time from a
//! word list, so the hot loops can reject almost every word of running text with one table
//! lookup before lowercasing it and trying the real tables.
//!
//! A filter never rejects a word of its list (in any letter case); it may accept others
//! ("tao" has the shape of "two"), which the exact lookup behind it then turns down.

/// The shapes of a word list: for each pair of first and last ASCII letters, a bit per word
/// length (1 to 31; longer words share bit 31).
#[derive(Clone, Copy, Debug)]
pub struct Shapes {
    lengths: [[u32; 26]; 26],
}

impl Shapes {
    pub const EMPTY: Shapes = Shapes {
        lengths: [[0; 26]; 26],
    };

    /// These shapes plus the shape of `word`. Panics (at compile time, where it is used) on
    /// a word that does not start and end with an ASCII letter, which no filter could match.
    pub const fn with(mut self, word: &str) -> Shapes {
        let b = word.as_bytes();
        assert!(!b.is_empty() && b[0].is_ascii_alphabetic());
        assert!(b[b.len() - 1].is_ascii_alphabetic());
        let first = letter(b[0]);
        let last = letter(b[b.len() - 1]);
        self.lengths[first][last] |= 1 << length_bit(b.len());
        self
    }

    /// These shapes plus those of every word in `words`.
    pub const fn with_all(mut self, words: &[&str]) -> Shapes {
        let mut i = 0;
        while i < words.len() {
            self = self.with(words[i]);
            i += 1;
        }
        self
    }

    /// Whether a word with these first and last letters and `len` bytes has the shape of a
    /// word in the list ([`Ends`] are worked out once per word, by the tokenizer).
    #[inline]
    pub fn may_contain_ends(&self, ends: Ends, len: usize) -> bool {
        let (first, last) = (ends.0 / 26, ends.0 % 26);
        self.lengths[first as usize][last as usize] & (1 << length_bit(len)) != 0
    }
}

/// The first and last letters of a word, as one small number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ends(u16);

impl Ends {
    /// `None` unless the word starts and ends with an ASCII letter (no list word doesn't).
    #[inline]
    pub fn of(word: &[u8]) -> Option<Ends> {
        match (word.first(), word.last()) {
            (Some(&f), Some(&l)) if f.is_ascii_alphabetic() && l.is_ascii_alphabetic() => {
                Some(Ends((letter(f) * 26 + letter(l)) as u16))
            }
            _ => None,
        }
    }
}

/// 0 to 25 for an ASCII letter of either case.
const fn letter(b: u8) -> usize {
    (b.to_ascii_lowercase() - b'a') as usize
}

const fn length_bit(len: usize) -> u32 {
    if len > 31 {
        31
    } else {
        len as u32
    }
}

#[cfg(test)]
mod tests {
    use super::{Ends, Shapes};

    /// Whether `word` (as written, any case) has the shape of a word in `shapes`.
    fn may_contain(shapes: &Shapes, word: &str) -> bool {
        Ends::of(word.as_bytes()).is_some_and(|ends| shapes.may_contain_ends(ends, word.len()))
    }

    const NUMBERS: Shapes = Shapes::EMPTY
        .with_all(&["two", "three", "twenty"])
        .with("a");

    #[test]
    fn accepts_every_listed_word_in_any_case() {
        for w in ["two", "Two", "THREE", "twenty", "a", "A"] {
            assert!(may_contain(&NUMBERS, w), "{w}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        for w in [
            "to",
            "the",
            "that",
            "said",
            "an",
            "",
            "42",
            "été",
            "twentieth",
        ] {
            assert!(!may_contain(&NUMBERS, w), "{w}");
        }
        // Same shape as "two": let through, for the exact lookup to reject.
        assert!(may_contain(&NUMBERS, "tao"));
    }

    #[test]
    fn very_long_words_share_one_bit() {
        let long = "a".repeat(40);
        let s = Shapes::EMPTY.with(&"b".repeat(35));
        assert!(may_contain(&s, &"b".repeat(50)));
        assert!(!may_contain(&s, &long));
    }
}
