//! All YAML parsing goes through this module, so the YAML crate can be swapped in one place.

use serde::de::DeserializeOwned;

/// A YAML error with its 1-based position in the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Deserialises `text` into `T`, with the position of any error.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        YamlError {
            line,
            column,
            message: e.to_string(),
        }
    })
}

/// Registry files larger than this are refused before parsing: no real registry comes close,
/// and a huge file is more likely a mistake or an attack than data.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// Like [`from_str`], for untrusted files: refuses texts over [`MAX_BYTES`], and keeps the
/// message free of the position (which the error carries separately) so that callers can put
/// the position first, rustc-style. serde_yaml itself bounds nesting (depth 128) and alias
/// expansion (100 × the number of events), so neither deep nesting nor "billion laughs"
/// can hang or crash the parse; those errors are reworded here so a maintainer knows why.
pub fn from_untrusted_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    if text.len() > MAX_BYTES {
        return Err(YamlError {
            line: 1,
            column: 1,
            message: format!(
                "file is {} bytes, over the limit of {} bytes (10 MiB)",
                text.len(),
                MAX_BYTES
            ),
        });
    }
    if let Some(offset) = too_deep_at(text) {
        let line = text[..offset].matches('\n').count() + 1;
        let column = text[..offset]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        return Err(YamlError {
            line,
            column,
            message: format!("nesting is too deep (more than {MAX_DEPTH} levels)"),
        });
    }
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let raw = e.to_string();
        let message = match raw.as_str() {
            m if m.starts_with("recursion limit exceeded") => {
                format!("nesting is too deep (more than {MAX_DEPTH} levels)")
            }
            m if m.starts_with("repetition limit exceeded") => {
                "aliases expand to too much data (an alias bomb?)".to_string()
            }
            _ => strip_position(&raw),
        };
        YamlError {
            line,
            column,
            message,
        }
    })
}

/// Deepest nesting accepted; serde_yaml's own limit is the same.
pub const MAX_DEPTH: usize = 128;

