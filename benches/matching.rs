//! Gazetteer matching alone (`Extractor::find_mentions`: URL skipping, matching under the
//! folding rules, short-form resolution; no sentences, no claims), in MB/s over the BBC
//! corpus (`../shared/corpus/news/bbc.txt`), with the built-in gazetteer and with the
//! 144,561 GeoNames cities of `target/bench-data/cities.tsv`, beside two baselines:
//!
//! - `naive-regex`: one `regex` alternation of every surface form, case-insensitive, with
//!   `\b` on both sides (what a first implementation would do). It runs at a few hundred
//!   KB/s, so it is measured on the first 256 KB of the corpus only (`bbc-256k`); for
//!   the cities it is built from the first 5,000 entities only (the full alternation
//!   takes minutes to compile and exceeds the regex size limits) and run on the first
//!   64 KB.
//! - `aho-corasick`: the `aho-corasick` crate over every form (ASCII case-insensitive,
//!   leftmost-longest) with a word-boundary check on each match: a bare scan with none of
//!   the folding, case rules or resolution.
//!
//! Building is benched apart: `build/*` (the built-in extractor; loading and compiling the
//! cities).
//!
//! ```text
//! python3 scripts/gen_bench_gazetteer.py   # once, for the cities
//! cargo bench --bench matching
//! ```

mod common;

use std::hint::black_box;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use claimscan::{Extractor, Gazetteer};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use regex::RegexBuilder;

/// Every surface form of `g` (a leading `=` dropped), at most `limit` entities.
fn forms(g: &Gazetteer, limit: usize) -> Vec<String> {
    let mut v: Vec<String> = g
        .entities()
        .iter()
        .take(limit)
        .flat_map(|e| e.surface_forms())
        .map(|f| f.trim_start_matches('=').to_string())
        .filter(|f| !f.trim().is_empty())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn naive_regex(forms: &[String]) -> regex::Regex {
    let alt: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
    RegexBuilder::new(&format!(r"\b(?:{})\b", alt.join("|")))
        .case_insensitive(true)
        .size_limit(1 << 30)
        .dfa_size_limit(1 << 28)
        .build()
        .expect("the alternation compiles")
}

fn aho(forms: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms)
        .expect("the automaton builds")
}

/// Matches of `ac` that start and end at word boundaries (ASCII word characters).
fn aho_count(ac: &AhoCorasick, text: &str) -> usize {
    let b = text.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let inside = |i: usize| i > 0 && word(i - 1) && word(i);
    ac.find_iter(text)
        .filter(|m| !inside(m.start()) && !inside(m.end()))
        .count()
}

/// The first `n` bytes of `text` (to a character boundary).
fn head(text: &str, n: usize) -> &str {
    let mut end = n.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn matching(c: &mut Criterion) {
    let Some(news) = common::news() else { return };
    let small = head(&news, 256 << 10);
    let tiny = head(&news, 64 << 10);
    let mut g = c.benchmark_group("matching");
    g.throughput(Throughput::Bytes(news.len() as u64));
    g.sample_size(10);

    let builtin = Extractor::new();
    let forms_builtin = forms(Gazetteer::builtin(), usize::MAX);
    let re = naive_regex(&forms_builtin);
    let ac = aho(&forms_builtin);
    // The answers, once, before measuring.
    let ours = builtin.find_mentions(&news).len();
    let naive = re.find_iter(&news).count();
    let bare = aho_count(&ac, &news);
    eprintln!(
        "builtin ({} forms): claimscan {ours} mentions, naive regex {naive}, aho-corasick {bare}",
        forms_builtin.len()
    );
    assert!(
        ours > 15_000,
        "only {ours} mentions of the built-in gazetteer"
    );
    assert!(
        naive > ours / 2 && bare > ours / 2,
        "the baselines find too little"
    );
    g.bench_function(BenchmarkId::new("claimscan", "builtin"), |b| {
        b.iter(|| builtin.find_mentions(black_box(&news)).len())
    });
    g.bench_function(BenchmarkId::new("aho-corasick", "builtin"), |b| {
        b.iter(|| aho_count(&ac, black_box(&news)))
    });
    g.throughput(Throughput::Bytes(small.len() as u64));
    g.bench_function(BenchmarkId::new("claimscan", "builtin/bbc-256k"), |b| {
        b.iter(|| builtin.find_mentions(black_box(small)).len())
    });
    g.bench_function(BenchmarkId::new("naive-regex", "builtin/bbc-256k"), |b| {
        b.iter(|| re.find_iter(black_box(small)).count())
    });
    g.throughput(Throughput::Bytes(news.len() as u64));

    if let Some(cities) = common::cities() {
        let big = Extractor::builder()
            .builtin(false)
            .gazetteer(cities.clone())
            .build()
            .expect("the cities build");
        let ours = big.find_mentions(&news).len();
        let all = forms(&cities, usize::MAX);
        let ac = aho(&all);
        let bare = aho_count(&ac, &news);
        let subset = forms(&cities, 5_000);
        let re = naive_regex(&subset);
        let naive = re.find_iter(tiny).count();
        eprintln!(
            "cities ({} forms): claimscan {ours} mentions, aho-corasick {bare}; naive regex over the first {} forms, first 64 KB: {naive}",
            all.len(),
            subset.len()
        );
        assert!(ours > 10_000, "only {ours} mentions of the cities");
        g.bench_function(BenchmarkId::new("claimscan", "cities-144k"), |b| {
            b.iter(|| big.find_mentions(black_box(&news)).len())
        });
        g.bench_function(BenchmarkId::new("aho-corasick", "cities-144k"), |b| {
            b.iter(|| aho_count(&ac, black_box(&news)))
        });
        g.throughput(Throughput::Bytes(tiny.len() as u64));
        g.bench_function(
            BenchmarkId::new("naive-regex", "cities-first-5k/bbc-64k"),
            |b| b.iter(|| re.find_iter(black_box(tiny)).count()),
        );
    }
    g.finish();
}

fn build(c: &mut Criterion) {
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("builtin-extractor", |b| {
        b.iter(|| black_box(Extractor::new()))
    });
    if let Some(cities) = common::cities() {
        let path = common::cities_path();
        g.bench_function("cities-144k-load", |b| {
            b.iter(|| Gazetteer::from_path(black_box(&path)).expect("loads").len())
        });
        g.bench_function("cities-144k-compile", |b| {
            b.iter(|| {
                Extractor::builder()
                    .builtin(false)
                    .gazetteer(cities.clone())
                    .build()
                    .expect("builds")
                    .pattern_count()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, matching, build);
criterion_main!(benches);
