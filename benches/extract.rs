//! The whole pipeline (sentences, mentions, claims, linking; JSON not included) over the
//! 5 MB BBC corpus: as one text, and as its 2,225 articles one by one (with one
//! [`Scratch`] kept between them), with the built-in gazetteer and with the built-in
//! gazetteer plus the 144,561 GeoNames cities of `target/bench-data/cities.tsv` (skipped
//! when that file has not been generated: `python3 scripts/gen_bench_gazetteer.py`).
//!
//! ```text
//! cargo bench --bench extract
//! ```

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use claimscan::{Extractor, Input, Scratch};

fn extract(c: &mut Criterion) {
    let (Some(news), Some(articles)) = (common::news(), common::news_articles()) else {
        return;
    };
    let ex = Extractor::new();
    // Warm up lazy tables, and check the answers once before measuring.
    let doc = ex.extract(&news);
    eprintln!(
        "bbc.txt: {} sentences, {} mentions, {} claims",
        doc.sentences.len(),
        doc.mentions.len(),
        doc.claims.len()
    );
    assert!(
        doc.sentences.len() > 40_000 && doc.mentions.len() > 15_000 && doc.claims.len() > 5_000
    );
    let articles_bytes: u64 = articles.iter().map(|a| a.len() as u64).sum();

    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    let mut run = |name: &str, ex: &Extractor| {
        g.throughput(Throughput::Bytes(news.len() as u64));
        g.bench_function(BenchmarkId::new(name, "bbc-one-text"), |b| {
            b.iter(|| black_box(ex.extract(black_box(&news))).mentions.len())
        });
        g.throughput(Throughput::Bytes(articles_bytes));
        g.bench_function(BenchmarkId::new(name, "bbc-2225-articles"), |b| {
            let mut scratch = Scratch::new();
            b.iter(|| {
                articles
                    .iter()
                    .map(|a| {
                        ex.extract_with(&mut scratch, Input::new(black_box(a)))
                            .mentions
                            .len()
                    })
                    .sum::<usize>()
            })
        });
    };
    run("builtin", &ex);
    if let Some(cities) = common::cities() {
        let big = Extractor::builder()
            .gazetteer(cities)
            .build()
            .expect("the cities build");
        let n = big.extract(&news).mentions.len();
        eprintln!("bbc.txt with the cities: {n} mentions");
        assert!(n > doc.mentions.len());
        run("builtin+cities-144k", &big);
    }
    g.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
