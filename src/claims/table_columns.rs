//! The columns of a results table, read from its header row: "In €m | H1 2023 | H1 2024 |
//! Change |" puts the earlier period first, so a row's first figure is the baseline, and names
//! the period of each figure column. A header may leave out the rows' label cell ("HY 2024 |
//! HY 2023 | Change |" over "Revenue | $20.9bn | $18.8bn | 11.2% |"): its cells then stand
//! over the rows' second and later ones. A table set apart by spaces has its header in the line
//! above its rows ("County 2018 spending 2019 spending Percent change").

/// The year a header cell names: its last run of digits, four of them (1900 to 2100) or two
/// after a letter or a space ("H1 2023", "FY24", "Q3 24", "2023/24" is 2024).
fn cell_year(cell: &str) -> Option<u32> {
    let bytes = cell.as_bytes();
    let end = bytes.iter().rposition(u8::is_ascii_digit)? + 1;
    let start = bytes[..end]
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |p| p + 1);
    let run: u32 = cell[start..end].parse().ok()?;
    match end - start {
        4 if (1900..=2100).contains(&run) => Some(run),
        2 if start > 0 => Some(2000 + run),
        _ => None,
    }
}

/// The byte ranges of the cells of table line `line`, which starts at byte `at`, without the
/// outer pipes' empty ends: cell 0 is the one before the first inner pipe.
fn cells(at: usize, line: &str) -> Vec<(usize, usize)> {
    let trimmed = line.trim_start();
    let mut start = at + line.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    let body = trimmed.strip_prefix('|').unwrap_or(trimmed);
    start += trimmed.len() - body.len();
    let mut out = Vec::new();
    for cell in body.split('|') {
        out.push((start, start + cell.len()));
        start += cell.len() + 1;
    }
    out
}

/// Whether the line is a Markdown table's separator ("---|---|", "|:--|--:|").
fn is_separator(line: &str) -> bool {
    let line = line.trim();
    line.contains('-') && line.bytes().all(|b| matches!(b, b'-' | b'|' | b':' | b' '))
}

/// The most lines looked back for a row's header. Each row looks for its own, so the bound
/// keeps a table of many thousand rows linear; a row further down falls back to the written
/// order.
const MAX_HEADER_DISTANCE: usize = 64;

/// The lines above the one starting at byte `row_start` of `text`, nearest first, with their
/// starts: at most [`MAX_HEADER_DISTANCE`] of them.
fn lines_above(text: &str, row_start: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut end = row_start;
    std::iter::from_fn(move || {
        if end == 0 {
            return None;
        }
        let start = text[..end - 1].rfind('\n').map_or(0, |p| p + 1);
        let line = &text[start..end - 1];
        end = start;
        Some((start, line))
    })
    .take(MAX_HEADER_DISTANCE)
}

/// The header row of the table whose row starts at byte `row_start` of `text`, with its start:
/// the first line of the block of table lines above it, or the line above the separator.
fn header(text: &str, row_start: usize) -> Option<(usize, &str)> {
    let mut header = None;
    let mut seen = 0;
    for (start, line) in lines_above(text, row_start) {
        seen += 1;
        if !line.contains('|') {
            return header;
        }
        if !is_separator(line) {
            header = Some((start, line));
        }
    }
    // Still inside the table: what was found is a row, its header too far up to tell.
    header.filter(|_| seen < MAX_HEADER_DISTANCE)
}

