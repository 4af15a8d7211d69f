//! Tokens of a sentence for the date grammar, and the words without which a sentence with
//! no digit holds no date.
//!
//! A token is a run of ASCII digits, a run of letters, or one other non-space character.
//! Digits and letters are split apart (`1970s` is `1970` + `s`, `27th` is `27` + `th`), and
//! each token records whether white space separates it from the one before (`glued`).

use std::collections::HashMap;

use once_cell::sync::Lazy;

use crate::claims::wordmap::WordMap;
use crate::span::Span;
use crate::swar;

/// What a token is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters.
    Word,
    /// Any other single character.
    Punct(char),
}

/// A unit of time.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Known words (lowercased).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Kw {
    Today,
    Tomorrow,
    Yesterday,
    Tonight,
    Now,
    Ago,
    Hence,
    Later,
    Earlier,
    Last,
    Next,
    This,
    Past,
    Previous,
    Coming,
    Following,
    Current,
    Early,
    Mid,
    Middle,
    Late,
    From,
    To,
    Until,
    Till,
    Through,
    Between,
    And,
    Or,
    The,
    A,
    An,
    Of,
    In,
    On,
    At,
    Since,
    By,
    Before,
    After,
    During,
    Throughout,
    Circa,
    Around,
    Over,
    Pre,
    Post,
    Fiscal,
    Spring,
    Summer,
    Autumn,
    Fall,
    Winter,
    Q,
    H,
    Half,
    Pm,
    P,
    M,
    Am,
    Noon,
    Midnight,
    Utc,
    Z,
    T,
    S,
    Possessive,
    Christmas,
    Eve,
    New,
    Halloween,
    Easter,
    Boxing,
    Valentine,
    Thanksgiving,
    Morning,
    Afternoon,
    Evening,
    Night,
    Few,
    Couple,
    Will,
    Shall,
    Ll,
    As,
    End,
    Beginning,
    Start,
    Percent,
    Magnitude,
    Election,
    Class,
    Season,
    Count,
    Verb,
    Rise,
}

impl Kw {
    /// May a date start at this word, whatever follows it (`today`, `this`, `Christmas`,
    /// `Q`, `from`, `noon`, …)?
    pub(crate) const fn starts_date(self) -> bool {
        matches!(
            self,
            Kw::Few
                | Kw::Today
                | Kw::Tonight
                | Kw::Tomorrow
                | Kw::Yesterday
                | Kw::This
                | Kw::Next
                | Kw::Last
                | Kw::Past
                | Kw::Coming
                | Kw::Current
                | Kw::Previous
                | Kw::Early
                | Kw::Mid
                | Kw::Middle
                | Kw::Late
                | Kw::Earlier
                | Kw::Later
                | Kw::Christmas
                | Kw::Halloween
                | Kw::Easter
                | Kw::Boxing
                | Kw::Valentine
                | Kw::Thanksgiving
                | Kw::Q
                | Kw::H
                | Kw::Fiscal
                | Kw::Spring
                | Kw::Summer
                | Kw::Autumn
                | Kw::Fall
                | Kw::Winter
                | Kw::From
                | Kw::Between
                | Kw::Noon
                | Kw::Midnight
        )
    }
}

/// The meaning of a word token, if it is one the grammar knows.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Lex {
    /// Not a word the grammar knows.
    Other,
    /// A month, 1–12; `true` for an abbreviation (`Aug`, `Sept`).
    Month(u8, bool),
    /// A weekday, Monday 1 … Sunday 7; `true` for an abbreviation (`Wed`).
    Weekday(u8, bool),
    /// An ordinal word: `first` 1 … `twentieth` 20, `thirtieth` 30.
    Ordinal(u8),
    /// A cardinal word: `one` 1 … `nineteen` 19.
    Card(u8),
    /// A tens word: `twenty` 20 … `ninety` 90.
    Tens(u8),
    /// An ordinal suffix: `st`, `nd`, `rd`, `th`.
    Suffix,
    /// A unit of time (singular or plural).
    Unit(Unit),
    /// Any other known word.
    Kw(Kw),
}

