//! Every unit conversion of the product lives here, and nowhere else.
//!
//! A quantity (creatinine, bilirubin, blood cell count...) has a canonical unit
//! in which the engine computes and compares, and the units a lab report may
//! use. Conversions are per analyte on purpose: "umol/L" means a different
//! factor for creatinine (88.4) than for bilirubin (17.1).

use std::fmt;

/// One measured quantity and the units it may be written in.
#[derive(Debug, PartialEq)]
pub struct Quantity {
    /// The id trial files use (`quantity = "creatinine"`).
    pub id: &'static str,
    /// Units, canonical first: (symbol, how many canonical units one of it is).
    units: &'static [(&'static str, f64)],
}

/// Why a unit could not be used for a quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitError {
    pub unit: String,
    pub quantity: &'static str,
    pub accepted: Vec<&'static str>,
}

impl fmt::Display for UnitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a unit of {} (use one of: {})",
            self.unit,
            self.quantity.replace('_', " "),
            self.accepted.join(", ")
        )
    }
}

const CREATININE_UMOL_PER_MG_DL: f64 = 88.4;
const BILIRUBIN_UMOL_PER_MG_DL: f64 = 17.1;
/// Creatinine's molar mass in mg/mmol, for a protein/creatinine ratio in mg/mmol.
const CREATININE_MG_PER_MMOL: f64 = 113.12;

pub static QUANTITIES: &[Quantity] = &[
    Quantity { id: "creatinine", units: &[("mg/dL", 1.0), ("umol/L", 1.0 / CREATININE_UMOL_PER_MG_DL)] },
    Quantity { id: "bilirubin", units: &[("mg/dL", 1.0), ("umol/L", 1.0 / BILIRUBIN_UMOL_PER_MG_DL)] },
    Quantity { id: "hemoglobin", units: &[("g/L", 1.0), ("g/dL", 10.0)] },
    Quantity { id: "albumin", units: &[("g/L", 1.0), ("g/dL", 10.0)] },
    Quantity {
        // White cells, neutrophils, lymphocytes, platelets.
        id: "blood_cells",
        // G/L (giga per litre) is how Vietnamese reports print it: the same as x10^9/L.
        units: &[
            ("x10^9/L", 1.0),
            ("G/L", 1.0),
            ("x10^3/uL", 1.0),
            ("/uL", 0.001),
            ("cells/uL", 0.001),
            ("/mm3", 0.001),
        ],
    },
    Quantity { id: "enzyme_activity", units: &[("U/L", 1.0), ("IU/L", 1.0)] },
    Quantity { id: "egfr", units: &[("mL/min/1.73m2", 1.0)] },
    Quantity { id: "percent", units: &[("%", 1.0)] },
    Quantity { id: "height", units: &[("cm", 1.0), ("m", 100.0)] },
    Quantity { id: "weight", units: &[("kg", 1.0)] },
    Quantity { id: "proteinuria", units: &[("g/24h", 1.0), ("mg/24h", 0.001)] },
    Quantity {
        id: "protein_creatinine_ratio",
        units: &[("mg/mg", 1.0), ("g/g", 1.0), ("mg/mmol", 1.0 / CREATININE_MG_PER_MMOL)],
    },
    Quantity { id: "time_seconds", units: &[("s", 1.0)] },
];

/// Whether two unit spellings are the same unit: "µmol/L", "μmol/l" and
/// "umol/L" agree, spaces aside. Compared char by char, without building
/// either spelling anew: the rule lexer asks this of every unit for every
/// number, and a catalog of 1,000 trials has tens of thousands of numbers.
fn same_unit(a: &str, b: &str) -> bool {
    same_spelling(a.trim(), b.trim())
}

fn same_spelling(a: &str, b: &str) -> bool {
    fn spelled(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| *c != ' ').map(|c| match c {
            'µ' | 'μ' => 'u',
            '×' => 'x',
            c => c.to_ascii_lowercase(),
        })
    }
    spelled(a).eq(spelled(b))
}

