//! `claimcheck audit`: its options, Ctrl-C handling, the progress bar and the summary on
//! stderr around the library's audit pipeline (`crate::audit`).

use super::progress::Progress;
use crate::audit::pipeline::{self, Config, Unit};
use crate::audit::summary::{Ending, Summary};
use crate::audit::{self, input};
use crate::finding::Severity;
use anyhow::Context as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Once};
use std::time::Instant;

/// `claimcheck audit` options.
#[derive(clap::Args, Debug, Clone)]
pub struct AuditArgs {
    /// Files, directories (recursively: *.jsonl, *.jsonl.gz, *.md, *.txt) or JSON Lines
    /// archives, plain or gzip; `-` for stdin (the default when stdin is not a terminal).
    pub paths: Vec<PathBuf>,

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

    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// No progress bar and no summary on stderr (--summary-json still works).
    #[arg(short, long)]
    pub quiet: bool,

    /// Also write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,

    /// Exit with 1 when any finding is at or above this severity.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = Severity::Error)]
    pub fail_on: Severity,
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

/// Runs an audit; returns the exit code (0, 1 by --fail-on, 2 when nothing could be read,
/// 130 after Ctrl-C).
pub fn run(args: &AuditArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            anyhow::bail!("no input: give files or directories, or pipe an archive to stdin");
        }
        paths.push(PathBuf::from("-"));
    }
    let jobs = match args.jobs {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let registry = crate::registry::select(&args.registry, args.no_registry)?.map(Arc::new);

    let mut config = Config::new(jobs);
    config.ordered = !args.unordered;
    config.only_findings = args.only_findings;

    let stdout = io::stdout();
    let mut sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(stdout.lock()),
    };

    install_interrupt_handler();
    let progress = Progress::new(!args.quiet, input::known_size(&paths));
    let read = move |feeder: &pipeline::Feeder| input::read_all(&paths, feeder);
    let work = move |unit: Unit| audit::process(unit, registry.as_deref());
    let outcome = pipeline::run(&config, read, work, &mut sink, &mut |tally| {
        progress.update(tally)
    });
    progress.finish();
    drop(sink);
    let outcome = match &args.output {
        Some(path) => outcome.with_context(|| format!("cannot write {}", path.display()))?,
        None => outcome.context("cannot write to stdout")?,
    };

    let ending = if outcome.broken_pipe {
        Ending::BrokenPipe
    } else if outcome.interrupted {
        Ending::Interrupted
    } else {
        Ending::Complete
    };
    let worst = outcome.tally.worst();
    let nothing_read = outcome.tally.articles == 0 && outcome.tally.unreadable > 0;
    let summary = Summary::new(outcome.tally, ending, started.elapsed().as_secs_f64(), jobs);
    if let Some(path) = &args.summary_json {
        write_summary_json(path, &summary)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    // After `| head` the reader has what it wanted: end quietly.
    if !args.quiet && ending != Ending::BrokenPipe {
        eprint!("{summary}");
    }

    Ok(match ending {
        Ending::BrokenPipe => ExitCode::SUCCESS,
        Ending::Interrupted => ExitCode::from(130),
        Ending::Complete if nothing_read => ExitCode::from(2),
        Ending::Complete => match worst {
            Some(worst) if worst >= args.fail_on => ExitCode::from(1),
            _ => ExitCode::SUCCESS,
        },
    })
}

fn write_summary_json(path: &Path, summary: &Summary) -> io::Result<()> {
    let mut file = io::BufWriter::new(std::fs::File::create(path)?);
    serde_json::to_writer_pretty(&mut file, summary)?;
    file.write_all(b"\n")?;
    file.flush()
}
