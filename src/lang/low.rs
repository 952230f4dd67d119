//! The lowercase form of a word that every word-table lookup takes.

/// A short ASCII word in lowercase: the word itself when it is already lowercase (most words
/// of running text), else a lowercased copy on the stack.
#[derive(Clone, Copy)]
pub struct Low<'a>(Repr<'a>);

#[derive(Clone, Copy)]
enum Repr<'a> {
    Borrowed(&'a str),
    Copied { buf: [u8; 24], len: u8 },
}

impl<'a> Low<'a> {
    /// `None` for a word that is not ASCII or longer than 24 bytes, which no word table has.
    pub fn new(word: &'a str) -> Option<Low<'a>> {
        let b = word.as_bytes();
        if b.len() > 24 {
            return None;
        }
        // One pass: is anything uppercase or not ASCII?
        if !b.iter().any(|&c| c.wrapping_sub(b'A') < 26 || c >= 0x80) {
            return Some(Low(Repr::Borrowed(word)));
        }
        if !b.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Some(Low(Repr::Copied {
            buf,
            len: b.len() as u8,
        }))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Borrowed(word) => word,
            Repr::Copied { buf, len } => {
                let bytes = &buf[..*len as usize];
                debug_assert!(bytes.is_ascii());
                // SAFETY: `new` only stores the ASCII-lowercased bytes of an ASCII word, and
                // ASCII is valid UTF-8. This is called for every word lookup, so it skips
                // re-validation.
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
