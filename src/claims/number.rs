//! The shared number parser: every way English news writes a number, as an exact value, a
//! true range or a vague amount with bounds.
//!
//! [`find`] lists the numbers of a span of text, left to right and not overlapping; the
//! claim recognisers then read the words around each one (a currency, `percent`, a time
//! unit, a counted noun …). What it reads:
//!
//! | written | [`Amount`] |
//! |---|---|
//! | `17,000`, `1.5`, `.08`, `40 000` (thin, no-break or plain space between groups of three), `1,674.5` | exact |
//! | `six`, `four hundred`, `twenty-five`, `fifty - two`, `one hundred and six`, `two thousand` | exact |
//! | `a thousand`, `a dozen`, `half a dozen`, `a couple`, `three dozen`, `half a million` | exact |
//! | magnitudes: `1.5 million`, `$9m` → `9m`, `1.13bn`, `10k`, `10M`, `1MM`, `2mil`, `10 bln`, `13 lakh`, `1 crore` | exact |
//! | fractions: `half`, `a half`, `a third`, `two-thirds`, `three quarters`, `one and a half`, `2.5`, `3/4` | exact, [`Form::fraction`] |
//! | `two hundred point zero three`, `minus five`, `-1` | exact |
//! | `between eight and ten`, `8-10`, `8 to 10`, `one or two`, `5-10 million` | range |
//! | `hundreds`, `thousands`, `tens of thousands`, `hundreds of thousands`, `many hundreds`, `several hundred`, `a few thousand`, `dozens`, `scores of`, `multimillion` | vague |
//!
//! Vague amounts are bounded by the unit and ten times it: `hundreds` = 100…1000,
//! `thousands` = 1000…10000, `millions` = 1e6…1e7, `tens of thousands` = 10000…100000,
//! `hundreds of thousands` = 1e5…1e6, `dozens` = 12…120, `scores of` = 20…200,
//! `several hundred` and `a few thousand` likewise (100…1000, 1000…10000), and
//! `multimillion` = 1e6…1e7 like `millions`.
//!
//! Fractions are rounded to 15 decimal places (`two thirds` = 0.666666666666667).
//!
//! What is *not* a number: a bare `a`/`an` (`a year`), ordinals (`40th`, `first`, `the
//! third`), digits glued to letters (`7Tir`, `G7`, `P4+1`, `v2.0`, `180ml`, `5pm`), decades
//! (`1970s`, `80s`), times and ratios (`10:30`, `24/7`), versions and addresses
//! (`2.0.1`, `192.168.1.2`) and phone-like runs (`222-2222-2222`); `2021 2022` is two
//! numbers. `a single` and the pronoun `one` are numbers here: the recognisers decide
//! what counts.
//!
//! ```
//! use claimscan::claims::number::{self, Amount};
//! use claimscan::Number;
//!
//! let found = number::find_all("Some 17,000 died; tens of thousands fled in two-thirds of cases.");
//! let texts: Vec<&str> = found.iter().map(|m| m.text).collect();
//! assert_eq!(texts, ["17,000", "tens of thousands", "two-thirds"]);
//! assert_eq!(found[0].amount, Amount::Exact(Number::from(17000)));
//! assert_eq!(
//!     found[1].amount,
//!     Amount::Vague { min: Number::from(10000), max: Number::from(100000) }
//! );
//! assert!(found[2].form.fraction);
//! assert_eq!(number::find_all("$1.5 million")[0].amount, Amount::Exact(Number::from(1_500_000)));
//! assert!(number::find_all("a year and the 40th day").is_empty());
//! ```

use std::cell::{Cell, RefCell};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;

use super::anchors::{self, DigitRuns, WordHits, WordSet};
use super::scan::{self, Token, is_word_char, next_token, prev_token};
use super::value::Number;
use super::wordmap::WordMap;
use crate::span::Span;

/// The value of a number as the text gives it.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Amount {
    /// One value (`17,000`, `1.5 million`, `two-thirds`).
    Exact(Number),
    /// A true range (`between eight and ten`, `8-10`, `one or two`).
    Range {
        /// The lower end.
        min: Number,
        /// The upper end.
        max: Number,
    },
    /// A vague amount and its bounds (`hundreds` = 100…1000).
    Vague {
        /// The lower bound.
        min: Number,
        /// The upper bound.
        max: Number,
    },
}

impl Amount {
    /// The exact value, if there is one.
    pub fn exact(&self) -> Option<Number> {
        match *self {
            Amount::Exact(n) => Some(n),
            _ => None,
        }
    }

    /// The lower and upper bound of a range or a vague amount.
    pub fn bounds(&self) -> Option<(Number, Number)> {
        match *self {
            Amount::Exact(_) => None,
            Amount::Range { min, max } | Amount::Vague { min, max } => Some((min, max)),
        }
    }

    /// The amount with every value multiplied by `k`, or `None` on overflow.
    pub fn times(&self, k: Number) -> Option<Amount> {
        Some(match *self {
            Amount::Exact(n) => Amount::Exact(n.checked_mul(k)?),
            Amount::Range { min, max } => Amount::Range {
                min: min.checked_mul(k)?,
                max: max.checked_mul(k)?,
            },
            Amount::Vague { min, max } => Amount::Vague {
                min: min.checked_mul(k)?,
                max: max.checked_mul(k)?,
            },
        })
    }

    /// The amount with every value rounded to `digits` decimal places.
    pub fn rounded(&self, digits: u8) -> Amount {
        match *self {
            Amount::Exact(n) => Amount::Exact(n.rounded(digits)),
            Amount::Range { min, max } => Amount::Range {
                min: min.rounded(digits),
                max: max.rounded(digits),
            },
            Amount::Vague { min, max } => Amount::Vague {
                min: min.rounded(digits),
                max: max.rounded(digits),
            },
        }
    }
}

/// How a number is written: what the recognisers need to tell a count from a name or a
/// year.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Form {
    /// Written (at least partly) in digits.
    pub digits: bool,
    /// Written (at least partly) in words.
    pub words: bool,
    /// A fraction of a whole (`half`, `two-thirds`, `3/4`).
    pub fraction: bool,
    /// The power of ten of a magnitude word or suffix (`million`, `bn`, `k`), else 0.
    pub magnitude: u8,
    /// Ends in a glued lowercase `m` (`10m`): million after a currency, maybe metres
    /// otherwise.
    pub lone_m: bool,
    /// Starts with `a`/`an` (`a thousand`, `a third`).
    pub article: bool,
    /// Four plain digits from 1000 to 2099: maybe a year.
    pub year_like: bool,
    /// Preceded by a word and a hyphen (`F-16`, `COVID-19`): part of a name.
    pub name_hyphen: bool,
    /// Has a sign (`-5`, `minus five`).
    pub signed: bool,
    /// Ends in a glued `p` (`45p`): pence.
    pub pence: bool,
    /// Glued after three capitals (`USD20,000`): a currency code, or else part of a name.
    pub code_prefix: bool,
}

/// A number found in text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberMatch<'t> {
    /// Where it is, in the text given to [`find`].
    pub span: Span,
    /// Its text.
    pub text: &'t str,
    /// Its value.
    pub amount: Amount,
    /// How it is written.
    pub form: Form,
}

/// Appends the numbers of `text[span]` to `out`, left to right, not overlapping.
///
/// Spans are in `text` coordinates; nothing outside `span` is read, not even for context.
pub fn find<'t>(text: &'t str, span: Span, out: &mut Vec<NumberMatch<'t>>) {
    find_with_cues(text, span, out);
}

/// [`find`], returning the cue flags of the words of the span ([`anchors::CASUALTY`] …),
/// with [`anchors::DIGIT`] if the span has an ASCII digit.
pub(crate) fn find_with_cues<'t>(text: &'t str, span: Span, out: &mut Vec<NumberMatch<'t>>) -> u8 {
    ANCHORS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut anchors) => find_in(text, span, out, &mut anchors),
        Err(_) => find_in(text, span, out, &mut Anchors::default()),
    })
}

/// The buffers of the word anchors and the digit runs of a span, reused from one span
/// to the next.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    found: Vec<usize>,
    digits: Vec<usize>,
    /// The span last read (clamped).
    pub(crate) span: Span,
    /// The tokens the parser found around the numbers it gave: after an end, before a
    /// start (by position, within [`span`](Self::span)), which the recognisers ask for
    /// again.
    pub(crate) edges: Edges,
    /// The tokens the recognisers found around positions of the span (see
    /// [`super::context::Figures`]).
    pub(crate) memos: super::context::Memos,
}

/// Tokens found by position: the token after a position, and the token before one.
#[derive(Debug, Default)]
pub(crate) struct Edges {
    pub(crate) next: Vec<(usize, Option<Token>)>,
    pub(crate) prev: Vec<(usize, Option<Token>)>,
}

