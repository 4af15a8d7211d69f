//! Durations: a number of seconds, minutes, hours, days, weeks, months, years or decades
//! (`five-day conference`, `eight-year war`, `for three months`, `at least 15 years`,
//! `30 years or more`, `two-decade long`, `half an hour`), ages (`aged 93`,
//! `a 45-year-old`, `93 years old`, `Smith, 45,`: years), and `decades` (vague: 1…10
//! decades). `40 years ago` is a date, not a duration.

use memchr::memmem;
use once_cell::sync::Lazy;

use super::context::{Figures, is_month, qualifier_after, qualifier_before};
use super::number::{Amount, NumberMatch};
use super::scan::{self, Token};
use super::{Claim, ClaimKind, Number};
use crate::span::Span;

/// Time unit words, the SPEC unit, and how many of that unit one is.
const UNITS: &[(&str, &str, i64)] = &[
    ("second", "second", 1),
    ("seconds", "second", 1),
    ("secs", "second", 1),
    ("minute", "minute", 1),
    ("minutes", "minute", 1),
    ("mins", "minute", 1),
    ("hour", "hour", 1),
    ("hours", "hour", 1),
    ("hrs", "hour", 1),
    ("day", "day", 1),
    ("days", "day", 1),
    ("week", "week", 1),
    ("weeks", "week", 1),
    ("fortnight", "week", 2),
    ("fortnights", "week", 2),
    ("month", "month", 1),
    ("months", "month", 1),
    ("year", "year", 1),
    ("years", "year", 1),
    ("yr", "year", 1),
    ("yrs", "year", 1),
    ("decade", "decade", 1),
    ("decades", "decade", 1),
    ("century", "year", 100),
    ("centuries", "year", 100),
];

fn unit_of(w: &str) -> Option<(&'static str, i64)> {
    let mut buf = [0u8; 24];
    let l = scan::lower(w, &mut buf)?;
    UNITS
        .iter()
        .find(|(k, _, _)| *k == l)
        .map(|&(_, u, m)| (u, m))
}

/// The time unit after the number ending at `end` (`five-day`, `30 years`): the unit
/// token, the unit and its multiplier.
fn unit_after(f: &Figures<'_, '_>, end: usize) -> Option<(Token, &'static str, i64)> {
    let mut t = f.next(end)?;
    if t.is_char(f.text, '-') || t.is_char(f.text, '‐') {
        t = f.next(t.span.end)?;
    }
    if !t.is_word() {
        return None;
    }
    let (u, m) = unit_of(t.text(f.text))?;
    Some((t, u, m))
}

/// Finds `ecades`, the tail of `decades` / `Decades`.
pub(crate) static DECADES: Lazy<memmem::Finder<'static>> =
    Lazy::new(|| memmem::Finder::new(b"ecades"));

/// Pushes the duration claims of the sentence.
pub(crate) fn find<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    for n in &f.nums {
        if n.form.name_hyphen || n.form.signed || n.form.pence || n.form.code_prefix {
            continue;
        }
        if let Some(c) = duration_at(f, n) {
            out.push(c);
        }
    }
    vague_decades(f, out);
}

