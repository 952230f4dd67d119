//! `claimcheck audit`: its options, Ctrl-C handling, the progress bar and the summary on
//! stderr around the library's audit pipeline (`crate::audit`).

use super::output::{self, OutputFile};
use super::progress::Progress;
use crate::audit::pipeline::{self, Config, Unit};
use crate::audit::summary::{Ending, Summary};
use crate::audit::{self, input};
use crate::policy::FailOn;
use anyhow::Context as _;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Once};
use std::time::Instant;

/// The limits and exit codes, under `claimcheck audit --help`.
pub const AFTER_HELP: &str = "\
Limits: a record (one line of JSON Lines) may be up to 64 MiB and an article file up to
256 MiB; a longer one becomes an object with \"error\" in the output and the run goes on.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 a usage error, or
any input that could not be read (even with findings); 130 after Ctrl-C. A closed output
(| head) ends the run with 0.";

/// `claimcheck audit` options.
#[derive(clap::Args, Debug, Clone)]
pub struct AuditArgs {
    /// Files, directories (recursively: *.jsonl, *.jsonl.gz, *.md, *.txt) or JSON Lines
    /// archives, plain or gzip; `-` for stdin (the default when stdin is not a terminal).
    pub paths: Vec<PathBuf>,

    /// Output format. `audit` writes NDJSON only: one JSON object per article per line, then
    /// the summary on stderr. For human, json, sarif or github output use `claimcheck check
    /// --format`.
    #[arg(long, value_enum, default_value_t = AuditFormat::Ndjson)]
    pub format: AuditFormat,

    /// Write the NDJSON here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write articles as they are finished rather than in input order.
    #[arg(long)]
    pub unordered: bool,

    /// Leave out articles with no findings (unreadable records are still written).
    #[arg(long)]
    pub only_findings: bool,

    /// Claim registry files or directories (default: `claims/` when present).
    #[arg(long, value_name = "PATH")]
    pub registry: Vec<PathBuf>,

    /// Do not load any claim registry.
    #[arg(long, conflicts_with = "registry")]
    pub no_registry: bool,

    /// Worker threads, 1 to 256 (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = super::args::jobs)]
    pub jobs: Option<usize>,

    /// No progress bar and no summary on stderr (--summary-json still works).
    #[arg(short, long)]
    pub quiet: bool,

    /// Also write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,

    /// Exit with 1 when any finding is at or above this severity; `never` reports without
    /// failing [default: error, or `fail-on` in claimcheck.toml].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,

    #[command(flatten)]
    pub settings: super::args::SettingsArgs,
}

/// What `audit --format` accepts: NDJSON, which streams in constant memory; the formats that
/// need the whole run (json, sarif) or a person reading (human) are `check`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum AuditFormat {
    /// One JSON object per article per line (docs/output.md).
    Ndjson,
}

/// The first Ctrl-C stops reading and lets the run finish what it has (whole lines, then the
/// summary); a second one exits at once.
fn install_interrupt_handler() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if audit::interrupt() {
                std::process::exit(130);
            }
        });
    });
}

/// Runs an audit; returns the exit code: 130 after Ctrl-C; 0 when the reader of the output
/// went away (`| head`); otherwise 2 when any input could not be read (even when findings were
/// reported too, as ripgrep does), 1 by `--fail-on`, else 0.
pub fn run(args: &AuditArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            anyhow::bail!("no input: give files or directories, or pipe an archive to stdin");
        }
        paths.push(PathBuf::from("-"));
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(super::args::MAX_JOBS);
    // Both outputs are checked before anything is read, so that a typo does not cost a run.
    if let (Some(output), Some(summary)) = (&args.output, &args.summary_json) {
        if output::same_place(output, summary) {
            anyhow::bail!(
                "--output and --summary-json are the same file, {}",
                output.display()
            );
        }
    }
    let mut output = args
        .output
        .as_deref()
        .map(|path| OutputFile::create(path, &paths))
        .transpose()?;
    let summary_file = args
        .summary_json
        .as_deref()
        .map(|path| OutputFile::create(path, &paths))
        .transpose()?;
    let settings = super::settings(
        &args.settings,
        super::Flags {
            registry: &args.registry,
            no_registry: args.no_registry,
            fail_on: args.fail_on,
            format: None,
        },
    )?;
    let (registry_paths, no_registry) = settings.registry_paths();
    let registry = crate::registry::select(&registry_paths, no_registry)?.map(Arc::new);
    let exclude = crate::source::Exclude::new(&settings.exclude.value, &settings.exclude_base)?;

    let policy = settings.policy();
    let mut config = Config::new(jobs);
    config.ordered = !args.unordered;
    config.only_findings = args.only_findings;

    let stdout = io::stdout();
    let mut sink: Box<dyn Write> = match &mut output {
        Some(file) => Box::new(file.writer()),
        None => Box::new(stdout.lock()),
    };

    install_interrupt_handler();
    let progress = Progress::new(!args.quiet, input::known_size(&paths));
    let read = move |feeder: &pipeline::Feeder| input::read_all(&paths, &exclude, feeder);
    let work = move |unit: Unit| {
        let processed = audit::process(unit, registry.as_deref(), &policy);
        // Warnings go to stderr from the worker, one write per article: NDJSON on stdout is
        // untouched and the lines of different workers do not interleave.
        if let pipeline::Processed::Checked(checked) = &processed {
            super::warn(&checked.doc);
        }
        processed
    };
    let outcome = pipeline::run(&config, read, work, &mut sink, &mut |tally| {
        progress.update(tally)
    });
    progress.finish();
    drop(sink);
    let outcome = match &args.output {
        Some(path) => outcome.with_context(|| format!("cannot write {}", path.display()))?,
        None => outcome.context("cannot write to stdout")?,
    };
    // What was written is kept, also after Ctrl-C: every line in it is whole.
    if let Some(output) = output {
        output.commit()?;
    }

    let ending = if outcome.broken_pipe {
        Ending::BrokenPipe
    } else if outcome.interrupted {
        Ending::Interrupted
    } else {
        Ending::Complete
    };
    let worst = outcome.tally.worst();
    let unreadable = outcome.tally.unreadable > 0;
    let summary = Summary::new(outcome.tally, ending, started.elapsed().as_secs_f64(), jobs);
    if let Some(mut file) = summary_file {
        output::write_json(file.writer(), &summary)
            .with_context(|| format!("cannot write {}", file.path().display()))?;
        file.commit()?;
    }
    // After `| head` the reader has what it wanted: end quietly.
    if !args.quiet && ending != Ending::BrokenPipe {
        eprint!("{summary}");
    }

    Ok(match ending {
        Ending::BrokenPipe => ExitCode::SUCCESS,
        Ending::Interrupted => ExitCode::from(130),
        Ending::Complete if unreadable => ExitCode::from(super::FAILURE),
        Ending::Complete if settings.fail_on.value.fails(worst) => ExitCode::from(super::FINDINGS),
        Ending::Complete => ExitCode::SUCCESS,
    })
}

#[cfg(test)]
mod tests {
    use super::AFTER_HELP;
    use crate::source::{file::MAX_FILE, lines::MAX_LINE};

    #[test]
    fn the_help_states_the_limits_the_reader_enforces() {
        let line = format!("up to {} MiB", MAX_LINE >> 20);
        let file = format!("\n{} MiB", MAX_FILE >> 20);
        assert!(AFTER_HELP.contains(&line), "{AFTER_HELP}");
        assert!(AFTER_HELP.contains(&file), "{AFTER_HELP}");
    }
}
