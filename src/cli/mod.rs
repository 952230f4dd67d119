//! The command line: argument parsing, dispatch and exit codes.
//!
//! Exit codes: 0 when nothing is at or above `--fail-on`, 1 when something is, 2 for usage
//! errors, unreadable input (also when findings were reported) and registry errors that stop
//! the registry from being read. A closed stdout (`| head`) ends the run quietly with 0.

pub mod args;
pub mod audit;
pub mod generate;
mod output;
mod progress;
pub mod registry;
mod width;

pub use args::{CheckArgs, Cli, ColorChoice, Command};

use crate::analysis;
use crate::diagnostics::codes;
use crate::document::Document;
use crate::emit::{self, EmitOptions, Format, Tally};
use crate::registry::Registry;
use crate::report::ArticleReport;
use crate::rules::RULES;
use crate::source::InputError;
use crate::unreadable;
use clap::Parser;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code: nothing at or above `--fail-on`.
pub const CLEAN: u8 = 0;
/// Exit code: findings at or above `--fail-on`.
pub const FINDINGS: u8 = 1;
/// Exit code: usage, input or registry error.
pub const FAILURE: u8 = 2;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and --version go to stdout and exit 0; usage errors to stderr with 2.
            // `print` reports a closed pipe as an error instead of panicking; nothing to add.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { FAILURE } else { CLEAN });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            error(format_args!("{e:#}"));
            ExitCode::from(FAILURE)
        }
    }
}

/// Dispatches a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => Ok(ExitCode::from(check(&args, Mode::Check))),
        Command::Extract(args) => Ok(ExitCode::from(check(&args.as_check(), Mode::Extract))),
        Command::Audit(args) => audit::run(&args),
        Command::Registry { command } => registry::run(&command),
        Command::Rules => Ok(ExitCode::from(quiet_pipe(list_rules(
            &mut io::stdout().lock(),
        )))),
        Command::Explain { rule } => Ok(ExitCode::from(explain(&rule))),
        Command::Completions { shell } => Ok(ExitCode::from(quiet_pipe(generate::completions(
            shell,
            &mut io::stdout().lock(),
        )))),
        Command::Man => Ok(ExitCode::from(quiet_pipe(generate::man(
            &mut io::stdout().lock(),
        )))),
    }
}

/// Writes each of a document's warnings to stderr as `warning: ...`, all in one write, so that
/// the lines of `audit`'s worker threads never interleave; a closed stderr is ignored.
fn warn(doc: &Document) {
    write_warnings(&warnings(doc));
}

/// A document's warnings as the lines [`warn`] writes.
fn warnings(doc: &Document) -> String {
    doc.warnings
        .iter()
        .map(|w| format!("warning: {w}\n"))
        .collect()
}

/// Writes warning lines to stderr in one write; a closed stderr is ignored.
fn write_warnings(text: &str) {
    if !text.is_empty() {
        let _ = io::stderr().lock().write_all(text.as_bytes());
    }
}

/// Writes `error: ...` to stderr; a closed stderr is ignored (there is nowhere left to say it).
fn error(message: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "error: {message}");
}

/// A write result as an exit code: a broken pipe is not an error.
fn quiet_pipe(result: io::Result<()>) -> u8 {
    match result {
        Ok(()) => CLEAN,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => CLEAN,
        Err(e) => {
            error(format_args!("cannot write output: {e}"));
            FAILURE
        }
    }
}

/// `claimcheck rules`: name, default severity and summary, aligned.
pub fn list_rules(w: &mut dyn Write) -> io::Result<()> {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0).max(4);
    writeln!(w, "{:width$}  {:8}  summary", "rule", "severity")?;
    for rule in RULES {
        writeln!(
            w,
            "{:width$}  {:8}  {}",
            rule.name,
            rule.severity.as_str(),
            rule.summary
        )?;
    }
    w.flush()
}

