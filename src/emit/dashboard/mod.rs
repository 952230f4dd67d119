//! The audit dashboard (`claimcheck report AUDIT.ndjson -o dashboard.html`): what `audit`
//! wrote, read line by line into totals, inline-SVG charts, the most severe articles and a
//! capped findings table, as one self-contained page like the editor's (`html`), with every
//! finding also written as CSV.
//!
//! Memory stays flat in the size of the audit: each line is parsed and dropped; only the
//! counts, the 50 most severe articles and the first [`TABLE_CAP`] findings are kept.

mod page;

use crate::finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io;

/// Findings embedded in the page's table; the rest are in the CSV only.
pub const TABLE_CAP: usize = 10_000;
/// Articles listed as the most severe.
pub const TOP: usize = 50;
/// Unreadable records listed by line.
const UNREADABLE_LISTED: usize = 100;

#[derive(Deserialize)]
struct ClaimLine {
    id: usize,
    text: String,
}

#[derive(Deserialize)]
struct FindingLine {
    rule: String,
    severity: Severity,
    line: usize,
    column: usize,
    message: String,
    #[serde(default)]
    claims: Vec<usize>,
    #[serde(default)]
    notes: Vec<String>,
}

/// One line of `audit`'s output, as much of it as the dashboard reads.
#[derive(Deserialize)]
struct Record {
    id: Option<String>,
    source: Option<String>,
    date: Option<String>,
    title: Option<String>,
    line: Option<usize>,
    #[serde(default)]
    claims: Vec<ClaimLine>,
    #[serde(default)]
    findings: Vec<FindingLine>,
    error: Option<String>,
    #[serde(default)]
    meta: serde_json::Map<String, serde_json::Value>,
}

/// A finding as the table and the CSV show it.
pub struct Row {
    pub id: String,
    pub source: String,
    pub date: String,
    pub rule: String,
    pub severity: Severity,
    pub line: usize,
    pub column: usize,
    pub claim: String,
    pub message: String,
    pub notes: Vec<String>,
}

/// The CSV columns, in order (documented in docs/output.md).
pub const CSV_HEADER: &str = "id,source,date,rule,severity,line,column,claim,message,registry";

/// A CSV field, quoted when it must be. Line breaks (messages quote the article) become
/// spaces, so each finding is one line; a leading `=`, `+`, `-` or `@` is prefixed with `'`
/// so that a spreadsheet does not read article text as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.contains(['\n', '\r']) {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.to_string()
    };
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

impl Row {
    /// The row as one CSV line, newline included. Its `registry` column is a
    /// `registry-mismatch`'s notes (the fact, its source and date), empty for other rules.
    pub fn csv(&self) -> String {
        let registry = if self.rule == crate::rules::registry_mismatch::NAME {
            self.notes.join("; ")
        } else {
            String::new()
        };
        let fields = [
            self.id.as_str(),
            &self.source,
            &self.date,
            &self.rule,
            self.severity.as_str(),
            &self.line.to_string(),
            &self.column.to_string(),
            &self.claim,
            &self.message,
            &registry,
        ];
        let mut line = fields.map(csv_field).join(",");
        line.push('\n');
        line
    }
}

/// An article among the most severe: its worst severity and number of findings rank it.
struct Flagged {
    worst: Severity,
    findings: usize,
    claims: usize,
    order: usize,
    id: String,
    /// Its line in the archive `audit` read (a JSON Lines record), which with `id` finds it
    /// again there.
    line: Option<usize>,
    title: String,
    source: String,
    date: String,
    rows: Vec<Row>,
}

/// One of the most severe articles, as [`Dashboard::top`] gives it.
#[derive(Clone, Copy, Debug)]
pub struct TopArticle<'d> {
    pub id: &'d str,
    pub source: &'d str,
    pub line: Option<usize>,
    pub claims: usize,
}

/// The counts of an audit, filled one line at a time.
#[derive(Default)]
pub struct Dashboard {
    pub articles: u64,
    pub claims: u64,
    pub findings: [u64; 3],
    pub flagged_articles: u64,
    pub unreadable: u64,
    unreadable_lines: Vec<(usize, String)>,
    by_rule: BTreeMap<String, [u64; 3]>,
    by_month: BTreeMap<String, u64>,
    /// Per source (the records' `source` field): articles, flagged articles.
    by_source: BTreeMap<String, (u64, u64)>,
    top: Vec<Flagged>,
    table: Vec<Row>,
    pub rows: u64,
}