/// The offset where flow collections (`[`, `{`) nest deeper than [`MAX_DEPTH`], if they do.
///
/// libyaml rescans its stack of pending keys at every token, one entry per open flow
/// collection, so deep flow nesting costs quadratic time: 10 MiB of `[` would run for hours
/// before serde_yaml's depth limit is reached. This linear pre-scan refuses it first. Quotes
/// and comments are skipped as YAML reads them (a quote or `#` only opens one at the start of
/// a token), so brackets in strings do not count.
fn too_deep_at(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        let at_token_start = i == 0
            || matches!(
                b[i - 1],
                b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b':'
            );
        match b[i] {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'#' if at_token_start => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                continue;
            }
            b'"' if at_token_start => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'\'' if at_token_start => {
                i += 1;
                while i < b.len() {
                    if b[i] == b'\'' {
                        if b.get(i + 1) == Some(&b'\'') {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Removes the first " at line L column C" / " at position P" from a serde_yaml message.
fn strip_position(message: &str) -> String {
    for marker in [" at line ", " at position "] {
        if let Some(at) = message.find(marker) {
            let rest = &message[at + marker.len()..];
            let mut end = rest.len();
            let mut words = 0;
            for (i, c) in rest.char_indices() {
                if c == ',' || (c == ' ' && marker == " at position ") {
                    end = i;
                    break;
                }
                if c == ' ' {
                    words += 1;
                    if words == 3 {
                        end = i;
                        break;
                    }
                }
            }
            return format!("{}{}", &message[..at], &rest[end..]);
        }
    }
    message.to_string()
}

/// Finds where things are written in a YAML text, for errors that serde_yaml cannot place
/// (it has no spans for values): the n-th item of a top-level block sequence, a key inside
/// it, or a token such as a referenced id. Flow-style layouts fall back to coarser places.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Locator { text, line_starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    fn lines(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.line_starts.iter().map(move |&start| {
            let end = memchr::memchr(b'\n', &self.text.as_bytes()[start..])
                .map_or(self.text.len(), |i| start + i);
            (start, self.text[start..end].trim_end_matches('\r'))
        })
    }

    /// Byte offset of the top-level `key:` line.
    pub fn top_key(&self, key: &str) -> Option<usize> {
        self.lines().find_map(|(start, line)| {
            let rest = line.strip_prefix(key)?;
            rest.trim_start().starts_with(':').then_some(start)
        })
    }

    /// Byte ranges of the items of the top-level block sequence `key`, in one pass; empty
    /// when it is not laid out as a block sequence.
    pub fn items(&self, key: &str) -> Vec<(usize, usize)> {
        let Some(section) = self.top_key(key) else {
            return Vec::new();
        };
        let mut indent = None;
        let mut items = Vec::new();
        let mut start: Option<usize> = None;
        for (offset, line) in self.lines().skip_while(|&(o, _)| o <= section) {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let this_indent = line.len() - trimmed.len();
            let is_item = trimmed == "-" || trimmed.starts_with("- ");
            let item_indent = *indent.get_or_insert(this_indent);
            if this_indent < item_indent || (this_indent == item_indent && !is_item) {
                if let Some(s) = start {
                    items.push((s, offset));
                }
                return items;
            }
            if this_indent == item_indent && is_item {
                if let Some(s) = start {
                    items.push((s, offset));
                }
                start = Some(offset + this_indent);
            }
        }
        if let Some(s) = start {
            items.push((s, self.text.len()));
        }
        items
    }

    /// The 1-based line `line`, without its terminator.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        Some(self.text[start..end.max(start)].trim_end_matches('\r'))
    }

    /// Byte offset of the value of `key:` within `range` (the first occurrence), or of the
    /// key itself when the value is on another line.
    pub fn key_in(&self, range: (usize, usize), key: &str) -> Option<usize> {
        if key.is_empty() {
            return None;
        }
        let hay = &self.text[range.0..range.1];
        let mut from = 0;
        while let Some(i) = hay[from..].find(key) {
            let at = from + i;
            from = at + key.len();
            let before_ok = hay[..at]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '{' | ',' | '-' | '"' | '\''));
            let after = hay[from..].trim_start_matches(['"', '\'']);
            if !before_ok || !after.trim_start_matches(' ').starts_with(':') {
                continue;
            }
            let colon = hay.len() - after.trim_start_matches(' ').len();
            let value = hay[colon + 1..].trim_start_matches(' ');
            if value.is_empty() || value.starts_with(['\n', '\r', '#']) {
                return Some(range.0 + at);
            }
            return Some(range.0 + hay.len() - value.len());
        }
        None
    }

    /// Byte offset of `token` within `range`, not as part of a longer word.
    pub fn token_in(&self, range: (usize, usize), token: &str) -> Option<usize> {
        if token.is_empty() {
            return None;
        }
        let hay = &self.text[range.0..range.1];
        let word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
        let mut from = 0;
        while let Some(i) = hay[from..].find(token) {
            let at = from + i;
            from = at + token.len();
            let before = hay[..at].chars().next_back();
            let after = hay[from..].chars().next();
            // A trailing '.' ends a sentence in a comment, not an id.
            let after_ok = after.is_none_or(|c| {
                !word(c) || (c == '.' && !hay[from + 1..].starts_with(|c: char| word(c)))
            });
            if before.is_none_or(|c| !word(c)) && after_ok {
                return Some(range.0 + at);
            }
        }
        None
    }

    /// The raw scalar written after `key:` within `range`, up to the end of the line or a
    /// comment, without quotes: how a number was written before YAML turned it into a float.
    pub fn scalar_in(&self, range: (usize, usize), key: &str) -> Option<&'a str> {
        let at = self.key_in(range, key)?;
        let rest = &self.text[at..range.1];
        let end = rest.find(['\n', '\r', '#', ',', '}']).unwrap_or(rest.len());
        let raw = rest[..end].trim();
        (!raw.is_empty() && !raw.ends_with(':')).then(|| raw.trim_matches(['"', '\'']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "topic: t\nfacts:\n  - id: a\n    value: 46.40  # May\n\n  - id: b\n    value: 1\nrelations:\n- change: { from: a, to: b }\n  stated: +2%\n- part: b\n  whole: a\n";

    #[test]
    fn finds_items_keys_and_tokens() {
        let loc = Locator::new(TEXT);
        let facts = loc.items("facts");
        let relations = loc.items("relations");
        assert_eq!((facts.len(), relations.len()), (2, 2));
        let fact1 = facts[1];
        assert_eq!(loc.line_col(fact1.0), (6, 3));
        assert_eq!(loc.line_col(loc.key_in(fact1, "id").unwrap()), (6, 9));
        let fact0 = facts[0];
        assert_eq!(loc.scalar_in(fact0, "value"), Some("46.40"));
        let rel0 = relations[0];
        assert_eq!(loc.line_col(loc.token_in(rel0, "b").unwrap()), (9, 26));
        let rel1 = relations[1];
        assert_eq!(loc.line_col(rel1.0), (11, 1));
        assert_eq!(loc.line_col(loc.token_in(rel1, "a").unwrap()), (12, 10));
    }

    #[test]
    fn hostile_yaml_is_an_error_not_a_hang() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = from_untrusted_str::<serde_yaml::Value>(&deep).unwrap_err();
        assert!(e.message.contains("too deep"), "{e}");
        assert_eq!((e.line, e.column), (1, MAX_DEPTH + 1));
        // Block nesting is linear for libyaml; serde_yaml's depth limit stops it.
        let block = "- ".repeat(1000) + "x";
        let e = from_untrusted_str::<serde_yaml::Value>(&block).unwrap_err();
        assert!(e.message.contains("too deep"), "{e}");
        // Brackets inside quotes and comments are text.
        let quoted = format!(
            "a: '{}'\nb: \"{}\" # {}\n",
            "[".repeat(200),
            "{".repeat(200),
            "[".repeat(200)
        );
        assert!(from_untrusted_str::<serde_yaml::Value>(&quoted).is_ok());

        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
            let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
            bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        let e = from_untrusted_str::<serde_yaml::Value>(&bomb).unwrap_err();
        assert!(e.message.contains("alias"), "{e}");

        let huge = "#".repeat(MAX_BYTES + 1);
        assert!(from_untrusted_str::<serde_yaml::Value>(&huge)
            .unwrap_err()
            .message
            .contains("10 MiB"));
    }

    #[test]
    fn syntax_errors_keep_their_position_out_of_the_message() {
        let e = from_untrusted_str::<serde_yaml::Value>("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(!e.message.contains(" at line 2"), "{e:?}");
        assert!(e.line >= 1);
    }
}
