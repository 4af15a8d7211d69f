//! Dates: absolute dates at the grain the text gives, ranges, and relative dates.
//!
//! A sentence with no digit and no date word ([`lex::CUE_WORDS`]) is skipped: the number
//! parser's pass over the sentence tells (its cue flags).
//! Otherwise it is split into tokens and a hand-written grammar ([`parse::Parser`]) tries, at
//! each token, every date form that may start there and keeps the longest:
//!
//! - full dates `August 30, 1981`, `30th of August 1981`, `Monday, August 30, 1981`,
//!   `1981-08-30`, `30/08/1981` (day and month are told apart when one exceeds 12; else
//!   month first, or day first with dots), timestamps `Mon, 10 May 2021 09:46:35 +0000`,
//!   `2021-05-10T09:46:35Z`, and a time of day qualifying a date (`5 p.m. on Sunday`);
//! - months `April 1992`, years where the context makes them years (`in 2016`, `the 1979
//!   revolution`, `(1981)`), decades `1970s`, `'80s` (`198X`), centuries, quarters,
//!   halves and seasons with their year;
//! - dates without a year (`Oct. 2`, `in January`): `XXXX-10-02`, or with a reference date
//!   the year that puts them nearest before it (news reports the past);
//! - ranges as one claim with `min` and `max` (`from 1981 to 1986`, `1981–86`, `November
//!   19-20`, `between December 2013 and April 2014`);
//! - relative dates (`yesterday`, `last week`, `Sunday`, `two days ago`), resolved against
//!   the reference date with `relative: true`, or with a null value when there is none.
//!
//! Relative dates take the grain the text gives: `last week` is an ISO week (`2021-W14`),
//! `last month` a month, `last year` and `40 years ago` a year (`two decades ago` a decade),
//! `two days ago` and `two weeks ago` a day. `two months ago` is the same day two months
//! back, as the public date benchmarks read it. A bare weekday (`on Sunday`) is the last such
//! day on or before the reference date (the reference day itself if it is one), or the next
//! on or after it when its clause speaks of the future (`will`, `due to`); `last Sunday` is
//! the last one strictly before it, `this Friday` the one in the reference date's ISO week,
//! `next Sunday` the one in the following week. `the weekend` is the last weekend on or before
//! the reference. A date without a year is not relative: it has a value (`XXXX-10-02`) even
//! with no reference date. Told from another time (`the next day`, `two days later`, `the
//! previous year`) or stretches of time (`the past year`, `the last three weeks`) are not
//! claimed: the reference date does not resolve them.
//!
//! Nothing inside a URL or an entity mention is a claim.

mod calendar;
mod lex;
mod parse;

use super::{Claim, ClaimKind, SentenceContext, Value, anchors};
use crate::claims::value::Date;
use crate::span::Span;

use self::calendar::Ymd;
use self::lex::Tok;
use self::parse::{Cand, Parser, V, Val};

/// Buffers of [`find_with`], kept from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The tokens of the sentence.
    toks: Vec<Tok>,
    /// The indices of the tokens at which a date may start.
    starts: Vec<usize>,
}

/// The words that may start a date in a sentence without digits ([`anchors::DATE`]).
pub(crate) fn cue_words() -> impl Iterator<Item = &'static str> {
    lex::CUE_WORDS.iter().copied()
}

/// Pushes the date claims of one sentence to `out`; `cues` are the cue flags of the
/// sentence ([`super::number::find_with_cues`]): without a digit or a date word, there
/// is none.
#[cfg(test)]
pub(crate) fn find<'t>(ctx: &SentenceContext<'t, '_>, cues: u8, out: &mut Vec<Claim<'t>>) {
    find_with(ctx, cues, &mut Scratch::default(), out);
}

/// [`find`], with buffers kept from one sentence to the next.
pub(crate) fn find_with<'t>(
    ctx: &SentenceContext<'t, '_>,
    cues: u8,
    scratch: &mut Scratch,
    out: &mut Vec<Claim<'t>>,
) {
    if cues & (anchors::DIGIT | anchors::DATE) == 0 {
        return;
    }
    if ctx.span.end > ctx.text.len() || ctx.span.is_empty() {
        return;
    }
    if ctx.text.get(ctx.span.range()).is_none() {
        return;
    }
    let Scratch { toks, starts } = scratch;
    toks.clear();
    starts.clear();
    lex::tokenize_into(ctx.text, ctx.span, toks, starts);
    let parser = Parser::new(ctx.text, toks, ctx.reference_date);
    let rf = ctx
        .reference_date
        .and_then(|d| Ymd::new(d.year_value()?, d.month()?, d.day()?));
    // The next token at which a claim may start: past the last claim.
    let mut from = 0;
    let mut last_end = None;
    // Only the tokens whose start class is not `Never` may start a date.
    for &i in starts.iter() {
        // No date starts at a word the grammar does not know, nor at most marks.
        if i < from || !parser.may_start(i) {
            continue;
        }
        let Some(c) = parser
            .at(i, last_end)
            .filter(|c| c.e > c.s && c.e <= toks.len())
        else {
            continue;
        };
        let span = Span::new(toks[c.s].s, toks[c.e - 1].e);
        if overlaps(ctx.protected, span) || overlaps(ctx.mentions, span) {
            continue;
        }
        out.push(claim(ctx.text, span, c, rf));
        last_end = Some(c.e);
        from = c.e;
    }
}

