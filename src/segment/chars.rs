//! Byte-level character classes used by the scanner.
//!
//! All helpers take a byte slice of valid UTF-8 and a position on a character boundary; they
//! never read past the end of the slice and return positions on character boundaries.

/// True for the ASCII white-space bytes: space, tab, line feed, vertical tab, form feed,
/// carriage return.
#[inline(always)]
pub(super) fn is_ascii_ws(c: u8) -> bool {
    c == b' ' || (b'\t'..=b'\r').contains(&c)
}

/// Byte length of the white-space character at `i` (the `White_Space` property, as
/// `char::is_whitespace`), or 0.
///
/// Nearly every byte asked about is ASCII, answered inline; the multi-byte spaces are
/// looked for out of line.
#[inline(always)]
pub(super) fn ws_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(&c) if c < 0x80 => usize::from(is_ascii_ws(c)),
        Some(_) => ws_len_multibyte(b, i),
        None => 0,
    }
}

/// [`ws_len`] for a byte of 0x80 or above: NEL and no-break space (two bytes), the spaces
/// of U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 (three bytes).
#[inline(never)]
fn ws_len_multibyte(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(0xc2) => match b.get(i + 1) {
            Some(0x85 | 0xa0) => 2,
            _ => 0,
        },
        Some(0xe1) if b.get(i + 1) == Some(&0x9a) && b.get(i + 2) == Some(&0x80) => 3,
        Some(0xe2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) => 3,
            (Some(0x81), Some(0x9f)) => 3,
            _ => 0,
        },
        Some(0xe3) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// Byte length of the white-space character that ends just before `i`, or 0.
#[inline(always)]
pub(super) fn ws_len_before(b: &[u8], i: usize) -> usize {
    if i == 0 || i > b.len() {
        return 0;
    }
    let c = b[i - 1];
    if c < 0x80 {
        return usize::from(is_ascii_ws(c));
    }
    ws_len_before_multibyte(b, i)
}

/// [`ws_len_before`] when the byte before `i` is 0x80 or above.
#[inline(never)]
fn ws_len_before_multibyte(b: &[u8], i: usize) -> usize {
    for n in 2..=3 {
        if i >= n && ws_len_multibyte(b, i - n) == n {
            return n;
        }
    }
    0
}

/// True if `i` is preceded by white space (or is the start of the text).
#[inline]
pub(super) fn ws_or_start_before(b: &[u8], i: usize) -> bool {
    i == 0 || ws_len_before(b, i) > 0
}

/// The first position at or after `i` that is not white space.
#[inline]
pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    loop {
        let n = ws_len(b, i);
        if n == 0 {
            return i;
        }
        i += n;
    }
}

/// The first position at or after `i` that is not a space, tab, carriage return, form feed
/// or no-break space (white space other than a line feed).
#[inline]
pub(super) fn skip_hws(b: &[u8], mut i: usize) -> usize {
    loop {
        if b.get(i) == Some(&b'\n') {
            return i;
        }
        let n = ws_len(b, i);
        if n == 0 {
            return i;
        }
        i += n;
    }
}

/// The last position at or before `i` such that `b[..pos]` does not end in white space.
#[inline]
pub(super) fn trim_ws_back(b: &[u8], mut i: usize, floor: usize) -> usize {
    while i > floor {
        let n = ws_len_before(b, i);
        if n == 0 {
            break;
        }
        i -= n;
    }
    i
}

/// Byte length of a closing quote or bracket at `i`: `" ' ) ] } ” ’ » ›`, or 0.
#[inline]
pub(super) fn closer_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"' | b'\'' | b')' | b']' | b'}') => 1,
        Some(0xc2) if b.get(i + 1) == Some(&0xbb) => 2,
        Some(0xe2)
            if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x99 | 0x9d | 0xba)) =>
        {
            3
        }
        _ => 0,
    }
}

/// Byte length of the closing quote or bracket that ends just before `i`, or 0.
#[inline]
pub(super) fn closer_len_before(b: &[u8], i: usize) -> usize {
    if i >= 1 && closer_len(b, i - 1) == 1 && b[i - 1] < 0x80 {
        1
    } else if i >= 2 && closer_len(b, i - 2) == 2 {
        2
    } else if i >= 3 && closer_len(b, i - 3) == 3 {
        3
    } else {
        0
    }
}

