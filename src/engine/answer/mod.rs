//! A person's answers, checked against the question they answer.
//!
//! Every answer is validated when it is given (`check`): an impossible value
//! (creatinine 0, a birth date 300 years ago) is refused with a reason and
//! never reaches the engine. Answers files hold them in their JSON form
//! (`raw`); numbers are read by one reader (`number`).

mod check;
mod number;
mod raw;

use crate::clinical::dates::{PartialDate, Ymd};
use crate::engine::question::QuestionBank;
pub use check::AnswerError;
pub use number::{parse_measurement, read_number};
pub use raw::{DONT_KNOW, RawAnswer};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
    /// A complete list: every item not chosen is absent (a clinician's
    /// answer, or a person who checked the list against the doctor's records).
    Multi(BTreeSet<String>),
    /// Items ticked from memory: each one is present; an unticked item is not
    /// known to be absent.
    Remembered(BTreeSet<String>),
    /// As entered; the engine converts with the question's quantity.
    Number {
        value: f64,
        unit: Option<String>,
    },
    Date(PartialDate),
    /// The medicines taken: a complete list (a clinician's, or a person who
    /// checked it against the records): a medicine not listed was not taken.
    Medications(Vec<MedicationUse>),
    /// Medicines listed from memory: each listed one was taken; one not
    /// listed is not known to be untaken.
    RememberedMedications(Vec<MedicationUse>),
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

    /// The questions whose answer differs from `before` (given, changed or
    /// taken back): what `assess::reassess` needs to know.
    pub fn changed_since(&self, before: &Answers) -> Vec<String> {
        let ids = crate::sort::set(self.0.keys().chain(before.0.keys()));
        ids.into_iter().filter(|id| self.0.get(*id) != before.0.get(*id)).cloned().collect()
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

    /// "I don't know" for a question: fits every question, so it needs no check.
    pub fn dont_know(&mut self, id: &str) {
        self.0.insert(id.to_string(), Answer::DontKnow);
    }

    pub fn clear(&mut self, id: &str) {
        self.0.remove(id);
    }

    /// Lists of this multiple choice read as ticked from memory (a file
    /// written in a plain-word mode before lists said whether they were complete).
    pub fn as_remembered(&mut self, id: &str) {
        if let Some(Answer::Multi(chosen)) = self.0.get(id) {
            let chosen = chosen.clone();
            self.0.insert(id.to_string(), Answer::Remembered(chosen));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::units::Quantity;
    use crate::engine::question::{AnsweredBy, DatePrecision, Group, Kind, Question};

    fn today() -> Ymd {
        Ymd::parse("2026-11-21").unwrap()
    }

    #[test]
    fn what_changed_is_what_was_given_changed_or_taken_back() {
        let bank = bank();
        let mut before = Answers::new();
        before.set(&bank, "sex", Answer::Choice("female".into()), today()).unwrap();
        before.set(&bank, "ecog", Answer::Number { value: 1.0, unit: None }, today()).unwrap();
        let mut after = before.clone();
        after.set(&bank, "sex", Answer::Choice("male".into()), today()).unwrap();
        after.clear("ecog");
        after.dont_know("creatinine");
        assert_eq!(after.changed_since(&before), ["creatinine", "ecog", "sex"]);
        assert!(after.changed_since(&after).is_empty());
    }

    fn bank() -> QuestionBank {
        let q = |id: &str, kind| Question::new(id, kind, Group::AboutYou, AnsweredBy::Person);
        QuestionBank::new(vec![
            q("date_of_birth", Kind::Date { precision: DatePrecision::Day }),
            q("biopsy_date", Kind::Date { precision: DatePrecision::Month }),
            q(
                "creatinine",
                Kind::Number { quantity: Quantity::by_id("creatinine"), min: 0.1, max: 20.0, integer: false },
            ),
            q("ecog", Kind::Number { quantity: None, min: 0.0, max: 5.0, integer: true }),
            q("sex", Kind::Choice { options: vec!["female".into(), "male".into()] }),
            q("meds", Kind::Medications { options: vec!["tacrolimus".into()], courses: vec![] }),
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
    fn a_value_possible_only_in_another_unit_says_which() {
        // 55 mg/dL of creatinine is not possible; 55 umol/L is an ordinary value.
        let err = set("creatinine", "55 mg/dL".into()).unwrap_err();
        assert!(matches!(err, AnswerError::OutOfRange { other_unit: Some("umol/L"), .. }), "{err:?}");
        assert!(err.to_string().ends_with("(did you mean umol/L?)"), "{err}");
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
    fn answers_files_read_numbers_as_the_form_does() {
        let number = |t: &str| match parse_measurement(t) {
            Ok(Answer::Number { value, unit }) => Ok((value, unit)),
            Ok(other) => panic!("{other:?}"),
            Err(e) => Err(e),
        };
        assert_eq!(number("0,95 x10^9/L"), Ok((0.95, Some("x10^9/L".into()))));
        assert_eq!(number("1 200 /uL"), Ok((1200.0, Some("/uL".into()))));
        assert_eq!(number("2.500 /uL"), Err(AnswerError::AmbiguousNumber));
        assert_eq!(set("ecog", "3 points".into()), Err(AnswerError::UnexpectedUnit("points".into())));
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
