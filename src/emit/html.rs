//! `--format html`: one self-contained page for an editor, with the article text and every
//! claim highlighted by its state, its reading on hover or focus, the findings most severe
//! first, and a claims table, built from the same reports as `--format json`.
//!
//! The page loads nothing: its one inline style and one inline script are named by their
//! SHA-256 hashes in a Content-Security-Policy that forbids everything else, and every piece
//! of article, record and registry text goes through [`esc`]. The test hooks (`data-claim`,
//! `data-state`, `data-rule`) are part of the output contract, see docs/output.md.

use super::human::{change, figure, kind, plural, range, registry, summary_line};
use super::{Emitter, Tally};
use crate::claim::{Direction, Measure, RegistryMatch, Verdict};
use crate::diagnostics::{Diagnostic, RuleInfo};
use crate::document::Document;
use crate::finding::Severity;
use crate::period::Date;
use crate::registry::Registry;
use crate::report::{ArticleReport, ClaimOut, FigureOut, FindingOut};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// What the page says about the registry: where it was read from, and each fact's
/// description, source and publication date by id (a report names only the fact's id).
#[derive(Clone, Debug, Default)]
pub struct RegistryInfo {
    pub paths: Vec<String>,
    pub facts: usize,
    pub sources: usize,
    pub by_fact: BTreeMap<String, FactInfo>,
}

#[derive(Clone, Debug)]
pub struct FactInfo {
    pub what: String,
    pub written: Option<String>,
    pub unit: &'static str,
    pub period: String,
    pub source: String,
    pub url: Option<String>,
    pub published: Option<Date>,
}

impl RegistryInfo {
    /// The description of `registry`, read from `paths` (`claims/` when none were given).
    pub fn of(paths: &[PathBuf], registry: &Registry) -> RegistryInfo {
        let paths = if paths.is_empty() {
            vec!["claims".to_string()]
        } else {
            paths.iter().map(|p| p.display().to_string()).collect()
        };
        let by_fact = registry
            .facts
            .iter()
            .map(|f| {
                let source = registry.sources.get(&*f.source);
                let info = FactInfo {
                    what: f.what.clone(),
                    written: f.written.clone(),
                    unit: f.unit,
                    period: f.period.to_string(),
                    source: source.map_or_else(|| f.source.to_string(), |s| s.name.clone()),
                    url: source.and_then(|s| s.url.clone()),
                    published: source.and_then(|s| s.published),
                };
                (f.id.clone(), info)
            })
            .collect();
        RegistryInfo {
            paths,
            facts: registry.facts.len(),
            sources: registry.sources.len(),
            by_fact,
        }
    }
}

/// Escapes text for an element's content or a quoted attribute value.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_esc(&mut out, s);
    out
}

fn push_esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not a character HTML allows; shown as the replacement character.
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// `'sha256-…'` for a CSP source list.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The state a claim is highlighted with: its worst finding, else the registry's
/// confirmation, else consistent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Consistent,
    Confirmed,
    Flagged(Severity),
}

impl State {
    fn as_str(self) -> &'static str {
        match self {
            State::Consistent => "consistent",
            State::Confirmed => "confirmed",
            State::Flagged(s) => s.as_str(),
        }
    }

    fn label(self) -> &'static str {
        match self {
            State::Consistent => "consistent",
            State::Confirmed => "confirmed by the registry",
            State::Flagged(Severity::Error) => "error",
            State::Flagged(Severity::Warning) => "warning",
            State::Flagged(Severity::Info) => "info",
        }
    }
}

/// Whether a finding is about a claim: it names it, or (naming none) its span overlaps it.
fn concerns(f: &FindingOut, c: &ClaimOut) -> bool {
    if f.claims.is_empty() {
        f.span.start < c.span.end.max(c.span.start + 1)
            && c.span.start < f.span.end.max(f.span.start + 1)
    } else {
        f.claims.contains(&c.id)
    }
}

fn verdicts<'r>(c: &'r ClaimOut) -> impl Iterator<Item = &'r RegistryMatch> {
    [
        c.registry.as_deref(),
        c.value.as_ref().and_then(|f| f.registry.as_deref()),
        c.baseline.as_ref().and_then(|f| f.registry.as_deref()),
        c.change.as_ref().and_then(|ch| ch.registry.as_deref()),
    ]
    .into_iter()
    .flatten()
}

fn state(report: &ArticleReport, c: &ClaimOut) -> State {
    let worst = report
        .findings
        .iter()
        .filter(|f| concerns(f, c))
        .map(|f| f.severity)
        .max();
    match worst {
        Some(s) => State::Flagged(s),
        None => {
            let mut v = verdicts(c).peekable();
            let any = v.peek().is_some();
            if any && v.all(|m| m.verdict == Verdict::Confirmed) {
                State::Confirmed
            } else {
                State::Consistent
            }
        }
    }
}

