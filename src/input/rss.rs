//! RSS 2.0, RSS 1.0 and Atom feeds: one document per item, read with `quick-xml`.
//!
//! A document is the item's title and body (`content:encoded`, else `description`; Atom
//! `content`, else `summary`) joined by a paragraph break, with the item's publication
//! date (`pubDate`, Atom `published`, else `dc:date`, else Atom `updated`).
//!
//! # Offsets: two layers
//!
//! An item body is HTML inside XML. The XML layer gives the body's *XML text*: CDATA is
//! copied as it is, and a reference such as `&lt;` or `&#8217;` becomes a replaced piece;
//! its map leads from the XML text to the feed's bytes. The HTML layer
//! ([`html::decode_fragment`]) decodes that XML text (tags, `&#8217;`, paragraph breaks)
//! with a map back to the XML text. [`OffsetMap::compose`] chains the two, so every span
//! points into the feed file: inside CDATA the HTML is raw, so `&#8217;` maps to its own
//! seven bytes; inside an escaped description (`&lt;p&gt;Iran&amp;#8217;s`) the
//! apostrophe maps to all of `&amp;#8217;`. Atom `type="xhtml"` content (and a field
//! holding raw child elements) is markup in the file itself: it is decoded as HTML
//! straight from the file's bytes. Atom `type="text"` fields are the XML text as is.
//!
//! # Streaming and errors
//!
//! [`Feed`] is an iterator: it reads the file one item at a time, holding only the item
//! in progress. Malformed XML (a mismatched end tag, a file cut short inside an item, a
//! root element that is not a feed) yields an error that gives its line, column and byte
//! offset, after the items read before it; the item in progress is dropped. Invalid
//! UTF-8 is treated the same way: the items before the first bad byte are read, then
//! the error. Unknown entities (`&nbsp;`, common in feeds though XML does not define
//! them) are read as HTML references, or kept as written.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::html::{self, Ref};
use super::offsets::OffsetMap;
use super::{Decoded, pubdate};
use crate::claims::Date;
use crate::error::{Error, ErrorKind};
use crate::span::Span;

const ATOM: &[u8] = b"http://www.w3.org/2005/Atom";
const ATOM03: &[u8] = b"http://purl.org/atom/ns#";
const RSS1: &[u8] = b"http://purl.org/rss/1.0/";
const RSS09: &[u8] = b"http://my.netscape.com/rdf/simple/0.9/";
const CONTENT: &[u8] = b"http://purl.org/rss/1.0/modules/content/";
const DC: &[u8] = b"http://purl.org/dc/elements/1.1/";

/// The namespaces that matter.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Ns {
    None,
    Atom,
    Rss,
    Content,
    Dc,
    Other,
}

fn ns_of(r: &ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Bound(ns) => match ns.as_ref() {
            ATOM | ATOM03 => Ns::Atom,
            RSS1 | RSS09 => Ns::Rss,
            CONTENT => Ns::Content,
            DC => Ns::Dc,
            _ => Ns::Other,
        },
        ResolveResult::Unknown(_) => Ns::Other,
    }
}

/// How a field's text is written.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Mode {
    /// Plain text (Atom `type="text"`).
    Text,
    /// HTML, escaped or in CDATA (RSS fields, Atom `type="html"`).
    Html,
    /// Markup in the feed itself (Atom `type="xhtml"`).
    Xhtml,
}

/// Where a field goes.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Slot {
    Title,
    Content,
    Summary,
    /// A date, with its priority (lower wins).
    Date(u8),
}

/// A direct child of an item, being read.
struct Open {
    slot: Slot,
    mode: Mode,
    /// Where its content starts in the feed text.
    raw_start: usize,
    /// Whether it holds child elements (then its content is markup).
    children: bool,
    /// Its XML text, and the map from it to the file.
    text: String,
    map: OffsetMap,
}

/// A field that has been read.
struct Field {
    mode: Mode,
    text: String,
    map: OffsetMap,
    /// The raw content (in the feed text), when it is markup to decode from the file.
    raw: Option<(usize, usize)>,
}