/// `claimcheck explain CODE`: an article rule's docs, or a registry code's, from the same
/// metadata SARIF carries.
fn explain(name: &str) -> u8 {
    let known = emit::sarif::article_rules()
        .into_iter()
        .chain(codes::REGISTRY.iter().map(codes::Code::info));
    let Some(rule) = known.into_iter().find(|r| r.id == name) else {
        let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        let known = if names.is_empty() {
            "there are no rules".to_string()
        } else {
            format!("known rules: {}", names.join(", "))
        };
        error(format_args!(
            "unknown rule `{name}`; {known} (and the registry's codes: `registry check` names them)"
        ));
        return FAILURE;
    };
    let mut out = io::stdout().lock();
    quiet_pipe((|| {
        writeln!(
            out,
            "{} (default severity: {})",
            rule.id, rule.default_severity
        )?;
        writeln!(out)?;
        writeln!(out, "{}", rule.short)?;
        writeln!(out)?;
        writeln!(out, "{}", rule.full_markdown.trim_end())?;
        out.flush()
    })())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Claims and findings.
    Check,
    /// Claims and mentions, no findings.
    Extract,
}

/// The articles to read: the paths given, or `articles/` when there are none.
fn input_paths(args: &CheckArgs) -> Result<Vec<PathBuf>, String> {
    if !args.paths.is_empty() {
        return Ok(args.paths.clone());
    }
    let default = Path::new("articles");
    if default.is_dir() {
        Ok(vec![default.to_path_buf()])
    } else {
        Err(
            "no input: give a PATH (or `-` for stdin), or run where an `articles/` folder exists"
                .into(),
        )
    }
}

/// The registry to match claims against, if any.
fn registry(args: &CheckArgs) -> anyhow::Result<Option<Registry>> {
    crate::registry::select(&args.registry, args.no_registry)
}

/// The documents under `paths`, lazily, in order. A folder in which no article was found is
/// an error, so that a run pointed at the wrong folder does not pass.
fn read_inputs(paths: &[PathBuf]) -> impl Iterator<Item = Result<Document, InputError>> + '_ {
    paths.iter().flat_map(|path| {
        let mut found = crate::source::inputs(std::slice::from_ref(path)).peekable();
        let nothing = found.peek().is_none() && path.is_dir();
        let empty = nothing.then(|| Err(unreadable::no_articles(path)));
        found.chain(empty)
    })
}

/// Whether human output on stdout is colored. `auto` is anstream's choice: no color when
/// `NO_COLOR` is set or `TERM=dumb`, color when `CLICOLOR_FORCE` is set, else when stdout is
/// a terminal.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// The first line of human output: which registry claims were matched against, and why none
/// was when none was.
fn registry_line(registry: Option<&Registry>, args: &CheckArgs) -> String {
    let Some(registry) = registry else {
        return if args.no_registry {
            "registry: none (--no-registry)".into()
        } else {
            format!(
                "registry: none (no {}/ folder here; give --registry PATH)",
                registry::DEFAULT_PATH
            )
        };
    };
    let paths: Vec<String> = registry
        .paths
        .iter()
        .map(|p| {
            let shown = p.display().to_string();
            if p.is_dir() && !shown.ends_with('/') {
                shown + "/"
            } else {
                shown
            }
        })
        .collect();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "registry: {} ({}, {})",
        paths.join(", "),
        plural(registry.files, "file"),
        plural(registry.facts.len(), "fact")
    )
}

/// Runs the pipeline over one document: its report, and the document its spans point into.
/// A panic in the pipeline becomes that article's error (and no document) rather than the
/// end of the run.
fn check_one(
    doc: Document,
    registry: Option<&Registry>,
    mode: Mode,
) -> (ArticleReport, Option<Document>) {
    let (id, source, line) = (doc.id.clone(), doc.source.clone(), doc.record_line);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut checked = analysis::check(doc, registry);
        if mode == Mode::Extract {
            checked.findings.clear();
        }
        let report = ArticleReport::new(&checked, mode == Mode::Extract);
        (report, Some(checked.doc))
    }));
    outcome.unwrap_or_else(|panic| {
        let what = unreadable::panic_message(&*panic);
        let report = unreadable::internal_error(Some(id), &source, line, &what);
        (report, None)
    })
}

/// One input after the pipeline: its report, the document its spans point into (when it
/// could be read and checked) and the warnings reading it raised.
type Done = (ArticleReport, Option<Document>, String);

/// The pipeline over one input already read (or found unreadable), as a worker runs it.
fn process(input: Result<Document, InputError>, registry: Option<&Registry>, mode: Mode) -> Done {
    match input {
        Ok(doc) => {
            let warnings = warnings(&doc);
            let (report, doc) = check_one(doc, registry, mode);
            (report, doc, warnings)
        }
        Err(e) => (unreadable::report(&e), None, String::new()),
    }
}

