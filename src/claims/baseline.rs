//! Implied baselines: the figure a current value and a stated change imply, as an interval
//! ("353 t after +660%" puts May at 46.35 to 46.54 t).

use crate::claim::{Claim, Figure};

/// Fills in the baseline of a change claim that states none.
pub fn imply(claim: &mut Claim) {
    let (Some(value), Some(change)) = (&claim.value, &claim.change) else {
        return;
    };
    if claim.baseline.as_ref().is_some_and(|b| !b.implied) {
        return;
    }
    // The rounded reading: truncation is allowed for by the rules that compare baselines.
    let stated = change.interval;
    let interval = change.measure.before(&value.interval, &stated);
    let Some(interval) = interval.filter(|i| i.is_bounded()) else {
        return;
    };
    let period = claim.baseline.as_ref().and_then(|b| b.period);
    claim.baseline = Some(Figure {
        stated: None,
        interval,
        unit: value.unit,
        period,
        implied: true,
        mention: None,
    });
}
