//! Table tests of the matching rules of SPEC §1, run through the whole extractor.
//!
//! Each case names a rule, a gazetteer, a text and the expected mentions as
//! `(id, text)` pairs in order (`"?"` for an unresolved mention); every mention's span
//! is checked by slicing the input.

use crate::{Extractor, Gazetteer};

const GAZ: &str = "id\ttype\tname\taliases
mek\torganisation\tPeople's Mojahedin Organization of Iran\tMEK|MKO|PMOI|Mojahedin-e Khalq|Mujahedin-e-Khalq Organization
nla\torganisation\tNational Liberation Army of Iran\tNLA
maryam-rajavi\tperson\tMaryam Rajavi\tRajavi
massoud-rajavi\tperson\tMassoud Rajavi\tRajavi
massoud-khodabandeh\tperson\tMassoud Khodabandeh\tKhodabandeh
kourosh-ziabari\tperson\tKourosh Ziabari\t
camp-ashraf\tplace\tCamp Ashraf\tAshraf camp
ashraf\tplace\tAshraf\t
iran\tplace\tIran\tIslamic Republic
iraq\tplace\tIraq\t
us\tplace\tUnited States\tUS|U.S.
us-state-department\torganisation\tUnited States Department of State\tUS State Department|State Department
manez\tplace\tManëz\tManza
al-jazeera\torganisation\tAl Jazeera\t
the-guardian\torganisation\tThe Guardian\t
the-hill\torganisation\tThe Hill\t
vox\torganisation\tVox Media\t=Vox
donald-trump\tperson\tDonald Trump\tTrump
mohammad-ali-rajai\tperson\tMohammad-Ali Rajai\t
iran-iraq-war\tevent\tIran-Iraq War\t
ebay\torganisation\teBay\t
asia\tplace\tAsia\t
east-asia\tplace\tEast Asia\t
iphone\tproduct\tiPhone phone\t=iPhone
";

fn extractor(require_capital: bool) -> Extractor {
    let gaz = Gazetteer::from_tsv("test.tsv", GAZ).unwrap();
    Extractor::builder()
        .builtin(false)
        .gazetteer(gaz)
        .require_capital(require_capital)
        .build()
        .unwrap()
}

fn run(ex: &Extractor, text: &str) -> Vec<(String, String)> {
    let doc = ex.extract(text);
    doc.mentions
        .iter()
        .map(|m| {
            assert_eq!(&text[m.span], m.text, "span and text disagree");
            let id = m.entity.map_or("?".to_string(), |e| e.id().to_string());
            (id, m.text.to_string())
        })
        .collect()
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$(($id:expr, $m:expr)),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let ex = extractor(true);
                let want: Vec<(String, String)> = vec![$(($id.to_string(), $m.to_string())),*];
                assert_eq!(run(&ex, $text), want, "text: {:?}", $text);
            }
        )*
    };
}

