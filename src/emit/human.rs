//! Human output: rustc-style messages with the source line underlined, a compact claims table
//! for articles with nothing to report, and a summary line.

use super::{Emitter, Tally};
use crate::claim::{Measure, RegistryMatch, Verdict};
use crate::diagnostics::{Diagnostic, RuleInfo, Severity};
use crate::document::Document;
use crate::mention::MentionKind;
use crate::report::{ArticleReport, ChangeOut, ClaimOut, FigureOut, FindingOut, MentionOut};
use annotate_snippets::{Level, Renderer, Snippet};
use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

/// `--format human`.
pub struct Human {
    renderer: Renderer,
    /// Numeric mentions listed so far (`extract`), for the summary line; `None` until an
    /// article with mentions is written.
    mentions: Option<u64>,
    /// The width source lines are cut to.
    width: usize,
}

/// The width source lines are cut to when none is given: annotate-snippets' own default.
pub const DEFAULT_WIDTH: usize = 140;

/// Columns that annotate-snippets puts before a source line: the line number, ` | ` and a
/// little room.
fn margin(line_number: usize) -> usize {
    line_number.max(1).ilog10() as usize + 1 + 5
}

/// `source`, one line, cut to fit `width` columns with its margin: the underlined `range`
/// kept in view (its start always), `...` where text was cut, every cut between characters.
/// Returns the cut line and the range in it; `None` when the line fits (or is not one line).
fn cut_line(
    source: &str,
    range: Range<usize>,
    line_number: usize,
    width: usize,
) -> Option<(String, Range<usize>)> {
    use unicode_width::UnicodeWidthChar;
    const MARK: &str = "...";
    if source.contains('\n') || source.chars().all(|c| c.width() == Some(1)) {
        return None;
    }
    let room = width.saturating_sub(margin(line_number)).max(20);
    let col = |c: char| c.width().unwrap_or(0);
    let total: usize = source.chars().map(col).sum();
    if total <= room {
        return None;
    }
    let start = range.start.min(source.len());
    let end = range.end.clamp(start, source.len());
    let before: usize = source[..start].chars().map(col).sum();
    let span: usize = source[start..end].chars().map(col).sum();
    // Room for the text between two marks, and the context each side of the underline.
    let inner = room.saturating_sub(2 * MARK.len()).max(1);
    let context = inner.saturating_sub(span) / 2;
    let mut lo = before.saturating_sub(context);
    let mut hi = lo + inner;
    if lo == 0 {
        hi += MARK.len();
    }
    if hi >= total {
        // The end of the line is in view: the room the right mark took goes to the left.
        hi = total;
        lo = lo.min(total.saturating_sub(room - MARK.len()));
    }
    // Columns to byte offsets: the window starts at the first character at or after `lo`
    // and ends after the last character that ends at or before `hi`.
    let (mut lo_byte, mut hi_byte, mut at) = (None, source.len(), 0);
    for (i, c) in source.char_indices() {
        if lo_byte.is_none() && at >= lo {
            lo_byte = Some(i);
        }
        at += col(c);
        if at > hi {
            hi_byte = i;
            break;
        }
    }
    let lo_byte = lo_byte.unwrap_or(source.len()).min(start);
    let hi_byte = hi_byte.max(lo_byte);
    let left = if lo_byte > 0 { MARK } else { "" };
    let right = if hi_byte < source.len() { MARK } else { "" };
    let text = format!("{left}{}{right}", &source[lo_byte..hi_byte]);
    let shift = |at: usize| at.clamp(lo_byte, hi_byte) - lo_byte + left.len();
    let (new_start, mut new_end) = (shift(start), shift(end));
    if new_end == new_start {
        // At least one character underlined: the one at the start, or the mark after it.
        new_end = text[new_start..]
            .chars()
            .next()
            .map_or(new_start, |c| new_start + c.len_utf8());
    }
    Some((text, new_start..new_end))
}

/// Whether a line of `source` with the margin annotate-snippets adds (line number, bars and
/// spaces) is wider than `width` columns.
fn too_wide(source: &str, width: usize) -> bool {
    use unicode_width::UnicodeWidthStr;
    let margin = 8;
    source.lines().any(|line| line.width() + margin > width)
}

