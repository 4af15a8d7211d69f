//! Property tests: for any text or bytes, extraction does not panic and keeps the
//! invariants of `invariants.rs` (spans on character boundaries of the original input and
//! inside it, mentions and claims inside their sentence, sentences in order and tiling the
//! text, the same JSON on a second run, offsets of HTML and feeds into the file's bytes).
//!
//! Inputs are drawn both at random and from news-like pieces (names, figures, sentence
//! punctuation, markup), which reach far more of the rules than random characters do.
//! Case counts are kept small so that `cargo test` stays fast; the fuzz targets in `fuzz/`
//! run the same checks for as long as one likes.

use std::sync::LazyLock;

use claimscan::input::{Format, Lossy, documents};
use claimscan::{Extractor, Segmenter};
use proptest::prelude::*;

use crate::invariants::{
    check_decoded, check_deterministic, check_document, check_sentences, small_extractor,
};

static BUILTIN: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static SMALL: LazyLock<Extractor> = LazyLock::new(small_extractor);

/// Pieces of news text, markup and noise.
const PIECES: &[&str] = &[
    "The",
    "the",
    "MEK",
    "Mek",
    "mek",
    "Rajavi",
    "Maryam Rajavi",
    "Massoud",
    "Manez",
    "Manëz",
    "Iran",
    "Iran-Iraq",
    "anti-Iran",
    "U.S.",
    "US",
    "United States",
    "The Guardian",
    "Guardian",
    "Mojahedin-e Khalq",
    "Mojahedin–e  Khalq",
    "MEK’s",
    "MEK's",
    "Mr.",
    "Dr.",
    "Gen.",
    "St.",
    "Jan.",
    "No.",
    "p.",
    "e.g.",
    "a.m.",
    "p.m.",
    "J.",
    "F.",
    "said",
    "killed",
    "were killed",
    "wounded",
    "people",
    "members",
    "civilians",
    "executed",
    "at least",
    "more than",
    "about",
    "nearly",
    "up to",
    "between",
    "and",
    "or",
    "to",
    "from",
    "of",
    "in",
    "on",
    "last week",
    "Sunday",
    "May",
    "Oct.",
    "1981",
    "1980s",
    "2021-04-14",
    "$",
    "$5",
    "$1.5 million",
    "£3bn",
    "US$",
    "USD",
    "€",
    "5",
    "12",
    "1,000",
    "1,000,000,000",
    "1.5",
    "0.08",
    ".08",
    "30%",
    "30 per cent",
    "percent",
    "two",
    "six",
    "four hundred",
    "a thousand",
    "two-thirds",
    "half",
    "hundreds",
    "tens of thousands",
    "millions",
    "dollars",
    "years",
    "aged 93",
    "45-year-old",
    "decades",
    "40th",
    "P4+1",
    "7Tir",
    "v1.2",
    "+1 555 1234",
    "1.",
    "2)",
    "a.",
    "(b)",
    "•",
    "- ",
    "* * *",
    "Page 3 of 10",
    "12",
    "[3]",
    "¹",
    ".",
    ".",
    ".",
    "!",
    "?",
    "?!",
    "...",
    "…",
    ". . .",
    ",",
    ";",
    ":",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    "/",
    "http://x.org/a.b",
    "www.mek.org",
    "a@b.org",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{2029}",
    "\u{feff}",
    "é",
    "e\u{301}",
    "İ",
    "ß",
    "ﬁ",
    "日本",
    "😀",
    "\u{0}",
    "\u{7f}",
    "\u{fffd}",
];

/// Markup pieces for HTML pages and feed items.
const MARKUP: &[&str] = &[
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<div>",
    "</div>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<a href=\"x\">",
    "</a>",
    "<script>x<y</script>",
    "<style>p{}</style>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<li>",
    "<ul>",
    "</ul>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<h1>",
    "</h1>",
    "&amp;",
    "&#8217;",
    "&#x2019;",
    "&nbsp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&bogus;",
    "&",
    "&#;",
    "&#99999999;",
    "<",
    ">",
    "</",
    "<!DOCTYPE html>",
    "<html>",
    "<body>",
    "<![CDATA[",
    "]]>",
    "<nav>a</nav>",
    "<img src=x>",
    "<p class='a\">",
    "\u{feff}",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[a-zA-Z0-9 .,$%\n-]{1,8}",
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..60,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            // Mostly space-separated, sometimes glued.
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

fn html_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            2 => prop::sample::select(MARKUP).prop_map(str::to_string),
        ],
        0..50,
    )
    .prop_map(|parts| parts.join(" "))
}

