//! What the recognisers share: the numbers of a sentence, the hedges around a figure
//! (qualifiers), the noun phrase a figure counts, and the tests that tell a count from a
//! name, a page number or a year.

use std::cell::Cell;

use super::number::{Amount, NumberMatch};
use super::scan::{self, TokKind, Token, next_token, prev_token};
use super::{Claim, ClaimKind, Qualifier, SentenceContext, Value};
use crate::span::Span;

/// One sentence and its numbers, as the recognisers see it.
pub(crate) struct Figures<'t, 'c> {
    pub(crate) text: &'t str,
    /// Start of the sentence.
    pub(crate) lo: usize,
    /// End of the sentence.
    pub(crate) hi: usize,
    /// The numbers of the sentence that may be claims: none inside a URL or a name.
    pub(crate) nums: Vec<NumberMatch<'t>>,
    /// The entity mentions of the sentence (sorted).
    pub(crate) mentions: &'c [Span],
    /// The cue flags of the words of the sentence ([`super::anchors::CASUALTY`] …): a
    /// recogniser whose cue words are all missing finds nothing.
    pub(crate) cues: u8,
    /// The tokens [`next`](Self::next) and [`prev`](Self::prev) found, by position: the
    /// recognisers ask again and again for the tokens around the same numbers.
    memo: &'c Memos,
}

/// The number of entries of a [`Memo`] (a power of two).
const MEMO: usize = 16;

/// A direct-mapped cache of tokens by position: the position of each entry
/// (`usize::MAX` for none), and its token.
#[derive(Debug)]
struct Memo {
    at: [Cell<usize>; MEMO],
    token: [Cell<Option<Token>>; MEMO],
}

impl Memo {
    /// Keeps `token` as the token at `pos`.
    #[inline]
    fn keep(&self, pos: usize, token: Option<Token>) {
        let k = pos & (MEMO - 1);
        self.at[k].set(pos);
        self.token[k].set(token);
    }
}

/// The tokens after positions and before positions ([`Figures::next`],
/// [`Figures::prev`]) of one sentence, kept in a buffer reused from one sentence to the
/// next.
#[derive(Debug)]
pub(crate) struct Memos([Memo; 2]);

impl Default for Memos {
    fn default() -> Memos {
        Memos(std::array::from_fn(|_| Memo {
            at: std::array::from_fn(|_| Cell::new(usize::MAX)),
            token: std::array::from_fn(|_| Cell::new(None)),
        }))
    }
}

impl Memos {
    /// Forgets every token (their positions: the tokens stay, never read).
    fn clear(&mut self) {
        for memo in &mut self.0 {
            for at in &mut memo.at {
                *at.get_mut() = usize::MAX;
            }
        }
    }

    /// Keeps the tokens of `edges` (found in the same span).
    fn keep(&self, edges: &super::number::Edges) {
        for &(at, t) in &edges.next {
            self.0[0].keep(at, t);
        }
        for &(at, t) in &edges.prev {
            self.0[1].keep(at, t);
        }
    }
}

/// The token of `memo` at `pos`, or `find(pos)` (then kept).
#[inline]
fn memoized(memo: &Memo, pos: usize, find: impl FnOnce(usize) -> Option<Token>) -> Option<Token> {
    let k = pos & (MEMO - 1);
    if memo.at[k].get() == pos {
        return memo.token[k].get();
    }
    let token = find(pos);
    memo.keep(pos, token);
    token
}

impl<'t, 'c> Figures<'t, 'c> {
    /// The numbers of the sentence of `ctx`, less those inside protected spans and entity
    /// mentions.
    /// `nums` is a buffer to fill (cleared first).
    #[cfg(test)]
    pub(crate) fn new(
        ctx: &'c SentenceContext<'t, 'c>,
        mut nums: Vec<NumberMatch<'t>>,
    ) -> Figures<'t, 'c> {
        nums.clear();
        let cues = super::number::find_with_cues(ctx.text, ctx.span, &mut nums);
        Self::of(ctx, nums, cues, Box::leak(Box::default()))
    }

    /// The numbers of the sentence of `ctx`, less those inside protected spans and entity
    /// mentions, read with the buffers `anchors`. `nums` is a buffer to fill (cleared
    /// first).
    pub(crate) fn new_in(
        ctx: &'c SentenceContext<'t, 'c>,
        mut nums: Vec<NumberMatch<'t>>,
        anchors: &'c mut super::number::Anchors,
    ) -> Figures<'t, 'c> {
        nums.clear();
        let cues = super::number::find_in(ctx.text, ctx.span, &mut nums, anchors);
        anchors.memos.clear();
        let anchors: &'c super::number::Anchors = anchors;
        // The tokens the parser found around its numbers, where it read the same span.
        if anchors.span == ctx.span {
            anchors.memos.keep(&anchors.edges);
        }
        Self::of(ctx, nums, cues, &anchors.memos)
    }

    /// The figures of `ctx`, given its numbers (all of them) and its cues.
    #[inline(always)]
    fn of(
        ctx: &'c SentenceContext<'t, 'c>,
        mut nums: Vec<NumberMatch<'t>>,
        cues: u8,
        memo: &'c Memos,
    ) -> Figures<'t, 'c> {
        if !nums.is_empty() {
            nums.retain(|n| {
                !overlaps_any(ctx.protected, n.span) && !overlaps_any(ctx.mentions, n.span)
            });
        }
        Figures {
            text: ctx.text,
            lo: ctx.span.start,
            hi: ctx.span.end,
            nums,
            mentions: ctx.mentions,
            cues,
            memo,
        }
    }

    /// True if one of the sentence's numbers ends at `end` (a binary search: the numbers
    /// are in text order and do not overlap).
    pub(crate) fn number_ends_at(&self, end: usize) -> bool {
        let i = self.nums.partition_point(|n| n.span.end < end);
        self.nums.get(i).is_some_and(|n| n.span.end == end)
    }

