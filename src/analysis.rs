//! The per-article pipeline: extract mentions, link claims, rebuild baselines, run the rules
//! and match the registry.

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::Finding;
use crate::mention::Mention;
use crate::registry::Registry;
use crate::rules::{self, Context};

/// An article after every stage.
#[derive(Debug)]
pub struct Checked {
    pub doc: Document,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
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
    }
}