/// [`find_with_cues`], with the buffers of the anchors given.
pub(crate) fn find_in<'t>(
    text: &'t str,
    span: Span,
    out: &mut Vec<NumberMatch<'t>>,
    anchors: &mut Anchors,
) -> u8 {
    let span = clamp(text, span);
    // The word anchors are read in one pass over the words (which the cues need anyway),
    // then the parser runs over them.
    let Anchors {
        found,
        digits,
        span: read,
        edges,
        ..
    } = anchors;
    *read = span;
    found.clear();
    digits.clear();
    edges.next.clear();
    edges.prev.clear();
    let cues =
        WordHits::new(text, span.start, span.end, &ANCHOR_WORDS, &WORDS_AC).read_all(found, digits);
    if found.is_empty() && digits.is_empty() {
        return cues;
    }
    let digit = find_from(
        text,
        span,
        found.iter().copied(),
        DigitRuns::new(digits),
        out,
        edges,
    );
    cues | if digit { anchors::DIGIT } else { 0 }
}

thread_local! {
    /// The word anchors and the digit runs of a sentence, buffers reused from one
    /// sentence to the next.
    static ANCHORS: RefCell<Anchors> = RefCell::new(Anchors::default());
}

/// [`find`] over a clamped span, with the word anchors and digit runs given; true if the
/// span has an ASCII digit.
fn find_from<'t>(
    text: &'t str,
    span: Span,
    words: impl Iterator<Item = usize>,
    mut digits: DigitRuns<'_>,
    out: &mut Vec<NumberMatch<'t>>,
    edges: &mut Edges,
) -> bool {
    let (lo, hi) = (span.start, span.end);
    let bytes = text.as_bytes();
    let mut words = words.peekable();
    let mut pos = lo;
    let mut next_digit = digits.next(bytes, lo, lo);
    let any_digit = digits.any();
    let mut digit_from = next_digit.unwrap_or(hi);
    let p = Parser::new(text, lo, hi);
    loop {
        // (Once the digits have run out, `digit_from` is `hi`: there is nothing to look for.)
        if next_digit.is_none_or(|d| d < pos) && digit_from < hi {
            digit_from = digit_from.max(pos);
            next_digit = digits.next(bytes, digit_from, lo);
            digit_from = next_digit.unwrap_or(hi);
        }
        while words.peek().is_some_and(|&s| s < pos) {
            words.next();
        }
        let word = words.peek().copied();
        let anchor = match (next_digit, word) {
            (None, None) => break,
            (Some(d), Some(w)) => d.min(w),
            (Some(d), None) => d,
            (None, Some(w)) => w,
        };
        if word == Some(anchor) {
            words.next();
        }
        if next_digit == Some(anchor) {
            next_digit = None;
            digit_from = anchor + 1;
        }
        match p.number_at(anchor) {
            Parsed::Number(m) => {
                pos = m.span.end;
                let (at, t) = p.next_memo.get();
                if at == m.span.end {
                    edges.next.push((at, t));
                }
                let (at, t) = p.prev_memo.get();
                if at == m.span.start {
                    edges.prev.push((at, t));
                }
                out.push(m);
            }
            Parsed::Skip(end) => pos = end.max(anchor + 1),
        }
        // Move to a character boundary.
        while pos < hi && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    any_digit
}

/// The numbers of the whole of `text` (see [`find`]).
pub fn find_all(text: &str) -> Vec<NumberMatch<'_>> {
    let mut out = Vec::new();
    find(text, Span::new(0, text.len()), &mut out);
    out
}

/// True if `text[span]` may hold a number: a digit or a number word. A cheap test to run
/// before anything else.
pub fn may_contain(text: &str, span: Span) -> bool {
    let span = clamp(text, span);
    let s = &text.as_bytes()[span.range()];
    s.iter().any(u8::is_ascii_digit) || WORDS_AC.is_match(&text[span])
}

fn clamp(text: &str, span: Span) -> Span {
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = span.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    Span::new(start, end)
}

/// A number word and what it does.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum W {
    /// zero … nine
    Unit(u8),
    /// ten … nineteen
    Teen(u8),
    /// twenty … ninety
    Tens(u8),
    Hundred,
    /// thousand (3), million (6), lakh (5) …
    Mag(u8),
    Dozen,
    /// A plural unit of a vague amount: hundreds (100) …
    Plural(i128),
    /// A denominator: third (3), quarters (4) …
    Denom(u16),
    Half,
    Couple,
    /// multimillion (6), multibillion (9)
    Multi(u8),
}

/// Every number word. Words that only continue a number (`bn`, `lakh`) are here too.
const WORDS: &[(&str, W)] = &[
    ("zero", W::Unit(0)),
    ("nought", W::Unit(0)),
    ("naught", W::Unit(0)),
    ("one", W::Unit(1)),
    ("two", W::Unit(2)),
    ("three", W::Unit(3)),
    ("four", W::Unit(4)),
    ("five", W::Unit(5)),
    ("six", W::Unit(6)),
    ("seven", W::Unit(7)),
    ("eight", W::Unit(8)),
    ("nine", W::Unit(9)),
    ("ten", W::Teen(10)),
    ("eleven", W::Teen(11)),
    ("twelve", W::Teen(12)),
    ("thirteen", W::Teen(13)),
    ("fourteen", W::Teen(14)),
    ("fifteen", W::Teen(15)),
    ("sixteen", W::Teen(16)),
    ("seventeen", W::Teen(17)),
    ("eighteen", W::Teen(18)),
    ("nineteen", W::Teen(19)),
    ("twenty", W::Tens(20)),
    ("thirty", W::Tens(30)),
    ("forty", W::Tens(40)),
    ("fourty", W::Tens(40)),
    ("fifty", W::Tens(50)),
    ("sixty", W::Tens(60)),
    ("seventy", W::Tens(70)),
    ("eighty", W::Tens(80)),
    ("ninety", W::Tens(90)),
    ("hundred", W::Hundred),
    ("thousand", W::Mag(3)),
    ("million", W::Mag(6)),
    ("billion", W::Mag(9)),
    ("trillion", W::Mag(12)),
    ("lakh", W::Mag(5)),
    ("crore", W::Mag(7)),
    ("bn", W::Mag(9)),
    ("mn", W::Mag(6)),
    ("mln", W::Mag(6)),
    ("bln", W::Mag(9)),
    ("tn", W::Mag(12)),
    ("trn", W::Mag(12)),
    ("tln", W::Mag(12)),
    ("dozen", W::Dozen),
    ("tens", W::Plural(10)),
    ("dozens", W::Plural(12)),
    ("scores", W::Plural(20)),
    ("hundreds", W::Plural(100)),
    ("thousands", W::Plural(1_000)),
    ("millions", W::Plural(1_000_000)),
    ("billions", W::Plural(1_000_000_000)),
    ("trillions", W::Plural(1_000_000_000_000)),
    ("half", W::Half),
    ("halves", W::Half),
    ("third", W::Denom(3)),
    ("thirds", W::Denom(3)),
    ("quarter", W::Denom(4)),
    ("quarters", W::Denom(4)),
    ("fourth", W::Denom(4)),
    ("fourths", W::Denom(4)),
    ("fifth", W::Denom(5)),
    ("fifths", W::Denom(5)),
    ("sixth", W::Denom(6)),
    ("sixths", W::Denom(6)),
    ("seventh", W::Denom(7)),
    ("sevenths", W::Denom(7)),
    ("eighth", W::Denom(8)),
    ("eighths", W::Denom(8)),
    ("ninth", W::Denom(9)),
    ("ninths", W::Denom(9)),
    ("tenth", W::Denom(10)),
    ("tenths", W::Denom(10)),
    ("hundredth", W::Denom(100)),
    ("hundredths", W::Denom(100)),
    ("thousandth", W::Denom(1000)),
    ("thousandths", W::Denom(1000)),
    ("couple", W::Couple),
    ("multimillion", W::Multi(6)),
    ("multibillion", W::Multi(9)),
];

/// Words that can start a number on their own, or end one that `a`/`an` starts
/// (`a thousand`, `a third`): the anchors of [`find`]. Continuation-only words (`bn`,
/// `lakh`) are left out, so that they never start a search.
static WORDS_AC: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(anchor_words())
        .expect("number words compile")
});

/// The same words in a hash table, for [`WordHits`], with the cue words of the
/// recognisers (casualty figures, dates).
static ANCHOR_WORDS: Lazy<WordSet> = Lazy::new(|| {
    let words: Vec<(&str, u8)> = anchor_words()
        .into_iter()
        .map(|w| (w, anchors::NUMBER))
        .chain(super::casualty::cue_words().map(|w| (w, anchors::CASUALTY)))
        .chain(super::date::cue_words().map(|w| (w, anchors::DATE)))
        .collect();
    WordSet::new(&words)
});

fn anchor_words() -> Vec<&'static str> {
    WORDS
        .iter()
        .filter(|(w, k)| {
            !matches!(k, W::Mag(_)) || matches!(*w, "thousand" | "million" | "billion" | "trillion")
        })
        .map(|(w, _)| *w)
        .collect()
}

