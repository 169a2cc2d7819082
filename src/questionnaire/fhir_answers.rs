//! A QuestionnaireResponse TrialCheck exported (alone, or in the Bundle with
//! its Questionnaire) read back as answers: "Open a saved answers file"
//! accepts it, whichever deployment's canonical it names, or the old urn.
//! A list without the "complete" extension reads as ticked from memory, so a
//! file never says more than the person did.

use super::canonical::is_ours;
use crate::engine::answer::{DONT_KNOW, MedicationUse, RawAnswer};
use crate::engine::question::{Kind, QuestionBank};
use serde::Deserialize;
use std::collections::BTreeMap;

const ABSENT: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

/// A FHIR resource as far as a response is read.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    pub resource_type: String,
    #[serde(default)]
    questionnaire: Option<String>,
    #[serde(default)]
    item: Vec<Item>,
    #[serde(default)]
    entry: Vec<Entry>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
struct Entry {
    #[serde(default)]
    resource: Option<Resource>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    link_id: String,
    #[serde(default)]
    answer: Vec<Value>,
    #[serde(default)]
    item: Vec<Item>,
    #[serde(default)]
    extension: Vec<Extension>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Extension {
    url: String,
    #[serde(default)]
    value_boolean: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Value {
    value_boolean: Option<bool>,
    value_decimal: Option<f64>,
    value_integer: Option<i64>,
    value_date: Option<String>,
    value_coding: Option<Coding>,
    value_quantity: Option<Quantity>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
struct Coding {
    code: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
struct Quantity {
    value: Option<f64>,
    unit: Option<String>,
}

impl Resource {
    /// The response inside: itself, or the one in a Bundle; `None` when there is
    /// none, or it answers another Questionnaire.
    fn response(&self) -> Option<&Resource> {
        match self.resource_type.as_str() {
            "QuestionnaireResponse" => self.questionnaire.as_deref().filter(|q| is_ours(q)).map(|_| self),
            "Bundle" => self.entry.iter().filter_map(|e| e.resource.as_ref()).find_map(Resource::response),
            _ => None,
        }
    }

    /// The answers, by question id, in the form answers files hold them;
    /// `None` when this is no TrialCheck response.
    pub fn answers(&self, bank: &QuestionBank) -> Option<BTreeMap<String, RawAnswer>> {
        let response = self.response()?;
        Some(response.item.iter().filter_map(|i| Some((i.link_id.clone(), raw(bank, i)?))).collect())
    }
}

fn raw(bank: &QuestionBank, item: &Item) -> Option<RawAnswer> {
    if item.extension.iter().any(|e| e.url == ABSENT) {
        return Some(RawAnswer::Text(DONT_KNOW.into()));
    }
    let q = bank.current(&item.link_id)?;
    let complete = item.extension.iter().any(|e| e.url.ends_with("-list-complete") && e.value_boolean == Some(true));
    let option = |v: &Value| {
        let code = v.value_coding.as_ref()?.code.as_deref()?;
        code.strip_prefix(&format!("{}.", item.link_id)).map(String::from)
    };
    let first = item.answer.first();
    match &q.kind {
        Kind::YesNo => first?.value_boolean.map(RawAnswer::Bool),
        Kind::Choice { .. } => option(first?).map(RawAnswer::Text),
        Kind::Multi { .. } => {
            let chosen: Vec<String> = item.answer.iter().filter_map(option).collect();
            Some(if complete { RawAnswer::Options(chosen) } else { RawAnswer::Remembered { remembered: chosen } })
        }
        Kind::Date { .. } => first?.value_date.clone().map(RawAnswer::Text),
        Kind::Number { .. } => {
            let v = first?;
            match (&v.value_quantity, v.value_decimal, v.value_integer) {
                (Some(Quantity { value: Some(x), unit: Some(u) }), _, _) => Some(RawAnswer::Text(format!("{x} {u}"))),
                (_, Some(x), _) => Some(RawAnswer::Number(x)),
                (_, _, Some(n)) => Some(RawAnswer::Number(n as f64)),
                _ => None,
            }
        }
        Kind::Medications { .. } => {
            let uses: Vec<MedicationUse> = (item.item.iter())
                .filter_map(|d| {
                    let drug = d.link_id.strip_prefix(&format!("{}.", item.link_id))?.to_string();
                    let detail =
                        |name: &str| d.item.iter().find(|i| i.link_id.ends_with(name)).and_then(|i| i.answer.first());
                    let months = detail(".months").and_then(|v| v.value_decimal);
                    let stopped = detail(".stopped_for_side_effects").and_then(|v| v.value_boolean);
                    Some(MedicationUse { drug, months, stopped_for_side_effects: stopped })
                })
                .collect();
            Some(if complete {
                RawAnswer::Medications(uses)
            } else {
                RawAnswer::RememberedMedications { remembered: uses }
            })
        }
    }
}
