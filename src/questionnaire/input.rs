//! Reading what a person typed into a form field as an answer. Forgiving in
//! what it accepts (a decimal comma, spaces), exact in what it refuses.

use crate::clinical::dates::PartialDate;
use crate::engine::answer::{Answer, AnswerError, read_number};

/// A number typed in a form: read as everywhere else (see `read_number`).
pub fn number(text: &str) -> Result<f64, AnswerError> {
    read_number(text)
}

pub fn measurement(text: &str, unit: Option<&str>) -> Result<Answer, AnswerError> {
    Ok(Answer::Number { value: number(text)?, unit: unit.map(String::from) })
}

/// A date from `<input type="date">` ("2016-03-15") or `type="month"` ("2026-05").
pub fn date(text: &str) -> Result<Answer, AnswerError> {
    PartialDate::parse(text).map(Answer::Date).ok_or(AnswerError::BadDate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_and_spaces_are_read() {
        assert_eq!(number("1,5"), Ok(1.5));
        assert_eq!(number(" 70 "), Ok(70.0));
        assert_eq!(number("1 200"), Ok(1200.0));
    }

    #[test]
    fn a_separator_that_may_mean_thousands_is_refused_not_guessed() {
        for ambiguous in ["2.500", "2,500", "1.200,5", "1,200.5", "-1.500"] {
            assert_eq!(number(ambiguous), Err(AnswerError::AmbiguousNumber), "{ambiguous}");
        }
        // Unambiguous: a leading zero, or not three decimals.
        assert_eq!(number("0,500"), Ok(0.5));
        assert_eq!(number("2,5"), Ok(2.5));
        assert_eq!(number("1.25"), Ok(1.25));
        assert_eq!(number("2500"), Ok(2500.0));
        assert_eq!(number("12.3456"), Ok(12.3456));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for bad in ["", "abc", "1.2.3", "1,2,3", "NaN", "inf", "--1", "1.2.34"] {
            assert_eq!(number(bad), Err(AnswerError::NotANumber), "{bad}");
        }
    }

    #[test]
    fn dates_from_date_and_month_fields() {
        assert!(matches!(date("2016-03-15"), Ok(Answer::Date(d)) if d.day == Some(15)));
        assert!(matches!(date("2026-05"), Ok(Answer::Date(d)) if d.day.is_none()));
        assert_eq!(date(""), Err(AnswerError::BadDate));
    }
}
