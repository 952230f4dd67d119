//! The dashboard's page, written with maud's escaping templates inside the editor's page
//! frame (`html::page`: its policy, style and script): totals, inline-SVG bar charts, the most
//! severe articles (each linked to its editor view when `report` wrote one) and the capped,
//! filterable findings table.

use super::{rank, Dashboard, TABLE_CAP};
use crate::emit::html::{notes_list, page};
use crate::emit::human::plural;
use maud::{html, Markup};
use std::io::{self, Write};

impl Dashboard {
    /// The page. `csv_name` is the CSV written beside it; `views[i]` the link to the editor
    /// view of the `i`th most severe article, when there is one.
    pub fn write(
        &self,
        w: &mut dyn Write,
        csv_name: Option<&str>,
        views: &[Option<String>],
    ) -> io::Result<()> {
        let total: u64 = self.findings.iter().sum();
        let header = html! {
            p.totals {
                (self.articles) " articles, " (self.claims) " claims, " (total) " findings: "
                (self.findings[0]) " errors, " (self.findings[1]) " warnings, "
                (self.findings[2]) " infos; " (self.flagged_articles) " articles flagged; "
                (self.unreadable) " unreadable records"
            }
        };
        let per_rule: Vec<(String, u64)> = self
            .by_rule
            .iter()
            .map(|(r, c)| (r.clone(), c.iter().sum()))
            .collect();
        let per_month: Vec<(String, u64)> =
            self.by_month.iter().map(|(m, c)| (m.clone(), *c)).collect();
        let share: Vec<(String, u64)> = self
            .by_source
            .iter()
            .map(|(s, (all, flagged))| (s.clone(), flagged * 1000 / (*all).max(1)))
            .collect();
        let body = html! {
            main {
                section #charts {
                    h2 { "Findings per rule" }
                    (bar_chart("Findings per rule", &per_rule))
                    h2 { "Findings per month of article date" }
                    (bar_chart("Findings per month", &per_month))
                    @if !share.is_empty() {
                        h2 { "Share of flagged articles per source" }
                        (bar_chart("Per mille of articles flagged", &share))
                    }
                }
                @if !self.unreadable_lines.is_empty() {
                    section { h2 { "Unreadable records" } ul {
                        @for (line, error) in &self.unreadable_lines { li { "line " (line) ": " (error) } }
                    } }
                }
                (self.top_section(views))
                (self.table_section(csv_name))
            }
        };
        w.write_all(
            page(
                "claimcheck: audit dashboard",
                "claimcheck audit dashboard",
                header,
                body,
            )
            .as_bytes(),
        )
    }

    /// The most severe articles: a list, then each one's findings with the claim they quote
    /// and their arithmetic.
    fn top_section(&self, views: &[Option<String>]) -> Markup {
        let written = views.iter().flatten().count();
        html! {
            section #top {
                h2 { "The " (self.top.len()) " articles with the most severe findings" }
                @if !self.top.is_empty() {
                    @if written == 0 {
                        p.note { "Their editor views (the text with every claim highlighted) were not written: run "
                            code { "claimcheck report AUDIT --articles ARCHIVE -o PAGE.html" }
                            " with the archive or folder the audit read." }
                    } @else if written < self.top.len() {
                        p.note { (written) " of them have an editor view; the others were not found again in the archives read." }
                    }
                }
                ol {
                    @for (i, a) in self.top.iter().enumerate() {
                        li data-article=(a.id) {
                            a href={ "#t" (i) } { (a.title) } " "
                            span class={ "badge b-" (a.worst.as_str()) } { (a.worst.as_str()) } " "
                            (a.source) " · " (a.date) " · " (plural(a.findings, "finding"))
                            @if let Some(Some(view)) = views.get(i) {
                                " · " a.view href=(view) data-claims=(a.claims) { "editor view" }
                            }
                        }
                    }
                }
                @for (i, a) in self.top.iter().enumerate() {
                    article.article id={ "t" (i) } {
                        h3 { (a.title) }
                        p.meta {
                            code { (a.id) } " · " (a.source) " · " (a.date)
                            @if let Some(Some(view)) = views.get(i) {
                                " · " a href=(view) { "editor view" }
                            }
                        }
                        ol.findings {
                            @for r in &a.rows {
                                @let sev = r.severity.as_str();
                                li class={ "finding sev-" (sev) } data-rule=(r.rule) {
                                    span class={ "badge b-" (sev) } { (sev) } code { "[" (r.rule) "]" }
                                    ": " (r.message) " " span.where { "line " (r.line) ":" (r.column) }
                                    @if !r.claim.is_empty() { p.quote { "“" (r.claim) "”" } }
                                    (notes_list(&r.notes))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The findings table, at most [`TABLE_CAP`] rows, filtered and sorted by the page's
    /// script; the CSV beside the page has them all.
    fn table_section(&self, csv_name: Option<&str>) -> Markup {
        let capped = (self.table.len() as u64) < self.rows;
        html! {
            section #findings {
                h2 { "Findings" }
                p {
                    (self.table.len()) " of " (self.rows) " findings are in this table"
                    @if capped { " (the table holds at most " (TABLE_CAP) ")" }
                    "."
                }
                @if let Some(csv) = csv_name {
                    p { "Every finding is in " a href=(csv) { (csv) } ", beside this page." }
                }
                p {
                    label { "Filter: " input type="search" #filter aria-controls="findings-table"; }
                    " (rule, severity, date or source; click a column's header to sort)"
                }
                div.table-wrap { table.claims.sortable #findings-table {
                    thead { tr {
                        @for h in ["rule", "severity", "date", "source", "article", "at", "message"] {
                            th scope="col" { (h) }
                        }
                    } }
                    tbody {
                        @for r in &self.table {
                            tr data-rule=(r.rule) {
                                td { (r.rule) }
                                td data-sort=(rank(r.severity)) { (r.severity.as_str()) }
                                td { (r.date) } td { (r.source) } td { (r.id) }
                                td { (r.line) ":" (r.column) } td { (r.message) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// A horizontal bar chart as inline SVG, with the numbers written out (and a title for
/// screen readers).
fn bar_chart(title: &str, bars: &[(String, u64)]) -> Markup {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (220u64, 420u64, 20u64);
    let height = row_h * bars.len() as u64 + 10;
    let view_box = format!("0 0 {} {height}", label_w + bar_w + 80);
    html! {
        @if bars.is_empty() {
            p { "None." }
        } @else {
            svg.chart role="img" aria-label=(title) viewBox=(view_box) width="100%" {
                title { (title) }
                @for (i, (label, n)) in bars.iter().enumerate() {
                    @let y = 5 + row_h * i as u64;
                    @let w = (bar_w * n / max).max(u64::from(*n > 0));
                    text x=(label_w - 6) y=(y + 14) text-anchor="end" class="chart-label" { (label) }
                    rect x=(label_w) y=(y + 3) width=(w) height=(row_h - 6) class="chart-bar" {}
                    text x=(label_w + w + 6) y=(y + 14) class="chart-label" { (n) }
                }
            }
        }
    }
}
