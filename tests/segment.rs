//! Sentence segmentation: the English Golden Rules, the pitfalls of real news text (PDF
//! extraction, feeds, quotes, abbreviations, lists, debris), and properties that hold on any
//! input: spans tile the text and nothing panics.

use claimscan::segment::Sentences;
use claimscan::{Segmenter, Span, protected_spans};

use crate::common::read_shared;

/// The sentences of `text` as strings.
fn split(text: &str) -> Vec<&str> {
    Segmenter::new().sentences(text).map(|s| &text[s]).collect()
}

/// Folds every run of white space into one space.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn golden_rules() {
    let Some(data) = read_shared("benchmarks/golden_rules_en.jsonl") else {
        return;
    };
    let data = String::from_utf8(data).expect("golden rules file is UTF-8");
    let seg = Segmenter::new();
    let mut cases = 0;
    let mut failed = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("golden rule is JSON");
        let id = case["id"].as_u64().expect("id");
        let text = case["text"].as_str().expect("text");
        let want: Vec<String> = case["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| fold(s.as_str().expect("sentence")))
            .filter(|s| !s.is_empty())
            .collect();
        let got: Vec<String> = seg.sentences(text).map(|s| fold(&text[s])).collect();
        cases += 1;
        if got != want {
            failed.push(format!("#{id}: got {got:?}, want {want:?}"));
        }
    }
    assert_eq!(cases, 52, "the golden rules file should hold 52 cases");
    assert!(
        failed.is_empty(),
        "{} of {cases} golden rules fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// Table tests: `name: input => [sentences…]`, each sentence exactly as it stands in the input.
macro_rules! cases {
    ($($name:ident: $text:expr => [$($want:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let text: &str = $text;
                let want: &[&str] = &[$($want),*];
                assert_eq!(split(text), want, "input: {text:?}");
                check_tiling(text, &Segmenter::new().split(text)).unwrap();
            }
        )*
    };
}

cases! {
    // PDF extraction: hard line wraps, wrapped lines starting with a space, justified spaces.
    pdf_wrap_before_capital:
        "An attack hit the plant at\nFordow on Monday. Officials said the damage was minor." =>
        ["An attack hit the plant at\nFordow on Monday.", "Officials said the damage was minor."];
    pdf_wrap_justified:
        "Officials  said  the  talks  would  resume  within  days  in  the  Austrian  capital\n Geneva  next  week. A  new  round  follows." =>
        ["Officials  said  the  talks  would  resume  within  days  in  the  Austrian  capital\n Geneva  next  week.",
         "A  new  round  follows."];
    pdf_wrap_long_lines_capital:
        "The envoys met in the capital and discussed the details of a deal with officials from\nBrussels and other capitals for many hours before they finally agreed on a\nstatement. Nobody expected it." =>
        ["The envoys met in the capital and discussed the details of a deal with officials from\nBrussels and other capitals for many hours before they finally agreed on a\nstatement.",
         "Nobody expected it."];
    pdf_dash_at_line_end:
        "The two sides –\nBoth under pressure – agreed to talk. Then they left." =>
        ["The two sides –\nBoth under pressure – agreed to talk.", "Then they left."];
    pdf_dash_at_line_start:
        "The delegation, led by the deputy minister of a large and important country\n– Arrived late. Nobody waited." =>
        ["The delegation, led by the deputy minister of a large and important country\n– Arrived late.", "Nobody waited."];
    pdf_hyphenated_wrap:
        "The group was re-\nintegrated into society. It stayed." =>
        ["The group was re-\nintegrated into society.", "It stayed."];
    pdf_page_debris:
        " ***\n\nThe first part ends here.\n\n*\n the second part goes on.\n12\nA third part.\n\n- 3 -\n" =>
        ["The first part ends here.", "the second part goes on.", "A third part."];
    pdf_page_number_of:
        "The war ended in 1988.\nPage 4 of 12\nTalks began later." =>
        ["The war ended in 1988.", "Talks began later."];

    // Headings, bylines and short lines.
    heading_then_blank_line:
        "Exile groups\n\nThe groups met in Paris." => ["Exile groups", "The groups met in Paris."];
    byline_in_capitals:
        "The talks ended.\n\nJANE DOE\n\nJane Doe is a writer." =>
        ["The talks ended.", "JANE DOE", "Jane Doe is a writer."];
    heading_then_single_line_feed:
        "Monarchist factions\nThe factions met on Friday in a hotel outside the city and agreed on a joint statement." =>
        ["Monarchist factions",
         "The factions met on Friday in a hotel outside the city and agreed on a joint statement."];
    title_line_blank_line_body:
        "Markets fall on rate fears\n\nShares fell on Monday. Bonds rose." =>
        ["Markets fall on rate fears", "Shares fell on Monday.", "Bonds rose."];
    lowercase_line_after_period:
        "We were told nothing.\nby Jane Doe" => ["We were told nothing.", "by Jane Doe"];
    list_of_short_lines:
        "Related posts\nA message for the new year\nThe gratitude of the society" =>
        ["Related posts", "A message for the new year", "The gratitude of the society"];
    short_lines_ending_in_function_word:
        "You may also like\nLeave a Comment" => ["You may also like", "Leave a Comment"];

    // Brackets and quotes.
    bracketed_sentence:
        "The fund pays for ads. (The group is financed largely by donors abroad.) It would be easy to stop." =>
        ["The fund pays for ads.", "(The group is financed largely by donors abroad.)", "It would be easy to stop."];
    bracket_inside_sentence:
        "He worked there (he said so himself.) for years." => ["He worked there (he said so himself.) for years."];
    question_in_curly_quotes:
        "So the question is, ‘why is the group still here in 2022?’ It’s not because it is popular." =>
        ["So the question is, ‘why is the group still here in 2022?’", "It’s not because it is popular."];
    quote_then_attribution:
        "“The group pays speakers well. The source of the money is unclear, experts say,” said Jane Roe, a researcher." =>
        ["“The group pays speakers well.",
         "The source of the money is unclear, experts say,” said Jane Roe, a researcher."];
    period_quote_lowercase_attribution:
        "“It is a mistake.” the analyst wrote. She left." => ["“It is a mistake.” the analyst wrote.", "She left."];
    question_quote_lowercase_attribution:
        "“Why now?” he asked. Nobody knew." => ["“Why now?” he asked.", "Nobody knew."];
    quote_ends_sentence:
        "She called it “slavery”. There is no doubt about it." =>
        ["She called it “slavery”.", "There is no doubt about it."];
    opening_quote_starts_sentence:
        "He spoke first. “We will not stop,” he said." => ["He spoke first.", "“We will not stop,” he said."];
    bracketed_acronym_runs_on:
        "He signed the Joint Plan. (JPA) that expired in 2020." => ["He signed the Joint Plan. (JPA) that expired in 2020."];

    // Abbreviations and initials.
    us_in_sentence: "She moved to the U.S. in 2019 and stayed." => ["She moved to the U.S. in 2019 and stayed."];
    us_before_noun: "The U.S. Government denied it." => ["The U.S. Government denied it."];
    us_at_end: "They visited the U.S. The trip was long." => ["They visited the U.S.", "The trip was long."];
    dc_at_end:
        "He lives in Washington, DC. At night he writes." => ["He lives in Washington, DC.", "At night he writes."];
    acronym_at_end: "The deal is under review by the SEC. The firm said so." =>
        ["The deal is under review by the SEC.", "The firm said so."];
    titles: "Gen. Smith met Dr. Jones and Mr. Brown at St. Paul's." =>
        ["Gen. Smith met Dr. Jones and Mr. Brown at St. Paul's."];
    company_at_end: "He joined Acme Inc. It was 2001." => ["He joined Acme Inc.", "It was 2001."];
    company_mid_sentence: "Acme Inc. shares rose." => ["Acme Inc. shares rose."];
    month_before_day: "It opened on Jan. 5 and closed on Sept. 30. Few came." =>
        ["It opened on Jan. 5 and closed on Sept. 30.", "Few came."];
    number_prefix: "See No. 10 and p. 55 of the report." => ["See No. 10 and p. 55 of the report."];
    versus: "It was Spain vs. Italy. Italy won." => ["It was Spain vs. Italy.", "Italy won."];
    middle_initial: "John F. Kennedy was president." => ["John F. Kennedy was president."];
    several_initials: "J. R. R. Tolkien wrote it. He was English." => ["J. R. R. Tolkien wrote it.", "He was English."];
    initial_after_lowercase: "The author is J. K. Rowling. She lives in Scotland." =>
        ["The author is J. K. Rowling.", "She lives in Scotland."];
    pronoun_i_at_end: "It was you and I. Then we left." => ["It was you and I.", "Then we left."];
    letter_after_quote: "It was like Cell Block H.\" Labour denied it." => ["It was like Cell Block H.\"", "Labour denied it."];

    // Times of day.
    time_then_clause: "The vote closes at 8 p.m. Results follow at 10 p.m. GMT on Monday." =>
        ["The vote closes at 8 p.m.", "Results follow at 10 p.m. GMT on Monday."];
    time_intro_phrase: "By 9 a.m. Police had sealed the area. At noon Mr. Lee spoke." =>
        ["By 9 a.m. Police had sealed the area.", "At noon Mr. Lee spoke."];
    time_before_weekday: "It starts at 9 a.m. Monday in the hall." => ["It starts at 9 a.m. Monday in the hall."];
    time_before_zone_word: "It ends at 6 p.m. Tehran time tomorrow." => ["It ends at 6 p.m. Tehran time tomorrow."];

    // Numbers.
    decimals: "Prices rose 1.5 percent. Wages fell 0.3 percent." => ["Prices rose 1.5 percent.", "Wages fell 0.3 percent."];
    money_at_end: "He paid $9.50. It was cheap." => ["He paid $9.50.", "It was cheap."];
    number_then_digit: "The total was 40. 12 more came later." => ["The total was 40.", "12 more came later."];

    // Ellipses.
    ellipsis_lowercase: "He paused... then spoke." => ["He paused... then spoke."];
    ellipsis_before_starter: "It was late... There was no answer." => ["It was late...", "There was no answer."];
    ellipsis_in_title: "They watched Love Will Tear Us Apart... Again on TV." => ["They watched Love Will Tear Us Apart... Again on TV."];
    unicode_ellipsis: "It was late… There was no answer." => ["It was late…", "There was no answer."];

    // Lists.
    numbered_inline: "1. Cut costs 2. Raise taxes 3. Wait" => ["1. Cut costs", "2. Raise taxes", "3. Wait"];
    numbered_lines: "Agenda\n1. Budget\n2. Staff" => ["Agenda", "1. Budget", "2. Staff"];
    bulleted_lines: "The plan:\n• First point\n• Second point" => ["The plan:", "• First point", "• Second point"];
    lettered_parens: "(a) the budget (b) the staff" => ["(a) the budget", "(b) the staff"];
    dash_items: "- first item\n- second item" => ["- first item", "- second item"];
    dash_items_after_colon: "The plan has two parts:\n- cut costs\n- raise taxes" =>
        ["The plan has two parts:", "- cut costs", "- raise taxes"];
    street_at_end: "They met on Main St. The talks went well. St. Paul's was near." =>
        ["They met on Main St.", "The talks went well.", "St. Paul's was near."];

    // URLs, e-mail addresses, glued sentences.
    url_at_end: "Read more at https://example.org/a.b?c=d. Then comment." =>
        ["Read more at https://example.org/a.b?c=d.", "Then comment."];
    url_with_capitals: "Docs at https://example.org/Guide.Intro.html. Read them." =>
        ["Docs at https://example.org/Guide.Intro.html.", "Read them."];
    email_at_end: "Write to press.office@example.org. We reply fast." =>
        ["Write to press.office@example.org.", "We reply fast."];
    glued_sentences: "It ended.Then it began." => ["It ended.", "Then it began."];
    glued_opening_quote: "He arrived.\"It's loud,\" he said." => ["He arrived.", "\"It's loud,\" he said."];
    glued_closing_quote: "He said \"never.\"Then he left." => ["He said \"never.\"", "Then he left."];
    footnote_number: "The group was founded in 1965.12 It moved later." =>
        ["The group was founded in 1965.12 It moved later."];
    footnote_after_word: "The group was banned.12 It moved later." => ["The group was banned.12", "It moved later."];
    footnote_superscript: "The group was banned.¹ It moved later." => ["The group was banned.¹", "It moved later."];
    footnote_bracket: "The group was banned.[3] It moved later." => ["The group was banned.[3]", "It moved later."];
    glued_blocks: "A list of media outfitsJane Roe is a journalist." =>
        ["A list of media outfits", "Jane Roe is a journalist."];
    glued_fragment_at_start: "It ended.\n\nfragIran, Iraq and Syria met." =>
        ["It ended.", "fragIran, Iraq and Syria met."];
    lost_space_not_a_break: "He was born ofTexas parents and owns an iPhone and a PayPal account." =>
        ["He was born ofTexas parents and owns an iPhone and a PayPal account."];
    glued_abbreviation: "It was Mr.Smith who came." => ["It was Mr.Smith who came."];
    exclamation_in_name: "She works at Yahoo! in London." => ["She works at Yahoo! in London."];
}

/// Checks the span invariants: in order, non-overlapping, non-empty, on character boundaries,
/// trimmed, and covering every non-white-space character except those on page-debris lines.
fn check_tiling(text: &str, spans: &[Span]) -> Result<(), String> {
    let mut prev = 0;
    for (k, s) in spans.iter().enumerate() {
        if s.start < prev || s.end <= s.start || s.end > text.len() {
            return Err(format!(
                "span {k} {s:?} out of order or empty (previous end {prev})"
            ));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("span {k} {s:?} not on character boundaries"));
        }
        let t = &text[*s];
        if t.trim() != t {
            return Err(format!("span {k} {s:?} not trimmed: {t:?}"));
        }
        check_gap(text, prev, s.start)?;
        prev = s.end;
    }
    check_gap(text, prev, text.len())
}

/// Every non-white-space character in `text[a..b]` lies on a whole line inside the gap that
/// looks like page debris (rule marks or a page number).
fn check_gap(text: &str, a: usize, b: usize) -> Result<(), String> {
    for (off, c) in text[a..b].char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let p = a + off;
        let ls = text[..p].rfind('\n').map_or(0, |i| i + 1);
        let le = text[p..].find('\n').map_or(text.len(), |i| p + i);
        let line = text[ls..le].trim();
        let debris = line.len() <= 40
            && line.chars().all(|c| {
                c.is_whitespace()
                    || c.is_ascii_digit()
                    || "*_=~#·-–—|[]()/".contains(c)
                    || "pageofPAGEOF".contains(c)
            });
        if ls < a || le > b || !debris {
            return Err(format!(
                "byte {p} ({c:?}) belongs to no sentence; its line is {line:?}"
            ));
        }
    }
    Ok(())
}

