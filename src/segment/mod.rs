//! Sentence segmentation.
//!
//! [`Segmenter::split`] returns the sentences of a text as byte spans, in order, trimmed of
//! surrounding white space. A sentence ends at a blank line, or at `.`, `!` or `?` (with any
//! closing quotes and brackets) followed by white space and the start of a new sentence,
//! unless the period belongs to an abbreviation or an initial. Nothing inside a URL or an
//! e-mail address ends a sentence.

use crate::span::Span;
use crate::urls::protected_spans;

/// Abbreviations whose period does not end a sentence when a capital follows.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "hon", "pres", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
    "u.n", "e.g", "i.e", "a.m", "p.m", "fig", "vol", "pp", "mt", "ft", "approx", "dept",
];

/// A sentence splitter. Build it once and reuse it.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// A segmenter for English text.
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// The sentences of `text`.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        self.split_into(text, &protected_spans(text), &mut out);
        out
    }

    /// The sentences of `text`, appended to `out`; `protected` lists the URLs and e-mail
    /// addresses of the text (see [`protected_spans`]).
    pub fn split_into(&self, text: &str, protected: &[Span], out: &mut Vec<Span>) {
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        let mut prot = 0;
        while i < bytes.len() {
            while prot < protected.len() && protected[prot].end <= i {
                prot += 1;
            }
            if prot < protected.len() && protected[prot].start <= i {
                i = protected[prot].end;
                continue;
            }
            let b = bytes[i];
            if b == b'\n' {
                // a blank line ends a paragraph
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b'\n' {
                    push_trimmed(text, start, i, out);
                    start = j;
                    i = j;
                    continue;
                }
            } else if matches!(b, b'.' | b'!' | b'?') {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                j = skip_closers(text, j);
                let ws_end = skip_ws(bytes, j);
                if ws_end > j
                    && ws_end < bytes.len()
                    && starts_sentence(text, ws_end)
                    && !(b == b'.' && is_abbreviation(text, i))
                {
                    push_trimmed(text, start, j, out);
                    start = ws_end;
                    i = ws_end;
                    continue;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        push_trimmed(text, start, bytes.len(), out);
    }
}

fn skip_closers(text: &str, mut j: usize) -> usize {
    loop {
        match text[j..].chars().next() {
            Some(c @ ('"' | '\'' | ')' | ']' | '’' | '”' | '»')) => j += c.len_utf8(),
            _ => return j,
        }
    }
}

fn skip_ws(bytes: &[u8], mut j: usize) -> usize {
    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    j
}

fn starts_sentence(text: &str, at: usize) -> bool {
    match text[at..].chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«')
        }
        None => false,
    }
}

/// Is the period at `dot` part of an abbreviation or an initial?
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '['))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "John F. Kennedy"
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        Segmenter::new()
            .split(text)
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            split("Hello World. My name is Jonas."),
            ["Hello World.", "My name is Jonas."]
        );
        assert_eq!(
            split("Mr. Smith went to Washington. He left."),
            ["Mr. Smith went to Washington.", "He left."]
        );
        assert_eq!(
            split("Heading\n\nBody text here."),
            ["Heading", "Body text here."]
        );
        assert_eq!(
            split("See www.example.com. Then go."),
            ["See www.example.com.", "Then go."]
        );
        assert!(split("  \n ").is_empty());
    }
}
