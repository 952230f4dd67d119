//! Baselines: today's findings recorded in a file (`check --write-baseline FILE`), so that a
//! later run (`check --baseline FILE`) reports only the findings that are new. A finding is
//! matched by its rule, its article's id and a fingerprint of the words it points at (their
//! text, lowercased, spaces collapsed), never by line or offset: editing another paragraph
//! of the article does not make a known finding new. Each recorded finding hides one finding
//! of the same rule, article and words, so a second copy of a known mistake is still new.
//!
//! The file is JSON (docs/output.md, "Baseline file"):
//! `{"claimcheck_baseline": 1, "findings": [{"rule", "article", "fingerprint", "source",
//! "line", "message"}]}`; `source`, `line` and `message` are for the reader and not matched.

use crate::document::Document;
use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The file format's version, `claimcheck_baseline` in the file.
pub const VERSION: u32 = 1;

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub rule: String,
    /// The article's id (`id` in the output).
    pub article: String,
    /// [`fingerprint`] of the finding's words.
    pub fingerprint: String,
    /// Where the finding was when recorded: for the reader, not matched.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub line: usize,
    #[serde(default)]
    pub message: String,
}

impl Entry {
    fn of(doc: &Document, f: &Finding) -> Entry {
        Entry {
            rule: f.rule.to_string(),
            article: doc.id.clone(),
            fingerprint: fingerprint(f.span.slice(&doc.text)),
            source: doc.source.clone(),
            line: doc.line_col(f.span.start).0,
            message: f.message.clone(),
        }
    }

    fn key(&self) -> (String, String, String) {
        (
            self.rule.clone(),
            self.article.clone(),
            self.fingerprint.clone(),
        )
    }
}

#[derive(Serialize, Deserialize)]
struct File {
    claimcheck_baseline: u32,
    findings: Vec<Entry>,
}

/// The words a finding points at, as matched: lowercased, runs of whitespace (line breaks
/// included) as one space, no space at either end.
pub fn fingerprint(words: &str) -> String {
    words
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a run does with baselines: hide the findings of one, record its own in another.
#[derive(Debug, Default)]
pub struct Baselines {
    /// Of each known (rule, article, fingerprint), how many findings are still to hide.
    known: Option<HashMap<(String, String, String), usize>>,
    /// The findings to record, when writing.
    recorded: Option<Vec<Entry>>,
    /// How many findings were hidden.
    pub hidden: usize,
}

impl Baselines {
    /// Reads the baseline at `against`, if given; records findings when `record` is set.
    pub fn new(against: Option<&Path>, record: bool) -> Result<Baselines, String> {
        let known = against.map(read).transpose()?.map(|entries| {
            let mut known = HashMap::new();
            for e in entries {
                *known.entry(e.key()).or_insert(0) += 1;
            }
            known
        });
        Ok(Baselines {
            known,
            recorded: record.then(Vec::new),
            hidden: 0,
        })
    }

    /// Records the article's findings (when writing), then takes out those the baseline
    /// knows; when writing, every finding is known from then on and all are taken out.
    pub fn apply(&mut self, doc: &Document, findings: &mut Vec<Finding>) {
        if let Some(recorded) = &mut self.recorded {
            recorded.extend(findings.iter().map(|f| Entry::of(doc, f)));
            self.hidden += findings.len();
            findings.clear();
            return;
        }
        let Some(known) = &mut self.known else {
            return;
        };
        let before = findings.len();
        findings.retain(|f| {
            let entry = Entry::of(doc, f);
            match known.get_mut(&entry.key()) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    false
                }
                _ => true,
            }
        });
        self.hidden += before - findings.len();
    }

    /// Writes the recorded findings to `path` (nothing when not recording); how many.
    pub fn write(&self, path: &Path) -> std::io::Result<usize> {
        let Some(recorded) = &self.recorded else {
            return Ok(0);
        };
        let file = File {
            claimcheck_baseline: VERSION,
            findings: recorded.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file).map_err(std::io::Error::other)?;
        text.push('\n');
        std::fs::write(path, text)?;
        Ok(recorded.len())
    }
}

/// The entries of the baseline file at `path`.
fn read(path: &Path) -> Result<Vec<Entry>, String> {
    let shown = path.display();
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("baseline {shown}: cannot read: {e}"))?;
    let file: File = serde_json::from_str(&text)
        .map_err(|e| format!("baseline {shown}: not a claimcheck baseline: {e}"))?;
    if file.claimcheck_baseline != VERSION {
        return Err(format!(
            "baseline {shown}: version {} is not {VERSION}; write it again with --write-baseline",
            file.claimcheck_baseline
        ));
    }
    Ok(file.findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn doc(text: &str) -> Document {
        Document::new(
            "a".into(),
            "a.md".into(),
            text.into(),
            Span::new(0, text.len()),
        )
    }

    fn finding(text: &str, words: &str, nth: usize) -> Finding {
        crate::rules::test_support::finding_on(text, words, nth, "change-mismatch")
    }

    #[test]
    fn fingerprints_ignore_case_and_line_breaks() {
        assert_eq!(
            fingerprint("Rose  20.8%\n to 87.1 mln"),
            "rose 20.8% to 87.1 mln"
        );
    }

    #[test]
    fn a_recorded_finding_hides_one_finding_of_its_words_wherever_it_moved() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("baseline.json");
        let old = "Profit rose 20.8% to 87.1 mln.";
        let mut writer = Baselines::new(None, true).unwrap();
        let mut findings = vec![finding(old, "rose 20.8%", 0)];
        writer.apply(&doc(old), &mut findings);
        assert!(findings.is_empty());
        assert_eq!(writer.write(&file).unwrap(), 1);

        // A paragraph added above moves it; the same words appear a second time.
        let new = "New intro.\n\nProfit rose 20.8% to 87.1 mln. Again: rose 20.8%.";
        let mut reader = Baselines::new(Some(&file), false).unwrap();
        let mut findings = vec![finding(new, "rose 20.8%", 0), finding(new, "rose 20.8%", 1)];
        reader.apply(&doc(new), &mut findings);
        assert_eq!(findings.len(), 1);
        assert_eq!(reader.hidden, 1);
        assert_eq!(findings[0].span.start, new.rfind("rose").unwrap());
    }

    #[test]
    fn a_file_that_is_no_baseline_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.json");
        std::fs::write(&file, "{\"findings\": []}").unwrap();
        let e = Baselines::new(Some(&file), false).unwrap_err();
        assert!(
            e.contains("not a claimcheck baseline: missing field `claimcheck_baseline`"),
            "{e}"
        );
        std::fs::write(&file, "{\"claimcheck_baseline\": 2, \"findings\": []}").unwrap();
        let e = Baselines::new(Some(&file), false).unwrap_err();
        assert!(
            e.ends_with("version 2 is not 1; write it again with --write-baseline"),
            "{e}"
        );
    }
}
