//! Money: a number with a currency sign, code or word, in the currency's main unit.
//!
//! `$9m`, `US$20,000`, `C$ 16.4 million`, `€971,890`, `£600m`, `USD 5`, `5 million euros`,
//! `420 million Finnish markka`, `pounds sterling`, `50 cents` (0.5 USD), `470 pence`
//! (4.7 GBP), `12-cent`, `tens of thousands of dollars` (vague: 10000…100000 USD),
//! `multimillion-dollar`, `3 dollars 50 cents` (3.5), ranges (`$5m-$10m`,
//! `between $5m and $10m`, `$5-10 million`) and the qualifiers around them. A bare `$` is
//! USD. `tomans` are counted in rials (1 toman = 10 IRR), the currency's ISO unit.
//!
//! A bare currency word that several countries use (`rupees`, `dollars`, `pesos`,
//! `francs`, `dinars`, `pounds`, `shillings`) takes the currency of the country of that
//! family named nearest in the sentence (`5bn rupees` in a sentence on Sri Lanka is LKR);
//! failing that, for the families with no dominant member (all but dollars and pounds),
//! the country of the family named nearest in the document; else the usual default.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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

/// The first words of [`WORDS`] (`u` stands for `U.S.`), sorted, for a binary search
/// (most numbers are followed by some other word, so most searches fail).
static FIRST_WORDS: Lazy<Vec<&'static str>> = Lazy::new(|| {
    let mut v: Vec<&str> = WORDS
        .iter()
        .map(|(p, _, _)| p.split(' ').next().unwrap_or(p))
        .chain(["u"])
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// The lengths of the words of [`FIRST_WORDS`] (bit `len`), by their first byte: a word
/// whose first letter and length fit no first word is none, with no search.
static FIRST_SHAPES: Lazy<[u32; 256]> = Lazy::new(|| {
    let mut t = [0u32; 256];
    for w in FIRST_WORDS.iter() {
        t[usize::from(w.as_bytes()[0])] |= 1 << w.len();
    }
    t
});

/// The keys ([`scan::word_key`]) of [`FIRST_WORDS`], sorted.
static FIRST_KEYS: Lazy<Vec<u128>> = Lazy::new(|| {
    let mut v: Vec<u128> = FIRST_WORDS
        .iter()
        .filter_map(|w| scan::word_key(w))
        .collect();
    v.sort_unstable();
    v
});

/// Is `w` (as written) one of [`FIRST_WORDS`], ignoring ASCII case?
fn is_first_word(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&c) = b.first() else {
        return false;
    };
    if b.len() >= 32 || FIRST_SHAPES[usize::from(c | 0x20)] >> b.len() & 1 == 0 {
        return false;
    }
    // The first words are lowercase ASCII: a key with another byte matches none.
    scan::word_key(w).is_some_and(|k| FIRST_KEYS.binary_search(&k).is_ok())
}

/// The indices of [`WORDS`] by the first byte of the phrase, in order.
static WORDS_BY_FIRST: Lazy<Vec<Vec<usize>>> = Lazy::new(|| {
    let mut v = vec![Vec::new(); 256];
    for (k, (phrase, _, _)) in WORDS.iter().enumerate() {
        v[usize::from(phrase.as_bytes()[0])].push(k);
    }
    v
});

/// ISO 4217 codes read before or after a number (`USD 5`, `5 million EUR`, `IRR 500`).
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "IRR", "INR", "CHF", "CAD", "AUD", "NZD", "HKD",
    "SGD", "SAR", "AED", "QAR", "KWD", "IQD", "ILS", "TRY", "RUB", "SEK", "NOK", "DKK", "PLN",
    "HUF", "CZK", "ZAR", "BRL", "MXN", "KRW", "PKR", "EGP", "LBP", "JOD", "BHD", "OMR", "ALL",
    "UAH", "AFN", "AZN", "GEL", "THB", "MYR", "IDR", "PHP", "VND", "NGN", "KES", "ARS", "CLP",
    "COP", "TWD",
];