/// `#` links and anchors of article `n`.
fn claim_id(n: usize, claim: usize) -> String {
    format!("a{n}-c{claim}")
}

fn reading_id(n: usize, claim: usize) -> String {
    format!("a{n}-r{claim}")
}

fn finding_id(n: usize, i: usize) -> String {
    format!("a{n}-f{i}")
}

/// A finding of the run, for the list at the top.
struct Listed {
    severity: Severity,
    article: usize,
    position: usize,
    html: String,
}

/// An article in the list at the top.
struct Entry {
    title: String,
    claims: usize,
    findings: usize,
    worst: Option<Severity>,
}

/// `--format html`: buffers each article's section and writes the page at the end.
#[derive(Default)]
pub struct Html {
    registry: Option<std::sync::Arc<RegistryInfo>>,
    /// The list of articles.
    nav: Vec<Entry>,
    sections: String,
    findings: Vec<Listed>,
}

impl Html {
    pub fn new(registry: Option<std::sync::Arc<RegistryInfo>>) -> Html {
        Html {
            registry,
            ..Html::default()
        }
    }
}

/// A URL worth a link: http or https only (a `javascript:` URL stays text).
fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn url_html(url: &str) -> String {
    if safe_url(url) {
        format!(
            "<a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>",
            esc(url)
        )
    } else {
        format!("<code>{}</code>", esc(url))
    }
}

/// An interval for the reading: `72.55…72.65 mln`, with the unit.
fn interval(low: f64, high: f64, unit: Option<&str>, signed: bool) -> String {
    let dress = |n: String| match unit {
        None => n,
        Some("%") => n + "%",
        Some(u) => format!("{n} {u}"),
    };
    match range(low, high, 6, signed, &dress) {
        Some(r) => format!("[{r}]"),
        None => "unbounded".into(),
    }
}

fn direction(d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::Up) => "up",
        Some(Direction::Down) => "down",
        Some(Direction::Flat) => "flat",
        None => "not stated",
    }
}

fn measure(m: Measure) -> &'static str {
    match m {
        Measure::Percent => "percent",
        Measure::Points => "percentage points",
        Measure::Multiple => "multiple",
        Measure::Absolute => "amount",
    }
}

fn verdict(m: &RegistryMatch) -> &'static str {
    match m.verdict {
        Verdict::Confirmed => "confirmed",
        Verdict::Contradicted => "contradicted",
    }
}

impl Html {
    /// The registry fact behind a verdict: its id and verdict, and what the registry says
    /// about it (what, value, period, source, publication date) when it is known.
    /// A fact already described in this reading (in `seen`) is only named.
    fn fact(&self, out: &mut String, m: &RegistryMatch, seen: &mut Vec<String>) {
        let _ = write!(
            out,
            "<span class=\"verdict v-{0}\">{0}</span> by fact <code>{1}</code>",
            verdict(m),
            esc(&m.fact)
        );
        let Some(info) = self.registry.as_ref().and_then(|r| r.by_fact.get(&m.fact)) else {
            return;
        };
        if seen.contains(&m.fact) {
            out.push_str(" (above)");
            return;
        }
        seen.push(m.fact.clone());
        let _ = write!(out, ": {}", esc(&info.what));
        if let Some(written) = &info.written {
            let _ = write!(out, ", {} {}", esc(written), esc(info.unit));
        }
        let _ = write!(out, " ({})", esc(&info.period));
        let _ = write!(out, "; source: {}", esc(&info.source));
        if let Some(url) = &info.url {
            let _ = write!(out, ", {}", url_html(url));
        }
        match info.published {
            Some(date) => {
                let _ = write!(out, ", published {date}");
            }
            None => out.push_str(", publication date not given"),
        }
    }

    fn figure_row(&self, out: &mut String, name: &str, f: &FigureOut, seen: &mut Vec<String>) {
        let _ = write!(out, "<dt>{name}</dt><dd>");
        match (&f.stated, f.implied) {
            (Some(stated), false) => {
                let _ = write!(out, "stated “{}”, ", esc(stated));
            }
            _ => out.push_str("implied (not written: rebuilt from the claim), "),
        }
        let _ = write!(
            out,
            "read as {}",
            esc(&interval(f.low, f.high, f.unit, false))
        );
        if let Some(p) = f.period {
            let _ = write!(out, ", period {p}");
        }
        if let Some(m) = f.registry.as_deref() {
            out.push_str("; registry: ");
            self.fact(out, m, seen);
        }
        out.push_str("</dd>");
    }

