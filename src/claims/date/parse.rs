//! The date grammar: a hand-written parser over the tokens of one sentence.
//!
//! [`Parser::at`] tries every form that may start at a token and keeps the longest: ranges
//! (`from 1981 to 1986`), dates with a time of day (`at 5 p.m. on Sunday`), and single
//! dates, absolute (`August 30, 1981`, `1970s`) or relative (`last week`, `two days ago`).
//! Relative dates are resolved against the reference date when there is one.

use super::calendar::{self, Weekday, Ymd};
use super::lex::{Kind, Kw, Lex, Start, Tok, Unit, is_apostrophe};
use crate::claims::value::{Date, Season, Time, YearGrain, YearPart};

/// What a date expression stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum V {
    /// An absolute date, perhaps without its year (`Oct. 2`, `in January`).
    Abs(Date),
    /// A date relative to the reference date, resolved if there is one.
    Rel(Option<Date>),
}

/// A date claim found at a token: one date or a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Val {
    One(V),
    Range(V, V),
}

/// A candidate claim over tokens `s..e`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub(crate) s: usize,
    pub(crate) e: usize,
    pub(crate) val: Val,
}

/// A single date over tokens `s..e`.
#[derive(Clone, Copy, Debug)]
struct Pt {
    s: usize,
    e: usize,
    v: V,
    /// Known to the day (so a time of day can qualify it).
    day: bool,
}

impl Pt {
    fn new(s: usize, e: usize, v: V) -> Pt {
        let day = match v {
            V::Abs(d) | V::Rel(Some(d)) => d.day().is_some(),
            V::Rel(None) => false,
        };
        Pt { s, e, v, day }
    }

    fn rel_day(s: usize, e: usize, d: Option<Date>) -> Pt {
        Pt {
            s,
            e,
            v: V::Rel(d),
            day: true,
        }
    }
}

/// One end of a range: a date, or a bare day number that borrows its month from the other end
/// (`from 4 to 22 January`, `November 19-20`).
#[derive(Clone, Copy, Debug)]
enum End {
    Pt(Pt),
    Day(usize, u8),
}

impl End {
    fn e(&self) -> usize {
        match *self {
            End::Pt(p) => p.e,
            End::Day(e, _) => e,
        }
    }
}

fn better(a: Option<Pt>, b: Option<Pt>) -> Option<Pt> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.e > x.e { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−')
}

fn ymd_date(d: Ymd) -> Option<Date> {
    Date::ymd(d.y, d.m, d.d)
}

fn month_date(d: Ymd) -> Option<Date> {
    Date::year_month(d.y, d.m)
}

fn week_date(d: Ymd) -> Option<Date> {
    let (y, w) = d.iso_week();
    Date::iso_week(y, w)
}

fn weekend_date(d: Ymd) -> Option<Date> {
    let (y, w) = d.iso_week();
    Date::with_part(y, YearPart::Weekend(w))
}

/// A two-digit year: 00–29 are 20xx, 30–99 are 19xx.
fn expand_year2(n: u32) -> i32 {
    if n < 30 {
        2000 + n as i32
    } else {
        1900 + n as i32
    }
}

/// A sort key for comparing the ends of a range; `None` if they cannot be compared.
fn key(d: &Date) -> (i32, u8, u8) {
    (
        d.year_value().unwrap_or(0),
        d.month().unwrap_or(0),
        d.day().unwrap_or(0),
    )
}

