//! Durations: a number of seconds, minutes, hours, days, weeks, months, years or decades
//! (`five-day conference`, `eight-year war`, `for three months`, `at least 15 years`,
//! `30 years or more`, `two-decade long`, `half an hour`), ages (`aged 93`,
//! `a 45-year-old`, `93 years old`, `Smith, 45,`: years). `40 years ago` is a date, not
//! a duration, and a unit with no number (`for decades`, `for years`) is no claim.

use super::context::{self, Figures, is_month, qualifier_after, qualifier_before};
use super::number::NumberMatch;
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

/// The first letters and lengths of the words of [`UNITS`] (see [`context::fits`]).
static UNIT_SHAPES: [u32; 32] = {
    let mut t = [0u32; 32];
    let mut k = 0;
    while k < UNITS.len() {
        let b = UNITS[k].0.as_bytes();
        t[(b[0] & 31) as usize] |= 1 << b.len();
        k += 1;
    }
    t
};

fn unit_of(w: &str) -> Option<(&'static str, i64)> {
    // Most words are ruled out by their first letter and length.
    if !context::fits(&UNIT_SHAPES, w) {
        return None;
    }
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

/// Pushes the duration claims of the sentence.
pub(crate) fn find<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    for n in &f.nums {
        if n.form.name_hyphen || n.form.signed || n.form.pence || n.form.code_prefix {
            continue;
        }
        duration_at(f, n, out);
    }
}

/// Pushes the duration claim of `n`, if it is one (built in place: a claim is big).
fn duration_at<'t>(
    f: &Figures<'t, '_>,
    n: &NumberMatch<'t>,
    out: &mut Vec<Claim<'t>>,
) -> Option<()> {
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
    } else if appositive_age(f, n, out).is_some() {
        return Some(());
    } else {
        return None;
    }
    if mult != 1 {
        amount = amount.times(Number::from(mult))?;
    }
    let mut span = Span::new(start, end);
    let mut qualifier = None;
    if age_word.is_none() {
        if let Some((qs, q)) = qualifier_before(f, start) {
            span.start = qs;
            qualifier = Some(q);
        }
    }
    if qualifier.is_none() {
        if let Some((qe, q)) = qualifier_after(f, end) {
            span.end = qe;
            qualifier = Some(q);
        }
    }
    out.push(f.claim(ClaimKind::Duration, span, amount));
    let c = out.last_mut()?;
    c.unit = Some(unit.into());
    c.qualifier = qualifier;
    Some(())
}

/// An age in apposition to a name: `Maryam Smith, 45, said`, `Smith, 45,`, `with Eileen
/// Lee, 24.`, `Eileen Lee (24)`. A number from 1 to 119 in digits, set off by commas or
/// brackets right after a capitalised word; when the age closes the sentence or sits in
/// brackets, the name must be a person's: two capitalised words, or an entity mention.
fn appositive_age<'t>(
    f: &Figures<'t, '_>,
    n: &NumberMatch<'t>,
    out: &mut Vec<Claim<'t>>,
) -> Option<()> {
    let text = f.text;
    if !n.form.digits || n.form.words {
        return None;
    }
    let v = n.amount.exact()?.to_i64()?;
    if !(1..=119).contains(&v) {
        return None;
    }
    let open = f
        .prev(n.span.start)
        .filter(|t| t.is_char(text, ',') || t.is_char(text, '('))?;
    let bracket = open.is_char(text, '(');
    let name = f.prev(open.span.start).filter(Token::is_word)?;
    if !name_like(name.text(text)) {
        return None;
    }
    let person = f
        .prev(name.span.start)
        .is_some_and(|p| p.is_word() && name_like(p.text(text)))
        || f.mentions.iter().any(|m| m.end == name.span.end);
    let close = f.next(n.span.end);
    let closed = match close {
        // `Tom Okafor (52)`; not seeds or scores (`Roger Smith (2) beat Ian Jones (5)`,
        // `New Zealand (1), Scotland (8)`): no other bracketed number in the sentence.
        Some(c) if bracket => c.is_char(text, ')') && person && !other_bracketed_number(f, n),
        Some(c) if c.is_char(text, ',') || c.is_char(text, ')') => true,
        Some(c) if c.is_char(text, '.') || c.is_char(text, ';') => {
            person
                && f.next(c.span.end)
                    .is_none_or(|x| !x.is_word() || c.is_char(text, ';'))
        }
        None => person && !bracket,
        _ => false,
    };
    if !closed {
        return None;
    }
    out.push(f.claim(ClaimKind::Duration, n.span, n.amount));
    out.last_mut()?.unit = Some("year".into());
    Some(())
}

