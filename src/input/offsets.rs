//! Mapping offsets of decoded text back to the original input bytes.

use crate::span::Span;

/// Maps byte offsets of a decoded text back to the bytes of the original input.
///
/// The map is a sorted list of pieces, not a table per byte: a *copied* piece maps
/// linearly (decoded text copied verbatim from the input), a *replaced* piece is atomic
/// (a character reference such as `&#8217;` decoded to `’`, or a tag that became a line
/// break): a span that starts inside it starts at the beginning of its source bytes,
/// and one that ends inside it ends at their end. So a mention of `America’s` written
/// `America&#8217;s` covers all of those source bytes.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq)]
struct Piece {
    /// Where the piece starts in the decoded text.
    dec: usize,
    /// Where its source starts in the original input.
    orig: usize,
    /// For a replaced piece, the length of its source; `None` for a copied one.
    replaced: Option<usize>,
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
            if last.replaced.is_none() && last.orig + (dec - last.dec) == orig {
                return; // continues the previous copy
            }
        }
        self.push(Piece {
            dec,
            orig,
            replaced: None,
        });
    }

    /// Records that decoded text from `dec` on (until the next piece) replaces the
    /// `orig_len` source bytes at `orig`. Pieces must be pushed in increasing `dec` order.
    pub fn push_replaced(&mut self, dec: usize, orig: usize, orig_len: usize) {
        self.push(Piece {
            dec,
            orig,
            replaced: Some(orig_len),
        });
    }

    /// Appends the pieces of `other`, a map of a text that is appended at decoded offset
    /// `at` (the length of the text so far). `other` must not be the identity map unless
    /// its text is empty.
    pub(crate) fn append(&mut self, other: &OffsetMap, at: usize) {
        for p in &other.pieces {
            match p.replaced {
                None => self.push_copy(at + p.dec, p.orig),
                Some(len) => self.push_replaced(at + p.dec, p.orig, len),
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
    /// of it. Runs in time linear in the two maps (plus a binary search per piece).
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
        // The outer pieces, with the implicit identity before the first made explicit.
        let lead = (self.pieces[0].dec > 0).then_some(Piece {
            dec: 0,
            orig: 0,
            replaced: None,
        });
        let outer: Vec<Piece> = lead
            .into_iter()
            .chain(self.pieces.iter().copied())
            .collect();
        let mut out = OffsetMap {
            pieces: Vec::with_capacity(inner.pieces.len().max(1) + outer.len() / 2),
        };
        let inner_lead = inner.pieces.first().map_or(inner_len > 0, |p| p.dec > 0);
        let lead = inner_lead.then_some(Piece {
            dec: 0,
            orig: 0,
            replaced: None,
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
            match p.replaced {
                Some(len) => {
                    let a = self.map_start(p.orig);
                    let b = if len == 0 {
                        a
                    } else {
                        self.map_end(p.orig + len).max(a)
                    };
                    out.push_replaced(p.dec, a, b - a);
                }
                None => {
                    // The intermediate range [b0, b1) is copied: walk the outer pieces over it.
                    let (b0, b1) = (p.orig, p.orig + (end - p.dec));
                    let mut i = outer.partition_point(|q| q.dec <= b0).saturating_sub(1);
                    while i < outer.len() && outer[i].dec < b1 {
                        let q = outer[i];
                        let s = q.dec.max(b0);
                        let d = p.dec + (s - b0);
                        match q.replaced {
                            None => out.push_copy(d, q.orig + (s - q.dec)),
                            Some(len) => out.push_replaced(d, q.orig, len),
                        }
                        i += 1;
                    }
                }
            }
        }
        out
    }

    fn map_start(&self, d: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.dec <= d);
        if i == 0 {
            return d;
        }
        let p = self.pieces[i - 1];
        match p.replaced {
            None => p.orig + (d - p.dec),
            Some(len) if d == p.dec => p.orig.min(p.orig + len),
            Some(_) => p.orig,
        }
    }

    fn map_end(&self, d: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.dec < d);
        if i == 0 {
            return d;
        }
        let p = self.pieces[i - 1];
        match p.replaced {
            None => p.orig + (d - p.dec),
            Some(len) => p.orig + len,
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
}
