//! Word shapes: a (first letter, last letter, length) filter built at compile time from a
//! word list, so the hot loops can reject almost every word of running text with one table
//! lookup before lowercasing it and trying the real tables.
//!
//! A filter never rejects a word of its list (in any letter case); it may accept others
//! ("tao" has the shape of "two"), which the exact lookup behind it then turns down. Letters
//! outside ASCII share one bucket, and a token with any non-ASCII letter is never rejected:
//! its lowercase form may differ in length or in its first letter ("İ" lowercases to two
//! characters), so only the exact lookup can judge it.

/// Buckets for a word's first and last byte: the 26 ASCII letters, then every non-ASCII byte.
const BUCKETS: usize = 27;

/// The shapes of a word list: for each pair of first and last letters, a bit per word
/// length in bytes (1 to 31; longer words share bit 31). The pair's entry is at
/// `first * 32 + last`, which is what [`Ends`] holds: one lookup, no arithmetic.
#[derive(Clone, Copy, Debug)]
pub struct Shapes {
    lengths: [u32; SLOTS],
}

/// Entries of [`Shapes::lengths`]: the last bucket's row ends at `(BUCKETS - 1) * 32 + BUCKETS`.
const SLOTS: usize = (BUCKETS - 1) * 32 + BUCKETS;

/// The entry of a pair of buckets.
const fn slot(first: usize, last: usize) -> usize {
    first * 32 + last
}

impl Shapes {
    pub const EMPTY: Shapes = Shapes {
        lengths: [0; SLOTS],
    };

    /// These shapes plus the shape of `word` (lowercase, as in the tables). A word that does
    /// not start and end with a letter (`b/d` does; `pre-` does not) is never one token, so
    /// it adds nothing.
    pub const fn with(mut self, word: &str) -> Shapes {
        let b = word.as_bytes();
        if b.is_empty() {
            return self;
        }
        if let (Some(first), Some(last)) = (bucket(b[0]), bucket(b[b.len() - 1])) {
            self.lengths[slot(first, last)] |= 1 << length_bit(b.len());
        }
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

    /// These shapes plus those of the other filter's words.
    pub const fn union(mut self, other: &Shapes) -> Shapes {
        let mut k = 0;
        while k < SLOTS {
            self.lengths[k] |= other.lengths[k];
            k += 1;
        }
        self
    }

    /// Whether a word with these first and last letters and `len` bytes has the shape of a
    /// word in the list ([`Ends`] are worked out once per word, by the tokenizer).
    #[inline(always)]
    pub fn may_contain_ends(&self, ends: Ends, len: usize) -> bool {
        if ends == Ends::ANY {
            return true;
        }
        self.lengths[ends.0 as usize] & (1 << length_bit(len)) != 0
    }

    /// Whether an already lowercase word (a [`crate::lang::Low`]) has the shape of a word in
    /// the list. Exact for any script, both sides being lowercase; a word that does not start
    /// and end with a letter ("$", "b/d" does) has no shape and is let through.
    #[inline(always)]
    pub fn may_contain_lower(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => match (bucket(f), bucket(l)) {
                (Some(f), Some(l)) => self.lengths[slot(f, l)] & (1 << length_bit(b.len())) != 0,
                _ => true,
            },
            _ => false,
        }
    }
}

/// The first and last letters of a word, as one small number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ends(u16);

impl Ends {
    /// A word with a letter outside ASCII: no filter can judge it before it is lowercased.
    pub const ANY: Ends = Ends(u16::MAX);

    /// The ends of a word whose first and last bytes are ASCII letters (the tokenizer knows
    /// that of every word it scanned from an ASCII letter with no other letter on the way).
    #[inline]
    pub fn of_letters(first: u8, last: u8) -> Ends {
        debug_assert!(first.is_ascii_alphabetic() && last.is_ascii_alphabetic());
        Ends(slot(letter(first), letter(last)) as u16)
    }

    /// The ends of a token's word, `ascii` telling whether all its bytes are ASCII. `None`
    /// for an ASCII word that does not start and end with a letter (no table word doesn't).
    #[inline]
    pub fn of(word: &[u8], ascii: bool) -> Option<Ends> {
        if !ascii {
            return Some(Ends::ANY);
        }
        match (word.first(), word.last()) {
            (Some(&f), Some(&l)) if f.is_ascii_alphabetic() && l.is_ascii_alphabetic() => {
                Some(Ends(slot(letter(f), letter(l)) as u16))
            }
            _ => None,
        }
    }
}

/// The bucket of a word's first or last byte: its ASCII letter, or the shared non-ASCII
/// bucket; `None` for ASCII that is not a letter.
const fn bucket(b: u8) -> Option<usize> {
    if b.is_ascii_alphabetic() {
        Some(letter(b))
    } else if b >= 0x80 {
        Some(BUCKETS - 1)
    } else {
        None
    }
}

/// 0 to 25 for an ASCII letter of either case (the case bit set, it is `a` to `z`).
const fn letter(b: u8) -> usize {
    ((b | 0x20) - b'a') as usize
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
        Ends::of(word.as_bytes(), word.is_ascii())
            .is_some_and(|ends| shapes.may_contain_ends(ends, word.len()))
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
        for w in ["to", "the", "that", "said", "an", "", "42", "twentieth"] {
            assert!(!may_contain(&NUMBERS, w), "{w}");
        }
        // Same shape as "two": let through, for the exact lookup to reject.
        assert!(may_contain(&NUMBERS, "tao"));
    }

    #[test]
    fn never_rejects_a_word_with_letters_outside_ascii() {
        // Its lowercase form can differ in length ("İ" is two characters lowercased).
        for w in ["été", "İki", "Ünd", "naïve"] {
            assert!(may_contain(&NUMBERS, w), "{w}");
        }
    }

    #[test]
    fn lowercase_words_of_any_script_are_judged_exactly() {
        let s = Shapes::EMPTY.with_all(&["été", "zwölf", "двa"]);
        for w in ["été", "zwölf", "двa"] {
            assert!(s.may_contain_lower(w), "{w}");
        }
        for w in ["ét", "zwölfe", "two", ""] {
            assert!(!s.may_contain_lower(w), "{w}");
        }
    }

    #[test]
    fn very_long_words_share_one_bit() {
        let long = "a".repeat(40);
        let s = Shapes::EMPTY.with(&"b".repeat(35));
        assert!(may_contain(&s, &"b".repeat(50)));
        assert!(!may_contain(&s, &long));
    }
}
