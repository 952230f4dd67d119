//! Markdown and text articles: one file, optional YAML front matter, one document.

use super::{display_path, io_message, open, InputError};
use crate::document::Document;
use crate::span::Span;
use std::io::Read;
use std::path::Path;

/// Article files larger than this are refused (an article is kilobytes; this is a mistake).
pub const MAX_FILE: u64 = 256 << 20;

/// Reads one article file (Markdown or plain text, gzip-compressed or not).
///
/// The document's `text` is the whole file, front matter included; `body` is the span after
/// the front matter; `id` is the file stem (`articles/x.md` → `x`); `source` is the path as
/// given; `field` is `"text"`. Errors name the file, line and column: unreadable file, invalid
/// UTF-8, binary data, broken front matter. An empty file, or front matter with no text after
/// it, is an article with no text (a draft not yet written), not an error.
pub fn read_file(path: &Path) -> Result<Document, InputError> {
    let shown = display_path(path);
    let bytes = read_article(open(path)?, &shown)?;
    document_from_bytes(&shown, &file_id(path), bytes)
}

/// Reads a whole article from `reader` (a file, or stdin shown as `shown`): more than
/// [`MAX_FILE`] bytes is an error, never a silently shortened article.
pub fn read_article(reader: impl Read, shown: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::path(shown, format!("read error: {}", io_message(&e))))?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(InputError::path(
            shown,
            format!("larger than {} MiB; not an article", MAX_FILE >> 20),
        ));
    }
    Ok(bytes)
}

/// The document id of a file: its name without the article extensions.
pub fn file_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| display_path(path));
    let mut id = name.as_str();
    if let Some(stem) = id.strip_suffix(".gz") {
        id = stem;
    }
    if let Some(dot) = id.rfind('.').filter(|&i| i > 0) {
        id = &id[..dot];
    }
    id.to_string()
}