impl Quantity {
    pub fn by_id(id: &str) -> Option<&'static Quantity> {
        QUANTITIES.iter().find(|q| q.id == id)
    }

    pub fn canonical_unit(&self) -> &'static str {
        self.units.first().map_or("", |u| u.0)
    }

    pub fn unit_symbols(&self) -> Vec<&'static str> {
        self.units.iter().map(|u| u.0).collect()
    }

    /// The units in the order a form offers them in `language`: the unit its
    /// lab reports usually print first (creatinine and bilirubin in µmol/L
    /// in Vietnam and China).
    pub fn units_for(&self, language: &str) -> Vec<&'static str> {
        let mut units = self.unit_symbols();
        if matches!(language, "vi" | "zh") && matches!(self.id, "creatinine" | "bilirubin") {
            crate::sort::sort_by_key(&mut units, |u| *u != "umol/L");
        }
        units
    }

    /// The unit as this quantity spells it, if it is one of its units.
    pub fn unit(&self, symbol: &str) -> Result<&'static str, UnitError> {
        self.factor(symbol).map(|(s, _)| s)
    }

    fn factor(&self, symbol: &str) -> Result<(&'static str, f64), UnitError> {
        self.units.iter().find(|(s, _)| same_unit(s, symbol)).copied().ok_or_else(|| UnitError {
            unit: symbol.to_string(),
            quantity: self.id,
            accepted: self.unit_symbols(),
        })
    }

    pub fn to_canonical(&self, value: f64, unit: &str) -> Result<f64, UnitError> {
        Ok(value * self.factor(unit)?.1)
    }

    pub fn from_canonical(&self, value: f64, unit: &str) -> Result<f64, UnitError> {
        Ok(value / self.factor(unit)?.1)
    }
}

/// The UCUM code of a unit symbol, for exchanging values with clinical systems.
pub fn ucum(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "mg/dL" => "mg/dL",
        "umol/L" => "umol/L",
        "g/L" => "g/L",
        "g/dL" => "g/dL",
        "x10^9/L" | "G/L" => "10*9/L",
        "x10^3/uL" => "10*3/uL",
        "/uL" | "cells/uL" => "/uL",
        "/mm3" => "/mm3",
        "U/L" => "U/L",
        // International units are not enzyme units in UCUM: [IU]/L is not convertible to U/L.
        "IU/L" => "[IU]/L",
        "mL/min/1.73m2" => "mL/min/{1.73_m2}",
        "%" => "%",
        "cm" => "cm",
        "m" => "m",
        "kg" => "kg",
        "g/24h" => "g/(24.h)",
        "mg/24h" => "mg/(24.h)",
        "mg/mg" => "mg/mg",
        "g/g" => "g/g",
        "mg/mmol" => "mg/mmol",
        "s" => "s",
        _ => return None,
    })
}