/// [`CODES`] as little-endian numbers of their three bytes, for comparisons with no
/// string compare.
const CODE_KEYS: [u32; CODES.len()] = {
    let mut t = [0u32; CODES.len()];
    let mut i = 0;
    while i < CODES.len() {
        let b = CODES[i].as_bytes();
        t[i] = code_key([b[0], b[1], b[2]]);
        i += 1;
    }
    t
};

/// The key of a three-byte code in [`CODE_KEYS`].
const fn code_key(b: [u8; 3]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], 0])
}

/// Is `w` one of [`CODES`]? (Three capitals first: most words are not.)
fn is_code(w: &str) -> bool {
    match *w.as_bytes() {
        [a, b, c] if a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_uppercase() => {
            CODE_KEYS.contains(&code_key([a, b, c]))
        }
        _ => false,
    }
}

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
    // All the signs are outside ASCII.
    if s.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
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
    /// A bare currency word that several countries use.
    family: Option<Family>,
}

/// Currency words that several countries use.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Family {
    Rupee,
    Dollar,
    Peso,
    Franc,
    Dinar,
    Pound,
    Shilling,
    /// The CFA francs of West (XOF) and Central (XAF) Africa.
    Cfa,
}

impl Family {
    /// The family of a bare currency word (`rupees`).
    fn of(word: &str) -> Option<Family> {
        Some(match word {
            "rupee" | "rupees" => Family::Rupee,
            "dollar" | "dollars" => Family::Dollar,
            "peso" | "pesos" => Family::Peso,
            "franc" | "francs" => Family::Franc,
            "dinar" | "dinars" => Family::Dinar,
            "pound" | "pounds" => Family::Pound,
            "shilling" | "shillings" => Family::Shilling,
            _ => return None,
        })
    }

    /// Whether a country named elsewhere in the document decides the currency: not for
    /// dollars and pounds, whose default (USD, GBP) is what news usually means.
    fn document_wide(self) -> bool {
        !matches!(self, Family::Dollar | Family::Pound)
    }
}

