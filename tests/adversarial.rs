//! Linear time on hostile input: huge lines, runs of digits, `$` signs, dots, nested tags,
//! an alias repeated a million times, binary files.
//!
//! These are not timing tests against a clock: each case times the same work at a size
//! `n` and at `4n`, in the same test, and requires the ratio to stay well under the 16 of
//! a quadratic cost (a linear cost gives about 4). The sizes grow until the small run
//! takes long enough to measure; each time is the best of three, interleaved, so that a
//! busy machine slows both alike. Debug builds use smaller inputs than release builds.

use std::hint::black_box;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use claimscan::input::{Format, Lossy, documents};
use claimscan::{Extractor, Gazetteer};

use crate::invariants::small_extractor;

static BUILTIN: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static SMALL: LazyLock<Extractor> = LazyLock::new(small_extractor);

/// The largest input built for a case, in bytes, and the time the small run should take.
#[cfg(debug_assertions)]
const LIMIT: usize = 4 << 20;
#[cfg(not(debug_assertions))]
const LIMIT: usize = 64 << 20;
const MIN_TIME: Duration = Duration::from_millis(5);
/// The largest ratio of the time at `4n` to the time at `n` that passes.
const MAX_RATIO: f64 = 9.0;

fn best_of(times: &[Duration]) -> Duration {
    times.iter().copied().min().unwrap_or_default()
}