    /// The last number that ends at or before `end`, if any (a binary search).
    pub(crate) fn last_number_before(&self, end: usize) -> Option<&NumberMatch<'t>> {
        let i = self.nums.partition_point(|n| n.span.end <= end);
        self.nums.get(i.checked_sub(1)?)
    }

    /// The number that starts at `start`, if any (a binary search).
    pub(crate) fn number_at(&self, start: usize) -> Option<&NumberMatch<'t>> {
        number_at(&self.nums, start)
    }

    /// The token at or after `pos`: from the memo, inline, or else read (out of line).
    #[inline]
    pub(crate) fn next(&self, pos: usize) -> Option<Token> {
        let memo = &self.memo.0[0];
        let k = pos & (MEMO - 1);
        if memo.at[k].get() == pos {
            return memo.token[k].get();
        }
        self.next_read(pos)
    }

    #[inline(never)]
    fn next_read(&self, pos: usize) -> Option<Token> {
        memoized(&self.memo.0[0], pos, |pos| {
            next_token(self.text, pos, self.hi)
        })
    }

    /// The token ending at or before `pos`: from the memo, inline, or else read (out of
    /// line).
    #[inline]
    pub(crate) fn prev(&self, pos: usize) -> Option<Token> {
        let memo = &self.memo.0[1];
        let k = pos & (MEMO - 1);
        if memo.at[k].get() == pos {
            return memo.token[k].get();
        }
        self.prev_read(pos)
    }

    #[inline(never)]
    fn prev_read(&self, pos: usize) -> Option<Token> {
        memoized(&self.memo.0[1], pos, |pos| {
            prev_token(self.text, pos, self.lo)
        })
    }

    /// The next token, if it is the word `w` (lowercase).
    pub(crate) fn next_is(&self, pos: usize, w: &str) -> Option<Token> {
        self.next(pos).filter(|t| t.is(self.text, w))
    }

    /// The previous token, if it is the word `w` (lowercase).
    pub(crate) fn prev_is(&self, pos: usize, w: &str) -> Option<Token> {
        self.prev(pos).filter(|t| t.is(self.text, w))
    }

    /// The words after `pos`, in lowercase, joined by single spaces into `buf`, at most
    /// `max` (≤ 6) words; `ends[k]` is where word `k` ends in the text. Dots between single
    /// letters join them (`U.S. dollars` → `us dollars`); apostrophes are dropped.
    pub(crate) fn words_after<'b>(
        &self,
        pos: usize,
        max: usize,
        buf: &'b mut [u8; 64],
        ends: &mut [usize; 6],
    ) -> (&'b str, usize) {
        let max = max.min(ends.len());
        let mut len = 0;
        let mut n = 0;
        let mut at = pos;
        let mut dotted = false; // the last word is one letter with a dot glued after it
        while let Some(t) = self.next(at) {
            if t.kind == TokKind::Punct {
                // `U.S.`: a dot glued after a single letter.
                let single = n > 0 && ends[n - 1] == at && {
                    let mut back = self.text[..at].chars().rev();
                    back.next().is_some_and(char::is_alphabetic)
                        && !back.next().is_some_and(char::is_alphanumeric)
                };
                if t.is_char(self.text, '.') && single {
                    dotted = true;
                    ends[n - 1] = t.span.end;
                    at = t.span.end;
                    continue;
                }
                break;
            }
            let w = t.text(self.text);
            if !w.is_ascii() || len + w.len() + 1 > buf.len() {
                break;
            }
            let join = dotted && t.span.start == at && w.len() == 1;
            if !join {
                if n == max {
                    break;
                }
                if n > 0 {
                    buf[len] = b' ';
                    len += 1;
                }
                n += 1;
            }
            for c in w.bytes().filter(|&c| c != b'\'') {
                buf[len] = c.to_ascii_lowercase();
                len += 1;
            }
            ends[n - 1] = t.span.end;
            at = t.span.end;
            dotted = false;
        }
        (std::str::from_utf8(&buf[..len]).unwrap_or(""), n)
    }

    /// A claim of `kind` over `span`, with the values of `amount`.
    pub(crate) fn claim(&self, kind: ClaimKind, span: Span, amount: Amount) -> Claim<'t> {
        let mut c = Claim::new(kind, self.text, span);
        match amount {
            Amount::Exact(v) => c.value = Some(Value::Number(v)),
            Amount::Range { min, max } | Amount::Vague { min, max } => {
                c.min = Some(Value::Number(min));
                c.max = Some(Value::Number(max));
            }
        }
        c
    }
}

/// The number of `nums` (in text order, not overlapping) that starts at `start`.
pub(crate) fn number_at<'n, 't>(
    nums: &'n [NumberMatch<'t>],
    start: usize,
) -> Option<&'n NumberMatch<'t>> {
    let i = nums.partition_point(|n| n.span.start < start);
    nums.get(i).filter(|n| n.span.start == start)
}

fn overlaps_any(spans: &[Span], s: Span) -> bool {
    // Sorted spans: find the first that ends after s starts.
    let i = spans.partition_point(|p| p.end <= s.start);
    spans.get(i).is_some_and(|p| p.overlaps(s))
}

// ---- qualifiers ----------------------------------------------------------------------

/// Hedges written before a figure, longest first within each length.
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["well", "above"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["upward", "of"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["just", "under"], Qualifier::LessThan),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["close", "to"], Qualifier::Nearly),
    (&["not", "quite"], Qualifier::Nearly),
    (&["an", "estimated"], Qualifier::Approximately),
    (&["some"], Qualifier::Approximately),
    (&["about"], Qualifier::Approximately),
    (&["around"], Qualifier::Approximately),
    (&["roughly"], Qualifier::Approximately),
    (&["approximately"], Qualifier::Approximately),
    (&["approx"], Qualifier::Approximately),
    (&["circa"], Qualifier::Approximately),
    (&["estimated"], Qualifier::Approximately),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
];

/// The last words of the hedges of [`BEFORE`], numbered as [`hedge_end`] numbers them.
const HEDGE_ENDS: &[&str] = &[
    "than",
    "least",
    "of",
    "most",
    "to",
    "over",
    "above",
    "under",
    "below",
    "as",
    "quite",
    "estimated",
    "some",
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "circa",
    "nearly",
    "almost",
    "exceeding",
];

/// The number of `w` (lowercase) in [`HEDGE_ENDS`], if it ends a hedge (the reference of
/// [`hedge_end_at`]).
#[cfg(test)]
fn hedge_end(w: &str) -> Option<u8> {
    Some(match w {
        "than" => 0,
        "least" => 1,
        "of" => 2,
        "most" => 3,
        "to" => 4,
        "over" => 5,
        "above" => 6,
        "under" => 7,
        "below" => 8,
        "as" => 9,
        "quite" => 10,
        "estimated" => 11,
        "some" => 12,
        "about" => 13,
        "around" => 14,
        "roughly" => 15,
        "approximately" => 16,
        "approx" => 17,
        "circa" => 18,
        "nearly" => 19,
        "almost" => 20,
        "exceeding" => 21,
        _ => return None,
    })
}

/// [`HEDGE_ENDS`] as a perfect-hash map of their letters, to the number of each plus one.
static HEDGE_MAP: once_cell::sync::Lazy<super::WordMap<u8>> = once_cell::sync::Lazy::new(|| {
    let words: Vec<(&[u8], u8)> = HEDGE_ENDS
        .iter()
        .enumerate()
        .map(|(k, w)| (w.as_bytes(), k as u8 + 1))
        .collect();
    super::WordMap::new(&words, 0)
});

