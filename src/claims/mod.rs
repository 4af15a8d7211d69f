//! Numeric claims: money, dates, casualty figures, counts, percentages and durations.
//!
//! Recognisers run over one sentence at a time (a [`SentenceContext`]) and push [`Claim`]s
//! with spans in the coordinates of the text they were given; the extractor maps them back
//! to the original input and links them to the entities of their sentence.
//!
//! The sentence's numbers are found once by the shared parser ([`number`]); the money,
//! percent, duration, casualty and quantity recognisers read the words around each, and
//! the date recogniser reads the sentence itself. Candidates that overlap are then settled
//! once: money before percent, date, duration, casualty and quantity, then the longer span,
//! then the earlier one; so a number read as money, a percentage, a date or a duration is
//! not also a count. Claims come out sorted by start.

mod anchors;
mod casualty;
mod context;
mod date;
mod duration;
mod money;
pub mod number;
mod percent;
mod quantity;
mod scan;
mod value;
mod wordmap;

pub(crate) use wordmap::WordMap;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::span::Span;

pub use self::value::{Date, Number, Season, Time, Value, YearGrain, YearPart, days_in_month};

/// The kind of a claim (SPEC §3).
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimKind {
    /// An amount of money, `value` in units of `currency`.
    Money,
    /// A date or a range of dates.
    Date,
    /// People killed, dead, wounded, injured, executed, assassinated or missing.
    Casualty,
    /// A count of things or people that is not a casualty figure.
    Quantity,
    /// A percentage, `value` in percent.
    Percent,
    /// A length of time, `value` in `unit`s.
    Duration,
}

impl ClaimKind {
    /// The kind as written in the output (`"money"` …).
    pub fn as_str(&self) -> &'static str {
        match self {
            ClaimKind::Money => "money",
            ClaimKind::Date => "date",
            ClaimKind::Casualty => "casualty",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Percent => "percent",
            ClaimKind::Duration => "duration",
        }
    }
}

/// A hedge on a figure (SPEC §3); the claim span includes its words.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// about, around, some, roughly, an estimated
    Approximately,
    /// at least, no fewer than
    AtLeast,
    /// more than, over, upwards of
    MoreThan,
    /// nearly, almost, close to
    Nearly,
    /// up to, at most, no more than
    AtMost,
    /// less than, fewer than, under
    LessThan,
}

/// What happened to the people a casualty figure counts.
#[derive(Clone, Copy, Debug, Eq, Hash, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// killed
    Killed,
    /// dead, died
    Dead,
    /// wounded
    Wounded,
    /// injured
    Injured,
    /// executed
    Executed,
    /// assassinated
    Assassinated,
    /// missing, disappeared
    Missing,
}

/// One numeric claim.
///
/// `span` points into the original input; `text` is the decoded text of the claim.
/// `value` is null for ranges and vague amounts, which set `min` and `max` instead.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim<'a> {
    /// Where the claim is, in the original input.
    pub span: Span,
    /// The decoded text of the claim.
    pub text: &'a str,
    /// What kind of figure it is.
    pub kind: ClaimKind,
    /// The normalised value, if the claim gives one.
    pub value: Option<Value>,
    /// The lower bound of a range or a vague amount.
    pub min: Option<Value>,
    /// The upper bound of a range or a vague amount.
    pub max: Option<Value>,
    /// The ISO 4217 currency code, for money.
    pub currency: Option<&'static str>,
    /// The hedge on the figure, if any.
    pub qualifier: Option<Qualifier>,
    /// The counted noun of a quantity, or the unit of a duration (`year` …).
    pub unit: Option<Cow<'a, str>>,
    /// What happened to the people of a casualty figure.
    pub outcome: Option<Outcome>,
    /// The noun phrase a casualty figure counts (`Iranians`).
    pub victims: Option<Cow<'a, str>>,
    /// True for a date the text gives relative to another (`last week`).
    pub relative: bool,
    /// The index of the claim's sentence in [`Document::sentences`](crate::Document::sentences).
    pub sentence: usize,
}

