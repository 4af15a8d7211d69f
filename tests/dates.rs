//! Date claims against the public benchmarks in `../shared/benchmarks` and the development
//! article in `../shared/eval`, read at run time. Each test prints its pass rate and fails
//! if it falls below the floor measured when the recogniser was last tuned.

use claimscan::{ClaimKind, Date, Document, Extractor, Gazetteer, Input};
use serde_json::Value as Json;

use crate::common::{read_jsonl, read_shared};

fn extractor() -> Extractor {
    Extractor::builder()
        .builtin(false)
        .build()
        .expect("empty gazetteer builds")
}

/// The date claims of a document as (start, end, value) in bytes of the text.
fn date_claims(doc: &Document<'_>) -> Vec<(usize, usize, Option<String>)> {
    doc.claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .map(|c| (c.span.start, c.span.end, c.value.map(|v| v.to_string())))
        .collect()
}

/// The expected span of a benchmark entity, in bytes.
fn expected_span(e: &Json) -> (usize, usize) {
    let start = e["byte_start"].as_u64().expect("byte_start") as usize;
    (start, start + e["span"].as_str().expect("span").len())
}

/// Runs the cases and returns (passed, total, failing ids).
fn score(cases: &[Json], with_values: bool) -> (usize, usize, Vec<String>) {
    let ex = extractor();
    let mut passed = 0;
    let mut failing = Vec::new();
    for case in cases {
        let text = case["text"].as_str().expect("text");
        let reference = case["reference"]
            .as_str()
            .filter(|_| with_values)
            .map(|r| Date::parse_ymd(&r[..10.min(r.len())]).expect("reference date"));
        let doc = ex.extract_input(Input::new(text).reference_date(reference));
        let claims = date_claims(&doc);
        let expected = case["expected"].as_array().expect("expected");
        let ok = if expected.is_empty() {
            claims.is_empty()
        } else {
            expected.iter().all(|e| {
                let (s, t) = expected_span(e);
                let mut values: Vec<&str> = e["value"].as_str().into_iter().collect();
                if let Some(res) = e["resolved"].as_array() {
                    values.extend(res.iter().filter_map(|r| r["value"].as_str()));
                }
                claims.iter().any(|(a, b, v)| {
                    *a < t
                        && s < *b
                        && (!with_values || v.as_deref().is_some_and(|v| values.contains(&v)))
                })
            })
        };
        if ok {
            passed += 1;
        } else {
            failing.push(case["id"].as_str().unwrap_or("?").to_string());
        }
    }
    (passed, cases.len(), failing)
}

fn report(name: &str, (passed, total, failing): &(usize, usize, Vec<String>), floor: f64) {
    let rate = *passed as f64 / *total as f64;
    eprintln!(
        "{name}: passed {passed}/{total} ({rate:.3}); failing: {:?}",
        &failing[..failing.len().min(20)]
    );
    assert!(
        rate >= floor,
        "{name}: pass rate {rate:.3} fell below {floor}"
    );
}

/// Single-day dates (cases whose expected entities are all of type `date`), run with each
/// case's reference date; a value must be the case's value or one of its resolutions.
#[test]
fn single_day_dates() {
    let Some(all) = read_jsonl("benchmarks/dates_en.jsonl") else {
        return;
    };
    let cases: Vec<Json> = all
        .into_iter()
        .filter(|c| {
            c["expected"]
                .as_array()
                .is_some_and(|es| es.iter().all(|e| e["type"] == "date"))
        })
        .collect();
    assert!(
        cases.len() > 200,
        "expected the single-day date cases, got {}",
        cases.len()
    );
    report("dates_en (single days)", &score(&cases, true), 0.79);
}

/// Date detection: a date claim overlapping every expected span; nothing on negatives.
#[test]
fn date_spans() {
    let Some(cases) = read_jsonl("benchmarks/date_spans_en.jsonl") else {
        return;
    };
    report("date_spans_en", &score(&cases, false), 0.89);
}

/// The development article: date claims against the gold standard (span overlap, value,
/// min and max), as `eval/score.py` counts them.
#[test]
fn development_article_dates() {
    let (Some(gold), Some(gaz), Some(text)) = (
        read_shared("eval/gold_004.json"),
        read_shared("eval/gaz_004.tsv"),
        read_shared("corpus/004_7bfd5cad228e3d8d.txt"),
    ) else {
        return;
    };
    let gold: Json = serde_json::from_slice(&gold).expect("gold JSON");
    let gaz = Gazetteer::from_tsv("gaz_004.tsv", std::str::from_utf8(&gaz).expect("UTF-8"))
        .expect("gazetteer");
    let ex = Extractor::builder()
        .builtin(false)
        .gazetteer(gaz)
        .build()
        .expect("extractor");
    let text = std::str::from_utf8(&text).expect("UTF-8");
    let doc = ex.extract(text);
    let pred: Vec<_> = doc
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .collect();
    let gold: Vec<&Json> = gold["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter(|c| c["kind"] == "date")
        .collect();
    let mut used = vec![false; pred.len()];
    let (mut tp, mut right) = (0, 0);
    for g in &gold {
        let (gs, ge) = (
            g["start"].as_u64().unwrap() as usize,
            g["end"].as_u64().unwrap() as usize,
        );
        let Some(k) =
            (0..pred.len()).find(|&k| !used[k] && pred[k].span.start < ge && gs < pred[k].span.end)
        else {
            eprintln!("missed {:?}", g["text"]);
            continue;
        };
        used[k] = true;
        tp += 1;
        let p = pred[k];
        let s = |v: Option<claimscan::Value>| v.map(|v| v.to_string());
        let want = |key: &str| g[key].as_str().map(str::to_string);
        if s(p.value) == want("value") && s(p.min) == want("min") && s(p.max) == want("max") {
            right += 1;
        } else {
            eprintln!(
                "wrong value for {:?}: {:?} {:?} {:?}",
                p.text,
                s(p.value),
                s(p.min),
                s(p.max)
            );
        }
    }
    for (k, p) in pred.iter().enumerate() {
        if !used[k] {
            eprintln!("spurious {:?}", p.text);
        }
    }
    let precision = tp as f64 / pred.len().max(1) as f64;
    let recall = tp as f64 / gold.len().max(1) as f64;
    let f1 = if tp == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    eprintln!(
        "development dates: gold {} pred {} F1 {f1:.3}, values right {right}/{tp}",
        gold.len(),
        pred.len()
    );
    assert!(f1 >= 0.95, "date F1 {f1:.3} below 0.95");
    assert!(
        right as f64 >= 0.95 * tp as f64,
        "only {right}/{tp} date values right"
    );
}

/// Claims lie on character boundaries of the text and no sentence-less text panics.
#[test]
fn corpus_claims_are_well_formed() {
    let ex = extractor();
    for rel in [
        "corpus/000_c0bcf57858717042.txt",
        "corpus/003_b55ec0f7405d3b4a.txt",
    ] {
        let Some(bytes) = read_shared(rel) else {
            return;
        };
        let text = String::from_utf8(bytes).expect("UTF-8");
        let doc = ex.extract_input(Input::new(&text).reference_date(Date::ymd(2021, 4, 12)));
        for c in doc.claims.iter().filter(|c| c.kind == ClaimKind::Date) {
            assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            assert_eq!(&text[c.span.start..c.span.end], c.text);
            assert!(
                c.value.is_some() || c.min.is_some() || c.max.is_some(),
                "{:?} has no value",
                c.text
            );
        }
    }
}