/// Byte length of a superscript digit at `i` (`¹ ² ³ ⁰ ⁴`…`⁹`, footnote marks), or 0.
#[inline]
pub(super) fn superscript_len(b: &[u8], i: usize) -> usize {
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xc2), Some(0xb2 | 0xb3 | 0xb9), _) => 2,
        (Some(0xe2), Some(0x81), Some(0xb0 | 0xb4..=0xb9)) => 3,
        _ => 0,
    }
}

/// Byte length of an opening quote or bracket at `i`: `" ' ( [ { “ ‘ « ‹`, or 0.
#[inline]
pub(super) fn opener_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"' | b'\'' | b'(' | b'[' | b'{') => 1,
        Some(0xc2) if b.get(i + 1) == Some(&0xab) => 2,
        Some(0xe2)
            if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x9c | 0xb9)) =>
        {
            3
        }
        _ => 0,
    }
}

/// Byte length of a list bullet at `i` (`• ‣ ⁃ ◦ ▪ ● ■ ► ➢ ❖`, and U+F0B7, U+F0A7, the
/// bullets of the Symbol and Wingdings fonts as PDF extraction leaves them), or 0.
#[inline]
pub(super) fn bullet_len(b: &[u8], i: usize) -> usize {
    if !matches!(b.get(i), Some(0xe2 | 0xef)) {
        return 0;
    }
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(0xe2), Some(0x9e), Some(0xa2)) => 3,
        (Some(0xe2), Some(0x9d), Some(0x96)) => 3,
        (Some(0xef), Some(0x82), Some(0xa7 | 0xb7)) => 3,
        (Some(0xe2), Some(0x80), Some(0xa2 | 0xa3)) => 3,
        (Some(0xe2), Some(0x81), Some(0x83)) => 3,
        (Some(0xe2), Some(0x96), Some(0xa0 | 0xaa | 0xba)) => 3,
        (Some(0xe2), Some(0x97), Some(0x8f | 0xa6)) => 3,
        _ => 0,
    }
}

/// True if a horizontal ellipsis `…` starts at `i`.
#[inline]
pub(super) fn is_ellipsis(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&0xe2) && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xa6)
}

/// Byte length of a dash at `i` (`-`, `–`, `—`), or 0.
#[inline]
pub(super) fn dash_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'-') => 1,
        Some(0xe2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) => 3,
        _ => 0,
    }
}

/// The character starting at byte `i` of `text`, if `i` is inside the text.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The number of characters in `b` (bytes that do not continue a multi-byte character).
#[inline]
pub(super) fn char_count(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x & 0xc0) != 0x80).count()
}

/// The start of the line containing position `i` (just after the previous line feed).
#[inline]
pub(super) fn line_start(b: &[u8], i: usize) -> usize {
    memchr::memrchr(b'\n', &b[..i]).map_or(0, |p| p + 1)
}

/// The end of the line containing position `i` (the next line feed, or the end of text).
#[inline]
pub(super) fn line_end(b: &[u8], i: usize) -> usize {
    memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_matches_char_is_whitespace() {
        for c in (0u32..0x3100).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let b = s.as_bytes();
            let n = c.len_utf8();
            assert_eq!(ws_len(b, 1) == n, c.is_whitespace(), "{c:?}");
            assert_eq!(ws_len_before(b, 1 + n) == n, c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn quotes_and_bullets() {
        let s = "”’»)“‘«(•⁃…–";
        let b = s.as_bytes();
        assert_eq!(closer_len(b, 0), 3);
        assert_eq!(closer_len(b, 3), 3);
        assert_eq!(closer_len(b, 6), 2);
        assert_eq!(closer_len(b, 8), 1);
        assert_eq!(closer_len_before(b, 3), 3);
        assert_eq!(closer_len_before(b, 8), 2);
        assert_eq!(opener_len(b, 9), 3);
        assert_eq!(opener_len(b, 15), 2);
        assert_eq!(opener_len(b, 17), 1);
        assert_eq!(bullet_len(b, 18), 3);
        assert_eq!(bullet_len(b, 21), 3);
        assert!(is_ellipsis(b, 24));
        assert_eq!(dash_len(b, 27), 3);
        assert_eq!(char_count(b), 12);
        let sup = "¹²³⁴⁰".as_bytes();
        assert_eq!(
            (
                superscript_len(sup, 0),
                superscript_len(sup, 4),
                superscript_len(sup, 6)
            ),
            (2, 2, 3)
        );
        assert_eq!(superscript_len(sup, 9), 3);
        assert_eq!(superscript_len(b"1", 0), 0);
    }
}
