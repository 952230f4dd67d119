//! Bitwise tests over eight bytes at once (SWAR), for the loops that skip through plain text:
//! the JSON line writer and the tokenizer's words; and two scans over sixteen bytes at once (SSE2 on x86_64, SWAR
//! elsewhere): the end of a run of plain JSON string text, for the JSON Lines reader, and the
//! next byte of four or any non-ASCII byte, for the sentence splitter.

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

/// Nonzero exactly when some byte of `w` is not an ASCII letter, with every such byte
/// flagged and no other (each byte is tested on its own: no carry crosses bytes).
#[inline]
pub fn has_non_letter(w: u64) -> u64 {
    // Bytes below 0x80, folded to lowercase: a letter is one of 0x61 ('a') to 0x7a ('z').
    let low = (w | (ONES * 0x20)) & !HIGHS;
    // Top bit set when the byte is at least 0x61, and when it is at least 0x7b.
    let from_a = low + ONES * (0x80 - 0x61);
    let past_z = low + ONES * (0x80 - 0x7b);
    let letters = from_a & !past_z & !w & HIGHS;
    letters ^ HIGHS
}

/// The index (0 to 7) of the first byte that a nonzero result of the tests above flags. Each
/// test flags its first matching byte exactly (only bytes after a match can be flagged
/// falsely, through the borrow), so the first flagged byte of their union is a real match.
#[inline]
pub fn first_flagged(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The offset of the first byte at or after `from` that ends a run of plain JSON string text
/// (`"`, `\` or a control character below 0x20), or `bytes.len()` when there is none.
pub fn json_special_from(bytes: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE2 is part of the x86_64 baseline: every x86_64 processor has it.
    return unsafe { sse2::json_special_from(bytes, from) };
    #[cfg(not(target_arch = "x86_64"))]
    return portable::json_special_from(bytes, from);
}

/// The offset of the first byte at or after `from` that is one of `needles` or not ASCII
/// (0x80 or above), or `bytes.len()` when there is none.
pub fn any_or_non_ascii_from(bytes: &[u8], from: usize, needles: [u8; 4]) -> usize {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: as in `json_special_from`.
    return unsafe { sse2::any_or_non_ascii_from(bytes, from, needles) };
    #[cfg(not(target_arch = "x86_64"))]
    return portable::any_or_non_ascii_from(bytes, from, needles);
}

/// Whether `b` ends a run of plain JSON string text (the byte-at-a-time test).
#[inline]
fn is_json_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// Sixteen bytes at once with SSE2. These are safe functions with a target feature, so
/// calling them needs `unsafe` unless the caller enables SSE2 too (a feature enabled by the
/// build configuration does not count), though every x86_64 processor has it.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_set_epi64x,
    };

    /// Sixteen bytes as one vector (compiled to a single unaligned load).
    #[target_feature(enable = "sse2")]
    fn vector(sixteen: &[u8]) -> __m128i {
        let (lo, hi) = sixteen.split_at(8);
        let lo = super::word(lo) as i64;
        let hi = super::word(hi) as i64;
        _mm_set_epi64x(hi, lo)
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn json_special_from(bytes: &[u8], from: usize) -> usize {
        let quote = _mm_set1_epi8(b'"' as i8);
        let backslash = _mm_set1_epi8(b'\\' as i8);
        let control = _mm_set1_epi8(0x1f);
        let mut i = from;
        while let Some(sixteen) = bytes.get(i..i + 16) {
            let v = vector(sixteen);
            // min(v, 0x1f) == v exactly for the bytes at most 0x1f (an unsigned compare).
            let hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                _mm_cmpeq_epi8(_mm_min_epu8(v, control), v),
            );
            let mask = _mm_movemask_epi8(hits);
            if mask != 0 {
                return i + mask.trailing_zeros() as usize;
            }
            i += 16;
        }
        super::portable::json_special_from(bytes, i)
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn any_or_non_ascii_from(bytes: &[u8], from: usize, needles: [u8; 4]) -> usize {
        let [a, b, c, d] = needles.map(|n| _mm_set1_epi8(n as i8));
        let mut i = from;
        while let Some(sixteen) = bytes.get(i..i + 16) {
            let v = vector(sixteen);
            // A non-ASCII byte has its top bit set, which is what the mask collects.
            let hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)),
                _mm_or_si128(_mm_cmpeq_epi8(v, c), _mm_or_si128(_mm_cmpeq_epi8(v, d), v)),
            );
            let mask = _mm_movemask_epi8(hits);
            if mask != 0 {
                return i + mask.trailing_zeros() as usize;
            }
            i += 16;
        }
        super::portable::any_or_non_ascii_from(bytes, i, needles)
    }
}

