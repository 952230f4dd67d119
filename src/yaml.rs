//! All YAML parsing goes through this module, so the YAML crate can be swapped in one place.

use serde::de::DeserializeOwned;
use std::collections::HashMap;

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
    check_limits(text)?;
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

/// The size limit and the flow-nesting pre-scan, before any parsing.
fn check_limits(text: &str) -> Result<(), YamlError> {
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
    Ok(())
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

/// A place in a YAML text: 1-based line and column (the column in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub line: u32,
    pub column: u32,
}

impl Mark {
    fn of(sys: unsafe_libyaml::yaml_mark_t) -> Mark {
        let clamp = |n: u64| u32::try_from(n.saturating_add(1)).unwrap_or(u32::MAX);
        Mark {
            line: clamp(sys.line),
            column: clamp(sys.column),
        }
    }
}

/// A YAML node with the place where it starts: what [`parse_untrusted`] gives, so that a
/// schema can be checked by hand, every error found in one pass and placed at its node,
/// whatever the layout (block or flow).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub mark: Mark,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar as written (quotes and escapes resolved). `plain` when unquoted: only then
    /// can it be a number, a boolean or null (`~`, `null`, nothing).
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    /// Keys in the order written, repeats included (the schema decides what a repeat means).
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The scalar's text, if it is a scalar.
    pub fn scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A plain `~`, `null` or empty scalar (YAML's null, as serde_yaml reads it).
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    fn count(&self) -> usize {
        match &self.value {
            Value::Scalar { .. } => 1,
            Value::Seq(items) => 1 + items.iter().map(Node::count).sum::<usize>(),
            Value::Map(pairs) => {
                1 + pairs
                    .iter()
                    .map(|(k, v)| k.count() + v.count())
                    .sum::<usize>()
            }
        }
    }
}

/// Parses one YAML document into a [`Node`] tree, with the limits of [`from_untrusted_str`]:
/// at most [`MAX_BYTES`], [`MAX_DEPTH`] levels, and aliases that expand to at most 100 nodes
/// for each event read (as serde_yaml allows). Built while the events stream in, so the text
/// is never held twice. An empty text is a null scalar at 1:1.
pub fn parse_untrusted(text: &str) -> Result<Node, YamlError> {
    check_limits(text)?;
    let error = |mark: Mark, message: String| YamlError {
        line: mark.line as usize,
        column: mark.column as usize,
        message,
    };
    let mut parser = events::Parser::new(text);
    use events::Collection;
    // Open collections: the node being built, its anchor, a map's key awaiting its value, and
    // the depth of its deepest child so far.
    let mut stack: Vec<(Node, Option<String>, Option<Node>, usize)> = Vec::new();
    // Anchored nodes with their size (nodes) and depth: an alias copies its node, so both
    // are bounded here, and no tree is deeper than MAX_DEPTH (dropping one recurses).
    let mut anchors: HashMap<String, (Node, usize, usize)> = HashMap::new();
    let mut root: Option<Node> = None;
    let (mut events, mut expanded) = (0usize, 0usize);
    loop {
        let (event, mark) = parser.next()?;
        events += 1;
        let (node, depth) = match event {
            events::Event::StreamEnd => break,
            events::Event::DocumentStart if root.is_some() => {
                return Err(error(
                    mark,
                    "more than one document in the file (a second `---`?)".to_string(),
                ))
            }
            events::Event::StreamStart
            | events::Event::DocumentStart
            | events::Event::DocumentEnd => continue,
            events::Event::Start(anchor, name) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(
                        mark,
                        format!("nesting is too deep (more than {MAX_DEPTH} levels)"),
                    ));
                }
                let value = match anchor {
                    Collection::Seq => Value::Seq(Vec::new()),
                    Collection::Map => Value::Map(Vec::new()),
                };
                stack.push((Node { mark, value }, name, None, 0));
                continue;
            }
            events::Event::End => {
                let Some((node, anchor, _, deepest)) = stack.pop() else {
                    continue;
                };
                if let Some(name) = anchor {
                    let size = node.count();
                    anchors.insert(name, (node.clone(), size, deepest + 1));
                }
                (node, deepest + 1)
            }
            events::Event::Scalar {
                anchor,
                text,
                plain,
            } => {
                let node = Node {
                    mark,
                    value: Value::Scalar { text, plain },
                };
                if let Some(name) = anchor {
                    anchors.insert(name, (node.clone(), 1, 1));
                }
                (node, 1)
            }
            events::Event::Alias(name) => {
                let Some((node, size, depth)) = anchors.get(&name) else {
                    return Err(error(mark, format!("unknown anchor `{name}`")));
                };
                if stack.len() + depth > MAX_DEPTH + 1 {
                    return Err(error(
                        mark,
                        format!("nesting is too deep (more than {MAX_DEPTH} levels)"),
                    ));
                }
                expanded = expanded.saturating_add(*size);
                if expanded > events.saturating_mul(100) {
                    return Err(error(
                        mark,
                        "aliases expand to too much data (an alias bomb?)".to_string(),
                    ));
                }
                (node.clone(), *depth)
            }
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some((parent, _, key, deepest)) => match &mut parent.value {
                Value::Seq(items) => {
                    *deepest = (*deepest).max(depth);
                    items.push(node)
                }
                Value::Map(pairs) => {
                    *deepest = (*deepest).max(depth);
                    match key.take() {
                        None => *key = Some(node),
                        Some(k) => pairs.push((k, node)),
                    }
                }
                Value::Scalar { .. } => unreachable!("only collections are pushed"),
            },
        }
    }
    Ok(root.unwrap_or(Node {
        mark: Mark { line: 1, column: 1 },
        value: Value::Scalar {
            text: String::new(),
            plain: true,
        },
    }))
}