/// The header cells of the table row starting at `row_start`, lined up with the row's cells:
/// entry `c` is the header cell over the row's cell `c`, `None` over label cells the header
/// leaves out.
fn header_cells(text: &str, row_start: usize) -> Vec<Option<(usize, usize)>> {
    let Some((start, line)) = header(text, row_start) else {
        return Vec::new();
    };
    let row_end = text[row_start..]
        .find('\n')
        .map_or(text.len(), |p| row_start + p);
    let row = cells(row_start, &text[row_start..row_end]).len();
    let header = cells(start, line);
    // A first header cell that names a year stands over figures, not over the rows' labels;
    // else a header shorter than the row leaves out its first cells.
    let missing = if header
        .first()
        .is_some_and(|&(a, b)| cell_year(&text[a..b]).is_some())
    {
        1
    } else {
        row.saturating_sub(header.len())
    };
    (0..missing)
        .map(|_| None)
        .chain(header.into_iter().map(Some))
        .collect()
}

/// Whether the table of the row starting at `row_start` puts column `first` (0-based, counting
/// cells) in an earlier year than column `second`: then a row's figure in `first` is the
/// baseline of the one in `second`.
pub fn earlier_first(text: &str, row_start: usize, first: usize, second: usize) -> bool {
    let cells = header_cells(text, row_start);
    let year = |c: usize| {
        cells
            .get(c)
            .copied()
            .flatten()
            .and_then(|(a, b)| cell_year(&text[a..b]))
    };
    matches!((year(first), year(second)), (Some(a), Some(b)) if a < b)
}

/// Whether a line is a row of a table set apart by spaces: it ends with a change cell ("3.07%",
/// "(5.8%)") after at least two more figures.
fn is_spaced_row(line: &str) -> bool {
    let line = line.trim_end();
    let figures = line
        .split_whitespace()
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .count();
    (line.ends_with('%') || line.ends_with("%)")) && figures >= 3
}

/// Whether the table set apart by spaces whose row starts at byte `row_start` names an earlier
/// year before a later one in its header, the line above its rows ("County 2018 spending (in
/// millions) 2019 spending (in millions) Percent change versus 2018"): then a row's first
/// figure is the baseline of its second.
pub fn spaced_earlier_first(text: &str, row_start: usize) -> bool {
    let Some((_, line)) = lines_above(text, row_start).find(|&(_, line)| !is_spaced_row(line))
    else {
        return false;
    };
    let mut years = line
        .split_whitespace()
        .filter_map(|w| cell_year(w.trim_matches(|c: char| !c.is_alphanumeric())));
    let Some(first) = years.next() else {
        return false;
    };
    years.find(|&y| y != first).is_some_and(|y| first < y)
}

/// The byte range of the header cell over the table cell holding byte `at` of `text`, if its
/// table has a header with a cell there.
pub fn header_cell(text: &str, at: usize) -> Option<(usize, usize)> {
    let row_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    header_cells(text, row_start)
        .get(column_at(text, at))
        .copied()
        .flatten()
}

