//! Implied baselines: the figure a current value and a stated change imply, as an interval
//! ("353 t after +660%" puts May at 46.35 to 46.54 t).

use crate::claim::{Claim, Figure};
use crate::measure::Measure;

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
    let mut interval = change.measure.before(&value.interval, &stated);
    // A percent change of a rate is often its difference in points, written with a bare
    // "%" ("was 2.45%, this was 1.41% lower compared to August (3.87%)"): the level before
    // is either reading.
    if change.measure == Measure::Percent && value.unit == Some("%") {
        let points = Measure::Points.before(&value.interval, &stated);
        interval = interval.zip(points).map(|(r, p)| r.hull(&p));
    }
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
