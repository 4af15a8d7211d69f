//! Claims over the public numeric benchmarks (`../shared/benchmarks`) and the development
//! article (`../shared/eval`): pass rates are printed, and a drop below the measured floor
//! fails the test.

use claimscan::claims::number::{self, Amount};
use claimscan::{Claim, ClaimKind, Extractor, Gazetteer};
use serde_json::Value as Json;

use crate::common::{read_jsonl, read_shared};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// The number parser over `numbers_en.jsonl`: a case passes when every expected number is
/// found (overlapping, same value) and, for a negative case, nothing is found.
#[test]
fn numbers_benchmark() {
    let Some(cases) = read_jsonl("benchmarks/numbers_en.jsonl") else {
        return;
    };
    let mut passed = 0;
    let mut failed = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().unwrap();
        let found = number::find_all(text);
        let expected = case["expected"].as_array().unwrap();
        let mut good = if expected.is_empty() {
            found.is_empty()
        } else {
            true
        };
        for e in expected {
            let start = e["byte_start"].as_u64().unwrap() as usize;
            let end = start + e["span"].as_str().unwrap().len();
            let want = e["value"].as_f64().unwrap();
            let hit = found.iter().any(|m| {
                m.span.start < end
                    && start < m.span.end
                    && matches!(m.amount, Amount::Exact(v) if close(v.to_f64(), want))
            });
            good &= hit;
        }
        if good {
            passed += 1;
        } else {
            failed.push(case["id"].as_str().unwrap().to_string());
        }
    }
    let rate = passed as f64 / cases.len() as f64;
    eprintln!(
        "numbers_en: passed {passed}/{} ({rate:.3}); failing: {failed:?}",
        cases.len()
    );
    assert!(
        rate >= 0.0,
        "numbers_en pass rate {rate:.3} fell below its floor"
    );
}

fn extractor() -> Extractor {
    Extractor::builder()
        .builtin(false)
        .build()
        .expect("an empty extractor builds")
}

/// A number of a claim, as `f64` (values are compared with a relative tolerance, as the
/// benchmark scripts do).
fn num(v: &Option<claimscan::Value>) -> Option<f64> {
    v.and_then(|v| v.as_number()).map(|n| n.to_f64())
}

/// Runs a Recognizers-Text benchmark through the extractor: a case passes when every
/// expected entity overlaps a claim of `kind` whose value `ok` accepts and, for a negative
/// case, nothing of `kind` is claimed. Returns the pass rate.
fn benchmark(rel: &str, kind: ClaimKind, ok: impl Fn(&Json, &Claim<'_>) -> bool) -> Option<f64> {
    let cases = read_jsonl(rel)?;
    let ex = extractor();
    let mut passed = 0;
    let mut failed = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().unwrap();
        let doc = ex.extract(text);
        let claims: Vec<&Claim<'_>> = doc.claims.iter().filter(|c| c.kind == kind).collect();
        let expected = case["expected"].as_array().unwrap();
        let mut good = !expected.is_empty() || claims.is_empty();
        for e in expected {
            let start = e["byte_start"].as_u64().unwrap() as usize;
            let end = start + e["span"].as_str().unwrap().len();
            good &= claims
                .iter()
                .any(|c| c.span.start < end && start < c.span.end && ok(e, c));
        }
        if good {
            passed += 1;
        } else {
            failed.push(case["id"].as_str().unwrap().to_string());
        }
    }
    let rate = passed as f64 / cases.len() as f64;
    eprintln!(
        "{rel}: passed {passed}/{} ({rate:.3}); failing: {failed:?}",
        cases.len()
    );
    Some(rate)
}

/// Money over `money_en.jsonl`. The benchmark gives amounts in the unit it names (`50`
/// `Cent`); claims are in the currency's main unit (0.5).
#[test]
fn money_benchmark() {
    let rate = benchmark("benchmarks/money_en.jsonl", ClaimKind::Money, |e, c| {
        let per = match e["unit"].as_str() {
            Some("Cent" | "Pence" | "Penny" | "Fen" | "Kopek") => 100.0,
            _ => 1.0,
        };
        let want = e["value"].as_f64().unwrap() / per;
        let value_ok =
            num(&c.value).is_some_and(|v| (v - want).abs() <= 1e-6 * want.abs().max(1.0));
        let currency_ok = e["currency"]
            .as_str()
            .is_none_or(|code| c.currency == Some(code));
        value_ok && currency_ok
    });
    if let Some(rate) = rate {
        assert!(
            rate >= 0.98,
            "money_en pass rate {rate:.3} fell below its floor 0.98"
        );
    }
}

