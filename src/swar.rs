//! Bitwise tests over eight bytes at once (SWAR), for the loops that skip through plain text:
//! the sentence splitter and the JSON line writer.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as one little-endian word; `eight` must hold exactly eight bytes.
#[inline]
pub fn word(eight: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(eight);
    u64::from_le_bytes(bytes)
}

/// Nonzero exactly when some byte of `w` equals `b`.
#[inline]
pub fn has_byte(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// Nonzero exactly when some byte of `w` is below `n` (`n` at most 0x80).
#[inline]
pub fn has_below(w: u64, n: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS
}

/// Nonzero exactly when some byte of `w` is 0x80 or above (not ASCII).
#[inline]
pub fn has_non_ascii(w: u64) -> u64 {
    w & HIGHS
}

/// The index (0 to 7) of the first byte that a nonzero result of the tests above flags. Each
/// test flags its first matching byte exactly (only bytes after a match can be flagged
/// falsely, through the borrow), so the first flagged byte of their union is a real match.
#[inline]
pub fn first_flagged(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_test_agrees_with_the_byte_by_byte_one() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = *b"plain ab";
                eight[at] = b;
                let w = word(&eight);
                assert_eq!(has_byte(w, b'"') != 0, eight.contains(&b'"'), "{b:#x}");
                assert_eq!(has_below(w, 0x20) != 0, eight.iter().any(|&c| c < 0x20));
                assert_eq!(has_non_ascii(w) != 0, !eight.is_ascii());
                let mask = has_byte(w, b'"') | has_below(w, 0x20) | has_non_ascii(w);
                let first = eight
                    .iter()
                    .position(|&c| c == b'"' || !(0x20..0x80).contains(&c));
                assert_eq!(
                    (mask != 0).then(|| first_flagged(mask)),
                    first,
                    "{b:#x} at {at}"
                );
            }
        }
    }
}
