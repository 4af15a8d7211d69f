//! Integration tests over real text from `../shared/corpus` and the development set.

mod common;
mod segment;