/// The number in [`HEDGE_ENDS`] of the word `text[span]` (in any ASCII case), if it ends a
/// hedge: read in place, with no copy in lowercase and no `match` on the word, a jump
/// table that text does not predict.
#[inline]
fn hedge_end_at(text: &str, span: Span) -> Option<u8> {
    let b = text.as_bytes();
    let n = span.len();
    let (&first, &last) = (b.get(span.start)?, b.get(span.end.checked_sub(1)?)?);
    let map = &*HEDGE_MAP;
    if n == 0 || n > 16 || !map.may_hold(n, first, last) {
        return None;
    }
    map.get_at(b, span.start, span.end).checked_sub(1)
}

/// The number ([`hedge_end`]) of the last word of each entry of [`BEFORE`].
const BEFORE_ENDS: [u8; BEFORE.len()] = {
    let mut t = [u8::MAX; BEFORE.len()];
    let mut k = 0;
    while k < BEFORE.len() {
        let words = BEFORE[k].0;
        let last = words[words.len() - 1].as_bytes();
        let mut e = 0;
        while e < HEDGE_ENDS.len() {
            let h = HEDGE_ENDS[e].as_bytes();
            let mut same = h.len() == last.len();
            let mut i = 0;
            while same && i < h.len() {
                same = h[i] == last[i];
                i += 1;
            }
            if same {
                t[k] = e as u8;
            }
            e += 1;
        }
        k += 1;
    }
    t
};

/// The qualifier written just before `start`: its start and kind (`at least $5`,
/// `some 17,000`, `~300`).
pub(crate) fn qualifier_before(f: &Figures<'_, '_>, start: usize) -> Option<(usize, Qualifier)> {
    let last = f.prev(start)?;
    if !last.is_word() {
        if last.is_char(f.text, '~') || last.is_char(f.text, '≈') {
            return Some((last.span.start, Qualifier::Approximately));
        }
        return None;
    }
    // Most figures have no hedge: reject on the word just before, cheaply.
    let end = hedge_end_at(f.text, last.span)?;
    let mut toks = [None::<Token>; 3];
    let mut at = start;
    for slot in &mut toks {
        let t = f.prev(at).filter(|t| t.is_word());
        *slot = t;
        match t {
            Some(t) => at = t.span.start,
            None => break,
        }
    }
    'entries: for (k, (words, q)) in BEFORE.iter().enumerate() {
        let n = words.len();
        // The word just before must be the entry's last word: a number compare rules out
        // most entries.
        if BEFORE_ENDS[k] != end {
            continue;
        }
        for (k, w) in words.iter().enumerate().take(n - 1) {
            // toks[0] is the word just before: it must match the last word of the entry.
            match toks[n - 1 - k] {
                Some(t) if t.is(f.text, w) => {}
                _ => continue 'entries,
            }
        }
        let first = toks[n - 1]?;
        // `pushed claims up to $37bn`: after a verb of change, `up to` is where the
        // figure got to, not a bound on it.
        if *words == ["up", "to"] && after_change_verb(f, first.span.start) {
            return None;
        }
        // `about` after a verb of speech is a preposition: `talked about 3 issues`.
        if *words == ["about"] {
            if let Some(p) = f.prev(first.span.start) {
                let mut buf = [0u8; 24];
                if let Some(w) = scan::lower(p.text(f.text), &mut buf) {
                    if w.starts_with("talk")
                        || w.starts_with("spoke")
                        || w.starts_with("speak")
                        || w.starts_with("think")
                        || w.starts_with("thought")
                        || w.starts_with("know")
                        || w.starts_with("care")
                        || w.starts_with("worr")
                        || w.starts_with("learn")
                        || w.starts_with("heard")
                    {
                        return None;
                    }
                }
            }
        }
        return Some((first.span.start, *q));
    }
    None
}

/// A verb of change (`pushed`, `brought`, `rose`) ends before `pos`, maybe with a short
/// object in between (`pushed claims`, `brought the total`).
fn after_change_verb(f: &Figures<'_, '_>, pos: usize) -> bool {
    let mut at = pos;
    for _ in 0..5 {
        let Some(t) = f.prev(at).filter(Token::is_word) else {
            return false;
        };
        let mut buf = [0u8; 24];
        let Some(w) = scan::lower(t.text(f.text), &mut buf) else {
            return false;
        };
        if is_change_verb(w) {
            return true;
        }
        let det = matches!(
            w,
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
        );
        if !det && (is_stop(w) || w.starts_with(|c: char| c.is_ascii_digit())) {
            return false;
        }
        at = t.span.start;
    }
    false
}

/// Verbs that moved a figure, in the past: `pushed … up to`, `brought … up to`, `rose up
/// to`. The present and the infinitive state a bound (`could take up to 18 months`, `may
/// go up to $20bn`, `can boost speeds up to 75 megabits`).
fn is_change_verb(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "push", "rais", "increas", "climb", "jump", "boost", "lift", "mov", "ramp", "step", "soar",
        "swell", "revis", "bump", "hik", "ratchet", "scal", "surg", "spik", "edg", "inch", "drift",
        "upp",
    ];
    matches!(
        w,
        "rose"
            | "risen"
            | "went"
            | "gone"
            | "brought"
            | "grew"
            | "grown"
            | "shot"
            | "sent"
            | "drove"
            | "driven"
            | "swollen"
            | "crept"
    ) || w.ends_with("ed") && STEMS.iter().any(|s| w.starts_with(s))
}

/// The qualifier written just after `end`: its end and kind (`30 years or more`,
/// `30,000-plus`, `or so`).
pub(crate) fn qualifier_after(f: &Figures<'_, '_>, end: usize) -> Option<(usize, Qualifier)> {
    let t = f.next(end)?;
    if t.is_char(f.text, '+') && t.span.start == end {
        return Some((t.span.end, Qualifier::AtLeast));
    }
    if t.is_char(f.text, '-') && t.span.start == end {
        let p = f.next_is(t.span.end, "plus")?;
        return Some((p.span.end, Qualifier::AtLeast));
    }
    if t.is(f.text, "plus")
        && !f.next(t.span.end).is_some_and(|n| {
            n.is_word() && n.text(f.text).starts_with(|c: char| c.is_ascii_digit())
        })
    {
        return Some((t.span.end, Qualifier::AtLeast));
    }
    if t.is(f.text, "or") || t.is(f.text, "and") {
        let n = f.next(t.span.end)?;
        let q = if n.is(f.text, "more") || n.is(f.text, "over") || n.is(f.text, "above") {
            Qualifier::AtLeast
        } else if t.is(f.text, "or")
            && (n.is(f.text, "less") || n.is(f.text, "fewer") || n.is(f.text, "under"))
        {
            Qualifier::AtMost
        } else if t.is(f.text, "or") && n.is(f.text, "so") {
            Qualifier::Approximately
        } else {
            return None;
        };
        // `5 or more people`: fine; `or more than 6` is another figure.
        if f.next(n.span.end).is_some_and(|x| x.is(f.text, "than")) {
            return None;
        }
        return Some((n.span.end, q));
    }
    None
}

