//! The gazetteer matching engine (SPEC §1).
//!
//! All surface forms of all entities are folded ([`fold`]) and compiled into one byte
//! trie ([`trie`]): at each word start of the text the trie is walked over the folded
//! characters, collecting every surface form that ends on the way; the longest one that ends at a word boundary and passes its case rule
//! wins (leftmost-longest). The text is folded on the fly, one character at a time, so
//! offsets are exact in the original text whatever the folding did.
//!
//! Case rules, per surface form:
//! - written with a leading `=`, or with no lowercase letter and at least two capitals
//!   (`MEK`, `US`): the letters must have exactly the case written;
//! - otherwise any case matches, but by default the text must contain a capital letter
//!   if the form does (`the hill` is not `The Hill`; see
//!   [`ExtractorBuilder::require_capital`](crate::ExtractorBuilder::require_capital)).
//!
//! A form beginning with `The` matched where the text has a lowercase `the` is reported
//! without the article (`the Guardian` → `Guardian`).

mod boundary;
mod fold;
mod fold_table;
#[cfg(test)]
mod tests;
mod trie;

use std::collections::HashSet;

use self::trie::Trie;
use crate::error::Error;
use crate::gazetteer::{EntityId, Gazetteer};
use crate::span::Span;

pub(crate) use self::boundary::{is_boundary, is_word};
pub(crate) use self::fold::{Folded, fold_str};

/// One match of a surface form: its span in the text and the entities it may name (a
/// range of the caller's entity buffer; several for a shared short form).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct RawMatch {
    pub(crate) span: Span,
    pub(crate) entities: (u32, u32),
}

/// Reusable buffers for [`Matcher::find`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    cands: Vec<Candidate>,
}

#[derive(Clone, Copy, Debug)]
struct Candidate {
    pid: u32,
    end: usize,
    upper: bool,
}

#[derive(Clone, Debug)]
struct PatternInfo {
    targets: (u32, u32),
    leading_the: bool,
}

#[derive(Clone, Debug)]
struct Target {
    entity: EntityId,
    case: Case,
    /// For an exact-case form, the form as written (without `=`).
    form: Option<Box<str>>,
    /// Can text that starts with a lowercase letter match this form? Only if its case
    /// rule allows a lowercase start and a capital can still follow (a lowercase alias,
    /// an exact form written in lowercase first, or a form with a later capital or a
    /// later word).
    lower_ok: bool,
}

#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
enum Case {
    Exact,
    Insensitive { needs_capital: bool },
}

const NONWORD: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 3;

/// Word classes of the ASCII bytes.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [NONWORD; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            NONWORD
        };
        b += 1;
    }
    t
};

/// The compiled matcher for one gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    trie: Trie,
    /// For each ASCII byte: can a form start with its fold?
    first_byte: [bool; 128],
    /// Bit `(f0 << 7) | f1`: can a form start with folded ASCII bytes `f0 f1`? (A form
    /// of one byte sets its whole row.)
    pairs: Box<[u64; 256]>,
    /// The same for text that starts with a lowercase letter, counting only the forms
    /// that such text can match (see `Target::lower_ok`).
    pairs_lower: Box<[u64; 256]>,
    patterns: Vec<PatternInfo>,
    targets: Vec<Target>,
    /// Some form starts with a character that is not a word character.
    nonword_starts: bool,
}

/// A form is matched with exact case if it has no lowercase letter and two or more capitals.
fn is_acronym(form: &str) -> bool {
    !form.chars().any(char::is_lowercase) && form.chars().filter(|c| c.is_uppercase()).count() >= 2
}

