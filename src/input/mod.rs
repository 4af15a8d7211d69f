//! Inputs: what the extractor reads, and how files are decoded into it.
//!
//! An [`Input`] is decoded text plus, when the text is not the original input itself, an
//! [`OffsetMap`] back to the original bytes, and the reference date for relative dates.
//! [`documents`] (or [`decode`]) turns the bytes of a file into one [`Decoded`] document
//! per text: one for a plain-text file or an HTML page, one per item of a feed.
//!
//! - Plain text is the input itself (less a byte-order mark).
//! - HTML pages: tags stripped, character references decoded, block elements end
//!   paragraphs; `script`, `style`, `nav`, `footer`, comments … are not content. See
//!   [`decode_html`].
//! - RSS 2.0, RSS 1.0 and Atom feeds: one document per item, its title and body (HTML,
//!   in CDATA or escaped), with the item's publication date.
//! - Invalid UTF-8 is an error giving the offset of the first bad byte; read through
//!   [`Lossy`], it is replaced by U+FFFD instead, and offsets still point into the
//!   original bytes.
//!
//! Every offset of a decoded text maps back to the original file through its
//! [`OffsetMap`]: for a feed item, through both the XML and the HTML layer, so that a
//! span of `America’s` written `America&amp;#8217;s` covers all of those bytes.
//!
//! ```
//! use claimscan::input::{documents, Format};
//! use claimscan::{Extractor, Gazetteer};
//!
//! let feed = br#"<?xml version="1.0"?><rss version="2.0"><channel>
//! <item><title>Talks in Vienna</title><pubDate>Wed, 14 Apr 2021 06:48:04 +0000</pubDate>
//! <description><![CDATA[<p>Iran&#8217;s team arrived.</p>]]></description></item>
//! </channel></rss>"#;
//! let gaz = Gazetteer::from_tsv("g.tsv", "id\ttype\tname\taliases\niran\tplace\tIran\t\n")?;
//! let extractor = Extractor::builder().builtin(false).gazetteer(gaz).build()?;
//! assert_eq!(Format::detect(feed), Format::Rss);
//! for doc in documents(feed, Format::Auto) {
//!     let doc = doc?;
//!     assert_eq!(doc.text, "Talks in Vienna\n\nIran’s team arrived.");
//!     assert_eq!(doc.published.unwrap().to_string(), "2021-04-14T06:48:04+00:00");
//!     let found = extractor.extract_input(doc.input(None));
//!     let iran = &found.mentions[0];
//!     assert_eq!(iran.text, "Iran");
//!     assert_eq!(&feed[iran.span.range()], b"Iran");
//! }
//! # Ok::<(), claimscan::Error>(())
//! ```

mod html;
mod lossy;
mod offsets;
mod pubdate;
mod rss;

use std::borrow::Cow;

use crate::claims::Date;
use crate::error::{Error, ErrorKind};

pub use self::lossy::Lossy;
pub use self::offsets::OffsetMap;

/// How to read an input file.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum Format {
    /// Look at the content: a feed, an HTML page, else plain text.
    #[default]
    Auto,
    /// Plain UTF-8 text.
    Text,
    /// An HTML page.
    Html,
    /// An RSS 2.0 or Atom feed.
    Rss,
}

