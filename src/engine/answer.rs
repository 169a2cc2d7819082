//! A person's answers, checked against the question they answer.
//!
//! Every answer is validated when it is given: an impossible value
//! (creatinine 0, a birth date 300 years ago) is refused with a reason and
//! never reaches the engine.

use crate::clinical::dates::{PartialDate, Ymd, age_in_years};
use crate::engine::question::{DatePrecision, Kind, Question, QuestionBank};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The longest a person can have lived, for refusing impossible birth dates.
pub const MAX_AGE_YEARS: i32 = 120;
/// The longest treatment history that makes sense, in months.
pub const MAX_TREATMENT_MONTHS: f64 = 12.0 * 100.0;

#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// "I don't know / I'll check": answered, but decides nothing.
    DontKnow,
    Bool(bool),
    Choice(String),
    Multi(BTreeSet<String>),
    /// As entered; the engine converts with the question's quantity.
    Number {
        value: f64,
        unit: Option<String>,
    },
    Date(PartialDate),
    Medications(Vec<MedicationUse>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MedicationUse {
    pub drug: String,
    /// `None`: taken, but for how long is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_for_side_effects: Option<bool>,
}

/// Why an answer was refused. `Display` gives the English message for the
/// command line; the app maps each case to a translated message.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerError {
    UnknownQuestion {
        suggestion: Option<String>,
    },
    WrongType {
        expected: &'static str,
    },
    UnknownOption {
        option: String,
        options: Vec<String>,
    },
    BadUnit(crate::clinical::units::UnitError),
    MissingUnit {
        units: Vec<&'static str>,
    },
    NotANumber,
    /// "2.500": 2500 or 2.5? Refused rather than guessed.
    AmbiguousNumber,
    NotWhole,
    OutOfRange {
        min: f64,
        max: f64,
        unit: Option<&'static str>,
    },
    BadDate,
    NeedsDay,
    InTheFuture,
    TooLongAgo,
    DuplicateMedication(String),
    BadDuration,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownQuestion { suggestion: Some(s) } => {
                write!(f, "there is no such question (did you mean `{s}`?)")
            }
            AnswerError::UnknownQuestion { suggestion: None } => {
                write!(f, "there is no such question")
            }
            AnswerError::WrongType { expected } => write!(f, "expected {expected}"),
            AnswerError::UnknownOption { option, options } => {
                write!(f, "`{option}` is not one of the options ({})", options.join(", "))
            }
            AnswerError::BadUnit(e) => write!(f, "{e}"),
            AnswerError::MissingUnit { units } => {
                write!(f, "give the unit, one of: {}", units.join(", "))
            }
            AnswerError::NotANumber => write!(f, "this is not a number"),
            AnswerError::AmbiguousNumber => {
                write!(f, "this number is ambiguous: write it without a thousands separator (2500, or 2.5)")
            }
            AnswerError::NotWhole => write!(f, "give a whole number"),
            AnswerError::OutOfRange { min, max, unit } => {
                let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
                write!(f, "this value is not possible: it must be between {min}{unit} and {max}{unit}")
            }
            AnswerError::BadDate => write!(f, "this is not a date (use YYYY-MM-DD, or YYYY-MM)"),
            AnswerError::NeedsDay => write!(f, "give the full date (YYYY-MM-DD)"),
            AnswerError::InTheFuture => write!(f, "this date is in the future"),
            AnswerError::TooLongAgo => {
                write!(f, "this date is more than {MAX_AGE_YEARS} years ago")
            }
            AnswerError::DuplicateMedication(d) => write!(f, "`{d}` is listed twice"),
            AnswerError::BadDuration => {
                write!(f, "the number of months must be between 0 and {MAX_TREATMENT_MONTHS}")
            }
        }
    }
}