impl Matcher {
    /// Compiles every surface form of `gazetteer`.
    pub(crate) fn new(gazetteer: &Gazetteer, require_capital: bool) -> Result<Matcher, Error> {
        // Every (folded form, target) pair, grouped by form after a stable sort, so that
        // targets keep gazetteer order and no hashing is needed.
        let mut pairs: Vec<(Vec<u8>, Target)> = Vec::new();
        for (i, entity) in gazetteer.entities().iter().enumerate() {
            let id = EntityId::from_usize(i);
            for form in entity.surface_forms() {
                let (body, exact) = match form.strip_prefix('=') {
                    Some(body) => (body, true),
                    None => (form, is_acronym(form)),
                };
                let key = fold_str(body);
                if key.is_empty() {
                    continue;
                }
                let first_lower = body
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_lowercase);
                let (case, form, lower_ok) = if exact {
                    (Case::Exact, Some(body.into()), first_lower)
                } else {
                    let needs_capital = require_capital && body.chars().any(char::is_uppercase);
                    let later = key.contains(&b' ') || body.chars().skip(1).any(char::is_uppercase);
                    (
                        Case::Insensitive { needs_capital },
                        None,
                        !needs_capital || later,
                    )
                };
                pairs.push((
                    key,
                    Target {
                        entity: id,
                        case,
                        form,
                        lower_ok,
                    },
                ));
            }
        }
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut patterns: Vec<PatternInfo> = Vec::new();
        let mut targets: Vec<Target> = Vec::with_capacity(pairs.len());
        let mut nonword_starts = false;
        // The targets of the current form, to drop duplicates (an alias written twice).
        let mut seen = HashSet::new();
        for (key, target) in pairs {
            if keys.last() != Some(&key) {
                seen.clear();
                let from = targets.len() as u32;
                patterns.push(PatternInfo {
                    targets: (from, from),
                    leading_the: key.starts_with(b"the ") && key.len() > 4,
                });
                let first = std::str::from_utf8(&key)
                    .ok()
                    .and_then(|s| s.chars().next());
                nonword_starts |= first.is_some_and(|c| !is_word(c));
                keys.push(key);
            }
            let info = patterns.last_mut().expect("a pattern was just pushed");
            let dup = !seen.insert((
                target.entity,
                target.case,
                target.form.clone(),
                target.lower_ok,
            ));
            if !dup {
                targets.push(target);
                info.targets.1 = targets.len() as u32;
            }
        }
        let trie = Trie::new(&keys);
        let mut first_byte = [false; 128];
        for (b, slot) in first_byte.iter_mut().enumerate() {
            *slot = match fold::fold_ascii(b as u8) {
                Some(f) => trie.next(trie.root(), f).is_some(),
                None => false,
            };
        }
        let mut pairs = Box::new([0u64; 256]);
        let mut pairs_lower = Box::new([0u64; 256]);
        for (key, info) in keys.iter().zip(&patterns) {
            let ts = &targets[info.targets.0 as usize..info.targets.1 as usize];
            let lower_ok = info.leading_the || ts.iter().any(|t| t.lower_ok);
            let mut mark = |bit: usize| {
                pairs[bit >> 6] |= 1 << (bit & 63);
                if lower_ok {
                    pairs_lower[bit >> 6] |= 1 << (bit & 63);
                }
            };
            match *key.as_slice() {
                [f0] if f0 < 0x80 => (0..128usize).for_each(|f1| mark((usize::from(f0) << 7) | f1)),
                [f0, f1, ..] if f0 < 0x80 && f1 < 0x80 => {
                    mark((usize::from(f0) << 7) | usize::from(f1))
                }
                _ => {}
            }
        }
        Ok(Matcher {
            trie,
            first_byte,
            pairs,
            pairs_lower,
            patterns,
            targets,
            nonword_starts,
        })
    }

    /// The number of distinct folded surface forms.
    pub(crate) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap memory used by the automaton and its tables, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.trie.memory_usage()
            + self.patterns.len() * std::mem::size_of::<PatternInfo>()
            + self
                .targets
                .iter()
                .map(|t| std::mem::size_of::<Target>() + t.form.as_ref().map_or(0, |f| f.len()))
                .sum::<usize>()
    }

    /// Finds the mentions of `text[range]`, leftmost-longest, skipping `protected` spans
    /// (sorted). Matches are appended to `out`; their entities to `entities`.
    pub(crate) fn find(
        &self,
        text: &str,
        range: Span,
        protected: &[Span],
        scratch: &mut Scratch,
        out: &mut Vec<RawMatch>,
        entities: &mut Vec<EntityId>,
    ) {
        if self.patterns.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let end = range.end.min(text.len());
        let mut i = range.start;
        let mut prev_word = text[..i].chars().next_back().is_some_and(is_word);
        let mut prot = protected.partition_point(|s| s.end <= i);
        let mut next_prot = protected.get(prot).map_or(usize::MAX, |p| p.start);
        while i < end {
            if i >= next_prot {
                i = protected[prot].end.max(i + 1).min(end);
                while !text.is_char_boundary(i) {
                    i += 1;
                }
                prot += 1;
                next_prot = protected.get(prot).map_or(usize::MAX, |p| p.start);
                prev_word = text[..i].chars().next_back().is_some_and(is_word);
                continue;
            }
            let b = bytes[i];
            let (word, try_here, len) = if b < 0x80 {
                // ASCII fast path: a table lookup, and no walk unless some form starts
                // with this byte.
                match ASCII_CLASS[b as usize] {
                    NONWORD => {
                        let t = self.nonword_starts
                            && !b.is_ascii_whitespace()
                            && self.first_byte[b as usize];
                        (false, t, 1)
                    }
                    class => {
                        let start = !prev_word || (class == UPPER && is_boundary(text, i));
                        let table = if class == LOWER {
                            &self.pairs_lower
                        } else {
                            &self.pairs
                        };
                        if !(start && self.can_start(table, bytes, i)) {
                            // Skip the rest of a run of lowercase letters and digits: no
                            // word boundary can fall inside it.
                            i += 1;
                            let stop = end.min(next_prot);
                            while i < stop
                                && matches!(ASCII_CLASS[bytes[i] as usize & 0x7F], LOWER | DIGIT)
                                && bytes[i] < 0x80
                            {
                                i += 1;
                            }
                            prev_word = true;
                            continue;
                        }
                        (true, true, 1)
                    }
                }
            } else {
                let (c, len) = decode(text, i);
                let word = is_word(c);
                let t = if word {
                    !prev_word || (c.is_uppercase() && is_boundary(text, i))
                } else {
                    self.nonword_starts && !c.is_whitespace()
                };
                (word, t, len)
            };
            if try_here {
                if let Some(next) = self.try_at(text, i, end, scratch, out, entities) {
                    i = next;
                    prev_word = text[..i].chars().next_back().is_some_and(is_word);
                    continue;
                }
            }
            prev_word = word;
            i += len;
        }
    }

    /// Can a form start at ASCII byte `i`? Looks at the folds of the first two bytes.
    #[inline(always)]
    fn can_start(&self, pairs: &[u64; 256], bytes: &[u8], i: usize) -> bool {
        let Some(f0) = fold::fold_ascii(bytes[i]) else {
            return false;
        };
        if !self.first_byte[bytes[i] as usize] {
            return false;
        }
        match bytes.get(i + 1) {
            Some(&b1) if b1 < 0x80 => {
                let f1 = fold::fold_ascii(b1).unwrap_or(b' ');
                let bit = (usize::from(f0) << 7) | usize::from(f1);
                pairs[bit >> 6] & (1 << (bit & 63)) != 0
            }
            _ => true,
        }
    }

    /// Walks the trie from `at`; on a match, records it and returns its end.
    #[inline]
    fn try_at(
        &self,
        text: &str,
        at: usize,
        limit: usize,
        scratch: &mut Scratch,
        out: &mut Vec<RawMatch>,
        entities: &mut Vec<EntityId>,
    ) -> Option<usize> {
        let bytes = text.as_bytes();
        let cands = &mut scratch.cands;
        cands.clear();
        let trie = &self.trie;
        let mut node = trie.root();
        let mut upper = false;
        let mut q = at;
        'walk: while q < limit {
            let b = bytes[q];
            let folded = if b < 0x80 {
                upper |= b.is_ascii_uppercase();
                q += 1;
                match fold::fold_ascii(b) {
                    Some(f) => Folded::Byte(f),
                    None => Folded::Space,
                }
            } else {
                let (c, len) = decode(text, q);
                upper |= c.is_uppercase();
                q += len;
                fold::fold_char(c)
            };
            match folded {
                Folded::Skip => continue,
                Folded::Space => {
                    // A run of white space is one space; a blank line ends the walk.
                    let mut newlines = usize::from(b == b'\n');
                    while q < limit {
                        let b = bytes[q];
                        if b < 0x80 {
                            if fold::fold_ascii(b).is_some() {
                                break;
                            }
                            newlines += usize::from(b == b'\n');
                            q += 1;
                        } else {
                            let (c, len) = decode(text, q);
                            if fold::fold_char(c) != Folded::Space {
                                break;
                            }
                            q += len;
                        }
                    }
                    if newlines >= 2 {
                        break 'walk;
                    }
                    match trie.next(node, b' ') {
                        Some(n) => node = n,
                        None => break 'walk,
                    }
                    continue;
                }
                Folded::Byte(f) => match trie.next(node, f) {
                    Some(n) => node = n,
                    None => break 'walk,
                },
                other => {
                    let mut alive = true;
                    fold::for_each_byte(other, |f| {
                        if alive {
                            match trie.next(node, f) {
                                Some(n) => node = n,
                                None => alive = false,
                            }
                        }
                    });
                    if !alive {
                        break 'walk;
                    }
                }
            }
            if let Some(pid) = trie.pattern(node) {
                cands.push(Candidate { pid, end: q, upper });
            }
        }
        for cand in cands.iter().rev() {
            if let Some(span) = self.accept(text, at, cand) {
                let from = entities.len() as u32;
                self.push_entities(text, at, span, cand, entities);
                if entities.len() as u32 > from {
                    out.push(RawMatch {
                        span,
                        entities: (from, entities.len() as u32),
                    });
                    return Some(cand.end);
                }
            }
        }
        None
    }

    /// Checks the end boundary and the `US$` rule, and trims a lowercase leading `the`.
    fn accept(&self, text: &str, at: usize, cand: &Candidate) -> Option<Span> {
        let end = cand.end;
        if !is_boundary(text, end) {
            return None;
        }
        let matched = &text[at..end];
        // `US` in `US$`, `C$`, `HK$`: part of a currency sign, not a mention.
        if text[end..].starts_with('$')
            && matched.len() <= 3
            && matched.bytes().all(|b| b.is_ascii_uppercase())
        {
            return None;
        }
        let mut start = at;
        if self.patterns[cand.pid as usize].leading_the && text.as_bytes()[at] == b't' {
            start = at + 3;
            let rest = &text[start..end];
            start += rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_whitespace() || c == '-')
                    .len();
        }
        Some(Span::new(start, end))
    }

    /// Pushes the entities whose case rule the matched text passes (each once).
    fn push_entities(
        &self,
        text: &str,
        at: usize,
        span: Span,
        cand: &Candidate,
        entities: &mut Vec<EntityId>,
    ) {
        let from = entities.len();
        let info = &self.patterns[cand.pid as usize];
        let matched = &text[span];
        let upper = if span.start == at {
            cand.upper
        } else {
            matched.chars().any(char::is_uppercase)
        };
        for t in &self.targets[info.targets.0 as usize..info.targets.1 as usize] {
            let ok = match t.case {
                Case::Insensitive { needs_capital } => upper || !needs_capital,
                Case::Exact => same_case(t.form.as_deref().unwrap_or(""), matched),
            };
            // The targets of one entity are consecutive: checking the last one pushed
            // keeps each entity once.
            if ok && entities[from..].last() != Some(&t.entity) {
                entities.push(t.entity);
            }
        }
    }
}

/// True if the letters of `text` have the same case, in order, as those of `form`.
fn same_case(form: &str, text: &str) -> bool {
    let mut a = form.chars().filter(|c| c.is_alphabetic());
    let mut b = text.chars().filter(|c| c.is_alphabetic());
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.is_uppercase() == y.is_uppercase() => {}
            _ => return false,
        }
    }
}

/// Decodes the character at byte `i` (a character boundary) of `text`.
#[inline]
fn decode(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
    (c, c.len_utf8().max(1))
}
