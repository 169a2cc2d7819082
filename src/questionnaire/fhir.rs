//! The answers as an HL7 FHIR R4 QuestionnaireResponse, the standard way to
//! hand answers to a clinic's system: one item per question (linkId = the
//! question id, in the words the person saw), numbers with UCUM units,
//! "don't know" as an item without an answer and with the data-absent-reason
//! extension `asked-unknown`, medicines as nested items. Its narrative
//! (`text`) carries the estimate, trial by trial, in the person's words: a
//! receiving system shows it, and never reads it as a decision.

use super::Session;
use super::canonical::Canonical;
use crate::clinical::units::ucum;
use crate::engine::answer::Answer;
use crate::engine::catalog::Catalog;
use crate::engine::question::{Kind, Question};
use serde::Serialize;

pub const UCUM: &str = "http://unitsofmeasure.org";

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    resource_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<Narrative>,
    /// The Questionnaire it answers: `url|version` (see `canonical`).
    questionnaire: String,
    status: &'static str,
    authored: String,
    item: Vec<Item>,
}

/// The resource's human-readable narrative (FHIR `DomainResource.text`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Narrative {
    status: &'static str,
    div: String,
}

/// One trial's estimate, in words, for the narrative.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub trial: String,
    pub title: String,
    /// The verdict in words: "Not yet: may qualify from 2026-12-09, when 18".
    pub verdict: String,
}

