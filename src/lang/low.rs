//! The lowercase form of a word that every word-table lookup takes.

/// The longest word (in bytes, as written) that any table lookup considers.
pub const MAX_WORD: usize = 24;

/// Room for the lowercase form: a word whose lowercase form is longer (lowercasing can
/// lengthen a character by half: "İ", two bytes, is "i̇", three) is not looked up either.
const BUF: usize = MAX_WORD;

/// A short word in lowercase: the word itself when it is already lowercase ASCII (most words
/// of running text), else a lowercased copy on the stack. Any script: non-ASCII letters are
/// lowercased character by character (`char::to_lowercase`).
#[derive(Clone, Copy)]
pub struct Low<'a>(Repr<'a>);

#[derive(Clone, Copy)]
enum Repr<'a> {
    Borrowed(&'a str),
    Copied { buf: [u8; BUF], len: u8 },
}

impl<'a> Low<'a> {
    /// `None` for a word longer than [`MAX_WORD`] bytes, which no word table has.
    #[inline]
    pub fn new(word: &'a str) -> Option<Low<'a>> {
        let b = word.as_bytes();
        if b.len() > MAX_WORD {
            return None;
        }
        // One pass: is anything uppercase or not ASCII?
        if !b.iter().any(|&c| c.wrapping_sub(b'A') < 26 || c >= 0x80) {
            return Some(Low(Repr::Borrowed(word)));
        }
        Low::copied(word)
    }

    /// The lowercased copy of a word with an uppercase or non-ASCII letter, at most
    /// [`MAX_WORD`] bytes long.
    fn copied(word: &'a str) -> Option<Low<'a>> {
        let b = word.as_bytes();
        let mut buf = [0u8; BUF];
        if b.is_ascii() {
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            return Some(Low(Repr::Copied {
                buf,
                len: b.len() as u8,
            }));
        }
        let mut len = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            let n = c.len_utf8();
            if len + n > BUF {
                return None;
            }
            c.encode_utf8(&mut buf[len..len + n]);
            len += n;
        }
        Some(Low(Repr::Copied {
            buf,
            len: len as u8,
        }))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(word) => word,
            Repr::Copied { buf, len } => {
                let bytes = &buf[..*len as usize];
                debug_assert!(std::str::from_utf8(bytes).is_ok());
                // SAFETY: `new` stores either the ASCII-lowercased bytes of an ASCII word or
                // whole UTF-8 encodings of characters, so `bytes` is valid UTF-8. This is
                // called for every word lookup, so it skips re-validation.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
        }
    }
}

impl std::ops::Deref for Low<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::Low;

    fn low(w: &str) -> Option<String> {
        Low::new(w).map(|l| l.as_str().to_string())
    }

    #[test]
    fn lowercases_ascii_and_borrows_lowercase() {
        assert_eq!(low("Rose").as_deref(), Some("rose"));
        assert_eq!(low("rose").as_deref(), Some("rose"));
        assert_eq!(low("MLN").as_deref(), Some("mln"));
    }

    #[test]
    fn lowercases_any_script() {
        assert_eq!(low("Été").as_deref(), Some("été"));
        assert_eq!(low("ZWÖLF").as_deref(), Some("zwölf"));
        assert_eq!(low("Миллион").as_deref(), Some("миллион"));
        assert_eq!(low("İ").as_deref(), Some("i\u{307}"));
        assert_eq!(low("百万").as_deref(), Some("百万"));
    }

    #[test]
    fn overlong_words_are_not_looked_up() {
        assert!(low(&"a".repeat(25)).is_none());
        assert!(low(&"İ".repeat(8)).is_some()); // 16 bytes, 24 lowercased
        assert!(low(&"İ".repeat(9)).is_none()); // 18 bytes, 27 lowercased
        assert!(low(&"é".repeat(13)).is_none());
    }
}