impl Format {
    /// Parses `auto`, `text`, `html` or `rss`.
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "auto" => Format::Auto,
            "text" | "txt" => Format::Text,
            "html" => Format::Html,
            "rss" | "atom" | "feed" => Format::Rss,
            _ => return None,
        })
    }

    /// Picks a format by looking at the content (its first 4 KiB).
    ///
    /// - A feed: the first element (after an XML declaration, comments and a doctype) is
    ///   `rss`, `feed`, `rdf:RDF` or `channel`.
    /// - An HTML page: a `<!DOCTYPE html>`, a first element `html` or another HTML
    ///   element, any other XML document, or text dense with HTML tags (at least five).
    /// - Else plain text.
    ///
    /// A wrong guess is overridden by asking for a format.
    pub fn detect(bytes: &[u8]) -> Format {
        let mut b = bytes;
        while let Some(rest) = b.strip_prefix(b"\xEF\xBB\xBF") {
            b = rest;
        }
        let head = &b[..b.len().min(4096)];
        let mut i = skip_ws(head, 0);
        let mut xml = false;
        loop {
            let rest = &head[i..];
            if rest.starts_with(b"<?") {
                xml |= rest.starts_with(b"<?xml");
                i = find(head, i, b"?>").map_or(head.len(), |p| p + 2);
            } else if rest.starts_with(b"<!--") {
                i = find(head, i + 4, b"-->").map_or(head.len(), |p| p + 3);
            } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!doctype") {
                let word = skip_ws(head, i + 9);
                if head.len() >= word + 4 && head[word..word + 4].eq_ignore_ascii_case(b"html") {
                    return Format::Html;
                }
                i = memchr::memchr(b'>', &head[i..]).map_or(head.len(), |p| i + p + 1);
            } else {
                break;
            }
            i = skip_ws(head, i);
        }
        if let Some(name) = tag_name(head, i) {
            let local = name.rsplit(|&c| c == b':').next().unwrap_or(name);
            let local = local.to_ascii_lowercase();
            if matches!(local.as_slice(), b"rss" | b"feed" | b"rdf" | b"channel") {
                return Format::Rss;
            }
            if xml || is_html_tag(&local) {
                return Format::Html;
            }
        }
        // Text with tags in it: count the known HTML tags.
        let mut tags = 0;
        let mut j = 0;
        while let Some(p) = memchr::memchr(b'<', &head[j..]) {
            let lt = j + p;
            let at = if head.get(lt + 1) == Some(&b'/') {
                lt + 1
            } else {
                lt
            };
            if tag_name(head, at).is_some_and(|n| is_html_tag(&n.to_ascii_lowercase())) {
                tags += 1;
            }
            j = lt + 1;
        }
        if tags >= 5 {
            Format::Html
        } else {
            Format::Text
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&hay[from.min(hay.len())..], needle).map(|p| from + p)
}

/// The name of the tag that `b[lt]` (a `<`, or the `/` of an end tag) opens, if any.
fn tag_name(b: &[u8], lt: usize) -> Option<&[u8]> {
    if !matches!(b.get(lt), Some(b'<' | b'/')) {
        return None;
    }
    let from = lt + 1;
    let len = b[from.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_'))
        .count();
    let name = &b[from.min(b.len())..from.min(b.len()) + len];
    name.first()
        .is_some_and(u8::is_ascii_alphabetic)
        .then_some(name)
}

fn is_html_tag(name: &[u8]) -> bool {
    matches!(
        name,
        b"html"
            | b"head"
            | b"body"
            | b"title"
            | b"meta"
            | b"link"
            | b"script"
            | b"style"
            | b"p"
            | b"div"
            | b"span"
            | b"a"
            | b"b"
            | b"i"
            | b"em"
            | b"strong"
            | b"br"
            | b"hr"
            | b"img"
            | b"ul"
            | b"ol"
            | b"li"
            | b"table"
            | b"tr"
            | b"td"
            | b"th"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"blockquote"
            | b"article"
            | b"section"
            | b"header"
            | b"footer"
            | b"nav"
            | b"main"
            | b"figure"
            | b"figcaption"
            | b"pre"
            | b"code"
    )
}

/// What the extractor reads: decoded text, its map back to the original input, and the
/// reference date for relative dates.
///
/// ```
/// use claimscan::{Date, Input};
///
/// let input = Input::new("Talks resume next week.")
///     .reference_date(Some(Date::ymd(2021, 4, 12).unwrap()));
/// assert_eq!(input.text(), "Talks resume next week.");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    text: &'a str,
    offsets: Option<&'a OffsetMap>,
    reference_date: Option<Date>,
}

