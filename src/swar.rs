//! Eight bytes at a time in a `u64` ("SIMD within a register"), for the hot loops: the
//! matcher skips the rest of each word and folds the first bytes at each word start; the
//! number parser looks for digits and runs of letters.
//!
//! Every function here works on ASCII bytes (below 0x80), where adding a constant of at
//! most 0x80 to a byte never carries into the next one; callers check for non-ASCII bytes
//! first (or the functions do).

/// A one in each byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// Bit 7 of each byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of each byte.
pub(crate) const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The eight bytes at `i` as a little-endian word (byte `i` lowest).
#[inline(always)]
pub(crate) fn load(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(i..i + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Bit 7 of each byte set where the byte (ASCII) is `c` or above.
#[inline(always)]
pub(crate) fn at_least(w: u64, c: u8) -> u64 {
    w.wrapping_add(u64::from(0x80 - c) * ONES) & HIGH
}

/// Bit 7 of each byte set where the byte (ASCII) is `c`.
#[inline(always)]
fn equal(w: u64, c: u8) -> u64 {
    let v = w ^ (u64::from(c) * ONES);
    !(v.wrapping_add(LOW7)) & HIGH
}

/// Bit `j` set where byte `j` of `w` (ASCII) is not an ASCII lowercase letter or digit:
/// the places after a word character where a word boundary may fall.
#[inline(always)]
pub(crate) fn not_lower_digit_mask(w: u64) -> u32 {
    let x = w & LOW7;
    let lower = at_least(x, b'a') & !at_least(x, b'z' + 1);
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    gather(!((lower | digit) & !w) & HIGH) as u32
}

/// The first position at or after `i` (and before `stop`) whose byte is not an ASCII
/// lowercase letter or digit: the end of the tail of a word, inside which no word
/// boundary can fall.
#[inline(always)]
pub(crate) fn skip_lower_digits(bytes: &[u8], mut i: usize, stop: usize) -> usize {
    while i + 8 <= stop {
        let Some(w) = load(bytes, i) else { break };
        let x = w & LOW7;
        let lower = at_least(x, b'a') & !at_least(x, b'z' + 1);
        let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
        let stops = !((lower | digit) & !w) & HIGH;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < stop && (bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit()) {
        i += 1;
    }
    i
}

/// The first position at or after `i` (and before `stop`) whose byte matches `pick`, a
/// function of eight bytes that sets bit 7 of each byte it picks (for ASCII bytes; a
/// non-ASCII byte must be picked, or left to the caller).
#[inline(always)]
fn find_first(bytes: &[u8], mut i: usize, stop: usize, pick: impl Fn(u64) -> u64) -> usize {
    while i + 8 <= stop {
        let Some(w) = load(bytes, i) else { break };
        let m = pick(w);
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < stop {
        let w = u64::from(bytes[i]);
        if pick(w) & 0x80 != 0 {
            return i;
        }
        i += 1;
    }
    stop
}

/// Bit 7 of each byte set where the byte is an ASCII letter.
#[inline(always)]
pub(crate) fn letters(w: u64) -> u64 {
    let x = (w & LOW7) | (0x20 * ONES);
    at_least(x, b'a') & !at_least(x, b'z' + 1) & !w & HIGH
}

/// Gathers bit 7 of each byte of `m` into the low eight bits (byte `j` to bit `j`).
#[inline(always)]
pub(crate) fn gather(m: u64) -> u64 {
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Bit 7 of each byte set where the byte is an ASCII digit.
#[inline(always)]
pub(crate) fn digits(w: u64) -> u64 {
    let x = w & LOW7;
    at_least(x, b'0') & !at_least(x, b'9' + 1) & !w & HIGH
}

/// A bit per ASCII letter of the 64 bytes of `block` and a bit per ASCII digit (bit `k`
/// for byte `k`).
#[inline(always)]
pub(crate) fn letter_digit_masks(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    {
        letter_digit_masks_sse2(block)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        letter_digit_masks_swar(block)
    }
}

/// [`letter_digit_masks`] eight bytes at a time (the portable way).
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
pub(crate) fn letter_digit_masks_swar(block: &[u8; 64]) -> (u64, u64) {
    let mut letter_mask = 0u64;
    let mut digit_mask = 0u64;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let w = u64::from_le_bytes(eight);
        letter_mask |= gather(letters(w)) << (8 * k);
        digit_mask |= gather(digits(w)) << (8 * k);
    }
    (letter_mask, digit_mask)
}

/// [`letter_digit_masks`] sixteen bytes at a time, with SSE2 (always there on x86_64).
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
#[inline(always)]
pub(crate) fn letter_digit_masks_sse2(block: &[u8; 64]) -> (u64, u64) {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };
    let mut letter_mask = 0u64;
    let mut digit_mask = 0u64;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: SSE2 is part of x86_64; `chunk` is 16 readable bytes, and the load is
        // unaligned.
        let (l, d) = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            // Letters: setting bit 5 folds the case, then `a..=z` is 0..=25 unsigned
            // after subtracting `a` (a byte of a non-ASCII character is far above).
            let x = _mm_sub_epi8(
                _mm_or_si128(v, _mm_set1_epi8(0x20)),
                _mm_set1_epi8(b'a' as i8),
            );
            let l = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(25)), x);
            let y = _mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8));
            let d = _mm_cmpeq_epi8(_mm_min_epu8(y, _mm_set1_epi8(9)), y);
            (_mm_movemask_epi8(l), _mm_movemask_epi8(d))
        };
        letter_mask |= u64::from(l as u16) << (16 * k);
        digit_mask |= u64::from(d as u16) << (16 * k);
    }
    (letter_mask, digit_mask)
}

