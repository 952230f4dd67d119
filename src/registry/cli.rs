//! `claimcheck registry ...`: validating the registry in CI.

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
}

/// Runs a registry command; returns the exit code (0 clean, 1 failing relations, 2 unreadable).
pub fn run(_cmd: &RegistryCommand) -> anyhow::Result<std::process::ExitCode> {
    anyhow::bail!("registry check is not implemented yet")
}
