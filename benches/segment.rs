//! Sentence segmentation alone, in MB/s, over the BBC news corpus (`../shared/corpus/news/bbc.txt`),
//! beside a naive baseline: the Unicode sentence boundaries of `unicode-segmentation`
//! (UAX #29, no abbreviation handling).
//!
//! ```text
//! cargo bench --bench segment
//! cargo bench --bench segment -- --quick
//! ```
//!
//! If the corpus is missing the bench prints a note and measures nothing, except with
//! `CI=true`, where it panics.

use std::hint::black_box;
use std::path::PathBuf;

use claimscan::{Segmenter, protected_spans};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use unicode_segmentation::UnicodeSegmentation;

fn corpus() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news/bbc.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "CI=true but the bench corpus {} is unreadable: {e}",
                path.display()
            )
        }
        Err(e) => {
            eprintln!("skipping the segmentation bench: {}: {e}", path.display());
            None
        }
    }
}

fn segment(c: &mut Criterion) {
    let Some(text) = corpus() else { return };
    let text = text.as_str();
    let seg = Segmenter::new();
    let protected = protected_spans(text);
    // The answers, so that the figures compare like with like.
    let ours = seg.sentences_protected(text, &protected).count();
    let uax29 = text.split_sentence_bound_indices().count();
    eprintln!(
        "bbc.txt: {} bytes; claimscan {ours} sentences; UAX #29 {uax29} segments",
        text.len()
    );
    assert!(ours > 40_000, "expected over 40,000 sentences, got {ours}");

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_with_input(BenchmarkId::new("claimscan", "bbc"), text, |b, t| {
        b.iter(|| seg.sentences_protected(black_box(t), &protected).count())
    });
    group.bench_with_input(BenchmarkId::new("claimscan+urls", "bbc"), text, |b, t| {
        b.iter(|| seg.sentences(black_box(t)).count())
    });
    group.bench_with_input(
        BenchmarkId::new("unicode-segmentation", "bbc"),
        text,
        |b, t| b.iter(|| black_box(t).split_sentence_bound_indices().count()),
    );
    group.finish();
}

criterion_group!(benches, segment);
criterion_main!(benches);
