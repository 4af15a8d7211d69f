//! Inputs: what the extractor reads, and how files are decoded into it.
//!
//! An [`Input`] is decoded text plus, when the text is not the original input itself, an
//! [`OffsetMap`] back to the original bytes, and the reference date for relative dates.
//! [`decode`] turns the bytes of a file into one [`Decoded`] document per text (one for a
//! plain-text file, one per item of a feed).

mod offsets;

use std::borrow::Cow;

use crate::claims::Date;
use crate::error::{Error, ErrorKind};

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

    /// Picks a format by looking at the content.
    pub fn detect(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(1024)];
        let head = String::from_utf8_lossy(head).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
            Format::Rss
        } else if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || head.contains("<body")
            || head.contains("<head")
        {
            Format::Html
        } else {
            Format::Text
        }
    }
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
    /// The index of the feed item, for feeds.
    pub item: Option<usize>,
    /// The item's publication date, for feeds.
    pub published: Option<Date>,
}

impl Decoded<'_> {
    /// The document as extractor input; `reference` is used when the document has no
    /// publication date of its own.
    pub fn input(&self, reference: Option<Date>) -> Input<'_> {
        Input::new(&self.text)
            .offsets(&self.offsets)
            .reference_date(self.published.or(reference))
    }
}

/// Decodes the bytes of one file into its documents.
///
/// # Errors
///
/// Invalid UTF-8 (the error gives the offset of the first bad byte), or a format that
/// cannot be read.
pub fn decode(bytes: &[u8], format: Format) -> Result<Vec<Decoded<'_>>, Error> {
    let format = if format == Format::Auto {
        Format::detect(bytes)
    } else {
        format
    };
    match format {
        Format::Text | Format::Auto => Ok(vec![decode_text(bytes)?]),
        Format::Html | Format::Rss => Err(Error::new(ErrorKind::Markup(format!(
            "{} input is not supported yet",
            if format == Format::Html {
                "HTML"
            } else {
                "RSS/Atom"
            }
        )))),
    }
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
