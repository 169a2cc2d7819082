//! Reading what a person typed into a form field as an answer. Forgiving in
//! what it accepts (a decimal comma, spaces), exact in what it refuses.

use crate::clinical::dates::PartialDate;
use crate::engine::answer::{Answer, AnswerError, read_number};

/// A number typed in a field, with the unit chosen beside it: the number read
/// as everywhere else (`engine::answer::read_number`).
pub fn measurement(text: &str, unit: Option<&str>) -> Result<Answer, AnswerError> {
    Ok(Answer::Number { value: read_number(text)?, unit: unit.map(String::from) })
}

/// A date from `<input type="date">` ("2016-03-15") or `type="month"` ("2026-05").
pub fn date(text: &str) -> Result<Answer, AnswerError> {
    PartialDate::parse(text).map(Answer::Date).ok_or(AnswerError::BadDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_date_and_month_fields() {
        assert!(matches!(date("2016-03-15"), Ok(Answer::Date(d)) if d.day == Some(15)));
        assert!(matches!(date("2026-05"), Ok(Answer::Date(d)) if d.day.is_none()));
        assert_eq!(date(""), Err(AnswerError::BadDate));
    }
}
