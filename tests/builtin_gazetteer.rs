//! The built-in gazetteer on real articles: span+type F1 against the development gold
//! standard, and spot checks of the MEK's many names.

use std::collections::BTreeSet;

use claimscan::Extractor;

use crate::common::{read_shared, shared};

/// The measured F1 on the development article is 1.000; the floor leaves room for
/// deliberate data changes, not for regressions.
const DEV_F1_FLOOR: f64 = 0.97;

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("corpus files are UTF-8")
}

/// Reads the one corpus file whose name starts with `prefix`.
fn corpus_file(prefix: &str) -> Option<String> {
    let dir = shared()?.join("corpus");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .collect();
    names.sort();
    let name = names
        .first()
        .unwrap_or_else(|| panic!("no corpus/{prefix}*.txt"));
    read_shared(&format!("corpus/{name}")).map(text_of)
}

type Key = (usize, usize, String);

/// The mentions of `text` as (start, end, type), as `score.py` compares them without `--ids`.
fn predicted(extractor: &Extractor, text: &str) -> BTreeSet<Key> {
    let doc = extractor.extract(text);
    doc.mentions
        .iter()
        .map(|m| {
            let kind = m
                .entity_type()
                .map_or_else(String::new, |k| k.as_str().to_string());
            (m.span.start, m.span.end, kind)
        })
        .collect()
}

fn gold_mentions(json: &[u8]) -> BTreeSet<Key> {
    let gold: serde_json::Value = serde_json::from_slice(json).expect("gold is JSON");
    gold["mentions"]
        .as_array()
        .expect("gold has mentions")
        .iter()
        .map(|m| {
            let n = |k: &str| m[k].as_u64().expect("offset") as usize;
            (
                n("start"),
                n("end"),
                m["type"].as_str().expect("type").to_string(),
            )
        })
        .collect()
}

#[test]
fn dev_article_f1_span_and_type() {
    let (Some(text), Some(gold)) = (corpus_file("004_"), read_shared("eval/gold_004.json")) else {
        return;
    };
    let gold = gold_mentions(&gold);
    let pred = predicted(&Extractor::new(), &text);
    let tp = gold.intersection(&pred).count() as f64;
    let p = tp / pred.len().max(1) as f64;
    let r = tp / gold.len().max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let missed: Vec<_> = gold.difference(&pred).take(10).collect();
    let spurious: Vec<_> = pred.difference(&gold).take(10).collect();
    assert!(
        f1 >= DEV_F1_FLOOR,
        "F1 {f1:.3} (P {p:.3} R {r:.3}) under {DEV_F1_FLOOR}; missed {missed:?}; spurious {spurious:?}"
    );
}

/// The (text, entity id) pairs found in `text`; `None` for an unresolved mention.
fn found(extractor: &Extractor, text: &str) -> Vec<(String, Option<String>)> {
    extractor
        .extract(text)
        .mentions
        .iter()
        .map(|m| {
            let text = m.text.split_whitespace().collect::<Vec<_>>().join(" ");
            (text, m.entity.map(|e| e.id().to_string()))
        })
        .collect()
}

fn assert_found(found: &[(String, Option<String>)], text: &str, id: &str) {
    assert!(
        found
            .iter()
            .any(|(t, e)| t == text && e.as_deref() == Some(id)),
        "{text:?} as {id} not found in {found:?}"
    );
}

#[test]
fn spot_checks_on_the_pdf_extraction() {
    let Some(text) = corpus_file("000_") else {
        return;
    };
    let found = found(&Extractor::new(), &text);
    for (text, id) in [
        ("Mojahedin-e Khalq", "mek"),
        ("People’s Mojahedin Organization of Iran", "mek"),
        ("MEK", "mek"),
        ("NCRI", "ncri"),
        ("Camp Ashraf", "camp-ashraf"),
        ("Camp Liberty", "camp-liberty"),
        ("Rudi Giuliani", "rudy-giuliani"),
        ("Qasem Soleimani", "qasem-soleimani"),
        ("Abbas Araghchi", "abbas-araghchi"),
        ("Araghchi", "abbas-araghchi"),
        ("Javad Zarif", "mohammad-javad-zarif"),
        ("Anne Singleton", "anne-khodabandeh"),
        ("Massoud Rajavi", "massoud-rajavi"),
        ("Natanz", "natanz"),
        ("America", "us"),
        ("Middle East", "middle-east"),
    ] {
        assert_found(&found, text, id);
    }
    // `Khodabandeh` alone, with no Khodabandeh named in full before it, stays unresolved.
    assert!(
        found.iter().any(|(t, e)| t == "Khodabandeh" && e.is_none()),
        "{found:?}"
    );
    // Demonyms are not mentions.
    assert!(
        !found
            .iter()
            .any(|(t, _)| t.starts_with("Iranian") || t == "Albanian")
    );
}

