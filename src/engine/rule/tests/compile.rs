//! Phase 2, `compile`: a parsed rule checked against the question bank into
//! a typed tree, or every mistake with its kind and the part it points at.

use super::compiled;
use crate::engine::rule::ErrorKind::{self, *};
use crate::engine::rule::{Cond, Num};

#[test]
fn a_rule_compiles_to_the_questions_it_reads() {
    // (rule, the questions it reads, in order of first use)
    let table: &[(&str, &[&str])] = &[
        ("age_years >= 18", &["date_of_birth"]),
        ("sex == female and not pregnant", &["sex", "pregnant"]),
        ("creatinine <= 1.5 mg/dL", &["creatinine"]),
        ("alt <= 3 * alt_uln", &["alt", "alt_uln"]),
        ("biopsy_class in [III, IV] and months_since(biopsy_date) <= 6", &["biopsy_class", "biopsy_date"]),
        ("count_taken(lupus_medicines, [tacrolimus, mycophenolate], 6) >= 1", &["lupus_medicines"]),
        ("egfr >= 60 mL/min/1.73m2", &["creatinine", "date_of_birth", "height", "sex"]),
        ("study_team", &[]),
        ("dialysis_last_3_months", &["dialysis_last_3_months"]),
        ("recent_proliferative(6)", &["biopsy_class", "biopsy_date"]),
        ("clearly_proliferative", &["biopsy_class", "biopsy_date", "ana_positive"]),
    ];
    for (text, inputs) in table {
        let rule = compiled(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let mut read: Vec<&str> = rule.inputs.iter().map(String::as_str).collect();
        let mut expected = inputs.to_vec();
        // egfr reads its inputs in the formula's order; the set is what matters there.
        if text.starts_with("egfr") {
            read.sort_unstable();
            expected.sort_unstable();
        }
        assert_eq!(read, expected, "{text}");
    }
}

#[test]
fn the_tree_is_typed_a_window_question_is_a_wait_and_units_are_canonical() {
    let tree = |text: &str| compiled(text).unwrap_or_else(|e| panic!("{text}: {e:?}")).node;
    assert!(matches!(tree("dialysis_last_3_months"), Cond::Window(q) if q == "dialysis_last_3_months"));
    assert!(matches!(tree("pregnant"), Cond::YesNo(q) if q == "pregnant"));
    assert!(matches!(tree("study_team"), Cond::StudyTeam));
    // 88.4 µmol/L of creatinine is 1 mg/dL: the literal is held in the quantity's canonical unit.
    let (a, b) = match (tree("creatinine <= 88.4 umol/L"), tree("creatinine <= 1 mg/dL")) {
        (Cond::Compare(_, _, a), Cond::Compare(_, _, b)) => (a, b),
        other => panic!("{other:?}"),
    };
    match (*a, *b) {
        (Num::Literal(x), Num::Literal(y)) => assert!((x - y).abs() < 1e-9, "{x} {y}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_mistake_has_its_kind_and_points_at_its_part() {
    // (rule, kind, the part it points at)
    let table: &[(&str, ErrorKind, &str)] = &[
        ("creatinin <= 1 mg/dL", UnknownName, "creatinin"),
        ("frobnicate(alt) > 1", UnknownName, "frobnicate"),
        ("creatinine <= 1.5 g/L", Unit, "g/L"),
        ("creatinine <= 1.5", Unit, "1.5"),
        ("age_years and pregnant", Type, "age_years"),
        ("pregnant >= 1", Type, "pregnant"),
        ("sex == alien", Option, "alien"),
        ("biopsy_class in [VII]", Option, "VII"),
        ("count(lupus_medicines)", Arguments, "count(lupus_medicines)"),
        ("months_since(sex) > 1", Type, "sex"),
        ("recent_proliferative", Shared, "recent_proliferative"),
        ("not study_team", StudyTeamNegated, "not study_team"),
        ("age_years >=", Syntax, ""),
    ];
    for (text, kind, at) in table {
        let errors = compiled(text).err().unwrap_or_else(|| panic!("{text} compiled"));
        let e = errors.first().unwrap_or_else(|| panic!("{text}: no error"));
        assert_eq!((e.kind, text.get(e.span.start..e.span.end)), (*kind, Some(*at)), "{text}: {e}");
    }
}

#[test]
fn independent_mistakes_are_reported_together() {
    let errors = compiled("creatinin <= 1 mg/dL and sex == alien").unwrap_err();
    let kinds: Vec<ErrorKind> = errors.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [UnknownName, Option]);
}