    /// A claim's reading: what it was read as, the registry's verdict, and the findings
    /// about it in the terminal's words.
    fn reading(&self, out: &mut String, n: usize, report: &ArticleReport, c: &ClaimOut, st: State) {
        let _ = write!(
            out,
            "<div class=\"reading\" id=\"{}\" role=\"tooltip\" hidden>\
<p class=\"r-head\"><strong>Claim {}</strong> · {} · line {}:{} · \
<span class=\"state s-{}\">{}</span></p><p class=\"quote\">“{}”</p><dl>",
            reading_id(n, c.id),
            c.id,
            esc(&kind(c)),
            c.line,
            c.column,
            st.as_str(),
            st.label(),
            esc(&c.text),
        );
        let mut seen = Vec::new();
        if !c.subject.is_empty() {
            let _ = write!(out, "<dt>Subject</dt><dd>{}</dd>", esc(&c.subject));
        }
        if let Some(v) = &c.value {
            self.figure_row(out, "Value", v, &mut seen);
        }
        if let Some(ch) = &c.change {
            let _ = write!(
                out,
                "<dt>Change</dt><dd>stated “{}”, {}, read as {}, direction {}",
                esc(&ch.stated),
                measure(ch.measure),
                esc(&interval(ch.low, ch.high, change_unit(ch.measure), true)),
                direction(ch.direction)
            );
            if let Some(r) = ch.restates {
                let _ = write!(out, ", restates claim {r}");
            }
            if let Some(m) = ch.registry.as_deref() {
                out.push_str("; registry: ");
                self.fact(out, m, &mut seen);
            }
            out.push_str("</dd>");
        }
        match &c.baseline {
            Some(b) => self.figure_row(out, "Baseline", b, &mut seen),
            None => out.push_str("<dt>Baseline</dt><dd>none</dd>"),
        }
        if let Some(p) = c.period {
            let _ = write!(out, "<dt>Period</dt><dd>{p}</dd>");
        }
        // The claim-level verdict repeats a figure's, unless no figure has its own.
        let figures_judged = c
            .value
            .iter()
            .chain(&c.baseline)
            .any(|f| f.registry.is_some());
        if let Some(m) = c.registry.as_deref().filter(|_| !figures_judged) {
            out.push_str("<dt>Registry</dt><dd>");
            self.fact(out, m, &mut seen);
            if let Some(figure) = m.figure {
                let _ = write!(out, " (about the {figure})");
            }
            out.push_str("</dd>");
        }
        let mut about: Vec<&FindingOut> =
            report.findings.iter().filter(|f| concerns(f, c)).collect();
        about.sort_by_key(|f| std::cmp::Reverse(f.severity));
        if !about.is_empty() {
            out.push_str("<dt>Findings</dt><dd><ul>");
            for f in about {
                out.push_str("<li>");
                finding_words(out, f);
                out.push_str("</li>");
            }
            out.push_str("</ul></dd>");
        }
        out.push_str("</dl></div>");
    }
}

fn change_unit(m: Measure) -> Option<&'static str> {
    match m {
        Measure::Percent => Some("%"),
        Measure::Points => Some("pp"),
        _ => None,
    }
}

/// `error[rule]: message` and its notes, as the terminal writes them.
fn finding_words(out: &mut String, f: &FindingOut) {
    finding_title(out, f);
    finding_notes(out, f);
}

/// `error[rule]: message`.
fn finding_title(out: &mut String, f: &FindingOut) {
    let _ = write!(
        out,
        "<span class=\"badge b-{0}\">{0}</span><code>[{1}]</code>: {2}",
        f.severity.as_str(),
        esc(f.rule),
        esc(&f.message)
    );
}

/// The notes under a finding: the arithmetic, the registry's fact, a suggestion.
fn finding_notes(out: &mut String, f: &FindingOut) {
    notes_list(out, &f.notes);
}

/// `<ul class="notes">` of `note: ...` lines, as the terminal writes them; nothing when
/// there are none.
pub(super) fn notes_list(out: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<ul class=\"notes\">");
    for note in notes {
        let _ = write!(out, "<li>note: {}</li>", esc(note));
    }
    out.push_str("</ul>");
}

/// The rule's summary and `claimcheck explain`'s docs, folded.
fn explain(out: &mut String, rule: &str) {
    let Some(r) = crate::rules::find(rule) else {
        return;
    };
    let _ = write!(
        out,
        "<p class=\"summary\">{}</p><details><summary>How to fix it (<code>claimcheck explain {}</code>)</summary><pre class=\"docs\">{}</pre></details>",
        esc(r.summary),
        esc(r.name),
        esc(r.docs.trim_end())
    );
}

/// Rounds `at` down to a character boundary of `text`.
fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A claim to highlight: its bytes (nested inside the one before when they overlap) and
/// the opening tag.
struct Highlight {
    start: usize,
    end: usize,
    open: String,
}

/// Writes `text[from..to]` escaped, with the finding anchors that fall in it.
fn text_with_anchors(
    out: &mut String,
    text: &str,
    from: usize,
    to: usize,
    anchors: &mut std::iter::Peekable<std::vec::IntoIter<(usize, String)>>,
) {
    let mut at = from;
    while let Some((pos, _)) = anchors.peek() {
        if *pos >= to {
            break;
        }
        let (pos, id) = anchors.next().unwrap_or_default();
        let pos = pos.max(at);
        push_esc(out, &text[at..pos]);
        let _ = write!(out, "<span class=\"anchor\" id=\"{id}\"></span>");
        at = pos;
    }
    push_esc(out, &text[at..to.max(at)]);
}

