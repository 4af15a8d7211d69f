//! Money: a number with a currency sign, code or word, in the currency's main unit.
//!
//! `$9m`, `US$20,000`, `C$ 16.4 million`, `€971,890`, `£600m`, `USD 5`, `5 million euros`,
//! `420 million Finnish markka`, `pounds sterling`, `50 cents` (0.5 USD), `470 pence`
//! (4.7 GBP), `12-cent`, `tens of thousands of dollars` (vague: 10000…100000 USD),
//! `multimillion-dollar`, `3 dollars 50 cents` (3.5), ranges (`$5m-$10m`,
//! `between $5m and $10m`, `$5-10 million`) and the qualifiers around them. A bare `$` is
//! USD. `tomans` are counted in rials (1 toman = 10 IRR), the currency's ISO unit.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::context::{Figures, qualifier_after, qualifier_before};
use super::number::{Amount, NumberMatch};
use super::scan::{self, TokKind};
use super::{Claim, ClaimKind, Value};
use crate::claims::Number;
use crate::span::Span;

/// How a currency word relates to its ISO currency's main unit.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Unit {
    Main,
    /// A hundredth: cents, pence.
    Cent,
    /// Ten of the main unit: the toman (10 rials).
    Ten,
}

impl Unit {
    fn factor(self) -> Number {
        match self {
            Unit::Main => Number::from(1),
            Unit::Cent => Number::new(1, 2),
            Unit::Ten => Number::from(10),
        }
    }
}