/// Country names and demonyms, with the currency of each family they decide. `None` marks
/// names that must not count (`Indian Ocean`, `New Mexico`).
const COUNTRIES: &[(&str, Option<(Family, &str)>)] = &[
    ("India", Some((Family::Rupee, "INR"))),
    ("Indian", Some((Family::Rupee, "INR"))),
    ("Indians", Some((Family::Rupee, "INR"))),
    ("Indian Ocean", None),
    ("Pakistan", Some((Family::Rupee, "PKR"))),
    ("Pakistani", Some((Family::Rupee, "PKR"))),
    ("Sri Lanka", Some((Family::Rupee, "LKR"))),
    ("Sri Lankan", Some((Family::Rupee, "LKR"))),
    ("Nepal", Some((Family::Rupee, "NPR"))),
    ("Nepalese", Some((Family::Rupee, "NPR"))),
    ("Nepali", Some((Family::Rupee, "NPR"))),
    ("Mauritius", Some((Family::Rupee, "MUR"))),
    ("Mauritian", Some((Family::Rupee, "MUR"))),
    ("Seychelles", Some((Family::Rupee, "SCR"))),
    ("US", Some((Family::Dollar, "USD"))),
    ("U.S.", Some((Family::Dollar, "USD"))),
    ("United States", Some((Family::Dollar, "USD"))),
    ("America", Some((Family::Dollar, "USD"))),
    ("American", Some((Family::Dollar, "USD"))),
    ("Canada", Some((Family::Dollar, "CAD"))),
    ("Canadian", Some((Family::Dollar, "CAD"))),
    ("Australia", Some((Family::Dollar, "AUD"))),
    ("Australian", Some((Family::Dollar, "AUD"))),
    ("New Zealand", Some((Family::Dollar, "NZD"))),
    ("Hong Kong", Some((Family::Dollar, "HKD"))),
    ("Singapore", Some((Family::Dollar, "SGD"))),
    ("Singaporean", Some((Family::Dollar, "SGD"))),
    ("Taiwan", Some((Family::Dollar, "TWD"))),
    ("Taiwanese", Some((Family::Dollar, "TWD"))),
    ("Zimbabwe", Some((Family::Dollar, "ZWL"))),
    ("Zimbabwean", Some((Family::Dollar, "ZWL"))),
    ("Jamaica", Some((Family::Dollar, "JMD"))),
    ("Jamaican", Some((Family::Dollar, "JMD"))),
    ("Mexico", Some((Family::Peso, "MXN"))),
    ("Mexican", Some((Family::Peso, "MXN"))),
    ("New Mexico", None),
    ("Argentina", Some((Family::Peso, "ARS"))),
    ("Argentine", Some((Family::Peso, "ARS"))),
    ("Argentinian", Some((Family::Peso, "ARS"))),
    ("Chile", Some((Family::Peso, "CLP"))),
    ("Chilean", Some((Family::Peso, "CLP"))),
    ("Colombia", Some((Family::Peso, "COP"))),
    ("Colombian", Some((Family::Peso, "COP"))),
    ("Philippines", Some((Family::Peso, "PHP"))),
    ("Philippine", Some((Family::Peso, "PHP"))),
    ("Filipino", Some((Family::Peso, "PHP"))),
    ("Cuba", Some((Family::Peso, "CUP"))),
    ("Cuban", Some((Family::Peso, "CUP"))),
    ("Uruguay", Some((Family::Peso, "UYU"))),
    ("Uruguayan", Some((Family::Peso, "UYU"))),
    ("Dominican Republic", Some((Family::Peso, "DOP"))),
    ("Switzerland", Some((Family::Franc, "CHF"))),
    ("Swiss", Some((Family::Franc, "CHF"))),
    ("Congo", Some((Family::Franc, "CDF"))),
    ("Congolese", Some((Family::Franc, "CDF"))),
    ("Rwanda", Some((Family::Franc, "RWF"))),
    ("Rwandan", Some((Family::Franc, "RWF"))),
    ("Burundi", Some((Family::Franc, "BIF"))),
    ("Guinea", Some((Family::Franc, "GNF"))),
    ("Guinean", Some((Family::Franc, "GNF"))),
    ("Equatorial Guinea", Some((Family::Franc, "XAF"))),
    ("Guinea-Bissau", Some((Family::Franc, "XOF"))),
    ("Djibouti", Some((Family::Franc, "DJF"))),
    ("Senegal", Some((Family::Franc, "XOF"))),
    ("Ivory Coast", Some((Family::Franc, "XOF"))),
    ("Mali", Some((Family::Franc, "XOF"))),
    ("Burkina Faso", Some((Family::Franc, "XOF"))),
    ("Niger", Some((Family::Franc, "XOF"))),
    ("Benin", Some((Family::Franc, "XOF"))),
    ("Togo", Some((Family::Franc, "XOF"))),
    ("Cameroon", Some((Family::Franc, "XAF"))),
    ("Chad", Some((Family::Franc, "XAF"))),
    ("Gabon", Some((Family::Franc, "XAF"))),
    ("Central African Republic", Some((Family::Franc, "XAF"))),
    ("Iraq", Some((Family::Dinar, "IQD"))),
    ("Iraqi", Some((Family::Dinar, "IQD"))),
    ("Kuwait", Some((Family::Dinar, "KWD"))),
    ("Kuwaiti", Some((Family::Dinar, "KWD"))),
    ("Jordan", Some((Family::Dinar, "JOD"))),
    ("Jordanian", Some((Family::Dinar, "JOD"))),
    ("Bahrain", Some((Family::Dinar, "BHD"))),
    ("Bahraini", Some((Family::Dinar, "BHD"))),
    ("Libya", Some((Family::Dinar, "LYD"))),
    ("Libyan", Some((Family::Dinar, "LYD"))),
    ("Tunisia", Some((Family::Dinar, "TND"))),
    ("Tunisian", Some((Family::Dinar, "TND"))),
    ("Algeria", Some((Family::Dinar, "DZD"))),
    ("Algerian", Some((Family::Dinar, "DZD"))),
    ("Serbia", Some((Family::Dinar, "RSD"))),
    ("Serbian", Some((Family::Dinar, "RSD"))),
    ("UK", Some((Family::Pound, "GBP"))),
    ("Britain", Some((Family::Pound, "GBP"))),
    ("British", Some((Family::Pound, "GBP"))),
    ("Egypt", Some((Family::Pound, "EGP"))),
    ("Egyptian", Some((Family::Pound, "EGP"))),
    ("Lebanon", Some((Family::Pound, "LBP"))),
    ("Lebanese", Some((Family::Pound, "LBP"))),
    ("Syria", Some((Family::Pound, "SYP"))),
    ("Syrian", Some((Family::Pound, "SYP"))),
    ("Sudan", Some((Family::Pound, "SDG"))),
    ("Sudanese", Some((Family::Pound, "SDG"))),
    ("South Sudan", Some((Family::Pound, "SSP"))),
    ("Kenya", Some((Family::Shilling, "KES"))),
    ("Kenyan", Some((Family::Shilling, "KES"))),
    ("Uganda", Some((Family::Shilling, "UGX"))),
    ("Ugandan", Some((Family::Shilling, "UGX"))),
    ("Tanzania", Some((Family::Shilling, "TZS"))),
    ("Tanzanian", Some((Family::Shilling, "TZS"))),
    ("Somalia", Some((Family::Shilling, "SOS"))),
    ("Somali", Some((Family::Shilling, "SOS"))),
];

