//! Sentence and paragraph boundaries: abbreviations ("U.S.", "Corp.", "Feb.") and decimals
//! are not sentence ends; a blank line or an indented line starts a new paragraph.
//!
//! The splitter is one left-to-right pass over the bytes with no allocation besides the
//! output, so it runs on every article of an archive at hundreds of MB/s. It knows the layouts
//! of the corpora claimcheck reads:
//!
//! - prose with one paragraph per line and blank lines between paragraphs (BBC, Markdown);
//! - hard-wrapped newswire (Reuters): lines of about 70 columns with a single `\n` inside
//!   sentences, and each new paragraph or table row on a line indented with spaces
//!   (`Shr 43 cts vs 63 cts\n    Net 16,362,000 vs 24,325,000`).
//!
//! A sentence ends at `.`, `?` or `!` (with any closing quotes or brackets) followed by
//! whitespace and then an uppercase letter, a digit, an opening quote or bracket, or the end
//! of the body; or at `。`, `！`, `？`. A period after an abbreviation does not end a sentence:
//! titles and similar ("Mr.", "Dr.", "Sen.", "No.", "vs.", "e.g.") never do, others ("U.S.",
//! "Corp.", "Inc.", "Feb.", "J.") only before a word that typically starts a sentence ("The",
//! "It", "He", ...). A line break ends a sentence when it is a paragraph break (a blank line,
//! or the next line is indented), when the line ends with `:` or a sentence-ending `.`, `?`,
//! `!`, when the line is a heading (`# ...`) or the next is a list item (`- `, `* `, `+ `, `> `,
//! `|`), or when the line is a short table row (`Sales 3.65 billion vs 3.40 billion`) and the
//! next starts with an uppercase letter.

use crate::lang::SentenceWords;
use crate::span::Span;

/// Sentence spans within `body` of `text`, in order, trimmed of surrounding whitespace; never
/// empty. `words` are the abbreviations and sentence starters of the article's language.
pub fn split(text: &str, body: Span, words: &SentenceWords) -> Vec<Span> {
    let end = body.end.min(text.len());
    let start = body.start.min(end);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity((end - start) / 100 + 1);
    let mut sentence = start;
    // Start of the current line (for headings, list numbers and table rows).
    let mut line_start = start;
    let mut i = start;
    while i < end {
        // Sixteen bytes at a time through plain text, straight to the first byte that may be
        // interesting (a non-ASCII byte stands in for the lead bytes of the wide terminals).
        i = crate::swar::any_or_non_ascii_from(&bytes[..end], i, SCANNED);
        if i >= end {
            break;
        }
        let b = bytes[i];
        if !INTERESTING[b as usize] {
            i += 1;
            continue;
        }
        match b {
            b'.' | b'?' | b'!' => {
                if let Some(after) = terminal_end(words, bytes, start, end, line_start, i) {
                    push(&mut out, bytes, sentence, after);
                    sentence = after;
                    i = after;
                } else {
                    i += 1;
                }
            }
            b'\n' => {
                if line_break_ends_sentence(words, bytes, start, end, line_start, i) {
                    push(&mut out, bytes, sentence, i);
                    sentence = i + 1;
                }
                i += 1;
                line_start = i;
            }
            _ => {
                // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F
                let wide = match b {
                    0xE3 => bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]),
                    0xEF => matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x81 | 0x9F])),
                    _ => false,
                };
                if wide {
                    let after = past_closers(bytes, i + 3, end);
                    push(&mut out, bytes, sentence, after);
                    sentence = after;
                    i = after;
                } else {
                    i += 1;
                }
            }
        }
    }
    push(&mut out, bytes, sentence, end);
    out
}

/// The ASCII bytes of [`INTERESTING`], which the main loop scans for.
const SCANNED: [u8; 4] = [b'.', b'\n', b'?', b'!'];

/// Bytes the main loop must look at: terminal punctuation, newlines, and the lead bytes of
/// the full-width terminals ([`crate::swar::any_or_non_ascii_from`] finds these and every
/// other non-ASCII byte).
static INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b'\n' as usize] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// Pushes `[from, to)` trimmed, if anything is left.
fn push(out: &mut Vec<Span>, bytes: &[u8], from: usize, to: usize) {
    let (mut s, mut e) = (from, to);
    while s < e {
        let n = space_len(bytes, s, e);
        if n == 0 {
            break;
        }
        s += n;
    }
    while e > s {
        if bytes[e - 1].is_ascii_whitespace() {
            e -= 1;
        } else if e - s >= 2 && bytes[e - 2] == 0xC2 && bytes[e - 1] == 0xA0 {
            e -= 2;
        } else {
            break;
        }
    }
    if s < e {
        out.push(Span::new(s, e));
    }
}

