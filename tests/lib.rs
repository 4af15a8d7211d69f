//! Integration tests over real text from `../shared/corpus` and the development set.

mod common;
// Date claims: public benchmarks, the development article, corpus sanity.
mod dates;
