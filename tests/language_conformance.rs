//! Conformance tests that run for every language in `lang::ALL`: its tables are complete
//! and consistent, and the sentences of its `src/lang/<code>/conformance.txt` give the
//! claims written under each. Adding a language is adding its folder and one line in `ALL`;
//! these tests then hold it to the same bar as English.

use claimcheck::claim::{Claim, ClaimKind, Figure};
use claimcheck::document::Document;
use claimcheck::extract::tokens::{tokenize, Kind, Token};
use claimcheck::finding::Severity;
use claimcheck::lang::shapes::Shapes;
use claimcheck::lang::{Language, Map, Words, ALL, MAX_WORD};
use claimcheck::period::Date;
use claimcheck::span::Span;
use std::collections::HashMap;
use std::fmt::Debug;

/// Every word table of a language, by name.
fn word_sets(l: &Language) -> Vec<(&'static str, &Words)> {
    let (n, u, c, p, s) = (&l.numbers, &l.units, &l.claims, &l.periods, &l.subjects);
    vec![
        ("numbers.singular_fractions", &n.singular_fractions),
        ("numbers.plural_fractions", &n.plural_fractions),
        ("numbers.not_before_half", &n.not_before_half),
        ("numbers.multiples_not_alone", &n.multiples_not_alone),
        ("numbers.dozens", &n.dozens),
        ("numbers.minus", &n.minus),
        ("numbers.not_before_point", &n.not_before_point),
        ("numbers.ratio_links", &n.ratio_links),
        ("numbers.not_ratio_after", &n.not_ratio_after),
        ("units.metre.1", &u.metre.1),
        ("units.clock_suffixes", &u.clock_suffixes),
        ("units.clock_letters.0", &u.clock_letters.0),
        ("units.pounds", &u.pounds.0),
        ("units.ton_qualifiers", &u.ton_qualifiers),
        ("units.count_qualifiers.0", &u.count_qualifiers.0),
        ("units.count_qualifiers.1", &u.count_qualifiers.1),
        ("units.per_day", &u.per_day.0),
        ("units.percent", &u.percent),
        ("units.points", &u.points),
        ("units.point_words", &u.point_words),
        ("units.basis_points", &u.basis_points),
        (
            "units.percentage_point_abbreviations",
            &u.percentage_point_abbreviations,
        ),
        ("units.times", &u.times),
        ("units.numeral_suffixes", &u.numeral_suffixes),
        ("units.naming", &u.naming),
        ("units.range_of.0", &u.range_of.0),
        ("claims.current_levels", &c.current_levels),
        ("claims.fillers_before_percent", &c.fillers_before_percent),
        ("claims.fillers_before_multiple", &c.fillers_before_multiple),
        ("claims.connectors", &c.connectors),
        ("claims.moving_verbs", &c.moving_verbs),
        ("claims.direction_adjectives", &c.direction_adjectives),
        ("claims.than_comparatives", &c.than_comparatives),
        ("claims.flat_hedges", &c.flat_hedges),
        ("claims.fillers_before_figure", &c.fillers_before_figure),
        ("claims.baseline_words", &c.baseline_words),
        (
            "claims.baseline_before_determiner",
            &c.baseline_before_determiner,
        ),
        ("claims.baseline_pairs.0", &c.baseline_pairs.0),
        ("claims.baseline_pairs.1", &c.baseline_pairs.1),
        ("claims.value_words", &c.value_words),
        ("claims.wholes", &c.wholes),
        ("claims.range_words", &c.range_words),
        ("claims.exchange_words", &c.exchange_words),
        ("claims.introducing_baseline", &c.introducing_baseline),
        ("claims.stating_verbs", &c.stating_verbs),
        ("claims.judging_adjectives", &c.judging_adjectives),
        ("claims.aside_stops", &c.aside_stops),
        ("claims.aside_openers", &c.aside_openers),
        ("claims.clause_joiners", &c.clause_joiners),
        ("claims.losses", &c.losses),
        ("claims.clause_starters", &c.clause_starters),
        (
            "claims.unpunctuated_clause_starters",
            &c.unpunctuated_clause_starters,
        ),
        ("claims.cadence_adjectives", &c.cadence_adjectives),
        ("claims.comparatives", &c.comparatives),
        ("claims.comparison_starts", &c.comparison_starts),
        ("claims.that_of", &c.that_of.0),
        ("claims.comparison_fillers", &c.comparison_fillers),
        ("claims.share_words", &c.share_words),
        ("claims.accounts", &c.accounts.0),
        ("claims.level_nouns", &c.level_nouns),
        ("claims.level_for", &c.level_for.1),
        ("claims.anaphor_pronouns", &c.anaphor_pronouns),
        ("claims.change_labels", &c.change_labels),
        ("claims.rate_adjectives", &c.rate_adjectives),
        ("claims.rate_nouns", &c.rate_nouns),
        ("claims.pace_comparatives", &c.pace_comparatives),
        ("claims.relative_openers", &c.relative_openers),
        ("claims.verbs_at_rate", &c.verbs_at_rate),
        ("claims.comparison_connectors", &c.comparison_connectors),
        ("claims.figure_connectors", &c.figure_connectors),
        ("claims.table_connectors", &c.table_connectors),
        ("claims.present_tense", &c.present_tense),
        ("claims.policy_makers", &c.policy_makers),
        ("numbers.verb_particles.0", &n.verb_particles.0),
        ("numbers.verb_particles.1", &n.verb_particles.1),
        ("claims.particle_verbs.0", &c.particle_verbs.0),
        ("claims.negating_adjectives", &c.negating_adjectives),
        ("claims.adjective_articles", &c.adjective_articles),
        ("claims.level_change_links", &c.level_change_links),
        ("claims.amounting", &c.amounting),
        ("claims.scope_prepositions", &c.scope_prepositions),
        ("claims.comparison_opener", &c.comparison_opener.0),
        ("claims.comparing.0", &c.comparing.0),
        ("claims.comparing.1", &c.comparing.1),
        ("claims.anaphor_contractions", &c.anaphor_contractions),
        ("claims.stock_split.0", &c.stock_split.0),
        ("claims.level_verbs.0", &c.level_verbs.0),
        ("claims.level_verbs.1", &c.level_verbs.1),
        ("claims.level_adverbs", &c.level_adverbs),
        ("claims.level_passives.0", &c.level_passives.0),
        ("claims.level_passives.1", &c.level_passives.1),
        ("claims.growth_nouns", &c.growth_nouns),
        ("claims.period_relatives", &c.period_relatives),
        ("claims.position_comparatives", &c.position_comparatives),
        ("claims.span_prepositions", &c.span_prepositions),
        ("claims.recent_spans", &c.recent_spans),
        ("claims.current_periods", &c.current_periods),
        (
            "claims.current_period_qualifiers",
            &c.current_period_qualifiers.0,
        ),
        ("claims.manner_adverbs", &c.manner_adverbs),
        ("claims.loss_verbs", &c.loss_verbs),
        ("claims.booked_nouns", &c.booked_nouns),
        ("claims.figure_participles", &c.figure_participles),
        ("claims.particle_directions", &c.particle_directions),
        ("claims.amount_copulas", &c.amount_copulas),
        ("periods.ordinal_suffixes", &p.ordinal_suffixes),
        ("periods.last_parts", &p.last_parts),
        ("periods.quarters", &p.quarters),
        ("periods.halves", &p.halves),
        ("periods.prepositions", &p.prepositions),
        ("periods.part_prepositions", &p.part_prepositions),
        ("periods.year_prepositions", &p.year_prepositions),
        ("periods.superlatives.0", &p.superlatives.0),
        ("periods.superlatives.1", &p.superlatives.1),
        ("periods.baseline_skip", &p.baseline_skip),
        ("periods.that_of", &p.that_of.0),
        ("periods.baseline_words", &p.baseline_words),
        ("periods.month_counts", &p.month_counts),
        ("periods.may_verb", &p.may_verb.1),
        ("periods.fiscal", &p.fiscal),
        ("periods.on_over", &p.on_over),
        ("periods.relative_starts", &p.relative_starts),
        ("periods.back", &p.back),
        ("periods.ago", &p.ago),
        ("periods.same_units", &p.same_units),
        ("periods.in_of", &p.in_of),
        ("periods.not_after", &p.not_after),
        ("periods.back_the", &p.back_the),
        ("periods.up_to", &p.up_to),
        ("periods.same", &p.same),
        ("periods.financial", &p.financial),
        ("periods.range_from", &p.range_from),
        ("periods.range_to", &p.range_to),
        ("periods.joined", &p.joined),
        ("periods.possessed", &p.possessed),
        ("periods.months", &p.months),
        ("periods.counted_months", &p.counted_months),
        ("periods.days", &p.days),
        ("periods.durations", &p.durations),
        ("periods.this_month", &p.this_month),
        ("periods.future.0", &p.future.0),
        ("periods.future.1", &p.future.1),
        ("periods.month_quarter", &p.month_quarter),
        ("subjects.trailing_fillers", &s.trailing_fillers),
        ("subjects.leading_fillers", &s.leading_fillers),
        ("subjects.reporting_verbs", &s.reporting_verbs),
        ("subjects.not_proper", &s.not_proper),
        ("subjects.stopwords", &s.stopwords),
        ("subjects.qualifier_links", &s.qualifier_links),
        ("subjects.ratio_comparisons", &s.ratio_comparisons),
    ]
}