/// The article body with every claim highlighted. Claims outside the body (in a title) are
/// listed after it.
fn article_text(
    out: &mut String,
    doc: &Document,
    highlights: Vec<Highlight>,
    anchors: Vec<(usize, String)>,
) {
    let text = doc.text.as_str();
    let (b0, b1) = (
        floor_char(text, doc.body.start),
        floor_char(text, doc.body.end),
    );
    // The blank lines around the body are not shown (they would pad the box).
    let b0 = b0 + text[b0..b1.max(b0)].len()
        - text[b0..b1.max(b0)].trim_start_matches(['\n', '\r']).len();
    let b1 = b0 + text[b0..b1.max(b0)].trim_end().len();
    let (mut inside, outside): (Vec<Highlight>, Vec<Highlight>) = highlights
        .into_iter()
        .partition(|h| h.start >= b0 && h.start <= b1);
    inside.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut anchors: Vec<(usize, String)> = anchors
        .into_iter()
        .map(|(p, id)| (floor_char(text, p.clamp(b0, b1)), id))
        .collect();
    anchors.sort();
    let mut anchors = anchors.into_iter().peekable();
    out.push_str("<div class=\"text\">");
    let mut at = b0;
    let mut open: Vec<usize> = Vec::new();
    for h in inside {
        let start = floor_char(text, h.start);
        while let Some(&end) = open.last() {
            if end > start {
                break;
            }
            text_with_anchors(out, text, at, end, &mut anchors);
            out.push_str("</mark>");
            at = at.max(end);
            open.pop();
        }
        // An overlapping claim is clipped to nest inside the one before.
        let limit = open.last().copied().unwrap_or(b1);
        let end = floor_char(text, h.end.min(limit)).max(start);
        text_with_anchors(out, text, at, start, &mut anchors);
        at = at.max(start);
        out.push_str(&h.open);
        open.push(end);
    }
    while let Some(end) = open.pop() {
        text_with_anchors(out, text, at, end, &mut anchors);
        out.push_str("</mark>");
        at = at.max(end);
    }
    text_with_anchors(out, text, at, b1, &mut anchors);
    for (_, id) in anchors {
        let _ = write!(out, "<span class=\"anchor\" id=\"{id}\"></span>");
    }
    out.push_str("</div>");
    if !outside.is_empty() {
        out.push_str("<p class=\"outside\">Outside the body: ");
        for h in outside {
            let (s, e) = (floor_char(text, h.start), floor_char(text, h.end));
            out.push_str(&h.open);
            push_esc(out, &text[s..e.max(s)]);
            out.push_str("</mark> ");
        }
        out.push_str("</p>");
    }
}

