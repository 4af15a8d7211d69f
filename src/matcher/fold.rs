//! Folding: the equivalences under which an alias matches text (SPEC §1).
//!
//! Letters fold to lowercase with their diacritics removed (`Manëz` = `manez`); curly and
//! straight apostrophes fold to `'`; every dash or hyphen folds to a single space, so an alias
//! dash matches a dash or a space; a run of white space folds to one space; combining marks,
//! soft hyphens and zero-width characters fold to nothing.
//!
//! The same function folds the aliases (once, when the automaton is built) and the text
//! (one character at a time, while the automaton walks), so no folded copy of the text is
//! ever made and offsets need no alignment table: the walk knows where each original
//! character starts and ends.

use super::fold_table::{FOLDS, MARKS};

/// What one character of text folds to.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Folded {
    /// White space: a run of it folds to one space.
    Space,
    /// Nothing (combining marks, soft hyphen, zero-width characters).
    Skip,
    /// One ASCII byte.
    Byte(u8),
    /// A short static string (diacritic folds such as `ß` → `ss`).
    Str(&'static str),
    /// The full lowercase mapping of a character outside the tables.
    Lower(char),
}

/// Folding of the ASCII range: lowercase letters; `-` → space; `` ` `` → `'`;
/// white space marked by 0xFF.
pub(crate) static ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t[b'\t' as usize] = 0xFF;
    t[b'\n' as usize] = 0xFF;
    t[0x0B] = 0xFF;
    t[0x0C] = 0xFF;
    t[b'\r' as usize] = 0xFF;
    t[b' ' as usize] = 0xFF;
    t[b'-' as usize] = b' ';
    t[b'`' as usize] = b'\'';
    t
};

/// Folds one ASCII byte: `None` for white space.
#[inline(always)]
pub(crate) fn fold_ascii(b: u8) -> Option<u8> {
    let f = ASCII[(b & 0x7F) as usize];
    if f == 0xFF { None } else { Some(f) }
}

/// Folds one character.
#[inline]
pub(crate) fn fold_char(c: char) -> Folded {
    if c.is_ascii() {
        return match fold_ascii(c as u8) {
            None => Folded::Space,
            Some(b) => Folded::Byte(b),
        };
    }
    fold_non_ascii(c)
}

#[cold]
fn fold_non_ascii(c: char) -> Folded {
    match c {
        // dashes and hyphens, the minus sign
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Folded::Byte(b' ')
        }
        // apostrophes and single quotes
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => {
            Folded::Byte(b'\'')
        }
        // soft hyphen, zero-width characters, BOM
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Folded::Skip,
        c if c.is_whitespace() => Folded::Space,
        c if is_mark(c) => Folded::Skip,
        c => match FOLDS.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => Folded::Str(FOLDS[i].1),
            Err(_) => Folded::Lower(c),
        },
    }
}

/// True for combining marks (diacritics written as separate characters).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x300 {
        return false;
    }
    let i = MARKS.partition_point(|&(_, hi)| hi < c);
    MARKS.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// Calls `f` with each folded byte of `c` (nothing for `Space`: callers handle runs).
#[inline]
pub(crate) fn for_each_byte(folded: Folded, mut f: impl FnMut(u8)) {
    match folded {
        Folded::Space | Folded::Skip => {}
        Folded::Byte(b) => f(b),
        Folded::Str(s) => s.bytes().for_each(f),
        Folded::Lower(c) => {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                // Full lowercasing may add a combining mark (`İ` → `i̇`): drop it, as the
                // fold drops marks everywhere else.
                if let Folded::Skip = fold_non_ascii_or_ascii(l) {
                    continue;
                }
                l.encode_utf8(&mut buf).bytes().for_each(&mut f);
            }
        }
    }
}

#[inline]
fn fold_non_ascii_or_ascii(c: char) -> Folded {
    if c.is_ascii() {
        Folded::Byte(c as u8)
    } else {
        fold_non_ascii(c)
    }
}

/// Folds a whole string the way aliases are folded: white-space runs become one space,
/// and leading and trailing spaces (from white space or dashes) are trimmed.
pub(crate) fn fold_str(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let f = fold_char(c);
        match f {
            Folded::Space => pending_space = true,
            Folded::Skip => {}
            _ => {
                if pending_space {
                    out.push(b' ');
                    pending_space = false;
                }
                for_each_byte(f, |b| out.push(b));
            }
        }
    }
    while out.last() == Some(&b' ') {
        out.pop();
    }
    let lead = out.iter().take_while(|&&b| b == b' ').count();
    out.drain(..lead);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        String::from_utf8(fold_str(s)).unwrap()
    }

    #[test]
    fn folds() {
        assert_eq!(f("Manëz"), "manez");
        assert_eq!(f("Durrës"), "durres");
        assert_eq!(f("Straße"), "strasse");
        assert_eq!(f("Łódź"), "lodz");
        assert_eq!(f("People’s"), "people's");
        assert_eq!(f("Mujahedin‐e–Khalq"), "mujahedin e khalq");
        assert_eq!(f("  Camp \n\t Ashraf  "), "camp ashraf");
        assert_eq!(f("İstanbul"), "istanbul");
        assert_eq!(f("Mane\u{0301}z"), "manez");
        assert_eq!(f("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(f("Αθήνα"), "αθηνα");
        assert_eq!(f("Йемен"), "иемен");
        assert_eq!(f("مُحَمَّد"), "محمد");
        assert_eq!(f("Nguyễn"), "nguyen");
        assert_eq!(f("soft\u{00AD}hyphen"), "softhyphen");
        assert_eq!(f("a\u{00A0}b"), "a b");
    }

    #[test]
    fn table_is_sorted() {
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(MARKS.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(is_mark('\u{0301}') && is_mark('\u{064E}') && !is_mark('a') && !is_mark('é'));
    }
}
