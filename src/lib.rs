//! claimcheck: finds the numeric claims in news articles, rebuilds the baselines they imply,
//! and reports figures that contradict each other or a registry of sourced facts.

pub mod analysis;
pub mod audit;
pub mod baseline;
pub mod claim;
pub mod claims;
#[cfg(feature = "cli")]
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod document;
pub mod embed;
pub mod emit;
pub mod extract;
pub mod finding;
pub mod frontmatter;
pub mod interval;
pub mod lang;
pub mod markdown;
pub mod measure;
pub mod mention;
pub mod period;
pub mod policy;
pub mod registry;
pub mod report;
pub mod report_line;
pub mod rules;
pub mod sentences;
pub mod source;
pub mod span;
pub mod suggest;
pub mod suppress;
pub mod swar;
pub mod unreadable;
pub mod yaml;