fn duration_at<'t>(f: &Figures<'t, '_>, n: &NumberMatch<'t>) -> Option<Claim<'t>> {
    let text = f.text;
    let mut start = n.span.start;
    let mut end = n.span.end;
    let mut unit = "year";
    let mut mult = 1;
    let mut amount = n.amount;
    let age_word = f.prev(n.span.start).and_then(|p| {
        if p.is(text, "aged") {
            Some(p.span.start)
        } else if p.is(text, "of") {
            f.prev_is(p.span.start, "age").map(|a| a.span.start)
        } else if p.is(text, "age") {
            Some(p.span.start)
        } else {
            None
        }
    });
    if let Some(s) = age_word.filter(|_| n.form.digits || n.form.words) {
        // `aged 93`, `at the age of 93`
        n.amount
            .exact()?
            .to_i64()
            .filter(|v| (0..=130).contains(v))?;
        start = s;
    } else if n.form.fraction {
        // `half an hour`, `half a century`, `a quarter of a century`, `three quarters of an hour`
        let mut at = n.span.end;
        if let Some(of) = f.next_is(at, "of") {
            at = of.span.end;
        } else if !scan::ends_with_ci(n.text, "half") {
            return None;
        }
        let a = f.next(at).filter(|a| a.is(text, "a") || a.is(text, "an"))?;
        let (t, u, m) = unit_after(f, a.span.end)?;
        end = t.span.end;
        unit = u;
        mult = m;
    } else if let Some((t, u, m)) = unit_after(f, n.span.end) {
        // `40 years ago` is a date, and so is `the 2005 year`.
        if f.next_is(t.span.end, "ago").is_some()
            || n.form.year_like && t.text(text).len() == u.len()
        {
            return None;
        }
        // `One day, …`: an adverb, not a length of time.
        if u == "day" && n.form.words && n.amount.exact() == Some(Number::from(1)) {
            let prep = f.prev(n.span.start).is_some_and(|p| {
                [
                    "for", "within", "only", "just", "than", "in", "after", "last", "over", "a",
                ]
                .iter()
                .any(|w| p.is(text, w))
            });
            if !prep {
                return None;
            }
        }
        end = t.span.end;
        unit = u;
        mult = m;
        // `45-year-old`, `93 years old`, `two-decade long`, `decades-long`
        if let Some(h) = f.next(end) {
            let glued_hyphen = h.is_char(text, '-') && h.span.start == end;
            let after = if glued_hyphen {
                f.next(h.span.end)
            } else {
                Some(h)
            };
            let hyphenated = text[n.span.end..t.span.start].contains(['-', '‐']);
            if let Some(a) = after
                .filter(|a| a.is(text, "old") || (glued_hyphen || hyphenated) && a.is(text, "long"))
            {
                end = a.span.end;
            }
        }
    } else if let Some(c) = appositive_age(f, n) {
        return Some(c);
    } else {
        return None;
    }
    if mult != 1 {
        amount = amount.times(Number::from(mult))?;
    }
    let mut c = f.claim(ClaimKind::Duration, Span::new(start, end), amount);
    c.unit = Some(unit.into());
    let mut span = c.span;
    if age_word.is_none() {
        if let Some((qs, q)) = qualifier_before(f, start) {
            span.start = qs;
            c.qualifier = Some(q);
        }
    }
    if c.qualifier.is_none() {
        if let Some((qe, q)) = qualifier_after(f, end) {
            span.end = qe;
            c.qualifier = Some(q);
        }
    }
    c.span = span;
    c.text = &text[span];
    Some(c)
}

/// `Maryam Smith, 45, said`: an age in commas after a name.
fn appositive_age<'t>(f: &Figures<'t, '_>, n: &NumberMatch<'t>) -> Option<Claim<'t>> {
    let text = f.text;
    if !n.form.digits || n.form.words {
        return None;
    }
    let v = n.amount.exact()?.to_i64()?;
    if !(1..=120).contains(&v) {
        return None;
    }
    let comma = f.prev(n.span.start).filter(|t| t.is_char(text, ','))?;
    let name = f.prev(comma.span.start).filter(Token::is_word)?;
    let w = name.text(text);
    if !scan::is_capitalised(w) || is_month(w) || is_weekday(w) || w.chars().all(char::is_uppercase)
    {
        return None;
    }
    let close = f.next(n.span.end)?;
    if !(close.is_char(text, ',') || close.is_char(text, ')')) {
        return None;
    }
    let mut c = f.claim(ClaimKind::Duration, n.span, n.amount);
    c.unit = Some("year".into());
    Some(c)
}

fn is_weekday(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        scan::lower(w, &mut buf),
        Some("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
    )
}