// ---- word sets -----------------------------------------------------------------------

/// The lengths of the words of a set (bit `len`, for words under 32 bytes) by their first
/// byte's low five bits (`a`–`z` are 1–26), for [`word_set!`].
const fn shapes(words: &[&str]) -> [u32; 32] {
    let mut t = [0u32; 32];
    let mut k = 0;
    while k < words.len() {
        let b = words[k].as_bytes();
        assert!(!b.is_empty() && b.len() < 32);
        t[(b[0] & 31) as usize] |= 1 << b.len();
        k += 1;
    }
    t
}

/// Can `w` be a word of the set of `shapes`, by its first byte and length? Most words
/// are ruled out here, before the string compares.
#[inline]
pub(crate) fn fits(shapes: &[u32; 32], w: &str) -> bool {
    let b = w.as_bytes();
    b.first()
        .is_some_and(|&c| b.len() < 32 && shapes[usize::from(c & 31)] >> b.len() & 1 != 0)
}

/// `fn $name(w: &str) -> bool`: is `w` one of the words? A test of the first byte and the
/// length goes before the `match` of the words.
macro_rules! word_set {
    (
        $(#[$m:meta])* $vis:vis fn $name:ident, $words:ident, $shapes:ident =
        [$($w:literal),+ $(,)?]
    ) => {
        const $words: &[&str] = &[$($w),+];
        static $shapes: [u32; 32] = shapes($words);

        $(#[$m])*
        $vis fn $name(w: &str) -> bool {
            fits(&$shapes, w) && matches!(w, $($w)|+)
        }
    };
}

// ---- noun phrases --------------------------------------------------------------------

/// The noun phrase a figure counts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NounPhrase {
    /// From the first kept word to the head (`senior officials`, `American citizens`).
    pub(crate) span: Span,
    /// The head noun (`officials`), or a coordination of modifier and head as written
    /// (`Iranian and non-Iranians`).
    pub(crate) unit: Span,
    /// The head looks plural (or is a collective count like `population`).
    pub(crate) plural: bool,
}

word_set! {
    /// Words that end a noun phrase: function words, auxiliaries and common adverbs.
    pub(crate) fn is_stop, STOP_WORDS, STOP_SHAPES = [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "until",
        "than",
        "through",
        "across",
        "against",
        "among",
        "between",
        "per",
        "via",
        "within",
        "and",
        "or",
        "but",
        "nor",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "him",
        "his",
        "she",
        "her",
        "we",
        "us",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "not",
        "no",
        "as",
        "if",
        "so",
        "such",
        "each",
        "every",
        "most",
        "less",
        "least",
        "also",
        "only",
        "just",
        "even",
        "very",
        "too",
        "then",
        "there",
        "here",
        "when",
        "where",
        "why",
        "how",
        "what",
        "all",
        "both",
        "some",
        "any",
        "own",
        "same",
        "ago",
        "later",
        "earlier",
        "apiece",
        "respectively",
        "altogether",
        "alone",
        "instead",
        "including",
        "like",
        "according",
        "said",
        "says",
        "say",
        "while",
        "whereas",
        "because",
        "although",
        "though",
        "yet",
        "still",
        "already",
        "now",
        "out",
        "up",
        "down",
        "off",
        "away",
        "back",
        "again",
        "ever",
        "never",
        "once",
        "twice",
        "nearly",
        "almost",
        "around",
        "plus",
        "minus",
        "times",
        "percent",
        "cent",
        "dead",
        "killed",
        "died",
        "wounded",
        "injured",
        "executed",
        "missing",
        "year",
        "years",
        "old",
        "more",
        "fewer",
        "last",
        "next",
        "first",
        "second",
        "third",
        "s",
        "t",
    ]
}

/// A word of two or more capital letters (`US`, `IT`, `UN`).
pub(crate) fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Plurals not ending in `s`, and singular nouns that count people.
fn is_irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "folk"
            | "clergy"
            | "cattle"
            | "livestock"
            | "infantry"
            | "youth"
            | "kin"
            | "mice"
            | "geese"
            | "feet"
            | "teeth"
            | "population"
            | "membership"
            | "workforce"
            | "crew"
    ) || w.ends_with("men") && w.len() > 4 && !w.ends_with("amen")
        || w.ends_with("people")
}

/// Does this (lowercase) word look plural?
pub(crate) fn looks_plural(w: &str) -> bool {
    if is_irregular_plural(w) {
        return true;
    }
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !matches!(
            w,
            "news"
                | "series"
                | "politics"
                | "economics"
                | "physics"
                | "always"
                | "perhaps"
                | "whereas"
                | "thus"
                | "yes"
                | "has"
                | "was"
                | "does"
                | "towards"
                | "afterwards"
                | "besides"
                | "sometimes"
                | "overseas"
                | "ones"
        )
}

