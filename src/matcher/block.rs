//! The classes of 64 bytes of text at once, as bit masks (bit `j` for byte `j`), for the
//! matcher's scan from one word start to the next (see `Matcher::scan`): where the ASCII
//! letters and digits are (the words, their starts and lengths), their case, and where
//! the scan must stop and leave the text to the byte-by-byte loop.
//!
//! On x86_64 the masks come from SSE2 compares (part of the x86_64 baseline); elsewhere
//! from a plain loop.

/// The classes of the bytes of one block.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub(super) struct Classes {
    /// ASCII letters and digits.
    pub(super) alnum: u64,
    /// ASCII capitals.
    pub(super) upper: u64,
    /// ASCII lowercase letters.
    pub(super) lower: u64,
    /// Non-ASCII bytes, and the bytes of `stops`.
    pub(super) barrier: u64,
}

/// The most bytes [`classify`] can stop at besides the non-ASCII ones.
pub(super) const MAX_STOPS: usize = 4;

/// The classes of the 64 bytes of `block`; `stops` (ASCII bytes, at most [`MAX_STOPS`])
/// are barriers too.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
#[allow(unsafe_code)]
pub(super) fn classify(block: &[u8; 64], stops: &[u8]) -> Classes {
    use core::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut c = Classes::default();
    for k in 0..4 {
        // SAFETY: SSE2 is always available on x86_64; the unaligned load reads bytes
        // 16k..16k+16 of `block`, which has 64.
        let (alnum, upper, lower, barrier) = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
            // Setting bit 5 lowercases the letters; bytes from 0x80 up compare as
            // negative, so none of them falls in a range.
            let lc = _mm_or_si128(v, _mm_set1_epi8(0x20));
            let letter = _mm_and_si128(
                _mm_cmpgt_epi8(lc, _mm_set1_epi8(b'a' as i8 - 1)),
                _mm_cmplt_epi8(lc, _mm_set1_epi8(b'z' as i8 + 1)),
            );
            let digit = _mm_and_si128(
                _mm_cmpgt_epi8(v, _mm_set1_epi8(b'0' as i8 - 1)),
                _mm_cmplt_epi8(v, _mm_set1_epi8(b'9' as i8 + 1)),
            );
            // A capital has bit 5 clear: setting it changes the byte.
            let upper = _mm_andnot_si128(_mm_cmpeq_epi8(v, lc), letter);
            let lower = _mm_andnot_si128(upper, letter);
            let mut barrier = v;
            for &s in stops {
                barrier = _mm_or_si128(barrier, _mm_cmpeq_epi8(v, _mm_set1_epi8(s as i8)));
            }
            (
                _mm_movemask_epi8(_mm_or_si128(letter, digit)),
                _mm_movemask_epi8(upper),
                _mm_movemask_epi8(lower),
                _mm_movemask_epi8(barrier),
            )
        };
        let at = 16 * k;
        c.alnum |= u64::from(alnum as u16) << at;
        c.upper |= u64::from(upper as u16) << at;
        c.lower |= u64::from(lower as u16) << at;
        c.barrier |= u64::from(barrier as u16) << at;
    }
    c
}

/// The classes of the 64 bytes of `block`; `stops` (ASCII bytes) are barriers too.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
pub(super) fn classify(block: &[u8; 64], stops: &[u8]) -> Classes {
    classify_plain(block, stops)
}

/// [`classify`] one byte at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
pub(super) fn classify_plain(block: &[u8; 64], stops: &[u8]) -> Classes {
    let mut c = Classes::default();
    for (j, &b) in block.iter().enumerate() {
        let bit = 1u64 << j;
        if b.is_ascii_alphanumeric() {
            c.alnum |= bit;
        }
        if b.is_ascii_uppercase() {
            c.upper |= bit;
        }
        if b.is_ascii_lowercase() {
            c.lower |= bit;
        }
        if b >= 0x80 || stops.contains(&b) {
            c.barrier |= bit;
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_plain_loop() {
        // Every byte value at every position, among pseudo-random neighbours.
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut block = [0u8; 64];
        for round in 0..2000 {
            for (j, b) in block.iter_mut().enumerate() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = if round < 256 && j == round % 64 {
                    round as u8
                } else {
                    x as u8
                };
            }
            for stops in [&b""[..], b"'", b"`'", b"(&.!"] {
                assert_eq!(
                    classify(&block, stops),
                    classify_plain(&block, stops),
                    "{block:?} {stops:?}"
                );
            }
        }
        let mut all = [0u8; 64];
        for base in (0..256).step_by(64) {
            for (j, b) in all.iter_mut().enumerate() {
                *b = (base + j) as u8;
            }
            assert_eq!(classify(&all, b"`"), classify_plain(&all, b"`"));
        }
    }

    #[test]
    fn classes() {
        let mut block = [b' '; 64];
        block[..13].copy_from_slice("Iran's 7Tir\u{e9}".as_bytes());
        let c = classify(&block, b"'");
        assert_eq!(c.alnum, 0b0111_1010_1111);
        assert_eq!(c.upper, 0b0001_0000_0001);
        assert_eq!(c.lower, 0b0110_0010_1110);
        assert_eq!(c.barrier, 0b1_1000_0001_0000);
    }
}
