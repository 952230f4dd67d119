//! Sentence evidence that two claims whose subjects match still measure different things: a
//! figure on another basis (seasonally adjusted, revised, forecast, "would have been"), an
//! item of a "respectively" list, or a span of months ("Jan/Feb 1987", "in January and
//! February") that the period reader takes as its last month. The cross-claim rules ask it
//! before comparing figures.

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
    let text = claim.sentence.slice(ctx.text());
    // "On that basis, the surplus was..." takes its basis from the sentence before.
    let refers_back = lowercase_words(text).any(|w| words.basis_references.contains(&w));
    let previous = ctx
        .doc
        .sentences
        .iter()
        .take_while(|s| s.end <= claim.sentence.start)
        .last()
        .filter(|_| refers_back)
        .map_or("", |s| s.slice(ctx.text()));
    // Hyphenated words stay whole: "non-smoothed" is another basis than "smoothed".
    for token in [previous, text]
        .into_iter()
        .flat_map(|t| t.split(|c: char| !(c.is_alphabetic() || c == '-')))
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

/// Whether a claim's sentence names a span of months: two month names next to each other
/// ("Jan/Feb") or joined by one word ("January and February").
fn names_a_span_of_months(ctx: &Context, claim: &Claim) -> bool {
    let lang = ctx.doc.lang;
    let is_month = |w: &str| lang.units.months.get(w).is_some();
    let words: Vec<String> = lowercase_words(claim.sentence.slice(ctx.text())).collect();
    words.windows(2).any(|w| is_month(&w[0]) && is_month(&w[1]))
        || words.windows(3).any(|w| {
            is_month(&w[0]) && lang.subjects.month_span_joiners.contains(&w[1]) && is_month(&w[2])
        })
}

/// Whether the sentences of `a` and `b` let their figures be compared: neither pairs figures
/// with a list of items, both state the same basis, and both or neither name a span of months.
pub fn same_basis(ctx: &Context, a: &Claim, b: &Claim) -> bool {
    let (basis_a, list_a) = basis(ctx, a);
    let (basis_b, list_b) = basis(ctx, b);
    !list_a
        && !list_b
        && basis_a == basis_b
        && names_a_span_of_months(ctx, a) == names_a_span_of_months(ctx, b)
}