/// Whether a date may start at a token, as far as the token alone tells: the shortcut of
/// [`super::parse::Parser::may_start`], taken once for each token as it is read (a word's
/// comes with its meaning from the lexicon).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Start {
    /// No date starts here: a word the grammar does not start a date with, or a mark
    /// other than an apostrophe.
    Never,
    /// A word that may start a date whatever follows (a month, `today`, `from`).
    Always,
    /// It depends on what is around (a number, an apostrophe, `the`, `a`, a cardinal).
    Maybe,
}

impl Start {
    /// The start class of a word with meaning `lex`; it must agree with
    /// [`super::parse::Parser::may_start`] (tested there).
    const fn of_word(lex: Lex) -> Start {
        match lex {
            Lex::Month(..) | Lex::Weekday(..) | Lex::Ordinal(_) | Lex::Tens(_) => Start::Always,
            Lex::Card(_) | Lex::Kw(Kw::New | Kw::The | Kw::A | Kw::An) => Start::Maybe,
            Lex::Kw(kw) if kw.starts_date() => Start::Always,
            Lex::Other | Lex::Suffix | Lex::Unit(_) | Lex::Kw(_) => Start::Never,
        }
    }
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Start byte, in the document text.
    pub(crate) s: usize,
    /// End byte, in the document text.
    pub(crate) e: usize,
    pub(crate) kind: Kind,
    pub(crate) lex: Lex,
    /// The value of a number (saturating), else 0.
    pub(crate) n: u32,
    /// A word starting with a capital letter.
    pub(crate) cap: bool,

    /// No white space between the previous token and this one.
    pub(crate) glued: bool,
    /// Whether a date may start here, as far as the token alone tells.
    pub(crate) start: Start,
}

impl Tok {
    /// The number of bytes (for a number: of digits).
    pub(crate) fn len(&self) -> usize {
        self.e - self.s
    }
}