/// A map's name, its words with their meanings as text, and its shape filter.
type NamedMap = (&'static str, Vec<(&'static str, String)>, Shapes);

/// Every map of a language, by name: its words, each with its meaning as text, and its
/// shape filter.
fn word_maps(l: &Language) -> Vec<NamedMap> {
    fn map<T: Copy + Debug>(name: &'static str, m: &Map<T>) -> NamedMap {
        let entries = m
            .entries()
            .iter()
            .map(|(w, v)| (*w, format!("{v:?}")))
            .collect();
        (name, entries, *m.shapes())
    }
    let (n, u) = (&l.numbers, &l.units);
    vec![
        map("claims.particle_verbs.1", &l.claims.particle_verbs.1),
        map("claims.particle_changes", &l.claims.particle_changes),
        map(
            "claims.standing_comparatives",
            &l.claims.standing_comparatives,
        ),
        map("numbers.scales", &n.scales),
        map("numbers.attached_scales", &n.attached_scales),
        map("numbers.cardinals", &n.cardinals),
        map("numbers.fractions", &n.fractions),
        map("units.dollar_prefixes", &u.dollar_prefixes),
        map("units.currencies", &u.currencies),
        map("units.scaled_currencies", &u.scaled_currencies),
        map("units.attached_currencies", &u.attached_currencies),
        map("units.currency_adjectives", &u.currency_adjectives),
        map("units.quantities", &u.quantities),
        map("units.slash_units", &u.slash_units),
        map("units.squared", &u.squared),
        map("units.powers", &u.powers),
        map("units.scaled_units", &u.scaled_units),
        map("units.months", &u.months),
        map("directions", &l.directions),
        map("periods.ordinals", &l.periods.ordinals),
        map("subjects.keys", &l.subjects.keys),
    ]
}

