//! Helpers shared by the integration tests: locating the shared corpus.

#![allow(dead_code)]

use std::path::PathBuf;

/// The shared corpus and evaluation folder, `../shared` beside the repository.
///
/// Returns `None` when it is absent (a crate user's checkout), unless `CI=true`, where a
/// missing folder fails the test loudly.
pub fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "CI=true but the shared corpus is missing at {}",
            dir.display()
        );
    }
    eprintln!("skipping: {} not found", dir.display());
    None
}

/// Reads a file of the shared folder.
pub fn read_shared(rel: &str) -> Option<Vec<u8>> {
    let path = shared()?.join(rel);
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Reads a JSON Lines file of the shared folder, one value per non-blank line.
pub fn read_jsonl(rel: &str) -> Option<Vec<serde_json::Value>> {
    let bytes = read_shared(rel)?;
    let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{rel}: {e}")))
            .collect(),
    )
}