impl Answer {
    /// Checks this answer against its question, on `today`.
    pub fn check(&self, question: &Question, today: Ymd) -> Result<(), AnswerError> {
        match (self, &question.kind) {
            (Answer::DontKnow, _) | (Answer::Bool(_), Kind::YesNo) => Ok(()),
            (Answer::Choice(option), Kind::Choice { options }) => check_option(option, options),
            (Answer::Multi(chosen), Kind::Multi { options }) => {
                chosen.iter().try_for_each(|o| check_option(o, options))
            }
            (Answer::Number { value, unit }, Kind::Number { quantity, min, max, integer }) => {
                if !value.is_finite() {
                    return Err(AnswerError::NotANumber);
                }
                let canonical = match (quantity, unit) {
                    (Some(q), Some(u)) => q.to_canonical(*value, u).map_err(AnswerError::BadUnit)?,
                    (Some(q), None) => {
                        return Err(AnswerError::MissingUnit { units: q.unit_symbols() });
                    }
                    (None, Some(u)) => {
                        return Err(AnswerError::BadUnit(crate::clinical::units::UnitError {
                            unit: u.clone(),
                            quantity: "a plain number",
                            accepted: vec![],
                        }));
                    }
                    (None, None) => *value,
                };
                if *integer && value.fract() != 0.0 {
                    return Err(AnswerError::NotWhole);
                }
                if canonical < *min || canonical > *max {
                    // Say the limits in the unit the person used.
                    let (unit, factor) = match (quantity, unit) {
                        (Some(q), Some(u)) => (q.unit(u).ok(), q.to_canonical(1.0, u).unwrap_or(1.0)),
                        _ => (None, 1.0),
                    };
                    return Err(AnswerError::OutOfRange {
                        min: round_sig(min / factor),
                        max: round_sig(max / factor),
                        unit,
                    });
                }
                Ok(())
            }
            (Answer::Date(date), Kind::Date { precision }) => {
                if *precision == DatePrecision::Day && date.day.is_none() {
                    return Err(AnswerError::NeedsDay);
                }
                let earliest = date.earliest().ok_or(AnswerError::BadDate)?;
                if earliest.days_from_epoch() > today.days_from_epoch() {
                    return Err(AnswerError::InTheFuture);
                }
                if age_in_years(earliest, today) > MAX_AGE_YEARS {
                    return Err(AnswerError::TooLongAgo);
                }
                Ok(())
            }
            (Answer::Medications(uses), Kind::Medications { options }) => {
                let mut seen = BTreeSet::new();
                for u in uses {
                    check_option(&u.drug, options)?;
                    if !seen.insert(u.drug.as_str()) {
                        return Err(AnswerError::DuplicateMedication(u.drug.clone()));
                    }
                    if u.months.is_some_and(|m| !(0.0..=MAX_TREATMENT_MONTHS).contains(&m)) {
                        return Err(AnswerError::BadDuration);
                    }
                }
                Ok(())
            }
            (_, kind) => Err(AnswerError::WrongType { expected: expected(kind) }),
        }
    }
}

fn expected(kind: &Kind) -> &'static str {
    match kind {
        Kind::YesNo => "yes (true), no (false) or \"dont_know\"",
        Kind::Choice { .. } => "one option",
        Kind::Multi { .. } => "a list of options",
        Kind::Number { quantity: Some(_), .. } => "a number with its unit, e.g. \"0.8 mg/dL\"",
        Kind::Number { quantity: None, .. } => "a number",
        Kind::Date { .. } => "a date, \"YYYY-MM-DD\" or \"YYYY-MM\"",
        Kind::Medications { .. } => "a list of {\"drug\", \"months\", \"stopped_for_side_effects\"}",
    }
}

fn check_option(option: &str, options: &[String]) -> Result<(), AnswerError> {
    if options.iter().any(|o| o == option) {
        Ok(())
    } else {
        Err(AnswerError::UnknownOption { option: option.to_string(), options: options.to_vec() })
    }
}