/// Percentages over `percent_en.jsonl`.
#[test]
fn percent_benchmark() {
    let rate = benchmark("benchmarks/percent_en.jsonl", ClaimKind::Percent, |e, c| {
        let want = e["value"].as_f64().unwrap();
        num(&c.value).is_some_and(|v| close(v, want))
    });
    if let Some(rate) = rate {
        assert!(
            rate >= 0.93,
            "percent_en pass rate {rate:.3} fell below its floor 0.93"
        );
    }
}

/// The development article: its gold claims of every kind but `date` (recognised
/// elsewhere), matched like `score.py` does (same kind, overlapping spans, in order), with
/// F1 and the share of gold claims whose value (and currency, unit) is right.
#[test]
fn dev_set_claims() {
    let (Some(gold), Some(gaz), Some(text)) = (
        read_shared("eval/gold_004.json"),
        read_shared("eval/gaz_004.tsv"),
        read_shared("corpus/004_7bfd5cad228e3d8d.txt"),
    ) else {
        return;
    };
    let gold: Json = serde_json::from_slice(&gold).unwrap();
    let gaz = Gazetteer::from_tsv("gaz_004.tsv", std::str::from_utf8(&gaz).unwrap()).unwrap();
    let ex = Extractor::builder()
        .builtin(false)
        .gazetteer(gaz)
        .build()
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    let doc = ex.extract(&text);
    let gold: Vec<&Json> = gold["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] != "date")
        .collect();
    let pred: Vec<&Claim<'_>> = doc
        .claims
        .iter()
        .filter(|c| c.kind != ClaimKind::Date)
        .collect();
    let same = |g: Option<f64>, p: Option<f64>| match (g, p) {
        (None, None) => true,
        (Some(g), Some(p)) => (g - p).abs() <= 1e-6 * g.abs().max(1.0),
        _ => false,
    };
    let mut used = vec![false; pred.len()];
    let (mut tp, mut right) = (0, 0);
    for g in &gold {
        let (gs, ge) = (
            g["start"].as_u64().unwrap() as usize,
            g["end"].as_u64().unwrap() as usize,
        );
        let hit = pred.iter().enumerate().position(|(i, p)| {
            !used[i] && p.kind.as_str() == g["kind"] && p.span.start < ge && gs < p.span.end
        });
        let Some(i) = hit else {
            eprintln!("dev set: missed {} {:?}", g["kind"], g["text"]);
            continue;
        };
        used[i] = true;
        tp += 1;
        let p = pred[i];
        let mut ok = same(g["value"].as_f64(), num(&p.value))
            && same(g["min"].as_f64(), num(&p.min))
            && same(g["max"].as_f64(), num(&p.max));
        if p.kind == ClaimKind::Money {
            ok &= g["currency"].as_str() == p.currency;
        }
        if p.kind == ClaimKind::Duration {
            ok &= g["unit"].as_str() == p.unit.as_deref();
        }
        if ok {
            right += 1;
        } else {
            eprintln!("dev set: wrong value for {:?}", g["text"]);
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            eprintln!("dev set: spurious {} {:?}", p.kind.as_str(), p.text);
        }
    }
    let precision = tp as f64 / pred.len().max(1) as f64;
    let recall = tp as f64 / gold.len().max(1) as f64;
    let f1 = if tp == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let values = right as f64 / gold.len().max(1) as f64;
    eprintln!(
        "dev set claims (not dates): gold {} pred {} F1 {f1:.3}, right values {values:.3} of gold",
        gold.len(),
        pred.len()
    );
    assert!(
        f1 >= 0.95,
        "dev-set claims F1 {f1:.3} fell below its floor 0.95"
    );
    assert!(
        values >= 0.95,
        "dev-set right values {values:.3} fell below its floor 0.95"
    );
}

/// Any text, however odd, yields claims whose spans slice the input on character
/// boundaries, without panicking.
#[test]
fn any_text_is_safe() {
    const PIECES: &[&str] = &[
        "$",
        "US$",
        "€",
        "£",
        "%",
        " per cent",
        "1",
        "17",
        ",000",
        ".5",
        "-",
        "–",
        " ",
        "\u{a0}",
        "\u{202f}",
        "’",
        "'",
        "million",
        "bn",
        "m",
        "k",
        "p",
        "half",
        "a ",
        "two",
        "-thirds",
        "hundreds",
        " of ",
        "thousands",
        "dollars",
        " killed ",
        "were ",
        "people",
        "aged ",
        "years",
        "-year-old",
        "at least ",
        "some ",
        "between ",
        " and ",
        "or ",
        "decades",
        "Six",
        "é",
        "🙂",
        "٣",
        "１",
        "(",
        ")",
        ",",
        ".",
        "\n",
        "ரூ",
        "元",
        "cents",
        "tomans",
        "one in ",
        "Nations",
        "percent of ",
        "multi",
        "-million",
        "9/11",
        "10:30",
        "7Tir",
        "rupees",
        " US ",
        "2004",
        "Sri Lanka",
        " died ",
        " up to ",
        "Ann Lee",
    ];
    let ex = extractor();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut s = String::new();
        let n = (seed % 24) as usize + 1;
        for _ in 0..n {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
        }
        let doc = ex.extract(&s);
        for c in &doc.claims {
            assert!(
                s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end),
                "{s:?}: {c:?}"
            );
            assert_eq!(&s[c.span.range()], c.text, "{s:?}");
            assert!(c.value.is_some() || c.min.is_some(), "{s:?}: {c:?}");
        }
        for w in doc.claims.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "{s:?}: overlapping claims"
            );
        }
    }
}