/// `<`, `>`, `&` and quotes as XHTML entities.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The estimates as the narrative's XHTML: a heading (`heading`, already in
/// the person's language) and one line per trial.
fn narrative(heading: &str, estimates: &[Estimate]) -> Narrative {
    let lines: String = estimates
        .iter()
        .map(|e| format!("<li>{} ({}): {}</li>", escaped(&e.title), escaped(&e.trial), escaped(&e.verdict)))
        .collect();
    Narrative {
        status: "generated",
        div: format!("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>{}</p><ul>{lines}</ul></div>", escaped(heading)),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    link_id: String,
    text: String,
    /// "Don't know": the item is there, without an answer, with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    extension: Vec<Extension>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answer: Vec<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    item: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_boolean: Option<bool>,
}

/// The standard extension for a value that is absent, with its reason.
const ABSENT_EXTENSION: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Value {
    #[serde(rename = "valueBoolean")]
    Boolean(bool),
    #[serde(rename = "valueDecimal")]
    Decimal(f64),
    #[serde(rename = "valueInteger")]
    Integer(i64),
    #[serde(rename = "valueString")]
    String(String),
    #[serde(rename = "valueDate")]
    Date(String),
    #[serde(rename = "valueCoding")]
    Coding { system: String, code: String, display: String },
    #[serde(rename = "valueQuantity")]
    Quantity { value: f64, unit: String, system: &'static str, code: String },
}

/// The words a response carries: `words(question, None)` a question's text,
/// `words(question, Some(option))` an option's.
pub type Words<'a> = &'a dyn Fn(&Question, Option<&str>) -> String;

fn coding(c: &Canonical, q: &Question, option: &str, words: Words) -> Value {
    Value::Coding { system: c.options(), code: format!("{}.{option}", q.id), display: words(q, Some(option)) }
}

fn values(c: &Canonical, q: &Question, a: &Answer, words: Words) -> (Vec<Value>, Vec<Item>) {
    let one = |v| (vec![v], vec![]);
    match a {
        // No answer of a wrong type: the item carries the reason instead (see `questionnaire_response`).
        Answer::DontKnow => (vec![], vec![]),
        Answer::Bool(b) => one(Value::Boolean(*b)),
        Answer::Choice(o) => one(coding(c, q, o, words)),
        Answer::Multi(chosen) | Answer::Remembered(chosen) => {
            (chosen.iter().map(|o| coding(c, q, o, words)).collect(), vec![])
        }
        Answer::Number { value, unit: Some(u) } => {
            let code = ucum(u).unwrap_or(u).to_string();
            one(Value::Quantity { value: *value, unit: u.clone(), system: UCUM, code })
        }
        Answer::Number { value, unit: None } => match q.kind {
            // A whole number answers an `integer` item (a score).
            Kind::Number { integer: true, .. } if value.fract() == 0.0 => one(Value::Integer(*value as i64)),
            _ => one(Value::Decimal(*value)),
        },
        Answer::Date(d) => one(Value::Date(d.to_string())),
        Answer::Medications(uses) | Answer::RememberedMedications(uses) => {
            let nested = uses
                .iter()
                .map(|u| {
                    let mut details = Vec::new();
                    if let Some(m) = u.months {
                        details.push(Item {
                            link_id: format!("{}.{}.months", q.id, u.drug),
                            text: "Months taken".into(),
                            extension: vec![],
                            answer: vec![Value::Decimal(m)],
                            item: vec![],
                        });
                    }
                    if let Some(s) = u.stopped_for_side_effects {
                        details.push(Item {
                            link_id: format!("{}.{}.stopped_for_side_effects", q.id, u.drug),
                            text: "Stopped because of side effects".into(),
                            extension: vec![],
                            answer: vec![Value::Boolean(s)],
                            item: vec![],
                        });
                    }
                    Item {
                        link_id: format!("{}.{}", q.id, u.drug),
                        text: words(q, Some(&u.drug)),
                        extension: vec![],
                        answer: vec![],
                        item: details,
                    }
                })
                .collect();
            (vec![], nested)
        }
    }
}

/// The answers of `session` as a response to the Questionnaire `canonical`
/// names, in `words`; `estimates`, with their heading, go into the narrative
/// (none: no narrative).
pub fn questionnaire_response(
    catalog: &Catalog,
    canonical: &Canonical,
    session: &Session,
    words: Words,
    estimates: (&str, &[Estimate]),
) -> QuestionnaireResponse {
    let item = catalog
        .bank
        .iter()
        .filter_map(|q| session.answers.get(&q.id).map(|a| (q, a)))
        .map(|(q, a)| {
            let (answer, item) = values(canonical, q, a, words);
            let extension = match a {
                Answer::DontKnow => vec![Extension {
                    url: ABSENT_EXTENSION.to_string(),
                    value_code: Some("asked-unknown"),
                    value_boolean: None,
                }],
                // A list said to be whole: what is not in it is absent (else not known).
                Answer::Multi(_) | Answer::Medications(_) => {
                    vec![Extension { url: canonical.list_complete(), value_code: None, value_boolean: Some(true) }]
                }
                _ => vec![],
            };
            Item { link_id: q.id.clone(), text: words(q, None), extension, answer, item }
        })
        .collect();
    let (heading, estimates) = estimates;
    QuestionnaireResponse {
        resource_type: "QuestionnaireResponse",
        text: (!estimates.is_empty()).then(|| narrative(heading, estimates)),
        questionnaire: canonical.reference(),
        status: "completed",
        authored: session.today.to_string(),
        item,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::dates::{PartialDate, Ymd};
    use crate::engine::answer::MedicationUse;
    use crate::questionnaire::{Action, Mode};

    #[test]
    fn answers_become_a_questionnaire_response_with_ucum_units_and_absent_reasons() {
        let catalog = Catalog::shipped().unwrap();
        let today = Ymd::parse("2026-11-21").unwrap();
        let answer = |q: &str, a| Action::Answer { question: q.into(), answer: a };
        let session = Session::new(today)
            .apply(&catalog, Action::Start(Mode::Clinician))
            .apply(&catalog, answer("date_of_birth", Answer::Date(PartialDate::parse("2016-03-15").unwrap())))
            .apply(&catalog, answer("sex", Answer::Choice("female".into())))
            .apply(&catalog, answer("neutrophils", Answer::Number { value: 1.2, unit: Some("x10^9/L".into()) }))
            .apply(&catalog, answer("alt", Answer::DontKnow))
            .apply(
                &catalog,
                answer(
                    "lupus_medicines",
                    Answer::Medications(vec![MedicationUse {
                        drug: "tacrolimus".into(),
                        months: Some(7.0),
                        stopped_for_side_effects: None,
                    }]),
                ),
            );
        let words =
            |q: &Question, o: Option<&str>| format!("{}{}", q.id, o.map(|o| format!(":{o}")).unwrap_or_default());
        let estimates = [Estimate {
            trial: "NCT06038474".into(),
            title: "Descartes-08 <adults>".into(),
            verdict: "Not yet: may qualify from 2026-12-09, when 18".into(),
        }];
        let canonical = Canonical::new(super::super::canonical::DEFAULT_BASE, &catalog.bank);
        let response = questionnaire_response(&catalog, &canonical, &session, &words, ("Estimate", &estimates));
        let json = serde_json::to_value(response).unwrap();
        assert_eq!(json["questionnaire"], canonical.reference());
        // The estimate travels as the resource's narrative, escaped as XHTML.
        assert_eq!(json["text"]["status"], "generated");
        assert_eq!(
            json["text"]["div"],
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Estimate</p><ul><li>Descartes-08 &lt;adults&gt; (NCT06038474): Not yet: may qualify from 2026-12-09, when 18</li></ul></div>"
        );
        assert_eq!(json["resourceType"], "QuestionnaireResponse");
        assert_eq!(json["status"], "completed");
        let item = |id: &str| json["item"].as_array().unwrap().iter().find(|i| i["linkId"] == id).unwrap().clone();
        assert_eq!(item("date_of_birth")["answer"][0]["valueDate"], "2016-03-15");
        assert_eq!(item("sex")["answer"][0]["valueCoding"]["code"], "sex.female");
        assert_eq!(item("sex")["answer"][0]["valueCoding"]["system"], canonical.options());
        assert_eq!(
            item("neutrophils")["answer"][0]["valueQuantity"],
            serde_json::json!({"value": 1.2, "unit": "x10^9/L", "system": UCUM, "code": "10*9/L"})
        );
        // "Don't know": no answer of a wrong type, the standard absent reason instead.
        assert!(item("alt").get("answer").is_none());
        assert_eq!(
            item("alt")["extension"][0],
            serde_json::json!({"url": ABSENT_EXTENSION, "valueCode": "asked-unknown"})
        );
        let tacrolimus = &item("lupus_medicines")["item"][0];
        assert_eq!(tacrolimus["linkId"], "lupus_medicines.tacrolimus");
        assert_eq!(tacrolimus["item"][0]["answer"][0]["valueDecimal"], 7.0);
    }
}
