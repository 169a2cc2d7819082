//! Patients' stories through the engine and the shipped catalog: what each
//! trial says for them, and why. Today is fixed so ages do not drift.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{patient, read, today, with};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use trialcheck::engine::assess::{Requirement, Settler, Verdict, assess_catalog};
use trialcheck::engine::catalog::Catalog;

const GUANGZHOU: &str = "NCT06904729";
const HANGZHOU: &str = "NCT07233642";
const HANOI: &str = "NCT07432334";

struct Outcome {
    verdict: Verdict,
    failing: Vec<String>,
    open: Vec<(String, Option<Settler>)>,
}

fn screen(answers: &Value) -> BTreeMap<String, Outcome> {
    let catalog = Catalog::shipped().unwrap();
    let answers = read(answers, &catalog);
    assess_catalog(&catalog, &answers, today(), &[])
        .into_iter()
        .map(|a| {
            let failing = a.with(Requirement::NotMet).map(|c| c.criterion.id.clone()).collect();
            let open = a.with(Requirement::Unknown).map(|c| (c.criterion.id.clone(), c.settled_by)).collect();
            (a.trial.id.clone(), Outcome { verdict: a.verdict, failing, open })
        })
        .collect()
}

fn fails_only_on(answers: &Value, trial: &str, criterion: &str) {
    let result = &screen(answers)[trial];
    assert_eq!(result.verdict, Verdict::NotEligible, "{trial}");
    assert_eq!(result.failing, [criterion], "{trial}");
}

#[test]
fn a_ten_year_old_with_class_iv_nephritis_may_qualify_in_china_but_is_too_young_for_hanoi() {
    let results = screen(&patient("girl-10-class-iv-nephritis"));
    assert_eq!(results[GUANGZHOU].verdict, Verdict::LikelyEligible);
    assert_eq!(results[HANGZHOU].verdict, Verdict::LikelyEligible);
    assert_eq!(results[HANOI].verdict, Verdict::NotEligible);
    assert_eq!(results[HANOI].failing, ["age"]);
}

#[test]
fn each_main_reason_alone_rules_out_the_guangzhou_trial() {
    let girl = patient("girl-10-class-iv-nephritis");
    fails_only_on(&with(girl.clone(), json!({"date_of_birth": "2007-11-20"})), GUANGZHOU, "age");
    fails_only_on(&with(girl.clone(), json!({"biopsy_class": ["V"]})), GUANGZHOU, "lupus_nephritis_biopsy");
    // Only one immunosuppressant ever taken: not refractory by the trial's definition.
    let one_drug = json!([{"drug": "glucocorticoids", "months": 18}, {"drug": "hydroxychloroquine", "months": 18}]);
    fails_only_on(&with(girl.clone(), json!({"lupus_medicines": one_drug})), GUANGZHOU, "refractory");
    fails_only_on(
        &with(girl.clone(), json!({"alt": "130 U/L", "enzymes_raised_by_myositis": false})),
        GUANGZHOU,
        "liver",
    );
    fails_only_on(&with(girl.clone(), json!({"infection_uncontrolled": true})), GUANGZHOU, "infection");
    fails_only_on(&with(girl, json!({"prior_car_t": true})), GUANGZHOU, "prior_car_t");
}

#[test]
fn a_high_alt_stays_open_until_the_doctor_says_whether_myositis_explains_it() {
    let girl = with(patient("girl-10-class-iv-nephritis"), json!({"alt": "130 U/L"}));
    let r = &screen(&girl)[GUANGZHOU];
    assert_eq!(r.verdict, Verdict::Undecided);
    assert_eq!(r.open, [("liver".to_string(), Some(Settler::Doctor))]);
}

#[test]
fn the_same_alt_passes_when_the_persons_own_lab_limit_is_higher() {
    let girl = with(patient("girl-10-class-iv-nephritis"), json!({"alt": "130 U/L", "alt_uln": "45 U/L"}));
    assert_eq!(screen(&girl)[GUANGZHOU].verdict, Verdict::LikelyEligible);
}