/// Currency words and phrases written after a number, lowercase, dots dropped.
const WORDS: &[(&str, &str, Unit)] = &[
    ("dollars", "USD", Unit::Main),
    ("dollar", "USD", Unit::Main),
    ("us dollars", "USD", Unit::Main),
    ("us dollar", "USD", Unit::Main),
    ("american dollars", "USD", Unit::Main),
    ("canadian dollars", "CAD", Unit::Main),
    ("canadian dollar", "CAD", Unit::Main),
    ("australian dollars", "AUD", Unit::Main),
    ("australian dollar", "AUD", Unit::Main),
    ("new zealand dollars", "NZD", Unit::Main),
    ("hong kong dollars", "HKD", Unit::Main),
    ("hong kong dollar", "HKD", Unit::Main),
    ("singapore dollars", "SGD", Unit::Main),
    ("taiwan dollars", "TWD", Unit::Main),
    ("new taiwan dollars", "TWD", Unit::Main),
    ("zimbabwe dollars", "ZWL", Unit::Main),
    ("zimbabwean dollars", "ZWL", Unit::Main),
    ("jamaican dollars", "JMD", Unit::Main),
    ("euros", "EUR", Unit::Main),
    ("euro", "EUR", Unit::Main),
    ("pounds sterling", "GBP", Unit::Main),
    ("pound sterling", "GBP", Unit::Main),
    ("sterling", "GBP", Unit::Main),
    ("pounds", "GBP", Unit::Main),
    ("pound", "GBP", Unit::Main),
    ("british pounds", "GBP", Unit::Main),
    ("egyptian pounds", "EGP", Unit::Main),
    ("lebanese pounds", "LBP", Unit::Main),
    ("syrian pounds", "SYP", Unit::Main),
    ("sudanese pounds", "SDG", Unit::Main),
    ("pence", "GBP", Unit::Cent),
    ("penny", "GBP", Unit::Cent),
    ("pennies", "GBP", Unit::Cent),
    ("cents", "USD", Unit::Cent),
    ("cent", "USD", Unit::Cent),
    ("euro cents", "EUR", Unit::Cent),
    ("yen", "JPY", Unit::Main),
    ("japanese yen", "JPY", Unit::Main),
    ("yuan", "CNY", Unit::Main),
    ("chinese yuan", "CNY", Unit::Main),
    ("renminbi", "CNY", Unit::Main),
    ("rmb", "CNY", Unit::Main),
    ("rubles", "RUB", Unit::Main),
    ("ruble", "RUB", Unit::Main),
    ("roubles", "RUB", Unit::Main),
    ("rouble", "RUB", Unit::Main),
    ("russian rubles", "RUB", Unit::Main),
    ("russian roubles", "RUB", Unit::Main),
    ("rials", "IRR", Unit::Main),
    ("rial", "IRR", Unit::Main),
    ("iranian rials", "IRR", Unit::Main),
    ("omani rials", "OMR", Unit::Main),
    ("yemeni rials", "YER", Unit::Main),
    ("tomans", "IRR", Unit::Ten),
    ("toman", "IRR", Unit::Ten),
    ("riyals", "SAR", Unit::Main),
    ("riyal", "SAR", Unit::Main),
    ("saudi riyals", "SAR", Unit::Main),
    ("qatari riyals", "QAR", Unit::Main),
    ("dinars", "IQD", Unit::Main),
    ("dinar", "IQD", Unit::Main),
    ("iraqi dinars", "IQD", Unit::Main),
    ("kuwaiti dinars", "KWD", Unit::Main),
    ("jordanian dinars", "JOD", Unit::Main),
    ("bahraini dinars", "BHD", Unit::Main),
    ("libyan dinars", "LYD", Unit::Main),
    ("tunisian dinars", "TND", Unit::Main),
    ("algerian dinars", "DZD", Unit::Main),
    ("serbian dinars", "RSD", Unit::Main),
    ("francs", "CHF", Unit::Main),
    ("franc", "CHF", Unit::Main),
    ("swiss francs", "CHF", Unit::Main),
    ("swiss franc", "CHF", Unit::Main),
    ("french francs", "FRF", Unit::Main),
    ("belgian francs", "BEF", Unit::Main),
    ("cfa francs", "XOF", Unit::Main),
    ("congolese francs", "CDF", Unit::Main),
    ("lira", "TRY", Unit::Main),
    ("liras", "TRY", Unit::Main),
    ("turkish lira", "TRY", Unit::Main),
    ("turkish liras", "TRY", Unit::Main),
    ("lebanese lira", "LBP", Unit::Main),
    ("syrian lira", "SYP", Unit::Main),
    ("lire", "ITL", Unit::Main),
    ("italian lire", "ITL", Unit::Main),
    ("dirhams", "AED", Unit::Main),
    ("dirham", "AED", Unit::Main),
    ("uae dirhams", "AED", Unit::Main),
    ("emirati dirhams", "AED", Unit::Main),
    ("moroccan dirhams", "MAD", Unit::Main),
    ("shekels", "ILS", Unit::Main),
    ("shekel", "ILS", Unit::Main),
    ("new shekels", "ILS", Unit::Main),
    ("israeli shekels", "ILS", Unit::Main),
    ("rupees", "INR", Unit::Main),
    ("rupee", "INR", Unit::Main),
    ("indian rupees", "INR", Unit::Main),
    ("pakistani rupees", "PKR", Unit::Main),
    ("sri lankan rupees", "LKR", Unit::Main),
    ("nepalese rupees", "NPR", Unit::Main),
    ("pesos", "MXN", Unit::Main),
    ("mexican pesos", "MXN", Unit::Main),
    ("argentine pesos", "ARS", Unit::Main),
    ("chilean pesos", "CLP", Unit::Main),
    ("colombian pesos", "COP", Unit::Main),
    ("philippine pesos", "PHP", Unit::Main),
    ("reais", "BRL", Unit::Main),
    ("brazilian reais", "BRL", Unit::Main),
    ("brazilian real", "BRL", Unit::Main),
    ("rand", "ZAR", Unit::Main),
    ("south african rand", "ZAR", Unit::Main),
    ("naira", "NGN", Unit::Main),
    ("baht", "THB", Unit::Main),
    ("ringgit", "MYR", Unit::Main),
    ("rupiah", "IDR", Unit::Main),
    ("south korean won", "KRW", Unit::Main),
    ("korean won", "KRW", Unit::Main),
    ("north korean won", "KPW", Unit::Main),
    ("won", "KRW", Unit::Main),
    ("kronor", "SEK", Unit::Main),
    ("krona", "SEK", Unit::Main),
    ("swedish kronor", "SEK", Unit::Main),
    ("swedish krona", "SEK", Unit::Main),
    ("icelandic kronur", "ISK", Unit::Main),
    ("kroner", "NOK", Unit::Main),
    ("krone", "NOK", Unit::Main),
    ("norwegian kroner", "NOK", Unit::Main),
    ("danish kroner", "DKK", Unit::Main),
    ("zloty", "PLN", Unit::Main),
    ("zlotys", "PLN", Unit::Main),
    ("forints", "HUF", Unit::Main),
    ("forint", "HUF", Unit::Main),
    ("hryvnias", "UAH", Unit::Main),
    ("hryvnia", "UAH", Unit::Main),
    ("lari", "GEL", Unit::Main),
    ("manat", "AZN", Unit::Main),
    ("afghanis", "AFN", Unit::Main),
    ("taka", "BDT", Unit::Main),
    ("dong", "VND", Unit::Main),
    ("shillings", "KES", Unit::Main),
    ("kenyan shillings", "KES", Unit::Main),
    ("markka", "FIM", Unit::Main),
    ("finnish markka", "FIM", Unit::Main),
    ("guilders", "NLG", Unit::Main),
    ("dutch guilders", "NLG", Unit::Main),
    ("pesetas", "ESP", Unit::Main),
    ("escudos", "PTE", Unit::Main),
    ("drachmas", "GRD", Unit::Main),
    ("deutschmarks", "DEM", Unit::Main),
    ("deutsche marks", "DEM", Unit::Main),
    ("german marks", "DEM", Unit::Main),
];

