//! Mapping offsets of decoded text back to the original input bytes.

use crate::span::Span;

/// Maps byte offsets of a decoded text back to the bytes of the original input.
///
/// The map is a sorted list of pieces, not a table per byte: a *copied* piece maps
/// linearly (decoded text copied verbatim from the input), a *replaced* piece is atomic
/// (a character reference such as `&#8217;` decoded to `’`, or tags that became a
/// paragraph break): a span that starts inside it starts at the beginning of its source
/// bytes, and one that ends inside it ends at their end. So a mention of `America’s`
/// written `America&#8217;s` covers all of those source bytes. Markup dropped between
/// two copied pieces (`<b>Ira</b>n`) needs no piece: the next copy starts after it.
///
/// A piece is three words; a map has a piece per run of text and per reference, so a
/// page of prose needs a few pieces per paragraph.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

/// The `src_len` of a copied piece.
const COPIED: usize = usize::MAX;

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
struct Piece {
    /// Where the piece starts in the decoded text (it ends where the next one starts).
    dec: usize,
    /// Where its source starts in the original input.
    orig: usize,
    /// For a replaced piece, the length of its source; [`COPIED`] for a copied one.
    src_len: usize,
}

impl Piece {
    fn copied(&self) -> bool {
        self.src_len == COPIED
    }

    /// The original offset of decoded offset `d` (in the piece) as a span start.
    fn start_at(&self, d: usize) -> usize {
        if self.copied() {
            self.orig + (d - self.dec)
        } else {
            self.orig
        }
    }

    /// The original offset of decoded offset `d` (in the piece) as a span end.
    fn end_at(&self, d: usize) -> usize {
        if self.copied() {
            self.orig + (d - self.dec)
        } else {
            self.orig + self.src_len
        }
    }
}

/// Finds pieces for offsets that mostly increase: a galloping search forward from the
/// last answer, a binary search when an offset goes back. A sequence of increasing
/// lookups costs time linear in the pieces passed, and each lookup at most a logarithm.
struct Cursor<'m> {
    pieces: &'m [Piece],
    at: usize,
}

impl Cursor<'_> {
    /// The index of the last piece that starts at or before `d` (before `d` if `strict`).
    fn find(&mut self, d: usize, strict: bool) -> Option<usize> {
        let before = |p: &Piece| if strict { p.dec < d } else { p.dec <= d };
        let ps = self.pieces;
        if ps.is_empty() {
            return None;
        }
        if !before(&ps[self.at]) {
            let i = ps[..self.at].partition_point(before);
            self.at = i.saturating_sub(1);
            return i.checked_sub(1);
        }
        let mut lo = self.at;
        let mut step = 1;
        let mut hi = lo + 1;
        while hi < ps.len() && before(&ps[hi]) {
            lo = hi;
            step *= 2;
            hi = lo + step;
        }
        let hi = hi.min(ps.len());
        self.at = lo + ps[lo + 1..hi].partition_point(before);
        Some(self.at)
    }
}

impl OffsetMap {
    /// The identity map: decoded text is the original input.
    pub fn identity() -> OffsetMap {
        OffsetMap::default()
    }

    /// Decoded offset `d` is original offset `d + by` (text after a byte-order mark).
    pub fn shifted(by: usize) -> OffsetMap {
        let mut m = OffsetMap::default();
        if by > 0 {
            m.push_copy(0, by);
        }
        m
    }

    /// Records that decoded text from `dec` on is copied verbatim from `orig` on (until the
    /// next piece). Pieces must be pushed in increasing `dec` order.
    pub fn push_copy(&mut self, dec: usize, orig: usize) {
        if let Some(last) = self.pieces.last() {
            if last.copied() && last.orig + (dec - last.dec) == orig {
                return; // continues the previous copy
            }
        }
        self.push(Piece {
            dec,
            orig,
            src_len: COPIED,
        });
    }

    /// Records that decoded text from `dec` on (until the next piece) replaces the
    /// `orig_len` source bytes at `orig`. Pieces must be pushed in increasing `dec` order.
    pub fn push_replaced(&mut self, dec: usize, orig: usize, orig_len: usize) {
        self.push(Piece {
            dec,
            orig,
            src_len: orig_len.min(COPIED - 1),
        });
    }

    /// Appends the pieces of `other`, a map of a text that is appended at decoded offset
    /// `at` (the length of the text so far). `other` must not be the identity map unless
    /// its text is empty.
    pub(crate) fn append(&mut self, other: &OffsetMap, at: usize) {
        for p in &other.pieces {
            match p.copied() {
                true => self.push_copy(at + p.dec, p.orig),
                false => self.push_replaced(at + p.dec, p.orig, p.src_len),
            }
        }
    }

