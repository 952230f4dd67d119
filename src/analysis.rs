//! The per-article pipeline: extract mentions, link claims, rebuild baselines, run the rules
//! and match the registry.

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::Finding;
use crate::mention::Mention;
use crate::policy::Policy;
use crate::registry::Registry;
use crate::rules::{self, Context};
use crate::source::InputError;
use crate::suppress::{self, Suppressed};

/// An article after every stage.
#[derive(Debug)]
pub struct Checked {
    pub doc: Document,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Findings an inline suppression silenced (only from [`check_with`]).
    pub suppressed: Vec<Suppressed>,
}

impl Checked {
    /// What `extract` reports: it runs no rules, so the findings (and the suppressed ones)
    /// are dropped.
    pub fn extraction_only(&mut self) {
        self.findings.clear();
        self.suppressed.clear();
    }
}

/// Runs the whole pipeline over one article.
pub fn check(doc: Document, registry: Option<&Registry>) -> Checked {
    let extraction = crate::extract::extract(&doc);
    let mut claims = crate::claims::claims(&doc, &extraction);
    let mentions = extraction.mentions;
    let mut findings = {
        let ctx = Context::new(&doc, &mentions, &claims);
        rules::run_all(&ctx)
    };
    if let Some(registry) = registry {
        findings.extend(registry.annotate(&doc, &mut claims));
        findings.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
    }
    Checked {
        doc,
        mentions,
        claims,
        findings,
        suppressed: Vec::new(),
    }
}

/// Runs the whole pipeline over one article, then its inline suppressions (`crate::suppress`)
/// and `policy`'s rule selection and severities. A suppression naming an unknown rule is an
/// error at its place in the article.
pub fn check_with(
    doc: Document,
    registry: Option<&Registry>,
    policy: &Policy,
) -> Result<Checked, InputError> {
    let directives = suppress::directives(&doc)?;
    let mut checked = check(doc, registry);
    checked.suppressed = suppress::apply(&checked.doc, &directives, &mut checked.findings);
    policy.apply(&mut checked.findings);
    Ok(checked)
}