impl Human {
    pub fn new(color: bool) -> Human {
        Human {
            renderer: if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            },
            mentions: None,
            width: DEFAULT_WIDTH,
        }
    }

    /// Cuts source lines to `width` columns (annotate-snippets keeps the part around the
    /// underline, at character boundaries, and marks the cut with `...`); `None` keeps the
    /// renderer's default of 140.
    pub fn width(mut self, width: Option<usize>) -> Human {
        if let Some(width) = width {
            self.renderer = self.renderer.term_width(width);
            self.width = width;
        }
        self
    }
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Where an article's positions are counted from: the file, or a record's body.
fn origin(report: &ArticleReport, field: &str) -> String {
    match report.line {
        None => report.source.clone(),
        Some(line) => format!("{}:{line} ({}) {field}", report.source, report.id),
    }
}

/// The source a message shows: whole lines, the number of the first, where they come from,
/// and the bytes of them to underline.
struct Shown<'a> {
    source: &'a str,
    first_line: usize,
    origin: &'a str,
    range: Range<usize>,
}

impl Shown<'_> {
    /// `origin:line:column` of the start of the range, as annotate-snippets would name it.
    fn place(&self) -> String {
        let before = &self.source[..self.range.start.min(self.source.len())];
        let line = self.first_line + before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        format!("{}:{line}:{column}", self.origin)
    }
}

/// Whether `at` is on a whitespace character with only whitespace before it on its line.
fn in_leading_whitespace(source: &str, at: usize) -> bool {
    let Some(rest) = source.get(at..) else {
        return false;
    };
    let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    rest.chars().next().is_some_and(char::is_whitespace)
        && source[line_start..at].chars().all(char::is_whitespace)
}

/// One message, whatever it came from (an article's finding, a registry problem).
struct Message<'a> {
    severity: Severity,
    rule: &'a str,
    title: &'a str,
    shown: Option<Shown<'a>>,
    notes: &'a [String],
    /// Where it is, written when there is no source to show it.
    location: Option<&'a str>,
}

/// `source` as annotate-snippets can show it. annotate-snippets 0.11 measures a line's
/// leading whitespace counting a tab as 4 columns and any other whitespace character as 1,
/// but the annotation's columns by display width, in which control characters are 0 wide.
/// When the two disagree on a long line its margin arithmetic overflows (a panic with
/// overflow checks, nonsense without; found by fuzzing the registry loader). Each whitespace
/// character that is not 1 column wide is shown as a space of the same length in bytes, so
/// every byte offset and column stays as it was.
fn displayable(source: &str) -> Cow<'_, str> {
    const ODD: [char; 7] = ['\t', '\x0b', '\x0c', '\r', '\u{85}', '\u{2028}', '\u{2029}'];
    if !source.contains(ODD) {
        return Cow::Borrowed(source);
    }
    let mut chars = source.chars().peekable();
    let mut shown = String::with_capacity(source.len());
    while let Some(c) = chars.next() {
        shown.push(match c {
            '\r' if chars.peek() == Some(&'\n') => c, // A line break, as annotate-snippets reads it.
            '\t' | '\x0b' | '\x0c' | '\r' => ' ',
            '\u{85}' => '\u{a0}',                  // 2 bytes, 1 column
            '\u{2028}' | '\u{2029}' => '\u{2002}', // 3 bytes, 1 column
            c => c,
        });
    }
    Cow::Owned(shown)
}

