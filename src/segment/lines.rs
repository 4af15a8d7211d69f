//! Line structure: paragraphs, page debris, and whether a single line break ends a sentence.
//!
//! Text extracted from PDF files is hard-wrapped: a sentence runs over several lines, some
//! lines start with a space, justified lines carry double spaces. A single line break ends a
//! sentence only when the line before it was broken on purpose: it is short for its paragraph
//! (a heading, a byline, a list entry), or the next line opens a list item. A line that ends
//! with a comma, a dash or a word such as `at` or `the` goes on.

use super::chars::{
    bullet_len, char_at, char_count, closer_len_before, dash_len, is_ellipsis, line_end,
    line_start, opener_len, skip_hws, trim_ws_back, ws_len, ws_len_before,
};
use super::words::is_line_continuation;

/// A paragraph (lines between blank lines) and the statistics the line-break rule needs.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Para {
    /// First byte of the paragraph's first line.
    pub start: usize,
    /// End of the paragraph's last line (its line feed or the end of text).
    pub end: usize,
    /// The width the paragraph is wrapped at, in characters (trailing white space not
    /// counted): its longest line, or, in a paragraph of four lines or more, the second
    /// longest when the longest sticks out by more than a third (a long URL, a table row).
    pub width: usize,
    /// A block of short lines none of which ends like a sentence: a list, an address, a
    /// menu. Every line of it is its own sentence.
    pub list_block: bool,
}

impl Para {
    /// True if the line feed at `i` lies inside this paragraph.
    #[inline]
    pub fn covers(&self, i: usize) -> bool {
        self.start <= i && i < self.end
    }
}

/// True if the line `b[from..to]` is empty or white space only.
#[inline]
fn is_blank(b: &[u8], from: usize, to: usize) -> bool {
    skip_hws(b, from) >= to
}

/// True if the text before `end` ends like a sentence: `.`, `!`, `?` or `…`, then any
/// closing quotes or brackets.
pub(super) fn ends_like_sentence(b: &[u8], mut end: usize, floor: usize) -> bool {
    loop {
        let n = closer_len_before(b, end);
        if n == 0 || end - n < floor {
            break;
        }
        end -= n;
    }
    end > floor
        && (matches!(b[end - 1], b'.' | b'!' | b'?')
            || (end >= floor + 3 && is_ellipsis(b, end - 3)))
}

/// The paragraph around the line feed at `i`.
pub(super) fn paragraph(b: &[u8], i: usize) -> Para {
    // Back to the first line after a blank line.
    let mut start = line_start(b, i);
    while start > 0 {
        let prev = line_start(b, start - 1);
        if is_blank(b, prev, start - 1) {
            break;
        }
        start = prev;
    }
    // Forward over the lines, to the next blank line.
    let mut para = Para {
        start,
        end: b.len(),
        width: 0,
        list_block: false,
    };
    let mut any_terminal = false;
    let (mut longest, mut second, mut lines) = (0, 0, 0);
    let mut ls = start;
    loop {
        let le = line_end(b, ls);
        if is_blank(b, ls, le) && ls > i {
            para.end = ls;
            break;
        }
        let content_end = trim_ws_back(b, le, ls);
        let n = char_count(&b[ls..content_end]);
        lines += 1;
        if n > longest {
            second = longest;
            longest = n;
        } else if n > second {
            second = n;
        }
        any_terminal |= ends_like_sentence(b, content_end, ls);
        if le >= b.len() {
            para.end = b.len();
            break;
        }
        ls = le + 1;
    }
    para.width = if lines >= 4 && longest * 3 > second * 4 {
        second
    } else {
        longest
    };
    para.list_block = longest < 50 && !any_terminal;
    para
}

/// If a page-debris line starts at `p` (the first non-blank byte of a line), the end of that
/// line. Debris: a line of only `*`, `_`, `=`, `~`, `#`, `·` or dashes (`***`, `* * *`,
/// `----`), or a page number (`12`, `- 12 -`, `Page 3`, `3 of 10`, `3/10`, `Page 1024`; a
/// bare four-digit number is a year and stays).
pub(super) fn debris_end(b: &[u8], p: usize) -> Option<usize> {
    // Most lines start with a letter or a quote: none of that is debris, and the line's
    // end is not looked for.
    if !may_start_debris(b, p) {
        return None;
    }
    let le = line_end(b, p);
    let end = trim_ws_back(b, le, p);
    if end <= p || end - p > 40 {
        return None;
    }
    let line = &b[p..end];
    if is_rule_line(line) || is_page_number(line) {
        Some(le)
    } else {
        None
    }
}

/// False if no debris line starts at `p` (by its first byte alone): [`debris_end`] is
/// `None` there.
#[inline(always)]
pub(super) fn may_start_debris(b: &[u8], p: usize) -> bool {
    b.get(p).is_some_and(|&c| DEBRIS_START[usize::from(c)])
}

