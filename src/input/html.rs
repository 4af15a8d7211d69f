//! HTML: tags stripped, character references decoded, block elements turned into paragraph
//! breaks, with an [`OffsetMap`] back to the source bytes.
//!
//! This is a tokenizer over bytes, not a tree builder: it finds `<` and `&` with `memchr`,
//! reads each tag far enough to know its name and where it ends (quoted attribute values
//! may hold `>`), and never looks back, so it runs in linear time whatever the nesting.
//! It follows the HTML tokenizer where that matters for text: comments, raw-text
//! elements (`script`, `style`), RCDATA (`title`), a `<` that starts no tag is text, and
//! a tag cut off by the end of the file is dropped. Malformed markup never fails.
//!
//! - Text is copied as it is (white space included); the map records one *copied* piece
//!   per run of text between tags, so `<b>Ira</b>n` gives `Iran`, with no space.
//! - A character reference (`&#8217;`, `&#x2019;`, `&rsquo;`, the legacy `&amp` without
//!   `;`) becomes a *replaced* piece: a span through it covers all of its source bytes.
//!   Named references come from the WHATWG table of the `htmlize` crate; numeric ones
//!   follow the HTML rules (`&#150;` is the Windows-1252 `–`, `&#0;` is `U+FFFD`). A
//!   broken reference (`&#xZZ;`, `&foo;`) stays as it is written.
//! - A block element (`p`, `div`, `br`, `li`, `h1`…, `td`, `title` …) ends a paragraph:
//!   the tags and white space between two paragraphs become one `"\n\n"` (a replaced
//!   piece), so the segmenter splits there. Inline elements (`a`, `b`, `em`, `span` …)
//!   add nothing.
//! - Not content: comments, `script`, `style`, `noscript`, `template`, `nav`, `footer`,
//!   `svg`, `math`, form controls, the `head` (except its `title`), attribute values
//!   (`alt`, `title`), NUL bytes.

use memchr::{memchr, memchr2, memmem};

use super::offsets::OffsetMap;

/// Decodes the HTML `src`, whose first byte is at offset `base` of the original input.
///
/// Returns the text and its map back to the original input.
pub(crate) fn decode_fragment(src: &str, base: usize) -> (String, OffsetMap) {
    let mut d = Decoder {
        src,
        b: src.as_bytes(),
        base,
        out: String::with_capacity(src.len() / 2),
        map: OffsetMap::identity(),
        pending: None,
        skip: None,
        in_head: false,
        text_from: 0,
    };
    d.run();
    (d.out, d.map)
}

/// What a tag name means to the decoder.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Kind {
    /// Ends a paragraph.
    Block,
    /// Ends a paragraph, and its content is not text (`nav`, `footer`).
    SkipBlock,
    /// Its content is not text (`svg`, `template`, `button`).
    Skip,
    /// Raw text, not text to us (`script`, `style`): skipped up to its end tag.
    RawSkip,
    /// RCDATA that is text (`title`): references decoded, no tags; a paragraph of its own.
    Rcdata,
    /// `head`: its content is not text, except its `title`.
    Head,
    /// May appear in the `head` without ending it (`meta`, `link` …).
    HeadContent,
    /// Anything else: inline.
    Inline,
}

fn kind(name: &[u8]) -> Kind {
    match name {
        b"address" | b"article" | b"aside" | b"blockquote" | b"body" | b"br" | b"caption"
        | b"center" | b"dd" | b"details" | b"dialog" | b"dir" | b"div" | b"dl" | b"dt"
        | b"fieldset" | b"figcaption" | b"figure" | b"form" | b"frameset" | b"h1" | b"h2"
        | b"h3" | b"h4" | b"h5" | b"h6" | b"header" | b"hgroup" | b"hr" | b"html" | b"legend"
        | b"li" | b"listing" | b"main" | b"menu" | b"ol" | b"p" | b"pre" | b"section"
        | b"summary" | b"table" | b"tbody" | b"td" | b"tfoot" | b"th" | b"thead" | b"tr"
        | b"ul" => Kind::Block,
        b"nav" | b"footer" => Kind::SkipBlock,
        b"template" | b"svg" | b"math" | b"select" | b"datalist" | b"button" | b"object"
        | b"canvas" | b"video" | b"audio" => Kind::Skip,
        b"script" | b"style" | b"noscript" | b"xmp" | b"iframe" | b"noembed" | b"noframes"
        | b"textarea" => Kind::RawSkip,
        b"title" => Kind::Rcdata,
        b"head" => Kind::Head,
        b"meta" | b"link" | b"base" | b"basefont" | b"bgsound" => Kind::HeadContent,
        _ => Kind::Inline,
    }
}

