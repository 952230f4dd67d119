//! Relations between facts: cycles rejected, implied facts rebuilt, and every relation checked
//! with the interval arithmetic articles get (rounding-aware, truncation as a fallback).

use super::problem::Problem;
use super::{with_unit, Fact, Implied, Origin, Registry, RelationKind};
use crate::interval::Interval;
use crate::measure::format::{fmt_change_range, fmt_value_range};

/// Makes a located problem (the loader knows the file texts).
pub type At<'a> = dyn Fn(&Origin, &'static str, String) -> Problem + 'a;

/// The facts a relation involves, by index.
pub fn members(kind: &RelationKind) -> Vec<usize> {
    match kind {
        RelationKind::Change { from, to, .. } => vec![*from, *to],
        RelationKind::Part { part, whole } => vec![*part, *whole],
        RelationKind::Sum { parts, total } => {
            let mut v = parts.clone();
            v.push(*total);
            v
        }
    }
}

/// Directed edges: from → to, part → whole, each part → total.
fn edges(kind: &RelationKind) -> Vec<(usize, usize)> {
    match kind {
        RelationKind::Change { from, to, .. } => vec![(*from, *to)],
        RelationKind::Part { part, whole } => vec![(*part, *whole)],
        RelationKind::Sum { parts, total } => parts.iter().map(|&p| (p, *total)).collect(),
    }
}

