//! Word lists: abbreviations and their behaviour, words that start sentences, words that
//! cannot end a line of running text, and time-zone words.
//!
//! Lookups fold ASCII case into a small stack buffer and match on byte strings, so they
//! cost no allocation; the abbreviations, looked up at most periods, are a perfect-hash
//! map read in place.

use once_cell::sync::Lazy;

use crate::claims::WordMap;

/// How a known abbreviation followed by white space and a capitalised word behaves.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Abbrev {
    /// A title written before a name (`Mr.`, `Dr.`, `Gen.`, `St.`, `Mt.`): never ends a
    /// sentence.
    Title,
    /// Written before a number (`No. 5`, `p. 55`, `Fig. 2`): no boundary before a digit;
    /// otherwise an ordinal word.
    Number,
    /// Always followed by more of the sentence (`vs.`, `e.g.`, `cf.`, `approx.`).
    Continue,
    /// Any other abbreviation (`Inc.`, `etc.`, `Jan.`, `Calif.`, `Jr.`): ends a sentence
    /// only before a word that typically starts one.
    Other,
}

/// Lowercases an ASCII word into `buf`; `None` if it is too long or not ASCII.
#[inline]
fn fold<'b>(word: &[u8], buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    if word.is_empty() || word.len() > buf.len() {
        return None;
    }
    for (d, &c) in buf.iter_mut().zip(word) {
        *d = c.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}

/// The known abbreviations (the letters before the period), by class and case rule: most
/// titles and words that are also common English words only count when capitalised.
/// (class, only when capitalised, words)
const ABBREVS: &[(Abbrev, bool, &[&str])] = {
    use Abbrev::*;
    &[
        (
            Title,
            false,
            &[
                "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "drs", "prof", "profs", "st",
                "mt", "msgr", "mssrs",
            ],
        ),
        (
            Title,
            true,
            &[
                "gen", "gens", "lt", "col", "maj", "capt", "cpt", "cmdr", "cdr", "comdr", "adm",
                "brig", "sgt", "cpl", "pvt", "spc", "gov", "govs", "sen", "sens", "rep", "reps",
                "rev", "revd", "hon", "pres", "supt", "insp", "det", "fr", "ste", "ft", "atty",
                "amb", "lieut", "rt", "sr", "sra", "srta", "cllr", "ald", "sec", "secs", "mtn",
                "pt", "hr",
            ],
        ),
        (
            Number,
            false,
            &[
                "no", "nos", "nr", "p", "pp", "vol", "vols", "fig", "figs", "art", "arts", "ch",
                "chap", "para", "paras", "pg", "pgs", "op", "tel", "ext", "ref", "refs", "num",
                "c", "rs", "sect", "cl", "reg", "pl", "apt", "rm", "bldg",
            ],
        ),
        (
            Continue,
            false,
            &[
                "vs", "cf", "viz", "approx", "appx", "incl", "esp", "ca", "resp", "eg", "ie",
                "lit", "orig", "abt", "v",
            ],
        ),
        // Months and days come before a day number or a year.
        (
            Number,
            false,
            &[
                "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "tue",
                "tues", "thu", "thur", "thurs", "fri",
            ],
        ),
        (Number, true, &["mar", "dec", "mon", "wed", "sat", "sun"]),
        (
            Other,
            false,
            &[
                "etc", "inc", "ltd", "co", "corp", "llc", "plc", "bros", "jr", "esq", "dept",
                "depts", "univ", "assn", "assoc", "intl", "natl", "govt", "mfg", "mgr", "al",
                "eds", "ibid", "ave", "blvd", "hwy", "mins", "hrs", "yrs", "kg", "km", "lbs", "oz",
                "avg", "cie", "pty", "bhd", "sdn", "gmbh",
            ],
        ),
        // US states, and short words that are abbreviations only when capitalised.
        (
            Other,
            true,
            &[
                "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "kan", "kans", "ky", "mich",
                "minn", "mont", "neb", "nebr", "nev", "okla", "ore", "penn", "tenn", "tex", "vt",
                "wis", "wisc", "wyo", "mass", "del", "ga", "ill", "ind", "la", "md", "miss", "mo",
                "pa", "va", "wash", "ln", "rd", "dist", "dir", "div", "ed", "est", "trans", "yr",
                "lb", "cos",
            ],
        ),
    ]
};

