//! `claimcheck report AUDIT.ndjson[.gz] -o dashboard.html`: the audit dashboard
//! (`crate::emit::dashboard`) from what `audit` wrote, read line by line, with every finding
//! also written as CSV beside the page.

use crate::emit::dashboard::{Dashboard, CSV_HEADER};
use anyhow::Context as _;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
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

    /// `html`: the dashboard (and its CSV beside it, with `-o`); `csv`: only the CSV, one row
    /// per finding, to FILE or stdout.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
}

/// What `report` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Html,
    Csv,
}

/// A file to write, or stdout.
fn create(path: Option<&Path>) -> anyhow::Result<BufWriter<Box<dyn Write>>> {
    Ok(match path {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            BufWriter::new(Box::new(file))
        }
        None => BufWriter::new(Box::new(io::stdout().lock())),
    })
}

pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        crate::source::open(&args.input).map_err(|e| anyhow::anyhow!("{e}"))?
    };
    let html = args.format == ReportFormat::Html;
    // The CSV goes beside the page (`-o`), or is the output itself (`--format csv`).
    let csv_path = match (html, &args.output) {
        (true, Some(page)) => Some(page.with_extension("csv")),
        (true, None) => None,
        (false, output) => output.clone(),
    };
    let mut csv = if html && csv_path.is_none() {
        None
    } else {
        let mut w = create(csv_path.as_deref())?;
        writeln!(w, "{CSV_HEADER}")?;
        Some(w)
    };
    let mut dashboard = Dashboard::default();
    let written = (|| -> anyhow::Result<()> {
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
        if html {
            let csv_name = csv_path
                .as_ref()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned());
            let mut w = create(args.output.as_deref())?;
            dashboard.write(&mut w, csv_name.as_deref(), &[])?;
            w.flush()?;
        }
        Ok(())
    })();
    match written {
        // The reader has what it wanted (`| head`): end quietly, as every command does.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) => {}
        other => other?,
    }
    Ok(ExitCode::SUCCESS)
}