/// Finds the names of [`COUNTRIES`], longest first.
///
/// A contiguous NFA rather than a DFA: it is built in a fraction of the time, and the
/// few searches a text needs are no slower.
static COUNTRY_AC: Lazy<AhoCorasick> = Lazy::new(|| {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(COUNTRIES.iter().map(|(name, _)| name))
        .expect("country names build an automaton")
});

/// How far before and after its sentence a bare currency word looks for a country, in
/// widening steps up to an article's length, so that a long input is not read again for
/// every such word.
const DOCUMENT_REACH: [usize; 3] = [1024, 4 * 1024, 12 * 1024];

/// The character boundary at or before `i` (at most the length of `text`).
fn floor_char(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The currency of the family `fam` of the country named in `text[lo..hi]` nearest to
/// `at`, whole words only.
fn country_currency(
    text: &str,
    lo: usize,
    hi: usize,
    fam: Family,
    at: usize,
) -> Option<&'static str> {
    let hay = text.get(lo..hi)?;
    let mut best: Option<(usize, &'static str)> = None;
    for m in COUNTRY_AC.find_iter(hay) {
        let Some((mf, code)) = COUNTRIES[m.pattern().as_usize()].1 else {
            continue;
        };
        let (s, e) = (lo + m.start(), lo + m.end());
        let fits = mf == fam || fam == Family::Cfa && code.starts_with('X');
        if !fits
            || text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            || text[e..].chars().next().is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let dist = if e <= at {
            at - e
        } else {
            s.saturating_sub(at)
        };
        if best.is_none_or(|b| dist < b.0) {
            best = Some((dist, code));
        }
    }
    best.map(|b| b.1)
}

/// The currency written before the number at `start`: its start and code.
fn before(f: &Figures<'_, '_>, start: usize) -> Option<(usize, &'static str)> {
    let text = f.text;
    // `USD20,000`
    if start >= f.lo + 3 && text.is_char_boundary(start - 3) {
        let code = &text[start - 3..start];
        if is_code(code) {
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
    if t.span.end < start && is_code(w) {
        let n_end = f.number_at(start).map(|n| n.span.end);
        let counts = n_end
            .is_some_and(|e| super::context::noun_phrase(f, e, false).is_some_and(|p| p.plural));
        if !counts {
            return Some((t.span.start, code_of(w)));
        }
    }
    if matches!(w.as_bytes(), b"Rs" | b"INR") {
        return Some((t.span.start, "INR"));
    }
    if let Some(dot) = f.prev(start).filter(|d| d.is_char(text, '.')) {
        if f.prev(dot.span.start)
            .is_some_and(|p| &text.as_bytes()[p.span] == b"Rs")
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
            family: None,
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
    // (No currency word or code starts with punctuation.)
    let w1 = f.next(from)?;
    if !w1.is_word() || !is_first_word(w1.text(text)) && !is_code(w1.text(text)) {
        return None;
    }
    let mut buf = [0u8; 64];
    let mut ends = [0usize; 6];
    let (key, count) = f.words_after(from, 4, &mut buf, &mut ends);
    let mut best: Option<(usize, &str, &str, Unit)> = None;
    let first = key.as_bytes().first().copied().unwrap_or(0);
    for &k in &WORDS_BY_FIRST[usize::from(first)] {
        let (phrase, code, unit) = WORDS[k];
        if key.starts_with(phrase)
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
        // `500 pounds of explosives`, `700 pounds (320kg)`, `weighs 700 pounds`: weight,
        // unless the sum is large.
        if (phrase.ends_with("pounds") || phrase.ends_with("pound"))
            && n.form.magnitude == 0
            && (f.next_is(word_end, "of").is_some()
                || metric_weight_after(f, word_end)
                || weight_verb_before(f, n.span.start))
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
            family: if words == 1 {
                Family::of(phrase)
            } else if phrase.starts_with("cfa ") {
                Some(Family::Cfa)
            } else {
                None
            },
        });
    }
    // `5 million USD`
    if !hyphen && t.is_word() && is_code(&text[t.span]) {
        return Some(Found {
            start: n.span.start,
            end: t.span.end,
            code: code_of(&text[t.span]),
            unit: Unit::Main,
            word: false,
            family: None,
        });
    }
    None
}

/// A bracketed metric weight at `pos`: `(320kg)`, `(320 kilograms)`.
fn metric_weight_after(f: &Figures<'_, '_>, pos: usize) -> bool {
    let Some(open) = f.next(pos).filter(|t| t.is_char(f.text, '(')) else {
        return false;
    };
    let mut buf = [0u8; 64];
    let mut ends = [0usize; 6];
    let (key, _) = f.words_after(open.span.end, 2, &mut buf, &mut ends);
    let unit = key.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    matches!(
        unit.split(' ').next().unwrap_or(""),
        "kg" | "kgs" | "kilograms" | "kilogrammes" | "kilos" | "g" | "grams" | "tonnes" | "t"
    )
}

/// A verb of weight or load just before `start`: `weighs 700 pounds`, `overloaded by 700
/// pounds`, `lost 50 pounds`.
fn weight_verb_before(f: &Figures<'_, '_>, start: usize) -> bool {
    let mut at = start;
    for _ in 0..2 {
        let Some(t) = f.prev(at).filter(|t| t.is_word()) else {
            return false;
        };
        let mut buf = [0u8; 24];
        let w = scan::lower(t.text(f.text), &mut buf).unwrap_or("");
        if w.starts_with("weigh") || w.starts_with("overload") || w == "heavier" || w == "lighter" {
            return true;
        }
        if w != "by" && w != "about" && w != "some" && w != "nearly" && w != "over" {
            return false;
        }
        at = t.span.start;
    }
    false
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

/// What range merging needs of each money claim pushed: where its figure starts (after
/// any qualifier) and its magnitude. The first few are kept inline: most sentences hold
/// one sum or two, and need no allocation.
#[derive(Default)]
struct Sides {
    inline: [(usize, u8); 4],
    len: usize,
    more: Vec<(usize, u8)>,
}

impl Sides {
    fn push(&mut self, side: (usize, u8)) {
        match self.inline.get_mut(self.len) {
            Some(slot) => *slot = side,
            None => self.more.push(side),
        }
        self.len += 1;
    }

    fn get(&self, i: usize) -> (usize, u8) {
        match self.inline.get(i) {
            Some(&side) => side,
            None => self.more[i - self.inline.len()],
        }
    }
}

/// Pushes the money claims of the sentence.
pub(crate) fn find<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>) {
    let from = out.len();
    let mut sides = Sides::default();
    let mut skip_to = 0;
    for (i, n) in f.nums.iter().enumerate() {
        if n.span.start < skip_to || n.form.name_hyphen {
            continue;
        }
        if n.form.code_prefix && !is_code(&f.text[n.span.start - 3..n.span.start]) {
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
                family: None,
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
            (None, Some(p)) => {
                let code = p.family.and_then(|fam| {
                    country_currency(f.text, f.lo, f.hi, fam, p.start).or_else(|| {
                        // The document, or the part of it an article spans, from near to
                        // far.
                        if !fam.document_wide() {
                            return None;
                        }
                        DOCUMENT_REACH.iter().find_map(|&reach| {
                            let lo = floor_char(f.text, f.lo.saturating_sub(reach));
                            let hi = floor_char(f.text, f.hi.saturating_add(reach));
                            country_currency(f.text, lo, hi, fam, p.start)
                        })
                    })
                });
                (p.start, p.end, code.unwrap_or(p.code), p.unit, p.word)
            }
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
        out.push(c);
        sides.push((start, n.form.magnitude));
    }
    if out.len() > from + 1 {
        merge_ranges(f, out, from, &sides);
    }
}

/// `$5m-$10m`, `$5 to $10 million`, `between $5m and $10m`: two sums of one currency
/// joined by a dash, `to` or (after `between`) `and` become one range. `from $5m to $10m`
/// stays two claims: a change.
fn merge_ranges<'t>(f: &Figures<'t, '_>, out: &mut Vec<Claim<'t>>, from: usize, sides: &Sides) {
    // Sums merged into the one before them, dropped at the end in one pass.
    let mut merged_away = Vec::new();
    let mut i = from;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let ((a_figure_start, a_magnitude), (_, b_magnitude)) =
            (sides.get(i - from), sides.get(i + 1 - from));
        let joined = (|| {
            if a.currency != b.currency || a.qualifier.is_some() && b.qualifier.is_some() {
                return None;
            }
            let av = a.value?.as_number()?;
            let bv = b.value?.as_number()?;
            let j = f.next(a.span.end)?;
            if scan::skip_space(f.text, j.span.end, f.hi) != b.span.start {
                return None;
            }
            let between = f.prev_is(a_figure_start, "between");
            let dash = j.is_char(f.text, '-') || j.is_char(f.text, '–') || j.is_char(f.text, '—');
            let ok = if between.is_some() {
                j.is(f.text, "and")
            } else {
                dash || j.is(f.text, "to")
            };
            if !ok || f.prev_is(a_figure_start, "from").is_some() {
                return None;
            }
            let mut min = av;
            if a_magnitude == 0 && b_magnitude > 0 {
                if let Some(s) = av.scaled(u32::from(b_magnitude)) {
                    if s.to_f64() < bv.to_f64() {
                        min = s;
                    }
                }
            }
            if min.to_f64() >= bv.to_f64() {
                return None;
            }
            let start = between.map_or(a.span.start, |t| t.span.start);
            Some((Span::new(start, b.span.end), min, bv))
        })();
        match joined {
            Some((span, min, max)) => {
                let q = out[i].qualifier.or(out[i + 1].qualifier);
                let code = out[i].currency;
                let mut c = f.claim(ClaimKind::Money, span, Amount::Range { min, max });
                c.currency = code;
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
    for c in &mut out[from..] {
        debug_assert!(c.value.is_some() || c.min.is_some());
        if let (Some(Value::Number(_)), Some(_)) = (c.value, c.min) {
            c.value = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::testing::{Expect, check_kind};
    use crate::claims::{ClaimKind, Qualifier};
    use crate::span::Span;

    #[test]
    fn first_words_by_shape() {
        // Every first word has a key.
        assert!(super::FIRST_WORDS.iter().all(|w| w.len() <= 16));
        let reference = |w: &str| {
            let l = w.to_ascii_lowercase();
            w.is_ascii() && w.len() <= 24 && super::FIRST_WORDS.binary_search(&l.as_str()).is_ok()
        };
        let mut words: Vec<String> = super::FIRST_WORDS.iter().map(|w| w.to_string()).collect();
        for w in super::FIRST_WORDS.iter() {
            words.push(w.to_uppercase());
            words.push(format!("{w}s"));
            words.push(w[..w.len() - 1].to_string());
        }
        for w in [
            "",
            "people",
            "Dollars",
            "é",
            "€uro",
            "a",
            "zz",
            "percentages",
            "U",
            "deutschmarkss",
            "DEUTSCHMARKS",
            "ruPées",
            "euros\u{a0}",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(super::is_first_word(w), reference(w), "{w:?}");
        }
    }

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
    fn bare_currency_words_take_the_country() {
        money(
            "Nepal set aside 2bn rupees for the quake.",
            &[Expect::money("2bn rupees", "2000000000", "NPR")],
        );
        money(
            "The Pakistani budget adds 40m rupees, about 15m rupees more.",
            &[
                Expect::money("40m rupees", "40000000", "PKR"),
                Expect::money("about 15m rupees", "15000000", "PKR")
                    .qualifier(Qualifier::Approximately),
            ],
        );
        // The nearest country of the family wins; `US dollar` is another family.
        money(
            "India paid 80 rupees to the US dollar; in Sri Lanka it took 200 rupees.",
            &[
                Expect::money("80 rupees", "80", "INR"),
                Expect::money("200 rupees", "200", "LKR"),
            ],
        );
        money(
            "Prices in Mexico rose to 20 pesos.",
            &[Expect::money("20 pesos", "20", "MXN")],
        );
        money(
            "The Kenyan fine is 5,000 shillings.",
            &[Expect::money("5,000 shillings", "5000", "KES")],
        );
        money(
            "An Egyptian paid 50 pounds.",
            &[Expect::money("50 pounds", "50", "EGP")],
        );
        // With no country, the usual default; the `Indian Ocean` is no country; `$` is USD.
        money(
            "Fishermen on the Indian Ocean earn 300 rupees; Canada pays $5.",
            &[
                Expect::money("300 rupees", "300", "INR"),
                Expect::money("$5", "5", "USD"),
            ],
        );
        money(
            "It cost 5 dollars.",
            &[Expect::money("5 dollars", "5", "USD")],
        );
    }

    #[test]
    fn pounds_of_weight() {
        money("The van was overloaded by 700 pounds (320kg).", &[]);
        money("The bag weighs 90 pounds.", &[]);
        money("It carried 500 pounds (227 kilograms) of food.", &[]);
        money(
            "He paid 700 pounds (£700) in fees.",
            &[
                Expect::money("700 pounds", "700", "GBP"),
                Expect::money("£700", "700", "GBP"),
            ],
        );
    }

    #[test]
    fn cfa_francs_take_the_region() {
        money(
            "Chad lost 2bn CFA francs.",
            &[Expect::money("2bn CFA francs", "2000000000", "XAF")],
        );
        money(
            "It costs 500 CFA francs.",
            &[Expect::money("500 CFA francs", "500", "XOF")],
        );
    }

    #[test]
    fn country_of_the_document() {
        // Families with no dominant member look at the whole document.
        let text = "Sri Lanka counts the cost. The bank has 5bn rupees. It paid 5 dollars.";
        let start = text.find("The bank").unwrap_or(0);
        let ctx = crate::claims::SentenceContext {
            text,
            span: Span::new(start, text.len()),
            index: 1,
            protected: &[],
            mentions: &[],
            reference_date: None,
        };
        let mut out = Vec::new();
        crate::claims::Recognizers::new().find(&ctx, &mut out);
        let got: Vec<_> = out.iter().map(|c| (c.text, c.currency)).collect();
        assert_eq!(
            got,
            [("5bn rupees", Some("LKR")), ("5 dollars", Some("USD"))]
        );
    }

    #[test]
    fn up_to_after_a_verb_of_change() {
        money(
            "Storms pushed claims up to $37bn.",
            &[Expect::money("$37bn", "37000000000", "USD")],
        );
        money(
            "The rebate brought the total up to £12m.",
            &[Expect::money("£12m", "12000000", "GBP")],
        );
        money(
            "Fines of up to $5m apply and they pay up to $2m.",
            &[
                Expect::money("up to $5m", "5000000", "USD").qualifier(Qualifier::AtMost),
                Expect::money("up to $2m", "2000000", "USD").qualifier(Qualifier::AtMost),
            ],
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
