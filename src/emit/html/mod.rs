//! `--format html`: one self-contained page for an editor, with the article text and every
//! claim highlighted by its state, its reading on hover or focus, the findings most severe
//! first, and a claims table, built from the same reports as `--format json`.
//!
//! The page is written with maud's `html!` templates, which escape every spliced value: article,
//! record and registry text cannot become markup, and only the page's own style and script
//! are spliced in unescaped (`PreEscaped`). The page loads nothing: that one inline style and
//! one inline script are named by their SHA-256 hashes in a Content-Security-Policy that
//! forbids everything else. The test hooks (`data-claim`, `data-state`, `data-rule`) are part
//! of the output contract, see docs/output.md.

mod reading;
mod text;

use super::human::{change, figure, kind, plural, registry, summary_line};
use super::{Emitter, Tally};
use crate::claim::{RegistryMatch, Verdict};
use crate::diagnostics::{Diagnostic, RuleInfo};
use crate::document::Document;
use crate::finding::Severity;
use crate::period::Date;
use crate::registry::Registry;
use crate::report::{ArticleReport, ClaimOut, FindingOut};
use base64::Engine as _;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

pub(super) use reading::notes_list;

pub(crate) const STYLE: &str = include_str!("page.css");
pub(crate) const SCRIPT: &str = include_str!("page.js");

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

/// `'sha256-…'` for a CSP source list.
pub(crate) fn csp_hash(text: &str) -> String {
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
    html: Markup,
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
    /// A link back to the page this one was made from (the audit dashboard's), trusted.
    back: Option<String>,
}

impl Html {
    pub fn new(registry: Option<std::sync::Arc<RegistryInfo>>) -> Html {
        Html {
            registry,
            ..Html::default()
        }
    }

    /// A page that links back to `href` (a relative path `report` writes): the editor's view of
    /// one of the audit dashboard's most severe articles.
    pub fn with_back_link(mut self, href: &str) -> Html {
        self.back = Some(href.to_string());
        self
    }
}

/// A URL worth a link: http or https only (a `javascript:` URL stays text).
fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn url_html(url: &str) -> Markup {
    html! {
        @if safe_url(url) {
            a href=(url) rel="noopener noreferrer" { (url) }
        } @else {
            code { (url) }
        }
    }
}

/// `error[rule]: message`.
fn finding_title(f: &FindingOut) -> Markup {
    let sev = f.severity.as_str();
    html! {
        span class={ "badge b-" (sev) } { (sev) } code { "[" (f.rule) "]" } ": " (f.message)
    }
}

impl Html {
    /// The finding's entry in the list at the top: linked to `target`, with its notes, where
    /// it is and the rule's explanation.
    fn listed(f: &FindingOut, target: &str, title: &str, report: &ArticleReport) -> Markup {
        let sev = f.severity.as_str();
        html! {
            li class={ "finding sev-" (sev) } data-rule=(f.rule) data-severity=(sev) {
                a.goto href={ "#" (target) } { (finding_title(f)) }
                (notes_list(&f.notes))
                p.where { (title) ", " code { (report.source) } " line " (f.line) ":" (f.column) }
                (reading::explain(f.rule))
            }
        }
    }

    fn section(&mut self, report: &ArticleReport, doc: Option<&Document>) -> Markup {
        let n = self.nav.len() + 1;
        let title = report
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&report.id)
            .to_string();
        // The findings, for the list at the top.
        for (i, f) in report.findings.iter().enumerate() {
            let target = f
                .claims
                .iter()
                .find(|id| report.claims.iter().any(|c| c.id == **id))
                .map(|id| claim_id(n, *id))
                .filter(|_| doc.is_some())
                .unwrap_or_else(|| finding_id(n, i));
            self.findings.push(Listed {
                severity: f.severity,
                article: n,
                position: f.span.start,
                html: Html::listed(f, &target, &title, report),
            });
        }
        let states: Vec<State> = report.claims.iter().map(|c| state(report, c)).collect();
        let url = report.meta.get("url").and_then(|u| u.as_str());
        let section = html! {
            section.article id={ "a" (n) } aria-labelledby={ "a" (n) "-h" } {
                h2 id={ "a" (n) "-h" } { (title) }
                p.meta {
                    code { (report.source) }
                    @if let Some(line) = report.line { ", line " (line) " (" code { (report.id) } ")" }
                    @if let Some(date) = report.date { " · " (date.to_string()) }
                    @if let Some(url) = url { " · " (url_html(url)) }
                    " · " (plural(report.claims.len(), "claim"))
                    " · " (plural(report.findings.len(), "finding"))
                }
                @if let Some(error) = &report.error {
                    p.unreadable role="alert" { "Could not be read: " (error) }
                }
                @if !report.suppressed.is_empty() {
                    h3 { "Suppressed" }
                    ul.suppressed {
                        @for s in &report.suppressed {
                            li {
                                code { (s.rule) } " line " (s.line) ": " (s.message) " — "
                                (s.reason.as_deref().unwrap_or("no reason given"))
                            }
                        }
                    }
                }
                @if let Some(doc) = doc {
                    h3 { "Text" }
                    (text::article_text(doc, n, report, &states))
                    div.readings {
                        @for (c, st) in report.claims.iter().zip(&states) {
                            (self.reading(n, report, c, *st))
                        }
                    }
                }
                @if !report.claims.is_empty() {
                    h3 { "Claims" }
                    (claims_table(n, report, &states, doc.is_some()))
                } @else if report.error.is_none() {
                    p { "No claims." }
                }
            }
        };
        self.nav.push(Entry {
            title,
            claims: report.claims.len(),
            findings: report.findings.len(),
            worst: report.worst(),
        });
        section
    }

    fn header(&self, tally: &Tally) -> Markup {
        html! {
            p.totals { (summary_line(tally)) }
            p.registry {
                @match &self.registry {
                    Some(r) => {
                        "Registry: "
                        @for (i, p) in r.paths.iter().enumerate() {
                            @if i > 0 { ", " }
                            code { (p) }
                        }
                        " (" (plural(r.facts, "fact")) ", " (plural(r.sources, "source")) ")"
                    }
                    None => { "Registry: none (claims were not matched against sourced facts)" }
                }
            }
            p.legend aria-hidden="true" {
                "Claims: "
                mark class="claim s-error" { "error" } " "
                mark class="claim s-warning" { "warning" } " "
                mark class="claim s-info" { "info" } " "
                mark class="claim s-confirmed" { "confirmed by the registry" } " "
                mark class="claim s-consistent" { "consistent" }
                " — hover, click or Tab to a claim for its reading."
            }
            @if let Some(back) = &self.back {
                p.back { a href=(back) { "Back to the audit dashboard" } }
            }
        }
    }

    fn write_page(&mut self, w: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        let page_title = match self.nav.as_slice() {
            [one] => format!("claimcheck: {}", one.title),
            _ => format!("claimcheck: {}", plural(self.nav.len(), "article")),
        };
        // Most severe first; then in article order and by place.
        self.findings
            .sort_by_key(|f| (std::cmp::Reverse(f.severity), f.article, f.position));
        let body = html! {
            @if self.nav.len() > 1 {
                nav aria-label="Articles" {
                    h2 { "Articles" }
                    ol.articles {
                        @for (i, entry) in self.nav.iter().enumerate() {
                            li {
                                a href={ "#a" (i + 1) } { (entry.title) }
                                " — " (plural(entry.claims, "claim")) ", " (plural(entry.findings, "finding"))
                                @if let Some(s) = entry.worst {
                                    " " span class={ "badge b-" (s.as_str()) } { "worst: " (s.as_str()) }
                                }
                            }
                        }
                    }
                }
                "\n"
            }
            main {
                "\n"
                section #findings aria-labelledby="findings-h" tabindex="-1" {
                    h2 #findings-h { "Findings" }
                    @if self.findings.is_empty() {
                        p { "No findings." }
                    } @else {
                        ol.findings { @for f in &self.findings { (f.html) } }
                    }
                }
                "\n"
                (PreEscaped(&self.sections))
            }
        };
        let header = self.header(tally);
        w.write_all(page(&page_title, "claimcheck report", header, body).as_bytes())
    }
}