/// The one-word slots (a language's word for one place in a phrase).
fn slots(l: &Language) -> Vec<(&'static str, &'static str)> {
    let (n, u, c, p) = (&l.numbers, &l.units, &l.claims, &l.periods);
    vec![
        ("numbers.hundred", n.hundred),
        ("numbers.article", n.article),
        ("numbers.one", n.one),
        ("numbers.dozen", n.dozen),
        ("numbers.half", n.half),
        ("numbers.over", n.over),
        ("numbers.out_of.0", n.out_of.0),
        ("numbers.out_of.1", n.out_of.1),
        ("periods.relative_that", p.relative_that),
        ("claims.source_aside.0", c.source_aside.0),
        ("claims.source_aside.1", c.source_aside.1),
        ("units.metre.0", u.metre.0),
        ("units.clock_letters.1", u.clock_letters.1),
        ("units.per_day.1", u.per_day.1),
        ("units.percent_two_words.0", u.percent_two_words.0),
        ("units.percent_two_words.1", u.percent_two_words.1),
        ("units.percentage", u.percentage),
        ("units.basis", u.basis),
        ("units.point", u.point),
        ("units.sterling", u.sterling),
        ("units.fold", u.fold),
        ("units.times_suffix", u.times_suffix),
        ("units.us_initials.0", u.us_initials.0),
        ("units.us_initials.1", u.us_initials.1),
        ("units.day_of", u.day_of),
        ("units.between", u.between),
        ("units.and", u.and),
        ("units.to", u.to),
        ("units.from", u.from),
        ("units.range_of.1", u.range_of.1),
        ("claims.than", c.than),
        ("claims.from", c.from),
        ("claims.to", c.to),
        ("claims.that_of.1", c.that_of.1),
        ("claims.accounts.1", c.accounts.1),
        ("claims.equivalent", c.equivalent.0),
        ("claims.equivalent.1", c.equivalent.1),
        ("claims.of", c.of),
        ("claims.stock_split.1", c.stock_split.1),
        ("claims.after", c.after),
        ("claims.at", c.at),
        ("claims.as_at", c.as_at),
        ("periods.that_of.1", p.that_of.1),
        ("periods.with", p.with),
        ("periods.to", p.to),
        ("periods.compared", p.compared),
        ("periods.relative", p.relative),
        ("periods.may_verb.0", p.may_verb.0),
        ("periods.quarter_letter", p.quarter_letter),
        ("periods.half_letter", p.half_letter),
        ("periods.year", p.year),
        ("periods.month", p.month),
        ("periods.quarter", p.quarter),
        ("periods.this", p.this),
        ("periods.previous", p.previous),
        ("periods.prior", p.prior),
        ("periods.last", p.last),
        ("periods.a", p.a),
        ("periods.the", p.the),
        ("periods.before", p.before),
        ("periods.of", p.of),
        ("periods.earlier", p.earlier),
        ("periods.ago_word", p.ago_word),
        ("periods.period", p.period),
        ("periods.week", p.week),
        ("periods.month_letter", p.month_letter),
        ("periods.on", p.on),
    ]
}

