//! The report of an input that could not be read or checked: one object for `check` and
//! `audit` alike, built only here, so the same bad file or archive line gives the same `id`,
//! `source`, `line` and `error` whichever command met it.

use crate::report::ArticleReport;
use crate::source::file::file_id;
use crate::source::{InputError, STDIN};
use std::path::Path;

/// The report of an input that could not be read. `line` is where the error is, when known
/// (an archive's line, or a line of a file's front matter); `error` names the file, line and
/// column itself.
pub fn report(e: &InputError) -> ArticleReport {
    let line = (e.line > 0).then_some(e.line);
    let id = e.id.clone().unwrap_or_else(|| default_id(&e.path, line));
    ArticleReport::failed(id, e.path.clone(), line, e.to_string())
}

/// The error of a folder given as input in which no article or archive was found: a run
/// pointed at the wrong folder must not pass as clean.
pub fn no_articles(dir: &Path) -> InputError {
    InputError::path(
        crate::source::display_path(dir),
        "no articles found (no .md, .markdown, .txt, .jsonl or .ndjson files in this folder)",
    )
}

/// The report of an input whose checking failed inside claimcheck (a panic): a bug, reported
/// like an unreadable input so that the run goes on. `id` is the article's when it was read.
pub fn internal_error(
    id: Option<String>,
    source: &str,
    line: Option<usize>,
    what: &str,
) -> ArticleReport {
    let shown = match line {
        Some(line) => format!("{source}:{line}"),
        None => source.to_string(),
    };
    let id = id.unwrap_or_else(|| default_id(source, line));
    let error = format!("{shown}: internal error: {what}");
    ArticleReport::failed(id, source.to_string(), line, error)
}

/// The id of an input whose own id could not be read: `path:line` for a line of an archive,
/// the id a readable file would have had (its stem) otherwise.
fn default_id(source: &str, line: Option<usize>) -> String {
    match line {
        Some(line) if is_archive(source) => format!("{source}:{line}"),
        _ => file_id(Path::new(source)),
    }
}

/// Whether `source` is read as JSON Lines: stdin, or any file not named as an article
/// (`.md`, `.markdown`, `.txt`), as `audit` reads a file given on the command line.
fn is_archive(source: &str) -> bool {
    let name = source.to_ascii_lowercase();
    source == STDIN
        || !(name.ends_with(".md") || name.ends_with(".markdown") || name.ends_with(".txt"))
}

/// The message of a panic payload.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_lines_are_named_by_file_and_line() {
        let r = report(&InputError::new("archive.jsonl", 12, 3, "expected `,`"));
        assert_eq!((r.id.as_str(), r.line), ("archive.jsonl:12", Some(12)));
        assert_eq!(r.error.as_deref(), Some("archive.jsonl:12:3: expected `,`"));
        let r = report(&InputError::new("x.jsonl", 4, 1, "no body").with_id(Some("rec-4".into())));
        assert_eq!((r.id.as_str(), r.line), ("rec-4", Some(4)));
        let r = report(&InputError::new(STDIN, 2, 1, "bad"));
        assert_eq!(r.id, "<stdin>:2");
    }

    #[test]
    fn files_keep_the_id_a_readable_file_would_have() {
        let r = report(&InputError::new("articles/a.md", 2, 1, "bad front matter"));
        assert_eq!((r.id.as_str(), r.line), ("a", Some(2)));
        let r = report(&InputError::path("gone.jsonl.gz", "cannot open: not found"));
        assert_eq!((r.id.as_str(), r.line), ("gone", None));
        assert_eq!(r.source, "gone.jsonl.gz");
    }

    #[test]
    fn internal_errors_say_where() {
        let r = internal_error(None, "a.jsonl", Some(3), "boom");
        assert_eq!(r.id, "a.jsonl:3");
        assert_eq!(r.error.as_deref(), Some("a.jsonl:3: internal error: boom"));
        let r = internal_error(Some("x".into()), "x.md", None, "boom");
        assert_eq!(
            (r.id.as_str(), r.error.as_deref()),
            ("x", Some("x.md: internal error: boom"))
        );
        assert_eq!(panic_message(&"p"), "p");
    }
}