/// The titles still read as titles in headings written in capitals (`MR.`, `DR.`, `ST.`),
/// where any other all-capital word is an acronym (`SEC`, `FT`, `IE`, `MS`).
const CAPITAL_TITLES: &[&str] = &["mr", "mrs", "dr", "st", "mt"];

/// The bits of an entry of [`ABBREV_MAP`]: a word of the map (0 for any other word), its
/// class (two bits), its case rule, and whether it is one of [`CAPITAL_TITLES`].
const ABBREV_FOUND: u8 = 1;
const ABBREV_CAP_ONLY: u8 = 1 << 3;
const ABBREV_CAPITAL_TITLE: u8 = 1 << 4;

fn class_bits(class: Abbrev) -> u8 {
    (match class {
        Abbrev::Title => 0,
        Abbrev::Number => 1,
        Abbrev::Continue => 2,
        Abbrev::Other => 3,
    }) << 1
}

/// [`ABBREVS`] as a perfect-hash map of their lowercase letters, read in place: one
/// hash and one compare where a `match` on the word branched on its length and bytes.
static ABBREV_MAP: Lazy<WordMap<u8>> = Lazy::new(|| {
    let words: Vec<(&[u8], u8)> = ABBREVS
        .iter()
        .flat_map(|&(class, cap_only, words)| {
            words.iter().map(move |w| {
                let mut v = ABBREV_FOUND | class_bits(class);
                if cap_only {
                    v |= ABBREV_CAP_ONLY;
                }
                if CAPITAL_TITLES.contains(w) {
                    v |= ABBREV_CAPITAL_TITLE;
                }
                (w.as_bytes(), v)
            })
        })
        .collect();
    WordMap::new(&words, 0)
});

/// The class of the known abbreviation `b[start..end]` (the letters before the period),
/// with its case rule (see [`ABBREVS`]).
pub(super) fn abbrev_at(b: &[u8], start: usize, end: usize) -> Option<Abbrev> {
    // No abbreviation is longer than six bytes: most words are answered here.
    let n = end.checked_sub(start)?;
    if n == 0 || n > 6 {
        return None;
    }
    let word = b.get(start..end)?;
    let v = if n == 3 && word[0] | 0x20 == b'n' && special(word).is_some() {
        ABBREV_FOUND | class_bits(Abbrev::Number)
    } else {
        // The length and the first and last letters rule out most words before the hash.
        let map = &*ABBREV_MAP;
        if !map.may_hold(n, word[0], word[n - 1]) {
            return None;
        }
        map.get_at(b, start, end)
    };
    if v == 0 {
        return None;
    }
    if v & ABBREV_CAP_ONLY != 0 && !word[0].is_ascii_uppercase() {
        return None;
    }
    // An all-capital word is an acronym, except the titles of headings in capitals.
    if n >= 2 && v & ABBREV_CAPITAL_TITLE == 0 && word.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    Some(match (v >> 1) & 3 {
        0 => Abbrev::Title,
        1 => Abbrev::Number,
        2 => Abbrev::Continue,
        _ => Abbrev::Other,
    })
}

/// [`abbrev_at`] of a whole word.
#[cfg(test)]
pub(super) fn abbrev(word: &[u8]) -> Option<Abbrev> {
    abbrev_at(word, 0, word.len())
}