/// The longest tag name we know (`blockquote`, `figcaption`).
const NAME_MAX: usize = 10;

/// A tag name lowercased into a small buffer; names longer than any we know are empty.
#[derive(Clone, Copy, Default, Eq, PartialEq)]
struct Name {
    buf: [u8; NAME_MAX],
    len: u8,
}

impl Name {
    fn new(raw: &[u8]) -> Name {
        let mut n = Name::default();
        if raw.len() <= NAME_MAX {
            for (d, s) in n.buf.iter_mut().zip(raw) {
                *d = s.to_ascii_lowercase();
            }
            n.len = raw.len() as u8;
        }
        n
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }
}

/// An element whose content is being skipped, with the depth of its nesting.
#[derive(Clone, Copy)]
struct Skip {
    name: Name,
    depth: usize,
}

struct Decoder<'s> {
    src: &'s str,
    b: &'s [u8],
    base: usize,
    out: String,
    map: OffsetMap,
    /// Where the source of a pending paragraph break starts, if one is pending.
    pending: Option<usize>,
    skip: Option<Skip>,
    in_head: bool,
    /// Where the text after the last markup starts.
    text_from: usize,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

impl Decoder<'_> {
    fn run(&mut self) {
        let len = self.b.len();
        let mut i = 0;
        while let Some(off) = memchr(b'<', &self.b[i..]) {
            let lt = i + off;
            match self.markup(lt) {
                None => i = lt + 1, // a `<` that starts no tag is text
                Some(end) => {
                    i = end;
                    self.text_from = end;
                }
            }
        }
        self.text(self.text_from, len);
    }

    /// Reads the markup at `lt` (a `<`). Returns `None` if it starts no markup; else emits
    /// the text before it, handles the markup and returns where the text resumes.
    fn markup(&mut self, lt: usize) -> Option<usize> {
        let b = self.b;
        let len = b.len();
        let next = b.get(lt + 1).copied();
        match next {
            Some(b'!') => {
                let end = if b[lt..].starts_with(b"<!--") {
                    let from = lt + 4;
                    if b[from..].starts_with(b">") {
                        from + 1
                    } else if b[from..].starts_with(b"->") {
                        from + 2
                    } else {
                        memmem::find(&b[from..], b"-->").map_or(len, |p| from + p + 3)
                    }
                } else {
                    memchr(b'>', &b[lt + 2..]).map_or(len, |p| lt + 2 + p + 1)
                };
                self.flush_text_before(lt);
                Some(end)
            }
            Some(b'?') => {
                self.flush_text_before(lt);
                Some(memchr(b'>', &b[lt + 2..]).map_or(len, |p| lt + 2 + p + 1))
            }
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, end, _) = self.tag(lt + 2);
                    self.flush_text_before(lt);
                    self.end_tag(name, lt, end);
                    Some(end)
                }
                Some(b'>') => {
                    self.flush_text_before(lt);
                    Some(lt + 3)
                }
                Some(_) => {
                    self.flush_text_before(lt);
                    Some(memchr(b'>', &b[lt + 2..]).map_or(len, |p| lt + 2 + p + 1))
                }
                None => None,
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, end, self_closing) = self.tag(lt + 1);
                self.flush_text_before(lt);
                Some(self.start_tag(name, self_closing, lt, end))
            }
            _ => None,
        }
    }

    /// Emits the text from the end of the last markup up to `lt`.
    fn flush_text_before(&mut self, lt: usize) {
        let from = self.text_from;
        self.text(from, lt);
    }

    /// Reads a tag from its name at `from`: its lowercased name, the offset after its
    /// `>` (the end of the input if it has none) and whether it ends with `/>`.
    fn tag(&self, from: usize) -> (Name, usize, bool) {
        let b = self.b;
        let len = b.len();
        let mut i = from;
        while i < len && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let name = Name::new(&b[from..i]);
        // Attributes: names, `=`, quoted or unquoted values.
        loop {
            while i < len && is_ws(b[i]) {
                i += 1;
            }
            if i >= len {
                return (name, len, false);
            }
            match b[i] {
                b'>' => return (name, i + 1, false),
                b'/' => {
                    if b.get(i + 1) == Some(&b'>') {
                        return (name, i + 2, true);
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // attribute name (its first character may be `=`)
            i += 1;
            while i < len && !is_ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            while i < len && is_ws(b[i]) {
                i += 1;
            }
            if i < len && b[i] == b'=' {
                i += 1;
                while i < len && is_ws(b[i]) {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => match memchr(q, &b[i + 1..]) {
                        Some(p) => i = i + 1 + p + 1,
                        None => return (name, len, false),
                    },
                    _ => {
                        while i < len && !is_ws(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                    }
                }
            }
        }
    }

    fn start_tag(&mut self, name: Name, self_closing: bool, lt: usize, end: usize) -> usize {
        let k = kind(name.as_bytes());
        if let Some(skip) = &mut self.skip {
            if name == skip.name && !self_closing {
                skip.depth += 1;
            }
            if k == Kind::RawSkip && !self_closing {
                return self.raw_end(name, end);
            }
            return end;
        }
        if (self.in_head
            && !matches!(
                k,
                Kind::Head | Kind::HeadContent | Kind::RawSkip | Kind::Rcdata | Kind::Skip
            ))
            || name.as_bytes() == b"body"
        {
            self.in_head = false;
        }
        match k {
            Kind::Block => self.block(lt),
            Kind::SkipBlock | Kind::Skip => {
                if k == Kind::SkipBlock {
                    self.block(lt);
                }
                if !self_closing {
                    self.skip = Some(Skip { name, depth: 1 });
                }
            }
            // `<script src="x"/>`, `<nav/>`: read as empty (as XHTML means them) rather
            // than losing the rest of the page.
            Kind::RawSkip | Kind::Rcdata if self_closing => {}
            Kind::RawSkip => return self.raw_end(name, end),
            Kind::Rcdata => {
                let close = self.raw_close(name, end);
                let after = close.map_or(self.b.len(), |(_, e)| e);
                let text_end = close.map_or(self.b.len(), |(s, _)| s);
                self.block(lt);
                let was_head = std::mem::replace(&mut self.in_head, false);
                self.text(end, text_end);
                self.in_head = was_head;
                self.block(text_end);
                return after;
            }
            Kind::Head => self.in_head = true,
            Kind::HeadContent | Kind::Inline => {}
        }
        end
    }

    fn end_tag(&mut self, name: Name, lt: usize, _end: usize) {
        let n = name.as_bytes();
        if let Some(skip) = &mut self.skip {
            if name == skip.name {
                skip.depth -= 1;
            }
            if skip.depth == 0 || n == b"body" || n == b"html" {
                let k = kind(skip.name.as_bytes());
                self.skip = None;
                if k == Kind::SkipBlock {
                    self.block(lt);
                }
            }
            return;
        }
        match kind(n) {
            Kind::Block | Kind::SkipBlock => self.block(lt),
            Kind::Head => self.in_head = false,
            _ => {}
        }
    }

    /// The end of the raw-text element `name` whose start tag ends at `from`.
    fn raw_end(&self, name: Name, from: usize) -> usize {
        self.raw_close(name, from).map_or(self.b.len(), |(_, e)| e)
    }

    /// Finds the end tag `</name` of a raw-text or RCDATA element from `from`: where it
    /// starts and ends.
    fn raw_close(&self, name: Name, from: usize) -> Option<(usize, usize)> {
        let b = self.b;
        let n = name.as_bytes();
        let mut i = from;
        while let Some(p) = memmem::find(&b[i..], b"</") {
            let lt = i + p;
            let at = lt + 2;
            let matches_name =
                b.len() >= at + n.len() && b[at..at + n.len()].eq_ignore_ascii_case(n);
            let after = at + n.len();
            if matches_name
                && b.get(after)
                    .is_none_or(|&c| is_ws(c) || c == b'/' || c == b'>')
            {
                let (_, end, _) = self.tag(at);
                return Some((lt, end));
            }
            i = lt + 2;
        }
        None
    }

    /// A block element's tag starts at `at`: a paragraph break is pending from there.
    fn block(&mut self, at: usize) {
        if !self.out.is_empty() && self.pending.is_none() {
            self.pending = Some(at);
        }
    }

    /// Emits the text `src[a..e]`, decoding character references and dropping NUL bytes.
    fn text(&mut self, a: usize, e: usize) {
        if a >= e || self.skip.is_some() {
            return;
        }
        if self.in_head {
            // Text in the head ends it (as a browser would), unless it is white space.
            if self.b[a..e].iter().all(|&c| is_ws(c)) {
                return;
            }
            self.in_head = false;
        }
        let b = self.b;
        let mut i = a;
        let mut run = a;
        while let Some(off) = memchr2(b'&', 0, &b[i..e]) {
            let p = i + off;
            if b[p] == 0 {
                self.copy(run, p);
                i = p + 1;
                run = i;
                continue;
            }
            match reference(b, p, e) {
                Some((r, end)) => {
                    self.copy(run, p);
                    self.replace(p, end, r);
                    i = end;
                    run = end;
                }
                None => i = p + 1,
            }
        }
        self.copy(run, e);
    }

    /// Starts a new stretch of output at source offset `at` (the first byte that is not
    /// white space): emits a pending paragraph break.
    fn before_content(&mut self, at: usize) {
        if let Some(from) = self.pending.take() {
            self.map
                .push_replaced(self.out.len(), self.base + from, at - from);
            self.out.push_str("\n\n");
        }
    }

    fn copy(&mut self, mut a: usize, e: usize) {
        if a >= e {
            return;
        }
        if self.out.is_empty() || self.pending.is_some() {
            // At the start of a paragraph, white space is part of the break.
            while a < e && is_ws(self.b[a]) {
                a += 1;
            }
            if a == e {
                return;
            }
            self.before_content(a);
        }
        self.map.push_copy(self.out.len(), self.base + a);
        self.out.push_str(&self.src[a..e]);
    }

    fn replace(&mut self, a: usize, e: usize, with: Ref) {
        self.before_content(a);
        self.map.push_replaced(self.out.len(), self.base + a, e - a);
        match with {
            Ref::Str(s) => self.out.push_str(s),
            Ref::Char(c) => self.out.push(c),
        }
    }
}

/// What a character reference stands for.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Ref {
    /// A named reference's expansion (one or two characters).
    Str(&'static str),
    /// A numeric reference's character.
    Char(char),
}

/// Reads the character reference at `b[amp]` (a `&`), looking no further than `limit`:
/// what it stands for and the offset after it, or `None` if it is no reference.
pub(crate) fn reference(b: &[u8], amp: usize, limit: usize) -> Option<(Ref, usize)> {
    let limit = limit.min(b.len());
    let mut i = amp + 1;
    if i < limit && b[i] == b'#' {
        i += 1;
        let hex = i < limit && (b[i] | 0x20) == b'x';
        if hex {
            i += 1;
        }
        let digits = i;
        let mut value: u32 = 0;
        while i < limit {
            let d = match (b[i] as char).to_digit(if hex { 16 } else { 10 }) {
                Some(d) => d,
                None => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d)
                .min(0x11_0000);
            i += 1;
        }
        if i == digits {
            return None;
        }
        if i < limit && b[i] == b';' {
            i += 1;
        }
        return Some((Ref::Char(numeric(value)), i));
    }
    let max = (amp + htmlize::ENTITY_MAX_LENGTH).min(limit);
    while i < max && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == amp + 1 {
        return None;
    }
    if i < limit && b[i] == b';' {
        if let Some(s) = lookup(&b[amp..=i]) {
            return Some((Ref::Str(s), i + 1));
        }
    }
    // A legacy reference written without its `;` (`&amp`, `&copy`), the longest that fits.
    let longest = (i - amp).min(htmlize::BARE_ENTITY_MAX_LENGTH);
    (3..=longest)
        .rev()
        .find_map(|n| lookup(&b[amp..amp + n]).map(|s| (Ref::Str(s), amp + n)))
}

fn lookup(key: &[u8]) -> Option<&'static str> {
    htmlize::ENTITIES
        .get(key)
        .and_then(|v| std::str::from_utf8(v).ok())
}

/// The character of a numeric reference, as HTML reads it.
fn numeric(value: u32) -> char {
    // Windows-1252 for the C1 controls, as browsers do.
    const C1: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = match value {
        0x80..=0x9F => u32::from(C1[(value - 0x80) as usize]),
        0 => 0xFFFD,
        v => v,
    };
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn dec(src: &str) -> String {
        decode_fragment(src, 0).0
    }

    /// Every decoded character maps to source bytes that decode to it again.
    fn check_map(src: &str) {
        let (text, map) = decode_fragment(src, 0);
        for (i, c) in text.char_indices() {
            let s = map.to_original(Span::new(i, i + c.len_utf8()));
            assert!(
                src.is_char_boundary(s.start) && src.is_char_boundary(s.end),
                "{src:?} {i}"
            );
            if !c.is_whitespace() {
                let back = decode_fragment(&src[s.range()], 0).0;
                assert!(back.contains(c), "{src:?} at {i}: {:?}", &src[s.range()]);
            }
        }
    }

    #[test]
    fn tags_and_blocks() {
        let cases: &[(&str, &str)] = &[
            ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
            ("<b>Ira</b>n", "Iran"),
            (
                "<p>A <em>very <strong>nested</strong></em> case</p>",
                "A very nested case",
            ),
            ("Line<br>next<br/>last", "Line\n\nnext\n\nlast"),
            ("<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>", "one\n\ntwo"),
            ("<table><tr><td>a</td><td>b</td></tr></table>", "a\n\nb"),
            ("<h1>Head</h1>\n<div><p>Body</p></div>", "Head\n\nBody"),
            ("<a href=\"x>y\" title='t>t'>link</a> text", "link text"),
            ("<img alt=\"Maryam Rajavi\" src=x.jpg>caption", "caption"),
            ("a <!-- <p>hidden</p> --> b", "a  b"),
            ("a<!---->b<!-->c", "abc"),
            (
                "<!DOCTYPE html><html><head><title>T</title><meta charset=utf-8></head><body>x</body></html>",
                "T\n\nx",
            ),
            (
                "<script>if (a<b) document.write('<p>x</p>')</script>kept",
                "kept",
            ),
            ("<style>p { color: red }</style><p>kept</p>", "kept"),
            (
                "<nav><a>Home</a><nav>inner</nav>still</nav><p>kept</p>",
                "kept",
            ),
            ("<p>a</p><footer>foot</footer><p>b</p>", "a\n\nb"),
            ("<svg><text>no</text></svg>yes", "yes"),
            ("<svg/>yes", "yes"),
            (
                "<script src=\"a.js\"/><p>kept</p><script>x</script>",
                "kept",
            ),
            ("<p>a</p><nav/><p>b</p>", "a\n\nb"),
            ("<TITLE>Up</TITLE><P>Per</P><SCRIPT>x</SCRIPT>", "Up\n\nPer"),
            ("<noscript><p>enable js</p></noscript>yes", "yes"),
            ("<template><p>no</p></template>yes", "yes"),
            ("<head><link rel=x><style>s</style></head>body", "body"),
            ("<head><meta x>stray text", "stray text"),
            ("<title>A &amp; <b>B</b></title>", "A & <b>B</b>"),
        ];
        for (src, want) in cases {
            assert_eq!(dec(src), *want, "{src:?}");
            check_map(src);
        }
    }

    #[test]
    fn references() {
        let cases: &[(&str, &str)] = &[
            ("America&#8217;s", "America’s"),
            ("America&#x2019;s", "America’s"),
            ("America&rsquo;s", "America’s"),
            ("AT&amp;T", "AT&T"),
            ("AT&ampT", "AT&T"),
            ("&amp", "&"),
            ("&notit;", "¬it;"),
            ("&notin;", "∉"),
            ("&#xZZ;", "&#xZZ;"),
            ("&#;", "&#;"),
            ("&foo; & bar", "&foo; & bar"),
            ("&#150;", "–"),
            ("&#0;&#xD800;&#99999999999;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("a&nbsp;b", "a\u{A0}b"),
            ("&NotEqualTilde;", "≂̸"),
            ("x &#8230", "x …"),
        ];
        for (src, want) in cases {
            assert_eq!(dec(src), *want, "{src:?}");
            check_map(src);
        }
    }

    #[test]
    fn malformed() {
        let cases: &[(&str, &str)] = &[
            ("a < b and c<d", "a < b and c"),
            ("1 <3 you", "1 <3 you"),
            ("unclosed <p>para <b>bold", "unclosed \n\npara bold"),
            ("cut <a href=\"http://x", "cut "),
            ("cut <!-- comment", "cut "),
            ("x</>y</ 3>z", "xyz"),
            ("a\0b", "ab"),
            ("<p>x</p></p></div>", "x"),
            ("<", "<"),
            ("</", "</"),
            ("&", "&"),
            ("<script>never closed", ""),
            ("<nav>never closed</body>after", "after"),
        ];
        for (src, want) in cases {
            assert_eq!(dec(src), *want, "{src:?}");
            check_map(src);
        }
    }

    #[test]
    fn offsets_point_into_source() {
        let src = "<p>Attempts to sabotage America&#8217;s <b>return</b></p>";
        let (text, map) = decode_fragment(src, 100);
        assert_eq!(text, "Attempts to sabotage America’s return");
        let at = text.find("America").unwrap();
        let s = map.to_original(Span::new(at, at + "America’s".len()));
        assert_eq!(
            s,
            Span::new(
                100 + src.find("America").unwrap(),
                100 + src.find(" <b>").unwrap()
            )
        );
        let r = text.find("return").unwrap();
        let s = map.to_original(Span::new(r, r + 6));
        assert_eq!(&src[s.start - 100..s.end - 100], "return");
    }

    #[test]
    fn breaks_map_to_markup_between_paragraphs() {
        let src = "<p>One.</p>\n<p>Two.</p>";
        let (text, map) = decode_fragment(src, 0);
        assert_eq!(text, "One.\n\nTwo.");
        assert_eq!(&src[map.to_original(Span::new(4, 6)).range()], "</p>\n<p>");
        assert_eq!(&src[map.to_original(Span::new(0, 4)).range()], "One.");
        assert_eq!(&src[map.to_original(Span::new(6, 10)).range()], "Two.");
    }

    #[test]
    fn linear_on_deep_nesting_and_long_lines() {
        let n = 100_000;
        let mut src = String::with_capacity(n * 16);
        for _ in 0..n {
            src.push_str("<div><span>");
        }
        src.push_str("deep");
        for _ in 0..n {
            src.push_str("</span></div>");
        }
        assert_eq!(dec(&src), "deep");
        let unclosed = "<nav>".repeat(n) + "x";
        assert_eq!(dec(&unclosed), "");
        let long = "word &amp; ".repeat(200_000);
        let (text, map) = decode_fragment(&long, 0);
        assert_eq!(text.len(), 200_000 * 7);
        assert!(map.len() <= 2 * 200_000 + 1);
        let stray = "1<2 ".repeat(200_000);
        assert_eq!(dec(&stray).len(), stray.len());
        let comments = "<!--".repeat(100_000);
        assert_eq!(dec(&comments), "");
    }
}