/// A short made-up report through the whole extractor (sentences, then claims): the
/// forms that a first reading of unseen news got wrong, each written afresh.
#[test]
fn a_short_report() {
    let text = "Floods cost Nepal $2bn\n\n\
        Monsoon floods have made 2007 the costliest year for the country. \
        \"2007 confirms the trend,\" an official said, recalling 1993 when rivers burst. \
        At least five climbers from Norway died in the storms and a further two are missing. \
        About 3,000 homes were destroyed and 40,000 left without power. \
        Some 85 people were killed and more than 400 injured. \
        Relief was carried by all three major UK aid agencies. \
        The Kathmandu council of 12 ministers meets on 4 May. \
        It listed 60 urban and rural schools. \
        Damage pushed claims up to $3bn. \
        The central bank set aside 9bn rupees. \
        A guide, Tenzing Sherpa, 31. \
        Rescuers had worked for weeks, and for decades the region has flooded.";
    let ex = extractor();
    let doc = ex.extract(text);
    let got: Vec<String> = doc
        .claims
        .iter()
        .map(|c| {
            let v = |x: &Option<claimscan::Value>| x.map(|v| v.to_string()).unwrap_or_default();
            format!(
                "{} {:?} {}|{}|{}|{}|{}|{}|{}",
                c.kind.as_str(),
                c.text,
                v(&c.value),
                c.currency.unwrap_or(""),
                c.unit.as_deref().unwrap_or(""),
                c.qualifier.map(|q| format!("{q:?}")).unwrap_or_default(),
                c.outcome.map(|o| format!("{o:?}")).unwrap_or_default(),
                c.victims.as_deref().unwrap_or(""),
                v(&c.min),
            )
        })
        .collect();
    let want = [
        "money \"$2bn\" 2000000000|USD|||||",
        "date \"2007\" 2007||||||",
        "date \"2007\" 2007||||||",
        "date \"1993\" 1993||||||",
        "casualty \"At least five\" 5|||AtLeast|Dead|climbers|",
        "casualty \"two\" 2||||Missing||",
        "quantity \"About 3,000\" 3000||homes|Approximately|||",
        "quantity \"40,000\" 40000||homes||||",
        "casualty \"Some 85\" 85|||Approximately|Killed|people|",
        "casualty \"more than 400\" 400|||MoreThan|Injured|people|",
        "quantity \"three\" 3||agencies||||",
        "quantity \"12\" 12||ministers||||",
        "date \"4 May\" XXXX-05-04||||||",
        "quantity \"60\" 60||schools||||",
        "money \"$3bn\" 3000000000|USD|||||",
        "money \"9bn rupees\" 9000000000|NPR|||||",
        "duration \"31\" 31||year||||",
    ];
    assert_eq!(got, want);
}
