//! `claimcheck report AUDIT.ndjson[.gz] -o dashboard.html`: the audit dashboard
//! (`crate::emit::dashboard`) from what `audit` wrote, read line by line, with every finding
//! also written as CSV beside the page.

use crate::emit::dashboard::{Dashboard, CSV_HEADER};
use anyhow::Context as _;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// `claimcheck report` options.
#[derive(clap::Args, Debug, Clone)]
pub struct ReportArgs {
    /// What `audit` wrote: NDJSON, plain or gzip; `-` for stdin.
    pub input: PathBuf,

    /// Write the page here (and every finding as CSV beside it, `NAME.csv`) instead of
    /// writing the page to stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        crate::source::open(&args.input)
            .map_err(|e| anyhow::anyhow!("{}: {e}", args.input.display()))?
    };
    let csv_path = args.output.as_ref().map(|p| p.with_extension("csv"));
    let mut csv = match &csv_path {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = BufWriter::new(file);
            writeln!(w, "{CSV_HEADER}")?;
            Some(w)
        }
        None => None,
    };
    let mut dashboard = Dashboard::default();
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}", args.input.display(), i + 1))?;
        dashboard.add(i + 1, &line, &mut |row| match csv.as_mut() {
            Some(w) => w.write_all(row.csv().as_bytes()),
            None => Ok(()),
        })?;
    }
    if let Some(w) = csv.as_mut() {
        w.flush()?;
    }
    let csv_name = csv_path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = BufWriter::new(file);
            dashboard.write(&mut w, csv_name.as_deref())?;
            w.flush()?;
        }
        None => {
            let mut w = BufWriter::new(io::stdout().lock());
            match dashboard.write(&mut w, None).and_then(|()| w.flush()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
