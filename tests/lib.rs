//! Integration tests over real text from `../shared/corpus` and the development set.

mod claims;
mod common;
