//! Publication dates of feed items: RFC 822 (RSS `pubDate`) and RFC 3339 (Atom, `dc:date`).

use crate::claims::{Date, Time};

/// Parses a feed date: `Sat, 15 May 2021 03:30:08 +0000` (RFC 822/2822, with the obsolete
/// zone names and two-digit years) or `2021-05-15T03:30:08Z` (RFC 3339 / ISO 8601, with a
/// date alone allowed). Returns `None` for anything else.
pub(crate) fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' {
        rfc3339(s)
    } else {
        rfc822(s)
    }
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())?
}

fn rfc3339(s: &str) -> Option<Date> {
    let (y, m, d) = (
        num(&s[0..4])?,
        num(s.get(5..7)?)?,
        s.get(8..10).and_then(num)?,
    );
    if s.as_bytes()[7] != b'-' {
        return None;
    }
    let date = Date::ymd(y as i32, m as u8, d as u8)?;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (hms, zone) = match rest.find(['Z', 'z', '+', '-']) {
        Some(i) => (&rest[..i], Some(&rest[i..])),
        None => (rest, None),
    };
    let hms = hms.split('.').next()?; // fractions of a second are dropped
    let time = hms_time(hms, zone.map(zone_offset).unwrap_or(Some(None))?)?;
    Some(date.with_time(time))
}

fn hms_time(hms: &str, offset: Option<i16>) -> Option<Time> {
    let mut parts = hms.split(':');
    let hour = num(parts.next()?)?;
    let minute = num(parts.next()?)?;
    let second = parts.next().map(num).map_or(Some(None), |s| s.map(Some))?;
    if parts.next().is_some() || hour > 23 || minute > 59 || second.is_some_and(|s| s > 60) {
        return None;
    }
    Some(Time {
        hour: hour as u8,
        minute: minute as u8,
        second: second.map(|s| s as u8),
        offset_minutes: offset,
    })
}

/// A zone: `Z`, `+02:00`, `-0500`, `+02`, `GMT`, `EST` …; `Some(None)` for a zone that
/// gives no offset (a military letter other than `Z`), `None` for no zone at all.
fn zone_offset(z: &str) -> Option<Option<i16>> {
    let named = match z.to_ascii_uppercase().as_str() {
        "Z" | "UT" | "UTC" | "GMT" => Some(0),
        "EDT" => Some(-4 * 60),
        "EST" | "CDT" => Some(-5 * 60),
        "CST" | "MDT" => Some(-6 * 60),
        "MST" | "PDT" => Some(-7 * 60),
        "PST" => Some(-8 * 60),
        _ => None,
    };
    if named.is_some() {
        return Some(named);
    }
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        c if c.is_ascii_alphabetic() && z.len() == 1 => return Some(None),
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(|&c| c != ':').collect();
    // Only ASCII digits: the slices below cut at byte 2.
    if !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        2 => (num(&digits)?, 0),
        4 => (num(&digits[..2])?, num(&digits[2..])?),
        _ => return None,
    };
    if h > 23 || m > 59 {
        return None;
    }
    Some(Some(sign * (h * 60 + m) as i16))
}

fn month(s: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let p = s.get(..3)?;
    MONTHS
        .iter()
        .position(|m| p.eq_ignore_ascii_case(m))
        .map(|i| i as u8 + 1)
}

fn rfc822(s: &str) -> Option<Date> {
    let mut tokens = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .peekable();
    // An optional day name.
    if tokens
        .peek()
        .is_some_and(|t| t.bytes().all(|c| c.is_ascii_alphabetic()) && month(t).is_none())
    {
        tokens.next();
    }
    let first = tokens.next()?;
    // `15 May 2021`, or `May 15 2021` as some feeds write it.
    let (day, mon) = match num(first) {
        Some(d) => (d, month(tokens.next()?)?),
        None => (num(tokens.next()?)?, month(first)?),
    };
    let year = tokens.next().and_then(|y| {
        let v = num(y)?;
        Some(match y.len() {
            4 => v,
            2 if v < 50 => 2000 + v,
            2 => 1900 + v,
            3 => 1900 + v,
            _ => return None,
        })
    })?;
    let date = Date::ymd(year as i32, mon, day as u8)?;
    let Some(hms) = tokens.next() else {
        return Some(date);
    };
    let offset = match tokens.next() {
        Some(z) => zone_offset(z)?,
        None => None,
    };
    Some(date.with_time(hms_time(hms, offset)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_dates() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Sat, 15 May 2021 03:30:08 +0000",
                Some("2021-05-15T03:30:08+00:00"),
            ),
            (
                "Mon, 10 May 2021 09:46:35 GMT",
                Some("2021-05-10T09:46:35+00:00"),
            ),
            (
                "  Wed, 02 Oct 2002 08:00:00 EST ",
                Some("2002-10-02T08:00:00-05:00"),
            ),
            (
                "Wed, 02 Oct 2002 15:00 +0200",
                Some("2002-10-02T15:00+02:00"),
            ),
            ("2 Oct 02 15:00:00 -0430", Some("2002-10-02T15:00:00-04:30")),
            (
                "Thursday, May 13, 2021 10:00:00 PDT",
                Some("2021-05-13T10:00:00-07:00"),
            ),
            ("Sat, 15 May 2021", Some("2021-05-15")),
            ("2021-05-15T03:30:08Z", Some("2021-05-15T03:30:08+00:00")),
            (
                "2021-05-15T03:30:08.123+02:00",
                Some("2021-05-15T03:30:08+02:00"),
            ),
            (
                "2021-05-15t03:30:08-0500",
                Some("2021-05-15T03:30:08-05:00"),
            ),
            ("2021-05-15 03:30", Some("2021-05-15T03:30")),
            ("2021-05-15", Some("2021-05-15")),
            ("2021-02-30", None),
            ("Sat, 32 May 2021 03:30:08 +0000", None),
            ("Sat, 15 May 2021 25:30:08 +0000", None),
            // A zone with a multi-byte character where a digit should be.
            ("Sat, 15 May 2021 03:30:08 +\u{feff}0", None),
            ("2021-05-15T03:30:08+0\u{e9}0", None),
            ("yesterday", None),
            ("", None),
            ("2021-05-15T", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse(s).map(|d| d.to_string()).as_deref(), *want, "{s:?}");
        }
    }
}
