//! Sentence segmentation.
//!
//! [`Segmenter`] splits English text into sentences and reports each as a byte [`Span`] of
//! the text it was given. It is built for news and advocacy text as users have it: web
//! pages, feeds, and text extracted from PDF files.
//!
//! # Example
//!
//! ```
//! use claimscan::Segmenter;
//!
//! let text = "Mr. Smith arrived at 5 p.m. on Friday. He left the U.S. in 2021.\n\nNext heading";
//! let seg = Segmenter::new();
//! let sentences: Vec<&str> = seg.sentences(text).map(|s| &text[s]).collect();
//! assert_eq!(sentences, [
//!     "Mr. Smith arrived at 5 p.m. on Friday.",
//!     "He left the U.S. in 2021.",
//!     "Next heading",
//! ]);
//! ```
//!
//! # What the spans are
//!
//! The spans come in text order, do not overlap, lie on UTF-8 character boundaries and are
//! trimmed of white space (`char::is_whitespace`). Together they cover every byte of the text
//! that is not white space, each exactly once, except *page debris*: lines holding only a
//! page number (`12`, `- 12 -`, `Page 3 of 10`) or only rule marks (`***`, `* * *`, `----`),
//! which belong to no sentence.
//!
//! # Rules
//!
//! - **Punctuation.** `.`, `!`, `?` and runs of them (`?!`, `!!`), with any closing quotes and
//!   brackets after them (`.”`, `?’`, `.)`) and footnote marks (`.¹`, `.[3]`, `banned.12`),
//!   end a sentence when white space and a sentence start follow: a capital, a digit, an
//!   opening quote or bracket, a symbol. A lowercase word after them (`“Why?” he asked`,
//!   `Yahoo! in`, `“… great.” she said`) continues the sentence, except on a new line after a
//!   word and its period (`reveal.` / `siding with…`: a line does not wrap after a sentence
//!   end). A comma inside a closing quote ends nothing. Words glued by a period
//!   (`world.Today`, `carpet."It's`) are two sentences, unless the first is an abbreviation;
//!   so are a lowercase word and a capitalised one glued together by scraping that lost the
//!   break between two blocks (`outfitsKourosh Ziabari`), unless the first is a short or
//!   function word (`ofTexas` is a lost space, `iPhone` a name) or opens the sentence alone
//!   (`fakhrIsrael, AIPAC and…`: a fragment, not a sentence).
//!   A bracketed acronym running on in lowercase (`Action. (JCPOA) that…`) continues.
//! - **Abbreviations.** Titles before names (`Mr.`, `Dr.`, `Gen.`, `St.`, `Mt.`) never end a
//!   sentence, except a street (`Main St.`) before a word that typically starts one; number
//!   prefixes (`No.`, `p.`, `Fig.`, `N°.`) and months and days (`Jan.`, `Sept.`) do not before
//!   a digit; `vs.`, `e.g.`, `i.e.`, `cf.` never; other abbreviations (`Inc.`, `Co.`, `etc.`,
//!   `Calif.`, `Jr.`) and dotted ones (`U.S.`, `E.U.`, `Ph.D.`) end a sentence only before a
//!   word that typically starts one (`The`, `It`, `How`, `However`, `Mr.`), so that `the U.S.
//!   Government` stays whole while `in the U.S. How about you?` splits. A word in capitals
//!   (`SEC.`, `FT.`, `DC.`) is an acronym, not an abbreviation; after a closing quote no
//!   abbreviation goes on.
//! - **Initials.** A capital letter with a period after a capitalised word or another initial
//!   (`John F. Kennedy`, `J. R. R. Tolkien`) is an initial; after a lowercase word it is a word
//!   (`you and I. Did you`).
//! - **Times of day.** `a.m.`/`p.m.` before a capitalised word end the sentence unless the word
//!   qualifies the time (`GMT`, `Eastern`, `Monday`, `London time`) or the sentence so far is an
//!   introductory time phrase (`At 5 a.m. Mr. Smith went…`, `On Monday at 9 a.m. the…`), after
//!   which the main clause follows.
//! - **Numbers.** A period between digits (`1.5`, `$100.00`) is part of the number; a number
//!   ending a sentence (`bought 1,000. That`) ends it.
//! - **Ellipses.** `...`, `…` and `. . .` continue the sentence, except before a word that
//!   typically starts one (`area... There will`); a four-dot ellipsis before a capital ends it
//!   (`that.... She`, `period . . . . Next`); in `compounds. . . . The`, the sentence ends
//!   after the first period and the next one starts with the ellipsis. `[...]` is an omission.
//! - **Lists.** A sentence that starts with a list marker (`1.`, `2)`, `3.)`, `a.`, `(b)`,
//!   `• 9.`, `⁃9.`) ends before the next marker in sequence (`2.`, `b.`) or, if it opened with
//!   a bullet, before the next bullet, even with no punctuation; the marker's own period ends
//!   nothing.
//! - **Line breaks.** A blank line always ends a sentence (so a heading or a byline with no
//!   final punctuation is its own sentence). A single line break after a line with no final
//!   punctuation ends one when the next line opens a list item (`1. `, `• `, or `- ` after a
//!   colon), when the paragraph is a block of short lines none of which ends like a sentence
//!   (a list, a menu), or when the next line starts with a capital and its first word would
//!   have fitted on the line with room to spare (a heading, a byline, a title). Lines wrapped
//!   by a PDF extraction (`facility at` / `Natanz on Sunday.`, wrapped lines starting with a
//!   space, justified double spaces), lines ending with a comma, a dash or a word like `the`,
//!   and lines continuing in lowercase go on.
//! - **Page debris.** Lines holding only a page number or rule marks end the sentence before
//!   them and belong to none.
//! - **Protected spans.** No sentence ends inside a URL or an e-mail address.
//!
//! # Performance
//!
//! One forward pass stops only at the candidate bytes (`.`, `!`, `?`, line feeds, `)`, the
//! lead byte of `…` and of bullets, a capital after a lowercase letter) and looks at a few
//! bytes around each; a paragraph's line
//! widths are measured once, and only when a line break needs them. Nothing is allocated
//! beyond the output (and, for [`Segmenter::sentences`], the list of URLs). Throughput on news
//! text is several hundred MB/s (`cargo bench --bench segment`).

