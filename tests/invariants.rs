//! The invariants of every output, checked the same way by the property tests and by the
//! fuzz targets (`fuzz/`, which include this file): spans on character boundaries of the
//! original input and inside it, mentions and claims inside their sentence, sentences in
//! order and tiling the text, offsets of decoded documents pointing into their bytes.
//!
//! Each check panics with a message naming the broken rule.

#![allow(dead_code)]

use claimscan::input::Decoded;
use claimscan::{Document, Extractor, Gazetteer, Span};

/// A small gazetteer that exercises every matching rule: exact-case acronyms, an `=` form,
/// a short form shared by two people, diacritics, dashes, apostrophes, a leading `The`,
/// dotted initials.
pub const SMALL_TSV: &str = "id\ttype\tname\taliases\n\
mek\torganisation\tPeople's Mojahedin Organization of Iran\tMEK|MKO|Mojahedin-e Khalq|=Mek\n\
maryam-rajavi\tperson\tMaryam Rajavi\tRajavi\n\
massoud-rajavi\tperson\tMassoud Rajavi\tRajavi\n\
manez\tplace\tManëz\t\n\
guardian\torganisation\tThe Guardian\t\n\
iran\tplace\tIran\tIslamic Republic of Iran\n\
us\tplace\tUnited States\tUS|U.S.\n";

/// An extractor with [`SMALL_TSV`] only.
pub fn small_extractor() -> Extractor {
    let gaz = Gazetteer::from_tsv("small.tsv", SMALL_TSV).expect("the small gazetteer loads");
    Extractor::builder()
        .builtin(false)
        .gazetteer(gaz)
        .build()
        .expect("the small gazetteer builds")
}

/// The positions of `bytes` that start a character (or a maximal invalid sequence, as a
/// lossy decoding reads them), and its end: where a reported span may start or end.
pub fn boundaries(bytes: &[u8]) -> Vec<bool> {
    let mut at = vec![false; bytes.len() + 1];
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        for (i, _) in chunk.valid().char_indices() {
            at[pos + i] = true;
        }
        pos += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            at[pos] = true;
            pos += chunk.invalid().len();
        }
    }
    at[bytes.len()] = true;
    at
}

/// A span of `bytes`, on its boundaries.
fn check_span(what: &str, s: Span, bytes: &[u8], bounds: &[bool]) {
    assert!(s.start <= s.end, "{what} {s:?}: start after end");
    assert!(
        s.end <= bytes.len(),
        "{what} {s:?}: past the end ({})",
        bytes.len()
    );
    assert!(
        bounds[s.start] && bounds[s.end],
        "{what} {s:?}: not on character boundaries"
    );
}

/// Spans in order and not overlapping.
fn check_order(what: &str, spans: impl Iterator<Item = Span>) {
    let mut last: Option<Span> = None;
    for s in spans {
        if let Some(l) = last {
            assert!(
                l.end <= s.start,
                "{what}: {l:?} then {s:?} overlap or are out of order"
            );
        }
        last = Some(s);
    }
}

/// The invariants of a document extracted from `text` (the decoded text that the
/// extractor read), whose spans point into `original`.
///
/// `plain` says that `text` is `original` itself (less a byte-order mark of `shift`
/// bytes): then every span's bytes are its `text` field.
pub fn check_document(doc: &Document<'_>, text: &str, original: &[u8], plain: Option<usize>) {
    let bounds = boundaries(original);
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(&format!("sentence {i}"), s.span, original, &bounds);
        assert!(!s.span.is_empty(), "sentence {i} is empty");
    }
    check_order("sentences", doc.sentences.iter().map(|s| s.span));
    let inside_text = |t: &str| {
        let (a, b) = (text.as_ptr() as usize, t.as_ptr() as usize);
        b >= a && b + t.len() <= a + text.len()
    };
    for (i, m) in doc.mentions.iter().enumerate() {
        let what = format!("mention {i} {:?}", m.text);
        check_span(&what, m.span, original, &bounds);
        let sentence = doc.sentences.get(m.sentence).unwrap_or_else(|| {
            panic!("{what}: no sentence {}", m.sentence);
        });
        assert!(
            sentence.span.contains(m.span),
            "{what} {:?} outside its sentence {:?}",
            m.span,
            sentence.span
        );
        assert!(!m.text.is_empty(), "{what}: empty");
        assert!(
            inside_text(m.text),
            "{what}: text not taken from the document"
        );
        if m.entity.is_some() {
            assert!(m.candidates.is_empty(), "{what}: resolved, with candidates");
        } else {
            assert!(
                m.candidates.len() >= 2,
                "{what}: unresolved, {} candidates",
                m.candidates.len()
            );
        }
        if let Some(shift) = plain {
            let s = m.span;
            assert_eq!(
                &original[s.range()],
                m.text.as_bytes(),
                "{what}: span and text differ"
            );
            assert!(s.start >= shift);
        }
    }
    check_order("mentions", doc.mentions.iter().map(|m| m.span));
    for (i, c) in doc.claims.iter().enumerate() {
        let what = format!("claim {i} {:?}", c.text);
        check_span(&what, c.span, original, &bounds);
        let sentence = doc.sentences.get(c.sentence).unwrap_or_else(|| {
            panic!("{what}: no sentence {}", c.sentence);
        });
        assert!(
            sentence.span.contains(c.span),
            "{what} {:?} outside its sentence {:?}",
            c.span,
            sentence.span
        );
        assert!(!c.text.is_empty(), "{what}: empty");
        assert!(
            inside_text(c.text),
            "{what}: text not taken from the document"
        );
        if plain.is_some() {
            assert_eq!(
                &original[c.span.range()],
                c.text.as_bytes(),
                "{what}: span and text differ"
            );
        }
        // The entities of a claim are those named in its sentence, in order, each once.
        let mut want: Vec<&str> = Vec::new();
        for m in doc.mentions.iter().filter(|m| m.sentence == c.sentence) {
            if let Some(e) = m.entity {
                if !want.contains(&e.id()) {
                    want.push(e.id());
                }
            }
        }
        let got: Vec<&str> = doc.claim_entities(c).iter().map(|e| e.id()).collect();
        assert_eq!(got, want, "{what}: entities");
    }
    check_order("claims", doc.claims.iter().map(|c| c.span));
    // One JSON line that reads back.
    let line = serde_json::to_string(doc).expect("a document serialises");
    assert!(!line.contains('\n'), "a JSON line holds a line break");
    let v: serde_json::Value = serde_json::from_str(&line).expect("the JSON line reads back");
    assert_eq!(
        v["sentences"].as_array().map(Vec::len),
        Some(doc.sentences.len())
    );
}