/// Builds a document from the bytes of one text article read from `source`.
pub fn document_from_bytes(source: &str, id: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
    let error = |offset: usize, message: &str, bytes: &[u8]| {
        let (line, column) = byte_line_col(bytes, offset);
        InputError::new(source, line, column, message)
    };
    // A NUL near the start means a binary file: say so rather than "invalid UTF-8".
    let nul = memchr::memchr(0, &bytes);
    if let Some(at) = nul.filter(|&at| at < 8192) {
        return Err(error(
            at,
            "binary data (a NUL byte); not a text article",
            &bytes,
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let message = format!("invalid UTF-8 (byte 0x{:02x})", bytes[at]);
            return Err(error(at, &message, bytes));
        }
    };
    if let Some(at) = nul {
        return Err(error(
            at,
            "binary data (a NUL byte); not a text article",
            text.as_bytes(),
        ));
    }
    // An empty draft, or front matter with no text yet, is an article with no claims: it
    // must not make a run fail as unreadable input would.
    let front = crate::frontmatter::parse(&text)
        .map_err(|e| InputError::new(source, e.line, e.column, e.message))?;
    let body = Span::new(front.body_start, text.len());
    let lang = front.lang.unwrap_or_else(crate::lang::default_language);
    let mut document = Document::in_language(id.to_string(), source.to_string(), text, body, lang);
    document.title = front.title;
    document.date = front.date;
    document.meta = front.meta;
    let hidden = crate::markdown::hidden_spans(&document.text, body);
    document.set_hidden(hidden);
    document.warnings.extend(
        front
            .date_warning
            .map(|w| InputError::new(source, w.line, w.column, w.message).to_string()),
    );
    Ok(document)
}

/// 1-based line and column (in characters, counting each byte that does not continue a UTF-8
/// sequence) of `offset` in bytes that need not be valid UTF-8.
fn byte_line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn read_err(name: &str, bytes: &[u8]) -> InputError {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, name, bytes);
        let e = read_file(&path).unwrap_err();
        assert_eq!(e.path, path.to_string_lossy());
        e
    }

    #[test]
    fn reads_an_article_with_front_matter() {
        let dir = tempfile::tempdir().unwrap();
        let text = "---\ntitle: Magnets\ndate: 2025-07-21\nurl: https://example.com\n---\nChina exported 3188 tons in June. That is up 157.5% from May.\n";
        let path = write(&dir, "rare-earth.md", text.as_bytes());
        let d = read_file(&path).unwrap();
        assert_eq!(d.id, "rare-earth");
        assert_eq!(d.source, path.to_string_lossy());
        assert_eq!(d.field, "text");
        assert_eq!(d.text, text);
        assert_eq!(
            d.body_text(),
            "China exported 3188 tons in June. That is up 157.5% from May.\n"
        );
        assert_eq!(d.title.as_deref(), Some("Magnets"));
        assert_eq!(d.date.unwrap().to_string(), "2025-07-21");
        assert_eq!(d.meta["url"], "https://example.com");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.line_col(d.sentences[0].start), (6, 1));
    }

    #[test]
    fn reads_the_seed_article_without_front_matter() {
        let seed = Path::new("/work/shared/seed/rare-earth-magnets-2025-07.txt");
        if !seed.exists() {
            return;
        }
        let d = read_file(seed).unwrap();
        assert_eq!(d.id, "rare-earth-magnets-2025-07");
        assert_eq!(d.body, Span::new(0, d.text.len()));
        assert!(d.sentences.len() > 10);
    }

    #[test]
    fn invalid_utf8_names_line_and_column_of_the_first_bad_byte() {
        let e = read_err("a.txt", b"First line.\nPrice: \xc2\xa3 5 \xe9t\xe9\n");
        assert_eq!(
            e.to_string(),
            format!("{}:2:12: invalid UTF-8 (byte 0xe9)", e.path)
        );
    }

    #[test]
    fn binary_data_is_named() {
        let e = read_err("a.md", b"ab\ncd\0ef");
        assert_eq!((e.line, e.column), (2, 3));
        assert!(e.message.contains("binary"), "{e}");
        // Random bytes: an error, never a panic.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        let e = read_err("random.txt", &random);
        assert!(e.line >= 1 && e.column >= 1, "{e}");
    }

    #[test]
    fn empty_drafts_are_articles_without_text() {
        for bytes in [&b""[..], b"  \n\t\n", b"---\ntitle: x\n---\n\n"] {
            let dir = tempfile::tempdir().unwrap();
            let doc = read_file(&write(&dir, "draft.md", bytes)).unwrap();
            assert_eq!(doc.id, "draft");
            assert!(doc.body.slice(&doc.text).trim().is_empty());
        }
    }

    #[test]
    fn front_matter_errors_are_positioned_in_the_file() {
        let e = read_err("a.md", b"---\ntitle: x\nBody.\n");
        assert_eq!((e.line, e.column), (1, 1), "{e}");
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn an_unreadable_date_is_a_positioned_warning_not_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, "a.md", b"---\ntitle: x\ndate: tomorrow\n---\nBody.\n");
        let d = read_file(&path).unwrap();
        assert_eq!(d.date, None);
        assert_eq!(d.warnings.len(), 1);
        let expected = format!("{}:3:7: `date` is not a date", path.display());
        assert!(d.warnings[0].starts_with(&expected), "{:?}", d.warnings);
        let digits = "1".repeat(5000);
        let path = write(
            &dir,
            "b.md",
            format!("---\ndate: {digits}\n---\nBody.\n").as_bytes(),
        );
        let d = read_file(&path).unwrap();
        assert!(d.warnings[0].contains(":2:7: "), "{:?}", d.warnings);
    }

    #[test]
    fn missing_file_is_named() {
        let e = read_file(Path::new("/nonexistent/x.md")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "/nonexistent/x.md: cannot open: No such file or directory"
        );
    }

    #[test]
    fn ids_drop_article_extensions() {
        assert_eq!(file_id(Path::new("a/b/x.md")), "x");
        assert_eq!(file_id(Path::new("x.md.gz")), "x");
        assert_eq!(file_id(Path::new(".hidden")), ".hidden");
        assert_eq!(file_id(Path::new("README")), "README");
    }

    #[test]
    fn random_articles_and_records_never_panic() {
        const PIECES: &[&[u8]] = &[
            b"---\n",
            b"...\n",
            b"title: ",
            b"date: ",
            b"1e999",
            b"2025-07-21",
            b"\n",
            b"[",
            b"]",
            b"{",
            b"}",
            b"\"",
            b"body",
            b":",
            b",",
            b"\xff",
            b"\xc3",
            b"\xa9",
            b"\0",
            b"  ",
            b"&a",
            b"*a",
            b"!tag",
            b"99999999999999999999999",
            b"\r\n",
            b"Exports rose 5%. ",
            b"\t",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut bytes = Vec::new();
            for _ in 0..(state % 30) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                bytes.extend_from_slice(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            if let Err(e) = document_from_bytes("r.md", "r", bytes.clone()) {
                assert!(e.line >= 1 && e.column >= 1, "{e}");
            }
            if let Err(e) = super::super::record::parse("r.jsonl", 1, &bytes) {
                assert!(e.line == 1 && e.column >= 1, "{e}");
            }
        }
    }
}