impl<'a> Input<'a> {
    /// Text that is the original input itself.
    pub fn new(text: &'a str) -> Input<'a> {
        Input {
            text,
            offsets: None,
            reference_date: None,
        }
    }

    /// Sets the map from the text back to the original input.
    pub fn offsets(mut self, map: &'a OffsetMap) -> Input<'a> {
        self.offsets = Some(map);
        self
    }

    /// Sets the date that relative dates are resolved against.
    pub fn reference_date(mut self, date: Option<Date>) -> Input<'a> {
        self.reference_date = date;
        self
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The map back to the original input, if the text is not the input itself.
    pub fn offset_map(&self) -> Option<&'a OffsetMap> {
        self.offsets
    }

    /// The reference date, if set.
    pub fn get_reference_date(&self) -> Option<Date> {
        self.reference_date
    }
}

/// One decoded document of an input file.
#[derive(Clone, Debug)]
pub struct Decoded<'a> {
    /// The text to extract from.
    pub text: Cow<'a, str>,
    /// The map from `text` back to the file's bytes.
    pub offsets: OffsetMap,
    /// The index of the feed item (0-based), for feeds.
    pub item: Option<usize>,
    /// The item's publication date, for feeds, with its time and offset when the feed
    /// gives them (`2021-05-15T03:30:08+00:00`).
    pub published: Option<Date>,
}

impl Decoded<'_> {
    /// The document as extractor input. Relative dates are resolved against `reference`
    /// if given (a date asked for on the command line wins), else against the day of the
    /// document's own publication date (a feed item's, as written in its own time zone),
    /// else against none.
    pub fn input(&self, reference: Option<Date>) -> Input<'_> {
        let own = self
            .published
            .map(|d| match (d.year_value(), d.month(), d.day()) {
                (Some(y), Some(m), Some(day)) => Date::ymd(y, m, day).unwrap_or(d),
                _ => d,
            });
        Input::new(&self.text)
            .offsets(&self.offsets)
            .reference_date(reference.or(own))
    }
}

/// Decodes the bytes of one file into its documents, all of them or the first error.
///
/// To keep the items of a feed read before a malformed part, and to hold one item at a
/// time, iterate over [`documents`] instead.
///
/// # Errors
///
/// Invalid UTF-8 (the error gives the offset of the first bad byte), or a feed whose XML
/// is malformed (the error gives the line, column and byte offset).
pub fn decode(bytes: &[u8], format: Format) -> Result<Vec<Decoded<'_>>, Error> {
    documents(bytes, format).collect()
}

/// The documents of a file, decoded one at a time: one for plain text or an HTML page,
/// one per item of a feed, in the order of the file.
///
/// An error ends the iteration: for a feed, it comes after the items read before the
/// malformed part, so that those are not lost.
pub fn documents(bytes: &[u8], format: Format) -> Documents<'_> {
    documents_with_origin(bytes, format, None)
}

/// As [`documents`], for bytes that `origin` maps back to a file (a repaired copy of it):
/// error offsets are given in the file.
fn documents_with_origin<'a>(
    bytes: &'a [u8],
    format: Format,
    origin: Option<&'a OffsetMap>,
) -> Documents<'a> {
    let format = if format == Format::Auto {
        Format::detect(bytes)
    } else {
        format
    };
    let inner = match format {
        Format::Text | Format::Auto => Inner::One(Some(decode_text(bytes))),
        Format::Html => Inner::One(Some(decode_html(bytes))),
        Format::Rss => Inner::Feed(Box::new(rss::Feed::new(bytes, origin))),
    };
    Documents { inner }
}

/// The documents of one file, from [`documents`]: an iterator of `Result<Decoded, Error>`
/// that stops after the first error.
pub struct Documents<'a> {
    inner: Inner<'a>,
}

enum Inner<'a> {
    One(Option<Result<Decoded<'a>, Error>>),
    Feed(Box<rss::Feed<'a>>),
}

impl<'a> Iterator for Documents<'a> {
    type Item = Result<Decoded<'a>, Error>;

    fn next(&mut self) -> Option<Result<Decoded<'a>, Error>> {
        match &mut self.inner {
            Inner::One(one) => one.take(),
            Inner::Feed(feed) => feed.next(),
        }
    }
}