/// Does this plural head (as written) name people? Used to keep `6.5 million animals`
/// and `1.5 million posts` out of casualty figures.
pub(crate) fn is_person_noun(w: &str) -> bool {
    if scan::is_capitalised(w) {
        return true; // `Iranians`, `Kurds`, `Britons`
    }
    let mut buf = [0u8; 24];
    let Some(l) = scan::lower(w.rsplit(['-', ' ']).next().unwrap_or(w), &mut buf) else {
        return false;
    };
    if matches!(
        l,
        "people"
            | "persons"
            | "men"
            | "women"
            | "children"
            | "kids"
            | "babies"
            | "infants"
            | "police"
            | "personnel"
            | "staff"
            | "troops"
            | "victims"
            | "civilians"
            | "adults"
            | "boys"
            | "girls"
            | "sons"
            | "daughters"
            | "wives"
            | "husbands"
            | "families"
            | "relatives"
            | "friends"
            | "guests"
            | "pilgrims"
            | "monks"
            | "nuns"
            | "priests"
            | "clerics"
            | "mullahs"
            | "militants"
            | "fighters"
            | "rebels"
            | "insurgents"
            | "jihadists"
            | "guerrillas"
            | "hostages"
            | "detainees"
            | "inmates"
            | "captives"
            | "refugees"
            | "migrants"
            | "residents"
            | "citizens"
            | "nationals"
            | "individuals"
            | "officials"
            | "criminals"
            | "generals"
            | "villagers"
            | "passengers"
            | "pilots"
            | "crew"
            | "marines"
            | "soldiers"
            | "guards"
            | "agents"
            | "spies"
            | "diplomats"
            | "dissidents"
            | "opponents"
            | "members"
            | "protesters"
            | "demonstrators"
            | "students"
            | "leaders"
            | "politicians"
            | "lawmakers"
            | "judges"
            | "clergy"
            | "youths"
            | "cadres"
            | "martyrs"
            | "casualties"
            | "bodies"
            | "survivors"
            | "patients"
            | "tribesmen"
            | "fishermen"
            | "gunmen"
            | "policemen"
            | "servicemen"
            | "firemen"
            | "others"
            | "cadets"
            | "recruits"
            | "colleagues"
            | "fans"
            | "pupils"
            | "athletes"
            | "teens"
            | "tourists"
    ) {
        return true;
    }
    if matches!(
        l,
        "orders"
            | "papers"
            | "computers"
            | "servers"
            | "numbers"
            | "letters"
            | "containers"
            | "centers"
            | "centres"
            | "borders"
            | "barriers"
            | "towers"
            | "transfers"
            | "offers"
            | "powers"
            | "matters"
            | "chapters"
            | "quarters"
            | "headquarters"
            | "registers"
            | "folders"
            | "markers"
            | "meters"
            | "filters"
            | "layers"
            | "warrants"
            | "documents"
            | "trades"
            | "contracts"
            | "plans"
            | "files"
            | "records"
            | "answers"
            | "waters"
            | "shares"
            | "factors"
            | "sectors"
            | "errors"
            | "doors"
            | "floors"
            | "motors"
            | "monitors"
            | "reactors"
            | "vectors"
            | "tractors"
            | "corridors"
            | "mirrors"
            | "colors"
            | "colours"
    ) {
        return false;
    }
    if matches!(
        l,
        "migrants"
            | "immigrants"
            | "emigrants"
            | "militants"
            | "servants"
            | "participants"
            | "assistants"
            | "applicants"
            | "tenants"
            | "merchants"
            | "peasants"
            | "sergeants"
            | "lieutenants"
            | "inhabitants"
            | "occupants"
            | "attendants"
            | "defendants"
            | "descendants"
            | "combatants"
            | "informants"
            | "claimants"
            | "students"
            | "residents"
            | "parents"
            | "patients"
            | "presidents"
            | "correspondents"
            | "dependents"
            | "respondents"
            | "adolescents"
            | "agents"
            | "opponents"
            | "protestants"
    ) {
        return true;
    }
    l.ends_with("men")
        || [
            "ers", "ors", "ists", "ians", "ans", "ees", "ives", "ites", "ards",
        ]
        .iter()
        .any(|s| l.ends_with(s) && l.len() > s.len() + 2)
}

/// A plural that can modify another noun (`police officers`, `arms dealers`, `women
/// leaders`). The modifier of an English compound is singular (`bank accounts`), but for
/// plurals with no `-s` and nouns used only in the plural; so in `19 creditors meets`
/// the verb `meets` is no head.
fn is_plural_modifier(w: &str) -> bool {
    (is_irregular_plural(w) && !matches!(w, "population" | "membership" | "workforce"))
        || matches!(
            w,
            "arms"
                | "sales"
                | "savings"
                | "sports"
                | "rights"
                | "customs"
                | "goods"
                | "earnings"
                | "communications"
                | "telecommunications"
                | "arts"
                | "awards"
                | "systems"
                | "services"
                | "operations"
                | "affairs"
                | "relations"
                | "securities"
                | "drugs"
                | "weapons"
                | "munitions"
                | "narcotics"
                | "electronics"
                | "logistics"
                | "athletics"
                | "graphics"
                | "statistics"
                | "emissions"
                | "admissions"
                | "resources"
                | "sciences"
                | "futures"
                | "markets"
                | "jobs"
                | "parts"
                | "claims"
                | "elections"
                | "ways"
                | "means"
                | "works"
                | "humanities"
        )
}

/// An article starts a noun phrase at `pos` (`indicates a level`), but not a time or a
/// rate (`30 cars a year`). Other determiners also follow nouns (`give a million tenants
/// the right`, `called the nine vendors the key players`, `killed 12 soldiers this week`).
fn object_follows(f: &Figures<'_, '_>, pos: usize) -> bool {
    let Some(t) = f.next(pos).filter(Token::is_word) else {
        return false;
    };
    let det = t.is(f.text, "a") || t.is(f.text, "an");
    // `killing 12 soldiers this week`, `30 cars a year`: a time, not an object.
    det && !f.next(t.span.end).is_some_and(|u| {
        let mut b2 = [0u8; 24];
        matches!(
            scan::lower(u.text(f.text), &mut b2),
            Some(
                "second"
                    | "minute"
                    | "hour"
                    | "day"
                    | "days"
                    | "night"
                    | "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "years"
                    | "season"
                    | "decade"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "summer"
                    | "winter"
                    | "spring"
                    | "autumn"
                    | "same"
                    | "next"
                    | "previous"
                    | "following"
                    | "past"
                    | "last"
                    | "first"
                    | "head"
                    | "piece"
                    | "time"
                    | "game"
                    | "match"
                    | "session"
                    | "person"
                    | "share"
                    | "pop"
                    | "go"
            )
        )
    })
}

/// Words that never head a counted phrase after another plural.
fn is_measure_word(w: &str) -> bool {
    matches!(
        w,
        "times"
            | "years"
            | "days"
            | "months"
            | "weeks"
            | "hours"
            | "minutes"
            | "seconds"
            | "decades"
    )
}

/// Leading words skipped in a counted phrase: `six other senior officials`.
fn is_skipped_lead(w: &str) -> bool {
    matches!(
        w,
        "other" | "more" | "further" | "additional" | "extra" | "another" | "others"
    )
}