static LEXICON: Lazy<HashMap<&'static str, Lex>> = Lazy::new(|| {
    let mut m = HashMap::new();
    let months: [(&[&str], u8); 12] = [
        (&["january", "jan"], 1),
        (&["february", "feb"], 2),
        (&["march", "mar"], 3),
        (&["april", "apr"], 4),
        (&["may"], 5),
        (&["june", "jun"], 6),
        (&["july", "jul"], 7),
        (&["august", "aug"], 8),
        (&["september", "sep", "sept"], 9),
        (&["october", "oct"], 10),
        (&["november", "nov"], 11),
        (&["december", "dec"], 12),
    ];
    for (names, n) in months {
        for (k, w) in names.iter().enumerate() {
            m.insert(*w, Lex::Month(n, k > 0));
        }
    }
    let days: [(&[&str], u8); 7] = [
        (&["monday", "mon"], 1),
        (&["tuesday", "tue", "tues"], 2),
        (&["wednesday", "wed"], 3),
        (&["thursday", "thu", "thur", "thurs"], 4),
        (&["friday", "fri"], 5),
        (&["saturday", "sat"], 6),
        (&["sunday", "sun"], 7),
    ];
    for (names, n) in days {
        for (k, w) in names.iter().enumerate() {
            m.insert(*w, Lex::Weekday(n, k > 0));
        }
    }
    let ordinals = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    for (k, w) in ordinals.iter().enumerate() {
        m.insert(*w, Lex::Ordinal(k as u8 + 1));
    }
    m.insert("thirtieth", Lex::Ordinal(30));
    let cards = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    for (k, w) in cards.iter().enumerate() {
        m.insert(*w, Lex::Card(k as u8 + 1));
    }
    for (k, w) in [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ]
    .iter()
    .enumerate()
    {
        m.insert(*w, Lex::Tens(20 + 10 * k as u8));
    }
    for w in ["st", "nd", "rd", "th"] {
        m.insert(w, Lex::Suffix);
    }
    let units: [(&[&str], Unit); 9] = [
        (&["day", "days"], Unit::Day),
        (&["week", "weeks"], Unit::Week),
        (&["weekend", "weekends"], Unit::Weekend),
        (&["fortnight", "fortnights"], Unit::Fortnight),
        (&["month", "months"], Unit::Month),
        (&["quarter", "quarters"], Unit::Quarter),
        (&["year", "years", "yr", "yrs"], Unit::Year),
        (&["decade", "decades"], Unit::Decade),
        (&["century", "centuries"], Unit::Century),
    ];
    for (names, u) in units {
        for w in names {
            m.insert(*w, Lex::Unit(u));
        }
    }
    let kws: &[(&[&str], Kw)] = &[
        (&["today"], Kw::Today),
        (&["tomorrow"], Kw::Tomorrow),
        (&["yesterday"], Kw::Yesterday),
        (&["tonight"], Kw::Tonight),
        (&["now"], Kw::Now),
        (&["ago"], Kw::Ago),
        (&["hence"], Kw::Hence),
        (&["later"], Kw::Later),
        (&["earlier"], Kw::Earlier),
        (&["last"], Kw::Last),
        (&["next"], Kw::Next),
        (&["this"], Kw::This),
        (&["past"], Kw::Past),
        (&["previous", "prior"], Kw::Previous),
        (&["coming", "upcoming"], Kw::Coming),
        (&["following"], Kw::Following),
        (&["current"], Kw::Current),
        (&["early"], Kw::Early),
        (&["mid"], Kw::Mid),
        (&["middle"], Kw::Middle),
        (&["late"], Kw::Late),
        (&["from"], Kw::From),
        (&["to"], Kw::To),
        (&["until", "til"], Kw::Until),
        (&["till"], Kw::Till),
        (&["through", "thru"], Kw::Through),
        (&["between"], Kw::Between),
        (&["and"], Kw::And),
        (&["or"], Kw::Or),
        (&["the"], Kw::The),
        (&["a"], Kw::A),
        (&["an"], Kw::An),
        (&["of"], Kw::Of),
        (&["in"], Kw::In),
        (&["on"], Kw::On),
        (&["at"], Kw::At),
        (&["since"], Kw::Since),
        (&["by"], Kw::By),
        (&["before"], Kw::Before),
        (&["after"], Kw::After),
        (&["during"], Kw::During),
        (&["throughout"], Kw::Throughout),
        (&["circa", "ca", "c"], Kw::Circa),
        (&["around"], Kw::Around),
        (&["over"], Kw::Over),
        (&["pre"], Kw::Pre),
        (&["post"], Kw::Post),
        (&["fiscal", "fy"], Kw::Fiscal),
        (&["spring"], Kw::Spring),
        (&["summer"], Kw::Summer),
        (&["autumn"], Kw::Autumn),
        (&["fall"], Kw::Fall),
        (&["winter"], Kw::Winter),
        (&["q"], Kw::Q),
        (&["h"], Kw::H),
        (&["half"], Kw::Half),
        (&["pm"], Kw::Pm),
        (&["p"], Kw::P),
        (&["m"], Kw::M),
        (&["am"], Kw::Am),
        (&["noon"], Kw::Noon),
        (&["midnight"], Kw::Midnight),
        (&["utc", "gmt"], Kw::Utc),
        (&["z"], Kw::Z),
        (&["t"], Kw::T),
        (&["s"], Kw::S),
        (
            &["its", "his", "her", "their", "our", "my", "your", "whose"],
            Kw::Possessive,
        ),
        (&["christmas", "xmas"], Kw::Christmas),
        (&["eve"], Kw::Eve),
        (&["new"], Kw::New),
        (&["halloween"], Kw::Halloween),
        (&["easter"], Kw::Easter),
        (&["boxing"], Kw::Boxing),
        (&["valentine"], Kw::Valentine),
        (&["thanksgiving"], Kw::Thanksgiving),
        (&["morning"], Kw::Morning),
        (&["afternoon"], Kw::Afternoon),
        (&["evening"], Kw::Evening),
        (&["night", "overnight"], Kw::Night),
        (&["few"], Kw::Few),
        (&["couple"], Kw::Couple),
        (&["will"], Kw::Will),
        (&["shall"], Kw::Shall),
        (&["ll"], Kw::Ll),
        (&["as"], Kw::As),
        (&["end"], Kw::End),
        (&["beginning"], Kw::Beginning),
        (&["start"], Kw::Start),
        (&["percent", "per", "cent", "pct"], Kw::Percent),
        (
            &[
                "million", "billion", "trillion", "thousand", "hundred", "m", "bn", "mn", "k",
            ],
            Kw::Magnitude,
        ),
        (
            &[
                "election",
                "elections",
                "polls",
                "vote",
                "referendum",
                "census",
            ],
            Kw::Election,
        ),
        (
            &[
                "class",
                "events",
                "revolution",
                "war",
                "crisis",
                "uprising",
                "protests",
                "riots",
                "talks",
                "sanctions",
                "negotiations",
                "games",
                "olympics",
                "midterms",
                "primaries",
                "attacks",
                "bombings",
                "floods",
                "killings",
                "massacres",
                "accords",
                "hearings",
                "championships",
                "finals",
                "playoffs",
                "awards",
                "results",
                "estimates",
                "statistics",
                "levels",
                "standards",
                "rules",
                "guidelines",
                "reforms",
                "amendments",
                "laws",
                "elections",
                "budget",
                "deal",
                "conflict",
                "invasion",
                "coup",
                "massacre",
                "agreement",
                "accord",
            ],
            Kw::Class,
        ),
        (
            &[
                "people",
                "persons",
                "men",
                "women",
                "children",
                "staff",
                "personnel",
                "police",
                "troops",
                "soldiers",
                "members",
                "votes",
                "cases",
                "times",
                "units",
                "dollars",
                "euros",
                "pounds",
                "km",
                "kg",
                "miles",
                "metres",
                "meters",
                "feet",
                "tonnes",
                "tons",
                "barrels",
                "acres",
                "hectares",
                "words",
                "pages",
                "points",
                "seats",
                "jobs",
                "homes",
                "deaths",
                "sq",
            ],
            Kw::Count,
        ),
        (
            &[
                "was", "is", "were", "has", "had", "saw", "marks", "marked", "will",
            ],
            Kw::Verb,
        ),
        (
            &[
                "rose",
                "risen",
                "fell",
                "fallen",
                "increased",
                "decreased",
                "grew",
                "grown",
                "cut",
                "reduced",
                "dropped",
                "jumped",
                "climbed",
                "declined",
                "up",
                "down",
                "outnumbered",
                "exceeded",
                "multiplied",
                "divided",
            ],
            Kw::Rise,
        ),
        (
            &[
                "season",
                "seasons",
                "era",
                "period",
                "term",
                "administration",
                "government",
                "regime",
            ],
            Kw::Season,
        ),
    ];
    for (names, k) in kws {
        for w in *names {
            m.entry(*w).or_insert(Lex::Kw(*k));
        }
    }
    m
});

