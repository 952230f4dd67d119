//! The audit's reader: turns the paths on the command line into a stream of raw records and
//! article files for the workers. Parsing happens in the workers, so that it runs in parallel.

use super::pipeline::{Feeder, FlushBeforeRead, Unit};
use crate::source::{self, lines::Lines, record::is_blank, Exclude, InputError};
use crate::unreadable::no_articles;
use std::fs;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How an input path is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// JSON Lines, plain or gzip (recognised by its magic bytes when opened).
    Archive,
    /// One Markdown or text article.
    Article,
}

/// Extensions taken when walking a directory; a file named on the command line is read
/// whatever it is called (as an article for `.md`/`.markdown`/`.txt`, otherwise as JSON Lines).
fn kind_in_directory(path: &Path) -> Option<Kind> {
    // Lossy: a name that is not UTF-8 still has its (ASCII) extension.
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    if name.starts_with('.') {
        return None;
    }
    let stem = name.strip_suffix(".gz").unwrap_or(&name);
    if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        Some(Kind::Archive)
    } else if name.ends_with(".md") || name.ends_with(".markdown") || name.ends_with(".txt") {
        Some(Kind::Article)
    } else {
        None
    }
}

/// Whether walking the directory `dir` would read `file` (which need not exist yet): it is
/// below `dir`, in no hidden folder, and named as an article or an archive. Symbolic links
/// in either path are resolved first.
pub fn walk_reads(dir: &Path, file: &Path) -> bool {
    let (Some(name), Some(parent)) = (file.file_name(), file.parent()) else {
        return false;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let (Ok(dir), Ok(parent)) = (dir.canonicalize(), parent.canonicalize()) else {
        return false;
    };
    let Ok(below) = parent.strip_prefix(&dir) else {
        return false;
    };
    let hidden = below
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden && kind_in_directory(Path::new(name)).is_some()
}

fn kind_named(path: &Path) -> Kind {
    match kind_in_directory(path) {
        Some(Kind::Article) => Kind::Article,
        _ => Kind::Archive,
    }
}

/// Reads every path in order and feeds the units, leaving out what `exclude` names when
/// walking a folder; stops early when the feeder says so.
pub fn read_all(paths: &[PathBuf], exclude: &Exclude, feeder: &Feeder) {
    for path in paths {
        if !read_path(path, exclude, feeder) {
            return;
        }
    }
}

fn read_path(path: &Path, exclude: &Exclude, feeder: &Feeder) -> bool {
    if path.as_os_str() == "-" {
        return read_archive(path, feeder);
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let mut found = false;
            let keep_going = read_directory(path, exclude, feeder, &mut found);
            // A folder with nothing in it is an error, so that a run pointed at the wrong
            // folder does not pass.
            if keep_going && !found {
                return feeder.push(Unit::Unreadable(no_articles(path)), 0);
            }
            keep_going
        }
        Ok(_) => match kind_named(path) {
            Kind::Archive => read_archive(path, feeder),
            Kind::Article => feeder.push(
                Unit::File {
                    path: path.to_path_buf(),
                },
                file_size(path),
            ),
        },
        Err(e) => feeder.push(
            Unit::Unreadable(InputError::path(
                source::display_path(path),
                format!("cannot read: {}", source::io_message(&e)),
            )),
            0,
        ),
    }
}

/// Walks a directory depth-first in name order (walkdir), so runs are reproducible, leaving
/// out hidden folders and what `exclude` names; sets `found` when it meets an article or an
/// archive. Symbolic links are followed for files but not for directories (no cycles).
fn read_directory(dir: &Path, exclude: &Exclude, feeder: &Feeder, found: &mut bool) -> bool {
    let walk = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.file_type().is_dir() && e.file_name().to_string_lossy().starts_with('.');
            !hidden && !exclude.excludes(e.path())
        });
    for entry in walk {
        if feeder.stopping() {
            return false;
        }
        let keep_going = match entry {
            Err(e) => {
                let at = e.path().unwrap_or(dir);
                let message = match e.io_error() {
                    Some(io) => format!("cannot read directory: {}", source::io_message(io)),
                    None => format!("cannot read directory: {e}"),
                };
                let error = InputError::path(source::display_path(at), message);
                feeder.push(Unit::Unreadable(error), 0)
            }
            Ok(entry) if entry.file_type().is_dir() => true,
            Ok(entry) => {
                let path = entry.into_path();
                let kind = kind_in_directory(&path);
                *found |= kind.is_some();
                match kind {
                    Some(Kind::Archive) => read_archive(&path, feeder),
                    Some(Kind::Article) => {
                        let size = file_size(&path);
                        feeder.push(Unit::File { path }, size)
                    }
                    None => true,
                }
            }
        };
        if !keep_going {
            return false;
        }
    }
    true
}

