//! JSON output without serde: the pieces of [`Document::write_json`](crate::Document::write_json).
//!
//! The output must be byte for byte what `serde_json::to_writer` gives for the same
//! document (compact form, keys in the order of the `Serialize` impls), so every piece
//! here follows serde_json's own choices:
//!
//! - strings: `"` and `\` are escaped with a backslash; the control characters U+0000 to
//!   U+001F are written `\b`, `\t`, `\n`, `\f`, `\r` or else `\u00xx` (lowercase hex);
//!   everything else, U+007F, U+2028 and all non-ASCII text included, is copied as is;
//! - integers: plain decimal ([`itoa`], the formatter serde_json itself uses);
//! - a number that is not an integer of `i64` range goes out as serde_json writes its
//!   nearest `f64` (rare: fractions such as `66.67`), by serde_json itself;
//! - dates: their ISO 8601 text, which never holds a character to escape.
//!
//! Speed comes from copying instead of calling: a string is scanned eight bytes at a
//! time for the three kinds of byte that need escaping, and each clean run between them
//! is copied whole; the keys and punctuation around the values are constant byte
//! strings written with one copy each.

use std::io::Write;

use crate::claims::{Date, Number, Outcome, Qualifier, Value, YearGrain};

use crate::swar::{HIGH, ONES};

/// Bit 7 of byte `j` set where byte `j` of `w` may need escaping: a control character
/// (below 0x20), `"` or `\`.
///
/// The lowest set bit always marks a byte that does need escaping; bits above it may be
/// false (a borrow out of a matching byte can flag the byte above it), so callers use only
/// the lowest one and scan on from the byte after it.
#[inline(always)]
fn escape_mask(w: u64) -> u64 {
    // A byte below 0x20 borrows when 0x20 is taken from it; the `!w` term drops bytes
    // of 0x80 and above, whose high bit is set already.
    let control = w.wrapping_sub(0x20 * ONES) & !w;
    let q = w ^ (u64::from(b'"') * ONES);
    let quote = q.wrapping_sub(ONES) & !q;
    let b = w ^ (u64::from(b'\\') * ONES);
    let backslash = b.wrapping_sub(ONES) & !b;
    (control | quote | backslash) & HIGH
}

/// The index of the first byte at or after `i` that needs escaping, if any.
#[inline]
fn next_escape(bytes: &[u8], mut i: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let m = escape_mask(u64::from_le_bytes(*chunk));
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    // Fewer than eight bytes left: pad them with spaces, which never need escaping (and
    // a false mark in the padding can only sit above a true one).
    let rest = bytes.get(i..)?;
    if rest.is_empty() {
        return None;
    }
    let mut word = [b' '; 8];
    word[..rest.len()].copy_from_slice(rest);
    let m = escape_mask(u64::from_le_bytes(word));
    (m != 0).then(|| i + (m.trailing_zeros() / 8) as usize)
}

/// Lowercase hex digits, as serde_json writes `\u00xx`.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` as a JSON string, quoted and escaped.
pub(crate) fn str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut clean = 0;
    while let Some(j) = next_escape(bytes, clean) {
        out.extend_from_slice(&bytes[clean..j]);
        let b = bytes[j];
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0C => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            _ => 0,
        };
        if short != 0 {
            out.extend_from_slice(&[b'\\', short]);
        } else {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]);
        }
        clean = j + 1;
    }
    out.extend_from_slice(&bytes[clean..]);
    out.push(b'"');
}