/// The bytes a debris line can start with (it starts on a non-blank byte): rule marks
/// (`*`, `_`, `=`, `~`, `#`, the lead bytes of `·` and of the dashes), the decorations
/// of a page number (`-`, `|`, `[`, `(`), the `P` of `Page`, and digits.
static DEBRIS_START: [bool; 256] = {
    let mut t = [false; 256];
    let marks = b"*_=~#-|[(Pp0123456789";
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t[0xc2] = true;
    t[0xe2] = true;
    t
};

fn is_rule_line(line: &[u8]) -> bool {
    let mut i = 0;
    let mut marks = 0;
    while i < line.len() {
        let n = dash_len(line, i);
        if n > 0 {
            i += n;
            marks += 1;
            continue;
        }
        match line[i] {
            b'*' | b'_' | b'=' | b'~' | b'#' => {
                i += 1;
                marks += 1;
            }
            b' ' | b'\t' => i += 1,
            0xc2 if line.get(i + 1) == Some(&0xb7) => {
                i += 2;
                marks += 1;
            }
            _ => return false,
        }
    }
    marks > 0
}

fn is_page_number(line: &[u8]) -> bool {
    let mut i = 0;
    let skip_sp = |i: &mut usize| {
        while *i < line.len() && matches!(line[*i], b' ' | b'\t') {
            *i += 1;
        }
    };
    let skip_deco = |i: &mut usize| {
        loop {
            let n = dash_len(line, *i);
            if n > 0 {
                *i += n;
            } else if *i < line.len() && matches!(line[*i], b'|' | b'[' | b'(') {
                *i += 1;
            } else {
                break;
            }
            while *i < line.len() && matches!(line[*i], b' ' | b'\t') {
                *i += 1;
            }
        }
    };
    skip_deco(&mut i);
    let mut context = false;
    if line.len() >= i + 4 && line[i..i + 4].eq_ignore_ascii_case(b"page") {
        i += 4;
        skip_sp(&mut i);
        context = true;
    }
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < line.len() && line[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > s && *i - s <= 4
    };
    let first = i;
    if !digits(&mut i) {
        return false;
    }
    // A bare four-digit number is a year (`2021` under a title), not a page.
    let long = i - first == 4;
    skip_sp(&mut i);
    if long
        && !context
        && !(i < line.len()
            && (line[i] == b'/'
                || line[i..].len() >= 2 && line[i..i + 2].eq_ignore_ascii_case(b"of")))
    {
        return false;
    }
    if i < line.len() && line[i] == b'/' {
        i += 1;
        skip_sp(&mut i);
        if !digits(&mut i) {
            return false;
        }
    } else if line.len() >= i + 2 && line[i..i + 2].eq_ignore_ascii_case(b"of") {
        i += 2;
        skip_sp(&mut i);
        if !digits(&mut i) {
            return false;
        }
    }
    skip_sp(&mut i);
    let mut j = i;
    loop {
        let n = dash_len(line, j);
        if n > 0 {
            j += n;
        } else if j < line.len() && matches!(line[j], b'|' | b']' | b')' | b' ' | b'\t') {
            j += 1;
        } else {
            break;
        }
    }
    j == line.len()
}

/// A list item marker at `j`: one to three digits or a single letter, then `.`, `)` or
/// `.)`, then white space (`1. `, `2) `, `a. `, `B) `).
pub(super) fn is_list_marker(b: &[u8], j: usize) -> bool {
    let mut k = j;
    while k < b.len() && k - j < 3 && b[k].is_ascii_digit() {
        k += 1;
    }
    let digits = k > j;
    if !digits {
        match b.get(k) {
            Some(c)
                if c.is_ascii_alphabetic()
                    && !b.get(k + 1).is_some_and(u8::is_ascii_alphabetic) =>
            {
                k += 1
            }
            _ => return false,
        }
    }
    let letter_upper = !digits && b[j].is_ascii_uppercase();
    match (b.get(k), b.get(k + 1)) {
        (Some(b'.'), Some(b')')) => k += 2,
        (Some(b'.'), _) if !letter_upper => k += 1,
        (Some(b')'), _) => k += 1,
        _ => return false,
    }
    matches!(b.get(k), Some(b' ' | b'\t'))
}

