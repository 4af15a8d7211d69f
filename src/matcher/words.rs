//! The first word of the text at a word start, read eight bytes at a time, for the
//! whole-word filter of the matcher (see `Prefixes::words`).
//!
//! Most words of a text start no form. A form can match at a word start only if its
//! folded bytes are the text's: when the text starts with a run of ASCII letters and
//! digits that no word boundary splits, followed by an ASCII character that is not one,
//! a form that matches has exactly that run as its first word (its bytes up to the first
//! one that is not a letter or a digit). One look-up of the run in a set of the forms'
//! first words then rejects the word, and the run is skipped whole.
//!
//! No boundary splits a run whose bytes after the first are lowercase letters or digits
//! (a glued boundary needs a capital), nor a run of capitals and digits followed by no
//! lowercase letter. A run of eight bytes or more is read by its first eight, and only
//! in the first shape (the eight bytes are a form's first eight).

use crate::swar::{HIGH, LOW7, ONES};

/// Bit 7 of each byte set where the byte (below 0x80) lies in `lo..=hi`.
#[inline(always)]
fn within(x: u64, lo: u8, hi: u8) -> u64 {
    let ge_lo = x.wrapping_add(u64::from(0x80 - lo) * ONES);
    let gt_hi = x.wrapping_add(u64::from(0x7F - hi) * ONES);
    ge_lo & !gt_hi & HIGH
}

/// The first word of eight bytes of text `w` (little-endian, byte 0 an ASCII letter or
/// digit): its length (8 for a run of eight bytes or more) and its folded bytes in the
/// low bytes of a `u64` (the rest zero), or `None` if the filter cannot judge it: the run
/// is followed by a non-ASCII byte (which may fold to a letter, or to nothing), or its
/// case may hide a boundary.
#[inline(always)]
pub(super) fn first_word(w: u64) -> Option<(usize, u64)> {
    // Setting bit 5 lowercases the letters and leaves the digits as they are.
    let lc = w | (0x20 * ONES);
    let alnum = (within(lc & LOW7, b'a', b'z') | within(w & LOW7, b'0', b'9')) & !w;
    let stops = !alnum & HIGH;
    let len = if stops == 0 {
        8
    } else {
        (stops.trailing_zeros() / 8) as usize
    };
    if len == 0 || (len < 8 && (w >> (8 * len)) & 0x80 != 0) {
        return None;
    }
    let run = if len == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    // Among letters and digits, bit 5 is clear only in the capitals, and bits 5 and 6
    // are both set only in the lowercase letters. Most words have no capital after the
    // first byte; the rest are plain only if they have no lowercase letter either.
    let later_caps = !w & (0x20 * ONES) & run & !0xFF;
    let plain = later_caps == 0 || (len < 8 && w & (w << 1) & (0x40 * ONES) & run == 0);
    plain.then_some((len, lc & run))
}

/// The key of a folded form's first word in the set of first words: its first run of
/// ASCII lowercase letters and digits, cut at eight bytes, as [`first_word`] reads text;
/// `None` if the form starts with anything else (no text that the filter judges can
/// match it).
pub(super) fn form_key(key: &[u8]) -> Option<u64> {
    let n = key
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        .count();
    if n == 0 {
        return None;
    }
    let mut k = [0u8; 8];
    k[..n].copy_from_slice(&key[..n]);
    Some(u64::from_le_bytes(k))
}

