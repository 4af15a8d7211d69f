//! Quantities: a count of things or people that is not a casualty figure, with `unit` the
//! counted noun (`Over 300 accounts, pages and groups` → `accounts`; `nearly 3,500 MEK
//! exiles` → `exiles`; `the two sides` → `sides`; `thousands of Iranian and
//! non-Iranians` → `Iranian and non-Iranians`). A vague amount with no noun
//! (`viewed in the hundreds`) is a quantity without a unit, and so is the value of a count
//! named before it (`whose number is less than 10`, `a crowd numbering about 40`); in `the
//! number of refugees rose to 5,000` the unit is the noun after `of`.
//!
//! Not quantities: the pronoun `one` (`one of the`, `one reason`), references (`page 12`,
//! `Resolution 2231`, `F-16`), numbers in dates, bare years (`the 2012 decision`, `the
//! 1988 massacres`; but `2000 members`), measures (`500 miles`) and multipliers
//! (`3 times`).

use super::context::{
    Figures, gapped_noun, in_date, is_reference, is_stop, looks_plural, noun_phrase,
    qualifier_after, qualifier_before, year_determiner,
};
use super::number::{Amount, NumberMatch};
use super::scan;
use super::{Claim, ClaimKind, Number};
use crate::span::Span;

/// Plural nouns that do not count things: measures, multipliers, time and money.
fn is_measure(w: &str) -> bool {
    matches!(
        w,
        "times"
            | "percent"
            | "percentage"
            | "miles"
            | "kilometres"
            | "kilometers"
            | "km"
            | "kms"
            | "metres"
            | "meters"
            | "feet"
            | "inches"
            | "yards"
            | "tonnes"
            | "tons"
            | "kilograms"
            | "kilos"
            | "kg"
            | "kgs"
            | "grams"
            | "pounds"
            | "ounces"
            | "litres"
            | "liters"
            | "gallons"
            | "barrels"
            | "acres"
            | "hectares"
            | "degrees"
            | "seconds"
            | "minutes"
            | "hours"
            | "days"
            | "weeks"
            | "months"
            | "years"
            | "decades"
            | "centuries"
            | "dollars"
            | "euros"
            | "cents"
            | "pence"
            | "yen"
            | "yuan"
            | "rials"
            | "riyals"
            | "tomans"
            | "dinars"
            | "francs"
            | "rupees"
            | "rubles"
            | "roubles"
            | "shekels"
            | "dirhams"
            | "pesos"
            | "mph"
            | "kph"
            | "bps"
            | "mbps"
            | "gb"
            | "mb"
            | "kb"
            | "watts"
            | "bytes"
            | "kilobytes"
            | "megabytes"
            | "gigabytes"
            | "terabytes"
            | "kilobits"
            | "megabits"
            | "gigabits"
            | "pixels"
            | "megapixels"
            | "megaflops"
            | "teraflops"
            | "hertz"
            | "megahertz"
            | "gigahertz"
            | "decibels"
            | "knots"
            | "volts"
            | "megawatts"
            | "calories"
            | "votes-to"
            | "odds"
            | "thanks"
            | "fold"
            | "ways"
            | "bits"
            | "pcs"
    )
}

/// Pushes the quantity claims of the sentence.
pub(crate) fn find<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    for n in &f.nums {
        quantity_at(f, n, out);
    }
}