/// Appends a string or `null`.
#[inline]
pub(crate) fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Appends an unsigned integer.
#[inline]
pub(crate) fn uint(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Appends a claim value, or `null`.
pub(crate) fn opt_value(out: &mut Vec<u8>, v: Option<&Value>) {
    match v {
        None => out.extend_from_slice(b"null"),
        Some(Value::Number(n)) => number(out, n),
        Some(Value::Date(d)) => date(out, d),
    }
}

/// Appends a number as its `Serialize` impl gives it: an integer of `i64` range as one,
/// anything else as its nearest `f64`.
pub(crate) fn number(out: &mut Vec<u8>, n: &Number) {
    if let Some(i) = n.to_i64() {
        out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
    } else if serde_json::to_writer(&mut *out, &n.to_f64()).is_err() {
        // Writing to memory cannot fail; were it to, the value would still be valid JSON.
        out.extend_from_slice(b"null");
    }
}

/// Appends a date as a JSON string: its ISO 8601 text (digits, `X`, `-`, `:`, `+` and
/// the capitals of the TIMEX parts; nothing to escape).
pub(crate) fn date(out: &mut Vec<u8>, d: &Date) {
    out.push(b'"');
    let year = match (d.year_value(), d.grain()) {
        (None, _) => Some(None),
        (Some(y), YearGrain::Year) => u16::try_from(y).ok().filter(|&y| y <= 9999).map(Some),
        _ => None,
    };
    match year {
        // The common forms (`1997`, `2021-05`, `1981-08-30`, `XXXX-10-02`) digit by digit.
        Some(year) if d.part().is_none() && d.time().is_none() => {
            match year {
                Some(y) => {
                    out.extend_from_slice(&[digit(y / 1000), digit(y / 100), digit(y / 10)]);
                    out.push(digit(y));
                }
                None => out.extend_from_slice(b"XXXX"),
            }
            if let Some(m) = d.month() {
                out.extend_from_slice(&[b'-', digit(u16::from(m) / 10), digit(u16::from(m))]);
                if let Some(day) = d.day() {
                    let day = u16::from(day);
                    out.extend_from_slice(&[b'-', digit(day / 10), digit(day)]);
                }
            }
        }
        // Decades, centuries, parts of years, times and years outside 0–9999: as
        // `Display` writes them (writing to memory cannot fail).
        _ => {
            let _ = write!(out, "{d}");
        }
    }
    out.push(b'"');
}

/// The ASCII digit of the units of `n`.
#[inline(always)]
fn digit(n: u16) -> u8 {
    b'0' + (n % 10) as u8
}

/// The qualifier as serde writes it (snake case).
pub(crate) fn qualifier(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Approximately => "approximately",
        Qualifier::AtLeast => "at_least",
        Qualifier::MoreThan => "more_than",
        Qualifier::Nearly => "nearly",
        Qualifier::AtMost => "at_most",
        Qualifier::LessThan => "less_than",
    }
}

/// The outcome as serde writes it (snake case).
pub(crate) fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Killed => "killed",
        Outcome::Dead => "dead",
        Outcome::Wounded => "wounded",
        Outcome::Injured => "injured",
        Outcome::Executed => "executed",
        Outcome::Assassinated => "assassinated",
        Outcome::Missing => "missing",
    }
}

