//! The command line: argument parsing, dispatch and exit codes.
//!
//! Exit codes: 0 when nothing is at or above `--fail-on`, 1 when something is, 2 for usage
//! errors, unreadable input (also when findings were reported) and registry errors that stop
//! the registry from being read. A closed stdout (`| head`) ends the run quietly with 0.

pub mod args;
pub mod audit;
pub mod generate;
mod output;
use output::OutputFile;
mod progress;
pub mod registry;
pub mod report;
mod width;

pub use args::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, SettingsArgs};

use crate::analysis;
use crate::analysis::Checked;
use crate::baseline::Baselines;
use crate::config::{self, Settings};
use crate::diagnostics::codes;
use crate::document::Document;
use crate::emit::human::plural;
use crate::emit::{self, EmitOptions, Format, Tally};
use crate::policy::{FailOn, Policy};
use crate::registry::Registry;
use crate::report::ArticleReport;
use crate::rules::RULES;
use crate::source::{Exclude, InputError};
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
        Command::Report(args) => report::run(&args),
        Command::Registry { command } => registry::run(&command),
        Command::Rules => Ok(ExitCode::from(quiet_pipe(list_rules(
            &mut io::stdout().lock(),
        )))),
        Command::Explain { rule } => Ok(ExitCode::from(explain(&rule))),
        Command::Config(args) => show_config(&args),
        Command::Completions { shell } => Ok(ExitCode::from(quiet_pipe(generate::completions(
            shell,
            &mut io::stdout().lock(),
        )))),
        Command::Man => Ok(ExitCode::from(quiet_pipe(generate::man(
            &mut io::stdout().lock(),
        )))),
    }
}

/// The options besides [`SettingsArgs`] that the config file can also set.
pub struct Flags<'a> {
    pub registry: &'a [PathBuf],
    pub no_registry: bool,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
}

