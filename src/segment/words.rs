//! Word lists: abbreviations and their behaviour, words that start sentences, words that
//! cannot end a line of running text, and time-zone words.
//!
//! Lookups fold ASCII case into a small stack buffer and match on byte strings, so they
//! cost no allocation.

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

/// The class of a known abbreviation (the letters before the period), with its case rule:
/// most titles and words that are also common English words only count when capitalised.
pub(super) fn abbrev(word: &[u8]) -> Option<Abbrev> {
    use Abbrev::*;
    // No abbreviation is longer than six bytes: most words are answered here.
    if word.len() > 6 {
        return None;
    }
    let mut buf = [0u8; 16];
    let w = fold(word, &mut buf).or_else(|| special(word))?;
    let capital = word[0].is_ascii_uppercase();
    // (class, only when capitalised)
    let (class, cap_only) = match w {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mme" | b"mlle" | b"dr" | b"drs" | b"prof"
        | b"profs" | b"st" | b"mt" | b"msgr" | b"mssrs" => (Title, false),
        b"gen" | b"gens" | b"lt" | b"col" | b"maj" | b"capt" | b"cpt" | b"cmdr" | b"cdr"
        | b"comdr" | b"adm" | b"brig" | b"sgt" | b"cpl" | b"pvt" | b"spc" | b"gov" | b"govs"
        | b"sen" | b"sens" | b"rep" | b"reps" | b"rev" | b"revd" | b"hon" | b"pres" | b"supt"
        | b"insp" | b"det" | b"fr" | b"ste" | b"ft" | b"atty" | b"amb" | b"lieut" | b"rt"
        | b"sr" | b"sra" | b"srta" | b"cllr" | b"ald" | b"sec" | b"secs" | b"mtn" | b"pt"
        | b"hr" => (Title, true),
        b"no" | b"nos" | b"nr" | b"p" | b"pp" | b"vol" | b"vols" | b"fig" | b"figs" | b"art"
        | b"arts" | b"ch" | b"chap" | b"para" | b"paras" | b"pg" | b"pgs" | b"op" | b"tel"
        | b"ext" | b"ref" | b"refs" | b"num" | b"c" | b"rs" | b"n\xc2\xb0" | b"n\xc2\xba"
        | b"sect" | b"cl" | b"reg" | b"pl" | b"apt" | b"rm" | b"bldg" => (Number, false),
        b"vs" | b"cf" | b"viz" | b"approx" | b"appx" | b"incl" | b"esp" | b"ca" | b"resp"
        | b"eg" | b"ie" | b"lit" | b"orig" | b"abt" | b"v" => (Continue, false),
        // Months and days come before a day number or a year.
        b"jan" | b"feb" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct"
        | b"nov" | b"tue" | b"tues" | b"thu" | b"thur" | b"thurs" | b"fri" => (Number, false),
        b"mar" | b"dec" | b"mon" | b"wed" | b"sat" | b"sun" => (Number, true),
        b"etc" | b"inc" | b"ltd" | b"co" | b"corp" | b"llc" | b"plc" | b"bros" | b"jr" | b"esq"
        | b"dept" | b"depts" | b"univ" | b"assn" | b"assoc" | b"intl" | b"natl" | b"govt"
        | b"mfg" | b"mgr" | b"al" | b"eds" | b"ibid" | b"ave" | b"blvd" | b"hwy" | b"mins"
        | b"hrs" | b"yrs" | b"kg" | b"km" | b"lbs" | b"oz" | b"avg" | b"cie" | b"pty" | b"bhd"
        | b"sdn" | b"gmbh" => (Other, false),
        // US states, and short words that are abbreviations only when capitalised.
        b"ala" | b"ariz" | b"ark" | b"calif" | b"colo" | b"conn" | b"fla" | b"kan" | b"kans"
        | b"ky" | b"mich" | b"minn" | b"mont" | b"neb" | b"nebr" | b"nev" | b"okla" | b"ore"
        | b"penn" | b"tenn" | b"tex" | b"vt" | b"wis" | b"wisc" | b"wyo" | b"mass" | b"del"
        | b"ga" | b"ill" | b"ind" | b"la" | b"md" | b"miss" | b"mo" | b"pa" | b"va" | b"wash"
        | b"ln" | b"rd" | b"dist" | b"dir" | b"div" | b"ed" | b"est" | b"trans" | b"yr" | b"lb"
        | b"cos" => (Other, true),
        _ => return None,
    };
    if cap_only && !capital {
        return None;
    }
    // An all-capital word is an acronym (`SEC`, `FT`, `IE`, `MS`), except the common titles
    // in headings written in capitals (`MR.`, `DR.`, `ST.`).
    if word.len() >= 2
        && word.iter().all(u8::is_ascii_uppercase)
        && !matches!(w, b"mr" | b"mrs" | b"dr" | b"st" | b"mt")
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
