//! The width human output cuts source lines to: `COLUMNS` when it is set to a number, else
//! the terminal's width when stdout is a terminal, else none given, and the writer keeps its
//! default of 140 columns, so output sent to a file or a pipe is the same whatever terminal
//! ran the command.

/// The narrowest width honoured: below it a source line would show no words at all.
pub const MIN_WIDTH: usize = 40;
/// The widest width honoured: a larger `COLUMNS` is a typo or a test of the limits.
pub const MAX_WIDTH: usize = 1000;

/// The width for human output's source lines; `interactive` when stdout is a terminal.
pub fn source_width(interactive: bool) -> Option<usize> {
    let columns = std::env::var("COLUMNS").ok();
    if let Some(width) = columns.as_deref().and_then(parse) {
        return Some(width);
    }
    if !interactive {
        return None;
    }
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(terminal_size::Width(w), _)| usize::from(w).clamp(MIN_WIDTH, MAX_WIDTH))
}

/// `COLUMNS` as a width: a positive whole number, brought into `MIN_WIDTH..=MAX_WIDTH`.
fn parse(columns: &str) -> Option<usize> {
    match columns.trim().parse::<usize>() {
        Ok(0) => None,
        Ok(n) => Some(n.clamp(MIN_WIDTH, MAX_WIDTH)),
        // Past usize: as wide as is honoured.
        Err(_)
            if !columns.trim().is_empty() && columns.trim().bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(MAX_WIDTH)
        }
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_is_read_as_a_bounded_width() {
        assert_eq!(parse("100"), Some(100));
        assert_eq!(parse(" 72 "), Some(72));
        assert_eq!(parse("5"), Some(MIN_WIDTH));
        assert_eq!(parse("99999999999999999999999"), Some(MAX_WIDTH));
        assert_eq!(parse("0"), None);
        assert_eq!(parse("-3"), None);
        assert_eq!(parse("wide"), None);
        assert_eq!(parse(""), None);
    }
}
