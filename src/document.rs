//! The result of extraction: sentences, entity mentions and claims of one document.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::claims::{Claim, Date};
use crate::gazetteer::{Entity, EntityType};
use crate::json;
use crate::span::Span;

/// One sentence: its span in the original input.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Sentence {
    /// Where the sentence is, in the original input.
    pub span: Span,
}

/// A span of text that names a gazetteer entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<'a> {
    /// Where the mention is, in the original input.
    pub span: Span,
    /// The decoded text of the mention.
    pub text: &'a str,
    /// The entity named, or `None` for a short form shared by several entities that the
    /// document has not yet named in full (then see `candidates`).
    pub entity: Option<&'a Entity>,
    /// For an unresolved mention, the entities it may name; empty otherwise.
    pub candidates: Vec<&'a Entity>,
    /// The index of the mention's sentence in [`Document::sentences`].
    pub sentence: usize,
}

impl<'a> Mention<'a> {
    /// The type of the entity named; for an unresolved mention, the type its candidates
    /// share, if they share one.
    pub fn entity_type(&self) -> Option<&'a EntityType> {
        match self.entity {
            Some(e) => Some(e.kind()),
            None => {
                let first = self.candidates.first()?.kind();
                self.candidates
                    .iter()
                    .all(|c| c.kind() == first)
                    .then_some(first)
            }
        }
    }
}

/// The sentences, entity mentions and numeric claims of one document.
///
/// Serialised, it is one line of `extract`'s JSON Lines output (SPEC §3):
/// `source`, `item`, `published`, `sentences` (`start`, `end`), `mentions` (`start`, `end`,
/// `text`, `entity`, `type`, `name`, `sentence`, and `candidates` when unresolved) and
/// `claims` (`start`, `end`, `text`, `kind`, `value`, `min`, `max`, `currency`,
/// `qualifier`, `unit`, `outcome`, `victims`, `relative`, `sentence`, `entities`). All
/// offsets are byte offsets into the original input, half-open; all lists are in text
/// order. [`Document::write_json`] writes it several times faster than serde does; the
/// `Serialize` impl gives the same bytes, for callers who serialise it inside their own
/// records or to other formats.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document<'a> {
    /// Where the document came from (a file path), if known.
    pub source: Option<String>,
    /// The index of the feed item, for feeds.
    pub item: Option<usize>,
    /// The publication date of a feed item.
    pub published: Option<Date>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// The entity mentions, in order.
    pub mentions: Vec<Mention<'a>>,
    /// The numeric claims, in order.
    pub claims: Vec<Claim<'a>>,
    /// Per sentence, a range of `linked`.
    pub(crate) sentence_entities: Vec<(u32, u32)>,
    /// The entities of each sentence in order of first mention, sentence after sentence.
    pub(crate) linked: Vec<&'a Entity>,
}

impl<'a> Document<'a> {
    /// The entities mentioned in sentence `i`, in order of first mention (each once).
    /// Empty if there is no such sentence.
    pub fn sentence_entities(&self, i: usize) -> &[&'a Entity] {
        match self.sentence_entities.get(i) {
            Some(&(a, b)) => &self.linked[a as usize..b as usize],
            None => &[],
        }
    }

    /// The entities a claim is tied to: those mentioned in its sentence.
    pub fn claim_entities(&self, claim: &Claim<'_>) -> &[&'a Entity] {
        self.sentence_entities(claim.sentence)
    }

    /// Appends the document to `out` as one JSON object, with no newline after it: the
    /// same bytes as `serde_json::to_writer(out, self)`, written directly.
    ///
    /// Strings are scanned eight bytes at a time for the bytes JSON escapes, and the runs
    /// between them copied whole; keys and punctuation are constant byte strings.
    ///
    /// # Example
    ///
    /// ```
    /// use claimscan::Extractor;
    ///
    /// let extractor = Extractor::new();
    /// let mut doc = extractor.extract("Iran paid \"$5m\" on Sunday.");
    /// doc.source = Some("note.txt".into());
    /// let mut line = Vec::new();
    /// doc.write_json(&mut line);
    /// assert_eq!(line, serde_json::to_vec(&doc).unwrap());
    /// line.push(b'\n'); // one line of JSON Lines
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        // A rough size, so that a long document grows its buffer once or twice only.
        out.reserve(
            96 + 32 * self.sentences.len() + 160 * self.mentions.len() + 240 * self.claims.len(),
        );
        out.extend_from_slice(b"{\"source\":");
        json::opt_str(out, self.source.as_deref());
        out.extend_from_slice(b",\"item\":");
        match self.item {
            Some(i) => json::uint(out, i),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"published\":");
        match &self.published {
            Some(d) => json::date(out, d),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"sentences\":[");
        for (i, s) in self.sentences.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"start\":");
            json::uint(out, s.span.start);
            out.extend_from_slice(b",\"end\":");
            json::uint(out, s.span.end);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"mentions\":[");
        for (i, m) in self.mentions.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            m.write_json(out);
        }
        out.extend_from_slice(b"],\"claims\":[");
        for (i, c) in self.claims.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_claim(out, c, self.claim_entities(c));
        }
        out.extend_from_slice(b"]}");
    }
}