/// Length of the whitespace character at `at` (ASCII whitespace or a no-break space), or 0.
fn space_len(bytes: &[u8], at: usize, end: usize) -> usize {
    match bytes[at] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 if at + 1 < end && bytes[at + 1] == 0xA0 => 2,
        _ => 0,
    }
}

/// The offset after any closing quotes and brackets from `at` on, at most `end`.
fn past_closers(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at < end {
        let n = closer_len(bytes, at);
        if n == 0 {
            break;
        }
        at += n;
    }
    at.min(end)
}

/// Length of a closing quote or bracket at `at`, or 0: `"` `'` `)` `]` `”` `’` `»`.
fn closer_len(bytes: &[u8], at: usize) -> usize {
    match bytes[at] {
        b'"' | b'\'' | b')' | b']' => 1,
        0xE2 if matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9D | 0x99])) => 3,
        0xC2 if bytes.get(at + 1) == Some(&0xBB) => 2,
        _ => 0,
    }
}

/// Whether the text at `at` opens a quotation or bracket: `"` `'` `(` `[` `“` `‘` `«`.
fn is_opener(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        b'"' | b'\'' | b'(' | b'[' => true,
        0xE2 => matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9C | 0x98])),
        0xC2 => bytes.get(at + 1) == Some(&0xAB),
        _ => false,
    }
}

/// If the terminal punctuation at `i` ends a sentence, the offset just after it (and after any
/// further terminals and closing quotes or brackets).
fn terminal_end(
    words: &SentenceWords,
    bytes: &[u8],
    start: usize,
    end: usize,
    line_start: usize,
    i: usize,
) -> Option<usize> {
    let mut after = i + 1;
    while after < end && matches!(bytes[after], b'.' | b'?' | b'!') {
        after += 1;
    }
    let after = past_closers(bytes, after, end);
    // Whitespace, then what starts the next sentence.
    let mut k = after;
    let mut newline = false;
    while k < end {
        let n = space_len(bytes, k, end);
        if n == 0 {
            break;
        }
        newline |= bytes[k] == b'\n';
        k += n;
    }
    if k == end {
        return Some(after);
    }
    if k == after {
        // "3.5", "U.S.-based", "example.com"; but "data showed Monday.Outbound shipments"
        // (a space lost when a page was copied) ends a sentence.
        let glued = bytes[i] == b'.'
            && glued_sentence_start(bytes, start, i, end)
            && abbreviation(words, bytes, start, line_start, i) == Abbrev::None;
        return glued.then_some(after);
    }
    // A line break after the terminal is decided where the newline is seen.
    if newline {
        return None;
    }
    let lone_period = bytes[i] == b'.' && after == i + 1 || closes_after_period(bytes, i, after);
    let next = Next::at(bytes, k, end);
    if !next.can_start_sentence() {
        return None;
    }
    if lone_period {
        match abbreviation(words, bytes, start, line_start, i) {
            Abbrev::None => {}
            Abbrev::Never => return None,
            Abbrev::BeforeStarter => {
                if !(next.is_starter_word(words) || next.is_opener) {
                    return None;
                }
            }
            Abbrev::Company => {
                if next.continues_company(words) {
                    return None;
                }
            }
        }
    }
    Some(after)
}

/// Whether the period at `i`, with no space after it, joins two sentences: a lowercase word of
/// three letters or more before it, and a capitalised word of lowercase letters after it
/// ("Monday.Outbound"), which no abbreviation, number, address or code name is.
fn glued_sentence_start(bytes: &[u8], start: usize, i: usize, end: usize) -> bool {
    // Most glued periods are decimals and abbreviations: turned down on the bytes around it.
    if i == start
        || !bytes[i - 1].is_ascii_lowercase()
        || !bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
    {
        return false;
    }
    let before = bytes[start..i]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word_end = bytes[i + 1..end]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .map_or(end, |n| i + 1 + n);
    let after = &bytes[i + 1..word_end];
    before >= 3
        && bytes[i - before..i]
            .iter()
            .skip(1)
            .all(u8::is_ascii_lowercase)
        && after.len() >= 3
        && after[1..].iter().all(u8::is_ascii_lowercase)
}