/// [`LEXICON`] as a perfect hash table, for the tokenizer, which looks up every word of a
/// sentence; each word with its [`Start`] class.
static TABLE: Lazy<WordMap<(Lex, Start)>> = Lazy::new(|| {
    let words: Vec<(&[u8], (Lex, Start))> = LEXICON
        .iter()
        .map(|(w, l)| (w.as_bytes(), (*l, Start::of_word(*l))))
        .collect();
    WordMap::new(&words, (Lex::Other, Start::Never))
});

/// The words of the lexicon.
#[cfg(test)]
pub(crate) fn lexicon_words() -> impl Iterator<Item = &'static str> {
    LEXICON.keys().copied()
}

/// The meaning of a word (any case).
#[cfg(test)]
pub(crate) fn lookup(word: &str) -> Lex {
    TABLE.get(word.as_bytes()).0
}

/// Appends the tokens of `text[span]` to `out` (offsets in `text`).
#[cfg(test)]
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Tok>) {
    tokenize_into(text, span, out, &mut Vec::new());
}

/// Appends the tokens of `text[span]` to `out` (offsets in `text`), and to `starts` the
/// indices in `out` of those at which a date may start (whose [`Start`] class is not
/// [`Start::Never`]).
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Tok>, starts: &mut Vec<usize>) {
    let s = &text[span];
    let (lo, hi) = (span.start, span.end);
    let all = text.as_bytes();
    let table = &*TABLE;
    let mut i = lo;
    let mut prev_end = usize::MAX;
    while i < hi {
        i = ascii_words(all, i, hi, &mut prev_end, table, out, starts);
        if i >= hi {
            break;
        }
        let b = all[i];
        // The spaces between words, before anything else.
        if b == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        let (kind, (lex, class), n, cap);
        if b.is_ascii_alphabetic() {
            let found;
            (i, found) = ascii_word(all, i, hi, table);
            kind = Kind::Word;
            cap = b.is_ascii_uppercase();
            n = 0;
            // The run goes on with a letter that is not ASCII: a word the lexicon lacks.
            if i < hi && all[i] >= 0x80 {
                let end = skip_alphabetic(s, i - lo) + lo;
                (lex, class) = if end == i {
                    found
                } else {
                    (Lex::Other, Start::Never)
                };
                i = end;
            } else {
                (lex, class) = found;
            }
        } else if b.is_ascii_digit() {
            i = swar::skip_digits(all, i, hi);
            let mut v: u64 = 0;
            for &d in &all[start..i] {
                v = (v * 10 + u64::from(d - b'0')).min(u64::from(u32::MAX));
            }
            kind = Kind::Num;
            (lex, class) = (Lex::Other, Start::Maybe);
            n = v as u32;
            cap = false;
        } else if b < 0x80 {
            // ASCII: white space, or a mark (letters and digits are above).
            i += 1;
            if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                continue;
            }
            kind = Kind::Punct(char::from(b));
            // `'80s`; ASCII marks other than the apostrophe start nothing.
            let class_of = if is_apostrophe(char::from(b)) {
                Start::Maybe
            } else {
                Start::Never
            };
            (lex, class) = (Lex::Other, class_of);
            n = 0;
            cap = false;
        } else {
            let Some(c) = s[i - lo..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                i = skip_alphabetic(s, i - lo) + lo;
                kind = Kind::Word;
                (lex, class) = (Lex::Other, Start::Never);
                cap = c.is_uppercase();
            } else {
                i += c.len_utf8();
                kind = Kind::Punct(c);
                let class_of = if is_apostrophe(c) {
                    Start::Maybe
                } else {
                    Start::Never
                };
                (lex, class) = (Lex::Other, class_of);
                cap = false;
            }
            n = 0;
        }
        out.push(Tok {
            s: start,
            e: i,
            kind,
            lex,
            n,
            cap,
            glued: prev_end == start,
            start: class,
        });
        if class != Start::Never {
            starts.push(out.len() - 1);
        }
        prev_end = i;
        // The space after a token, at once.
        if i < hi && all[i] == b' ' {
            i += 1;
        }
    }
}