/// The first words of [`WORDS`] (`u` stands for `U.S.`).
static FIRST_WORDS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    let mut set: HashSet<&str> = WORDS
        .iter()
        .map(|(p, _, _)| p.split(' ').next().unwrap_or(p))
        .collect();
    set.insert("u");
    set
});

/// ISO 4217 codes read before or after a number (`USD 5`, `5 million EUR`, `IRR 500`).
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "IRR", "INR", "CHF", "CAD", "AUD", "NZD", "HKD",
    "SGD", "SAR", "AED", "QAR", "KWD", "IQD", "ILS", "TRY", "RUB", "SEK", "NOK", "DKK", "PLN",
    "HUF", "CZK", "ZAR", "BRL", "MXN", "KRW", "PKR", "EGP", "LBP", "JOD", "BHD", "OMR", "ALL",
    "UAH", "AFN", "AZN", "GEL", "THB", "MYR", "IDR", "PHP", "VND", "NGN", "KES", "ARS", "CLP",
    "COP", "TWD",
];

/// Signs written before a number.
fn sign_currency(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        '₩' => "KRW",
        '₪' => "ILS",
        '₺' => "TRY",
        '₦' => "NGN",
        '﷼' => "IRR",
        '₱' => "PHP",
        '₫' => "VND",
        '₴' => "UAH",
        '₸' => "KZT",
        '₼' => "AZN",
        '₾' => "GEL",
        '₡' => "CRC",
        '₭' => "LAK",
        '฿' => "THB",
        _ => return None,
    })
}

/// Signs written after a number (`100元`, `100 ₡`, `5 €`).
fn sign_after(s: &str) -> Option<&'static str> {
    let c = s.chars().next()?;
    match c {
        '元' => Some("CNY"),
        '€' | '₡' | '₾' | '₭' | '₹' | '₽' | '₺' | '₴' | '₸' | '₼' | '₦' | '₩' | '₪' | '₫' | '₱'
        | '฿' => sign_currency(c),
        _ if s.starts_with("ரூ") => Some("LKR"),
        _ => None,
    }
}