/// The first byte at or after `i` that is not an ASCII letter (`stop` if none).
#[inline(always)]
pub(crate) fn skip_letters(bytes: &[u8], i: usize, stop: usize) -> usize {
    find_first(bytes, i, stop, |w| !letters(w) & HIGH)
}

/// The first byte at or after `i` that is not a space or an ASCII byte from `a` up (a
/// lowercase letter, `{|}~` or DEL), `stop` if none.
#[inline(always)]
pub(crate) fn skip_lower_spaces(bytes: &[u8], i: usize, stop: usize) -> usize {
    find_first(bytes, i, stop, |w| {
        let x = w & LOW7;
        !((at_least(x, b'a') | equal(x, b' ')) & !w) & HIGH
    })
}

/// The first byte at or after `i` that is not an ASCII digit (`stop` if none).
#[inline(always)]
pub(crate) fn skip_digits(bytes: &[u8], i: usize, stop: usize) -> usize {
    find_first(bytes, i, stop, |w| !digits(w) & HIGH)
}

/// The eight bytes of `w` folded as the matcher folds ASCII text (lowercase, `-` → space,
/// `` ` `` → `'`), if that is what the trie walk would read: `None` if a byte is not
/// ASCII, is a control character (tabs and line breaks are white space, which the walk
/// folds by runs), or if two spaces follow one another (a run of white space is one
/// space to the walk).
#[inline(always)]
pub(crate) fn fold8(w: u64) -> Option<u64> {
    if w & HIGH != 0 || !at_least(w, 0x20) & HIGH != 0 {
        return None;
    }
    let space = equal(w, b' ');
    if space & (space >> 8) != 0 {
        return None;
    }
    let upper = at_least(w, b'A') & !at_least(w, b'Z' + 1);
    let mut f = w | (upper >> 2);
    f ^= (equal(w, b'-') >> 7) * u64::from(b'-' ^ b' ');
    f ^= (equal(w, b'`') >> 7) * u64::from(b'`' ^ b'\'');
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::fold_ascii;

    #[test]
    fn finds_classes() {
        for s in [
            "",
            "a",
            "hello world, 12 people",
            "ABC9 déjà vu 7x",
            "...........Z",
            "0123456789abcdefXYZ",
            "é1é2é3",
            "lower case words and spaces, then\u{a0}more\ttext {braces|bars}~\u{7f}`",
        ] {
            let b = s.as_bytes();
            for i in 0..=b.len() {
                let first =
                    |f: &dyn Fn(u8) -> bool| (i..b.len()).find(|&j| f(b[j])).unwrap_or(b.len());
                assert_eq!(
                    skip_letters(b, i, b.len()),
                    first(&|c| !c.is_ascii_alphabetic()),
                    "{s:?} {i}"
                );
                assert_eq!(
                    skip_lower_spaces(b, i, b.len()),
                    first(&|c| !(c == b' ' || (b'a'..0x80).contains(&c))),
                    "{s:?} {i}"
                );
                assert_eq!(
                    skip_digits(b, i, b.len()),
                    first(&|c| !c.is_ascii_digit()),
                    "{s:?} {i}"
                );
            }
        }
    }

    #[test]
    fn letter_digit_masks_agree() {
        // Every byte value in every lane, and pseudo-random blocks.
        let reference = |block: &[u8; 64]| {
            let mut l = 0u64;
            let mut d = 0u64;
            for (k, &c) in block.iter().enumerate() {
                l |= u64::from(c.is_ascii_alphabetic()) << k;
                d |= u64::from(c.is_ascii_digit()) << k;
            }
            (l, d)
        };
        let mut blocks: Vec<[u8; 64]> = (0..=255u8)
            .map(|c| std::array::from_fn(|k| c.wrapping_add(k as u8 * 4)))
            .collect();
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            blocks.push(std::array::from_fn(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            }));
        }
        blocks
            .push(*b"In 2021, 1,500 people (3.5%) paid 12 pounds; Zz@[`{/:09 \xc3\xa9t\xc3\xa9 ok");
        for block in &blocks {
            let want = reference(block);
            assert_eq!(letter_digit_masks(block), want);
            assert_eq!(letter_digit_masks_swar(block), want);
            #[cfg(target_arch = "x86_64")]
            assert_eq!(letter_digit_masks_sse2(block), want);
        }
    }

    #[test]
    fn skips_word_tails() {
        let cases: &[(&str, usize, usize)] = &[
            ("abcdefghijklmnop qr", 0, 16),
            ("abc", 0, 3),
            ("governments123abcXyz", 0, 17),
            ("xxxxxxxx-yyyy", 0, 8),
            ("aaaaaaaaaaaé", 0, 11),
            ("aaaaaaaaaaaaaaaa", 3, 16),
            ("Abc", 0, 0),
            ("a`b{z[0/9:", 0, 1),
        ];
        for &(s, from, want) in cases {
            assert_eq!(
                skip_lower_digits(s.as_bytes(), from, s.len()),
                want,
                "{s:?}"
            );
        }
        // `stop` bounds the scan.
        assert_eq!(skip_lower_digits(b"abcdefghijklmnop", 0, 5), 5);
    }

    #[test]
    fn folds_like_the_table() {
        let all: Vec<u8> = (0x20u8..0x80).collect();
        for chunk in all.chunks(8).filter(|c| c.len() == 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap());
            if chunk.windows(2).any(|p| p == b"  ") {
                continue;
            }
            let got = fold8(w).unwrap().to_le_bytes();
            for (g, &b) in got.iter().zip(chunk) {
                assert_eq!(Some(*g), fold_ascii(b).or(Some(b' ')), "{:?}", b as char);
            }
        }
        let w = |s: &[u8; 8]| u64::from_le_bytes(*s);
        assert_eq!(fold8(w(b"Al-Qaeda")), Some(w(b"al qaeda")));
        assert_eq!(fold8(w(b"O`Neil s")), Some(w(b"o'neil s")));
        assert_eq!(fold8(w(b"MEK  and")), None);
        assert_eq!(fold8(w(b"Camp\nAsh")), None);
        assert_eq!(fold8(w(b"Man\xc3\xabz i")), None);
        assert_eq!(fold8(w(b"a - b, c")), Some(w(b"a   b, c")));
    }
}