/// The parser over one sentence.
pub(crate) struct Parser<'a> {
    text: &'a str,
    t: &'a [Tok],
    rf: Option<Ymd>,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, t: &'a [Tok], reference: Option<Date>) -> Parser<'a> {
        let rf = reference.and_then(|d| Ymd::new(d.year_value()?, d.month()?, d.day()?));
        let rf = rf.filter(|_| reference.is_some_and(|d| d.grain() == YearGrain::Year));
        Parser { text, t, rf }
    }

    /// The clause before token `i` speaks of the future (`will`, `'ll`, `shall`, `due to`,
    /// `scheduled`): a bare weekday is then the next one rather than the last.
    fn future_before(&self, i: usize) -> bool {
        let from = i.saturating_sub(10);
        let mut future = false;
        for k in from..i.min(self.t.len()) {
            match self.t[k].kind {
                Kind::Punct('.' | ',' | ';' | '!' | '?') => future = false,
                Kind::Word => {
                    let w = self.text_of(k);
                    if matches!(self.t[k].lex, Lex::Kw(Kw::Will | Kw::Shall | Kw::Ll))
                        || w.eq_ignore_ascii_case("scheduled")
                        || (w.eq_ignore_ascii_case("due") && self.is(k + 1, Kw::To))
                    {
                        future = true;
                    }
                }
                _ => {}
            }
        }
        future
    }

    // ---- token helpers -------------------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::Other, |k| k.lex)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        match self.lex(i) {
            Lex::Kw(k) => Some(k),
            _ => None,
        }
    }

    fn is(&self, i: usize, k: Kw) -> bool {
        self.kw(i) == Some(k)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_p(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    fn is_dash_at(&self, i: usize) -> bool {
        self.punct(i).is_some_and(is_dash)
    }

    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.glued)
    }

    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.kind == Kind::Num)
    }

    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.kind == Kind::Word)
    }

    fn text_of(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |k| &self.text[k.s..k.e])
    }

    /// A capitalised word the grammar does not know, not at the start of the sentence:
    /// likely part of a name (`Theresa May`, `Black Friday`, `Sunday Times`).
    fn name_word(&self, i: usize) -> bool {
        let Some(k) = self.tok(i) else { return false };
        let name_like = match k.lex {
            Lex::Other => true,
            Lex::Kw(kw) => matches!(
                kw,
                Kw::Count
                    | Kw::Class
                    | Kw::Election
                    | Kw::Season
                    | Kw::Verb
                    | Kw::Rise
                    | Kw::Magnitude
                    | Kw::New
            ),
            _ => false,
        };
        if k.kind != Kind::Word || !k.cap || !name_like {
            return false;
        }
        let first = self.t[..i].iter().all(|p| matches!(p.kind, Kind::Punct(_)));
        !first && self.text_of(i) != "I"
    }

    /// Token `i` starts a sentence or a clause (only punctuation before it, or a colon).
    fn clause_start(&self, i: usize) -> bool {
        let i = i.min(self.t.len());
        self.t[..i].iter().all(|p| matches!(p.kind, Kind::Punct(_)))
            || (i > 0 && matches!(self.punct(i - 1), Some(':' | ';' | '(' | '"' | '“' | '‘')))
    }

    /// A relative word written with a capital inside a sentence is a title (`Radio 4's Today
    /// programme`, `This Morning`, `Suddenly Last Summer`, `The Tomorrow People`).
    fn capital_title(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.cap) && !self.clause_start(i)
    }

    /// Token `i` is a number not glued to a wider numeral, a currency sign or letters before it.
    fn clean_start(&self, i: usize) -> bool {
        if i > 0 && matches!(self.punct(i - 1), Some('$' | '€' | '£' | '¥')) {
            return false;
        }
        if i == 0 || !self.glued(i) {
            return true;
        }
        match self.t[i - 1].kind {
            Kind::Word | Kind::Num => false,
            Kind::Punct(c) => match c {
                ',' | '.' | ':' | '/' => !(i >= 2 && self.glued(i - 1) && self.is_num(i - 2)),
                '$' | '€' | '£' | '¥' | '#' | '+' | '№' | '@' | '&' | '=' | '_' | '\\' | '*' => {
                    false
                }
                // COVID-19, Su-27; but mid-2019, 19-20.
                c if is_dash(c) => {
                    !(i >= 2
                        && self.glued(i - 1)
                        && self.is_word(i - 2)
                        && !matches!(
                            self.kw(i - 2),
                            Some(Kw::Mid | Kw::Pre | Kw::Post | Kw::Early | Kw::Late)
                        ))
                }
                _ => true,
            },
        }
    }

    /// Token `i` (a number) is not continued by decimals, digit groups, a percent sign, a
    /// time or letters.
    fn clean_end(&self, i: usize) -> bool {
        let j = i + 1;
        if !self.glued(j) {
            return true;
        }
        let num_next = self.is_num(j + 1) && self.glued(j + 1);
        match self.t[j].kind {
            Kind::Punct(',') => !(num_next && self.t[j + 1].len() == 3),
            Kind::Punct('.' | ':' | '/') => !num_next,
            Kind::Punct('%' | '$' | '€' | '£' | '+' | '@' | '_' | '\\') => false,
            Kind::Punct(_) => true,
            Kind::Word | Kind::Num => false,
        }
    }

    /// What follows a number makes it a count, not a date (`2000 people`, `1981 to 1,500`).
    fn count_follows(&self, j: usize) -> bool {
        let Some(k) = self.tok(j) else { return false };
        match k.kind {
            Kind::Punct('%') => true,
            Kind::Punct(_) | Kind::Num => false,
            Kind::Word => match k.lex {
                Lex::Kw(Kw::Count | Kw::Percent | Kw::Magnitude | Kw::Of) => true,
                Lex::Other => {
                    let w = self.text_of(j);
                    !k.cap
                        && w.len() >= 4
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && !w.ends_with("us")
                        && !w.ends_with("is")
                        && w.is_ascii()
                }
                _ => false,
            },
        }
    }

    /// A number followed by `to`/`-` and a number that is not a year: a change of a count
    /// (`from 1500 to 2000 members`).
    fn numeric_change_follows(&self, j: usize) -> bool {
        (self.is(j, Kw::To) || self.is_dash_at(j)) && self.is_num(j + 1) && {
            let k = &self.t[j + 1];
            k.len() != 4 || !(1000..=2100).contains(&k.n) || self.count_follows(j + 2)
        }
    }

    // ---- atoms ---------------------------------------------------------------------

    /// A day of the month at `i`: `30`, `30th`, `thirtieth`, `twenty-first`; with `card` 1
    /// also cardinal compounds (`twenty one`), with 2 single cardinals (`fifteen`).
    /// Returns the day, the end token and whether it was written as an ordinal.
    fn day_at(&self, i: usize, card: u8) -> Option<(u8, usize, bool)> {
        let k = self.tok(i)?;
        match (k.kind, k.lex) {
            (Kind::Num, _) => {
                if k.len() > 2 || !(1..=31).contains(&k.n) || !self.clean_start(i) {
                    return None;
                }
                if self.glued(i + 1) && self.lex(i + 1) == Lex::Suffix {
                    if self.glued(i + 2) && (self.is_word(i + 2) || self.is_num(i + 2)) {
                        return None;
                    }
                    return Some((k.n as u8, i + 2, true));
                }
                self.clean_end(i).then_some((k.n as u8, i + 1, false))
            }
            (Kind::Word, Lex::Ordinal(n)) => Some((n, i + 1, true)),
            (Kind::Word, Lex::Tens(t @ (20 | 30))) => {
                let mut j = i + 1;
                if self.is_dash_at(j) && self.glued(j) && self.glued(j + 1) {
                    j += 1;
                }
                match self.lex(j) {
                    Lex::Ordinal(u @ 1..=9) if t + u <= 31 => Some((t + u, j + 1, true)),
                    Lex::Card(u @ 1..=9) if card >= 1 && t + u <= 31 => Some((t + u, j + 1, false)),
                    _ if card >= 2 => Some((t, i + 1, false)),
                    _ => None,
                }
            }
            (Kind::Word, Lex::Card(n)) if card >= 2 && (1..=19).contains(&n) => {
                Some((n, i + 1, false))
            }
            _ => None,
        }
    }

    /// A four-digit year in `lo..=hi` at `i`.
    fn year_at(&self, i: usize, lo: u32, hi: u32) -> Option<(i32, usize)> {
        let k = self.tok(i)?;
        (k.kind == Kind::Num
            && k.len() == 4
            && (lo..=hi).contains(&k.n)
            && self.clean_start(i)
            && self.clean_end(i))
        .then_some((k.n as i32, i + 1))
    }

    /// A year after a month or day (`August 30, 1981`, `June of 2016`): `[,] [of|in] YYYY`,
    /// not a count (`May 2000 people`).
    fn trailing_year(&self, j: usize) -> Option<(i32, usize)> {
        let mut k = j;
        if self.is_p(k, ',') {
            k += 1;
        }
        if self.is(k, Kw::Of) || self.is(k, Kw::In) {
            k += 1;
        }
        let (y, e) = self.year_at(k, 1000, 2999)?;
        (!self.count_follows(e) && !self.numeric_change_follows(e)).then_some((y, e))
    }

    /// A month word at `i`, with a glued period (`Aug.`): the month, its end, and whether it
    /// is an abbreviation.
    fn month_at(&self, i: usize) -> Option<(u8, usize, bool)> {
        let Lex::Month(m, abbr) = self.lex(i) else {
            return None;
        };
        if self.glued(i) && (self.is_num(i - 1) || self.is_word(i - 1)) {
            return None;
        }
        let mut e = i + 1;
        // "Aug." (not at the end of the sentence, where the period ends it); "October. 2".
        if self.is_p(e, '.')
            && self.glued(e)
            && e + 1 < self.t.len()
            && (abbr || self.is_num(e + 1))
        {
            e += 1;
        }
        Some((m, e, abbr))
    }

    /// `(this|next|last|...) week` at `i` (with optional `of`, `the`, `-`): the shift in weeks.
    fn week_ref(&self, i: usize) -> Option<(i64, usize)> {
        let mut j = i;
        if self.is(j, Kw::Of) || self.is_dash_at(j) {
            j += 1;
        }
        if self.is(j, Kw::The) {
            j += 1;
        }
        let shift = match self.kw(j)? {
            Kw::This | Kw::Current => 0,
            Kw::Next | Kw::Coming | Kw::Following => 1,
            Kw::Last | Kw::Previous | Kw::Past => -1,
            _ => return None,
        };
        (self.lex(j + 1) == Lex::Unit(Unit::Week) && !self.text_of(j + 1).ends_with('s'))
            .then_some((shift, j + 2))
    }

    /// A relative shift word at `i`: `this` 0, `next` +1, `last` -1.
    fn shift_at(&self, i: usize) -> Option<i32> {
        match self.kw(i)? {
            Kw::This | Kw::Current => Some(0),
            Kw::Next | Kw::Coming => Some(1),
            Kw::Last | Kw::Past | Kw::Previous => Some(-1),
            _ => None,
        }
    }

    fn with_ref<F: FnOnce(Ymd) -> Option<Date>>(&self, f: F) -> Option<Date> {
        self.rf.and_then(f)
    }

    // ---- entry point ---------------------------------------------------------------

    /// Can a date start at token `i`? False where [`Self::at`] would find nothing for
    /// want of a first word: only numbers, apostrophes (`'80s`), and the words that the
    /// forms of [`Self::point`], [`Self::range`] and [`Self::time_at`] start with.
    /// The commonest of those words also need the next token that their forms need:
    /// a number after an apostrophe ([`Self::apostrophe_point`]); after `the`, a number,
    /// `last`, a unit of time, an ordinal or a tens word ([`Self::the_point`], the only
    /// form that starts with `the`); after `a` or `an`, a unit of time, `few` or `couple`
    /// ([`Self::ago_point`], through [`Self::count_at`]); after a cardinal word, a unit of
    /// time (`two weeks ago`: [`Self::ago_point`] again); after `new`, `year`
    /// ([`Self::holiday_point`]). A number needs a clean start ([`Self::clean_start`]:
    /// not `£5`, nor the `000` of `2,000`), which every form starting with a number
    /// checks first, except a time of day after an ISO `T` ([`Self::time_at`]).
    /// The token's [`Start`] class, read with it, settles most tokens at once.
    #[inline]
    pub(crate) fn may_start(&self, i: usize) -> bool {
        let Some(k) = self.tok(i) else { return false };
        match k.start {
            Start::Never => false,
            Start::Always => true,
            Start::Maybe => self.may_start_known(i, k),
        }
    }

    /// [`Self::may_start`] for token `i`, `k`, in full, whatever its start class.
    fn may_start_known(&self, i: usize, k: &Tok) -> bool {
        match (k.kind, k.lex) {
            (Kind::Num, _) => self.clean_start(i) || (i > 0 && self.is(i - 1, Kw::T)),
            (Kind::Punct(c), _) => is_apostrophe(c) && self.is_num(i + 1),
            (Kind::Word, Lex::Month(..) | Lex::Weekday(..) | Lex::Ordinal(_) | Lex::Tens(_)) => {
                true
            }
            (Kind::Word, Lex::Card(_)) => matches!(self.lex(i + 1), Lex::Unit(_)),
            (Kind::Word, Lex::Kw(Kw::New)) => self.lex(i + 1) == Lex::Unit(Unit::Year),
            (Kind::Word, Lex::Kw(Kw::The)) => {
                self.is_num(i + 1)
                    || matches!(
                        self.lex(i + 1),
                        Lex::Kw(Kw::Last) | Lex::Unit(_) | Lex::Ordinal(_) | Lex::Tens(_)
                    )
            }
            (Kind::Word, Lex::Kw(Kw::A | Kw::An)) => matches!(
                self.lex(i + 1),
                Lex::Unit(_) | Lex::Kw(Kw::Few | Kw::Couple)
            ),
            (Kind::Word, Lex::Kw(kw)) => kw.starts_date(),
            (Kind::Word, _) => false,
        }
    }

    /// The longest date expression starting at token `i`; `last_end` is the end of the
    /// previous claim (for lists: `in 1981 and 1986`).
    /// Each form is tried once: the point at `i` (and the point with its time) serves
    /// both as a date of its own and as the first end of a range.
    pub(crate) fn at(&self, i: usize, last_end: Option<usize>) -> Option<Cand> {
        let point = self.point(i, false, last_end);
        let point_with_time = self.time_after(point);
        let mut best: Option<Cand> = None;
        let mut offer = |c: Option<Cand>| {
            if let Some(c) = c {
                if best.is_none_or(|b| c.e > b.e) {
                    best = Some(c);
                }
            }
        };
        offer(self.range(i, last_end, point, point_with_time));
        offer(self.chain_range(i));
        offer(point_with_time.map(|p| Cand {
            s: p.s,
            e: p.e,
            val: Val::One(p.v),
        }));
        offer(self.time_then_point(i).map(|p| Cand {
            s: p.s,
            e: p.e,
            val: Val::One(p.v),
        }));
        best
    }

    /// A point, then a time of day qualifying it (`Sunday at 5 p.m.`, `10 May 2021 09:46:35 +0000`).
    fn point_with_time(&self, i: usize, last_end: Option<usize>) -> Option<Pt> {
        self.time_after(self.point(i, false, last_end))
    }

    /// The point `p`, with the time of day that follows it if it is a day.
    fn time_after(&self, p: Option<Pt>) -> Option<Pt> {
        let p = p?;
        if !p.day {
            return Some(p);
        }
        let mut j = p.e;
        if self.is_p(j, ',') {
            j += 1;
        }
        if self.is(j, Kw::At) {
            j += 1;
        }
        match self.time_at(j) {
            Some((t, e)) => Some(Pt {
                e,
                v: with_time(p.v, t),
                ..p
            }),
            None => Some(p),
        }
    }

    /// A time of day, then the day it falls on (`5 p.m. on Sunday`, `09:00 yesterday`).
    fn time_then_point(&self, i: usize) -> Option<Pt> {
        let (t, mut j) = self.time_at(i)?;
        if self.is_p(j, ',') {
            j += 1;
        }
        if self.is(j, Kw::On) {
            j += 1;
        }
        let p = self.point(j, false, None)?;
        p.day.then(|| Pt {
            s: i,
            e: p.e,
            v: with_time(p.v, t),
            day: true,
        })
    }

    /// A time of day at `i`: `5 p.m.`, `5pm`, `17:30`, `09:46:35 +0000`, `noon`.
    fn time_at(&self, i: usize) -> Option<(Time, usize)> {
        let k = self.tok(i)?;
        let (mut hour, mut minute, mut second);
        let mut j;
        let mut colon = false;
        match (k.kind, k.lex) {
            (Kind::Word, Lex::Kw(Kw::Noon)) => {
                return Some((
                    Time {
                        hour: 12,
                        minute: 0,
                        second: None,
                        offset_minutes: None,
                    },
                    i + 1,
                ));
            }
            (Kind::Word, Lex::Kw(Kw::Midnight)) => {
                return Some((
                    Time {
                        hour: 0,
                        minute: 0,
                        second: None,
                        offset_minutes: None,
                    },
                    i + 1,
                ));
            }
            (Kind::Num, _)
                if k.len() <= 2 && (self.clean_start(i) || (i > 0 && self.is(i - 1, Kw::T))) =>
            {
                hour = k.n;
                minute = 0u32;
                second = None;
                j = i + 1;
                let sep = |p: &Parser<'_>, j: usize| {
                    (p.is_p(j, ':') || p.is_p(j, '.'))
                        && p.glued(j)
                        && p.is_num(j + 1)
                        && p.glued(j + 1)
                        && p.t[j + 1].len() == 2
                };
                if sep(self, j) {
                    colon = self.is_p(j, ':');
                    minute = self.t[j + 1].n;
                    j += 2;
                    if self.is_p(j, ':') && sep(self, j) {
                        second = Some(self.t[j + 1].n);
                        j += 2;
                    }
                }
            }
            _ => return None,
        }
        // a.m. / p.m.
        let mut ampm = None;
        match self.kw(j) {
            Some(Kw::Am) => {
                ampm = Some(false);
                j += 1;
            }
            Some(Kw::Pm) => {
                ampm = Some(true);
                j += 1;
            }
            Some(Kw::A | Kw::P)
                if self.is_p(j + 1, '.') && self.glued(j + 1) && self.is(j + 2, Kw::M) =>
            {
                ampm = Some(self.is(j, Kw::P));
                j += 3;
                if self.is_p(j, '.') && self.glued(j) {
                    j += 1;
                }
            }
            _ => {}
        }
        if self.is_word(j) && self.glued(j) && !matches!(self.kw(j), Some(Kw::Z | Kw::Utc)) {
            return None;
        }
        match ampm {
            Some(pm) => {
                if !(1..=12).contains(&hour) || (!colon && minute != 0) {
                    return None;
                }
                hour = match (pm, hour) {
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, 12) => 0,
                    (false, h) => h,
                };
            }
            None if !colon || hour > 23 => return None,
            None => {}
        }
        if minute > 59 || second.is_some_and(|s| s > 60) {
            return None;
        }
        // Offset.
        let mut offset = None;
        if matches!(self.kw(j), Some(Kw::Utc)) || (self.is(j, Kw::Z) && self.glued(j)) {
            offset = Some(0);
            j += 1;
        } else if matches!(self.punct(j), Some('+' | '-' | '−'))
            && self.is_num(j + 1)
            && self.glued(j + 1)
        {
            let sign = if self.is_p(j, '+') { 1 } else { -1 };
            let n = &self.t[j + 1];
            if n.len() == 4 && n.n / 100 <= 14 && n.n % 100 < 60 {
                offset = Some(sign * (n.n / 100 * 60 + n.n % 100) as i16);
                j += 2;
            } else if n.len() == 2
                && n.n <= 14
                && self.is_p(j + 2, ':')
                && self.is_num(j + 3)
                && self.t[j + 3].len() == 2
                && self.t[j + 3].n < 60
            {
                offset = Some(sign * (n.n * 60 + self.t[j + 3].n) as i16);
                j += 4;
            }
        }
        // Named zones: EST, BST, local time.
        if offset.is_none() {
            let w = self.text_of(j);
            let named = [
                ("EST", Some(-300)),
                ("EDT", Some(-240)),
                ("CST", Some(-360)),
                ("CDT", Some(-300)),
                ("MST", Some(-420)),
                ("MDT", Some(-360)),
                ("PST", Some(-480)),
                ("PDT", Some(-420)),
                ("BST", Some(60)),
                ("CET", Some(60)),
                ("CEST", Some(120)),
                ("EET", Some(120)),
                ("IRST", Some(210)),
                ("IRDT", Some(270)),
                ("ET", None),
                ("PT", None),
                ("CT", None),
            ];
            if let Some((_, o)) = named.iter().find(|(z, _)| *z == w) {
                offset = *o;
                j += 1;
            } else if w.eq_ignore_ascii_case("local")
                && self.text_of(j + 1).eq_ignore_ascii_case("time")
            {
                j += 2;
            }
        }
        let time = Time {
            hour: hour as u8,
            minute: minute as u8,
            second: second.map(|s| s as u8),
            offset_minutes: offset,
        };
        Some((time, j))
    }

    // ---- single dates ----------------------------------------------------------------

    /// The longest single date at `i`. `loose` drops the context a bare year or month needs
    /// (inside `from … to …`).
    fn point(&self, i: usize, loose: bool, last_end: Option<usize>) -> Option<Pt> {
        let k = self.tok(i)?;
        match (k.kind, k.lex) {
            (Kind::Num, _) => better(self.num_point(i, loose, last_end), self.ago_point(i)),
            (Kind::Punct(c), _) if is_apostrophe(c) => self.apostrophe_point(i),
            (Kind::Punct(_), _) => None,
            (Kind::Word, Lex::Month(..)) => self.month_point(i, loose, last_end),
            (Kind::Word, Lex::Weekday(..)) => self.weekday_point(i, loose),
            (Kind::Word, Lex::Ordinal(_) | Lex::Tens(_)) => {
                better(self.ordinal_point(i), self.ago_point(i))
            }
            (Kind::Word, Lex::Card(_)) => self.ago_point(i),
            (Kind::Word, Lex::Kw(kw)) => match kw {
                Kw::The => self.the_point(i),
                Kw::A | Kw::An | Kw::Few => self.ago_point(i),
                Kw::Today | Kw::Tonight | Kw::Tomorrow | Kw::Yesterday => self.day_word_point(i),
                Kw::This
                | Kw::Next
                | Kw::Last
                | Kw::Past
                | Kw::Coming
                | Kw::Current
                | Kw::Previous => self.shift_point(i),
                Kw::Early | Kw::Mid | Kw::Middle | Kw::Late | Kw::Earlier | Kw::Later => {
                    self.modified_point(i)
                }
                Kw::Christmas
                | Kw::New
                | Kw::Halloween
                | Kw::Easter
                | Kw::Boxing
                | Kw::Valentine
                | Kw::Thanksgiving => self.holiday_point(i, loose),
                Kw::Q | Kw::H => self.quarter_point(i),
                Kw::Fiscal => self.fiscal_point(i),
                Kw::Spring | Kw::Summer | Kw::Autumn | Kw::Fall | Kw::Winter => {
                    self.season_point(i)
                }
                Kw::Now if loose => self
                    .rf
                    .map(|r| Pt::rel_day(i, i + 1, ymd_date(r)))
                    .or(Some(Pt::rel_day(i, i + 1, None))),
                _ => None,
            },
            (Kind::Word, _) => None,
        }
    }

    /// Dates starting with a number: numeric forms, `30 August 1981`, decades, centuries,
    /// bare years in context, `on 15`.
    fn num_point(&self, i: usize, loose: bool, last_end: Option<usize>) -> Option<Pt> {
        if !self.clean_start(i) {
            return None;
        }
        if self.glued(i + 1)
            && matches!(self.punct(i + 1), Some(c) if c == '/' || c == '.' || c == ',' || c == ':' || is_dash(c))
        {
            if let Some(Cand {
                s,
                e,
                val: Val::One(v),
            }) = self.chain(i, loose)
            {
                return Some(Pt::new(s, e, v));
            }
        }
        let mut best = None;
        // Day Month [Year]
        if let Some((d, mut j, ordinal)) = self.day_at(i, 0) {
            if self.is_p(j, '.') && !self.glued(j + 1) {
                j += 1; // "16. Nov. 2016"
            }
            let of = self.is(j, Kw::Of);
            if of {
                j += 1;
            }
            if let Some((m, me, _)) = self.month_at(j) {
                // "10 march on", "5 may be": verbs, unless "of" or an ordinal ties them.
                let verbish = (m == 5 || m == 3) && !self.t[j].cap;
                match self.trailing_year(me) {
                    Some((y, e)) => best = Date::ymd(y, m, d).map(|dt| Pt::new(i, e, V::Abs(dt))),
                    None if !verbish || of || ordinal => {
                        best = Date::month_day(m, d).map(|dt| Pt::new(i, me, V::Abs(dt)));
                    }
                    None => {}
                }
                if best.is_some() {
                    return best;
                }
            }
            if of {
                if let Some(p) = self.day_of_shifted_month(i, d, j) {
                    return Some(p);
                }
            }
            // "on 15", "on the 22nd" is in the_point.
            if i > 0
                && self.is(i - 1, Kw::On)
                && (j >= self.t.len()
                    || matches!(
                        self.tok(j).map(|k| k.kind),
                        Some(Kind::Punct('.' | '!' | '?'))
                    ))
            {
                best = Some(Pt::rel_day(
                    i,
                    j,
                    self.with_ref(|r| day_of_month_before(r, d)),
                ));
            }
        }
        let k = self.t[i];
        // Decades: 1970s, 1980's, the 80s.
        let s_at = |j: usize| {
            if self.glued(j) && self.is(j, Kw::S) {
                Some(j + 1)
            } else if self.glued(j)
                && self.punct(j).is_some_and(is_apostrophe)
                && self.glued(j + 1)
                && self.is(j + 1, Kw::S)
            {
                Some(j + 2)
            } else {
                None
            }
        };
        if k.n % 10 == 0 {
            if let Some(e) = s_at(i + 1) {
                if self.glued(e) && self.is_word(e) {
                    return None;
                }
                if k.len() == 4 && (1000..=2090).contains(&k.n) {
                    return Some(Pt::new(i, e, V::Abs(Date::decade(k.n as i32))));
                }
                let det = i > 0
                    && (self.is(i - 1, Kw::The)
                        || (matches!(self.kw(i - 1), Some(Kw::Early | Kw::Mid | Kw::Late))
                            && i > 1
                            && self.is(i - 2, Kw::The)));
                // the 1970s and 80s
                let listed = i > 0
                    && last_end == Some(i - 1)
                    && (matches!(self.kw(i - 1), Some(Kw::And | Kw::Or)) || self.is_p(i - 1, ','));
                if k.len() == 2 && (det || listed) {
                    let y = if k.n <= 10 {
                        2000 + k.n as i32
                    } else {
                        1900 + k.n as i32
                    };
                    return Some(Pt::new(i, e, V::Abs(Date::decade(y))));
                }
            }
        }
        // Centuries: 20th century, 21st-century.
        if k.len() <= 2
            && (1..=21).contains(&k.n)
            && self.glued(i + 1)
            && self.lex(i + 1) == Lex::Suffix
        {
            let mut j = i + 2;
            if self.is_dash_at(j) && self.glued(j) {
                j += 1;
            }
            if self.lex(j) == Lex::Unit(Unit::Century)
                && !self.text_of(j).ends_with('s')
                && !self.name_word(j + 1)
            {
                return Some(Pt::new(
                    i,
                    j + 1,
                    V::Abs(Date::century((k.n as i32 - 1) * 100)),
                ));
            }
        }
        // A bare year.
        if let Some((y, e)) = self.year_at(i, 1000, 2100) {
            if self.bare_year_ok(i, y, loose, last_end) {
                best = better(best, Some(Pt::new(i, e, V::Abs(Date::year(y)))));
            }
        }
        best
    }

    /// The context that makes a four-digit number a year.
    fn bare_year_ok(&self, i: usize, y: i32, loose: bool, last_end: Option<usize>) -> bool {
        let e = i + 1;
        if i > 0 && self.punct(i - 1) == Some('(') && self.punct(e) == Some(')') {
            return true;
        }
        if self.count_follows(e) && !self.verb_s_follows(e) || self.numeric_change_follows(e) {
            return false;
        }
        // 1200 GMT, 1700 local time: a time of day.
        let next = self.text_of(e);
        if self.is(e, Kw::Utc)
            || next.eq_ignore_ascii_case("local")
            || next.eq_ignore_ascii_case("hrs")
        {
            return false;
        }
        if loose {
            return true;
        }
        if i == 0 {
            return self.free_year(i, y);
        }
        let p = i - 1;
        // mid-2019, pre-2003
        if self.is_dash_at(p) && self.glued(p) && self.glued(i) && p > 0 {
            return matches!(
                self.kw(p - 1),
                Some(Kw::Mid | Kw::Pre | Kw::Post | Kw::Early | Kw::Late)
            );
        }
        // c. 1900
        if self.is_p(p, '.') && p > 0 && self.is(p - 1, Kw::Circa) {
            return true;
        }
        // lists: in 1981, 1986 and 1990
        let after_claim = last_end == Some(p)
            || (last_end == Some(i.saturating_sub(2)) && self.is_p(i.saturating_sub(2), ','));
        if after_claim
            && (matches!(self.kw(p), Some(Kw::And | Kw::Or))
                || matches!(self.punct(p), Some(',' | '&' | '/')))
        {
            return true;
        }
        match self.lex(p) {
            Lex::Kw(
                Kw::In
                | Kw::Since
                | Kw::Until
                | Kw::Till
                | Kw::Before
                | Kw::After
                | Kw::During
                | Kw::Through
                | Kw::Throughout
                | Kw::Circa
                | Kw::Early
                | Kw::Mid
                | Kw::Late
                | Kw::Fiscal
                | Kw::Spring
                | Kw::Summer
                | Kw::Autumn
                | Kw::Fall
                | Kw::Winter
                | Kw::From,
            ) => true,
            // "the year 2050"; not "New Year 1403", "fiscal year 1400" (another calendar)
            Lex::Unit(Unit::Year) => {
                !self.text_of(p).ends_with('s')
                    && (p == 0 || !self.is(p - 1, Kw::New))
                    && (1500..=2100).contains(&y)
            }
            Lex::Kw(Kw::Around) => !self.is_word(e) || y % 100 != 0,
            Lex::Kw(Kw::By) => p == 0 || !self.is(p - 1, Kw::Rise),
            Lex::Kw(Kw::Of) => {
                p > 0
                    && match self.lex(p - 1) {
                        Lex::Unit(Unit::Year | Unit::Quarter | Unit::Month) => true,
                        Lex::Month(..) => true,
                        Lex::Kw(k) => matches!(
                            k,
                            Kw::Spring
                                | Kw::Summer
                                | Kw::Autumn
                                | Kw::Fall
                                | Kw::Winter
                                | Kw::End
                                | Kw::Beginning
                                | Kw::Start
                                | Kw::Middle
                                | Kw::Half
                                | Kw::Class
                                | Kw::Election
                                | Kw::As
                        ),
                        _ => false,
                    }
            }
            Lex::Kw(Kw::The | Kw::A | Kw::An | Kw::Possessive | Kw::This) => {
                (1800..=2100).contains(&y) && self.is_word(e)
            }
            Lex::Kw(Kw::S)
                if p > 1 && self.glued(p) && self.punct(p - 1).is_some_and(is_apostrophe) =>
            {
                (1800..=2100).contains(&y) && self.is_word(e)
            }
            _ => self.free_year(i, y),
        }
    }

    /// A year with no preposition or determiner before it (`has made 2004 the most
    /// expensive year`, `including 2001 when`, `He said 2005 must be`, `2004 reinforces
    /// the trend`): a number from 1900 to 2100 where no count, amount, measure, list,
    /// time, name or code reading applies. The caller has ruled out a plural noun, a
    /// unit, `%` or a range of counts after it, a currency sign, decimals or digit groups.
    fn free_year(&self, i: usize, y: i32) -> bool {
        if !(1900..=2100).contains(&y) {
            return false;
        }
        let e = i + 1;
        if i > 0 {
            let p = i - 1;
            match self.t[p].kind {
                Kind::Num => return false,
                Kind::Punct(c) => {
                    if !matches!(
                        c,
                        ',' | ';' | ':' | '"' | '“' | '‘' | '\'' | '(' | '–' | '—' | '-'
                    ) || self.glued(i) && !matches!(c, '"' | '“' | '‘' | '\'' | '(')
                    {
                        return false;
                    }
                    // A list of counts: `1,500, 2000 and 2500`, `nine, 1950`.
                    if matches!(c, ',' | ';' | '(')
                        && p > 0
                        && (self.is_num(p - 1)
                            || matches!(self.lex(p - 1), Lex::Card(_) | Lex::Tens(_)))
                    {
                        return false;
                    }
                }
                Kind::Word => {
                    if self.name_word(p) {
                        return false; // `Windows 2000`, `Euro 2004`, `Box 1990`
                    }
                    match self.lex(p) {
                        Lex::Other => {
                            let mut buf = [0u8; 24];
                            let w =
                                crate::claims::scan::lower(self.text_of(p), &mut buf).unwrap_or("");
                            if counts_after(w) || crate::claims::context::is_reference_word(w) {
                                return false;
                            }
                        }
                        // `, and 1976 was drier`; not `1500 and 2000`, `between … and 2000`.
                        Lex::Kw(Kw::And | Kw::Or) => {
                            if p == 0
                                || self.is_num(p - 1)
                                || matches!(
                                    self.lex(p - 1),
                                    Lex::Card(_)
                                        | Lex::Tens(_)
                                        | Lex::Kw(Kw::Magnitude | Kw::Count | Kw::Percent)
                                )
                                || self.t[..p]
                                    .iter()
                                    .rev()
                                    .take(6)
                                    .any(|k| k.lex == Lex::Kw(Kw::Between))
                            {
                                return false;
                            }
                        }
                        Lex::Kw(Kw::Verb | Kw::Will | Kw::Shall | Kw::Ll) => {
                            let w = self.text_of(p);
                            if w.eq_ignore_ascii_case("has") || w.eq_ignore_ascii_case("had") {
                                return false; // `The party has 2000.`
                            }
                        }
                        _ => return false,
                    }
                }
            }
        }
        let Some(k) = self.tok(e) else {
            return y % 100 != 0;
        };
        let round = y % 100 == 0;
        match k.kind {
            Kind::Num => false,
            Kind::Punct(c) => {
                // `2000-strong`, `1950-seat`
                if is_dash(c) && k.glued && self.is_word(e + 1) && self.glued(e + 1) {
                    return false;
                }
                // A list of counts: `2000, 3000`
                if matches!(c, ',' | ';' | '/') && self.is_num(e + 1) {
                    let n = &self.t[e + 1];
                    if n.len() != 4 || !(1900..=2100).contains(&n.n) {
                        return false;
                    }
                }
                !round
            }
            Kind::Word => match k.lex {
                // `said 2000 was`, `2004 saw`; not `2000 were`, `2000 had`.
                Lex::Kw(Kw::Verb) => !["were", "had", "has"]
                    .iter()
                    .any(|w| self.text_of(e).eq_ignore_ascii_case(w)),
                Lex::Unit(_) | Lex::Card(_) | Lex::Tens(_) | Lex::Ordinal(_) | Lex::Suffix => false,
                Lex::Kw(
                    Kw::New
                    | Kw::Few
                    | Kw::Couple
                    | Kw::Ago
                    | Kw::Pm
                    | Kw::Am
                    | Kw::P
                    | Kw::M
                    | Kw::H
                    | Kw::Q
                    | Kw::Z
                    | Kw::T
                    | Kw::Over
                    | Kw::Percent
                    | Kw::Magnitude
                    | Kw::Count
                    | Kw::Of,
                ) => false,
                // `1500 a month`, `1900 or so`, `2000 and 3000`, `1999 to 2000 people`
                Lex::Kw(Kw::A | Kw::An) => !round && !matches!(self.lex(e + 1), Lex::Unit(_)),
                Lex::Kw(Kw::And | Kw::Or | Kw::To) => {
                    !round
                        && !self.is_num(e + 1)
                        && !matches!(self.lex(e + 1), Lex::Card(_) | Lex::Tens(_))
                        && !["more", "so", "fewer", "less", "over", "others", "other"]
                            .iter()
                            .any(|w| self.text_of(e + 1).eq_ignore_ascii_case(w))
                }
                Lex::Other => {
                    if round || k.cap && self.name_word(e) {
                        return false; // `1600 Pennsylvania Avenue`
                    }
                    let mut buf = [0u8; 24];
                    let w = crate::claims::scan::lower(self.text_of(e), &mut buf).unwrap_or("");
                    !counted_before(w)
                }
                _ => !round,
            },
        }
    }

    /// A word in `-s` after a number that is a verb, not a plural noun: an object follows
    /// (`2004 reinforces the trend`, `1999 gives us`), or it is a verb that takes a time
    /// as its subject and is no noun (`2005 looks better`, `2006 promises to be`).
    fn verb_s_follows(&self, j: usize) -> bool {
        self.lex(j) == Lex::Other
            && self.tok(j).is_some_and(|k| !k.cap)
            && ([
                "looks",
                "seems",
                "appears",
                "remains",
                "promises",
                "proves",
                "becomes",
                "represents",
                "brings",
                "begins",
            ]
            .iter()
            .any(|w| self.text_of(j).eq_ignore_ascii_case(w))
                || self.object_at(j + 1))
    }

    /// A determiner or an object pronoun at `j`.
    fn object_at(&self, j: usize) -> bool {
        match self.lex(j) {
            Lex::Kw(Kw::The | Kw::A | Kw::An | Kw::This | Kw::Possessive) => true,
            _ => [
                "it", "him", "them", "us", "me", "that", "these", "those", "no",
            ]
            .iter()
            .any(|w| self.text_of(j).eq_ignore_ascii_case(w)),
        }
    }

    /// `'80s`, `the '90s`.
    fn apostrophe_point(&self, i: usize) -> Option<Pt> {
        let j = i + 1;
        let k = self.tok(j)?;
        if !self.glued(j) || k.kind != Kind::Num || k.len() != 2 || k.n % 10 != 0 {
            return None;
        }
        if i > 0 && self.glued(i) && self.is_word(i - 1) {
            return None;
        }
        if self.glued(j + 1) && self.is(j + 1, Kw::S) && !(self.glued(j + 2) && self.is_word(j + 2))
        {
            let y = if k.n <= 10 {
                2000 + k.n as i32
            } else {
                1900 + k.n as i32
            };
            return Some(Pt::new(i, j + 2, V::Abs(Date::decade(y))));
        }
        None
    }

    /// Glued numeric forms: `1981-08-30`, `30/08/1981`, `2019-sep-1`, `Oct-2`, `3/2015`;
    /// year ranges `1981–86`, `2003/4`, `1981-1986`, `80-88 war`.
    fn chain(&self, i: usize, loose: bool) -> Option<Cand> {
        #[derive(Clone, Copy)]
        enum C {
            N(u32, usize),
            M(u8),
        }
        let mut comps: [(C, usize); 3] = [(C::M(0), 0); 3];
        let mut seps: [char; 2] = [' '; 2];
        let mut n = 0;
        let mut j = i;
        loop {
            let k = self.tok(j)?;
            let c = match (k.kind, k.lex) {
                (Kind::Num, _) if k.len() <= 4 => C::N(k.n, k.len()),
                (Kind::Word, Lex::Month(m, _)) => C::M(m),
                _ => return None,
            };
            if n == 3 {
                return None;
            }
            comps[n] = (c, j);
            n += 1;
            j += 1;
            // Abbreviation period inside: "Aug." is not a separator here.
            match self.punct(j) {
                Some(s)
                    if self.glued(j)
                        && (s == '/' || s == '.' || s == ',' || is_dash(s))
                        && self.glued(j + 1) =>
                {
                    let next_ok = self.is_num(j + 1) || matches!(self.lex(j + 1), Lex::Month(..));
                    if !next_ok {
                        break;
                    }
                    if n == 3 {
                        return None; // four parts: a version, an address, not a date
                    }
                    seps[n - 1] = s;
                    j += 1;
                }
                _ => break,
            }
        }
        if n < 2 {
            return None;
        }
        let end = j;
        // Nothing glued after (letters, more digits), except a time `T`.
        let iso_t =
            self.glued(end) && self.is(end, Kw::T) && self.is_num(end + 1) && self.glued(end + 1);
        if self.glued(end)
            && !iso_t
            && (self.is_word(end) || self.is_num(end))
            && self.lex(end) != Lex::Suffix
        {
            return None;
        }
        if self.glued(end) && matches!(self.punct(end), Some('%' | '$')) {
            return None;
        }
        let same_sep = n == 2 || seps[0] == seps[1] || (seps[1] == ',' && seps[0] != ',');
        if !same_sep || seps[0] == ',' {
            return None;
        }
        let s0 = seps[0];
        let one = |d: Option<Date>, e: usize| {
            d.map(|d| Cand {
                s: i,
                e,
                val: Val::One(V::Abs(d)),
            })
        };
        match n {
            3 => {
                let (a, b, c) = (comps[0].0, comps[1].0, comps[2].0);
                let date = match (a, b, c) {
                    (C::N(y, 4), C::N(m, 1..=2), C::N(d, 1..=2)) => {
                        Date::ymd(y as i32, m as u8, d as u8)
                    }
                    (C::N(a, 1..=2), C::N(b, 1..=2), C::N(y, l @ (2 | 4))) => {
                        if s0 == '.' && l == 2 {
                            return None;
                        }
                        let y = if l == 4 { y as i32 } else { expand_year2(y) };
                        let (dm, md) = (
                            Date::ymd(y, b as u8, a as u8),
                            Date::ymd(y, a as u8, b as u8),
                        );
                        if s0 == '.' { dm.or(md) } else { md.or(dm) }
                    }
                    _ => {
                        // One month word, a four-digit year, a day.
                        let mut month = None;
                        let mut year = None;
                        let mut day = None;
                        for (k, (c, _)) in comps.iter().take(3).enumerate() {
                            match *c {
                                C::M(m) if month.is_none() => month = Some(m),
                                C::N(y, 4) if year.is_none() => year = Some(y as i32),
                                C::N(v, 2) if k == 2 && year.is_none() && day.is_some() => {
                                    year = Some(expand_year2(v))
                                }
                                C::N(d, 1..=2) if day.is_none() => day = Some(d as u8),
                                _ => return None,
                            }
                        }
                        Date::ymd(year?, month?, day?)
                    }
                };
                let date = date?;
                if iso_t {
                    if let Some((t, e)) = self.time_at(end + 1) {
                        return one(Some(date.with_time(t)), e);
                    }
                }
                one(Some(date), end)
            }
            _ => {
                let (a, b) = (comps[0].0, comps[1].0);
                let num_b_len = match b {
                    C::N(_, l) => l,
                    _ => 0,
                };
                match (a, b) {
                    (C::N(y1, 4), C::N(y2, 4)) => {
                        let ok = (1000..=2100).contains(&y1)
                            && y2 > y1
                            && y2 - y1 <= 100
                            && s0 != '.'
                            && s0 != ',';
                        (ok && !self.count_follows(end)).then(|| Cand {
                            s: i,
                            e: end,
                            val: Val::Range(
                                V::Abs(Date::year(y1 as i32)),
                                V::Abs(Date::year(y2 as i32)),
                            ),
                        })
                    }
                    (C::N(y, 4), C::N(v, l @ 1..=2)) => {
                        if s0 == '.' || s0 == ',' || !(1000..=2100).contains(&y) {
                            return None;
                        }
                        let p = 10u32.pow(l as u32);
                        let cand = y - y % p + v;
                        let padded = l == 2 && self.text_of(comps[1].1).starts_with('0');
                        if cand > y && !padded && !self.count_follows(end) {
                            return Some(Cand {
                                s: i,
                                e: end,
                                val: Val::Range(
                                    V::Abs(Date::year(y as i32)),
                                    V::Abs(Date::year(cand as i32)),
                                ),
                            });
                        }
                        if (1..=12).contains(&v) && (s0 == '/' || s0 == '-') {
                            return one(Date::year_month(y as i32, v as u8), end);
                        }
                        None
                    }
                    (C::N(m, 1..=2), C::N(y, 4)) if s0 == '/' => {
                        one(Date::year_month(y as i32, m as u8), end)
                    }
                    (C::N(a, 2), C::N(b, 2)) if is_dash(s0) && b > a && self.era_follows(end) => {
                        Some(Cand {
                            s: i,
                            e: end,
                            val: Val::Range(
                                V::Abs(Date::year(expand_year2(a))),
                                V::Abs(Date::year(expand_year2(b))),
                            ),
                        })
                    }
                    (C::N(a, 1..=2), C::N(b, 1..=2)) => {
                        // A day without its year: 4/22, 22/04, 7.6 after a weekday.
                        let b2 = num_b_len == 2;
                        let prev = i.checked_sub(1).map(|p| self.lex(p));
                        // "from 4/1 to 5/2 favourite": betting odds, not dates.
                        let ctx = (loose && (b2 || s0 != '/'))
                            || matches!(prev, Some(Lex::Weekday(..)))
                            || (s0 != '.'
                                && matches!(
                                    prev,
                                    Some(Lex::Kw(Kw::On | Kw::Since | Kw::Until | Kw::Till))
                                ))
                            || (s0 == '.' && b2 && prev == Some(Lex::Kw(Kw::On)))
                            || (s0 == '/' && b2);
                        if !ctx || num_b_len == 0 || self.count_follows(end) {
                            return None;
                        }
                        let (a, b) = (a as u8, b as u8);
                        one(Date::month_day(a, b).or_else(|| Date::month_day(b, a)), end)
                    }
                    (C::M(m), C::N(d, 1..=2)) if s0 != '.' && s0 != ',' => {
                        one(Date::month_day(m, d as u8), end)
                    }
                    (C::M(m), C::N(y, 4)) if s0 != '.' && s0 != ',' => {
                        one(Date::year_month(y as i32, m), end)
                    }
                    (C::N(d, 1..=2), C::M(m)) if s0 != '.' && s0 != ',' => {
                        one(Date::month_day(m, d as u8), end)
                    }
                    _ => None,
                }
            }
        }
    }

    /// A word naming a period of history after `80-88`: `war`, `era`, `season`, `crisis`.
    fn era_follows(&self, j: usize) -> bool {
        matches!(self.kw(j), Some(Kw::Class | Kw::Season | Kw::Election))
    }

    /// A range written as one glued chain (`1981–86`), when it starts at `i`.
    fn chain_range(&self, i: usize) -> Option<Cand> {
        if !self.is_num(i) || !self.clean_start(i) {
            return None;
        }
        match self.chain(i, false) {
            Some(
                c @ Cand {
                    val: Val::Range(..),
                    ..
                },
            ) => Some(c),
            _ => None,
        }
    }

    /// Dates starting with a month: `August 30, 1981`, `April 1992`, `Oct. 2`, `in January`.
    fn month_point(&self, i: usize, loose: bool, last_end: Option<usize>) -> Option<Pt> {
        let (m, me, abbr) = self.month_at(i)?;
        let cap = self.t[i].cap;
        let lower_may = m == 5 && !cap;
        if self.glued(i + 1) && matches!(self.punct(i + 1), Some(c) if c == '/' || is_dash(c)) {
            if let Some(Cand {
                s,
                e,
                val: Val::One(v),
            }) = self.chain(i, loose)
            {
                return Some(Pt::new(s, e, v));
            }
        }
        // May Day
        if m == 5
            && cap
            && self.lex(i + 1) == Lex::Unit(Unit::Day)
            && self.t[i + 1].cap
            && !self.text_of(i + 1).ends_with('s')
        {
            return match self.trailing_year(i + 2) {
                Some((y, e)) => Date::ymd(y, 5, 1).map(|d| Pt::new(i, e, V::Abs(d))),
                None => Date::month_day(5, 1).map(|d| Pt::new(i, i + 2, V::Abs(d))),
            };
        }
        let mut best = None;
        // Month [,] [the] Day [[,] [of] Year]
        let mut k = me;
        let comma = self.is_p(k, ',');
        if comma {
            k += 1;
        }
        let the = self.is(k, Kw::The);
        if the {
            k += 1;
        }
        if let Some((d, de, ordinal)) = self.day_at(k, 1) {
            let word_day = !self.is_num(k);
            let compound = word_day && de > k + 1;
            let ok = (ordinal || !(comma || the))
                && !(comma && (the || word_day))
                && (!lower_may || ordinal || compound)
                && (ordinal
                    || word_day
                    || !self.count_follows(de)
                    || (i > 0 && self.is(i - 1, Kw::On)));
            if ok {
                best = match self.trailing_year(de) {
                    Some((y, e)) => Date::ymd(y, m, d).map(|dt| Pt::new(i, e, V::Abs(dt))),
                    None => Date::month_day(m, d).map(|dt| Pt::new(i, de, V::Abs(dt))),
                };
                // Feb 30: not a date at all
                best?;
            }
        }
        // Month [,] [of] Year
        if !lower_may {
            if let Some((y, e)) = self.trailing_year(me) {
                best = better(
                    best,
                    Date::year_month(y, m).map(|dt| Pt::new(i, e, V::Abs(dt))),
                );
            }
        }
        if best.is_some() {
            return best;
        }
        // Month next year, Month of last year.
        let mut j = me;
        if self.is(j, Kw::Of) {
            j += 1;
        }
        if let Some(s) = self.shift_at(j) {
            if self.lex(j + 1) == Lex::Unit(Unit::Year)
                && !self.text_of(j + 1).ends_with('s')
                && !lower_may
            {
                let v = self.with_ref(|r| Date::year_month(r.y + s, m));
                return Some(Pt::new(i, j + 2, V::Rel(v)));
            }
        }
        // The month alone.
        self.month_alone_ok(i, m, abbr, loose, last_end)
            .then(|| Pt::new(i, me, V::Abs(Date::month_only(m).unwrap_or(Date::year(0)))))
    }

    /// Whether a month name with no day or year is a date here.
    fn month_alone_ok(
        &self,
        i: usize,
        m: u8,
        abbr: bool,
        loose: bool,
        last_end: Option<usize>,
    ) -> bool {
        let k = self.t[i];
        if m == 5 && !k.cap {
            return false;
        }
        if loose {
            return true;
        }
        let ctx = i > 0
            && match self.lex(i - 1) {
                Lex::Kw(
                    Kw::In
                    | Kw::Since
                    | Kw::Until
                    | Kw::Till
                    | Kw::Before
                    | Kw::After
                    | Kw::During
                    | Kw::Through
                    | Kw::Throughout
                    | Kw::From
                    | Kw::Early
                    | Kw::Mid
                    | Kw::Late
                    | Kw::By,
                ) => true,
                Lex::Kw(Kw::Of) => {
                    i > 1
                        && matches!(
                            self.lex(i - 2),
                            Lex::Unit(Unit::Month)
                                | Lex::Kw(
                                    Kw::End | Kw::Beginning | Kw::Start | Kw::Middle | Kw::Half
                                )
                        )
                }
                Lex::Kw(Kw::And | Kw::Or) => last_end == Some(i - 1),
                Lex::Other => false,
                _ => self.is_dash_at(i - 1) && self.glued(i) && i > 1 && self.is(i - 2, Kw::Mid),
            };
        if ctx {
            return true;
        }
        if abbr || m == 5 || m == 3 || !k.cap && m == 8 {
            return false;
        }
        // A full month name: not part of a name (`April Ryan`, `Operation August`).
        (i == 0 || !self.name_word(i - 1)) && !self.name_word(i + 1)
    }

    /// Dates starting with a weekday: `Monday, August 30, 1981`, `Thursday the 21st`,
    /// `Sunday`, `Friday next week`.
    fn weekday_point(&self, i: usize, loose: bool) -> Option<Pt> {
        let Lex::Weekday(w, abbr) = self.lex(i) else {
            return None;
        };
        if self.glued(i) && i > 0 && (self.is_word(i - 1) || self.is_num(i - 1)) {
            return None;
        }
        let mut j = i + 1;
        if self.is_p(j, '.') && self.glued(j) {
            j += 1;
        }
        if self.is_p(j, ',') || self.is_p(j, '(') || self.is_dash_at(j) {
            j += 1;
        }
        // Weekday + a date with its day.
        let dated = match self.tok(j).map(|k| (k.kind, k.lex)) {
            Some((Kind::Num, _)) => self
                .num_point(j, true, None)
                .filter(|p| p.day && matches!(p.v, V::Abs(_))),
            Some((Kind::Word, Lex::Month(..))) => self.month_point(j, true, None).filter(|p| p.day),
            Some((Kind::Word, Lex::Ordinal(_) | Lex::Tens(_))) => {
                self.ordinal_point(j).filter(|p| p.day)
            }
            _ => None,
        };
        if let Some(p) = dated {
            let mut e = p.e;
            if (self.is_p(i + 1, '(') || self.is_p(j - 1, '(')) && self.is_p(e, ')') {
                e += 1;
            }
            return Some(Pt { s: i, e, ..p });
        }
        // "the Friday matches", "a Sunday lunchtime", "every Monday": no particular day.
        if i > 0 {
            let w = self.text_of(i - 1);
            if matches!(self.kw(i - 1), Some(Kw::The | Kw::A | Kw::An))
                || w.eq_ignore_ascii_case("every")
                || w.eq_ignore_ascii_case("each")
            {
                return None;
            }
        }
        // Weekday the Nth.
        if self.is(i + 1, Kw::The) {
            if let Some((d, e, _)) = self.day_at(i + 2, 2) {
                return Some(Pt::rel_day(
                    i,
                    e,
                    self.with_ref(|r| weekday_and_day(r, w, d)),
                ));
            }
        }
        if !self.weekday_alone_ok(i, abbr, loose) {
            return None;
        }
        let mut e = if abbr && self.is_p(i + 1, '.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        if let Some((shift, we)) = self.week_ref(e) {
            e = we;
            return Some(Pt::rel_day(
                i,
                e,
                self.with_ref(|r| ymd_date(r.add_days(7 * shift)?.in_same_week(w)?)),
            ));
        }
        let future = self.future_before(i);
        Some(Pt::rel_day(
            i,
            e,
            self.with_ref(|r| {
                ymd_date(if future {
                    r.on_or_after(w)?
                } else {
                    r.on_or_before(w)?
                })
            }),
        ))
    }

    /// Whether a weekday name on its own is a date here (not `Black Friday`, `Sunday Times`).
    fn weekday_alone_ok(&self, i: usize, abbr: bool, loose: bool) -> bool {
        let prev = i.checked_sub(1);
        let prev_kw = prev.and_then(|p| self.kw(p));
        let prep = matches!(
            prev_kw,
            Some(
                Kw::On
                    | Kw::Since
                    | Kw::Until
                    | Kw::Till
                    | Kw::By
                    | Kw::Before
                    | Kw::After
                    | Kw::From
                    | Kw::To
                    | Kw::Through
                    | Kw::Early
                    | Kw::Late
                    | Kw::Last
                    | Kw::Next
                    | Kw::This
                    | Kw::Past
                    | Kw::Coming
                    | Kw::Previous
            )
        );
        if abbr {
            let w = self.text_of(i);
            let risky = !self.t[i].cap && matches!(w, "sat" | "sun" | "wed" | "mon");
            return (prev_kw == Some(Kw::On) || loose) && !risky;
        }
        if prev.is_some_and(|p| self.name_word(p) || self.is(p, Kw::Easter)) {
            return false;
        }
        prep || loose || !self.name_word(i + 1)
    }

    /// Dates starting with an ordinal word: `fourth of May`, `second Sunday`, `the first
    /// Friday of July` (after `the`), `first quarter of 2019`, `twentieth century`.
    fn ordinal_point(&self, i: usize) -> Option<Pt> {
        // Nth weekday [of|in month]
        if let Lex::Ordinal(n @ 1..=5) = self.lex(i) {
            if let Lex::Weekday(w, false) = self.lex(i + 1) {
                return self.nth_weekday_point(i, n, w, i + 2);
            }
            if let Some(p) = self.part_after_ordinal(i, n) {
                return Some(p);
            }
        }
        if let Lex::Ordinal(n @ 1..=21) = self.lex(i) {
            if self.lex(i + 1) == Lex::Unit(Unit::Century)
                && !self.text_of(i + 1).ends_with('s')
                && !self.name_word(i + 2)
            {
                return Some(Pt::new(
                    i,
                    i + 2,
                    V::Abs(Date::century((i32::from(n) - 1) * 100)),
                ));
            }
        }
        let (d, e, ordinal) = self.day_at(i, 0)?;
        if !ordinal || !self.is(e, Kw::Of) {
            return None;
        }
        let j = e + 1;
        if let Some((m, me, _)) = self.month_at(j) {
            return match self.trailing_year(me) {
                Some((y, ye)) => Date::ymd(y, m, d).map(|dt| Pt::new(i, ye, V::Abs(dt))),
                None => Date::month_day(m, d).map(|dt| Pt::new(i, me, V::Abs(dt))),
            };
        }
        self.day_of_shifted_month(i, d, j)
    }

    /// `(this|next|last) month` at `j` after day `d` and `of`: the 20th of next month.
    fn day_of_shifted_month(&self, i: usize, d: u8, j: usize) -> Option<Pt> {
        let s = self.shift_at(j)?;
        if self.lex(j + 1) != Lex::Unit(Unit::Month) || self.text_of(j + 1).ends_with('s') {
            return None;
        }
        let v = self.with_ref(|r| {
            let m = Ymd::new(r.y, r.m, 1)?.add_months(s)?;
            ymd_date(Ymd::new(m.y, m.m, d)?)
        });
        Some(Pt::rel_day(i, j + 2, v))
    }

    /// `first Friday [of July | of next month | in this month]` from the ordinal at `i`
    /// (`n` 0 is the last: `the last Friday of May`).
    fn nth_weekday_point(&self, i: usize, n: u8, w: Weekday, j: usize) -> Option<Pt> {
        if self.is(j, Kw::Of) || self.is(j, Kw::In) {
            let k = j + 1;
            if let Some((m, me, _)) = self.month_at(k) {
                if let Some((y, ye)) = self.trailing_year(me) {
                    let v = nth_or_last(y, m, w, n).and_then(ymd_date)?;
                    return Some(Pt::new(i, ye, V::Abs(v)));
                }
                let v = self.with_ref(|r| {
                    let this = nth_or_last(r.y, m, w, n)?;
                    let d = if this > r {
                        nth_or_last(r.y - 1, m, w, n)?
                    } else {
                        this
                    };
                    ymd_date(d)
                });
                return Some(Pt::rel_day(i, me, v));
            }
            let mut k2 = k;
            if self.is(k2, Kw::The) {
                k2 += 1;
            }
            let s = match self.kw(k2) {
                Some(Kw::Following) => Some(1),
                _ => self.shift_at(k2),
            };
            if let Some(s) = s {
                if self.lex(k2 + 1) == Lex::Unit(Unit::Month)
                    && !self.text_of(k2 + 1).ends_with('s')
                {
                    let v = self.with_ref(|r| {
                        let m = Ymd::new(r.y, r.m, 1)?.add_months(s)?;
                        ymd_date(nth_or_last(m.y, m.m, w, n)?)
                    });
                    return Some(Pt::rel_day(i, k2 + 2, v));
                }
            }
            return None;
        }
        // Bare: this month's.
        Some(Pt::rel_day(
            i,
            j,
            self.with_ref(|r| ymd_date(nth_or_last(r.y, r.m, w, n)?)),
        ))
    }

    /// `first quarter of 2019`, `third-quarter 2016`, `first half of this year` after the
    /// ordinal `n` at `i`.
    fn part_after_ordinal(&self, i: usize, n: u8) -> Option<Pt> {
        let mut j = i + 1;
        if self.is_dash_at(j) {
            j += 1;
        }
        let part = match self.lex(j) {
            Lex::Unit(Unit::Quarter) if n <= 4 => YearPart::Quarter(n),
            Lex::Kw(Kw::Half) if n <= 2 => YearPart::Half(n),
            _ => return None,
        };
        if self.text_of(j).ends_with('s') {
            return None;
        }
        let mut k = j + 1;
        if self.is(k, Kw::Of) || self.is_p(k, ',') {
            k += 1;
        }
        if let Some((y, e)) = self.year_at(k, 1000, 2100) {
            return Date::with_part(y, part).map(|d| Pt::new(i, e, V::Abs(d)));
        }
        if let Some(s) = self.shift_at(k) {
            if self.lex(k + 1) == Lex::Unit(Unit::Year) && !self.text_of(k + 1).ends_with('s') {
                return Some(Pt::new(
                    i,
                    k + 2,
                    V::Rel(self.with_ref(|r| Date::with_part(r.y + s, part))),
                ));
            }
        }
        None
    }

    /// Dates starting with `the`: `the 27th`, `the 30th of August`, `the first Friday of
    /// July`, `the third quarter of 2016`, `the weekend`, `the week of November 30th`.
    fn the_point(&self, i: usize) -> Option<Pt> {
        let j = i + 1;
        // the last Friday of May
        if let (Some(Kw::Last), Lex::Weekday(w, false)) = (self.kw(j), self.lex(j + 1)) {
            if self.is(j + 2, Kw::Of) || self.is(j + 2, Kw::In) {
                return self
                    .nth_weekday_point(j, 0, w, j + 2)
                    .map(|p| Pt { s: i, ..p });
            }
        }
        if self.lex(j) == Lex::Unit(Unit::Day) && self.text_of(j) != "days" {
            let shift = match (self.kw(j + 1), self.kw(j + 2)) {
                (Some(Kw::Before), Some(Kw::Yesterday)) => -2,
                (Some(Kw::After), Some(Kw::Tomorrow)) => 2,
                _ => return None,
            };
            return Some(Pt::rel_day(
                i,
                j + 3,
                self.with_ref(|r| ymd_date(r.add_days(shift)?)),
            ));
        }
        if self.is_num(j) {
            if let Some(p) = self
                .num_point(j, true, None)
                .filter(|p| p.day && (self.is(j + 1, Kw::Of) || self.is(j + 2, Kw::Of)))
            {
                return Some(Pt { s: i, ..p });
            }
        }
        match self.lex(j) {
            Lex::Ordinal(_) | Lex::Tens(_) => {
                if let Some(p) = self.ordinal_point(j) {
                    return Some(Pt { s: i, ..p });
                }
            }
            Lex::Unit(Unit::Weekend) if !self.text_of(j).ends_with('s') => {
                let future = self.future_before(i);
                let v = self.with_ref(|r| {
                    if r.weekday() >= 6 || future {
                        weekend_date(r)
                    } else {
                        weekend_date(r.add_days(-7)?)
                    }
                });
                return Some(Pt::new(i, j + 1, V::Rel(v)));
            }
            Lex::Unit(Unit::Week) if !self.text_of(j).ends_with('s') && self.is(j + 1, Kw::Of) => {
                let p = self.point(j + 2, true, None)?;
                if !p.day {
                    return None;
                }
                let v = match p.v {
                    V::Abs(d) => match (d.year_value(), d.month(), d.day()) {
                        (Some(y), Some(m), Some(dd)) => {
                            V::Abs(Ymd::new(y, m, dd).and_then(week_date)?)
                        }
                        _ => return None,
                    },
                    V::Rel(d) => V::Rel(
                        d.and_then(|d| Ymd::new(d.year_value()?, d.month()?, d.day()?))
                            .and_then(week_date),
                    ),
                };
                return Some(Pt::new(i, p.e, v));
            }
            Lex::Unit(Unit::Month) if self.is(j + 1, Kw::Of) => {
                let p = self.month_point(j + 2, true, None)?;
                return Some(Pt { s: i, ..p });
            }
            _ => {}
        }
        // the 27th, the 21st.
        let (d, e, ordinal) = self.day_at(j, 1)?;
        let digits = self.is_num(j);
        if !(digits || (ordinal && d > 20)) {
            return None;
        }
        let closes = match self.tok(e) {
            None => true,
            Some(k) => {
                matches!(k.kind, Kind::Punct(c) if c != '%' && c != '-' && c != '/' && !is_apostrophe(c))
            }
        };
        (closes && !(self.glued(e) && self.is_num(e + 1)))
            .then(|| Pt::rel_day(i, e, self.with_ref(|r| day_of_month_before(r, d))))
    }

    /// `today`, `tomorrow`, `yesterday`, `tonight`, with a part of the day
    /// (`yesterday morning`).
    fn day_word_point(&self, i: usize) -> Option<Pt> {
        let shift = match self.kw(i)? {
            Kw::Today | Kw::Tonight => 0,
            Kw::Tomorrow => 1,
            Kw::Yesterday => -1,
            _ => return None,
        };
        // "USA Today", "Radio 4's Today programme": a name.
        if self.capital_title(i) {
            return None;
        }
        let mut e = i + 1;
        if matches!(
            self.kw(e),
            Some(Kw::Morning | Kw::Afternoon | Kw::Evening | Kw::Night)
        ) {
            e += 1;
        }
        // "two days from today", handled by ago_point; "the day after tomorrow" by the_point.
        Some(Pt::rel_day(
            i,
            e,
            self.with_ref(|r| ymd_date(r.add_days(shift)?)),
        ))
    }

    /// `this week`, `last month`, `next year`, `last Sunday`, `this May`, `last summer`,
    /// `next week Friday`, `this morning`, `last night`.
    fn shift_point(&self, i: usize) -> Option<Pt> {
        let s = self.shift_at(i)?;
        let j = i + 1;
        let plural = self.text_of(j).ends_with('s');
        if self.capital_title(i) {
            return None;
        }
        // "the last year", "the past week", "the next month": a stretch of time, or a time
        // told from another one; "previous year": from another one.
        let anaphoric = (s != 0 && i > 0 && self.is(i - 1, Kw::The)) || self.is(i, Kw::Previous);
        if anaphoric
            && matches!(self.lex(j), Lex::Unit(_))
            && !matches!(self.lex(j + 1), Lex::Weekday(..))
        {
            return None;
        }
        // "the last week of December"
        if matches!(self.lex(j), Lex::Unit(_)) && self.is(j + 1, Kw::Of) {
            return None;
        }
        match self.lex(j) {
            Lex::Unit(u) if !plural => {
                let e = j + 1;
                let v = match u {
                    Unit::Week => {
                        // next week Friday, next week on Friday, previous week - Monday
                        let mut k = e;
                        if self.is(k, Kw::On) || self.is_dash_at(k) {
                            k += 1;
                        }
                        if let Lex::Weekday(w, false) = self.lex(k) {
                            let v = self.with_ref(|r| {
                                ymd_date(r.add_days(7 * i64::from(s))?.in_same_week(w)?)
                            });
                            return Some(Pt::rel_day(i, k + 1, v));
                        }
                        self.with_ref(|r| week_date(r.add_days(7 * i64::from(s))?))
                    }
                    Unit::Weekend => self.with_ref(|r| weekend_date(r.add_days(7 * i64::from(s))?)),
                    Unit::Month => self.with_ref(|r| month_date(r.add_months(s)?)),
                    Unit::Year => self.with_ref(|r| Some(Date::year(r.y + s))),
                    Unit::Quarter => self.with_ref(|r| {
                        let q = r.add_months(3 * s)?;
                        Date::with_part(q.y, YearPart::Quarter((q.m - 1) / 3 + 1))
                    }),
                    Unit::Day | Unit::Fortnight | Unit::Decade | Unit::Century => return None,
                };
                Some(Pt::new(i, e, V::Rel(v)))
            }
            Lex::Weekday(w, _) => {
                if (self.glued(j + 1) && self.is_word(j + 1)) || self.is(i, Kw::Current) {
                    return None;
                }
                let v = self.with_ref(|r| {
                    ymd_date(match s {
                        0 => r.in_same_week(w)?,
                        1 => r.add_days(7)?.in_same_week(w)?,
                        _ => r.before(w)?,
                    })
                });
                Some(Pt::rel_day(i, j + 1, v))
            }
            Lex::Month(m, _) => {
                if m == 5 && !self.t[j].cap {
                    return None;
                }
                let (_, me, _) = self.month_at(j)?;
                let v = self.with_ref(|r| match s {
                    0 => Date::year_month(r.y, m),
                    1 => Date::year_month(if m > r.m { r.y } else { r.y + 1 }, m),
                    _ => Date::year_month(if m < r.m { r.y } else { r.y - 1 }, m),
                });
                Some(Pt::new(i, me, V::Rel(v)))
            }
            Lex::Kw(k @ (Kw::Spring | Kw::Summer | Kw::Autumn | Kw::Fall | Kw::Winter)) => {
                let season = season_of(k)?;
                let (start, end) = season_months(season);
                let v = self.with_ref(|r| {
                    let y = match s {
                        0 => r.y,
                        1 if start > r.m => r.y,
                        1 => r.y + 1,
                        _ if end < r.m && end >= start => r.y,
                        _ => r.y - 1,
                    };
                    Date::with_part(y, YearPart::Season(season))
                });
                Some(Pt::new(i, j + 1, V::Rel(v)))
            }
            Lex::Kw(Kw::Morning | Kw::Afternoon | Kw::Evening) if s == 0 => {
                Some(Pt::rel_day(i, j + 1, self.with_ref(ymd_date)))
            }
            Lex::Kw(Kw::Night) if s == -1 => Some(Pt::rel_day(
                i,
                j + 1,
                self.with_ref(|r| ymd_date(r.add_days(-1)?)),
            )),
            _ => None,
        }
    }

    /// `early 2010s`, `mid-1990s`, `late last year`, `earlier this month`, `mid-March`: the
    /// modifier is part of the span; the value is that of the date it modifies.
    fn modified_point(&self, i: usize) -> Option<Pt> {
        let mut j = i + 1;
        if self.is_dash_at(j) && self.glued(j) {
            j += 1;
        }
        let p = match self.tok(j).map(|k| (k.kind, k.lex)) {
            Some((Kind::Num, _)) => self.num_point(j, true, None),
            Some((Kind::Punct(c), _)) if is_apostrophe(c) => self.apostrophe_point(j),
            Some((Kind::Word, Lex::Month(..))) => self.month_point(j, true, None),
            Some((Kind::Word, Lex::Kw(Kw::This | Kw::Next | Kw::Last | Kw::Past | Kw::Coming))) => {
                self.shift_point(j)
            }
            Some((Kind::Word, Lex::Kw(Kw::The))) if matches!(self.lex(j + 1), Lex::Tens(_)) => None,
            _ => None,
        }?;
        if matches!(self.kw(i), Some(Kw::Earlier | Kw::Later)) && !matches!(p.v, V::Rel(_)) {
            return None;
        }
        if p.day {
            return None;
        }
        Some(Pt { s: i, ..p })
    }

    /// `two days ago`, `40 years ago`, `a month ago`, `two weeks from now`, `3 days from
    /// today`, `two days after today`.
    fn ago_point(&self, i: usize) -> Option<Pt> {
        let (n, j) = self.count_at(i)?;
        let u = match self.lex(j) {
            Lex::Unit(
                u @ (Unit::Day
                | Unit::Week
                | Unit::Fortnight
                | Unit::Month
                | Unit::Year
                | Unit::Decade),
            ) => u,
            _ => return None,
        };
        let e = j + 1;
        let (sign, anchor, end) = match self.kw(e) {
            Some(Kw::Ago) => (-1i64, 0i64, e + 1),
            Some(Kw::Hence) => (1, 0, e + 1),
            Some(Kw::From) => match self.kw(e + 1) {
                Some(Kw::Now | Kw::Today) => (1, 0, e + 2),
                Some(Kw::Tomorrow) => (1, 1, e + 2),
                Some(Kw::Yesterday) => (1, -1, e + 2),
                _ => return None,
            },
            Some(Kw::After) => match self.kw(e + 1) {
                Some(Kw::Today) => (1, 0, e + 2),
                Some(Kw::Tomorrow) => (1, 1, e + 2),
                _ => return None,
            },
            Some(Kw::Before) => match self.kw(e + 1) {
                Some(Kw::Today) => (-1, 0, e + 2),
                Some(Kw::Yesterday) => (-1, -1, e + 2),
                _ => return None,
            },
            _ => return None,
        };
        let n = i64::from(n) * sign;
        let v = self.with_ref(|r| {
            let r = r.add_days(anchor)?;
            let n32 = i32::try_from(n).ok()?;
            match u {
                Unit::Day => ymd_date(r.add_days(n)?),
                Unit::Week => ymd_date(r.add_days(7 * n)?),
                Unit::Fortnight => ymd_date(r.add_days(14 * n)?),
                Unit::Month => ymd_date(r.add_months(n32)?),
                Unit::Year => Some(Date::year(r.add_years(n32)?.y)),
                Unit::Decade => Some(Date::decade(r.add_years(n32.checked_mul(10)?)?.y)),
                Unit::Weekend | Unit::Quarter | Unit::Century => None,
            }
        });

        let day = matches!(u, Unit::Day | Unit::Week | Unit::Fortnight | Unit::Month);
        Some(Pt {
            s: i,
            e: end,
            v: V::Rel(v),
            day,
        })
    }

    /// A small count at `i`: digits, `two`, `twenty-five`, `a`, `an`, `a couple of`, and `a
    /// few` read as three (the convention of the public date benchmarks).
    fn count_at(&self, i: usize) -> Option<(u32, usize)> {
        let k = self.tok(i)?;
        match (k.kind, k.lex) {
            (Kind::Num, _) => {
                (self.clean_start(i) && k.len() <= 4 && self.clean_end(i)).then_some((k.n, i + 1))
            }
            (Kind::Word, Lex::Card(n)) => Some((u32::from(n), i + 1)),
            (Kind::Word, Lex::Tens(t)) => {
                let mut j = i + 1;
                if self.is_dash_at(j) && self.glued(j) {
                    j += 1;
                }
                match self.lex(j) {
                    Lex::Card(u @ 1..=9) => Some((u32::from(t + u), j + 1)),
                    _ => Some((u32::from(t), i + 1)),
                }
            }
            (Kind::Word, Lex::Kw(Kw::A | Kw::An)) => match self.kw(i + 1) {
                Some(Kw::Few) => Some((3, i + 2)),
                Some(Kw::Couple) if self.is(i + 2, Kw::Of) => Some((2, i + 3)),
                _ => Some((1, i + 1)),
            },
            (Kind::Word, Lex::Kw(Kw::Few)) => Some((3, i + 1)),
            _ => None,
        }
    }

    /// Holidays with a fixed date: `Christmas Day`, `New Year's Eve`, `Halloween`,
    /// `Valentine's Day`, `Boxing Day`; and `Easter`, `Thanksgiving` given a year.
    fn holiday_point(&self, i: usize, loose: bool) -> Option<Pt> {
        let kw = self.kw(i)?;
        let day_word =
            |j: usize| self.lex(j) == Lex::Unit(Unit::Day) && !self.text_of(j).ends_with('s');
        let poss = |j: usize| -> usize {
            // "'s" or "s'" after a word
            if self.glued(j)
                && self.punct(j).is_some_and(is_apostrophe)
                && self.glued(j + 1)
                && self.is(j + 1, Kw::S)
            {
                j + 2
            } else if self.glued(j) && self.is(j, Kw::S) {
                if self.glued(j + 1) && self.punct(j + 1).is_some_and(is_apostrophe) {
                    j + 2
                } else {
                    j + 1
                }
            } else {
                j
            }
        };
        let prep = i > 0
            && matches!(
                self.kw(i - 1),
                Some(
                    Kw::On
                        | Kw::At
                        | Kw::By
                        | Kw::Until
                        | Kw::Till
                        | Kw::Since
                        | Kw::Before
                        | Kw::After
                        | Kw::Over
                )
            )
            || loose;
        let (fixed, e): (Option<(u8, u8)>, usize) = match kw {
            Kw::Christmas => {
                if day_word(i + 1) {
                    (Some((12, 25)), i + 2)
                } else if self.is(i + 1, Kw::Eve) {
                    (Some((12, 24)), i + 2)
                } else if (prep && !self.is_word(i + 1))
                    || self.year_at(i + 1, 1000, 2100).is_some()
                {
                    (Some((12, 25)), i + 1)
                } else {
                    return None;
                }
            }
            Kw::New => {
                if self.lex(i + 1) != Lex::Unit(Unit::Year)
                    || self.text_of(i + 1) == "years" && !self.glued(i + 2)
                {
                    return None;
                }
                let j = poss(i + 2);
                if day_word(j) {
                    (Some((1, 1)), j + 1)
                } else if self.is(j, Kw::Eve) {
                    (Some((12, 31)), j + 1)
                } else {
                    return None;
                }
            }
            // Not the films: "Halloween II", "Halloween: Resurrection".
            Kw::Halloween if prep || self.year_at(i + 1, 1000, 2100).is_some() => {
                (Some((10, 31)), i + 1)
            }
            Kw::Boxing if day_word(i + 1) => (Some((12, 26)), i + 2),
            Kw::Valentine => {
                let j = poss(i + 1);
                if day_word(j) {
                    (Some((2, 14)), j + 1)
                } else {
                    return None;
                }
            }
            Kw::Easter | Kw::Thanksgiving => {
                let mut e = i + 1;
                if kw == Kw::Easter && matches!(self.lex(e), Lex::Weekday(7 | 1, false)) {
                    e += 1;
                }
                if kw == Kw::Thanksgiving && day_word(e) {
                    e += 1;
                }
                let monday = matches!(self.lex(i + 1), Lex::Weekday(1, false));
                let of = |y: i32| -> Option<Date> {
                    let d = if kw == Kw::Easter {
                        calendar::easter(y)?.add_days(i64::from(monday))?
                    } else {
                        nth_or_last(y, 11, 4, 4)?
                    };
                    ymd_date(d)
                };
                if let Some((y, ye)) = self.trailing_year(e) {
                    return of(y).map(|d| Pt::new(i, ye, V::Abs(d)));
                }
                if !prep {
                    return None;
                }
                let r = self.rf?;
                let this = of(r.y)?;
                let d = if key(&this) > (r.y, r.m, r.d) {
                    of(r.y - 1)?
                } else {
                    this
                };
                return Some(Pt::new(i, e, V::Abs(d)));
            }
            _ => return None,
        };
        let (m, d) = fixed?;
        if let Some((y, ye)) = self.trailing_year(e) {
            return Date::ymd(y, m, d).map(|dt| Pt::new(i, ye, V::Abs(dt)));
        }
        Date::month_day(m, d).map(|dt| Pt::new(i, e, V::Abs(dt)))
    }

    /// `Q1 2019`, `Q3 of 2016`, `H1 2019`.
    fn quarter_point(&self, i: usize) -> Option<Pt> {
        let kw = self.kw(i)?;
        if !self.t[i].cap || !self.is_num(i + 1) || !self.glued(i + 1) || self.t[i + 1].len() != 1 {
            return None;
        }
        let n = self.t[i + 1].n as u8;
        let part = match kw {
            Kw::Q if (1..=4).contains(&n) => YearPart::Quarter(n),
            Kw::H if (1..=2).contains(&n) => YearPart::Half(n),
            _ => return None,
        };
        if self.glued(i + 2) && (self.is_word(i + 2) || self.is_num(i + 2)) {
            return None;
        }
        let mut k = i + 2;
        if self.is(k, Kw::Of) || self.is_p(k, ',') {
            k += 1;
        }
        let (y, e) = self.year_at(k, 1000, 2100)?;
        Date::with_part(y, part).map(|d| Pt::new(i, e, V::Abs(d)))
    }

    /// `fiscal 2019`, `FY2019`, `fiscal year 2019`.
    fn fiscal_point(&self, i: usize) -> Option<Pt> {
        let mut j = i + 1;
        if self.lex(j) == Lex::Unit(Unit::Year) && !self.text_of(j).ends_with('s') {
            j += 1;
        }
        if self.is_num(j) && self.glued(j) {
            // FY2019: glued; clean_start refuses letters before, so check by hand.
            let k = self.t[j];
            return (k.len() == 4 && (1900..=2100).contains(&k.n) && self.clean_end(j))
                .then(|| Pt::new(i, j + 1, V::Abs(Date::year(k.n as i32))));
        }
        let (y, e) = self.year_at(j, 1900, 2100)?;
        (!self.count_follows(e)).then(|| Pt::new(i, e, V::Abs(Date::year(y))))
    }

    /// `summer 2016`, `the summer of 2016` (from `summer`).
    fn season_point(&self, i: usize) -> Option<Pt> {
        let season = season_of(self.kw(i)?)?;
        if self.kw(i) == Some(Kw::Fall) && !self.t[i].cap && !(i > 0 && self.is(i - 1, Kw::The)) {
            // "prices fall 2019": the verb.
            if !(i > 0
                && matches!(
                    self.kw(i - 1),
                    Some(Kw::In | Kw::Since | Kw::Until | Kw::By | Kw::During)
                ))
            {
                return None;
            }
        }
        let mut k = i + 1;
        if self.is(k, Kw::Of) || self.is_p(k, ',') {
            k += 1;
        }
        let (y, e) = self.year_at(k, 1000, 2100)?;
        if self.count_follows(e) {
            return None;
        }
        Date::with_part(y, YearPart::Season(season)).map(|d| Pt::new(i, e, V::Abs(d)))
    }

    // ---- ranges ----------------------------------------------------------------------

    /// `from 1981 to 1986`, `between December 2013 and April 2014`, `November 19-20`,
    /// `from May to July 2019`, `Friday through Sunday`: one claim with both ends.
    /// `point` and `point_with_time` are those at `i` ([`Self::point`] not loose,
    /// [`Self::point_with_time`]).
    fn range(
        &self,
        i: usize,
        last_end: Option<usize>,
        point: Option<Pt>,
        point_with_time: Option<Pt>,
    ) -> Option<Cand> {
        let (a_at, opener) = match self.kw(i) {
            Some(Kw::From) => (i + 1, Some(Kw::From)),
            Some(Kw::Between) => (i + 1, Some(Kw::Between)),
            _ => (i, None),
        };
        let loose = opener.is_some();
        let a = match opener {
            None => self.range_end_from(i, false, last_end, true, point_with_time)?,
            Some(_) => self.range_end(a_at, loose, last_end, true)?,
        };
        let c = a.e();
        let conn_ok = |k: usize| -> bool {
            match opener {
                Some(Kw::Between) => {
                    self.is(k, Kw::And) || self.is(k, Kw::Through) || self.is_dash_at(k)
                }
                _ => {
                    matches!(
                        self.kw(k),
                        Some(Kw::To | Kw::Until | Kw::Till | Kw::Through)
                    ) || self.is_dash_at(k)
                }
            }
        };
        if !conn_ok(c) {
            return None;
        }
        let mut b_at = c + 1;
        if self.is(b_at, Kw::The) && matches!(a, End::Pt(_)) && self.is_num(b_at + 1) {
            b_at += 1;
        }
        let b = self.range_end(b_at, true, None, false)?;
        // Without an opener, a plain point must start the range on its own.
        if opener.is_none() {
            match a {
                End::Pt(p) if point.is_some_and(|q| q.e == p.e) => {}
                End::Day(..)
                    if matches!(b, End::Pt(ref q) if q.day && matches!(q.v, V::Abs(_)))
                        && !self.is(c, Kw::To) => {}
                _ => return None,
            }
        }
        // "today - now": a dash joins absolute dates only, unless "from" or "between" opens.
        if opener.is_none() && self.is_dash_at(c) {
            let rel = |e: &End| matches!(e, End::Pt(Pt { v: V::Rel(_), .. }));
            if rel(&a) || rel(&b) {
                return None;
            }
        }
        let (mut va, mut vb) = self.join(a, b)?;
        let mut e = b.e();
        // August 30-31, 1981: a year after both days.
        if let (End::Day(..), V::Abs(da), V::Abs(db)) = (b, va, vb) {
            if da.year_value().is_none() {
                if let Some((y, ye)) = self.trailing_year(e) {
                    va = V::Abs(Date::ymd(y, da.month()?, da.day()?)?);
                    vb = V::Abs(Date::ymd(y, db.month()?, db.day()?)?);
                    e = ye;
                }
            }
        }
        Some(Cand {
            s: i,
            e,
            val: Val::Range(va, vb),
        })
    }

    /// One end of a range at `i`.
    fn range_end(
        &self,
        i: usize,
        loose: bool,
        last_end: Option<usize>,
        first: bool,
    ) -> Option<End> {
        let p = self.point_with_time(i, last_end);
        self.range_end_from(i, loose, last_end, first, p)
    }

    /// [`Self::range_end`], given the point with its time at `i`.
    fn range_end_from(
        &self,
        i: usize,
        loose: bool,
        last_end: Option<usize>,
        first: bool,
        point_with_time: Option<Pt>,
    ) -> Option<End> {
        let p = point_with_time.filter(|p| p.s == i);
        let p = if loose {
            better(p, self.point(i, true, last_end))
        } else {
            p
        };
        // A bare day that borrows its month: "from 4 to 22 January", "November 19-20".
        if let Some((d, e, _)) = self.day_at(i, 0) {
            let day = End::Day(e, d);
            match p {
                Some(q) if q.e > e => return Some(End::Pt(q)),
                _ => {
                    if first || self.is_num(i) || self.is(i.saturating_sub(1), Kw::The) {
                        // A point that is also a day (on 15) loses to the bare day.
                        return Some(day);
                    }
                }
            }
        }
        if let Some(q) = p {
            return Some(End::Pt(q));
        }
        // A two-digit year after a year: 1981 to 86.
        None
    }

    /// Completes each end of a range from the other and checks their order.
    fn join(&self, a: End, b: End) -> Option<(V, V)> {
        match (a, b) {
            (End::Day(_, da), End::Pt(pb)) => {
                let V::Abs(db) = pb.v else { return None };
                let m = db.month()?;
                let bd = db.day()?;
                if da >= bd {
                    return None;
                }
                let va = match db.year_value() {
                    Some(y) if db.grain() == YearGrain::Year => Date::ymd(y, m, da)?,
                    _ => Date::month_day(m, da)?,
                };
                Some((V::Abs(va), V::Abs(db.without_time())))
            }
            (End::Pt(pa), End::Day(_, dbd)) => {
                let V::Abs(da) = pa.v else { return None };
                let m = da.month()?;
                if da.day()? >= dbd {
                    return None;
                }
                let vb = match da.year_value() {
                    Some(y) => Date::ymd(y, m, dbd)?,
                    None => Date::month_day(m, dbd)?,
                };
                Some((V::Abs(da), V::Abs(vb)))
            }
            (End::Day(..), End::Day(..)) => None,
            (End::Pt(pa), End::Pt(pb)) => match (pa.v, pb.v) {
                (V::Abs(mut da), V::Abs(mut db)) => {
                    if da.year_value().is_none() && db.year_value().is_some() && da.part().is_none()
                    {
                        let y = db.year_value()?;
                        let later = (da.month(), da.day()) > (db.month(), db.day());
                        da = da.with_year(if later { y - 1 } else { y });
                    } else if db.year_value().is_none()
                        && da.year_value().is_some()
                        && db.part().is_none()
                    {
                        let y = da.year_value()?;
                        let earlier = (db.month(), db.day()) < (da.month(), da.day());
                        db = db.with_year(if earlier { y + 1 } else { y });
                    }
                    if da.year_value().is_some() != db.year_value().is_some() {
                        return None;
                    }
                    if da.part().is_none() && db.part().is_none() && key(&da) >= key(&db) {
                        return None;
                    }
                    Some((V::Abs(da), V::Abs(db)))
                }
                (va, vb) => Some((va, vb)),
            },
        }
    }
}

