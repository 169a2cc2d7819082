//! Lab values from a clinic's system: an HL7 FHIR R4 `Bundle` or a single
//! `Observation`, read on the device. Each observation is matched by its
//! LOINC code to a question of the bank (`loinc` there), its UCUM unit to one
//! of the question's units (converted in `clinical::units` like any answer),
//! and checked as a typed answer is. The report says what was read, what was
//! not understood, and what differs from an answer already given.

use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answer, AnswerError, Answers};
use crate::engine::catalog::Catalog;
use crate::engine::question::Kind;
use serde::Deserialize;

const LOINC: &str = "http://loinc.org";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    #[serde(default)]
    pub resource_type: String,
    #[serde(default)]
    entry: Vec<Entry>,
    code: Option<Concept>,
    value_quantity: Option<Quantity>,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Entry {
    resource: Option<Resource>,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Concept {
    #[serde(default)]
    coding: Vec<Coding>,
    text: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Coding {
    system: Option<String>,
    code: Option<String>,
    display: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Quantity {
    value: Option<f64>,
    unit: Option<String>,
    code: Option<String>,
}

/// What a file gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LabReading {
    /// Answers read: (question, answer).
    pub read: Vec<(String, Answer)>,
    /// Observations not used, each with why (an unknown test, no value, a unit
    /// that does not fit, an impossible value).
    pub not_understood: Vec<NotUsed>,
    /// Questions whose value read differs from the answer already given (the
    /// value read is not used: the person decides).
    pub conflicts: Vec<String>,
}

/// One observation not used: the name the file gives it (its text, display
/// or code; none if it has none), and why.
#[derive(Clone, Debug, PartialEq)]
pub struct NotUsed {
    pub name: Option<String>,
    pub why: WhyNotUsed,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WhyNotUsed {
    /// A test TrialCheck does not ask about.
    NotAsked,
    NoValue,
    /// A unit (as the file gives it) that none of the question's units means.
    Unit(String),
    /// A value the question refuses (impossible).
    Refused(AnswerError),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabFileError {
    /// Neither a Bundle nor an Observation.
    Foreign,
    /// No observation in it at all.
    Empty,
}

impl std::fmt::Display for LabFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LabFileError::Foreign => write!(f, "this is not a FHIR Bundle or Observation"),
            LabFileError::Empty => write!(f, "this file holds no lab result (Observation)"),
        }
    }
}

fn observations(resource: &Resource, out: &mut Vec<Resource>, depth: usize) {
    match resource.resource_type.as_str() {
        "Observation" => out.push(resource.clone()),
        // A Bundle in a Bundle is read too, not deeper than a few levels.
        "Bundle" if depth < 4 => {
            for r in resource.entry.iter().filter_map(|e| e.resource.as_ref()) {
                observations(r, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Reads the lab values of `resource` against the bank; `current` are the
/// answers given so far.
pub fn read_labs(
    catalog: &Catalog,
    resource: &Resource,
    current: &Answers,
    today: Ymd,
) -> Result<LabReading, LabFileError> {
    if !matches!(resource.resource_type.as_str(), "Bundle" | "Observation") {
        return Err(LabFileError::Foreign);
    }
    let mut found = Vec::new();
    observations(resource, &mut found, 0);
    if found.is_empty() {
        return Err(LabFileError::Empty);
    }
    let mut reading = LabReading::default();
    let mut given = current.clone();
    for o in found {
        let codings = o.code.as_ref().map(|c| c.coding.as_slice()).unwrap_or_default();
        let name = o
            .code
            .as_ref()
            .and_then(|c| c.text.clone().or_else(|| c.coding.iter().find_map(|k| k.display.clone())))
            .or_else(|| codings.iter().find_map(|k| k.code.clone()));
        let unused = |why| NotUsed { name: name.clone(), why };
        let loinc: Vec<&str> =
            codings.iter().filter(|k| k.system.as_deref() == Some(LOINC)).filter_map(|k| k.code.as_deref()).collect();
        let Some(q) = catalog.bank.iter().find(|q| q.loinc.iter().any(|c| loinc.contains(&c.as_str()))) else {
            reading.not_understood.push(unused(WhyNotUsed::NotAsked));
            continue;
        };
        let Some(quantity) = o.value_quantity.as_ref() else {
            reading.not_understood.push(unused(WhyNotUsed::NoValue));
            continue;
        };
        let Some(value) = quantity.value.filter(|v| v.is_finite()) else {
            reading.not_understood.push(unused(WhyNotUsed::NoValue));
            continue;
        };
        // The UCUM code names the unit; one of the question's units must mean the same.
        let unit = match &q.kind {
            Kind::Number { quantity: Some(units), .. } => {
                let wanted = quantity.code.as_deref().or(quantity.unit.as_deref()).unwrap_or("");
                let found = units
                    .unit_symbols()
                    .into_iter()
                    .find(|u| crate::clinical::units::ucum(u) == Some(wanted) || units.unit(wanted).ok() == Some(*u));
                match found {
                    Some(u) => Some(u.to_string()),
                    None => {
                        reading.not_understood.push(unused(WhyNotUsed::Unit(wanted.to_string())));
                        continue;
                    }
                }
            }
            _ => None,
        };
        let answer = Answer::Number { value, unit };
        let before = current.known(&q.id).cloned();
        if let Err(e) = given.set(&catalog.bank, &q.id, answer.clone(), today) {
            reading.not_understood.push(unused(WhyNotUsed::Refused(e)));
            continue;
        }
        match before {
            Some(b) if !same_value(catalog, &q.id, &b, &answer) => reading.conflicts.push(q.id.clone()),
            _ => reading.read.push((q.id.clone(), answer)),
        }
    }
    Ok(reading)
}

/// Two numbers for one question, compared in its canonical unit.
fn same_value(catalog: &Catalog, id: &str, a: &Answer, b: &Answer) -> bool {
    let canonical = |x: &Answer| match (x, catalog.bank.get(id).map(|q| &q.kind)) {
        (Answer::Number { value, unit: Some(u) }, Some(Kind::Number { quantity: Some(q), .. })) => {
            q.to_canonical(*value, u).ok()
        }
        (Answer::Number { value, unit: None }, _) => Some(*value),
        _ => None,
    };
    matches!((canonical(a), canonical(b)), (Some(x), Some(y)) if (x - y).abs() <= 1e-9 * x.abs().max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> Ymd {
        Ymd::parse("2026-11-21").unwrap()
    }

    fn observation(loinc: &str, value: f64, unit: &str) -> serde_json::Value {
        json!({"resourceType": "Observation", "status": "final",
               "code": {"coding": [{"system": LOINC, "code": loinc}], "text": loinc},
               "valueQuantity": {"value": value, "unit": unit, "system": "http://unitsofmeasure.org", "code": unit}})
    }

    fn read(value: serde_json::Value, current: &Answers) -> Result<LabReading, LabFileError> {
        let catalog = Catalog::shipped().unwrap();
        let resource: Resource = serde_json::from_value(value).unwrap();
        read_labs(&catalog, &resource, current, today())
    }

    /// A Bundle with an observation for every LOINC code the bank names reads every lab.
    #[test]
    fn a_bundle_with_every_lab_of_the_bank_fills_every_lab() {
        let catalog = Catalog::shipped().unwrap();
        let typical = |id: &str| -> (f64, &'static str) {
            match id {
                "creatinine" => (0.7, "mg/dL"),
                "bilirubin" => (0.6, "mg/dL"),
                "hemoglobin" => (120.0, "g/L"),
                "alt" | "ast" => (25.0, "U/L"),
                "inr" => (1.0, "1"),
                "pt" => (12.0, "s"),
                "lvef" | "spo2" => (60.0, "%"),
                "proteinuria_24h" => (1.2, "g/(24.h)"),
                "upcr" => (1.1, "mg/mg"),
                _ => (5.0, "10*9/L"),
            }
        };
        let entries: Vec<serde_json::Value> = catalog
            .bank
            .iter()
            .filter(|q| !q.loinc.is_empty())
            .map(|q| {
                let (value, unit) = typical(&q.id);
                json!({"resource": observation(&q.loinc[0], value, unit)})
            })
            .collect();
        let n = entries.len();
        let reading =
            read(json!({"resourceType": "Bundle", "type": "collection", "entry": entries}), &Answers::new()).unwrap();
        assert!(reading.not_understood.is_empty(), "{:?}", reading.not_understood);
        assert_eq!(reading.read.len(), n);
        assert!(
            reading
                .read
                .iter()
                .any(|(q, a)| q == "upcr" && *a == Answer::Number { value: 1.1, unit: Some("mg/mg".into()) })
        );
    }

    #[test]
    fn what_is_not_understood_or_differs_is_said_and_not_used() {
        let catalog = Catalog::shipped().unwrap();
        let mut current = Answers::new();
        current.set(&catalog.bank, "alt", Answer::Number { value: 30.0, unit: Some("U/L".into()) }, today()).unwrap();
        let bundle = json!({"resourceType": "Bundle", "entry": [
            {"resource": observation("1742-6", 45.0, "U/L")},          // ALT: differs from the answer given
            {"resource": observation("14682-9", 62.0, "umol/L")},      // creatinine in µmol/L: read
            {"resource": observation("2345-7", 90.0, "mg/dL")},        // glucose: not asked
            {"resource": observation("2160-0", 0.7, "mmol/L")},        // a unit that does not fit
            {"resource": observation("718-7", 0.0, "g/L")},            // impossible
            {"resource": {"resourceType": "Patient"}},
        ]});
        let reading = read(bundle, &current).unwrap();
        assert_eq!(
            reading.read,
            [("creatinine".to_string(), Answer::Number { value: 62.0, unit: Some("umol/L".into()) })]
        );
        assert_eq!(reading.conflicts, ["alt"]);
        let why: Vec<&WhyNotUsed> = reading.not_understood.iter().map(|n| &n.why).collect();
        assert!(
            matches!(why.as_slice(), [WhyNotUsed::NotAsked, WhyNotUsed::Unit(u), WhyNotUsed::Refused(AnswerError::OutOfRange { .. })] if u == "mmol/L"),
            "{why:?}"
        );
        // A foreign or empty file is refused whole.
        assert_eq!(read(json!({"resourceType": "Patient"}), &current), Err(LabFileError::Foreign));
        assert_eq!(read(json!({"resourceType": "Bundle", "entry": []}), &current), Err(LabFileError::Empty));
        // IU/L is not U/L in UCUM: an ALT in [IU]/L is read as the IU/L the bank offers.
        let iu = read(observation("1742-6", 40.0, "[IU]/L"), &Answers::new()).unwrap();
        assert_eq!(iu.read, [("alt".to_string(), Answer::Number { value: 40.0, unit: Some("IU/L".into()) })]);
    }
}
