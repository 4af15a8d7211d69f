//! Protected spans: URLs and e-mail addresses.
//!
//! Text inside a URL or an e-mail address is neither a mention nor a claim, and no
//! sentence ends inside one. They are found once per document, by a fast substring
//! search for their markers (`://`, `www.`, `@`, and `.tld/` for bare domains with a
//! path), and each is widened to the whole white-space-delimited token.

use memchr::memmem;

use crate::span::Span;

/// Finds the URLs and e-mail addresses of `text`, sorted and non-overlapping.
pub fn protected_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    protected_spans_into(text, &mut out);
    out
}

/// As [`protected_spans`], reusing `out` (which is cleared first).
pub fn protected_spans_into(text: &str, out: &mut Vec<Span>) {
    out.clear();
    let bytes = text.as_bytes();
    // Each marker kind has its own token, so that a token holding many markers
    // (`http://a/http://a/…`) is measured once, by the first of them, and the later ones
    // only extend its end. `://`, `@` and `/` are found in one pass, by their `@` and `/`.
    let mut tok = Token::default();
    for pos in memmem::find_iter(bytes, b"www.") {
        if pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric() {
            tok.push(bytes, pos, out);
        }
    }
    let (mut scheme, mut email, mut path) = (Token::default(), Token::default(), Token::default());
    for pos in memchr::memchr2_iter(b'/', b'@', bytes) {
        if bytes[pos] == b'@' {
            if is_email_at(bytes, pos) {
                email.push(bytes, pos, out);
            }
            continue;
        }
        // `://`, found by its first slash.
        if pos > 0 && bytes[pos - 1] == b':' && bytes.get(pos + 1) == Some(&b'/') {
            scheme.push(bytes, pos - 1, out);
        }
        if is_domain_path_at(bytes, pos) {
            path.push(bytes, pos, out);
        }
    }
    if out.len() > 1 {
        // Sorted, then merged in place.
        out.sort_unstable();
        let mut kept = 0;
        for r in 1..out.len() {
            let s = out[r];
            if s.start <= out[kept].end {
                out[kept].end = out[kept].end.max(s.end);
            } else {
                kept += 1;
                out[kept] = s;
            }
        }
        out.truncate(kept + 1);
    }
}

/// Bytes that end a URL token besides white space: quotes and brackets that wrap URLs in
/// prose and markup.
#[inline]
fn is_token_end(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'<' | b'>' | b'(' | b')' | b'[' | b']'
    )
}

/// The white-space-delimited token around the last marker found, so that the later
/// markers of the same token cost nothing.
#[derive(Default)]
struct Token {
    /// The token, `start..raw_end`, with `start` on a character boundary.
    start: usize,
    raw_end: usize,
    /// `raw_end` less the sentence punctuation that ends the token.
    trimmed_end: usize,
    /// Where this token's span is in `out`, once pushed.
    pushed: Option<usize>,
}

impl Token {
    /// Protects the token around the marker at `pos` (markers come in increasing order).
    fn push(&mut self, bytes: &[u8], pos: usize, out: &mut Vec<Span>) {
        if !(self.pushed.is_some() && pos < self.raw_end) {
            self.measure(bytes, pos);
            self.pushed = None;
        }
        // Sentence punctuation after a URL is not part of it, but the marker is.
        let mut end = self.trimmed_end.max(pos + 1).min(self.raw_end.max(pos + 1));
        // Keep to character boundaries: a token may end in the middle of the text's
        // multi-byte characters.
        while end < bytes.len() && (bytes[end] & 0xC0) == 0x80 {
            end += 1;
        }
        let end = end.min(bytes.len());
        if self.start >= end {
            return;
        }
        match self.pushed.and_then(|i| out.get_mut(i)) {
            Some(span) => span.end = span.end.max(end),
            None => {
                self.pushed = Some(out.len());
                out.push(Span::new(self.start, end));
            }
        }
    }

    /// Finds the token around `pos`.
    fn measure(&mut self, bytes: &[u8], pos: usize) {
        let mut start = pos;
        while start > 0 && !is_token_end(bytes[start - 1]) && !is_unicode_space_before(bytes, start)
        {
            start -= 1;
        }
        let mut end = pos;
        while end < bytes.len() && !is_token_end(bytes[end]) && !is_unicode_space_at(bytes, end) {
            end += 1;
        }
        let raw_end = end;
        while end > start
            && matches!(
                bytes[end - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\''
            )
        {
            end -= 1;
        }
        // The loops above stop only at ASCII bytes or at the start of a multi-byte space,
        // so `start` is a boundary already, but a token may begin in the middle of the
        // text's multi-byte characters.
        while start < pos && (bytes[start] & 0xC0) == 0x80 {
            start += 1;
        }
        self.start = start;
        self.raw_end = raw_end;
        self.trimmed_end = end;
    }
}

/// Non-ASCII characters that end a token: no-break and other Unicode spaces (U+00A0,
/// U+2000–U+200A, U+202F, U+3000), curly quotes and guillemets. Returns their length.
#[inline]
fn unicode_stop_len(bytes: &[u8], i: usize) -> usize {
    match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
        (0xC2, Some(0xA0 | 0xAB | 0xBB), _) => 2,
        (0xE2, Some(0x80), Some(0x80..=0x8A | 0xAF | 0x98 | 0x99 | 0x9C | 0x9D)) => 3,
        (0xE3, Some(0x80), Some(0x80)) => 3,
        _ => 0,
    }
}

