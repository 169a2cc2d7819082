//! Why an answer was refused, in the person's words: the form, the lab panel,
//! a file's import and the command line say the same thing for the same error.

use super::{Messages, format_number};
use crate::clinical::units::display;
use crate::engine::answer::AnswerError;

/// One refused answer in words.
pub fn refusal_words(messages: &Messages, language: &str, error: &AnswerError) -> String {
    let get = |id: &str| messages.get(language, id).unwrap_or(id).to_string();
    match error {
        AnswerError::OutOfRange { min, max, unit, other_unit } => {
            let (min, max) = (format_number(language, *min), format_number(language, *max));
            let unit = unit.map(display).unwrap_or_default();
            let args = [("min", min.as_str()), ("max", max.as_str()), ("unit", unit.as_str())];
            let range = messages.format(language, "error-out-of-range", &args).unwrap_or_default();
            match other_unit {
                Some(other) => {
                    let other = display(other);
                    let hint = messages.format(language, "error-other-unit", &[("unit", &other)]).unwrap_or_default();
                    format!("{range} {hint}")
                }
                None => range,
            }
        }
        AnswerError::Unusual { value, unit, other_unit } => {
            let (value, unit, other) = (format_number(language, *value), display(unit), display(other_unit));
            let args = [("value", value.as_str()), ("unit", unit.as_str()), ("other", other.as_str())];
            messages.format(language, "error-unusual", &args).unwrap_or_default()
        }
        AnswerError::NotANumber => get("error-not-a-number"),
        AnswerError::AmbiguousNumber => get("error-ambiguous-number"),
        AnswerError::NotWhole => get("error-not-whole"),
        AnswerError::BadDate | AnswerError::NeedsDay => get("error-bad-date"),
        AnswerError::InTheFuture => get("error-future"),
        AnswerError::TooLongAgo => get("error-too-long-ago"),
        AnswerError::BadDuration => get("error-bad-months"),
        _ => get("error-other"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_reads_in_the_persons_language_with_its_numbers_written_her_way() {
        let messages = Messages::shipped().unwrap();
        let error = AnswerError::OutOfRange { min: 0.1, max: 20.0, unit: Some("mg/dL"), other_unit: Some("umol/L") };
        let vi = refusal_words(&messages, "vi", &error);
        // Vietnamese decimal comma, the unit, the hint of the other unit; no English left in.
        assert!(vi.contains("0,1") && vi.contains("20") && vi.contains("mg/dL") && vi.contains("µmol/L"), "{vi}");
        // Said back: the number, the unit given and the one it may have been, as a report prints them.
        let unusual = AnswerError::Unusual { value: 12.0, unit: "mg/dL".into(), other_unit: "umol/L" };
        let zh = refusal_words(&messages, "zh", &unusual);
        assert!(zh.contains("12 mg/dL") && zh.contains("12 µmol/L") && !zh.contains("umol"), "{zh}");
        assert!(!vi.contains("not possible") && !vi.contains("{"), "{vi}");
        for language in ["en", "vi", "zh"] {
            for error in
                [AnswerError::NotANumber, AnswerError::AmbiguousNumber, AnswerError::InTheFuture, AnswerError::BadDate]
            {
                let words = refusal_words(&messages, language, &error);
                assert!(!words.is_empty() && !words.starts_with("error-"), "{language}: {error:?}: {words}");
            }
        }
        assert_ne!(
            refusal_words(&messages, "zh", &AnswerError::NotANumber),
            refusal_words(&messages, "en", &AnswerError::NotANumber)
        );
    }
}