/// libyaml's event parser (the one serde_yaml runs, through the same crate), wrapped so that
/// the rest of this module is safe code: the same syntax, the same error messages.
mod events {
    use super::{Mark, YamlError};
    use std::mem::MaybeUninit;
    use unsafe_libyaml as unsafe_sys;

    pub enum Event {
        StreamStart,
        StreamEnd,
        DocumentStart,
        DocumentEnd,
        Alias(String),
        Scalar {
            anchor: Option<String>,
            text: String,
            plain: bool,
        },
        /// A sequence or mapping opens, with its anchor.
        Start(Collection, Option<String>),
        /// The innermost open one closes.
        End,
    }

    pub enum Collection {
        Seq,
        Map,
    }

    pub struct Parser<'a> {
        // Boxed: libyaml keeps a pointer to the parser itself (its read handler's data), so
        // it must not move once initialised.
        sys: Box<MaybeUninit<unsafe_sys::yaml_parser_t>>,
        _input: &'a [u8],
    }

    impl<'a> Parser<'a> {
        pub fn new(text: &'a str) -> Parser<'a> {
            let mut sys = Box::new(MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
            let input = text.as_bytes();
            // SAFETY: `sys` is a stable heap allocation that libyaml initialises; the input
            // outlives the parser (the lifetime `'a`), and libyaml only reads it.
            unsafe {
                let parser = sys.as_mut_ptr();
                if unsafe_sys::yaml_parser_initialize(parser).fail {
                    panic!("libyaml could not allocate its parser");
                }
                unsafe_sys::yaml_parser_set_encoding(parser, unsafe_sys::YAML_UTF8_ENCODING);
                unsafe_sys::yaml_parser_set_input_string(
                    parser,
                    input.as_ptr(),
                    input.len() as u64,
                );
            }
            Parser { sys, _input: input }
        }

        pub fn next(&mut self) -> Result<(Event, Mark), YamlError> {
            let mut event = MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
            // SAFETY: the parser was initialised in `new`; the event is read only after
            // libyaml reports success, and deleted before returning.
            unsafe {
                let parser = self.sys.as_mut_ptr();
                if (&*parser).error != unsafe_sys::YAML_NO_ERROR
                    || unsafe_sys::yaml_parser_parse(parser, event.as_mut_ptr()).fail
                {
                    return Err(error(&*parser));
                }
                let event = event.as_mut_ptr();
                let converted = convert(&*event);
                let mark = Mark::of((*event).start_mark);
                unsafe_sys::yaml_event_delete(event);
                Ok((converted, mark))
            }
        }
    }

    impl Drop for Parser<'_> {
        fn drop(&mut self) {
            // SAFETY: initialised in `new`, deleted once.
            unsafe { unsafe_sys::yaml_parser_delete(self.sys.as_mut_ptr()) }
        }
    }

    /// # Safety
    /// `p` must be null or a NUL-terminated string.
    unsafe fn text(p: *const u8) -> Option<String> {
        if p.is_null() {
            return None;
        }
        // SAFETY: as documented.
        let s = unsafe { std::ffi::CStr::from_ptr(p.cast()) };
        Some(s.to_string_lossy().into_owned())
    }

    /// # Safety
    /// `e` must be an event libyaml has just produced.
    unsafe fn convert(e: &unsafe_sys::yaml_event_t) -> Event {
        // SAFETY: each union field is read for its own event type.
        unsafe {
            match e.type_ {
                unsafe_sys::YAML_STREAM_START_EVENT => Event::StreamStart,
                unsafe_sys::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
                unsafe_sys::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
                unsafe_sys::YAML_ALIAS_EVENT => {
                    Event::Alias(text(e.data.alias.anchor).unwrap_or_default())
                }
                unsafe_sys::YAML_SCALAR_EVENT => {
                    let s = e.data.scalar;
                    let bytes: &[u8] = if s.value.is_null() {
                        &[]
                    } else {
                        std::slice::from_raw_parts(s.value, s.length as usize)
                    };
                    Event::Scalar {
                        anchor: text(s.anchor),
                        text: String::from_utf8_lossy(bytes).into_owned(),
                        plain: s.style == unsafe_sys::YAML_PLAIN_SCALAR_STYLE,
                    }
                }
                unsafe_sys::YAML_SEQUENCE_START_EVENT => {
                    Event::Start(Collection::Seq, text(e.data.sequence_start.anchor))
                }
                unsafe_sys::YAML_MAPPING_START_EVENT => {
                    Event::Start(Collection::Map, text(e.data.mapping_start.anchor))
                }
                unsafe_sys::YAML_SEQUENCE_END_EVENT | unsafe_sys::YAML_MAPPING_END_EVENT => {
                    Event::End
                }
                _ => Event::StreamEnd,
            }
        }
    }

    /// libyaml's error as serde_yaml words it ("did not find expected ',' or ']', while
    /// parsing a flow sequence at line 8 column 12"), placed at the problem.
    fn error(p: &unsafe_sys::yaml_parser_t) -> YamlError {
        // SAFETY: libyaml's problem and context are static C strings or null.
        let (problem, context) = unsafe { (text(p.problem.cast()), text(p.context.cast())) };
        let at = Mark::of(p.problem_mark);
        let mut message = problem.unwrap_or_else(|| "libyaml failed without a message".into());
        if let Some(context) = context {
            message.push_str(", ");
            message.push_str(&context);
            let c = Mark::of(p.context_mark);
            if (c.line, c.column) != (1, 1) && c != at {
                message.push_str(&format!(" at line {} column {}", c.line, c.column));
            }
        }
        YamlError {
            line: at.line as usize,
            column: at.column as usize,
            message,
        }
    }
}

