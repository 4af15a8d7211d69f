//! Input decoding: any bytes, read as text, HTML, a feed or by content, strictly and
//! lossily. Every document's offsets point into the bytes, on character boundaries, in
//! order; plain text is the bytes themselves; an error ends the documents; decoding
//! twice gives the same documents.

#![no_main]

use claimscan::input::{Format, Lossy, documents};
use claimscan_fuzz::check_decoded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&sel, bytes)) = data.split_first() else {
        return;
    };
    let format = match sel % 4 {
        0 => Format::Auto,
        1 => Format::Text,
        2 => Format::Html,
        _ => Format::Rss,
    };
    let run = |bytes: &[u8]| {
        let mut texts = Vec::new();
        let mut docs = documents(bytes, format);
        for d in docs.by_ref() {
            match d {
                Ok(d) => {
                    check_decoded(bytes, &d);
                    if format == Format::Text {
                        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
                        assert_eq!(d.text.as_bytes(), body, "plain text is the input");
                    }
                    texts.push(Ok(d.text.into_owned()));
                }
                Err(e) => {
                    assert!(!e.to_string().is_empty());
                    texts.push(Err(e.to_string()));
                    break;
                }
            }
        }
        assert!(docs.next().is_none(), "documents after an error");
        texts
    };
    let first = run(bytes);
    assert_eq!(first, run(bytes), "two decodings differ");

    // Lossy: the same, over the bytes with invalid UTF-8 replaced, offsets still in the
    // original bytes.
    let lossy = Lossy::new(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => assert_eq!(lossy.text(), text),
        Err(e) => assert_eq!(lossy.first_invalid(), Some(e.valid_up_to())),
    }
    assert_eq!(lossy.text(), String::from_utf8_lossy(bytes));
    for d in lossy.documents(format) {
        match d {
            Ok(d) => check_decoded(bytes, &d),
            Err(e) => assert!(!matches!(
                e.kind(),
                claimscan::ErrorKind::InvalidUtf8 { .. }
            )),
        }
    }
});