/// Every word of every table and slot, by table name.
fn all_words(l: &Language) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (name, set) in word_sets(l) {
        out.extend(set.list().iter().map(|w| (name.to_string(), *w)));
    }
    for (name, entries, _) in word_maps(l) {
        out.extend(entries.iter().map(|(w, _)| (name.to_string(), *w)));
    }
    for (name, w) in slots(l) {
        out.push((name.to_string(), w));
    }
    for (words, _) in l.numbers.multiples {
        out.extend(words.iter().map(|w| ("numbers.multiples".to_string(), *w)));
    }
    for (words, _, _) in l.numbers.approximators {
        out.extend(
            words
                .iter()
                .map(|w| ("numbers.approximators".to_string(), *w)),
        );
    }
    out
}

/// A word that the tokenizer reads as one word token (no hyphen, period or slash inside).
fn one_token(w: &str) -> Option<Token> {
    let mut toks = Vec::new();
    tokenize(w, 0, w.len(), &mut toks);
    (toks.len() == 1 && toks[0].kind == Kind::Word).then(|| toks[0])
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[test]
fn every_table_word_is_lowercase_short_and_found_as_written_in_any_case() {
    for l in ALL {
        for (table, w) in all_words(l) {
            let what = format!("{}: {table}: {w:?}", l.code);
            assert!(!w.is_empty() && w.trim() == w, "{what}: empty or padded");
            assert_eq!(w.to_lowercase(), w, "{what}: not lowercase");
            assert!(w.len() <= MAX_WORD, "{what}: longer than MAX_WORD");
        }
        // The token path (shape prefilter, then lowercase lookup) finds each word of a set
        // as written, lowercase or capitalised.
        for (table, set) in word_sets(l) {
            for w in set.list() {
                for form in [w.to_string(), capitalized(w)] {
                    if let Some(tok) = one_token(&form) {
                        assert!(tok.is_in(&form, set), "{}: {table}: {form:?}", l.code);
                    }
                }
            }
        }
        // A map's words pass its shape filter as tokens, lowercase or capitalised.
        for (name, entries, shapes) in word_maps(l) {
            for (w, _) in entries {
                for form in [w.to_string(), capitalized(w)] {
                    if let Some(tok) = one_token(&form) {
                        assert!(tok.may_be_in(&shapes), "{}: {name}: {form:?}", l.code);
                    }
                }
            }
        }
    }
}

#[test]
fn no_table_gives_a_word_twice() {
    for l in ALL {
        for (name, set) in word_sets(l) {
            let mut seen = HashMap::new();
            for w in set.list() {
                assert!(
                    seen.insert(*w, ()).is_none(),
                    "{}: {name}: {w} twice",
                    l.code
                );
            }
        }
        for (name, entries, _) in word_maps(l) {
            let mut seen: HashMap<&str, &str> = HashMap::new();
            for (w, meaning) in &entries {
                if let Some(first) = seen.insert(w, meaning) {
                    panic!("{}: {name}: {w} means {first} and {meaning}", l.code);
                }
            }
        }
    }
}

#[test]
fn cased_currency_prefixes_open_with_a_capital() {
    // The scanner turns a word away on its first byte when it is no capital.
    for l in ALL {
        for (prefix, code) in l.units.cased_currency_prefixes {
            assert!(
                prefix.starts_with(|c: char| c.is_ascii_uppercase()),
                "{}: {prefix} ({code})",
                l.code
            );
        }
        for (letter, code) in l.units.scaled_letter_prefixes {
            assert!(
                letter.len() == 1 && letter.starts_with(|c: char| c.is_ascii_uppercase()),
                "{}: {letter} ({code}) is no single capital",
                l.code
            );
        }
    }
}

#[test]
fn numbers_months_and_periods_are_complete_and_sane() {
    for l in ALL {
        let code = l.code;
        let n = &l.numbers;
        let months: Vec<u8> = l.units.months.entries().iter().map(|&(_, m)| m).collect();
        for m in 1..=12 {
            assert!(months.contains(&m), "{code}: no name for month {m}");
        }
        assert!(
            months.iter().all(|m| (1..=12).contains(m)),
            "{code}: {months:?}"
        );
        for (w, s) in n.scales.entries().iter().chain(n.attached_scales.entries()) {
            assert!(
                s.is_finite() && *s >= 10.0 && s.log10().fract() == 0.0,
                "{code}: scale {w} = {s}"
            );
        }
        let cardinals: Vec<u32> = n.cardinals.entries().iter().map(|&(_, v)| v).collect();
        for v in 0..=12 {
            assert!(cardinals.contains(&v), "{code}: no cardinal {v}");
        }
        assert_eq!(n.cardinals.get(n.hundred), Some(100), "{code}: hundred");
        assert_eq!(n.fractions.get(n.half), Some(0.5), "{code}: half");
        for (w, f) in n.fractions.entries() {
            assert!(*f > 0.0 && *f < 1.0, "{code}: fraction {w} = {f}");
        }
        for w in n
            .singular_fractions
            .list()
            .iter()
            .chain(n.plural_fractions.list())
        {
            assert!(
                n.fractions.get(w).is_some(),
                "{code}: {w} is not a fraction"
            );
        }
        for (words, (ratio, low, high)) in n.multiples {
            assert!(
                !words.is_empty() && low < ratio && ratio < high,
                "{code}: {words:?}"
            );
        }
        for w in n.multiples_not_alone.list() {
            assert!(n.multiple(w).is_some(), "{code}: {w} is not a multiple");
        }
        // Longest first, so "no more than" is tried before "more than".
        let lengths: Vec<usize> = n.approximators.iter().map(|(w, _, _)| w.len()).collect();
        assert!(
            lengths.windows(2).all(|p| p[0] >= p[1]),
            "{code}: {lengths:?}"
        );
        let ordinals: Vec<u8> = l
            .periods
            .ordinals
            .entries()
            .iter()
            .map(|&(_, o)| o)
            .collect();
        for o in 1..=4 {
            assert!(ordinals.contains(&o), "{code}: no ordinal {o}");
        }
        for w in l.claims.direction_adjectives.list() {
            assert!(l.directions.get(w).is_some(), "{code}: {w} is no direction");
        }
        for (w, (code_, factor)) in l.units.currencies.entries() {
            assert!(
                code_.len() == 3 && *factor > 0.0 && *factor <= 1.0,
                "{code}: {w}"
            );
        }
    }
}

/// A claim as the conformance files write it: `kind: value | change | baseline`, each part
/// the text as written (`-` when absent, `~` for an implied baseline), with `@period` (a
/// claim without a value: its own period, `- @period`; `@?period` when it is assumed from the
/// article's date and cadence, not written).
fn summary(text: &str, c: &Claim) -> String {
    let at = if c.period_assumed { "@?" } else { "@" };
    let figure = |f: &Option<Figure>| match f {
        None => "-".to_string(),
        Some(f) => {
            let written = f
                .stated
                .map_or("~".to_string(), |s: Span| s.slice(text).to_string());
            match f.period {
                Some(p) => format!("{written} {at}{p}"),
                None => written,
            }
        }
    };
    let kind = match c.kind {
        ClaimKind::Value => "value",
        ClaimKind::Change => "change",
        ClaimKind::Share => "share",
        ClaimKind::Multiple => "multiple",
    };
    let change = c.change.as_ref().map_or("-", |ch| ch.stated.slice(text));
    // A claim without a value carries its own period: `- @2025-03`.
    let value = match (&c.value, c.period) {
        (None, Some(p)) => format!("- {at}{p}"),
        (value, _) => figure(value),
    };
    format!("{kind}: {value} | {change} | {}", figure(&c.baseline))
}

/// One sentence of a conformance file: its line, the article date, the sentence, the claim
/// summaries it must give and the rules whose errors or warnings it must raise.
struct Case {
    line: usize,
    date: Option<Date>,
    sentence: String,
    claims: Vec<String>,
    findings: Vec<String>,
}

/// The cases of a conformance file.
fn cases(source: &str) -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    let mut date = None;
    for (n, line) in source.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("date: ") {
            date = Date::parse(d);
            assert!(date.is_some(), "line {}: bad date {d}", n + 1);
        } else if let Some(claim) = line.strip_prefix("> ") {
            let case = out.last_mut().expect("a claim line follows a sentence");
            case.claims.push(claim.to_string());
        } else if let Some(rule) = line.strip_prefix("! ") {
            let case = out.last_mut().expect("a finding line follows a sentence");
            case.findings.push(rule.to_string());
        } else if line == ">" {
            // A sentence that gives no claim.
        } else {
            out.push(Case {
                line: n + 1,
                date,
                sentence: line.to_string(),
                claims: Vec::new(),
                findings: Vec::new(),
            });
        }
    }
    out
}