fn time(f: &dyn Fn()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Checks that `run(make(4n))` costs about four times `run(make(n))`, for an `n` large
/// enough to measure: from `n0` units in release builds (so that `4n` is the size the case
/// names) and from `n0 / 64` in debug builds, `make` giving about `unit` bytes per unit.
///
/// A ratio over the bound is measured again at twice the size, up to three times: a
/// machine busy with other work may slow one measurement, but a cost that grows faster
/// than the input fails every time.
fn linear<T>(name: &str, n0: usize, unit: usize, make: impl Fn(usize) -> T, run: impl Fn(&T)) {
    // One case at a time: the cases do not compete with each other for the processor.
    static SERIAL: Mutex<()> = Mutex::new(());
    let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // Release builds start at the sizes named in the tests; debug builds far lower.
    let mut n = if cfg!(debug_assertions) { n0 / 64 } else { n0 }.max(1);
    // Grow n until the small run is measurable, staying within the size limit.
    loop {
        let input = make(n);
        let t = time(&|| run(&input)).min(time(&|| run(&input)));
        if t >= MIN_TIME || (n * 8) * unit > LIMIT {
            break;
        }
        n *= 2;
    }
    let mut tries = Vec::new();
    for _ in 0..3 {
        let (small, large) = (make(n), make(4 * n));
        let mut ts = Vec::new();
        let mut tl = Vec::new();
        for _ in 0..3 {
            ts.push(time(&|| run(&small)));
            tl.push(time(&|| run(&large)));
        }
        let (ts, tl) = (best_of(&ts), best_of(&tl));
        let ratio = tl.as_secs_f64() / ts.as_secs_f64().max(1e-6);
        eprintln!(
            "{name}: n={n} ({} bytes): {ts:?}, 4n: {tl:?}, ratio {ratio:.1}",
            n * unit
        );
        if ratio < MAX_RATIO || tl < Duration::from_millis(2) {
            return;
        }
        tries.push(format!("{ts:?} -> {tl:?} ({ratio:.1}x) at n={n}"));
        if (n * 8) * unit <= LIMIT * 2 {
            n *= 2;
        }
    }
    panic!("{name}: 4x the input took more than {MAX_RATIO}x the time: {tries:?}");
}

fn extract_all(extractor: &Extractor, text: &str) {
    let doc = extractor.extract(black_box(text));
    black_box((doc.sentences.len(), doc.mentions.len(), doc.claims.len()));
}

/// Decodes `bytes` (lossily) as `format` and extracts every document.
fn decode_extract(bytes: &[u8], format: Format) {
    let lossy = Lossy::new(bytes);
    for d in lossy.documents(format) {
        match d {
            Ok(d) => {
                let doc = SMALL.extract_input(d.input(None));
                black_box(doc.claims.len());
            }
            Err(e) => {
                black_box(e);
                break;
            }
        }
    }
}

/// Text: `piece` repeated `n` times, through both extractors.
fn repeated(name: &str, piece: &str, n0: usize) {
    linear(
        name,
        n0,
        piece.len(),
        |n| piece.repeat(n),
        |t| {
            extract_all(&SMALL, t);
            extract_all(&BUILTIN, t);
        },
    );
}

#[test]
fn one_huge_line() {
    // Prose with no line break, and one sentence with no end at all.
    repeated(
        "line of sentences",
        "The MEK paid $5 million to Iran on 3 May 2020, and officials said 40 people died. ",
        6000,
    );
    repeated(
        "line with no sentence end",
        "the MEK paid $5 million to Iran on 3 May 2020 and officials said 40 people died and ",
        6000,
    );
}

/// One 50 MB line, in release builds only (a debug build takes minutes over it): it is
/// read in a time proportional to a 12.5 MB one.
#[cfg(not(debug_assertions))]
#[test]
fn fifty_megabyte_line() {
    let piece =
        "The MEK paid $5 million to Iran on 3 May 2020, and officials said 40 people died; ";
    let make = |bytes: usize| piece.repeat(bytes / piece.len());
    let (small, large) = (make(50 << 20 >> 2), make(50 << 20));
    let ts = time(&|| extract_all(&BUILTIN, &small));
    let tl = time(&|| extract_all(&BUILTIN, &large));
    let ratio = tl.as_secs_f64() / ts.as_secs_f64();
    eprintln!("50 MB line: 12.5 MB {ts:?}, 50 MB {tl:?}, ratio {ratio:.1}");
    assert!(ratio < MAX_RATIO, "50 MB line: ratio {ratio:.1}");
}

#[test]
fn digits() {
    repeated("1 MB of digits", "1234567890", 26_000);
    repeated("numbers", "12 ", 20_000);
    repeated("1 MB of 1,000,000,000,…", "1,000,000,000,", 18_000);
    repeated("grouped numbers", "1,000 ", 20_000);
    repeated("decimals", "1.2", 50_000);
    repeated("number words", "two hundred and ", 10_000);
}

#[test]
fn dollar_signs() {
    repeated("100,000 dollar signs", "$", 25_000);
    repeated("spaced dollar signs", "$ ", 25_000);
    repeated("sums", "$1 ", 25_000);
    repeated("sums in millions", "$1 million and ", 5000);
    repeated("sum ranges", "$1-", 25_000);
    repeated("sum ranges that merge", "$1-$2 ", 12_000);
    repeated("sums between", "between $1 and $2 and ", 4000);
    repeated("currency codes", "USD 5 ", 10_000);
    repeated("glued codes", "USD", 25_000);
}

#[test]
fn figures_in_one_sentence() {
    repeated("percentages", "5% ", 25_000);
    repeated("percentage ranges", "5%-6% ", 12_000);
    repeated("casualties", "5 killed ", 10_000);
    repeated("counts", "5 people ", 10_000);
    repeated("durations", "5 years ", 10_000);
    repeated("ranges", "between 5 and ", 5000);
    repeated("conjoined casualties", "and 5 ", 10_000);
}

#[test]
fn dots_and_words() {
    repeated("1 MB of dots", ".", 250_000);
    repeated("spaced dots", ". ", 125_000);
    repeated("ellipses", "…", 80_000);
    repeated("1 MB word", "a", 250_000);
    repeated("long capitalised word", "Ab", 125_000);
    repeated("abbreviations", "Mr. ", 60_000);
    repeated("initials", "A. ", 80_000);
    repeated("list markers", "1. a ", 50_000);
    repeated("lines", "a\n", 125_000);
    repeated("short capitalised lines", "Word\n", 50_000);
    repeated("page debris", "\n12\n", 60_000);
}

#[test]
fn urls() {
    repeated("one long URL", "http://a.b/", 25_000);
    repeated("www run", "www.", 60_000);
    repeated("URLs", "http://a.b ", 25_000);
    repeated("e-mail-like", "a@", 125_000);
}

#[test]
fn alias_repeated_a_million_times() {
    // 250,000 then 1,000,000 times (release builds).
    let n0 = 250_000;
    repeated("alias", "MEK ", n0);
    repeated("glued alias", "MEK", n0);
    repeated("hyphenated alias", "MEK-", n0);
    repeated("shared short form", "Rajavi ", n0 / 2);
    repeated("full names", "Maryam Rajavi ", n0 / 4);
}

#[test]
fn many_entities_in_one_sentence() {
    // Every built-in name, over and over, in one sentence.
    let names: Vec<&str> = Gazetteer::builtin()
        .entities()
        .iter()
        .map(|e| e.name())
        .collect();
    let piece = names.join(" and ") + " and ";
    linear(
        "all built-in names",
        64,
        piece.len(),
        |n| piece.repeat(n),
        |t| extract_all(&BUILTIN, t),
    );
}

#[test]
fn gazetteer_with_an_alias_repeated() {
    // One entity writing the same alias n times, and n entities sharing one alias.
    linear(
        "alias written n times",
        250_000,
        4,
        |n| {
            format!(
                "id\ttype\tname\taliases\nmek\torganisation\tMEK\t{}\n",
                "MEK|".repeat(n)
            )
        },
        |tsv| {
            let gaz = Gazetteer::from_tsv("g.tsv", tsv).unwrap();
            let x = Extractor::builder()
                .builtin(false)
                .gazetteer(gaz)
                .build()
                .unwrap();
            extract_all(&x, "The MEK said.");
        },
    );
    linear(
        "alias shared by n entities",
        50_000,
        20,
        |n| {
            let mut tsv = String::from("id\ttype\tname\taliases\n");
            for i in 0..n {
                tsv.push_str(&format!("e{i}\tperson\tName {i}\tSmith\n"));
            }
            tsv
        },
        |tsv| {
            let gaz = Gazetteer::from_tsv("g.tsv", tsv).unwrap();
            let x = Extractor::builder()
                .builtin(false)
                .gazetteer(gaz)
                .build()
                .unwrap();
            extract_all(&x, "Smith and Smith met Smith.");
        },
    );
}

#[test]
fn longest_alias_against_its_own_prefix() {
    // The longest alias accepted (99 words of `a`, then `b`), against text that matches
    // all but its end from every word: bounded work per word, so linear.
    let alias = "a ".repeat(99) + "b";
    assert_eq!(alias.len(), 199);
    let tsv = format!("id\ttype\tname\taliases\nx\tplace\tX\t{alias}\n");
    let gaz = Gazetteer::from_tsv("g.tsv", &tsv).unwrap();
    let x = Extractor::builder()
        .builtin(false)
        .gazetteer(gaz)
        .build()
        .unwrap();
    linear(
        "longest alias",
        25_000,
        2,
        |n| "a ".repeat(n),
        |t| extract_all(&x, t),
    );
    // A longer one is refused when loading.
    let tsv = format!("id\ttype\tname\taliases\nx\tplace\tX\ta {alias}\n");
    let e = Gazetteer::from_tsv("g.tsv", &tsv).unwrap_err();
    assert!(e.to_string().contains("too long"), "{e}");
}

#[test]
fn nested_tags() {
    // 10,000 nested tags and more, as an HTML page and inside a feed item.
    let n0 = 2500;
    linear(
        "nested tags (HTML)",
        n0,
        5,
        |n| "<div>".repeat(n) + "Iran paid $5m.",
        |p| decode_extract(p.as_bytes(), Format::Html),
    );
    linear(
        "nested tags, closed (HTML)",
        n0,
        11,
        |n| format!("{}Iran paid $5m.{}", "<div>".repeat(n), "</div>".repeat(n)),
        |p| decode_extract(p.as_bytes(), Format::Html),
    );
    linear(
        "unclosed tags (HTML)",
        n0,
        3,
        |n| "<b ".repeat(n),
        |p| decode_extract(p.as_bytes(), Format::Html),
    );
    linear(
        "open comments (HTML)",
        n0,
        4,
        |n| "<!--".repeat(n),
        |p| decode_extract(p.as_bytes(), Format::Html),
    );
    linear(
        "nested tags (feed, CDATA)",
        n0,
        5,
        |n| {
            format!(
                "<rss><channel><item><description><![CDATA[{}Iran paid $5m.]]></description></item></channel></rss>",
                "<div>".repeat(n)
            )
        },
        |f| decode_extract(f.as_bytes(), Format::Rss),
    );
    linear(
        "nested elements (feed)",
        n0,
        11,
        |n| {
            format!(
                "<rss><channel><item><description>{}Iran paid $5m.{}</description></item></channel></rss>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )
        },
        |f| decode_extract(f.as_bytes(), Format::Rss),
    );
    linear(
        "escaped tags (feed)",
        n0,
        11,
        |n| {
            format!(
                "<rss><channel><item><description>{}Iran&amp;#8217;s</description></item></channel></rss>",
                "&lt;p&gt;x".repeat(n)
            )
        },
        |f| decode_extract(f.as_bytes(), Format::Rss),
    );
    linear(
        "many items (feed)",
        10_000,
        60,
        |n| {
            format!(
                "<rss><channel>{}</channel></rss>",
                "<item><title>Iran</title><description>$5m</description></item>".repeat(n)
            )
        },
        |f| decode_extract(f.as_bytes(), Format::Rss),
    );
}

#[test]
fn binary_files() {
    // Pseudo-random bytes (a fixed linear congruential sequence), read lossily.
    let bytes = |n: usize| {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 56) as u8
            })
            .collect::<Vec<u8>>()
    };
    for format in [Format::Auto, Format::Text, Format::Html, Format::Rss] {
        linear(
            &format!("random bytes ({format:?})"),
            250_000,
            1,
            bytes,
            |b| decode_extract(b, format),
        );
    }
    // Strictly, they fail at once.
    let b = bytes(1 << 16);
    let t = Instant::now();
    for d in documents(&b, Format::Text) {
        assert!(d.is_err());
    }
    assert!(t.elapsed() < Duration::from_secs(1));
}
