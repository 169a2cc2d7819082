//! The one number reader of the product (form fields, answers files, FHIR
//! files, the command line).

use super::{Answer, AnswerError};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Result<f64, AnswerError> {
        read_number(text)
    }

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
}
