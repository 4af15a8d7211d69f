//! The extractor: the whole pipeline, built once and run on any number of documents.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::claims::{Buffers, Claim, Recognizers, SentenceContext};
use crate::document::{Document, Mention, Sentence};
use crate::error::Error;
use crate::gazetteer::{Entity, EntityId, Gazetteer};
use crate::input::Input;
use crate::matcher::{self, Matcher, RawMatch};
use crate::segment::Segmenter;
use crate::span::Span;
use crate::urls::protected_spans_into;

/// Builds an [`Extractor`].
///
/// Quick advice: the defaults (built-in gazetteer, capital letters required where an alias
/// has them) suit news text; add your own gazetteers with [`gazetteer`](Self::gazetteer),
/// and turn the built-in one off with [`builtin`](Self::builtin)`(false)` to find only
/// your entities.
///
/// ```
/// use claimscan::{Extractor, Gazetteer};
///
/// let mine = Gazetteer::from_tsv("mine.tsv", "id\ttype\tname\taliases\n\
///     acme\torganisation\tAcme Corporation\tAcme\n")?;
/// let extractor = Extractor::builder().builtin(false).gazetteer(mine).build()?;
/// let doc = extractor.extract("Acme paid $5m.");
/// assert_eq!(doc.mentions[0].entity.unwrap().id(), "acme");
/// # Ok::<(), claimscan::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    builtin: bool,
    gazetteers: Vec<Gazetteer>,
    require_capital: bool,
}

impl Default for ExtractorBuilder {
    fn default() -> ExtractorBuilder {
        ExtractorBuilder {
            builtin: true,
            gazetteers: Vec::new(),
            require_capital: true,
        }
    }
}

impl ExtractorBuilder {
    /// A builder with the defaults.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Whether to load the built-in gazetteer (default: yes).
    pub fn builtin(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.builtin = yes;
        self
    }

    /// Adds a gazetteer. Its ids must not clash with those of the others.
    pub fn gazetteer(&mut self, gazetteer: Gazetteer) -> &mut ExtractorBuilder {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Whether an alias written with capitals (and not an exact-case acronym) needs
    /// capitals in the text it matches (default: yes): a capital somewhere, and an initial
    /// capital if the alias starts with one (unless its first word is a particle of three
    /// letters or fewer, as in `Al Jazeera`, often written `al-Jazeera`). With it, `the
    /// hill`, `nice weather` and `east Asia` are not `The Hill`, `Nice` and `East Asia`;
    /// `MUJAHEDIN-E KHALQ` and `Camp ashraf` still match. SPEC §1 matches such aliases
    /// "regardless of case"; turn this off to follow it to the letter.
    pub fn require_capital(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.require_capital = yes;
        self
    }

    /// Builds the extractor: merges the gazetteers and compiles the automata.
    ///
    /// # Errors
    ///
    /// An id defined in two of the gazetteers.
    pub fn build(&self) -> Result<Extractor, Error> {
        let mut gazetteer = if self.builtin {
            Gazetteer::builtin().clone()
        } else {
            Gazetteer::new()
        };
        for g in &self.gazetteers {
            gazetteer.merge(g)?;
        }
        let matcher = Matcher::new(&gazetteer, self.require_capital)?;
        Ok(Extractor {
            gazetteer,
            matcher,
            segmenter: Segmenter::new(),
            recognizers: Recognizers::new(),
        })
    }
}

/// Finds the sentences, entity mentions and numeric claims of texts.
///
/// Build it once (it compiles the gazetteer into an automaton) and share it: it is
/// `Send + Sync`, and extraction never fails and never panics, whatever the text.
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    matcher: Matcher,
    segmenter: Segmenter,
    recognizers: Recognizers,
}

impl Extractor {
    /// An extractor with the built-in gazetteer.
    pub fn new() -> Extractor {
        ExtractorBuilder::new()
            .build()
            .unwrap_or_else(|e| panic!("built-in gazetteer: {e}"))
    }

    /// A builder, to add gazetteers and set options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// The gazetteer in use (the built-in one and any added).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The number of distinct folded surface forms compiled.
    pub fn pattern_count(&self) -> usize {
        self.matcher.pattern_count()
    }

