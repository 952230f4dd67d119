//! `claimcheck registry ...`: validating the registry in CI.

use super::load::{validate, Validation};
use super::problem::{rule_infos, Class};
use std::io::{self, Write};
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
    #[arg(long, value_enum, default_value = "human")]
    pub format: RegistryFormat,
}

/// The formats of `registry check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RegistryFormat {
    /// `path:line:col: error[kind]: message`, the line, a caret, notes; a summary line.
    Human,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// The default registry folder.
pub const DEFAULT_PATH: &str = "claims";

/// Runs a registry command; returns the exit code (0 clean, 1 failing relations, 2 unreadable).
pub fn run(cmd: &RegistryCommand) -> anyhow::Result<std::process::ExitCode> {
    match cmd {
        RegistryCommand::Check(args) => {
            let paths = if args.paths.is_empty() {
                vec![PathBuf::from(DEFAULT_PATH)]
            } else {
                args.paths.clone()
            };
            let validation = validate(&paths);
            let mut out = io::stdout().lock();
            match write(&mut out, &validation, args.format).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.into()),
                _ => {}
            }
            Ok(std::process::ExitCode::from(validation.exit_code()))
        }
    }
}

/// Writes a validation in `format`.
pub fn write(w: &mut dyn Write, validation: &Validation, format: RegistryFormat) -> io::Result<()> {
    match format {
        RegistryFormat::Human => w.write_all(render_human(validation).as_bytes()),
        RegistryFormat::Sarif => {
            crate::emit::sarif::write_sarif(w, &rule_infos(), &diagnostics(validation))
        }
        RegistryFormat::Github => crate::emit::github::write_github(w, &diagnostics(validation)),
    }
}

/// Problems as diagnostics, with fingerprints that count repeats of the same text.
pub fn diagnostics(validation: &Validation) -> Vec<crate::emit::Diagnostic> {
    let mut seen: Vec<(&str, &str, &str)> = Vec::new();
    validation
        .problems
        .iter()
        .map(|p| {
            let key = (p.kind, p.path.as_str(), p.message.as_str());
            let occurrence = seen.iter().filter(|k| **k == key).count();
            seen.push(key);
            p.to_diagnostic(occurrence)
        })
        .collect()
}

/// Human output: every problem, then one summary line.
pub fn render_human(validation: &Validation) -> String {
    let mut out = String::new();
    for p in &validation.problems {
        out.push_str(&p.render());
        out.push('\n');
    }
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
        (0, f) => format!("{} failing", plural(f, "relation")),
        (e, 0) => format!("{} (cannot be read)", plural(e, "error")),
        (e, f) => format!(
            "{} (cannot be read), {} failing",
            plural(e, "error"),
            plural(f, "relation")
        ),
    };
    out.push_str(&format!(
        "registry: {}, {} ({implied} implied), {}, {}: {verdict}\n",
        plural(validation.files, "file"),
        plural(registry.facts.len(), "fact"),
        plural(registry.relations.len(), "relation"),
        plural(registry.sources.len(), "source"),
    ));
    out
}