/// A line that the segmenter may leave out of every sentence: page debris, a page number
/// or a rule (see the `segment` module docs): at most 40 bytes of digits, dashes, rule marks,
/// brackets, bars, slashes and the words `page` and `of`.
fn is_debris_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.len() > 40 {
        return false;
    }
    let rest = t.to_ascii_lowercase().replace("page", "").replace("of", "");
    rest.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(
                c,
                '*' | '_'
                    | '='
                    | '~'
                    | '#'
                    | '·'
                    | '-'
                    | '–'
                    | '—'
                    | '|'
                    | '['
                    | ']'
                    | '('
                    | ')'
                    | '/'
            )
    })
}

/// The invariants of a text's sentences: in order, not overlapping, non-empty, on
/// character boundaries, trimmed of white space, and covering every byte that is not
/// white space, except on page-debris lines.
pub fn check_sentences(text: &str, spans: &[Span]) {
    check_order("sentences", spans.iter().copied());
    let mut covered = 0; // bytes before this are checked
    let check_gap = |from: usize, to: usize| {
        let gap = &text[from..to];
        for (i, c) in gap.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let at = from + i;
            let ls = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let le = text[at..].find('\n').map_or(text.len(), |p| at + p);
            assert!(
                is_debris_line(&text[ls..le]),
                "byte {at} ({c:?}) belongs to no sentence, on line {:?}",
                &text[ls..le]
            );
        }
    };
    for s in spans {
        assert!(s.end <= text.len(), "sentence {s:?} past the end");
        assert!(s.start < s.end, "empty sentence {s:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "sentence {s:?} not on character boundaries"
        );
        let body = &text[s.range()];
        assert_eq!(body, body.trim(), "sentence {s:?} not trimmed");
        check_gap(covered, s.start);
        covered = s.end;
    }
    check_gap(covered, text.len());
}

/// The invariants of a decoded document of `bytes`: every character of its text maps to
/// bytes of the file, on character boundaries, in order; an ASCII letter or digit copied
/// from the file maps to itself.
pub fn check_decoded(bytes: &[u8], d: &Decoded<'_>) {
    let bounds = boundaries(bytes);
    let mut last = Span::new(0, 0);
    for (i, c) in d.text.char_indices() {
        let s = d.offsets.to_original(Span::new(i, i + c.len_utf8()));
        check_span(&format!("char {i} {c:?}"), s, bytes, &bounds);
        assert!(
            s.start >= last.start && s.end >= last.end,
            "char {i} {c:?} maps to {s:?}, before the previous character's {last:?}"
        );
        if c.is_ascii_alphanumeric() && s.len() == 1 {
            assert_eq!(
                bytes[s.start], c as u8,
                "char {i} {c:?} maps to another byte"
            );
        }
        last = s;
    }
    let whole = d.offsets.to_original(Span::new(0, d.text.len()));
    check_span("the whole text", whole, bytes, &bounds);
}

/// Extracts twice and checks that the JSON is the same: extraction is deterministic.
pub fn check_deterministic(extractor: &Extractor, text: &str) {
    let a = serde_json::to_string(&extractor.extract(text)).expect("serialises");
    let b = serde_json::to_string(&extractor.extract(text)).expect("serialises");
    assert_eq!(a, b, "two runs differ");
}