/// The compact claims table, like the terminal's; ids link to the text when it is shown.
fn claims_table(n: usize, report: &ArticleReport, states: &[State], linked: bool) -> Markup {
    html! {
        div.table-wrap { table.claims {
            thead { tr {
                @for h in ["id", "state", "kind", "at", "value", "change", "baseline", "registry"] {
                    th scope="col" { (h) }
                }
            } }
            tbody {
                @for (c, st) in report.claims.iter().zip(states) {
                    tr {
                        td { @if linked { a href={ "#" (claim_id(n, c.id)) } { (c.id) } } @else { (c.id) } }
                        td { span class={ "state s-" (st.as_str()) } { (st.label()) } }
                        td { (kind(c)) }
                        td { (c.line) ":" (c.column) }
                        td { (c.value.as_ref().map_or("-".into(), |f| figure(f, c.period_assumed))) }
                        td { (c.change.as_ref().map_or("-".into(), change)) }
                        td { (c.baseline.as_ref().map_or("-".into(), |f| figure(f, c.period_assumed))) }
                        td { (registry(c)) }
                    }
                }
            }
        } }
    }
}

/// The whole page: head (CSP, style), a header with `header` under the heading `heading`,
/// `body`, the script.
pub(super) fn page(title: &str, heading: &str, header: Markup, body: Markup) -> String {
    let csp = format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(STYLE),
        csp_hash(SCRIPT)
    );
    html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n"
            head {
                "\n" meta charset="utf-8";
                "\n" meta name="viewport" content="width=device-width, initial-scale=1";
                "\n" meta http-equiv="Content-Security-Policy" content=(csp);
                "\n" meta name="generator" content={ "claimcheck " (env!("CARGO_PKG_VERSION")) };
                "\n" title { (title) }
                "\n" style { (PreEscaped(STYLE)) }
                "\n"
            }
            "\n"
            body {
                "\n" a.skip href="#findings" { "Skip to the findings" }
                "\n" header { h1 { (heading) } (header) }
                "\n" (body)
                "\n" script { (PreEscaped(SCRIPT)) }
                "\n"
            }
            "\n"
        }
        "\n"
    }
    .into_string()
}

impl Emitter for Html {
    fn article(
        &mut self,
        _w: &mut dyn Write,
        report: &ArticleReport,
        doc: Option<&Document>,
    ) -> io::Result<()> {
        let section = self.section(report, doc);
        self.sections.push_str(&section.into_string());
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
        let body = html! {
            main { section #findings {
                h2 { "Registry problems" }
                @if diags.is_empty() {
                    p { "No problems." }
                } @else {
                    ol.findings {
                        @for d in diags {
                            @let sev = d.severity.as_str();
                            li class={ "finding sev-" (sev) } data-rule=(d.rule) {
                                span class={ "badge b-" (sev) } { (sev) } code { "[" (d.rule) "]" }
                                ": " (d.message) " " span.where { (d.location()) }
                                (notes_list(&d.notes))
                            }
                        }
                    }
                }
            } }
        };
        w.write_all(
            page(
                "claimcheck: registry check",
                "claimcheck registry check",
                html! {},
                body,
            )
            .as_bytes(),
        )
    }

    fn finish(&mut self, w: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        self.write_page(w, tally)
    }
}

#[cfg(test)]
mod tests;
