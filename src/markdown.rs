//! The parts of a Markdown article that are not prose for its readers: HTML comments
//! (`<!-- ... -->`, often an editor's notes or an old draft of a figure) and fenced code
//! blocks (```` ``` ```` or `~~~`). Numbers in them are not claims.

use crate::span::Span;

/// Byte spans of `text[body]` hidden from readers, in order and not overlapping. An unclosed
/// comment or fence runs to the end of the body, as a Markdown renderer shows it.
pub fn hidden_spans(text: &str, body: Span) -> Vec<Span> {
    let end = body.end.min(text.len());
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = body.start.min(end);
    let mut line_start = true;
    while at < end {
        if line_start {
            if let Some((fence, len)) = fence_at(bytes, at, end) {
                let close = closing_fence(bytes, next_line(bytes, at, end), end, fence, len);
                out.push(Span::new(at, close));
                at = close;
                continue;
            }
        }
        if bytes[at..end].starts_with(b"<!--") {
            let close =
                memchr::memmem::find(&bytes[at + 4..end], b"-->").map_or(end, |i| at + 4 + i + 3);
            out.push(Span::new(at, close));
            line_start = false;
            at = close;
            continue;
        }
        line_start = bytes[at] == b'\n';
        at += 1;
    }
    out
}

/// An opening fence at the line starting at `at`: up to three spaces, then three or more
/// backticks or tildes. Its character and length.
fn fence_at(bytes: &[u8], at: usize, end: usize) -> Option<(u8, usize)> {
    let indent = bytes[at..end]
        .iter()
        .take(4)
        .take_while(|&&b| b == b' ')
        .count();
    if indent > 3 {
        return None;
    }
    let start = at + indent;
    let c = *bytes.get(start).filter(|_| start < end)?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let len = bytes[start..end].iter().take_while(|&&b| b == c).count();
    (len >= 3).then_some((c, len))
}

/// The offset just past the line that closes a fence of `len` `c`s, searching lines from
/// `from`; `end` if none does.
fn closing_fence(bytes: &[u8], mut from: usize, end: usize, c: u8, len: usize) -> usize {
    while from < end {
        let next = next_line(bytes, from, end);
        let line = &bytes[from..next];
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent..];
        let run = rest.iter().take_while(|&&b| b == c).count();
        if indent <= 3 && run >= len && rest[run..].iter().all(|b| b.is_ascii_whitespace()) {
            return next;
        }
        from = next;
    }
    end
}

/// The start of the line after the one containing `at` (or `end`).
fn next_line(bytes: &[u8], at: usize, end: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..end]).map_or(end, |i| at + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(text: &str) -> Vec<&str> {
        hidden_spans(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn comments_and_fences_are_hidden() {
        let text = "Sales rose 5%.\n<!-- was 7% -->\nProfit fell.\n```\nx = 42\n```\nEnd 3.\n";
        assert_eq!(hidden(text), ["<!-- was 7% -->", "```\nx = 42\n```\n"]);
    }

    #[test]
    fn unclosed_comment_and_fence_run_to_the_end() {
        assert_eq!(hidden("A 5%.\n<!-- note 7%"), ["<!-- note 7%"]);
        assert_eq!(hidden("A 5%.\n~~~~\n7%\n~~~\n8%"), ["~~~~\n7%\n~~~\n8%"]);
    }

    #[test]
    fn inline_backticks_and_indented_fences_are_prose() {
        assert!(hidden("Use ``` inline, 5%.\n").is_empty());
        assert!(hidden("    ```\n5%\n").is_empty());
        assert_eq!(hidden("  ```rust\n5\n  ```\n"), ["  ```rust\n5\n  ```\n"]);
    }

    #[test]
    fn only_the_body_is_searched() {
        let text = "<!-- front -->\nBody <!-- c --> 5%.";
        assert_eq!(
            hidden_spans(text, Span::new(15, text.len()))
                .iter()
                .map(|s| s.slice(text))
                .collect::<Vec<_>>(),
            ["<!-- c -->"]
        );
    }
}
