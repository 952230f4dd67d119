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
    #[command(long_about = EXTRACT_ABOUT, after_help = EXTRACT_AFTER_HELP)]
    Extract(ExtractArgs),
    /// Archive mode: parallel, streaming NDJSON (one JSON object per line), summary on stderr.
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
    /// Print a shell completion script (generated from these definitions) to stdout.
    #[command(after_help = super::generate::COMPLETIONS_AFTER_HELP)]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: super::generate::Shell,
    },
    /// Print the man page (roff, generated from these definitions) to stdout.
    #[command(after_help = super::generate::MAN_AFTER_HELP)]
    Man,
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

    /// Check articles on N threads, 1 to 256 (default: one per core); output stays in input
    /// order.
    #[arg(long, short = 'j', value_name = "N", value_parser = jobs)]
    pub jobs: Option<usize>,

    /// Color in human output (auto: on a terminal; NO_COLOR turns it off, CLICOLOR_FORCE on).
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

/// What `claimcheck extract --help` says under the options' summary.
const EXTRACT_ABOUT: &str = "\
Extract claims and every numeric mention, without running the rules.

Human output lists, per article, its claims (the table `check` shows for a clean article) and
then each numeric mention on one line: line:column, kind (number, percent, points, currency,
quantity, multiple), the value with its unit, the interval its rounding allows, and the words.
JSON and NDJSON add a `mentions` array to each article. No rule runs, so there are no
findings; claims are still matched against the registry.";

const EXTRACT_AFTER_HELP: &str = "\
Exit codes: 0 every input was read; 2 a usage error, an unreadable input or a registry that
cannot be read.";

/// Options of `extract`: those of `check` that mean something without rules.
#[derive(Args, Debug, Clone)]
pub struct ExtractArgs {
    /// Files or folders (`*.md`, `*.txt`, `*.jsonl`, recursively); `-` for stdin.
    /// Default: `articles/`.
    pub paths: Vec<PathBuf>,

    /// Output format (json and ndjson carry the mentions as `mentions`).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Registry files or folders to match claims against (repeatable). Default: `claims/`
    /// when it exists.
    #[arg(long, value_name = "PATH", conflicts_with = "no_registry")]
    pub registry: Vec<PathBuf>,

    /// Do not match claims against a registry.
    #[arg(long)]
    pub no_registry: bool,

    /// Extract on N threads, 1 to 256 (default: one per core); output stays in input order.
    #[arg(long, short = 'j', value_name = "N", value_parser = jobs)]
    pub jobs: Option<usize>,

    /// Color in human output (auto: on a terminal; NO_COLOR turns it off, CLICOLOR_FORCE on).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl ExtractArgs {
    /// The same run as `check` options: `extract` shares `check`'s reading and writing, and
    /// with no rules there is nothing for `--fail-on` to see.
    pub fn as_check(&self) -> CheckArgs {
        CheckArgs {
            paths: self.paths.clone(),
            output: OutputArgs {
                format: Some(self.format),
                fail_on: Some(FailOn::Never),
                registry: self.registry.clone(),
                no_registry: self.no_registry,
            },
            out: None,
            jobs: self.jobs,
            color: self.color,
            settings: SettingsArgs::default(),
            baseline: None,
            write_baseline: None,
        }
    }
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