/// Whether `text` starts with a unit symbol of any quantity; returns the
/// longest one's length in bytes. The rule lexer uses this to read `34 umol/L`.
pub fn unit_prefix_len(text: &str) -> Option<usize> {
    // Most numbers in a rule are followed by a space and a word (`and`, `or`),
    // or by nothing: no unit starts with a letter that isn't one of theirs.
    let first = text.chars().next().filter(|c| !c.is_whitespace() && *c != ')' && *c != ',')?;
    let starts = |u: &str| u.chars().next().is_some_and(|c| c.eq_ignore_ascii_case(&first));
    if first.is_ascii_alphabetic() && !QUANTITIES.iter().flat_map(|q| q.units).any(|(u, _)| starts(u)) {
        return None;
    }
    QUANTITIES
        .iter()
        .flat_map(|q| q.units.iter())
        .filter_map(|(symbol, _)| {
            let n = symbol.len();
            let head = text.get(..n)?;
            let boundary = text[n..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            (same_spelling(head, symbol) && boundary).then_some(n)
        })
        .max()
}

/// A unit as people read it on a report: µmol/L, ×10⁹/L, mL/min/1.73 m²
/// (the symbols above stay ASCII, as files and rules write them).
pub fn display(symbol: &str) -> String {
    symbol
        .replace("umol", "µmol")
        .replace("/uL", "/µL")
        .replace("x10^9", "×10⁹")
        .replace("x10^3", "×10³")
        .replace("/mm3", "/mm³")
        .replace("1.73m2", "1.73 m²")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::test_vectors::vectors;

    fn q(id: &str) -> &'static Quantity {
        Quantity::by_id(id).unwrap_or_else(|| unreachable!("no quantity {id}"))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn reference_conversions_hold_both_ways() {
        let v = vectors();
        for case in v["unit_conversions"].as_array().into_iter().flatten() {
            let ex = &case["example"];
            let (quantity, from, to) = match case["analyte"].as_str() {
                Some("creatinine") => ("creatinine", ("mg/dL", "mg_dl"), ("umol/L", "umol_l")),
                Some("bilirubin") => ("bilirubin", ("mg/dL", "mg_dl"), ("umol/L", "umol_l")),
                Some("hemoglobin") => ("hemoglobin", ("g/dL", "g_dl"), ("g/L", "g_l")),
                Some(a) if a.starts_with("WBC") => ("blood_cells", ("x10^9/L", "x10e9_per_l"), ("/uL", "per_ul")),
                other => panic!("test vector for an analyte we do not convert: {other:?}"),
            };
            let quantity = q(quantity);
            let a = ex[from.1].as_f64().unwrap_or(f64::NAN);
            let b = ex[to.1].as_f64().unwrap_or(f64::NAN);
            let canonical_a = quantity.to_canonical(a, from.0).unwrap_or(f64::NAN);
            let canonical_b = quantity.to_canonical(b, to.0).unwrap_or(f64::NAN);
            assert!(close(canonical_a, canonical_b), "{case}: {canonical_a} vs {canonical_b}");
            let back = quantity.from_canonical(canonical_a, to.0).unwrap_or(f64::NAN);
            assert!(close(back, b), "{case}: {back} vs {b}");
        }
    }

    #[test]
    fn same_symbol_differs_by_analyte() {
        let creat = q("creatinine").to_canonical(88.4, "umol/L").unwrap_or(0.0);
        let bili = q("bilirubin").to_canonical(17.1, "umol/L").unwrap_or(0.0);
        assert!(close(creat, 1.0) && close(bili, 1.0));
    }

    #[test]
    fn spellings_of_micro_and_case_are_accepted() {
        let c = q("creatinine");
        assert_eq!(c.unit("µmol/L"), Ok("umol/L"));
        assert_eq!(c.unit("umol/l"), Ok("umol/L"));
        assert_eq!(q("blood_cells").unit("×10^9/L"), Ok("x10^9/L"));
    }

    #[test]
    fn a_unit_of_another_quantity_is_refused_with_the_accepted_ones() {
        let err = q("creatinine").to_canonical(1.0, "g/L").err();
        let err = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("`g/L` is not a unit of creatinine"), "{err}");
        assert!(err.contains("mg/dL, umol/L"), "{err}");
    }

    #[test]
    fn forms_offer_first_the_unit_local_reports_print() {
        assert_eq!(q("creatinine").units_for("en").first(), Some(&"mg/dL"));
        assert_eq!(q("creatinine").units_for("vi").first(), Some(&"umol/L"));
        assert_eq!(q("bilirubin").units_for("zh").first(), Some(&"umol/L"));
        // G/L, as Vietnamese reports print blood counts, is 10^9/L.
        assert_eq!(q("blood_cells").to_canonical(4.5, "G/L"), Ok(4.5));
    }

    #[test]
    fn units_are_shown_as_reports_print_them() {
        assert_eq!(display("umol/L"), "µmol/L");
        assert_eq!(display("x10^9/L"), "×10⁹/L");
        assert_eq!(display("x10^3/uL"), "×10³/µL");
        assert_eq!(display("cells/uL"), "cells/µL");
        assert_eq!(display("mL/min/1.73m2"), "mL/min/1.73 m²");
        assert_eq!(display("mg/dL"), "mg/dL");
    }

    #[test]
    fn each_unit_exports_the_ucum_code_that_means_it() {
        assert_eq!(ucum("IU/L"), Some("[IU]/L"));
        assert_eq!(ucum("U/L"), Some("U/L"));
        assert_eq!(ucum("G/L"), Some("10*9/L"));
        assert_eq!(ucum("umol/L"), Some("umol/L"));
    }

    #[test]
    fn every_unit_has_a_ucum_code() {
        for q in QUANTITIES {
            for symbol in q.unit_symbols() {
                assert!(ucum(symbol).is_some(), "{symbol} of {}", q.id);
            }
        }
    }

    #[test]
    fn lexer_prefix_takes_the_longest_unit_and_respects_word_ends() {
        assert_eq!(unit_prefix_len("mg/dL and x"), Some(5));
        assert_eq!(unit_prefix_len("mg/mmol)"), Some(7));
        assert_eq!(unit_prefix_len("x10^9/L"), Some(7));
        assert_eq!(unit_prefix_len("mass"), None);
        assert_eq!(unit_prefix_len("sex"), None);
    }
}
