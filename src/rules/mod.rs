//! The rule catalogue: every rule once, in name order, with its default severity and docs.
//! Rules are pure: claims in, findings out.

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::{Finding, Severity};
use crate::mention::Mention;

/// What a rule sees of one article.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub mentions: &'a [Mention],
    pub claims: &'a [Claim],
}

impl Context<'_> {
    pub fn text(&self) -> &str {
        &self.doc.text
    }
}

/// A rule: stable name, default severity, three-part docs and the check itself.
pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    /// One line for `claimcheck rules`.
    pub summary: &'static str,
    /// "## What it does / ## Why is this bad? / ## Example", for `explain` and SARIF.
    pub docs: &'static str,
    pub check: fn(&Context, &mut Vec<Finding>),
}

/// Every rule, sorted by name.
pub static RULES: &[Rule] = &[];

pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// Runs every rule over an article, findings sorted by position.
pub fn run_all(ctx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES {
        (rule.check)(ctx, &mut findings);
    }
    findings.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
    findings
}
