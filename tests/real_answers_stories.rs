//! Stories of people answering as people do: from memory, in plain words,
//! with drugs the trial's text names only as examples, a doctor's score
//! beside a few remembered symptoms. One or more stories per rule of "How an
//! estimate is made" (docs/estimates.md): none of these people may be told "not
//! eligible" unless their own answers exclude them, and every open point says
//! who can settle it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{patient, read, today, with};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use trialcheck::engine::assess::{Assessment, Requirement, Settler, Verdict, assess_catalog};
use trialcheck::engine::catalog::Catalog;
use trialcheck::engine::relevance::questions_to_ask;

const GUANGZHOU: &str = "NCT06904729";
const HANGZHOU: &str = "NCT07233642";
const HANOI: &str = "NCT07432334";

/// What one criterion of one trial says for these answers, and who can settle it.
fn criterion(answers: &Value, trial: &str, id: &str) -> (Requirement, Option<Settler>) {
    let catalog = Catalog::shipped().unwrap();
    let answers = read(answers, &catalog);
    let assessed = assess_catalog(&catalog, &answers, today(), &[trial.to_string()]);
    let c = assessed[0].criteria.iter().find(|c| c.criterion.id == id).unwrap();
    (c.requirement, c.settled_by)
}

fn trial(answers: &Value, id: &str) -> (Verdict, bool) {
    let catalog = Catalog::shipped().unwrap();
    let answers = read(answers, &catalog);
    let a: Vec<Assessment> = assess_catalog(&catalog, &answers, today(), &[id.to_string()]);
    (a[0].verdict, a[0].pending_screening)
}

fn open(settler: Settler) -> (Requirement, Option<Settler>) {
    (Requirement::Unknown, Some(settler))
}

const MET: (Requirement, Option<Settler>) = (Requirement::Met, None);
const NOT_MET: (Requirement, Option<Settler>) = (Requirement::NotMet, None);

/// A mother of a ten-year-old, answering from memory: everything the
/// classification needs except a complete list of the EULAR/ACR items.
fn mother_of_girl(items: Value) -> Value {
    json!({
        "date_of_birth": "2016-03-15", "sex": "female", "sle_diagnosed": true,
        "ana_at_least_1_80": true, "eular_acr_items": items,
    })
}

// ---- 1. Open-world tick lists ----

#[test]
fn a_doctor_diagnosed_child_with_a_class_iv_biopsy_and_three_remembered_features_is_classified() {
    let girl = with(
        mother_of_girl(json!({"remembered": ["fever", "oral_ulcers", "nonscarring_alopecia"]})),
        json!({"biopsy_done": true, "biopsy_class": ["IV"]}),
    );
    // The class IV biopsy is the renal item (10 points) whether or not it was ticked.
    for t in [GUANGZHOU, HANGZHOU, HANOI] {
        assert_eq!(criterion(&girl, t, "sle_classification"), MET, "{t}");
    }
}

#[test]
fn features_remembered_short_of_the_threshold_leave_the_classification_to_the_doctor() {
    let girl = mother_of_girl(json!({"remembered": ["fever", "oral_ulcers"]}));
    // Whether her child had a kidney biopsy (its class counts, ticked or not) is the mother's to say.
    assert_eq!(criterion(&girl, GUANGZHOU, "sle_classification"), open(Settler::Person));
    let no_biopsy = with(girl, json!({"biopsy_done": false}));
    assert_eq!(criterion(&no_biopsy, GUANGZHOU, "sle_classification"), open(Settler::Doctor));
    // The same list, said to be complete from the doctor's records, does decide.
    let complete = mother_of_girl(json!(["fever", "oral_ulcers"]));
    assert_eq!(criterion(&complete, GUANGZHOU, "sle_classification"), NOT_MET);
}

#[test]
fn a_sledai_remembered_short_of_8_is_open_never_not_met() {
    let girl = json!({"sledai_items": {"remembered": ["rash", "alopecia"]}});
    assert_eq!(criterion(&girl, GUANGZHOU, "sledai"), open(Settler::Doctor));
    let enough = json!({"sledai_items": {"remembered": ["arthritis", "proteinuria"]}});
    assert_eq!(criterion(&enough, GUANGZHOU, "sledai"), MET);
}