/// Sections of constructions.txt are cited by id ("4ag") in commits and notes: each id names one
/// section.
#[test]
fn construction_sections_have_unique_ids() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for l in ALL {
        let path = root.join(format!("src/lang/{}/constructions.txt", l.code));
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        let mut seen = std::collections::HashMap::new();
        let mut repeated = Vec::new();
        for (n, line) in source.lines().enumerate() {
            let Some(id) = line
                .strip_prefix("## ")
                .and_then(|rest| rest.split_once('.'))
                .map(|(id, _)| id)
            else {
                continue;
            };
            if let Some(first) = seen.insert(id, n + 1) {
                repeated.push(format!("{id}: lines {first} and {}", n + 1));
            }
        }
        assert!(
            seen.len() >= 10,
            "{}: too few construction sections",
            l.code
        );
        assert!(
            repeated.is_empty(),
            "{}: {}",
            path.display(),
            repeated.join("; ")
        );
    }
}

#[test]
fn every_language_gives_the_claims_of_its_conformance_sentences() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for l in ALL {
        let dir = root.join(format!("src/lang/{}", l.code));
        let mut failures = Vec::new();
        let mut count = 0;
        // conformance.txt, and constructions.txt where a language has one (the linking
        // constructions of issue #13, by family).
        for name in ["conformance.txt", "constructions.txt"] {
            let path = dir.join(name);
            let source = match std::fs::read_to_string(&path) {
                Ok(source) => source,
                Err(_) if name != "conformance.txt" => continue,
                Err(e) => panic!("{}: {} ({e})", l.code, path.display()),
            };
            let cases = cases(&source);
            count += cases.len();
            failures.extend(cases.iter().filter_map(|case| check_case(l, &path, case)));
        }
        assert!(count >= 10, "{}: too few conformance sentences", l.code);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

/// Runs one conformance case; a message when it does not give its claims and findings.
fn check_case(l: &'static Language, path: &std::path::Path, case: &Case) -> Option<String> {
    let Case {
        line,
        date,
        sentence,
        claims: expected,
        findings: expected_findings,
    } = case;
    let mut doc = Document::in_language(
        "c".into(),
        "c.txt".into(),
        sentence.clone(),
        Span::new(0, sentence.len()),
        l,
    );
    doc.date = *date;
    let checked = claimcheck::analysis::check(doc, None);
    let got: Vec<String> = checked
        .claims
        .iter()
        .map(|c| summary(sentence, c))
        .collect();
    // Errors and warnings only: an info is advice, not a finding the case asserts.
    let findings: Vec<String> = checked
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| f.rule.to_string())
        .collect();
    if got != *expected || findings != *expected_findings {
        // Shown as the file writes it, to read against the expectation.
        let written = if got.is_empty() {
            ">".to_string()
        } else {
            got.iter()
                .map(|g| format!("> {g}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        return Some(format!(
                    "{}:{line}: {sentence}\n  expected: {expected:?} {expected_findings:?}\n  got:\n{written}\n  findings: {findings:?}",
                    path.display()
                ));
    }
    None
}

#[test]
fn conformance_files_parse_as_documented() {
    let parsed = cases("# comment\ndate: 2025-07-21\nSales rose 5%.\n> change: - | rose 5% | -\n\nNo figure here.\n>\n");
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[0].claims, ["change: - | rose 5% | -"]);
    assert!(parsed[1].claims.is_empty() && parsed[1].date.is_some());
    let flagged =
        cases("Sales rose 5% to 12 from 10.\n> change: 12 | rose 5% | 10\n! change-mismatch\n");
    assert_eq!(flagged[0].findings, ["change-mismatch"]);
}

/// `claims.comparison_connectors` is a quick test the linker makes before reading a baseline
/// connector after a figure's words; it must name exactly the first words of those connectors
/// other than "from" and "than", or a connector added later is never read there.
#[test]
fn comparison_connectors_are_the_first_words_of_the_baseline_connectors() {
    for l in ALL {
        let c = &l.claims;
        let mut derived: Vec<&str> = c
            .baseline_words
            .list()
            .iter()
            .chain(c.baseline_pairs.0.list())
            .chain(c.connector_prefixes.list())
            .copied()
            .filter(|&w| w != c.from && w != c.than)
            .collect();
        derived.sort_unstable();
        derived.dedup();
        let mut listed = c.comparison_connectors.list().to_vec();
        listed.sort_unstable();
        assert_eq!(listed, derived, "{}: claims.comparison_connectors", l.code);
    }
}
