//! Reading `claimcheck.toml` (serde through the `toml` crate): every key known, every rule
//! name and severity valid, or an error at the file's line and column with the nearest name.

use crate::emit::Format;
use crate::finding::Severity;
use crate::policy::FailOn;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file's name, looked for in the current folder and each folder above it.
pub const FILE_NAME: &str = "claimcheck.toml";

/// The top-level keys, as written in the file.
pub const KEYS: [&str; 7] = [
    "registry", "select", "ignore", "severity", "fail-on", "format", "exclude",
];

/// The `format` values.
pub const FORMATS: [(&str, Format); 7] = [
    ("human", Format::Human),
    ("json", Format::Json),
    ("ndjson", Format::Ndjson),
    ("sarif", Format::Sarif),
    ("github", Format::Github),
    ("html", Format::Html),
    ("csv", Format::Csv),
];

/// The settings one config file gives; `None` (or empty) for what it leaves out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileSettings {
    /// Registry paths, relative to the config file's folder when they are relative.
    pub registry: Option<Vec<PathBuf>>,
    pub select: Option<Vec<&'static str>>,
    pub ignore: Option<Vec<&'static str>>,
    pub severity: Option<Vec<(&'static str, Severity)>>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
    /// Globs of paths not read when walking a folder.
    pub exclude: Option<Vec<String>>,
}

/// The file as written; each value keeps its place for error messages.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Raw {
    registry: Option<Spanned<OneOrMany>>,
    select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    fail_on: Option<Spanned<String>>,
    format: Option<Spanned<String>>,
    exclude: Option<Vec<Spanned<String>>>,
}

/// `registry = "claims"` or `registry = ["claims", "more.yaml"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A problem in the config file, at its 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Reads and checks the config file at `path`.
pub fn read(path: &Path) -> Result<FileSettings, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.display().to_string(),
        line: 1,
        column: 1,
        message: format!("cannot read: {e}"),
    })?;
    parse(&text, path)
}

