//! Decoding real inputs: HTML pages and RSS/Atom feeds, with every offset checked against
//! the bytes of the original file.

use std::collections::HashMap;
use std::path::PathBuf;

use claimscan::claims::YearPart;
use claimscan::input::{Decoded, Format, decode, documents};
use claimscan::{Date, Document, Extractor, Gazetteer, Span};
use once_cell::sync::Lazy;
use regex::Regex;

use crate::common::{read_shared, shared};

fn data(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The extractor of the fixtures: their own small gazetteer only.
static FIXTURES: Lazy<Extractor> = Lazy::new(|| {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/input_gaz.tsv");
    let gaz = Gazetteer::from_path(&path).unwrap();
    Extractor::builder()
        .builtin(false)
        .gazetteer(gaz)
        .build()
        .unwrap()
});

/// The extractor of the evaluated article: its gazetteer, without the built-in one.
fn gaz_004() -> Option<Extractor> {
    let gaz = Gazetteer::from_path(shared()?.join("eval/gaz_004.tsv")).unwrap();
    Some(
        Extractor::builder()
            .builtin(false)
            .gazetteer(gaz)
            .build()
            .unwrap(),
    )
}

fn shared_file(prefix: &str) -> Option<Vec<u8>> {
    let dir = shared()?.join("corpus");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .unwrap_or_else(|| panic!("no {prefix}*.txt in {}", dir.display()));
    read_shared(&format!("corpus/{name}"))
}

// A reference decoder, written apart from the library's: CDATA markers dropped, XML
// references resolved (for feeds), tags removed, HTML references resolved.

static CDATA: Lazy<Regex> = Lazy::new(|| Regex::new(r"<!\[CDATA\[|\]\]>").unwrap());
static TAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"<[/!?]?[A-Za-z][^>]*>").unwrap());
static XML_REF: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"&(lt|gt|amp|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);").unwrap());
static HTML_REF: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?").unwrap());

fn numeric(r: &str) -> Option<char> {
    let v = match r.strip_prefix("#x").or_else(|| r.strip_prefix("#X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => r.strip_prefix('#')?.parse().ok()?,
    };
    char::from_u32(v)
}

fn unescape_xml(s: &str) -> String {
    XML_REF
        .replace_all(s, |c: &regex::Captures<'_>| match &c[1] {
            "lt" => "<".to_string(),
            "gt" => ">".to_string(),
            "amp" => "&".to_string(),
            "quot" => "\"".to_string(),
            "apos" => "'".to_string(),
            r => numeric(r).map_or_else(|| c[0].to_string(), String::from),
        })
        .into_owned()
}

fn unescape_html(s: &str) -> String {
    HTML_REF
        .replace_all(s, |c: &regex::Captures<'_>| {
            let whole = &c[0];
            if let Some(ch) = numeric(&c[1]) {
                return ch.to_string();
            }
            match htmlize::ENTITIES.get(whole.as_bytes()) {
                Some(v) => String::from_utf8(v.to_vec()).unwrap(),
                None => whole.to_string(),
            }
        })
        .into_owned()
}

fn reference_decode(src: &str, feed: bool) -> String {
    let s = if feed {
        unescape_xml(&CDATA.replace_all(src, ""))
    } else {
        src.to_string()
    };
    unescape_html(&TAG.replace_all(&s, "")).replace('\0', "")
}

/// Every span of the document lies on UTF-8 boundaries of the file, and the source bytes
/// of every mention and claim, decoded, are its text. Returns the number of spans checked.
fn check_spans(file: &[u8], doc: &Document<'_>, feed: bool) -> usize {
    let src = std::str::from_utf8(file).unwrap();
    let on_boundaries =
        |s: Span| s.start <= s.end && src.is_char_boundary(s.start) && src.is_char_boundary(s.end);
    for s in &doc.sentences {
        assert!(on_boundaries(s.span), "sentence {:?}", s.span);
    }
    let spans = doc
        .mentions
        .iter()
        .map(|m| (m.span, m.text))
        .chain(doc.claims.iter().map(|c| (c.span, c.text)));
    let mut n = 0;
    for (span, text) in spans {
        assert!(on_boundaries(span), "{text:?} at {span:?}");
        let source = &src[span];
        assert_eq!(
            reference_decode(source, feed),
            text,
            "item {:?}: source {source:?}",
            doc.item
        );
        n += 1;
    }
    n
}

