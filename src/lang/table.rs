//! The two kinds of word table a [`super::Language`] is made of: a set of words and a map
//! from words to meanings. Each is checked by shape first ([`Shapes`]), then only among the
//! words of the same length: a table lists its words by length (shortest first; the
//! constructor refuses, at compile time, a table that does not), and keeps where each length
//! starts.

use super::shapes::Shapes;

/// The longest table word, in bytes (the lowercase form of a [`super::MAX_WORD`] word).
const LONGEST: usize = 40;

/// For each length 0..=LONGEST+1, the index of the first word at least that long.
type LengthIndex = [u8; LONGEST + 2];

/// A set of lowercase words ("rose", "fell"), listed by length.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    list: &'static [&'static str],
    shapes: Shapes,
    by_length: LengthIndex,
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        let mut lengths = [0usize; 256];
        let mut i = 0;
        while i < list.len() {
            lengths[i] = list[i].len();
            i += 1;
        }
        Words {
            list,
            shapes: Shapes::EMPTY.with_all(list),
            by_length: length_index(&lengths, list.len()),
        }
    }

    /// Whether the lowercase word `w` is in the set.
    #[inline(always)]
    pub fn contains(&self, w: &str) -> bool {
        self.shapes.may_contain_lower(w) && self.contains_shaped(w)
    }

    /// [`Self::contains`] for a word whose shape was already let through by [`Self::shapes`]
    /// (a token's, before it was lowercased): only the words of its length are compared.
    #[inline(always)]
    pub fn contains_shaped(&self, w: &str) -> bool {
        match candidates(&self.by_length, w.len()) {
            Some(range) => self.list[range].iter().any(|k| same(k, w)),
            None => false,
        }
    }

    pub const fn list(&self) -> &'static [&'static str] {
        self.list
    }

    pub const fn shapes(&self) -> &Shapes {
        &self.shapes
    }
}

/// A map from lowercase words to meanings ("mln" → 1e6), listed by length.
#[derive(Clone, Copy, Debug)]
pub struct Map<T: 'static> {
    entries: &'static [(&'static str, T)],
    shapes: Shapes,
    by_length: LengthIndex,
}

impl<T: Copy> Map<T> {
    pub const fn new(entries: &'static [(&'static str, T)]) -> Map<T> {
        let mut shapes = Shapes::EMPTY;
        let mut lengths = [0usize; 256];
        let mut i = 0;
        while i < entries.len() {
            shapes = shapes.with(entries[i].0);
            lengths[i] = entries[i].0.len();
            i += 1;
        }
        Map {
            entries,
            shapes,
            by_length: length_index(&lengths, entries.len()),
        }
    }

    /// The meaning of the lowercase word `w`.
    #[inline(always)]
    pub fn get(&self, w: &str) -> Option<T> {
        if !self.shapes.may_contain_lower(w) {
            return None;
        }
        self.get_shaped(w)
    }

    /// [`Self::get`] for a word whose shape was already let through by [`Self::shapes`].
    #[inline(always)]
    pub fn get_shaped(&self, w: &str) -> Option<T> {
        let range = candidates(&self.by_length, w.len())?;
        self.entries[range]
            .iter()
            .find(|(k, _)| same(k, w))
            .map(|&(_, v)| v)
    }

    pub const fn entries(&self) -> &'static [(&'static str, T)] {
        self.entries
    }

    pub const fn shapes(&self) -> &Shapes {
        &self.shapes
    }
}

/// The start of each length's run in a list of `n` words of the given `lengths`; panics (at
/// compile time, where tables are built) unless the words are listed shortest first, at
/// most 255 of them, none longer than [`LONGEST`] bytes.
const fn length_index(lengths: &[usize; 256], n: usize) -> LengthIndex {
    assert!(n < 256, "a word table has at most 255 words");
    let mut index = [0u8; LONGEST + 2];
    let mut i = 0;
    while i < n {
        assert!(
            lengths[i] <= LONGEST,
            "a table word is at most 40 bytes long"
        );
        assert!(
            i == 0 || lengths[i - 1] <= lengths[i],
            "a word table lists its words shortest first"
        );
        i += 1;
    }
    // index[len] = the number of words shorter than len.
    let mut len = 0;
    let mut k = 0;
    while len < LONGEST + 2 {
        while k < n && lengths[k] < len {
            k += 1;
        }
        index[len] = k as u8;
        len += 1;
    }
    index
}

/// The indices of the words `len` bytes long.
#[inline(always)]
fn candidates(index: &LengthIndex, len: usize) -> Option<std::ops::Range<usize>> {
    if len > LONGEST {
        return None;
    }
    Some(index[len] as usize..index[len + 1] as usize)
}

/// Whether two words are the same, compared byte by byte: table words are short, and a call
/// to `memcmp` costs more than the loop.
#[inline(always)]
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::{Map, Words};

    const SCALES: Map<f64> = Map::new(&[("mln", 1e6), ("millón", 1e6), ("million", 1e6)]);

    #[test]
    fn maps_words_of_any_script() {
        assert_eq!(SCALES.get("mln"), Some(1e6));
        assert_eq!(SCALES.get("millón"), Some(1e6));
        assert_eq!(SCALES.get("million"), Some(1e6));
        assert_eq!(SCALES.get("millon"), None);
        assert_eq!(SCALES.get(""), None);
        assert_eq!(SCALES.get(&"m".repeat(60)), None);
    }

    #[test]
    fn sets_answer_for_their_words_only() {
        let w = Words::new(&["to", "über", "three"]);
        for word in ["to", "über", "three"] {
            assert!(w.contains(word), "{word}");
        }
        for word in ["uber", "too", "", "thre", "threee"] {
            assert!(!w.contains(word), "{word}");
        }
    }
}