/// Streams the lines of a JSON Lines archive (plain, gzip, or stdin) as raw records.
fn read_archive(path: &Path, feeder: &Feeder) -> bool {
    let shown = source::display_path(path);
    let reader = match source::open(path) {
        Ok(reader) => reader,
        Err(e) => return feeder.push(Unit::Unreadable(e), 0),
    };
    // Stdin may trickle or stay open: send what has been read before waiting for more.
    let reader: Box<dyn BufRead + '_> = if path.as_os_str() == "-" {
        Box::new(FlushBeforeRead::new(reader, feeder))
    } else {
        reader
    };
    let source: Arc<str> = Arc::from(shown.as_str());
    // Blank lines are skipped; their bytes are counted with the next record.
    let mut skipped_bytes = 0u64;
    for (line, result) in Lines::new(reader, shown) {
        let ok = match result {
            Ok(bytes) if is_blank(&bytes) => {
                skipped_bytes += bytes.len() as u64 + 1;
                if feeder.stopping() {
                    return false;
                }
                continue;
            }
            Ok(bytes) => {
                let size = bytes.len() as u64 + 1 + std::mem::take(&mut skipped_bytes);
                let unit = Unit::Record {
                    source: Arc::clone(&source),
                    line,
                    bytes,
                };
                feeder.push(unit, size)
            }
            Err(e) => feeder.push(Unit::Unreadable(e), std::mem::take(&mut skipped_bytes)),
        };
        if !ok {
            return false;
        }
    }
    true
}

fn file_size(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

/// The uncompressed size of the input, when it can be known up front: every path is a
/// regular file that is not gzip-compressed. Used for the progress bar's ETA.
pub fn known_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            return None;
        }
        let meta = fs::metadata(path).ok()?;
        if !meta.is_file() || is_gzip(path) {
            return None;
        }
        total += meta.len();
    }
    Some(total)
}

fn is_gzip(path: &Path) -> bool {
    let mut head = [0u8; 2];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == [0x1f, 0x8b])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_reads_the_archives_and_articles_below_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("sub/.hidden")).unwrap();
        assert!(walk_reads(root, &root.join("out.jsonl")));
        assert!(walk_reads(root, &root.join("sub/out.ndjson")));
        assert!(walk_reads(root, &root.join("sub/../report.md")));
        assert!(!walk_reads(root, &root.join("out.json")));
        assert!(!walk_reads(root, &root.join("sub/.hidden/out.jsonl")));
        assert!(!walk_reads(&root.join("sub"), &root.join("out.jsonl")));
        assert!(!walk_reads(root, &root.join("missing/out.jsonl")));
    }

    #[test]
    fn directories_take_archives_and_articles_only() {
        let kind = |p: &str| kind_in_directory(Path::new(p));
        assert_eq!(kind("a/b.jsonl"), Some(Kind::Archive));
        assert_eq!(kind("a/b.JSONL.gz"), Some(Kind::Archive));
        assert_eq!(kind("a/b.ndjson"), Some(Kind::Archive));
        assert_eq!(kind("a/b.md"), Some(Kind::Article));
        assert_eq!(kind("a/b.txt"), Some(Kind::Article));
        assert_eq!(kind("a/b.yaml"), None);
        assert_eq!(kind("a/.hidden.jsonl"), None);
        // Named on the command line, anything else is read as JSON Lines.
        assert_eq!(kind_named(Path::new("dump.dat")), Kind::Archive);
        assert_eq!(kind_named(Path::new("draft.md")), Kind::Article);
    }
}