/// The noun phrase after `pos` (the end of a figure): `of` is skipped when `allow_of`
/// (`hundreds of fake accounts`), and so is a partitive `of the` (`two of the men`).
pub(crate) fn noun_phrase(f: &Figures<'_, '_>, pos: usize, allow_of: bool) -> Option<NounPhrase> {
    let text = f.text;
    let mut at = pos;
    let mut buf = [0u8; 24];
    if let Some(of) = f.next_is(at, "of") {
        at = of.span.end;
        let d = f.next(at)?;
        let dw = scan::lower(d.text(text), &mut buf).unwrap_or("");
        if matches!(
            dw,
            "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "your" | "my"
        ) {
            at = d.span.end;
        } else if !allow_of {
            return None;
        }
    }
    let mut start: Option<usize> = None;
    let mut prev_word: Option<Span> = None;
    let mut prev_plural = false;
    let mut coord_from: Option<usize> = None;
    // Where the word after the last conjunction starts.
    let mut after_conj: Option<usize> = None;
    let mut fallback: Option<NounPhrase> = None;
    let mut words = 0;
    while words < 7 {
        let Some(t) = f.next(at) else { break };
        if !t.is_word() {
            break;
        }
        let w_span = scan::hyphen_compound(text, t, f.hi);
        let w = &text[w_span];
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        let lw = scan::lower(w, &mut buf);
        let lw = lw.unwrap_or("");
        if lw == "and" || lw == "or" || lw == "&" {
            // `Iranian and non-Iranians`: a modifier coordinated with the head.
            if let (Some(p), false) = (prev_word, prev_plural) {
                if let Some(n) = f.next(t.span.end).filter(Token::is_word) {
                    let mut b2 = [0u8; 24];
                    let nw = scan::lower(n.text(text), &mut b2).unwrap_or("");
                    if !is_stop(nw)
                        && !nw.starts_with(|c: char| c.is_ascii_digit())
                        && !super::number::is_number_word(n.text(text))
                    {
                        coord_from.get_or_insert(p.start);
                        after_conj = Some(n.span.start);
                        at = t.span.end;
                        words += 1;
                        continue;
                    }
                }
            }
            break;
        }
        // An acronym is a name, not a function word (`four major US television
        // networks`), unless the text around is in capitals too (`3 DEAD IN ATTACK`).
        let acronym = is_acronym(w)
            && !f
                .prev(t.span.start)
                .is_some_and(|p| is_acronym(p.text(text)))
            && !f.next(t.span.end).is_some_and(|n| is_acronym(n.text(text)));
        if is_stop(lw) && !acronym && !(start.is_none() && is_skipped_lead(lw)) {
            break;
        }
        if start.is_none() && is_skipped_lead(lw) {
            at = w_span.end;
            words += 1;
            continue;
        }
        // A number word ends the phrase (`two French hostages` stops before a second number).
        if super::number::is_number_word(w) {
            break;
        }
        let cap = scan::is_capitalised(w);
        let plural = !lw.is_empty()
            && (looks_plural(lw) || cap && lw.len() > 4 && lw.ends_with("is"))
            || lw.is_empty() && w.ends_with('s');
        // `A reading above 50 indicates a level`, `The firm handles a roster`: a word in
        // `-s` with an object after it is a verb, and ends the phrase.
        if plural && !cap && w.ends_with('s') && object_follows(f, w_span.end) {
            break;
        }
        start.get_or_insert(w_span.start);
        prev_word = Some(w_span);
        prev_plural = plural;
        at = w_span.end;
        words += 1;
        if plural {
            // A plural used as a modifier of another plural: `police officers`,
            // `arms dealers`.
            if let Some(n) = f.next(at).filter(|n| n.is_word() && n.span.start > at) {
                let nw = n.text(text);
                let mut b2 = [0u8; 24];
                let nl = scan::lower(nw, &mut b2).unwrap_or("");
                if !cap
                    && is_plural_modifier(lw)
                    && !scan::is_capitalised(nw)
                    && !is_stop(nl)
                    && looks_plural(nl)
                    && !is_measure_word(nl)
                {
                    let unit = Span::new(n.span.start, n.span.end);
                    return Some(NounPhrase {
                        span: Span::new(start.unwrap_or(w_span.start), n.span.end),
                        unit,
                        plural: true,
                    });
                }
            }
            // `Iranian and non-Iranians` (the head right after the conjunction): two
            // nouns, as written; `natural and man-made disasters`, `music and movie
            // stars`: modifiers of one head, which is the unit.
            let unit = match coord_from {
                Some(c) if after_conj == Some(w_span.start) => Span::new(c, w_span.end),
                _ => w_span,
            };
            let np = NounPhrase {
                span: Span::new(start.unwrap_or(w_span.start), w_span.end),
                unit,
                plural: true,
            };
            // A capitalised word in `s` may be a name used as a modifier (`two Texas bank
            // accounts`, `10,000 Hearts fans`): go on if a noun follows.
            let goes_on = cap
                && f.next(at).is_some_and(|n| {
                    let mut b2 = [0u8; 24];
                    n.is_word()
                        && !is_stop(scan::lower(n.text(text), &mut b2).unwrap_or("and"))
                        && !super::number::is_number_word(n.text(text))
                        && !n.text(text).starts_with(|c: char| c.is_ascii_digit())
                });
            if !goes_on {
                return Some(np);
            }
            // `the last 16 of the Champions League`: a name goes on, with no head.
            if !f
                .next(at)
                .is_some_and(|n| scan::is_capitalised(n.text(text)))
            {
                fallback.get_or_insert(np);
            }
        }
    }
    if fallback.is_some() {
        return fallback;
    }
    let last = prev_word?;
    Some(NounPhrase {
        span: Span::new(start.unwrap_or(last.start), last.end),
        unit: last,
        plural: false,
    })
}

/// The noun phrase of an earlier figure that a figure with no noun of its own shares,
/// in a coordination of clauses: `140,000 people were killed and five million left
/// homeless`, `191 people were killed and more than 2,000 injured`. `fig_start` is where
/// the figure starts (with its qualifier), `fig_end` where its number ends.
pub(crate) fn gapped_noun(
    f: &Figures<'_, '_>,
    fig_start: usize,
    fig_end: usize,
) -> Option<NounPhrase> {
    let text = f.text;
    let and = f
        .prev(fig_start)
        .filter(|t| t.is(text, "and") || t.is(text, "while") || t.is(text, "but"))?;
    if noun_phrase(f, fig_end, false).is_some_and(|np| np.plural) {
        return None;
    }
    // `three times more`, `5 per cent`, `12 of them`, `3 or 4`: no count of its own.
    if f.next(fig_end).is_some_and(|t| {
        let mut b = [0u8; 24];
        t.is_char(text, '%')
            || t.is_char(text, '-')
            || matches!(
                scan::lower(t.text(text), &mut b),
                Some(
                    "times"
                        | "percent"
                        | "per"
                        | "of"
                        | "more"
                        | "less"
                        | "fewer"
                        | "plus"
                        | "or"
                        | "to"
                        | "and"
                        | "fold"
                )
            )
    }) {
        return None;
    }
    let first = f.last_number_before(and.span.start)?;
    if first.form.year_like {
        return None;
    }
    let np = noun_phrase(
        f,
        first.span.end,
        matches!(first.amount, Amount::Vague { .. }),
    )
    .filter(|np| np.plural)?;
    // The first figure's clause goes on with a verb (`were killed`): a few words, no
    // punctuation and no other figure, up to the conjunction.
    let mut at = np.span.end;
    let mut words = 0;
    while let Some(t) = f.next(at) {
        if t.span.start >= and.span.start {
            break;
        }
        if !t.is_word() || words == 5 || t.text(text).starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        words += 1;
        at = t.span.end;
    }
    (words > 0).then_some(np)
}

// ---- exclusions ----------------------------------------------------------------------

