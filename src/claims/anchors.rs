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

    /// The flags of `word` (ASCII letters, any case): 0 if it is not in the set.
    #[cfg(test)]
    pub(crate) fn get(&self, word: &[u8]) -> u8 {
        self.map.get(word)
    }
}

/// The digit runs of a span, as [`WordHits::read_all`] found them: the place where each
/// run of ASCII digits starts (a digit not preceded by a digit, or the first byte of the
/// span), in order.
pub(crate) struct DigitRuns<'a> {
    starts: &'a [usize],
    /// The first run not known to lie before the last place asked for.
    k: usize,
}

impl<'a> DigitRuns<'a> {
    pub(crate) fn new(starts: &'a [usize]) -> DigitRuns<'a> {
        DigitRuns { starts, k: 0 }
    }

    /// True if the span has a digit.
    pub(crate) fn any(&self) -> bool {
        !self.starts.is_empty()
    }

    /// The next place from `from` where digits start in `b[lo..]` (a digit not preceded
    /// by a digit), or the `.` before them that starts a decimal (`.08`, which may lie
    /// before `from`).
    ///
    /// Places asked for usually grow, so a cursor moves over the runs; it moves back when
    /// they do not.
    #[inline]
    pub(crate) fn next(&mut self, b: &[u8], from: usize, lo: usize) -> Option<usize> {
        let starts = self.starts;
        while self.k > 0 && starts.get(self.k - 1).is_some_and(|&s| s >= from) {
            self.k -= 1;
        }
        while starts.get(self.k).is_some_and(|&s| s < from) {
            self.k += 1;
        }
        let i = *starts.get(self.k)?;
        if i > lo && b[i - 1] == b'.' && (i - 1 == lo || !b[i - 2].is_ascii_alphanumeric()) {
            return Some(i - 1);
        }
        Some(i)
    }
}

/// The number of bytes of a block: [`WordHits::read_all`] keeps a bit per byte in a `u64`.
const BLOCK: usize = 64;

/// The bytes a block's runs are read from: the block and the next one.
const WINDOW: usize = 2 * BLOCK;

/// The window of `bytes` at `base`: read in place, or copied into `buf` (with zero bytes
/// after `hi`) near the end of the text.
#[inline(always)]
fn window<'b>(
    bytes: &'b [u8],
    base: usize,
    hi: usize,
    buf: &'b mut [u8; WINDOW],
) -> &'b [u8; WINDOW] {
    if let Some(w) = bytes.get(base..).and_then(<[u8]>::first_chunk::<WINDOW>) {
        return w;
    }
    let src = bytes.get(base..hi).unwrap_or_default();
    let n = src.len().min(WINDOW);
    *buf = [0; WINDOW];
    buf[..n].copy_from_slice(&src[..n]);
    buf
}

/// The low `n` bits of a `u64` (all of them from 64 on).
#[inline(always)]
fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// The sixteen bytes of `w` at `i` (below 64), as two little-endian `u64`.
#[inline(always)]
fn le16(w: &[u8; WINDOW], i: usize) -> [u64; 2] {
    let i = i & (BLOCK - 1);
    let eight = |at: usize| u64::from_le_bytes(std::array::from_fn(|k| w[at + k]));
    [eight(i), eight(i + 8)]
}

/// The bytes that may carry a token on after a run of letters ([`WordHits::token_goes_on`]
/// reads on only after them): a digit, an apostrophe, or a byte of a non-ASCII character.
/// They are marked [`NUMBER`] (1), the others 0, so that one test after a run tells
/// whether it is a number word or may go on.
static GOES_ON: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        if b >= 0x80 || (b as u8).is_ascii_digit() || b == b'\'' as usize {
            t[b] = NUMBER;
        }
        b += 1;
    }
    t
};

/// The word anchors and digit runs of `text[lo..hi]` (see the module docs).
///
/// The span is read 64 bytes at a time, copied into a block whose letters and digits
/// are bit masks; each run of letters is then read from the block, without bounds
/// checks, and most are ruled out by their length or shape alone.
pub(crate) struct WordHits<'t, 'a> {
    text: &'t str,
    lo: usize,
    hi: usize,
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
        WordHits {
            text,
            lo,
            hi,
            words,
            automaton,
        }
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