/// `for decades`, `decades of`, `decades-long`: value null, 1…10 decades.
fn vague_decades<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    let text = f.text;
    let sentence = &text.as_bytes()[f.lo..f.hi];
    for at in DECADES.find_iter(sentence) {
        let Some(d) = (f.lo + at).checked_sub(1) else {
            continue;
        };
        if d < f.lo || !matches!(text.as_bytes()[d], b'd' | b'D') {
            continue;
        }
        let end = f.lo + at + "ecades".len();
        if scan::word_char_before(text, d, f.lo) || scan::word_char_at(text, end, f.hi) {
            continue;
        }
        let mut start = d;
        if let Some(p) = f.prev(d) {
            let mut buf = [0u8; 24];
            let w = scan::lower(p.text(text), &mut buf).unwrap_or("");
            if super::number::is_number_word(w)
                || f.number_ends_at(p.span.end)
                || matches!(
                    w,
                    "recent"
                        | "past"
                        | "coming"
                        | "last"
                        | "previous"
                        | "next"
                        | "few"
                        | "the"
                        | "those"
                        | "these"
                )
            {
                continue;
            }
            if matches!(w, "many" | "several") {
                start = p.span.start;
            }
        }
        if f.next_is(end, "ago").is_some() {
            continue;
        }
        let amount = Amount::Vague {
            min: Number::from(1),
            max: Number::from(10),
        };
        let mut c = f.claim(ClaimKind::Duration, Span::new(start, end), amount);
        c.unit = Some("decade".into());
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::testing::{Expect, check_kind};
    use crate::claims::{ClaimKind, Qualifier};

    fn duration(text: &str, want: &[Expect]) {
        check_kind(ClaimKind::Duration, text, want);
    }

    #[test]
    fn units() {
        duration(
            "a five-day conference",
            &[Expect::duration("five-day", "5", "day")],
        );
        duration(
            "the eight-year war",
            &[Expect::duration("eight-year", "8", "year")],
        );
        duration(
            "for three months",
            &[Expect::duration("three months", "3", "month")],
        );
        duration(
            "jailed for at least 15 years",
            &[Expect::duration("at least 15 years", "15", "year").qualifier(Qualifier::AtLeast)],
        );
        duration(
            "30 years or more",
            &[Expect::duration("30 years or more", "30", "year").qualifier(Qualifier::AtLeast)],
        );
        duration(
            "a two-decade long feud",
            &[Expect::duration("two-decade long", "2", "decade")],
        );
        duration(
            "half an hour",
            &[Expect::duration("half an hour", "0.5", "hour")],
        );
        duration(
            "one and a half years",
            &[Expect::duration("one and a half years", "1.5", "year")],
        );
        duration(
            "two centuries",
            &[Expect::duration("two centuries", "200", "year")],
        );
        duration(
            "between 8 and 10 weeks",
            &[Expect::duration("between 8 and 10 weeks", "", "week").bounds("8", "10")],
        );
    }

    #[test]
    fn ages() {
        duration(
            "a 45-year-old man",
            &[Expect::duration("45-year-old", "45", "year")],
        );
        duration(
            "She died aged 93.",
            &[Expect::duration("aged 93", "93", "year")],
        );
        duration(
            "He is 93 years old.",
            &[Expect::duration("93 years old", "93", "year")],
        );
        duration(
            "John Smith, 45, said",
            &[Expect::duration("45", "45", "year")],
        );
    }

    #[test]
    fn vague() {
        duration(
            "for decades the group",
            &[Expect::duration("decades", "", "decade").bounds("1", "10")],
        );
        duration(
            "a decades-long feud",
            &[Expect::duration("decades", "", "decade").bounds("1", "10")],
        );
    }

    #[test]
    fn not_durations() {
        duration("40 years ago", &[]);
        duration("for the 2005 year", &[]);
        duration("One day, he left.", &[]);
        duration("in recent decades", &[]);
        duration("On August 30, 1981, they", &[]);
    }
}
