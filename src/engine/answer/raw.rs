//! The JSON form of answers, as answers files hold them.

use super::check::expected;
use super::{Answer, AnswerError, Answers, MedicationUse, parse_measurement};
use crate::clinical::dates::{PartialDate, Ymd};
use crate::engine::question::{Kind, Question, QuestionBank};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The JSON form of an answer, as `screen --answers` reads it and an export
/// writes it: `true`/`false`, `"dont_know"`, an option id, a list of option
/// ids, a number (`7`), a number with its unit (`"0.8 mg/dL"`), a date
/// (`"2015-03-01"`, `"2026-05"`), or a list of medicine uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RawAnswer {
    Bool(bool),
    Number(f64),
    Text(String),
    Options(Vec<String>),
    Medications(Vec<MedicationUse>),
    /// `{"remembered": ["fever"]}`: items ticked from memory.
    Remembered {
        remembered: Vec<String>,
    },
    /// `{"remembered": [{"drug": "mycophenolate"}]}`: medicines listed from memory.
    RememberedMedications {
        remembered: Vec<MedicationUse>,
    },
}

pub const DONT_KNOW: &str = "dont_know";

impl RawAnswer {
    pub fn interpret(self, question: &Question) -> Result<Answer, AnswerError> {
        let wrong = || AnswerError::WrongType { expected: expected(&question.kind) };
        match (self, &question.kind) {
            (RawAnswer::Text(t), _) if t == DONT_KNOW => Ok(Answer::DontKnow),
            (RawAnswer::Bool(b), Kind::YesNo) => Ok(Answer::Bool(b)),
            // A yes/no question that became a choice with `yes` and `no` (pregnant:
            // yes, no, not sure) still reads files written before.
            (RawAnswer::Bool(b), Kind::Choice { options })
                if options.iter().any(|o| o == "yes") && options.iter().any(|o| o == "no") =>
            {
                Ok(Answer::Choice(if b { "yes" } else { "no" }.to_string()))
            }
            (RawAnswer::Text(t), Kind::Choice { .. }) => Ok(Answer::Choice(t)),
            (RawAnswer::Options(o), Kind::Multi { .. }) => Ok(Answer::Multi(crate::sort::set(o))),
            (RawAnswer::Remembered { remembered }, Kind::Multi { .. }) => {
                Ok(Answer::Remembered(crate::sort::set(remembered)))
            }
            // An empty list reads as either form; for medicines it means none.
            (RawAnswer::Options(o), Kind::Medications { .. }) if o.is_empty() => Ok(Answer::Medications(vec![])),
            (RawAnswer::Medications(m), Kind::Medications { .. }) => Ok(Answer::Medications(m)),
            // `{"remembered": []}` is read as the first form; for medicines it is none remembered.
            (RawAnswer::Remembered { remembered }, Kind::Medications { .. }) if remembered.is_empty() => {
                Ok(Answer::RememberedMedications(vec![]))
            }
            (RawAnswer::RememberedMedications { remembered }, Kind::Medications { .. }) => {
                Ok(Answer::RememberedMedications(remembered))
            }
            (RawAnswer::Number(value), Kind::Number { .. }) => Ok(Answer::Number { value, unit: None }),
            (RawAnswer::Text(t), Kind::Number { .. }) => parse_measurement(&t),
            (RawAnswer::Text(t), Kind::Date { .. }) => {
                PartialDate::parse(&t).map(Answer::Date).ok_or(AnswerError::BadDate)
            }
            _ => Err(wrong()),
        }
    }
}

impl From<&Answer> for RawAnswer {
    fn from(a: &Answer) -> RawAnswer {
        match a {
            Answer::DontKnow => RawAnswer::Text(DONT_KNOW.into()),
            Answer::Bool(b) => RawAnswer::Bool(*b),
            Answer::Choice(c) => RawAnswer::Text(c.clone()),
            Answer::Multi(m) => RawAnswer::Options(m.iter().cloned().collect()),
            Answer::Remembered(m) => RawAnswer::Remembered { remembered: m.iter().cloned().collect() },
            Answer::Number { value, unit: None } => RawAnswer::Number(*value),
            Answer::Number { value, unit: Some(u) } => RawAnswer::Text(format!("{value} {u}")),
            Answer::Date(d) => RawAnswer::Text(d.to_string()),
            Answer::Medications(m) => RawAnswer::Medications(m.clone()),
            Answer::RememberedMedications(m) => RawAnswer::RememberedMedications { remembered: m.clone() },
        }
    }
}

impl Answers {
    /// Reads answers in their JSON form (see `RawAnswer`); every refused
    /// answer is reported, with its question id.
    pub fn from_raw(
        bank: &QuestionBank,
        raw: BTreeMap<String, RawAnswer>,
        today: Ymd,
    ) -> Result<Answers, Vec<(String, AnswerError)>> {
        let mut answers = Answers::new();
        let mut errors = Vec::new();
        for (id, raw) in raw {
            // A question renamed since the file was written answers under its new id.
            let (parsed, current) = match bank.current(&id) {
                Some(q) => (raw.interpret(q), q.id.clone()),
                None => {
                    (Err(AnswerError::UnknownQuestion { suggestion: bank.suggest(&id).map(String::from) }), id.clone())
                }
            };
            if current != id && answers.get(&current).is_some() {
                continue; // The file holds both names: the current one wins.
            }
            if let Err(e) = parsed.and_then(|a| answers.set(bank, &current, a, today)) {
                errors.push((id, e));
            }
        }
        if errors.is_empty() { Ok(answers) } else { Err(errors) }
    }

    pub fn to_raw(&self) -> BTreeMap<String, RawAnswer> {
        crate::sort::map(self.0.iter().map(|(id, a)| (id.clone(), RawAnswer::from(a))))
    }
}
