//! Walking the paths given on the command line into a lazy stream of documents.

use super::file::{document_from_bytes, read_article};
use super::record::{records, Records};
use super::{display_path, io_message, open, read_file, InputError};
use super::{Exclude, BUF_SIZE, STDIN};
use crate::document::Document;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

type Reader = Box<dyn BufRead + Send>;

/// The documents under `paths`, lazily, in a deterministic order:
///
/// - a directory is walked recursively, entries sorted by name, depth first; it yields
///   `*.md`, `*.markdown`, `*.txt` articles and `*.jsonl`, `*.ndjson` archives (optionally
///   `.gz`); hidden entries (`.git`, `.x.md`) and `target` directories are skipped, and
///   symbolic links to directories are not followed;
/// - `-` is stdin: JSON Lines if its first non-blank byte is `{` (after gzip decompression),
///   otherwise one text article with id `stdin` and source `<stdin>`;
/// - a `.jsonl` / `.jsonl.gz` / `.ndjson` file is streamed record by record: a bad record is
///   an `Err` item and the stream goes on, an empty archive is one "no records" error;
/// - any other file is read as one article ([`read_file`]);
/// - a path that does not exist is an `Err` item naming it.
///
/// Only one archive is open at a time and only its current line is held in memory.
pub fn inputs(paths: &[PathBuf]) -> Inputs {
    inputs_excluding(paths, Exclude::default())
}

/// [`inputs`], leaving out what `exclude` names when walking a folder (a file given by name is
/// always read).
pub fn inputs_excluding(paths: &[PathBuf], exclude: Exclude) -> Inputs {
    Inputs {
        exclude,
        pending: paths
            .iter()
            .rev()
            .map(|p| Pending::Given(p.clone()))
            .collect(),
        current: None,
    }
}

/// The iterator returned by [`inputs`].
pub struct Inputs {
    /// Work still to do, last first.
    pending: Vec<Pending>,
    /// The archive being streamed.
    current: Option<Records<Reader>>,
    exclude: Exclude,
}

/// Whether a walk leaves out an entry (and, for a folder, all below it): hidden entries,
/// `target` folders, and what `exclude` names.
fn skipped(entry: &walkdir::DirEntry, exclude: &Exclude) -> bool {
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.')
        || (entry.file_type().is_dir() && name == "target")
        || exclude.excludes(entry.path())
}

enum Pending {
    /// Given by the user: any file is read, whatever its name.
    Given(PathBuf),
    /// Found in a directory: already filtered by name.
    Found(PathBuf),
    /// A folder met in a walk that could not be read.
    Failed(InputError),
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(records) = &mut self.current {
                if let Some(item) = records.next() {
                    return Some(item);
                }
                self.current = None;
            }
            let path = match self.pending.pop()? {
                Pending::Found(path) => path,
                Pending::Failed(e) => return Some(Err(e)),
                Pending::Given(path) if path.as_os_str() == "-" => match self.stdin() {
                    Some(item) => return Some(item),
                    None => continue,
                },
                Pending::Given(path) => match std::fs::metadata(&path) {
                    Err(e) => {
                        let message = format!("cannot read: {}", io_message(&e));
                        return Some(Err(InputError::path(display_path(&path), message)));
                    }
                    Ok(meta) if meta.is_dir() => {
                        self.expand(&path);
                        continue;
                    }
                    Ok(_) => path,
                },
            };
            if is_archive(&path) {
                match open(&path) {
                    Ok(reader) => self.current = Some(records(reader, display_path(&path))),
                    Err(e) => return Some(Err(e)),
                }
            } else {
                return Some(read_file(&path));
            }
        }
    }
}

impl Inputs {
    /// Queues the articles and archives under directory `dir`, sorted by name, depth first
    /// (walkdir), leaving out hidden entries, `target` folders and what `exclude` names; a
    /// folder that cannot be read is an error item in its place.
    fn expand(&mut self, dir: &Path) {
        let exclude = &self.exclude;
        let walk = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !skipped(e, exclude));
        let mut found = Vec::new();
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let at = e.path().unwrap_or(dir);
                    let message = match e.io_error() {
                        Some(io) => format!("cannot read directory: {}", io_message(io)),
                        None => format!("cannot read directory: {e}"),
                    };
                    found.push(Pending::Failed(InputError::path(display_path(at), message)));
                    continue;
                }
            };
            let kind = entry.file_type();
            let name = entry.file_name().to_string_lossy();
            if kind.is_dir() || !(is_article(&name) || is_archive_name(&name)) {
                continue;
            }
            // A symbolic link is followed only to a file.
            if kind.is_symlink() && !entry.path().is_file() {
                continue;
            }
            found.push(Pending::Found(entry.into_path()));
        }
        self.pending.extend(found.into_iter().rev());
    }

    /// Reads stdin: JSON Lines when it starts with `{`, else one article.
    fn stdin(&mut self) -> Option<Result<Document, InputError>> {
        let mut reader = match open(Path::new("-")) {
            Ok(reader) => reader,
            Err(e) => return Some(Err(e)),
        };
        // Set the leading whitespace aside (it counts for line numbers) and look past it.
        let mut head = Vec::new();
        let first = loop {
            let buf = match reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    let message = format!("read error: {}", io_message(&e));
                    return Some(Err(InputError::new(STDIN, 1, 1, message)));
                }
            };
            if buf.is_empty() {
                break None;
            }
            let blank = buf
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(buf.len());
            let first = buf.get(blank).copied();
            head.extend_from_slice(&buf[..blank]);
            reader.consume(blank);
            if first.is_some() || head.len() > BUF_SIZE {
                break first;
            }
        };
        let whole: Reader = Box::new(std::io::Cursor::new(head).chain(reader));
        if first == Some(b'{') {
            self.current = Some(records(whole, STDIN));
            return None;
        }
        Some(
            read_article(whole, STDIN).and_then(|bytes| document_from_bytes(STDIN, "stdin", bytes)),
        )
    }
}

