//! `registry-mismatch`: a claim that contradicts a sourced fact of the registry.

use super::{with_unit, Fact, Registry};
use crate::claim::{Claim, Figure};
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::measure::format::fmt_value_range;
use crate::measure::near_miss::FIGURE_NEAR_MISS;

pub const NAME: &str = "registry-mismatch";

pub const SUMMARY: &str = "a claim that contradicts a registry fact";

pub const DOCS: &str = "\
## What it does
Matches each claim against the facts of the claim registry (`claims/*.yaml`, or
`--registry PATH`): a fact applies when all of its `match` patterns occur in the claim's
sentence, none of its `exclude` patterns does, its period equals the claim's period and its
unit is the claim's (tons, tonnes and metric tons alike; a currency only with itself).
Implied baselines are matched too: \"+660% from May\" is checked against the registry's
figure for May. A claim whose figure, under every rounding its writing allows, misses the
fact's value is flagged, quoting the fact, its value and its source. A near miss (under 1%)
is a warning.

To favour precision, a figure is left alone when more than one fact could apply and none
agrees with it, and a fact that another figure of the same sentence confirms does not
contradict the rest of that sentence.

## Why is this bad?
The registry holds figures checked against their source. An article that disagrees with
one has a typo, an outdated figure, or a figure about something else presented as this one.

## Example
With the registry fact `cn-magnet-exports-us-2025-06: 353 t` (China's rare earth magnet
exports to the US, June 2025, General Administration of Customs):
```text
China's export volume to the US in June soared to 335 tons.
```
Use instead:
```text
China's export volume to the US in June soared to 353 tons.
```
";

/// Registry matching runs in its own stage (it needs the registry); this entry lets the rule
/// catalogue list `registry-mismatch` beside the article rules.
pub fn check(_ctx: &crate::rules::Context, _findings: &mut Vec<Finding>) {}

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