/// [`abbrev`] by a plain search of the lists, for tests.
#[cfg(test)]
fn abbrev_reference(word: &[u8]) -> Option<Abbrev> {
    if word.len() > 6 {
        return None;
    }
    let mut buf = [0u8; 16];
    let w = fold(word, &mut buf).or_else(|| special(word))?;
    let (class, cap_only) = if special(word).is_some() {
        (Abbrev::Number, false)
    } else {
        ABBREVS
            .iter()
            .find(|(_, _, words)| words.iter().any(|x| x.as_bytes() == w))
            .map(|&(class, cap_only, _)| (class, cap_only))?
    };
    if cap_only && !word[0].is_ascii_uppercase() {
        return None;
    }
    if word.len() >= 2
        && word.iter().all(u8::is_ascii_uppercase)
        && !CAPITAL_TITLES.iter().any(|x| x.as_bytes() == w)
    {
        return None;
    }
    Some(class)
}

/// Non-ASCII abbreviation keys (`N°`, `Nº`), lowercased.
fn special(word: &[u8]) -> Option<&'static [u8]> {
    match word {
        b"N\xc2\xb0" | b"n\xc2\xb0" => Some(b"n\xc2\xb0"),
        b"N\xc2\xba" | b"n\xc2\xba" => Some(b"n\xc2\xba"),
        _ => None,
    }
}

/// Closed-class words that typically start an English sentence (compared case-insensitively):
/// pronouns, determiners, conjunctions, sentence adverbs, auxiliaries, prepositions and the
/// titles `Mr`, `Mrs`, `Ms`, `Dr`. Words that are common names or surnames (`Will`, `May`,
/// `Young`) are left out.
pub(super) fn is_starter(word: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = fold(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"a" | b"an"
            | b"the"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"it"
            | b"its"
            | b"he"
            | b"his"
            | b"she"
            | b"her"
            | b"they"
            | b"their"
            | b"we"
            | b"our"
            | b"i"
            | b"you"
            | b"your"
            | b"my"
            | b"there"
            | b"here"
            | b"what"
            | b"when"
            | b"where"
            | b"why"
            | b"who"
            | b"whom"
            | b"whose"
            | b"which"
            | b"how"
            | b"whether"
            | b"if"
            | b"but"
            | b"and"
            | b"or"
            | b"nor"
            | b"so"
            | b"yet"
            | b"because"
            | b"although"
            | b"though"
            | b"while"
            | b"whereas"
            | b"as"
            | b"since"
            | b"after"
            | b"before"
            | b"until"
            | b"unless"
            | b"once"
            | b"however"
            | b"meanwhile"
            | b"moreover"
            | b"furthermore"
            | b"nevertheless"
            | b"nonetheless"
            | b"therefore"
            | b"thus"
            | b"hence"
            | b"instead"
            | b"indeed"
            | b"also"
            | b"then"
            | b"now"
            | b"today"
            | b"yesterday"
            | b"tomorrow"
            | b"tonight"
            | b"later"
            | b"earlier"
            | b"finally"
            | b"in"
            | b"on"
            | b"at"
            | b"for"
            | b"with"
            | b"by"
            | b"from"
            | b"under"
            | b"during"
            | b"despite"
            | b"according"
            | b"among"
            | b"between"
            | b"without"
            | b"within"
            | b"through"
            | b"throughout"
            | b"following"
            | b"some"
            | b"many"
            | b"most"
            | b"much"
            | b"more"
            | b"all"
            | b"each"
            | b"every"
            | b"both"
            | b"few"
            | b"several"
            | b"such"
            | b"no"
            | b"not"
            | b"none"
            | b"nothing"
            | b"another"
            | b"other"
            | b"others"
            | b"any"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"do"
            | b"does"
            | b"did"
            | b"has"
            | b"have"
            | b"had"
            | b"can"
            | b"could"
            | b"would"
            | b"should"
            | b"shall"
            | b"might"
            | b"must"
            | b"let"
            | b"please"
            | b"yes"
            | b"even"
            | b"only"
            | b"perhaps"
            | b"maybe"
            | b"unlike"
            | b"overall"
            | b"similarly"
            | b"additionally"
            | b"besides"
            | b"otherwise"
            | b"neither"
            | b"either"
            | b"often"
            | b"sometimes"
            | b"never"
            | b"always"
            | b"soon"
            | b"recently"
            | b"currently"
            | b"eventually"
            | b"initially"
            | b"previously"
            | b"ultimately"
            | b"still"
            | b"last"
            | b"next"
            | b"former"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
    )
}

