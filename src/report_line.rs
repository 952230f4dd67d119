//! The audit's hot path: a [`Report`] written as one compact JSON object by hand, byte for
//! byte what `serde_json::to_writer` writes for it (a test holds the two equal on reports
//! with every field filled), in about half the time: keys are written as constants instead
//! of being escaped at run time, and strings are escaped eight bytes at a time.
//!
//! Numbers, enums and the rare nested values (registry matches, `meta`) still go through
//! `serde_json`, so their formatting cannot drift from the `Serialize` output.

use crate::claim::RegistryMatch;
use crate::report::{ChangeOut, ClaimOut, FigureOut, FindingOut, MentionOut, Report};
use crate::span::Span;
use serde::Serialize;
use std::fmt::{Display, Write as _};

/// Appends `report` as compact JSON to `out` (no newline).
pub fn write(out: &mut Vec<u8>, report: &Report<'_>) -> serde_json::Result<()> {
    write_line(
        Line {
            out,
            sink: None,
            scratch: String::new(),
        },
        report,
    )
}

/// [`write`], handing what `out` holds to `sink` whenever it passes [`SPILL_AT`] bytes
/// between two claims, findings or mentions, so that the line of a huge article is never
/// held whole; the rest stays in `out`. An error of `sink` comes back as serde_json's I/O
/// error (which `io::Error::from` unwraps).
pub fn write_spilling(
    sink: &mut dyn std::io::Write,
    out: &mut Vec<u8>,
    report: &Report<'_>,
) -> serde_json::Result<()> {
    write_line(
        Line {
            out,
            sink: Some(sink),
            scratch: String::new(),
        },
        report,
    )
}

/// How much of a line [`write_spilling`] holds before handing it on.
const SPILL_AT: usize = 1 << 16;

fn write_line(mut w: Line<'_>, report: &Report<'_>) -> serde_json::Result<()> {
    w.raw(b"{\"id\":");
    w.string(&report.id);
    w.raw(b",\"source\":");
    w.string(&report.source);
    w.raw(b",\"date\":");
    w.option(report.date.as_ref(), |w, d| w.display(d));
    if let Some(title) = &report.title {
        w.raw(b",\"title\":");
        w.string(title);
    }
    if let Some(line) = report.line {
        w.raw(b",\"line\":");
        w.value(&line)?;
    }
    w.raw(b",\"claims\":");
    w.array(&report.claims, Line::claim)?;
    w.raw(b",\"findings\":");
    w.array(&report.findings, Line::finding)?;
    if !report.suppressed.is_empty() {
        // Rare: through serde_json.
        w.raw(b",\"suppressed\":");
        w.value(&report.suppressed)?;
    }
    if let Some(mentions) = &report.mentions {
        w.raw(b",\"mentions\":");
        w.array(mentions, Line::mention)?;
    }
    w.raw(b",\"error\":");
    w.option(report.error.as_ref(), |w, e| w.string(e));
    if !report.meta.is_empty() {
        w.raw(b",\"meta\":");
        w.value(&*report.meta)?;
    }
    w.raw(b"}");
    Ok(())
}

struct Line<'o> {
    out: &'o mut Vec<u8>,
    /// Where a long line goes in parts ([`write_spilling`]).
    sink: Option<&'o mut dyn std::io::Write>,
    /// For dates and periods, formatted before they are escaped.
    scratch: String,
}

