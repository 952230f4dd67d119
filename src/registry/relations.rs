//! Relations between facts: cycles rejected, implied facts rebuilt, and every relation checked
//! with the interval arithmetic articles get (rounding-aware, truncation as a fallback).

use super::problem::Problem;
use super::{with_unit, ChangeRelation, Fact, Implied, Origin, Registry, Relation, RelationKind};
use crate::interval::Interval;
use crate::measure::format::{fmt_change_range, fmt_value_range};

/// Makes a located problem (the loader knows the file texts).
pub type At<'a> = dyn Fn(&Origin, &'static str, String) -> Problem + 'a;

/// The facts a relation involves, by index.
pub fn members(kind: &RelationKind) -> Vec<usize> {
    match kind {
        RelationKind::Change(c) => vec![c.from, c.to],
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
        RelationKind::Change(c) => vec![(c.from, c.to)],
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
    let (implied, derived) = derive(registry);
    let known = Known {
        facts: &registry.facts,
        implied,
    };
    for (relation, _) in registry
        .relations
        .iter()
        .zip(&derived)
        .filter(|(_, &derived)| !derived)
    {
        problems.extend(check(relation, &known, at));
    }
    let Known { implied, .. } = known;
    report_facts(registry, implied, at, problems);
}

/// What is known of each fact: its stated value, else what relations imply.
struct Known<'r> {
    facts: &'r [Fact],
    implied: Vec<Option<Implied>>,
}

impl Known<'_> {
    fn value(&self, i: usize) -> Option<Interval> {
        self.facts[i]
            .stated
            .or(self.implied[i].as_ref().map(|x| x.interval))
    }

    /// Neither stated nor implied yet.
    fn open(&self, i: usize) -> bool {
        self.facts[i].stated.is_none() && self.implied[i].is_none()
    }

    /// A fact's value for messages: as written, or its implied range.
    fn shown(&self, i: usize, value: &Interval) -> String {
        shown(&self.facts[i], value)
    }
}

/// Phase 1: the facts relations imply, and which relations implied one (those are not
/// checked: they hold by construction). A worklist: a relation is looked at again only
/// when one of its facts becomes known, so a long chain of relations costs linear time
/// whatever its order in the files.
fn derive(registry: &Registry) -> (Vec<Option<Implied>>, Vec<bool>) {
    let n = registry.facts.len();
    let mut known = Known {
        facts: &registry.facts,
        implied: vec![None; n],
    };
    let mut derived = vec![false; registry.relations.len()];
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (r, rel) in registry.relations.iter().enumerate() {
        for m in members(&rel.kind) {
            touching[m].push(r);
        }
    }
    let mut queue: std::collections::VecDeque<usize> = (0..registry.relations.len()).collect();
    while let Some(r) = queue.pop_front() {
        if derived[r] {
            continue;
        }
        if let Some((fact, interval, how)) = implied_by(&registry.relations[r].kind, &known) {
            known.implied[fact] = Some(Implied { interval, how });
            derived[r] = true;
            queue.extend(touching[fact].iter().copied().filter(|&o| !derived[o]));
        }
    }
    (known.implied, derived)
}