/// An item being read.
struct Item {
    index: usize,
    /// Where its start tag is.
    start: usize,
    atom: bool,
    /// How many elements are open inside the item.
    depth: usize,
    field: Option<Open>,
    title: Option<Field>,
    content: Option<Field>,
    summary: Option<Field>,
    date: Option<(u8, Date)>,
}

impl Item {
    fn new(index: usize, start: usize, atom: bool) -> Item {
        Item {
            index,
            start,
            atom,
            depth: 0,
            field: None,
            title: None,
            content: None,
            summary: None,
            date: None,
        }
    }

    fn slot(&self, ns: Ns, local: &[u8]) -> Option<Slot> {
        let atom = ns == Ns::Atom || (self.atom && ns == Ns::None);
        let rss = !self.atom && matches!(ns, Ns::None | Ns::Rss);
        Some(match local {
            b"encoded" if ns == Ns::Content => Slot::Content,
            b"date" if ns == Ns::Dc => Slot::Date(1),
            b"title" if atom || rss => Slot::Title,
            b"description" if rss => Slot::Summary,
            b"pubDate" if rss => Slot::Date(0),
            b"content" if atom => Slot::Content,
            b"summary" if atom => Slot::Summary,
            b"published" | b"issued" if atom => Slot::Date(0),
            b"updated" | b"modified" if atom => Slot::Date(2),
            _ => return None,
        })
    }

    /// A start tag inside the item, whose content starts at `after` (in the feed text).
    fn start(&mut self, ns: Ns, e: &BytesStart<'_>, after: usize, empty: bool) {
        if self.depth == 0 {
            let local = e.local_name();
            if let Some(slot) = self.slot(ns, local.as_ref()) {
                let mode = if ns == Ns::Atom || (self.atom && ns == Ns::None) {
                    atom_mode(e)
                } else {
                    Some(Mode::Html)
                };
                if let (Some(mode), false) = (mode, empty) {
                    self.field = Some(Open {
                        slot,
                        mode,
                        raw_start: after,
                        children: false,
                        text: String::new(),
                        map: OffsetMap::identity(),
                    });
                }
            }
        } else if let Some(f) = &mut self.field {
            f.children = true;
        }
        if !empty {
            self.depth += 1;
        }
    }

    /// An end tag inside the item, at `at` (in the feed text).
    fn end(&mut self, at: usize) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth > 0 {
            return;
        }
        let Some(f) = self.field.take() else { return };
        let raw = (f.children || f.mode == Mode::Xhtml).then_some((f.raw_start, at));
        let field = Field {
            mode: f.mode,
            text: f.text,
            map: f.map,
            raw,
        };
        match f.slot {
            Slot::Title if self.title.is_none() => self.title = Some(field),
            Slot::Content if self.content.is_none() => self.content = Some(field),
            Slot::Summary if self.summary.is_none() => self.summary = Some(field),
            Slot::Date(p) if self.date.is_none_or(|(q, _)| p < q) => {
                if let Some(d) = pubdate::parse(&field.text) {
                    self.date = Some((p, d));
                }
            }
            _ => {}
        }
    }

    /// XML text copied from the file at `from`.
    fn copy(&mut self, s: &str, from: usize) {
        if let Some(f) = &mut self.field {
            if !s.is_empty() {
                f.map.push_copy(f.text.len(), from);
                f.text.push_str(s);
            }
        }
    }

    /// A reference `&name;` at `from`, `len` bytes long.
    fn reference(&mut self, raw: &str, from: usize) {
        let Some(f) = &mut self.field else { return };
        let resolved = match raw.as_bytes() {
            b"&lt;" => Some(Ref::Str("<")),
            b"&gt;" => Some(Ref::Str(">")),
            b"&amp;" => Some(Ref::Str("&")),
            b"&quot;" => Some(Ref::Str("\"")),
            b"&apos;" => Some(Ref::Str("'")),
            // Character references, and HTML's named ones that feeds use undeclared.
            b => html::reference(b, 0, b.len())
                .filter(|&(_, end)| end == b.len())
                .map(|(r, _)| r),
        };
        match resolved {
            Some(r) => {
                f.map.push_replaced(f.text.len(), from, raw.len());
                match r {
                    Ref::Str(s) => f.text.push_str(s),
                    Ref::Char(c) => f.text.push(c),
                }
            }
            None => {
                f.map.push_copy(f.text.len(), from);
                f.text.push_str(raw);
            }
        }
    }
}

