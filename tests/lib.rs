//! Integration tests over real text from `../shared/corpus` and the development set.

mod builtin_gazetteer;
mod claims;
mod common;
mod dates;
mod input;
mod mentions;
mod segment;