/// Words after which a bare number is a count, an amount or a score, not a year
/// (`than 1950`, `killed 1900`, `totalling 2004`); in lowercase.
fn counts_after(w: &str) -> bool {
    matches!(
        w,
        "than"
            | "least"
            | "most"
            | "nearly"
            | "almost"
            | "about"
            | "approximately"
            | "roughly"
            | "some"
            | "only"
            | "just"
            | "total"
            | "totalling"
            | "totaling"
            | "totalled"
            | "totaled"
            | "numbering"
            | "numbered"
            | "another"
            | "additional"
            | "extra"
            | "every"
            | "each"
            | "per"
            | "with"
            | "without"
            | "plus"
            | "minus"
            | "times"
            | "under"
            | "above"
            | "below"
            | "exceeding"
            | "exceeded"
            | "top"
            | "topped"
            | "reached"
            | "reaching"
            | "hit"
            | "passed"
            | "surpassed"
            | "nearing"
            | "approaching"
            | "estimated"
            | "minimum"
            | "maximum"
            | "killed"
            | "killing"
            | "kill"
            | "executed"
            | "wounded"
            | "injured"
            | "arrested"
            | "detained"
            | "evacuated"
            | "rescued"
            | "hired"
            | "employs"
            | "employed"
            | "employing"
            | "recruited"
            | "deployed"
            | "sent"
            | "sending"
            | "housed"
            | "hosts"
            | "hosted"
            | "paid"
            | "pay"
            | "pays"
            | "cost"
            | "costs"
            | "costing"
            | "earn"
            | "earns"
            | "earned"
            | "earning"
            | "scored"
            | "score"
            | "won"
            | "lost"
            | "gained"
            | "sold"
            | "bought"
            | "received"
            | "raised"
            | "collected"
            | "donated"
            | "owes"
            | "owed"
            | "attracted"
            | "drew"
            | "counted"
            | "registered"
            | "recorded"
            | "logged"
            | "fetched"
            | "priced"
            | "valued"
            | "worth"
            | "weighs"
            | "weighed"
            | "measures"
            | "measured"
            | "aged"
            | "age"
            | "number"
            | "numbers"
            | "code"
            | "pin"
            | "tel"
            | "ext"
            | "postcode"
            | "zip"
            | "model"
            | "type"
            | "mark"
            | "series"
            | "class"
            | "grade"
            | "size"
            | "ranked"
            | "rank"
            | "ranking"
            | "rated"
            | "rating"
            | "index"
            | "closed"
            | "opened"
            | "ended"
            | "finished"
            | "stood"
            | "stands"
            | "fell"
            | "rose"
            | "dropped"
            | "climbed"
    )
}

