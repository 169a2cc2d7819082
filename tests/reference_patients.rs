//! Every trial comes with a reference patient (`catalog/reference/<id>.json`):
//! a person who meets every published criterion, written from the registry
//! text by a reader who had not seen the trial's rules. The trial must find
//! them eligible; and no way of answering from memory may turn them "not
//! eligible": answers left blank or "don't know", lists and medicines
//! remembered in part with the months forgotten, a person's own "no" beside
//! the doctor's measurement that says otherwise.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{read, today};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use trialcheck::engine::assess::{Assessment, Requirement, Verdict, assess_catalog};
use trialcheck::engine::catalog::Catalog;

/// The reference patients, by trial id.
fn references() -> BTreeMap<String, Value> {
    let dir = format!("{}/catalog/reference", env!("CARGO_MANIFEST_DIR"));
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let id = file["trial"].as_str().unwrap().to_string();
        assert_eq!(path.file_stem().unwrap().to_str().unwrap(), id, "{}", path.display());
        out.insert(id, file);
    }
    out
}

fn assess<'c>(catalog: &'c Catalog, trial: &str, answers: &Value) -> Assessment<'c> {
    let answers = read(answers, catalog);
    assess_catalog(catalog, &answers, today(), &[trial.to_string()]).remove(0)
}

#[test]
fn every_trial_has_a_reference_patient_written_from_its_registry_text() {
    let catalog = Catalog::shipped().unwrap();
    let references = references();
    for t in &catalog.trials {
        let file = references.get(&t.id).unwrap_or_else(|| panic!("{} has no reference patient", t.id));
        let source = file["written_from"].as_str().unwrap();
        assert!(source.contains("before reading the trial's rules"), "{}: {source}", t.id);
        assert!(!file["notes"].as_array().unwrap().is_empty(), "{}: no notes", t.id);
    }
    let stray: Vec<&String> = references.keys().filter(|id| catalog.trial(id).is_none()).collect();
    assert!(stray.is_empty(), "reference patients of no trial: {stray:?}");
}

#[test]
fn each_trial_finds_its_reference_patient_eligible() {
    let catalog = Catalog::shipped().unwrap();
    for (id, file) in references() {
        assert_eq!(file["expected"], "likely_eligible", "{id}");
        let a = assess(&catalog, &id, &file["answers"]);
        let why: Vec<String> = a
            .criteria
            .iter()
            .filter(|c| matches!(c.requirement, Requirement::NotMet | Requirement::Unknown | Requirement::NotYet))
            .map(|c| format!("{} {:?} {:?}", c.criterion.id, c.requirement, c.open_questions))
            .collect();
        assert_eq!(a.verdict, Verdict::LikelyEligible, "{id}: {why:?}");
    }
}

/// How one answer is degraded.
#[derive(Clone, Copy, Debug)]
enum Memory {
    Kept,
    Blank,
    DontKnow,
    /// A list or the medicines remembered in part, months forgotten; a
    /// person's own no where the doctor measured (lupus active, protein).
    Partly,
}

fn memory() -> impl Strategy<Value = Memory> {
    prop_oneof![3 => Just(Memory::Kept), 1 => Just(Memory::Blank), 1 => Just(Memory::DontKnow), 2 => Just(Memory::Partly)]
}

/// A person's own yes/no, and what the doctor measured that speaks for it.
const SAID_BESIDE_MEASURED: [(&str, &[&str]); 2] =
    [("lupus_still_active", &["sledai_score", "sledai_items"]), ("proteinuria_persists", &["proteinuria_24h", "upcr"])];