/// Pushes the tokens from `i` on while they are words of one to fifteen ASCII letters,
/// each followed by an ASCII byte before `hi`, or common marks followed by a space (most
/// tokens of most sentences): each is read from one load of eight bytes (two for a long
/// word). Returns where the first other token (or white space) starts.
#[inline(always)]
fn ascii_words(
    all: &[u8],
    mut i: usize,
    hi: usize,
    prev_end: &mut usize,
    table: &WordMap<(Lex, Start)>,
    out: &mut Vec<Tok>,
    starts: &mut Vec<usize>,
) -> usize {
    while let Some(w) = swar::load(all, i) {
        let stops = !swar::letters(w) & swar::HIGH;
        if stops & 0x80 != 0 {
            // A mark followed by a space: `, ` or `. `.
            let b = w as u8;
            if (w >> 8) as u8 == b' '
                && matches!(b, b',' | b'.' | b';' | b':' | b')' | b'"')
                && i < hi
            {
                out.push(Tok {
                    s: i,
                    e: i + 1,
                    kind: Kind::Punct(char::from(b)),
                    lex: Lex::Other,
                    n: 0,
                    cap: false,
                    glued: *prev_end == i,
                    start: Start::Never,
                });
                *prev_end = i + 1;
                i += 2;
                continue;
            }
            break;
        }
        // Letters only: setting bit 5 of each byte lowercases it.
        let lower = |w: u64, n: usize| (w | 0x2020_2020_2020_2020) & ((1u64 << (8 * n)) - 1);
        // A letter first; the word's length, the byte after it and its key in the table.
        let (n, next, key);
        if stops != 0 {
            n = (stops.trailing_zeros() / 8) as usize;
            next = (w >> (8 * n)) as u8;
            key = [lower(w, n), 0];
        } else {
            // Eight letters or more: the next eight bytes.
            let Some(w2) = swar::load(all, i + 8) else {
                break;
            };
            let stops = !swar::letters(w2) & swar::HIGH;
            if stops == 0 {
                break;
            }
            let k = (stops.trailing_zeros() / 8) as usize;
            n = 8 + k;
            next = (w2 >> (8 * k)) as u8;
            key = [w | 0x2020_2020_2020_2020, lower(w2, k)];
        }
        let end = i + n;
        if end >= hi || next >= 0x80 {
            break;
        }
        let first = w as u8;
        // The table's probe is exact: no test of the word's shape first, a branch that
        // text does not predict (half the words pass it).
        let (lex, class) = table.get_key(key);
        out.push(Tok {
            s: i,
            e: end,
            kind: Kind::Word,
            lex,
            n: 0,
            cap: first.is_ascii_uppercase(),
            glued: *prev_end == i,
            start: class,
        });
        if class != Start::Never {
            starts.push(out.len() - 1);
        }
        *prev_end = end;
        // The space after the word, at once.
        i = end + usize::from(next == b' ');
    }
    i
}