/// Does the single line feed at `i` end a sentence? `j` is the first non-blank byte of the
/// next line, which is neither blank nor debris; `para` is the paragraph around `i`.
pub(super) fn line_break_ends_sentence(text: &str, i: usize, j: usize, para: &Para) -> bool {
    let b = text.as_bytes();
    let ls = line_start(b, i);
    let first = skip_hws(b, ls);
    let pe = trim_ws_back(b, i, ls);
    if pe <= first {
        return false;
    }
    // A line ending in sentence punctuation has been decided by the punctuation rules.
    if ends_like_sentence(b, pe, first) {
        return false;
    }
    // A bullet alone on its line belongs to the item on the next line.
    if bullet_len(b, first) == pe - first {
        return false;
    }
    // The next line opens a list item.
    if bullet_len(b, j) > 0 || is_list_marker(b, j) {
        return true;
    }
    // A line starting with a dash goes on the sentence, unless it is a list item: both
    // lines are dash items, or an item (`- `, `* `) follows a line ending with a colon.
    let item = |p: usize| {
        let n = dash_len(b, p).max(usize::from(b[p] == b'*'));
        n > 0 && matches!(b.get(p + n), Some(b' ' | b'\t'))
    };
    if dash_len(b, j) > 0 || b[j] == b'*' {
        return item(j) && (item(first) || (b[pe - 1] == b':' && matches!(b[j], b'-' | b'*')));
    }
    // The previous line ends inside a sentence: a comma, a colon, an open bracket, a dash.
    if matches!(
        b[pe - 1],
        b',' | b';' | b':' | b'-' | b'(' | b'[' | b'&' | b'/' | b'+'
    ) || dash_len(b, pe.saturating_sub(3)) == 3
        || (pe >= 3 && opener_len(b, pe - 3) == 3)
        || (pe >= 1 && opener_len(b, pe - 1) == 1 && b[pe - 1] != b'\'' && b[pe - 1] != b'"')
    {
        return false;
    }
    // The next line goes on with punctuation or a closing bracket.
    if matches!(b[j], b',' | b';' | b':' | b')' | b']' | b'%' | b'.') {
        return false;
    }
    if para.list_block {
        return true;
    }
    match char_at(text, j) {
        Some(c) if c.is_lowercase() => return false,
        None => return false,
        _ => {}
    }
    // A line that the next line's first word would have fitted on, with room to spare, was
    // broken on purpose (a heading, a byline, a title in a list of links); a line as long as
    // the paragraph's lines was wrapped. Wrapped lines measure at least nine tenths of the
    // width with the next word added; character counts of proportional fonts vary, hence the
    // margin.
    let len = char_count(&b[ls..pe]);
    let mut we = j;
    while we < b.len() && ws_len(b, we) == 0 {
        we += 1;
    }
    let next_word = char_count(&b[j..we]);
    if (len + 1 + next_word) * 20 >= para.width * 17 {
        return false;
    }
    // A line that ends with a function word goes on, unless it is far shorter than the rest.
    let mut ws = pe;
    while ws > first && b[ws - 1].is_ascii_alphabetic() {
        ws -= 1;
    }
    let function_word = ws < pe
        && b[ws].is_ascii_lowercase()
        && (ws == first || ws_len_before(b, ws) > 0)
        && is_line_continuation(&b[ws..pe]);
    !(function_word && len * 3 >= para.width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_debris_where_its_first_byte_rules_it_out() {
        for line in [
            "12", "- 3 -", "***", "Page 4", "p. 5", "[6]", "(7)", "|8|", "—", "· · ·",
        ] {
            for c in 0..=255u8 {
                let mut b = vec![c];
                b.extend_from_slice(line.as_bytes());
                b.push(b'\n');
                for p in 0..b.len() {
                    if !may_start_debris(&b, p) {
                        assert_eq!(debris_end(&b, p), None, "{b:?} {p}");
                    }
                }
            }
            let b = line.as_bytes();
            assert!(
                debris_end(b, 0).is_none() || may_start_debris(b, 0),
                "{line}"
            );
        }
    }

    #[test]
    fn debris() {
        for line in [
            "***",
            " * * *",
            "12",
            "- 12 -",
            "Page 3",
            "page 3 of 10",
            "3/10",
            "—",
            "____",
            "[4]",
        ] {
            let b = line.as_bytes();
            let p = skip_hws(b, 0);
            assert_eq!(debris_end(b, p), Some(b.len()), "{line:?}");
        }
        for line in [
            "12 people",
            "Page one",
            "*Note",
            "2021 was a year",
            "12345",
            "a",
        ] {
            assert_eq!(debris_end(line.as_bytes(), 0), None, "{line:?}");
        }
    }

    #[test]
    fn list_markers() {
        for m in ["1. a", "12) a", "a. b", "b) c", "B) c", "3.) x"] {
            assert!(is_list_marker(m.as_bytes(), 0), "{m:?}");
        }
        for m in ["1.5", "2019. x", "A. Smith", "ab. c", "1 x", "1."] {
            assert!(!is_list_marker(m.as_bytes(), 0), "{m:?}");
        }
    }

    #[test]
    fn paragraphs() {
        let t = b"Title\n\nfeatures\ncontact manager\nevents\n\nA long line that ends.\nx";
        let p = paragraph(t, 15);
        assert_eq!((p.start, p.end), (7, 39));
        assert_eq!(p.width, 15);
        assert!(p.list_block);
        let q = paragraph(t, 61);
        assert!(!q.list_block);
        assert_eq!(q.end, t.len());
    }
}