impl Html {
    fn section(&mut self, report: &ArticleReport, doc: Option<&Document>) -> String {
        let n = self.nav.len() + 1;
        let mut out = String::new();
        let title = report
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&report.id)
            .to_string();
        let _ = write!(
            out,
            "<section class=\"article\" id=\"a{n}\" aria-labelledby=\"a{n}-h\"><h2 id=\"a{n}-h\">{}</h2><p class=\"meta\"><code>{}</code>",
            esc(&title),
            esc(&report.source)
        );
        if let Some(line) = report.line {
            let _ = write!(out, ", line {line} (<code>{}</code>)", esc(&report.id));
        }
        if let Some(date) = report.date {
            let _ = write!(out, " · {date}");
        }
        if let Some(url) = report.meta.get("url").and_then(|u| u.as_str()) {
            let _ = write!(out, " · {}", url_html(url));
        }
        let _ = write!(
            out,
            " · {} · {}</p>",
            plural(report.claims.len(), "claim"),
            plural(report.findings.len(), "finding")
        );
        if let Some(error) = &report.error {
            let _ = write!(
                out,
                "<p class=\"unreadable\" role=\"alert\">Could not be read: {}</p>",
                esc(error)
            );
        }
        // The findings, for the list at the top.
        for (i, f) in report.findings.iter().enumerate() {
            let target = f
                .claims
                .iter()
                .find(|id| report.claims.iter().any(|c| c.id == **id))
                .map(|id| claim_id(n, *id))
                .filter(|_| doc.is_some())
                .unwrap_or_else(|| finding_id(n, i));
            let mut html = String::new();
            let _ = write!(
                html,
                "<li class=\"finding sev-{0}\" data-rule=\"{1}\" data-severity=\"{0}\"><a class=\"goto\" href=\"#{2}\">",
                f.severity.as_str(),
                esc(f.rule),
                target
            );
            finding_title(&mut html, f);
            html.push_str("</a>");
            finding_notes(&mut html, f);
            let _ = write!(
                html,
                "<p class=\"where\">{}, <code>{}</code> line {}:{}</p>",
                esc(&title),
                esc(&report.source),
                f.line,
                f.column
            );
            explain(&mut html, f.rule);
            html.push_str("</li>");
            self.findings.push(Listed {
                severity: f.severity,
                article: n,
                position: f.span.start,
                html,
            });
        }
        if !report.suppressed.is_empty() {
            out.push_str("<h3>Suppressed</h3><ul class=\"suppressed\">");
            for s in &report.suppressed {
                let _ = write!(
                    out,
                    "<li><code>{}</code> line {}: {} — {}</li>",
                    esc(s.rule),
                    s.line,
                    esc(&s.message),
                    esc(s.reason.as_deref().unwrap_or("no reason given"))
                );
            }
            out.push_str("</ul>");
        }
        let states: Vec<State> = report.claims.iter().map(|c| state(report, c)).collect();
        if let Some(doc) = doc {
            out.push_str("<h3>Text</h3>");
            let highlights = report
                .claims
                .iter()
                .zip(&states)
                .map(|(c, st)| Highlight {
                    start: c.span.start,
                    end: c.span.end,
                    open: format!(
                        "<mark class=\"claim s-{0}\" id=\"{1}\" data-claim=\"{2}\" data-state=\"{0}\" tabindex=\"0\" role=\"button\" aria-describedby=\"{3}\" aria-label=\"claim {2}, {4}: {5}\">",
                        st.as_str(),
                        claim_id(n, c.id),
                        c.id,
                        reading_id(n, c.id),
                        st.label(),
                        esc(&c.text)
                    ),
                })
                .collect();
            let anchors = report
                .findings
                .iter()
                .enumerate()
                .map(|(i, f)| (f.span.start, finding_id(n, i)))
                .collect();
            article_text(&mut out, doc, highlights, anchors);
            out.push_str("<div class=\"readings\">");
            for (c, st) in report.claims.iter().zip(&states) {
                self.reading(&mut out, n, report, c, *st);
            }
            out.push_str("</div>");
        }
        if !report.claims.is_empty() {
            out.push_str(
                "<h3>Claims</h3><div class=\"table-wrap\"><table class=\"claims\"><thead><tr>\
<th scope=\"col\">id</th><th scope=\"col\">state</th><th scope=\"col\">kind</th><th scope=\"col\">at</th>\
<th scope=\"col\">value</th><th scope=\"col\">change</th><th scope=\"col\">baseline</th><th scope=\"col\">registry</th></tr></thead><tbody>",
            );
            for (c, st) in report.claims.iter().zip(&states) {
                let id = if doc.is_some() {
                    format!("<a href=\"#{}\">{}</a>", claim_id(n, c.id), c.id)
                } else {
                    c.id.to_string()
                };
                let _ = write!(
                    out,
                    "<tr><td>{id}</td><td><span class=\"state s-{}\">{}</span></td><td>{}</td><td>{}:{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    st.as_str(),
                    st.label(),
                    esc(&kind(c)),
                    c.line,
                    c.column,
                    esc(&c.value.as_ref().map_or("-".into(), figure)),
                    esc(&c.change.as_ref().map_or("-".into(), change)),
                    esc(&c.baseline.as_ref().map_or("-".into(), figure)),
                    esc(&registry(c)),
                );
            }
            out.push_str("</tbody></table></div>");
        } else if report.error.is_none() {
            out.push_str("<p>No claims.</p>");
        }
        out.push_str("</section>");
        self.nav.push(Entry {
            title,
            claims: report.claims.len(),
            findings: report.findings.len(),
            worst: report.worst(),
        });
        out
    }

    fn write_page(&mut self, w: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let page_title = match self.nav.as_slice() {
            [one] => format!("claimcheck: {}", one.title),
            _ => format!("claimcheck: {}", plural(self.nav.len(), "article")),
        };
        let mut header = format!(
            "<p class=\"totals\">{}</p><p class=\"registry\">",
            esc(&summary_line(tally))
        );
        match &self.registry {
            Some(r) => {
                let paths: Vec<String> = r
                    .paths
                    .iter()
                    .map(|p| format!("<code>{}</code>", esc(p)))
                    .collect();
                let _ = write!(
                    header,
                    "Registry: {} ({}, {})",
                    paths.join(", "),
                    plural(r.facts, "fact"),
                    plural(r.sources, "source")
                );
            }
            None => {
                header.push_str("Registry: none (claims were not matched against sourced facts)")
            }
        }
        header.push_str(
            "</p><p class=\"legend\" aria-hidden=\"true\">Claims: \
<mark class=\"claim s-error\">error</mark> <mark class=\"claim s-warning\">warning</mark> \
<mark class=\"claim s-info\">info</mark> <mark class=\"claim s-confirmed\">confirmed by the registry</mark> \
<mark class=\"claim s-consistent\">consistent</mark> — hover, click or Tab to a claim for its reading.</p>",
        );
        let mut body = String::with_capacity(self.sections.len() + 8192);
        if self.nav.len() > 1 {
            body.push_str("<nav aria-label=\"Articles\"><h2>Articles</h2><ol class=\"articles\">");
            for (i, entry) in self.nav.iter().enumerate() {
                let worst = entry.worst.map_or(String::new(), |s| {
                    format!(" <span class=\"badge b-{0}\">worst: {0}</span>", s.as_str())
                });
                let _ = write!(
                    body,
                    "<li><a href=\"#a{}\">{}</a> — {}, {}{worst}</li>",
                    i + 1,
                    esc(&entry.title),
                    plural(entry.claims, "claim"),
                    plural(entry.findings, "finding"),
                );
            }
            body.push_str("</ol></nav>\n");
        }
        body.push_str("<main>\n<section id=\"findings\" aria-labelledby=\"findings-h\" tabindex=\"-1\"><h2 id=\"findings-h\">Findings</h2>");
        if self.findings.is_empty() {
            body.push_str("<p>No findings.</p>");
        } else {
            // Most severe first; then in article order and by place.
            self.findings
                .sort_by_key(|f| (std::cmp::Reverse(f.severity), f.article, f.position));
            body.push_str("<ol class=\"findings\">");
            for f in &self.findings {
                body.push_str(&f.html);
            }
            body.push_str("</ol>");
        }
        body.push_str("</section>\n");
        body.push_str(&self.sections);
        body.push_str("</main>");
        w.write_all(page(&page_title, "claimcheck report", &header, &body).as_bytes())
    }
}