/// True if `word` is a number word (`six`, `hundred`, `dozens`, `third`, `half`).
pub fn is_number_word(word: &str) -> bool {
    // Most words a recogniser asks about are ruled out by their length and their first and
    // last letters, before their key is made and hashed.
    let b = word.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) if b.len() <= 16 => {
            CLASSES.may_hold(b.len(), first, last) && classify(word).is_some()
        }
        _ => false,
    }
}

fn classify(word: &str) -> Option<W> {
    let k = CLASSES.get(word.as_bytes());
    (k > 0).then(|| WORDS[usize::from(k - 1)].1)
}

/// [`classify`] of `text[start..end]`, read in place.
#[inline]
fn classify_at(classes: &WordMap<u8>, text: &str, start: usize, end: usize) -> Option<W> {
    let k = classes.get_at(text.as_bytes(), start, end);
    WORDS.get(usize::from(k).wrapping_sub(1)).map(|&(_, w)| w)
}

/// The index + 1 of each of [`WORDS`], by word (0 for any other word).
static CLASSES: Lazy<WordMap<u8>> = Lazy::new(|| {
    let words: Vec<(&[u8], u8)> = WORDS
        .iter()
        .enumerate()
        .map(|(k, (w, _))| (w.as_bytes(), k as u8 + 1))
        .collect();
    WordMap::new(&words, 0)
});

fn int(n: i128) -> Number {
    Number::new(n, 0)
}

/// `n / d` to 15 decimal places, rounded half away from zero.
pub(crate) fn ratio(n: i128, d: i128) -> Option<Number> {
    if d == 0 {
        return None;
    }
    let m = n.checked_mul(10i128.pow(15))?;
    let (q, r) = (m / d, m % d);
    let q = if r.abs().checked_mul(2)? >= d.abs() {
        q + m.signum() * d.signum()
    } else {
        q
    };
    Some(Number::new(q, 15))
}

fn pow10(e: u8) -> Option<Number> {
    int(1).scaled(u32::from(e))
}

enum Parsed<'t> {
    Number(NumberMatch<'t>),
    /// Not a number; resume the search at this position.
    Skip(usize),
}

/// A number being built.
#[derive(Clone, Copy, Debug)]
struct Partial {
    start: usize,
    end: usize,
    amount: Amount,
    form: Form,
}

struct Parser<'t> {
    text: &'t str,
    lo: usize,
    hi: usize,
    /// The last token [`next`](Self::next) found, by position: the parse of a number
    /// asks for the token after it several times (a magnitude? `and a half`? a range?).
    next_memo: Cell<(usize, Option<Token>)>,
    /// The last token [`prev`](Self::prev) found, by position (a sign? `between`?).
    prev_memo: Cell<(usize, Option<Token>)>,
    /// [`CLASSES`].
    classes: &'static WordMap<u8>,
}

