//! A streaming line reader for JSON Lines archives: constant memory, one line at a time,
//! with a cap on the length of a single line and I/O errors reported as items.

use super::InputError;
use std::io::{BufRead, ErrorKind};

/// Lines longer than this are reported as errors and skipped (64 MiB).
pub const MAX_LINE: usize = 64 << 20;

/// Yields `(line_no, line)` for every line of a reader, `line_no` 1-based.
///
/// - Each line is a fresh `Vec<u8>` without its `\n` or `\r\n`, so it can be handed to
///   another thread; nothing beyond the current line is ever held in memory.
/// - Blank lines are yielded too (as empty or whitespace-only vectors) so that line numbers
///   stay exact; callers reading records skip them with [`super::record::is_blank`].
/// - A line longer than the cap yields an `Err` for that line; the reader skips to the next
///   newline without buffering the rest, and iteration goes on.
/// - An I/O error (including a corrupt gzip stream) yields one `Err`, then iteration ends.
/// - A final line without a trailing newline is yielded; a trailing newline does not add an
///   empty line.
pub struct Lines<R> {
    reader: R,
    path: String,
    line_no: usize,
    max_line: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Reads lines from `reader`; `path` names it in errors.
    pub fn new(reader: R, path: impl Into<String>) -> Self {
        Lines {
            reader,
            path: path.into(),
            line_no: 0,
            max_line: MAX_LINE,
            done: false,
        }
    }

    /// Changes the longest line accepted (in bytes, without the line ending).
    pub fn with_max_line(mut self, max_line: usize) -> Self {
        self.max_line = max_line;
        self
    }

    /// The number of the last line yielded (0 before the first).
    pub fn line_no(&self) -> usize {
        self.line_no
    }

    /// The path that names this reader in errors.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = (usize, Result<Vec<u8>, InputError>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        let mut seen_any = false;
        let mut too_long = false;
        // Bytes of this line read so far, kept when the line is dropped for being too long.
        let mut length = 0usize;
        loop {
            let (used, found_newline) = match self.reader.fill_buf() {
                Ok([]) => {
                    self.done = true;
                    if !seen_any {
                        return None;
                    }
                    break;
                }
                Ok(available) => {
                    let (chunk, used, found) = match memchr::memchr(b'\n', available) {
                        Some(i) => (&available[..i], i + 1, true),
                        None => (available, available.len(), false),
                    };
                    length = length.saturating_add(chunk.len());
                    if !too_long {
                        if length > self.max_line {
                            too_long = true;
                            line = Vec::new();
                        } else {
                            line.extend_from_slice(chunk);
                        }
                    }
                    (used, found)
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    self.line_no += 1;
                    let error =
                        InputError::new(&self.path, self.line_no, 1, format!("read error: {e}"));
                    return Some((self.line_no, Err(error)));
                }
            };
            seen_any = true;
            self.reader.consume(used);
            if found_newline {
                break;
            }
        }
        self.line_no += 1;
        if too_long {
            let error = InputError::new(
                &self.path,
                self.line_no,
                1,
                format!(
                    "line is {length} bytes long, over the limit of {} bytes; skipped",
                    self.max_line
                ),
            );
            return Some((self.line_no, Err(error)));
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Some((self.line_no, Ok(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Read};

    fn collect(input: &[u8]) -> Vec<(usize, Result<Vec<u8>, InputError>)> {
        Lines::new(input, "t.jsonl").collect()
    }

    #[test]
    fn strips_line_endings_and_numbers_lines() {
        let got = collect(b"a\r\nb\n\nc");
        let lines: Vec<_> = got
            .iter()
            .map(|(n, l)| (*n, l.as_ref().unwrap().as_slice()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, &b"a"[..]),
                (2, &b"b"[..]),
                (3, &b""[..]),
                (4, &b"c"[..])
            ]
        );
        assert_eq!(collect(b"a\n").len(), 1);
        assert!(collect(b"").is_empty());
    }

    #[test]
    fn overlong_line_is_an_error_and_reading_goes_on() {
        // A tiny buffer makes the long line arrive in many chunks.
        let input = b"short\nthis line is far too long\nnext\n";
        let reader = BufReader::with_capacity(4, &input[..]);
        let got: Vec<_> = Lines::new(reader, "t.jsonl").with_max_line(10).collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].1.as_ref().unwrap(), b"short");
        let e = got[1].1.as_ref().unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(
            e.to_string()
                .starts_with("t.jsonl:2:1: line is 25 bytes long"),
            "{e}"
        );
        assert_eq!(got[2], (3, Ok(b"next".to_vec())));
    }

    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }

    #[test]
    fn io_error_is_reported_once_and_stops() {
        let reader = BufReader::new((&b"one\ntw"[..]).chain(Failing));
        let got: Vec<_> = Lines::new(reader, "x.jsonl").collect();
        assert_eq!(got.len(), 2);
        let e = got[1].1.as_ref().unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("disk on fire"));
    }
}
