//! Integration tests over real text from `../shared/corpus` and the development set.

mod adversarial; // linear time on hostile input
mod builtin_gazetteer;
mod claims;
mod cli; // the extract example on bad input, as a process
mod common;
mod dates;
mod input;
mod invariants; // output invariants, shared with the fuzz targets
mod json; // write_json gives serde_json's bytes
mod mentions;
mod properties; // property tests over random and news-like input
mod regressions; // inputs found by fuzzing
mod segment;
