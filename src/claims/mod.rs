//! Claims: mentions linked into value, change, share and multiple claims with periods,
//! subjects and (stated or implied) baselines.

mod baseline;
mod link;
pub mod periods;
pub mod subject;

use crate::claim::Claim;
use crate::document::Document;
use crate::extract::Extraction;

pub use link::link;

/// Whether two claims are about the same measure of the same thing (subject and unit
/// compatible), so their figures for one period must agree. Favours precision: when in
/// doubt, `false`.
pub fn same_measure(a: &Claim, b: &Claim) -> bool {
    let unit = |c: &Claim| {
        c.value
            .as_ref()
            .or(c.baseline.as_ref())
            .and_then(|f| f.unit)
    };
    if let (Some(ua), Some(ub)) = (unit(a), unit(b)) {
        if ua != ub {
            return false;
        }
    }
    // Two figures in one sentence are nearly always different measures or periods ("361,285
    // cars, down 6.3 pct, 165,770 trucks, down 8.6 pct"); a figure restated is restated
    // elsewhere.
    if a.sentence == b.sentence {
        return false;
    }
    subject::Keys::same_thing(&a.subject, &b.subject)
}

/// Links an article's mentions into claims, with implied baselines filled in.
pub fn claims(doc: &Document, ex: &Extraction) -> Vec<Claim> {
    let mut claims = link(doc, ex);
    for claim in &mut claims {
        baseline::imply(claim);
    }
    claims
}