/// Pushes the quantity claim of `n`, if it is one (built in place: a claim is big).
fn quantity_at<'t>(
    f: &Figures<'t, '_>,
    n: &NumberMatch<'t>,
    out: &mut Vec<Claim<'t>>,
) -> Option<()> {
    let text = f.text;
    // The tests are pure: the cheap ones go first, the ones that read the words around the
    // figure last.
    if n.form.name_hyphen || n.form.signed || n.form.fraction || n.form.pence {
        return None;
    }
    if let Amount::Exact(v) = n.amount {
        // The pronoun or determiner `one`; `1.5 people`.
        if v == Number::from(1) || !v.is_integer() && n.form.magnitude == 0 {
            return None;
        }
    }
    // `10m` without a currency is as likely metres as millions.
    if n.form.lone_m {
        return None;
    }
    // A hyphenated modifier (`a 300-strong crowd`, `5-star`) is no count.
    if let Some(t) = f.next(n.span.end) {
        if t.is_char(text, '-') && t.span.start == n.span.end {
            return None;
        }
        if t.is_char(text, '%') {
            return None;
        }
    }
    if is_reference(f, n) || in_date(f, n) {
        return None;
    }
    let vague = matches!(n.amount, Amount::Vague { .. });
    let mut span = n.span;
    let mut qualifier = None;
    if let Some((s, q)) = qualifier_before(f, n.span.start) {
        span.start = s;
        qualifier = Some(q);
    }
    let mut np_from = n.span.end;
    if qualifier.is_none() {
        if let Some((e, q)) = qualifier_after(f, n.span.end) {
            span.end = e;
            qualifier = Some(q);
            np_from = e;
        }
    }
    // `has 2000 members`, `about 1500 people`; not `the 1988 massacres`, `in 2016
    // protests`, `2018 elections were held`: a year-like count needs a hedge or a verb of
    // having or counting before it (tested before the noun phrase is looked for).
    if n.form.year_like && !year_counted(f, span.start, qualifier.is_some()) {
        return None;
    }
    let np = noun_phrase(f, np_from, vague);
    let unit = match np {
        Some(p) if p.plural => {
            let mut buf = [0u8; 24];
            let head = &text[p.unit];
            let lw = scan::lower(head.rsplit(' ').next().unwrap_or(head), &mut buf).unwrap_or("");
            if is_measure(lw) {
                return None;
            }
            Some(p.unit)
        }
        _ if vague && f.next_is(n.span.end, "of").is_none() => {
            gapped_noun(f, span.start, n.span.end).map(|p| p.unit)
        }
        // `140,000 people were killed and five million left homeless`: the noun is shared.
        _ if !n.form.year_like => match gapped_noun(f, span.start, n.span.end) {
            Some(p) => Some(p.unit),
            None => count_subject(f, span.start, np_from)?,
        },
        _ => return None,
    };
    if n.form.year_like && unit.is_none() {
        return None;
    }
    out.push(f.claim(
        ClaimKind::Quantity,
        Span::new(span.start, span.end),
        n.amount,
    ));
    let c = out.last_mut()?;
    c.qualifier = qualifier;
    c.unit = unit.map(|u| text[u].into());
    Some(())
}

/// True if a year-like figure starting at `start` is a count: it has a hedge (`qualified`)
/// or a verb of having or counting before it, and no determiner of years (`in 2016`).
fn year_counted(f: &Figures<'_, '_>, start: usize, qualified: bool) -> bool {
    let text = f.text;
    let prev = f.prev(start).filter(|p| p.is_word());
    let counted = qualified
        || prev.is_some_and(|p| {
            let mut buf = [0u8; 24];
            matches!(
                scan::lower(p.text(text), &mut buf),
                Some(
                    "has"
                        | "have"
                        | "had"
                        | "with"
                        | "employs"
                        | "employed"
                        | "hosts"
                        | "hosted"
                        | "houses"
                        | "housed"
                        | "sent"
                        | "deployed"
                        | "includes"
                        | "included"
                        | "including"
                        | "numbering"
                        | "totalling"
                        | "totaling"
                        | "recruited"
                        | "trained"
                        | "arrested"
                        | "detained"
                        | "registered"
                        | "counted"
                        | "another"
                        | "than"
                        | "by"
                        | "to"
                        | "and"
                        | "or"
                )
            )
        });
    counted && !prev.is_some_and(|p| year_determiner(p.text(text)) && !p.is(text, "to"))
}

/// Nouns that name a count whose value a figure can give: `their number is 40`.
fn is_count_noun(w: &str) -> bool {
    matches!(
        w,
        "number" | "total" | "turnout" | "attendance" | "membership" | "headcount" | "tally"
    )
}