/// The mode of an Atom text construct, from its `type` (and `src`) attributes; `None`
/// for out-of-line content.
fn atom_mode(e: &BytesStart<'_>) -> Option<Mode> {
    let mut mode = Mode::Text;
    for a in e.attributes().flatten() {
        match a.key.as_ref() {
            b"src" => return None,
            b"type" => {
                mode = match a.value.as_ref() {
                    b"html" | b"text/html" => Mode::Html,
                    b"xhtml" | b"application/xhtml+xml" => Mode::Xhtml,
                    _ => Mode::Text,
                }
            }
            _ => {}
        }
    }
    Some(mode)
}

/// The documents of a feed, one per item, read as they are asked for.
pub(crate) struct Feed<'a> {
    src: &'a str,
    /// Where `src` starts in the file (after a byte-order mark).
    base: usize,
    reader: NsReader<&'a [u8]>,
    next_index: usize,
    seen_root: bool,
    /// An error to report once the readable part is done (invalid UTF-8 after it).
    trailing: Option<Error>,
    /// The map from the bytes read back to the file, when they are a repaired copy of it
    /// (see [`Lossy`](super::Lossy)): error offsets are given in the file.
    origin: Option<&'a OffsetMap>,
    done: bool,
}

/// What one read gave.
enum Step<'a> {
    Event(Ns, Event<'a>),
    Failed(String),
}

impl<'a> Feed<'a> {
    /// Reads a feed from its bytes.
    pub(crate) fn new(bytes: &'a [u8], origin: Option<&'a OffsetMap>) -> Feed<'a> {
        // Every leading byte-order mark goes: the XML reader would skip one more itself
        // without counting it in its positions, which would then all be three bytes short.
        let (mut body, mut base) = (bytes, 0);
        while let Some(rest) = body.strip_prefix(b"\xEF\xBB\xBF") {
            body = rest;
            base += 3;
        }
        let (src, trailing) = match std::str::from_utf8(body) {
            Ok(s) => (s, None),
            Err(e) => {
                let valid = e.valid_up_to();
                let err = Error::new(ErrorKind::InvalidUtf8 {
                    offset: valid + base,
                });
                (
                    std::str::from_utf8(&body[..valid]).unwrap_or_default(),
                    Some(err),
                )
            }
        };
        let mut reader = NsReader::from_str(src);
        let config = reader.config_mut();
        config.allow_dangling_amp = true;
        config.check_end_names = true;
        Feed {
            src,
            base,
            reader,
            next_index: 0,
            seen_root: false,
            trailing,
            origin,
            done: false,
        }
    }

    fn pos(&self) -> usize {
        usize::try_from(self.reader.buffer_position())
            .unwrap_or(usize::MAX)
            .min(self.src.len())
    }

    /// The 1-based line of offset `pos` of the feed text.
    fn line_of(&self, pos: usize) -> usize {
        let before = &self.src.as_bytes()[..pos.min(self.src.len())];
        memchr::memchr_iter(b'\n', before).count() + 1
    }

    /// A markup error at `pos` of the feed text.
    fn error(&self, pos: usize, what: &str) -> Error {
        let pos = pos.min(self.src.len());
        let before = &self.src.as_bytes()[..pos];
        let line = self.line_of(pos);
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |p| p + 1);
        let in_file = |at: usize| match self.origin {
            Some(map) => {
                map.to_original(Span::new(at + self.base, at + self.base))
                    .start
            }
            None => at + self.base,
        };
        let column = in_file(pos) - in_file(line_start) + 1;
        Error::new(ErrorKind::Markup(format!(
            "{what} (column {column}, byte offset {})",
            in_file(pos)
        )))
        .with_line(line)
    }

    fn fail(&mut self, err: Error) -> Option<Result<Decoded<'a>, Error>> {
        self.done = true;
        Some(Err(err))
    }

    fn check_root(&mut self, e: &BytesStart<'_>, at: usize) -> Result<(), Error> {
        if self.seen_root {
            return Ok(());
        }
        self.seen_root = true;
        match e.local_name().as_ref() {
            b"rss" | b"feed" | b"RDF" | b"channel" => Ok(()),
            other => Err(self.error(
                at,
                &format!(
                    "not an RSS or Atom feed: the root element is `<{}>`",
                    String::from_utf8_lossy(other)
                ),
            )),
        }
    }

    /// Turns a read item into its document.
    fn finish(&self, item: Item) -> Decoded<'a> {
        let title = item.title.map(|f| self.field_text(f));
        let body = item.content.or(item.summary).map(|f| self.field_text(f));
        let mut text = String::new();
        let mut map = OffsetMap::identity();
        if let Some((t, m)) = title {
            if !t.trim().is_empty() {
                map.append(&m, 0);
                text = t;
            }
        }
        if let Some((t, m)) = body {
            if !t.trim().is_empty() {
                if !text.is_empty() {
                    let end = map.to_original(Span::new(0, text.len())).end;
                    map.push_replaced(text.len(), end, 0);
                    text.push_str("\n\n");
                }
                map.append(&m, text.len());
                text.push_str(&t);
            }
        }
        Decoded {
            text: Cow::Owned(text),
            offsets: map,
            item: Some(item.index),
            published: item.date.map(|(_, d)| d),
        }
    }

    /// The text of a field and its map to the file.
    fn field_text(&self, f: Field) -> (String, OffsetMap) {
        if let Some((a, b)) = f.raw {
            let raw = self.src.get(a..b).unwrap_or_default();
            return html::decode_fragment(raw, self.base + a);
        }
        match f.mode {
            Mode::Text => (f.text, f.map),
            Mode::Html | Mode::Xhtml => {
                let (text, inner) = html::decode_fragment(&f.text, 0);
                let map = f.map.compose(&inner, text.len());
                (text, map)
            }
        }
    }
}