#[inline]
fn is_unicode_space_at(bytes: &[u8], i: usize) -> bool {
    unicode_stop_len(bytes, i) != 0
}

#[inline]
fn is_unicode_space_before(bytes: &[u8], end: usize) -> bool {
    (end >= 2 && unicode_stop_len(bytes, end - 2) == 2)
        || (end >= 3 && unicode_stop_len(bytes, end - 3) == 3)
}

/// `name@domain.tld`: a local part and a dotted domain of ASCII word characters.
fn is_email_at(bytes: &[u8], at: usize) -> bool {
    let local = at > 0
        && (bytes[at - 1].is_ascii_alphanumeric()
            || matches!(bytes[at - 1], b'.' | b'_' | b'-' | b'+'));
    if !local {
        return false;
    }
    let mut i = at + 1;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'.' | b'-')) {
        i += 1;
    }
    let domain = &bytes[at + 1..i];
    let domain = match domain.iter().rposition(|b| b.is_ascii_alphanumeric()) {
        Some(p) => &domain[..=p],
        None => return false,
    };
    match domain.iter().rposition(|&b| b == b'.') {
        Some(dot) => dot > 0 && domain.len() - dot > 2 && domain[0].is_ascii_alphanumeric(),
        None => false,
    }
}

/// `domain.tld/…` with no scheme: a lowercase top-level domain of 2–6 letters right
/// before the slash, after a dotted name.
fn is_domain_path_at(bytes: &[u8], slash: usize) -> bool {
    let mut i = slash;
    while i > 0 && bytes[i - 1].is_ascii_lowercase() {
        i -= 1;
    }
    let tld = slash - i;
    if !(2..=6).contains(&tld) || i < 2 || bytes[i - 1] != b'.' {
        return false;
    }
    let b = bytes[i - 2];
    b.is_ascii_alphanumeric() || b == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        protected_spans(text)
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            found("See https://www.iran-interlink.org/?p=1234, or write to info@iran.org."),
            ["https://www.iran-interlink.org/?p=1234", "info@iran.org"]
        );
        assert_eq!(
            found("at www.mek.com and nejatngo.org/en/posts/12677 today"),
            ["www.mek.com", "nejatngo.org/en/posts/12677"]
        );
        assert_eq!(found("(http://x.com/a)"), ["http://x.com/a"]);
        assert!(found("the U.S. and/or e.g. 3/4 of Iran").is_empty());
        assert!(found("@Iran and a@b").is_empty());
        assert_eq!(
            found("«https://a.ir/x» “www.a.com”"),
            ["https://a.ir/x", "www.a.com"]
        );
    }

    /// The spans as found one marker kind at a time, each kind in its own list.
    fn by_kind(text: &str) -> Vec<Span> {
        let bytes = text.as_bytes();
        let mut all = Vec::new();
        let kinds: [Vec<usize>; 4] = [
            memmem::find_iter(bytes, b"://").collect(),
            memmem::find_iter(bytes, b"www.")
                .filter(|&p| p == 0 || !bytes[p - 1].is_ascii_alphanumeric())
                .collect(),
            memchr::memchr_iter(b'@', bytes)
                .filter(|&p| is_email_at(bytes, p))
                .collect(),
            memchr::memchr_iter(b'/', bytes)
                .filter(|&p| is_domain_path_at(bytes, p))
                .collect(),
        ];
        for markers in kinds {
            let mut own = Vec::new();
            let mut tok = Token::default();
            for pos in markers {
                tok.push(bytes, pos, &mut own);
            }
            all.extend(own);
        }
        all.sort_unstable();
        let mut merged: Vec<Span> = Vec::new();
        for s in all {
            match merged.last_mut() {
                Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
                _ => merged.push(s),
            }
        }
        merged
    }

    #[test]
    fn one_pass_as_by_kind() {
        let texts = [
            "See https://www.iran-interlink.org/?p=1234, or write to info@iran.org.",
            "at www.mek.com and nejatngo.org/en/posts/12677 today",
            "http://a/http://a/www.b.com/x@y.org ://// :// a@b.cd/ef www.www.x",
            "mail a.b@c.de/x.org/y, then http://x.ir/a@b.co www.x.org/p http://",
            "«https://a.ir/x» “www.a.com” (x@y.com) [z.org/1] <ftp://q.r/s>",
            "no markers at all, just text / and @ here",
            "é://é x@y.zz€ ab.cd/ \u{a0}http://x\u{a0}y \u{2009}://\u{202f}",
        ];
        for t in texts {
            assert_eq!(protected_spans(t), by_kind(t), "{t:?}");
        }
    }

    #[test]
    fn boundaries_are_char_boundaries() {
        for t in [
            "é://é",
            "://",
            "www.",
            "€www.x",
            "x@y.zz€",
            "ab.cd/",
            "\u{a0}http://x\u{a0}y",
            "\u{2009}://\u{202f}",
        ] {
            for s in protected_spans(t) {
                assert!(
                    t.is_char_boundary(s.start) && t.is_char_boundary(s.end),
                    "{t:?} {s:?}"
                );
            }
        }
    }
}