/// Words after a bare number that make it a count of people or things (`2000 were
/// killed`, `1950 died`, `1999 more`, `2004 km`); in lowercase.
fn counted_before(w: &str) -> bool {
    matches!(
        w,
        "are"
            | "have"
            | "remain"
            | "remained"
            | "died"
            | "dead"
            | "killed"
            | "wounded"
            | "injured"
            | "missing"
            | "perished"
            | "fled"
            | "attended"
            | "gathered"
            | "marched"
            | "protested"
            | "voted"
            | "signed"
            | "joined"
            | "applied"
            | "participated"
            | "arrived"
            | "left"
            | "more"
            | "fewer"
            | "less"
            | "others"
            | "other"
            | "extra"
            | "additional"
            | "apiece"
            | "each"
            | "altogether"
            | "strong"
            | "mph"
            | "kph"
            | "ft"
            | "lb"
            | "lbs"
            | "oz"
            | "cc"
            | "mm"
            | "cm"
            | "ml"
            | "mg"
            | "mw"
            | "kw"
            | "gw"
            | "kwh"
            | "hp"
            | "bhp"
            | "ha"
            | "ppm"
            | "rpm"
            | "bp"
            | "bps"
            | "x"
            | "sq"
            | "pts"
            | "hrs"
            | "metres"
            | "meters"
            | "yards"
            | "km"
            | "kg"
            | "g"
            | "l"
            | "plus"
    )
}