/// The end of the run of ASCII letters at `i` (a letter, before `hi`) and its meaning
/// in `table`. A run of fewer than eight letters, the commonest, is measured and keyed
/// from the one load of the eight bytes at `i`.
#[inline(always)]
fn ascii_word(
    all: &[u8],
    i: usize,
    hi: usize,
    table: &WordMap<(Lex, Start)>,
) -> (usize, (Lex, Start)) {
    if let Some(w) = swar::load(all, i) {
        let stops = !swar::letters(w) & swar::HIGH;
        if stops != 0 {
            // At least one letter (byte `i`), at most seven.
            let end = (i + (stops.trailing_zeros() / 8) as usize).min(hi);
            let n = end - i;
            let found = match all.get(end.wrapping_sub(1)) {
                Some(&last) if n > 0 && table.may_hold(n, all[i], last) => {
                    // Letters only: setting bit 5 of each byte lowercases it.
                    let key = (w | 0x2020_2020_2020_2020) & ((1u64 << (8 * n)) - 1);
                    table.get_key([key, 0])
                }
                _ => (Lex::Other, Start::Never),
            };
            return (end, found);
        }
    }
    let end = swar::skip_letters(all, i, hi);
    (end, table.get_run(all, i, end))
}

/// An apostrophe, straight, curly or a backtick (`'80s`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