cases! {
    acronym_exact_case: "The MEK, the mek and the Mek." => [("mek", "MEK")];
    acronym_us: "US officials told us that U.S. policy changed." => [("us", "US"), ("us", "U.S.")];
    equals_prefix_exact: "Vox reported; vox populi; VOX." => [("vox", "Vox")];
    case_insensitive: "MUJAHEDIN-E-KHALQ ORGANIZATION and Mojahedin-E khalq." =>
        [("mek", "MUJAHEDIN-E-KHALQ ORGANIZATION"), ("mek", "Mojahedin-E khalq")];
    needs_a_capital: "we went up the hill to camp ashraf" => [];
    diacritics_both_ways: "Manez, Manëz and MANËZ; Manza." =>
        [("manez", "Manez"), ("manez", "Manëz"), ("manez", "MANËZ"), ("manez", "Manza")];
    decomposed_diacritics: "Mane\u{0308}z is a town." => [("manez", "Mane\u{0308}z")];
    apostrophes: "People’s Mojahedin Organization of Iran" =>
        [("mek", "People’s Mojahedin Organization of Iran")];
    dash_matches_dash_or_space: "Mujahedin e Khalq Organization, Mohammad Ali Rajai, Mohammad–Ali Rajai" =>
        [("mek", "Mujahedin e Khalq Organization"), ("mohammad-ali-rajai", "Mohammad Ali Rajai"),
         ("mohammad-ali-rajai", "Mohammad–Ali Rajai")];
    white_space_runs: "Thousands of residents were moved by the government out of Camp\n  Ashraf, and out of Camp\u{00A0}Ashraf again." =>
        [("camp-ashraf", "Camp\n  Ashraf"), ("camp-ashraf", "Camp\u{00A0}Ashraf")];
    word_boundaries: "Iranian and Iraqi exiles; IRAN, Iran." => [("iran", "IRAN"), ("iran", "Iran")];
    glued_lower_upper: "outfitsKourosh Ziabari wrote" => [("kourosh-ziabari", "Kourosh Ziabari")];
    glued_outlets: "Al JazeeraThe Guardian" => [("al-jazeera", "Al Jazeera"), ("the-guardian", "The Guardian")];
    glued_capital_run: "MEKMassoud Khodabandeh" => [("mek", "MEK"), ("massoud-khodabandeh", "Massoud Khodabandeh")];
    possessive_and_affixes: "The MEK’s camp, MEK's, MEK-linked accounts and anti-Iran talk." =>
        [("mek", "MEK"), ("mek", "MEK"), ("mek", "MEK"), ("iran", "Iran")];
    compound_gives_both: "the Iran-allied militia" => [("iran", "Iran")];
    leftmost_longest: "Camp Ashraf, not Ashraf." => [("camp-ashraf", "Camp Ashraf"), ("ashraf", "Ashraf")];
    longest_over_parts: "the US State Department said" => [("us-state-department", "US State Department")];
    full_name_over_inner_place: "the National Liberation Army of Iran (NLA)" =>
        [("nla", "National Liberation Army of Iran"), ("nla", "NLA")];
    custom_type_wins_longest: "the Iran-Iraq War" => [("iran-iraq-war", "Iran-Iraq War")];
    currency_sign_is_not_a_mention: "at least US$20,000 from US donors" => [("us", "US")];
    lowercase_article_dropped: "as the Guardian reported" => [("the-guardian", "Guardian")];
    folded_article_dropped: "by th\u{e9} Guardian, th\u{ad}e\u{2013}Guardian" =>
        [("the-guardian", "Guardian"), ("the-guardian", "Guardian")];
    capital_article_kept: "The Hill and The Guardian" => [("the-hill", "The Hill"), ("the-guardian", "The Guardian")];
    urls_are_not_mentions: "See https://www.iran-mek.org/Iran and www.mek.org, Iran." => [("iran", "Iran")];
    shared_short_form_resolves: "Massoud Rajavi founded it. Rajavi said so." =>
        [("massoud-rajavi", "Massoud Rajavi"), ("massoud-rajavi", "Rajavi")];
    shared_short_form_last_named: "Massoud Rajavi and Maryam Rajavi met. Rajavi spoke." =>
        [("massoud-rajavi", "Massoud Rajavi"), ("maryam-rajavi", "Maryam Rajavi"), ("maryam-rajavi", "Rajavi")];
    shared_short_form_unresolved: "Rajavi spoke first. Then Maryam Rajavi." =>
        [("?", "Rajavi"), ("maryam-rajavi", "Maryam Rajavi")];
    unique_short_form: "Trump said." => [("donald-trump", "Trump")];
    islamic_republic: "the Islamic Republic said" => [("iran", "Islamic Republic")];
    hashtag: "#Iran trends" => [("iran", "Iran")];
    lowercase_first_word: "we reached camp Ashraf" => [("ashraf", "Ashraf")];
    initial_capital_needed: "south and east Asia, East Asia" => [("asia", "Asia"), ("east-asia", "East Asia")];
    short_particle_lowercase: "al-Jazeera and Al Jazeera" => [("al-jazeera", "al-Jazeera"), ("al-jazeera", "Al Jazeera")];
    inner_capital_form: "sold on eBay and EBAY" => [("ebay", "eBay"), ("ebay", "EBAY")];
    exact_lowercase_form: "an iPhone, not an IPHONE" => [("iphone", "iPhone")];
    no_match_inside_words: "Tehranis and Iraqis; Ashrafi; NLAs" => [];
}

#[test]
fn unresolved_mentions_list_candidates() {
    let ex = extractor(true);
    let doc = ex.extract("Rajavi spoke.");
    let m = &doc.mentions[0];
    assert!(m.entity.is_none());
    let ids: Vec<&str> = m.candidates.iter().map(|e| e.id()).collect();
    assert_eq!(ids, ["maryam-rajavi", "massoud-rajavi"]);
    assert_eq!(m.entity_type().map(|t| t.as_str()), Some("person"));
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["mentions"][0]["entity"], serde_json::Value::Null);
    assert_eq!(
        json["mentions"][0]["candidates"],
        serde_json::json!(["maryam-rajavi", "massoud-rajavi"])
    );
}

#[test]
fn require_capital_can_be_turned_off() {
    let ex = extractor(false);
    assert_eq!(
        run(&ex, "we reached camp ashraf"),
        [("camp-ashraf".to_string(), "camp ashraf".to_string())]
    );
}