fn with_time(v: V, t: Time) -> V {
    match v {
        V::Abs(d) => V::Abs(d.with_time(t)),
        V::Rel(Some(d)) => V::Rel(Some(d.with_time(t))),
        V::Rel(None) => V::Rel(None),
    }
}

fn season_of(k: Kw) -> Option<Season> {
    match k {
        Kw::Spring => Some(Season::Spring),
        Kw::Summer => Some(Season::Summer),
        Kw::Autumn | Kw::Fall => Some(Season::Fall),
        Kw::Winter => Some(Season::Winter),
        _ => None,
    }
}

/// The first and last month of a season (northern hemisphere; winter starts in December).
fn season_months(s: Season) -> (u8, u8) {
    match s {
        Season::Spring => (3, 5),
        Season::Summer => (6, 8),
        Season::Fall => (9, 11),
        Season::Winter => (12, 2),
    }
}

/// The `n`-th weekday `w` of a month, or its last for `n` 0.
fn nth_or_last(y: i32, m: u8, w: Weekday, n: u8) -> Option<Ymd> {
    if n == 0 {
        calendar::last_weekday(y, m, w)
    } else {
        calendar::nth_weekday(y, m, w, n)
    }
}

/// Day `d` of the reference month, or of the month before if it is still to come.
fn day_of_month_before(r: Ymd, d: u8) -> Option<Date> {
    let mut m = Ymd::new(r.y, r.m, 1)?;
    if d > r.d {
        m = m.add_months(-1)?;
    }
    for _ in 0..3 {
        if let Some(x) = Ymd::new(m.y, m.m, d) {
            return ymd_date(x);
        }
        m = m.add_months(-1)?;
    }
    None
}

