//! English: the words of numbers, scales, units, currencies, directions and periods.

/// The canonical unit code for a unit or currency word or code ("tonnes" → "t",
/// "dlrs" → "USD"), case-insensitive; `None` if unknown.
pub fn unit_code(_word: &str) -> Option<&'static str> {
    None
}
