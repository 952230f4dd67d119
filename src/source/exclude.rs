//! The `exclude` globs of `claimcheck.toml`: paths a folder walk does not read.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// Globs over paths relative to a base folder (the config file's). A glob without a `/`
/// matches a file or folder name at any depth (`*.draft.md`, `archive`); one with a `/` is
/// matched against the whole relative path (`drafts/**`, `2024/*/notes.md`), where `*` stays
/// within one folder and `**` crosses folders. An excluded folder is not walked at all.
#[derive(Clone, Debug, Default)]
pub struct Exclude {
    set: Option<GlobSet>,
    base: PathBuf,
}

impl Exclude {
    pub fn new(globs: &[String], base: &Path) -> Result<Exclude, globset::Error> {
        if globs.is_empty() {
            return Ok(Exclude::default());
        }
        let mut set = GlobSetBuilder::new();
        for glob in globs {
            let glob = glob.trim_start_matches("./");
            let pattern = if glob.contains('/') {
                glob.to_string()
            } else {
                format!("**/{glob}")
            };
            set.add(GlobBuilder::new(&pattern).literal_separator(true).build()?);
        }
        Ok(Exclude {
            set: Some(set.build()?),
            base: absolute(base),
        })
    }

    /// Whether `path` (as walked: relative to the current folder, or absolute) is excluded.
    pub fn excludes(&self, path: &Path) -> bool {
        let Some(set) = &self.set else {
            return false;
        };
        let full = absolute(path);
        let relative = full.strip_prefix(&self.base).unwrap_or(path);
        set.is_match(relative)
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_at_any_depth_and_paths_from_the_base() {
        let base = Path::new("/news");
        let ex = Exclude::new(&["drafts/**".into(), "*.old.md".into()], base).unwrap();
        assert!(ex.excludes(Path::new("/news/drafts/a.md")));
        assert!(ex.excludes(Path::new("/news/drafts/x/b.md")));
        assert!(!ex.excludes(Path::new("/news/final/drafts/a.md")));
        assert!(ex.excludes(Path::new("/news/final/a.old.md")));
        assert!(!ex.excludes(Path::new("/news/final/a.md")));
        assert!(!Exclude::default().excludes(Path::new("/news/drafts/a.md")));
        assert!(Exclude::new(&["a/[".into()], base).is_err());
    }
}