impl<'a> Claim<'a> {
    /// A claim of `kind` over `text[span]`, with no value yet.
    pub fn new(kind: ClaimKind, text: &'a str, span: Span) -> Claim<'a> {
        Claim {
            span,
            text: &text[span],
            kind,
            value: None,
            min: None,
            max: None,
            currency: None,
            qualifier: None,
            unit: None,
            outcome: None,
            victims: None,
            relative: false,
            sentence: 0,
        }
    }
}

/// What a recogniser sees of one sentence.
#[derive(Clone, Copy, Debug)]
pub struct SentenceContext<'t, 'c> {
    /// The whole (decoded) text of the document.
    pub text: &'t str,
    /// The sentence, in `text`.
    pub span: Span,
    /// The index of the sentence in the document.
    pub index: usize,
    /// URLs and e-mail addresses of the document (sorted): nothing inside them is a claim.
    pub protected: &'c [Span],
    /// The entity mentions of the sentence (sorted): a number inside a name is not a claim.
    pub mentions: &'c [Span],
    /// The date that relative dates are resolved against.
    pub reference_date: Option<Date>,
}

/// The claim recognisers. Their tables and automata are compiled once, on first use.
#[derive(Clone, Debug, Default)]
pub(crate) struct Recognizers {}

impl Recognizers {
    pub(crate) fn new() -> Recognizers {
        Recognizers {}
    }

    /// Pushes the claims of one sentence to `out`, in text order.
    #[cfg(test)]
    pub(crate) fn find<'t>(&self, ctx: &SentenceContext<'t, '_>, out: &mut Vec<Claim<'t>>) {
        self.find_with(ctx, &mut Buffers::default(), out);
    }

    /// [`find`](Self::find), with buffers kept from one sentence to the next.
    pub(crate) fn find_with<'t>(
        &self,
        ctx: &SentenceContext<'t, '_>,
        buffers: &mut Buffers<'t>,
        out: &mut Vec<Claim<'t>>,
    ) {
        let from = out.len();
        let figures =
            context::Figures::new_in(ctx, std::mem::take(&mut buffers.nums), &mut buffers.anchors);
        date::find_with(ctx, figures.cues, &mut buffers.dates, out);
        if !figures.nums.is_empty() {
            money::find(&figures, out);
            percent::find(&figures, out);
            duration::find(&figures, out);
            if figures.cues & anchors::CASUALTY != 0 {
                casualty::find(&figures, out);
            }
            quantity::find(&figures, out);
        }
        buffers.nums = figures.nums;
        if out.len() > from + 1 {
            arbitrate(out, from, &mut buffers.cands);
        }
    }
}

/// Buffers of [`Recognizers::find_with`], for the sentences of one text.
#[derive(Debug, Default)]
pub(crate) struct Buffers<'t> {
    nums: Vec<number::NumberMatch<'t>>,
    cands: Vec<Claim<'t>>,
    dates: date::Scratch,
    anchors: number::Anchors,
}

/// The rank of a kind when claims overlap: lower wins.
fn rank(kind: ClaimKind) -> u8 {
    match kind {
        ClaimKind::Money => 0,
        ClaimKind::Percent => 1,
        ClaimKind::Date => 2,
        ClaimKind::Duration => 3,
        ClaimKind::Casualty => 4,
        ClaimKind::Quantity => 5,
    }
}

/// Keeps, of the claims in `out[from..]`, a set that does not overlap: by kind
/// ([`rank`]), then the longer span, then the earlier; sorted by start. A date that is a
/// bare year inside a count of things (`2000 members`) gives way to the count.
fn arbitrate<'t>(out: &mut Vec<Claim<'t>>, from: usize, cands: &mut Vec<Claim<'t>>) {
    if out.len() - from <= SMALL {
        arbitrate_small(out, from);
    } else {
        arbitrate_general(out, from, cands);
    }
}