/// Lowercase words that a line of running text does not end with when the sentence goes on
/// (articles, prepositions, conjunctions, auxiliaries, possessives). A line that ends with one
/// of them continues on the next line even when that line starts with a capital.
pub(super) fn is_line_continuation(word: &[u8]) -> bool {
    matches!(
        word,
        b"a" | b"an"
            | b"the"
            | b"of"
            | b"at"
            | b"in"
            | b"on"
            | b"to"
            | b"for"
            | b"with"
            | b"by"
            | b"from"
            | b"into"
            | b"onto"
            | b"about"
            | b"over"
            | b"under"
            | b"between"
            | b"against"
            | b"during"
            | b"after"
            | b"before"
            | b"and"
            | b"or"
            | b"but"
            | b"nor"
            | b"as"
            | b"than"
            | b"that"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"being"
            | b"has"
            | b"have"
            | b"had"
            | b"his"
            | b"her"
            | b"its"
            | b"their"
            | b"our"
            | b"my"
            | b"your"
            | b"this"
            | b"these"
            | b"those"
            | b"who"
            | b"which"
            | b"whose"
            | b"said"
            | b"told"
            | b"says"
            | b"like"
            | b"via"
            | b"per"
            | b"if"
            | b"when"
            | b"while"
            | b"where"
            | b"whether"
            | b"because"
            | b"although"
            | b"including"
            | b"such"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"can"
            | b"may"
            | b"might"
            | b"must"
            | b"do"
            | b"does"
            | b"did"
            | b"not"
            | b"toward"
            | b"towards"
            | b"among"
            | b"within"
            | b"without"
            | b"through"
            | b"across"
            | b"behind"
            | b"beyond"
            | b"near"
            | b"since"
            | b"until"
            | b"upon"
            | b"amid"
            | b"despite"
            | b"both"
            | b"either"
            | b"neither"
            | b"general"
            | b"president"
            | b"minister"
            | b"former"
            | b"late"
            | b"leader"
            | b"then"
            | b"also"
            | b"and/or"
    )
}

