//! Inputs that once crashed or broke an invariant, found by the fuzz targets in `fuzz/`,
//! replayed through the public API and checked with the same invariants.

use claimscan::input::{Format, documents};

use crate::invariants::{check_decoded, check_document, small_extractor};

/// Decodes `bytes` as `format`, checks every document, and extracts from it.
fn replay(bytes: &[u8], format: Format) -> Vec<Result<String, String>> {
    let extractor = small_extractor();
    let mut out = Vec::new();
    for d in documents(bytes, format) {
        match d {
            Ok(d) => {
                check_decoded(bytes, &d);
                let doc = extractor.extract_input(d.input(None));
                check_document(&doc, &d.text, bytes, None);
                out.push(Ok(d.text.into_owned()));
            }
            Err(e) => out.push(Err(e.to_string())),
        }
    }
    out
}

/// fuzz target `decode`: a feed date whose zone holds a byte-order mark where a digit
/// should be (`+\u{feff}0`) sliced a string inside that character.
#[test]
fn pubdate_zone_with_a_multibyte_character() {
    let feed = "<rss><channel><item><title>Iran</title>\
                <pubDate>Sat, 15 May 2021 03:30:08 +\u{feff}0</pubDate></item></channel></rss>";
    for format in [Format::Rss, Format::Auto] {
        assert_eq!(replay(feed.as_bytes(), format), [Ok("Iran".to_string())]);
    }
    let d = documents(feed.as_bytes(), Format::Rss)
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(d.published, None);
}

/// fuzz target `decode`: a feed starting with two byte-order marks. The first is dropped
/// before parsing; the XML reader skipped the second without counting it, so every
/// position it gave was three bytes short and text was sliced inside a character.
#[test]
fn feed_with_two_byte_order_marks() {
    let feed = "\u{feff}\u{feff}<rss><channel><item><title>Iran’s é</title>\
                <description>Maryam Rajavi</description></item></channel></rss>";
    for format in [Format::Rss, Format::Auto] {
        assert_eq!(
            replay(feed.as_bytes(), format),
            [Ok("Iran’s é\n\nMaryam Rajavi".to_string())]
        );
    }
}

/// A form starting with `The` matched where the text has a lowercase article that folds
/// to `the` without being it byte for byte (`thé`): the article was dropped as three
/// bytes, which cut `é` in two.
#[test]
fn lowercase_article_with_a_diacritic() {
    let extractor = claimscan::Extractor::new();
    for text in [
        "It was reported by th\u{e9} Guardian on Monday.",
        "It was reported by th\u{ad}e\u{2013}Guardian on Monday.",
    ] {
        let doc = extractor.extract(text);
        check_document(&doc, text, text.as_bytes(), None);
        let found: Vec<&str> = doc.mentions.iter().map(|m| m.text).collect();
        assert_eq!(found, ["Guardian"], "{text:?}");
    }
}