/// A figure given as the value of a count named before it, with no noun of its own:
/// `whose number is less than 10`, `their number has grown to about 300`, `a crowd
/// numbering 40`, `the total stood at 12`, `the number of refugees rose to 5,000`. Gives
/// the unit: the plural after `of` (`refugees`), else none. `start` is where the figure
/// and its qualifier start, `end` where they end.
fn count_subject(f: &Figures<'_, '_>, start: usize, end: usize) -> Option<Option<Span>> {
    let text = f.text;
    // After a linking verb, nothing that could be the figure's own noun follows: the
    // clause ends, or a function word comes (`is less than 10, are`, `was 40 in 2019`).
    let clause_ends = || {
        f.next(end).filter(|t| t.is_word()).is_none_or(|t| {
            let mut buf = [0u8; 24];
            scan::lower(t.text(text), &mut buf).is_some_and(is_stop)
        })
    };
    let mut at = start;
    for _ in 0..4 {
        let p = f.prev(at).filter(|t| t.is_word())?;
        let mut buf = [0u8; 24];
        let w = scan::lower(p.text(text), &mut buf)?;
        match w {
            "numbering" | "numbered" | "totalling" | "totaling" | "totalled" | "totaled" => {
                return Some(None);
            }
            "is" | "was" | "are" | "were" | "be" | "been" | "has" | "have" | "had" | "stood"
            | "stands" | "at" | "to" | "rose" | "risen" | "grew" | "grown" | "fell" | "fallen"
            | "reached" | "dropped" | "climbed" | "now" | "only" | "still" => at = p.span.start,
            _ if at == start || !clause_ends() => return None,
            _ if is_count_noun(w) => {
                // `their number`, `the total`; not `a phone number` or `room number 12`.
                let d = f.prev(p.span.start).filter(|t| t.is_word())?;
                let mut b2 = [0u8; 24];
                let det = scan::lower(d.text(text), &mut b2)?;
                return matches!(
                    det,
                    "the" | "their" | "its" | "whose" | "our" | "this" | "that" | "overall"
                )
                .then_some(None);
            }
            // `the number of refugees has risen to 5,000`
            _ if looks_plural(w) && !is_measure(w) => {
                let of = f.prev(p.span.start).filter(|t| t.is(text, "of"))?;
                let head = f.prev(of.span.start).filter(|t| t.is_word())?;
                let mut b2 = [0u8; 24];
                return is_count_noun(scan::lower(head.text(text), &mut b2)?)
                    .then_some(Some(p.span));
            }
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::claims::testing::{Expect, check_kind};
    use crate::claims::{ClaimKind, Qualifier};

    fn quantity(text: &str, want: &[Expect]) {
        check_kind(ClaimKind::Quantity, text, want);
    }

    #[test]
    fn counts() {
        quantity(
            "Over 300 accounts, pages and groups were tagged.",
            &[Expect::quantity("Over 300", "300", "accounts").qualifier(Qualifier::MoreThan)],
        );
        quantity(
            "It hosted nearly 3,500 MEK exiles.",
            &[Expect::quantity("nearly 3,500", "3500", "exiles").qualifier(Qualifier::Nearly)],
        );
        quantity(
            "It paid three leading Washington lobbying firms.",
            &[Expect::quantity("three", "3", "firms")],
        );
        quantity(
            "at a time the two sides dance around",
            &[Expect::quantity("two", "2", "sides")],
        );
        quantity(
            "the release of two French hostages in Lebanon",
            &[Expect::quantity("two", "2", "hostages")],
        );
        quantity(
            "filled by thousands of Iranian and non-Iranians.",
            &[
                Expect::quantity("thousands", "", "Iranian and non-Iranians")
                    .bounds("1000", "10000"),
            ],
        );
        quantity(
            "Facebook has closed hundreds of fake accounts.",
            &[Expect::quantity("hundreds", "", "accounts").bounds("100", "1000")],
        );
        quantity(
            "embassies in 13 countries",
            &[Expect::quantity("13", "13", "countries")],
        );
        quantity(
            "The party has 2000 members.",
            &[Expect::quantity("2000", "2000", "members")],
        );
        quantity(
            "between eight and ten soldiers",
            &[Expect::quantity("between eight and ten", "", "soldiers").bounds("8", "10")],
        );
        quantity("10m people", &[]);
        quantity(
            "2 million people",
            &[Expect::quantity("2 million", "2000000", "people")],
        );
    }

    #[test]
    fn acronyms_inside_the_phrase() {
        quantity(
            "It aired on all three big US cable channels.",
            &[Expect::quantity("three", "3", "channels")],
        );
        quantity(
            "The firm hired 40 IT specialists.",
            &[Expect::quantity("40", "40", "specialists")],
        );
        // In capitals throughout, function words still end the phrase.
        quantity(
            "FIVE BOATS IN US WATERS",
            &[Expect::quantity("FIVE", "5", "BOATS")],
        );
        quantity("THEY SAW 5 IN US WATERS", &[]);
    }

    #[test]
    fn shared_noun() {
        // A figure with no noun of its own takes that of the clause it is coordinated with.
        quantity(
            "Some 3,000 homes were flooded and 400 lost power.",
            &[
                Expect::quantity("Some 3,000", "3000", "homes").qualifier(Qualifier::Approximately),
                Expect::quantity("400", "400", "homes"),
            ],
        );
        quantity(
            "About 50 pupils passed while 12 failed.",
            &[
                Expect::quantity("About 50", "50", "pupils").qualifier(Qualifier::Approximately),
                Expect::quantity("12", "12", "pupils"),
            ],
        );
        // No verb between: not a coordination of clauses.
        quantity(
            "He saw 30 cars and 12 left.",
            &[Expect::quantity("30", "30", "cars")],
        );
        // A multiplier or a share has no count of its own.
        quantity(
            "There are 3 million phones in use and three times more laptops.",
            &[Expect::quantity("3 million", "3000000", "phones")],
        );
    }

    #[test]
    fn head_of_the_phrase() {
        // Coordinated modifiers before one head: the head is the unit.
        quantity(
            "They counted 120 urban and rural schools.",
            &[Expect::quantity("120", "120", "schools")],
        );
        quantity(
            "We met 15 film and theatre directors.",
            &[Expect::quantity("15", "15", "directors")],
        );
        // Two coordinated nouns: as written.
        quantity(
            "It drew hundreds of Kurdish and non-Kurds.",
            &[Expect::quantity("hundreds", "", "Kurdish and non-Kurds").bounds("100", "1000")],
        );
        // A plural in `-s` is no modifier: a verb follows it.
        quantity(
            "The board of 12 directors meets today.",
            &[Expect::quantity("12", "12", "directors")],
        );
        quantity(
            "A panel of 9 judges rules on it.",
            &[Expect::quantity("9", "9", "judges")],
        );
        // Plurals that do modify: no `-s` form, or used only in the plural.
        quantity(
            "It employs 300 police officers and 20 arms inspectors.",
            &[
                Expect::quantity("300", "300", "officers"),
                Expect::quantity("20", "20", "inspectors"),
            ],
        );
    }

    #[test]
    fn value_of_a_named_count() {
        quantity(
            "The protesters, whose number was less than 20, left.",
            &[Expect::quantity("less than 20", "20", "")
                .no_unit()
                .qualifier(Qualifier::LessThan)],
        );
        quantity(
            "Their number has grown to about 400.",
            &[Expect::quantity("about 400", "400", "")
                .no_unit()
                .qualifier(Qualifier::Approximately)],
        );
        quantity(
            "A crowd numbering 60 gathered.",
            &[Expect::quantity("60", "60", "").no_unit()],
        );
        quantity(
            "The total stood at 35 on Friday.",
            &[Expect::quantity("35", "35", "").no_unit()],
        );
        quantity(
            "The number of refugees rose to 5,000 this week.",
            &[Expect::quantity("5,000", "5000", "refugees")],
        );
        // Not a count's value: a name or a reference, a noun of its own, no count noun.
        quantity("His phone number is 12, he said.", &[]);
        quantity("The number is 10 Downing Street.", &[]);
        quantity("The score was 3 at half time.", &[]);
        quantity("The number of years was 12.", &[]);
        quantity("The total reached 2000.", &[]);
    }

    #[test]
    fn not_quantities() {
        quantity(
            "In one of the most famous ones, money is one reason, as one that can.",
            &[],
        );
        quantity(
            "a single location and the first post-revolution election",
            &[],
        );
        quantity(
            "the 2012 decision and the 1988 massacres in 2016 protests",
            &[],
        );
        quantity("see page 12 and Resolution 2231 and the F-16 jets", &[]);
        quantity("It ran 500 miles, 3 times, in 7Tir and P4+1 talks.", &[]);
        quantity("It streams at 8 megabits and stores 30 gigabytes.", &[]);
        // A verb in `-s`, with its object, is no counted noun.
        quantity("A reading above 50 indicates a level of growth.", &[]);
        quantity("The 19 firm handles a roster.", &[]);
        quantity(
            "It gives a million more tenants the right to buy.",
            &[Expect::quantity("a million", "1000000", "tenants")],
        );
        quantity(
            "Two of the three drugs that failed; he called the nine vendors the key.",
            &[
                Expect::quantity("three", "3", "drugs"),
                Expect::quantity("nine", "9", "vendors"),
            ],
        );
        quantity(
            "The 4 partners meets the board; 150,000 cars a year.",
            &[
                Expect::quantity("4", "4", "partners"),
                Expect::quantity("150,000", "150000", "cars"),
            ],
        );
        quantity("On August 30, 1981 they left.", &[]);
    }
}