mod candidates;
mod chars;
mod lines;
mod words;

use std::borrow::Cow;
use std::iter::FusedIterator;

use crate::span::Span;
use crate::urls::protected_spans;

use self::candidates::find_candidate;
use self::chars::{
    bullet_len, char_at, closer_len, is_ellipsis, opener_len, skip_hws, skip_ws, superscript_len,
    trim_ws_back, ws_len, ws_len_before, ws_or_start_before,
};
use self::lines::Para;
use self::words::Abbrev;

/// A sentence splitter for English text. Build it once and reuse it; it holds no state
/// between texts and is cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// A segmenter for English text.
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// The sentences of `text`, collected.
    pub fn split(&self, text: &str) -> Vec<Span> {
        self.sentences(text).collect()
    }

    /// The sentences of `text`, appended to `out`; `protected` lists the URLs and e-mail
    /// addresses of the text, sorted (see [`protected_spans`]).
    pub fn split_into(&self, text: &str, protected: &[Span], out: &mut Vec<Span>) {
        out.extend(self.sentences_protected(text, protected));
    }

    /// An iterator over the sentences of `text`, in order. It finds the text's URLs and
    /// e-mail addresses first (one allocation), so that no sentence ends inside one.
    pub fn sentences<'t>(&self, text: &'t str) -> Sentences<'t> {
        Sentences {
            scan: Scanner::new(text, Cow::Owned(protected_spans(text))),
        }
    }

    /// An iterator over the sentences of `text`, given its URLs and e-mail addresses
    /// (`protected`, sorted and non-overlapping, as [`protected_spans`]
    /// returns them). It does not allocate.
    pub fn sentences_protected<'t>(&self, text: &'t str, protected: &'t [Span]) -> Sentences<'t> {
        Sentences {
            scan: Scanner::new(text, Cow::Borrowed(protected)),
        }
    }
}

/// An iterator over the sentence spans of a text, from [`Segmenter::sentences`] or
/// [`Segmenter::sentences_protected`].
///
/// Spans are in order, non-overlapping, trimmed of white space, on character boundaries,
/// and cover every non-white-space byte of the text exactly once except page-debris lines
/// (see the [module documentation](self)).
#[derive(Clone, Debug)]
pub struct Sentences<'t> {
    scan: Scanner<'t>,
}

impl Iterator for Sentences<'_> {
    type Item = Span;

    #[inline]
    fn next(&mut self) -> Option<Span> {
        self.scan.next_sentence()
    }
}

impl FusedIterator for Sentences<'_> {}

/// The longest token looked at before a period.
const MAX_TOKEN: usize = 40;

/// How a list is numbered, from the marker that opened the current sentence.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Delim {
    /// `1.`
    Dot,
    /// `1.)`
    DotParen,
    /// `1)` or `(1)`
    Paren,
}

/// The list marker expected next.
#[derive(Clone, Copy, Debug)]
struct Marker {
    /// The number, or the letter's byte.
    value: u32,
    alpha: bool,
    open_paren: bool,
    delim: Delim,
}

impl Marker {
    fn next(self) -> Option<Marker> {
        let value = self.value + 1;
        if (self.alpha && !(value as u8).is_ascii_alphabetic()) || (!self.alpha && value > 999) {
            return None;
        }
        Some(Marker { value, ..self })
    }

    /// Does the marker's text (without its delimiter) equal `tok`?
    fn matches(&self, tok: &[u8]) -> bool {
        if self.alpha {
            tok.len() == 1 && u32::from(tok[0]) == self.value
        } else {
            !tok.is_empty()
                && tok.len() <= 3
                && tok.iter().all(u8::is_ascii_digit)
                && tok.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')) == self.value
        }
    }
}

/// What follows a candidate boundary, after the white space.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Next {
    /// The end of the text.
    End,
    /// A lowercase word: the sentence goes on.
    Lower,
    /// Punctuation that goes on a sentence (`,`, `;`, `)`, `%`).
    Cont,
    /// A capitalised word; `word` is its run of ASCII letters (empty for other scripts);
    /// `initial` if it is a single capital with a period.
    Upper { word: (usize, usize), initial: bool },
    /// An opening quote or bracket; `upper` if a capital follows it.
    Opener { upper: bool },
    /// A digit.
    Digit,
    /// Any other symbol (`$`, `£`, `#`, a dash).
    Other,
}

