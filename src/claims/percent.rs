//! Percentages: `76%`, `76 percent`, `76 per cent`, `2.5 percentage points`, `30-40%`,
//! `percent of 10`, and fractions of a whole (`nearly half` = 50, `a third` = 33.33,
//! `two-thirds` = 66.67, `three quarters` = 75, `one in three` = 33.33), rounded to two
//! decimals. `the majority`, `the first half` and `a third country` are not percentages.

use super::context::{Figures, qualifier_after, qualifier_before};
use super::number::{Amount, NumberMatch};
use super::scan::{self, Token};
use super::{Claim, ClaimKind, Number};
use crate::span::Span;

/// The end of a percent sign or word after `end`.
fn percent_word(f: &Figures<'_, '_>, end: usize) -> Option<usize> {
    let t = f.next(end)?;
    if t.is_char(f.text, '%') || t.is_char(f.text, '％') {
        return Some(t.span.end);
    }
    // Every percent word starts with a `p`: most words are ruled out before lowering.
    if !t.is_word() || f.text.as_bytes()[t.span.start] | 0x20 != b'p' {
        return None;
    }
    let mut buf = [0u8; 24];
    match scan::lower(&f.text[t.span], &mut buf)? {
        "percent" | "percents" | "pct" | "pc" => Some(t.span.end),
        "percentage" => {
            // `2.5 percentage points`
            match f.next(t.span.end) {
                Some(p) if p.is(f.text, "points") || p.is(f.text, "point") => Some(p.span.end),
                _ => Some(t.span.end),
            }
        }
        "per" => {
            // `per cent`, `per-cent`
            let mut n = f.next(t.span.end)?;
            if n.is_char(f.text, '-') {
                n = f.next(n.span.end)?;
            }
            n.is(f.text, "cent").then_some(n.span.end)
        }
        _ => None,
    }
}

/// Is a fraction (`half`, `a third`) used as a share of a whole here?
fn fraction_is_share(f: &Figures<'_, '_>, n: &NumberMatch<'_>, qualified: bool) -> bool {
    let text = f.text;
    if let Some(p) = f.prev(n.span.start) {
        let mut buf = [0u8; 24];
        if let Some(w) = scan::lower(p.text(text), &mut buf) {
            if matches!(
                w,
                "the"
                    | "first"
                    | "second"
                    | "last"
                    | "past"
                    | "next"
                    | "previous"
                    | "latest"
                    | "final"
                    | "other"
                    | "each"
                    | "every"
                    | "opening"
                    | "closing"
                    | "early"
                    | "late"
                    | "this"
                    | "that"
                    | "its"
                    | "their"
            ) {
                // `the first half`, `the past three quarters`; `the two-thirds majority` is fine.
                return f.next_is(n.span.end, "majority").is_some();
            }
        }
        if p.is_char(text, '-') && p.span.end == n.span.start {
            return false; // `second-half`
        }
    }
    let Some(t) = f.next(n.span.end) else {
        return qualified;
    };
    if t.is_char(text, '-') && t.span.start == n.span.end {
        return false; // `half-brother`, `quarter-final`
    }
    let mut buf = [0u8; 24];
    let w = scan::lower(t.text(text), &mut buf).unwrap_or("");
    match w {
        "of" => {
            // `half of a million`, `a quarter of an hour`: not shares.
            !f.next(t.span.end)
                .is_some_and(|a| a.is(text, "a") || a.is(text, "an"))
        }
        "majority" => true,
        "the" | "its" | "their" | "his" | "her" | "our" | "all" | "them" | "these" | "those" => {
            scan::ends_with_ci(n.text, "half")
        }
        "a" | "an" => false,
        _ => qualified && (!t.is_word() || is_verbish(w)),
    }
}

/// Words after `nearly half` that show it stands alone: `nearly half were`, `half said`.
fn is_verbish(w: &str) -> bool {
    matches!(
        w,
        "are"
            | "were"
            | "was"
            | "is"
            | "have"
            | "had"
            | "has"
            | "said"
            | "say"
            | "says"
            | "did"
            | "do"
            | "will"
            | "would"
    )
}

/// `one in three`, `two out of five`: the end and the share.
fn one_in(
    f: &Figures<'_, '_>,
    n: &NumberMatch<'_>,
    next: Option<&NumberMatch<'_>>,
) -> Option<(usize, Number)> {
    let a = n.amount.exact()?.to_i64()?;
    let t = f.next(n.span.end)?;
    let mut at = t.span.end;
    if t.is(f.text, "out") {
        at = f.next_is(at, "of")?.span.end;
    } else if !t.is(f.text, "in") {
        return None;
    }
    let m = next?;
    if scan::skip_space(f.text, at, f.hi) != m.span.start || m.form.year_like {
        return None;
    }
    let b = m.amount.exact()?.to_i64()?;
    if a <= 0 || b <= a || b > 1000 {
        return None;
    }
    let v = super::number::ratio(i128::from(a) * 100, i128::from(b))?.rounded(2);
    Some((m.span.end, v))
}