impl Mention<'_> {
    /// Appends the mention as its `Serialize` impl writes it.
    fn write_json(&self, out: &mut Vec<u8>) {
        open_span_text(out, self.span, self.text);
        out.extend_from_slice(b",\"entity\":");
        json::opt_str(out, self.entity.map(Entity::id));
        out.extend_from_slice(b",\"type\":");
        json::opt_str(out, self.entity_type().map(EntityType::as_str));
        out.extend_from_slice(b",\"name\":");
        json::opt_str(out, self.entity.map(Entity::name));
        out.extend_from_slice(b",\"sentence\":");
        json::uint(out, self.sentence);
        if self.entity.is_none() {
            out.extend_from_slice(b",\"candidates\":");
            write_ids(out, &self.candidates);
        }
        out.push(b'}');
    }
}

/// Opens the object of a mention or a claim: `{"start":…,"end":…,"text":…`.
fn open_span_text(out: &mut Vec<u8>, span: Span, text: &str) {
    out.extend_from_slice(b"{\"start\":");
    json::uint(out, span.start);
    out.extend_from_slice(b",\"end\":");
    json::uint(out, span.end);
    out.extend_from_slice(b",\"text\":");
    json::str(out, text);
}

/// Appends a claim as [`ClaimView`] serialises it.
fn write_claim(out: &mut Vec<u8>, c: &Claim<'_>, entities: &[&Entity]) {
    open_span_text(out, c.span, c.text);
    out.extend_from_slice(b",\"kind\":");
    json::opt_word(out, Some(c.kind.as_str()));
    out.extend_from_slice(b",\"value\":");
    json::opt_value(out, c.value.as_ref());
    out.extend_from_slice(b",\"min\":");
    json::opt_value(out, c.min.as_ref());
    out.extend_from_slice(b",\"max\":");
    json::opt_value(out, c.max.as_ref());
    out.extend_from_slice(b",\"currency\":");
    json::opt_str(out, c.currency);
    out.extend_from_slice(b",\"qualifier\":");
    json::opt_word(out, c.qualifier.map(json::qualifier));
    out.extend_from_slice(b",\"unit\":");
    json::opt_str(out, c.unit.as_deref());
    out.extend_from_slice(b",\"outcome\":");
    json::opt_word(out, c.outcome.map(json::outcome));
    out.extend_from_slice(b",\"victims\":");
    json::opt_str(out, c.victims.as_deref());
    out.extend_from_slice(if c.relative {
        b",\"relative\":true,\"sentence\":"
    } else {
        b",\"relative\":false,\"sentence\":"
    });
    json::uint(out, c.sentence);
    out.extend_from_slice(b",\"entities\":");
    write_ids(out, entities);
    out.push(b'}');
}

/// Appends a list of entity ids.
fn write_ids(out: &mut Vec<u8>, entities: &[&Entity]) {
    out.push(b'[');
    for (i, e) in entities.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json::str(out, e.id());
    }
    out.push(b']');
}

struct SpanFields(Span);

impl Serialize for Sentence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("start", &self.span.start)?;
        m.serialize_entry("end", &self.span.end)?;
        m.end()
    }
}

impl SpanFields {
    fn write<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_entry("start", &self.0.start)?;
        m.serialize_entry("end", &self.0.end)
    }
}

struct Ids<'x, 'a>(&'x [&'a Entity]);

impl Serialize for Ids<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for e in self.0 {
            seq.serialize_element(e.id())?;
        }
        seq.end()
    }
}

impl Serialize for Mention<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        SpanFields(self.span).write(&mut m)?;
        m.serialize_entry("text", self.text)?;
        m.serialize_entry("entity", &self.entity.map(Entity::id))?;
        m.serialize_entry("type", &self.entity_type())?;
        m.serialize_entry("name", &self.entity.map(Entity::name))?;
        m.serialize_entry("sentence", &self.sentence)?;
        if self.entity.is_none() {
            m.serialize_entry("candidates", &Ids(&self.candidates))?;
        }
        m.end()
    }
}

struct ClaimView<'x, 'a> {
    claim: &'x Claim<'a>,
    entities: &'x [&'a Entity],
}

impl Serialize for ClaimView<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.claim;
        let mut m = s.serialize_map(None)?;
        SpanFields(c.span).write(&mut m)?;
        m.serialize_entry("text", c.text)?;
        m.serialize_entry("kind", &c.kind)?;
        m.serialize_entry("value", &c.value)?;
        m.serialize_entry("min", &c.min)?;
        m.serialize_entry("max", &c.max)?;
        m.serialize_entry("currency", &c.currency)?;
        m.serialize_entry("qualifier", &c.qualifier)?;
        m.serialize_entry("unit", &c.unit)?;
        m.serialize_entry("outcome", &c.outcome)?;
        m.serialize_entry("victims", &c.victims)?;
        m.serialize_entry("relative", &c.relative)?;
        m.serialize_entry("sentence", &c.sentence)?;
        m.serialize_entry("entities", &Ids(self.entities))?;
        m.end()
    }
}

struct Claims<'x, 'a>(&'x Document<'a>);

impl Serialize for Claims<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let mut seq = s.serialize_seq(Some(doc.claims.len()))?;
        for c in &doc.claims {
            seq.serialize_element(&ClaimView {
                claim: c,
                entities: doc.claim_entities(c),
            })?;
        }
        seq.end()
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("source", &self.source)?;
        m.serialize_entry("item", &self.item)?;
        m.serialize_entry("published", &self.published)?;
        m.serialize_entry("sentences", &self.sentences)?;
        m.serialize_entry("mentions", &self.mentions)?;
        m.serialize_entry("claims", &Claims(self))?;
        m.end()
    }
}