/// Checks the text of the config file at `path`.
pub fn parse(text: &str, path: &Path) -> Result<FileSettings, ConfigError> {
    let at = |offset: usize, message: String| {
        let (line, column) = line_col(text, offset);
        ConfigError {
            path: path.display().to_string(),
            line,
            column,
            message,
        }
    };
    let toml_error = |e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        at(offset, e.message().trim_end().to_string())
    };
    // Unknown keys first, each at its place, with the nearest known key.
    let table = toml::de::DeTable::parse(text).map_err(toml_error)?;
    for (key, _) in table.get_ref().iter() {
        let name: &str = key.get_ref();
        if !KEYS.contains(&name) {
            let hint = crate::suggest::did_you_mean(name, KEYS);
            let known = KEYS.join(", ");
            return Err(at(
                key.span().start,
                format!("unknown key `{name}`{hint} (known keys: {known})"),
            ));
        }
    }
    let raw: Raw = toml::from_str(text).map_err(toml_error)?;
    let rules = |list: Option<Vec<Spanned<String>>>| {
        list.map(|list| {
            list.iter()
                .map(|n| crate::suppress::rule(n.get_ref()).map_err(|m| at(n.span().start, m)))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()
    };
    let folder = path.parent().unwrap_or(Path::new(""));
    let registry = raw.registry.map(|r| {
        let paths = match r.into_inner() {
            OneOrMany::One(p) => vec![p],
            OneOrMany::Many(ps) => ps,
        };
        paths.into_iter().map(|p| folder.join(p)).collect()
    });
    let severity = raw
        .severity
        .map(|table| {
            table
                .iter()
                .map(|(rule, level)| {
                    let rule = crate::suppress::rule(rule.get_ref())
                        .map_err(|m| at(rule.span().start, m))?;
                    let names = [Severity::Info, Severity::Warning, Severity::Error];
                    let severity = names
                        .into_iter()
                        .find(|s| s.as_str() == level.get_ref())
                        .ok_or_else(|| {
                            at(
                                level.span().start,
                                one_of("severity", level.get_ref(), &["info", "warning", "error"]),
                            )
                        })?;
                    Ok((rule, severity))
                })
                .collect::<Result<Vec<_>, ConfigError>>()
        })
        .transpose()?;
    let fail_on = raw
        .fail_on
        .map(|f| {
            FailOn::parse(f.get_ref()).ok_or_else(|| {
                at(
                    f.span().start,
                    one_of("fail-on", f.get_ref(), &FailOn::NAMES),
                )
            })
        })
        .transpose()?;
    let format = raw
        .format
        .map(|f| {
            FORMATS
                .iter()
                .find(|(name, _)| name == f.get_ref())
                .map(|&(_, format)| format)
                .ok_or_else(|| {
                    let names: Vec<&str> = FORMATS.iter().map(|(n, _)| *n).collect();
                    at(f.span().start, one_of("format", f.get_ref(), &names))
                })
        })
        .transpose()?;
    let exclude = raw
        .exclude
        .map(|globs| {
            globs
                .into_iter()
                .map(|g| {
                    globset::Glob::new(g.get_ref())
                        .map_err(|e| at(g.span().start, format!("bad glob: {}", e.kind())))?;
                    Ok(g.into_inner())
                })
                .collect::<Result<Vec<_>, ConfigError>>()
        })
        .transpose()?;
    Ok(FileSettings {
        registry,
        select: rules(raw.select)?,
        ignore: rules(raw.ignore)?,
        severity,
        fail_on,
        format,
        exclude,
    })
}

/// "unknown fail-on `x`; did you mean `y`? (one of: ...)".
fn one_of(what: &str, value: &str, names: &[&str]) -> String {
    let hint = crate::suggest::did_you_mean(value, names.iter().copied());
    format!(
        "unknown {what} `{value}`{hint} (one of: {})",
        names.join(", ")
    )
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<FileSettings, String> {
        parse(text, Path::new("dir/claimcheck.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn every_key_is_read() {
        let s = parsed(
            "registry = \"claims\"\nselect = [\"change-mismatch\", \"conflicting-figures\"]\n\
             ignore = [\"times-more-ambiguity\"]\nfail-on = \"never\"\nformat = \"json\"\n\
             exclude = [\"drafts/**\"]\n[severity]\nconflicting-figures = \"warning\"\n",
        )
        .unwrap();
        assert_eq!(s.registry, Some(vec![PathBuf::from("dir/claims")]));
        assert_eq!(
            s.select,
            Some(vec!["change-mismatch", "conflicting-figures"])
        );
        assert_eq!(s.ignore, Some(vec!["times-more-ambiguity"]));
        assert_eq!(
            s.severity,
            Some(vec![("conflicting-figures", Severity::Warning)])
        );
        assert_eq!(s.fail_on, Some(FailOn::Never));
        assert_eq!(s.format, Some(Format::Json));
        assert_eq!(s.exclude, Some(vec!["drafts/**".to_string()]));
        assert_eq!(parsed("").unwrap(), FileSettings::default());
        let many = parsed("registry = [\"a\", \"b.yaml\"]").unwrap();
        assert_eq!(many.registry.unwrap().len(), 2);
    }

    #[test]
    fn mistakes_are_errors_at_their_place_with_the_nearest_name() {
        assert_eq!(
            parsed("format = \"json\"\nfail_on = \"warning\"\n").unwrap_err(),
            "dir/claimcheck.toml:2:1: unknown key `fail_on`; did you mean `fail-on`? \
             (known keys: registry, select, ignore, severity, fail-on, format, exclude)"
        );
        assert_eq!(
            parsed("select = [\"change-mismatch\", \"direction-mismatc\"]").unwrap_err(),
            "dir/claimcheck.toml:1:30: unknown rule `direction-mismatc`; did you mean \
             `direction-mismatch`? (`claimcheck rules` lists them)"
        );
        assert_eq!(
            parsed("[severity]\nchange-mismatch = \"warn\"").unwrap_err(),
            "dir/claimcheck.toml:2:19: unknown severity `warn`; did you mean `warning`? \
             (one of: info, warning, error)"
        );
        assert_eq!(
            parsed("fail-on = \"nevr\"").unwrap_err(),
            "dir/claimcheck.toml:1:11: unknown fail-on `nevr`; did you mean `never`? \
             (one of: info, warning, error, never)"
        );
        assert!(parsed("select = \"change-mismatch\"")
            .unwrap_err()
            .starts_with("dir/claimcheck.toml:1:10: invalid type"));
        assert!(parsed("select = [")
            .unwrap_err()
            .starts_with("dir/claimcheck.toml:1:"));
        assert!(parsed("exclude = [\"a/[\"]")
            .unwrap_err()
            .starts_with("dir/claimcheck.toml:1:12: bad glob"));
    }
}
