//! Entity mentions on the development article, scored against its gold standard the way
//! `../shared/eval/score.py --ids` scores them, and invariants over the whole corpus.

use std::collections::HashSet;

use claimscan::{Extractor, Gazetteer};
use serde_json::Value;

use crate::common::{read_shared, shared};

const ARTICLE: &str = "corpus/004_7bfd5cad228e3d8d.txt";

/// F1 of exact-span + id agreement between gold and predicted mentions.
fn f1(gold: &HashSet<(usize, usize, String)>, pred: &HashSet<(usize, usize, String)>) -> f64 {
    let tp = gold.intersection(pred).count() as f64;
    let p = if pred.is_empty() {
        0.0
    } else {
        tp / pred.len() as f64
    };
    let r = if gold.is_empty() {
        1.0
    } else {
        tp / gold.len() as f64
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn dev_article_mentions_span_and_id() {
    let (Some(text), Some(gold), Some(gaz)) = (
        read_shared(ARTICLE),
        read_shared("eval/gold_004.json"),
        read_shared("eval/gaz_004.tsv"),
    ) else {
        return;
    };
    let text = String::from_utf8(text).unwrap();
    let gold: Value = serde_json::from_slice(&gold).unwrap();
    let gaz = Gazetteer::from_tsv("gaz_004.tsv", std::str::from_utf8(&gaz).unwrap()).unwrap();
    let ex = Extractor::builder()
        .builtin(false)
        .gazetteer(gaz)
        .build()
        .unwrap();
    let doc = ex.extract(&text);

    let gold: HashSet<(usize, usize, String)> = gold["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let id = m["entity"].as_str().unwrap_or("").to_string();
            (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
                id,
            )
        })
        .collect();
    let pred: HashSet<(usize, usize, String)> = doc
        .mentions
        .iter()
        .map(|m| {
            (
                m.span.start,
                m.span.end,
                m.entity.map_or(String::new(), |e| e.id().to_string()),
            )
        })
        .collect();
    let score = f1(&gold, &pred);
    let missed: Vec<_> = gold.difference(&pred).take(10).collect();
    let spurious: Vec<_> = pred.difference(&gold).take(10).collect();
    assert!(
        score >= 0.995,
        "mention F1 {score:.3}; missed {missed:?}; spurious {spurious:?}"
    );
}

#[test]
fn corpus_mentions_lie_in_their_sentences() {
    let Some(dir) = shared() else { return };
    let ex = Extractor::new();
    for entry in std::fs::read_dir(dir.join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = ex.extract(&text);
        for m in &doc.mentions {
            let s = doc.sentences[m.sentence].span;
            assert!(
                s.contains(m.span),
                "{}: mention {:?} outside sentence {:?}",
                path.display(),
                m.span,
                s
            );
            assert_eq!(&text[m.span], m.text);
        }
        for w in doc.sentences.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "{}: sentences overlap",
                path.display()
            );
        }
    }
}
