//! Where numbers may start: digits, and number words.
//!
//! The number parser ([`super::number::find`]) is anchored at two kinds of places: the
//! first digit of a run of digits ([`next_digit`]), and the places where a number word
//! starts ([`WordHits`]). The word anchors are defined as the matches of an
//! Aho-Corasick automaton of the number words (`WORDS_AC`: ASCII case-insensitive,
//! leftmost-longest, over the sentence), but only some of those matches can change what
//! the parser finds, and [`WordHits`] finds those without running the automaton over
//! every byte:
//!
//! - Number words are ASCII letters only, so every match lies inside one maximal run of
//!   ASCII letters, and the matches inside a run depend on that run alone.
//! - A match at the start of a word whose run is itself a number word is an anchor that
//!   can give a number: it is reported. Any other match makes the parser skip ahead, at
//!   most to the end of its token (`one` of `someone` skips to the end of `someone`),
//!   which only matters if the token has another anchor after the match: a digit
//!   (`phone5-6`) or a word after an apostrophe inside the token (`one'two`).
//! - So a run is read in full, with the automaton, only when its token goes on after it
//!   with a digit or an apostrophe and a letter (rare); otherwise it is looked up, with
//!   one probe, in a perfect hash table of the number words ([`WordMap`]).
//!
//! The anchors are thus exactly those of the automaton wherever they can matter, at a
//! cost of a few instructions per word, with runs of letters and digits found eight
//! bytes at a time.

use aho_corasick::AhoCorasick;

use super::scan::is_word_char;
use super::wordmap::WordMap;
use crate::swar;

/// Flag of [`WordSet`] entries: a word that anchors a number.
pub(crate) const NUMBER: u8 = 1;
/// Flag of [`WordSet`] entries: a cue word of casualty figures.
pub(crate) const CASUALTY: u8 = 2;
/// Flag of [`WordSet`] entries: a word that may start a date in a sentence without digits.
pub(crate) const DATE: u8 = 4;
/// Cue flag of a sentence (never of a word): it has an ASCII digit.
pub(crate) const DIGIT: u8 = 128;

/// Words (lowercase ASCII letters, at most 16) with flags, in a perfect hash table: the
/// number words that anchor numbers, and the cue words that recognisers need in a
/// sentence.
pub(crate) struct WordSet {
    map: WordMap<u8>,
    /// The length of the shortest word.
    shortest: usize,
}

