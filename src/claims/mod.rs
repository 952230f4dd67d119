//! Claims: mentions linked into value, change, share and multiple claims with periods,
//! subjects and (stated or implied) baselines.

use crate::claim::Claim;
use crate::document::Document;
use crate::mention::Mention;

/// Links an article's mentions into claims.
pub fn link(_doc: &Document, _mentions: &[Mention]) -> Vec<Claim> {
    Vec::new()
}

/// Whether two claims are about the same measure of the same thing (subject and unit
/// compatible), so their figures for one period must agree. Favours precision: when in
/// doubt, `false`.
pub fn same_measure(_a: &Claim, _b: &Claim) -> bool {
    false
}
