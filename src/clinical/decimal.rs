//! Decimal numbers as people and registries write them (`-12`, `0.6`,
//! `1200.50`): sign, digits, at most one point, no exponent. Read here rather
//! than by `str::parse::<f64>`, whose general algorithm brings 14 KB of
//! tables into the wasm (measured) for exponents no lab value has.

/// Powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The nearest `f64` to `[+-]digits[.digits]`, or `None` when the text is
/// not of that form. Exact (one correctly rounded operation on two exact
/// values) whenever the digits fit in 2^53 and at most 22 of them follow
/// the point, which every lab value and every rule's limit does; beyond
/// that, within a few units in the last place.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits(whole) || !digits(fraction) {
        return None;
    }
    // The significant digits as an integer, and the power of ten they are
    // scaled by; digits past 19 are dropped (they cannot change an f64 much).
    let (mut mantissa, mut exponent, mut kept) = (0u64, 0i32, 0u32);
    for (b, after_point) in whole.bytes().map(|b| (b, false)).chain(fraction.bytes().map(|b| (b, true))) {
        let digit = u64::from(b - b'0');
        if kept < 19 {
            if mantissa > 0 || digit > 0 {
                kept += 1;
            }
            mantissa = mantissa * 10 + digit;
            exponent = exponent.saturating_sub(i32::from(after_point));
        } else if !after_point {
            exponent = exponent.saturating_add(1);
        }
    }
    let value = mantissa as f64;
    let scaled = match usize::try_from(exponent.unsigned_abs()).ok().and_then(|e| EXACT_POWERS.get(e)) {
        Some(power) if mantissa < (1 << 53) && exponent >= 0 => value * power,
        Some(power) if mantissa < (1 << 53) => value / power,
        _ => value * 10f64.powi(exponent),
    };
    Some(if negative { -scaled } else { scaled })
}

#[cfg(test)]
mod tests {
    use super::parse;
    use proptest::prelude::*;

    #[test]
    fn reads_what_people_write_and_refuses_the_rest() {
        assert_eq!(parse("0.6"), Some(0.6));
        assert_eq!(parse("-12"), Some(-12.0));
        assert_eq!(parse("+1200.50"), Some(1200.5));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("5."), Some(5.0));
        assert_eq!(parse("0.1").map(|x| x + 0.2), Some(0.1 + 0.2));
        for bad in ["", "-", ".", "1.2.3", "1e3", "inf", "NaN", "1,5", " 1", "--1", "0x10"] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    proptest! {
        // Bit for bit what the standard library reads, for every number of the form.
        #[test]
        fn equals_the_standard_parser(whole in "[0-9]{0,16}", fraction in "[0-9]{0,16}", sign in "[-+]?") {
            prop_assume!(!(whole.is_empty() && fraction.is_empty()));
            let text = if fraction.is_empty() { format!("{sign}{whole}") } else { format!("{sign}{whole}.{fraction}") };
            let theirs: f64 = text.parse().unwrap();
            let ours = parse(&text).unwrap();
            if whole.trim_start_matches('0').len() + fraction.len() <= 15 {
                prop_assert_eq!(ours.to_bits(), theirs.to_bits(), "{}", text);
            } else {
                prop_assert!((ours - theirs).abs() <= theirs.abs() * 1e-15, "{} {} {}", text, ours, theirs);
            }
        }
    }
}