/// Pushes the percent claims of the sentence.
pub(crate) fn find<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    let text = f.text;
    let from = out.len();
    for (i, n) in f.nums.iter().enumerate() {
        if n.form.code_prefix || n.form.pence {
            continue;
        }
        let (end, amount) = if let Some(e) = percent_word(f, n.span.end) {
            (e, n.amount)
        } else if percent_of(f, n.span.start).is_some() {
            // `percent of 10`: the figure follows.
            (n.span.end, n.amount)
        } else if n.form.fraction {
            let qualified = qualifier_before(f, n.span.start).is_some();
            if !fraction_is_share(f, n, qualified) {
                continue;
            }
            let Some(a) = n.amount.times(Number::from(100)) else {
                continue;
            };
            (n.span.end, a.rounded(2))
        } else if let Some((e, v)) = one_in(f, n, f.nums.get(i + 1)) {
            (e, Amount::Exact(v))
        } else {
            continue;
        };
        let mut start = n.span.start;
        if let Some(p) = percent_of(f, n.span.start) {
            start = p;
        }
        let mut c = f.claim(ClaimKind::Percent, Span::new(start, end), amount);
        let mut span = c.span;
        if let Some((qs, q)) = qualifier_before(f, start) {
            span.start = qs;
            c.qualifier = Some(q);
        } else if let Some((qe, q)) = qualifier_after(f, end) {
            span.end = qe;
            c.qualifier = Some(q);
        }
        c.span = span;
        c.text = &text[span];
        out.push(c);
    }
    merge_ranges(f, out, from);
}

/// `percent of` (or `per cent of`, `percents of`) just before `start`, with no figure
/// before it: its start.
fn percent_of(f: &Figures<'_, '_>, start: usize) -> Option<usize> {
    let of = f.prev_is(start, "of")?;
    let p = f.prev(of.span.start)?;
    let mut buf = [0u8; 24];
    let w = scan::lower(p.text(f.text), &mut buf)?;
    let begin: Token = match w {
        "percent" | "percents" => p,
        "cent" => f.prev_is(p.span.start, "per")?,
        _ => return None,
    };
    // A figure before it takes the word: `20 percent of 10 voters`.
    let before = f.prev(begin.span.start);
    if before.is_some_and(|b| f.number_ends_at(b.span.end)) {
        return None;
    }
    Some(begin.span.start)
}

/// `30%-40%`, `between 30% and 40%`: one range.
fn merge_ranges<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>, from: usize) {
    // Claims merged into the one before them, dropped at the end in one pass (removing
    // each at once would move the rest every time).
    let mut merged_away = Vec::new();
    let mut i = from;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let merged = (|| {
            let av = a.value?.as_number()?;
            let bv = b.value?.as_number()?;
            let j = f.next(a.span.end)?;
            if scan::skip_space(f.text, j.span.end, f.hi) != b.span.start {
                return None;
            }
            let between = f.prev_is(a.span.start, "between");
            let dash = j.is_char(f.text, '-') || j.is_char(f.text, '–');
            let ok = if between.is_some() {
                j.is(f.text, "and")
            } else {
                dash || j.is(f.text, "to")
            };
            if !ok || f.prev_is(a.span.start, "from").is_some() || av.to_f64() >= bv.to_f64() {
                return None;
            }
            Some((
                Span::new(between.map_or(a.span.start, |t| t.span.start), b.span.end),
                av,
                bv,
            ))
        })();
        match merged {
            Some((span, min, max)) => {
                let q = out[i].qualifier.or(out[i + 1].qualifier);
                let mut c = f.claim(ClaimKind::Percent, span, Amount::Range { min, max });
                c.qualifier = q;
                out[i] = c;
                merged_away.push(i + 1);
                // A range has no value, so it joins nothing more: go on after it.
                i += 2;
            }
            None => i += 1,
        }
    }
    super::remove_sorted(out, &merged_away);
}

#[cfg(test)]
mod tests {
    use crate::claims::testing::{Expect, check_kind};
    use crate::claims::{ClaimKind, Qualifier};

    fn percent(text: &str, want: &[Expect]) {
        check_kind(ClaimKind::Percent, text, want);
    }

    #[test]
    fn signs_and_words() {
        percent(
            "Support rose to 76% in May.",
            &[Expect::percent("76%", "76")],
        );
        percent(
            "76 percent and 76 per cent and 27 %",
            &[
                Expect::percent("76 percent", "76"),
                Expect::percent("76 per cent", "76"),
                Expect::percent("27 %", "27"),
            ],
        );
        percent(
            "up 2.5 percentage points",
            &[Expect::percent("2.5 percentage points", "2.5")],
        );
        percent(
            "twenty percent, one hundred percents",
            &[
                Expect::percent("twenty percent", "20"),
                Expect::percent("one hundred percents", "100"),
            ],
        );
        percent(
            "just need minus five percent",
            &[Expect::percent("minus five percent", "-5")],
        );
        percent(
            "per cent of twenty-two",
            &[Expect::percent("per cent of twenty-two", "22")],
        );
        percent(
            "between 30 and 40 percent",
            &[Expect::percent("between 30 and 40 percent", "").bounds("30", "40")],
        );
        percent(
            "30%-40% of them",
            &[Expect::percent("30%-40%", "").bounds("30", "40")],
        );
        percent(
            "more than 50% of voters",
            &[Expect::percent("more than 50%", "50").qualifier(Qualifier::MoreThan)],
        );
    }

    #[test]
    fn fractions() {
        percent(
            "Women make up nearly half of the NLA.",
            &[Expect::percent("nearly half", "50").qualifier(Qualifier::Nearly)],
        );
        percent("a third of voters", &[Expect::percent("a third", "33.33")]);
        percent(
            "two-thirds of the seats and a two-thirds majority",
            &[
                Expect::percent("two-thirds", "66.67"),
                Expect::percent("two-thirds", "66.67"),
            ],
        );
        percent(
            "three quarters of them",
            &[Expect::percent("three quarters", "75")],
        );
        percent("half the population", &[Expect::percent("half", "50")]);
        percent(
            "one in three Iranians",
            &[Expect::percent("one in three", "33.33")],
        );
    }

    #[test]
    fn not_percent() {
        percent("the majority of the accounts", &[]);
        percent("in a third country", &[]);
        percent("in the first half of 2020 and the second half", &[]);
        percent("half an hour later", &[]);
        percent("in the past three quarters of the year", &[]);
        percent("his half-brother", &[]);
    }
}