    fn push(&mut self, p: Piece) {
        if let Some(last) = self.pieces.last_mut() {
            if last.dec == p.dec {
                *last = p;
                return;
            }
        }
        self.pieces.push(p);
    }

    /// The number of pieces (a measure of the map's size).
    pub fn len(&self) -> usize {
        self.pieces.len()
    }

    /// True for the identity map.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Maps a decoded span to the original input.
    ///
    /// A span that starts or ends inside a replaced piece is widened to cover all of its
    /// source bytes; an empty span maps to an empty span.
    pub fn to_original(&self, span: Span) -> Span {
        if self.pieces.is_empty() {
            return span;
        }
        let start = self.map_start(span.start);
        let end = if span.end == span.start {
            start
        } else {
            self.map_end(span.end).max(start)
        };
        Span::new(start, end)
    }

    /// Chains two maps: `self` maps an intermediate text back to the original input, and
    /// `inner` maps a text decoded from that intermediate text (`inner_len` bytes long)
    /// back to it. The result maps the decoded text straight to the original input.
    ///
    /// This is how a feed item's body is mapped: the XML layer (CDATA, `&lt;p&gt;`) gives
    /// the intermediate HTML, the HTML layer (tags, `&#8217;`) gives the text. A piece
    /// replaced in either layer stays atomic, so a span through `&amp;#8217;` covers all
    /// of it. Runs in time linear in the two maps when `inner` reads the intermediate
    /// text in order (as decoders do), with at most a logarithmic search per piece.
    ///
    /// ```
    /// use claimscan::{OffsetMap, Span};
    ///
    /// // original `x&lt;b&gt;Iran&lt;/b&gt;` → intermediate `x<b>Iran</b>` → text `xIran`
    /// let mut xml = OffsetMap::identity();
    /// xml.push_copy(0, 0);
    /// xml.push_replaced(1, 1, 4); // `<` from `&lt;`
    /// xml.push_copy(2, 5); // `b`
    /// xml.push_replaced(3, 6, 4); // `>` from `&gt;`
    /// xml.push_copy(4, 10); // `Iran`
    /// xml.push_replaced(8, 14, 4); // `<`
    /// let mut html = OffsetMap::identity();
    /// html.push_copy(0, 0); // `x`
    /// html.push_copy(1, 4); // `Iran`, after the tag `<b>`
    /// let map = xml.compose(&html, 5);
    /// assert_eq!(map.to_original(Span::new(1, 5)), Span::new(10, 14));
    /// ```
    pub fn compose(&self, inner: &OffsetMap, inner_len: usize) -> OffsetMap {
        if self.pieces.is_empty() {
            return inner.clone();
        }
        let outer = &self.pieces;
        let mut cursor = Cursor {
            pieces: outer,
            at: 0,
        };
        let mut out = OffsetMap {
            pieces: Vec::with_capacity(inner.pieces.len() + outer.len() / 2 + 1),
        };
        // The inner pieces, with the implicit identity before the first made explicit.
        let lead = inner.pieces.first().map_or(inner_len > 0, |p| p.dec > 0);
        let lead = lead.then_some(Piece {
            dec: 0,
            orig: 0,
            src_len: COPIED,
        });
        let mut pieces = lead
            .into_iter()
            .chain(inner.pieces.iter().copied())
            .peekable();
        while let Some(p) = pieces.next() {
            let end = pieces.peek().map_or(inner_len.max(p.dec), |n| n.dec);
            if end <= p.dec {
                continue;
            }
            if !p.copied() {
                let a = cursor
                    .find(p.orig, false)
                    .map_or(p.orig, |i| outer[i].start_at(p.orig));
                let e = p.orig + p.src_len;
                let b = if p.src_len == 0 {
                    a
                } else {
                    cursor.find(e, true).map_or(e, |i| outer[i].end_at(e))
                };
                out.push_replaced(p.dec, a, b.saturating_sub(a));
                continue;
            }
            // The intermediate range [b0, b1) is copied: walk the outer pieces over it.
            let (b0, b1) = (p.orig, p.orig + (end - p.dec));
            let mut i = match cursor.find(b0, false) {
                Some(i) => i,
                None => {
                    out.push_copy(p.dec, b0); // before the first outer piece: identity
                    0
                }
            };
            while i < outer.len() && outer[i].dec < b1 {
                let q = outer[i];
                let s = q.dec.max(b0);
                let d = p.dec + (s - b0);
                if q.copied() {
                    out.push_copy(d, q.orig + (s - q.dec));
                } else {
                    out.push_replaced(d, q.orig, q.src_len);
                }
                i += 1;
            }
        }
        out
    }