/// Where a run of number words stopped, and in what state.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Last {
    Start,
    Unit,
    Teen,
    Tens,
    Hundred,
    Mag(u8),
    Dozen,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str, lo: usize, hi: usize) -> Parser<'t> {
        Parser {
            text,
            lo,
            hi,
            next_memo: Cell::new((usize::MAX, None)),
            prev_memo: Cell::new((usize::MAX, None)),
            classes: &CLASSES,
        }
    }

    /// The number word of token `t`, if it is one.
    fn classify(&self, t: Token) -> Option<W> {
        classify_at(self.classes, self.text, t.span.start, t.span.end)
    }

    fn next(&self, pos: usize) -> Option<Token> {
        let (at, t) = self.next_memo.get();
        if at == pos {
            return t;
        }
        let t = next_token(self.text, pos, self.hi);
        self.next_memo.set((pos, t));
        t
    }

    fn prev(&self, pos: usize) -> Option<Token> {
        let (at, t) = self.prev_memo.get();
        if at == pos {
            return t;
        }
        let t = prev_token(self.text, pos, self.lo);
        self.prev_memo.set((pos, t));
        t
    }

    /// False if the token before `pos` ([`prev`](Self::prev)) is known, from the byte
    /// before `pos` (after one space), not to end in one of the ASCII bytes `last`: a
    /// test to run before looking for a word or a sign there. True when that byte is
    /// white space or not ASCII (the token is then looked for).
    #[inline]
    fn prev_may_end_in(&self, pos: usize, last: &[u8]) -> bool {
        let b = self.text.as_bytes();
        let mut end = pos;
        if end > self.lo && b.get(end - 1) == Some(&b' ') {
            end -= 1;
        }
        if end <= self.lo {
            return false;
        }
        b.get(end - 1)
            .is_none_or(|&x| x >= 0x80 || x.is_ascii_whitespace() || last.contains(&x))
    }

    fn word(&self, t: Token) -> &'t str {
        &self.text[t.span]
    }

    /// The number word at `pos` (after spaces), with the token.
    fn number_word(&self, pos: usize) -> Option<(Token, W)> {
        let t = self.next(pos)?;
        if !t.is_word() {
            return None;
        }
        Some((t, self.classify(t)?))
    }

    /// The number word that continues a number ending at `pos`: after spaces, a hyphen
    /// (`twenty-five`, `fifty - two`), or `and` if `allow_and`.
    fn continuation(&self, pos: usize, allow_and: bool) -> Option<(Token, W)> {
        let t = self.next(pos)?;
        if t.kind == scan::TokKind::Punct {
            if t.is_char(self.text, '-') || t.is_char(self.text, '‐') {
                return self.number_word(t.span.end);
            }
            return None;
        }
        if allow_and && t.is(self.text, "and") {
            return self.number_word(t.span.end);
        }
        Some((t, self.classify(t)?))
    }

    fn finish(&self, p: Partial) -> Parsed<'t> {
        let span = Span::new(p.start, p.end);
        Parsed::Number(NumberMatch {
            span,
            text: &self.text[span],
            amount: p.amount,
            form: p.form,
        })
    }

    /// The number anchored at `pos` (a digit, a decimal point or a number word), with the
    /// words around it that belong to it (`a`, `between … and`, `minus`, a range).
    fn number_at(&self, pos: usize) -> Parsed<'t> {
        let base =
            if self.text.as_bytes()[pos].is_ascii_digit() || self.text.as_bytes()[pos] == b'.' {
                self.digits_number(pos)
            } else {
                self.words_number(pos)
            };
        let mut p = match base {
            Ok(p) => p,
            Err(skip) => return Parsed::Skip(skip),
        };
        if let Amount::Exact(n) = p.amount {
            if let Some((start, neg)) = self.sign_before(p.start, p.form) {
                p.start = start;
                p.amount = Amount::Exact(neg_of(n, neg));
                p.form.signed = true;
            }
        }
        if let Some(r) = self.range_after(p) {
            p = r;
        }
        self.finish(p)
    }

    /// A sign before `start`: `minus`, `negative`, or `-`/`−` glued to digits.
    fn sign_before(&self, start: usize, form: Form) -> Option<(usize, bool)> {
        if !self.prev_may_end_in(start, b"sSeE-") {
            return None;
        }
        let t = self.prev(start)?;
        if t.is(self.text, "minus") || t.is(self.text, "negative") {
            return Some((t.span.start, true));
        }
        if form.digits
            && t.span.end == start
            && (t.is_char(self.text, '-') || t.is_char(self.text, '−'))
            && (t.span.start == self.lo
                || self.text[..t.span.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| scan::is_space(c) || c == '('))
        {
            // Not the second half of a range or a dash after a number (`8 -5`).
            if let Some(before) = self.prev(t.span.start) {
                if before.is_word()
                    && self
                        .word(before)
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_digit())
                {
                    return None;
                }
            }
            return Some((t.span.start, true));
        }
        None
    }

    /// `between A and B`, `A-B`, `A to B`, `A or B` (A below B) as one range.
    fn range_after(&self, a: Partial) -> Option<Partial> {
        let av = a.amount.exact()?;
        let between = if self.prev_may_end_in(a.start, b"nN") {
            self.prev(a.start).filter(|t| t.is(self.text, "between"))
        } else {
            None
        };
        let joiner = self.next(a.end)?;
        let word_joiner = |w: &str| joiner.is(self.text, w);
        let dash = joiner.is_char(self.text, '-')
            || joiner.is_char(self.text, '–')
            || joiner.is_char(self.text, '—');
        let ok_joiner = if between.is_some() {
            word_joiner("and")
        } else {
            dash || word_joiner("to") || word_joiner("or")
        };
        if !ok_joiner {
            return None;
        }
        if word_joiner("to") {
            // `from A to B` is a change: two figures.
            if self.prev_may_end_in(a.start, b"mM")
                && self.prev(a.start).is_some_and(|t| t.is(self.text, "from"))
            {
                return None;
            }
        }
        let b_at = scan::skip_space(self.text, joiner.span.end, self.hi);
        if b_at >= self.hi {
            return None;
        }
        let c = self.text.as_bytes()[b_at];
        let b = if c.is_ascii_digit() {
            self.digits_number(b_at).ok()?
        } else if c.is_ascii_alphabetic() {
            let (_, w) = self.number_word(b_at)?;
            if !matches!(w, W::Unit(_) | W::Teen(_) | W::Tens(_)) {
                return None;
            }
            self.words_number(b_at).ok()?
        } else {
            return None;
        };
        let bv = b.amount.exact()?;
        if dash && !(a.form.digits && b.form.digits) {
            return None;
        }
        // `by 2010 to 1.3 billion`, `1981-1986`: years are not ranges of numbers.
        if a.form.year_like || b.form.year_like {
            return None;
        }
        if word_joiner("or")
            && (a.form.digits != b.form.digits || a.form.magnitude != b.form.magnitude)
        {
            return None;
        }
        // `5-10 million`: the magnitude of B applies to A too.
        let mut min = av;
        let mut form = a.form;
        if a.form.magnitude == 0 && b.form.magnitude > 0 && !a.form.fraction {
            let scaled = av.scaled(u32::from(b.form.magnitude))?;
            if scaled.to_f64() < bv.to_f64() {
                min = scaled;
                form.magnitude = b.form.magnitude;
            }
        }
        if min.to_f64() >= bv.to_f64() {
            return None;
        }
        form.digits |= b.form.digits;
        form.words |= b.form.words;
        form.lone_m |= b.form.lone_m;
        form.year_like = false;
        let start = between.map_or(a.start, |t| t.span.start);
        Some(Partial {
            start,
            end: b.end,
            amount: Amount::Range { min, max: bv },
            form,
        })
    }

    // ---- digits ------------------------------------------------------------------

    /// A number written with digits at `pos`, with a glued or spaced magnitude.
    fn digits_number(&self, pos: usize) -> Result<Partial, usize> {
        let text = self.text;
        let b = text.as_bytes();
        let hi = self.hi;
        // Glued to what comes before: `P4`, `G7`, `P4+1`, `No.1`, `10:30`, `#1`.
        let mut form = Form {
            digits: true,
            ..Form::default()
        };
        if pos > self.lo {
            let before = text[self.lo..pos].chars().next_back().unwrap_or(' ');
            // `USD20,000`, `EUR5m`: three capitals glued before, maybe a currency code.
            let b = text.as_bytes();
            if pos >= self.lo + 3
                && b[pos - 3..pos].iter().all(u8::is_ascii_uppercase)
                && (pos == self.lo + 3 || !b[pos - 4].is_ascii_alphanumeric())
            {
                form.code_prefix = true;
            } else if is_word_char(before) || matches!(before, '#' | ':' | '/') {
                return Err(self.skip_token(pos));
            }
            if matches!(before, '+' | '.')
                && text[self.lo..pos - 1]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric())
            {
                return Err(self.skip_token(pos));
            }
        }
        let mut mantissa: i128 = 0;
        let mut scale: u8 = 0;
        let mut ndigits = 0usize;
        let mut i = pos;
        let mut push = |d: u8, m: &mut i128| -> bool {
            ndigits += 1;
            ndigits <= 30 && {
                *m = *m * 10 + i128::from(d - b'0');
                true
            }
        };
        // Integer part.
        let int_start = i;
        while i < hi && b[i].is_ascii_digit() {
            if !push(b[i], &mut mantissa) {
                return Err(self.skip_token(pos));
            }
            i += 1;
        }
        let lead = i - int_start;
        let mut grouped = false;
        if (1..=3).contains(&lead) {
            // Groups of three after `,` or a space of some kind, never mixing the two.
            let mut sep: Option<&str> = None;
            while let Some((s, after)) = group_separator(text, i, hi) {
                if sep.is_some_and(|x| x != s) {
                    break;
                }
                if after + 3 > hi || !b[after..after + 3].iter().all(u8::is_ascii_digit) {
                    break;
                }
                if after + 3 < hi && b[after + 3].is_ascii_digit() {
                    break;
                }
                if s == " " && !plain_space_group_ok(text, after + 3, hi) {
                    break;
                }
                for k in 0..3 {
                    if !push(b[after + k], &mut mantissa) {
                        return Err(self.skip_token(pos));
                    }
                }
                sep = Some(s);
                grouped = true;
                i = after + 3;
            }
        }
        // Decimals.
        let mut decimal = false;
        if i + 1 < hi && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            i += 1;
            while i < hi && b[i].is_ascii_digit() {
                if !push(b[i], &mut mantissa) {
                    return Err(self.skip_token(pos));
                }
                scale += 1;
                i += 1;
            }
            decimal = true;
            // `2.0.1`, `192.168.1.2`: a version or an address.
            if i + 1 < hi && b[i] == b'.' && b[i + 1].is_ascii_digit() {
                return Err(self.skip_token(pos));
            }
        }
        if ndigits == 0 {
            return Err(pos + 1);
        }
        // Times, ratios, scores: `10:30`, `3:1`; phone-like `222-2222-2222`.
        if i + 1 < hi && b[i] == b':' && b[i + 1].is_ascii_digit() {
            return Err(self.skip_token(pos));
        }
        if is_phone_like(b, i, hi) {
            return Err(self.skip_token(pos));
        }
        let value = Number::new(mantissa, scale);
        let mut end = i;
        // Fractions `3/4`; other slashes (`24/7`, `9/11`, `12/05/2020`) are not numbers.
        if i + 1 < hi && b[i] == b'/' && b[i + 1].is_ascii_digit() {
            let mut j = i + 1;
            let mut den: i128 = 0;
            while j < hi && b[j].is_ascii_digit() && j - i <= 3 {
                den = den * 10 + i128::from(b[j] - b'0');
                j += 1;
            }
            let glued_after = j < hi && (b[j].is_ascii_alphanumeric() || b[j] == b'/');
            if !decimal
                && !grouped
                && matches!(den, 2 | 3 | 4 | 8 | 16)
                && mantissa < den
                && !glued_after
            {
                let v = ratio(mantissa, den).ok_or(j)?;
                form.fraction = true;
                return Ok(Partial {
                    start: pos,
                    end: j,
                    amount: Amount::Exact(v),
                    form,
                });
            }
            return Err(self.skip_token(pos));
        }
        // Glued letters: a magnitude suffix, an ordinal, a decade, or a unit or name.
        let mut amount = Amount::Exact(value);
        if i < hi && b[i].is_ascii_alphabetic() {
            let mut j = i;
            while j < hi && b[j].is_ascii_alphabetic() {
                j += 1;
            }
            let glued_more = j < hi
                && (b[j].is_ascii_digit()
                    || b[j] >= 0x80 && text[j..].chars().next().is_some_and(char::is_alphanumeric));
            let suffix = &text[i..j];
            if glued_more {
                return Err(self.skip_token(pos));
            }
            let exp = match suffix {
                "k" | "K" => Some(3),
                "m" | "M" | "mn" | "MN" | "MM" | "mil" | "mln" => Some(6),
                "b" | "B" | "bn" | "BN" | "bln" | "billion" => Some(9),
                "tn" | "trn" | "tln" => Some(12),
                _ => None,
            };
            if let Some(e) = exp {
                let v = value.scaled(e).ok_or(j)?;
                form.magnitude = e as u8;
                form.lone_m = suffix == "m";
                return Ok(Partial {
                    start: pos,
                    end: j,
                    amount: Amount::Exact(v),
                    form,
                });
            }
            if suffix == "p" {
                form.pence = true;
                return Ok(Partial {
                    start: pos,
                    end: j,
                    amount: Amount::Exact(value),
                    form,
                });
            }
            if suffix.eq_ignore_ascii_case("s") && !decimal && !grouped {
                // `100s of`, `1000s of`: vague; `1970s`, `80s`: decades (dates).
                if matches!(mantissa, 100 | 1000) && self.next(j).is_some_and(|t| t.is(text, "of"))
                {
                    let v = int(mantissa);
                    let max = v.checked_mul(int(10)).ok_or(j)?;
                    return Ok(Partial {
                        start: pos,
                        end: j,
                        amount: Amount::Vague { min: v, max },
                        form,
                    });
                }
            }
            return Err(j);
        }
        if !decimal && !grouped && lead == 4 && (1000..=2099).contains(&mantissa) {
            form.year_like = true;
        }
        // `F-16`, `COVID-19`: part of a name.
        if pos >= 2 + self.lo
            && b[pos - 1] == b'-'
            && text[self.lo..pos - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            form.name_hyphen = true;
        }
        // A spaced magnitude: `1.5 million`, `17 thousand`, `3 dozen`, `13 lakh`, `10 bn`.
        if let Some((t, w)) = self.number_word(i) {
            match w {
                W::Mag(e) => {
                    let v = value.scaled(u32::from(e)).ok_or(t.span.end)?;
                    form.magnitude = e;
                    form.words = true;
                    form.year_like = false;
                    amount = Amount::Exact(v);
                    end = t.span.end;
                    // `three lakh crore`
                    if let Some((t2, W::Mag(e2))) = self.number_word(end) {
                        if e2 > e {
                            if let Some(v2) = v.scaled(u32::from(e2)) {
                                amount = Amount::Exact(v2);
                                form.magnitude = e + e2;
                                end = t2.span.end;
                            }
                        }
                    }
                }
                W::Hundred if !decimal => {
                    let v = value.checked_mul(int(100)).ok_or(t.span.end)?;
                    form.words = true;
                    form.year_like = false;
                    amount = Amount::Exact(v);
                    end = t.span.end;
                }
                W::Dozen if !decimal => {
                    let v = value.checked_mul(int(12)).ok_or(t.span.end)?;
                    form.words = true;
                    amount = Amount::Exact(v);
                    end = t.span.end;
                }
                W::Plural(12) if !decimal && self.word(t).eq_ignore_ascii_case("dozens") => {
                    // `3 dozens`
                    let v = value.checked_mul(int(12)).ok_or(t.span.end)?;
                    form.words = true;
                    amount = Amount::Exact(v);
                    end = t.span.end;
                }
                _ => {}
            }
        }
        // `2 and a half`
        if form.magnitude == 0 {
            if let Some((e, f)) = self.and_fraction(end) {
                if let Amount::Exact(v) = amount {
                    if let Some(s) = v.checked_add(f) {
                        amount = Amount::Exact(s);
                        end = e;
                        form.words = true;
                        form.year_like = false;
                    }
                }
            }
        }
        Ok(Partial {
            start: pos,
            end,
            amount,
            form,
        })
    }

    /// The end of the token of digits and letters at `pos`, to resume after it.
    fn skip_token(&self, pos: usize) -> usize {
        let b = self.text.as_bytes();
        let mut j = pos;
        while j < self.hi
            && (b[j].is_ascii_alphanumeric()
                || matches!(b[j], b'.' | b',' | b':' | b'/' | b'-' | b'+'))
        {
            // Stop at a separator that is not followed by more of the token.
            if !b[j].is_ascii_alphanumeric()
                && (j + 1 >= self.hi || !b[j + 1].is_ascii_alphanumeric())
            {
                break;
            }
            j += 1;
        }
        j.max(pos + 1)
    }

    // ---- words -------------------------------------------------------------------

    /// A number written with words, anchored at the number word at `pos`.
    fn words_number(&self, pos: usize) -> Result<Partial, usize> {
        let Some((t, w)) = self.number_word(pos) else {
            return Err(pos + 1);
        };
        // The anchor must be a whole word (not `one` of `someone`, `ten` of `often`).
        if scan::word_char_before(self.text, t.span.start, self.lo) || t.span.start != pos {
            return Err(t.span.end.max(pos + 1));
        }
        // `no-one`, `some-one`: part of a hyphenated word that is no number.
        if let Some(h) = self
            .prev_may_end_in(t.span.start, b"-")
            .then(|| self.prev(t.span.start))
            .flatten()
            .filter(|h| h.span.end == t.span.start && h.is_char(self.text, '-'))
        {
            if let Some(b) = self
                .prev(h.span.start)
                .filter(|b| b.span.end == h.span.start && b.is_word())
            {
                if self.classify(b).is_none() {
                    return Err(t.span.end);
                }
            }
        }
        let form = Form {
            words: true,
            ..Form::default()
        };
        match w {
            W::Unit(_) | W::Teen(_) | W::Tens(_) => {
                self.words_integer(t.span.start, Some((t, w)), 0, Last::Start, form)
            }
            W::Hundred | W::Mag(_) | W::Dozen => self.article_magnitude(t, w, form),
            W::Plural(unit) => self.vague(t, unit, form),
            W::Half => self.half(t, form),
            W::Denom(d) => {
                // `a third`; a bare `third` is an ordinal.
                let Some(a) = self.article_before(t.span.start) else {
                    return Err(t.span.end);
                };
                let v = ratio(1, i128::from(d)).ok_or(t.span.end)?;
                let form = Form {
                    fraction: true,
                    article: true,
                    ..form
                };
                Ok(Partial {
                    start: a,
                    end: t.span.end,
                    amount: Amount::Exact(v),
                    form,
                })
            }
            W::Couple => {
                let Some(a) = self.article_before(t.span.start) else {
                    return Err(t.span.end);
                };
                Ok(Partial {
                    start: a,
                    end: t.span.end,
                    amount: Amount::Exact(int(2)),
                    form: Form {
                        article: true,
                        ..form
                    },
                })
            }
            W::Multi(e) => {
                let min = pow10(e).ok_or(t.span.end)?;
                let max = pow10(e + 1).ok_or(t.span.end)?;
                Ok(Partial {
                    start: t.span.start,
                    end: t.span.end,
                    amount: Amount::Vague { min, max },
                    form,
                })
            }
        }
    }

    /// The start of an `a`/`an` just before `pos`.
    fn article_before(&self, pos: usize) -> Option<usize> {
        let t = self.prev(pos)?;
        (t.is(self.text, "a") || t.is(self.text, "an")).then_some(t.span.start)
    }

    /// A run of number words: `four hundred`, `twenty-one trillion and three hundred`,
    /// then a denominator (`two thirds`), `and a half`, `point zero three`.
    fn words_integer(
        &self,
        start: usize,
        first: Option<(Token, W)>,
        init: i128,
        init_last: Last,
        mut form: Form,
    ) -> Result<Partial, usize> {
        let mut total: i128 = 0;
        let mut cur: i128 = init;
        let mut last = init_last;
        let mut last_mag: u8 = u8::MAX;
        let mut end = start;
        let mut pending = first;
        let mut zero = false;
        loop {
            let step = match pending.take() {
                Some(x) => Some(x),
                None if zero || last == Last::Dozen => None,
                None => self.continuation(end, matches!(last, Last::Hundred | Last::Mag(_))),
            };
            let Some((t, w)) = step else { break };
            let next = match (w, last) {
                (W::Unit(0), Last::Start) => {
                    zero = true;
                    Some((0, Last::Unit))
                }
                (W::Unit(0), _) => None,
                (W::Unit(v), Last::Start | Last::Tens | Last::Hundred | Last::Mag(_)) => {
                    Some((cur + i128::from(v), Last::Unit))
                }
                (W::Teen(v), Last::Start | Last::Hundred | Last::Mag(_)) => {
                    Some((cur + i128::from(v), Last::Teen))
                }
                (W::Tens(v), Last::Start | Last::Hundred | Last::Mag(_)) => {
                    Some((cur + i128::from(v), Last::Tens))
                }
                (W::Hundred, Last::Unit | Last::Teen | Last::Tens) if (1..=99).contains(&cur) => {
                    Some((cur * 100, Last::Hundred))
                }
                (W::Mag(e), Last::Unit | Last::Teen | Last::Tens | Last::Hundred)
                    if cur > 0 && e < last_mag =>
                {
                    let m = 10i128
                        .checked_pow(u32::from(e))
                        .and_then(|p| cur.checked_mul(p));
                    match m.and_then(|m| total.checked_add(m)) {
                        Some(tot) => {
                            total = tot;
                            last_mag = e;
                            form.magnitude = form.magnitude.max(e);
                            Some((0, Last::Mag(e)))
                        }
                        None => None,
                    }
                }
                (W::Dozen, Last::Unit | Last::Teen | Last::Tens) if total == 0 => {
                    Some((cur * 12, Last::Dozen))
                }
                // `three dozens`
                (W::Plural(12), Last::Unit | Last::Teen | Last::Tens)
                    if total == 0 && self.word(t).eq_ignore_ascii_case("dozens") =>
                {
                    Some((cur * 12, Last::Dozen))
                }
                _ => None,
            };
            let Some((c, l)) = next else { break };
            cur = c;
            last = l;
            end = t.span.end;
        }
        if end == start {
            return Err(start + 1);
        }
        let whole = total + cur;
        // A denominator: `two thirds`, `one-fifth`, `three quarters`.
        if matches!(last, Last::Unit | Last::Teen | Last::Tens) && total == 0 && !zero {
            if let Some((t, w)) = self.continuation(end, false) {
                let den = match w {
                    W::Denom(d) => Some(i128::from(d)),
                    W::Half => Some(2),
                    _ => None,
                };
                if let Some(d) = den {
                    let v = ratio(whole, d).ok_or(t.span.end)?;
                    form.fraction = true;
                    return Ok(Partial {
                        start,
                        end: t.span.end,
                        amount: Amount::Exact(v),
                        form,
                    });
                }
            }
        }
        let mut value = int(whole);
        // `one and a half`, then maybe `million`.
        if let Some((e, f)) = self.and_fraction(end) {
            if let Some(v) = value.checked_add(f) {
                value = v;
                end = e;
                if let Some((t, W::Mag(m))) = self.number_word(end) {
                    if total == 0 {
                        if let Some(v) = value.scaled(u32::from(m)) {
                            value = v;
                            end = t.span.end;
                            form.magnitude = m;
                        }
                    }
                }
                return Ok(Partial {
                    start,
                    end,
                    amount: Amount::Exact(value),
                    form,
                });
            }
        }
        // `two hundred point zero three`
        if let Some(t) = self.next(end).filter(|t| t.is(self.text, "point")) {
            if let Some((e, f)) = self.point_digits(t.span.end) {
                if let Some(v) = value.checked_add(f) {
                    return Ok(Partial {
                        start,
                        end: e,
                        amount: Amount::Exact(v),
                        form,
                    });
                }
            }
        }
        Ok(Partial {
            start,
            end,
            amount: Amount::Exact(value),
            form,
        })
    }

    /// `and a half`, `and three quarters`, `and two thirds` after a whole number ending at
    /// `end`: the end and the fraction.
    fn and_fraction(&self, end: usize) -> Option<(usize, Number)> {
        let and = self.next(end).filter(|t| t.is(self.text, "and"))?;
        let n = self.next(and.span.end)?;
        let (num, den_at) = if n.is(self.text, "a") || n.is(self.text, "an") {
            (1, n.span.end)
        } else {
            match self.classify(n)? {
                W::Unit(v) if v > 0 => (i128::from(v), n.span.end),
                _ => return None,
            }
        };
        let (t, w) = self.continuation(den_at, false)?;
        let den = match w {
            W::Half => 2,
            W::Denom(d) => i128::from(d),
            _ => return None,
        };
        if num >= den {
            return None;
        }
        Some((t.span.end, ratio(num, den)?))
    }

    /// The digits after `point`: `zero three` = .03, `seventy-one` = .71, `five` = .5.
    fn point_digits(&self, pos: usize) -> Option<(usize, Number)> {
        let mut mantissa: i128 = 0;
        let mut scale: u8 = 0;
        let mut end = pos;
        let (t, w) = self.number_word(pos)?;
        match w {
            W::Teen(v) | W::Tens(v) => {
                let mut v = i128::from(v);
                end = t.span.end;
                if let W::Tens(_) = w {
                    if let Some((u, W::Unit(d))) = self.continuation(end, false) {
                        if d > 0 {
                            v += i128::from(d);
                            end = u.span.end;
                        }
                    }
                }
                return Some((end, Number::new(v, 2)));
            }
            W::Unit(_) => {}
            _ => return None,
        }
        let mut next = Some((t, w));
        while let Some((t, W::Unit(d))) = next {
            if scale >= 20 {
                break;
            }
            mantissa = mantissa * 10 + i128::from(d);
            scale += 1;
            end = t.span.end;
            next = self.number_word(end);
        }
        (scale > 0).then(|| (end, Number::new(mantissa, scale)))
    }

    /// A magnitude word without a numeral before it: `a thousand`, `a dozen`, `half a
    /// million` (read from `half`), `several hundred`, `a few thousand` (vague).
    fn article_magnitude(&self, t: Token, w: W, form: Form) -> Result<Partial, usize> {
        let unit: i128 = match w {
            W::Hundred => 100,
            W::Dozen => 12,
            W::Mag(e) => 10i128.pow(u32::from(e)),
            _ => return Err(t.span.end),
        };
        let prev = self.prev(t.span.start);
        // `several hundred`, `a few thousand`, `many thousand`: vague.
        if let Some(p) = prev {
            let few = p.is(self.text, "few");
            if few || p.is(self.text, "several") || p.is(self.text, "many") {
                let start = if few {
                    self.article_before(p.span.start).unwrap_or(p.span.start)
                } else {
                    p.span.start
                };
                let (mut min, mut max, mut end) = (unit, unit * 10, t.span.end);
                // `several hundred million`
                if let Some((m, W::Mag(e))) = self.number_word(end) {
                    if unit < 1000 {
                        let k = 10i128.pow(u32::from(e));
                        min *= k;
                        max *= k;
                        end = m.span.end;
                    }
                }
                let f = Form {
                    magnitude: magnitude_of(min),
                    ..form
                };
                let (min, max) = (int(min), int(max));
                return Ok(Partial {
                    start,
                    end,
                    amount: Amount::Vague { min, max },
                    form: f,
                });
            }
            // `multi-million`
            if p.is_char(self.text, '-') && p.span.end == t.span.start {
                if let Some(m) = self.prev(p.span.start).filter(|m| m.is(self.text, "multi")) {
                    let min = int(unit);
                    let max = int(unit * 10);
                    return Ok(Partial {
                        start: m.span.start,
                        end: t.span.end,
                        amount: Amount::Vague { min, max },
                        form,
                    });
                }
            }
        }
        let Some(a) = self.article_before(t.span.start) else {
            return Err(t.span.end);
        };
        let f = Form {
            article: true,
            ..form
        };
        // `a hundred and fifty`, `a thousand`
        self.words_integer(a, Some((t, w)), 1, Last::Unit, f)
    }

    /// `half`, `a half`, `half a dozen`, `half a million`.
    fn half(&self, t: Token, form: Form) -> Result<Partial, usize> {
        let mut start = t.span.start;
        let mut form = Form {
            fraction: true,
            ..form
        };
        if let Some(a) = self.article_before(start) {
            start = a;
            form.article = true;
        } else if let Some(p) = self.prev(start).filter(|p| p.is(self.text, "one")) {
            start = p.span.start;
        }
        // `half a million`: a number, not a fraction.
        if let Some(a) = self
            .next(t.span.end)
            .filter(|a| a.is(self.text, "a") || a.is(self.text, "an"))
        {
            if let Some((m, w)) = self.number_word(a.span.end) {
                let unit = match w {
                    W::Dozen => Some((int(12), 1)),
                    W::Hundred => Some((int(100), 2)),
                    W::Mag(e) => pow10(e).map(|p| (p, e)),
                    _ => None,
                };
                if let Some((u, e)) = unit {
                    let v = u.checked_mul(Number::new(5, 1)).ok_or(m.span.end)?;
                    let f = Form {
                        fraction: false,
                        magnitude: e,
                        ..form
                    };
                    return Ok(Partial {
                        start,
                        end: m.span.end,
                        amount: Amount::Exact(v),
                        form: f,
                    });
                }
            }
        }
        Ok(Partial {
            start,
            end: t.span.end,
            amount: Amount::Exact(Number::new(5, 1)),
            form,
        })
    }

    /// `hundreds`, `tens of thousands`, `many hundreds`, `dozens`, `scores of`.
    fn vague(&self, t: Token, unit: i128, form: Form) -> Result<Partial, usize> {
        let mut start = t.span.start;
        let mut end = t.span.end;
        let mut min = unit;
        let mut max = unit.checked_mul(10).ok_or(end)?;
        let of = self.next(end).filter(|o| o.is(self.text, "of"));
        if let Some(o) = of {
            if let Some((t2, W::Plural(u2))) = self.number_word(o.span.end) {
                if u2 > unit && u2 >= 1000 {
                    min = unit.checked_mul(u2).ok_or(end)?;
                    max = max.checked_mul(u2).ok_or(end)?;
                    end = t2.span.end;
                }
            }
        }
        // `tens` and `scores` count only as `tens of …`, `scores of …`.
        if matches!(unit, 10 | 20) && of.is_none() {
            return Err(end);
        }
        if let Some(p) = self.prev(start) {
            if p.is(self.text, "many") || p.is(self.text, "several") || p.is(self.text, "countless")
            {
                start = p.span.start;
            }
        }
        let f = Form {
            magnitude: magnitude_of(min),
            ..form
        };
        Ok(Partial {
            start,
            end,
            amount: Amount::Vague {
                min: int(min),
                max: int(max),
            },
            form: f,
        })
    }
}