    /// Heap memory used by the matching automaton and its tables, in bytes.
    pub fn matcher_memory_usage(&self) -> usize {
        self.matcher.memory_usage()
    }

    /// Finds the entity mentions of `text` alone: no sentences, no claims. The text is
    /// read as one sentence (a blank line still ends a name), URLs and e-mail addresses
    /// are skipped, and shared short forms resolve as in [`extract`](Self::extract); every
    /// mention has `sentence` 0. Spans are byte offsets into `text`.
    ///
    /// ```
    /// use claimscan::Extractor;
    ///
    /// let extractor = Extractor::new();
    /// let text = "Talks in Vienna went on; see https://example.com/Vienna for more.";
    /// let found: Vec<&str> = extractor.find_mentions(text).iter().map(|m| m.text).collect();
    /// assert_eq!(found, ["Vienna"]);
    /// ```
    pub fn find_mentions<'a>(&'a self, text: &'a str) -> Vec<Mention<'a>> {
        let mut protected = Vec::new();
        protected_spans_into(text, &mut protected);
        let mut scratch = matcher::Scratch::default();
        let mut raw: Vec<RawMatch> = Vec::new();
        let mut ids: Vec<EntityId> = Vec::new();
        self.matcher.find(
            text,
            Span::new(0, text.len()),
            &protected,
            &mut scratch,
            &mut raw,
            &mut ids,
        );
        let mut last_full = IdMap::default();
        raw.iter()
            .enumerate()
            .map(|(k, r)| {
                let cands = &ids[r.entities.0 as usize..r.entities.1 as usize];
                self.resolve(text, r.span, cands, k, 0, &mut last_full)
            })
            .collect()
    }

    /// Extracts from plain text that is the original input itself.
    pub fn extract<'a>(&'a self, text: &'a str) -> Document<'a> {
        self.extract_input(Input::new(text))
    }

    /// Extracts from an [`Input`]: decoded text, with its map back to the original input
    /// and its reference date.
    pub fn extract_input<'a>(&'a self, input: Input<'a>) -> Document<'a> {
        self.extract_with(&mut Scratch::new(), input)
    }

    /// As [`extract_input`](Self::extract_input), with working memory that the caller
    /// keeps from one document to the next, so that a stream of documents costs no
    /// allocation but the [`Document`]s themselves. One [`Scratch`] per thread.
    ///
    /// ```
    /// use claimscan::{Extractor, Input, Scratch};
    ///
    /// let extractor = Extractor::new();
    /// let mut scratch = Scratch::new();
    /// for text in ["Iran paid $5m.", "Talks went on in Vienna."] {
    ///     let doc = extractor.extract_with(&mut scratch, Input::new(text));
    ///     assert_eq!(doc.sentences.len(), 1);
    /// }
    /// ```
    pub fn extract_with<'a>(&'a self, scratch: &mut Scratch, input: Input<'a>) -> Document<'a> {
        let text = input.text();
        let Scratch {
            protected,
            spans,
            matcher: mscratch,
            raw,
            ids,
            mention_ranges,
            mention_spans,
            last_full,
        } = scratch;
        protected_spans_into(text, protected);
        spans.clear();
        self.segmenter.split_into(text, protected, spans);

        // Mentions, sentence by sentence.
        raw.clear();
        ids.clear();
        mention_ranges.clear();
        for &s in spans.iter() {
            let from = raw.len();
            self.matcher.find(text, s, protected, mscratch, raw, ids);
            mention_ranges.push((from, raw.len()));
        }
        // Mentions resolved and entities linked in one pass: per sentence, its entities in
        // order of first mention.
        let mut mentions = Vec::with_capacity(raw.len());
        let mut linked: Vec<&Entity> = Vec::with_capacity(raw.len());
        let mut sentence_entities = Vec::with_capacity(spans.len());
        last_full.clear();
        // The entities of the sentence so far: a short scan while they are few, a set of
        // addresses once they are many, so a sentence naming thousands stays linear.
        let mut seen: HashSet<*const Entity> = HashSet::new();
        for (si, &(a, b)) in mention_ranges.iter().enumerate() {
            let from = linked.len();
            seen.clear();
            for (k, r) in raw[a..b].iter().enumerate() {
                let cands = &ids[r.entities.0 as usize..r.entities.1 as usize];
                let m = self.resolve(text, r.span, cands, a + k, si, last_full);
                if let Some(e) = m.entity {
                    let fresh = if linked.len() - from < 16 {
                        !linked[from..].iter().any(|x| std::ptr::eq(*x, e))
                    } else {
                        if seen.is_empty() {
                            seen.extend(linked[from..].iter().map(|x| std::ptr::from_ref(*x)));
                        }
                        seen.insert(std::ptr::from_ref(e))
                    };
                    if fresh {
                        linked.push(e);
                    }
                }
                mentions.push(m);
            }
            sentence_entities.push((from as u32, linked.len() as u32));
        }

        // Claims, sentence by sentence.
        mention_spans.clear();
        mention_spans.extend(mentions.iter().map(|m| m.span));
        // About one claim in two sentences in news text: room for that many up front
        // rather than a copy at each doubling.
        let mut claims: Vec<Claim<'a>> = Vec::with_capacity(spans.len() / 2);
        let mut buffers = Buffers::default();
        for (si, (&s, &(a, b))) in spans.iter().zip(mention_ranges.iter()).enumerate() {
            let ctx = SentenceContext {
                text,
                span: s,
                index: si,
                protected,
                mentions: &mention_spans[a..b],
                reference_date: input.get_reference_date(),
            };
            let from = claims.len();
            self.recognizers.find_with(&ctx, &mut buffers, &mut claims);
            for c in &mut claims[from..] {
                c.sentence = si;
            }
        }

        // Offsets into the original input.
        let mut sentences: Vec<Sentence> = spans.iter().map(|&span| Sentence { span }).collect();
        if let Some(map) = input.offset_map() {
            for m in &mut mentions {
                m.span = map.to_original(m.span);
            }
            for c in &mut claims {
                c.span = map.to_original(c.span);
            }
            for s in &mut sentences {
                s.span = map.to_original(s.span);
            }
        }
        Document {
            source: None,
            item: None,
            published: None,
            sentences,
            mentions,
            claims,
            sentence_entities,
            linked,
        }
    }

