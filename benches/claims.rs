//! Claim recognition throughput, in MB/s, over the BBC news corpus
//! (`../shared/corpus/news/bbc.txt`, read at run time; skipped with a note when absent,
//! unless `CI=true`).
//!
//! `extract/no-gazetteer` runs the whole pipeline with an empty gazetteer, so that its time
//! is sentence splitting plus claim recognition; `numbers/find` is the shared number
//! parser alone over the same text; `naive-regex/numbers` is the baseline a first
//! implementation would start from: one regex for digit groups, number words and the
//! usual suffixes (`$`, `%`, `million` …), no context.

use std::path::PathBuf;

use claimscan::claims::number;
use claimscan::{Extractor, Span};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news/bbc.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!(
                    "CI=true but the benchmark corpus {} is missing: {e}",
                    path.display()
                );
            }
            eprintln!(
                "skipping the claims benchmarks: {} not found ({e})",
                path.display()
            );
            None
        }
    }
}

fn bench(c: &mut Criterion) {
    let Some(text) = corpus() else { return };
    let extractor = Extractor::builder()
        .builtin(false)
        .build()
        .expect("an empty extractor builds");
    // Warm the lazily built tables, and check that the answer is sane.
    let claims = extractor.extract(&text).claims.len();
    assert!(claims > 5_000, "only {claims} claims in the BBC corpus");
    let mut nums = Vec::new();
    number::find(&text, Span::new(0, text.len()), &mut nums);
    assert!(
        nums.len() > claims,
        "fewer numbers ({}) than claims ({claims})",
        nums.len()
    );

    let mut g = c.benchmark_group("claims");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_with_input(
        BenchmarkId::new("extract/no-gazetteer", "bbc"),
        &text,
        |b, text| b.iter(|| black_box(extractor.extract(black_box(text)).claims.len())),
    );
    g.bench_with_input(BenchmarkId::new("numbers/find", "bbc"), &text, |b, text| {
        let mut out = Vec::with_capacity(nums.len());
        b.iter(|| {
            out.clear();
            number::find(black_box(text), Span::new(0, text.len()), &mut out);
            black_box(out.len())
        })
    });
    let naive = regex::RegexBuilder::new(
        r"(?:[$£€]\s?)?\b(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|dozen)\b(?:\s?(?:%|percent|per cent|million|billion|bn|m|thousand|people|years?))?",
    )
    .case_insensitive(true)
    .build()
    .expect("the baseline regex compiles");
    let found = naive.find_iter(&text).count();
    assert!(found > claims, "the baseline finds {found}");
    g.bench_with_input(
        BenchmarkId::new("naive-regex/numbers", "bbc"),
        &text,
        |b, text| b.iter(|| black_box(naive.find_iter(black_box(text)).count())),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