fn extract_all<'a>(x: &'a Extractor, docs: &'a [Decoded<'a>]) -> Vec<Document<'a>> {
    docs.iter()
        .map(|d| x.extract_input(d.input(None)))
        .collect()
}

// ---- the shared feed: ../shared/corpus/001_*.txt, an RSS feed of eight items ----

static PUB_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"<pubDate>\w{3}, (\d{2}) (\w{3}) (\d{4}) (\d{2}:\d{2}:\d{2}) \+0000</pubDate>")
        .unwrap()
});

#[test]
fn feed_items_are_documents_with_their_dates() {
    let Some(feed) = shared_file("001_") else {
        return;
    };
    assert_eq!(Format::detect(&feed), Format::Rss);
    let docs = decode(&feed, Format::Auto).unwrap();
    assert_eq!(docs.len(), 8);
    // The pubDates as written, turned into ISO 8601 here independently.
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let want: Vec<String> = PUB_DATE
        .captures_iter(std::str::from_utf8(&feed).unwrap())
        .map(|c| {
            let m = months.iter().position(|m| *m == &c[2]).unwrap() + 1;
            format!("{}-{m:02}-{}T{}+00:00", &c[3], &c[1], &c[4])
        })
        .collect();
    assert_eq!(want.len(), 8);
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d.item, Some(i));
        assert_eq!(
            d.published.map(|p| p.to_string()).as_ref(),
            Some(&want[i]),
            "item {i}"
        );
        assert!(!d.text.trim().is_empty(), "item {i} is empty");
        // Serialised the same way.
        let x = gaz_004().unwrap();
        let mut doc = x.extract_input(d.input(None));
        doc.item = d.item;
        doc.published = d.published;
        let line = serde_json::to_string(&doc).unwrap();
        assert!(
            line.contains(&format!(r#""item":{i},"published":"{}""#, want[i])),
            "{line:.200}"
        );
    }
}

#[test]
fn feed_spans_point_at_their_source_bytes() {
    let Some(feed) = shared_file("001_") else {
        return;
    };
    let docs = decode(&feed, Format::Rss).unwrap();
    let mut checked = 0;
    for x in [gaz_004().unwrap(), Extractor::new()] {
        for doc in extract_all(&x, &docs) {
            checked += check_spans(&feed, &doc, true);
        }
    }
    assert!(checked > 500, "only {checked} spans");
}

/// The feed with every CDATA section written as escaped text instead (`&lt;p&gt;`).
fn escaped(feed: &[u8]) -> Vec<u8> {
    let src = std::str::from_utf8(feed).unwrap();
    static SECTION: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?s)<!\[CDATA\[(.*?)\]\]>").unwrap());
    SECTION
        .replace_all(src, |c: &regex::Captures<'_>| {
            c[1].replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        })
        .into_owned()
        .into_bytes()
}

#[test]
fn escaped_feed_gives_the_same_documents_with_spans_into_its_bytes() {
    let Some(feed) = shared_file("001_") else {
        return;
    };
    let esc = escaped(&feed);
    assert!(esc.len() > feed.len() && !esc.windows(9).any(|w| w == b"<![CDATA["));
    let x = gaz_004().unwrap();
    let a = decode(&feed, Format::Rss).unwrap();
    let b = decode(&esc, Format::Auto).unwrap();
    assert_eq!(a.len(), b.len());
    let mut checked = 0;
    for (da, db) in a.iter().zip(&b) {
        assert_eq!(da.text, db.text);
        assert_eq!(da.published, db.published);
        let (ma, mb) = (
            x.extract_input(da.input(None)),
            x.extract_input(db.input(None)),
        );
        let texts = |d: &Document<'_>| {
            d.mentions
                .iter()
                .map(|m| m.text.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&ma), texts(&mb));
        checked += check_spans(&esc, &mb, true);
    }
    assert!(checked > 400);
}

/// The share (by entity and text, with repeats) of `plain`'s items found in `feed`.
fn recall<K: std::hash::Hash + Eq>(plain: Vec<K>, feed: Vec<K>) -> (usize, usize) {
    let mut have: HashMap<K, usize> = HashMap::new();
    for k in feed {
        *have.entry(k).or_default() += 1;
    }
    let total = plain.len();
    let mut found = 0;
    for k in plain {
        if let Some(n) = have.get_mut(&k).filter(|n| **n > 0) {
            *n -= 1;
            found += 1;
        }
    }
    (found, total)
}