// ---- 2. Every answer counts wherever it applies ----

#[test]
fn a_urine_protein_ratio_and_a_white_cell_count_add_their_sledai_points() {
    // The doctor's complete list has 6 points; the lab report adds proteinuria (4) and leukopenia (1).
    let labs = json!({"sledai_items": ["hematuria", "low_complement"], "upcr": "1.2 mg/mg", "wbc": "2.5 x10^9/L"});
    assert_eq!(criterion(&labs, HANGZHOU, "sledai"), MET);
    let without = json!({"sledai_items": ["hematuria", "low_complement"], "upcr": "0.2 mg/mg", "wbc": "5 x10^9/L"});
    assert_eq!(criterion(&without, HANGZHOU, "sledai"), NOT_MET);
}

#[test]
fn proteinuria_and_a_low_platelet_count_feed_the_classification() {
    // ANA positive; complete list with joints (6); proteinuria 0.8 g/24h (4) makes 10.
    let person = with(
        mother_of_girl(json!(["joint_involvement"])),
        json!({"proteinuria_24h": "0.8 g/24h", "platelets": "250 x10^9/L"}),
    );
    assert_eq!(criterion(&person, HANGZHOU, "sle_classification"), MET);
    let thrombocytopenia = with(mother_of_girl(json!(["joint_involvement"])), json!({"platelets": "60 x10^9/L"}));
    assert_eq!(criterion(&thrombocytopenia, HANGZHOU, "sle_classification"), MET);
}

// ---- 3. A doctor's number beats a sum of remembered items ----

#[test]
fn the_doctors_sledai_total_decides_over_remembered_descriptors() {
    let high = json!({"sledai_score": 18, "sledai_items": {"remembered": ["rash"]}});
    assert_eq!(criterion(&high, GUANGZHOU, "sledai"), MET);
    let low = json!({"sledai_score": 6, "sledai_items": {"remembered": ["rash", "proteinuria", "hematuria"]}});
    assert_eq!(criterion(&low, GUANGZHOU, "sledai"), NOT_MET);
}

#[test]
fn hanoi_decides_its_sledai_variant_from_what_the_total_and_the_descriptors_settle() {
    // 18 in all, 8 of them from kidney labs that were ticked: at least 8 without CNS, 8 from labs.
    let known = json!({"sledai_score": 18, "sledai_items": {"remembered": ["proteinuria", "hematuria"]}});
    assert_eq!(criterion(&known, HANOI, "sledai"), MET);
    // A total of 6 cannot hold 8 points without CNS, whatever they were.
    let low = json!({"sledai_score": 6, "sledai_items": {"remembered": []}});
    assert_eq!(criterion(&low, HANOI, "sledai"), NOT_MET);
    // 18 with nothing known of where the points come from: the doctor's records can tell.
    let unknown = json!({"sledai_score": 18, "sledai_items": {"remembered": []}});
    assert_eq!(criterion(&unknown, HANOI, "sledai"), open(Settler::Doctor));
}

#[test]
fn a_parents_not_active_gives_way_to_a_sledai_of_18_and_persistent_proteinuria() {
    let girl = with(
        patient("girl-10-class-iv-nephritis"),
        json!({"lupus_still_active": false, "proteinuria_persists": false, "sledai_score": 18, "upcr": "2.0 mg/mg"}),
    );
    assert_eq!(criterion(&girl, GUANGZHOU, "refractory"), MET);
    // Without the doctor's numbers, the parent's "no" leaves it for the doctor to settle.
    let unsure = with(
        patient("girl-10-class-iv-nephritis"),
        json!({"lupus_still_active": false, "proteinuria_persists": false, "sledai_score": "dont_know",
               "sledai_items": "dont_know", "upcr": "dont_know", "proteinuria_24h": "dont_know"}),
    );
    assert_eq!(criterion(&unsure, GUANGZHOU, "refractory"), open(Settler::Doctor));
}

// ---- 4. "Including", "such as": examples, not closed lists ----