/// The answers as a person answering from memory might give them.
fn remembered(answers: &Value, ways: &[Memory], keep: u64) -> Value {
    let mut out = serde_json::Map::new();
    for (i, (id, value)) in answers.as_object().unwrap().iter().enumerate() {
        let kept = |j: usize| keep & (1 << ((i * 7 + j) % 64)) != 0;
        let degraded = match ways[i % ways.len()] {
            Memory::Kept => Some(value.clone()),
            Memory::Blank => None,
            Memory::DontKnow => Some(json!("dont_know")),
            Memory::Partly => match value {
                // A list ticked from memory: some items, the rest not known.
                Value::Array(items) if items.iter().all(Value::is_string) => {
                    let some: Vec<Value> =
                        items.iter().enumerate().filter(|(j, _)| kept(*j)).map(|(_, v)| v.clone()).collect();
                    Some(json!({ "remembered": some }))
                }
                // The medicines from memory: some of them, months and side effects forgotten.
                Value::Array(uses) => {
                    let some: Vec<Value> = uses
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| kept(*j))
                        .map(|(_, u)| json!({ "drug": u["drug"] }))
                        .collect();
                    Some(json!({ "remembered": some }))
                }
                // "My lupus is not active", beside the doctor's score that says it is.
                Value::Bool(true) if SAID_BESIDE_MEASURED.iter().any(|(q, _)| q == id) => {
                    let measured = SAID_BESIDE_MEASURED.iter().find(|(q, _)| q == id).map(|(_, m)| *m).unwrap();
                    let has_measure = measured.iter().any(|m| answers.get(*m).is_some());
                    Some(if has_measure { json!(false) } else { value.clone() })
                }
                _ => Some(value.clone()),
            },
        };
        if let Some(v) = degraded {
            out.insert(id.clone(), v);
        }
    }
    Value::Object(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The central promise, trial by trial: answering from memory may leave
    /// a trial open, never turn its reference patient away.
    #[test]
    fn no_way_of_answering_from_memory_turns_a_reference_patient_away(
        ways in prop::collection::vec(memory(), 1..80),
        keep: u64,
    ) {
        let catalog = Catalog::shipped().unwrap();
        for (id, file) in references() {
            let answers = remembered(&file["answers"], &ways, keep);
            let a = assess(&catalog, &id, &answers);
            let not_met: Vec<&str> =
                a.with(Requirement::NotMet).map(|c| c.criterion.id.as_str()).collect();
            prop_assert!(a.verdict != Verdict::NotEligible, "{}: not met {:?} with {}", id, not_met, answers);
        }
    }
}

/// The degradations above do what they say (the property would be empty if
/// `Partly` changed nothing).
#[test]
fn remembering_in_part_changes_lists_medicines_and_the_persons_own_word() {
    let file = &references()["NCT06904729"]["answers"];
    let partly = remembered(file, &[Memory::Partly], 0);
    assert_eq!(partly["sledai_items"], json!({"remembered": []}));
    assert_eq!(partly["lupus_medicines"], json!({"remembered": []}));
    assert_eq!(partly["proteinuria_persists"], json!(false));
    assert_eq!(partly["date_of_birth"], file["date_of_birth"]);
    let blank = remembered(file, &[Memory::Blank], 0);
    assert_eq!(blank, json!({}));
}

/// Where a list offers "the ones I left blank are No", a No to all its items
/// rules none of the reference patients out of any trial that their blanks
/// left open: checked on the answers, beside the analysis of the rules.
#[test]
fn the_blank_ones_are_no_rules_no_reference_patient_out() {
    use trialcheck::questionnaire::blank_may_be_no;
    let catalog = Catalog::shipped().unwrap();
    let keys: std::collections::BTreeSet<&str> = catalog.bank.iter().filter_map(|q| q.together.as_deref()).collect();
    let mut offered = 0;
    for key in keys {
        let items: Vec<_> = catalog.bank.iter().filter(|q| q.together.as_deref() == Some(key)).collect();
        if !blank_may_be_no(&catalog, &items) {
            continue;
        }
        offered += 1;
        for (id, file) in references() {
            let mut blank = file["answers"].clone();
            let mut no = file["answers"].clone();
            for q in &items {
                blank.as_object_mut().unwrap().remove(&q.id);
                no[&q.id] = json!(false);
            }
            let (before, after) = (assess(&catalog, &id, &blank), assess(&catalog, &id, &no));
            for (b, a) in before.criteria.iter().zip(&after.criteria) {
                let newly = a.requirement == Requirement::NotMet && b.requirement != Requirement::NotMet;
                assert!(!newly, "{key}: No to its blanks rules {id} out on {}", a.criterion.id);
            }
        }
    }
    assert!(offered >= 1, "no list offers the button: the check checks nothing");
}
