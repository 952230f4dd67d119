//! Sources: files, directories, JSON Lines archives (plain or gzip) and stdin, read into
//! documents; unreadable input becomes an error that names its file, line and column.

mod exclude;
mod fields;
pub mod file;
pub mod lines;
pub mod record;
mod walk;

pub use exclude::Exclude;
pub use file::{document_from_bytes, read_file};
pub use record::records;
pub use walk::{inputs, inputs_excluding, Inputs};

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Buffer size for reading files and archives.
const BUF_SIZE: usize = 256 * 1024;

/// Input that could not be read: a file, a record or a line, with its 1-based position.
///
/// `line == 0` means the error concerns the whole path (it does not exist, cannot be opened,
/// is a directory); it then displays as `path: message` instead of `path:line:column: message`.
/// `column` counts characters, like every column in claimcheck's output.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The record's `id`, when the record was readable far enough to have one.
    pub id: Option<String>,
}

impl InputError {
    pub fn new(
        path: impl Into<String>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        InputError {
            path: path.into(),
            line,
            column,
            message: message.into(),
            id: None,
        }
    }

    /// An error about a whole path (no line or column).
    pub fn path(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError::new(path, 0, 0, message)
    }

    pub fn with_id(mut self, id: Option<String>) -> Self {
        self.id = id;
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path, self.line, self.column, self.message
            )
        }
    }
}

/// How a path is shown to users: as given, `<stdin>` for `-`.
pub fn display_path(path: &Path) -> String {
    if path.as_os_str() == "-" {
        STDIN.to_string()
    } else {
        path.to_string_lossy().into_owned()
    }
}

/// The name of standard input in documents and errors.
pub const STDIN: &str = "<stdin>";

/// Opens a file for buffered reading, or stdin for `-`; a gzip stream (magic bytes `1f 8b`,
/// whatever the file is called) is decompressed transparently, members concatenated.
pub fn open(path: &Path) -> Result<Box<dyn BufRead + Send>, InputError> {
    let shown = display_path(path);
    if path.as_os_str() == "-" {
        return wrap(BufReader::with_capacity(BUF_SIZE, io::stdin()), &shown);
    }
    let file = std::fs::File::open(path)
        .map_err(|e| InputError::path(&shown, format!("cannot open: {}", io_message(&e))))?;
    match file.metadata() {
        Ok(m) if m.is_dir() => return Err(InputError::path(&shown, "is a directory")),
        _ => {}
    }
    wrap(BufReader::with_capacity(BUF_SIZE, file), &shown)
}

/// Peeks at the first two bytes and decompresses a gzip stream.
fn wrap<R: BufRead + Send + 'static>(
    mut reader: R,
    shown: &str,
) -> Result<Box<dyn BufRead + Send>, InputError> {
    let mut head = [0u8; 2];
    let mut got = 0;
    while got < head.len() {
        match reader.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(InputError::new(
                    shown,
                    1,
                    1,
                    format!("read error: {}", io_message(&e)),
                ))
            }
        }
    }
    let whole = io::Cursor::new(head[..got].to_vec()).chain(reader);
    if got == 2 && head == [0x1f, 0x8b] {
        let decoder = flate2::read::MultiGzDecoder::new(whole);
        Ok(Box::new(BufReader::with_capacity(BUF_SIZE, decoder)))
    } else {
        Ok(Box::new(whole))
    }
}

/// An I/O error's message without the "(os error 2)" suffix.
pub(crate) fn io_message(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn open_reads_plain_and_gzip_files_alike() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("a.jsonl");
        std::fs::write(&plain, b"{\"body\": \"x\"}\n").unwrap();
        let zipped = dir.path().join("b.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"body\": \"x\"}\n").unwrap();
        let mut bytes = enc.finish().unwrap();
        // A second gzip member is read too.
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"{\"body\": \"y\"}\n").unwrap();
        bytes.extend(enc.finish().unwrap());
        std::fs::write(&zipped, bytes).unwrap();

        let mut s = String::new();
        open(&plain).unwrap().read_to_string(&mut s).unwrap();
        assert_eq!(s, "{\"body\": \"x\"}\n");
        let mut s = String::new();
        open(&zipped).unwrap().read_to_string(&mut s).unwrap();
        assert_eq!(s, "{\"body\": \"x\"}\n{\"body\": \"y\"}\n");

        // Tiny files (0 or 1 byte) are not mistaken for gzip.
        let one = dir.path().join("one.txt");
        std::fs::write(&one, b"\x1f").unwrap();
        let mut v = Vec::new();
        open(&one).unwrap().read_to_end(&mut v).unwrap();
        assert_eq!(v, b"\x1f");
    }

    #[test]
    fn open_names_missing_paths_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.jsonl");
        let e = open(&missing).err().unwrap();
        assert_eq!(e.line, 0);
        assert!(
            e.to_string()
                .ends_with("nope.jsonl: cannot open: No such file or directory"),
            "{e}"
        );
        let e = open(dir.path()).err().unwrap();
        assert!(e.to_string().ends_with(": is a directory"), "{e}");
    }

    #[test]
    fn displays_as_path_line_column() {
        let e = InputError::new("a.jsonl", 3, 7, "bad");
        assert_eq!(e.to_string(), "a.jsonl:3:7: bad");
    }
}