#[test]
fn egfr_below_30_by_the_childs_formula_rules_out_even_where_the_adult_formula_would_not() {
    // 140 cm, creatinine 2.0 mg/dL: bedside Schwartz 28.9; CKD-EPI would say about 38.
    let girl =
        with(patient("girl-10-class-iv-nephritis"), json!({"creatinine": "2.0 mg/dL", "kidney_low_from_lupus": false}));
    let results = screen(&girl);
    assert_eq!(results[GUANGZHOU].failing, ["kidney_function"]);
    assert_eq!(results[HANGZHOU].failing, ["kidney_function"]);
    // Guangzhou accepts low kidney function caused by lupus itself.
    let from_lupus = with(girl, json!({"kidney_low_from_lupus": true}));
    assert_eq!(screen(&from_lupus)[GUANGZHOU].verdict, Verdict::LikelyEligible);
}

#[test]
fn an_adult_is_judged_by_ckd_epi_in_hangzhou() {
    // 30-year-old woman, creatinine 2.5 mg/dL: CKD-EPI 2021 about 25.
    let woman = with(
        patient("girl-10-class-iv-nephritis"),
        json!({"date_of_birth": "1996-06-01", "creatinine": "221 umol/L", "height": null}),
    );
    assert_eq!(screen(&woman)[HANGZHOU].failing, ["kidney_function"]);
}

#[test]
fn labs_answered_dont_know_leave_trials_undecided_never_ruled_out() {
    let labs = [
        "creatinine",
        "wbc",
        "neutrophils",
        "lymphocytes",
        "hemoglobin",
        "alt",
        "alt_uln",
        "ast",
        "ast_uln",
        "bilirubin",
        "bilirubin_uln",
        "inr",
        "inr_uln",
        "pt",
        "pt_uln",
        "lvef",
        "spo2",
    ];
    let mut girl = patient("girl-10-class-iv-nephritis");
    for lab in labs {
        girl[lab] = json!("dont_know");
    }
    let results = screen(&girl);
    for trial in [GUANGZHOU, HANGZHOU] {
        let r = &results[trial];
        assert_eq!(r.verdict, Verdict::Undecided, "{trial}");
        assert!(r.failing.is_empty(), "{trial}: {:?}", r.failing);
        assert!(r.open.iter().any(|(id, who)| id == "liver" && *who == Some(Settler::Doctor)), "{trial}: {:?}", r.open);
    }
}

#[test]
fn a_forty_year_old_who_knows_no_lab_values_is_never_ruled_out_by_a_lab() {
    let adult = json!({
        "date_of_birth": "1986-02-01", "sex": "male", "sle_diagnosed": true, "lupus_still_active": true,
        "creatinine": "dont_know", "alt": "dont_know", "alt_uln": "dont_know", "bilirubin": "dont_know",
        "neutrophils": "dont_know", "lymphocytes": "dont_know", "lvef": "dont_know", "lung_function_percent": "dont_know",
    });
    let results = screen(&adult);
    assert_eq!(results[GUANGZHOU].failing, ["age"]);
    assert_eq!(results[HANOI].verdict, Verdict::Undecided);
    assert_eq!(results[HANGZHOU].verdict, Verdict::Undecided);
}

#[test]
fn hepatitis_b_rules_out_only_with_virus_in_the_blood() {
    let girl = patient("girl-10-class-iv-nephritis");
    let past = with(girl.clone(), json!({"hepatitis_b": true, "hbv_dna_above_normal": false}));
    assert_eq!(screen(&past)[GUANGZHOU].verdict, Verdict::LikelyEligible);
    let active = with(girl.clone(), json!({"hepatitis_b": true, "hbv_dna_above_normal": true}));
    assert_eq!(screen(&active)[GUANGZHOU].failing, ["hepatitis_b"]);
    let unsure = with(girl, json!({"hepatitis_b": true, "hbv_dna_above_normal": "dont_know"}));
    assert_eq!(screen(&unsure)[GUANGZHOU].open, [("hepatitis_b".to_string(), Some(Settler::Doctor))]);
}