#[test]
fn two_immunosuppressants_outside_the_example_list_are_for_the_study_team_in_guangzhou() {
    let meds = json!([{"drug": "glucocorticoids", "months": 2}, {"drug": "azathioprine", "months": 12},
                      {"drug": "methotrexate", "months": 9}]);
    let girl = with(patient("girl-10-class-iv-nephritis"), json!({"lupus_medicines": meds}));
    assert_eq!(criterion(&girl, GUANGZHOU, "refractory"), open(Settler::StudyTeam));
}

#[test]
fn telitacicept_counts_among_hanois_b_cell_therapies_and_another_medicine_is_never_not_met() {
    let woman = patient("woman-32-refractory-sle");
    let meds = |third: &str| {
        json!([{"drug": "glucocorticoids", "months": 36}, {"drug": "hydroxychloroquine", "months": 36},
               {"drug": "mycophenolate", "months": 14}, {"drug": third, "months": 8}])
    };
    assert_eq!(
        criterion(&with(woman.clone(), json!({"lupus_medicines": meds("telitacicept")})), HANOI, "refractory"),
        MET
    );
    assert_eq!(
        criterion(&with(woman, json!({"lupus_medicines": meds("other_immunosuppressant")})), HANOI, "refractory"),
        open(Settler::StudyTeam)
    );
}

// ---- 5. Durations are regimens ----

#[test]
fn a_switch_within_the_regimen_is_not_a_reason_for_not_eligible() {
    // Mycophenolate for 4 months, then tacrolimus for 5, with steroids throughout.
    let meds = json!([{"drug": "glucocorticoids", "months": 12}, {"drug": "mycophenolate", "months": 4},
                      {"drug": "tacrolimus", "months": 5}]);
    let girl = with(patient("girl-10-class-iv-nephritis"), json!({"lupus_medicines": meds}));
    assert_ne!(criterion(&girl, GUANGZHOU, "refractory").0, Requirement::NotMet);
}

#[test]
fn rituximab_given_as_one_course_counts_as_received() {
    let meds = json!([{"drug": "glucocorticoids", "months": 12}, {"drug": "hydroxychloroquine", "months": 12},
                      {"drug": "mycophenolate", "months": 10}, {"drug": "rituximab", "months": 1}]);
    let girl = with(patient("girl-10-class-iv-nephritis"), json!({"lupus_medicines": meds}));
    assert_eq!(criterion(&girl, HANGZHOU, "refractory"), MET);
}

// ---- 6. "Could be" is not "is" ----

#[test]
fn not_sure_about_pregnancy_is_for_the_screening_test_and_yes_rules_out() {
    let woman = patient("woman-32-refractory-sle");
    assert_eq!(
        criterion(&with(woman.clone(), json!({"pregnant": "not_sure"})), HANGZHOU, "pregnancy"),
        open(Settler::StudyTeam)
    );
    assert_eq!(criterion(&with(woman, json!({"pregnant": "yes"})), HANGZHOU, "pregnancy"), NOT_MET);
}

#[test]
fn the_parent_of_a_seven_year_old_girl_is_not_asked_whether_she_is_pregnant() {
    let catalog = Catalog::shipped().unwrap();
    let girl = json!({"date_of_birth": "2019-06-01", "sex": "female"});
    let answers = read(&girl, &catalog);
    let assessed = assess_catalog(&catalog, &answers, today(), &[]);
    let asked: Vec<&str> = questions_to_ask(&catalog.bank, &assessed, &answers).iter().map(|q| q.id.as_str()).collect();
    assert!(!asked.contains(&"pregnant"), "{asked:?}");
    assert_eq!(criterion(&girl, HANGZHOU, "pregnancy"), MET);
    // From 10 the question is asked.
    let older = json!({"date_of_birth": "2014-06-01", "sex": "female"});
    assert_eq!(criterion(&older, HANGZHOU, "pregnancy"), open(Settler::Person));
}

// ---- 7. Fixable or temporary states are not exclusions ----

