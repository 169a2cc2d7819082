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
    /// A unit given to a plain number (a score, a ratio).
    UnexpectedUnit(String),
    /// "2.500": 2500 or 2.5? Refused rather than guessed.
    AmbiguousNumber,
    NotWhole,
    OutOfRange {
        min: f64,
        max: f64,
        unit: Option<&'static str>,
        /// Another unit in which the number would be possible ("55 mg/dL"
        /// is not a creatinine, 55 µmol/L is).
        other_unit: Option<&'static str>,
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
            AnswerError::UnexpectedUnit(u) => write!(f, "this answer is a plain number, without a unit (remove `{u}`)"),
            AnswerError::AmbiguousNumber => {
                write!(f, "this number is ambiguous: write it without a thousands separator (2500, or 2.5)")
            }
            AnswerError::NotWhole => write!(f, "give a whole number"),
            AnswerError::OutOfRange { min, max, unit, other_unit } => {
                let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
                write!(f, "this value is not possible: it must be between {min}{unit} and {max}{unit}")?;
                match other_unit {
                    Some(other) => write!(f, " (did you mean {other}?)"),
                    None => Ok(()),
                }
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
            (Answer::Multi(chosen) | Answer::Remembered(chosen), Kind::Multi { options }) => {
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
                    (None, Some(u)) => return Err(AnswerError::UnexpectedUnit(u.clone())),
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
                    // The same number in another unit may be what the report says.
                    let other_unit = quantity.and_then(|q| {
                        q.unit_symbols()
                            .into_iter()
                            .filter(|u| Some(*u) != unit)
                            .find(|u| q.to_canonical(*value, u).is_ok_and(|v| (*min..=*max).contains(&v)))
                    });
                    return Err(AnswerError::OutOfRange {
                        min: round_sig(min / factor),
                        max: round_sig(max / factor),
                        unit,
                        other_unit,
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
            (Answer::Medications(uses) | Answer::RememberedMedications(uses), Kind::Medications { options, .. }) => {
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
        Kind::Multi { .. } => "a list of options, or {\"remembered\": [...]} for items ticked from memory",
        Kind::Number { quantity: Some(_), .. } => "a number with its unit, e.g. \"0.8 mg/dL\"",
        Kind::Number { quantity: None, .. } => "a number",
        Kind::Date { .. } => "a date, \"YYYY-MM-DD\" or \"YYYY-MM\"",
        Kind::Medications { .. } => {
            "a list of {\"drug\", \"months\", \"stopped_for_side_effects\"}, or {\"remembered\": [...]} for medicines listed from memory"
        }
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

    /// Lists of this multiple choice read as ticked from memory (a file
    /// written in a plain-word mode before lists said whether they were complete).
    pub fn as_remembered(&mut self, id: &str) {
        if let Some(Answer::Multi(chosen)) = self.0.get(id) {
            let chosen = chosen.clone();
            self.0.insert(id.to_string(), Answer::Remembered(chosen));
        }
    }

    pub fn to_raw(&self) -> BTreeMap<String, RawAnswer> {
        crate::sort::map(self.0.iter().map(|(id, a)| (id.clone(), RawAnswer::from(a))))
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

/// "0.8 mg/dL" -> 0.8 and "mg/dL"; "0,95 x10^9/L" -> 0.95; "7" -> 7 without
/// a unit. The number is read by `read_number`, as in the form: "2.500 /uL"
/// is refused as ambiguous, never read as 2.5.
pub fn parse_measurement(text: &str) -> Result<Answer, AnswerError> {
    let text = text.trim();
    let split =
        text.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | ' '))).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value = read_number(number)?;
    let unit = unit.trim();
    Ok(Answer::Number { value, unit: (!unit.is_empty()).then(|| unit.to_string()) })
}

/// The one number reader of the product: form fields, answers files, FHIR
/// files and the command line all read numbers here. Forgiving in what it
/// accepts ("1,5" with a decimal comma, as Vietnamese writes it, " 70 ",
/// "1 200"), exact in what it refuses: where a comma or point may be a
/// thousands separator ("2.500": 2500 in Vietnamese, 2.5 in English) the
/// number is refused as ambiguous rather than guessed, since a lab value
/// 1000 times off must never pass silently.
pub fn read_number(text: &str) -> Result<f64, AnswerError> {
    let compact: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let separators: Vec<usize> = compact.match_indices([',', '.']).map(|(i, _)| i).collect();
    match separators.as_slice() {
        [] => {}
        [at] => {
            let (whole, decimals) = (compact.get(..*at).unwrap_or(""), compact.get(at + 1..).unwrap_or(""));
            let digits = whole.trim_start_matches(['-', '+']);
            if decimals.len() == 3 && (1..=3).contains(&digits.len()) && !digits.starts_with('0') {
                return Err(AnswerError::AmbiguousNumber);
            }
        }
        _ => {
            let one_kind = compact.matches(',').count() == 0 || compact.matches('.').count() == 0;
            return Err(if one_kind { AnswerError::NotANumber } else { AnswerError::AmbiguousNumber });
        }
    }
    let plain = compact.replace(',', ".");
    // Only digits, one point and a leading sign: "inf", "NaN" and "1e3" are not lab values.
    let well_formed = plain.trim_start_matches(['-', '+']).chars().all(|c| c.is_ascii_digit() || c == '.')
        && plain.chars().any(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(AnswerError::NotANumber);
    }
    crate::clinical::decimal::parse(&plain).filter(|v| v.is_finite()).ok_or(AnswerError::NotANumber)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::units::Quantity;
    use crate::engine::question::{AnsweredBy, Group};

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
