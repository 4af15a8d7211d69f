/*!
claimscan finds the people, organisations and places of a gazetteer in English news and
advocacy text, and pulls out the numeric claims made about them: money amounts, dates,
casualty figures, counts, percentages and durations, normalised, tied to their sentence
and to the entities named in it, with byte offsets back into the original input.

# Overview

The pipeline, in the order it runs:

1. [`input`]: a file's bytes become decoded text ([`Input`]) with an [`OffsetMap`] back to
   the original bytes (plain text, HTML pages, RSS/Atom feeds).
2. [`segment`]: the text is split into sentences ([`Segmenter`]).
3. The gazetteer ([`Gazetteer`], loaded from TSV files or built in) is compiled into one
   automaton that finds entity mentions, leftmost-longest, under the folding rules of
   the SPEC (case, diacritics, dashes, apostrophes, white space, glued words); shared
   short forms (`Rajavi`) resolve to the entity last named in full.
4. [`claims`]: recognisers find the numeric claims of each sentence.
5. Each claim is linked to the entities of its sentence, and every span is mapped back
   to the original input. The result is a [`Document`], written as the JSON Lines record
   of the `extract` example by [`Document::write_json`] (or, with the same bytes, by
   serde).

[`Extractor`] runs all of it; build it once, use it for every document.

# Example: entities and claims of a text

```
use claimscan::{Extractor, Gazetteer};

let gaz = Gazetteer::from_tsv("mek.tsv", "id\ttype\tname\taliases\n\
    mek\torganisation\tPeople's Mojahedin Organization of Iran\tMEK|MKO|Mojahedin-e Khalq\n\
    maryam-rajavi\tperson\tMaryam Rajavi\tRajavi\n\
    albania\tplace\tAlbania\t\n")?;
let extractor = Extractor::builder().builtin(false).gazetteer(gaz).build()?;

let text = "Maryam Rajavi spoke in Albania. The MEK’s camp houses its members.";
let doc = extractor.extract(text);

assert_eq!(doc.sentences.len(), 2);
let found: Vec<(&str, &str)> = doc
    .mentions
    .iter()
    .map(|m| (m.text, m.entity.unwrap().id()))
    .collect();
assert_eq!(found, [("Maryam Rajavi", "maryam-rajavi"), ("Albania", "albania"), ("MEK", "mek")]);
// Offsets are byte offsets into the input.
let mek = &doc.mentions[2];
assert_eq!(&text[mek.span], "MEK");
# Ok::<(), claimscan::Error>(())
```

# Example: JSON Lines output

```
use claimscan::Extractor;

let extractor = Extractor::new(); // the built-in gazetteer
let mut doc = extractor.extract("Iran said talks would go ahead in Vienna.");
doc.source = Some("note.txt".into());
let mut line = Vec::new();
doc.write_json(&mut line); // the same bytes as serde_json::to_writer(&mut line, &doc)
assert!(line.starts_with(br#"{"source":"note.txt","item":null,"published":null,"sentences":[{"start":0,"end":41}]"#));
```

# Performance

Build the [`Extractor`] once (a few milliseconds for the built-in gazetteer, a third of a
second to load and compile 144,000 entities) and share it: it is `Send + Sync`. For a
stream of documents, keep one [`Scratch`] per thread and call
[`Extractor::extract_with`]: the working buffers are then reused and each document costs
only the allocations of its own [`Document`]. [`Extractor::find_mentions`] runs the
gazetteer alone, for callers who want only the entities.

On one core of a 2-core machine, the whole pipeline runs over English news with the
built-in gazetteer at 78 instructions a byte, about 90 MB/s (criterion, quiet machine:
53 to 56 ms for the 5 MB corpus, where the previous release took 79 to 81 ms in the same
minutes); with 144,000 more entities, about three quarters of that. The matching alone
runs at about 450 MB/s (`benches/README.md` says how these were measured). The costs are
spread over one pass per stage, each of which reads the text a word at a time and
sixteen to sixty-four bytes at a time where it can:

- the gazetteer is one double-array trie over folded bytes, walked only from word starts
  that small hashed filters let through: the words of 64-byte blocks are classed by SSE2
  masks (word starts, capitals, stops), each must start some form, and be a whole form
  or be followed by a word that goes on with one (`the` rarely passes), and the first
  eight folded bytes must start a form;
- numbers are anchored on digits and on the runs of letters that are number words,
  found from SSE2 bit masks of 64-byte blocks, digits and letters in one pass; the same
  pass notes cue words, so that the date recogniser skips the sentences with no digit
  and no date word, and the casualty recogniser those with none of its words;
- the date tokenizer reads short words a load of eight bytes each and lists the tokens a
  date may start at, so the grammar is tried only there;
- sentence ends are looked for only at the bytes that a test of 32 bytes at a time
  flags;
- nothing is allocated per match or per sentence.

`benches/` measures each stage beside a naive baseline (`benches/README.md`), and the
`extract` example uses every core (`--jobs`).

# Example: many documents, reusing working memory

```
use claimscan::{Extractor, Input, Scratch};

let extractor = Extractor::new();
let mut scratch = Scratch::new();
let texts = ["Iran paid $5m on Sunday.", "Some 300 people attended in Vienna."];
let claims: usize = texts
    .iter()
    .map(|t| extractor.extract_with(&mut scratch, Input::new(t)).claims.len())
    .sum();
assert_eq!(claims, 3); // $5m, Sunday (a relative date), 300 people
```

# Untrusted input

Extraction never fails and never panics: any text yields a document, maybe an empty one.
Only building (loading gazetteers, decoding files) returns errors, and every error names
its file (and line, for gazetteers).
*/

// `unsafe` only for SIMD intrinsics, allowed where they are used.
#![deny(unsafe_code)]
#![deny(missing_docs)]

pub mod claims;
mod document;
mod error;
mod extractor;
pub mod gazetteer;
pub mod input;
mod json;
mod matcher;
pub mod segment;
mod span;
mod swar;
mod urls;

pub use crate::claims::{Claim, ClaimKind, Date, Number, Outcome, Qualifier, Value};
pub use crate::document::{Document, Mention, Sentence};
pub use crate::error::{Error, ErrorKind};
pub use crate::extractor::{Extractor, ExtractorBuilder, Scratch};
pub use crate::gazetteer::{Entity, EntityId, EntityType, Gazetteer};
pub use crate::input::{Format, Input, OffsetMap};
pub use crate::segment::Segmenter;
pub use crate::span::Span;
pub use crate::urls::protected_spans;

#[cfg(test)]
mod testoibits {
    use super::*;
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_all<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn oibits() {
        assert_all::<Extractor>();
        assert_all::<Scratch>();
        assert_all::<Gazetteer>();
        assert_all::<Segmenter>();
        assert_all::<Document<'static>>();
        assert_send_sync::<Error>();
    }
}