fn rank(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

impl Dashboard {
    /// Reads one line of the audit (its 1-based number `n`); each finding is passed to
    /// `each_row` (the CSV writer). A line that is not a report counts as unreadable.
    pub fn add(
        &mut self,
        n: usize,
        line: &str,
        each_row: &mut dyn FnMut(&Row) -> io::Result<()>,
    ) -> io::Result<()> {
        if line.trim().is_empty() {
            return Ok(());
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                self.unreadable(n, format!("line {n} of the audit is not a report: {e}"));
                return Ok(());
            }
        };
        if let Some(error) = record.error {
            self.unreadable(record.line.unwrap_or(n), error);
            return Ok(());
        }
        self.articles += 1;
        self.claims += record.claims.len() as u64;
        let id = record.id.unwrap_or_default();
        let source = record.source.unwrap_or_default();
        let date = record.date.unwrap_or_default();
        if date.len() >= 7 {
            self.by_month.entry(date[..7].to_string()).or_default();
        }
        let flagged = !record.findings.is_empty();
        if flagged {
            self.flagged_articles += 1;
        }
        if let Some(outlet) = record.meta.get("source").and_then(|s| s.as_str()) {
            let entry = self.by_source.entry(outlet.to_string()).or_default();
            entry.0 += 1;
            entry.1 += u64::from(flagged);
        }
        let mut rows = Vec::with_capacity(record.findings.len());
        for f in record.findings {
            self.findings[rank(f.severity)] += 1;
            self.by_rule.entry(f.rule.clone()).or_default()[rank(f.severity)] += 1;
            if date.len() >= 7 {
                *self.by_month.entry(date[..7].to_string()).or_default() += 1;
            }
            let claim = f
                .claims
                .first()
                .and_then(|id| record.claims.iter().find(|c| c.id == *id))
                .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            let row = Row {
                id: id.clone(),
                source: source.clone(),
                date: date.clone(),
                rule: f.rule,
                severity: f.severity,
                line: f.line,
                column: f.column,
                claim,
                message: f.message,
                notes: f.notes,
            };
            each_row(&row)?;
            self.rows += 1;
            rows.push(row);
        }
        if let Some(worst) = rows.iter().map(|r| r.severity).max() {
            let order = self.articles as usize;
            let title = record.title.unwrap_or_else(|| id.clone());
            self.offer(
                Flagged {
                    worst,
                    findings: rows.len(),
                    claims: record.claims.len(),
                    order,
                    id,
                    line: record.line,
                    title,
                    source,
                    date,
                    rows: Vec::new(),
                },
                rows,
            );
        }
        Ok(())
    }

    /// The most severe articles, most severe first: where `audit` read each (its `source`,
    /// its `id` and, for a JSON Lines record, its line there) and its number of claims, so
    /// that `report` can find it again and write its editor view.
    pub fn top(&self) -> impl Iterator<Item = TopArticle<'_>> {
        self.top.iter().map(|a| TopArticle {
            id: &a.id,
            source: &a.source,
            line: a.line,
            claims: a.claims,
        })
    }

    fn unreadable(&mut self, line: usize, error: String) {
        self.unreadable += 1;
        if self.unreadable_lines.len() < UNREADABLE_LISTED {
            self.unreadable_lines.push((line, error));
        }
    }

    /// Keeps the article among the [`TOP`] most severe, and its findings in the table while
    /// it has room.
    fn offer(&mut self, mut article: Flagged, rows: Vec<Row>) {
        let room = TABLE_CAP.saturating_sub(self.table.len());
        let key = |a: &Flagged| {
            (
                std::cmp::Reverse(a.worst),
                std::cmp::Reverse(a.findings),
                a.order,
            )
        };
        let keep = self.top.len() < TOP
            || self
                .top
                .last()
                .is_some_and(|last| key(&article) < key(last));
        if keep {
            article.rows = rows.iter().map(Row::copy).collect();
            let at = self.top.partition_point(|a| key(a) < key(&article));
            self.top.insert(at, article);
            self.top.truncate(TOP);
        }
        self.table.extend(rows.into_iter().take(room));
    }
}