impl Line<'_> {
    fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Anything else, the way `serde_json` writes it.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> serde_json::Result<()> {
        serde_json::to_writer(&mut *self.out, value)
    }

    /// The name of a unit enum variant: plain lowercase ASCII, written as `serde_json`
    /// writes the variant (the enums' `as_str` are held equal to their serde names by tests).
    fn name(&mut self, name: &'static str) {
        self.raw(b"\"");
        self.raw(name.as_bytes());
        self.raw(b"\"");
    }

    fn option<T>(&mut self, value: Option<T>, some: impl FnOnce(&mut Self, T)) {
        match value {
            Some(v) => some(self, v),
            None => self.raw(b"null"),
        }
    }

    fn array<T>(
        &mut self,
        items: &[T],
        item: impl Fn(&mut Self, &T) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        self.raw(b"[");
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                self.raw(b",");
            }
            item(self, x)?;
            self.spill()?;
        }
        self.raw(b"]");
        Ok(())
    }

    /// Hands the line so far to the sink, if there is one and the line is long.
    fn spill(&mut self) -> serde_json::Result<()> {
        if let Some(sink) = self.sink.as_deref_mut() {
            if self.out.len() >= SPILL_AT {
                sink.write_all(self.out).map_err(serde_json::Error::io)?;
                self.out.clear();
            }
        }
        Ok(())
    }

    /// A `Display` value as a JSON string (what `Serializer::collect_str` writes).
    fn display(&mut self, value: &impl Display) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let _ = write!(scratch, "{value}");
        self.string(&scratch);
        self.scratch = scratch;
    }

    /// A JSON string with `serde_json`'s escapes: `\"`, `\\`, `\b` `\t` `\n` `\f` `\r`, and
    /// `\u00xx` (lowercase hex) for the other control characters; everything else as is.
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.out.reserve(bytes.len() + 2);
        self.out.push(b'"');
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes.len() >= 8 {
                // The last eight bytes, for a tail shorter than that, with the bytes before
                // `i` shifted out (a false flag they leave behind is turned down below).
                let mask = match bytes.get(i..i + 8) {
                    Some(eight) => escape_mask(eight),
                    None => escape_mask(&bytes[bytes.len() - 8..]) >> (8 * (i + 8 - bytes.len())),
                };
                if mask == 0 {
                    i += 8;
                    continue;
                }
                // Straight to the first byte that needs it.
                i += crate::swar::first_flagged(mask);
            }
            let b = bytes[i];
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                0x08 => b"\\b",
                b'\t' => b"\\t",
                b'\n' => b"\\n",
                0x0c => b"\\f",
                b'\r' => b"\\r",
                0x00..=0x1f => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let code = [
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[usize::from(b >> 4)],
                        HEX[usize::from(b & 0xf)],
                    ];
                    self.out.extend_from_slice(&bytes[run..i]);
                    self.out.extend_from_slice(&code);
                    i += 1;
                    run = i;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.out.extend_from_slice(&bytes[run..i]);
            self.out.extend_from_slice(escape);
            i += 1;
            run = i;
        }
        self.out.extend_from_slice(&bytes[run..]);
        self.out.push(b'"');
    }

    fn span(&mut self, span: &Span) -> serde_json::Result<()> {
        self.raw(b"{\"start\":");
        self.value(&span.start)?;
        self.raw(b",\"end\":");
        self.value(&span.end)?;
        self.raw(b"}");
        Ok(())
    }

    fn static_str(&mut self, s: Option<&'static str>) {
        self.option(s, |w, s| w.string(s));
    }

    fn claim(&mut self, c: &ClaimOut<'_>) -> serde_json::Result<()> {
        self.raw(b"{\"id\":");
        self.value(&c.id)?;
        self.raw(b",\"kind\":");
        self.name(c.kind.as_str());
        self.raw(b",\"span\":");
        self.span(&c.span)?;
        self.raw(b",\"line\":");
        self.value(&c.line)?;
        self.raw(b",\"column\":");
        self.value(&c.column)?;
        self.raw(b",\"text\":");
        self.string(&c.text);
        self.raw(b",\"subject\":");
        self.string(&c.subject);
        self.raw(b",\"value\":");
        self.figure(c.value.as_ref())?;
        self.raw(b",\"change\":");
        match &c.change {
            Some(ch) => self.change(ch)?,
            None => self.raw(b"null"),
        }
        self.raw(b",\"baseline\":");
        self.figure(c.baseline.as_ref())?;
        if let Some(period) = &c.period {
            self.raw(b",\"period\":");
            self.value(period)?;
        }
        if c.period_assumed {
            self.raw(b",\"period_assumed\":true");
        }
        self.raw(b",\"registry\":");
        match &c.registry {
            Some(verdict) => self.value(verdict)?,
            None => self.raw(b"null"),
        }
        self.raw(b"}");
        Ok(())
    }

    fn figure(&mut self, f: Option<&FigureOut<'_>>) -> serde_json::Result<()> {
        let Some(f) = f else {
            self.raw(b"null");
            return Ok(());
        };
        self.raw(b"{\"stated\":");
        self.option(f.stated.as_deref(), |w, s| w.string(s));
        self.raw(b",\"low\":");
        self.value(&f.low)?;
        self.raw(b",\"high\":");
        self.value(&f.high)?;
        self.raw(b",\"unit\":");
        self.static_str(f.unit);
        self.raw(b",\"period\":");
        self.option(f.period.as_ref(), |w, p| w.display(p));
        self.raw(if f.implied {
            b",\"implied\":true"
        } else {
            b",\"implied\":false"
        });
        self.registry(f.registry.as_deref())?;
        self.raw(b"}");
        Ok(())
    }

    fn change(&mut self, ch: &ChangeOut<'_>) -> serde_json::Result<()> {
        self.raw(b"{\"stated\":");
        self.string(&ch.stated);
        self.raw(b",\"measure\":");
        self.name(ch.measure.as_str());
        self.raw(b",\"low\":");
        self.value(&ch.low)?;
        self.raw(b",\"high\":");
        self.value(&ch.high)?;
        self.raw(b",\"direction\":");
        self.option(ch.direction, |w, d| w.name(d.as_str()));
        if let Some(id) = ch.restates {
            self.raw(b",\"restates\":");
            self.value(&id)?;
        }
        self.registry(ch.registry.as_deref())?;
        self.raw(b"}");
        Ok(())
    }

    /// A figure's or change's registry verdict, left out when it has none.
    fn registry(&mut self, verdict: Option<&RegistryMatch>) -> serde_json::Result<()> {
        if let Some(verdict) = verdict {
            self.raw(b",\"registry\":");
            self.value(verdict)?;
        }
        Ok(())
    }

    fn finding(&mut self, f: &FindingOut<'_>) -> serde_json::Result<()> {
        self.raw(b"{\"rule\":");
        self.string(f.rule);
        self.raw(b",\"severity\":");
        self.name(f.severity.as_str());
        self.raw(b",\"span\":");
        self.span(&f.span)?;
        self.raw(b",\"line\":");
        self.value(&f.line)?;
        self.raw(b",\"column\":");
        self.value(&f.column)?;
        self.raw(b",\"field\":");
        self.string(f.field);
        self.raw(b",\"message\":");
        self.string(&f.message);
        self.raw(b",\"claims\":");
        self.value(&*f.claims)?;
        if !f.notes.is_empty() {
            self.raw(b",\"notes\":");
            self.array(&f.notes, |w, n| {
                w.string(n);
                Ok(())
            })?;
        }
        self.raw(b"}");
        Ok(())
    }

    fn mention(&mut self, m: &MentionOut<'_>) -> serde_json::Result<()> {
        self.raw(b"{\"span\":");
        self.span(&m.span)?;
        self.raw(b",\"text\":");
        self.string(&m.text);
        self.raw(b",\"kind\":");
        self.value(&m.kind)?;
        self.raw(b",\"value\":");
        self.value(&m.value)?;
        self.raw(b",\"low\":");
        self.value(&m.low)?;
        self.raw(b",\"high\":");
        self.value(&m.high)?;
        self.raw(b",\"unit\":");
        self.static_str(m.unit);
        self.raw(b",\"approx\":");
        self.static_str(m.approx);
        self.raw(b"}");
        Ok(())
    }
}

