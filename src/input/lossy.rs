//! Lossy decoding: invalid UTF-8 replaced by U+FFFD, with offsets into the original bytes.

use std::borrow::Cow;

use super::offsets::OffsetMap;
use super::{Decoded, Format};
use crate::error::Error;
use crate::span::Span;

/// The bytes of a file read as UTF-8 with every invalid sequence replaced by U+FFFD
/// (`�`), as [`String::from_utf8_lossy`] does, and a map from the repaired text back to the
/// bytes: a span over a replacement character covers the invalid bytes it stands for.
///
/// Valid UTF-8 is borrowed as it is, with no copy and an identity map.
///
/// ```
/// use claimscan::input::{Format, Lossy};
/// use claimscan::Extractor;
///
/// let bytes = b"Caf\xe9 owners paid $5m.\n";
/// let lossy = Lossy::new(bytes);
/// assert_eq!(lossy.text(), "Caf\u{fffd} owners paid $5m.\n");
/// assert_eq!(lossy.invalid_count(), 1);
/// assert_eq!(lossy.first_invalid(), Some(3));
/// let extractor = Extractor::new();
/// for doc in lossy.documents(Format::Text) {
///     let doc = doc?;
///     let found = extractor.extract_input(doc.input(None));
///     let money = &found.claims[0];
///     assert_eq!(money.text, "$5m");
///     assert_eq!(&bytes[money.span.range()], b"$5m"); // offsets into the original bytes
///     assert_eq!(found.sentences[0].span.range(), 0..21); // the bad byte included
/// }
/// # Ok::<(), claimscan::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Lossy<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
    invalid: usize,
    first_invalid: Option<usize>,
}

impl<'a> Lossy<'a> {
    /// Reads `bytes`, replacing each maximal invalid sequence with U+FFFD.
    pub fn new(bytes: &'a [u8]) -> Lossy<'a> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Lossy {
                text: Cow::Borrowed(text),
                map: OffsetMap::identity(),
                invalid: 0,
                first_invalid: None,
            };
        }
        let mut text = String::with_capacity(bytes.len() + 16);
        let mut map = OffsetMap::identity();
        let mut invalid = 0;
        let mut first_invalid = None;
        let mut orig = 0;
        for chunk in bytes.utf8_chunks() {
            let valid = chunk.valid();
            if !valid.is_empty() {
                map.push_copy(text.len(), orig);
                text.push_str(valid);
                orig += valid.len();
            }
            let bad = chunk.invalid();
            if !bad.is_empty() {
                first_invalid.get_or_insert(orig);
                invalid += 1;
                map.push_replaced(text.len(), orig, bad.len());
                text.push(char::REPLACEMENT_CHARACTER);
                orig += bad.len();
            }
        }
        // Close the last piece, so that the end of the text maps to the end of the bytes.
        map.push_copy(text.len(), orig);
        Lossy {
            text: Cow::Owned(text),
            map,
            invalid,
            first_invalid,
        }
    }

    /// The repaired text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The map from the repaired text back to the original bytes.
    pub fn offsets(&self) -> &OffsetMap {
        &self.map
    }

    /// How many invalid sequences were replaced.
    pub fn invalid_count(&self) -> usize {
        self.invalid
    }

    /// The byte offset of the first invalid sequence, if any.
    pub fn first_invalid(&self) -> Option<usize> {
        self.first_invalid
    }

    /// The documents of the repaired text (as [`documents`](super::documents)), with
    /// offsets into the original bytes; errors (malformed feeds) give offsets into them too.
    pub fn documents(&self, format: Format) -> impl Iterator<Item = Result<Decoded<'_>, Error>> {
        let origin = (!self.map.is_empty()).then_some(&self.map);
        super::documents_with_origin(self.text.as_bytes(), format, origin)
            .map(move |d| d.map(|d| self.map_back(d)))
    }

    /// Maps a document decoded from [`text`](Self::text) back to the original bytes.
    pub fn map_back<'d>(&self, mut d: Decoded<'d>) -> Decoded<'d> {
        if !self.map.is_empty() {
            d.offsets = self.map.compose(&d.offsets, d.text.len());
        }
        d
    }

    /// The original offset of offset `at` of the repaired text.
    pub fn to_original(&self, at: usize) -> usize {
        self.map.to_original(Span::new(at, at)).start
    }
}
