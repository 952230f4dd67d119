//! The `registry-mismatch` finding: a figure of a claim that contradicts a sourced fact.
//! The rule's name and docs are in the rule catalogue ([`crate::rules::registry_mismatch`]);
//! the registry stage, which runs after the rules, raises it.

use super::{with_unit, ChangeRelation, Fact, Origin, Registry, Relation};
use crate::claim::{Change, Claim, Figure};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::measure::format::fmt_value_range;
use crate::measure::near_miss::{magnitude, CHANGE_NEAR_MISS, FIGURE_NEAR_MISS};
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
    notes.extend(source_notes(registry, &fact.source, &fact.origin));
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
                .map_or(&*fact.source, |s| s.name.as_str())
        ),
        claims: vec![claim.id],
        notes,
    }
}

/// Where a registry figure comes from: its source, when the registry defines it, and where
/// it is defined.
fn source_notes(registry: &Registry, source: &str, origin: &Origin) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(source) = registry.source(source) {
        let mut line = format!("source: {} (`{}`)", source.name, source.id);
        if let Some(date) = source.published {
            line.push_str(&format!(", published {date}"));
        }
        if let Some(url) = &source.url {
            line.push_str(&format!(", {url}"));
        }
        notes.push(line);
    }
    notes.push(format!("defined at {origin}"));
    notes
}

/// The finding for the stated `change` of `claim` contradicting `relation`, which states
/// the change `stated`; a near miss is a warning, as for `change-mismatch`.
pub fn change_finding(
    registry: &Registry,
    doc: &Document,
    claim: &Claim,
    change: &Change,
    (relation, stated): (&Relation, &ChangeRelation),
) -> Finding {
    let (from, to) = (&registry.facts[stated.from], &registry.facts[stated.to]);
    let written = &stated.written;
    let gap = change
        .interval
        .hull(&change.truncated)
        .gap(&stated.any_reading());
    let severity = CHANGE_NEAR_MISS.severity(gap, magnitude(&stated.stated));
    // The relation's own source, else the source of the fact it leads to.
    let source = relation.source.as_deref().unwrap_or(&to.source);
    let mut notes = vec![format!(
        "`{}` → `{}`: {}, {} to {}: {written}",
        from.id, to.id, to.what, from.period, to.period
    )];
    notes.extend(source_notes(registry, source, &relation.origin));
    Finding {
        rule: NAME,
        severity,
        span: change.stated,
        message: format!(
            "\"{}\" contradicts the registry: `{}` → `{}` is {written} per {}",
            change.stated.slice(&doc.text).trim(),
            from.id,
            to.id,
            registry.source(source).map_or(source, |s| s.name.as_str())
        ),
        claims: vec![claim.id],
        notes,
    }
}