/// Is this number a name, a reference or an identifier rather than a count?
/// `Resolution 2231`, `page 12`, `p. 12`, `[12]`, `No. 5`, `F-16`.
pub(crate) fn is_reference(f: &Figures<'_, '_>, n: &NumberMatch<'_>) -> bool {
    if n.form.name_hyphen || n.form.code_prefix {
        return true;
    }
    let text = f.text;
    // `Six Nations`, `the Three Gorges Dam`, `Group of Seven`: a capitalised number word
    // inside a sentence (not its first word) is part of a name.
    if n.form.words
        && !n.form.digits
        && scan::is_capitalised(n.text)
        && f.prev(n.span.start).is_some_and(|p| p.is_word())
    {
        let prev_is_qualifier =
            qualifier_before(f, n.span.start).is_some_and(|(s, _)| f.prev(s).is_none());
        if !prev_is_qualifier && !n.text.chars().all(|c| !c.is_lowercase()) {
            return true;
        }
    }
    if let Some(p) = f.prev(n.span.start) {
        if p.is_char(text, '[') && f.next(n.span.end).is_some_and(|t| t.is_char(text, ']')) {
            return true;
        }
        if p.is_char(text, '.') {
            if let Some(pp) = f.prev(p.span.start) {
                let mut buf = [0u8; 24];
                if matches!(
                    scan::lower(pp.text(text), &mut buf),
                    Some(
                        "p" | "pp"
                            | "no"
                            | "nos"
                            | "vol"
                            | "fig"
                            | "ch"
                            | "art"
                            | "sec"
                            | "para"
                            | "nr"
                            | "op"
                            | "ed"
                    )
                ) {
                    return true;
                }
            }
        }
        if p.is_word() {
            let w = p.text(text);
            let mut buf = [0u8; 24];
            if scan::lower(w, &mut buf).is_some_and(is_reference_word) {
                return true;
            }
            // A capitalised word before a number, not the first word of the sentence:
            // `Channel 4`, `Resolution 2231`, `Boeing 737` (the word before it looked for
            // last).
            if scan::is_capitalised(w)
                && !w.ends_with("'s")
                && !w.ends_with("’s")
                && !is_month(w)
                && f.prev(p.span.start).is_some()
            {
                return true;
            }
        }
    }
    false
}

word_set! {
    /// Words after which a number names or locates something (`page 12`, `Resolution
    /// 2231`, `flight 1900`) rather than counting it; in lowercase.
    pub(crate) fn is_reference_word, REFERENCE_WORDS, REFERENCE_SHAPES = [
        "page",
        "pages",
        "p",
        "pp",
        "para",
        "paragraph",
        "chapter",
        "section",
        "article",
        "articles",
        "clause",
        "figure",
        "fig",
        "table",
        "item",
        "line",
        "verse",
        "footnote",
        "note",
        "version",
        "edition",
        "v",
        "no",
        "number",
        "nos",
        "vol",
        "volume",
        "issue",
        "episode",
        "season",
        "room",
        "flight",
        "route",
        "highway",
        "channel",
        "resolution",
        "decree",
        "amendment",
        "level",
        "grade",
        "phase",
        "stage",
        "round",
        "step",
        "rule",
        "act",
        "code",
        "tel",
        "phone",
        "fax",
        "ext",
        "gate",
        "platform",
        "block",
        "ward",
        "district",
        "zone",
        "sector",
        "camp",
        "unit",
        "division",
        "brigade",
        "battalion",
        "regiment",
        "corps",
        "squadron",
        "bill",
        "law",
        "box",
        "suite",
        "apartment",
        "building",
        "floor",
        "lot",
        "plot",
        "annex",
        "appendix",
        "exhibit",
    ]
}

word_set! {
    /// A month name or its abbreviation, in lowercase.
    fn is_month_name, MONTH_NAMES, MONTH_SHAPES = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
}

/// A month name or its abbreviation, in any case, with or without periods after it.
pub(crate) fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    // Most words are no month: ruled out by their first letter and length before they
    // are lowercased.
    if !fits(&MONTH_SHAPES, w) {
        return false;
    }
    let mut buf = [0u8; 24];
    scan::lower(w, &mut buf).is_some_and(is_month_name)
}

/// True when a number sits in a date: next to a month name (`August 30, 1981`, `30 August`)
/// or a weekday.
pub(crate) fn in_date(f: &Figures<'_, '_>, n: &NumberMatch<'_>) -> bool {
    let near = |t: Option<Token>| t.is_some_and(|t| t.is_word() && is_month(t.text(f.text)));
    if near(f.prev(n.span.start)) || near(f.next(n.span.end)) {
        return true;
    }
    // `August 30, 1981`: the year after a month and a day.
    if let Some(c) = f.prev(n.span.start).filter(|t| t.is_char(f.text, ',')) {
        if let Some(d) = f.prev(c.span.start) {
            if d.is_word()
                && d.text(f.text).bytes().all(|b| b.is_ascii_digit())
                && near(f.prev(d.span.start))
            {
                return true;
            }
        }
    }
    false
}