fn lower_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a file given or found is a JSON Lines archive.
fn is_archive(path: &Path) -> bool {
    is_archive_name(&lower_name(path))
}

fn is_archive_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// Whether a file found in a directory is an article.
fn is_article(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".md") || name.ends_with(".markdown") || name.ends_with(".txt")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn ids(paths: &[PathBuf]) -> Vec<String> {
        inputs(paths)
            .map(|r| match r {
                Ok(d) => d.id,
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[test]
    fn walks_directories_in_sorted_order_skipping_hidden_and_target() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/nested")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        fs::create_dir_all(root.join("target")).unwrap();
        fs::write(root.join("c.md"), "C up 5%.").unwrap();
        fs::write(root.join("a.txt"), "A up 5%.").unwrap();
        fs::write(root.join("b/nested/d.md"), "D.").unwrap();
        fs::write(
            root.join("b/e.jsonl"),
            "{\"id\": \"e1\", \"body\": \"x\"}\n\n{\"id\": \"e2\", \"body\": \"y\"}\n",
        )
        .unwrap();
        fs::write(root.join("b/notes.yaml"), "x: 1").unwrap();
        fs::write(root.join(".git/x.md"), "hidden").unwrap();
        fs::write(root.join(".hidden.md"), "hidden").unwrap();
        fs::write(root.join("target/t.md"), "build").unwrap();
        assert_eq!(ids(&[root.to_path_buf()]), ["a", "e1", "e2", "d", "c"]);
    }

    #[test]
    fn excluded_paths_are_left_out_of_walks_but_not_when_given() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("drafts/deep")).unwrap();
        fs::write(root.join("a.md"), "A.").unwrap();
        fs::write(root.join("b.old.md"), "B.").unwrap();
        fs::write(root.join("drafts/deep/c.md"), "C.").unwrap();
        let exclude = || Exclude::new(&["drafts".into(), "*.old.md".into()], root).unwrap();
        let walked: Vec<String> = inputs_excluding(&[root.to_path_buf()], exclude())
            .map(|d| d.unwrap().id)
            .collect();
        assert_eq!(walked, ["a"]);
        let given: Vec<String> = inputs_excluding(&[root.join("b.old.md")], exclude())
            .map(|d| d.unwrap().id)
            .collect();
        assert_eq!(given, ["b.old"]);
    }

    #[test]
    fn archives_stream_records_and_bad_records_do_not_stop_them() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("a.jsonl");
        fs::write(
            &archive,
            "{\"id\": \"r1\", \"body\": \"x\"}\n{bad\n{\"id\": \"r3\", \"body\": \"z\"}\n",
        )
        .unwrap();
        let empty = dir.path().join("empty.jsonl");
        fs::write(&empty, "").unwrap();
        let missing = dir.path().join("missing.md");
        let got = ids(&[archive.clone(), missing.clone(), empty.clone()]);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "r1");
        assert_eq!(
            got[1],
            format!(
                "ERR {}:2:2: invalid JSON: key must be a string",
                archive.display()
            )
        );
        assert_eq!(got[2], "r3");
        assert_eq!(
            got[3],
            format!(
                "ERR {}: cannot read: No such file or directory",
                missing.display()
            )
        );
        assert_eq!(got[4], format!("ERR {}:1:1: no records", empty.display()));
    }

    #[test]
    fn gzip_archives_and_corrupt_gzip() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for i in 0..100 {
            writeln!(enc, "{{\"id\": \"g{i}\", \"body\": \"Sales rose 5 pct.\"}}").unwrap();
        }
        let bytes = enc.finish().unwrap();
        let good = dir.path().join("g.jsonl.gz");
        fs::write(&good, &bytes).unwrap();
        let got = ids(&[good]);
        assert_eq!(got.len(), 100);
        assert_eq!(got[99], "g99");
        // Truncated: the records before the damage, then one error.
        let bad = dir.path().join("bad.jsonl.gz");
        fs::write(&bad, &bytes[..bytes.len() / 2]).unwrap();
        let got = ids(&[bad]);
        assert!(got.last().unwrap().starts_with("ERR"), "{got:?}");
        assert!(got.len() < 100);
    }

    #[test]
    fn explicit_files_are_read_whatever_their_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("article.html");
        fs::write(&file, "Up 5%.").unwrap();
        assert_eq!(ids(&[file]), ["article"]);
    }
}
