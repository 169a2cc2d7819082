//! Re-assessing only what an answer touches gives exactly what assessing
//! everything again gives, whatever the order the answers come in.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use common::{patient, read, today};
use proptest::prelude::*;
use serde_json::{Value, json};
use trialcheck::engine::assess::{assess_catalog, reassess};
use trialcheck::engine::catalog::Catalog;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn incremental_assessment_equals_full_assessment(girl: bool, order in proptest::collection::vec(any::<u64>(), 80), dont_know in any::<u64>()) {
        let catalog = Catalog::shipped().unwrap();
        let person = patient(if girl { "girl-10-class-iv-nephritis" } else { "woman-32-refractory-sle" });
        let mut keys: Vec<String> = person.as_object().unwrap().keys().cloned().collect();
        // A random order of answering, some answered "don't know".
        let mut keyed: Vec<(u64, String)> = keys.drain(..).zip(order.iter().copied()).map(|(k, o)| (o, k)).collect();
        keyed.sort();
        let mut given = json!({});
        let mut assessed = assess_catalog(&catalog, &read(&given, &catalog), today(), &[]);
        for (i, (_, key)) in keyed.iter().enumerate() {
            let value: Value = if dont_know & (1 << (i % 64)) != 0 { json!("dont_know") } else { person[key].clone() };
            given[key] = value;
            let answers = read(&given, &catalog);
            let current = catalog.bank.current(key).unwrap().id.as_str();
            assessed = reassess(assessed, &catalog.bank, &answers, today(), &[current]);
            let full = assess_catalog(&catalog, &answers, today(), &[]);
            // Compared as what people see, so that a failure prints what differs.
            let seen = |all: &[trialcheck::engine::assess::Assessment]| -> Vec<String> {
                all.iter().flat_map(|a| a.criteria.iter().map(move |c| format!("{} {} {:?} {:?} {:?}", a.trial.id, c.criterion.id, c.requirement, c.settled_by, c.open_questions))).collect()
            };
            prop_assert_eq!(seen(&assessed), seen(&full), "after answering {}", key);
            prop_assert!(assessed == full, "after answering {}", key);
        }
    }
}
