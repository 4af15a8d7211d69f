//! Shared by the fuzz targets: the invariants of `tests/invariants.rs`, and the small
//! gazetteer they extract with.

#[path = "../../tests/invariants.rs"]
mod invariants;

pub use invariants::*;

use std::sync::LazyLock;

use claimscan::Extractor;

/// The extractor with the built-in gazetteer.
pub static BUILTIN: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// The extractor with [`SMALL_TSV`] only.
pub static SMALL: LazyLock<Extractor> = LazyLock::new(|| small_extractor());