impl Row {
    fn copy(&self) -> Row {
        Row {
            id: self.id.clone(),
            source: self.source.clone(),
            date: self.date.clone(),
            rule: self.rule.clone(),
            severity: self.severity,
            line: self.line,
            column: self.column,
            claim: self.claim.clone(),
            message: self.message.clone(),
            notes: self.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, date: &str, findings: &[(&str, &str)], outlet: &str) -> String {
        let findings: Vec<serde_json::Value> = findings
            .iter()
            .map(|(rule, severity)| {
                serde_json::json!({"rule": rule, "severity": severity, "line": 2, "column": 5,
                    "span": {"start": 0, "end": 1}, "field": "body",
                    "message": format!("<b>{rule}</b>, \"quoted\""), "claims": [1],
                    "notes": ["source: X (`x`), published 2025-07-20"]})
            })
            .collect();
        serde_json::json!({"id": id, "source": "a.jsonl", "date": date, "title": format!("<script>{id}"),
            "line": 1, "claims": [{"id": 1, "text": "=rose\n 5%"}], "findings": findings,
            "error": null, "meta": {"source": outlet}})
        .to_string()
    }

    fn run(lines: &[String]) -> (Dashboard, String, String) {
        let mut d = Dashboard::default();
        let mut csv = String::new();
        for (i, l) in lines.iter().enumerate() {
            d.add(i + 1, l, &mut |row| {
                csv.push_str(&row.csv());
                Ok(())
            })
            .unwrap();
        }
        let mut page = Vec::new();
        d.write(&mut page, Some("d.csv"), &[]).unwrap();
        (d, String::from_utf8(page).unwrap(), csv)
    }

    #[test]
    fn totals_charts_top_articles_and_csv() {
        let lines = vec![
            line("a", "2025-06-02", &[("times-more-ambiguity", "info")], "Reuters"),
            line("b", "2025-07-01", &[("registry-mismatch", "error"), ("points-vs-percent", "warning")], "BBC"),
            line("c", "2025-07-09", &[], "BBC"),
            "{not json".to_string(),
            r#"{"id":"d","source":"a.jsonl","line":9,"claims":[],"findings":[],"error":"bad record"}"#.to_string(),
        ];
        let (d, page, csv) = run(&lines);
        assert_eq!(
            (d.articles, d.claims, d.findings, d.unreadable),
            (3, 3, [1, 1, 1], 2)
        );
        assert_eq!(d.flagged_articles, 2);
        // The most severe article first.
        let first = page.find("data-article=\"b\"").unwrap();
        assert!(first < page.find("data-article=\"a\"").unwrap());
        assert!(page.contains("line 9: bad record") && page.contains("line 4 of the audit"));
        // Per source: BBC 1 of 2 flagged (500 per mille), Reuters 1 of 1.
        assert!(page.contains(">500</text>") && page.contains(">1000</text>"));
        assert_eq!(page.matches("<tr data-rule=").count(), 3);
        assert_eq!(page.matches("<script").count(), 1, "titles are text");
        assert!(page.contains("&lt;script&gt;b"));
        assert!(!page.contains("<b>"));
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[1],
            r#"b,a.jsonl,2025-07-01,registry-mismatch,error,2,5,'=rose 5%,"<b>registry-mismatch</b>, ""quoted""","source: X (`x`), published 2025-07-20""#
        );
        assert_eq!(CSV_HEADER.split(',').count(), 10);
    }

    #[test]
    fn the_table_is_capped_and_the_top_list_bounded() {
        let lines: Vec<String> = (0..TOP + 5)
            .map(|i| {
                let many: Vec<(&str, &str)> =
                    vec![("change-mismatch", "error"); TABLE_CAP / TOP + 1];
                line(&format!("x{i}"), "2025-07-01", &many, "S")
            })
            .collect();
        let (d, page, csv) = run(&lines);
        assert_eq!(d.rows as usize, (TOP + 5) * (TABLE_CAP / TOP + 1));
        assert_eq!(csv.lines().count(), d.rows as usize);
        assert_eq!(page.matches("<tr data-rule=").count(), TABLE_CAP);
        assert!(page.contains(&format!("the table holds at most {TABLE_CAP}")));
        assert_eq!(page.matches("<li data-article=").count(), TOP);
        // Equal severity and count: the earlier article ranks first.
        assert!(page.contains("data-article=\"x0\"") && !page.contains("data-article=\"x50\""));
    }
}
