//! The functions and derived names a rule may use: each one of the table
//! compiles as its usage says and gives what the table says it gives.

use super::compiled;
use crate::engine::rule::ErrorKind;
use crate::engine::rule::compile::Gives;
use crate::engine::rule::functions::TABLE;

/// A use of each function over the small bank, as a whole condition.
fn sample(name: &str) -> &'static str {
    match name {
        "age_years" => "age_years >= 18",
        "egfr" => "egfr >= 60 mL/min/1.73m2",
        "study_team" => "study_team",
        "count" => "count(biopsy_class, [III, IV]) >= 1",
        "count_taken" => "count_taken(lupus_medicines, [tacrolimus], 6) >= 1",
        "count_inadequate" => "count_inadequate(lupus_medicines, [tacrolimus], 6) >= 1",
        "count_intolerant" => "count_intolerant(lupus_medicines, [tacrolimus]) >= 1",
        "sledai2k" => "sledai2k(sledai_items) >= 8",
        "sledai2k_lab" => "sledai2k_lab(sledai_items) >= 4",
        "sledai2k_without_cns" => "sledai2k_without_cns(sledai_items) >= 8",
        "sledai2k_clinical" => "sledai2k_clinical(sledai_items) >= 4",
        "sledai2k_without" => "sledai2k_without(sledai_items, [fever]) >= 6",
        "eular_acr_score" => "eular_acr_score(eular_items) >= 10",
        "eular_acr_classified" => "eular_acr_classified(ana_positive, eular_items)",
        "at_least" => "at_least(1, pregnant, ana_positive)",
        "months_since" => "months_since(biopsy_date) <= 6",
        "egfr_schwartz" => "egfr_schwartz(creatinine, height) >= 60 mL/min/1.73m2",
        "egfr_ckd_epi" => "egfr_ckd_epi(creatinine, age_years, sex) >= 60 mL/min/1.73m2",
        other => panic!("`{other}` is in the table of functions but has no sample here: add one"),
    }
}

#[test]
fn every_function_of_the_table_compiles_as_its_usage_says() {
    for f in TABLE {
        let text = sample(f.name);
        compiled(text).unwrap_or_else(|e| panic!("{}: {text}: {e:?}", f.name));
        // A condition stands alone; a number does not.
        let alone = compiled(if f.is_derived() { f.name } else { f.usage });
        match f.gives {
            Gives::Condition if f.is_derived() => assert!(alone.is_ok(), "{}", f.name),
            Gives::Number => assert!(alone.is_err(), "{} gives a number: alone it is no condition", f.name),
            Gives::Condition => {}
        }
    }
}

#[test]
fn a_function_given_the_wrong_arguments_says_so() {
    let table = [
        "count_taken(lupus_medicines, [tacrolimus]) >= 1",
        "months_since() > 1",
        "at_least(pregnant, ana_positive)",
        "egfr_schwartz(creatinine) >= 60 mL/min/1.73m2",
    ];
    for text in table {
        let errors = compiled(text).err().unwrap_or_else(|| panic!("{text} compiled"));
        assert!(errors.iter().any(|e| matches!(e.kind, ErrorKind::Arguments | ErrorKind::Type)), "{text}: {errors:?}");
    }
}
