//! Sentence evidence that two claims whose subjects match still measure different things: a
//! figure on another basis (seasonally adjusted, revised, forecast, "would have been") or an
//! item of a "respectively" list. The cross-claim rules ask it before comparing figures.

use std::collections::BTreeSet;

use crate::claim::Claim;

use super::arith::lowercase_words;
use super::Context;

/// The basis words of a claim's sentence ("seasonally", "adjusted"), and whether it pairs a
/// list of figures with a list of items.
fn basis(ctx: &Context, claim: &Claim) -> (BTreeSet<String>, bool) {
    let words = &ctx.doc.lang.subjects;
    let mut found = BTreeSet::new();
    let mut list = false;
    // Hyphenated words stay whole: "non-smoothed" is another basis than "smoothed".
    let text = claim.sentence.slice(ctx.text());
    for token in text
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .filter(|t| !t.is_empty())
    {
        let token = token.to_lowercase();
        for w in lowercase_words(&token) {
            list |= words.list_pairing.contains(&w);
            if words.basis_words.contains(&w) {
                found.insert(token.clone());
            }
        }
    }
    (found, list)
}

/// Whether the sentences of `a` and `b` let their figures be compared: neither pairs figures
/// with a list of items, and both state the same basis.
pub fn same_basis(ctx: &Context, a: &Claim, b: &Claim) -> bool {
    let (basis_a, list_a) = basis(ctx, a);
    let (basis_b, list_b) = basis(ctx, b);
    !list_a && !list_b && basis_a == basis_b
}
