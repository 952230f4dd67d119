//! Which findings a run reports and at what severity (`select`, `ignore`, per-rule severity,
//! from `claimcheck.toml` or the command line), and the severity at which a run fails.

use crate::finding::{Finding, Severity};

/// Which rules report and at what severity. The default reports every rule at its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    /// Only these rules report; `None` for every rule.
    pub select: Option<Vec<&'static str>>,
    /// These rules never report (applied after `select`).
    pub ignore: Vec<&'static str>,
    /// Every finding of the rule takes this severity.
    pub severity: Vec<(&'static str, Severity)>,
}

impl Policy {
    /// Whether findings of `rule` are reported.
    pub fn reports(&self, rule: &str) -> bool {
        self.select.as_ref().is_none_or(|s| s.contains(&rule)) && !self.ignore.contains(&rule)
    }

    /// Drops the findings of rules not reported and sets the severities given.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        findings.retain(|f| self.reports(f.rule));
        for f in findings.iter_mut() {
            if let Some(&(_, severity)) = self.severity.iter().find(|(r, _)| *r == f.rule) {
                f.severity = severity;
            }
        }
    }
}

/// The severity at or above which a run exits with 1; `never` for a run that reports but
/// does not fail on findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum FailOn {
    Info,
    Warning,
    #[default]
    Error,
    Never,
}

impl FailOn {
    pub const NAMES: [&'static str; 4] = ["info", "warning", "error", "never"];

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Info => "info",
            FailOn::Warning => "warning",
            FailOn::Error => "error",
            FailOn::Never => "never",
        }
    }

    pub fn parse(name: &str) -> Option<FailOn> {
        [FailOn::Info, FailOn::Warning, FailOn::Error, FailOn::Never]
            .into_iter()
            .find(|f| f.as_str() == name)
    }

    /// The least severity that fails, if any does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Info => Some(Severity::Info),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Error => Some(Severity::Error),
            FailOn::Never => None,
        }
    }

    /// Whether a run whose worst finding is `worst` fails.
    pub fn fails(self, worst: Option<Severity>) -> bool {
        matches!((worst, self.threshold()), (Some(w), Some(t)) if w >= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn finding(rule: &'static str, severity: Severity) -> Finding {
        Finding {
            rule,
            severity,
            span: Span::new(0, 1),
            message: String::new(),
            claims: vec![],
            notes: vec![],
        }
    }

    #[test]
    fn select_ignore_and_severity() {
        let mut findings = vec![
            finding("change-mismatch", Severity::Error),
            finding("conflicting-figures", Severity::Error),
            finding("times-more-ambiguity", Severity::Info),
        ];
        let policy = Policy {
            select: Some(vec!["change-mismatch", "conflicting-figures"]),
            ignore: vec!["change-mismatch"],
            severity: vec![("conflicting-figures", Severity::Warning)],
        };
        policy.apply(&mut findings);
        assert_eq!(
            findings,
            [finding("conflicting-figures", Severity::Warning)]
        );
        let mut all = vec![finding("times-more-ambiguity", Severity::Info)];
        Policy::default().apply(&mut all);
        assert_eq!(all.len(), 1);
    }

    #[test]
    fn never_never_fails() {
        assert!(!FailOn::Never.fails(Some(Severity::Error)));
        assert!(FailOn::Warning.fails(Some(Severity::Error)));
        assert!(!FailOn::Error.fails(Some(Severity::Warning)));
        assert!(!FailOn::Info.fails(None));
        assert_eq!(FailOn::parse("never"), Some(FailOn::Never));
    }
}
