//! The whole pipeline (sentences, mentions, claims, linking; JSON not included) over
//! 5 MB of news text, with the built-in gazetteer.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use claimscan::Extractor;

fn extract(c: &mut Criterion) {
    let (Some(news), Some(articles)) = (common::news(), common::news_articles()) else {
        return;
    };
    let ex = Extractor::new();
    // Warm up lazy tables before measuring.
    black_box(ex.extract("Warm up: Iran paid $5m on Sunday."));

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(news.len() as u64));
    g.sample_size(10);
    g.bench_function(BenchmarkId::new("builtin", "bbc-one-text"), |b| {
        b.iter(|| black_box(ex.extract(black_box(&news))).mentions.len())
    });
    g.throughput(Throughput::Bytes(
        articles.iter().map(|a| a.len() as u64).sum(),
    ));
    g.bench_function(BenchmarkId::new("builtin", "bbc-2225-articles"), |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| ex.extract(black_box(a)).mentions.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("builtin-extractor", |b| {
        b.iter(|| black_box(Extractor::new()))
    });
    g.finish();
}

criterion_group!(benches, extract, build);
criterion_main!(benches);