fn magnitude_of(mut v: i128) -> u8 {
    let mut e = 0;
    while v >= 10 && v % 10 == 0 {
        v /= 10;
        e += 1;
    }
    e
}

fn neg_of(n: Number, neg: bool) -> Number {
    if neg {
        Number::new(-n.mantissa(), n.scale())
    } else {
        n
    }
}

/// A separator of digit groups at `i`: `,`, a thin or no-break space, or one plain space;
/// the separator and the position after it.
fn group_separator(text: &str, i: usize, hi: usize) -> Option<(&'static str, usize)> {
    let c = text[i..hi].chars().next()?;
    match c {
        ',' => Some((",", i + 1)),
        ' ' => Some((" ", i + 1)),
        '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' => Some(("\u{2009}", i + c.len_utf8())),
        _ => None,
    }
}

/// After a group of three digits joined by a plain space, the number must end there or
/// go on with another such group: `40 000 people`, not `40 000.5` or `40 000x`.
fn plain_space_group_ok(text: &str, at: usize, hi: usize) -> bool {
    match text[at..hi].chars().next() {
        None => true,
        Some(c) => {
            !c.is_alphanumeric() && c != '.'
                || (c == '.' && !text[at + 1..hi].starts_with(|d: char| d.is_ascii_digit()))
        }
    }
}