/// Three significant digits, so limits read "0.113 mg/dL", not "0.11312217...".
fn round_sig(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(2 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// The answers given so far, by question id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    /// The answer, unless there is none or it is "don't know".
    pub fn known(&self, id: &str) -> Option<&Answer> {
        self.get(id).filter(|a| **a != Answer::DontKnow)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records an answer after checking it; a refused answer changes nothing.
    pub fn set(&mut self, bank: &QuestionBank, id: &str, answer: Answer, today: Ymd) -> Result<(), AnswerError> {
        let question = bank
            .get(id)
            .ok_or_else(|| AnswerError::UnknownQuestion { suggestion: bank.suggest(id).map(String::from) })?;
        answer.check(question, today)?;
        self.0.insert(id.to_string(), answer);
        Ok(())
    }

    pub fn clear(&mut self, id: &str) {
        self.0.remove(id);
    }

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
            let parsed = match bank.get(&id) {
                Some(q) => raw.interpret(q),
                None => Err(AnswerError::UnknownQuestion { suggestion: bank.suggest(&id).map(String::from) }),
            };
            if let Err(e) = parsed.and_then(|a| answers.set(bank, &id, a, today)) {
                errors.push((id, e));
            }
        }
        if errors.is_empty() { Ok(answers) } else { Err(errors) }
    }

    pub fn to_raw(&self) -> BTreeMap<String, RawAnswer> {
        self.0.iter().map(|(id, a)| (id.clone(), RawAnswer::from(a))).collect()
    }
}

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
}

pub const DONT_KNOW: &str = "dont_know";

impl RawAnswer {
    pub fn interpret(self, question: &Question) -> Result<Answer, AnswerError> {
        let wrong = || AnswerError::WrongType { expected: expected(&question.kind) };
        match (self, &question.kind) {
            (RawAnswer::Text(t), _) if t == DONT_KNOW => Ok(Answer::DontKnow),
            (RawAnswer::Bool(b), Kind::YesNo) => Ok(Answer::Bool(b)),
            (RawAnswer::Text(t), Kind::Choice { .. }) => Ok(Answer::Choice(t)),
            (RawAnswer::Options(o), Kind::Multi { .. }) => Ok(Answer::Multi(o.into_iter().collect())),
            // An empty list reads as either form; for medicines it means none.
            (RawAnswer::Options(o), Kind::Medications { .. }) if o.is_empty() => Ok(Answer::Medications(vec![])),
            (RawAnswer::Medications(m), Kind::Medications { .. }) => Ok(Answer::Medications(m)),
            (RawAnswer::Number(value), Kind::Number { .. }) => Ok(Answer::Number { value, unit: None }),
            (RawAnswer::Text(t), Kind::Number { .. }) => parse_measurement(&t),
            (RawAnswer::Text(t), Kind::Date { .. }) => {
                PartialDate::parse(&t).map(Answer::Date).ok_or(AnswerError::BadDate)
            }
            _ => Err(wrong()),
        }
    }
}

/// "0.8 mg/dL" -> 0.8 and "mg/dL"; "7" -> 7 without a unit.
pub fn parse_measurement(text: &str) -> Result<Answer, AnswerError> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+' || c == 'e'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number.trim().parse().map_err(|_| AnswerError::NotANumber)?;
    let unit = unit.trim();
    Ok(Answer::Number { value, unit: (!unit.is_empty()).then(|| unit.to_string()) })
}