/// The most claims [`arbitrate_small`] settles.
const SMALL: usize = 32;

/// Is `c` a bare year (four digits) given as a date?
fn is_year_date(c: &Claim<'_>) -> bool {
    c.kind == ClaimKind::Date && c.text.len() == 4 && c.text.bytes().all(|b| b.is_ascii_digit())
}

/// [`arbitrate`] for at most [`SMALL`] claims (the usual case), on their indices: the
/// claims themselves move only once, to their final place, where sorting and keeping
/// them would move each several times (a claim is some 250 bytes).
fn arbitrate_small(out: &mut Vec<Claim<'_>>, from: usize) {
    let tail = &out[from..];
    debug_assert!(tail.len() <= SMALL);
    // The candidates (claims with a span), by index into `tail`.
    let mut order = [0u8; SMALL];
    let mut m = 0;
    for (i, c) in tail.iter().enumerate().take(SMALL) {
        if !c.span.is_empty() {
            order[m] = i as u8;
            m += 1;
        }
    }
    // A bare year inside a count of things gives way (see `arbitrate_general`).
    let mut counts = [Span::default(); SMALL];
    let mut nc = 0;
    for &i in &order[..m] {
        let c = &tail[usize::from(i)];
        if c.kind == ClaimKind::Quantity && c.unit.is_some() {
            counts[nc] = c.span;
            nc += 1;
        }
    }
    if nc > 0 {
        let counts = &mut counts[..nc];
        counts.sort_unstable();
        let mut reach = [0usize; SMALL];
        let mut r = 0;
        for (k, q) in counts.iter().enumerate() {
            r = r.max(q.end);
            reach[k] = r;
        }
        let inside_count = |s: Span| match counts.partition_point(|q| q.start <= s.start) {
            0 => false,
            i => reach[i - 1] >= s.end,
        };
        let mut w = 0;
        for k in 0..m {
            let c = &tail[usize::from(order[k])];
            if !(is_year_date(c) && inside_count(c.span)) {
                order[w] = order[k];
                w += 1;
            }
        }
        m = w;
    }
    let order = &mut order[..m];
    order.sort_by(|&a, &b| {
        let (a, b) = (&tail[usize::from(a)], &tail[usize::from(b)]);
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept = [0u8; SMALL];
    let mut nk = 0;
    for &i in order.iter() {
        let s = tail[usize::from(i)].span;
        if !kept[..nk]
            .iter()
            .any(|&j| tail[usize::from(j)].span.overlaps(s))
        {
            kept[nk] = i;
            nk += 1;
        }
    }
    let kept = &mut kept[..nk];
    kept.sort_by_key(|&j| {
        (
            tail[usize::from(j)].span.start,
            tail[usize::from(j)].span.end,
        )
    });
    // Moves the kept claims to the front in their order: `at[p]` is the index of the
    // claim now at place `p`, `place[i]` the place of the claim of index `i`.
    let mut at: [u8; SMALL] = std::array::from_fn(|i| i as u8);
    let mut place = at;
    for (t, &i) in kept.iter().enumerate() {
        let p = usize::from(place[usize::from(i)]);
        if p != t {
            out.swap(from + t, from + p);
            let (it, ip) = (at[t], at[p]);
            at[t] = ip;
            at[p] = it;
            place[usize::from(ip)] = t as u8;
            place[usize::from(it)] = p as u8;
        }
    }
    out.truncate(from + nk);
}

/// [`arbitrate`] for any number of claims.
fn arbitrate_general<'t>(out: &mut Vec<Claim<'t>>, from: usize, cands: &mut Vec<Claim<'t>>) {
    cands.clear();
    cands.extend(out.drain(from..).filter(|c| !c.span.is_empty()));
    // The counts of things, sorted by start, with the furthest end reached so far: a
    // span lies inside one of them if the furthest end among those starting at or
    // before it reaches its end.
    let mut year_counts: Vec<Span> = cands
        .iter()
        .filter(|c| c.kind == ClaimKind::Quantity && c.unit.is_some())
        .map(|c| c.span)
        .collect();
    if !year_counts.is_empty() {
        year_counts.sort_unstable();
        let mut reach = 0;
        let reach: Vec<usize> = year_counts
            .iter()
            .map(|q| {
                reach = reach.max(q.end);
                reach
            })
            .collect();
        let inside_count = |s: Span| match year_counts.partition_point(|q| q.start <= s.start) {
            0 => false,
            i => reach[i - 1] >= s.end,
        };
        cands.retain(|c| !(is_year_date(c) && inside_count(c.span)));
    }
    cands.sort_by(|a, b| {
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Few candidates (the usual case) are checked against those kept by a scan. Many
    // (hostile input) go through the spans kept so far, by start: they do not overlap,
    // so their ends grow with their starts, and a candidate overlaps one of them exactly
    // when it overlaps the last one that starts before the candidate ends.
    if cands.len() <= 32 {
        for c in cands.drain(..) {
            if !out[from..].iter().any(|k| k.span.overlaps(c.span)) {
                out.push(c);
            }
        }
    } else {
        let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
        for c in cands.drain(..) {
            let clash = kept
                .range(..c.span.end)
                .next_back()
                .is_some_and(|(_, &end)| end > c.span.start);
            if !clash {
                kept.insert(c.span.start, c.span.end);
                out.push(c);
            }
        }
    }
    out[from..].sort_by_key(|c| (c.span.start, c.span.end));
}

/// Removes the elements at `indices` (increasing) from `v`, in one pass over the elements
/// from the first index on only (a sentence's claims sit at the end of the document's).
pub(crate) fn remove_sorted<T>(v: &mut Vec<T>, indices: &[usize]) {
    let Some(&first) = indices.first() else {
        return;
    };
    let mut kept = first;
    let mut k = 0;
    for r in first..v.len() {
        if indices.get(k) == Some(&r) {
            k += 1;
        } else {
            v.swap(kept, r);
            kept += 1;
        }
    }
    v.truncate(kept);
}

#[cfg(test)]
#[test]
fn small_arbitration_as_general() {
    let text = "1999 2000 members and 12 years, 3 dates 2021 x 45 5000 people 1988 2010 ab";
    let kinds = [
        ClaimKind::Money,
        ClaimKind::Percent,
        ClaimKind::Date,
        ClaimKind::Duration,
        ClaimKind::Casualty,
        ClaimKind::Quantity,
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    for round in 0..20_000 {
        let n = 2 + next(if round % 10 == 0 { 31 } else { 8 });
        let mut claims = Vec::new();
        for _ in 0..n {
            let start = next(text.len());
            let len = if next(8) == 0 {
                0
            } else {
                [4, 4, 2, 9, 1, 14][next(6)]
            };
            let end = (start + len).min(text.len());
            let mut c = Claim::new(kinds[next(6)], text, Span::new(start, end));
            if next(2) == 0 {
                c.unit = Some(Cow::Borrowed("members"));
            }
            c.sentence = next(1000);
            claims.push(c);
        }
        let from = next(3);
        let head: Vec<Claim<'_>> = (0..from)
            .map(|k| Claim::new(ClaimKind::Date, text, Span::new(k, k + 1)))
            .collect();
        let mut small = head.clone();
        small.extend(claims.iter().cloned());
        let mut general = small.clone();
        arbitrate_small(&mut small, from);
        arbitrate_general(&mut general, from, &mut Vec::new());
        assert_eq!(small, general, "round {round}");
    }
}

#[cfg(test)]
#[test]
fn removes_sorted_indices() {
    for n in 0..7usize {
        for mask in 0..(1u32 << n) {
            let indices: Vec<usize> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
            let mut got: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let want: Vec<String> = (0..n)
                .filter(|i| !indices.contains(i))
                .map(|i| i.to_string())
                .collect();
            remove_sorted(&mut got, &indices);
            assert_eq!(got, want, "{n} {indices:?}");
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Table tests of the recognisers: one sentence in, the claims of one kind out.

    use super::*;

    /// What a claim should be; values as decimal strings, `""` for none.
    #[derive(Debug)]
    pub(crate) struct Expect {
        text: &'static str,
        value: &'static str,
        min: &'static str,
        max: &'static str,
        currency: Option<&'static str>,
        unit: Option<&'static str>,
        qualifier: Option<Qualifier>,
        outcome: Option<Outcome>,
        victims: Option<&'static str>,
    }

    impl Expect {
        fn new(text: &'static str, value: &'static str) -> Expect {
            Expect {
                text,
                value,
                min: "",
                max: "",
                currency: None,
                unit: None,
                qualifier: None,
                outcome: None,
                victims: None,
            }
        }

        pub(crate) fn money(
            text: &'static str,
            value: &'static str,
            currency: &'static str,
        ) -> Expect {
            Expect {
                currency: Some(currency),
                ..Expect::new(text, value)
            }
        }

        pub(crate) fn percent(text: &'static str, value: &'static str) -> Expect {
            Expect::new(text, value)
        }

        pub(crate) fn duration(
            text: &'static str,
            value: &'static str,
            unit: &'static str,
        ) -> Expect {
            Expect {
                unit: Some(unit),
                ..Expect::new(text, value)
            }
        }

        pub(crate) fn quantity(
            text: &'static str,
            value: &'static str,
            unit: &'static str,
        ) -> Expect {
            Expect {
                unit: Some(unit),
                ..Expect::new(text, value)
            }
        }

        pub(crate) fn casualty(
            text: &'static str,
            value: &'static str,
            outcome: Outcome,
            victims: Option<&'static str>,
        ) -> Expect {
            Expect {
                outcome: Some(outcome),
                victims,
                ..Expect::new(text, value)
            }
        }

        pub(crate) fn bounds(self, min: &'static str, max: &'static str) -> Expect {
            Expect { min, max, ..self }
        }

        pub(crate) fn qualifier(self, q: Qualifier) -> Expect {
            Expect {
                qualifier: Some(q),
                ..self
            }
        }

        /// A claim with no unit (a count whose noun is left out).
        pub(crate) fn no_unit(self) -> Expect {
            Expect { unit: None, ..self }
        }
    }

    fn show(v: &Option<Value>) -> String {
        v.map(|v| v.to_string()).unwrap_or_default()
    }

    /// Runs every recogniser over `text` as one sentence and compares its claims of `kind`.
    pub(crate) fn check_kind(kind: ClaimKind, text: &str, want: &[Expect]) {
        let ctx = SentenceContext {
            text,
            span: Span::new(0, text.len()),
            index: 0,
            protected: &[],
            mentions: &[],
            reference_date: None,
        };
        let mut out = Vec::new();
        Recognizers::new().find(&ctx, &mut out);
        let got: Vec<String> = out
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                format!(
                    "{:?} value={} min={} max={} currency={:?} unit={:?} qualifier={:?} outcome={:?} victims={:?}",
                    c.text,
                    show(&c.value),
                    show(&c.min),
                    show(&c.max),
                    c.currency,
                    c.unit.as_deref(),
                    c.qualifier,
                    c.outcome,
                    c.victims.as_deref()
                )
            })
            .collect();
        let want: Vec<String> = want
            .iter()
            .map(|e| {
                format!(
                    "{:?} value={} min={} max={} currency={:?} unit={:?} qualifier={:?} outcome={:?} victims={:?}",
                    e.text, e.value, e.min, e.max, e.currency, e.unit, e.qualifier, e.outcome, e.victims
                )
            })
            .collect();
        assert_eq!(got, want, "in {text:?}");
        for c in &out {
            assert_eq!(&text[c.span], c.text);
        }
    }
}