/// The same scans without SSE2: eight bytes at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
mod portable {
    pub(super) fn json_special_from(bytes: &[u8], from: usize) -> usize {
        let mut i = from;
        while let Some(eight) = bytes.get(i..i + 8) {
            let w = super::word(eight);
            let mask =
                super::has_below(w, 0x20) | super::has_byte(w, b'"') | super::has_byte(w, b'\\');
            if mask != 0 {
                return i + super::first_flagged(mask);
            }
            i += 8;
        }
        match bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| super::is_json_special(b)))
        {
            Some(at) => i + at,
            None => bytes.len().max(from),
        }
    }

    pub(super) fn any_or_non_ascii_from(bytes: &[u8], from: usize, needles: [u8; 4]) -> usize {
        let mut i = from;
        while let Some(eight) = bytes.get(i..i + 8) {
            let w = super::word(eight);
            let mask = needles.iter().fold(super::has_non_ascii(w), |mask, &n| {
                mask | super::has_byte(w, n)
            });
            if mask != 0 {
                return i + super::first_flagged(mask);
            }
            i += 8;
        }
        let rest = bytes.get(i..).unwrap_or_default();
        match rest
            .iter()
            .position(|b| !b.is_ascii() || needles.contains(b))
        {
            Some(at) => i + at,
            None => bytes.len().max(from),
        }
    }
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
                let non_letters = has_non_letter(w);
                for (k, c) in eight.iter().enumerate() {
                    let flagged = non_letters & (0x80 << (8 * k)) != 0;
                    assert_eq!(flagged, !c.is_ascii_alphabetic(), "{b:#x} at {k}");
                }
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

    /// Every scan (SSE2 and portable) against the byte-at-a-time answer.
    fn scans_agree(bytes: &[u8], from: usize) {
        let expected = bytes
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, &b)| is_json_special(b))
            .map_or(bytes.len().max(from), |(at, _)| at);
        assert_eq!(
            json_special_from(bytes, from),
            expected,
            "{bytes:?} from {from}"
        );
        assert_eq!(portable::json_special_from(bytes, from), expected);
        let needles = *b".\n?!";
        let expected = bytes
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, b)| !b.is_ascii() || needles.contains(b))
            .map_or(bytes.len().max(from), |(at, _)| at);
        assert_eq!(any_or_non_ascii_from(bytes, from, needles), expected);
        assert_eq!(
            portable::any_or_non_ascii_from(bytes, from, needles),
            expected
        );
    }

    #[test]
    fn the_sixteen_byte_scans_find_every_byte_at_every_place() {
        for b in 0..=255u8 {
            for len in [1, 15, 16, 17, 40] {
                for at in 0..len {
                    let mut bytes = b"plain text, \xc3\xa9 and more plain text here..".to_vec();
                    bytes.truncate(len);
                    bytes[at] = b;
                    for from in [0, 1, at, len] {
                        scans_agree(&bytes, from);
                    }
                }
            }
        }
        scans_agree(b"", 0);
        scans_agree(b"\n\n\"\\\x00\x1f\x20\x7f\xff\n\n\n\n\n\n\n\n\n\n\n\n\n", 3);
    }
}