/// Nonzero when any of eight bytes needs escaping in a JSON string (a control character, `"`
/// or `\`), with the first such byte flagged exactly ([`crate::swar::first_flagged`]).
/// Bitwise, without a branch per byte.
fn escape_mask(eight: &[u8]) -> u64 {
    use crate::swar::{has_below, has_byte, word};
    let w = word(eight);
    has_below(w, 0x20) | has_byte(w, b'"') | has_byte(w, b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{RegistryMatch, Verdict};
    use crate::period::{Date, Period};
    use crate::report::{ArticleReport, FigureOut};
    use std::borrow::Cow;

    /// The values and baselines of a report's claims.
    fn figures<'r, 'a>(report: &'r mut Report<'a>) -> Vec<&'r mut FigureOut<'a>> {
        report
            .claims
            .iter_mut()
            .flat_map(|c| c.value.iter_mut().chain(c.baseline.iter_mut()))
            .collect()
    }

    #[test]
    fn a_long_line_spills_in_parts_that_add_up_to_the_whole() {
        let text = "Sales rose 5 pct to 10 mln dlrs from 9.5 mln and ".repeat(3000) + "fell.";
        let doc = crate::document::Document::new(
            "t".into(),
            "t.txt".into(),
            text.clone(),
            crate::span::Span::new(0, text.len()),
        );
        let checked = crate::analysis::check(doc, None);
        let report = Report::of(&checked, true);
        let mut whole = Vec::new();
        write(&mut whole, &report).unwrap();
        assert!(whole.len() > 4 * SPILL_AT);
        let (mut sink, mut rest) = (Vec::new(), Vec::new());
        write_spilling(&mut sink, &mut rest, &report).unwrap();
        assert!(!sink.is_empty() && rest.len() < whole.len() / 2);
        sink.extend_from_slice(&rest);
        assert!(sink == whole);
    }

    fn by_hand(report: &Report<'_>) -> String {
        let mut out = Vec::new();
        write(&mut out, report).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_eight_byte_test_never_misses_a_byte_to_escape() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = *b"plain ab";
                eight[at] = b;
                let expected = b < 0x20 || b == b'"' || b == b'\\';
                let mask = escape_mask(&eight);
                assert_eq!(mask != 0, expected, "byte {b:#x} at {at}");
                if expected {
                    assert_eq!(crate::swar::first_flagged(mask), at, "byte {b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é 中文 \u{2028} \"quoted\" back\\slash\u{7f}");
        for s in [
            all.as_str(),
            "",
            "a",
            "exactly8",
            "longer than eight \"x\"\n",
        ] {
            let mut out = Vec::new();
            Line {
                out: &mut out,
                sink: None,
                scratch: String::new(),
            }
            .string(s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn escapes_in_the_last_eight_bytes_are_found_at_every_place() {
        for len in 8..=17 {
            for at in 0..len {
                for (special, before) in [('"', None), ('\n', Some('\\')), ('\u{1}', Some('"'))] {
                    let mut s: Vec<char> = "plain words here".chars().cycle().take(len).collect();
                    s[at] = special;
                    if let Some(b) = before.filter(|_| at > 0) {
                        s[at - 1] = b;
                    }
                    let s: String = s.into_iter().collect();
                    let mut out = Vec::new();
                    Line {
                        out: &mut out,
                        sink: None,
                        scratch: String::new(),
                    }
                    .string(&s);
                    assert_eq!(
                        String::from_utf8(out).unwrap(),
                        serde_json::to_string(&s).unwrap()
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in "\\PC*|[\\x00-\\x7f]{0,40}") {
            let mut out = Vec::new();
            Line { out: &mut out, sink: None, scratch: String::new() }.string(&s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }
    }

    fn written(write: impl FnOnce(&mut Line<'_>)) -> String {
        let mut out = Vec::new();
        write(&mut Line {
            out: &mut out,
            sink: None,
            scratch: String::new(),
        });
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn enum_names_are_their_serde_names() {
        use crate::claim::{ClaimKind, Direction};
        use crate::finding::Severity;
        use crate::measure::Measure;
        fn same<T: Serialize>(v: T, name: &'static str) {
            assert_eq!(
                written(|w| w.name(name)),
                serde_json::to_string(&v).unwrap()
            );
        }
        for k in [
            ClaimKind::Value,
            ClaimKind::Change,
            ClaimKind::Share,
            ClaimKind::Multiple,
        ] {
            same(k, k.as_str());
        }
        for m in [
            Measure::Percent,
            Measure::Points,
            Measure::Multiple,
            Measure::Absolute,
        ] {
            same(m, m.as_str());
        }
        for d in [Direction::Up, Direction::Down, Direction::Flat] {
            same(d, d.as_str());
        }
        for s in [Severity::Info, Severity::Warning, Severity::Error] {
            same(s, s.as_str());
        }
    }

    #[test]
    fn every_field_is_written_as_serde_json_writes_it() {
        // A real checked article with claims, changes, baselines and findings.
        let mut doc = crate::emit::testing::document();
        doc.date = Date::parse("2025-07-21");
        doc.record_line = Some(4);
        doc.title = Some("Rare \"earth\"\tmagnets".into());
        doc.meta.insert(
            "topics".into(),
            serde_json::json!(["trade", "\"metals\"", 1.5]),
        );
        let checked = crate::analysis::check(doc, None);
        assert!(!checked.claims.is_empty() && !checked.findings.is_empty());
        for with_mentions in [false, true] {
            let mut report = Report::of(&checked, with_mentions);
            assert_eq!(by_hand(&report), serde_json::to_string(&report).unwrap());
            // The optional parts the article lacks: notes, a registry match, an assumed
            // period, every period shape, infinite bounds, an error.
            let verdict = |figure| {
                Some(Cow::Owned(RegistryMatch {
                    fact: "magnets-us-2025-06 \"x\"".into(),
                    verdict: Verdict::Contradicted,
                    figure,
                }))
            };
            report.claims[0].registry = verdict(Some("value"));
            report.claims[0].period_assumed = true;
            // Each figure's own verdict, on one claim with a change and a baseline.
            let claim = report
                .claims
                .iter_mut()
                .find(|c| c.change.is_some() && c.baseline.is_some())
                .unwrap();
            for figure in [&mut claim.value, &mut claim.baseline]
                .into_iter()
                .flatten()
            {
                figure.registry = verdict(None);
            }
            if let Some(change) = &mut claim.change {
                change.registry = verdict(None);
            }
            report.findings[0].notes = Cow::Owned(vec!["note \"1\"".into(), "n2\n".into()]);
            report.error = Some("bad\u{1}".into());
            report.suppressed = vec![crate::report::SuppressedOut {
                rule: "change-mismatch",
                severity: crate::finding::Severity::Warning,
                span: Span::new(3, 9),
                line: 2,
                column: 4,
                message: "m \"x\"".into(),
                reason: Some("revised\tfigures".into()),
                directive_line: None,
            }];
            report.line = None;
            report.title = None;
            // Every period shape, an unstated and an infinite bound, both `implied` values:
            // as many rounds as the article has figures for.
            let periods = [
                Period::Year(2024),
                Period::Fiscal(1987),
                Period::Half(2025, 1),
                Period::Quarter(2025, 2),
                Period::Month(2025, 6),
                Period::Day(2025, 6, 30),
            ];
            let figure_count = figures(&mut report).len();
            assert!(figure_count >= 2, "{figure_count} figures");
            for round in periods.chunks(figure_count) {
                let mut figures = figures(&mut report);
                for (n, (f, period)) in figures.iter_mut().zip(round).enumerate() {
                    f.period = Some(*period);
                    f.implied = n % 2 == 0;
                }
                figures[0].high = f64::INFINITY;
                figures[1].stated = None;
                assert_eq!(by_hand(&report), serde_json::to_string(&report).unwrap());
            }
        }
        let failed = ArticleReport::failed("x".into(), "x.jsonl".into(), Some(3), "bad".into());
        assert_eq!(by_hand(&failed), serde_json::to_string(&failed).unwrap());
    }
}
