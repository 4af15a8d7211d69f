//! The forward search for the next byte the scanner must look at.
//!
//! Most of a text is lowercase letters and spaces, which never matter to sentence
//! boundaries. The search reads the text eight bytes at a time in a `u64` and marks the
//! bytes that are neither (capitals, digits, punctuation, line feeds, non-ASCII bytes);
//! each marked byte is then checked against [`CANDIDATE`] in turn, from the same mask, so
//! that a marked byte that is no candidate (a capital starting a word, a comma, a digit)
//! costs a table look-up and not a new search.

/// Bytes the scanner stops at: sentence punctuation, line feeds, `)` (list markers), the
/// lead byte of `…` and of the bullets ([`STOP`]), and capitals after a lowercase letter
/// ([`STOP_AFTER_LOWER`]).
static CANDIDATE: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'.' as usize] = STOP;
    t[b'!' as usize] = STOP;
    t[b'?' as usize] = STOP;
    t[b'\n' as usize] = STOP;
    t[b')' as usize] = STOP;
    t[0xe2] = STOP;
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = STOP_AFTER_LOWER;
        c += 1;
    }
    t
};

/// A [`CANDIDATE`] byte the scanner always stops at.
const STOP: u8 = 1;
/// A [`CANDIDATE`] byte the scanner stops at after an ASCII lowercase letter.
const STOP_AFTER_LOWER: u8 = 2;

use crate::swar::{HIGH, LOW7, ONES};

/// Bit 7 of each byte of `w` set where the byte is not a space nor an ASCII byte from `a`
/// up (a lowercase letter, `{|}~` or DEL): the bytes that may be candidates.
///
/// On the low seven bits of each byte, adding at most 0x7F never carries into the next
/// byte, so the comparisons are exact; bytes of 0x80 and above are always marked.
#[inline(always)]
fn marked(w: u64) -> u64 {
    let x = w & LOW7;
    let from_a = x.wrapping_add(u64::from(0x80 - b'a') * ONES) & HIGH;
    let space = !(x ^ (u64::from(b' ') * ONES)).wrapping_add(LOW7) & HIGH;
    !((from_a | space) & !w) & HIGH
}

/// Is the byte at `j` (one of those [`marked`]) a candidate?
#[inline(always)]
fn is_candidate(b: &[u8], j: usize) -> bool {
    match CANDIDATE[usize::from(b[j])] {
        0 => false,
        STOP => true,
        _ => j > 0 && b[j - 1].is_ascii_lowercase(),
    }
}

/// The first candidate byte at or after `i` (see [`CANDIDATE`]), or the text's length.
#[inline]
pub(super) fn find_candidate(b: &[u8], mut i: usize) -> usize {
    // Sixteen bytes a step: two words tested at once, as most steps mark nothing.
    while let Some(chunk) = b.get(i..i + 16) {
        let (lo, hi) = chunk.split_at(8);
        let m0 = marked(word(lo));
        let m1 = marked(word(hi));
        if m0 | m1 != 0 {
            if let Some(j) = first_in(b, i, m0).or_else(|| first_in(b, i + 8, m1)) {
                return j;
            }
        }
        i += 16;
    }
    if let Some(chunk) = b.get(i..i + 8) {
        if let Some(j) = first_in(b, i, marked(word(chunk))) {
            return j;
        }
        i += 8;
    }
    // The last few bytes.
    loop {
        i = crate::swar::skip_lower_spaces(b, i, b.len());
        if i >= b.len() || is_candidate(b, i) {
            return i.min(b.len());
        }
        i += 1;
    }
}

/// The eight bytes of `chunk` (eight long) as a little-endian word.
#[inline(always)]
fn word(chunk: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    u64::from_le_bytes(w)
}

/// The first candidate among the bytes marked in `m`, the mask of the word at `i`.
#[inline(always)]
fn first_in(b: &[u8], i: usize, mut m: u64) -> Option<usize> {
    while m != 0 {
        let j = i + (m.trailing_zeros() / 8) as usize;
        if is_candidate(b, j) {
            return Some(j);
        }
        m &= m - 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first candidate, byte by byte.
    fn naive(b: &[u8], i: usize) -> usize {
        (i..b.len())
            .find(|&j| is_candidate(b, j))
            .unwrap_or(b.len())
    }

    #[test]
    fn marks_all_but_lowercase_and_spaces() {
        for c in 0..=255u8 {
            let w = u64::from_le_bytes([b'a', c, b' ', c, b'z', b'~', c, 0x7f]);
            let want = c != b' ' && !(b'a'..0x80).contains(&c);
            let m = marked(w);
            assert_eq!(m & 0x8000_8080_0080_0080, 0, "{c:#x}");
            for k in [1, 3, 6] {
                assert_eq!(m >> (8 * k + 7) & 1 == 1, want, "{c:#x} at {k}");
            }
        }
    }

    #[test]
    fn finds_as_byte_by_byte() {
        let texts = [
            "",
            "a",
            "A",
            "aB",
            "said. The end",
            "lowercase words and spaces only, for more than sixteen bytes",
            "the sixty-four byte block edge falls right here, doesn't it?x..",
            "I went to NASA and theIr caps; oddlyCapped words\nnext line",
            "caf\u{e9} na\u{ef}ve \u{2026} \u{2022} item) 3.5 and ABC",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxY",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxY",
            "1234567890,\"'-$%:;&/[]#+*`=@ {|}~\u{7f} end",
        ];
        for t in texts {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                assert_eq!(find_candidate(b, i), naive(b, i), "{t:?} from {i}");
            }
        }
    }
}
