//! Small cursor helpers over the words around a figure: the recognisers look a few words
//! left and right of each number instead of tokenising whole sentences.
//!
//! A *word* is a run of alphanumeric characters, with apostrophes (`'`, `’`) inside it
//! (`Iran’s`, `don't`); a hyphen is not part of a word (`five-day` is `five`, `-`, `day`).
//! Any other character that is not white space is a one-character punctuation token.
//! All positions are byte offsets into the text and lie on character boundaries.

use crate::span::Span;

/// What a [`Token`] is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum TokKind {
    /// Letters and digits (with inner apostrophes).
    Word,
    /// One punctuation or symbol character.
    Punct,
}

/// A word or a punctuation character, as a span of the text.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) kind: TokKind,
}

impl Token {
    /// The text of the token.
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span]
    }

    /// True for a word equal to `w` ignoring ASCII case (`w` in lowercase).
    #[inline]
    pub(crate) fn is(&self, text: &str, w: &str) -> bool {
        self.kind == TokKind::Word
            && self.span.len() == w.len()
            && text.as_bytes()[self.span].eq_ignore_ascii_case(w.as_bytes())
    }

    /// True for a punctuation token that is `c` (a punctuation token is one character).
    #[inline]
    pub(crate) fn is_char(&self, text: &str, c: char) -> bool {
        let mut buf = [0u8; 4];
        self.kind == TokKind::Punct
            && text.as_bytes()[self.span] == *c.encode_utf8(&mut buf).as_bytes()
    }

    /// True for a word.
    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

/// White space, including the no-break and thin spaces of typeset text.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// A character that can be part of a word.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The first position at or after `pos` (and before `hi`) that is not white space.
pub(crate) fn skip_space(text: &str, mut pos: usize, hi: usize) -> usize {
    let b = text.as_bytes();
    while pos < hi {
        if b[pos] < 0x80 {
            if b[pos].is_ascii_whitespace() {
                pos += 1;
                continue;
            }
            return pos;
        }
        match text[pos..].chars().next() {
            Some(c) if is_space(c) => pos += c.len_utf8(),
            _ => return pos,
        }
    }
    hi
}

/// The position just after the last non-space character before `pos` (not before `lo`).
pub(crate) fn skip_space_back(text: &str, mut pos: usize, lo: usize) -> usize {
    let b = text.as_bytes();
    while pos > lo {
        if b[pos - 1] < 0x80 {
            if b[pos - 1].is_ascii_whitespace() {
                pos -= 1;
                continue;
            }
            return pos;
        }
        match text[..pos].chars().next_back() {
            Some(c) if is_space(c) => pos -= c.len_utf8(),
            _ => return pos,
        }
    }
    lo
}

/// ASCII letters and digits, by byte: the fast path of the token loops (a table lookup
/// instead of range tests).
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The token starting at or after `pos`, ending at or before `hi`.
///
/// The usual token, ASCII after at most one space and ended by an ASCII byte other than
/// an apostrophe, is read here; any other goes to [`next_token_full`].
#[inline]
pub(crate) fn next_token(text: &str, pos: usize, hi: usize) -> Option<Token> {
    let b = text.as_bytes();
    let mut start = pos;
    if start < hi && b[start] == b' ' {
        start += 1;
    }
    if start >= hi {
        return None;
    }
    let x0 = b[start];
    if x0 >= 0x80 || x0.is_ascii_whitespace() {
        return next_token_full(text, pos, hi);
    }
    if !ASCII_WORD[usize::from(x0)] {
        return Some(Token {
            span: Span::new(start, start + 1),
            kind: TokKind::Punct,
        });
    }
    let mut end = start + 1;
    while end < hi && ASCII_WORD[usize::from(b[end])] {
        end += 1;
    }
    if end < hi && (b[end] >= 0x80 || b[end] == b'\'') {
        return next_token_full(text, pos, hi);
    }
    Some(Token {
        span: Span::new(start, end),
        kind: TokKind::Word,
    })
}

