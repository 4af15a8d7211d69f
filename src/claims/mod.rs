//! Numeric claims: money, dates, casualty figures, counts, percentages and durations.
//!
//! Recognisers run over one sentence at a time (a [`SentenceContext`]) and push [`Claim`]s
//! with spans in the coordinates of the text they were given; the extractor maps them back
//! to the original input and links them to the entities of their sentence.

mod date;
pub mod number;
mod scan;
mod value;

use std::borrow::Cow;

use serde::Serialize;

use crate::span::Span;

pub use self::value::{Date, Number, Time, Value, YearGrain, days_in_month};

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

/// The claim recognisers, compiled once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Recognizers {}

impl Recognizers {
    pub(crate) fn new() -> Recognizers {
        Recognizers {}
    }

    /// Pushes the claims of one sentence to `out`, in text order.
    pub(crate) fn find<'t>(&self, ctx: &SentenceContext<'t, '_>, out: &mut Vec<Claim<'t>>) {
        date::find(ctx, out);
    }
}
