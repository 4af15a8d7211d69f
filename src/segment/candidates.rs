//! The forward search for the next byte the scanner must look at.
//!
//! Most of a text is lowercase letters and spaces, which never matter to sentence
//! boundaries. The search tests sixteen bytes at a time, each against the candidate bytes
//! and, for a capital, the byte before it, in plain loops over fixed-size arrays that the
//! compiler turns into vector compares (SSE2 on x86-64): no byte is looked at one by one
//! and no branch is taken per byte, only one per 32 bytes and one per candidate.

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

/// Is the byte at `j` a candidate?
#[inline(always)]
fn is_candidate(b: &[u8], j: usize) -> bool {
    match CANDIDATE[usize::from(b[j])] {
        0 => false,
        STOP => true,
        _ => j > 0 && b[j - 1].is_ascii_lowercase(),
    }
}

/// The candidates among the sixteen bytes `w`, whose previous bytes are `p` (`w` shifted
/// back by one byte): a byte of the result is 1 where `w`'s byte is a candidate, else 0.
/// The same test as [`is_candidate`], written so that it compiles to vector compares.
#[inline(always)]
fn hits16(w: &[u8; 16], p: &[u8; 16]) -> u128 {
    let mut hit = [0u8; 16];
    for k in 0..16 {
        let c = w[k];
        let stop =
            (c == b'.') | (c == b'!') | (c == b'?') | (c == b'\n') | (c == b')') | (c == 0xe2);
        let capital_after_lower = (c.wrapping_sub(b'A') < 26) & (p[k].wrapping_sub(b'a') < 26);
        hit[k] = u8::from(stop | capital_after_lower);
    }
    u128::from_le_bytes(hit)
}

/// The first candidate byte at or after `i` (see [`CANDIDATE`]), or the text's length.
#[inline]
pub(super) fn find_candidate(b: &[u8], mut i: usize) -> usize {
    if i == 0 {
        // The first byte has no byte before it: tested alone.
        if b.is_empty() || is_candidate(b, 0) {
            return 0;
        }
        i = 1;
    }
    // Thirty-two bytes a step (two blocks of sixteen, tested together), with the 32 bytes
    // before each shifted by one for the capitals.
    while let (Some(w), Some(p)) = (
        b.get(i..).and_then(<[u8]>::first_chunk::<32>),
        b.get(i - 1..).and_then(<[u8]>::first_chunk::<32>),
    ) {
        let (w0, w1) = w.split_at(16);
        let (p0, p1) = p.split_at(16);
        let (Ok(w0), Ok(w1), Ok(p0), Ok(p1)) = (
            <&[u8; 16]>::try_from(w0),
            <&[u8; 16]>::try_from(w1),
            <&[u8; 16]>::try_from(p0),
            <&[u8; 16]>::try_from(p1),
        ) else {
            break;
        };
        let h0 = hits16(w0, p0);
        let h1 = hits16(w1, p1);
        if h0 | h1 != 0 {
            return if h0 != 0 {
                i + (h0.trailing_zeros() / 8) as usize
            } else {
                i + 16 + (h1.trailing_zeros() / 8) as usize
            };
        }
        i += 32;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first candidate, byte by byte.
    fn naive(b: &[u8], i: usize) -> usize {
        (i..b.len())
            .find(|&j| is_candidate(b, j))
            .unwrap_or(b.len())
    }

    /// The candidate rule, written out.
    fn reference(p: Option<u8>, c: u8) -> bool {
        matches!(c, b'.' | b'!' | b'?' | b'\n' | b')' | 0xe2)
            || c.is_ascii_uppercase() && p.is_some_and(|p| p.is_ascii_lowercase())
    }

    #[test]
    fn every_byte_pair_at_every_offset() {
        for p in 0..=255u8 {
            let mut text = vec![b'a'; 80];
            for c in 0..=255u8 {
                let want = reference(Some(p), c);
                for at in [1, 15, 16, 17, 31, 32, 33, 40, 63, 64, 70, 78] {
                    text.fill(b' ');
                    text[at - 1] = p;
                    text[at] = c;
                    let from = at - 1;
                    let first = if reference(None, p) && from == 0 || reference(Some(b' '), p) {
                        from
                    } else if want {
                        at
                    } else {
                        text.len()
                    };
                    assert_eq!(find_candidate(&text, from), first, "{p:#x} {c:#x} at {at}");
                    assert_eq!(
                        find_candidate(&text, at),
                        if want { at } else { text.len() },
                        "{p:#x} {c:#x} at {at}"
                    );
                }
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
