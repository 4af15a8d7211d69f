//! The whole extractor on any input: bytes decoded by format (strictly, else lossily), then
//! extracted with the built-in gazetteer or a small one. Every span lies in the original
//! bytes on character boundaries, mentions and claims inside their sentence, everything in
//! order; a plain text's sentences tile it; two runs give the same JSON.
//!
//! The first byte picks the format and the gazetteer; the rest is the input.

#![no_main]

use claimscan::Extractor;
use claimscan::input::{Format, Lossy};
use claimscan_fuzz::{BUILTIN, SMALL, check_document, check_sentences};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let format = match sel & 3 {
        0 => Format::Auto,
        1 => Format::Text,
        2 => Format::Html,
        _ => Format::Rss,
    };
    let extractor: &Extractor = if sel & 4 == 0 { &SMALL } else { &BUILTIN };
    let lossy = Lossy::new(bytes);
    for d in lossy.documents(format) {
        let Ok(d) = d else { break };
        let doc = extractor.extract_input(d.input(None));
        let plain = (format == Format::Text && lossy.invalid_count() == 0).then(|| {
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            }
        });
        check_document(&doc, &d.text, bytes, plain);
        if plain.is_some() {
            let spans = claimscan::Segmenter::new().split(&d.text);
            check_sentences(&d.text, &spans);
            let shift = plain.unwrap_or(0);
            let got: Vec<_> = doc
                .sentences
                .iter()
                .map(|s| (s.span.start - shift, s.span.end - shift))
                .collect();
            let want: Vec<_> = spans.iter().map(|s| (s.start, s.end)).collect();
            assert_eq!(got, want, "the document's sentences are the segmenter's");
        }
        let again = extractor.extract_input(d.input(None));
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string(&again).unwrap(),
            "two runs differ"
        );
    }
});
