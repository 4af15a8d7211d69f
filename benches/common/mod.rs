//! Corpora for the benchmarks, read from `../shared` beside the repository.

#![allow(dead_code)]

use std::path::PathBuf;

/// Reads a file of the shared folder. Returns `None` (after a note) when it is missing,
/// unless `CI=true`, where a missing corpus is an error.
pub fn shared(rel: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    match std::fs::read(&path) {
        Ok(bytes) => {
            Some(String::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        }
        Err(e) => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI=true but {} cannot be read: {e}", path.display());
            }
            eprintln!("skipping: {} not found", path.display());
            None
        }
    }
}

/// The 5 MB news corpus: 2,225 BBC articles separated by blank lines.
pub fn news() -> Option<String> {
    shared("corpus/news/bbc.txt")
}

/// The same corpus as separate articles, from `bbc.jsonl` (`{"id", "text"}` per line).
pub fn news_articles() -> Option<Vec<String>> {
    let jsonl = shared("corpus/news/bbc.jsonl")?;
    Some(
        jsonl
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("bbc.jsonl: bad line");
                v["text"].as_str().expect("bbc.jsonl: no text").to_string()
            })
            .collect(),
    )
}

/// The large benchmark gazetteer, `target/bench-data/cities.tsv` (144,561 GeoNames cities,
/// written by `scripts/gen_bench_gazetteer.py`). `None`, after a note, when it has not
/// been generated: it needs a download, so even in CI its absence skips the benchmarks
/// that use it rather than failing them.
pub fn cities() -> Option<claimscan::Gazetteer> {
    let path = cities_path();
    if !path.exists() {
        eprintln!(
            "skipping the large-gazetteer benchmarks: {} not found (run python3 scripts/gen_bench_gazetteer.py)",
            path.display()
        );
        return None;
    }
    Some(claimscan::Gazetteer::from_path(&path).unwrap_or_else(|e| panic!("{e}")))
}

/// Where `scripts/gen_bench_gazetteer.py` writes the large gazetteer.
pub fn cities_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/cities.tsv")
}
