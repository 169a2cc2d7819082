//! Reads the shared reference vectors, so that tests use the published numbers
//! rather than copies typed by hand.

use serde_json::Value;

pub fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference/test-vectors.json");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {path}: {e} (shared/ must sit beside the repo)"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

/// The cases of one calculator; fails the test when there are none, so that a
/// renamed key cannot make a test pass vacuously.
pub fn cases(name: &str) -> Vec<Value> {
    let cases = vectors()[name].as_array().cloned().unwrap_or_default();
    assert!(!cases.is_empty(), "no test vectors under {name}");
    cases
}
