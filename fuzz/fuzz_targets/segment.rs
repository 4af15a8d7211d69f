//! Sentence segmentation of any text: sentences in order, not overlapping, trimmed, on
//! character boundaries, covering every non-white-space byte but page debris; the
//! iterator and `split` agree.

#![no_main]

use claimscan::Segmenter;
use claimscan_fuzz::check_sentences;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let seg = Segmenter::new();
    let spans = seg.split(text);
    check_sentences(text, &spans);
    let again: Vec<_> = seg.sentences(text).collect();
    assert_eq!(spans, again, "two runs differ");
});