#[test]
fn feed_item_finds_what_the_plain_article_gives() {
    let (Some(feed), Some(plain)) = (shared_file("001_"), shared_file("004_")) else {
        return;
    };
    let x = gaz_004().unwrap();
    let plain = String::from_utf8(plain).unwrap();
    let docs = decode(&feed, Format::Rss).unwrap();
    // The item that repeats the article: its title is a line of the article.
    let lines: Vec<&str> = plain.lines().map(str::trim).collect();
    let same: Vec<&Decoded<'_>> = docs
        .iter()
        .filter(|d| {
            d.text
                .split("\n\n")
                .next()
                .is_some_and(|title| lines.contains(&title.trim()))
        })
        .collect();
    assert_eq!(same.len(), 1, "one item repeats the article");
    let item = x.extract_input(same[0].input(None));
    let page = x.extract(&plain);

    let key =
        |m: &claimscan::Mention<'_>| (m.entity.map(|e| e.id().to_string()), m.text.to_string());
    let (found, total) = recall(
        page.mentions.iter().map(key).collect(),
        item.mentions.iter().map(key).collect(),
    );
    assert!(total > 100, "the article gives {total} mentions");
    assert!(
        found * 10 >= total * 9,
        "the item finds {found} of the article's {total} mentions"
    );

    // Claims, by kind, value and text. The page gives no claims yet (the recognisers are
    // still to come); then the item must find 90% of them too.
    let ckey =
        |c: &claimscan::Claim<'_>| (c.kind, c.value.map(|v| v.to_string()), c.text.to_string());
    let (found, total) = recall(
        page.claims.iter().map(ckey).collect(),
        item.claims.iter().map(ckey).collect(),
    );
    assert!(
        found * 10 >= total * 9,
        "the item finds {found} of the article's {total} claims"
    );
}

#[test]
fn feed_items_resolve_relative_dates_against_their_pub_date() {
    let Some(feed) = shared_file("001_") else {
        return;
    };
    let x = gaz_004().unwrap();
    let docs = decode(&feed, Format::Rss).unwrap();
    let mut relative = 0;
    for d in &docs {
        let published = d.published.unwrap();
        let day = Date::ymd(
            published.year_value().unwrap(),
            published.month().unwrap(),
            published.day().unwrap(),
        );
        assert_eq!(d.input(None).get_reference_date(), day);
        // A date given on the command line wins.
        let given = Date::ymd(2020, 1, 2);
        assert_eq!(d.input(given).get_reference_date(), given);
        // Relative dates (`on Sunday`, `last week`) resolve to a day near the item's own
        // date. The date recogniser is still to come: until then there are none to check.
        let doc = x.extract_input(d.input(None));
        for c in doc.claims.iter().filter(|c| c.relative) {
            relative += 1;
            let v = c
                .value
                .and_then(|v| v.as_date())
                .unwrap_or_else(|| panic!("{:?} unresolved", c.text));
            // Weeks, seasons, quarters and halves count from the month they start in, roughly.
            let m = match (v.month(), v.part()) {
                (Some(m), _) => m,
                (None, Some(YearPart::Week(w) | YearPart::Weekend(w))) => {
                    (u32::from(w) * 7 / 31 + 1).min(12) as u8
                }
                (None, Some(YearPart::Quarter(q))) => q * 3 - 2,
                (None, Some(YearPart::Half(h))) => h * 6 - 5,
                (None, Some(YearPart::Season(_))) => 6,
                _ => 1,
            };
            let y = v.year_value().unwrap();
            let (py, pm) = (published.year_value().unwrap(), published.month().unwrap());
            let months = (py - y) * 12 + i32::from(pm) - i32::from(m);
            assert!(
                (-1..=16).contains(&months),
                "{:?} → {v}, published {published}",
                c.text
            );
        }
    }
    eprintln!("{relative} relative dates checked");
}

#[test]
fn plain_article_is_detected_as_text() {
    let Some(plain) = shared_file("004_") else {
        return;
    };
    assert_eq!(Format::detect(&plain), Format::Text);
    let docs = decode(&plain, Format::Auto).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text.as_bytes(), &plain[..]);
}

// ---- handmade fixtures ----

fn mention_sources<'d>(file: &'d [u8], doc: &Document<'_>) -> Vec<(String, &'d str)> {
    let src = std::str::from_utf8(file).unwrap();
    doc.mentions
        .iter()
        .map(|m| (m.text.to_string(), &src[m.span]))
        .collect()
}

