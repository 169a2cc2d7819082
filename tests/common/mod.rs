//! What the patient-story tests share: a fixed today, the patient fixtures,
//! and answers changed one at a time.
#![allow(dead_code, clippy::unwrap_used)]

use serde_json::Value;
use std::collections::BTreeMap;
use trialcheck::clinical::dates::Ymd;
use trialcheck::engine::answer::{Answers, RawAnswer};
use trialcheck::engine::catalog::Catalog;

/// Today is fixed, so ages and "months since" do not drift.
pub fn today() -> Ymd {
    Ymd::parse("2026-11-21").unwrap()
}

/// A patient of `tests/fixtures/patients/`, as an answers file.
pub fn patient(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/patients/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The answers with some changed (or, with `null`, taken back).
pub fn with(mut answers: Value, changes: Value) -> Value {
    for (id, value) in changes.as_object().unwrap() {
        if value.is_null() {
            answers.as_object_mut().unwrap().remove(id);
        } else {
            answers[id] = value.clone();
        }
    }
    answers
}

/// Answers read as an answers file is read; a refused one fails the test.
pub fn read(answers: &Value, catalog: &Catalog) -> Answers {
    let raw: BTreeMap<String, RawAnswer> = serde_json::from_value(answers.clone()).unwrap();
    Answers::from_raw(&catalog.bank, raw, today()).unwrap()
}