/// Letters before `$` that name a dollar: glued (`US$`, `C$`, `HK$`) or, in tokenised
/// lowercase text, spaced (`us $`, `hk $`, `c $`).
fn dollar_prefix(letters: &str, glued: bool) -> Option<&'static str> {
    let mut buf = [0u8; 24];
    let l = scan::lower(letters, &mut buf)?;
    let code = match l {
        "us" | "u.s" | "u.s." => "USD",
        "c" | "ca" | "can" => "CAD",
        "a" | "au" => "AUD",
        "nz" => "NZD",
        "hk" => "HKD",
        "s" | "sg" => "SGD",
        "r" => "BRL",
        "mx" => "MXN",
        "nt" => "TWD",
        "z" => "ZWL",
        _ => return None,
    };
    if glued {
        // Glued prefixes are written in capitals (`a$` is not AUD).
        letters.chars().any(char::is_uppercase).then_some(code)
    } else {
        // Spaced only in tokenised lowercase text, never the article `a`.
        (letters.chars().all(|c| !c.is_uppercase()) && l != "a" && l != "s" && l != "r")
            .then_some(code)
    }
}

/// A currency found around a number.
#[derive(Clone, Copy, Debug)]
struct Found {
    start: usize,
    end: usize,
    code: &'static str,
    unit: Unit,
    /// Read from a currency word after the number (cents may follow).
    word: bool,
}

/// The currency written before the number at `start`: its start and code.
fn before(f: &Figures<'_, '_>, start: usize) -> Option<(usize, &'static str)> {
    let text = f.text;
    // `USD20,000`
    if start >= f.lo + 3 && text.is_char_boundary(start - 3) {
        let code = &text[start - 3..start];
        if CODES.contains(&code) {
            return Some((start - 3, code_of(code)));
        }
    }
    let t = f.prev(start)?;
    if t.kind == TokKind::Punct {
        let c = text[t.span].chars().next()?;
        let code = sign_currency(c)?;
        if c != '$' {
            return Some((t.span.start, code));
        }
        // `U.S.$`, `u.s. $`, `u.s $`
        let before_sign = &text[f.lo..t.span.start];
        let trimmed = before_sign.trim_end();
        let glued = trimmed.len() == before_sign.len();
        for form in ["U.S.", "U.S", "u.s.", "u.s"] {
            if let Some(rest) = trimmed.strip_suffix(form) {
                if !rest.ends_with(|c: char| c.is_alphanumeric())
                    && (glued || form.starts_with('u'))
                {
                    return Some((f.lo + rest.len(), "USD"));
                }
            }
        }
        if let Some(p) = f.prev(t.span.start).filter(|p| p.is_word()) {
            let is_glued = p.span.end == t.span.start;
            if let Some(code) = dollar_prefix(&text[p.span], is_glued) {
                return Some((p.span.start, code));
            }
        }
        return Some((t.span.start, code));
    }
    // `USD 5`, `Rs 500`; not `ALL 5 solutions` (a code that counts nothing).
    let w = &text[t.span];
    if t.span.end < start && CODES.contains(&w) {
        let n_end = f.number_at(start).map(|n| n.span.end);
        let counts = n_end
            .is_some_and(|e| super::context::noun_phrase(f, e, false).is_some_and(|p| p.plural));
        if !counts {
            return Some((t.span.start, code_of(w)));
        }
    }
    if w == "Rs" || w == "INR" {
        return Some((t.span.start, "INR"));
    }
    if let Some(dot) = f.prev(start).filter(|d| d.is_char(text, '.')) {
        if f.prev(dot.span.start)
            .is_some_and(|p| &text[p.span] == "Rs")
        {
            return Some((dot.span.start - 2, "INR"));
        }
    }
    None
}

fn code_of(w: &str) -> &'static str {
    match w {
        "RMB" => "CNY",
        _ => CODES.iter().find(|c| **c == w).copied().unwrap_or("USD"),
    }
}