impl Human {
    /// Writes one rustc-style message: title, the source underlined (when known), notes.
    /// Every message of every command is written here.
    fn message(&self, w: &mut dyn Write, m: Message<'_>) -> io::Result<()> {
        let Message {
            severity,
            rule,
            title,
            shown,
            notes,
            location,
        } = m;
        // Messages quote the article, line breaks and all; a title must stay on one line.
        let title = if title.contains(['\n', '\r']) {
            title.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            title.to_string()
        };
        // annotate-snippets 0.11 cannot point into a long line's leading whitespace either
        // (the same overflow): such a message names the place instead of showing it.
        let (shown, place) = match shown {
            Some(shown) if in_leading_whitespace(shown.source, shown.range.start) => {
                (None, Some(shown.place()))
            }
            shown => (shown, None),
        };
        let location = location.or(place.as_deref());
        let displayable = shown.as_ref().map(|shown| displayable(shown.source));
        // annotate-snippets cuts a line too wide for the width, but misplaces the underline
        // when the line has characters not one column wide (CJK, combining marks): such a
        // line is cut here instead. The place annotate-snippets then names is that of the
        // cut line, and is put right after rendering.
        let cut = match (&shown, &displayable) {
            (Some(shown), Some(source)) => {
                cut_line(source, shown.range.clone(), shown.first_line, self.width)
            }
            _ => None,
        };
        let mut fix_place = None;
        let mut message = level(severity).title(&title).id(rule);
        if let (Some(shown), Some(source)) = (&shown, &displayable) {
            let (source, range) = match &cut {
                Some((text, range)) => {
                    let wrong = Shown {
                        source: text,
                        range: range.clone(),
                        ..*shown
                    };
                    fix_place = Some((wrong.place(), shown.place()));
                    (text.as_str(), range.clone())
                }
                None => (source.as_ref(), shown.range.clone()),
            };
            message = message.snippet(
                Snippet::source(source)
                    .line_start(shown.first_line)
                    .origin(shown.origin)
                    .annotation(level(severity).span(range)),
            );
        }
        message = message.footers(notes.iter().map(|n| Level::Note.title(n)));
        // A line cut here must not be cut again.
        let renderer = if cut.is_some() {
            self.renderer.clone().term_width(usize::MAX / 4)
        } else {
            self.renderer.clone()
        };
        let mut rendered = renderer.render(message).to_string();
        if let Some((wrong, right)) = fix_place {
            rendered = rendered.replacen(&wrong, &right, 1);
        }
        writeln!(w, "{rendered}")?;
        if let Some(location) = location {
            writeln!(w, " --> {location}")?;
        }
        writeln!(w)
    }

    fn finding(
        &self,
        w: &mut dyn Write,
        report: &ArticleReport,
        doc: Option<&Document>,
        f: &FindingOut,
    ) -> io::Result<()> {
        let origin = origin(report, f.field);
        let Some(doc) = doc else {
            let location = format!("{origin}:{}:{}", f.line, f.column);
            return self.message(
                w,
                Message {
                    severity: f.severity,
                    rule: f.rule,
                    title: &f.message,
                    shown: None,
                    notes: &f.notes,
                    location: Some(&location),
                },
            );
        };
        let text = doc.text.as_str();
        let mut start = f.span.start.min(text.len());
        let mut end = f.span.end.clamp(start, text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if start == end {
            // An empty span still gets a caret, under the character it points at.
            end = text[start..]
                .chars()
                .next()
                .map_or(end, |c| end + c.len_utf8());
        }
        let (first_line, _) = doc.line_col(start);
        let (last_line, _) = doc.line_col(end.saturating_sub(1).max(start));
        let slice_start = doc.lines.line_span(text, first_line).start;
        let mut slice_end = doc.lines.line_span(text, last_line).end.max(end);
        // annotate-snippets 0.11 cuts a long line around a one-line underline, but not the
        // lines of an underline that spans several: such a span is shown on its first line
        // alone when any of its lines is too wide for the width.
        if last_line > first_line && too_wide(&text[slice_start..slice_end], self.width) {
            let first_end = doc.lines.line_span(text, first_line).end;
            if text[start..first_end].chars().any(|c| !c.is_whitespace()) {
                end = first_end;
                slice_end = first_end;
            }
        }
        let shown = Shown {
            source: &text[slice_start..slice_end],
            first_line,
            origin: &origin,
            range: start - slice_start..end - slice_start,
        };
        self.message(
            w,
            Message {
                severity: f.severity,
                rule: f.rule,
                title: &f.message,
                shown: Some(shown),
                notes: &f.notes,
                location: None,
            },
        )
    }

    fn diagnostic(&self, w: &mut dyn Write, d: &Diagnostic) -> io::Result<()> {
        let shown = d.excerpt.as_ref().map(|e| Shown {
            source: &e.text,
            first_line: e.first_line,
            origin: &d.path,
            range: e.range.clone(),
        });
        let location = (shown.is_none() && !d.path.is_empty()).then(|| d.location());
        self.message(
            w,
            Message {
                severity: d.severity,
                rule: &d.rule,
                title: &d.message,
                shown,
                notes: &d.notes,
                location: location.as_deref(),
            },
        )
    }
}

impl Emitter for Human {
    fn article(
        &mut self,
        w: &mut dyn Write,
        report: &ArticleReport,
        doc: Option<&Document>,
    ) -> io::Result<()> {
        if let Some(error) = &report.error {
            return writeln!(w, "error: {error}\n");
        }
        suppressed(w, report)?;
        if let Some(mentions) = &report.mentions {
            *self.mentions.get_or_insert(0) += mentions.len() as u64;
            return extracted(w, report, mentions, doc);
        }
        if report.findings.is_empty() {
            return claims_table(w, report);
        }
        for f in &report.findings {
            self.finding(w, report, doc, f)?;
        }
        Ok(())
    }