/// The one open fact a relation determines from the known ones: (fact, value, how).
fn implied_by(kind: &RelationKind, known: &Known) -> Option<(usize, Interval, String)> {
    let facts = known.facts;
    match kind {
        RelationKind::Change(ChangeRelation {
            from,
            to,
            measure,
            stated,
            written,
            ..
        }) => {
            if let (true, Some(f)) = (known.open(*to), known.value(*from)) {
                let how = format!(
                    "{} (`{}`) changed by {written}",
                    known.shown(*from, &f),
                    facts[*from].id
                );
                Some((*to, measure.after(&f, stated), how))
            } else if let (true, Some(t)) = (known.open(*from), known.value(*to)) {
                measure.before(&t, stated).map(|iv| {
                    let how = format!(
                        "{} (`{}`) after {written}",
                        known.shown(*to, &t),
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
            let unknown: Vec<usize> = parts.iter().copied().filter(|&p| known.open(p)).collect();
            if unknown.is_empty() && known.open(*total) {
                let iv = sum(parts.iter().filter_map(|&p| known.value(p)));
                let ids: Vec<String> = parts
                    .iter()
                    .map(|&p| format!("`{}`", facts[p].id))
                    .collect();
                Some((*total, iv, format!("the sum of {}", ids.join(" + "))))
            } else if let ([missing], Some(t)) = (unknown.as_slice(), known.value(*total)) {
                let others = sum(parts
                    .iter()
                    .filter(|&&p| p != *missing)
                    .filter_map(|&p| known.value(p)));
                Some((
                    *missing,
                    t.sub(&others),
                    format!("`{}` less its other parts", facts[*total].id),
                ))
            } else {
                None
            }
        }
    }
}

/// Phase 2: whether a relation that implied nothing holds; the problem when it does not.
fn check(relation: &Relation, known: &Known, at: &At) -> Option<Problem> {
    match &relation.kind {
        RelationKind::Change(change) => check_change(relation, change, known, at),
        RelationKind::Part { part, whole } => check_part(relation, *part, *whole, known, at),
        RelationKind::Sum { parts, total } => check_sum(relation, parts, *total, known, at),
    }
}

/// The problem kind for a failing relation: `failing`, or a conflict between relations
/// when it fails only through an implied fact.
fn failure_kind(members: &[usize], known: &Known, failing: &'static str) -> &'static str {
    if members.iter().any(|&m| known.facts[m].stated.is_none()) {
        "registry-implied-conflict"
    } else {
        failing
    }
}

fn check_change(
    relation: &Relation,
    change_relation: &ChangeRelation,
    known: &Known,
    at: &At,
) -> Option<Problem> {
    let ChangeRelation {
        from,
        to,
        measure,
        stated,
        truncated,
        written,
    } = change_relation;
    let (from, to) = (*from, *to);
    let (f, t) = (known.value(from)?, known.value(to)?);
    let change = measure.between(&f, &t)?;
    let (ff, tf) = (&known.facts[from], &known.facts[to]);
    if change.overlaps(stated) {
        return None;
    }
    if change.overlaps(truncated) {
        return Some(at(
            &relation.origin,
            "registry-truncated-change",
            format!(
                "`{}` → `{}` is {}: {written} holds only if it was truncated, not rounded",
                ff.id,
                tf.id,
                fmt_change_range(*measure, &change, stated)
            ),
        ));
    }
    let mut p = at(
        &relation.origin,
        failure_kind(&[from, to], known, "registry-change-mismatch"),
        format!(
            "`{}` → `{}` is stated as {written}, but {} → {} is {}",
            ff.id,
            tf.id,
            known.shown(from, &f),
            known.shown(to, &t),
            fmt_change_range(*measure, &change, stated)
        ),
    );
    let expected = measure.after(&f, stated);
    p.notes.push(format!(
        "at {written} from {}, `{}` would be {}, not {}",
        known.shown(from, &f),
        tf.id,
        fmt_value_range(&expected, Some(tf.unit)),
        known.shown(to, &t)
    ));
    for (i, value) in [(from, &f), (to, &t)] {
        let fact = &known.facts[i];
        if let (None, Some(imp)) = (&fact.written, &known.implied[i]) {
            p.notes.push(format!(
                "`{}` is implied: {} from {}",
                fact.id,
                fmt_value_range(value, Some(fact.unit)),
                imp.how
            ));
        }
    }
    Some(p)
}

fn check_part(
    relation: &Relation,
    part: usize,
    whole: usize,
    known: &Known,
    at: &At,
) -> Option<Problem> {
    let (p, w) = (known.value(part)?, known.value(whole)?);
    if p.low <= w.high {
        return None;
    }
    let (pf, wf) = (&known.facts[part], &known.facts[whole]);
    Some(at(
        &relation.origin,
        failure_kind(&[part, whole], known, "registry-part-exceeds-whole"),
        format!(
            "part `{}` ({}) is larger than its whole `{}` ({})",
            pf.id,
            known.shown(part, &p),
            wf.id,
            known.shown(whole, &w)
        ),
    ))
}

fn check_sum(
    relation: &Relation,
    parts: &[usize],
    total: usize,
    known: &Known,
    at: &At,
) -> Option<Problem> {
    let values: Vec<Interval> = parts
        .iter()
        .map(|&p| known.value(p))
        .collect::<Option<_>>()?;
    let t = known.value(total)?;
    let s = sum(values.iter().copied());
    if s.overlaps(&t) {
        return None;
    }
    let mut members = parts.to_vec();
    members.push(total);
    let tf = &known.facts[total];
    let shown_parts: Vec<String> = parts
        .iter()
        .zip(&values)
        .map(|(&p, v)| known.shown(p, v))
        .collect();
    let mut problem = at(
        &relation.origin,
        failure_kind(&members, known, "registry-sum-mismatch"),
        format!(
            "the parts of `{}` add up to {}, but it is {}",
            tf.id,
            fmt_value_range(&s, Some(tf.unit)),
            known.shown(total, &t)
        ),
    );
    problem.notes.push(format!(
        "{} = {}",
        shown_parts.join(" + "),
        fmt_value_range(&s, Some(tf.unit))
    ));
    Some(problem)
}

/// Phase 3: each fact without a stated value gets what relations imply, reported as
/// info, or is reported as unresolved.
fn report_facts(
    registry: &mut Registry,
    implied: Vec<Option<Implied>>,
    at: &At,
    problems: &mut Vec<Problem>,
) {
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