/// The end of the run of alphabetic characters of `s` from `i`.
fn skip_alphabetic(s: &str, mut i: usize) -> usize {
    for ch in s[i..].chars() {
        if !ch.is_alphabetic() {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

/// Words that may start a date without any digit in the sentence: a sentence with no
/// digit and none of these words (as a whole run of letters, in any case) holds no date.
/// The number parser's pass over the words of a sentence notes them
/// ([`crate::claims::anchors::DATE`]).
pub(crate) const CUE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "today",
    "tomorrow",
    "yesterday",
    "tonight",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "day",
    "days",
    "fortnight",
    "christmas",
    "halloween",
    "easter",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "quarter",
    "century",
    "night",
    "thanksgiving",
    "valentine",
    "ago",
    "twenty",
    "thirty",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "noon",
    "midnight",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut v);
        v
    }

    #[test]
    fn splits_digits_letters_and_marks() {
        let t = toks("In the 1970s, on Aug. 30th–31st ’80s");
        let texts: Vec<&str> = t
            .iter()
            .map(|k| &"In the 1970s, on Aug. 30th–31st ’80s"[k.s..k.e])
            .collect();
        assert_eq!(
            texts,
            [
                "In", "the", "1970", "s", ",", "on", "Aug", ".", "30", "th", "–", "31", "st", "’",
                "80", "s"
            ]
        );
        assert_eq!(t[2].n, 1970);
        assert!(t[3].glued && !t[2].glued);
        assert_eq!(t[6].lex, Lex::Month(8, true));
        assert_eq!(t[0].lex, Lex::Kw(Kw::In));
        assert!(t[0].cap);
        assert_eq!(t[10].kind, Kind::Punct('–'));
    }

    /// The tokenizer written plainly, a character at a time, with the lexicon's hash map.
    fn plain_tokens(s: &str) -> Vec<(usize, usize, Kind, Lex, u32, bool, bool)> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut prev_end = usize::MAX;
        while let Some(c) = s[i..].chars().next() {
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let (kind, lex, mut n, cap) = if c.is_ascii_digit() {
                (Kind::Num, Lex::Other, 0u64, false)
            } else if c.is_alphabetic() {
                (Kind::Word, Lex::Other, 0, c.is_uppercase())
            } else {
                (Kind::Punct(c), Lex::Other, 0, false)
            };
            let mut lex = lex;
            match kind {
                Kind::Num => {
                    while let Some(d) = s[i..].chars().next().filter(char::is_ascii_digit) {
                        n = (n * 10 + u64::from(d as u8 - b'0')).min(u64::from(u32::MAX));
                        i += 1;
                    }
                }
                Kind::Word => {
                    while let Some(ch) = s[i..].chars().next().filter(|c| c.is_alphabetic()) {
                        i += ch.len_utf8();
                    }
                    let w = s[start..i].to_lowercase();
                    if s[start..i].is_ascii() {
                        lex = LEXICON.get(w.as_str()).copied().unwrap_or(Lex::Other);
                    }
                }
                Kind::Punct(_) => i += c.len_utf8(),
            }
            out.push((start, i, kind, lex, n as u32, cap, prev_end == start));
            prev_end = i;
        }
        out
    }

    #[test]
    fn same_tokens_as_plain_tokenizer() {
        let texts = [
            "In the 1970s, on Aug. 30th–31st ’80s",
            "Mañana: ÉCOLE 12h30 Größe\u{a0}Sept.\u{2003}2019-09-01T10:00Z",
            "supercalifragilisticexpialidocious WEDNESDAY wednesdays x1y2 ＡＢＣ ١٢٣",
            "tab\tnew\nline\u{b}vt\u{c}ff\rcr\u{85}nel\u{1c}fs 99999999999999999999",
            "αβγ δ Ω-7 naïve café thirtieth NOV. a.m. p.m. 5pm",
            "He said: \"no\" (twice); then, at last. On May 5 , 2001 . The end .",
            "x, y. z; (a) \"b\" c: d ,e .f ;g :h )i \"j",
            "",
            " ",
            "x",
        ];
        for t in texts {
            let got: Vec<_> = toks(t)
                .iter()
                .map(|k| (k.s, k.e, k.kind, k.lex, k.n, k.cap, k.glued))
                .collect();
            assert_eq!(got, plain_tokens(t), "{t:?}");
        }
    }

    #[test]
    fn a_span_is_tokenized_as_the_text_alone() {
        let text =
            "Sunday afternoon, 30th–31st Août 1981: Mayday; \"Decembers\" (WEDNESDAY) 12h30. A";
        for lo in 0..text.len() {
            for hi in lo..=text.len() {
                if !text.is_char_boundary(lo) || !text.is_char_boundary(hi) {
                    continue;
                }
                let mut got = Vec::new();
                tokenize(text, Span::new(lo, hi), &mut got);
                let alone = toks(&text[lo..hi]);
                let got: Vec<_> = got
                    .iter()
                    .map(|k| (k.s - lo, k.e - lo, k.kind, k.lex, k.n, k.cap, k.glued))
                    .collect();
                let alone: Vec<_> = alone
                    .iter()
                    .map(|k| (k.s, k.e, k.kind, k.lex, k.n, k.cap, k.glued))
                    .collect();
                assert_eq!(got, alone, "{:?}", &text[lo..hi]);
            }
        }
    }

    #[test]
    fn starts_are_the_tokens_that_may_start() {
        let text = "From 5 to 9 May, the 3rd of two weeks ago, an hour 'til '80s, a few, Q3.";
        let (mut toks, mut starts) = (Vec::new(), Vec::new());
        tokenize_into(text, Span::new(0, text.len()), &mut toks, &mut starts);
        let want: Vec<usize> = (0..toks.len())
            .filter(|&k| toks[k].start != Start::Never)
            .collect();
        assert_eq!(starts, want);
        assert!(starts.len() > 5);
    }

    #[test]
    fn tokens_take_their_meaning_from_the_lexicon() {
        for (w, lex) in LEXICON.iter() {
            let upper = w.to_ascii_uppercase();
            let longer = format!("{w}s");
            for (word, want) in [
                (w.to_string(), *lex),
                (upper, *lex),
                (
                    longer.clone(),
                    LEXICON.get(longer.as_str()).copied().unwrap_or(Lex::Other),
                ),
            ] {
                for (before, after) in [
                    ("", " and more words after it"),
                    ("In ", ", then"),
                    ("(", ") x"),
                    ("so ", ""),
                    ("", "é"),
                ] {
                    let text = format!("{before}{word}{after}");
                    let t = toks(&text);
                    let k = t.iter().find(|k| k.s == before.len());
                    let k = k.unwrap_or_else(|| panic!("{text:?}"));
                    let want = if text.ends_with('é') {
                        Lex::Other
                    } else {
                        want
                    };
                    assert_eq!(k.lex, want, "{text:?}");
                    assert_eq!(k.start, Start::of_word(want), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_saturate() {
        let t = toks("99999999999999999999");
        assert_eq!(t[0].n, u32::MAX);
        assert_eq!(t[0].len(), 20);
    }

    #[test]
    fn words() {
        assert_eq!(lookup("SEPT"), Lex::Month(9, true));
        assert_eq!(lookup("Thursday"), Lex::Weekday(4, false));
        assert_eq!(lookup("twenty"), Lex::Tens(20));
        assert_eq!(lookup("thirtieth"), Lex::Ordinal(30));
        assert_eq!(lookup("years"), Lex::Unit(Unit::Year));
        assert_eq!(lookup("Mañana"), Lex::Other);
        assert_eq!(lookup("supercalifragilisticexpialidocious"), Lex::Other);
        assert_eq!(lookup(""), Lex::Other);
        assert_eq!(lookup("c3"), Lex::Other);
    }

    #[test]
    fn table_agrees_with_lexicon() {
        for (w, lex) in LEXICON.iter() {
            assert_eq!(lookup(w), *lex, "{w}");
            assert_eq!(lookup(&w.to_ascii_uppercase()), *lex, "{w}");
            // One letter more or less is another word.
            let longer = format!("{w}x");
            assert_eq!(
                lookup(&longer),
                LEXICON.get(longer.as_str()).copied().unwrap_or(Lex::Other)
            );
            let shorter = &w[..w.len() - 1];
            assert_eq!(
                lookup(shorter),
                LEXICON.get(shorter).copied().unwrap_or(Lex::Other)
            );
        }
        assert_eq!(lookup("Wednesdays"), Lex::Other);
        assert_eq!(lookup("thirtieths"), Lex::Other);
        assert_eq!(lookup("administrations"), Lex::Other);
    }
}