/// The currency written after the number ending at `end`.
fn after(f: &Figures<'_, '_>, n: &NumberMatch<'_>) -> Option<Found> {
    let text = f.text;
    let end = n.span.end;
    let t = f.next(end)?;
    if let Some(code) = sign_after(&text[t.span.start..f.hi]) {
        let len = if text[t.span.start..].starts_with("ரூ") {
            "ரூ".len()
        } else {
            text[t.span].len()
        };
        return Some(Found {
            start: n.span.start,
            end: t.span.start + len,
            code,
            unit: Unit::Main,
            word: false,
        });
    }
    // `12-cent`, `one-yen`, `multimillion-dollar`
    let mut from = end;
    let mut hyphen = false;
    if t.is_char(text, '-') && t.span.start == end {
        from = t.span.end;
        hyphen = true;
    }
    // `tens of thousands of dollars`
    if !hyphen && matches!(n.amount, Amount::Vague { .. }) {
        if let Some(of) = f.next_is(end, "of") {
            from = of.span.end;
        }
    }
    // Most numbers count something else: look at the next word before anything dearer.
    let w1 = f.next(from)?;
    if w1.is_word() {
        let mut b1 = [0u8; 24];
        let w = scan::lower(w1.text(text), &mut b1).unwrap_or("");
        if !FIRST_WORDS.contains(w) && !CODES.contains(&w1.text(text)) {
            return None;
        }
    }
    let mut buf = [0u8; 64];
    let mut ends = [0usize; 6];
    let (key, count) = f.words_after(from, 4, &mut buf, &mut ends);
    let mut best: Option<(usize, &str, &str, Unit)> = None;
    let first = key.as_bytes().first().copied().unwrap_or(0);
    for &(phrase, code, unit) in WORDS {
        if phrase.as_bytes()[0] == first
            && key.starts_with(phrase)
            && (key.len() == phrase.len() || key.as_bytes()[phrase.len()] == b' ')
        {
            let words = phrase.split(' ').count();
            if best.is_none_or(|b| b.0 < words) && words <= count {
                best = Some((words, phrase, code, unit));
            }
        }
    }
    if let Some((words, phrase, code, unit)) = best {
        let word_end = ends[words - 1];
        // `50 Cent` is a name: subunits are written in lowercase.
        if unit == Unit::Cent
            && f.next(from)
                .is_some_and(|w| scan::is_capitalised(w.text(text)))
        {
            return None;
        }
        // `500 pounds of explosives`: weight, unless the sum is large.
        if (phrase.ends_with("pounds") || phrase.ends_with("pound"))
            && f.next_is(word_end, "of").is_some()
            && n.form.magnitude == 0
        {
            return None;
        }
        // `won`: only `5 million won`, `5bn won`.
        if key.starts_with("won") && n.form.magnitude == 0 {
            return None;
        }
        if hyphen
            && words == 1
            && !key.starts_with("dollar")
            && !key.starts_with("cent")
            && !key.starts_with("yen")
            && !key.starts_with("euro")
            && !key.starts_with("pound")
            && !key.starts_with("penny")
        {
            return None;
        }
        return Some(Found {
            start: n.span.start,
            end: word_end,
            code,
            unit,
            word: true,
        });
    }
    // `5 million USD`
    if !hyphen && t.is_word() && CODES.contains(&&text[t.span]) {
        return Some(Found {
            start: n.span.start,
            end: t.span.end,
            code: code_of(&text[t.span]),
            unit: Unit::Main,
            word: false,
        });
    }
    None
}

/// `and 45 cents`, `50 cents`, `forty five` after `N dollars`: the end and the cents.
fn cents_after(
    f: &Figures<'_, '_>,
    end: usize,
    nums: &[NumberMatch<'_>],
    words_only_ok: bool,
) -> Option<(usize, Number)> {
    let mut at = end;
    if let Some(and) = f.next_is(at, "and") {
        at = and.span.end;
    }
    let start = scan::skip_space(f.text, at, f.hi);
    let n = super::context::number_at(nums, start)?;
    let v = n.amount.exact()?;
    if !v.is_integer() || v.to_i64().is_none_or(|x| !(1..100).contains(&x)) || n.form.magnitude > 0
    {
        return None;
    }
    let mut buf = [0u8; 64];
    let mut ends = [0usize; 6];
    let (key, _) = f.words_after(n.span.end, 1, &mut buf, &mut ends);
    if matches!(key, "cents" | "cent" | "pence" | "penny") {
        return Some((ends[0], v.checked_mul(Number::new(1, 2))?));
    }
    // `thirteen dollars forty five`: number words, then nothing that they could count.
    if words_only_ok && n.form.words && !n.form.digits {
        let next = f.next(n.span.end);
        if next.is_none_or(|t| !t.is_word() || t.is(f.text, "and")) {
            return Some((n.span.end, v.checked_mul(Number::new(1, 2))?));
        }
    }
    None
}

/// A money claim being built, with what range merging needs.
struct Cand<'t> {
    claim: Claim<'t>,
    /// Where the figure itself starts (after any qualifier).
    figure_start: usize,
    magnitude: u8,
}