    fn diagnostics(
        &mut self,
        w: &mut dyn Write,
        _rules: &[RuleInfo],
        diags: &[Diagnostic],
    ) -> io::Result<()> {
        diags.iter().try_for_each(|d| self.diagnostic(w, d))
    }

    fn finish(&mut self, w: &mut dyn Write, tally: &Tally) -> io::Result<()> {
        match self.mentions {
            // `extract` runs no rules: articles, claims and mentions, no finding counts.
            Some(mentions) => {
                let mut line = [
                    plural((tally.articles + tally.unreadable) as usize, "article"),
                    plural(tally.claims as usize, "claim"),
                    plural(mentions as usize, "numeric mention"),
                ]
                .join(", ");
                if tally.unreadable > 0 {
                    line.push_str(&format!(", {} unreadable", tally.unreadable));
                }
                writeln!(w, "{line}")
            }
            None => writeln!(w, "{}", summary_line(tally)),
        }
    }
}

/// `1 finding`, `2 findings`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `3 articles, 12 claims, 1 error, 0 warnings, 2 infos` (and unreadable articles, if any).
pub fn summary_line(t: &Tally) -> String {
    let count = |n: u64, word: &str| plural(n as usize, word);
    let mut line = [
        count(t.articles + t.unreadable, "article"),
        count(t.claims, "claim"),
        count(t.findings.get(Severity::Error), "error"),
        count(t.findings.get(Severity::Warning), "warning"),
        count(t.findings.get(Severity::Info), "info"),
    ]
    .join(", ");
    if t.unreadable > 0 {
        line.push_str(&format!(", {} unreadable", t.unreadable));
    }
    line
}

#[derive(Clone, Copy, PartialEq)]
enum Round {
    Down,
    Up,
    Nearest,
}

/// A number for people: `sig` significant digits (rounded the way `round` says, so ranges are
/// never narrowed), scale words for large values, no trailing zeros.
fn num(x: f64, sig: i32, round: Round) -> String {
    if x.is_nan() {
        return "?".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let (scaled, suffix) = match x.abs() {
        a if a >= 1e12 => (x / 1e12, " tn"),
        a if a >= 1e9 => (x / 1e9, " bn"),
        a if a >= 1e6 => (x / 1e6, " mln"),
        _ => (x, ""),
    };
    if scaled == 0.0 {
        return "0".into();
    }
    let magnitude = scaled.abs().log10().floor() as i32;
    let decimals = (sig - 1 - magnitude).max(0);
    let factor = 10f64.powi(decimals);
    let shifted = scaled * factor;
    // Values already at this precision must not move (46.3 stays 46.3, not 46.4).
    let rounded = if (shifted - shifted.round()).abs() < 1e-9 * shifted.abs().max(1.0) {
        shifted.round()
    } else {
        match round {
            Round::Down => shifted.floor(),
            Round::Up => shifted.ceil(),
            Round::Nearest => shifted.round(),
        }
    };
    let mut s = format!("{:.*}", decimals as usize, rounded / factor);
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if s == "-0" {
        s = "0".into();
    }
    s + suffix
}

fn with_unit(n: String, unit: Option<&str>) -> String {
    match unit {
        None => n,
        Some("%") => n + "%",
        Some(unit) => format!("{n} {unit}"),
    }
}

/// `46.3…46.6`, `≥ 46.3`, `≤ 46.6`, or one number when the bounds agree; `None` when both
/// bounds are infinite. `unit` dresses each number (`+660%`, `×2`).
pub(super) fn range(
    low: f64,
    high: f64,
    sig: i32,
    signed: bool,
    unit: &dyn Fn(String) -> String,
) -> Option<String> {
    let n = |x: f64, r: Round| {
        let s = num(x, sig, r);
        unit(if signed && x > 0.0 {
            format!("+{s}")
        } else {
            s
        })
    };
    match (low.is_finite(), high.is_finite()) {
        (false, false) => None,
        (true, false) => Some(format!("≥ {}", n(low, Round::Down))),
        (false, true) => Some(format!("≤ {}", n(high, Round::Up))),
        _ => {
            let (lo, hi) = (n(low, Round::Down), n(high, Round::Up));
            Some(if lo == hi { lo } else { format!("{lo}…{hi}") })
        }
    }
}

fn plain(s: String) -> String {
    s
}

/// Text from the article for a one-line cell: whitespace runs (line breaks included) become
/// one space, and long text is clipped.
fn cell_text(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// Whether the words already show the unit ("8%", "5.2 million people"), so that repeating
/// it would be noise; "353 tons" does not show `t`.
fn shows_unit(stated: &str, unit: &str) -> bool {
    if unit == "%" {
        return stated.contains('%');
    }
    stated
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case(unit))
}

/// `353 tons (t, 2025-06)` for a stated figure, `≈46.4 t (2025-05, implied 46.3…46.6)` for an
/// implied one; `2021-Q4 assumed` for a period not written ([`ClaimOut::period_assumed`]).
pub(super) fn figure(f: &FigureOut, period_assumed: bool) -> String {
    let mut details: Vec<String> = Vec::new();
    let head = match &f.stated {
        Some(stated) if !f.implied => {
            details.extend(
                f.unit
                    .filter(|u| !shows_unit(stated, u))
                    .map(str::to_string),
            );
            cell_text(stated, 32)
        }
        _ => {
            let approx = if f.low.is_finite() && f.high.is_finite() {
                Some(format!(
                    "≈{}",
                    num((f.low + f.high) / 2.0, 3, Round::Nearest)
                ))
            } else {
                range(f.low, f.high, 4, false, &plain)
            };
            approx.map_or_else(|| "?".into(), |a| with_unit(a, f.unit))
        }
    };
    details.extend(f.period.map(|p| {
        if period_assumed {
            format!("{p} assumed")
        } else {
            p.to_string()
        }
    }));
    if f.implied {
        let bounded = f.low.is_finite() && f.high.is_finite();
        details.push(match range(f.low, f.high, 4, false, &plain) {
            Some(r) if bounded => format!("implied {r}"),
            _ => "implied".into(),
        });
    }
    if details.is_empty() {
        head
    } else {
        format!("{head} ({})", details.join(", "))
    }
}

/// `an increase of 660% (+655%…+665%)`: the words, then what they allow.
pub(super) fn change(c: &ChangeOut) -> String {
    let allowed = match c.measure {
        Measure::Percent => range(c.low, c.high, 4, true, &|n| n + "%"),
        Measure::Points => range(c.low, c.high, 4, true, &|n| n + " pp"),
        Measure::Multiple => range(c.low, c.high, 4, false, &|n| format!("×{n}")),
        Measure::Absolute => range(c.low, c.high, 4, true, &plain),
    };
    let stated = cell_text(&c.stated, 32);
    match allowed {
        Some(allowed) => format!("{stated} ({allowed})"),
        None => stated,
    }
}

/// Each figure's verdict: `value confirmed X; baseline contradicted Y; change confirmed`
/// (a change relation ends at the value's fact, so its id is not repeated).
pub(super) fn registry(c: &ClaimOut) -> String {
    let verdict = |m: &RegistryMatch| match m.verdict {
        Verdict::Confirmed => "confirmed",
        Verdict::Contradicted => "contradicted",
    };
    let figures = [
        (
            "value",
            c.value.as_ref().and_then(|f| f.registry.as_deref()),
        ),
        (
            "baseline",
            c.baseline.as_ref().and_then(|f| f.registry.as_deref()),
        ),
    ];
    let mut parts: Vec<String> = figures
        .into_iter()
        .filter_map(|(name, m)| m.map(|m| format!("{name} {} {}", verdict(m), m.fact)))
        .collect();
    if let Some(m) = c.change.as_ref().and_then(|ch| ch.registry.as_deref()) {
        parts.push(format!("change {}", verdict(m)));
    }
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join("; ")
    }
}

pub(super) fn kind(c: &ClaimOut) -> String {
    serde_json::to_value(c.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One line for each finding an inline suppression silenced, with its reason, so that a
/// reader of a clean run still sees what was reviewed.
fn suppressed(w: &mut dyn Write, report: &ArticleReport) -> io::Result<()> {
    for s in &report.suppressed {
        let reason = s.reason.as_deref().unwrap_or("no reason given");
        let origin = origin(report, "body");
        writeln!(
            w,
            "suppressed[{}] at {origin}, line {}: {reason}",
            s.rule, s.line
        )?;
    }
    Ok(())
}

/// The claims of an article with no findings, one row each.
fn claims_table(w: &mut dyn Write, report: &ArticleReport) -> io::Result<()> {
    let origin = origin(report, "body");
    if report.claims.is_empty() {
        return writeln!(w, "{origin}: no claims\n");
    }
    writeln!(
        w,
        "{origin}: {}, no findings",
        plural(report.claims.len(), "claim")
    )?;
    claim_rows(w, report)?;
    writeln!(w)
}

/// `extract`'s view of an article: its claims as in [`claims_table`], then every numeric
/// mention on its own line (position, kind, value, interval, words).
fn extracted(
    w: &mut dyn Write,
    report: &ArticleReport,
    mentions: &[MentionOut],
    doc: Option<&Document>,
) -> io::Result<()> {
    let origin = origin(report, "body");
    writeln!(
        w,
        "{origin}: {}, {}",
        plural(report.claims.len(), "claim"),
        plural(mentions.len(), "numeric mention")
    )?;
    if !report.claims.is_empty() {
        claim_rows(w, report)?;
    }
    if !mentions.is_empty() {
        let header = ["at", "kind", "value", "interval", "text"].map(String::from);
        let rows: Vec<[String; 5]> = mentions
            .iter()
            .map(|m| {
                let at = doc.map_or_else(
                    || format!("@{}", m.span.start),
                    |doc| {
                        let (line, column) = doc.line_col(m.span.start);
                        format!("{line}:{column}")
                    },
                );
                let unit = |n: String| match m.kind {
                    MentionKind::Multiple => format!("×{n}"),
                    _ => with_unit(n, m.unit),
                };
                let value = unit(num(m.value, 6, Round::Nearest));
                let interval = range(m.low, m.high, 6, false, &unit).unwrap_or_else(|| "?".into());
                [at, mention_kind(m), value, interval, cell_text(&m.text, 40)]
            })
            .collect();
        writeln!(w)?;
        table(w, &header, &rows, 0)?;
    }
    writeln!(w)
}

fn mention_kind(m: &MentionOut) -> String {
    serde_json::to_value(m.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Writes rows under a header, columns aligned by display width (CJK text is two columns a
/// character, combining marks none), the first `right` columns right-aligned.
fn table<const N: usize>(
    w: &mut dyn Write,
    header: &[String; N],
    rows: &[[String; N]],
    right: usize,
) -> io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let mut widths = [0usize; N];
    for row in std::iter::once(header).chain(rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in std::iter::once(header).chain(rows) {
        let mut line = String::from("  ");
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = width - cell.width();
            if i < right {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}

/// The claims table's rows under its header.
fn claim_rows(w: &mut dyn Write, report: &ArticleReport) -> io::Result<()> {
    let header = [
        "id", "kind", "at", "value", "change", "baseline", "registry",
    ]
    .map(String::from);
    let rows: Vec<[String; 7]> = report
        .claims
        .iter()
        .map(|c| {
            [
                c.id.to_string(),
                kind(c),
                format!("{}:{}", c.line, c.column),
                c.value
                    .as_ref()
                    .map_or("-".into(), |f| figure(f, c.period_assumed)),
                c.change.as_ref().map_or("-".into(), change),
                c.baseline
                    .as_ref()
                    .map_or("-".into(), |f| figure(f, c.period_assumed)),
                registry(c),
            ]
        })
        .collect();
    // Ids right-aligned, like numbers.
    table(w, &header, &rows, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_in_leading_whitespace_is_named_not_shown() {
        assert!(in_leading_whitespace("a\n\x0b\x0b b", 3));
        assert!(in_leading_whitespace("  x", 0));
        assert!(!in_leading_whitespace("  x", 2));
        assert!(!in_leading_whitespace("a b", 1));
        assert!(!in_leading_whitespace("ab", 9));
        let shown = Shown {
            source: "first\n\x0b\x0bsecond",
            first_line: 7,
            origin: "r.yaml",
            range: 7..8,
        };
        assert_eq!(shown.place(), "r.yaml:8:2");
    }

    #[test]
    fn long_lines_with_odd_whitespace_render() {
        // Each of these overflowed annotate-snippets' margin before `displayable` and
        // `in_leading_whitespace`: the annotation after leading tabs, and one inside them.
        let line = format!("{}x{}", "\t".repeat(10), "y".repeat(200));
        for range in [10..11, 0..1, 3..4] {
            let message = Message {
                severity: Severity::Error,
                rule: "registry-yaml-syntax",
                title: "t",
                shown: Some(Shown {
                    source: &line,
                    first_line: 1,
                    origin: "r.yaml",
                    range: range.clone(),
                }),
                notes: &[],
                location: None,
            };
            let mut out = Vec::new();
            Human::new(false).message(&mut out, message).unwrap();
            let out = String::from_utf8(out).unwrap();
            let column = range.start + 1;
            assert!(out.contains(&format!("r.yaml:1:{column}")), "{out}");
        }
    }

    #[test]
    fn wide_lines_are_cut_between_characters_around_the_underline() {
        use unicode_width::UnicodeWidthStr;
        let line = format!("{}rose 20.8%{}", "語é ".repeat(60), " x".repeat(60));
        let start = line.find("rose").unwrap();
        let range = start..start + "rose 20.8%".len();
        for width in [40, 60, 100, 140] {
            let (text, cut) = cut_line(&line, range.clone(), 7, width).expect("cut");
            assert!(
                text.width() + margin(7) <= width.max(20 + margin(7)),
                "{width}: {text}"
            );
            assert_eq!(&text[cut.clone()], "rose 20.8%", "{width}");
            assert!(text.starts_with("...") && text.ends_with("..."), "{text}");
        }
        // Lines of one-column characters are left to annotate-snippets; short lines fit.
        assert_eq!(cut_line(&"x".repeat(500), 0..1, 1, 60), None);
        assert_eq!(cut_line("語 rose", 4..8, 1, 60), None);
        // The underline past the end of what fits keeps its start; an empty one gets one
        // character.
        let (text, cut) = cut_line(&line, start..line.len(), 1, 40).unwrap();
        assert!(text[cut.clone()].starts_with("rose"), "{text}");
        let (text, cut) = cut_line(&line, start..start, 1, 40).unwrap();
        assert_eq!(&text[cut], "r");
    }

    #[test]
    fn odd_whitespace_is_shown_as_spaces_of_the_same_length() {
        let source = "a\tb\x0bc\x0cd\re\r\nf\u{85}g\u{2028}h";
        let shown = displayable(source);
        assert_eq!(shown, "a b c d e\r\nf\u{a0}g\u{2002}h");
        assert_eq!(shown.len(), source.len());
        assert_eq!(shown.chars().count(), source.chars().count());
        assert!(matches!(displayable("plain text"), Cow::Borrowed(_)));
    }
    use crate::emit::testing;

    fn render(reports: &[(ArticleReport, Option<&Document>)]) -> String {
        let mut human = Human::new(false);
        let mut out = Vec::new();
        let mut tally = Tally::default();
        for (report, doc) in reports {
            tally.record(report, 0, true);
            human.article(&mut out, report, *doc).unwrap();
        }
        human.finish(&mut out, &tally).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn findings_render_rustc_style() {
        let doc = testing::document();
        insta::assert_snapshot!(render(&[(testing::flagged_report(&doc), Some(&doc))]));
    }

    #[test]
    fn clean_articles_get_a_claims_table() {
        let doc = testing::document();
        let mut record = testing::clean_report(&doc);
        record.source = "archive.jsonl".into();
        record.id = "rec-7".into();
        record.line = Some(12);
        record.claims.truncate(1);
        let mut empty = testing::clean_report(&doc);
        empty.claims.clear();
        let failed = ArticleReport::failed(
            "bad".into(),
            "archive.jsonl".into(),
            Some(13),
            "archive.jsonl:13:9: expected `,` or `}`".into(),
        );
        // Text across a line break, a one-sided multiple and an unbounded implied baseline.
        let mut odd = testing::clean_report(&doc);
        let mut multiple = testing::claim_change(&doc);
        multiple.id = 3;
        multiple.kind = crate::claim::ClaimKind::Multiple;
        multiple.value = None;
        multiple.registry = None;
        if let Some(change) = &mut multiple.change {
            change.stated = "more than\n  doubled".into();
            change.measure = Measure::Multiple;
            change.low = 2.0;
            change.high = f64::INFINITY;
        }
        if let Some(baseline) = &mut multiple.baseline {
            baseline.low = f64::NEG_INFINITY;
            baseline.high = f64::INFINITY;
        }
        odd.claims = vec![multiple];
        insta::assert_snapshot!(render(&[
            (testing::clean_report(&doc), Some(&doc)),
            (odd, Some(&doc)),
            (record, Some(&doc)),
            (empty, Some(&doc)),
            (failed, None),
        ]));
    }

    #[test]
    fn titles_stay_on_one_line() {
        let doc = testing::document();
        let mut report = testing::flagged_report(&doc);
        report.findings.truncate(1);
        report.findings[0].message = "a fall of 1.6 pct from 55.9\n  pct".into();
        let out = render(&[(report, Some(&doc))]);
        assert!(
            out.starts_with("info[times-more-ambiguity]: a fall of 1.6 pct from 55.9 pct\n"),
            "{out}"
        );
    }

    #[test]
    fn numbers_round_outward_and_read_well() {
        assert_eq!(num(46.3552, 3, Round::Down), "46.3");
        assert_eq!(num(46.5455, 3, Round::Up), "46.6");
        assert_eq!(num(46.3, 3, Round::Up), "46.3");
        assert_eq!(num(1.2e9, 3, Round::Nearest), "1.2 bn");
        assert_eq!(num(87.05e6, 4, Round::Down), "87.05 mln");
        assert_eq!(num(-38.15, 4, Round::Down), "-38.15");
        assert_eq!(num(5150.0, 3, Round::Nearest), "5150");
        let pct = |n: String| n + "%";
        assert_eq!(
            range(-38.15, -38.05, 4, true, &pct).unwrap(),
            "-38.15%…-38.05%"
        );
        assert_eq!(range(7.0, 7.0, 3, true, &pct).unwrap(), "+7%");
        assert_eq!(
            range(1.85, 2.15, 3, false, &|n| format!("×{n}")).unwrap(),
            "×1.85…×2.15"
        );
        assert_eq!(
            range(90.0, f64::INFINITY, 3, false, &plain).unwrap(),
            "≥ 90"
        );
        assert_eq!(
            range(f64::NEG_INFINITY, f64::INFINITY, 3, false, &plain),
            None
        );
        assert!(shows_unit("5.2 million people", "people"));
        assert!(shows_unit("8%", "%"));
        assert!(!shows_unit("353 tons", "t"));
        assert_eq!(cell_text("150 mln\n   dlrs", 32), "150 mln dlrs");
    }

    #[test]
    fn colors_only_when_asked() {
        let doc = testing::document();
        let report = testing::flagged_report(&doc);
        let mut plain = Vec::new();
        Human::new(false)
            .article(&mut plain, &report, Some(&doc))
            .unwrap();
        assert!(!plain.contains(&0x1b));
        let mut colored = Vec::new();
        Human::new(true)
            .article(&mut colored, &report, Some(&doc))
            .unwrap();
        assert!(colored.contains(&0x1b));
    }

    fn registry_problem(line: &str, column: usize, width: usize) -> Diagnostic {
        Diagnostic {
            rule: "registry-unknown-field".into(),
            severity: Severity::Error,
            message: "unknown field `vaule`".into(),
            notes: vec!["did you mean `value`?".into()],
            path: "claims/x.yaml".into(),
            line: 9,
            column,
            end_line: 9,
            end_column: column + width,
            snippet: None,
            excerpt: crate::diagnostics::Excerpt::of_line(line, 9, column, width),
            fingerprint: String::new(),
        }
    }

    fn render_diagnostics(diags: &[Diagnostic]) -> String {
        let mut out = Vec::new();
        Human::new(false).diagnostics(&mut out, &[], diags).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn registry_problems_render_like_findings() {
        assert_eq!(
            render_diagnostics(&[registry_problem("    vaule: 353", 5, 5)]),
            "error[registry-unknown-field]: unknown field `vaule`\n --> claims/x.yaml:9:5\n  |\n9 |     vaule: 353\n  |     ^^^^^\n  |\n  = note: did you mean `value`?\n\n"
        );
        let mut unplaced = registry_problem("", 0, 0);
        unplaced.excerpt = None;
        unplaced.column = 0;
        assert_eq!(
            render_diagnostics(&[unplaced]),
            "error[registry-unknown-field]: unknown field `vaule`\n = note: did you mean `value`?\n --> claims/x.yaml:9\n\n"
        );
    }

    #[test]
    fn excerpts_at_the_end_of_a_line_or_on_an_empty_one_still_render() {
        for (line, column, width) in [("", 1, 1), ("ab  ", 4, 3), ("日本語", 3, 9), ("x", 99, 1)]
        {
            let out = render_diagnostics(&[registry_problem(line, column, width)]);
            assert!(out.contains("--> claims/x.yaml:9"), "{line:?}: {out}");
        }
    }
}