/// Appends `"word"` for a word known to need no escaping, or `null`.
#[inline]
pub(crate) fn opt_word(out: &mut Vec<u8>, w: Option<&str>) {
    match w {
        Some(w) => {
            out.push(b'"');
            out.extend_from_slice(w.as_bytes());
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{ClaimKind, Season, Time, YearPart};

    fn via_serde<T: serde::Serialize + ?Sized>(v: &T) -> String {
        serde_json::to_string(v).unwrap()
    }

    fn ours(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_escape_like_serde_json() {
        let long = "a".repeat(63) + "\"" + &"b".repeat(64) + "\\";
        let cases = [
            "",
            "a",
            "\"",
            "\\",
            "\u{0}",
            "\u{1f}",
            " ",
            "\u{7f}",
            "plain ASCII text of more than eight bytes",
            "tab\there, newline\nthere, cr\r, bell\u{7}, bs\u{8}, ff\u{c}",
            "quote \"at the end\"",
            "\"\"\"\"\"\"\"\"\"",
            "\\\\\\\\\\\\\\\\\\",
            "1234567\"",
            "12345678\"",
            "123456789\"",
            "Manëz, Tiranë — “quoted” ‘single’",
            "emoji 🎉 and U+2028 \u{2028} and U+2029 \u{2029}",
            "\u{80}\u{ff}\u{100}ÿ\u{a0}",
            "é\"é\\é\né",
            &long,
        ];
        for s in cases {
            assert_eq!(ours(|o| str(o, s)), via_serde(s), "{s:?}");
        }
        // Every single byte value as a one-character string, at every offset of a word.
        for c in (0u32..0x100).filter_map(char::from_u32) {
            for pad in 0..10 {
                let s = format!("{}{c}{}", "x".repeat(pad), "y".repeat(9 - pad));
                assert_eq!(ours(|o| str(o, &s)), via_serde(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn first_escape_found_at_block_edges() {
        let cases: &[(&[u8], usize, Option<usize>)] = &[
            (b"", 0, None),
            (b"abcdefgh", 0, None),
            (b"abcdefg\"", 0, Some(7)),
            (b"abcdefgh\"", 0, Some(8)),
            (b"\x1f\x20\x21", 0, Some(0)),
            (b"\x1f\x20\x21", 1, None),
            (b"\x00\x00", 1, Some(1)),
            (b"\xe2\x80\xa8\\", 0, Some(3)),
            (b"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\x7f", 0, None),
            // A borrow out of byte 0 would flag byte 1 (0x20): only byte 0 is reported.
            (b"\x1f\x20abcdef", 0, Some(0)),
            (b"\x1f\x20abcdef", 1, None),
            (b"\"#abcdefghij\\", 0, Some(0)),
            (b"\"#abcdefghij\\", 1, Some(12)),
        ];
        for &(bytes, from, want) in cases {
            assert_eq!(next_escape(bytes, from), want, "{bytes:?} from {from}");
        }
    }

    #[test]
    fn numbers_like_serde() {
        let cases = [
            Number::from(0),
            Number::from(17000),
            Number::from(-3),
            Number::from(i64::MAX),
            Number::from(i64::MIN),
            Number::new(i128::from(i64::MAX) + 1, 0),
            Number::new(i128::MAX, 0),
            Number::new(i128::MIN, 0),
            Number::new(5, 1),
            Number::new(6667, 2),
            Number::new(-15, 1),
            Number::new(1, 30),
            Number::new(123_456_789, 4),
        ];
        for n in cases {
            assert_eq!(ours(|o| number(o, &n)), via_serde(&n), "{n:?}");
        }
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(ours(|o| uint(o, n)), via_serde(&n));
        }
    }

    #[test]
    fn dates_like_serde() {
        let time = Time {
            hour: 9,
            minute: 46,
            second: Some(35),
            offset_minutes: Some(-330),
        };
        let cases = [
            Date::year(1997),
            Date::year(0),
            Date::year(7),
            Date::year(9999),
            Date::year(10000),
            Date::year(-5),
            Date::year_month(1992, 4).unwrap(),
            Date::ymd(1981, 8, 30).unwrap(),
            Date::ymd(2021, 12, 1).unwrap(),
            Date::decade(1980),
            Date::decade(-15),
            Date::century(1984),
            Date::month_day(10, 2).unwrap(),
            Date::month_only(3).unwrap(),
            Date::iso_week(2016, 45).unwrap(),
            Date::with_part(2016, YearPart::Weekend(45)).unwrap(),
            Date::with_part(2016, YearPart::Quarter(3)).unwrap(),
            Date::with_part(2016, YearPart::Half(1)).unwrap(),
            Date::with_part(2016, YearPart::Season(Season::Summer)).unwrap(),
            Date::ymd(2021, 5, 10).unwrap().with_time(time),
        ];
        for d in cases {
            assert_eq!(ours(|o| date(o, &d)), via_serde(&d), "{d:?}");
            let v = Value::Date(d);
            assert_eq!(ours(|o| opt_value(o, Some(&v))), via_serde(&v));
        }
        assert_eq!(ours(|o| opt_value(o, None)), "null");
    }

    #[test]
    fn words_like_serde() {
        for q in [
            Qualifier::Approximately,
            Qualifier::AtLeast,
            Qualifier::MoreThan,
            Qualifier::Nearly,
            Qualifier::AtMost,
            Qualifier::LessThan,
        ] {
            assert_eq!(ours(|o| opt_word(o, Some(qualifier(q)))), via_serde(&q));
        }
        for x in [
            Outcome::Killed,
            Outcome::Dead,
            Outcome::Wounded,
            Outcome::Injured,
            Outcome::Executed,
            Outcome::Assassinated,
            Outcome::Missing,
        ] {
            assert_eq!(ours(|o| opt_word(o, Some(outcome(x)))), via_serde(&x));
        }
        for k in [
            ClaimKind::Money,
            ClaimKind::Date,
            ClaimKind::Casualty,
            ClaimKind::Quantity,
            ClaimKind::Percent,
            ClaimKind::Duration,
        ] {
            assert_eq!(ours(|o| opt_word(o, Some(k.as_str()))), via_serde(&k));
        }
        assert_eq!(ours(|o| opt_word(o, None)), "null");
        assert_eq!(ours(|o| opt_str(o, None)), "null");
    }
}