    /// Reads the run of letters `j..e` of the window `w` at `base` (`j` below 64, `e`
    /// below 128): pushes its anchors to `out` and returns its flags.
    #[inline(always)]
    fn run(&self, w: &[u8; WINDOW], base: usize, j: usize, e: usize, out: &mut Vec<usize>) -> u8 {
        let flags = self.words.map.get_loaded(le16(w, j), e - j);
        // The byte after the run, maybe past the span: [`anchor`](Self::anchor) reads
        // it again, within the span.
        if (GOES_ON[usize::from(w[e & (WINDOW - 1)])] | flags) & NUMBER != 0 {
            self.anchor(base + j, base + e, flags, out);
        }
        flags
    }

    /// Pushes the anchors of the run of letters `start..end` to `out`, given its flags:
    /// the rare case of a run that is a number word or whose token may go on.
    #[cold]
    #[inline(never)]
    fn anchor(&self, start: usize, end: usize, flags: u8, out: &mut Vec<usize>) {
        let next = if end < self.hi {
            self.text.as_bytes()[end]
        } else {
            0
        };
        // Nothing comes of a run shorter than every word: it is in no set, and the
        // automaton finds nothing in it.
        if GOES_ON[usize::from(next)] != 0
            && end - start >= self.words.shortest
            && self.token_goes_on(end)
        {
            out.extend(
                self.automaton
                    .find_iter(&self.text[start..end])
                    .map(|m| start + m.start()),
            );
        } else if flags & NUMBER != 0 && !self.word_char_before(start) {
            out.push(start);
        }
    }

    /// Reads a run of letters that goes on past the next block, from `start`: its
    /// cue flags.
    #[cold]
    #[inline(never)]
    fn long_run(&self, start: usize, out: &mut Vec<usize>) -> u8 {
        let bytes = self.text.as_bytes();
        let end = swar::skip_letters(bytes, start, self.hi);
        let flags = self.words.map.get_run(bytes, start, end);
        let next = if end < self.hi { bytes[end] } else { 0 };
        if (GOES_ON[usize::from(next)] | flags) & NUMBER != 0 {
            self.anchor(start, end, flags, out);
        }
        flags
    }