/// Pushes the money claims of the sentence.
pub(crate) fn find<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    let mut cands: Vec<Cand<'t>> = Vec::new();
    let mut skip_to = 0;
    for (i, n) in f.nums.iter().enumerate() {
        if n.span.start < skip_to || n.form.name_hyphen {
            continue;
        }
        if n.form.code_prefix && !CODES.contains(&&f.text[n.span.start - 3..n.span.start]) {
            continue;
        }
        let pre = before(f, n.span.start);
        let post = if n.form.pence {
            Some(Found {
                start: n.span.start,
                end: n.span.end,
                code: "GBP",
                unit: Unit::Cent,
                word: false,
            })
        } else if pre.is_none() {
            after(f, n)
        } else {
            None
        };
        let (start, end, code, unit, word) = match (pre, post) {
            (Some((s, code)), _) => {
                // `$ 5 million dollars` is rare; a sign before wins.
                (s, n.span.end, code, Unit::Main, false)
            }
            (None, Some(p)) => (p.start, p.end, p.code, p.unit, p.word),
            (None, None) => continue,
        };
        if n.form.fraction && unit == Unit::Main && pre.is_none() {
            // `half a dollar` is rare in news; `two-thirds of dollars` is not money.
            continue;
        }
        let Some(mut amount) = n.amount.times(unit.factor()) else {
            continue;
        };
        let mut end = end;
        // `3 dollars 50 cents`, `thirteen dollars and forty-five cents`, `C$ 100 and fifty`
        if unit == Unit::Main && n.form.magnitude == 0 && (word || pre.is_some()) {
            if let (Amount::Exact(v), Some((e, c))) =
                (amount, cents_after(f, end, &f.nums[i + 1..], true))
            {
                if v.is_integer() {
                    if let Some(s) = v.checked_add(c) {
                        amount = Amount::Exact(s);
                        end = e;
                    }
                }
            }
        }
        skip_to = end;
        let mut span = Span::new(start, end);
        let mut c = f.claim(ClaimKind::Money, span, amount);
        c.currency = Some(code);
        if let Some((qs, q)) = qualifier_before(f, start) {
            span.start = qs;
            c.qualifier = Some(q);
        } else if let Some((qe, q)) = qualifier_after(f, end) {
            span.end = qe;
            c.qualifier = Some(q);
        }
        if span != c.span {
            c.span = span;
            c.text = &f.text[span];
        }
        cands.push(Cand {
            claim: c,
            figure_start: start,
            magnitude: n.form.magnitude,
        });
    }
    merge_ranges(f, &mut cands);
    out.extend(cands.into_iter().map(|c| c.claim));
}