/// [`next_token`] for any text: white space other than one ASCII space, characters
/// outside ASCII, apostrophes.
#[cold]
#[inline(never)]
fn next_token_full(text: &str, pos: usize, hi: usize) -> Option<Token> {
    let b = text.as_bytes();
    // Most tokens follow one ASCII space: other white space takes the general path.
    let mut start = pos;
    if start < hi && b[start] == b' ' {
        start += 1;
    }
    if start < hi && (b[start] >= 0x80 || b[start].is_ascii_whitespace()) {
        start = skip_space(text, start, hi);
    }
    if start >= hi {
        return None;
    }
    let x0 = b[start];
    let mut end = if x0 < 0x80 {
        if !ASCII_WORD[usize::from(x0)] {
            return Some(Token {
                span: Span::new(start, start + 1),
                kind: TokKind::Punct,
            });
        }
        start + 1
    } else {
        let c0 = char_at(text, start, hi)?;
        if !is_word_char(c0) {
            return Some(Token {
                span: Span::new(start, start + c0.len_utf8()),
                kind: TokKind::Punct,
            });
        }
        start + c0.len_utf8()
    };
    loop {
        while end < hi && ASCII_WORD[usize::from(b[end])] {
            end += 1;
        }
        if end >= hi {
            break;
        }
        let x = b[end];
        if x < 0x80 && x != b'\'' {
            break;
        }
        let Some(c) = char_at(text, end, hi) else {
            break;
        };
        if is_word_char(c) {
            end += c.len_utf8();
        } else if is_apostrophe(c) {
            // Inside a word only if a letter follows.
            let j = end + c.len_utf8();
            match char_at(text, j, hi) {
                Some(d) if d.is_alphabetic() => end = j,
                _ => break,
            }
        } else {
            break;
        }
    }
    Some(Token {
        span: Span::new(start, end),
        kind: TokKind::Word,
    })
}

/// The character at `pos`, if before `hi`.
#[inline]
fn char_at(text: &str, pos: usize, hi: usize) -> Option<char> {
    if pos >= hi {
        return None;
    }
    let b = text.as_bytes()[pos];
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text[pos..hi].chars().next()
    }
}

/// The character ending at `pos`, if after `lo`.
#[inline]
fn char_before(text: &str, pos: usize, lo: usize) -> Option<char> {
    if pos <= lo {
        return None;
    }
    let b = text.as_bytes()[pos - 1];
    if b < 0x80 {
        Some(char::from(b))
    } else {
        text[lo..pos].chars().next_back()
    }
}

/// The token ending at or before `pos` (after skipping white space), starting at or after `lo`.
///
/// The usual token, ASCII before at most one space and begun after an ASCII byte other
/// than an apostrophe, is read here; any other goes to [`prev_token_full`].
#[inline]
pub(crate) fn prev_token(text: &str, pos: usize, lo: usize) -> Option<Token> {
    let b = text.as_bytes();
    let mut end = pos;
    if end > lo && b[end - 1] == b' ' {
        end -= 1;
    }
    if end <= lo {
        return None;
    }
    let x0 = b[end - 1];
    if x0 >= 0x80 || x0.is_ascii_whitespace() {
        return prev_token_full(text, pos, lo);
    }
    if !ASCII_WORD[usize::from(x0)] {
        return Some(Token {
            span: Span::new(end - 1, end),
            kind: TokKind::Punct,
        });
    }
    let mut start = end - 1;
    while start > lo && ASCII_WORD[usize::from(b[start - 1])] {
        start -= 1;
    }
    if start > lo && (b[start - 1] >= 0x80 || b[start - 1] == b'\'') {
        return prev_token_full(text, pos, lo);
    }
    Some(Token {
        span: Span::new(start, end),
        kind: TokKind::Word,
    })
}