#[test]
fn spot_checks_on_the_nejat_article() {
    let Some(text) = corpus_file("003_") else {
        return;
    };
    let found = found(&Extractor::new(), &text);
    for (text, id) in [
        ("Mujahedin-e Khalq", "mek"),
        ("Mojahedin Khalq", "mek"),
        ("Qassem Soleimani", "qasem-soleimani"),
        ("Pompeo", "mike-pompeo"),
        ("Hillary Clinton", "hillary-clinton"),
        ("Berisha", "sali-berisha"),
        ("Tirana", "tirana"),
        ("Camp Ashraf", "camp-ashraf"),
        ("MOSSAD", "mossad"),
        ("Malek Sharaii", "malek-sharaii"),
        ("Sharaii", "malek-sharaii"),
        ("Anne Khodabandeh", "anne-khodabandeh"),
        ("Nejat Society", "nejat-society"),
    ] {
        assert_found(&found, text, id);
    }
}

#[test]
fn short_examples_of_the_matching_rules() {
    let extractor = Extractor::new();
    let ids = |text: &str| -> Vec<Option<String>> {
        found(&extractor, text)
            .into_iter()
            .map(|(_, id)| id)
            .collect()
    };
    let some = |id: &str| Some(id.to_string());
    // Transliterations and diacritics.
    assert_eq!(
        ids("The camp at Manza, near Durres."),
        [some("manez"), some("durres")]
    );
    assert_eq!(
        ids("She moved to Manëz in Durrës."),
        [some("manez"), some("durres")]
    );
    // A shared surname follows the last full name.
    assert_eq!(
        ids("Massoud Rajavi vanished; Maryam Rajavi took over. Rajavi spoke."),
        [
            some("massoud-rajavi"),
            some("maryam-rajavi"),
            some("maryam-rajavi")
        ]
    );
    // `the Guardian Council` is the council, not the newspaper.
    assert_eq!(
        ids("It went to the Guardian Council."),
        [some("guardian-council")]
    );
    // An outlet's `The` is part of its name only when capitalised.
    let spans: Vec<String> = found(
        &extractor,
        "As the Guardian and The Hill reported, and The Nation.",
    )
    .into_iter()
    .map(|(t, _)| t)
    .collect();
    assert_eq!(spans, ["Guardian", "The Hill", "The Nation"]);
    // Common words stay words.
    assert_eq!(
        ids("The nation was nice and the reading was long."),
        Vec::<Option<String>>::new()
    );
    // `US` in a currency sign is not the country; `US` alone is.
    assert_eq!(ids("It cost US$5 in the US."), [some("us")]);
}

#[test]
fn short_examples_of_the_broader_coverage() {
    let extractor = Extractor::new();
    let ids = |text: &str| -> Vec<Option<String>> {
        found(&extractor, text)
            .into_iter()
            .map(|(_, id)| id)
            .collect()
    };
    let some = |id: &str| Some(id.to_string());
    // MEK officials, the Albanian camp and the court that ordered the raid.
    assert_eq!(
        ids(
            "Shahin Gobadi said police entered Ashraf-3 in Manez on orders of the Special Court Against Corruption and Organized Crime."
        ),
        [
            some("shahin-gobadi"),
            some("ashraf-3"),
            some("manez"),
            some("special-court-against-corruption-and-organized-crime")
        ]
    );
    // A distinctive surname alone follows its full name.
    assert_eq!(
        ids("Rabie Mofidi spoke after Zahra Merrikhi. Mofidi thanked the speakers."),
        [
            some("rabie-mofidi"),
            some("zahra-merrikhi"),
            some("rabie-mofidi")
        ]
    );
    // Iranian provinces and towns in their usual spellings.
    assert_eq!(
        ids(
            "Strikes spread from Gilan and Mazandaran to West Azerbaijan, Lorestan and the town of Bojnord."
        ),
        [
            some("gilan-province"),
            some("mazandaran-province"),
            some("west-azerbaijan-province"),
            some("lorestan-province"),
            some("bojnurd")
        ]
    );
    // Speakers at the summits and the trials in Europe.
    assert_eq!(
        ids(
            "Matthew Offord and Guy Verhofstadt spoke; the Svea Court of Appeal upheld the verdict against Hamid Nouri."
        ),
        [
            some("matthew-offord"),
            some("guy-verhofstadt"),
            some("svea-court-of-appeal"),
            some("hamid-nouri")
        ]
    );
    // Groupings, companies and landmarks of general news.
    assert_eq!(
        ids("Swiss Re briefed the G8 near the World Trade Center."),
        [some("swiss-re"), some("g8"), some("world-trade-center")]
    );
    // Namesakes and common words stay out: other Corbetts and McLeishes, a lowercase `new`
    // before England (not New England), a product name ending in a party's name.
    assert_eq!(
        ids("Ronnie Corbett met Alex McLeish, the new England coach, to test the PanaVox chip."),
        [some("england")]
    );
}
