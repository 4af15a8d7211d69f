//! `Document::write_json` writes the same bytes as serde_json: for documents built at
//! random (strings full of quotes, backslashes, control characters, non-ASCII text, emoji
//! and U+2028; numbers of every size and scale; dates of every form), for documents
//! extracted from random news-like text, and for the documents of the shared corpus.

use std::borrow::Cow;
use std::sync::LazyLock;

use claimscan::claims::{Time, YearPart};
use claimscan::{
    Claim, ClaimKind, Date, Document, Entity, EntityType, Extractor, Mention, Number, Outcome,
    Qualifier, Sentence, Span, Value,
};
use proptest::prelude::*;

use crate::common::{read_shared, shared};

static BUILTIN: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Pieces that JSON escapes, or that look as if it might.
const TRICKY: &[&str] = &[
    "\"",
    "\\",
    "\\\"",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{8}",
    "\u{c}",
    "\u{1b}",
    "\u{1f}",
    " ",
    "\u{7f}",
    "é",
    "Manëz",
    "’",
    "“quoted”",
    "🎉",
    "👩‍👩‍👧",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{a0}",
    "abcdefgh",
    "Iran",
    "$1.5 million",
    "/",
    "<script>",
    "&amp;",
];

fn tricky_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(TRICKY).prop_map(str::to_string),
            2 => any::<char>().prop_map(|c| c.to_string()),
            1 => "[a-z ]{1,12}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        (0i128..100_000, 0u8..4).prop_map(|(m, s)| Number::new(m, s)),
        (any::<i64>(), 0u8..3).prop_map(|(m, s)| Number::new(i128::from(m), s)),
        (any::<i128>(), 0u8..40).prop_map(|(m, s)| Number::new(m, s)),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    let year = prop_oneof![4 => 1900i32..2100, 1 => -20_000i32..20_000];
    prop_oneof![
        year.clone().prop_map(Date::year),
        year.clone().prop_map(Date::decade),
        year.clone().prop_map(Date::century),
        (year.clone(), 1u8..13).prop_filter_map("a month", |(y, m)| Date::year_month(y, m)),
        (year.clone(), 1u8..13, 1u8..32).prop_filter_map("a day", |(y, m, d)| Date::ymd(y, m, d)),
        (1u8..13, 1u8..32).prop_filter_map("a day", |(m, d)| Date::month_day(m, d)),
        (1u8..13).prop_filter_map("a month", Date::month_only),
        (year.clone(), 1u8..54).prop_filter_map("a week", |(y, w)| Date::iso_week(y, w)),
        (year.clone(), 1u8..5).prop_filter_map("a quarter", |(y, q)| Date::with_part(
            y,
            YearPart::Quarter(q)
        )),
        (
            year,
            1u8..13,
            1u8..29,
            0u8..24,
            0u8..60,
            prop::option::of(0u8..60),
            prop::option::of(-720i16..840),
        )
            .prop_filter_map("a time", |(y, mo, d, hour, minute, second, off)| {
                Some(Date::ymd(y, mo, d)?.with_time(Time {
                    hour,
                    minute,
                    second,
                    offset_minutes: off,
                }))
            }),
    ]
}

fn value() -> impl Strategy<Value = Option<Value>> {
    prop::option::of(prop_oneof![
        number().prop_map(Value::Number),
        date().prop_map(Value::Date),
    ])
}

/// The parts of a mention: span, text, entity (index into the entities), candidates,
/// sentence.
type MentionParts = (
    (usize, usize),
    String,
    Option<prop::sample::Index>,
    Vec<prop::sample::Index>,
    usize,
);

fn mention() -> impl Strategy<Value = MentionParts> {
    (
        (any::<usize>(), 0usize..1000),
        tricky_string(),
        prop::option::of(any::<prop::sample::Index>()),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        any::<usize>(),
    )
}

/// The parts of a claim that are not plain copies: text, kind, values, currency,
/// qualifier, unit, outcome, victims, relative.
type ClaimParts = (
    String,
    usize,
    (Option<Value>, Option<Value>, Option<Value>),
    Option<&'static str>,
    (Option<usize>, Option<usize>),
    (Option<String>, Option<String>),
    (bool, usize, (usize, usize)),
);

fn claim() -> impl Strategy<Value = ClaimParts> {
    (
        tricky_string(),
        0usize..6,
        (value(), value(), value()),
        prop::option::of(prop::sample::select(&["USD", "EUR", "GBP", "IRR"][..])),
        (prop::option::of(0usize..6), prop::option::of(0usize..7)),
        (
            prop::option::of(tricky_string()),
            prop::option::of(tricky_string()),
        ),
        (any::<bool>(), any::<usize>(), (any::<usize>(), 0usize..100)),
    )
}

const KINDS: [ClaimKind; 6] = [
    ClaimKind::Money,
    ClaimKind::Date,
    ClaimKind::Casualty,
    ClaimKind::Quantity,
    ClaimKind::Percent,
    ClaimKind::Duration,
];

