//! A clinic's system loads the published Questionnaire once and reads every
//! response against it: each response item's linkId is an item of the
//! Questionnaire, and each answer is of the type that item takes (a code it
//! offers, a unit it offers). And a response the app saved opens again as
//! answers, from any deployment's canonical or the old urn.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{patient, read, today};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use trialcheck::engine::answer::{Answer, MedicationUse};
use trialcheck::engine::catalog::Catalog;
use trialcheck::engine::question::Question;
use trialcheck::questionnaire::canonical::{Canonical, OLD_URN};
use trialcheck::questionnaire::saved::AnswersFile;
use trialcheck::questionnaire::{Action, Mode, Session, fhir, fhir_questionnaire};
use trialcheck::text::Messages;

const BASE: &str = "https://lupus.example-hospital.vn/trialcheck/";

fn published(catalog: &Catalog, canonical: &Canonical) -> Value {
    let messages = Messages::shipped().unwrap();
    let words = |lang: &str, id: &str| messages.has(lang, id).then(|| messages.get(lang, id).unwrap().to_string());
    fhir_questionnaire::questionnaire(catalog, canonical, &["en", "vi", "zh"], &words)
}

fn response(catalog: &Catalog, canonical: &Canonical, session: &Session) -> Value {
    let words = |q: &Question, o: Option<&str>| format!("{}{}", q.id, o.map(|o| format!(": {o}")).unwrap_or_default());
    serde_json::to_value(fhir::questionnaire_response(catalog, canonical, session, &words, ("", &[]))).unwrap()
}

/// Every Questionnaire item by linkId, nested ones too.
fn items(q: &Value, into: &mut BTreeMap<String, Value>) {
    for i in q["item"].as_array().into_iter().flatten() {
        into.insert(i["linkId"].as_str().unwrap().to_string(), i.clone());
        items(i, into);
    }
}

/// Each response item is a Questionnaire item, answered with the type it takes.
fn matches(published: &BTreeMap<String, Value>, response_items: &Value) -> usize {
    let mut checked = 0;
    for r in response_items.as_array().into_iter().flatten() {
        let id = r["linkId"].as_str().unwrap();
        let q = published.get(id).unwrap_or_else(|| panic!("{id} is no item of the Questionnaire"));
        for a in r["answer"].as_array().into_iter().flatten() {
            let (key, value) = a.as_object().unwrap().iter().next().unwrap();
            let wanted = match q["type"].as_str().unwrap() {
                "boolean" => "valueBoolean",
                "choice" => "valueCoding",
                "date" => "valueDate",
                "quantity" => "valueQuantity",
                "integer" => "valueInteger",
                "decimal" => "valueDecimal",
                other => panic!("{id}: a {other} item has no answer"),
            };
            assert_eq!(key, wanted, "{id}");
            if key == "valueCoding" {
                // The same code of the same system (the display is the person's own words).
                let same = |o: &Value| {
                    o["valueCoding"]["code"] == value["code"] && o["valueCoding"]["system"] == value["system"]
                };
                let offered = q["answerOption"].as_array().unwrap().iter().any(same);
                assert!(offered, "{id}: {value} is not an option it offers");
            }
            if key == "valueQuantity" {
                let units: Vec<&Value> =
                    q["extension"].as_array().unwrap().iter().map(|e| &e["valueCoding"]["code"]).collect();
                assert!(units.contains(&&value["code"]), "{id}: unit {} is not one it offers", value["code"]);
            }
            checked += 1;
        }
        checked += matches(published, &r["item"]);
    }
    checked
}

fn session_of(name: &str, catalog: &Catalog, mode: Mode) -> Session {
    let answers = read(&patient(name), catalog);
    Session { answers, mode, ..Session::new(today()) }
}

#[test]
fn every_item_of_a_response_is_an_item_of_the_questionnaire_answered_with_its_type() {
    let catalog = Catalog::shipped().unwrap();
    let canonical = Canonical::new(BASE, &catalog.bank);
    let q = published(&catalog, &canonical);
    assert_eq!(q["url"], canonical.questionnaire());
    assert_eq!(q["version"], canonical.version.as_str());
    let mut by_id = BTreeMap::new();
    items(&q, &mut by_id);
    for name in ["girl-10-class-iv-nephritis", "woman-32-refractory-sle"] {
        let session = session_of(name, &catalog, Mode::Clinician);
        let r = response(&catalog, &canonical, &session);
        assert_eq!(r["questionnaire"], canonical.reference(), "{name}");
        assert!(matches(&by_id, &r["item"]) > 20, "{name}: too few answers checked");
    }
    // Don't know, a list from memory, medicines with their details: items still of the Questionnaire.
    let mut session = session_of("woman-32-refractory-sle", &catalog, Mode::Myself);
    let set = |s: &mut Session, id: &str, a: Answer| s.answers.set(&catalog.bank, id, a, today()).unwrap();
    set(&mut session, "alt", Answer::DontKnow);
    set(&mut session, "sledai_score", Answer::Number { value: 12.0, unit: None });
    set(
        &mut session,
        "lupus_medicines",
        Answer::RememberedMedications(vec![MedicationUse {
            drug: "tacrolimus".into(),
            months: Some(7.0),
            stopped_for_side_effects: Some(true),
        }]),
    );
    matches(&by_id, &response(&catalog, &canonical, &session)["item"]);
}

#[test]
fn a_saved_response_opens_again_as_the_same_answers_whatever_canonical_it_names() {
    let catalog = Catalog::shipped().unwrap();
    let canonical = Canonical::new(BASE, &catalog.bank);
    let mut session = session_of("girl-10-class-iv-nephritis", &catalog, Mode::MyChild);
    let remembered = Answer::Remembered(["rash".to_string()].into_iter().collect());
    session.answers.set(&catalog.bank, "sledai_items", remembered, today()).unwrap();
    let r = response(&catalog, &canonical, &session);
    let open = |file: Value| {
        let file: AnswersFile = serde_json::from_value(file).unwrap();
        file.restore(&catalog, today())
    };
    let back = open(r.clone()).unwrap();
    assert_eq!(back.answers, session.answers, "every answer, lists complete or remembered as they were");
    // In the Bundle with its Questionnaire, as the app saves it.
    let bundle = json!({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": canonical.questionnaire(), "resource": published(&catalog, &canonical)}, {"resource": r.clone()},
    ]});
    assert_eq!(open(bundle).unwrap().answers, session.answers);
    // Saved before the canonical was decided: the old urn still opens.
    let mut old = r.clone();
    old["questionnaire"] = json!(OLD_URN);
    assert_eq!(open(old).unwrap().answers, session.answers);
    // A response to someone else's Questionnaire is foreign.
    let mut other = r;
    other["questionnaire"] = json!("http://example.org/fhir/Questionnaire/phq-9|1");
    assert!(open(other).is_err());
    // And the session it opens into carries on.
    let loaded =
        Session::new(today()).apply(&catalog, Action::Load(open(response(&catalog, &canonical, &session)).unwrap()));
    assert_eq!(loaded.answers, session.answers);
}
