//! Word boundaries (SPEC §1), including the boundaries inside glued scraped text.

/// True for characters that make up words: letters, digits and combining marks.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || super::fold::is_mark(c)
    }
}

#[inline]
fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        c.is_uppercase()
    }
}

#[inline]
fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        c.is_lowercase()
    }
}

/// True if byte offset `pos` of `text` (a character boundary) is a word boundary.
///
/// Besides the ordinary boundaries between a word character and anything else, two
/// boundaries split words glued together in scraped text:
/// - a lowercase letter followed by an uppercase one (`outfits|Kourosh`, `Jazeera|The`),
///   except after a one-letter word (`iPhone`, `eBay`) or a capital and at most two
///   lowercase letters (`McDonald`, `DeSantis`, `MacArthur`, `YouTube`), which are names;
/// - the point before the last capital of a run of capitals followed by a lowercase letter
///   (`MEK|Massoud`).
pub(crate) fn is_boundary(text: &str, pos: usize) -> bool {
    let (Some(prev), Some(cur)) = (text[..pos].chars().next_back(), text[pos..].chars().next())
    else {
        return true;
    };
    if !is_word(prev) || !is_word(cur) {
        return true;
    }
    if is_upper(cur) {
        if is_lower(prev) {
            return camel_boundary(&text[..pos]);
        }
        if is_upper(prev) {
            return text[pos + cur.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_lower);
        }
    }
    false
}

/// `before` ends with a lowercase letter that an uppercase one follows: is it a boundary?
fn camel_boundary(before: &str) -> bool {
    let mut run = 0;
    let mut chars = before.chars().rev();
    let ahead = loop {
        match chars.next() {
            Some(c) if is_lower(c) => {
                run += 1;
                if run > 3 {
                    return true;
                }
            }
            other => break other,
        }
    };
    match ahead {
        Some(c) if is_upper(c) => run > 2,
        Some(c) if is_word(c) => true,
        _ => run > 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boundaries(s: &str) -> Vec<usize> {
        (0..=s.len())
            .filter(|&i| s.is_char_boundary(i) && is_boundary(s, i))
            .collect()
    }

    #[test]
    fn plain_words() {
        assert_eq!(boundaries("MEK-linked"), [0, 3, 4, 10]);
        assert_eq!(boundaries("Iran’s"), [0, 4, 7, 8]);
        assert_eq!(boundaries("a b"), [0, 1, 2, 3]);
    }

    #[test]
    fn glued_words() {
        assert!(is_boundary("outfitsKourosh", 7));
        assert!(is_boundary("Al JazeeraThe Guardian", 10));
        assert!(is_boundary("MEKMassoud", 3));
        assert!(!is_boundary("MEKMassoud", 2));
        assert!(is_boundary("Photo byJacques", 8));
        assert!(!is_boundary("McDonald", 2));
        assert!(!is_boundary("DeSantis", 2));
        assert!(!is_boundary("MacArthur", 3));
        assert!(!is_boundary("YouTube", 3));
        assert!(!is_boundary("iPhone", 1));
        assert!(!is_boundary("USA", 2));
        assert!(!is_boundary("7Tir", 1));
        assert!(is_boundary("JPMorgan", 2));
    }
}