/// At most this many bytes of article text are held between reading and writing when
/// checking in parallel (one article larger than this is still checked, alone).
const WINDOW_BYTES: usize = 64 << 20;

/// The next inputs to check together: `jobs * 4` of them (so every thread has work while the
/// slowest finishes), fewer when their text passes [`WINDOW_BYTES`]; one at a time on one
/// thread, so that each article is written before the next is read, as before `-j` worked.
fn window(
    inputs: &mut dyn Iterator<Item = Result<Document, InputError>>,
    jobs: usize,
) -> Vec<Result<Document, InputError>> {
    let most = if jobs > 1 { jobs * 4 } else { 1 };
    let mut window = Vec::new();
    let mut bytes = 0;
    for input in inputs {
        bytes += input.as_ref().map_or(0, |doc| doc.text.len());
        window.push(input);
        if window.len() >= most || bytes >= WINDOW_BYTES {
            break;
        }
    }
    window
}

/// The threads `check -j` runs on: `None` for one (the caller's), or when the pool cannot be
/// started (the run then goes on, on one thread, rather than failing).
fn pool(jobs: usize) -> Option<rayon::ThreadPool> {
    (jobs > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .thread_name(|i| format!("claimcheck-{i}"))
                .build()
                .ok()
        })
        .flatten()
}

/// How many threads a run uses when `--jobs` is not given: one per core.
fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(args::MAX_JOBS)
}

/// `check` and `extract`: every article through the pipeline and the chosen writer. With
/// more than one job, windows of articles are checked in parallel and written in input order.
fn check(args: &CheckArgs, mode: Mode) -> u8 {
    let paths = match input_paths(args) {
        Ok(paths) => paths,
        Err(message) => {
            error(format_args!("{message}"));
            return FAILURE;
        }
    };
    let registry = match registry(args) {
        Ok(registry) => registry,
        Err(e) => {
            error(format_args!("{e:#}"));
            return FAILURE;
        }
    };
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let pool = pool(jobs);
    let stdout = io::stdout();
    let interactive = stdout.is_terminal();
    let mut out = BufWriter::new(stdout.lock());
    let mut emitter = emit::emitter(
        args.format,
        EmitOptions {
            color: use_color(args.color),
            width: width::source_width(interactive),
        },
    );
    let mut tally = Tally::default();
    let mut failed = false;

    let written = (|| -> io::Result<()> {
        if args.format == Format::Human {
            writeln!(out, "{}", registry_line(registry.as_ref(), args))?;
        }
        let mut inputs = read_inputs(&paths);
        loop {
            let window = window(&mut inputs, jobs);
            if window.is_empty() {
                break;
            }
            let registry = registry.as_ref();
            let done: Vec<Done> = match &pool {
                Some(pool) => pool.install(|| {
                    use rayon::prelude::*;
                    window
                        .into_par_iter()
                        .map(|input| process(input, registry, mode))
                        .collect()
                }),
                None => window
                    .into_iter()
                    .map(|input| process(input, registry, mode))
                    .collect(),
            };
            for (report, doc, warnings) in done {
                if !warnings.is_empty() {
                    // Flush first so stdout and stderr interleave in order on a terminal.
                    out.flush()?;
                    write_warnings(&warnings);
                }
                tally.record(&report, 0, true);
                if let Some(message) = &report.error {
                    failed = true;
                    out.flush()?;
                    error(format_args!("{message}"));
                    if args.format == Format::Human {
                        // Already said on stderr; saying it twice on a terminal is noise.
                        continue;
                    }
                }
                emitter.article(&mut out, &report, doc.as_ref())?;
                if interactive {
                    out.flush()?;
                }
            }
        }
        emitter.finish(&mut out, &tally)?;
        out.flush()
    })();

    let write_failed = match written {
        Ok(()) => false,
        // The reader has what it wanted (`| head`): every format ends quietly with 0.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return CLEAN,
        Err(e) => {
            error(format_args!("cannot write output: {e}"));
            true
        }
    };
    if failed || write_failed {
        FAILURE
    } else if tally.worst().is_some_and(|worst| worst >= args.fail_on) {
        FINDINGS
    } else {
        CLEAN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