/// [`prev_token`] for any text: white space other than one ASCII space, characters
/// outside ASCII, apostrophes.
#[cold]
#[inline(never)]
fn prev_token_full(text: &str, pos: usize, lo: usize) -> Option<Token> {
    let b = text.as_bytes();
    // Most tokens are followed by one ASCII space: other white space takes the general path.
    let mut end = pos;
    if end > lo && b[end - 1] == b' ' {
        end -= 1;
    }
    if end > lo && (b[end - 1] >= 0x80 || b[end - 1].is_ascii_whitespace()) {
        end = skip_space_back(text, end, lo);
    }
    if end <= lo {
        return None;
    }
    let x0 = b[end - 1];
    let mut start = if x0 < 0x80 {
        if !ASCII_WORD[usize::from(x0)] {
            return Some(Token {
                span: Span::new(end - 1, end),
                kind: TokKind::Punct,
            });
        }
        end - 1
    } else {
        let c0 = char_before(text, end, lo)?;
        if !is_word_char(c0) {
            return Some(Token {
                span: Span::new(end - c0.len_utf8(), end),
                kind: TokKind::Punct,
            });
        }
        end - c0.len_utf8()
    };
    loop {
        while start > lo && ASCII_WORD[usize::from(b[start - 1])] {
            start -= 1;
        }
        if start <= lo {
            break;
        }
        let x = b[start - 1];
        if x < 0x80 && x != b'\'' {
            break;
        }
        let Some(c) = char_before(text, start, lo) else {
            break;
        };
        if is_word_char(c) {
            start -= c.len_utf8();
        } else if is_apostrophe(c) && char_at(text, start, end).is_some_and(char::is_alphabetic) {
            // An apostrophe inside a word: a letter or digit must precede it.
            let k = start - c.len_utf8();
            if char_before(text, k, lo).is_some_and(is_word_char) {
                start = k;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    Some(Token {
        span: Span::new(start, end),
        kind: TokKind::Word,
    })
}

/// The word made of `tok` and any words glued to it by hyphens (`MEK-linked`,
/// `non-Iranians`), with no space around the hyphens.
pub(crate) fn hyphen_compound(text: &str, tok: Token, hi: usize) -> Span {
    let b = text.as_bytes();
    let mut end = tok.span.end;
    while end + 1 < hi && b[end] == b'-' && text[end + 1..].starts_with(is_word_char) {
        match next_token(text, end + 1, hi) {
            Some(t) if t.span.start == end + 1 && t.is_word() => end = t.span.end,
            _ => break,
        }
    }
    Span::new(tok.span.start, end)
}

/// `w` in ASCII lowercase, in `buf`, if it is short and ASCII; `None` otherwise.
pub(crate) fn lower<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    // Most words are lowercase already: the word itself, with nothing copied.
    if !b.iter().any(u8::is_ascii_uppercase) {
        return Some(w);
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// A word of at most 16 bytes as a number, its ASCII letters in lowercase (byte `k` of the
/// word in byte `k` of the number), for comparisons with no string compare; `None` for a
/// longer word. Equal keys are equal words, ignoring ASCII case.
pub(crate) fn word_key(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > 16 {
        return None;
    }
    let mut key = 0u128;
    for (k, &c) in b.iter().enumerate() {
        key |= u128::from(c.to_ascii_lowercase()) << (8 * k);
    }
    Some(key)
}

/// True if the character before `pos` (not before `lo`) is a word character.
pub(crate) fn word_char_before(text: &str, pos: usize, lo: usize) -> bool {
    pos > lo && text[lo..pos].chars().next_back().is_some_and(is_word_char)
}

/// True if `s` ends with `suffix` (ASCII, lowercase), ignoring ASCII case.
pub(crate) fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// True if `s` starts with an uppercase letter.
pub(crate) fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_fwd(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(t) = next_token(text, pos, text.len()) {
            out.push(t.text(text));
            pos = t.span.end;
        }
        out
    }

    fn words_back(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = text.len();
        while let Some(t) = prev_token(text, pos, 0) {
            out.push(t.text(text));
            pos = t.span.start;
        }
        out.reverse();
        out
    }

    #[test]
    fn tokens_both_ways() {
        for text in [
            "Iran’s five-day ‘talks’, don't stop: 17,000 people.",
            "  a\u{a0}b\u{2009}c ",
            "l'État’ 'quoted' x",
            "",
            "’’",
        ] {
            assert_eq!(words_fwd(text), words_back(text), "{text:?}");
        }
        assert_eq!(
            words_fwd("Iran’s five-day talks, 17,000"),
            ["Iran’s", "five", "-", "day", "talks", ",", "17", ",", "000"]
        );
    }

    #[test]
    fn white_space_and_bounds() {
        // (text, lo, hi, tokens between lo and hi)
        let table: &[(&str, usize, usize, &[&str])] = &[
            ("a  b\tc\n\nd", 0, 9, &["a", "b", "c", "d"]),
            ("x\u{a0}\u{feff} y\u{2009}", 0, 11, &["x", "y"]),
            ("one two three", 2, 9, &["e", "two", "t"]),
            ("  ", 0, 2, &[]),
            (" ,é.", 0, 5, &[",", "é", "."]),
            ("ab\u{b}cd", 0, 5, &["ab", "\u{b}", "cd"]),
            ("naïve’s dog'", 0, 15, &["naïve’s", "dog", "'"]),
            ("x'", 0, 2, &["x", "'"]),
        ];
        for &(text, lo, hi, want) in table {
            let mut fwd = Vec::new();
            let mut pos = lo;
            while let Some(t) = next_token(text, pos, hi) {
                fwd.push(t.text(text));
                pos = t.span.end;
            }
            let mut back = Vec::new();
            let mut pos = hi;
            while let Some(t) = prev_token(text, pos, lo) {
                back.push(t.text(text));
                pos = t.span.start;
            }
            back.reverse();
            assert_eq!(fwd, want, "{text:?}");
            assert_eq!(back, want, "{text:?}");
        }
        // A word that crosses a 64-byte block edge.
        let long = format!("{} {}", "a".repeat(60), "b".repeat(10));
        assert_eq!(
            next_token(&long, 60, long.len()).unwrap().span,
            Span::new(61, 71)
        );
        assert_eq!(prev_token(&long, 71, 0).unwrap().span, Span::new(61, 71));
    }

    #[test]
    fn fast_paths_as_the_full_scans() {
        for text in [
            "Iran’s five-day ‘talks’, don't stop: 17,000 people.",
            "  a\u{a0}b\u{2009}c \t\n x'  'y '' l'État’ naïve’s dog' ~300 ≈ 5",
            "word  word\u{feff}word’s x' ' end",
        ] {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &lo in &bounds {
                for &hi in bounds.iter().filter(|&&hi| hi >= lo) {
                    for &pos in bounds.iter().filter(|&&p| p >= lo && p <= hi) {
                        assert_eq!(
                            next_token(text, pos, hi),
                            next_token_full(text, pos, hi),
                            "{text:?} {pos} {hi}"
                        );
                        assert_eq!(
                            prev_token(text, pos, lo),
                            prev_token_full(text, pos, lo),
                            "{text:?} {pos} {lo}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn word_keys() {
        let words = [
            "",
            "a",
            "Dollars",
            "dollars",
            "DOLLARS",
            "dollar",
            "é",
            "naïve",
            "x".repeat(16).leak(),
            "x".repeat(17).leak(),
        ];
        for a in words {
            for b in words {
                let same = a.len() <= 16 && b.len() <= 16 && a.eq_ignore_ascii_case(b);
                assert_eq!(
                    word_key(a).is_some() && word_key(a) == word_key(b),
                    same,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn compounds_and_lowercase() {
        let t = "MEK-linked accounts";
        let tok = next_token(t, 0, t.len()).unwrap();
        assert_eq!(&t[hyphen_compound(t, tok, t.len())], "MEK-linked");
        let mut buf = [0u8; 24];
        assert_eq!(lower("KiLLed", &mut buf), Some("killed"));
        assert_eq!(lower("Ünïcode", &mut buf), None);
    }
}