    fn map_start(&self, d: usize) -> usize {
        match self.pieces.partition_point(|p| p.dec <= d) {
            0 => d,
            i => self.pieces[i - 1].start_at(d),
        }
    }

    fn map_end(&self, d: usize) -> usize {
        match self.pieces.partition_point(|p| p.dec < d) {
            0 => d,
            i => self.pieces[i - 1].end_at(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_and_shift() {
        assert_eq!(
            OffsetMap::identity().to_original(Span::new(3, 7)),
            Span::new(3, 7)
        );
        assert_eq!(
            OffsetMap::shifted(3).to_original(Span::new(0, 4)),
            Span::new(3, 7)
        );
    }

    #[test]
    fn entity_reference() {
        // original: "<p>America&#8217;s</p>"   decoded: "America’s"
        let orig = "<p>America&#8217;s</p>";
        let dec = "America’s";
        let mut m = OffsetMap::identity();
        m.push_copy(0, 3);
        m.push_replaced(7, 10, 7);
        m.push_copy(10, 17);
        assert_eq!(m.len(), 3);
        let whole = m.to_original(Span::new(0, dec.len()));
        assert_eq!(&orig[whole], "America&#8217;s");
        let america = m.to_original(Span::new(0, 7));
        assert_eq!(&orig[america], "America");
        let apos = m.to_original(Span::new(7, 10));
        assert_eq!(&orig[apos], "&#8217;");
        let s = m.to_original(Span::new(10, 11));
        assert_eq!(&orig[s], "s");
        // inside the replaced piece: snap outwards
        assert_eq!(&orig[m.to_original(Span::new(8, 9))], "&#8217;");
    }

    #[test]
    fn copies_merge() {
        let mut m = OffsetMap::identity();
        m.push_copy(0, 5);
        m.push_copy(10, 15);
        m.push_copy(20, 30);
        assert_eq!(m.len(), 2);
        assert_eq!(m.to_original(Span::new(12, 22)), Span::new(17, 32));
    }

    /// A reference map: original offset of every decoded byte boundary, by brute force.
    fn naive_compose(outer: &OffsetMap, inner: &OffsetMap, len: usize) -> Vec<(usize, usize)> {
        (0..len)
            .map(|d| {
                let s = inner.to_original(Span::new(d, d + 1));
                let o = outer.to_original(s);
                (o.start, o.end)
            })
            .collect()
    }

    #[test]
    fn compose_matches_mapping_twice() {
        // original: `a&amp;#8217;b <![CDATA[c<i>d</i>]]>`-like layers, built by hand
        let mut outer = OffsetMap::identity();
        outer.push_copy(0, 10); // `a`
        outer.push_replaced(1, 11, 5); // `&` from `&amp;`
        outer.push_copy(2, 16); // `#8217;b c<i>d</i>`
        outer.push_replaced(20, 40, 4);
        outer.push_copy(21, 50);
        // inner: text `a’b cd` from the intermediate `a&#8217;b c<i>d</i>`
        let mut inner = OffsetMap::identity();
        inner.push_copy(0, 0); // `a`
        inner.push_replaced(1, 1, 7); // `’` from `&#8217;`
        inner.push_copy(4, 8); // `b c`
        inner.push_copy(7, 14); // `d`
        let len = 8;
        let composed = outer.compose(&inner, len);
        for d in 0..len {
            let got = composed.to_original(Span::new(d, d + 1));
            let (s, e) = naive_compose(&outer, &inner, len)[d];
            assert_eq!((got.start, got.end), (s, e), "at {d}");
        }
        // The apostrophe covers `&amp;#8217;`: from 11 to the end of `#8217;`.
        assert_eq!(composed.to_original(Span::new(1, 4)), Span::new(11, 22));
        // Identity inner map, identity outer map.
        assert_eq!(
            outer
                .compose(&OffsetMap::shifted(0), 5)
                .to_original(Span::new(0, 3)),
            Span::new(10, 17)
        );
        assert_eq!(OffsetMap::identity().compose(&inner, len), inner);
    }

    #[test]
    fn compose_is_linear_on_large_maps() {
        let n = 200_000;
        let mut outer = OffsetMap::identity();
        let mut inner = OffsetMap::identity();
        for i in 0..n {
            outer.push_copy(i * 4, i * 8);
            outer.push_replaced(i * 4 + 3, i * 8 + 3, 5);
            inner.push_copy(i * 2, i * 4 + 1);
        }
        let m = outer.compose(&inner, n * 2);
        assert_eq!(m.len(), n);
        assert_eq!(
            m.to_original(Span::new(2 * 7, 2 * 7 + 2)),
            Span::new(7 * 8 + 1, 7 * 8 + 3)
        );
    }
}
