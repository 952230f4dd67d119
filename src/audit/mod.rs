//! Archive audits: streaming, parallel checking of whole news archives into NDJSON.

use std::path::PathBuf;

/// `claimcheck audit` options.
#[derive(clap::Args, Debug, Clone)]
pub struct AuditArgs {
    /// Files, directories or JSON Lines archives (`.jsonl`, `.jsonl.gz`); `-` for stdin.
    pub paths: Vec<PathBuf>,
}

/// Runs an audit; returns the exit code (0, 1 by --fail-on, 2 when nothing could be read).
pub fn run(_args: &AuditArgs) -> anyhow::Result<std::process::ExitCode> {
    anyhow::bail!("audit is not implemented yet")
}