fn overlaps(sorted: &[Span], span: Span) -> bool {
    let k = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(k).is_some_and(|s| s.start < span.end)
}

fn claim<'t>(text: &'t str, span: Span, c: Cand, rf: Option<Ymd>) -> Claim<'t> {
    let mut claim = Claim::new(ClaimKind::Date, text, span);
    match c.val {
        Val::One(V::Abs(d)) => claim.value = Some(Value::Date(resolve_yearless(d, rf))),
        Val::One(V::Rel(d)) => {
            claim.value = d.map(Value::Date);
            claim.relative = true;
        }
        Val::Range(a, b) => {
            let (a, b) = match (a, b) {
                (V::Abs(a), V::Abs(b)) => {
                    let b2 = resolve_yearless(b, rf);
                    let a2 = match (a.year_value(), b2.year_value()) {
                        (None, Some(y)) => {
                            let later = (a.month(), a.day()) > (b2.month(), b2.day());
                            a.with_year(if later { y - 1 } else { y })
                        }
                        _ => a,
                    };
                    (Some(a2), Some(b2))
                }
                (a, b) => {
                    claim.relative = true;
                    (dated(a, rf), dated(b, rf))
                }
            };
            claim.min = a.map(Value::Date);
            claim.max = b.map(Value::Date);
        }
    }
    claim
}

fn dated(v: V, rf: Option<Ymd>) -> Option<Date> {
    match v {
        V::Abs(d) => Some(resolve_yearless(d, rf)),
        V::Rel(d) => d,
    }
}