/// Words after a time of day (`5 p.m. Eastern`, `6 a.m. GMT`, `9 a.m. Monday`) that keep
/// the time in its sentence.
pub(super) fn is_time_qualifier(word: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = fold(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"et"
            | b"est"
            | b"edt"
            | b"ct"
            | b"cst"
            | b"cdt"
            | b"mt"
            | b"mst"
            | b"mdt"
            | b"pt"
            | b"pst"
            | b"pdt"
            | b"gmt"
            | b"utc"
            | b"bst"
            | b"cet"
            | b"cest"
            | b"eet"
            | b"eest"
            | b"wet"
            | b"ist"
            | b"jst"
            | b"kst"
            | b"aest"
            | b"aedt"
            | b"hkt"
            | b"sgt"
            | b"msk"
            | b"irst"
            | b"irdt"
            | b"akst"
            | b"hst"
            | b"ast"
            | b"adt"
            | b"nzst"
            | b"nzdt"
            | b"eastern"
            | b"pacific"
            | b"central"
            | b"mountain"
            | b"atlantic"
            | b"local"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"mon"
            | b"tue"
            | b"tues"
            | b"wed"
            | b"thu"
            | b"thur"
            | b"thurs"
            | b"fri"
            | b"sat"
            | b"sun"
            | b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Words that open an introductory time phrase (`At 5 a.m.`, `By 6 p.m.`, `On Monday at
/// 9 a.m.`): after such a phrase the main clause follows, so no sentence ends there.
pub(super) fn is_time_intro(word: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(w) = fold(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        b"at"
            | b"by"
            | b"around"
            | b"about"
            | b"before"
            | b"after"
            | b"until"
            | b"till"
            | b"from"
            | b"since"
            | b"shortly"
            | b"just"
            | b"early"
            | b"on"
            | b"starting"
            | b"beginning"
            | b"between"
            | b"today"
            | b"yesterday"
            | b"tomorrow"
            | b"tonight"
            | b"then"
            | b"and"
            | b"but"
            | b"sometime"
            | b"approximately"
            | b"roughly"
            | b"nearly"
            | b"almost"
            | b"every"
            | b"each"
            | b"last"
            | b"this"
            | b"late"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_agree_with_the_lists() {
        let mut words: Vec<Vec<u8>> = Vec::new();
        for &(_, _, list) in ABBREVS {
            for w in list {
                let w = w.as_bytes();
                let mut cap = w.to_vec();
                cap[0] = cap[0].to_ascii_uppercase();
                words.push(w.to_vec());
                words.push(cap.clone());
                words.push(w.to_ascii_uppercase());
                words.push([w, b"x"].concat());
                words.push([b"x", w].concat());
                words.push(w[1..].to_vec());
                words.push([&cap[..], b"."].concat());
            }
        }
        for w in [
            "N°", "n°", "Nº", "nº", "N°x", "n\u{301}", "", "é", "Mr.", "A1", "a-b",
        ] {
            words.push(w.as_bytes().to_vec());
        }
        for w in &words {
            assert_eq!(
                abbrev(w),
                abbrev_reference(w),
                "{:?}",
                String::from_utf8_lossy(w)
            );
            // In place, inside a longer text.
            let text = [b"a ", &w[..], b". The end of the text is far enough away."].concat();
            assert_eq!(abbrev_at(&text, 2, 2 + w.len()), abbrev_reference(w));
        }
    }

    #[test]
    fn abbreviations() {
        assert_eq!(abbrev(b"Mr"), Some(Abbrev::Title));
        assert_eq!(abbrev(b"Gen"), Some(Abbrev::Title));
        assert_eq!(abbrev(b"gen"), None);
        assert_eq!(abbrev(b"co"), Some(Abbrev::Other));
        assert_eq!(abbrev(b"Co"), Some(Abbrev::Other));
        assert_eq!(abbrev(b"sat"), None);
        assert_eq!(abbrev(b"Sat"), Some(Abbrev::Number));
        assert_eq!(abbrev(b"p"), Some(Abbrev::Number));
        assert_eq!(abbrev("N°".as_bytes()), Some(Abbrev::Number));
        assert_eq!(abbrev(b"vs"), Some(Abbrev::Continue));
        assert_eq!(abbrev(b"house"), None);
        assert_eq!(abbrev(b"SEC"), None);
        assert_eq!(abbrev(b"IE"), None);
        assert_eq!(abbrev(b"ore"), None);
        assert_eq!(abbrev(b"MR"), Some(Abbrev::Title));
        assert_eq!(abbrev(b"Dec"), Some(Abbrev::Number));
        assert_eq!(abbrev(b""), None);
    }

    #[test]
    fn word_lists() {
        assert!(is_starter(b"How") && is_starter(b"THE") && is_starter(b"Mr"));
        assert!(!is_starter(b"Government") && !is_starter(b"May"));
        assert!(is_line_continuation(b"at") && !is_line_continuation(b"Sunday"));
        assert!(is_time_qualifier(b"GMT") && is_time_qualifier(b"Monday"));
        assert!(is_time_intro(b"At") && !is_time_intro(b"He"));
    }
}