/// `$5m-$10m`, `$5 to $10 million`, `between $5m and $10m`: two sums of one currency
/// joined by a dash, `to` or (after `between`) `and` become one range. `from $5m to $10m`
/// stays two claims: a change.
fn merge_ranges<'t>(f: &Figures<'t, '_>, cands: &mut Vec<Cand<'t>>) {
    // Sums merged into the one before them, dropped at the end in one pass.
    let mut merged_away = Vec::new();
    let mut i = 0;
    while i + 1 < cands.len() {
        let (a, b) = (&cands[i], &cands[i + 1]);
        let joined = (|| {
            if a.claim.currency != b.claim.currency
                || a.claim.qualifier.is_some() && b.claim.qualifier.is_some()
            {
                return None;
            }
            let av = a.claim.value?.as_number()?;
            let bv = b.claim.value?.as_number()?;
            let j = f.next(a.claim.span.end)?;
            if scan::skip_space(f.text, j.span.end, f.hi) != b.claim.span.start {
                return None;
            }
            let between = f.prev_is(a.figure_start, "between");
            let dash = j.is_char(f.text, '-') || j.is_char(f.text, '–') || j.is_char(f.text, '—');
            let ok = if between.is_some() {
                j.is(f.text, "and")
            } else {
                dash || j.is(f.text, "to")
            };
            if !ok || f.prev_is(a.figure_start, "from").is_some() {
                return None;
            }
            let mut min = av;
            if a.magnitude == 0 && b.magnitude > 0 {
                if let Some(s) = av.scaled(u32::from(b.magnitude)) {
                    if s.to_f64() < bv.to_f64() {
                        min = s;
                    }
                }
            }
            if min.to_f64() >= bv.to_f64() {
                return None;
            }
            let start = between.map_or(a.claim.span.start, |t| t.span.start);
            Some((Span::new(start, b.claim.span.end), min, bv))
        })();
        match joined {
            Some((span, min, max)) => {
                let q = cands[i].claim.qualifier.or(cands[i + 1].claim.qualifier);
                let code = cands[i].claim.currency;
                let mut c = f.claim(ClaimKind::Money, span, Amount::Range { min, max });
                c.currency = code;
                c.qualifier = q;
                cands[i].claim = c;
                merged_away.push(i + 1);
                // A range has no value, so it joins nothing more: go on after it.
                i += 2;
            }
            None => i += 1,
        }
    }
    super::remove_sorted(cands, &merged_away);
    for c in cands.iter_mut() {
        debug_assert!(c.claim.value.is_some() || c.claim.min.is_some());
        if let (Some(Value::Number(_)), Some(_)) = (c.claim.value, c.claim.min) {
            c.claim.value = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::testing::{Expect, check_kind};
    use crate::claims::{ClaimKind, Qualifier};

    fn money(text: &str, want: &[Expect]) {
        check_kind(ClaimKind::Money, text, want);
    }

    #[test]
    fn signs_and_codes() {
        money(
            "The deal was worth $9m.",
            &[Expect::money("$9m", "9000000", "USD")],
        );
        money(
            "It cost $1.5 million.",
            &[Expect::money("$1.5 million", "1500000", "USD")],
        );
        money(
            "It paid $1.13bn (£600m).",
            &[
                Expect::money("$1.13bn", "1130000000", "USD"),
                Expect::money("£600m", "600000000", "GBP"),
            ],
        );
        money(
            "It won €971,890 (around US$1 million).",
            &[
                Expect::money("€971,890", "971890", "EUR"),
                Expect::money("around US$1 million", "1000000", "USD")
                    .qualifier(Qualifier::Approximately),
            ],
        );
        money(
            "They paid at least US$20,000 to her.",
            &[Expect::money("at least US$20,000", "20000", "USD").qualifier(Qualifier::AtLeast)],
        );
        money(
            "Loans of C$5m and HK$ 10.05 billion",
            &[
                Expect::money("C$5m", "5000000", "CAD"),
                Expect::money("HK$ 10.05 billion", "10050000000", "HKD"),
            ],
        );
        money(
            "the price ranges between c $ 16.4 million",
            &[Expect::money("c $ 16.4 million", "16400000", "CAD")],
        );
        money(
            "a u.s $ 150 million loan",
            &[Expect::money("u.s $ 150 million", "150000000", "USD")],
        );
        money(
            "a $ 75 million issue",
            &[Expect::money("$ 75 million", "75000000", "USD")],
        );
        money(
            "He sent USD 5,000 and 300 IRR.",
            &[
                Expect::money("USD 5,000", "5000", "USD"),
                Expect::money("300 IRR", "300", "IRR"),
            ],
        );
        money(
            "It is 100元 or 100 ₡",
            &[
                Expect::money("100元", "100", "CNY"),
                Expect::money("100 ₡", "100", "CRC"),
            ],
        );
    }

    #[test]
    fn words() {
        money(
            "It cost 5 million euros.",
            &[Expect::money("5 million euros", "5000000", "EUR")],
        );
        money(
            "a fine of 10,000 Swiss francs",
            &[Expect::money("10,000 Swiss francs", "10000", "CHF")],
        );
        money(
            "420 million Finnish markka",
            &[Expect::money(
                "420 million Finnish markka",
                "420000000",
                "FIM",
            )],
        );
        money(
            "125 million Australian dollars of bonds",
            &[Expect::money(
                "125 million Australian dollars",
                "125000000",
                "AUD",
            )],
        );
        money(
            "five million yen and 450,000 yen",
            &[
                Expect::money("five million yen", "5000000", "JPY"),
                Expect::money("450,000 yen", "450000", "JPY"),
            ],
        );
        money(
            "50 cents more per barrel",
            &[Expect::money("50 cents", "0.5", "USD")],
        );
        money("50 Cent is no stranger to feuds", &[]);
        money(
            "a bid of 470 pence a share",
            &[Expect::money("470 pence", "4.7", "GBP")],
        );
        money(
            "a 12-cent-a-share dividend",
            &[Expect::money("12-cent", "0.12", "USD")],
        );
        money("its one-yen bid", &[Expect::money("one-yen", "1", "JPY")]);
        money(
            "It cost 3 dollars 50 cents.",
            &[Expect::money("3 dollars 50 cents", "3.5", "USD")],
        );
        money(
            "thirteen dollars and forty-five cents",
            &[Expect::money(
                "thirteen dollars and forty-five cents",
                "13.45",
                "USD",
            )],
        );
        money(
            "thirteen dollars forty five",
            &[Expect::money("thirteen dollars forty five", "13.45", "USD")],
        );
        money(
            "2 million pounds sterling",
            &[Expect::money("2 million pounds sterling", "2000000", "GBP")],
        );
        money(
            "5 million tomans",
            &[Expect::money("5 million tomans", "50000000", "IRR")],
        );
        money(
            "30 billion rials",
            &[Expect::money("30 billion rials", "30000000000", "IRR")],
        );
        money(
            "35 lakh rupees",
            &[Expect::money("35 lakh rupees", "3500000", "INR")],
        );
        money(
            "50 dollar 40 rmb",
            &[
                Expect::money("50 dollar", "50", "USD"),
                Expect::money("40 rmb", "40", "CNY"),
            ],
        );
    }

    #[test]
    fn vague_and_ranges() {
        money(
            "It pays tens of thousands of dollars to them.",
            &[Expect::money("tens of thousands of dollars", "", "USD").bounds("10000", "100000")],
        );
        money(
            "and “thousands of dollars” to",
            &[Expect::money("thousands of dollars", "", "USD").bounds("1000", "10000")],
        );
        money(
            "a multimillion-dollar deal",
            &[Expect::money("multimillion-dollar", "", "USD").bounds("1000000", "10000000")],
        );
        money(
            "a $5m-$10m fee",
            &[Expect::money("$5m-$10m", "", "USD").bounds("5000000", "10000000")],
        );
        money(
            "between $5m and $10m",
            &[Expect::money("between $5m and $10m", "", "USD").bounds("5000000", "10000000")],
        );
        money(
            "$5-10 million",
            &[Expect::money("$5-10 million", "", "USD").bounds("5000000", "10000000")],
        );
        money(
            "from $5m to $10m",
            &[
                Expect::money("$5m", "5000000", "USD"),
                Expect::money("$10m", "10000000", "USD"),
            ],
        );
        money(
            "more than $150,000 in fees",
            &[Expect::money("more than $150,000", "150000", "USD").qualifier(Qualifier::MoreThan)],
        );
    }

    #[test]
    fn not_money() {
        money(
            "All 70 of us. I called Bob 3 times. 500 pounds of explosives. ALL 5 solutions.",
            &[],
        );
        money("The team won 3 games.", &[]);
    }
}