impl<'a> Flags<'a> {
    fn of(args: &'a args::OutputArgs) -> Flags<'a> {
        Flags {
            registry: &args.registry,
            no_registry: args.no_registry,
            fail_on: args.fail_on,
            format: args.format,
        }
    }
}

/// The effective settings: the command line over `claimcheck.toml` over the defaults.
pub fn settings(args: &SettingsArgs, flags: Flags) -> anyhow::Result<Settings> {
    let cli = config::CommandLine {
        config: args.config.clone(),
        no_config: args.no_config,
        registry: flags.registry.to_vec(),
        no_registry: flags.no_registry,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        fail_on: flags.fail_on,
        format: flags.format,
    };
    let cwd = std::env::current_dir()?;
    Ok(config::resolve(&cli, &cwd)?)
}

/// `claimcheck config`: each setting, its value and where it comes from.
fn show_config(args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    let settings = settings(&args.settings, Flags::of(&args.output))?;
    let rows = settings.describe();
    let file = match &settings.file {
        Some(path) => path.display().to_string(),
        None if args.settings.no_config => "none (--no-config)".to_string(),
        None => format!("none (no {} here or in a folder above)", config::FILE_NAME),
    };
    let key = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let value = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    let mut out = io::stdout().lock();
    Ok(ExitCode::from(quiet_pipe((|| {
        writeln!(out, "config file: {file}")?;
        writeln!(out)?;
        writeln!(out, "{:key$}  {:value$}  from", "setting", "value")?;
        for (name, shown, origin) in &rows {
            let pad = value - shown.chars().count();
            writeln!(out, "{name:key$}  {shown}{:pad$}  {origin}", "")?;
        }
        out.flush()
    })())))
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

/// Writes a line to stderr as is (a closed stderr is ignored).
fn note(message: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{message}");
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
        let codes = codes::REGISTRY.iter().map(|c| c.id);
        let hint = crate::suggest::closest(name, names.iter().copied().chain(codes))
            .map(|near| format!(" (did you mean `{near}`?)"))
            .unwrap_or_default();
        error(format_args!(
            "unknown rule `{name}`{hint}; {known} (and the registry's codes: `registry check` names them)"
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
fn registry(settings: &Settings) -> anyhow::Result<Option<Registry>> {
    let (paths, none) = settings.registry_paths();
    crate::registry::select(&paths, none)
}

/// The documents under `paths`, lazily, in order, leaving out what `exclude` names in
/// folders. A folder in which no article was found is an error, so that a run pointed at the
/// wrong folder does not pass.
fn read_inputs<'a>(
    paths: &'a [PathBuf],
    exclude: &'a Exclude,
) -> impl Iterator<Item = Result<Document, InputError>> + 'a {
    paths.iter().flat_map(|path| {
        let mut found =
            crate::source::inputs_excluding(std::slice::from_ref(path), exclude.clone()).peekable();
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
fn registry_line(registry: Option<&Registry>, settings: &Settings) -> String {
    let Some(registry) = registry else {
        return if settings.registry_paths().1 {
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

/// Runs the pipeline over one document, as a worker does: the checked article, or the report
/// of why it could not be checked. A panic in the pipeline becomes that article's error
/// rather than the end of the run.
fn check_one(
    doc: Document,
    registry: Option<&Registry>,
    policy: &Policy,
) -> Result<Checked, Box<ArticleReport>> {
    let (id, source, line) = (doc.id.clone(), doc.source.clone(), doc.record_line);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        analysis::check_with(doc, registry, policy).map_err(|e| Box::new(unreadable::report(&e)))
    }));
    outcome.unwrap_or_else(|panic| {
        let what = unreadable::panic_message(&*panic);
        Err(Box::new(unreadable::internal_error(
            Some(id),
            &source,
            line,
            &what,
        )))
    })
}

/// One input after the pipeline: the checked article (or the report of why there is none)
/// and the warnings reading it raised.
type Done = (Result<Checked, Box<ArticleReport>>, String);

/// The pipeline over one input already read (or found unreadable), as a worker runs it.
fn process(
    input: Result<Document, InputError>,
    registry: Option<&Registry>,
    policy: &Policy,
) -> Done {
    match input {
        Ok(doc) => {
            let warnings = warnings(&doc);
            (check_one(doc, registry, policy), warnings)
        }
        Err(e) => (Err(Box::new(unreadable::report(&e))), String::new()),
    }
}

/// A checked article's report and the document its spans point into, made on the writing
/// thread in input order: the baseline hides known findings there, each entry once.
fn report_of(
    checked: Result<Checked, Box<ArticleReport>>,
    baselines: &mut Baselines,
    mode: Mode,
) -> (ArticleReport, Option<Document>) {
    let mut checked = match checked {
        Ok(checked) => checked,
        Err(report) => return (*report, None),
    };
    baselines.apply(&checked.doc, &mut checked.findings);
    if mode == Mode::Extract {
        checked.extraction_only();
    }
    let report = ArticleReport::new(&checked, mode == Mode::Extract);
    (report, Some(checked.doc))
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
    let settings = match settings(&args.settings, Flags::of(&args.output)) {
        Ok(settings) => settings,
        Err(e) => {
            error(format_args!("{e:#}"));
            return FAILURE;
        }
    };
    let exclude = match Exclude::new(&settings.exclude.value, &settings.exclude_base) {
        Ok(exclude) => exclude,
        Err(e) => {
            error(format_args!("exclude: {e}"));
            return FAILURE;
        }
    };
    let registry = match registry(&settings) {
        Ok(registry) => registry,
        Err(e) => {
            error(format_args!("{e:#}"));
            return FAILURE;
        }
    };
    let mut baselines =
        match Baselines::new(args.baseline.as_deref(), args.write_baseline.is_some()) {
            Ok(baselines) => baselines,
            Err(message) => {
                error(format_args!("{message}"));
                return FAILURE;
            }
        };
    let format = settings.format.value;
    let policy = settings.policy();
    let jobs = args.jobs.unwrap_or_else(default_jobs);
    let pool = pool(jobs);
    // `-o FILE`: checked against the inputs before any is read, written whole or not at all.
    let mut file = match args.out.as_deref().map(|p| OutputFile::create(p, &paths)) {
        None => None,
        Some(Ok(file)) => Some(file),
        Some(Err(e)) => {
            error(format_args!("{e:#}"));
            return FAILURE;
        }
    };
    let interactive = file.is_none() && io::stdout().is_terminal();
    let sink: Box<dyn Write + '_> = match file.as_mut() {
        Some(file) => Box::new(file.writer()),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let registry_info = registry
        .as_ref()
        .filter(|_| format == Format::Html)
        .map(|r| {
            let paths = settings.registry_paths().0;
            std::sync::Arc::new(emit::html::RegistryInfo::of(&paths, r))
        });
    let mut emitter = emit::emitter(
        format,
        EmitOptions {
            color: use_color(args.color) && args.out.is_none(),
            width: width::source_width(interactive),
            registry: registry_info,
        },
    );
    let mut tally = Tally::default();
    let mut failed = false;

    let written = (|| -> io::Result<()> {
        if format == Format::Human {
            writeln!(out, "{}", registry_line(registry.as_ref(), &settings))?;
        }
        let mut inputs = read_inputs(&paths, &exclude);
        loop {
            let window = window(&mut inputs, jobs);
            if window.is_empty() {
                break;
            }
            let registry = registry.as_ref();
            let policy = &policy;
            let done: Vec<Done> = match &pool {
                Some(pool) => pool.install(|| {
                    use rayon::prelude::*;
                    window
                        .into_par_iter()
                        .map(|input| process(input, registry, policy))
                        .collect()
                }),
                None => window
                    .into_iter()
                    .map(|input| process(input, registry, policy))
                    .collect(),
            };
            for (checked, warnings) in done {
                if !warnings.is_empty() {
                    // Flush first so stdout and stderr interleave in order on a terminal.
                    out.flush()?;
                    write_warnings(&warnings);
                }
                let (report, doc) = report_of(checked, &mut baselines, mode);
                tally.record(&report, 0, true);
                if let Some(message) = &report.error {
                    failed = true;
                    out.flush()?;
                    error(format_args!("{message}"));
                    if format == Format::Human {
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

    drop(out);
    let written = written.and_then(|()| match file {
        Some(file) => file.commit().map_err(io::Error::other),
        None => Ok(()),
    });
    let write_failed = match written {
        Ok(()) => false,
        // The reader has what it wanted (`| head`): every format ends quietly with 0.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return CLEAN,
        Err(e) => {
            error(format_args!("cannot write output: {e:#}"));
            true
        }
    };
    let baseline_failed = !finish_baselines(args, &baselines);
    if failed || write_failed || baseline_failed {
        FAILURE
    } else if settings.fail_on.value.fails(tally.worst()) {
        FINDINGS
    } else {
        CLEAN
    }
}

/// Writes the baseline (`--write-baseline`) or says how many known findings were left out
/// (`--baseline`), on stderr; false when the baseline could not be written.
fn finish_baselines(args: &CheckArgs, baselines: &Baselines) -> bool {
    match (&args.write_baseline, &args.baseline) {
        (Some(path), _) => match baselines.write(path) {
            Ok(n) => {
                let n = plural(n, "finding");
                note(format_args!("baseline: {n} recorded in {}", path.display()));
                true
            }
            Err(e) => {
                error(format_args!(
                    "cannot write baseline {}: {e}",
                    path.display()
                ));
                false
            }
        },
        (None, Some(path)) if baselines.hidden > 0 => {
            let n = plural(baselines.hidden, "finding");
            note(format_args!(
                "baseline: {n} known from {} not reported",
                path.display()
            ));
            true
        }
        _ => true,
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
