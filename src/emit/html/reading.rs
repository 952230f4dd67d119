//! A claim's reading on the editor's page (what it was read as, the registry's verdict and
//! the findings about it in the terminal's words), and the finding notes and rule
//! explanations that the page and the audit dashboard share.

use super::{concerns, finding_title, reading_id, url_html, Html, State};
use crate::claim::{Direction, Measure, RegistryMatch, Verdict};
use crate::emit::human::{kind, range};
use crate::report::{ArticleReport, ClaimOut, FigureOut, FindingOut};
use maud::{html, Markup};

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

fn change_unit(m: Measure) -> Option<&'static str> {
    match m {
        Measure::Percent => Some("%"),
        Measure::Points => Some("pp"),
        _ => None,
    }
}

impl Html {
    /// The registry fact behind a verdict: its id and verdict, and what the registry says
    /// about it (what, value, period, source, publication date) when it is known.
    /// A fact already described in this reading (in `seen`) is only named.
    fn fact(&self, m: &RegistryMatch, seen: &mut Vec<String>) -> Markup {
        let info = self.registry.as_ref().and_then(|r| r.by_fact.get(&m.fact));
        let first = info.is_some() && !seen.contains(&m.fact);
        if first {
            seen.push(m.fact.clone());
        }
        let v = verdict(m);
        html! {
            span class={ "verdict v-" (v) } { (v) } " by fact " code { (m.fact) }
            @if let Some(info) = info {
                @if first {
                    ": " (info.what)
                    @if let Some(written) = &info.written { ", " (written) " " (info.unit) }
                    " (" (info.period) ")"
                    "; source: " (info.source)
                    @if let Some(url) = &info.url { ", " (url_html(url)) }
                    @match info.published {
                        Some(date) => { ", published " (date.to_string()) }
                        None => { ", publication date not given" }
                    }
                } @else {
                    " (above)"
                }
            }
        }
    }

    fn figure_row(&self, name: &str, f: &FigureOut, seen: &mut Vec<String>) -> Markup {
        html! {
            dt { (name) }
            dd {
                @match (&f.stated, f.implied) {
                    (Some(stated), false) => { "stated “" (stated) "”, " }
                    _ => { "implied (not written: rebuilt from the claim), " }
                }
                "read as " (interval(f.low, f.high, f.unit, false))
                @if let Some(p) = f.period { ", period " (p.to_string()) }
                @if let Some(m) = f.registry.as_deref() { "; registry: " (self.fact(m, seen)) }
            }
        }
    }

    /// A claim's reading: what it was read as, the registry's verdict, and the findings
    /// about it in the terminal's words.
    pub(super) fn reading(
        &self,
        n: usize,
        report: &ArticleReport,
        c: &ClaimOut,
        st: State,
    ) -> Markup {
        let mut seen = Vec::new();
        // The claim-level verdict repeats a figure's, unless no figure has its own.
        let figures_judged = c
            .value
            .iter()
            .chain(&c.baseline)
            .any(|f| f.registry.is_some());
        let claim_verdict = c.registry.as_deref().filter(|_| !figures_judged);
        let mut about: Vec<&FindingOut> =
            report.findings.iter().filter(|f| concerns(f, c)).collect();
        about.sort_by_key(|f| std::cmp::Reverse(f.severity));
        html! {
            div.reading id=(reading_id(n, c.id)) role="tooltip" hidden {
                p.r-head {
                    strong { "Claim " (c.id) } " · " (kind(c)) " · line " (c.line) ":" (c.column) " · "
                    span class={ "state s-" (st.as_str()) } { (st.label()) }
                }
                p.quote { "“" (c.text) "”" }
                dl {
                    @if !c.subject.is_empty() { dt { "Subject" } dd { (c.subject) } }
                    @if let Some(v) = &c.value { (self.figure_row("Value", v, &mut seen)) }
                    @if let Some(ch) = &c.change {
                        dt { "Change" }
                        dd {
                            "stated “" (ch.stated) "”, " (measure(ch.measure)) ", read as "
                            (interval(ch.low, ch.high, change_unit(ch.measure), true))
                            ", direction " (direction(ch.direction))
                            @if let Some(r) = ch.restates { ", restates claim " (r) }
                            @if let Some(m) = ch.registry.as_deref() { "; registry: " (self.fact(m, &mut seen)) }
                        }
                    }
                    @match &c.baseline {
                        Some(b) => { (self.figure_row("Baseline", b, &mut seen)) }
                        None => { dt { "Baseline" } dd { "none" } }
                    }
                    @if let Some(p) = c.period { dt { "Period" } dd { (p.to_string()) } }
                    @if c.period_assumed {
                        dt { "Period assumed" }
                        dd { "not written: the latest period of the article's cadence ended by its date" }
                    }
                    @if let Some(m) = claim_verdict {
                        dt { "Registry" }
                        dd {
                            (self.fact(m, &mut seen))
                            @if let Some(figure) = m.figure { " (about the " (figure.to_string()) ")" }
                        }
                    }
                    @if !about.is_empty() {
                        dt { "Findings" }
                        dd { ul { @for f in about { li { (finding_title(f)) (notes_list(&f.notes)) } } } }
                    }
                }
            }
        }
    }
}

/// `<ul class="notes">` of `note: ...` lines, as the terminal writes them; nothing when
/// there are none.
pub fn notes_list(notes: &[String]) -> Markup {
    html! {
        @if !notes.is_empty() {
            ul.notes { @for note in notes { li { "note: " (note) } } }
        }
    }
}

/// The rule's summary and `claimcheck explain`'s docs, folded.
pub(super) fn explain(rule: &str) -> Markup {
    html! {
        @if let Some(r) = crate::rules::find(rule) {
            p.summary { (r.summary) }
            details {
                summary { "How to fix it (" code { "claimcheck explain " (r.name) } ")" }
                pre.docs { (r.docs.trim_end()) }
            }
        }
    }
}