impl std::fmt::Debug for Documents<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.inner {
            Inner::One(_) => "Documents(one)",
            Inner::Feed(_) => "Documents(feed)",
        })
    }
}

/// Decodes an HTML page (see the module docs of [`input`](self)): one document whose
/// offsets point into the page's bytes.
///
/// Malformed markup is read as a browser would and never fails. A UTF-8 sequence cut
/// off by the end of the file is dropped.
///
/// # Errors
///
/// Invalid UTF-8 before the end of the file (the error gives the offset of the first bad
/// byte).
///
/// ```
/// use claimscan::input::decode_html;
/// use claimscan::Span;
///
/// let page = "<p>Attempts to sabotage America&#8217;s return</p><p>Next.</p>";
/// let doc = decode_html(page.as_bytes())?;
/// assert_eq!(doc.text, "Attempts to sabotage America’s return\n\nNext.");
/// let at = doc.text.find("America").unwrap();
/// let span = doc.offsets.to_original(Span::new(at, at + "America’s".len()));
/// assert_eq!(&page[span], "America&#8217;s");
/// # Ok::<(), claimscan::Error>(())
/// ```
pub fn decode_html(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    let (body, shift) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let src = match std::str::from_utf8(body) {
        Ok(s) => s,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => {
            return Err(Error::new(ErrorKind::InvalidUtf8 {
                offset: e.valid_up_to() + shift,
            }));
        }
    };
    let (text, offsets) = html::decode_fragment(src, shift);
    Ok(Decoded {
        text: Cow::Owned(text),
        offsets,
        item: None,
        published: None,
    })
}

/// Decodes plain text: checks UTF-8 and drops a byte-order mark.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    let (body, shift) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::new(ErrorKind::InvalidUtf8 {
            offset: e.valid_up_to() + shift,
        })
    })?;
    Ok(Decoded {
        text: Cow::Borrowed(text),
        offsets: OffsetMap::shifted(shift),
        item: None,
        published: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_bom() {
        let d = decode_text(b"\xEF\xBB\xBFIran").unwrap();
        assert_eq!(d.text, "Iran");
        assert_eq!(
            d.offsets.to_original(crate::Span::new(0, 4)),
            crate::Span::new(3, 7)
        );
    }

    #[test]
    fn bad_utf8_offset() {
        let e = decode_text(b"ab\xffcd").unwrap_err();
        assert_eq!(e.to_string(), "invalid UTF-8 at byte offset 2");
        let e = decode_text(b"\xEF\xBB\xBFab\xff").unwrap_err();
        assert_eq!(e.to_string(), "invalid UTF-8 at byte offset 5");
    }

    #[test]
    fn detect() {
        let cases: &[(&str, Format)] = &[
            (
                "<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">",
                Format::Rss,
            ),
            ("\u{feff}<rss version=\"2.0\"><channel>", Format::Rss),
            (
                "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">",
                Format::Rss,
            ),
            (
                "<?xml version=\"1.0\"?><!DOCTYPE x><feed xmlns=\"http://www.w3.org/2005/Atom\">",
                Format::Rss,
            ),
            ("<!doctype HTML>\n<p>", Format::Html),
            ("  <html lang=en>", Format::Html),
            ("<!-- saved page --><html>", Format::Html),
            ("<p>A fragment</p>", Format::Html),
            (
                "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
                Format::Html,
            ),
            ("<?xml version=\"1.0\"?><doc>x</doc>", Format::Html),
            ("Notes\n<p>a</p><p>b</p><br><b>c</b><i>d</i>", Format::Html),
            ("Use <rss> or <feed> tags, and <b>bold</b>.", Format::Text),
            ("if a < b and c > d then", Format::Text),
            ("", Format::Text),
        ];
        for (s, want) in cases {
            assert_eq!(Format::detect(s.as_bytes()), *want, "{s:?}");
        }
        assert_eq!(
            Format::detect(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Format::Rss
        );
        assert_eq!(
            Format::detect(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Rss
        );
        assert_eq!(Format::detect(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::detect(b"Iran has said talks"), Format::Text);
    }
}
