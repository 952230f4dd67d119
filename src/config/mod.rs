//! The effective settings of a run: the defaults, then `claimcheck.toml` (found by walking up
//! from the current folder, or given), then the command line, each setting remembering
//! which of the three it came from for `claimcheck config`.

pub mod file;

pub use file::{ConfigError, FileSettings, FILE_NAME};

use crate::emit::Format;
use crate::finding::Severity;
use crate::policy::{FailOn, Policy};
use std::fmt;
use std::path::{Path, PathBuf};

/// Where a setting's value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Default,
    File(PathBuf),
    CommandLine,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(path) => write!(f, "{}", path.display()),
            Origin::CommandLine => f.write_str("command line"),
        }
    }
}

/// A value and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

/// Which registry a run reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegistryChoice {
    /// `claims/` in the current folder, when it exists.
    Default,
    Paths(Vec<PathBuf>),
    None,
}

/// What the command line says; `None` (or empty) for what it leaves to the file.
#[derive(Clone, Debug, Default)]
pub struct CommandLine {
    pub config: Option<PathBuf>,
    pub no_config: bool,
    pub registry: Vec<PathBuf>,
    pub no_registry: bool,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
}

/// A run's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// The config file read, if any.
    pub file: Option<PathBuf>,
    pub registry: Setting<RegistryChoice>,
    /// `None`: every rule.
    pub select: Setting<Option<Vec<&'static str>>>,
    pub ignore: Setting<Vec<&'static str>>,
    pub severity: Setting<Vec<(&'static str, Severity)>>,
    pub fail_on: Setting<FailOn>,
    pub format: Setting<Format>,
    /// Globs, matched against paths relative to `exclude_base`.
    pub exclude: Setting<Vec<String>>,
    /// The folder `exclude` globs are relative to: the config file's.
    pub exclude_base: PathBuf,
}

/// Why the settings could not be worked out.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    File(#[from] ConfigError),
    #[error("{flag}: {message}")]
    Flag { flag: &'static str, message: String },
    #[error("--config {}: no such file", .0.display())]
    Missing(PathBuf),
}

/// `claimcheck.toml` in `start` or the nearest folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The config file a run reads: `--config`, else none with `--no-config`, else the one found
/// walking up from `cwd`.
fn config_path(cli: &CommandLine, cwd: &Path) -> Result<Option<PathBuf>, Error> {
    match &cli.config {
        Some(path) if path.is_file() => Ok(Some(path.clone())),
        Some(path) => Err(Error::Missing(path.clone())),
        None if cli.no_config => Ok(None),
        // Shown as `claimcheck.toml` when it is in the current folder.
        None => Ok(discover(cwd).map(|found| match found.parent() {
            Some(dir) if dir == cwd => PathBuf::from(FILE_NAME),
            _ => found,
        })),
    }
}

