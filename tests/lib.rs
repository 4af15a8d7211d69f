//! Integration tests over real text from `../shared/corpus` and the development set.

mod common;
// HTML pages and RSS/Atom feeds: documents, dates, offsets into the source bytes.
mod input;
