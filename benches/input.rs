//! Decoding costs: `extract` on an RSS feed (decode + extract) against `extract` on plain
//! text, per byte of input, and decoding alone.
//!
//! Reads the shared corpus at run time (`../shared/corpus`: the feed `001_*.txt` and the
//! plain-text article `004_*.txt`); skips with a note when it is missing, and fails when
//! `CI=true`. Run with `cargo bench --bench input -- --quick`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use claimscan::Extractor;
use claimscan::input::{Format, decode};
use criterion::{BenchmarkId, Criterion, Throughput};

fn shared_file(dir: &Path, prefix: &str) -> Vec<u8> {
    let corpus = dir.join("corpus");
    let name = std::fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .unwrap_or_else(|| panic!("no {prefix}*.txt in {}", corpus.display()));
    std::fs::read(corpus.join(&name)).unwrap()
}

/// The feed with every CDATA section written as escaped text instead (`&lt;p&gt;`), as
/// many feeds do: the same documents through two layers of references.
fn escaped(feed: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(feed.len() * 5 / 4);
    let mut rest = feed;
    while let Some(at) = memchr::memmem::find(rest, b"<![CDATA[") {
        out.extend_from_slice(&rest[..at]);
        let body = &rest[at + 9..];
        let end = memchr::memmem::find(body, b"]]>").expect("CDATA ends");
        for &c in &body[..end] {
            match c {
                b'&' => out.extend_from_slice(b"&amp;"),
                b'<' => out.extend_from_slice(b"&lt;"),
                b'>' => out.extend_from_slice(b"&gt;"),
                c => out.push(c),
            }
        }
        rest = &body[end + 3..];
    }
    out.extend_from_slice(rest);
    out
}

fn bench(c: &mut Criterion, shared: &Path) {
    let feed = shared_file(shared, "001_");
    let feed_escaped = escaped(&feed);
    let plain = shared_file(shared, "004_");
    let plain_text = std::str::from_utf8(&plain).unwrap();
    let extractor = Extractor::new();

    // Check the answers before timing them.
    let docs = decode(&feed, Format::Auto).unwrap();
    assert_eq!(docs.len(), 8, "the feed has eight items");
    let feed_mentions: usize = docs
        .iter()
        .map(|d| extractor.extract_input(d.input(None)).mentions.len())
        .sum();
    assert!(feed_mentions > 0);
    assert_eq!(decode(&plain, Format::Auto).unwrap().len(), 1);
    let same: Vec<String> = decode(&feed_escaped, Format::Auto)
        .unwrap()
        .iter()
        .map(|d| d.text.to_string())
        .collect();
    assert_eq!(
        same,
        docs.iter().map(|d| d.text.to_string()).collect::<Vec<_>>()
    );

    let mut g = c.benchmark_group("input");
    g.throughput(Throughput::Bytes(feed.len() as u64));
    g.bench_function(BenchmarkId::new("decode", "feed"), |b| {
        b.iter(|| decode(black_box(&feed), Format::Auto).unwrap().len())
    });
    g.bench_function(BenchmarkId::new("decode+extract", "feed"), |b| {
        b.iter(|| {
            let docs = decode(black_box(&feed), Format::Auto).unwrap();
            docs.iter()
                .map(|d| extractor.extract_input(d.input(None)).mentions.len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(feed_escaped.len() as u64));
    g.bench_function(BenchmarkId::new("decode+extract", "feed-escaped"), |b| {
        b.iter(|| {
            let docs = decode(black_box(&feed_escaped), Format::Auto).unwrap();
            docs.iter()
                .map(|d| extractor.extract_input(d.input(None)).mentions.len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(plain.len() as u64));
    g.bench_function(BenchmarkId::new("decode+extract", "text"), |b| {
        b.iter(|| {
            let docs = decode(black_box(&plain), Format::Auto).unwrap();
            docs.iter()
                .map(|d| extractor.extract_input(d.input(None)).mentions.len())
                .sum::<usize>()
        })
    });
    g.bench_function(BenchmarkId::new("decode", "text"), |b| {
        b.iter(|| decode(black_box(&plain), Format::Auto).unwrap().len())
    });
    g.bench_function(BenchmarkId::new("extract", "text"), |b| {
        b.iter(|| extractor.extract(black_box(plain_text)).mentions.len())
    });
    g.finish();
}

fn main() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.is_dir() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!(
                "CI=true but the shared corpus is missing at {}",
                shared.display()
            );
        }
        eprintln!(
            "skipping the input benchmarks: {} not found",
            shared.display()
        );
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &shared);
    c.final_summary();
}
