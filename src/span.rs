//! Byte spans into an article's text, and the line index that turns them into line:column.

use serde::Serialize;
use std::sync::OnceLock;

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text under the span (empty if out of range or not on char boundaries).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Start offsets of every line, built once per text; answers 1-based line and column
/// (column counted in characters, as the output contract requires).
///
/// A column is found in O(log n + 4 KiB) whatever the length of the line: a line start within
/// [`SHORT_LINE`] bytes is counted from directly, and only for a longer line a table of how
/// many UTF-8 continuation bytes came before every [`CHECKPOINT`] bytes is built (once, on
/// first use), so only the bytes since the last checkpoint are scanned. (Counting characters
/// from the start of the line made one 8 MB line take seconds.)
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `continuations[k]`: continuation bytes in `text[..k * CHECKPOINT]`.
    continuations: OnceLock<Vec<usize>>,
}

/// Bytes between two continuation-count checkpoints.
const CHECKPOINT: usize = 1024;

/// How far from its line start a column is counted directly.
const SHORT_LINE: usize = 4 * CHECKPOINT;

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn continuations(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_continuation(b)).count()
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Hard-wrapped newswire has a line every 60 to 70 bytes.
        let mut line_starts = Vec::with_capacity(text.len() / 60 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            line_starts,
            continuations: OnceLock::new(),
        }
    }

    /// The index of a text whose line starts are already known: `line_starts` is 0 and every
    /// offset just after a `\n` of the text, in order. The JSON Lines reader has them from
    /// unescaping a record's body, where each line break is an escape.
    pub fn from_starts(text: &str, line_starts: Vec<usize>) -> Self {
        let index = LineIndex {
            line_starts,
            continuations: OnceLock::new(),
        };
        debug_assert_eq!(index.line_starts, LineIndex::new(text).line_starts);
        index
    }

    /// Characters in `text[..offset]`, through the checkpoints.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let marks = self.continuations.get_or_init(|| {
            let mut seen = 0;
            let mut marks = Vec::with_capacity(text.len() / CHECKPOINT + 1);
            marks.push(0);
            for chunk in text.as_bytes().chunks(CHECKPOINT) {
                seen += continuations(chunk);
                marks.push(seen);
            }
            marks
        });
        let mark = offset / CHECKPOINT;
        offset - marks[mark] - continuations(&text.as_bytes()[mark * CHECKPOINT..offset])
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = if offset - start <= SHORT_LINE {
            let bytes = &text.as_bytes()[start..offset];
            bytes.len() - continuations(bytes)
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line + 1, column + 1)
    }

    /// Byte span of the 1-based line `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line.saturating_sub(1).min(self.line_starts.len() - 1)];
        let end = self
            .line_starts
            .get(line)
            .map_or(text.len(), |&next| next - 1);
        let end = if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        Span::new(start, end.max(start))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "ab\nç353 t\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 3), (2, 1));
        // "ç" is two bytes, one character.
        assert_eq!(index.line_col(text, 5), (2, 2));
        assert_eq!(index.line_span(text, 2).slice(text), "ç353 t");
    }

    /// The checkpointed count agrees with counting characters, on lines far longer than a
    /// checkpoint and at offsets inside a multi-byte character.
    #[test]
    fn columns_on_long_lines_match_a_plain_count() {
        let line = "Exports rose 5 pct to 10 mln € from 9.5 mln — “a record”. ".repeat(200);
        let text = format!("title\n{line}\nlast ç line");
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).step_by(7).chain([text.len()]) {
            let before = &text.as_bytes()[..offset];
            let start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let expected = text.as_bytes()[start..offset]
                .iter()
                .filter(|&&b| !is_continuation(b))
                .count();
            let line_no = before.iter().filter(|&&b| b == b'\n').count() + 1;
            assert_eq!(
                index.line_col(&text, offset),
                (line_no, expected + 1),
                "at {offset}"
            );
        }
    }
}