/// The day `d` of a month near the reference that falls on weekday `w` (`Thursday the
/// 21st`): the nearest such day, looking back first.
fn weekday_and_day(r: Ymd, w: Weekday, d: u8) -> Option<Date> {
    let base = Ymd::new(r.y, r.m, 1)?;
    let mut best: Option<(i64, Ymd)> = None;
    for k in -12..=12 {
        let m = base.add_months(k)?;
        if let Some(x) = Ymd::new(m.y, m.m, d) {
            if x.weekday() == w {
                let dist = (x.days() - r.days()).abs() * 2 + i64::from(x > r);
                if best.is_none_or(|(b, _)| dist < b) {
                    best = Some((dist, x));
                }
            }
        }
    }
    ymd_date(best?.1)
}

#[cfg(test)]
mod tests {
    use super::super::lex::{lexicon_words, tokenize};
    use super::*;
    use crate::span::Span;

    /// The start class read with a token gives what the full check gives, for every word
    /// of the lexicon after and before every kind of token that the check looks at.
    #[test]
    fn start_class_agrees_with_the_full_check() {
        let around = [
            "", "the", "a", "an", "new", "two", "year", "years", "weeks", "few", "couple", "last",
            "first", "twenty", "5", "1981", "T", "$", "'", "’", "`", "-", "x", "é",
        ];
        let mut texts: Vec<String> = Vec::new();
        for w in lexicon_words() {
            for (k, a) in around.iter().enumerate() {
                let b = around[(k * 7 + 3) % around.len()];
                for w in [w.to_string(), w.to_ascii_uppercase()] {
                    texts.push(format!("{a} {w} {b}"));
                    texts.push(format!("{a}{w} {b}"));
                    texts.push(format!("{b} {w}{a}"));
                }
            }
        }
        texts.push("'80s ‘90s `70s 'x ’ 5'6 £5 2,000 1.5 x86 COVID-19 T09:30 TT5".to_string());
        for text in &texts {
            let mut toks = Vec::new();
            tokenize(text, Span::new(0, text.len()), &mut toks);
            let parser = Parser::new(text, &toks, None);
            for (i, k) in toks.iter().enumerate() {
                assert_eq!(
                    parser.may_start(i),
                    parser.may_start_known(i, k),
                    "{text:?} at {:?}",
                    &text[k.s..k.e]
                );
            }
        }
    }
}