/// Line and column lookups in a YAML text, and its top-level keys, for errors placed by byte
/// offset (front matter) and for the source line shown with a problem.
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

    /// The 1-based line `line`, without its terminator.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        Some(self.text[start..end.max(start)].trim_end_matches('\r'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_columns_and_top_keys() {
        let text = "topic: t\nfacts:\n  - id: é\n    value: 1\n";
        let loc = Locator::new(text);
        assert_eq!(loc.top_key("facts"), Some(9));
        assert_eq!(loc.line_col(text.find("value").unwrap()), (4, 5));
        assert_eq!(loc.line_col(text.len()), (5, 1));
        assert_eq!(loc.line(3), Some("  - id: é"));
    }

    /// The (line, column) of every scalar, in document order.
    fn scalar_marks(node: &Node, out: &mut Vec<(String, u32, u32)>) {
        match &node.value {
            Value::Scalar { text, .. } => {
                out.push((text.clone(), node.mark.line, node.mark.column))
            }
            Value::Seq(items) => items.iter().for_each(|n| scalar_marks(n, out)),
            Value::Map(pairs) => pairs.iter().for_each(|(k, v)| {
                scalar_marks(k, out);
                scalar_marks(v, out);
            }),
        }
    }

    #[test]
    fn every_node_has_its_place_in_block_and_flow_layouts() {
        let text =
            "a:\n  - {id: x, value: 46.40, unit: 't'}\n  - é: [1, \"two\"]\nb: &k v\nc: *k\n";
        let root = parse_untrusted(text).unwrap();
        let mut marks = Vec::new();
        scalar_marks(&root, &mut marks);
        let marks: Vec<(&str, u32, u32)> =
            marks.iter().map(|(t, l, c)| (t.as_str(), *l, *c)).collect();
        assert_eq!(
            marks,
            [
                ("a", 1, 1),
                ("id", 2, 6),
                ("x", 2, 10),
                ("value", 2, 13),
                ("46.40", 2, 20),
                ("unit", 2, 27),
                ("t", 2, 33),
                ("é", 3, 5),
                ("1", 3, 9),
                ("two", 3, 12),
                ("b", 4, 1),
                ("v", 4, 4),
                ("c", 5, 1),
                ("v", 4, 4),
            ]
        );
        assert!(matches!(&root.value, Value::Map(p) if p.len() == 3));
        let Value::Map(pairs) = &root.value else {
            unreachable!()
        };
        assert!(matches!(&pairs[0].1.value, Value::Seq(items) if items.len() == 2));
        assert!(parse_untrusted("").unwrap().is_null());
        let e = parse_untrusted("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(
            e.message
                .contains("while parsing a flow sequence at line 1 column 4"),
            "{e:?}"
        );
        assert!(parse_untrusted("a: 1\n---\nb: 2\n").is_err());
        // Aliases cannot nest deeper than MAX_DEPTH either: each level below copies the last.
        let mut chain = format!("a0: &a0 {}1{}\n", "[".repeat(100), "]".repeat(100));
        for i in 1..5 {
            chain.push_str(&format!(
                "a{i}: &a{i} {}*a{}{}\n",
                "[".repeat(100),
                i - 1,
                "]".repeat(100)
            ));
        }
        let e = parse_untrusted(&chain).unwrap_err();
        assert!(e.message.contains("too deep"), "{e:?}");
        assert_eq!((e.line, e.column), (2, 109)); // `*a0`
        assert!(parse_untrusted("a: *nope\n")
            .unwrap_err()
            .message
            .contains("unknown anchor"));
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