impl WordSet {
    /// The set of `words` with their flags; a word listed twice gets both flags.
    pub(crate) fn new(words: &[(&'static str, u8)]) -> WordSet {
        let mut list: Vec<(&'static [u8], u8)> = Vec::new();
        for &(w, flag) in words {
            let w = w.as_bytes();
            assert!((3..=16).contains(&w.len()) && w.iter().all(u8::is_ascii_lowercase));
            match list.iter_mut().find(|(k, _)| *k == w) {
                Some((_, f)) => *f |= flag,
                None => list.push((w, flag)),
            }
        }
        let shortest = list.iter().map(|(w, _)| w.len()).min().unwrap_or(3);
        WordSet {
            map: WordMap::new(&list, 0),
            shortest,
        }
    }

    /// The flags of the run of ASCII letters `bytes[start..end]`.
    #[inline(always)]
    pub(crate) fn get_run(&self, bytes: &[u8], start: usize, end: usize) -> u8 {
        self.map.get_run(bytes, start, end)
    }

    /// The flags of `word` (ASCII letters, any case): 0 if it is not in the set.
    #[cfg(test)]
    pub(crate) fn get(&self, word: &[u8]) -> u8 {
        self.map.get(word)
    }
}

/// The next place from `from` where digits start (a digit not preceded by a digit), or
/// a `.` that starts a decimal (`.08`).
#[inline]
pub(crate) fn next_digit(b: &[u8], from: usize, lo: usize, hi: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i = swar::find_digit(b, i, hi);
        if i >= hi {
            return None;
        }
        if i == lo || !b[i - 1].is_ascii_digit() {
            if i > lo && b[i - 1] == b'.' && (i - 1 == lo || !b[i - 2].is_ascii_alphanumeric()) {
                return Some(i - 1);
            }
            return Some(i);
        }
        i = swar::skip_digits(b, i, hi);
    }
}

/// The word anchors of `text[lo..hi]`, in order (see the module docs).
///
/// The runs of ASCII letters are found 64 bytes at a time, from a bit mask of the letters
/// of each block.
pub(crate) struct WordHits<'t, 'a> {
    text: &'t str,
    lo: usize,
    hi: usize,
    /// The block being read: it starts here, and `letters` has a bit per letter of it.
    base: usize,
    letters: u64,
    /// The starts of runs in the block not yet read.
    starts: u64,
    /// Is the last byte of the block a letter (so that the next block's first run is no
    /// start)?
    carry: bool,
    /// The flags of the words seen so far, less [`NUMBER`].
    cues: u8,
    words: &'a WordSet,
    automaton: &'a AhoCorasick,
}

impl<'t, 'a> WordHits<'t, 'a> {
    pub(crate) fn new(
        text: &'t str,
        lo: usize,
        hi: usize,
        words: &'a WordSet,
        automaton: &'a AhoCorasick,
    ) -> WordHits<'t, 'a> {
        let mut w = WordHits {
            text,
            lo,
            hi,
            base: lo,
            letters: 0,
            starts: 0,
            carry: false,
            cues: 0,
            words,
            automaton,
        };
        w.load_block();
        w
    }

    /// Reads the block at `base`.
    #[inline(always)]
    fn load_block(&mut self) {
        let letters = crate::swar::letter_mask(self.text.as_bytes(), self.base, self.hi);
        self.starts = letters & !((letters << 1) | u64::from(self.carry));
        self.carry = letters >> 63 != 0;
        self.letters = letters;
    }

    /// Is the character before `i` (not before `lo`) a word character?
    fn word_char_before(&self, i: usize) -> bool {
        if i <= self.lo {
            return false;
        }
        let b = self.text.as_bytes()[i - 1];
        if b < 0x80 {
            return b.is_ascii_alphanumeric();
        }
        self.text[self.lo..i]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
    }

    /// Does the token of a run of letters ending at `end` go on with a digit, or with an
    /// apostrophe and a letter (after any further letters)?
    fn token_goes_on(&self, mut end: usize) -> bool {
        let hi = self.hi;
        let text = self.text;
        while end < hi {
            let Some(c) = text[end..hi].chars().next() else {
                return false;
            };
            if c.is_ascii_digit() {
                return true;
            }
            if c == '\'' || c == '’' {
                let after = end + c.len_utf8();
                return text[after..hi]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            }
            if !is_word_char(c) {
                return false;
            }
            end += c.len_utf8();
        }
        false
    }

    /// A quick test before [`token_goes_on`](Self::token_goes_on): false when the byte
    /// after the run is ASCII and neither a digit nor an apostrophe.
    #[inline(always)]
    fn token_goes_on_cheap(&self, end: usize) -> bool {
        match self.text.as_bytes().get(end) {
            Some(&b) if end < self.hi => b >= 0x80 || b.is_ascii_digit() || b == b'\'',
            _ => false,
        }
    }
}

impl WordHits<'_, '_> {
    /// Appends every anchor not yet reported to `out`, in order, and returns the cue
    /// flags of all the words: the iterator run to its end in one tight loop.
    pub(crate) fn read_all(&mut self, out: &mut Vec<usize>) -> u8 {
        let bytes = self.text.as_bytes();
        let (hi, words) = (self.hi, self.words);
        // The state of the block in locals, written back at the end.
        let (mut base, mut letters, mut starts) = (self.base, self.letters, self.starts);
        let mut carry = self.carry;
        let mut cues = self.cues;
        loop {
            while starts == 0 {
                base += 64;
                if base >= hi {
                    self.base = hi;
                    self.starts = 0;
                    self.cues = cues;
                    return cues;
                }
                letters = crate::swar::letter_mask(bytes, base, hi);
                starts = letters & !((letters << 1) | u64::from(carry));
                carry = letters >> 63 != 0;
            }
            let j = starts.trailing_zeros();
            starts &= starts - 1;
            let start = base + j as usize;
            let rest = !letters >> j;
            // The mask has no letter at or after `hi`.
            let end = if rest != 0 {
                start + rest.trailing_zeros() as usize
            } else {
                crate::swar::skip_letters(bytes, base + 64, hi)
            };
            let flags = words.get_run(bytes, start, end);
            cues |= flags & !NUMBER;
            if self.token_goes_on_cheap(end) && self.token_goes_on(end) {
                if end - start >= words.shortest {
                    out.extend(
                        self.automaton
                            .find_iter(&self.text[start..end])
                            .map(|m| start + m.start()),
                    );
                }
                continue;
            }
            if flags & NUMBER != 0 && !self.word_char_before(start) {
                out.push(start);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every anchor of `text[lo..hi]`.
    fn all(text: &str, lo: usize, hi: usize, set: &WordSet, ac: &AhoCorasick) -> Vec<usize> {
        let mut out = Vec::new();
        WordHits::new(text, lo, hi, set, ac).read_all(&mut out);
        out
    }

    fn automaton(words: &[&'static str]) -> AhoCorasick {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(words)
            .unwrap()
    }

    #[test]
    fn hits() {
        let words = ["one", "two", "ten", "tens", "thousand"];
        let set = WordSet::new(&words.map(|w| (w, NUMBER)));
        let ac = automaton(&words);
        let cases: &[(&str, &[usize])] = &[
            ("one two three", &[0, 4]),
            ("Someone often gave TEN", &[19]),
            ("tenants ten-one", &[8, 12]),
            // A token that goes on with a digit or an apostrophe is read in full.
            ("phone5-6 and one'two", &[2, 13, 17]),
            ("x'one", &[2]),
            ("\u{e9}one two", &[6]),
            ("5one", &[]),
            ("", &[]),
        ];
        for &(text, want) in cases {
            let got = all(text, 0, text.len(), &set, &ac);
            assert_eq!(got, want, "{text:?}");
        }
        // Long texts cross blocks of 64 bytes, and runs cross them too.
        let long = format!("{}thousand one {}one", "x ".repeat(30), "y".repeat(70));
        let got = all(&long, 0, long.len(), &set, &ac);
        assert_eq!(got, [60, 69]);
        // Only `lo..hi` is read.
        let got = all("one two ten", 4, 9, &set, &ac);
        assert_eq!(got, [4]);
    }

    #[test]
    fn cues() {
        let set = WordSet::new(&[("one", NUMBER), ("killed", CASUALTY), ("dead", CASUALTY)]);
        let ac = automaton(&["one"]);
        let cues =
            |text: &str| WordHits::new(text, 0, text.len(), &set, &ac).read_all(&mut Vec::new());
        assert_eq!(cues("One man was KILLED."), CASUALTY);
        assert_eq!(cues("one dead, one hurt"), CASUALTY);
        assert_eq!(cues("one deadline"), 0);
        assert_eq!(set.get(b"Killed"), CASUALTY);
        assert_eq!(set.get(b"ONE"), NUMBER);
        assert_eq!(set.get(b"on"), 0);
    }
}