#[test]
fn an_old_biopsy_a_recent_growth_factor_and_a_recent_trial_only_mean_waiting_or_repeating() {
    let girl = patient("girl-10-class-iv-nephritis");
    let old_biopsy = with(girl.clone(), json!({"biopsy_date": "2025-10"}));
    assert_eq!(criterion(&old_biopsy, GUANGZHOU, "lupus_nephritis_biopsy"), open(Settler::StudyTeam));
    let no_biopsy = with(girl.clone(), json!({"biopsy_done": false, "biopsy_date": null, "biopsy_class": null}));
    assert_eq!(criterion(&no_biopsy, GUANGZHOU, "lupus_nephritis_biopsy"), open(Settler::StudyTeam));
    let growth_factor = with(girl.clone(), json!({"growth_factor_last_2_weeks": true}));
    assert_eq!(criterion(&growth_factor, GUANGZHOU, "blood_counts"), open(Settler::StudyTeam));
    let other_trial = with(girl, json!({"other_trial_last_3_months": true}));
    assert_eq!(criterion(&other_trial, GUANGZHOU, "other_trial"), open(Settler::StudyTeam));
    assert_eq!(trial(&other_trial, GUANGZHOU).0, Verdict::Undecided);
}

#[test]
fn a_growth_factor_in_hanoi_is_for_the_study_team_too() {
    let woman = with(patient("woman-32-refractory-sle"), json!({"growth_factor_last_2_weeks": true}));
    assert_eq!(criterion(&woman, HANOI, "blood_counts"), open(Settler::StudyTeam));
}

// ---- 8. Judgement words stay judgements ----

#[test]
fn a_yes_to_a_broad_question_about_mental_illness_or_allergy_goes_to_the_study_team() {
    let girl = patient("girl-10-class-iv-nephritis");
    for (question, exclusion) in [
        ("severe_brain_or_mental_illness", "brain_or_mental_illness"),
        ("severe_drug_allergy", "drug_allergy"),
        ("severe_organ_failure", "organ_failure"),
    ] {
        let answers = with(girl.clone(), json!({ question: true }));
        assert_eq!(criterion(&answers, GUANGZHOU, exclusion), open(Settler::StudyTeam), "{question}");
    }
    let lungs = with(girl, json!({"serious_lung_disease": true}));
    assert_eq!(criterion(&lungs, HANGZHOU, "lungs"), open(Settler::StudyTeam));
}

// ---- 9. "A or B" asks for A and B ----

#[test]
fn fvc_and_fev1_are_asked_apart_and_either_meets_hanois_limit() {
    let woman = patient("woman-32-refractory-sle");
    let fvc_low = with(woman.clone(), json!({"fvc_percent": "55 %"}));
    assert_eq!(criterion(&fvc_low, HANOI, "lungs"), open(Settler::Doctor));
    let fev1_ok = with(woman, json!({"fvc_percent": "55 %", "fev1_percent": "70 %"}));
    assert_eq!(criterion(&fev1_ok, HANOI, "lungs"), MET);
}

#[test]
fn an_ana_no_with_anti_dsdna_positive_does_not_rule_out_hanoi() {
    let woman =
        with(patient("woman-32-refractory-sle"), json!({"ana_at_least_1_80": false, "ana_positive_other_test": false}));
    assert_eq!(criterion(&woman, HANOI, "antibodies"), MET);
    assert_eq!(criterion(&woman, HANOI, "sle_classification"), MET);
    // Elsewhere ANA by titre or an equivalent test is the entry criterion.
    let equivalent =
        with(patient("woman-32-refractory-sle"), json!({"ana_at_least_1_80": false, "ana_positive_other_test": true}));
    assert_eq!(criterion(&equivalent, HANGZHOU, "sle_classification"), MET);
    let unknown = with(patient("woman-32-refractory-sle"), json!({"ana_at_least_1_80": false}));
    assert_eq!(criterion(&unknown, HANGZHOU, "sle_classification"), open(Settler::Doctor));
}

// ---- 10. Limits written in two units use the looser one ----

#[test]
fn a_bilirubin_of_2_mg_dl_meets_hanois_limit_of_34_umol_l_or_2_mg_dl() {
    let woman = patient("woman-32-refractory-sle");
    for ok in ["2.0 mg/dL", "34.2 umol/L", "34 umol/L"] {
        assert_eq!(criterion(&with(woman.clone(), json!({"bilirubin": ok})), HANOI, "liver"), MET, "{ok}");
    }
    assert_eq!(criterion(&with(woman, json!({"bilirubin": "35 umol/L"})), HANOI, "liver"), NOT_MET);
}

// ---- 11. What the study team does at screening is the study team's ----

