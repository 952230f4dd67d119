//! The period phrases of an article's sentences, each found once: linking reads them, and so
//! does the search for the period the article reports on ([`super::reporting`]), which runs
//! ahead of linking over the same sentences.

use super::periods::{self, PeriodMark};
use crate::document::Document;
use crate::extract::Extraction;

#[derive(Default)]
pub struct SentenceMarks {
    /// Where each sentence's phrases are in `marks`, once found.
    found: Vec<Option<(usize, usize)>>,
    marks: Vec<PeriodMark>,
    /// The buffer [`periods::find`] fills.
    scratch: Vec<PeriodMark>,
}

impl SentenceMarks {
    /// Room for the phrases of `sentences` sentences, none found yet.
    pub fn new(sentences: usize) -> SentenceMarks {
        SentenceMarks {
            found: vec![None; sentences],
            marks: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// The period phrases of sentence `k` of `doc`, its tokens `first..end`.
    pub fn of(
        &mut self,
        doc: &Document,
        ex: &Extraction,
        k: usize,
        (first, end): (usize, usize),
    ) -> &[PeriodMark] {
        let (start, stop) = match self.found[k] {
            Some(range) => range,
            None => {
                let scratch = &mut self.scratch;
                periods::find(
                    doc.lang, &doc.text, &ex.tokens, first, end, doc.date, scratch,
                );
                let start = self.marks.len();
                self.marks.extend_from_slice(scratch);
                self.found[k] = Some((start, self.marks.len()));
                (start, self.marks.len())
            }
        };
        &self.marks[start..stop]
    }
}