/// The whole page: head (CSP, style), a header with `header` under the heading `heading`
/// (trusted text), `body`, the script.
pub(super) fn page(title: &str, heading: &str, header: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; form-action 'none'\">\n\
<meta name=\"generator\" content=\"claimcheck {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n<header><h1>{heading}</h1>{header}</header>\n\
{body}\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        csp_hash(STYLE),
        csp_hash(SCRIPT),
        env!("CARGO_PKG_VERSION"),
        esc(title),
    )
}

impl Emitter for Html {
    fn article(
        &mut self,
        _w: &mut dyn Write,
        report: &ArticleReport,
        doc: Option<&Document>,
    ) -> io::Result<()> {
        let section = self.section(report, doc);
        self.sections.push_str(&section);
        self.sections.push('\n');
        Ok(())
    }

    /// A page of the registry's problems (`registry check`), written at once: that command
    /// has no articles and no summary.
    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        _rules: &[RuleInfo],
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        let mut list = String::from("<ol class=\"findings\">");
        for d in diags {
            let _ = write!(
                list,
                "<li class=\"finding sev-{0}\" data-rule=\"{1}\"><span class=\"badge b-{0}\">{0}</span><code>[{1}]</code>: {2} <span class=\"where\">{3}</span>",
                d.severity.as_str(),
                esc(&d.rule),
                esc(&d.message),
                esc(&d.location())
            );
            notes_list(&mut list, &d.notes);
            list.push_str("</li>");
        }
        list.push_str("</ol>");
        if diags.is_empty() {
            list = "<p>No problems.</p>".into();
        }
        let body = format!(
            "<main><section id=\"findings\"><h2>Registry problems</h2>{list}</section></main>"
        );
        w.write_all(
            page(
                "claimcheck: registry check",
                "claimcheck registry check",
                "",
                &body,
            )
            .as_bytes(),
        )
    }

    fn finish(&mut self, w: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        self.write_page(w, tally)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::testing;
    use crate::span::Span;

    fn render(
        reports: &[(ArticleReport, Option<&Document>)],
        registry: Option<RegistryInfo>,
    ) -> String {
        let mut html = Html::new(registry.map(std::sync::Arc::new));
        let mut out = Vec::new();
        let mut tally = Tally::default();
        for (report, doc) in reports {
            tally.record(report, 0, true);
            html.article(&mut out, report, *doc).unwrap();
        }
        assert!(out.is_empty(), "nothing is written before the end");
        html.finish(&mut out, &tally).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The page without its style, script, hashes and version, which have no place in a
    /// snapshot of the structure.
    fn redacted(page: &str) -> String {
        page.replace(STYLE, "[style]")
            .replace(SCRIPT, "[script]")
            .replace(&csp_hash(STYLE), "[style hash]")
            .replace(&csp_hash(SCRIPT), "[script hash]")
            .replace(env!("CARGO_PKG_VERSION"), "[version]")
            .split("<pre class=\"docs\">")
            .enumerate()
            .map(|(i, part)| match (i, part.find("</pre>")) {
                (0, _) | (_, None) => part.to_string(),
                (_, Some(end)) => format!("<pre class=\"docs\">[docs]{}", &part[end..]),
            })
            .collect()
    }

    fn count(page: &str, needle: &str) -> usize {
        page.matches(needle).count()
    }

    fn registry_info() -> RegistryInfo {
        let mut info = RegistryInfo {
            paths: vec!["claims".into()],
            facts: 1,
            sources: 1,
            by_fact: BTreeMap::new(),
        };
        info.by_fact.insert(
            "cn-magnet-exports-us-2025-06".into(),
            FactInfo {
                what: "China's exports of rare earth magnets to the US".into(),
                written: Some("353".into()),
                unit: "t",
                period: "2025-06".into(),
                source: "General Administration of Customs".into(),
                url: Some("https://example.org/gac".into()),
                published: Date::parse("2025-07-20"),
            },
        );
        info
    }

    #[test]
    fn page_snapshot() {
        let doc = testing::document();
        let page = render(
            &[(testing::flagged_report(&doc), Some(&doc))],
            Some(registry_info()),
        );
        insta::assert_snapshot!(redacted(&page));
    }

    #[test]
    fn every_claim_and_finding_carries_its_hooks() {
        let doc = testing::document();
        let flagged = testing::flagged_report(&doc);
        let page = render(&[(flagged.clone(), Some(&doc))], None);
        assert_eq!(count(&page, " data-claim=\""), flagged.claims.len());
        assert_eq!(count(&page, " data-state=\""), flagged.claims.len());
        // The error and the warning name claim 2; claim 1 is confirmed by the registry.
        assert_eq!(count(&page, "data-claim=\"2\" data-state=\"error\""), 1);
        assert_eq!(count(&page, "data-claim=\"1\" data-state=\"confirmed\""), 1);
        let rules: Vec<&str> = page
            .split(" data-rule=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        // Most severe first.
        assert_eq!(
            rules,
            [
                "change-mismatch",
                "points-vs-percent",
                "times-more-ambiguity"
            ]
        );
        // Each finding links to a place that exists.
        for target in page.split("class=\"goto\" href=\"#").skip(1) {
            let id = &target[..target.find('"').unwrap()];
            assert_eq!(count(&page, &format!(" id=\"{id}\"")), 1, "{id}");
        }
        // Each claim's reading exists, and the findings carry explain's summary.
        assert_eq!(count(&page, "class=\"reading\""), flagged.claims.len());
        assert!(page.contains(crate::rules::find("change-mismatch").unwrap().summary));
        // Without findings: consistent, confirmed, and no list.
        let clean = render(&[(testing::clean_report(&doc), Some(&doc))], None);
        assert_eq!(count(&clean, "data-state=\"consistent\""), 1);
        assert_eq!(count(&clean, " data-rule=\""), 0);
        assert!(clean.contains("No findings."));
    }

    #[test]
    fn readings_say_what_the_claim_was_read_as() {
        let doc = testing::document();
        let page = render(
            &[(testing::flagged_report(&doc), Some(&doc))],
            Some(registry_info()),
        );
        let reading = &page[page.find("id=\"a1-r1\"").unwrap()..];
        let reading = &reading[..reading.find("</div>").unwrap()];
        for needle in [
            "stated “353 tons”, read as [352.5 t…353.5 t], period 2025-06",
            "direction up",
            "implied (not written: rebuilt from the claim), read as [46.3552 t…46.5455 t], period 2025-05",
            "by fact <code>cn-magnet-exports-us-2025-06</code>: China&#39;s exports",
            "source: General Administration of Customs, <a href=\"https://example.org/gac\"",
            "published 2025-07-20",
        ] {
            assert!(reading.contains(needle), "{needle}\n{reading}");
        }
        let reading = &page[page.find("id=\"a1-r2\"").unwrap()..];
        assert!(reading.contains(
            "a 20.8% rise from 72.6 mln to 87.1 mln is impossible: those figures give +19.8% to +20.1%"
        ));
        assert!(reading.contains("<li>note: 87.1/72.6 is 1.1983 to 1.2011</li>"));
    }

    #[test]
    fn several_articles_get_a_list_and_unreadable_ones_say_why() {
        let doc = testing::document();
        let failed =
            ArticleReport::failed("x".into(), "x.jsonl".into(), Some(3), "bad <JSON>".into());
        let page = render(
            &[
                (testing::flagged_report(&doc), Some(&doc)),
                (testing::clean_report(&doc), Some(&doc)),
                (failed, None),
            ],
            None,
        );
        assert!(page.contains("<title>claimcheck: 3 articles</title>"));
        assert_eq!(count(&page, "<li><a href=\"#a"), 3);
        for n in 1..=3 {
            assert_eq!(
                count(&page, &format!("<section class=\"article\" id=\"a{n}\"")),
                1
            );
        }
        assert!(page.contains("Could not be read: bad &lt;JSON&gt;"));
        // Claim ids repeat across articles; element ids do not.
        assert_eq!(count(&page, "id=\"a1-c1\""), 1);
        assert_eq!(count(&page, "id=\"a2-c1\""), 1);
    }

    const HOSTILE: &str =
        "<script>alert(1)</script><img src=x onerror=alert(2)>\"'</style>\u{2028}&amp;";

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let text = format!(
            "---\ntitle: t\n---\n{HOSTILE} Sales rose 20.8% from 72.6 mln to 87.1 mln dlrs {HOSTILE}.\n"
        );
        let body = text.find(HOSTILE).unwrap();
        let mut doc = Document::new(
            "h".into(),
            "h.md".into(),
            text.clone(),
            Span::new(body, text.len()),
        );
        doc.title = Some(HOSTILE.into());
        let mut report = testing::flagged_report(&testing::document());
        report.title = Some(HOSTILE.into());
        report.source = HOSTILE.into();
        report.meta = std::borrow::Cow::Owned(
            [("url".to_string(), serde_json::json!("javascript:alert(3)"))]
                .into_iter()
                .collect(),
        );
        let start = text.find("87.1").unwrap();
        for c in &mut report.claims {
            c.span = Span::new(body, start + 4);
            c.text = text[body..start + 4].to_string().into();
            c.subject = HOSTILE.into();
        }
        for f in &mut report.findings {
            f.span = Span::new(body + 3, body + 20);
            f.message = HOSTILE.into();
            f.notes = vec![HOSTILE.to_string()].into();
        }
        let mut info = registry_info();
        for fact in info.by_fact.values_mut() {
            fact.what = HOSTILE.into();
            fact.source = HOSTILE.into();
            fact.url = Some("javascript:alert(4)".into());
        }
        let page = render(&[(report, Some(&doc))], Some(info));
        assert_eq!(count(&page, "<script"), 1, "only the page's script");
        assert_eq!(count(&page, "</script>"), 1);
        assert_eq!(count(&page, "</style>"), 1, "only the page's style ends");
        assert_eq!(count(&page, "<img"), 0);
        assert!(!page.contains("href=\"javascript:"));
        assert!(page.contains("<code>javascript:alert(3)</code>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&lt;/style&gt;\u{2028}&amp;amp;"));
        // Every attribute value is quoted and holds no raw quote: the quotes in the text
        // stay inside the aria-label.
        let label = page.split("aria-label=\"").nth(1).unwrap();
        assert!(label[..label.find('"').unwrap()].contains("&quot;&#39;"));
    }

    #[test]
    fn a_one_megabyte_title_is_text() {
        let doc = testing::document();
        let mut report = testing::flagged_report(&doc);
        let title = HOSTILE.repeat((1 << 20) / HOSTILE.len() + 1);
        assert!(title.len() > 1 << 20);
        report.title = Some(title.clone().into());
        let page = render(&[(report, Some(&doc))], None);
        assert_eq!(count(&page, "<script"), 1);
        assert_eq!(count(&page, "<title>"), 1);
        assert!(page.contains(&format!("<title>claimcheck: {}</title>", esc(&title))));
    }

    #[test]
    fn overlapping_claims_nest_and_every_one_is_highlighted() {
        let doc = testing::document();
        let mut report = testing::clean_report(&doc);
        // Claim 2 starts inside claim 1 and ends after it; claim 3 is inside claim 1; claim 4
        // is empty.
        let base = testing::span_of("353 tons");
        let mut claims = Vec::new();
        for (id, (s, e)) in [(0, 20), (10, 40), (3, 8), (50, 50)]
            .into_iter()
            .enumerate()
        {
            let mut c = testing::claim_value(&doc);
            c.id = id + 1;
            c.span = Span::new(base.start + s, base.start + e);
            claims.push(c);
        }
        report.claims = claims;
        let page = render(&[(report, Some(&doc))], None);
        assert_eq!(count(&page, " data-claim=\""), 4);
        let text = &page[page.find("<div class=\"text\">").unwrap()..];
        let text = &text[..text.find("</div>").unwrap()];
        assert_eq!(count(text, "<mark"), count(text, "</mark>"));
        // The text reads as written once the marks are taken out.
        let mut plain = String::new();
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        let body = &testing::TEXT[doc.body.start..].trim_end();
        assert_eq!(plain, body.replace('\'', "&#39;"));
    }

    #[test]
    fn the_policy_names_the_page_own_style_and_script() {
        let page = render(&[], None);
        let csp = &page[page.find("Content-Security-Policy").unwrap()..];
        let csp = &csp[..csp.find('>').unwrap()];
        assert!(csp.contains("default-src 'none'"));
        assert!(csp.contains(&format!("style-src {}", csp_hash(STYLE))));
        assert!(csp.contains(&format!("script-src {}", csp_hash(SCRIPT))));
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        // Nothing is loaded from anywhere.
        for attr in ["src=", "<link", "@import", "url("] {
            assert!(!page.contains(attr), "{attr}");
        }
        assert!(!safe_url("javascript:alert(1)") && !safe_url(" JaVaScRiPt:x"));
        assert!(safe_url("https://example.org") && safe_url("HTTP://example.org"));
    }
}
