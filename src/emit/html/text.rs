//! The article body on the editor's page, with every claim highlighted (a claim that
//! overlaps the one before is clipped to nest inside it) and an anchor at each finding's
//! place: built as a tree of text, anchors and marks, then written by maud, which escapes
//! the text.

use super::{claim_id, finding_id, reading_id, State};
use crate::document::Document;
use crate::report::ArticleReport;
use maud::{html, Markup, Render};

/// Rounds `at` down to a character boundary of `text`.
fn floor_char(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A claim to highlight: its bytes and what its `<mark>` says.
struct Highlight<'r> {
    start: usize,
    end: usize,
    n: usize,
    claim: usize,
    state: State,
    text: &'r str,
}

impl Highlight<'_> {
    fn mark(&self, inner: &impl Render) -> Markup {
        let st = self.state.as_str();
        html! {
            mark class={ "claim s-" (st) } id=(claim_id(self.n, self.claim))
                data-claim=(self.claim) data-state=(st) tabindex="0" role="button"
                aria-describedby=(reading_id(self.n, self.claim))
                aria-label={ "claim " (self.claim) ", " (self.state.label()) ": " (self.text) } {
                (inner)
            }
        }
    }
}

/// A piece of the highlighted body.
enum Node<'t> {
    Text(&'t str),
    Anchor(String),
    Mark(Highlight<'t>, Vec<Node<'t>>),
}

impl Render for Node<'_> {
    fn render_to(&self, buffer: &mut String) {
        match self {
            Node::Text(text) => text.render_to(buffer),
            Node::Anchor(id) => html! { span.anchor id=(id) {} }.render_to(buffer),
            Node::Mark(h, children) => h.mark(&Nodes(children)).render_to(buffer),
        }
    }
}

/// Nodes one after the other.
struct Nodes<'n, 't>(&'n [Node<'t>]);

impl Render for Nodes<'_, '_> {
    fn render_to(&self, buffer: &mut String) {
        for node in self.0 {
            node.render_to(buffer);
        }
    }
}

/// An open mark: its highlight, its end, and the nodes inside it so far.
type Open<'t> = (Highlight<'t>, usize, Vec<Node<'t>>);

/// Closes the innermost open mark into its parent (or the root).
fn close<'t>(open: &mut Vec<Open<'t>>, root: &mut Vec<Node<'t>>) {
    if let Some((h, _, children)) = open.pop() {
        let node = Node::Mark(h, children);
        match open.last_mut() {
            Some((_, _, parent)) => parent.push(node),
            None => root.push(node),
        }
    }
}

/// `text[from..to]`, split at the finding anchors that fall in it.
fn text_with_anchors<'t>(
    out: &mut Vec<Node<'t>>,
    text: &'t str,
    from: usize,
    to: usize,
    anchors: &mut std::iter::Peekable<std::vec::IntoIter<(usize, String)>>,
) {
    let mut at = from;
    while let Some((pos, _)) = anchors.peek() {
        if *pos >= to {
            break;
        }
        let (pos, id) = anchors.next().unwrap_or_default();
        let pos = pos.max(at);
        out.push(Node::Text(&text[at..pos]));
        out.push(Node::Anchor(id));
        at = pos;
    }
    out.push(Node::Text(&text[at..to.max(at)]));
}

/// The article body of `report` (article `n` of the page) with every claim highlighted.
/// Claims outside the body (in a title) are listed after it.
pub(super) fn article_text(
    doc: &Document,
    n: usize,
    report: &ArticleReport,
    states: &[State],
) -> Markup {
    let text = doc.text.as_str();
    let (b0, b1) = (
        floor_char(text, doc.body.start),
        floor_char(text, doc.body.end),
    );
    // The blank lines around the body are not shown (they would pad the box).
    let b0 = b0 + text[b0..b1.max(b0)].len()
        - text[b0..b1.max(b0)].trim_start_matches(['\n', '\r']).len();
    let b1 = b0 + text[b0..b1.max(b0)].trim_end().len();
    let highlights = report.claims.iter().zip(states).map(|(c, st)| Highlight {
        start: c.span.start,
        end: c.span.end,
        n,
        claim: c.id,
        state: *st,
        text: &c.text,
    });
    let (mut inside, outside): (Vec<Highlight>, Vec<Highlight>) =
        highlights.partition(|h| h.start >= b0 && h.start <= b1);
    inside.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut anchors: Vec<(usize, String)> = report
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                floor_char(text, f.span.start.clamp(b0, b1)),
                finding_id(n, i),
            )
        })
        .collect();
    anchors.sort();
    let mut anchors = anchors.into_iter().peekable();
    // The open marks, innermost last.
    let mut root: Vec<Node> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut at = b0;
    for h in inside {
        let start = floor_char(text, h.start);
        while let Some(end) = open.last().map(|o| o.1) {
            if end > start {
                break;
            }
            let into = open.last_mut().map_or(&mut root, |o| &mut o.2);
            text_with_anchors(into, text, at, end, &mut anchors);
            at = at.max(end);
            close(&mut open, &mut root);
        }
        // An overlapping claim is clipped to nest inside the one before.
        let limit = open.last().map_or(b1, |o| o.1);
        let end = floor_char(text, h.end.min(limit)).max(start);
        let into = open.last_mut().map_or(&mut root, |o| &mut o.2);
        text_with_anchors(into, text, at, start, &mut anchors);
        at = at.max(start);
        open.push((h, end, Vec::new()));
    }
    while let Some(end) = open.last().map(|o| o.1) {
        let into = open.last_mut().map_or(&mut root, |o| &mut o.2);
        text_with_anchors(into, text, at, end, &mut anchors);
        at = at.max(end);
        close(&mut open, &mut root);
    }
    text_with_anchors(&mut root, text, at, b1, &mut anchors);
    root.extend(anchors.map(|(_, id)| Node::Anchor(id)));
    html! {
        div.text { (Nodes(&root)) }
        @if !outside.is_empty() {
            p.outside {
                "Outside the body: "
                @for h in &outside {
                    @let (s, e) = (floor_char(text, h.start), floor_char(text, h.end));
                    (h.mark(&&text[s..e.max(s)])) " "
                }
            }
        }
    }
}