/// Segments `text` every way the API allows, checks that they agree, and checks the tiling.
fn check_all_ways(text: &str) {
    let seg = Segmenter::new();
    let spans = seg.split(text);
    let protected = protected_spans(text);
    let mut out = vec![Span::new(0, 0)];
    seg.split_into(text, &protected, &mut out);
    assert_eq!(&out[1..], &spans[..], "split_into differs on {text:?}");
    let it: Vec<Span> = seg.sentences_protected(text, &protected).collect();
    assert_eq!(it, spans, "sentences_protected differs on {text:?}");
    if let Err(e) = check_tiling(text, &spans) {
        panic!("{e}\ninput: {text:?}\nspans: {spans:?}");
    }
}

/// A tiny deterministic PRNG (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces of text that exercise the rules: punctuation, quotes, brackets, line feeds,
/// capitals, digits, abbreviations, bullets, debris marks, URLs and multi-byte characters.
const PIECES: &[&str] = &[
    ".",
    ".",
    "?",
    "!",
    "\"",
    "'",
    "”",
    "’",
    "“",
    "‘",
    ")",
    "(",
    "[",
    "]",
    "\n",
    "\n",
    "\n\n",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{2009}",
    "A",
    "B",
    "I",
    "The",
    "Mr",
    "U.S.",
    "p.m.",
    "a",
    "b",
    "the",
    "at",
    "word",
    "1",
    "2",
    "10",
    "1.",
    "2)",
    "a.",
    "é",
    "É",
    "日本",
    "…",
    "•",
    "⁃",
    "—",
    "–",
    "-",
    "*",
    "***",
    ",",
    ":",
    ";",
    "https://x.io/a.b",
    "e@x.com",
    "www.x.org",
    "Page 3",
    "\u{2029}",
    "\u{f0b7}",
    "N°",
    "$",
    "...",
    ". . .",
];

