//! The `registry-mismatch` finding: a figure of a claim that contradicts a sourced fact.
//! The rule's name and docs are in the rule catalogue ([`crate::rules::registry_mismatch`]);
//! the registry stage, which runs after the rules, raises it.

use super::{with_unit, Fact, Registry};
use crate::claim::{Claim, Figure};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::measure::format::fmt_value_range;
use crate::measure::near_miss::FIGURE_NEAR_MISS;
use crate::rules::registry_mismatch::NAME;

/// The finding for `figure` of `claim` contradicting `fact`.
pub fn finding(
    registry: &Registry,
    doc: &Document,
    claim: &Claim,
    figure: &Figure,
    fact: &Fact,
) -> Finding {
    let fact_interval = fact.interval().unwrap_or(figure.interval);
    let severity = match FIGURE_NEAR_MISS.between(&figure.interval, &fact_interval) {
        Severity::Warning => Severity::Warning,
        _ => Severity::Error,
    };
    let (span, said) = match figure.stated {
        Some(span) => (span, format!("\"{}\"", span.slice(&doc.text).trim())),
        None => (
            claim.change.as_ref().map_or(claim.span, |c| c.stated),
            format!(
                "the {} this implies for {}",
                fmt_value_range(&figure.interval, figure.unit),
                fact.period
            ),
        ),
    };
    let mut notes = vec![format!(
        "`{}`: {}, {}: {}",
        fact.id,
        fact.what,
        fact.period,
        fact.shown()
    )];
    if let Some(implied) = &fact.implied {
        notes.push(format!("the registry implies it from {}", implied.how));
    }
    if let Some(source) = registry.source(&fact.source) {
        let mut line = format!("source: {} (`{}`)", source.name, source.id);
        if let Some(date) = source.published {
            line.push_str(&format!(", published {date}"));
        }
        if let Some(url) = &source.url {
            line.push_str(&format!(", {url}"));
        }
        notes.push(line);
    }
    notes.push(format!("defined at {}", fact.origin));
    let fact_value = match &fact.written {
        Some(w) => with_unit(w, fact.unit),
        None => fmt_value_range(&fact_interval, Some(fact.unit)),
    };
    Finding {
        rule: NAME,
        severity,
        span,
        message: format!(
            "{said} contradicts the registry: `{}` is {fact_value} per {}",
            fact.id,
            registry
                .source(&fact.source)
                .map_or(fact.source.as_str(), |s| s.name.as_str())
        ),
        claims: vec![claim.id],
        notes,
    }
}
