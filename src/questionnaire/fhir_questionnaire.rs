//! The FHIR R4 Questionnaire the responses answer, and the CodeSystem of its
//! answer options, built from the question bank: what a deployment publishes
//! under its canonical base (`canonical`), so that a clinic's system can load
//! it once and read every response against it.
//!
//! Each question is an item (`linkId` = its id) of the type its answers take;
//! numbers offer their units as UCUM `unitOption`s; choices offer the bank's
//! options as codes `<question>.<option>`; `after` becomes `enableWhen`. The
//! text is English with the standard translation extension for the other
//! languages, and the parent's and clinician's wordings ride along in an
//! extension of the deployment's own.

use super::canonical::{Canonical, NAME};
use super::fhir::UCUM;
use crate::clinical::units::ucum;
use crate::engine::catalog::Catalog;
use crate::engine::question::{Kind, Question};
use serde_json::{Map, Value, json};

const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
const UNIT_OPTION: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";

/// A message in a language, if it has one: `words(language, message id)`.
pub type Words<'a> = &'a dyn Fn(&str, &str) -> Option<String>;

/// `_text` (or `_display`) of a primitive: its translations.
fn translations(id: &str, languages: &[&str], words: Words) -> Value {
    let extension: Vec<Value> = (languages.iter().filter(|l| **l != "en"))
        .filter_map(|l| words(l, id).map(|t| (l, t)))
        .map(|(l, t)| json!({"url": TRANSLATION, "extension": [{"url": "lang", "valueCode": l}, {"url": "content", "valueString": t}]}))
        .collect();
    json!({ "extension": extension })
}

/// The parent's and the clinician's wordings of a question, in every language that has them.
fn wordings(c: &Canonical, q: &Question, languages: &[&str], words: Words) -> Vec<Value> {
    let mut out = Vec::new();
    for mode in ["child", "clinician"] {
        for l in languages {
            if let Some(text) = words(l, &format!("{}-{mode}", q.prompt_id())) {
                out.push(json!({"url": c.wording(), "extension": [
                    {"url": "mode", "valueCode": mode}, {"url": "lang", "valueCode": l}, {"url": "content", "valueString": text},
                ]}));
            }
        }
    }
    out
}

fn english(words: Words, id: &str) -> String {
    words("en", id).unwrap_or_else(|| id.to_string())
}

fn option(c: &Canonical, q: &Question, o: &str, languages: &[&str], words: Words) -> Value {
    let id = q.option_id(o);
    json!({ "valueCoding": {
        "system": c.options(), "code": format!("{}.{o}", q.id),
        "display": english(words, &id), "_display": translations(&id, languages, words),
    }})
}

/// One medicine of the medicines question: taken, for how long, stopped for side effects.
fn medicine(q: &Question, drug: &str, words: Words) -> Value {
    json!({
        "linkId": format!("{}.{drug}", q.id), "text": english(words, &q.option_id(drug)), "type": "group",
        "item": [
            {"linkId": format!("{}.{drug}.months", q.id), "text": "Months taken", "type": "decimal"},
            {"linkId": format!("{}.{drug}.stopped_for_side_effects", q.id), "text": "Stopped because of side effects", "type": "boolean"},
        ],
    })
}

fn item(c: &Canonical, q: &Question, languages: &[&str], words: Words) -> Value {
    let prompt = q.prompt_id();
    let mut item = Map::new();
    let mut put = |key: &str, value: Value| {
        item.insert(key.to_string(), value);
    };
    put("linkId", json!(q.id));
    put("text", json!(english(words, &prompt)));
    put("_text", translations(&prompt, languages, words));
    let mut extension = wordings(c, q, languages, words);
    let kind = match &q.kind {
        Kind::YesNo => "boolean",
        Kind::Choice { .. } | Kind::Multi { .. } => "choice",
        Kind::Date { .. } => "date",
        Kind::Number { quantity: Some(quantity), .. } => {
            extension.extend(quantity.unit_symbols().into_iter().map(|u| {
                json!({"url": UNIT_OPTION, "valueCoding": {"system": UCUM, "code": ucum(u).unwrap_or(u), "display": u}})
            }));
            "quantity"
        }
        Kind::Number { integer: true, .. } => "integer",
        Kind::Number { .. } => "decimal",
        Kind::Medications { options, .. } => {
            put("item", Value::Array(options.iter().map(|d| medicine(q, d, words)).collect()));
            "group"
        }
    };
    put("type", json!(kind));
    if let Kind::Choice { options } | Kind::Multi { options } = &q.kind {
        put("answerOption", Value::Array(options.iter().map(|o| option(c, q, o, languages, words)).collect()));
    }
    if matches!(q.kind, Kind::Multi { .. }) {
        put("repeats", json!(true));
    }
    // Asked only once these have an answer.
    if !q.after.is_empty() {
        let when = q.after.iter().map(|a| json!({"question": a, "operator": "exists", "answerBoolean": true}));
        put("enableWhen", Value::Array(when.collect()));
        if q.after.len() > 1 {
            put("enableBehavior", json!("all"));
        }
    }
    if !extension.is_empty() {
        put("extension", Value::Array(extension));
    }
    Value::Object(item)
}

/// The Questionnaire of `catalog`'s questions, published at `c`.
pub fn questionnaire(catalog: &Catalog, c: &Canonical, languages: &[&str], words: Words) -> Value {
    json!({
        "resourceType": "Questionnaire",
        "id": NAME,
        "url": c.questionnaire(),
        "version": c.version,
        "name": "TrialCheckLupusCellTherapy",
        "title": english(words, "app-title"),
        "status": "active",
        "subjectType": ["Patient"],
        "language": "en",
        "description": "The questions TrialCheck asks to estimate, trial by trial, whether a person may qualify for a cell-therapy trial for lupus. A response answers them; \"don't know\" is an item without an answer, with the data-absent-reason extension `asked-unknown`.",
        "item": catalog.bank.iter().map(|q| item(c, q, languages, words)).collect::<Vec<_>>(),
    })
}

/// The CodeSystem of the answer options: `<question>.<option>`, in every language.
pub fn options(catalog: &Catalog, c: &Canonical, languages: &[&str], words: Words) -> Value {
    let concept: Vec<Value> = (catalog.bank.iter())
        .flat_map(|q| q.kind.options().iter().map(move |o| (q, o)))
        .map(|(q, o)| {
            let id = q.option_id(o);
            let designation: Vec<Value> = (languages.iter().filter(|l| **l != "en"))
                .filter_map(|l| words(l, &id).map(|t| json!({"language": l, "value": t})))
                .collect();
            json!({"code": format!("{}.{o}", q.id), "display": english(words, &id), "designation": designation})
        })
        .collect();
    json!({
        "resourceType": "CodeSystem",
        "id": format!("{NAME}-options"),
        "url": c.options(),
        "version": c.version,
        "name": "TrialCheckLupusAnswerOptions",
        "status": "active",
        "content": "complete",
        "count": concept.len(),
        "concept": concept,
    })
}