#[test]
fn random_strings_tile_and_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::new();
    for round in 0..20_000 {
        text.clear();
        // Mostly short texts; every tenth a long one, for paragraphs of many lines.
        let n = if round % 10 == 0 {
            rng.below(300)
        } else {
            rng.below(30)
        };
        for _ in 0..n {
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
        check_all_ways(&text);
    }
}

#[test]
fn random_characters_tile_and_never_panic() {
    // Single characters rather than pieces: every boundary between them is tried.
    let chars: Vec<char> = PIECES.iter().flat_map(|p| p.chars()).collect();
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    let mut text = String::new();
    for _ in 0..20_000 {
        text.clear();
        for _ in 0..rng.below(40) {
            text.push(chars[rng.below(chars.len())]);
        }
        check_all_ways(&text);
    }
}

#[test]
fn golden_prefixes_and_suffixes_tile() {
    let Some(data) = read_shared("benchmarks/golden_rules_en.jsonl") else {
        return;
    };
    let data = String::from_utf8(data).expect("golden rules file is UTF-8");
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("golden rule is JSON");
        let text = case["text"].as_str().expect("text");
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            check_all_ways(&text[..i]);
            check_all_ways(&text[i..]);
        }
    }
}

#[test]
fn corpus_texts_tile() {
    for name in [
        "corpus/000_c0bcf57858717042.txt",
        "corpus/001_379f5ca31b9ceb8a.txt",
        "corpus/003_b55ec0f7405d3b4a.txt",
        "corpus/004_7bfd5cad228e3d8d.txt",
        "corpus/news/bbc.txt",
    ] {
        let Some(data) = read_shared(name) else {
            return;
        };
        let text = String::from_utf8(data).expect("corpus text is UTF-8");
        check_all_ways(&text);
    }
}

