//! An article ready for extraction: its text, line index, sentence spans and date.

use crate::lang::Language;
use crate::period::Date;
use crate::span::{LineIndex, Span};

/// One article, from a file or a JSON Lines record.
#[derive(Clone, Debug)]
pub struct Document {
    /// Stable id: the file stem for files, the record's `id` for JSON Lines.
    pub id: String,
    /// Where it came from, as shown to users ("articles/x.md", "archive.jsonl").
    pub source: String,
    /// For a JSON Lines record, its 1-based line in the file.
    pub record_line: Option<usize>,
    /// The field spans point into: "text" for a file (front matter included), "body" for a record.
    pub field: &'static str,
    /// The text spans point into.
    pub text: String,
    /// The article body within `text` (after any front matter).
    pub body: Span,
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Other record or front-matter fields, carried through to the output untouched.
    pub meta: serde_json::Map<String, serde_json::Value>,
    pub lines: LineIndex,
    /// Sentence spans within `body`, in order.
    pub sentences: Vec<Span>,
    /// The language the article is written in: every word the pipeline reads comes from it.
    pub lang: &'static Language,
    /// Parts of the body its readers do not see (a Markdown article's HTML comments and
    /// fenced code blocks), in order: no mention is taken from them.
    pub hidden: Vec<Span>,
    /// What was wrong with the input but did not stop it being checked (an unreadable
    /// `date`), each as `source:line:column: message`, for the command line to print.
    pub warnings: Vec<String>,
}

impl Document {
    /// Builds the line index and sentence spans for `text`, whose body is `body`, an article
    /// in the default language (English).
    pub fn new(id: String, source: String, text: String, body: Span) -> Document {
        Document::in_language(id, source, text, body, crate::lang::default_language())
    }

    /// Builds the line index and sentence spans for `text`, whose body is `body`, an article
    /// in `lang`.
    pub fn in_language(
        id: String,
        source: String,
        text: String,
        body: Span,
        lang: &'static Language,
    ) -> Document {
        let lines = LineIndex::new(&text);
        Document::with_lines(id, source, text, body, lang, lines)
    }

    /// As [`Document::in_language`], with the line index of `text` already built.
    pub fn with_lines(
        id: String,
        source: String,
        text: String,
        body: Span,
        lang: &'static Language,
        lines: LineIndex,
    ) -> Document {
        let sentences = crate::sentences::split(&text, body, &lang.sentences);
        Document {
            id,
            source,
            record_line: None,
            field: "text",
            text,
            body,
            title: None,
            date: None,
            meta: serde_json::Map::new(),
            lines,
            sentences,
            lang,
            hidden: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Sets the parts of the body readers do not see (sorted, not overlapping) and takes them
    /// off the ends of the sentences: a comment on the line before a sentence (an editor's
    /// note, a `claimcheck-ignore`) is not the start of its subject, and a sentence wholly
    /// inside one is dropped. A comment inside a sentence stays in it (its figures are still
    /// not read).
    pub fn set_hidden(&mut self, hidden: Vec<Span>) {
        let text = self.text.as_bytes();
        let blank = |at: usize| text.get(at).is_some_and(|b| b.is_ascii_whitespace());
        let covering = |at: usize| {
            let i = hidden.partition_point(|h| h.end <= at);
            hidden.get(i).filter(|h| h.start <= at).copied()
        };
        for sentence in &mut self.sentences {
            let (mut start, mut end) = (sentence.start, sentence.end);
            // Past each hidden part at the start, and the spaces after it...
            while let Some(h) = covering(start).filter(|_| start < end) {
                start = h.end.min(end);
                while start < end && blank(start) {
                    start += 1;
                }
            }
            // ...and before each at the end, with the spaces before it.
            while let Some(h) = (start < end).then(|| covering(end - 1)).flatten() {
                end = h.start.max(start);
                while start < end && blank(end - 1) {
                    end -= 1;
                }
            }
            *sentence = Span::new(start, end);
        }
        self.sentences.retain(|s| !s.is_empty());
        self.hidden = hidden;
    }

    pub fn body_text(&self) -> &str {
        self.body.slice(&self.text)
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// The sentence containing byte `offset`, if any (a binary search over `sentences`).
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= offset && offset < s.end)
    }

    /// The sentence spans overlapping `span`, in order.
    pub fn sentences_in(&self, span: Span) -> &[Span] {
        let from = self.sentences.partition_point(|s| s.end <= span.start);
        let to = self
            .sentences
            .partition_point(|s| s.start < span.end.max(span.start + 1));
        &self.sentences[from..to.max(from)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_parts_are_taken_off_the_ends_of_sentences() {
        let text = "<!-- note. Two. -->\nProfit rose 5%. Sales <!-- x --> fell. <!-- end -->";
        let mut d = Document::new(
            "x".into(),
            "x.md".into(),
            text.into(),
            Span::new(0, text.len()),
        );
        d.set_hidden(crate::markdown::hidden_spans(text, d.body));
        let sentences: Vec<&str> = d.sentences.iter().map(|s| s.slice(text)).collect();
        assert_eq!(sentences, ["Profit rose 5%.", "Sales <!-- x --> fell."]);
    }

    #[test]
    fn finds_the_sentence_of_an_offset() {
        let text = "Exports rose 5%. Imports fell 3%.".to_string();
        let d = Document::new(
            "x".into(),
            "x.txt".into(),
            text.clone(),
            Span::new(0, text.len()),
        );
        assert_eq!(d.sentence_at(0), Some(Span::new(0, 16)));
        assert_eq!(d.sentence_at(16), None); // the space between
        assert_eq!(
            d.sentence_at(20).map(|s| s.slice(&d.text)),
            Some("Imports fell 3%.")
        );
        assert_eq!(d.sentence_at(999), None);
        assert_eq!(d.sentences_in(Span::new(10, 20)).len(), 2);
        assert_eq!(d.sentences_in(Span::new(17, 18)), &[Span::new(17, 33)]);
        assert!(d.sentences_in(Span::new(16, 17)).is_empty());
    }
}