/// The 0-based cell of byte `at` in its line (the number of pipes before it, less a leading
/// one).
pub fn column_at(text: &str, at: usize) -> usize {
    let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let before = &text[start..at];
    let pipes = before.matches('|').count();
    if before.trim_start().starts_with('|') {
        pipes - 1
    } else {
        pipes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "In €m | H1 2023 | H1 2024 | Change |\n---|---|---|---|\nRevenue | 2,179.1 | 2,325.2 | 6.7% |\n";

    #[test]
    fn reads_the_years_of_header_cells() {
        assert_eq!(cell_year(" H1 2023 "), Some(2023));
        assert_eq!(cell_year("FY24"), Some(2024));
        assert_eq!(cell_year("2023/24"), Some(2024));
        assert_eq!(cell_year("Change"), None);
        assert_eq!(cell_year("24"), None);
        assert_eq!(cell_year("12345"), None);
    }

    #[test]
    fn an_earlier_first_column_is_the_baseline() {
        let row = TABLE.find("Revenue").unwrap();
        let value = TABLE.find("2,325.2").unwrap();
        let base = TABLE.find("2,179.1").unwrap();
        assert_eq!((column_at(TABLE, base), column_at(TABLE, value)), (1, 2));
        assert!(earlier_first(TABLE, row, 1, 2));
        assert!(!earlier_first(TABLE, row, 2, 1));
    }

    #[test]
    fn a_header_without_the_label_cell_lines_up_with_the_last_cells() {
        // The trailing empty cell makes the header as long as the row.
        let table = "HY 2024 | HY 2023 | Change | |\nRevenue | $20.9bn | $18.8bn | 11.2% |\n";
        let at = |s: &str| table.find(s).unwrap();
        let cell = |s: &str| header_cell(table, at(s)).map(|(a, b)| table[a..b].trim());
        assert_eq!(cell("$20.9bn"), Some("HY 2024"));
        assert_eq!(cell("$18.8bn"), Some("HY 2023"));
        assert_eq!(cell("11.2%"), Some("Change"));
        assert_eq!(cell("Revenue"), None);
        assert!(earlier_first(table, at("Revenue"), 2, 1));
        assert!(!earlier_first(table, at("Revenue"), 1, 2));
        // With the label cell, the same columns.
        let full = "In $m | HY 2024 | HY 2023 | Change |\nRevenue | 20.9 | 18.8 | 11.2% |\n";
        let (a, b) = header_cell(full, full.find("18.8").unwrap()).unwrap();
        assert_eq!(full[a..b].trim(), "HY 2023");
        // Shorter than the row, with no year first.
        let short = "Revenue | Change |\nTotal | Sales | 11.2% |\n";
        let (a, b) = header_cell(short, short.find("Sales").unwrap()).unwrap();
        assert_eq!(short[a..b].trim(), "Revenue");
        // No header: no cell.
        assert_eq!(header_cell("Sales | 12 | 10 |", 8), None);
    }

    #[test]
    fn leading_pipes_and_tables_without_years_keep_the_written_order() {
        let table = "| Item | 2024 | 2023 |\n|---|---|---|\n| Sales | 12 | 10 |\n";
        let row = table.find("| Sales").unwrap();
        let value = table.find("12").unwrap();
        assert_eq!(column_at(table, value), 1);
        assert!(!earlier_first(table, row, 1, 2));
        assert!(earlier_first(table, row, 2, 1));
        let plain = "Item | Now | Before |\nSales | 12 | 10 |\n";
        assert!(!earlier_first(plain, plain.find("Sales").unwrap(), 1, 2));
        // A row with no table above it.
        assert!(!earlier_first("Sales | 12 | 10 |", 0, 1, 2));
        // A row too far below its header keeps the written order rather than taking a row
        // for the header.
        let mut long = String::from("Item | 2023 | 2024 |\n");
        for i in 0..MAX_HEADER_DISTANCE {
            long.push_str(&format!("Row {i} | 1 | 2 |\n"));
        }
        let last = long.rfind("Row").unwrap();
        assert!(!earlier_first(&long, last, 1, 2));
        let first = long.find("Row 0").unwrap();
        assert!(earlier_first(&long, first, 1, 2));
    }

    #[test]
    fn a_spaced_table_header_naming_the_earlier_year_first_makes_it_the_baseline() {
        let table = "Spending by county\nCounty 2018 spending (in millions) 2019 spending \
                     (in millions) Percent change versus 2018\nBrown County $696.5 $717.9 3.07%\n\
                     Florence County $5.4 $5.2 -3.99%\n";
        assert!(spaced_earlier_first(table, table.find("Brown").unwrap()));
        assert!(spaced_earlier_first(table, table.find("Florence").unwrap()));
        // The later year first, or no years: the written order.
        let later = "Group FY24 FY23 Change\nRevenue 13.2 48.5 (72.7%)\n";
        assert!(!spaced_earlier_first(later, later.find("Revenue").unwrap()));
        let none = "Item Now Before Change\nSales 12 10 20%\n";
        assert!(!spaced_earlier_first(none, none.find("Sales").unwrap()));
        assert!(!spaced_earlier_first("Sales 12 10 20%\n", 0));
    }
}