/// Reports and drops every relation that closes a cycle, so that what remains is acyclic.
/// Iterative depth-first search: a registry of 100,000 chained facts cannot overflow the stack.
pub fn reject_cycles(registry: &mut Registry, at: &At, problems: &mut Vec<Problem>) {
    let n = registry.facts.len();
    let mut adj: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (r, rel) in registry.relations.iter().enumerate() {
        for (a, b) in edges(&rel.kind) {
            adj[a].push((b, r));
        }
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Color {
        White,
        Grey,
        Black,
    }
    let mut color = vec![Color::White; n];
    let mut closing: Vec<(usize, Vec<usize>)> = Vec::new();
    for start in 0..n {
        if color[start] != Color::White {
            continue;
        }
        color[start] = Color::Grey;
        let mut stack = vec![(start, 0usize)];
        while let Some(top) = stack.last_mut() {
            let (u, k) = *top;
            if k < adj[u].len() {
                top.1 += 1;
                let (v, r) = adj[u][k];
                match color[v] {
                    Color::White => {
                        color[v] = Color::Grey;
                        stack.push((v, 0));
                    }
                    Color::Grey => {
                        let from = stack.iter().position(|&(x, _)| x == v).unwrap_or(0);
                        let mut path: Vec<usize> = stack[from..].iter().map(|&(x, _)| x).collect();
                        path.push(v);
                        if !closing.iter().any(|(c, _)| *c == r) {
                            closing.push((r, path));
                        }
                    }
                    Color::Black => {}
                }
            } else {
                color[u] = Color::Black;
                stack.pop();
            }
        }
    }
    for (r, path) in &closing {
        let ids: Vec<String> = path
            .iter()
            .map(|&f| format!("`{}`", registry.facts[f].id))
            .collect();
        let rel = &registry.relations[*r];
        problems.push(at(
            &rel.origin,
            "registry-cycle",
            format!("relations form a cycle: {}", ids.join(" → ")),
        ));
    }
    let mut r = 0;
    registry.relations.retain(|_| {
        r += 1;
        !closing.iter().any(|(c, _)| *c == r - 1)
    });
}

fn sum(intervals: impl Iterator<Item = Interval>) -> Interval {
    intervals.fold(Interval::point(0.0), |acc, iv| acc.add(&iv))
}

/// A fact's value for messages: as written, or its implied range.
fn shown(fact: &Fact, value: &Interval) -> String {
    match &fact.written {
        Some(w) => with_unit(w, fact.unit),
        None => fmt_value_range(value, Some(fact.unit)),
    }
}

/// Rebuilds implied facts, then checks every relation. Facts that no relation determines
/// and that state no value are reported.
pub fn resolve(registry: &mut Registry, at: &At, problems: &mut Vec<Problem>) {
    let n = registry.facts.len();
    let mut implied: Vec<Option<Implied>> = vec![None; n];
    let mut derived = vec![false; registry.relations.len()];
    let facts = &registry.facts;
    let known = |implied: &[Option<Implied>], i: usize| -> Option<Interval> {
        facts[i].stated.or(implied[i].as_ref().map(|x| x.interval))
    };
    let open =
        |implied: &[Option<Implied>], i: usize| facts[i].stated.is_none() && implied[i].is_none();
    // A worklist: a relation is looked at again only when one of its facts becomes known,
    // so a long chain of relations costs linear time whatever its order in the files.
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (r, rel) in registry.relations.iter().enumerate() {
        for m in members(&rel.kind) {
            touching[m].push(r);
        }
    }
    let mut queue: std::collections::VecDeque<usize> = (0..registry.relations.len()).collect();
    {
        while let Some(r) = queue.pop_front() {
            let rel = &registry.relations[r];
            if derived[r] {
                continue;
            }
            let result = match &rel.kind {
                RelationKind::Change {
                    from,
                    to,
                    measure,
                    stated,
                    written,
                    ..
                } => {
                    if let (true, Some(f)) = (open(&implied, *to), known(&implied, *from)) {
                        Some(measure.after(&f, stated)).map(|iv| {
                            let how = format!(
                                "{} (`{}`) changed by {written}",
                                shown(&facts[*from], &f),
                                facts[*from].id
                            );
                            (*to, iv, how)
                        })
                    } else if let (true, Some(t)) = (open(&implied, *from), known(&implied, *to)) {
                        measure.before(&t, stated).map(|iv| {
                            let how = format!(
                                "{} (`{}`) after {written}",
                                shown(&facts[*to], &t),
                                facts[*to].id
                            );
                            (*from, iv, how)
                        })
                    } else {
                        None
                    }
                }
                RelationKind::Part { .. } => None,
                RelationKind::Sum { parts, total } => {
                    let unknown: Vec<usize> = parts
                        .iter()
                        .copied()
                        .filter(|&p| open(&implied, p))
                        .collect();
                    if unknown.is_empty() && open(&implied, *total) {
                        let iv = sum(parts.iter().filter_map(|&p| known(&implied, p)));
                        let ids: Vec<String> = parts
                            .iter()
                            .map(|&p| format!("`{}`", facts[p].id))
                            .collect();
                        Some((*total, iv, format!("the sum of {}", ids.join(" + "))))
                    } else if let ([missing], Some(t)) =
                        (unknown.as_slice(), known(&implied, *total))
                    {
                        let others = sum(parts
                            .iter()
                            .filter(|&&p| p != *missing)
                            .filter_map(|&p| known(&implied, p)));
                        Some((
                            *missing,
                            t.sub(&others),
                            format!("`{}` less its other parts", facts[*total].id),
                        ))
                    } else {
                        None
                    }
                }
            };
            if let Some((fact, interval, how)) = result {
                implied[fact] = Some(Implied { interval, how });
                derived[r] = true;
                queue.extend(touching[fact].iter().copied().filter(|&o| !derived[o]));
            }
        }
    }

    for (r, rel) in registry.relations.iter().enumerate() {
        if derived[r] {
            continue;
        }
        let facts = &registry.facts;
        let kind_for = |members: &[usize]| {
            if members.iter().any(|&m| facts[m].stated.is_none()) {
                "registry-implied-conflict"
            } else {
                ""
            }
        };
        match &rel.kind {
            RelationKind::Change {
                from,
                to,
                measure,
                stated,
                truncated,
                written,
            } => {
                let (Some(f), Some(t)) = (known(&implied, *from), known(&implied, *to)) else {
                    continue;
                };
                let Some(change) = measure.between(&f, &t) else {
                    continue;
                };
                let (ff, tf) = (&facts[*from], &facts[*to]);
                if change.overlaps(stated) {
                    continue;
                }
                if change.overlaps(truncated) {
                    problems.push(at(
                        &rel.origin,
                        "registry-truncated-change",
                        format!(
                            "`{}` → `{}` is {}: {written} holds only if it was truncated, not rounded",
                            ff.id,
                            tf.id,
                            fmt_change_range(*measure, &change, stated)
                        ),
                    ));
                    continue;
                }
                let kind = match kind_for(&[*from, *to]) {
                    "" => "registry-change-mismatch",
                    k => k,
                };
                let mut p = at(
                    &rel.origin,
                    kind,
                    format!(
                        "`{}` → `{}` is stated as {written}, but {} → {} is {}",
                        ff.id,
                        tf.id,
                        shown(ff, &f),
                        shown(tf, &t),
                        fmt_change_range(*measure, &change, stated)
                    ),
                );
                {
                    let expected = measure.after(&f, stated);
                    p.notes.push(format!(
                        "at {written} from {}, `{}` would be {}, not {}",
                        shown(ff, &f),
                        tf.id,
                        fmt_value_range(&expected, Some(tf.unit)),
                        shown(tf, &t)
                    ));
                }
                for (i, value) in [(*from, &f), (*to, &t)] {
                    let fact = &facts[i];
                    if let (None, Some(imp)) = (&fact.written, &implied[i]) {
                        p.notes.push(format!(
                            "`{}` is implied: {} from {}",
                            fact.id,
                            fmt_value_range(value, Some(fact.unit)),
                            imp.how
                        ));
                    }
                }
                problems.push(p);
            }
            RelationKind::Part { part, whole } => {
                let (Some(p), Some(w)) = (known(&implied, *part), known(&implied, *whole)) else {
                    continue;
                };
                if p.low > w.high {
                    let kind = match kind_for(&[*part, *whole]) {
                        "" => "registry-part-exceeds-whole",
                        k => k,
                    };
                    let (pf, wf) = (&facts[*part], &facts[*whole]);
                    problems.push(at(
                        &rel.origin,
                        kind,
                        format!(
                            "part `{}` ({}) is larger than its whole `{}` ({})",
                            pf.id,
                            shown(pf, &p),
                            wf.id,
                            shown(wf, &w)
                        ),
                    ));
                }
            }
            RelationKind::Sum { parts, total } => {
                let values: Option<Vec<Interval>> =
                    parts.iter().map(|&p| known(&implied, p)).collect();
                let (Some(values), Some(t)) = (values, known(&implied, *total)) else {
                    continue;
                };
                let s = sum(values.into_iter());
                if !s.overlaps(&t) {
                    let mut members = parts.clone();
                    members.push(*total);
                    let kind = match kind_for(&members) {
                        "" => "registry-sum-mismatch",
                        k => k,
                    };
                    let tf = &facts[*total];
                    let shown_parts: Vec<String> = parts
                        .iter()
                        .map(|&p| shown(&facts[p], &known(&implied, p).unwrap_or(s)))
                        .collect();
                    let mut problem = at(
                        &rel.origin,
                        kind,
                        format!(
                            "the parts of `{}` add up to {}, but it is {}",
                            tf.id,
                            fmt_value_range(&s, Some(tf.unit)),
                            shown(tf, &t)
                        ),
                    );
                    problem.notes.push(format!(
                        "{} = {}",
                        shown_parts.join(" + "),
                        fmt_value_range(&s, Some(tf.unit))
                    ));
                    problems.push(problem);
                }
            }
        }
    }

    for (fact, imp) in registry.facts.iter_mut().zip(implied) {
        if fact.stated.is_some() {
            continue;
        }
        match imp {
            Some(imp) => {
                problems.push(at(
                    &fact.origin,
                    "registry-implied-fact",
                    format!(
                        "`{}` is implied: {} ({}) from {}",
                        fact.id,
                        fmt_value_range(&imp.interval, Some(fact.unit)),
                        fact.period,
                        imp.how
                    ),
                ));
                fact.implied = Some(imp);
            }
            None => problems.push(at(
                &fact.origin,
                "registry-unresolved-fact",
                format!(
                    "fact `{}` has no value, and no relation implies one",
                    fact.id
                ),
            )),
        }
    }
}