/// The keys of a folded form in the set of pairs of words: its first word and its
/// second (as [`form_key`] reads them), or its first word and 0 if the form is that word
/// alone. `None` if the form cannot match text that [`first_word`] reads as a word of
/// fewer than eight bytes, a single space and a second word: its first word is longer,
/// or something other than a space and a letter or digit follows it.
///
/// With the two words of the text read, a form can match only if the set holds the
/// first word alone or the pair; this rejects the common words that start some form
/// (`the`, `a`) where the next word goes on with none.
pub(super) fn form_pair(key: &[u8]) -> Option<(u64, u64)> {
    let n = key
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        .count();
    if n == 0 || n == 8 {
        return None;
    }
    let first = form_key(key)?;
    if key.len() == n {
        return Some((first, 0));
    }
    if key[n] != b' ' {
        return None;
    }
    Some((first, form_key(&key[n + 1..])?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(usize, String)> {
        let mut b = [0u8; 8];
        b.copy_from_slice(&s.as_bytes()[..8]);
        first_word(u64::from_le_bytes(b)).map(|(n, k)| {
            let bytes: Vec<u8> = k
                .to_le_bytes()
                .into_iter()
                .take_while(|&b| b != 0)
                .collect();
            (n, String::from_utf8(bytes).unwrap())
        })
    }

    #[test]
    fn reads_first_words() {
        let cases: &[(&str, Option<(usize, &str)>)] = &[
            ("the cat sat", Some((3, "the"))),
            ("The cat sat", Some((3, "the"))),
            ("Iran's war", Some((4, "iran"))),
            ("a-b c d e f", Some((1, "a"))),
            ("US$ 5 bn x", Some((2, "us"))),
            ("BBC7, and", Some((4, "bbc7"))),
            ("F16s flew", Some((4, "f16s"))),
            ("2021 was a", Some((4, "2021"))),
            ("Abcdefg.xy", Some((7, "abcdefg"))),
            ("governments", Some((8, "governme"))),
            ("Governments", Some((8, "governme"))),
            ("abcdefgh", Some((8, "abcdefgh"))),
            ("x\ty z w v", Some((1, "x"))),
            // Glued words, mixed case, long capital runs: not judged.
            ("McDonald's", None),
            ("iPhone 12", None),
            ("MEKMassoud", None),
            ("ABCDEFGHIJ", None),
            ("USAbc def", None),
            // A non-ASCII byte after the run may fold to a letter.
            ("Man\u{eb}z is", None),
            ("Iran\u{2019}s x", None),
            ("soft\u{ad}hyphen", None),
        ];
        for &(s, want) in cases {
            assert_eq!(read(s), want.map(|(n, k)| (n, k.to_string())), "{s:?}");
        }
    }

    #[test]
    fn reads_all_byte_pairs() {
        // Byte 0 a letter; bytes 1 and 2 anything: compare with a plain reading.
        for b1 in 0..=255u8 {
            for b2 in [b' ', b'a', b'Z', b'7', b'.', 0x80, 0xC3, 0xFF] {
                for b0 in [b'a', b'Q', b'5'] {
                    let w = u64::from_le_bytes([b0, b1, b2, b'-', b'x', b'y', b'z', b'!']);
                    let bytes = w.to_le_bytes();
                    let len = bytes
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                    let word = &bytes[..len];
                    let next_ascii = bytes[len] < 0x80;
                    let tail_plain = word[1..]
                        .iter()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
                    let all_caps = word
                        .iter()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
                    let want = (next_ascii && (tail_plain || all_caps)).then(|| {
                        let mut k = [0u8; 8];
                        for (j, b) in word.iter().enumerate() {
                            k[j] = b.to_ascii_lowercase();
                        }
                        (len, u64::from_le_bytes(k))
                    });
                    assert_eq!(first_word(w), want, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn form_keys() {
        let k = |s: &str| form_key(s.as_bytes()).map(u64::to_le_bytes);
        assert_eq!(k("the sun"), Some(*b"the\0\0\0\0\0"));
        assert_eq!(k("iran"), Some(*b"iran\0\0\0\0"));
        assert_eq!(k("u.s."), Some(*b"u\0\0\0\0\0\0\0"));
        assert_eq!(k("governments of x"), Some(*b"governme"));
        assert_eq!(k("abcdefgh"), Some(*b"abcdefgh"));
        assert_eq!(k("7 tir"), Some(*b"7\0\0\0\0\0\0\0"));
        assert_eq!(k("(x)"), None);
        assert_eq!(k("\u{3b1}\u{3b8}"), None);
        assert_eq!(k("ab\u{3b1}"), Some(*b"ab\0\0\0\0\0\0"));
    }

    #[test]
    fn form_pairs() {
        let k = |s: &str| u64::from_le_bytes(*s.as_bytes().first_chunk::<8>().unwrap());
        let p = |s: &str| form_pair(s.as_bytes());
        assert_eq!(p("the sun"), Some((k("the\0\0\0\0\0"), k("sun\0\0\0\0\0"))));
        assert_eq!(p("us"), Some((k("us\0\0\0\0\0\0"), 0)));
        assert_eq!(
            p("the u.s."),
            Some((k("the\0\0\0\0\0"), k("u\0\0\0\0\0\0\0")))
        );
        assert_eq!(
            p("new york times"),
            Some((k("new\0\0\0\0\0"), k("york\0\0\0\0")))
        );
        assert_eq!(
            p("a governments"),
            Some((k("a\0\0\0\0\0\0\0"), k("governme")))
        );
        assert_eq!(p("1234567 x"), Some((k("1234567\0"), k("x\0\0\0\0\0\0\0"))));
        // First word of eight bytes or more, or followed by other than a space and a
        // word: not in the set.
        assert_eq!(p("abcdefgh x"), None);
        assert_eq!(p("abcdefghij"), None);
        assert_eq!(p("u.s."), None);
        assert_eq!(p("al (x)"), None);
        assert_eq!(p("al \u{3b1}"), None);
        assert_eq!(p("(x) y"), None);
        assert_eq!(p(""), None);
    }
}
