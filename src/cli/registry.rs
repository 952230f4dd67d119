//! `claimcheck registry ...`: validating the registry in CI, written by the same emitters as
//! every other command.

use super::{use_color, ColorChoice};
use crate::emit::{self, EmitOptions, Format};
use crate::registry::problem::{diagnostics, rule_infos, Class, Problem};
use crate::registry::{validate, Validation};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug, Clone)]
pub enum RegistryCommand {
    /// Validate the registry: schema, references, periods, units and relations.
    Check(RegistryCheckArgs),
}

#[derive(clap::Args, Debug, Clone)]
pub struct RegistryCheckArgs {
    /// Registry files or folders (default `claims/`).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Color in human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Also show notices (info: the facts the registry implies), in every format.
    #[arg(long, short)]
    pub verbose: bool,
}

/// The default registry folder.
pub const DEFAULT_PATH: &str = "claims";

/// Runs a registry command; returns the exit code (0 clean or a closed stdout, 1 problems, 2
/// unreadable).
pub fn run(cmd: &RegistryCommand) -> anyhow::Result<std::process::ExitCode> {
    match cmd {
        RegistryCommand::Check(args) => {
            let paths = if args.paths.is_empty() {
                vec![PathBuf::from(DEFAULT_PATH)]
            } else {
                args.paths.clone()
            };
            let validation = validate(&paths);
            let options = EmitOptions {
                color: use_color(args.color),
                width: super::width::source_width(io::stdout().is_terminal()),
                registry: None,
            };
            let mut out = io::stdout().lock();
            let written = write(&mut out, &validation, args.format, options, args.verbose);
            match written.and_then(|()| out.flush()) {
                // The reader has what it wanted (`| head`): end quietly, as every command does.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    Ok(std::process::ExitCode::SUCCESS)
                }
                Err(e) => Err(e.into()),
                Ok(()) => Ok(std::process::ExitCode::from(validation.exit_code())),
            }
        }
    }
}

/// Writes a validation in `format`: its problems (notices only when `verbose`), then (in
/// human output) one summary line, which counts the notices left out.
pub fn write(
    w: &mut dyn Write,
    validation: &Validation,
    format: Format,
    options: EmitOptions,
    verbose: bool,
) -> io::Result<()> {
    let mut emitter = emit::emitter(format, options);
    let (shown, hidden): (Vec<Problem>, Vec<Problem>) = validation
        .problems
        .iter()
        .cloned()
        .partition(|p| verbose || p.class != Class::Info);
    emitter.diagnostics(w, &rule_infos(), &diagnostics(&shown))?;
    if format == Format::Human {
        if !hidden.is_empty() {
            let s = if hidden.len() == 1 { "" } else { "s" };
            writeln!(
                w,
                "{} notice{s} not shown (--verbose shows them)",
                hidden.len()
            )?;
        }
        writeln!(w, "{}", summary_line(validation))?;
    }
    Ok(())
}

/// `registry: 2 files, 12 facts (3 implied), 4 relations, 1 source: ok` (or `: 1 problem`,
/// `: 2 errors (cannot be read)`).
pub fn summary_line(validation: &Validation) -> String {
    let registry = &validation.registry;
    let implied = registry
        .facts
        .iter()
        .filter(|f| f.implied.is_some())
        .count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let verdict = match (
        validation.count(Class::Invalid),
        validation.count(Class::Failed),
    ) {
        (0, 0) => "ok".to_string(),
        // Failing relations, cycles and duplicate ids: the registry is read, and wrong.
        (0, f) => plural(f, "problem"),
        (e, 0) => format!("{} (cannot be read)", plural(e, "error")),
        (e, f) => format!(
            "{} (cannot be read), {}",
            plural(e, "error"),
            plural(f, "problem")
        ),
    };
    format!(
        "registry: {}, {} ({implied} implied), {}, {}: {verdict}",
        plural(validation.files, "file"),
        plural(registry.facts.len(), "fact"),
        plural(registry.relations.len(), "relation"),
        plural(registry.sources.len(), "source"),
    )
}