#[test]
fn multibyte_offsets() {
    let ex = extractor(true);
    let text = "«Manëz» — “Iran’s” İran";
    let doc = ex.extract(text);
    for m in &doc.mentions {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert_eq!(&text[m.span], m.text);
    }
    assert_eq!(doc.mentions.len(), 3, "{:?}", doc.mentions);
}

#[test]
fn any_text_never_panics() {
    let ex = extractor(true);
    let pieces = [
        "MEK",
        "Manëz",
        "’s",
        "-",
        "–",
        " ",
        "\n",
        "e\u{0301}",
        "İ",
        "US$",
        "$",
        "http://",
        "@",
        "Camp",
        "Ashraf",
        "ß",
        "\u{0}",
        "日本",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..(seed % 12) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let doc = ex.extract(&s);
        for m in &doc.mentions {
            assert_eq!(&s[m.span], m.text);
        }
    }
}

/// The prefix filters only save walks of the trie: with them or without, the same
/// matches, for forms of every length up to nine bytes that end with a letter, a digit or
/// a mark, in texts where they are followed by anything.
#[test]
fn filters_lose_no_match() {
    use super::{Matcher, Prefixes, RawMatch, Scratch};
    use crate::span::Span;
    let forms = [
        "Q",
        "=q",
        "Mo",
        "MoD",
        "U.S.",
        "Sun",
        "The Sun",
        "Ab.",
        "Ab1",
        "Abcd",
        "Abc.",
        "Abcdefg",
        "Abcdef.",
        "Abcdefgh",
        "Abcdefghi",
        "Abcdefghi.",
        "al-Sun",
        "Mo Sun",
        "x'y",
        "Ab Cd",
        "Ab-Cd",
        "Abé",
        "Ab'c",
        "Ab1c",
        "MEK",
        "=iPhone",
        "Abcdefgh Sun",
        "Abcdefghij",
        "the Abc",
        "Ab Cdefghij",
        // Words that start forms of two words and more (the filter of pairs of words).
        "Mo Sun Abc",
        "Ab 12",
        "Abc x.y",
    ];
    // One form at a time, and all together: forms that share first bytes let each
    // other's text through.
    let mut gazetteers: Vec<String> = forms.iter().map(|f| format!("e\tplace\t{f}\t\n")).collect();
    gazetteers.push(
        forms
            .iter()
            .enumerate()
            .map(|(k, f)| format!("e{k}\tplace\t{f}\t\n"))
            .collect(),
    );
    let befores = [
        "",
        " ",
        "x",
        "the ",
        "(",
        "é",
        "Ab ",
        "word and ",
        "x-",
        "X",
        "Mo ",
        "the Mo ",
    ];
    let afters = [
        "",
        " ",
        "s",
        "S",
        "1",
        ".",
        "-",
        "x y",
        "é",
        "’s",
        "'",
        "  Sun",
        "\nSun",
        " and more text",
        // Long enough for the whole-word filter to read eight bytes at once.
        "s and more text",
        "S and more text",
        "1 and more text",
        ".and more text",
        "-Sun and more text",
        " Sun and more text",
        "é and more text",
        "\u{ad}x and more text",
        "’s and more text",
        "Sun\nand more",
        "sun  and more",
    ];
    let mut scratch = Scratch::default();
    let mut seen = 0;
    for rows in &gazetteers {
        let tsv = format!("id\ttype\tname\taliases\n{rows}");
        let gaz = Gazetteer::from_tsv("filters.tsv", &tsv).unwrap();
        let filtered = Matcher::new(&gaz, true).unwrap();
        let mut open = filtered.clone();
        open.prefixes = Prefixes::open();
        open.prefixes_lower = Prefixes::open();
        for form in forms {
            let body = form.trim_start_matches('=');
            for variant in [body.to_string(), body.to_lowercase(), body.to_uppercase()] {
                for before in befores {
                    for after in afters {
                        let text = format!("{before}{variant}{after}");
                        let run = |m: &Matcher, scratch: &mut Scratch| {
                            let (mut out, mut ids) = (Vec::<RawMatch>::new(), Vec::new());
                            let all = Span::new(0, text.len());
                            m.find(&text, all, &[], scratch, &mut out, &mut ids);
                            (out, ids)
                        };
                        let want = run(&open, &mut scratch);
                        seen += want.0.len();
                        assert_eq!(run(&filtered, &mut scratch), want, "{text:?} with {rows:?}");
                    }
                }
            }
        }
    }
    assert!(seen > 1000, "{seen} matches");
}

