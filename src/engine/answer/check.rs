//! Whether an answer is possible for its question, and why not.

use super::{Answer, MAX_AGE_YEARS, MAX_TREATMENT_MONTHS};
use crate::clinical::dates::{Ymd, age_in_years};
use crate::engine::question::{DatePrecision, Kind, Question};
use std::collections::BTreeSet;
use std::fmt;

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
    /// Possible, but in another unit too, and it alone rules the person out
    /// of a trial: said back before it counts ("12 mg/dL is very high; did
    /// you mean µmol/L?"). `Action::ConfirmUnits` accepts it as given.
    Unusual {
        value: f64,
        unit: String,
        other_unit: &'static str,
    },
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
            AnswerError::Unusual { value, unit, other_unit } => write!(
                f,
                "{value} {unit} is unusual and alone rules out a trial: confirm it, or did you mean {value} {other_unit}?"
            ),
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

pub(super) fn expected(kind: &Kind) -> &'static str {
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