/// The effective settings: the command line over the config file over the defaults.
pub fn resolve(cli: &CommandLine, cwd: &Path) -> Result<Settings, Error> {
    let path = config_path(cli, cwd)?;
    let from_file = match &path {
        Some(path) => file::read(path)?,
        None => FileSettings::default(),
    };
    let file_origin = || Origin::File(path.clone().unwrap_or_default());
    // The command line's value, else the file's, else the default.
    fn pick<T>(cli: Option<T>, file: Option<T>, default: T, file_origin: Origin) -> Setting<T> {
        match (cli, file) {
            (Some(value), _) => Setting {
                value,
                origin: Origin::CommandLine,
            },
            (None, Some(value)) => Setting {
                value,
                origin: file_origin,
            },
            (None, None) => Setting {
                value: default,
                origin: Origin::Default,
            },
        }
    }
    let rules = |flag: &'static str, names: &Option<Vec<String>>| {
        names
            .as_ref()
            .map(|names| {
                names
                    .iter()
                    .map(|n| {
                        crate::suppress::rule(n).map_err(|message| Error::Flag { flag, message })
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()
    };
    let registry_flag = if cli.no_registry {
        Some(RegistryChoice::None)
    } else if !cli.registry.is_empty() {
        Some(RegistryChoice::Paths(cli.registry.clone()))
    } else {
        None
    };
    let exclude_base = path
        .as_ref()
        .and_then(|p| p.parent())
        .map_or_else(|| cwd.to_path_buf(), |dir| cwd.join(dir));
    Ok(Settings {
        registry: pick(
            registry_flag,
            from_file.registry.map(RegistryChoice::Paths),
            RegistryChoice::Default,
            file_origin(),
        ),
        select: pick(
            rules("--select", &cli.select)?.map(Some),
            from_file.select.map(Some),
            None,
            file_origin(),
        ),
        ignore: pick(
            rules("--ignore", &cli.ignore)?,
            from_file.ignore,
            Vec::new(),
            file_origin(),
        ),
        severity: pick(None, from_file.severity, Vec::new(), file_origin()),
        fail_on: pick(cli.fail_on, from_file.fail_on, FailOn::Error, file_origin()),
        format: pick(cli.format, from_file.format, Format::Human, file_origin()),
        exclude: pick(None, from_file.exclude, Vec::new(), file_origin()),
        exclude_base,
        file: path,
    })
}

impl Settings {
    /// Which rules report, at what severity.
    pub fn policy(&self) -> Policy {
        Policy {
            select: self.select.value.clone(),
            ignore: self.ignore.value.clone(),
            severity: self.severity.value.clone(),
        }
    }

    /// The registry paths and whether the registry is off, as `registry::select` takes them.
    pub fn registry_paths(&self) -> (Vec<PathBuf>, bool) {
        match &self.registry.value {
            RegistryChoice::Default => (Vec::new(), false),
            RegistryChoice::Paths(paths) => (paths.clone(), false),
            RegistryChoice::None => (Vec::new(), true),
        }
    }

    /// The lines of `claimcheck config`: each setting, its value and where it comes from.
    pub fn describe(&self) -> Vec<(&'static str, String, &Origin)> {
        let list = |names: &[&str]| {
            if names.is_empty() {
                "(none)".to_string()
            } else {
                names.join(", ")
            }
        };
        let registry = match &self.registry.value {
            RegistryChoice::Default => "claims/ when it exists".to_string(),
            RegistryChoice::Paths(paths) => paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            RegistryChoice::None => "(none)".to_string(),
        };
        let select = match &self.select.value {
            None => "every rule".to_string(),
            Some(names) => list(names),
        };
        let severity = if self.severity.value.is_empty() {
            "each rule's own".to_string()
        } else {
            self.severity
                .value
                .iter()
                .map(|(rule, s)| format!("{rule} = {s}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let format = file::FORMATS
            .iter()
            .find(|(_, f)| *f == self.format.value)
            .map_or("?", |(name, _)| name);
        let exclude: Vec<&str> = self.exclude.value.iter().map(String::as_str).collect();
        vec![
            ("registry", registry, &self.registry.origin),
            ("select", select, &self.select.origin),
            ("ignore", list(&self.ignore.value), &self.ignore.origin),
            ("severity", severity, &self.severity.origin),
            (
                "fail-on",
                self.fail_on.value.as_str().to_string(),
                &self.fail_on.origin,
            ),
            ("format", format.to_string(), &self.format.origin),
            ("exclude", list(&exclude), &self.exclude.origin),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_overrides_the_file_which_overrides_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        let config = dir.path().join(FILE_NAME);
        std::fs::write(
            &config,
            "registry = \"claims\"\nfail-on = \"warning\"\nignore = [\"times-more-ambiguity\"]\n",
        )
        .unwrap();
        assert_eq!(discover(&sub), Some(config.clone()));
        let cli = CommandLine {
            fail_on: Some(FailOn::Never),
            ..CommandLine::default()
        };
        let s = resolve(&cli, &sub).unwrap();
        assert_eq!(s.file, Some(config.clone()));
        assert_eq!(s.fail_on.value, FailOn::Never);
        assert_eq!(s.fail_on.origin, Origin::CommandLine);
        assert_eq!(s.ignore.value, ["times-more-ambiguity"]);
        assert_eq!(s.ignore.origin, Origin::File(config.clone()));
        assert_eq!(
            s.registry.value,
            RegistryChoice::Paths(vec![dir.path().join("claims")])
        );
        assert_eq!(s.format.origin, Origin::Default);
        assert_eq!(s.exclude_base, dir.path());

        let off = CommandLine {
            no_config: true,
            ..CommandLine::default()
        };
        let s = resolve(&off, &sub).unwrap();
        assert_eq!(s.file, None);
        assert_eq!(s.fail_on.origin, Origin::Default);

        let bad = CommandLine {
            select: Some(vec!["chnage-mismatch".into()]),
            ..CommandLine::default()
        };
        assert_eq!(
            resolve(&bad, &sub).unwrap_err().to_string(),
            "--select: unknown rule `chnage-mismatch`; did you mean `change-mismatch`? \
             (`claimcheck rules` lists them)"
        );
    }
}