    /// Appends every anchor to `out`, in order, and the start of every run of digits to
    /// `digits`; returns the cue flags of all the words.
    ///
    /// The span is read 64 bytes at a time, as bit masks of letters and digits; the runs
    /// of letters of a block are read from a window of the block and the next one, in
    /// place (and whose masks are made before the block's runs are read), so that a run
    /// that goes on into the next block is read like any other. Each run of three letters
    /// or more is looked up whatever its length and shape (runs longer than sixteen
    /// letters are in no set): a lookup costs about what a test that rules most words out
    /// would, and leaves a branch only on whether the run is a number word or may go on,
    /// which it seldom is.
    pub(crate) fn read_all(&self, out: &mut Vec<usize>, digits: &mut Vec<usize>) -> u8 {
        let bytes = self.text.as_bytes();
        let (lo, hi) = (self.lo, self.hi);
        if lo >= hi {
            return 0;
        }
        let mut buf = [0u8; WINDOW];
        let mut cues = 0;
        // The masks of the block at `base`, none from `hi` on.
        let (mut letters, mut digit_mask) = (0u64, 0u64);
        // Is the last byte of the block before a letter (a digit), so that the block's
        // first run is no start?
        let (mut letter_carry, mut digit_carry) = (0u64, 0u64);
        let mut base = lo;
        loop {
            let w = window(bytes, base, hi, &mut buf);
            if base == lo {
                let keep = low_bits(hi - lo);
                let (l, d) = swar::letter_digit_masks(w.first_chunk().unwrap_or(&[0; BLOCK]));
                (letters, digit_mask) = (l & keep, d & keep);
            }
            let next_keep = low_bits((hi - base).saturating_sub(BLOCK));
            let (next_letters, next_digits) = if next_keep != 0 {
                let (l, d) = swar::letter_digit_masks(w.last_chunk().unwrap_or(&[0; BLOCK]));
                (l & next_keep, d & next_keep)
            } else {
                (0, 0)
            };
            if digit_mask != 0 {
                let mut runs = digit_mask & !((digit_mask << 1) | digit_carry);
                while runs != 0 {
                    digits.push(base + runs.trailing_zeros() as usize);
                    runs &= runs - 1;
                }
            }
            digit_carry = digit_mask >> 63;
            let both = u128::from(letters) | (u128::from(next_letters) << 64);
            // Where three letters start, so that shorter runs are never read.
            let three = (both & (both >> 1) & (both >> 2)) as u64;
            let starts = letters & !((letters << 1) | letter_carry) & three;
            letter_carry = letters >> 63;
            // The runs that end inside the block start before its last non-letter; the
            // one after it, if any, goes on into the next block.
            let stops = !letters;
            let inside = if stops == 0 {
                0
            } else {
                (u64::MAX >> stops.leading_zeros()) >> 1
            };
            let mut runs = starts & inside;
            while runs != 0 {
                let j = runs.trailing_zeros() as usize & (BLOCK - 1);
                runs &= runs - 1;
                let e = j + (stops >> j).trailing_zeros() as usize;
                cues |= self.run(w, base, j, e, out);
            }
            let across = starts & !inside;
            if across != 0 {
                let j = across.trailing_zeros() as usize & (BLOCK - 1);
                let rest = !both >> j;
                cues |= if rest == 0 {
                    self.long_run(base + j, out)
                } else {
                    self.run(w, base, j, j + rest.trailing_zeros() as usize, out)
                };
            }
            if next_keep == 0 {
                break;
            }
            base += BLOCK;
            letters = next_letters;
            digit_mask = next_digits;
        }
        cues & !NUMBER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every anchor of `text[lo..hi]`.
    fn all(text: &str, lo: usize, hi: usize, set: &WordSet, ac: &AhoCorasick) -> Vec<usize> {
        let mut out = Vec::new();
        WordHits::new(text, lo, hi, set, ac).read_all(&mut out, &mut Vec::new());
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
        let cues = |text: &str| {
            WordHits::new(text, 0, text.len(), &set, &ac).read_all(&mut Vec::new(), &mut Vec::new())
        };
        assert_eq!(cues("One man was KILLED."), CASUALTY);
        assert_eq!(cues("one dead, one hurt"), CASUALTY);
        assert_eq!(cues("one deadline"), 0);
        assert_eq!(set.get(b"Killed"), CASUALTY);
        assert_eq!(set.get(b"ONE"), NUMBER);
        assert_eq!(set.get(b"on"), 0);
    }

    #[test]
    fn runs_across_and_at_block_edges() {
        let words = ["one", "two", "thousand"];
        let set = WordSet::new(&words.map(|w| (w, NUMBER)));
        let ac = automaton(&words);
        // Words ending on the last byte of a block, starting on the first byte of the
        // next, across the edge, and cut by the end of the span.
        for pad in 50..70 {
            let text = format!("{} one two thousand phone5 one", "x".repeat(pad));
            let want = [pad + 1, pad + 5, pad + 9, pad + 20, pad + 25];
            assert_eq!(all(&text, 0, text.len(), &set, &ac), want, "{pad}");
            // Cut inside the last word: `on` is no word.
            let got = all(&text, 0, text.len() - 1, &set, &ac);
            assert_eq!(got, want[..4], "{pad}");
        }
    }

    /// The anchors and cues of `text[lo..hi]` read a byte at a time, run by run.
    fn plain(
        text: &str,
        lo: usize,
        hi: usize,
        set: &WordSet,
        ac: &AhoCorasick,
    ) -> (Vec<usize>, u8) {
        let hits = WordHits::new(text, lo, hi, set, ac);
        let b = text.as_bytes();
        let (mut out, mut cues) = (Vec::new(), 0);
        let mut i = lo;
        while i < hi {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < hi && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i - start < set.shortest {
                continue;
            }
            let flags = set.get(&b[start..i]);
            let next = if i < hi { b[i] } else { 0 };
            if GOES_ON[usize::from(next)] != 0 && hits.token_goes_on(i) {
                out.extend(ac.find_iter(&text[start..i]).map(|m| start + m.start()));
            } else if flags & NUMBER != 0 && !hits.word_char_before(start) {
                out.push(start);
            }
            cues |= flags & !NUMBER;
        }
        (out, cues)
    }

    #[test]
    fn reads_like_a_plain_reading() {
        let words = ["one", "two", "ten", "tens", "thousand", "seventeen"];
        let list: Vec<(&str, u8)> = words
            .iter()
            .map(|&w| (w, NUMBER))
            .chain([
                ("killed", CASUALTY),
                ("dead", CASUALTY),
                ("may", DATE),
                ("tens", DATE),
            ])
            .collect();
        let set = WordSet::new(&list);
        let ac = automaton(&words);
        let pieces = [
            "one",
            "Two",
            "TEN",
            "tens",
            "thousand",
            "seventeen",
            "killed",
            "Dead",
            "may",
            "someone",
            "often",
            "x",
            "ab",
            "the",
            " ",
            " ",
            " ",
            ", ",
            ".",
            "5",
            "1,500",
            "'",
            "\u{2019}",
            "\u{e9}",
            "-",
            "phone5",
            "one'two",
            "\u{e9}one",
            "abcdefghijklmnopqrstuvwxyz",
            "oneoneoneoneoneoneoneoneone",
        ];
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut rand = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..400 {
            let len = rand(120);
            let text: String = (0..len).map(|_| pieces[rand(pieces.len())]).collect();
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for _ in 0..6 {
                let (a, b) = (bounds[rand(bounds.len())], bounds[rand(bounds.len())]);
                let (lo, hi) = (a.min(b), a.max(b));
                let mut got = Vec::new();
                let cues =
                    WordHits::new(&text, lo, hi, &set, &ac).read_all(&mut got, &mut Vec::new());
                assert_eq!(
                    (got, cues),
                    plain(&text, lo, hi, &set, &ac),
                    "{text:?} {lo} {hi}"
                );
            }
        }
    }

    /// Where digit runs start, by the definition: a digit at `lo` or after a non-digit.
    fn naive_digit_runs(b: &[u8], lo: usize, hi: usize) -> Vec<usize> {
        (lo..hi)
            .filter(|&i| b[i].is_ascii_digit() && (i == lo || !b[i - 1].is_ascii_digit()))
            .collect()
    }

    #[test]
    fn digit_runs() {
        let set = WordSet::new(&[("one", NUMBER)]);
        let ac = automaton(&["one"]);
        let texts = [
            String::new(),
            "7".to_string(),
            "In 2021, 1,500 people (3.5%) paid \u{a3}12 \u{2013} \u{e9}9 .08 x.5 9".to_string(),
            format!("{}12345{}678 9", "a".repeat(61), "\u{e9}".repeat(30)),
            "0123456789".repeat(20),
        ];
        for text in &texts {
            let b = text.as_bytes();
            for lo in (0..=b.len()).filter(|&i| text.is_char_boundary(i)) {
                for hi in (lo..=b.len()).filter(|&i| text.is_char_boundary(i)) {
                    let mut digits = Vec::new();
                    WordHits::new(text, lo, hi, &set, &ac).read_all(&mut Vec::new(), &mut digits);
                    assert_eq!(digits, naive_digit_runs(b, lo, hi), "{text:?} {lo} {hi}");
                }
            }
        }
    }

    #[test]
    fn next_digit_run() {
        let text = b"a.5 x.25 10 .7";
        let starts = naive_digit_runs(text, 0, text.len());
        let mut runs = DigitRuns::new(&starts);
        assert!(runs.any());
        // A decimal point starts a number unless glued to a word; the cursor goes back
        // when asked for an earlier place.
        let cases = [
            (0, Some(2)),
            (3, Some(6)),
            (9, Some(9)),
            (10, Some(12)),
            (13, Some(12)),
            (14, None),
            (0, Some(2)),
        ];
        for (from, want) in cases {
            assert_eq!(runs.next(text, from, 0), want, "{from}");
        }
        let none = DigitRuns::new(&[]);
        assert!(!none.any());
        assert_eq!(DigitRuns::new(&[]).next(text, 0, 0), None);
    }
}