impl<'a> Iterator for Feed<'a> {
    type Item = Result<Decoded<'a>, Error>;

    fn next(&mut self) -> Option<Result<Decoded<'a>, Error>> {
        if self.done {
            return None;
        }
        let mut item: Option<Item> = None;
        loop {
            let before = self.pos();
            let step = match self.reader.read_resolved_event() {
                Ok((r, ev)) => Step::Event(ns_of(&r), ev),
                Err(e) => Step::Failed(e.to_string()),
            };
            let after = self.pos();
            let (ns, ev) = match step {
                Step::Event(ns, ev) => (ns, ev),
                Step::Failed(msg) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
                    let what = match &item {
                        Some(it) => format!("{msg}, in item {}", it.index),
                        None => msg,
                    };
                    let err = self.error(at, &what);
                    return self.fail(err);
                }
            };
            let file = self.base; // positions in the file are `base +` positions in `src`
            let empty = matches!(ev, Event::Empty(_));
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    if let Err(err) = self.check_root(&e, before) {
                        return self.fail(err);
                    }
                    match &mut item {
                        Some(it) => it.start(ns, &e, after, empty),
                        None => {
                            let local = e.local_name();
                            let atom = match local.as_ref() {
                                b"item" if matches!(ns, Ns::None | Ns::Rss) => false,
                                b"entry" if matches!(ns, Ns::Atom | Ns::None) => true,
                                _ => continue,
                            };
                            let it = Item::new(self.next_index, before, atom);
                            self.next_index += 1;
                            if empty {
                                return Some(Ok(self.finish(it)));
                            }
                            item = Some(it);
                        }
                    }
                }
                Event::End(_) => {
                    if let Some(it) = &mut item {
                        if it.depth == 0 {
                            let it = item.take().expect("an item is open");
                            return Some(Ok(self.finish(it)));
                        }
                        it.end(before);
                    }
                }
                Event::Text(_) => {
                    if let Some(it) = &mut item {
                        it.copy(&self.src[before..after], file + before);
                    }
                }
                Event::CData(_) => {
                    if let Some(it) = &mut item {
                        let (a, b) = (before + 9, after.saturating_sub(3).max(before + 9));
                        it.copy(self.src.get(a..b).unwrap_or_default(), file + a);
                    }
                }
                Event::GeneralRef(_) => {
                    if let Some(it) = &mut item {
                        it.reference(&self.src[before..after], file + before);
                    }
                }
                Event::Eof => {
                    if let Some(err) = self.trailing.take() {
                        return self.fail(err);
                    }
                    if let Some(it) = item {
                        let err = self.error(
                            self.src.len(),
                            &format!(
                                "the file ends inside item {} (opened at line {})",
                                it.index,
                                self.line_of(it.start)
                            ),
                        );
                        return self.fail(err);
                    }
                    if !self.seen_root {
                        let err = self.error(0, "not an RSS or Atom feed: no root element");
                        return self.fail(err);
                    }
                    self.done = true;
                    return None;
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(feed: &str) -> Vec<String> {
        Feed::new(feed.as_bytes(), None)
            .map(|d| d.unwrap().text.into_owned())
            .collect()
    }

    /// Every character of every item maps into the feed's bytes, on UTF-8 boundaries.
    fn check(feed: &str) {
        for d in Feed::new(feed.as_bytes(), None) {
            let d = d.unwrap();
            for (i, c) in d.text.char_indices() {
                let s = d.offsets.to_original(Span::new(i, i + c.len_utf8()));
                assert!(
                    s.end <= feed.len()
                        && feed.is_char_boundary(s.start)
                        && feed.is_char_boundary(s.end)
                );
                if c.is_alphanumeric() && c.is_ascii() {
                    assert_eq!(&feed[s.range()], c.to_string(), "{feed}");
                }
            }
        }
    }

    #[test]
    fn items() {
        let cases: &[(&str, &[&str])] = &[
            // Raw markup inside an RSS description, and an undeclared HTML entity.
            (
                "<rss><channel><item><title>A&nbsp;B</title><description><p>One</p><p>Two &amp; <b>x</b></p></description></item></channel></rss>",
                &["A\u{a0}B\n\nOne\n\nTwo & x"],
            ),
            // An empty item is still a document; indices count it.
            (
                "<rss><channel><item/><item><title>T</title></item></channel></rss>",
                &["", "T"],
            ),
            // RSS 1.0.
            (
                r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>C</title><items/></channel><item><title>One</title><description>Body</description></item></rdf:RDF>"#,
                &["One\n\nBody"],
            ),
            // Atom with a prefix; elements of other namespaces are not read.
            (
                r#"<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:m="urn:m"><a:entry><m:title>No</m:title><a:title>Yes</a:title><a:author><a:name>No</a:name></a:author><a:summary>S</a:summary></a:entry></a:feed>"#,
                &["Yes\n\nS"],
            ),
            // CDATA split in two, around escaped text.
            (
                "<rss><channel><item><description><![CDATA[<p>Ira]]>n&lt;/p&gt;<![CDATA[<p>Next</p>]]></description></item></channel></rss>",
                &["Iran\n\nNext"],
            ),
            // A title given twice: the first wins.
            (
                "<rss><channel><item><title>First</title><title>Second</title></item></channel></rss>",
                &["First"],
            ),
        ];
        for (feed, want) in cases {
            assert_eq!(texts(feed), *want, "{feed}");
            check(feed);
        }
    }

    #[test]
    fn dates_by_priority() {
        let feed = "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\
            <item><dc:date>2020-01-01</dc:date><pubDate>Sat, 15 May 2021 03:30:08 +0000</pubDate></item>\
            <item><dc:date>2020-01-01</dc:date><pubDate>not a date</pubDate></item>\
            </channel></rss>";
        let dates: Vec<String> = Feed::new(feed.as_bytes(), None)
            .map(|d| d.unwrap().published.unwrap().to_string())
            .collect();
        assert_eq!(dates, ["2021-05-15T03:30:08+00:00", "2020-01-01"]);
    }

    #[test]
    fn byte_order_mark_shifts_offsets() {
        let feed = "\u{feff}<rss><channel><item><title>Iran</title></item></channel></rss>";
        let d = Feed::new(feed.as_bytes(), None).next().unwrap().unwrap();
        assert_eq!(
            &feed[d.offsets.to_original(Span::new(0, 4)).range()],
            "Iran"
        );
    }
}