/// A feed of one to three items whose descriptions are HTML, escaped or in CDATA.
fn feed() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((html_text(), any::<bool>(), news_text()), 1..4),
        any::<bool>(),
    )
        .prop_map(|(items, atom)| {
            let mut s = String::from("<?xml version=\"1.0\"?>");
            s.push_str(if atom {
                "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            } else {
                "<rss version=\"2.0\"><channel>"
            });
            for (body, cdata, title) in items {
                let title = escape(&title);
                let body = if cdata {
                    format!("<![CDATA[{}]]>", body.replace("]]>", ""))
                } else {
                    escape(&body)
                };
                if atom {
                    s.push_str(&format!(
                        "<entry><title>{title}</title><content type=\"html\">{body}</content></entry>"
                    ));
                } else {
                    s.push_str(&format!(
                        "<item><title>{title}</title><description>{body}</description></item>"
                    ));
                }
            }
            s.push_str(if atom { "</feed>" } else { "</channel></rss>" });
            s
        })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Bytes that are mostly text: news pieces with invalid UTF-8 spliced in.
fn broken_bytes() -> impl Strategy<Value = Vec<u8>> {
    (
        news_text(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
    )
        .prop_map(|(text, cuts)| {
            let mut b = text.into_bytes();
            for (at, byte) in cuts {
                let i = if b.is_empty() {
                    0
                } else {
                    at.index(b.len() + 1)
                };
                b.insert(i, byte | 0x80);
            }
            b
        })
}

/// Extracts `text` as a plain-text input with both extractors, and checks everything.
fn check_text(text: &str) {
    for extractor in [&*SMALL, &*BUILTIN] {
        let doc = extractor.extract(text);
        check_document(&doc, text, text.as_bytes(), Some(0));
        let spans: Vec<_> = doc.sentences.iter().map(|s| s.span).collect();
        check_sentences(text, &spans);
        check_deterministic(extractor, text);
    }
}

/// Decodes `bytes` as `format` (lossily if asked), extracts every document and checks
/// that all offsets point into `bytes`.
fn check_bytes(bytes: &[u8], format: Format, lossy: bool) {
    let run = |d: claimscan::input::Decoded<'_>| {
        check_decoded(bytes, &d);
        let doc = SMALL.extract_input(d.input(None));
        check_document(&doc, &d.text, bytes, None);
    };
    if lossy {
        let l = Lossy::new(bytes);
        for d in l.documents(format) {
            match d {
                Ok(d) => run(d),
                Err(_) => break,
            }
        }
    } else {
        for d in documents(bytes, format) {
            match d {
                Ok(d) => run(d),
                Err(_) => break,
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in any::<String>()) {
        check_text(&text);
    }

    #[test]
    fn news_like_text(text in news_text()) {
        check_text(&text);
    }

    #[test]
    fn sentences_tile_the_text(text in news_text()) {
        let spans = Segmenter::new().split(&text);
        check_sentences(&text, &spans);
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        for format in [Format::Auto, Format::Text, Format::Html, Format::Rss] {
            check_bytes(&bytes, format, false);
            check_bytes(&bytes, format, true);
        }
    }

    #[test]
    fn invalid_utf8_read_lossily(bytes in broken_bytes()) {
        check_bytes(&bytes, Format::Text, true);
        check_bytes(&bytes, Format::Html, true);
        // Strictly, a plain text with a bad byte is an error that says where.
        if let Err(e) = std::str::from_utf8(&bytes) {
            let err = documents(&bytes, Format::Text).next().unwrap().unwrap_err();
            let want = format!("invalid UTF-8 at byte offset {}", e.valid_up_to());
            prop_assert_eq!(err.to_string(), want);
        }
    }

    #[test]
    fn html_pages(page in html_text()) {
        check_bytes(page.as_bytes(), Format::Html, false);
        check_bytes(page.as_bytes(), Format::Auto, false);
    }

    #[test]
    fn feeds(feed in feed()) {
        let bytes = feed.as_bytes();
        let items: Vec<_> = documents(bytes, Format::Auto).collect();
        prop_assert!(items.iter().all(Result::is_ok), "a well-formed feed fails: {:?}", items.iter().find(|d| d.is_err()));
        check_bytes(bytes, Format::Rss, false);
        // Cut short anywhere: the items before the cut, then an error.
        let cut = &bytes[..bytes.len() * 2 / 3];
        check_bytes(cut, Format::Rss, true);
    }
}
