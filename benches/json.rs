//! JSON Lines output of extracted documents: `Document::write_json` beside
//! `serde_json::to_writer` (the baseline it must match byte for byte), over the documents
//! of the 5 MB BBC corpus (one document of the whole text, and its 2,225 articles as one
//! document each). Extraction is done once, before measuring; throughput is in bytes of
//! input text, so the figures compare with the other benchmarks'.
//!
//! ```text
//! cargo bench --bench json
//! ```

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use claimscan::{Document, Extractor};

fn json(c: &mut Criterion) {
    let (Some(news), Some(articles)) = (common::news(), common::news_articles()) else {
        return;
    };
    let ex = Extractor::new();
    let one = ex.extract(&news);
    let many: Vec<Document<'_>> = articles.iter().map(|a| ex.extract(a)).collect();
    let articles_bytes: u64 = articles.iter().map(|a| a.len() as u64).sum();

    // Check the answers once: the same bytes both ways, and a plausible size.
    let mut ours = Vec::new();
    one.write_json(&mut ours);
    let theirs = serde_json::to_vec(&one).expect("a document serialises");
    assert!(
        ours == theirs,
        "write_json differs from serde_json on bbc.txt"
    );
    for d in &many {
        let mut line = Vec::new();
        d.write_json(&mut line);
        assert!(line == serde_json::to_vec(d).unwrap(), "an article differs");
    }
    eprintln!("bbc.txt: {} bytes of JSON", ours.len());
    assert!(ours.len() > 5_000_000);

    let mut g = c.benchmark_group("json");
    g.sample_size(20);
    let cases: [(&str, &[Document<'_>], u64); 2] = [
        (
            "bbc-one-text",
            std::slice::from_ref(&one),
            news.len() as u64,
        ),
        ("bbc-2225-articles", &many, articles_bytes),
    ];
    for (corpus, docs, bytes) in cases {
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function(BenchmarkId::new("write_json", corpus), |b| {
            let mut out = Vec::new();
            b.iter(|| {
                out.clear();
                for d in docs {
                    black_box(d).write_json(&mut out);
                    out.push(b'\n');
                }
                out.len()
            })
        });
        g.bench_function(BenchmarkId::new("serde_json", corpus), |b| {
            let mut out = Vec::new();
            b.iter(|| {
                out.clear();
                for d in docs {
                    serde_json::to_writer(&mut out, black_box(d)).unwrap();
                    out.push(b'\n');
                }
                out.len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, json);
criterion_main!(benches);