/// A date without its year takes, given a reference date, the year that puts it nearest
/// on or before the reference (news reports the past).
fn resolve_yearless(d: Date, rf: Option<Ymd>) -> Date {
    let (Some(r), None, Some(m)) = (rf, d.year_value(), d.month()) else {
        return d;
    };
    let later = match d.day() {
        Some(day) => (m, day) > (r.m, r.d),
        None => m > r.m,
    };
    let mut y = if later { r.y - 1 } else { r.y };
    if let Some(day) = d.day() {
        // February 29 goes back to a leap year.
        for _ in 0..8 {
            if Ymd::new(y, m, day).is_some() {
                break;
            }
            y -= 1;
        }
        if Ymd::new(y, m, day).is_none() {
            return d;
        }
    }
    d.with_year(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, value, relative) of a single-value claim.
    type Single = (String, Option<String>, bool);

    /// (text, value, min, max, relative) of each date claim.
    type Row = (String, Option<String>, Option<String>, Option<String>, bool);

    fn run_with(
        text: &str,
        reference: Option<&str>,
        protected: &[Span],
        mentions: &[Span],
    ) -> Vec<Row> {
        let ctx = SentenceContext {
            text,
            span: Span::new(0, text.len()),
            index: 0,
            protected,
            mentions,
            reference_date: reference.map(|r| Date::parse_ymd(r).unwrap()),
        };
        let mut out = Vec::new();
        find(&ctx, cues(text), &mut out);
        out.iter()
            .map(|c| {
                let s = |v: &Option<Value>| v.map(|v| v.to_string());
                (
                    c.text.to_string(),
                    s(&c.value),
                    s(&c.min),
                    s(&c.max),
                    c.relative,
                )
            })
            .collect()
    }

    /// The cue flags of `text` as one sentence.
    fn cues(text: &str) -> u8 {
        crate::claims::number::find_with_cues(text, Span::new(0, text.len()), &mut Vec::new())
    }

    fn may_hold_date(text: &str) -> bool {
        cues(text) & (anchors::DIGIT | anchors::DATE) != 0
    }

    #[test]
    fn prefilter() {
        assert!(may_hold_date("It rained on Sunday."));
        assert!(may_hold_date("Founded in 1965."));
        assert!(may_hold_date("next WEEK"));
        assert!(may_hold_date("(Dec)"));
        assert!(!may_hold_date("The monsoon was decidedly sunny."));
        assert!(!may_hold_date("Nothing here at all."));
        assert!(!may_hold_date("Mayday: Sundays, weekdays."));
    }

    #[test]
    fn no_date_starts_where_may_start_says_none_can() {
        let texts = [
            "He was killed on August 30, 1981, at 5 p.m. local time.",
            "From 1981 to 1986, and between December 2013 and April 2014, it grew.",
            "Last week, two days ago, the weekend before, this Friday and next Sunday.",
            "Filed 30/08/1981 and 2021-05-10T09:46:35Z; noon, midnight, 17:30 UTC.",
            "In the 1970s, on Aug. 30th–31st '80s and ’90s, mid-2019, Q3 2020, H1 FY2021.",
            "Christmas Eve, New Year's Day, Easter Monday, the summer of 1969, fiscal 2020.",
            "The first of May, twenty-first of June, the third quarter, a few weeks later.",
            "She said it would happen by tomorrow or tonight, now or yesterday morning.",
            "Scores: 3-1, 10-12 and 1981–86; 19-20 November; 4 to 22 January 2001.",
            "The day before yesterday, the day after tomorrow, the 27th, the twenty-first.",
            "The last Friday of May, the week of 3 May 2021, the month of June, the weekend.",
            "A week ago, an hour ago, a couple of days ago, a few years ago, the '80s, ' 90s.",
            "The 1990s, the 5th of June, a year from now, an era, the end, a day later.",
            "Two weeks ago, three years later, one day, New Year's Eve, New Year, new years.",
            "Twenty-one days ago, four hundred days, five of them, six people, New York.",
            "It cost £5m, $2,000.50, €3 or 3.5% of 1,200,000; COVID-19 on 2021-05-10T09:30.",
            "Scores of 2-1, 10.5, 12:30, #7, 3,000 and 1/3, or x86 and A4 at 5pm today.",
            "Due T5 p.m. on Sunday, or at T17:30 yesterday.",
        ];
        for text in texts {
            let mut toks = Vec::new();
            lex::tokenize(text, Span::new(0, text.len()), &mut toks);
            for rf in [None, Some(Date::parse_ymd("2021-05-01").unwrap())] {
                let parser = Parser::new(text, &toks, rf);
                for i in 0..toks.len() {
                    if parser.may_start(i) {
                        continue;
                    }
                    for last_end in [None, Some(i), i.checked_sub(1), i.checked_sub(2)] {
                        assert!(
                            parser.at(i, last_end).is_none(),
                            "{text:?} at {:?}",
                            &text[toks[i].s..toks[i].e]
                        );
                    }
                }
            }
        }
    }

    fn run(text: &str, reference: Option<&str>) -> Vec<Row> {
        run_with(text, reference, &[], &[])
    }

    /// A table row: sentence, reference date, expected (text, value, relative) claims.
    type Case<'a> = (
        &'a str,
        Option<&'a str>,
        &'a [(&'a str, Option<&'a str>, bool)],
    );

    /// A range row: sentence, reference date, text, min, max, relative.
    type RangeCase<'a> = (
        &'a str,
        Option<&'a str>,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        bool,
    );

    /// Checks single-value claims.
    fn check(cases: &[Case<'_>]) {
        for (text, reference, want) in cases {
            let got = run(text, *reference);
            let got: Vec<Single> = got.into_iter().map(|(t, v, _, _, r)| (t, v, r)).collect();
            let want: Vec<Single> = want
                .iter()
                .map(|(t, v, r)| (t.to_string(), v.map(str::to_string), *r))
                .collect();
            assert_eq!(got, want, "in {text:?} (reference {reference:?})");
        }
    }

    /// Checks range claims.
    fn check_ranges(cases: &[RangeCase<'_>]) {
        for (text, reference, span, min, max, rel) in cases {
            let got = run(text, *reference);
            let want = vec![(
                span.to_string(),
                None,
                min.map(str::to_string),
                max.map(str::to_string),
                *rel,
            )];
            assert_eq!(got, want, "in {text:?}");
        }
    }

    #[test]
    fn full_dates() {
        check(&[
            (
                "He was killed on August 30, 1981.",
                None,
                &[("August 30, 1981", Some("1981-08-30"), false)],
            ),
            (
                "He was killed on 30 August 1981.",
                None,
                &[("30 August 1981", Some("1981-08-30"), false)],
            ),
            (
                "He was killed on Aug. 30, 1981, in Tehran.",
                None,
                &[("Aug. 30, 1981", Some("1981-08-30"), false)],
            ),
            (
                "It fell on the 30th of August 1981.",
                None,
                &[("the 30th of August 1981", Some("1981-08-30"), false)],
            ),
            (
                "It fell on 30th of August 1981.",
                None,
                &[("30th of August 1981", Some("1981-08-30"), false)],
            ),
            (
                "Filed 1981-08-30 by the clerk.",
                None,
                &[("1981-08-30", Some("1981-08-30"), false)],
            ),
            (
                "Filed 30/08/1981 by the clerk.",
                None,
                &[("30/08/1981", Some("1981-08-30"), false)],
            ),
            (
                "Filed 08/30/1981 by the clerk.",
                None,
                &[("08/30/1981", Some("1981-08-30"), false)],
            ),
            (
                "Filed 13.5.2015 in Bern.",
                None,
                &[("13.5.2015", Some("2015-05-13"), false)],
            ),
            (
                "On Monday, August 30, 1981, it rained.",
                None,
                &[("Monday, August 30, 1981", Some("1981-08-30"), false)],
            ),
            (
                "Eli Lilly sold IVAC on Dec. 31 , 1994",
                None,
                &[("Dec. 31 , 1994", Some("1994-12-31"), false)],
            ),
            (
                "It opened january 12th, 2016 downtown.",
                None,
                &[("january 12th, 2016", Some("2016-01-12"), false)],
            ),
            (
                "The date should be 05-Aug-2016",
                None,
                &[("05-Aug-2016", Some("2016-08-05"), false)],
            ),
            (
                "Back on 2019-sep-1.",
                None,
                &[("2019-sep-1", Some("2019-09-01"), false)],
            ),
            (
                "We met on 16. Nov. 2016 there.",
                None,
                &[("16. Nov. 2016", Some("2016-11-16"), false)],
            ),
            ("Invalid: Feb 30 2019 is no date.", None, &[]),
        ]);
    }

    #[test]
    fn months_and_years() {
        check(&[
            (
                "In April 1992, the group attacked.",
                None,
                &[("April 1992", Some("1992-04"), false)],
            ),
            (
                "In Apr 1992 the group attacked.",
                None,
                &[("Apr 1992", Some("1992-04"), false)],
            ),
            (
                "It was founded in 1965, and grew.",
                None,
                &[("1965", Some("1965"), false)],
            ),
            (
                "It led to the 1979 Revolution in Iran.",
                None,
                &[("1979", Some("1979"), false)],
            ),
            (
                "It has been there since 2003.",
                None,
                &[("2003", Some("2003"), false)],
            ),
            (
                "The goal is met by 2020.",
                None,
                &[("2020", Some("2020"), false)],
            ),
            (
                "A 2019 investigation found fraud.",
                None,
                &[("2019", Some("2019"), false)],
            ),
            (
                "It began in the 2012 decision.",
                None,
                &[("2012", Some("2012"), false)],
            ),
            (
                "The book (1981) sold well.",
                None,
                &[("1981", Some("1981"), false)],
            ),
            (
                "It was their shelter until 2016, when it closed.",
                None,
                &[("2016", Some("2016"), false)],
            ),
            (
                "He spoke at events through 2018.",
                None,
                &[("2018", Some("2018"), false)],
            ),
            (
                "They met in Tehran before 2019.",
                None,
                &[("2019", Some("2019"), false)],
            ),
            (
                "In 1981, 1986 and 1990 it moved.",
                None,
                &[
                    ("1981", Some("1981"), false),
                    ("1986", Some("1986"), false),
                    ("1990", Some("1990"), false),
                ],
            ),
            (
                "Iran's 2019 budget was cut.",
                None,
                &[("2019", Some("2019"), false)],
            ),
            (
                "The summer of 2016 was hot.",
                None,
                &[("summer of 2016", Some("2016-SU"), false)],
            ),
            (
                "Sales rose in the third quarter of 2016.",
                None,
                &[("the third quarter of 2016", Some("2016-Q3"), false)],
            ),
            (
                "Profits in Q1 2019 fell.",
                None,
                &[("Q1 2019", Some("2019-Q1"), false)],
            ),
            ("The group had 2000 members.", None, &[]),
            ("In 2000 people marched.", None, &[]),
            ("Some 1,500 came; the 2000 members left.", None, &[]),
            ("He counted 1981 votes.", None, &[]),
            ("It rose from 1500 to 2000 members.", None, &[]),
            ("Boeing 747 planes and Windows 2000 machines.", None, &[]),
        ]);
    }

    #[test]
    fn years_with_no_preposition() {
        check(&[
            (
                "The floods have made 1998 the wettest year.",
                None,
                &[("1998", Some("1998"), false)],
            ),
            (
                "\u{201c}2010 proves the point,\u{201d} she said.",
                None,
                &[("2010", Some("2010"), false)],
            ),
            (
                "1987 brought the first crash.",
                None,
                &[("1987", Some("1987"), false)],
            ),
            (
                "Losses topped earlier peaks, including 1992 when the storm hit.",
                None,
                &[("1992", Some("1992"), false)],
            ),
            (
                "She said 2012 would be decisive.",
                None,
                &[("2012", Some("2012"), false)],
            ),
            (
                "Analysts expect 2006 to be calmer.",
                None,
                &[("2006", Some("2006"), false)],
            ),
            (
                "It was the wettest summer since records began, and 1976 was drier.",
                None,
                &[("1976", Some("1976"), false)],
            ),
            // Counts, amounts, measures, lists, times, names and codes are no years.
            ("More than 1950 were arrested.", None, &[]),
            ("The bombing killed 1950 and injured 300.", None, &[]),
            ("Police said 1975 had fled.", None, &[]),
            ("The figure reached 1990 by noon.", None, &[]),
            ("They logged 1999 calls, 2004 emails and more.", None, &[]),
            ("The ferry left at 1930 GMT.", None, &[]),
            ("A 1950-strong crowd gathered.", None, &[]),
            ("It costs 1995 a month.", None, &[]),
            ("Call 0141 1993 555 now.", None, &[]),
            (
                "Sales fell in 2003, and 2004 looks better.",
                None,
                &[("2003", Some("2003"), false), ("2004", Some("2004"), false)],
            ),
            ("He lives at 1984 Mill Road.", None, &[]),
            ("Visit room 1991 or flight 1997.", None, &[]),
            ("They had 1950 and 3000 more.", None, &[]),
            ("Figures show 2000 were evacuated.", None, &[]),
            ("He said 2000 had fled.", None, &[]),
            ("It weighs 1960 kg.", None, &[]),
            ("Some 1,500 came; then 1998 more came.", None, &[]),
        ]);
    }

    #[test]
    fn decades_and_centuries() {
        check(&[
            (
                "It attacked targets in the 1970s and more.",
                None,
                &[("1970s", Some("197X"), false)],
            ),
            (
                "It lobbied until the early 2010s.",
                None,
                &[("early 2010s", Some("201X"), false)],
            ),
            (
                "Music of the '80s is back.",
                None,
                &[("'80s", Some("198X"), false)],
            ),
            (
                "In the 1980s and 1990s it grew.",
                None,
                &[
                    ("1980s", Some("198X"), false),
                    ("1990s", Some("199X"), false),
                ],
            ),
            (
                "By the mid-1990s it had collapsed.",
                None,
                &[("mid-1990s", Some("199X"), false)],
            ),
            ("Men in their 80s were spared.", None, &[]),
            (
                "In the 20th century, wars raged.",
                None,
                &[("20th century", Some("19XX"), false)],
            ),
        ]);
    }

    #[test]
    fn dates_without_year() {
        check(&[
            (
                "I'll go back Oct. 2 then.",
                None,
                &[("Oct. 2", Some("XXXX-10-02"), false)],
            ),
            (
                "I'll go back Oct. 2 then.",
                Some("2016-11-07"),
                &[("Oct. 2", Some("2016-10-02"), false)],
            ),
            (
                "They met on December 27.",
                Some("2019-07-04"),
                &[("December 27", Some("2018-12-27"), false)],
            ),
            (
                "They met on 2 October.",
                None,
                &[("2 October", Some("XXXX-10-02"), false)],
            ),
            (
                "It opened the first of May.",
                None,
                &[("the first of May", Some("XXXX-05-01"), false)],
            ),
            (
                "It opened on the fourth of May.",
                None,
                &[("the fourth of May", Some("XXXX-05-04"), false)],
            ),
            (
                "We met on May twenty-first.",
                None,
                &[("May twenty-first", Some("XXXX-05-21"), false)],
            ),
            (
                "They met on Feb 29.",
                Some("2017-03-22"),
                &[("Feb 29", Some("2016-02-29"), false)],
            ),
            (
                "It happened in January.",
                Some("2016-11-07"),
                &[("January", Some("2016-01"), false)],
            ),
            (
                "It happened in December.",
                Some("2016-11-07"),
                &[("December", Some("2015-12"), false)],
            ),
            (
                "It happened in March.",
                None,
                &[("March", Some("XXXX-03"), false)],
            ),
            (
                "July 4th is a holiday.",
                None,
                &[("July 4th", Some("XXXX-07-04"), false)],
            ),
            (
                "We met on Christmas Day.",
                Some("2016-11-07"),
                &[("Christmas Day", Some("2015-12-25"), false)],
            ),
        ]);
    }

    #[test]
    fn not_dates() {
        check(&[
            ("They may go, and march on.", None, &[]),
            ("Theresa May said so.", None, &[]),
            ("May God help us.", None, &[]),
            ("It marks the 40th anniversary.", None, &[]),
            ("See page 12 and version 2.1.3.", None, &[]),
            ("Call 555-1234 or (202) 555-0123.", None, &[]),
            ("The P4+1 group met at 7Tir.", None, &[]),
            (
                "We read the Sunday Times and saw Black Friday deals.",
                None,
                &[],
            ),
            ("In recent years, the group grew.", None, &[]),
            ("He came 15th in a field of 31.", None, &[]),
            ("The score was 3-2 after 90 minutes.", None, &[]),
            ("It weighs 6.45 kg and costs 1,000 euros.", None, &[]),
            ("Nice day.", None, &[]),
            ("I'll go to the 27th floor", None, &[]),
            ("I'll go back at 4.22", Some("2016-11-07"), &[]),
        ]);
    }

    #[test]
    fn relative_dates() {
        let r = Some("2016-11-07"); // a Monday
        check(&[
            (
                "Talks resumed last week.",
                r,
                &[("last week", Some("2016-W44"), true)],
            ),
            (
                "Talks resume this week.",
                r,
                &[("this week", Some("2016-W45"), true)],
            ),
            (
                "Talks resume next month.",
                r,
                &[("next month", Some("2016-12"), true)],
            ),
            (
                "He left yesterday.",
                r,
                &[("yesterday", Some("2016-11-06"), true)],
            ),
            (
                "He leaves today.",
                r,
                &[("today", Some("2016-11-07"), true)],
            ),
            (
                "He leaves tomorrow.",
                r,
                &[("tomorrow", Some("2016-11-08"), true)],
            ),
            (
                "It was attacked on Sunday.",
                r,
                &[("Sunday", Some("2016-11-06"), true)],
            ),
            (
                "It was attacked on Friday.",
                r,
                &[("Friday", Some("2016-11-04"), true)],
            ),
            (
                "It opens on Monday.",
                r,
                &[("Monday", Some("2016-11-07"), true)],
            ),
            (
                "He will speak on Friday.",
                r,
                &[("Friday", Some("2016-11-11"), true)],
            ),
            (
                "Prices rose last year.",
                r,
                &[("last year", Some("2015"), true)],
            ),
            (
                "He left two days ago.",
                r,
                &[("two days ago", Some("2016-11-05"), true)],
            ),
            (
                "It began 40 years ago.",
                r,
                &[("40 years ago", Some("1976"), true)],
            ),
            (
                "It began two months ago.",
                r,
                &[("two months ago", Some("2016-09-07"), true)],
            ),
            (
                "We met last Sunday.",
                r,
                &[("last Sunday", Some("2016-11-06"), true)],
            ),
            (
                "We meet this Friday.",
                r,
                &[("this Friday", Some("2016-11-11"), true)],
            ),
            (
                "We meet next Sunday.",
                r,
                &[("next Sunday", Some("2016-11-20"), true)],
            ),
            (
                "We meet next week on Friday.",
                r,
                &[("next week on Friday", Some("2016-11-18"), true)],
            ),
            ("He left last week.", None, &[("last week", None, true)]),
            ("He left on Sunday.", None, &[("Sunday", None, true)]),
            (
                "It was quiet over the weekend.",
                r,
                &[("the weekend", Some("2016-W44-WE"), true)],
            ),
            (
                "We met earlier this month.",
                r,
                &[("earlier this month", Some("2016-11"), true)],
            ),
            (
                "We meet two weeks from now.",
                r,
                &[("two weeks from now", Some("2016-11-21"), true)],
            ),
            (
                "We met a month ago.",
                r,
                &[("a month ago", Some("2016-10-07"), true)],
            ),
            (
                "It fell last night.",
                r,
                &[("last night", Some("2016-11-06"), true)],
            ),
            (
                "We met for the 27th.",
                r,
                &[("the 27th", Some("2016-10-27"), true)],
            ),
            (
                "I went back Thursday the 21st",
                Some("2017-09-27"),
                &[("Thursday the 21st", Some("2017-09-21"), true)],
            ),
            (
                "I'll go back the first friday of july",
                r,
                &[("the first friday of july", Some("2016-07-01"), true)],
            ),
            ("Out last sept.", r, &[("last sept", Some("2016-09"), true)]),
        ]);
    }

    #[test]
    fn more_forms() {
        let r = Some("2016-11-07");
        check(&[
            (
                "We met the day before yesterday.",
                r,
                &[("the day before yesterday", Some("2016-11-05"), true)],
            ),
            (
                "We met 20th of next month.",
                r,
                &[("20th of next month", Some("2016-12-20"), true)],
            ),
            ("Prices rose over the last year.", r, &[]),
            (
                "Sales fell in the last week of December 2004.",
                r,
                &[("December 2004", Some("2004-12"), false)],
            ),
            ("Shares rose 4% by 1200 GMT in London.", None, &[]),
            ("A message for the New Year 1403 was sent.", None, &[]),
            (
                "I bought it for $ 12 December 27",
                None,
                &[("December 27", Some("XXXX-12-27"), false)],
            ),
            (
                "I'll go back 4th of march",
                None,
                &[("4th of march", Some("XXXX-03-04"), false)],
            ),
            (
                "I'll go back may twenty one",
                None,
                &[("may twenty one", Some("XXXX-05-21"), false)],
            ),
            ("Troops will 10 march on.", None, &[]),
            (
                "Rallies on May Day drew crowds.",
                None,
                &[("May Day", Some("XXXX-05-01"), false)],
            ),
            (
                "Back on 4/22 for sure.",
                None,
                &[("4/22", Some("XXXX-04-22"), false)],
            ),
            (
                "Back on 22/04 for sure.",
                None,
                &[("22/04", Some("XXXX-04-22"), false)],
            ),
            ("Open 24/7 and 1/3 of staff.", None, &[]),
        ]);
    }

    #[test]
    fn weekdays_of_months() {
        check(&[
            (
                "Memorial Day falls on the last Monday of May 2021.",
                None,
                &[("the last Monday of May 2021", Some("2021-05-31"), false)],
            ),
            (
                "I'll go back the first friday of july",
                Some("2016-11-07"),
                &[("the first friday of july", Some("2016-07-01"), true)],
            ),
            (
                "So, make it the second Monday of next month?",
                Some("2018-03-20"),
                &[("the second Monday of next month", Some("2018-04-09"), true)],
            ),
        ]);
    }

    #[test]
    fn titles_and_generic_days() {
        let r = Some("2005-02-07");
        check(&[
            ("He told BBC Radio 4's Today programme he agreed.", r, &[]),
            ("She told ITV1's This Morning the show was over.", r, &[]),
            (
                "It won an award for Suddenly Last Summer in the West End.",
                r,
                &[],
            ),
            ("Fans of The Tomorrow People wrote in.", r, &[]),
            (
                "He said: Today we won.",
                r,
                &[("Today", Some("2005-02-07"), true)],
            ),
            (
                "\"Today I called them,\" she said.",
                r,
                &[("Today", Some("2005-02-07"), true)],
            ),
            ("It was hard not to be in the Friday matches.", r, &[]),
            ("It was first staged on a Sunday lunchtime.", r, &[]),
            ("A new film in the Friday the 13th franchise.", r, &[]),
            ("He moved from 4/1 to 5/2 favourite.", r, &[]),
            (
                "We saw it in the papers today - now it is clear.",
                r,
                &[("today", Some("2005-02-07"), true)],
            ),
            (
                "In December, the first of the votes was annulled.",
                r,
                &[("December", Some("2004-12"), false)],
            ),
            (
                "Music of the 30's was different.",
                r,
                &[("30's", Some("193X"), false)],
            ),
            (
                "It opens on 14, 20 and 27 April.",
                None,
                &[("27 April", Some("XXXX-04-27"), false)],
            ),
        ]);
    }

    #[test]
    fn names_with_dates_in_them() {
        check(&[
            (
                "He runs 20th Century Fox and loves the 21st Century.",
                None,
                &[("21st Century", Some("20XX"), false)],
            ),
            (
                "It made Halloween II and opened on Halloween.",
                None,
                &[("Halloween", Some("XXXX-10-31"), false)],
            ),
        ]);
    }

    #[test]
    fn more_ranges_and_zones() {
        check_ranges(&[
            (
                "It ran August 30-31, 1981 in Paris.",
                None,
                "August 30-31, 1981",
                Some("1981-08-30"),
                Some("1981-08-31"),
                false,
            ),
            (
                "It ran August 2019–March 2020.",
                None,
                "August 2019–March 2020",
                Some("2019-08"),
                Some("2020-03"),
                false,
            ),
            (
                "The Iran-Iraq war (1980-88) was long.",
                None,
                "1980-88",
                Some("1980"),
                Some("1988"),
                false,
            ),
            (
                "It ran between 1980-1988.",
                None,
                "between 1980-1988",
                Some("1980"),
                Some("1988"),
                false,
            ),
        ]);
        check(&[
            (
                "It starts at 10:30 a.m. EST on Monday, May 10, 2021.",
                None,
                &[(
                    "10:30 a.m. EST on Monday, May 10, 2021",
                    Some("2021-05-10T10:30-05:00"),
                    false,
                )],
            ),
            (
                "Polls close at 8pm local time on Sunday.",
                Some("2021-05-12"),
                &[("8pm local time on Sunday", Some("2021-05-09T20:00"), true)],
            ),
        ]);
    }

    #[test]
    fn tense_of_the_clause() {
        let r = Some("2016-11-07"); // a Monday
        check(&[
            (
                "The minister, who will step down, said it on Friday.",
                r,
                &[("Friday", Some("2016-11-04"), true)],
            ),
            (
                "He resigned; talks will resume on Friday.",
                r,
                &[("Friday", Some("2016-11-11"), true)],
            ),
            (
                "The vote is due to take place on Thursday.",
                r,
                &[("Thursday", Some("2016-11-10"), true)],
            ),
        ]);
    }

    #[test]
    fn decade_lists() {
        check(&[
            (
                "Hits of the 1970s and 80s.",
                None,
                &[("1970s", Some("197X"), false), ("80s", Some("198X"), false)],
            ),
            ("Men in their 70s and 80s.", None, &[]),
        ]);
    }

    #[test]
    fn article_before_year() {
        check(&[
            (
                "The 1988 massacre of prisoners.",
                None,
                &[("1988", Some("1988"), false)],
            ),
            ("Iran's fiscal year 1400 began.", None, &[]),
            (
                "In the year 2050 it ends.",
                None,
                &[("2050", Some("2050"), false)],
            ),
        ]);
    }

    #[test]
    fn times_of_day() {
        check(&[
            (
                "Published Mon, 10 May 2021 09:46:35 +0000 by staff.",
                None,
                &[(
                    "Mon, 10 May 2021 09:46:35 +0000",
                    Some("2021-05-10T09:46:35+00:00"),
                    false,
                )],
            ),
            (
                "Stamp 2021-05-10T09:46:35Z here.",
                None,
                &[(
                    "2021-05-10T09:46:35Z",
                    Some("2021-05-10T09:46:35+00:00"),
                    false,
                )],
            ),
            (
                "It exploded at 5 p.m. on Sunday.",
                Some("2016-11-07"),
                &[("5 p.m. on Sunday", Some("2016-11-06T17:00"), true)],
            ),
            (
                "It exploded on Sunday at 5pm.",
                Some("2016-11-07"),
                &[("Sunday at 5pm", Some("2016-11-06T17:00"), true)],
            ),
            (
                "It began August 30, 1981, at 10:30.",
                None,
                &[("August 30, 1981, at 10:30", Some("1981-08-30T10:30"), false)],
            ),
            ("It began at 5 p.m. and ended late.", None, &[]),
        ]);
    }

    #[test]
    fn ranges() {
        check_ranges(&[
            (
                "From 1981 to 1986, France hosted it.",
                None,
                "From 1981 to 1986",
                Some("1981"),
                Some("1986"),
                false,
            ),
            (
                "It ran between December 2013 and April 2014.",
                None,
                "between December 2013 and April 2014",
                Some("2013-12"),
                Some("2014-04"),
                false,
            ),
            (
                "It ran 1981-1986.",
                None,
                "1981-1986",
                Some("1981"),
                Some("1986"),
                false,
            ),
            (
                "It ran 1981–86.",
                None,
                "1981–86",
                Some("1981"),
                Some("1986"),
                false,
            ),
            (
                "The 80-88 war ended.",
                None,
                "80-88",
                Some("1980"),
                Some("1988"),
                false,
            ),
            (
                "The 2003/4 season.",
                None,
                "2003/4",
                Some("2003"),
                Some("2004"),
                false,
            ),
            (
                "It ran from May to July 2019.",
                None,
                "from May to July 2019",
                Some("2019-05"),
                Some("2019-07"),
                false,
            ),
            (
                "Out November 19-20 then.",
                None,
                "November 19-20",
                Some("XXXX-11-19"),
                Some("XXXX-11-20"),
                false,
            ),
            (
                "Out from 4 to 22 January, 2017.",
                None,
                "from 4 to 22 January, 2017",
                Some("2017-01-04"),
                Some("2017-01-22"),
                false,
            ),
            (
                "Out today till tomorrow.",
                Some("2016-11-07"),
                "today till tomorrow",
                Some("2016-11-07"),
                Some("2016-11-08"),
                true,
            ),
            (
                "Out Friday through Sunday.",
                None,
                "Friday through Sunday",
                None,
                None,
                true,
            ),
        ]);
        // A change of a count is not a range of years.
        check(&[("It rose from 1500 to 2000 members.", None, &[])]);
    }

    #[test]
    fn names_and_urls_are_not_dates() {
        let text = "See example.com/2019/05/01 and Sunday Times reports from 2016.";
        let url = Span::new(4, 26);
        let times = Span::new(31, 43);
        let got = run_with(text, None, &[url], &[times]);
        assert_eq!(
            got,
            vec![(
                "2016".to_string(),
                Some("2016".to_string()),
                None,
                None,
                false
            )]
        );
    }

    #[test]
    fn spans_lie_in_the_sentence_and_any_text_is_safe() {
        let texts = [
            "",
            "—",
            "1",
            "'",
            "May",
            "on 31",
            "the 3",
            "12/12/12/12",
            "2021-05-10T",
            "2021-05-10T25:99",
            "From 1981 to",
            "between and",
            "Mon, 10 May 2021 09:46:35 +",
            "99999999999999999999 years ago",
            "in 9999 and 10000",
            "é 1981 ü 30 août",
            "the first Friday of",
        ];
        for t in texts {
            for r in [
                None,
                Some("2016-11-07"),
                Some("0000-01-01"),
                Some("9999-12-31"),
            ] {
                let ctx = SentenceContext {
                    text: t,
                    span: Span::new(0, t.len()),
                    index: 0,
                    protected: &[],
                    mentions: &[],
                    reference_date: r.map(|r| Date::parse_ymd(r).unwrap()),
                };
                let mut out = Vec::new();
                find(&ctx, cues(t), &mut out);
                for c in out {
                    assert!(
                        c.span.end <= t.len()
                            && t.is_char_boundary(c.span.start)
                            && t.is_char_boundary(c.span.end)
                    );
                }
            }
        }
    }
}