/// `222-2222-2222`, `+1-222-2222`: two more hyphenated digit groups after `i`.
fn is_phone_like(b: &[u8], i: usize, hi: usize) -> bool {
    let mut j = i;
    for _ in 0..2 {
        if j + 1 >= hi || b[j] != b'-' || !b[j + 1].is_ascii_digit() {
            return false;
        }
        j += 1;
        while j < hi && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prev_may_end_in_never_rules_out_the_token_before() {
        let text = "between 5, minus\u{a0}3 -2 from\t4 (no-one) \u{2212}7 NEGATIVE  9 x\u{e9} 1";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &lo in &bounds {
            for &pos in bounds.iter().filter(|&&p| p >= lo) {
                let p = Parser::new(text, lo, text.len());
                let last = p.prev(pos).map(|t| text.as_bytes()[t.span.end - 1]);
                for set in [b"sSeE-".as_slice(), b"nN", b"mM", b"-"] {
                    if last.is_some_and(|x| set.contains(&x)) {
                        assert!(p.prev_may_end_in(pos, set), "{lo} {pos} {set:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn classify_finds_every_word_in_any_case() {
        for &(w, c) in WORDS {
            assert_eq!(classify(w), Some(c), "{w}");
            assert_eq!(classify(&w.to_ascii_uppercase()), Some(c), "{w}");
            assert_eq!(classify(&format!("{w}x")), None, "{w}");
            assert_eq!(classify(&format!("{w}\u{301}")), None, "{w}");
        }
        for w in [
            "",
            "on",
            "tw0",
            "twenty-one",
            "ﬁve",
            "LA\u{212A}H",
            "Mañana",
            "dozenss",
        ] {
            assert_eq!(classify(w), None, "{w}");
        }
    }

    #[test]
    fn is_number_word_agrees_with_classify() {
        let mut words: Vec<String> = Vec::new();
        for &(w, _) in WORDS {
            words.push(w.to_string());
            words.push(w.to_ascii_uppercase());
            words.push(format!("{w}x"));
            words.push(format!("x{w}"));
            words.push(format!("{w}\u{301}"));
            words.push(w[1..].to_string());
            words.push(w[..w.len() - 1].to_string());
        }
        for w in [
            "",
            "on",
            "tw0",
            "twenty-one",
            "ﬁve",
            "é",
            "a",
            "sixteenthsixteenth",
            "said",
            "the",
            "Mañana",
            "s",
            "-",
            "0",
            "\u{301}",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(is_number_word(w), classify(w).is_some(), "{w}");
        }
    }

    /// [`find`] with the word anchors taken straight from the automaton (every match,
    /// over every byte of the span) and the digit runs from a byte at a time.
    fn find_reference<'t>(text: &'t str, span: Span) -> Vec<NumberMatch<'t>> {
        let span = clamp(text, span);
        let words = WORDS_AC
            .find_iter(&text[span.range()])
            .map(|m| span.start + m.start());
        let b = text.as_bytes();
        let runs: Vec<usize> = span
            .range()
            .filter(|&i| b[i].is_ascii_digit() && (i == span.start || !b[i - 1].is_ascii_digit()))
            .collect();
        let mut out = Vec::new();
        find_from(
            text,
            span,
            words,
            DigitRuns::new(&runs),
            &mut out,
            &mut Edges::default(),
        );
        out
    }

    #[test]
    fn anchors_agree_with_the_automaton() {
        // Tokens that put number words inside other words, glue digits and apostrophes
        // to them, and mix cases and scripts.
        const TOKENS: &[&str] = &[
            "one",
            "One",
            "TWO",
            "three",
            "thousand",
            "tens",
            "tenths",
            "half",
            "a",
            "an",
            "and",
            "or",
            "to",
            "between",
            "hundred",
            "million",
            "dozen",
            "dozens",
            "someone",
            "often",
            "phone",
            "tenants",
            "fourty",
            "bn",
            "lakh",
            "5",
            "12",
            "1,500",
            "3.5",
            "2021",
            "-",
            "–",
            "'",
            "’",
            ",",
            ".",
            " ",
            " ",
            " ",
            "\n",
            "é",
            "x",
            "USD",
            "$",
            "%",
            "phone5-6",
            "one'two",
            "o'one",
            "xone5",
            "USD5one",
            "x'USD5",
            "someone's",
            "five-year",
            "twenty-one",
            "G7",
            "COVID-19",
            "no-one",
        ];
        let check = |text: &str, span: Span| {
            let mut got = Vec::new();
            find(text, span, &mut got);
            assert_eq!(got, find_reference(text, span), "{text:?} {span:?}");
        };
        for text in [
            "phone5-6",
            "The phone5-6 and xone7-8 models",
            "someone'five people",
            "o'one 5",
            "a'USD5one and b'EUR7",
            "tenfold6-7",
            "phone5,6 cats",
            "phone5.6 cats",
            "phone5/6 cats",
            "phone5+6 cats",
            "phone5:6 cats",
            "someone7.5 million",
        ] {
            check(text, Span::new(0, text.len()));
        }
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..3000 {
            let mut text = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = 1 + (x % 14) as usize;
            let mut y = x;
            for _ in 0..len {
                y = y
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(TOKENS[(y >> 33) as usize % TOKENS.len()]);
                if (y >> 20) & 3 == 0 {
                    text.push(' ');
                }
            }
            for (lo, hi) in [(0, text.len()), (1, text.len()), (0, text.len() / 2)] {
                check(&text, Span::new(lo, hi));
            }
        }
    }

    fn n(s: &str) -> Number {
        let (m, scale) = match s.split_once('.') {
            Some((a, b)) => (format!("{a}{b}").parse::<i128>().unwrap(), b.len() as u8),
            None => (s.parse::<i128>().unwrap(), 0),
        };
        Number::new(m, scale)
    }

    /// (text, [(matched text, value | "min..max" | "~min..max")])
    fn check(text: &str, want: &[(&str, &str)]) {
        let got: Vec<(String, String)> = find_all(text)
            .iter()
            .map(|m| {
                let v = match m.amount {
                    Amount::Exact(v) => v.to_string(),
                    Amount::Range { min, max } => format!("{min}..{max}"),
                    Amount::Vague { min, max } => format!("~{min}..{max}"),
                };
                (m.text.to_string(), v)
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn digits() {
        check(
            "17,000 and 1.5 and .08",
            &[("17,000", "17000"), ("1.5", "1.5"), (".08", "0.08")],
        );
        check(
            "40 000 is 40\u{202f}000",
            &[("40 000", "40000"), ("40\u{202f}000", "40000")],
        );
        check("1 414 021 100 people", &[("1 414 021 100", "1414021100")]);
        check("in 2021 2022 was", &[("2021", "2021"), ("2022", "2022")]);
        check("1,674,200.5", &[("1,674,200.5", "1674200.5")]);
        check("1, 234, 567", &[("1", "1"), ("234", "234"), ("567", "567")]);
        check("22,24,26", &[("22", "22"), ("24", "24"), ("26", "26")]);
        check("4.800", &[("4.800", "4.8")]);
        check("the 2016,300 people", &[("2016", "2016"), ("300", "300")]);
    }

    #[test]
    fn magnitudes() {
        check(
            "$9m and $1.13bn and 10k",
            &[
                ("9m", "9000000"),
                ("1.13bn", "1130000000"),
                ("10k", "10000"),
            ],
        );
        check(
            "1.5 million, 17 thousand",
            &[("1.5 million", "1500000"), ("17 thousand", "17000")],
        );
        check(
            "10M, 1MM, 2mil, 10 bln, 1.2b",
            &[
                ("10M", "10000000"),
                ("1MM", "1000000"),
                ("2mil", "2000000"),
                ("10 bln", "10000000000"),
                ("1.2b", "1200000000"),
            ],
        );
        check(
            "13 lakh, 1 crore, 3 lakh crore",
            &[
                ("13 lakh", "1300000"),
                ("1 crore", "10000000"),
                ("3 lakh crore", "3000000000000"),
            ],
        );
        check(
            "322 hundred, 3 dozens",
            &[("322 hundred", "32200"), ("3 dozens", "36")],
        );
        let m = find_all("10m");
        assert!(m[0].form.lone_m);
    }

    #[test]
    fn words() {
        check(
            "six, four hundred, two thousand",
            &[
                ("six", "6"),
                ("four hundred", "400"),
                ("two thousand", "2000"),
            ],
        );
        check(
            "twenty-five and fifty - two and fifty   two",
            &[
                ("twenty-five", "25"),
                ("fifty - two", "52"),
                ("fifty   two", "52"),
            ],
        );
        check(
            "one hundred and sixty-one",
            &[("one hundred and sixty-one", "161")],
        );
        check(
            "Three hundred  and  thirty one",
            &[("Three hundred  and  thirty one", "331")],
        );
        check(
            "two hundred and two thousand",
            &[("two hundred and two thousand", "202000")],
        );
        check(
            "twenty-one trillion and three hundred",
            &[("twenty-one trillion and three hundred", "21000000000300")],
        );
        check(
            "ninety - five hundred",
            &[("ninety - five hundred", "9500")],
        );
        check(
            "a thousand, a hundred and fifty",
            &[("a thousand", "1000"), ("a hundred and fifty", "150")],
        );
        check(
            "a dozen, half a dozen, a couple of",
            &[("a dozen", "12"), ("half a dozen", "6"), ("a couple", "2")],
        );
        check("two dozen eggs", &[("two dozen", "24")]);
        check("half a million", &[("half a million", "500000")]);
        check("two million people", &[("two million", "2000000")]);
        check(
            "two hundred point zero three",
            &[("two hundred point zero three", "200.03")],
        );
        check(
            "two hundred point seventy-one",
            &[("two hundred point seventy-one", "200.71")],
        );
        check("zero is 0", &[("zero", "0"), ("0", "0")]);
        check("one two", &[("one", "1"), ("two", "2")]);
    }

    #[test]
    fn fractions() {
        check("half of them", &[("half", "0.5")]);
        check(
            "a half, a third, two-thirds, three quarters",
            &[
                ("a half", "0.5"),
                ("a third", "0.333333333333333"),
                ("two-thirds", "0.666666666666667"),
                ("three quarters", "0.75"),
            ],
        );
        check("one and a half years", &[("one and a half", "1.5")]);
        check(
            "two and a half million",
            &[("two and a half million", "2500000")],
        );
        check("five and a quarter", &[("five and a quarter", "5.25")]);
        check("3/4 and 24/7 and 9/11", &[("3/4", "0.75")]);
        check(
            "one eighth, five - eighths",
            &[("one eighth", "0.125"), ("five - eighths", "0.625")],
        );
        assert!(find_all("two-thirds")[0].form.fraction);
    }

    #[test]
    fn vague() {
        check("hundreds of accounts", &[("hundreds", "~100..1000")]);
        check(
            "tens of thousands of dollars",
            &[("tens of thousands", "~10000..100000")],
        );
        check(
            "hundreds of thousands",
            &[("hundreds of thousands", "~100000..1000000")],
        );
        check(
            "Many hundreds have been killed",
            &[("Many hundreds", "~100..1000")],
        );
        check(
            "several hundred, a few thousand",
            &[
                ("several hundred", "~100..1000"),
                ("a few thousand", "~1000..10000"),
            ],
        );
        check(
            "millions and dozens",
            &[("millions", "~1000000..10000000"), ("dozens", "~12..120")],
        );
        check("scores of people, the tens", &[("scores", "~20..200")]);
        check(
            "a multimillion-dollar deal",
            &[("multimillion", "~1000000..10000000")],
        );
        check("1000s of people", &[("1000s", "~1000..10000")]);
    }

    #[test]
    fn ranges() {
        check(
            "between eight and ten",
            &[("between eight and ten", "8..10")],
        );
        check(
            "8-10 and 8 to 10 and one or two",
            &[
                ("8-10", "8..10"),
                ("8 to 10", "8..10"),
                ("one or two", "1..2"),
            ],
        );
        check("5-10 million", &[("5-10 million", "5000000..10000000")]);
        check(
            "from 157,000 to 133,000",
            &[("157,000", "157000"), ("133,000", "133000")],
        );
        check("from 8 to 10", &[("8", "8"), ("10", "10")]);
        check("1981-1986", &[("1981", "1981"), ("1986", "1986")]);
        check("10 to 5", &[("10", "10"), ("5", "5")]);
    }

    #[test]
    fn signs() {
        check(
            "minus five and -9.5 but 8 -5",
            &[
                ("minus five", "-5"),
                ("-9.5", "-9.5"),
                ("8", "8"),
                ("5", "5"),
            ],
        );
    }

    #[test]
    fn not_numbers() {
        check("a year, an hour, the first, the third man, 40th", &[]);
        check("7Tir, G7, P4+1, v2.0, 180ml, 5pm, 1970s, 80s", &[]);
        assert!(find_all("45p a share")[0].form.pence);
        assert!(find_all("USD20,000")[0].form.code_prefix);
        check("ABCD12 and xUSD5", &[]);
        check("10:30 and 2.0.1 and 192.168.1.2 and 222-2222-2222", &[]);
        check("someone often attends", &[]);
        check("No.1 hit", &[]);
        check("hundred", &[]);
        check("quarter", &[]);
    }

    #[test]
    fn forms() {
        let m = find_all("in 1997 and 1,997 and COVID-19");
        assert!(m[0].form.year_like);
        assert!(!m[1].form.year_like);
        assert!(m[2].form.name_hyphen);
        assert_eq!(m[1].amount.exact(), Some(n("1997")));
    }

    #[test]
    fn spans_are_inside() {
        let text = "ab 12 cd";
        let mut out = Vec::new();
        find(text, Span::new(3, 4), &mut out);
        assert_eq!(out[0].text, "1");
        out.clear();
        find("über 5 €", Span::new(1, 9), &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn never_panics() {
        let samples = [
            "",
            "-",
            ".",
            "1.",
            "1,",
            "1,00",
            "½",
            "9".repeat(60).as_str().to_owned().leak(),
            "a a a",
            "half a",
            "between 1 and",
            "1 - ",
            "0x",
            "1e",
            "one and a",
            "one and three",
            "’1’",
            "1/",
            "1/0",
            "0/0",
            "１２３",
            "٣",
            "1\u{a0}",
            "1\u{202f}00",
            "minus",
            "- 1",
            "multi-million",
            "a few",
            "tens of",
        ];
        for s in samples {
            let _ = find_all(s);
            for i in 0..=s.len() {
                for j in i..=s.len() {
                    let mut out = Vec::new();
                    find(s, Span::new(i, j), &mut out);
                    for m in out {
                        assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                    }
                }
            }
        }
    }

    /// Texts of numbers, number words and punctuation, cut into sentences of all sizes.
    fn edge_texts() -> Vec<String> {
        const TOKENS: &[&str] = &[
            "5", "12", "1,500", "3.5m", "2021", "one", "Two", "hundred", "million", "a", "and",
            "between", "to", "minus", "-", "–", ",", ".", " ", " ", "\n", "é", "cats", "$", "%",
            "(", "G7", "half", "dozen", "or", "from",
        ];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        (0..400)
            .map(|_| {
                let mut text = String::new();
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let mut y = x;
                for _ in 0..1 + x % 24 {
                    y = y
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    text.push_str(TOKENS[(y >> 33) as usize % TOKENS.len()]);
                    if (y >> 20) & 1 == 0 {
                        text.push(' ');
                    }
                }
                text
            })
            .collect()
    }

    #[test]
    fn edges_are_the_tokens_at_their_positions() {
        let mut anchors = Anchors::default();
        for text in edge_texts() {
            for (lo, hi) in [(0, text.len()), (1, text.len()), (0, text.len() / 2)] {
                let mut out = Vec::new();
                find_in(&text, Span::new(lo, hi), &mut out, &mut anchors);
                let span = anchors.span;
                assert_eq!(span, clamp(&text, Span::new(lo, hi)));
                for &(at, t) in &anchors.edges.next {
                    assert_eq!(t, next_token(&text, at, span.end), "{text:?} {at}");
                }
                for &(at, t) in &anchors.edges.prev {
                    assert_eq!(t, prev_token(&text, at, span.start), "{text:?} {at}");
                }
            }
        }
    }

    #[test]
    fn figures_give_the_tokens_at_every_position_sentence_after_sentence() {
        let mut anchors = Anchors::default();
        for text in edge_texts() {
            // Sentences that meet, one after the other, with the same buffers.
            let cuts = [0, text.len() / 3, text.len() / 3, text.len()];
            for w in cuts.windows(2) {
                let (mut lo, mut hi) = (w[0], w[1]);
                while !text.is_char_boundary(lo) {
                    lo -= 1;
                }
                while !text.is_char_boundary(hi) {
                    hi -= 1;
                }
                let ctx = crate::claims::SentenceContext {
                    text: &text,
                    span: Span::new(lo, hi),
                    index: 0,
                    protected: &[],
                    mentions: &[],
                    reference_date: None,
                };
                let f = crate::claims::context::Figures::new_in(&ctx, Vec::new(), &mut anchors);
                for pos in (lo..=hi).filter(|&p| text.is_char_boundary(p)) {
                    for _ in 0..2 {
                        assert_eq!(f.next(pos), next_token(&text, pos, hi), "{text:?} {pos}");
                        assert_eq!(f.prev(pos), prev_token(&text, pos, lo), "{text:?} {pos}");
                    }
                }
            }
        }
    }
}
