//! The command line's grammar (clap derive): subcommands and their options.

use super::audit::AuditArgs;
use super::registry::RegistryCommand;
use crate::emit::Format;
use crate::policy::FailOn;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Checks the numbers in news articles: extracts numeric claims, rebuilds the baselines they
/// imply, and reports figures that contradict each other or a registry of sourced facts.
#[derive(Parser, Debug)]
#[command(name = "claimcheck", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check articles: every rule, and the registry when there is one.
    Check(CheckArgs),
    /// Extract claims and every numeric mention, without running the rules.
    Extract(CheckArgs),
    /// Archive mode: parallel, streaming NDJSON, summary on stderr.
    #[command(after_help = super::audit::AFTER_HELP)]
    Audit(AuditArgs),
    /// The audit dashboard: one HTML page (and a CSV of every finding) from `audit`'s NDJSON.
    Report(super::report::ReportArgs),
    /// The claim registry.
    Registry {
        #[command(subcommand)]
        command: RegistryCommand,
    },
    /// List the rules: name, default severity, summary.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, as `claimcheck rules` lists it.
        rule: String,
    },
    /// Print the effective settings and where each comes from (default, config file,
    /// command line).
    Config(ConfigArgs),
}

/// When human output is colored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    Always,
    Never,
}

/// Options of `check` and `extract`.
#[derive(Args, Debug, Clone)]
pub struct CheckArgs {
    /// Files or folders (`*.md`, `*.txt`, `*.jsonl`, recursively); `-` for stdin.
    /// Default: `articles/`.
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Write the output to FILE instead of stdout (`--format html -o report.html`).
    #[arg(long = "output", short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Worker threads (accepted for symmetry with `audit`; `check` runs on one).
    #[arg(long, short = 'j', value_name = "N", value_parser = jobs)]
    pub jobs: Option<usize>,

    /// Color in human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(flatten)]
    pub settings: SettingsArgs,

    /// Report only the findings that are not in this baseline file (see
    /// `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings in FILE as the baseline, and report none of them.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

/// The options that choose the config file and the rules, shared by `check`, `audit` and
/// `config`.
#[derive(Args, Debug, Clone, Default)]
pub struct SettingsArgs {
    /// Only these rules report (comma-separated or repeated) [default: every rule, or
    /// `select` in claimcheck.toml].
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,

    /// These rules never report (comma-separated or repeated) [default: none, or `ignore`
    /// in claimcheck.toml].
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Option<Vec<String>>,

    /// Read this config file instead of the claimcheck.toml found in the current folder or
    /// the nearest folder above it.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Read no config file.
    #[arg(long)]
    pub no_config: bool,
}

/// The options of `check` that the config file can also set, besides [`SettingsArgs`].
#[derive(Args, Debug, Clone, Default)]
pub struct OutputArgs {
    /// Output format [default: human, or `format` in claimcheck.toml].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Exit with 1 when a finding is at or above this severity; `never` reports without
    /// failing [default: error, or `fail-on` in claimcheck.toml].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    /// Registry files or folders (repeatable). Default: `claims/` when it exists, or
    /// `registry` in claimcheck.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "no_registry")]
    pub registry: Vec<PathBuf>,

    /// Do not match claims against a registry.
    #[arg(long)]
    pub no_registry: bool,
}

/// Options of `config`: the settings a `check` with the same options would use.
#[derive(Args, Debug, Clone)]
pub struct ConfigArgs {
    #[command(flatten)]
    pub settings: SettingsArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// The most worker threads `--jobs` accepts: far more than the cores of any machine this
/// runs on, and few enough that starting them cannot exhaust the process's thread limit.
pub const MAX_JOBS: usize = 256;

/// Parses `--jobs`: 1 to [`MAX_JOBS`].
pub fn jobs(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n @ 1..=MAX_JOBS) => Ok(n),
        _ => Err(format!("give a number of threads from 1 to {MAX_JOBS}")),
    }
}