#[test]
fn html_page() {
    let page = data("page.html");
    assert_eq!(Format::detect(&page), Format::Html);
    let docs = decode(&page, Format::Auto).unwrap();
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.item, None);
    assert_eq!(d.published, None);
    let text = &d.text;
    assert!(
        text.starts_with(
            "Harbour Board report – a test page\n\nTalks resume in Vienna\n\nDelegates"
        ),
        "{text}"
    );
    assert!(
        text.contains("America’s envoy said the\nIran team was ready"),
        "{text}"
    );
    assert!(text.contains("Camp Ashraf were moved in 2016 & the camp closed."));
    assert!(text.contains("Fees of $14,000 &\u{a0}more were paid… said the Harbour Board."));
    assert!(
        text.contains("First point about Iran\n\nSecond point about the MEK\n\nTirana\n\nVienna")
    );
    for absent in [
        "inside a script",
        "style sheet",
        "Home",
        "comment",
        "at a rally",
        "Enable scripts",
        "icon",
        "template",
        "Copyright",
        "<",
    ] {
        assert!(!text.contains(absent), "{absent:?} in {text}");
    }
    let doc = FIXTURES.extract_input(d.input(None));
    check_spans(&page, &doc, false);
    let sources = mention_sources(&page, &doc);
    for (text, source) in [
        ("Iran", "Ira</b>n"),
        ("People’s Mojahedin", "People&#8217;s Mojahedin"),
        ("Camp Ashraf", "Camp <strong>Ashraf"),
        ("America", "America"),
    ] {
        assert!(
            sources.iter().any(|(t, s)| t == text && *s == source),
            "{text} from {source}: {sources:?}"
        );
    }
    // Block elements end sentences: each table cell and list item is its own sentence.
    let src = std::str::from_utf8(&page).unwrap();
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| &src[s.span]).collect();
    assert!(
        sentences.contains(&"Tirana") && sentences.contains(&"Vienna"),
        "{sentences:?}"
    );
    assert!(
        sentences.contains(&"First point about Iran"),
        "{sentences:?}"
    );
}

#[test]
fn malformed_html_still_yields_text() {
    let page = data("malformed.html");
    let d = decode(&page, Format::Html).unwrap().pop().unwrap();
    let text = &d.text;
    // `<b and 3 <4 tags.\n<p>` is one tag, as a browser reads it.
    assert!(
        text.starts_with("Unclosed bold italic\n\n\nA stray < sign and aBroken"),
        "{text:?}"
    );
    for present in [
        "&amp refs",
        "&#xZZ; &#; &bogus; AT&T and Iran’s team.",
        " NUL bytes in text.",
        "Iran talks",
    ] {
        let present = present.replace("&amp refs", "& refs");
        assert!(text.contains(&present), "{present:?} in {text:?}");
    }
    assert!(!text.contains('\0'));
    assert!(
        !text.contains("example.org"),
        "a tag cut off by the end of the file is dropped"
    );
    let doc = FIXTURES.extract_input(d.input(None));
    assert!(check_spans(&page, &doc, false) >= 2);
}