#[test]
fn a_medicine_stopped_for_side_effects_leaves_intolerance_for_the_study_team_to_confirm_in_hangzhou() {
    // One medicine stopped is not "intolerant to standard treatments" on its own, nor proof it is not.
    let meds = json!([{"drug": "glucocorticoids", "months": 2}, {"drug": "mycophenolate", "months": 1, "stopped_for_side_effects": true}]);
    let girl = with(
        patient("girl-10-class-iv-nephritis"),
        json!({"lupus_medicines": meds, "high_dose_steroid_3_months": false}),
    );
    let results = screen(&girl);
    assert_eq!(results[HANGZHOU].verdict, Verdict::Undecided);
    assert_eq!(results[HANGZHOU].open, [("refractory".to_string(), Some(Settler::StudyTeam))]);
    // Guangzhou: steroids and mycophenolate, but not for 6 months: the regimen is for the study team.
    assert_eq!(results[GUANGZHOU].open, [("refractory".to_string(), Some(Settler::StudyTeam))]);
}

#[test]
fn a_thirty_two_year_old_with_refractory_sle_may_qualify_in_hanoi_and_hangzhou_but_not_guangzhou() {
    let results = screen(&patient("woman-32-refractory-sle"));
    assert_eq!(results[HANOI].verdict, Verdict::LikelyEligible);
    assert_eq!(results[HANGZHOU].verdict, Verdict::LikelyEligible);
    assert_eq!(results[GUANGZHOU].verdict, Verdict::NotEligible);
    assert!(results[GUANGZHOU].failing.contains(&"age".to_string()));
}

#[test]
fn each_main_reason_alone_rules_out_the_hanoi_trial() {
    let woman = patient("woman-32-refractory-sle");
    fails_only_on(&with(woman.clone(), json!({"date_of_birth": "1968-01-01"})), HANOI, "age");
    // ALT is compared with 5 times her own lab's upper limit: 175 U/L.
    fails_only_on(&with(woman.clone(), json!({"alt": "180 U/L"})), HANOI, "liver");
    fails_only_on(&with(woman.clone(), json!({"bilirubin": "2.1 mg/dL"})), HANOI, "liver");
    fails_only_on(&with(woman.clone(), json!({"fvc_percent": "55 %", "fev1_percent": "52 %"})), HANOI, "lungs");
    // Tacrolimus and cyclosporine are one kind of medicine (calcineurin inhibitors).
    let one_kind = json!([{"drug": "glucocorticoids", "months": 36}, {"drug": "hydroxychloroquine", "months": 36},
        {"drug": "tacrolimus", "months": 8}, {"drug": "cyclosporine", "months": 9}]);
    fails_only_on(&with(woman.clone(), json!({"lupus_medicines": one_kind})), HANOI, "refractory");
    fails_only_on(&with(woman, json!({"sledai_items": ["seizure", "psychosis", "rash"]})), HANOI, "sledai");
}

#[test]
fn hangzhou_rules_out_by_its_own_criteria() {
    let woman = patient("woman-32-refractory-sle");
    fails_only_on(&with(woman.clone(), json!({"pregnant": true})), HANGZHOU, "pregnancy");
    fails_only_on(&with(woman.clone(), json!({"lvef": "50 %"})), HANGZHOU, "heart");
    // Dialysis in the last 3 months is a wait, whose end the study team knows.
    let dialysis = &screen(&with(woman, json!({"dialysis_last_3_months": true})))[HANGZHOU];
    assert_eq!(dialysis.verdict, Verdict::Undecided);
    assert_eq!(dialysis.open, [("dialysis".to_string(), Some(Settler::StudyTeam))]);
    // Four years old: five on 1 January, so "not yet"; at two, not within the year.
    let four = with(patient("girl-10-class-iv-nephritis"), json!({"date_of_birth": "2022-01-01"}));
    assert_eq!(screen(&four)[HANGZHOU].verdict, Verdict::NotYet);
    let two = with(patient("girl-10-class-iv-nephritis"), json!({"date_of_birth": "2024-06-01"}));
    assert!(screen(&two)[HANGZHOU].failing.contains(&"age".to_string()));
}
