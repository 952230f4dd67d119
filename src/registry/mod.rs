//! The claim registry: sourced facts in YAML, validated, and matched against article claims.

pub mod cli;

use crate::claim::Claim;
use crate::document::Document;
use crate::finding::Finding;

/// A loaded, validated registry.
#[derive(Debug, Default)]
pub struct Registry {}

impl Registry {
    /// Matches claims to facts: sets each matched claim's `registry` verdict and returns a
    /// `registry-mismatch` finding for each contradiction.
    pub fn annotate(&self, _doc: &Document, _claims: &mut [Claim]) -> Vec<Finding> {
        Vec::new()
    }
}