/// Another number in brackets in the sentence than `n`: a list of seeds or scores.
fn other_bracketed_number(f: &Figures<'_, '_>, n: &NumberMatch<'_>) -> bool {
    f.nums.iter().any(|m| {
        m.span != n.span
            && f.prev(m.span.start).is_some_and(|t| t.is_char(f.text, '('))
            && f.next(m.span.end).is_some_and(|t| t.is_char(f.text, ')'))
    })
}

/// A capitalised word that may be (part of) a name: not a month, a weekday or all capitals.
fn name_like(w: &str) -> bool {
    scan::is_capitalised(w)
        && !is_month(w)
        && !is_weekday(w)
        && !w.chars().all(|c| !c.is_lowercase())
}

fn is_weekday(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        scan::lower(w, &mut buf),
        Some("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
    )
}

#[cfg(test)]
mod tests {
    use crate::claims::testing::{Expect, check_kind};
    use crate::claims::{ClaimKind, Qualifier};

    #[test]
    fn units_by_shape() {
        let reference = |w: &str| {
            let l = w.to_ascii_lowercase();
            super::UNITS
                .iter()
                .find(|(k, _, _)| w.is_ascii() && *k == l)
                .map(|&(_, u, m)| (u, m))
        };
        for (k, _, _) in super::UNITS {
            for w in [
                k.to_string(),
                k.to_uppercase(),
                format!("{k}s"),
                k[1..].to_string(),
            ] {
                assert_eq!(super::unit_of(&w), reference(&w), "{w:?}");
            }
        }
        for w in ["", "people", "Yéars", "centuriesandmore", "yr", "%"] {
            assert_eq!(super::unit_of(w), reference(w), "{w:?}");
        }
    }

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
        // An age in apposition that ends the sentence, or in brackets, after a name of
        // two capitalised words.
        duration(
            "She was travelling with Anna Berg, 31.",
            &[Expect::duration("31", "31", "year")],
        );
        duration(
            "Tom Okafor (52) was hurt.",
            &[Expect::duration("52", "52", "year")],
        );
        duration(
            "Berg, 31, and Okafor, 52, left.",
            &[
                Expect::duration("31", "31", "year"),
                Expect::duration("52", "52", "year"),
            ],
        );
    }

    #[test]
    fn not_ages() {
        duration("In Glasgow, 24 were hurt.", &[]);
        duration("It was played in Leeds, 3.", &[]);
        duration("The score: Arsenal (2) and Chelsea (1).", &[]);
        duration("In March, 24.", &[]);
        duration("Anna Berg, 150, said", &[]);
        duration("Roger Smith (2) beat Ian Jones (5).", &[]);
        duration("New Zealand (1), Scotland (8), Tonga.", &[]);
    }

    #[test]
    fn not_durations() {
        duration("40 years ago", &[]);
        duration("for the 2005 year", &[]);
        duration("One day, he left.", &[]);
        duration("in recent decades", &[]);
        // A plural unit with no number is no claim (SPEC bounds only `hundreds` …).
        duration("for decades the group", &[]);
        duration("a decades-long feud", &[]);
        duration("For years, and for many decades, it", &[]);
        duration("On August 30, 1981, they", &[]);
    }
}