/// True for `.)` / `."`: a period followed only by closers, where the period may still belong
/// to an abbreviation ("(D-Cal.)").
fn closes_after_period(bytes: &[u8], i: usize, after: usize) -> bool {
    bytes[i] == b'.' && (i + 1..after).all(|j| !matches!(bytes[j], b'.' | b'?' | b'!'))
}

/// What follows a possible sentence end.
struct Next<'a> {
    /// The word there (ASCII letters), empty if none.
    word: &'a [u8],
    first: Option<char>,
    is_opener: bool,
}

impl<'a> Next<'a> {
    fn at(bytes: &'a [u8], k: usize, end: usize) -> Next<'a> {
        let mut w = k;
        while w < end && bytes[w].is_ascii_alphabetic() {
            w += 1;
        }
        let first = match bytes[k] {
            b if b.is_ascii() => Some(b as char),
            _ => std::str::from_utf8(&bytes[k..end.min(k + 4)])
                .or_else(|e| std::str::from_utf8(&bytes[k..k + e.valid_up_to()]))
                .ok()
                .and_then(|s| s.chars().next()),
        };
        Next {
            word: &bytes[k..w],
            first,
            is_opener: is_opener(bytes, k),
        }
    }

    fn can_start_sentence(&self) -> bool {
        self.is_opener
            || self
                .first
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    fn is_starter_word(&self, words: &SentenceWords) -> bool {
        words.starters.contains(&self.word)
    }

    fn continues_company(&self, words: &SentenceWords) -> bool {
        words.company_continuations.contains(&self.word)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbrev {
    /// Not an abbreviation: the period can end a sentence.
    None,
    /// Never ends a sentence: "Mr.", "Dr.", "No.", "vs.", "e.g.".
    Never,
    /// Ends a sentence only before a typical sentence-starting word: "U.S.", "Feb.", "J.".
    BeforeStarter,
    /// A company suffix ("Corp.", "Inc.", "Ltd."): ends a sentence unless another part of the
    /// company's name follows ("Co. Ltd", "Co. Inc.").
    Company,
}

/// Classifies the word that ends with the period at `i`.
fn abbreviation(
    words: &SentenceWords,
    bytes: &[u8],
    start: usize,
    line_start: usize,
    i: usize,
) -> Abbrev {
    let mut ws = i;
    while ws > start && (bytes[ws - 1].is_ascii_alphanumeric() || bytes[ws - 1] == b'.') {
        ws -= 1;
    }
    let word = &bytes[ws..i];
    if word.is_empty() || word.len() > 12 {
        return Abbrev::None;
    }
    // A list number at the start of a line: "1. Exports".
    if word.iter().all(u8::is_ascii_digit) {
        let at_line_start = bytes[line_start..ws]
            .iter()
            .all(|b| b.is_ascii_whitespace());
        return if at_line_start && word.len() <= 3 {
            Abbrev::Never
        } else {
            Abbrev::None
        };
    }
    if !word.iter().all(|&b| b.is_ascii_alphabetic() || b == b'.') || word[0] == b'.' {
        return Abbrev::None;
    }
    // "No. 1" (but "said no." can end a sentence).
    if listed(words.never_end_cased, word) {
        return Abbrev::Never;
    }
    let mut lower = [0u8; 12];
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    let lower = &lower[..word.len()];
    if listed(words.never_end, lower) {
        return Abbrev::Never;
    }
    if listed(words.end_before_starter, lower) {
        return Abbrev::BeforeStarter;
    }
    if listed(words.company, lower) {
        return Abbrev::Company;
    }
    // An initial ("J.") or an initialism ("U.S.", "N.Z.", "a.m.", "Ph.D.").
    if word.len() == 1 && word[0].is_ascii_uppercase() {
        return Abbrev::BeforeStarter;
    }
    if word.contains(&b'.')
        && word
            .split(|&b| b == b'.')
            .all(|s| (1..=2).contains(&s.len()))
    {
        return Abbrev::BeforeStarter;
    }
    Abbrev::None
}

/// Whether `word` is in `list`. Length and first byte first: they turn down nearly every
/// entry without the call to `memcmp` that comparing slices makes, and every full stop
/// that follows a word asks up to four lists.
fn listed(list: &[&[u8]], word: &[u8]) -> bool {
    list.iter()
        .any(|w| w.len() == word.len() && w.first() == word.first() && *w == word)
}

/// Whether the newline at `p` ends the sentence (see the module docs).
fn line_break_ends_sentence(
    words: &SentenceWords,
    bytes: &[u8],
    start: usize,
    end: usize,
    line_start: usize,
    p: usize,
) -> bool {
    // The next line: blank or indented means a new paragraph.
    let mut r = p + 1;
    while r < end && matches!(bytes[r], b' ' | b'\t' | b'\r' | 0x0B | 0x0C) {
        r += 1;
    }
    if r >= end || bytes[r] == b'\n' || r > p + 1 {
        return true;
    }
    // This line, without trailing whitespace.
    let mut e = p;
    while e > line_start && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    if e == line_start {
        return true; // a blank line before: already broken
    }
    let mut s = line_start;
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    let line = &bytes[s..e];
    // Markdown: a heading line, or a list item, quote or table row next.
    if line[0] == b'#' || starts_block(&bytes[r..end]) {
        return true;
    }
    // The line's last character, looking through closing quotes and brackets.
    let mut t = e;
    while t > s {
        let c = bytes[t - 1];
        if matches!(c, b'"' | b'\'' | b')' | b']') {
            t -= 1;
        } else if t - s >= 3
            && bytes[t - 3] == 0xE2
            && bytes[t - 2] == 0x80
            && matches!(c, 0x9D | 0x99)
        {
            t -= 3;
        } else {
            break;
        }
    }
    if t > s {
        match bytes[t - 1] {
            b':' if t == e => return true,
            b'?' | b'!' => return true,
            b'.' => {
                let lone = t - 1 == s || bytes[t - 2] != b'.';
                let next = Next::at(bytes, r, end);
                return match abbreviation(words, bytes, start, line_start, t - 1) {
                    _ if !lone => true,
                    Abbrev::None => true,
                    Abbrev::Never => false,
                    Abbrev::BeforeStarter => next.is_starter_word(words) || next.is_opener,
                    Abbrev::Company => next.can_start_sentence() && !next.continues_company(words),
                };
            }
            _ => {}
        }
    }
    is_table_row(line)
        && Next::at(bytes, r, end)
            .first
            .is_some_and(char::is_uppercase)
}

/// Whether a line starts a Markdown list item, block quote or table row.
fn starts_block(line: &[u8]) -> bool {
    if matches!(line, [b'-' | b'*' | b'+' | b'>', b' ', ..] | [b'|', ..]) {
        return true;
    }
    // "1. " to "999. "
    let digits = line
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=3).contains(&digits) && line[digits..].starts_with(b". ")
}

/// A short line of a results table: "Shr 43 cts vs 63 cts", "Net 16,362,000 vs 24,325,000".
fn is_table_row(line: &[u8]) -> bool {
    if line.len() > 45 || !line.iter().any(u8::is_ascii_digit) {
        return false;
    }
    line.windows(4).any(|w| w == b" vs " || w == b" vs.") || line.ends_with(b" vs")
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &SentenceWords = &crate::lang::en::ENGLISH.sentences;

    #[test]
    fn the_scan_stops_at_every_interesting_byte() {
        for b in 0..=255u8 {
            if INTERESTING[b as usize] {
                assert!(b >= 0x80 || SCANNED.contains(&b), "{b:#x}");
            }
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()), EN)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn splits_plain_prose_and_keeps_decimals() {
        assert_eq!(
            sentences("Exports rose 3.5% in June. Imports fell 2.1%! Why? Nobody knows."),
            [
                "Exports rose 3.5% in June.",
                "Imports fell 2.1%!",
                "Why?",
                "Nobody knows."
            ]
        );
        // A space lost between two sentences, not in a name, an abbreviation or an address.
        assert_eq!(
            sentences("Exports rose, data showed Monday.Outbound shipments reached $40.3 billion."),
            [
                "Exports rose, data showed Monday.",
                "Outbound shipments reached $40.3 billion."
            ]
        );
        assert_eq!(
            sentences("Mrs.Jones met U.S.Steel at Amazon.com and Node.Js on Jan.Fifth."),
            ["Mrs.Jones met U.S.Steel at Amazon.com and Node.Js on Jan.Fifth."]
        );
        assert_eq!(sentences("  \n "), Vec::<&str>::new());
        assert_eq!(sentences("No end"), ["No end"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith of Acme Corp. and Dr. Jones met on Feb. 3 with U.S. Treasury officials, e.g. J. Doe. They agreed."),
            ["Mr. Smith of Acme Corp. and Dr. Jones met on Feb. 3 with U.S. Treasury officials, e.g. J. Doe.", "They agreed."]
        );
        assert_eq!(
            sentences("It ranked No. 1 vs. Apple Inc. in the U.K. The U.S. agreed."),
            [
                "It ranked No. 1 vs. Apple Inc. in the U.K.",
                "The U.S. agreed."
            ]
        );
        // Company suffixes (Reuters-21578: reuters-4893, reuters-19825).
        assert_eq!(
            sentences("It was sold in 1982\nfrom Penn Central Corp. Bally bought the park. Nomura Securities Co. Ltd. and Daiwa Securities Co.\nLtd. bought seats."),
            ["It was sold in 1982\nfrom Penn Central Corp.", "Bally bought the park.", "Nomura Securities Co. Ltd. and Daiwa Securities Co.\nLtd. bought seats."]
        );
        assert_eq!(
            sentences(
                "Sens. Alan Cranston (D-Cal.) and Daniel Evans (R-Wash.) said so. It passed."
            ),
            [
                "Sens. Alan Cranston (D-Cal.) and Daniel Evans (R-Wash.) said so.",
                "It passed."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets_close_sentences() {
        assert_eq!(
            sentences("He said: \"Sales rose.\" Then he left. (It was late.) \u{201c}Fine,\u{201d} she said. \u{201c}Go.\u{201d}"),
            ["He said: \"Sales rose.\"", "Then he left.", "(It was late.)", "\u{201c}Fine,\u{201d} she said.", "\u{201c}Go.\u{201d}"]
        );
        assert_eq!(sentences("\"Why?\" he asked."), ["\"Why?\" he asked."]);
    }

    #[test]
    fn seed_article_lines() {
        let text = "China's export volume to the US in June soared to 353 tons, an increase of 660% compared to May.\nOverall, China exported 3188 tons of rare earth magnets to the world in June, marking a 157.5% increase from 1238 tons in May, but still down 38.1% compared to the same period in 2024.\nThe report also mentioned that China accounts for over 90% of the global supply of rare earth magnets and decided at the beginning of April to include several rare earth products in its export control list in response to U.S. tariff measures.\n\u{201c}We also note that with the development of industries. As a responsible major country, China fully considers the needs,\u{201d} said the spokesperson.";
        let got = sentences(text);
        assert_eq!(got.len(), 5, "{got:#?}");
        assert!(got[2].ends_with("U.S. tariff measures."));
        assert_eq!(
            got[3],
            "\u{201c}We also note that with the development of industries."
        );
        assert!(got[4].ends_with("said the spokesperson."));
    }

    #[test]
    fn reuters_hard_wrapped_body() {
        // reuters-1 (Reuters-21578), shortened.
        let text = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored,\nComissaria Smith said in its weekly review.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year. Again it seems\nthat cocoa delivered earlier on consignment was included in the\narrivals figures.\n Reuter";
        let got = sentences(text);
        assert_eq!(got.len(), 5, "{got:#?}");
        assert!(got[0].starts_with("Showers continued throughout the week in\nthe Bahia"));
        assert!(got[0].ends_with("weekly review."));
        assert_eq!(
            got[1],
            "The dry period means the temporao will be late this year."
        );
        assert!(got[2].ends_with("5.93\nmln against 5.81 at the same stage last year."));
        assert!(got[3].starts_with("Again it seems"));
        assert_eq!(got[4], "Reuter");
    }

    #[test]
    fn reuters_results_table() {
        // reuters-100 (Reuters-21578).
        let text = "Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n    Assets 510.2 mln vs 479.7 mln\n    Note: 4th qtr not available. Year includes 1985\nextraordinary gain from tax carry forward of 132,000 dlrs, or\nfive cts per shr.\n Reuter";
        assert_eq!(
            sentences(text),
            [
                "Shr 34 cts vs 1.19 dlrs",
                "Net 807,000 vs 2,858,000",
                "Assets 510.2 mln vs 479.7 mln",
                "Note: 4th qtr not available.",
                "Year includes 1985\nextraordinary gain from tax carry forward of 132,000 dlrs, or\nfive cts per shr.",
                "Reuter",
            ]
        );
        // Unindented rows: a short table row ends at the line break before a capital.
        assert_eq!(
            sentences("Shr 43 cts vs 63 cts\nNet 16,362,000 vs 24,325,000\nSales 3.65 billion crowns vs 3.40\nbillion."),
            ["Shr 43 cts vs 63 cts", "Net 16,362,000 vs 24,325,000", "Sales 3.65 billion crowns vs 3.40\nbillion."]
        );
    }

    #[test]
    fn line_ends_with_period_or_colon() {
        assert_eq!(
            sentences("Results were as follows:\nNet profit rose.\nthe rest followed\nas usual in the U.S.\nofficials said."),
            ["Results were as follows:", "Net profit rose.", "the rest followed\nas usual in the U.S.\nofficials said."]
        );
    }

    #[test]
    fn bbc_paragraphs() {
        // bbc-business-001 (BBC News), shortened.
        let text = "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (\u{a3}600m) for the three months to December, from $639m year-earlier.\n\nThe firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections and higher advert sales. TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn. Its profits were buoyed by one-off gains which offset a profit dip at Warner Bros, and less users for AOL.\n\nTime Warner said on Friday that it now owns 8% of search-engine Google";
        let got = sentences(text);
        assert_eq!(got.len(), 5, "{got:#?}");
        assert_eq!(
            got[2],
            "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn."
        );
        assert_eq!(
            got[4],
            "Time Warner said on Friday that it now owns 8% of search-engine Google"
        );
    }

    #[test]
    fn markdown_blocks_and_chinese() {
        assert_eq!(
            sentences("# Magnet exports\nChina exported more.\n\n- 353 tons to the US\n- 3188 tons in all\n1. First item"),
            ["# Magnet exports", "China exported more.", "- 353 tons to the US", "- 3188 tons in all", "1. First item"]
        );
        assert_eq!(
            sentences("6月出口3188吨，同比下降18.9%。其中对美出口353吨！"),
            ["6月出口3188吨，同比下降18.9%。", "其中对美出口353吨！"]
        );
    }

    #[test]
    fn spans_stay_inside_the_body() {
        let text = "---\ntitle: x\n---\nOne. Two.\n";
        let body = Span::new(17, text.len());
        let got = split(text, body, EN);
        assert_eq!(got, [Span::new(17, 21), Span::new(22, 26)]);
        // Out-of-range bodies do not panic.
        assert!(split("abc", Span::new(5, 9), EN).is_empty());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "\u{feff}.",
            ".\u{a0}",
            "\n\n.",
            "a.\u{a0}\u{a0}B",
            "!\u{201d}",
            "x.\u{e9}",
            "\u{3002}\u{201d}",
            "\u{ff01}",
            "a\r\n\r\nb",
            "U.S.",
            "e.g.",
        ] {
            let spans = split(text, Span::new(0, text.len()), EN);
            for s in spans {
                assert!(!s.is_empty());
                assert!(text.get(s.start..s.end).is_some(), "{text:?} {s:?}");
            }
        }
    }

    #[test]
    fn random_text_gives_ordered_spans_on_char_boundaries() {
        const PIECES: &[&str] = &[
            ".",
            "?",
            "!",
            "\n",
            "\n    ",
            "\n\n",
            " ",
            "U.S.",
            "Corp.",
            "No.",
            "e.g.",
            "J.",
            "\"",
            "\u{201d}",
            "\u{201c}",
            "(",
            ")",
            "The",
            "the",
            "3.5",
            "vs",
            "Shr 4 vs 5",
            ":",
            "#",
            "- ",
            "1. ",
            "\u{3002}",
            "\u{ff01}",
            "\u{a0}",
            "\u{e9}",
            "\r\n",
            "A",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let spans = split(&text, Span::new(0, text.len()), EN);
            let mut last = 0;
            for s in spans {
                assert!(s.start >= last && s.start < s.end, "{text:?}");
                assert!(text.get(s.start..s.end).is_some(), "{text:?} {s:?}");
                last = s.end;
            }
        }
    }
}