#[derive(Clone, Debug)]
struct Scanner<'t> {
    text: &'t str,
    b: &'t [u8],
    protected: Cow<'t, [Span]>,
    /// The first protected span that may still lie ahead.
    pi: usize,
    /// The next byte to look at.
    pos: usize,
    /// The first byte of the current sentence (never white space), or the text's length.
    start: usize,
    /// The period of the list marker that opened the current sentence, if any.
    marker_dot: usize,
    /// The list marker expected next in the current sentence.
    list: Option<Marker>,
    /// The current sentence opened with a bullet.
    bullet: bool,
    /// The paragraph of the last line break looked at.
    para: Para,
    done: bool,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, protected: Cow<'t, [Span]>) -> Scanner<'t> {
        let mut s = Scanner {
            text,
            b: text.as_bytes(),
            protected,
            pi: 0,
            pos: 0,
            start: 0,
            marker_dot: usize::MAX,
            list: None,
            bullet: false,
            para: Para::default(),
            done: false,
        };
        s.begin(0);
        s
    }

    fn next_sentence(&mut self) -> Option<Span> {
        let len = self.b.len();
        loop {
            if self.done {
                return None;
            }
            let i = find_candidate(self.b, self.pos);
            if i >= len {
                self.done = true;
                return self.cut(len);
            }
            if let Some(end) = self.protected_end(i) {
                self.pos = end;
                continue;
            }
            let found = match self.b[i] {
                b'\n' => self.line_feed(i),
                b'.' | b'!' | b'?' => self.terminal(i),
                b')' => self.paren(i),
                b'A'..=b'Z' => self.capital(i),
                _ => self.special(i),
            };
            if found.is_some() {
                return found;
            }
        }
    }

    /// If `i` lies inside a protected span, that span's end.
    #[inline]
    fn protected_end(&mut self, i: usize) -> Option<usize> {
        let p = &self.protected;
        while self.pi < p.len() && p[self.pi].end <= i {
            self.pi += 1;
        }
        match p.get(self.pi) {
            Some(s) if s.start <= i => Some(s.end.max(i + 1)),
            _ => None,
        }
    }

    /// Ends the current sentence at `end` and starts the next one after it; returns the
    /// sentence if it is not empty.
    fn cut(&mut self, end: usize) -> Option<Span> {
        let s = self.start;
        let e = trim_ws_back(self.b, end.min(self.b.len()), s);
        self.begin(end);
        (e > s).then(|| Span::new(s, e))
    }

    /// Starts a sentence at the first non-blank byte at or after `at`, skipping page debris,
    /// and notes any list bullet or marker it opens with.
    fn begin(&mut self, at: usize) {
        let b = self.b;
        let mut p = skip_ws(b, at.min(b.len()));
        // The first byte rules out debris at most starts, before the walk back to the
        // line's start.
        while lines::may_start_debris(b, p) && self.at_line_start(p) {
            match lines::debris_end(b, p) {
                Some(e) => p = skip_ws(b, e),
                None => break,
            }
        }
        self.start = p;
        self.pos = p;
        self.list = None;
        self.marker_dot = usize::MAX;
        self.bullet = false;
        let mut q = p;
        let n = bullet_len(b, q);
        if n > 0 {
            self.bullet = true;
            q = skip_hws(b, q + n);
        }
        if let Some((m, dot)) = parse_marker(b, q) {
            self.list = m.next();
            self.marker_dot = dot;
        }
    }

    /// True if only spaces lie between the last line feed (or the start) and `p`.
    fn at_line_start(&self, p: usize) -> bool {
        let mut q = p;
        loop {
            if q == 0 || self.b[q - 1] == b'\n' {
                return true;
            }
            let n = ws_len_before(self.b, q);
            if n == 0 {
                return false;
            }
            q -= n;
        }
    }

    fn line_feed(&mut self, i: usize) -> Option<Span> {
        let b = self.b;
        let j = skip_hws(b, i + 1);
        if j >= b.len() || i < self.start {
            self.pos = j.max(i + 1);
            return None;
        }
        if b[j] == b'\n' || lines::debris_end(b, j).is_some() {
            return self.cut(i);
        }
        if !self.para.covers(i) {
            self.para = lines::paragraph(b, i);
        }
        if lines::line_break_ends_sentence(self.text, i, j, &self.para) {
            return self.cut(i);
        }
        self.pos = j;
        None
    }

    /// `…`, a bullet, or a paragraph separator (U+2029).
    fn special(&mut self, i: usize) -> Option<Span> {
        let b = self.b;
        if is_ellipsis(b, i) {
            return self.terminal(i);
        }
        if bullet_len(b, i) > 0 {
            if self.bullet && i > self.start && ws_or_start_before(b, i) {
                return self.cut(i);
            }
            self.pos = i + 3;
            return None;
        }
        if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xa9) && i > self.start {
            return self.cut(i);
        }
        self.pos = i + 1;
        None
    }

    /// A capital glued to a lowercase word (`outfitsKourosh Ziabari`): scraped text that lost
    /// the break between two blocks. The word before must be three lowercase letters or more,
    /// not a function word (`ofTexas` is a lost space) and not the sentence's first word (a
    /// block is not one lowercase word); the capital must start a word (`Kourosh`, not
    /// `iPhone` or `eBay`).
    fn capital(&mut self, i: usize) -> Option<Span> {
        self.pos = i + 1;
        let b = self.b;
        if i == 0 || !b[i - 1].is_ascii_lowercase() || i <= self.start {
            return None;
        }
        if !(b.get(i + 1).is_some_and(u8::is_ascii_lowercase)
            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase))
        {
            return None;
        }
        let mut ws = i - 1;
        while ws > self.start && i - ws <= MAX_TOKEN && b[ws - 1].is_ascii_lowercase() {
            ws -= 1;
        }
        // The word must end a block of its own: one lowercase word that opens the sentence
        // (`fakhrIsrael, AIPAC…`) is a fragment glued to its start, no sentence.
        if i - ws < 3
            || ws == self.start
            || !(ws_or_start_before(b, ws) || opener_len(b, ws - 1) == 1)
            || ws - 1 == self.start
        {
            return None;
        }
        if words::is_line_continuation(&b[ws..i]) {
            return None;
        }
        self.cut(i)
    }

    /// `)`: a list marker `2)` or `(b)` that the current list expects next.
    fn paren(&mut self, i: usize) -> Option<Span> {
        self.pos = i + 1;
        let m = match self.list {
            Some(m) if m.delim == Delim::Paren => m,
            _ => return None,
        };
        let b = self.b;
        if ws_len(b, i + 1) == 0 {
            return None;
        }
        let mut ts = i;
        while ts > self.start && i - ts < 3 && b[ts - 1].is_ascii_alphanumeric() {
            ts -= 1;
        }
        if !m.matches(&b[ts..i]) {
            return None;
        }
        if m.open_paren {
            if ts == 0 || b[ts - 1] != b'(' {
                return None;
            }
            ts -= 1;
        }
        if ts > self.start && ws_or_start_before(b, ts) {
            return self.cut(ts);
        }
        None
    }

    /// If the token before the period at `i` is the list marker expected next (`2.`, `b.`,
    /// `2.)`), its start.
    fn expected_marker_before(&self, i: usize) -> Option<usize> {
        let m = self.list?;
        let b = self.b;
        let after = match m.delim {
            Delim::Dot => i + 1,
            Delim::DotParen if b.get(i + 1) == Some(&b')') => i + 2,
            _ => return None,
        };
        if ws_len(b, after) == 0 {
            return None;
        }
        let mut ts = i;
        while ts > self.start && i - ts < 3 && b[ts - 1].is_ascii_alphanumeric() {
            ts -= 1;
        }
        (m.matches(&b[ts..i]) && ws_or_start_before(b, ts)).then_some(ts)
    }

    /// `.`, `!`, `?` or `…` at `i`.
    fn terminal(&mut self, i: usize) -> Option<Span> {
        let b = self.b;
        let len = b.len();
        if let Some(end) = self.plain_period_end(i) {
            return self.cut(end);
        }
        if b[i] == b'.' {
            if i == self.marker_dot {
                self.pos = i + 1;
                return None;
            }
            if let Some(ts) = self.expected_marker_before(i) {
                if ts > self.start {
                    return self.cut(ts);
                }
            }
        }
        let attached = !ws_or_start_before(b, i);
        // The run of punctuation: `?!`, `...`, `…`, `. . .`.
        let (mut j, mut dots, mut marks, mut spaced) = (i, 0usize, 0usize, false);
        loop {
            match b.get(j) {
                Some(b'.') => {
                    dots += 1;
                    j += 1;
                }
                Some(b'!' | b'?') => {
                    marks += 1;
                    j += 1;
                }
                Some(b' ') if marks == 0 && dots > 0 && b.get(j + 1) == Some(&b'.') => {
                    spaced = true;
                    j += 1;
                }
                _ if is_ellipsis(b, j) => {
                    dots += 3;
                    j += 3;
                }
                _ => break,
            }
        }
        let run_end = j;
        // Closing quotes and brackets, and footnote references (`.¹`, `.[3]`), belong to the
        // sentence.
        let mut k = run_end;
        loop {
            let n = closer_len(b, k).max(superscript_len(b, k));
            if n > 0 {
                k += n;
                continue;
            }
            if b.get(k) == Some(&b'[') {
                let mut q = k + 1;
                while q < len && q - k <= 3 && b[q].is_ascii_digit() {
                    q += 1;
                }
                if q > k + 1 && b.get(q) == Some(&b']') {
                    k = q + 1;
                    continue;
                }
            }
            break;
        }
        // A footnote number glued to the period of a word (`the group.12 The`).
        if k == run_end
            && dots == 1
            && marks == 0
            && i > self.start
            && b[i - 1].is_ascii_lowercase()
        {
            let mut q = k;
            while q < len && q - k < 3 && b[q].is_ascii_digit() {
                q += 1;
            }
            if q > k
                && ws_len(b, q) > 0
                && b.get(skip_ws(b, q)).is_some_and(u8::is_ascii_uppercase)
                && self.glued_boundary_word(i)
            {
                k = q;
            }
        }
        let n = skip_ws(b, k);
        if n == k {
            // No white space: only `world.Today` ends a sentence here.
            self.pos = k;
            if k < len
                && k == run_end
                && dots + marks == 1
                && matches!(b[i], b'.' | b'?')
                && self.glued_boundary(i)
            {
                return self.cut(k);
            }
            // `carpet."It's`: a straight quote between a period and a capitalised word opens
            // the next sentence when the quotes before it are balanced, else closes this one.
            if k == run_end + 1
                && b[run_end] == b'"'
                && dots + marks == 1
                && b.get(k).is_some_and(u8::is_ascii_uppercase)
                && b.get(k + 1).is_some_and(u8::is_ascii_lowercase)
                && i > self.start
                && b[i - 1].is_ascii_lowercase()
                && self.glued_boundary_word(i)
            {
                let quotes = memchr::memchr_iter(b'"', &b[self.start..i]).count();
                return self.cut(if quotes % 2 == 0 { run_end } else { k });
            }
            return None;
        }
        if n >= len {
            self.pos = n;
            return None;
        }
        let next = self.next_token(n);
        let line_break = b[k..n].contains(&b'\n');
        let ends = if marks > 0 {
            is_start(next)
        } else if dots >= 2 {
            if i > 0 && matches!(b[i - 1], b'[' | b'(') {
                false
            } else if spaced && attached && dots >= 4 && b[i] == b'.' {
                // `compounds. . . . The`: the sentence ends at the first period.
                if is_start(next) {
                    return self.cut(i + 1);
                }
                false
            } else if dots >= 4 {
                is_start(next)
            } else if spaced && !attached {
                false
            } else {
                self.is_starter(next)
            }
        } else {
            self.period_ends(i, next, line_break && k == run_end, k > run_end)
        };
        if ends {
            return self.cut(k);
        }
        self.pos = k;
        None
    }

    /// The usual sentence end, told without the general rules below: a period after a
    /// lowercase word that is no abbreviation, one space, and a capital (`said. The`), with
    /// no list open. Returns where the sentence ends, or `None` to leave the case to
    /// [`terminal`](Self::terminal)'s general rules, which give the same answer here.
    #[inline]
    fn plain_period_end(&self, i: usize) -> Option<usize> {
        let b = self.b;
        if b[i] != b'.'
            || self.list.is_some()
            || i == self.marker_dot
            || i == 0
            || !b[i - 1].is_ascii_lowercase()
            || b.get(i + 1) != Some(&b' ')
            || !b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            return None;
        }
        // A token too long to look at ends the sentence, as in `period_ends`.
        let Some(ts) = self.token_start(i) else {
            return Some(i + 1);
        };
        let tok = &b[ts..i];
        (!tok.contains(&b'.') && words::abbrev_at(b, ts, i).is_none()).then_some(i + 1)
    }

    /// `world.Today`, `1,000.That`: a word of two letters or more, a period, and a capitalised
    /// word, with no space.
    fn glued_boundary(&self, i: usize) -> bool {
        let b = self.b;
        if i <= self.start || i + 2 >= b.len() {
            return false;
        }
        let p = b[i - 1];
        if !(p.is_ascii_lowercase() || p.is_ascii_digit())
            || !b[i + 1].is_ascii_uppercase()
            || !b[i + 2].is_ascii_lowercase()
        {
            return false;
        }
        self.glued_boundary_word(i)
    }

    /// Is the token before the period at `i` a word that can end a sentence glued to the
    /// next: two characters or more, no abbreviation, no part of an address or a path?
    fn glued_boundary_word(&self, i: usize) -> bool {
        let b = self.b;
        let Some(ts) = self.token_start(i) else {
            return false;
        };
        let tok = &b[ts..i];
        if tok.len() < 2
            || tok
                .iter()
                .any(|c| matches!(c, b'.' | b'/' | b'@' | b'_' | b':' | b'\\' | b'='))
        {
            return false;
        }
        b[i] != b'.' || matches!(words::abbrev_at(b, ts, i), None | Some(Abbrev::Other))
    }

    /// The start of the token that ends at `end` (after any opening quotes or brackets), or
    /// `None` if it is longer than [`MAX_TOKEN`].
    fn token_start(&self, end: usize) -> Option<usize> {
        let b = self.b;
        // Back over at most `MAX_TOKEN + 1` bytes; a token that goes on before them is
        // too long.
        let floor = end.saturating_sub(MAX_TOKEN + 1).max(self.start);
        // The usual token, up to seven ASCII letters and digits after a space, is told
        // from the eight bytes before `end`: a space is a boundary, and no opener is a
        // letter or a digit.
        if let Some(w) = end.checked_sub(8).and_then(|at| crate::swar::load(b, at)) {
            let m = !(crate::swar::letters(w) | crate::swar::digits(w)) & crate::swar::HIGH;
            if m != 0 {
                // The last byte that is no letter or digit.
                let p = end - 1 - (m.leading_zeros() / 8) as usize;
                if p + 1 < end && p + 1 > floor && b[p] == b' ' {
                    return Some(p + 1);
                }
            }
        }
        // Only a byte up to a space or from 0x80 up can end white space.
        let mut hi = end;
        let mut ts = loop {
            match b[floor..hi].iter().rposition(|&c| c <= b' ' || c >= 0x80) {
                None => break floor,
                Some(p) if ws_len_before(b, floor + p + 1) > 0 => break floor + p + 1,
                Some(p) => hi = floor + p,
            }
        };
        if ts == floor && floor > self.start && ws_len_before(b, ts) == 0 {
            return None;
        }
        // `ts` stops after white space or at the sentence start: both are boundaries.
        loop {
            let n = opener_len(b, ts);
            if n == 0 || ts + n > end {
                break;
            }
            ts += n;
        }
        Some(ts)
    }

    /// Does the single period at `i`, followed by white space and `next`, end a sentence?
    /// `line_break`: the period ends its line (with no closing quote after it), so that a
    /// word, a period and a line starting in lowercase are two sentences (`reveal.` /
    /// `siding with…`): a line does not wrap after a sentence-final period. `closed`: a
    /// closing quote or bracket follows the period.
    fn period_ends(&self, i: usize, next: Next, line_break: bool, closed: bool) -> bool {
        let b = self.b;
        let Some(ts) = self.token_start(i) else {
            return is_start(next);
        };
        let tok = &b[ts..i];
        let Some(&last) = tok.last() else {
            return is_start(next);
        };
        let word_end =
            |next| is_start(next) || (line_break && next == Next::Lower && tok.len() >= 2);
        if last.is_ascii_digit() {
            return word_end(next);
        }
        if closed && is_start(next) && !matches!(words::abbrev_at(b, ts, i), Some(Abbrev::Title)) {
            // `Cell Block H." Labour`: no name or abbreviation goes on after a closing quote.
            return true;
        }
        if tok.contains(&b'.') {
            if !is_dotted_abbrev(tok) {
                return is_start(next);
            }
            let mut key = [0u8; 8];
            let mut n = 0;
            for &c in tok.iter().filter(|c| c.is_ascii_alphabetic()) {
                if n < key.len() {
                    key[n] = c.to_ascii_lowercase();
                }
                n += 1;
            }
            return match &key[..n.min(key.len())] {
                b"am" | b"pm" => self.time_ends(ts, next),
                b"eg" | b"ie" | b"cf" => false,
                _ => self.is_starter(next),
            };
        }
        if tok.len() == 1 && last.is_ascii_uppercase() {
            return self.initial_ends(ts, last, next);
        }
        match words::abbrev_at(b, ts, i) {
            Some(Abbrev::Title) => self.street_ends(ts, tok, next),
            Some(Abbrev::Continue) => false,
            Some(Abbrev::Number) => next != Next::Digit && is_start(next),
            Some(Abbrev::Other) => self.is_starter(next),
            None => word_end(next),
        }
    }

    /// `St.`, `Ave.`-like titles after a capitalised word are street names (`Main St.`):
    /// they end a sentence before a word that typically starts one. Other titles never do.
    fn street_ends(&self, ts: usize, tok: &[u8], next: Next) -> bool {
        if !(tok.eq_ignore_ascii_case(b"st") || tok.eq_ignore_ascii_case(b"ft"))
            || !self.is_starter(next)
        {
            return false;
        }
        let b = self.b;
        let pe = trim_ws_back(b, ts, self.start);
        if pe == ts || pe <= self.start {
            return false;
        }
        let mut ps = pe;
        while ps > self.start && b[ps - 1].is_ascii_alphabetic() {
            ps -= 1;
        }
        ps < pe && b[ps].is_ascii_uppercase() && (ps == self.start || ws_or_start_before(b, ps))
    }

    /// A single capital `letter` with a period, at `ts`.
    fn initial_ends(&self, ts: usize, letter: u8, next: Next) -> bool {
        if let Next::Upper { initial: true, .. } = next {
            return false; // `J. R. R. Tolkien`
        }
        let b = self.b;
        // The word before the letter.
        let pe = trim_ws_back(b, ts, self.start);
        let mut ps = pe;
        while ps > self.start && !ws_or_start_before(b, ps) && pe - ps < MAX_TOKEN {
            ps -= 1;
        }
        while ps < pe && opener_len(b, ps) > 0 {
            ps += opener_len(b, ps);
        }
        let capitalised = ps >= pe || char_at(self.text, ps).is_some_and(char::is_uppercase);
        if capitalised {
            // A name: `John F. Kennedy`, or a sentence opening with initials.
            return matches!(next, Next::Upper { .. }) && self.is_starter(next);
        }
        (letter == b'I' && matches!(next, Next::Upper { .. } | Next::Opener { upper: true }))
            || self.is_starter(next)
    }

    /// `a.m.` / `p.m.` (its token at `ts`) before `next`.
    fn time_ends(&self, ts: usize, next: Next) -> bool {
        match next {
            Next::Upper { word: (ws, we), .. } => {
                let b = self.b;
                if words::is_time_qualifier(&b[ws..we]) {
                    return false;
                }
                // `p.m. London time`
                let mut p = we;
                if ws_len(b, p) > 0 {
                    p = skip_hws(b, p);
                    let mut q = p;
                    while q < b.len() && q - p < MAX_TOKEN && b[q].is_ascii_alphabetic() {
                        q += 1;
                    }
                    if b[p..q].eq_ignore_ascii_case(b"time") {
                        return false;
                    }
                }
                !self.time_intro(ts)
            }
            Next::Opener { upper: true } => !self.time_intro(ts),
            _ => false,
        }
    }

    /// Is the sentence before `ts` an introductory time phrase (`At 5`, `On Monday at 9`)?
    fn time_intro(&self, ts: usize) -> bool {
        let b = self.b;
        if ts < self.start || ts - self.start > 60 {
            return false;
        }
        let mut p = self.start;
        while p < ts && opener_len(b, p) > 0 {
            p += opener_len(b, p);
        }
        let mut words = 0;
        let mut first = true;
        while p < ts {
            let mut q = p;
            while q < ts && ws_len(b, q) == 0 {
                q += 1;
            }
            if first {
                let mut e = q;
                while e > p && !b[e - 1].is_ascii_alphabetic() {
                    e -= 1;
                }
                if !words::is_time_intro(&b[p..e]) {
                    return false;
                }
                first = false;
            }
            words += 1;
            p = skip_ws(b, q);
        }
        words > 0 && words <= 6
    }

    /// Is `next` a word that typically starts a sentence, or an opening quote before a
    /// capital?
    fn is_starter(&self, next: Next) -> bool {
        match next {
            Next::Upper { word: (s, e), .. } => e > s && words::is_starter(&self.b[s..e]),
            Next::Opener { upper } => upper,
            _ => false,
        }
    }

    /// Classifies what starts at `n`.
    fn next_token(&self, n: usize) -> Next {
        let b = self.b;
        let Some(c) = char_at(self.text, n) else {
            return Next::End;
        };
        if b[n] == b'(' && self.bracket_runs_on(n) {
            return Next::Lower;
        }
        if opener_len(b, n) > 0 {
            let mut p = n;
            while opener_len(b, p) > 0 {
                p += opener_len(b, p);
            }
            return match char_at(self.text, p) {
                Some(d) if d.is_lowercase() => Next::Lower,
                Some(d) => Next::Opener {
                    upper: d.is_uppercase(),
                },
                None => Next::Opener { upper: false },
            };
        }
        if c.is_uppercase() {
            let e = crate::swar::skip_letters(b, n, (n + MAX_TOKEN).min(b.len()));
            let initial = e == n + 1
                && b.get(e) == Some(&b'.')
                && !b.get(e + 1).is_some_and(u8::is_ascii_alphabetic);
            return Next::Upper {
                word: (n, e),
                initial,
            };
        }
        if c.is_lowercase() {
            // `iPhone`, `eBay` start with a capital in effect.
            return match char_at(self.text, n + c.len_utf8()) {
                Some(d) if d.is_uppercase() => Next::Upper {
                    word: (n, n),
                    initial: false,
                },
                _ => Next::Lower,
            };
        }
        if c.is_ascii_digit() {
            return Next::Digit;
        }
        if c.is_alphabetic() {
            return Next::Upper {
                word: (n, n),
                initial: false,
            };
        }
        match c {
            ',' | ';' | ':' | '%' | ')' | ']' | '}' | '.' | '!' | '?' | '”' | '’' | '»' | '…' => {
                Next::Cont
            }
            _ => Next::Other,
        }
    }
}