#[test]
fn any_prefix_of_a_file_decodes_without_panic() {
    for name in [
        "page.html",
        "malformed.html",
        "feed_escaped.xml",
        "atom.xml",
        "broken.xml",
    ] {
        let file = data(name);
        for cut in 0..=file.len() {
            let prefix = &file[..cut];
            for format in [Format::Auto, Format::Html, Format::Rss, Format::Text] {
                for d in documents(prefix, format) {
                    let Ok(d) = d else { break };
                    let doc = FIXTURES.extract_input(d.input(None));
                    if let Ok(src) = std::str::from_utf8(prefix) {
                        for m in &doc.mentions {
                            assert!(m.span.end <= src.len() && src.is_char_boundary(m.span.start));
                            assert!(
                                src.is_char_boundary(m.span.end),
                                "{name}[..{cut}] {format:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn rss_with_escaped_and_cdata_bodies() {
    let feed = data("feed_escaped.xml");
    assert_eq!(Format::detect(&feed), Format::Rss);
    let docs = decode(&feed, Format::Auto).unwrap();
    assert_eq!(docs.len(), 3);

    // Item 0: title and description escaped twice (`&amp;#8217;`, `&lt;p&gt;`).
    assert_eq!(
        docs[0].text,
        "Iran’s delegation returns to Vienna\n\nIran’s delegation met the US team in Vienna on Sunday.\n\n\
         The People’s Mojahedin protested & left."
    );
    assert_eq!(
        docs[0].published.unwrap().to_string(),
        "2021-04-14T06:48:04+00:00"
    );
    assert_eq!(
        docs[0].input(None).get_reference_date(),
        Date::ymd(2021, 4, 14)
    );

    // Item 1: content:encoded (CDATA) wins over description; dc:date; script skipped.
    assert!(
        docs[1]
            .text
            .starts_with("Camp Ashraf & Tirana\n\nResidents of Camp Ashraf moved to Tirana.")
    );
    assert!(docs[1].text.contains("America’s role was debated."));
    assert!(!docs[1].text.contains("summary") && !docs[1].text.contains("document.write"));
    assert_eq!(
        docs[1].published.unwrap().to_string(),
        "2021-05-01T08:03:29+02:00"
    );
    assert_eq!(
        docs[1].input(None).get_reference_date(),
        Date::ymd(2021, 5, 1)
    );

    // Item 2: no date, no reference.
    assert_eq!(
        docs[2].text,
        "No date, plain title with Iran\n\nPlain text about the MEK & Iran, with no markup at all."
    );
    assert_eq!(docs[2].published, None);
    assert_eq!(docs[2].input(None).get_reference_date(), None);

    let sources: Vec<Vec<(String, &str)>> = extract_all(&FIXTURES, &docs)
        .iter()
        .map(|doc| {
            check_spans(&feed, doc, true);
            mention_sources(&feed, doc)
        })
        .collect();
    let has = |i: usize, text: &str, source: &str| {
        assert!(
            sources[i].iter().any(|(t, s)| t == text && *s == source),
            "item {i}: {text} from {source}: {:?}",
            sources[i]
        );
    };
    has(0, "People’s Mojahedin", "People&amp;rsquo;s Mojahedin");
    has(0, "US", "US");
    has(1, "Maryam Rajavi", "Maryam <b>Raj</b>avi");
    has(1, "Camp Ashraf", "Camp Ashraf");
    has(2, "MEK", "MEK");
    // Channel text is not an item's.
    assert!(docs.iter().all(|d| !d.text.contains("Not an item")));
}

#[test]
fn atom_feed() {
    let feed = data("atom.xml");
    assert_eq!(Format::detect(&feed), Format::Rss);
    let docs = decode(&feed, Format::Auto).unwrap();
    assert_eq!(docs.len(), 3);
    // type="html", escaped twice; `published` wins over `updated`.
    assert_eq!(
        docs[0].text,
        "America’s envoy in Vienna\n\nThe envoy met Iran’s team.\n\nTalks resume this week."
    );
    assert_eq!(
        docs[0].published.unwrap().to_string(),
        "2021-05-10T09:46:35+04:30"
    );
    // type="text" title is text, `<b>` included; type="xhtml" content is markup in the
    // file; content wins over summary; `updated` when there is no `published`.
    assert_eq!(
        docs[1].text,
        "A <b> in a text title about Iran\n\nResidents of Camp Ashraf.\n\nMaryam Rajavi’s speech in Tirana."
    );
    assert_eq!(
        docs[1].published.unwrap().to_string(),
        "2021-05-12T00:00:00-05:00"
    );
    // Out-of-line content: the summary is the body.
    assert_eq!(
        docs[2].text,
        "Only a summary\n\nThe People’s Mojahedin in Tirana."
    );
    assert_eq!(docs[2].published, None);
    for d in &docs {
        assert!(!d.text.contains("Not Iran") && !d.text.contains("Media title"));
    }
    let src = std::str::from_utf8(&feed).unwrap();
    let docs_x = extract_all(&FIXTURES, &docs);
    let sources: Vec<(String, &str)> = docs_x
        .iter()
        .flat_map(|doc| mention_sources(&feed, doc))
        .collect();
    for (text, source) in [
        ("Camp Ashraf", "Camp</b> Ashraf"),
        ("People’s Mojahedin", "People&#8217;s Mojahedin"),
        ("Maryam Rajavi", "Maryam Rajavi"),
    ] {
        assert!(
            sources.iter().any(|(t, s)| t == text && *s == source),
            "{text} from {source}: {sources:?}"
        );
    }
    // The title is escaped HTML in XML: `Vienna` inside `&lt;i&gt;Vienna&lt;/i&gt;`.
    let title_vienna = &docs_x[0]
        .mentions
        .iter()
        .find(|m| m.text == "Vienna")
        .unwrap()
        .span;
    assert_eq!(&src[*title_vienna], "Vienna");
    assert!(src[..title_vienna.start].ends_with("&lt;i&gt;"));
    // The xhtml entry is decoded from the file itself: check it by the HTML rules only.
    check_spans(&feed, &docs_x[1], false);
    check_spans(&feed, &docs_x[0], true);
    check_spans(&feed, &docs_x[2], true);
}

#[test]
fn malformed_feed_keeps_the_items_before_the_error() {
    let feed = data("broken.xml");
    let results: Vec<_> = documents(&feed, Format::Auto).collect();
    assert_eq!(results.len(), 3);
    let ok: Vec<&Decoded<'_>> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].text, "First item about Iran");
    assert_eq!(
        ok[0].published.unwrap().to_string(),
        "2021-05-10T09:46:35+00:00"
    );
    assert_eq!(ok[1].item, Some(1));
    let err = results[2].as_ref().unwrap_err();
    assert_eq!(err.line(), Some(5));
    let msg = err.to_string();
    assert!(msg.starts_with("line 5: malformed markup:"), "{msg}");
    assert!(
        msg.contains("</titel>") && msg.contains("item 2") && msg.contains("byte offset 237"),
        "{msg}"
    );
    assert_eq!(&feed[237..245], b"</titel>");
    // All or nothing with `decode`.
    assert!(decode(&feed, Format::Rss).is_err());
}

#[test]
fn feeds_cut_short_or_not_feeds_are_errors() {
    let feed = data("feed_escaped.xml");
    let cut = &feed[..feed.len() - 200];
    let results: Vec<_> = documents(cut, Format::Rss).collect();
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    let msg = results[1].as_ref().unwrap_err().to_string();
    assert!(
        msg.starts_with("line 19: malformed markup:") && msg.contains("in item 1"),
        "{msg}"
    );
    // Cut between two tags, the file ends inside the item.
    let cut = &feed[..feed.windows(8).position(|w| w == b"<title><").unwrap()];
    let results: Vec<_> = documents(cut, Format::Rss).collect();
    let msg = results.last().unwrap().as_ref().unwrap_err().to_string();
    assert!(
        msg.contains("the file ends inside item 1 (opened at line"),
        "{msg}"
    );

    let page = data("page.html");
    let err = documents(&page, Format::Rss).find_map(Result::err).unwrap();
    assert!(err.to_string().contains("malformed markup"), "{err}");
    let err = decode(b"<?xml version=\"1.0\"?><doc><item/></doc>", Format::Rss).unwrap_err();
    assert!(
        err.to_string()
            .contains("not an RSS or Atom feed: the root element is `<doc>`"),
        "{err}"
    );

    // Invalid UTF-8 after the first item: the item, then the error.
    let mut bad = feed.clone();
    let at = bad.windows(7).position(|w| w == b"<item>\n").unwrap() + 200;
    let second = bad[at..].windows(6).position(|w| w == b"<item>").unwrap() + at;
    bad[second + 10] = 0xFF;
    let results: Vec<_> = documents(&bad, Format::Rss).collect();
    assert!(results[0].is_ok());
    let last = results.last().unwrap().as_ref().unwrap_err().to_string();
    assert_eq!(
        last,
        format!("invalid UTF-8 at byte offset {}", second + 10)
    );
}

#[test]
fn mutated_files_decode_without_panic() {
    // A small deterministic generator: markup characters and NUL bytes put anywhere.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    const BYTES: &[u8] = b"<>&;#x/!-[]\"'=\0 \nCDATA";
    for name in [
        "page.html",
        "malformed.html",
        "feed_escaped.xml",
        "atom.xml",
    ] {
        let file = data(name);
        for _ in 0..300 {
            let mut m = file.clone();
            for _ in 0..1 + next(4) {
                let at = next(m.len());
                m[at] = BYTES[next(BYTES.len())];
            }
            for format in [Format::Auto, Format::Html, Format::Rss] {
                for d in documents(&m, format) {
                    let Ok(d) = d else { break };
                    let doc = FIXTURES.extract_input(d.input(None));
                    let Ok(src) = std::str::from_utf8(&m) else {
                        continue;
                    };
                    for s in doc
                        .mentions
                        .iter()
                        .map(|x| x.span)
                        .chain(doc.sentences.iter().map(|x| x.span))
                    {
                        assert!(s.start <= s.end && s.end <= src.len(), "{name} {format:?}");
                        assert!(
                            src.is_char_boundary(s.start) && src.is_char_boundary(s.end),
                            "{name} {format:?}"
                        );
                    }
                }
            }
        }
    }
}