/// The PDF extraction: no sentence spans a blank line or contains the page-debris lines, and
/// every sentence either ends with sentence punctuation or is followed by a blank line (a
/// line break inside a wrapped paragraph never ends a sentence early).
#[test]
fn pdf_extraction_sentences() {
    let Some(data) = read_shared("corpus/000_c0bcf57858717042.txt") else {
        return;
    };
    let text = String::from_utf8(data).expect("corpus text is UTF-8");
    let spans = Segmenter::new().split(&text);
    assert!(spans.len() > 20);
    for s in &spans {
        let t = &text.as_str()[*s];
        assert!(!t.contains("\n\n") && !t.contains("*"), "{t:?}");
        let rest = &text[s.end..];
        let blank_follows = rest.trim_start_matches([' ', '\t']).starts_with("\n\n")
            || rest.trim_start_matches([' ', '\t']).starts_with("\n \n")
            || rest.trim().is_empty();
        let punct = t
            .trim_end_matches(['’', '”', '"', '\'', ')'])
            .ends_with(['.', '?', '!']);
        assert!(punct || blank_follows, "sentence ends mid-paragraph: {t:?}");
    }
}

/// The news corpus: titles (a line before a blank line) are sentences of their own, and no
/// sentence spans a blank line.
#[test]
fn news_titles_are_sentences() {
    let Some(data) = read_shared("corpus/news/bbc.txt") else {
        return;
    };
    let text = String::from_utf8(data).expect("corpus text is UTF-8");
    let text = &text[..text.len().min(200_000)];
    let text = &text[..text.rfind("\n\n").unwrap_or(text.len())];
    let spans = Segmenter::new().split(text);
    for s in &spans {
        assert!(!text[*s].contains("\n\n"), "{:?}", &text[*s]);
    }
    // Every article opens with its title line.
    let starts: std::collections::HashSet<usize> = spans.iter().map(|s| s.start).collect();
    let mut at = 0;
    for block in text.split("\n\n") {
        let title = block.len() < 100
            && !block.trim_end().ends_with(['.', '?', '!', '"', ':'])
            && !block.contains('\n');
        if title && !block.trim().is_empty() {
            assert!(
                starts.contains(&at),
                "title not a sentence start: {block:?}"
            );
            assert!(
                spans
                    .iter()
                    .any(|s| s.start == at && s.end == at + block.trim_end().len()),
                "{block:?}"
            );
        }
        at += block.len() + 2;
    }
}

#[test]
fn empty_and_blank_texts() {
    for text in ["", " ", "\n\n\n", "\t \u{a0}\u{3000}", "***", "12", "\n*\n"] {
        assert!(split(text).is_empty(), "{text:?}");
    }
    assert_eq!(split("Hello"), ["Hello"]);
    assert_eq!(split("  Hello.  "), ["Hello."]);
}

#[test]
fn iterator_is_lazy_and_fused() {
    let text = "One. Two. Three.";
    let mut it: Sentences<'_> = Segmenter::new().sentences(text);
    assert_eq!(it.next().map(|s| &text[s]), Some("One."));
    assert_eq!(it.by_ref().count(), 2);
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None);
}

#[test]
fn types_are_thread_safe() {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<Segmenter>();
    assert_all::<Sentences<'static>>();
}
