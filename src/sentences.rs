//! Sentence and paragraph boundaries: abbreviations ("U.S.", "Corp.", "Feb.") and decimals
//! are not sentence ends; a blank line or an indented line starts a new paragraph.

use crate::span::Span;

/// Sentence spans within `body` of `text`, trimmed of surrounding whitespace.
pub fn split(text: &str, body: Span) -> Vec<Span> {
    // Placeholder until the real splitter lands: one sentence per line.
    let mut out = Vec::new();
    let mut start = body.start;
    for (i, b) in text.as_bytes()[body.start..body.end].iter().enumerate() {
        if *b == b'\n' {
            let end = body.start + i;
            if end > start {
                out.push(Span::new(start, end));
            }
            start = end + 1;
        }
    }
    if body.end > start {
        out.push(Span::new(start, body.end));
    }
    out
}