impl Scanner<'_> {
    /// `(JCPOA) that…`: a bracketed abbreviation (capitals, digits, `-`, `/`, `&`, spaces)
    /// followed by a lowercase word goes on the sentence before it.
    fn bracket_runs_on(&self, n: usize) -> bool {
        let b = self.b;
        let mut p = n + 1;
        while p < b.len()
            && p - n <= 16
            && (b[p].is_ascii_uppercase()
                || b[p].is_ascii_digit()
                || matches!(b[p], b'-' | b'/' | b'&' | b' '))
        {
            p += 1;
        }
        if p == n + 1 || b.get(p) != Some(&b')') || !b[n + 1].is_ascii_uppercase() {
            return false;
        }
        let q = skip_hws(b, p + 1);
        q > p + 1 && char_at(self.text, q).is_some_and(char::is_lowercase)
    }
}

/// Can a sentence start with `next`?
#[inline]
fn is_start(next: Next) -> bool {
    matches!(
        next,
        Next::Upper { .. } | Next::Opener { .. } | Next::Digit | Next::Other
    )
}

/// `U.S`, `a.m`, `Ph.D`, `E.U`: letters in groups of one or two, separated by periods.
fn is_dotted_abbrev(tok: &[u8]) -> bool {
    let mut groups = 0;
    for part in tok.split(|&c| c == b'.') {
        if part.is_empty() || part.len() > 2 || !part.iter().all(u8::is_ascii_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// A list marker at `q` (`1.`, `12)`, `3.)`, `(a)`, `b.`) followed by white space: the marker
/// and the position of its period (or `usize::MAX`).
fn parse_marker(b: &[u8], q: usize) -> Option<(Marker, usize)> {
    let mut k = q;
    let open_paren = b.get(k) == Some(&b'(');
    if open_paren {
        k += 1;
    }
    let s = k;
    while k < b.len() && b[k].is_ascii_digit() {
        k += 1;
    }
    let (value, alpha, upper) = if k > s {
        if k - s > 2 {
            return None;
        }
        (
            b[s..k]
                .iter()
                .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')),
            false,
            false,
        )
    } else {
        match b.get(k) {
            Some(&c) if c.is_ascii_alphabetic() => {
                k += 1;
                (u32::from(c), true, c.is_ascii_uppercase())
            }
            _ => return None,
        }
    };
    let (delim, dot) = match (b.get(k), b.get(k + 1)) {
        (Some(b'.'), Some(b')')) if !open_paren => {
            k += 2;
            (Delim::DotParen, k - 2)
        }
        (Some(b'.'), _) if !open_paren && !upper => {
            k += 1;
            (Delim::Dot, k - 1)
        }
        (Some(b')'), _) => {
            k += 1;
            (Delim::Paren, usize::MAX)
        }
        _ => return None,
    };
    if ws_len(b, k) == 0 {
        return None;
    }
    Some((
        Marker {
            value,
            alpha,
            open_paren,
            delim,
        },
        dot,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `token_start` with no fast path.
    fn token_start_general(sc: &Scanner<'_>, end: usize) -> Option<usize> {
        let b = sc.b;
        let floor = end.saturating_sub(MAX_TOKEN + 1).max(sc.start);
        let mut hi = end;
        let mut ts = loop {
            match b[floor..hi].iter().rposition(|&c| c <= b' ' || c >= 0x80) {
                None => break floor,
                Some(p) if ws_len_before(b, floor + p + 1) > 0 => break floor + p + 1,
                Some(p) => hi = floor + p,
            }
        };
        if ts == floor && floor > sc.start && ws_len_before(b, ts) == 0 {
            return None;
        }
        loop {
            let n = opener_len(b, ts);
            if n == 0 || ts + n > end {
                break;
            }
            ts += n;
        }
        Some(ts)
    }

    #[test]
    fn token_starts_as_general() {
        let long = format!("a {} b.", "x".repeat(50));
        for text in [
            "He said. The U.S. (JCPOA) \"quoted.\" ‘Single’ 1,000. x.y 2021. «Abc.»",
            "\u{a0}word. a\tb. \n(para. [1]. e.g. Mr. Smith",
            long.as_str(),
        ] {
            for start in [0, 1, 3] {
                let mut sc = Scanner::new(text, Cow::Borrowed(&[]));
                sc.start = start;
                for end in (start..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                    assert_eq!(
                        sc.token_start(end),
                        token_start_general(&sc, end),
                        "{text:?} {start} {end}"
                    );
                }
            }
        }
    }

    fn split(text: &str) -> Vec<&str> {
        Segmenter::new()
            .split(text)
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            split("Hello World. My name is Jonas."),
            ["Hello World.", "My name is Jonas."]
        );
        assert_eq!(
            split("Mr. Smith went to Washington. He left."),
            ["Mr. Smith went to Washington.", "He left."]
        );
        assert_eq!(
            split("Heading\n\nBody text here."),
            ["Heading", "Body text here."]
        );
        assert_eq!(
            split("See www.example.com. Then go."),
            ["See www.example.com.", "Then go."]
        );
        assert!(split("  \n ").is_empty());
        assert!(split("").is_empty());
    }

    #[test]
    fn iterator_matches_split_into() {
        let text = "One. Two!\n\nThree? 1. a 2. b";
        let seg = Segmenter::new();
        let mut out = Vec::new();
        seg.split_into(text, &protected_spans(text), &mut out);
        assert_eq!(out, seg.sentences(text).collect::<Vec<_>>());
        assert_eq!(out, seg.sentences_protected(text, &[]).collect::<Vec<_>>());
    }

    #[test]
    fn dotted() {
        assert!(is_dotted_abbrev(b"U.S") && is_dotted_abbrev(b"a.m") && is_dotted_abbrev(b"Ph.D"));
        assert!(
            !is_dotted_abbrev(b"www.example")
                && !is_dotted_abbrev(b"U")
                && !is_dotted_abbrev(b"1.5")
        );
    }

    #[test]
    fn markers() {
        let (m, dot) = parse_marker(b"12. x", 0).unwrap();
        assert_eq!((m.value, m.delim, dot), (12, Delim::Dot, 2));
        let (m, _) = parse_marker(b"(b) x", 0).unwrap();
        assert!(m.alpha && m.open_paren && m.delim == Delim::Paren);
        assert!(parse_marker(b"A. Smith", 0).is_none());
        assert!(parse_marker(b"123. x", 0).is_none());
        assert!(parse_marker(b"1.5", 0).is_none());
    }

    #[test]
    fn plain_period_end() {
        // (text, the period looked at, where the fast path ends the sentence)
        let cases: [(&str, Option<usize>); 10] = [
            ("He left. The end", Some(8)),
            ("It was late. Then", Some(12)),
            ("I met Mr. Smith", None),
            ("We saw the mt. Everest", None),
            ("He left e.g. Then", None),
            ("He left.  Two spaces", None),
            ("He left. the end", None),
            ("He left.\nThe end", None),
            ("He left. 1 more", None),
            ("He left.", None),
        ];
        for (text, want) in cases {
            let i = text.find('.').unwrap();
            let s = Scanner::new(text, Cow::Borrowed(&[]));
            assert_eq!(s.plain_period_end(i), want, "{text:?}");
        }
        // A list open: left to the general rules, which know the markers.
        let text = "1. He left. 2. The end";
        let s = Scanner::new(text, Cow::Borrowed(&[]));
        assert_eq!(s.plain_period_end(10), None);
        assert_eq!(split(text), ["1. He left.", "2. The end"]);
    }
}
