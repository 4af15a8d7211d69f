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
