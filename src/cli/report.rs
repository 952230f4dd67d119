//! `claimcheck report AUDIT.ndjson[.gz] -o dashboard.html`: the audit dashboard
//! (`crate::emit::dashboard`) from what `audit` wrote, read line by line, with every finding
//! also written as CSV beside the page, and the editor's view (`--format html`'s page) of each
//! of the most severe articles in a folder beside it.
//!
//! The audit holds no article text, so the views read the articles again: from `--articles`,
//! else from the `source` each record names. That read streams too (one article at a time,
//! stopping once all are found), and checks each found article with the same registry and
//! rule settings an `audit` in this folder would use.

use crate::emit::dashboard::{Dashboard, TopArticle, CSV_HEADER};
use crate::emit::html::{Html, RegistryInfo};
use crate::emit::{Emitter, Tally};
use crate::report::ArticleReport;
use anyhow::Context as _;
use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

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

    /// The archives, files or folders the audit read: each of the most severe articles is
    /// read again from them (found by its id and line) and its editor view written into
    /// NAME-articles/ beside the page (with `-o NAME.html`) [default: the `source` that each
    /// of those records names, when that file exists].
    #[arg(long, value_name = "PATH")]
    pub articles: Vec<PathBuf>,

    /// Claim registry files or directories for the editor views; give the audit's
    /// (default: `claims/` when present).
    #[arg(long, value_name = "PATH")]
    pub registry: Vec<PathBuf>,

    /// Do not load any claim registry for the editor views (as `audit --no-registry`).
    #[arg(long, conflicts_with = "registry")]
    pub no_registry: bool,

    #[command(flatten)]
    pub settings: super::args::SettingsArgs,
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
            let views = match &args.output {
                Some(page) => write_views(args, &dashboard, page)?,
                None => Vec::new(),
            };
            let mut w = create(args.output.as_deref())?;
            dashboard.write(&mut w, csv_name.as_deref(), &views)?;
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

/// `name` as one segment of a relative URL: bytes other than letters, digits and `-._~`
/// percent-encoded.
fn url_segment(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// Where an article of the audit is found again: its id and, for a JSON Lines record, its
/// line in the archive.
type Key = (String, Option<usize>);

/// Writes the editor view of each of the dashboard's most severe articles that can be read
/// again into `NAME-articles/RANK.html` beside `page`; returns each one's link from the page
/// (`None` for an article not found).
fn write_views(
    args: &ReportArgs,
    dashboard: &Dashboard,
    page: &Path,
) -> anyhow::Result<Vec<Option<String>>> {
    let top: Vec<TopArticle> = dashboard.top().collect();
    let mut views = vec![None; top.len()];
    if top.is_empty() {
        return Ok(views);
    }
    let paths: Vec<PathBuf> = if args.articles.is_empty() {
        let mut sources: Vec<PathBuf> = top
            .iter()
            .map(|a| PathBuf::from(a.source))
            .filter(|p| p.is_file())
            .collect();
        sources.sort();
        sources.dedup();
        sources
    } else {
        args.articles.clone()
    };
    if paths.is_empty() {
        eprintln!(
            "note: the editor views of the most severe articles were not written: their sources \
             ({}, ...) are not here; give the archive the audit read with --articles PATH",
            top[0].source
        );
        return Ok(views);
    }
    let mut wanted: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, a) in top.iter().enumerate() {
        wanted
            .entry((a.id.to_string(), a.line))
            .or_default()
            .push(i);
    }
    let settings = super::settings(
        &args.settings,
        super::Flags {
            registry: &args.registry,
            no_registry: args.no_registry,
            fail_on: None,
            format: None,
        },
    )?;
    let (registry_paths, no_registry) = settings.registry_paths();
    let registry = crate::registry::select(&registry_paths, no_registry)?;
    let info = registry
        .as_ref()
        .map(|r| Arc::new(RegistryInfo::of(&registry_paths, r)));
    let policy = settings.policy();
    let page_name = page
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder_name = format!(
        "{}-articles",
        page.file_stem().unwrap_or_default().to_string_lossy()
    );
    let folder = page.with_file_name(&folder_name);
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot write {}", folder.display()))?;
    for input in crate::source::inputs(&paths) {
        let Ok(doc) = input else { continue };
        let Some(ranks) = wanted.remove(&(doc.id.clone(), doc.record_line)) else {
            continue;
        };
        let Ok(checked) = crate::analysis::check_with(doc, registry.as_ref(), &policy) else {
            continue;
        };
        let report = ArticleReport::new(&checked, false);
        let mut tally = Tally::default();
        tally.record(&report, 0, true);
        for i in ranks {
            let name = format!("{}.html", i + 1);
            let back = format!("../{}#t{i}", url_segment(&page_name));
            let mut html = Html::new(info.clone()).with_back_link(&back);
            let path = folder.join(&name);
            let mut w = create(Some(&path))?;
            html.article(&mut w, &report, Some(&checked.doc))?;
            html.finish(&mut w, &tally)?;
            w.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
            views[i] = Some(format!("{}/{name}", url_segment(&folder_name)));
        }
        if wanted.is_empty() {
            break;
        }
    }
    if !wanted.is_empty() {
        eprintln!(
            "note: {} of the {} most severe articles were not found again in {}",
            wanted.values().map(Vec::len).sum::<usize>(),
            top.len(),
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(views)
}

#[cfg(test)]
mod tests {
    use super::url_segment;

    #[test]
    fn a_page_name_is_one_segment_of_a_relative_url() {
        assert_eq!(url_segment("dashboard-articles"), "dashboard-articles");
        assert_eq!(
            url_segment("my report #2?.html"),
            "my%20report%20%232%3F.html"
        );
        assert_eq!(url_segment("a/b\"c"), "a%2Fb%22c");
        assert_eq!(url_segment("é"), "%C3%A9");
    }
}
