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
//!   if the form does (`the hill` is not `The Hill`), and must start with one if the form
//!   does, unless the form's first word is a short particle of three letters or fewer
//!   (`east Asia` is not `East Asia`, but `al-Jazeera` is `Al Jazeera`); see
//!   [`ExtractorBuilder::require_capital`](crate::ExtractorBuilder::require_capital).
//!
//! A form beginning with `The` matched where the text has a lowercase `the` is reported
//! without the article (`the Guardian` → `Guardian`).

mod block;
mod boundary;
mod fold;
mod fold_table;
#[cfg(test)]
mod tests;
mod trie;
mod words;

use std::collections::HashSet;

use self::trie::Trie;
use crate::error::Error;
use crate::gazetteer::{EntityId, Gazetteer};
use crate::span::Span;
use crate::swar;

pub(crate) use self::boundary::{is_boundary, is_word};
#[cfg(test)]
pub(crate) use self::fold::fold_ascii;
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
    Insensitive {
        /// The text must contain a capital letter.
        needs_capital: bool,
        /// The text must start with a capital letter.
        needs_initial: bool,
    },
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
    /// Which text can start a form, by its first eight folded bytes (see [`Prefixes`]).
    prefixes: Prefixes,
    /// The same for text that starts with a lowercase letter, counting only the forms
    /// that such text can match (see `Target::lower_ok`).
    prefixes_lower: Prefixes,
    patterns: Vec<PatternInfo>,
    targets: Vec<Target>,
    /// Some form starts with a character that is not a word character.
    nonword_starts: bool,
    /// The ASCII bytes other than letters and digits that can start a form (the first
    /// `stop_count`), where [`scan`](Self::scan) stops; if there are more than
    /// [`block::MAX_STOPS`], `scan` is not used.
    stops: [u8; block::MAX_STOPS],
    stop_count: usize,
    use_scan: bool,
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
                    let needs_initial =
                        needs_capital && !first_lower && !starts_with_particle(body);
                    let later = key.contains(&b' ') || body.chars().skip(1).any(char::is_uppercase);
                    (
                        Case::Insensitive {
                            needs_capital,
                            needs_initial,
                        },
                        None,
                        !needs_initial && (!needs_capital || later),
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
        // Each filter is sized for its own forms: few forms can match text that starts
        // with a lowercase letter, and a small filter stays in the cache.
        let lower_ok: Vec<bool> = patterns
            .iter()
            .map(|info| {
                let ts = &targets[info.targets.0 as usize..info.targets.1 as usize];
                info.leading_the || ts.iter().any(|t| t.lower_ok)
            })
            .collect();
        let mut prefixes = Prefixes::with_capacity(keys.len());
        let mut prefixes_lower = Prefixes::with_capacity(lower_ok.iter().filter(|&&ok| ok).count());
        for (key, &ok) in keys.iter().zip(&lower_ok) {
            prefixes.add(key);
            if ok {
                prefixes_lower.add(key);
            }
        }
        let starts: Vec<u8> = (0..128u8)
            .filter(|b| !b.is_ascii_alphanumeric() && first_byte[usize::from(*b)])
            .collect();
        let mut stops = [0u8; block::MAX_STOPS];
        let stop_count = starts.len().min(block::MAX_STOPS);
        stops[..stop_count].copy_from_slice(&starts[..stop_count]);
        Ok(Matcher {
            trie,
            first_byte,
            stops,
            stop_count,
            use_scan: starts.len() <= block::MAX_STOPS,
            prefixes,
            prefixes_lower,
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
            + self.prefixes.memory_usage()
            + self.prefixes_lower.memory_usage()
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
            // The scan from between words, in ASCII text (inside a word, or where
            // the text is not ASCII, byte by byte).
            if self.use_scan && !prev_word && bytes[i] < 0x80 {
                let stop = end.min(next_prot);
                (i, prev_word) = self.scan(text, i, stop, end, prev_word, scratch, out, entities);
                if i >= stop {
                    continue;
                }
            }
            let b = bytes[i];
            if b == b' ' {
                prev_word = false;
                i += 1;
                continue;
            }
            let (word, try_here, len) = if b < 0x80 {
                // ASCII fast path: a table lookup, and no walk unless the filter lets the
                // first bytes through.
                match ASCII_CLASS[b as usize] {
                    NONWORD => {
                        let t = self.nonword_starts
                            && !b.is_ascii_whitespace()
                            && self.first_byte[b as usize];
                        (false, t, 1)
                    }
                    class => {
                        let start = !prev_word || (class == UPPER && is_boundary(text, i));
                        let filter = if class == LOWER {
                            &self.prefixes_lower
                        } else {
                            &self.prefixes
                        };
                        let mut filter = filter;
                        let stop = end.min(next_prot);
                        if start {
                            let (next, word, open) = self.skip_words(bytes, i, stop, prev_word);
                            if !open {
                                i = next;
                                prev_word = word;
                                continue;
                            }
                            if next != i {
                                // A later word that the whole-word filter let through,
                                // after a space.
                                debug_assert!(!word);
                                i = next;
                                if bytes[i] >= b'a' {
                                    filter = &self.prefixes_lower;
                                } else {
                                    filter = &self.prefixes;
                                }
                            }
                        }
                        if !(start && filter.may_start(bytes, i, end)) {
                            // Skip the rest of a run of lowercase letters and digits: no
                            // word boundary can fall inside it.
                            i = swar::skip_lower_digits(bytes, i + 1, stop);
                            // The space after the word, most often: no form starts there.
                            prev_word = !(i < stop && bytes[i] == b' ');
                            i += usize::from(!prev_word);
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

    /// Goes through the text from `i` (a character boundary, after a word character if
    /// `prev_word`) 64 bytes at a time, reading no further than `stop`: it skips the
    /// words that the whole-word filter rejects (see [`words`]) and the bytes between
    /// them, and at the word starts that the filters let through walks the trie itself
    /// (up to `end`), recording a match and going on after it. Returns where it cannot
    /// judge (a word with a capital inside, a word whose end it does not see, a
    /// non-ASCII byte, a byte of `stops`, `stop`), and whether a word character comes
    /// just before it; the byte-by-byte loop takes over there.
    ///
    /// It does exactly what that loop would do: it never skips a byte where a form may
    /// start, and tries the trie at the same places.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn scan(
        &self,
        text: &str,
        mut i: usize,
        stop: usize,
        end: usize,
        mut prev_word: bool,
        scratch: &mut Scratch,
        out: &mut Vec<RawMatch>,
        entities: &mut Vec<EntityId>,
    ) -> (usize, bool) {
        let bytes = text.as_bytes();
        let stops = &self.stops[..self.stop_count];
        let mut pad;
        'block: loop {
            if i >= stop {
                return (i, prev_word);
            }
            // Near a non-ASCII byte (in text that has many), a block would stop at once.
            if swar::load(bytes, i).is_some_and(|w| w & swar::HIGH != 0) {
                return (i, prev_word);
            }
            // The block and the eight bytes after it (zeros past the end of the text;
            // nothing at or after `stop` is read as text).
            let blk: &[u8; 72] = match bytes.get(i..i + 72) {
                Some(b) => b.try_into().expect("72 bytes"),
                None => {
                    let n = bytes.len() - i;
                    pad = [0u8; 72];
                    pad[..n].copy_from_slice(&bytes[i..]);
                    &pad
                }
            };
            let c = block::classify(blk[..64].try_into().expect("64 bytes"), stops);
            let avail = stop - i;
            let barrier = if avail >= 64 {
                c.barrier
            } else {
                c.barrier | (u64::MAX << avail)
            };
            let lim = barrier.trailing_zeros();
            let alnum = c.alnum & low_bits(lim);
            // The rest of a word that starts before `i`: a capital in it may start a
            // glued word.
            let lead = if prev_word {
                (!alnum).trailing_zeros()
            } else {
                0
            };
            if c.upper & low_bits(lead) != 0 || lead == 64 {
                return (i, true);
            }
            let mut starts = alnum & !((alnum << 1) | u64::from(prev_word));
            // The last word runs into `lim`: its end is not in view. (If it started
            // before `i`, it is all of `i..lim` and there is no word start.)
            let open = (alnum.leading_zeros() + lim == 64) & (starts != 0);
            let last = 63 - (starts | 1).leading_zeros();
            starts &= !(u64::from(open) << last);
            // Capitals after a letter or digit.
            let inner = c.upper & alnum & (alnum << 1);
            // First the words that the filter lets through, or that it cannot judge,
            // without a branch on each word; then those in order. The words with a
            // capital inside (rare) are flagged by their capitals: each is in the word
            // of the last start before it (not in a word that starts before `i`: see
            // `lead`; a capital in the open word flags the word before, which is only
            // looked at again).
            let mut flagged = 0u64;
            let mut caps = inner;
            while caps != 0 {
                let before = starts & low_bits(caps.trailing_zeros());
                flagged |= (1u64 << 63).wrapping_shr(before.leading_zeros()) & before;
                caps &= caps - 1;
            }
            while starts != 0 {
                let p = starts.trailing_zeros();
                let at = p as usize;
                let w = u64::from_le_bytes(blk[at..at + 8].try_into().expect("8 bytes"));
                let key = (w | (0x20 * swar::ONES)) & RUN_MASK[(alnum >> p) as u8 as usize];
                let filter = if c.lower & (1 << p) != 0 {
                    &self.prefixes_lower
                } else {
                    &self.prefixes
                };
                flagged |= u64::from(has_bit(&filter.words, filter.hash(key))) << p;
                starts &= starts - 1;
            }
            while flagged != 0 {
                let p = flagged.trailing_zeros();
                flagged &= flagged - 1;
                let run = (!(alnum >> p)).trailing_zeros();
                let end_p = p + run;
                let word = (1u64 << end_p) - (1u64 << p);
                // A capital after the first letter: only a word of capitals and digits
                // of fewer than eight bytes is judged (see `words::first_word`).
                if inner & word != 0 && (run >= 8 || c.lower & word != 0) {
                    return (i + p as usize, false);
                }
                let at = p as usize;
                let w = u64::from_le_bytes(blk[at..at + 8].try_into().expect("8 bytes"));
                let key = (w | (0x20 * swar::ONES)) & KEY_MASK[run.min(8) as usize];
                let filter = if c.lower & (1 << p) != 0 {
                    &self.prefixes_lower
                } else {
                    &self.prefixes
                };
                // A word that starts some form: a form of more words must go on with the
                // text's next word, after a single space (see `words::form_pair`).
                if !has_bit(&filter.words, filter.hash(key))
                    || (run < 8
                        && blk[end_p as usize] == b' '
                        && self.block_pair_rejects(
                            bytes,
                            (i, blk, alnum, inner, c.lower, lim),
                            end_p + 1,
                            stop,
                            filter,
                            key,
                        ))
                    || !filter.may_start(bytes, i + at, end)
                {
                    continue;
                }
                let Some(next) = self.try_at(text, i + at, end, scratch, out, entities) else {
                    // No form starts here, nor inside the word (no capital starts a glued
                    // word in it).
                    continue;
                };
                // Go on after the match: in this block if it ends there between words.
                let e = next - i;
                if e < lim as usize {
                    let word_before = alnum >> (e - 1) & 1 != 0;
                    if word_before && alnum >> e & 1 != 0 {
                        return (next, true);
                    }
                    flagged &= !low_bits(e as u32);
                    if open && e > last as usize {
                        return (next, word_before);
                    }
                    continue;
                }
                i = next;
                prev_word = text[..i].chars().next_back().is_some_and(is_word);
                continue 'block;
            }
            if lim == 64 {
                // On to the next block, from the open word if there is one.
                let next = if open { last } else { 64 };
                if next == 0 {
                    return (i, false);
                }
                i += next as usize;
                prev_word = false;
                continue;
            }
            let word = alnum.leading_zeros() + lim == 64 && lim > 0;
            return if open {
                (i + last as usize, false)
            } else {
                (i + lim as usize, if lim == 0 { prev_word } else { word })
            };
        }
    }

    /// Skips the words from `i` (a word start, an ASCII letter or digit) on that the
    /// whole-word filter rejects (see [`words`]), one after another while single spaces
    /// part them, reading no further than `stop`. Returns where to go on, whether a word
    /// character comes just before it (`prev_word` for `i`), and whether a form may start
    /// there (a word start that the filter let through or could not judge).
    #[inline(always)]
    fn skip_words(
        &self,
        bytes: &[u8],
        mut i: usize,
        stop: usize,
        prev_word: bool,
    ) -> (usize, bool, bool) {
        let mut word = prev_word;
        loop {
            // At `i` a word start (the first time) or the byte after a single space: a
            // form may start there only if it is a letter or a digit.
            let Some(w) = swar::load(bytes, i) else {
                return (i, word, bytes.get(i).is_some_and(u8::is_ascii_alphanumeric));
            };
            let Some((len, key)) = words::first_word(w) else {
                return (i, word, (w as u8).is_ascii_alphanumeric());
            };
            // Text that starts with a lowercase letter can only match some forms.
            let filter = if w as u8 >= b'a' {
                &self.prefixes_lower
            } else {
                &self.prefixes
            };
            if len == 8 {
                if i + 8 > stop || has_bit(&filter.words, filter.hash(key)) {
                    return (i, word, true);
                }
                // The rest of a long word: lowercase letters and digits, until a capital
                // that may start a glued word, or the end of the word.
                let next = swar::skip_lower_digits(bytes, i + 8, stop);
                let space = next < stop && bytes[next] == b' ';
                return (next + usize::from(space), !space, false);
            }
            let after = i + len;
            if after >= stop {
                return (i, word, true);
            }
            // The byte after the word is ASCII (`first_word` checked it) and not a letter
            // or digit; a single space, and another word after it, most often.
            let space = (w >> (8 * len)) as u8 == b' ';
            if has_bit(&filter.words, filter.hash(key)) {
                // A word that starts some form: a form of more words must go on with the
                // text's next word, after the single space (see `words::form_pair`).
                if !(space && self.pair_rejects(bytes, after + 1, stop, filter, key)) {
                    return (i, word, true);
                }
            } else if !space {
                return (after, true, false);
            }
            i = after + 1;
            word = false;
            if i >= stop {
                return (i, false, false);
            }
        }
    }

    /// Can no form start at a word `first` (folded, fewer than eight bytes) that the
    /// whole-word filter of `filter` let through, where a single space and the word at
    /// `next` follow it, reading no further than `stop`? Only if no form is that word
    /// alone and none goes on with the next word; `false` where the next word cannot be
    /// judged.
    #[inline(always)]
    fn pair_rejects(
        &self,
        bytes: &[u8],
        next: usize,
        stop: usize,
        filter: &Prefixes,
        first: u64,
    ) -> bool {
        let Some(w) = swar::load(bytes, next) else {
            return false;
        };
        let Some((len, second)) = words::first_word(w) else {
            return false;
        };
        // The walk reads the byte after the second word (or its eighth byte).
        next + len + usize::from(len < 8) <= stop
            && !has_bit(&filter.word_pairs, filter.pair_hash(first, 0))
            && !has_bit(&filter.word_pairs, filter.pair_hash(first, second))
    }

    /// [`pair_rejects`](Self::pair_rejects) for a next word at `q` in the block at
    /// `i` (`blk`, its masks and `lim`, as [`scan`](Self::scan) has them), read from
    /// the masks when it ends in the block.
    #[inline(always)]
    #[allow(clippy::type_complexity)]
    fn block_pair_rejects(
        &self,
        bytes: &[u8],
        (i, blk, alnum, inner, lower, lim): (usize, &[u8; 72], u64, u64, u64, u32),
        q: u32,
        stop: usize,
        filter: &Prefixes,
        first: u64,
    ) -> bool {
        if q >= lim {
            return self.pair_rejects(bytes, i + q as usize, stop, filter, first);
        }
        let run = (!(alnum >> q)).trailing_zeros();
        if run == 0 || q + run >= lim {
            // Not a letter or a digit, or the end of the word is not in view.
            return run != 0 && self.pair_rejects(bytes, i + q as usize, stop, filter, first);
        }
        let word = (1u64 << (q + run)) - (1u64 << q);
        if inner & word != 0 && (run >= 8 || lower & word != 0) {
            return false;
        }
        let at = q as usize;
        let w = u64::from_le_bytes(blk[at..at + 8].try_into().expect("8 bytes"));
        let second = (w | (0x20 * swar::ONES)) & KEY_MASK[run.min(8) as usize];
        !has_bit(&filter.word_pairs, filter.pair_hash(first, 0))
            && !has_bit(&filter.word_pairs, filter.pair_hash(first, second))
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
            start = after_article(text, at, end);
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
        let initial = matched
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        for t in &self.targets[info.targets.0 as usize..info.targets.1 as usize] {
            let ok = match t.case {
                Case::Insensitive {
                    needs_capital,
                    needs_initial,
                } => (upper || !needs_capital) && (initial || !needs_initial),
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

/// True if a form's first word is a short particle or a short word (`Al`, `El`, `Abu`, `De`,
/// `Van`, `New`), which text often writes in lowercase (`al-Jazeera`): such forms do not
/// need an initial capital in the text.
/// Where the name starts in `text[at..end]`, matched by a form that begins with `The`:
/// after the characters that fold to `the` (`the`, `thé`, `th\u{AD}e` …) and the white
/// space, dashes and characters that fold to nothing after them. Always a character
/// boundary, at most `end`.
fn after_article(text: &str, at: usize, end: usize) -> usize {
    let mut folded = 0;
    let mut i = at;
    for (k, c) in text[at..end].char_indices() {
        let n = match fold::fold_char(c) {
            fold::Folded::Byte(b' ') | fold::Folded::Space => {
                if folded < 3 {
                    return at + k;
                }
                0
            }
            fold::Folded::Skip => 0,
            _ if folded >= 3 => return at + k,
            fold::Folded::Byte(_) => 1,
            fold::Folded::Str(s) => s.len(),
            fold::Folded::Lower(l) => l.len_utf8(),
        };
        folded += n;
        i = at + k + c.len_utf8();
    }
    i
}

fn starts_with_particle(form: &str) -> bool {
    let first = form
        .split(|c: char| c.is_whitespace() || is_dash(c))
        .next()
        .unwrap_or("");
    first.chars().filter(|c| c.is_alphabetic()).count() <= 3
}

/// Dashes and hyphens, which separate words in a form.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// A filter on the first folded bytes of the text at a word start, by the length of the
/// forms that could start there:
/// - one to three bytes: a bit per pair of first bytes (a form of one byte sets its row);
/// - four to seven bytes: a bit set over a hash of the first four bytes;
/// - eight bytes or more: a bit set over a hash of the first eight bytes.
///
/// A form of fewer than eight bytes that ends with a word character ends at a word
/// boundary, so not before a lowercase letter or a digit of the text: where the first
/// sets let the text through, a second look checks that the text has such a place at
/// the lengths of the forms that let it through (`more` is not `MoD`, `the world` is
/// not `The Sun`). The forms that end with another character are kept apart, and let
/// the text through wherever they may.
///
/// Only text whose first bytes are ASCII and fold as the walk folds them is filtered;
/// anything else (a non-ASCII letter, a run of white space) is let through.
#[derive(Clone, Debug)]
struct Prefixes {
    short: Box<[u64; 256]>,
    mid: Vec<u64>,
    long: Vec<u64>,
    /// `short`, for the forms of one, two and three bytes that end with a word
    /// character, by length; and for the other forms of one to three bytes.
    short_by_len: Box<[[u64; 256]; 3]>,
    short_other: Box<[u64; 256]>,
    /// `mid`, for the forms of four to seven bytes that do not end with a word character.
    mid_other: Vec<u64>,
    /// `64 - log2(bits)` of `mid` and `long`: the hashes keep the top bits.
    shift: u32,
    /// A bit per pair of first two bytes of the forms (a form of one byte sets its row),
    /// exact: text that starts with two ASCII letters or digits can match a form only if
    /// their folds are the pair of one. Tested first, as it needs no folding.
    pairs: Box<[u64; 256]>,
    /// The same for the first three bytes of the forms that start with two letters, each
    /// byte by its [`TRIPLE_CODE`] (a form of one or two bytes, or whose third byte is
    /// neither a letter nor a space, sets every third byte): exact for text that starts
    /// with two ASCII letters and a letter, white space or `-`.
    triples: Box<[u64; 512]>,
    /// A bit set over a hash of the forms' first words (see [`words`]): text whose first
    /// word [`words::first_word`] reads can match a form only if its bit is set.
    words: Vec<u64>,
    /// A bit set over a hash of the forms' first two words, or first word alone (see
    /// [`words::form_pair`]), for the words that pass `words`.
    word_pairs: Vec<u64>,
}

/// Codes of the bytes in [`Prefixes::triples`]: 1 to 26 for the ASCII letters (in either
/// case), 27 for what folds to a space at the third byte (white space, `-`), 32 for the
/// rest (no filter).
static TRIPLE_CODE: [u8; 256] = {
    let mut t = [32u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = (c | 0x20) - b'a' + 1;
        } else if c.is_ascii_whitespace() || c == 0x0B || c == b'-' {
            t[b] = 27;
        }
        b += 1;
    }
    t
};

/// The bit of [`Prefixes::triples`] of three codes.
#[inline(always)]
fn triple(c0: u8, c1: u8, c2: u8) -> usize {
    (usize::from(c0) << 10) | (usize::from(c1) << 5) | usize::from(c2)
}

/// The low `n` bytes of a `u64`, by `n` (up to 8).
static KEY_MASK: [u64; 9] = {
    let mut t = [0u64; 9];
    let mut n = 1;
    while n < 9 {
        t[n] = u64::MAX >> (64 - 8 * n);
        n += 1;
    }
    t
};

/// For eight bits (the letters and digits among eight bytes, the first lowest), the
/// bytes of their first run of ones.
static RUN_MASK: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let run = (!b as u8).trailing_zeros() as usize;
        t[b] = KEY_MASK[run];
        b += 1;
    }
    t
};

/// A mask of the low `n` bits (`n` up to 64).
#[inline(always)]
fn low_bits(n: u32) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// Sets bit `bit` of `set`.
fn set_bit(set: &mut [u64], bit: usize) {
    set[bit >> 6] |= 1 << (bit & 63);
}

/// Is bit `bit` of `set` set?
#[inline(always)]
fn has_bit(set: &[u64], bit: usize) -> bool {
    set[bit >> 6] & (1 << (bit & 63)) != 0
}

impl Prefixes {
    /// A filter sized for `n` forms: about 32 bits a form in each set, from 2^16 to
    /// 2^24 bits.
    fn with_capacity(n: usize) -> Prefixes {
        let log = (n.max(1) * 32)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(16, 24);
        Prefixes {
            short: Box::new([0; 256]),
            mid: vec![0; 1 << (log - 6)],
            long: vec![0; 1 << (log - 6)],
            short_by_len: Box::new([[0; 256]; 3]),
            short_other: Box::new([0; 256]),
            mid_other: vec![0; 1 << (log - 6)],
            shift: 64 - log,
            pairs: Box::new([0; 256]),
            triples: Box::new([0; 512]),
            words: vec![0; 1 << (log - 6)],
            word_pairs: vec![0; 1 << (log - 6)],
        }
    }

    #[inline(always)]
    fn hash(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The bit of a pair of words (or a word and 0) in `word_pairs`.
    #[inline(always)]
    fn pair_hash(&self, first: u64, second: u64) -> usize {
        self.hash(first.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ second)
    }

    fn add(&mut self, key: &[u8]) {
        if let Some(w) = words::form_key(key) {
            let h = self.hash(w);
            set_bit(&mut self.words, h);
        }
        if let Some((first, second)) = words::form_pair(key) {
            let h = self.pair_hash(first, second);
            set_bit(&mut self.word_pairs, h);
        }
        let ascii = |n: usize| key.iter().take(n).all(|&b| b < 0x80);
        let word_end = key
            .last()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        match *key {
            [k0] if k0 < 0x80 => {
                let row = usize::from(k0) << 7;
                for f1 in 0..128usize {
                    set_bit(&mut *self.pairs, row | f1);
                }
            }
            [k0, k1, ..] if k0 < 0x80 && k1 < 0x80 => {
                set_bit(&mut *self.pairs, (usize::from(k0) << 7) | usize::from(k1));
            }
            _ => {}
        }
        let letter = |b: u8| b.is_ascii_lowercase().then(|| TRIPLE_CODE[usize::from(b)]);
        let mut set_triples = |c0: u8, c1: Option<u8>, c2: Option<u8>| {
            for x in c1.map_or(1..=27, |c| c..=c) {
                for y in c2.map_or(1..=27, |c| c..=c) {
                    set_bit(&mut *self.triples, triple(c0, x, y));
                }
            }
        };
        match *key {
            [k0] => {
                if let Some(c0) = letter(k0) {
                    set_triples(c0, None, None);
                }
            }
            [k0, k1] => {
                if let (Some(c0), Some(c1)) = (letter(k0), letter(k1)) {
                    set_triples(c0, Some(c1), None);
                }
            }
            [k0, k1, k2, ..] => {
                if let (Some(c0), Some(c1)) = (letter(k0), letter(k1)) {
                    let c2 = if k2 == b' ' { Some(27) } else { letter(k2) };
                    set_triples(c0, Some(c1), c2);
                }
            }
            [] => {}
        }
        match key.len() {
            0 => {}
            n @ 1..=3 if ascii(n.min(2)) => {
                let by_len = if word_end && ascii(n) {
                    &mut self.short_by_len[n - 1]
                } else {
                    &mut *self.short_other
                };
                let row = usize::from(key[0]) << 7;
                if n == 1 {
                    for f1 in 0..128usize {
                        set_bit(&mut *self.short, row | f1);
                        set_bit(by_len, row | f1);
                    }
                } else {
                    set_bit(&mut *self.short, row | usize::from(key[1]));
                    set_bit(by_len, row | usize::from(key[1]));
                }
            }
            n @ 4..=7 if ascii(4) => {
                let h = self.hash(u64::from(u32::from_le_bytes([
                    key[0], key[1], key[2], key[3],
                ])));
                set_bit(&mut self.mid, h);
                if !(word_end && ascii(n)) {
                    set_bit(&mut self.mid_other, h);
                }
            }
            8.. if ascii(8) => {
                let mut k = [0u8; 8];
                k.copy_from_slice(&key[..8]);
                let h = self.hash(u64::from_le_bytes(k));
                set_bit(&mut self.long, h);
            }
            // A non-ASCII byte early on: text that can match it is never filtered.
            _ => {}
        }
    }

    /// Can a form start at byte `i` (an ASCII word character) of `bytes`, reading no
    /// further than `end`?
    #[inline(always)]
    fn may_start(&self, bytes: &[u8], i: usize, end: usize) -> bool {
        if let Some(&[b0, b1, b2]) = bytes.get(i..i + 3) {
            let (c0, c1, c2) = (
                TRIPLE_CODE[usize::from(b0)],
                TRIPLE_CODE[usize::from(b1)],
                TRIPLE_CODE[usize::from(b2)],
            );
            if i + 3 <= end && (c0 | c1 | c2) & 32 == 0 && c0 < 27 && c1 < 27 {
                if !has_bit(&*self.triples, triple(c0, c1, c2)) {
                    return false;
                }
                return self.may_start_folded(bytes, i, end);
            }
        }
        // Two ASCII letters or digits fold to themselves in lowercase (setting bit 5 of
        // a letter lowercases it and leaves a digit as it is).
        if let (Some(&b0), Some(&b1)) = (bytes.get(i), bytes.get(i + 1)) {
            if i + 2 <= end
                && b1.is_ascii_alphanumeric()
                && !has_bit(
                    &*self.pairs,
                    (usize::from(b0 | 0x20) & 0x7F) << 7 | usize::from(b1 | 0x20),
                )
            {
                return false;
            }
        }
        self.may_start_folded(bytes, i, end)
    }

    /// [`may_start`](Self::may_start) after the first filters.
    #[inline(always)]
    fn may_start_folded(&self, bytes: &[u8], i: usize, end: usize) -> bool {
        if i + 8 <= end {
            if let Some(w) = swar::load(bytes, i) {
                if let Some(key) = swar::fold8(w) {
                    return self.test(key, 8, || swar::not_lower_digit_mask(w));
                }
            }
        }
        self.may_start_slow(bytes, i, end)
    }

    /// Is `key` (`n` folded bytes, the first in the lowest byte) the start of a form?
    /// `ends` gives bit `j` for each `j` where a form of `j` bytes that ends with a word
    /// character may end (all bits where that is not known).
    #[inline(always)]
    fn test(&self, key: u64, n: usize, ends: impl Fn() -> u32) -> bool {
        let bit = ((key as usize & 0x7F) << 7) | ((key >> 8) as usize & 0x7F);
        if n < 2 {
            return true;
        }
        if has_bit(&*self.short, bit) && self.short_ends(bit, ends()) {
            return true;
        }
        if n < 4 {
            return false;
        }
        let h = self.hash(key & 0xFFFF_FFFF);
        if has_bit(&self.mid, h) && (ends() & 0xF0 != 0 || has_bit(&self.mid_other, h)) {
            return true;
        }
        if n < 8 {
            return false;
        }
        let h = self.hash(key);
        has_bit(&self.long, h)
    }

    /// The second look at the forms of one to three bytes that let the text through.
    #[cold]
    fn short_ends(&self, bit: usize, ends: u32) -> bool {
        has_bit(&*self.short_other, bit)
            || (1..=3)
                .any(|len| ends & (1 << len) != 0 && has_bit(&self.short_by_len[len - 1], bit))
    }

    /// [`may_start`](Self::may_start) one byte at a time, near `end` or where the
    /// text is not plain ASCII.
    #[cold]
    fn may_start_slow(&self, bytes: &[u8], i: usize, end: usize) -> bool {
        let n = end.min(bytes.len()).saturating_sub(i).min(8);
        let mut k = [0u8; 8];
        let mut space = false;
        for (j, slot) in k.iter_mut().enumerate().take(n) {
            let b = bytes[i + j];
            if b >= 0x80 {
                return true;
            }
            let f = fold::ASCII[b as usize];
            // White space folds to 0xFF: one byte of it is a space; a run of it folds to
            // one space, so the folded bytes are not the text's: let it through.
            if f == 0xFF {
                if space {
                    return true;
                }
                space = true;
                *slot = b' ';
            } else {
                space = false;
                *slot = f;
            }
        }
        self.test(u64::from_le_bytes(k), n, || u32::MAX)
    }

    fn memory_usage(&self) -> usize {
        (self.mid.len()
            + self.long.len()
            + self.mid_other.len()
            + self.words.len()
            + self.word_pairs.len()
            + 256 * 5)
            * 8
    }

    /// A filter that lets everything through.
    #[cfg(test)]
    fn open() -> Prefixes {
        let mut p = Prefixes::with_capacity(1);
        p.triples.fill(u64::MAX);
        for set in [&mut *p.short, &mut *p.short_other, &mut *p.pairs]
            .into_iter()
            .chain(p.short_by_len.iter_mut())
        {
            set.fill(u64::MAX);
        }
        for set in [
            &mut p.mid,
            &mut p.long,
            &mut p.mid_other,
            &mut p.words,
            &mut p.word_pairs,
        ] {
            set.fill(u64::MAX);
        }
        p
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
