//! Gazetteer loading from any TSV text, then building an extractor from it and extracting:
//! a bad file is an error naming the file (and a line, for a bad line), never a panic; a
//! good one builds, and its extractor keeps every invariant on the rest of the input.
//!
//! The input is the TSV text, then (after the first NUL byte, if any) a text to extract
//! from; with no NUL byte, the TSV text itself is also the text.

#![no_main]

use claimscan::{Extractor, Gazetteer};
use claimscan_fuzz::{check_deterministic, check_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let (tsv, text) = data.split_once('\0').unwrap_or((data, data));
    let gaz = match Gazetteer::from_tsv("fuzz.tsv", tsv) {
        Ok(g) => g,
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with("fuzz.tsv"),
                "error does not name the file: {msg}"
            );
            assert!(!msg.contains('\n'), "error is not one line: {msg:?}");
            return;
        }
    };
    // Every entity's surface forms were accepted: something to match in each.
    for e in gaz.entities() {
        assert!(!e.name().is_empty());
        assert!(e.origin().is_some_and(|(f, l)| f == "fuzz.tsv" && l >= 2));
    }
    let extractor = match Extractor::builder()
        .builtin(false)
        .gazetteer(gaz.clone())
        .build()
    {
        Ok(x) => x,
        Err(e) => panic!("a loaded gazetteer does not build: {e}"),
    };
    let doc = extractor.extract(text);
    check_document(&doc, text, text.as_bytes(), Some(0));
    check_deterministic(&extractor, text);
    // With the built-in gazetteer too, unless an id clashes: for one input in eight only,
    // as compiling the built-in gazetteer costs a hundred times the rest.
    if data.len() % 8 != 0 {
        return;
    }
    if let Ok(x) = Extractor::builder().gazetteer(gaz).build() {
        let doc = x.extract(text);
        check_document(&doc, text, text.as_bytes(), Some(0));
    }
});
