//! The codes a diagnostic can carry that are not article rules (those are in
//! `rules::RULES`): one sorted table, with how each bears on the exit code and its docs, and
//! the metadata SARIF and `explain` show for any code.

use super::Severity;

/// How a diagnostic bears on the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Information (an implied fact): exit 0.
    Info,
    /// A check that does not hold (a failing relation, a cycle, a duplicate id): the registry
    /// is read, and the problem is shown; exit 1.
    Failed,
    /// The input cannot be read as intended: exit 2.
    Invalid,
}

impl Class {
    /// The severity a diagnostic of this class is shown with.
    pub fn severity(self) -> Severity {
        match self {
            Class::Invalid | Class::Failed => Severity::Error,
            Class::Info => Severity::Info,
        }
    }
}

/// One code: its id, class, one-line summary and docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    pub id: &'static str,
    pub class: Class,
    pub summary: &'static str,
    pub docs: &'static str,
}

impl Code {
    const fn new(
        id: &'static str,
        class: Class,
        summary: &'static str,
        docs: &'static str,
    ) -> Code {
        Code {
            id,
            class,
            summary,
            docs,
        }
    }

    /// What SARIF says about this code.
    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id.to_string(),
            short: self.summary.to_string(),
            full_markdown: self.docs.to_string(),
            default_severity: self.class.severity(),
        }
    }
}

/// The code of an input (file, archive line) that could not be read.
pub const INPUT_ERROR: &str = "input-error";

/// Every code of a registry problem, sorted by id.
pub const REGISTRY: &[Code] = &[
    Code::new("registry-bad-pattern", Class::Invalid, "a match or exclude pattern is not a valid regex", "A fact's `match` and `exclude` entries are regular expressions (Rust `regex` syntax, case-sensitive unless they start with `(?i)`). Fix the pattern; escape `.`, `(` and `\\\\` when they are meant literally."),
    Code::new("registry-bad-period", Class::Invalid, "a period that cannot be read", "Periods are written 2025, FY2025, 2025-H1, 2025-Q2, 2025-06 or 2025-06-07."),
    Code::new("registry-bad-relation", Class::Invalid, "a relation of the wrong shape or with incompatible units", "A relation is exactly one of `change: {from, to}` with `stated`, `part` with `whole`, or `sum: [...]` with `total`; its facts must share a unit (points changes need `%` facts)."),
    Code::new("registry-bad-unit", Class::Invalid, "a unit that cannot be read", "Units are canonical codes (t, kg, bbl, bpd, oz, MW, GW, km, mi, people, jobs, USD, GBP, EUR, JPY, CNY, %, pp) or unit words the English tables know (tonnes, dlrs)."),
    Code::new("registry-bad-value", Class::Invalid, "a value, stated change or date that cannot be read", "Values are written as in articles (353, 22,319, 46.4, 1.2 billion) and keep that precision; stated changes carry a sign and a unit (+157.5%, -38.1%, +2.5pp, x7, >x7); dates are YYYY-MM-DD."),
    Code::new("registry-change-mismatch", Class::Failed, "a stated change that the two values cannot produce", "The values of `from` and `to`, under every rounding their writing allows, cannot give the stated change. One of the three figures is wrong."),
    Code::new("registry-cycle", Class::Failed, "relations that form a cycle", "Changes go from one fact to another, parts into wholes, parts into totals; following them must never come back to where it started."),
    Code::new("registry-duplicate-id", Class::Failed, "a fact or source id defined twice", "Ids are unique across every file of the registry."),
    Code::new("registry-implied-conflict", Class::Failed, "relations that imply incompatible values for one fact", "Two relations imply values for the same fact that no single value can satisfy."),
    Code::new("registry-implied-fact", Class::Info, "a fact a relation implies, with its interval", "A fact without a value is implied by a relation (a stated change from a known value, a sum); the registry reports the interval it can take, as for implied baselines in articles."),
    Code::new("registry-invalid-type", Class::Invalid, "a field of the wrong type, or a key given twice", "Each field has one type: ids, `what`, `unit`, `source` are strings; `match` is a list of strings; `value` is a number or a string."),
    Code::new("registry-io", Class::Invalid, "a file or folder that cannot be read", "The path does not exist, is not readable, or is not UTF-8."),
    Code::new("registry-limit", Class::Invalid, "a file too large, too deeply nested, or with aliases that expand too far", "Registry files are at most 10 MiB, nest at most 128 levels, and their aliases may not expand to more than 100 times the document's size (\"billion laughs\")."),
    Code::new("registry-missing-field", Class::Invalid, "a required field is missing", "A file needs `topic`; a fact needs `id`, `what`, `match`, `period`, `unit` and `source` (and `value` unless a relation implies it); a source needs `name`."),
    Code::new("registry-part-exceeds-whole", Class::Failed, "a part larger than its whole", "The part's smallest possible value is larger than the whole's largest one."),
    Code::new("registry-sum-mismatch", Class::Failed, "parts that do not add up to their total", "Every part is given, and no rounding of them adds up to the total."),
    Code::new("registry-truncated-change", Class::Info, "a stated change that holds only if it was truncated", "The change holds when its last digit was cut off rather than rounded, as newswires often do."),
    Code::new("registry-unknown-field", Class::Invalid, "a field the registry does not know (a typo?)", "Unknown fields are errors so that a typo such as `vaule:` cannot silently drop a value."),
    Code::new("registry-unknown-reference", Class::Invalid, "a reference to a fact or source id that does not exist", "Relations refer to fact ids and facts to source ids, in any file of the registry."),
    Code::new("registry-unresolved-fact", Class::Invalid, "a fact with no value that no relation implies", "Give the fact a `value`, or a relation (a change from a known fact, or a sum) that implies it."),
    Code::new("registry-yaml-syntax", Class::Invalid, "a file that is not valid YAML", "The file could not be parsed as YAML."),
];

/// The class of a registry code (Invalid for unknown codes).
pub fn registry_class(id: &str) -> Class {
    REGISTRY
        .iter()
        .find(|c| c.id == id)
        .map_or(Class::Invalid, |c| c.class)
}

/// What SARIF says about a rule or code (`tool.driver.rules[]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: String,
    /// One line.
    pub short: String,
    /// The full docs, in Markdown ("What it does / Why is this bad? / Example").
    pub full_markdown: String,
    pub default_severity: Severity,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_documented() {
        for pair in REGISTRY.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        assert!(REGISTRY
            .iter()
            .all(|c| c.id.starts_with("registry-") && !c.summary.is_empty() && !c.docs.is_empty()));
        assert!(!REGISTRY.iter().any(|c| c.id == INPUT_ERROR));
    }

    #[test]
    fn classes_come_from_the_table() {
        assert_eq!(registry_class("registry-sum-mismatch"), Class::Failed);
        assert_eq!(registry_class("registry-implied-fact"), Class::Info);
        assert_eq!(registry_class("no-such-code"), Class::Invalid);
        assert_eq!(REGISTRY[0].info().default_severity, Severity::Error);
    }
}