const QUALIFIERS: [Qualifier; 6] = [
    Qualifier::Approximately,
    Qualifier::AtLeast,
    Qualifier::MoreThan,
    Qualifier::Nearly,
    Qualifier::AtMost,
    Qualifier::LessThan,
];

const OUTCOMES: [Outcome; 7] = [
    Outcome::Killed,
    Outcome::Dead,
    Outcome::Wounded,
    Outcome::Injured,
    Outcome::Executed,
    Outcome::Assassinated,
    Outcome::Missing,
];

/// Entities whose names and types are tricky strings (ids are plain by rule).
fn entities(names: &[(String, String)]) -> Vec<Entity> {
    names
        .iter()
        .enumerate()
        .filter_map(|(i, (name, kind))| {
            let kind = match kind.len() % 4 {
                0 => EntityType::Person,
                1 => EntityType::Place,
                2 => EntityType::Organisation,
                _ => EntityType::Other(kind.as_str().into()),
            };
            // A letter first, so that the name has something to match.
            Entity::new(&format!("e-{i}"), kind, &format!("N{name}"), ["alias"]).ok()
        })
        .collect()
}

/// Checks that `write_json` appends exactly serde_json's bytes.
fn assert_same(doc: &Document<'_>) {
    let want = serde_json::to_vec(doc).unwrap();
    let mut got = b"prefix\n".to_vec();
    doc.write_json(&mut got);
    assert_eq!(
        String::from_utf8_lossy(&got[7..]),
        String::from_utf8_lossy(&want)
    );
    assert_eq!(&got[..7], b"prefix\n", "write_json appends");
    assert_eq!(got[7..], want[..]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_documents(
        source in prop::option::of(tricky_string()),
        item in prop::option::of(any::<usize>()),
        published in prop::option::of(date()),
        sentences in prop::collection::vec((any::<usize>(), any::<usize>()), 0..4),
        names in prop::collection::vec((tricky_string(), "[a-z_-]{0,6}|.{0,4}"), 0..4),
        mentions in prop::collection::vec(mention(), 0..5),
        claims in prop::collection::vec(claim(), 0..5),
    ) {
        let ents = entities(&names);
        let pick = |i: &prop::sample::Index| (!ents.is_empty()).then(|| i.get(&ents));
        let mut doc = Document::default();
        doc.source = source;
        doc.item = item;
        doc.published = published;
        doc.sentences = sentences
            .iter()
            .map(|&(a, b)| Sentence { span: Span::new(a, b) })
            .collect();
        for ((a, n), text, entity, candidates, sentence) in &mentions {
            doc.mentions.push(Mention {
                span: Span::new(*a, a.saturating_add(*n)),
                text,
                entity: entity.as_ref().and_then(pick),
                candidates: candidates.iter().filter_map(pick).collect(),
                sentence: *sentence,
            });
        }
        for (text, kind, (v, lo, hi), currency, (q, o), (unit, victims), (relative, sentence, (a, n))) in &claims {
            doc.claims.push(Claim {
                span: Span::new(*a, a.saturating_add(*n)),
                text,
                kind: KINDS[*kind],
                value: *v,
                min: *lo,
                max: *hi,
                currency: *currency,
                qualifier: q.map(|q| QUALIFIERS[q]),
                unit: unit.as_deref().map(Cow::Borrowed),
                outcome: o.map(|o| OUTCOMES[o]),
                victims: victims.clone().map(Cow::Owned),
                relative: *relative,
                sentence: *sentence,
            });
        }
        assert_same(&doc);
    }

    #[test]
    fn extracted_documents(
        parts in prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(&[
                    "Iran", "Maryam Rajavi", "the MEK", "Albania", "Tehran", "said", "killed",
                    "at least 30 people", "$1.5 million", "last week", "in 1981", "30%",
                    "\"quoted\"", "a \\ b", ".", "\n\n", "\t", "Rajavi’s", "🎉",
                    "\u{2028}", "Manëz",
                ][..]).prop_map(str::to_string),
                1 => tricky_string(),
            ],
            0..30,
        ),
        source in tricky_string(),
    ) {
        let text = parts.join(" ");
        let mut doc = BUILTIN.extract(&text);
        doc.source = Some(source);
        assert_same(&doc);
    }
}

#[test]
fn corpus_documents() {
    let Some(dir) = shared() else { return };
    let mut files: Vec<_> = std::fs::read_dir(dir.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus texts");
    for path in files {
        let rel = format!("corpus/{}", path.file_name().unwrap().to_string_lossy());
        let text = String::from_utf8(read_shared(&rel).unwrap()).unwrap();
        let mut doc = BUILTIN.extract(&text);
        doc.source = Some(rel);
        assert!(!doc.claims.is_empty() && !doc.mentions.is_empty());
        assert_same(&doc);
    }
}