impl From<&Answer> for RawAnswer {
    fn from(a: &Answer) -> RawAnswer {
        match a {
            Answer::DontKnow => RawAnswer::Text(DONT_KNOW.into()),
            Answer::Bool(b) => RawAnswer::Bool(*b),
            Answer::Choice(c) => RawAnswer::Text(c.clone()),
            Answer::Multi(m) => RawAnswer::Options(m.iter().cloned().collect()),
            Answer::Number { value, unit: None } => RawAnswer::Number(*value),
            Answer::Number { value, unit: Some(u) } => RawAnswer::Text(format!("{value} {u}")),
            Answer::Date(d) => RawAnswer::Text(d.to_string()),
            Answer::Medications(m) => RawAnswer::Medications(m.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::units::Quantity;
    use crate::engine::question::{AnsweredBy, Group};

    fn today() -> Ymd {
        Ymd::parse("2026-11-21").unwrap()
    }

    fn bank() -> QuestionBank {
        let q =
            |id: &str, kind| Question { id: id.into(), kind, group: Group::AboutYou, answered_by: AnsweredBy::Person };
        QuestionBank::new(vec![
            q("date_of_birth", Kind::Date { precision: DatePrecision::Day }),
            q("biopsy_date", Kind::Date { precision: DatePrecision::Month }),
            q(
                "creatinine",
                Kind::Number { quantity: Quantity::by_id("creatinine"), min: 0.1, max: 20.0, integer: false },
            ),
            q("ecog", Kind::Number { quantity: None, min: 0.0, max: 5.0, integer: true }),
            q("sex", Kind::Choice { options: vec!["female".into(), "male".into()] }),
            q("meds", Kind::Medications { options: vec!["tacrolimus".into()] }),
        ])
    }

    fn set(id: &str, raw: serde_json::Value) -> Result<(), AnswerError> {
        let raw: RawAnswer = serde_json::from_value(raw).unwrap();
        let b = bank();
        let q = b.get(id).unwrap();
        let answer = raw.interpret(q)?;
        Answers::new().set(&b, id, answer, today())
    }

    #[test]
    fn impossible_values_are_refused_with_a_reason() {
        let err = set("creatinine", "0 mg/dL".into()).unwrap_err();
        assert_eq!(err.to_string(), "this value is not possible: it must be between 0.1 mg/dL and 20 mg/dL");
        // Limits are said in the unit the person used.
        let err = set("creatinine", "0 umol/L".into()).unwrap_err();
        assert!(err.to_string().contains("between 8.84 umol/L and 1770 umol/L"), "{err}");
        assert_eq!(set("date_of_birth", "1726-01-01".into()), Err(AnswerError::TooLongAgo));
        assert_eq!(set("date_of_birth", "2027-01-01".into()), Err(AnswerError::InTheFuture));
        assert_eq!(set("ecog", serde_json::json!(1.5)), Err(AnswerError::NotWhole));
        assert_eq!(
            set("creatinine", serde_json::json!(0.8)).unwrap_err().to_string(),
            "give the unit, one of: mg/dL, umol/L"
        );
        assert!(matches!(set("creatinine", "0.8 g/L".into()), Err(AnswerError::BadUnit(_))));
        assert!(matches!(set("sex", "other".into()), Err(AnswerError::UnknownOption { .. })));
        assert_eq!(set("date_of_birth", "2015-03".into()), Err(AnswerError::NeedsDay));
        assert_eq!(set("date_of_birth", "2015-02-30".into()), Err(AnswerError::BadDate));
        let twice = serde_json::json!([{"drug": "tacrolimus"}, {"drug": "tacrolimus"}]);
        assert_eq!(set("meds", twice), Err(AnswerError::DuplicateMedication("tacrolimus".into())));
        assert_eq!(
            set("meds", serde_json::json!([{"drug": "tacrolimus", "months": -2}])),
            Err(AnswerError::BadDuration)
        );
    }

    #[test]
    fn plausible_values_and_dont_know_are_accepted() {
        assert_eq!(set("creatinine", "70 umol/L".into()), Ok(()));
        assert_eq!(set("creatinine", "0.8 mg/dL".into()), Ok(()));
        assert_eq!(set("biopsy_date", "2026-05".into()), Ok(()));
        assert_eq!(set("ecog", serde_json::json!(1)), Ok(()));
        assert_eq!(set("creatinine", "dont_know".into()), Ok(()));
        assert_eq!(set("meds", serde_json::json!([])), Ok(()));
    }

    #[test]
    fn unknown_questions_are_reported_with_a_suggestion() {
        let raw = BTreeMap::from([("creatinin".to_string(), RawAnswer::Text("1 mg/dL".into()))]);
        let errors = Answers::from_raw(&bank(), raw, today()).unwrap_err();
        assert_eq!(errors[0].0, "creatinin");
        assert_eq!(errors[0].1.to_string(), "there is no such question (did you mean `creatinine`?)");
    }

    #[test]
    fn answers_round_trip_through_their_json_form() {
        let raw: BTreeMap<String, RawAnswer> = serde_json::from_value(serde_json::json!({
            "date_of_birth": "2015-03-01", "creatinine": "0.6 mg/dL", "ecog": 1,
            "sex": "female", "biopsy_date": "dont_know",
            "meds": [{"drug": "tacrolimus", "months": 8, "stopped_for_side_effects": false}]
        }))
        .unwrap();
        let answers = Answers::from_raw(&bank(), raw.clone(), today()).unwrap();
        assert_eq!(answers.get("biopsy_date"), Some(&Answer::DontKnow));
        assert_eq!(answers.known("biopsy_date"), None);
        assert_eq!(answers.to_raw(), raw);
    }
}