/// The words that begin a sentence-level determiner or preposition before a year:
/// `the 1988 massacres`, `in 2016 protests`.
pub(crate) fn year_determiner(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        scan::lower(w, &mut buf),
        Some(
            "the"
                | "a"
                | "an"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "in"
                | "since"
                | "of"
                | "by"
                | "during"
                | "until"
                | "after"
                | "before"
                | "from"
                | "to"
                | "through"
                | "till"
                | "for"
                | "this"
                | "that"
                | "last"
                | "next"
                | "early"
                | "mid"
                | "late"
        )
    ) || w.ends_with("'s")
        || w.ends_with("’s")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<R>(text: &str, f: impl FnOnce(&Figures<'_, '_>) -> R) -> R {
        let ctx = SentenceContext {
            text,
            span: Span::new(0, text.len()),
            index: 0,
            protected: &[],
            mentions: &[],
            reference_date: None,
        };
        let figs = Figures::new(&ctx, Vec::new());
        f(&figs)
    }

    #[test]
    fn word_sets_as_lists() {
        type Set = (&'static [&'static str], fn(&str) -> bool);
        let sets: [Set; 2] = [(STOP_WORDS, is_stop), (REFERENCE_WORDS, is_reference_word)];
        for (words, is) in sets {
            for w in words {
                assert!(is(w), "{w}");
                let others = [
                    format!("{w}s"),
                    format!("x{w}"),
                    w[1..].to_string(),
                    w.to_uppercase(),
                    format!("{w}é"),
                ];
                for o in others {
                    assert_eq!(is(&o), words.contains(&o.as_str()), "{o}");
                }
            }
            for w in ["", "people", "&", "é", "officials", "x".repeat(40).as_str()] {
                assert_eq!(is(w), words.contains(&w), "{w}");
            }
        }
    }

    #[test]
    fn hedge_ends_numbered() {
        for (k, w) in HEDGE_ENDS.iter().enumerate() {
            assert_eq!(hedge_end(w), Some(k as u8), "{w}");
        }
        for (k, (words, _)) in BEFORE.iter().enumerate() {
            let last = words[words.len() - 1];
            assert_eq!(hedge_end(last), Some(BEFORE_ENDS[k]), "{last}");
        }
        assert_eq!(hedge_end("people"), None);
        let mut words: Vec<String> = Vec::new();
        for w in HEDGE_ENDS
            .iter()
            .chain(["people", "", "é", "o", "thans", "Approx", "X"].iter())
        {
            words.push(w.to_string());
            words.push(w.to_ascii_uppercase());
            words.push(format!("{w}s"));
            words.push(format!("{w}\u{301}"));
            words.push(w.chars().skip(1).collect());
        }
        for w in &words {
            let mut buf = [0u8; 24];
            let reference = scan::lower(w, &mut buf).and_then(hedge_end);
            let text = format!("a {w} 5 and more text after it");
            let span = Span::new(2, 2 + w.len());
            assert_eq!(hedge_end_at(&text, span), reference, "{w}");
            assert_eq!(hedge_end_at(w, Span::new(0, w.len())), reference, "{w}");
        }
    }

    #[test]
    fn months_as_before() {
        const MONTHS: &[&str] = MONTH_NAMES;
        let reference = |w: &str| {
            let t = w.trim_end_matches('.');
            t.is_ascii() && MONTHS.contains(&t.to_ascii_lowercase().as_str())
        };
        let mut words: Vec<String> = Vec::new();
        for m in MONTHS {
            words.push(m.to_string());
            words.push(m.to_uppercase());
            words.push(format!("{m}."));
            words.push(format!("{m}.."));
            words.push(format!("{m}s"));
            words.push(m[1..].to_string());
        }
        for w in [
            "",
            ".",
            "Mayo",
            "JUNE.",
            "ma",
            "Décembre",
            "people",
            "Jüne",
            "m",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(is_month(w), reference(w), "{w:?}");
        }
    }

    #[test]
    fn last_number_before() {
        // Numbers at 0..2, 7..8 and 13..15.
        let text = "12 and 5 and 40.";
        let cases = [
            (0, None),
            (1, None),
            (2, Some(0)),
            (7, Some(0)),
            (8, Some(7)),
            (14, Some(7)),
            (15, Some(13)),
            (99, Some(13)),
        ];
        for (end, want) in cases {
            let got = with(text, |f| f.last_number_before(end).map(|n| n.span.start));
            assert_eq!(got, want, "{end}");
        }
        assert!(with("no figures", |f| f.last_number_before(5).is_none()));
    }

    #[test]
    fn qualifiers() {
        for (text, q) in [
            ("at least 30", Some(("at least", Qualifier::AtLeast))),
            (
                "no fewer than 30",
                Some(("no fewer than", Qualifier::AtLeast)),
            ),
            ("some 17,000", Some(("some", Qualifier::Approximately))),
            ("Over 300", Some(("Over", Qualifier::MoreThan))),
            (
                "an estimated 5",
                Some(("an estimated", Qualifier::Approximately)),
            ),
            ("upwards of 5", Some(("upwards of", Qualifier::MoreThan))),
            ("close to 5", Some(("close to", Qualifier::Nearly))),
            ("up to 5", Some(("up to", Qualifier::AtMost))),
            ("no more than 5", Some(("no more than", Qualifier::AtMost))),
            ("fewer than 5", Some(("fewer than", Qualifier::LessThan))),
            ("talked about 5", None),
            ("pushed claims up to 5", None),
            ("brought the total up to 5", None),
            ("rose up to 5", None),
            ("went up to 5", None),
            ("could take up to 5", Some(("up to", Qualifier::AtMost))),
            ("may go up to 5", Some(("up to", Qualifier::AtMost))),
            (
                "can boost speeds up to 5",
                Some(("up to", Qualifier::AtMost)),
            ),
            ("by up to 5", Some(("up to", Qualifier::AtMost))),
            ("killed up to 5", Some(("up to", Qualifier::AtMost))),
            ("killed 5", None),
        ] {
            with(text, |f| {
                let n = f.nums.last().unwrap();
                let got =
                    qualifier_before(f, n.span.start).map(|(s, q)| (&text[s..n.span.start], q));
                assert_eq!(got.map(|(s, q)| (s.trim_end(), q)), q, "{text}");
            });
        }
        with("30 years or more", |f| {
            let t = f.next(2).unwrap(); // years
            assert_eq!(
                qualifier_after(f, t.span.end).map(|x| x.1),
                Some(Qualifier::AtLeast)
            );
        });
        with("30,000-plus", |f| {
            assert_eq!(qualifier_after(f, 6).map(|x| x.1), Some(Qualifier::AtLeast))
        });
    }

    #[test]
    fn noun_phrases() {
        for (text, allow_of, span, unit) in [
            (
                "6 other senior officials on",
                false,
                "senior officials",
                "officials",
            ),
            (
                "300 accounts, pages and groups",
                false,
                "accounts",
                "accounts",
            ),
            ("3,500 MEK exiles and", false, "MEK exiles", "exiles"),
            (
                "3 leading Washington lobbying firms –",
                false,
                "leading Washington lobbying firms",
                "firms",
            ),
            (
                "1000 of Iranian and non-Iranians.",
                true,
                "Iranian and non-Iranians",
                "Iranian and non-Iranians",
            ),
            ("3 men hired by", false, "men", "men"),
            ("2 sides dance", false, "sides", "sides"),
            (
                "300 MEK-linked accounts;",
                false,
                "MEK-linked accounts",
                "accounts",
            ),
            ("2 of the men", false, "men", "men"),
            (
                "2 Texas bank accounts",
                false,
                "Texas bank accounts",
                "accounts",
            ),
            ("3 Israelis died", false, "Israelis", "Israelis"),
            ("3 Americans hired by", false, "Americans", "Americans"),
            ("2 Hearts fans", false, "Hearts fans", "fans"),
        ] {
            with(text, |f| {
                let n = &f.nums[0];
                let np = noun_phrase(f, n.span.end, allow_of).unwrap();
                assert_eq!(
                    (&text[np.span], &text[np.unit], np.plural),
                    (span, unit, true),
                    "{text}"
                );
            });
        }
        with("12 were killed", |f| {
            assert!(noun_phrase(f, 2, false).is_none())
        });
        with("13 of them", |f| {
            assert!(noun_phrase(f, 2, false).is_none())
        });
        with("16 of the Champions League", |f| {
            assert!(noun_phrase(f, 2, false).is_none_or(|np| !np.plural))
        });
    }

    #[test]
    fn references() {
        for (text, yes) in [
            ("see page 12", true),
            ("see p. 12", true),
            ("a note [12] here", true),
            ("under Resolution 2231 the", true),
            ("Channel 4 News", true),
            ("England lost the Six Nations", true),
            ("Over Six Nations", false),
            ("“Two people died”", false),
            ("Facebook’s 300 accounts", false),
            ("he had 300 accounts", false),
            ("Over 300 accounts", false),
        ] {
            with(text, |f| {
                assert_eq!(is_reference(f, &f.nums[0]), yes, "{text}")
            });
        }
    }
}