/// The scan of 64 bytes at a time skips only what the byte-by-byte loop skips: the same
/// matches with it and without it, in texts of words of every shape (forms in any case,
/// long words, capitals inside words, non-ASCII letters, punctuation that starts forms),
/// over sub-ranges with protected spans.
#[test]
fn scan_agrees_with_the_loop() {
    use super::{Matcher, RawMatch, Scratch};
    use crate::span::Span;
    let mut rows = GAZ.to_string();
    for (k, f) in [
        "Abcdefghij",
        "Abcdefgh Sun",
        "the Abc",
        "Mo Sun Abc",
        "Ab 12",
        "'Unabah",
        "`Ali Khel",
        "BBC",
        "internationally known",
        "x'y",
    ]
    .iter()
    .enumerate()
    {
        rows.push_str(&format!("f{k}\tplace\t{f}\t\n"));
    }
    // More punctuation that starts forms than the scan stops at: no scan.
    let mut many = rows.clone();
    for (k, f) in ["(a)", "[b]", "{c}", "<d>", "+e", "/f"].iter().enumerate() {
        many.push_str(&format!("p{k}\tplace\t{f}\t\n"));
    }
    let tokens = [
        "the",
        "The",
        "and",
        "of",
        "a",
        "Iran",
        "IRAN",
        "iran",
        "Iraq",
        "Camp",
        "Ashraf",
        "camp",
        "MEK",
        "Mek",
        "US",
        "U.S.",
        "US$",
        "Rajavi",
        "Maryam",
        "Massoud",
        "State",
        "Department",
        "Al",
        "al",
        "Jazeera",
        "Guardian",
        "Hill",
        "Vox",
        "eBay",
        "iPhone",
        "East",
        "Asia",
        "Trump",
        "Donald",
        "governments",
        "internationally",
        "known",
        "Abcdefghij",
        "Abcdefgh",
        "Sun",
        "Abc",
        "Mo",
        "Ab",
        "12",
        "2021",
        "BBC",
        "NATO",
        "McDonald",
        "outfitsKourosh",
        "MEKMassoud",
        "JPMorgan",
        "Manëz",
        "Manez",
        "Ziabari",
        "Kourosh",
        "Unabah",
        "Ali",
        "Khel",
        "x",
        "y",
        "Mujahedin",
        "Khalq",
        "Organization",
        "People’s",
        "Mojahedin",
        "Iran-Iraq",
        "War",
        "é",
        "Ωmega",
        "naïve",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "AbcdefghijklmnopqrstuvwxyzAbcdefghijklmnopqrstuvwxyzAbcdefghijklmnopqrstuvwxyz",
    ];
    let seps = [
        " ", " ", " ", " ", ", ", ". ", "-", "'", "'s ", "’s ", "`", "(", ") ", "\n", "  ", "\t",
        "\u{a0}", " – ", "", "$", "/", "!",
    ];
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let mut scratch = Scratch::default();
    let mut seen = 0;
    for (g, tsv) in [rows, many].iter().enumerate() {
        let gaz = Gazetteer::from_tsv("scan.tsv", tsv).unwrap();
        for require_capital in [true, false] {
            let scan = Matcher::new(&gaz, require_capital).unwrap();
            assert_eq!(scan.use_scan, g == 0);
            let mut plain = scan.clone();
            plain.use_scan = false;
            for _ in 0..3000 {
                let mut text = String::new();
                let n = 1 + next(60);
                for _ in 0..n {
                    text.push_str(tokens[next(tokens.len())]);
                    text.push_str(seps[next(seps.len())]);
                }
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                let (a, b) = (bounds[next(bounds.len())], bounds[next(bounds.len())]);
                let range = Span::new(a.min(b), a.max(b));
                let mut protected = Vec::new();
                for _ in 0..next(3) {
                    let (a, b) = (bounds[next(bounds.len())], bounds[next(bounds.len())]);
                    protected.push(Span::new(a.min(b), a.max(b)));
                }
                protected.sort_by_key(|s| s.start);
                protected.dedup_by(|b, a| b.start < a.end);
                for range in [range, Span::new(0, text.len())] {
                    let run = |m: &Matcher, scratch: &mut Scratch| {
                        let (mut out, mut ids) = (Vec::<RawMatch>::new(), Vec::new());
                        m.find(&text, range, &protected, scratch, &mut out, &mut ids);
                        (out, ids)
                    };
                    let want = run(&plain, &mut scratch);
                    seen += want.0.len();
                    assert_eq!(
                        run(&scan, &mut scratch),
                        want,
                        "{text:?} {range:?} {protected:?}"
                    );
                }
            }
        }
    }
    assert!(seen > 10_000, "{seen} matches");
}

#[test]
fn run_masks() {
    for b in 0..256usize {
        let mut want = 0u64;
        for j in 0..8 {
            if b >> j & 1 == 0 {
                break;
            }
            want |= 0xFF << (8 * j);
        }
        assert_eq!(super::RUN_MASK[b], want, "{b:08b}");
    }
}