#[test]
fn a_family_without_the_screening_tests_sees_likely_eligible_pending_them() {
    let girl = with(
        patient("girl-10-class-iv-nephritis"),
        json!({"cd19_b_cells_positive": "dont_know", "ecg_normal": "dont_know", "lvef": "dont_know", "spo2": "dont_know"}),
    );
    assert_eq!(trial(&girl, GUANGZHOU), (Verdict::LikelyEligible, true));
    assert_eq!(trial(&girl, HANGZHOU), (Verdict::LikelyEligible, true));
    assert_eq!(criterion(&girl, GUANGZHOU, "cd19"), (Requirement::StudyTeam, Some(Settler::StudyTeam)));
    // A known value still decides.
    let low = with(girl, json!({"lvef": "45 %"}));
    assert_eq!(trial(&low, HANGZHOU).0, Verdict::NotEligible);
    // With every answer known, nothing is pending.
    assert_eq!(trial(&patient("girl-10-class-iv-nephritis"), GUANGZHOU), (Verdict::LikelyEligible, false));
}

// ---- Properties of the central promise ----

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Every criterion's requirement, by (trial, criterion).
    fn requirements(answers: &Value) -> BTreeMap<(String, String), Requirement> {
        let catalog = Catalog::shipped().unwrap();
        let answers = read(answers, &catalog);
        assess_catalog(&catalog, &answers, today(), &[])
            .iter()
            .flat_map(|a| a.criteria.iter().map(|c| ((a.trial.id.clone(), c.criterion.id.clone()), c.requirement)))
            .collect()
    }

    fn options(question: &str) -> Vec<String> {
        let catalog = Catalog::shipped().unwrap();
        catalog.bank.get(question).unwrap().kind.options().to_vec()
    }

    /// A subset of `all`, chosen by the bits of `mask`.
    fn subset(all: &[String], mask: u64) -> Vec<String> {
        all.iter().enumerate().filter(|(i, _)| mask & (1 << (i % 64)) != 0).map(|(_, o)| o.clone()).collect()
    }

    fn fixture(which: bool) -> Value {
        patient(if which { "girl-10-class-iv-nephritis" } else { "woman-32-refractory-sle" })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// "I don't know" never rules anyone out: every criterion not met after
        /// replacing answers by "don't know" was not met before.
        #[test]
        fn replacing_answers_by_dont_know_never_produces_not_met(girl: bool, mask: u64) {
            let before = fixture(girl);
            let keys: Vec<String> = before.as_object().unwrap().keys().cloned().collect();
            let mut after = before.clone();
            for key in subset(&keys, mask) {
                after[&key] = json!("dont_know");
            }
            let (was, now) = (requirements(&before), requirements(&after));
            for (id, requirement) in &now {
                if *requirement == Requirement::NotMet {
                    prop_assert_eq!(was[id], Requirement::NotMet, "{:?} became not met", id);
                }
            }
        }

        /// In the plain-word modes: ticking more items never turns met into not
        /// met, and an unticked item never produces not met (ticking it could
        /// not have made the criterion met).
        #[test]
        fn ticking_more_from_memory_never_turns_met_into_not_met(
            girl: bool, eular_a: u64, eular_more: u64, sledai_a: u64, sledai_more: u64, with_total: bool,
        ) {
            let (eular, sledai) = (options("eular_acr_items"), options("sledai_items"));
            let base = with(fixture(girl), json!({"sledai_score": if with_total { json!(10) } else { json!(null) }}));
            let ticked = |e: u64, s: u64| with(base.clone(), json!({
                "eular_acr_items": {"remembered": subset(&eular, e)},
                "sledai_items": {"remembered": subset(&sledai, s)},
            }));
            let fewer = requirements(&ticked(eular_a, sledai_a));
            let more = requirements(&ticked(eular_a | eular_more, sledai_a | sledai_more));
            for (id, before) in &fewer {
                let after = more[id];
                if *before == Requirement::Met {
                    prop_assert_ne!(after, Requirement::NotMet, "{:?}: met, then not met after ticking more", id);
                }
                if *before == Requirement::NotMet {
                    prop_assert_ne!(after, Requirement::Met, "{:?}: not met only for want of a tick", id);
                }
            }
        }
    }
}