    /// Turns one match into a mention: a form unique to one entity names it (in full); a
    /// shared short form names the candidate the document last named in full, if any.
    fn resolve<'a>(
        &'a self,
        text: &'a str,
        span: Span,
        cands: &[EntityId],
        index: usize,
        sentence: usize,
        last_full: &mut IdMap,
    ) -> Mention<'a> {
        let entity = if let [only] = cands {
            last_full.insert(*only, index);
            Some(*only)
        } else {
            cands
                .iter()
                .filter_map(|c| last_full.get(c).map(|&at| (at, *c)))
                .max()
                .map(|(_, c)| c)
        };
        let candidates = match entity {
            Some(_) => Vec::new(),
            None => cands.iter().map(|&c| self.gazetteer.entity(c)).collect(),
        };
        Mention {
            span,
            text: &text[span],
            entity: entity.map(|e| self.gazetteer.entity(e)),
            candidates,
            sentence,
        }
    }
}

/// Where the document last named each entity in full, by entity id.
type IdMap = HashMap<EntityId, usize, BuildHasherDefault<IdHasher>>;

/// Hashes entity ids with one multiplication each. The keys are indices into the
/// extractor's gazetteer, a set fixed before any text is read and at most as large as
/// the gazetteer, so SipHash's defence against keys made to collide buys little here.
#[derive(Clone, Copy, Debug, Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u32(u32::from(b));
        }
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Working memory of [`Extractor::extract_with`], kept between documents: the buffers of
/// URL spans, sentence spans, raw matches and per-document resolution state. It holds no
/// results; any [`Extractor`] may use any `Scratch`.
#[derive(Debug, Default)]
pub struct Scratch {
    protected: Vec<Span>,
    spans: Vec<Span>,
    matcher: matcher::Scratch,
    raw: Vec<RawMatch>,
    ids: Vec<EntityId>,
    mention_ranges: Vec<(usize, usize)>,
    mention_spans: Vec<Span>,
    last_full: IdMap,
}

impl Scratch {
    /// Empty working memory; it grows to fit the documents it sees.
    pub fn new() -> Scratch {
        Scratch::default()
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}
