//! The stories of an independent clinical review of the whole catalog: where
//! trials went around the project's rules and told someone who may qualify
//! "not eligible", or told someone "likely eligible" whom their own answers
//! speak against. Each story failed before the shared names, the waits and
//! the study team's evidence existed.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{patient, read, today, with};
use serde_json::{Value, json};
use trialcheck::clinical::dates::Ymd;
use trialcheck::engine::assess::{Assessment, Requirement, Settler, Verdict, Wait, assess_catalog};
use trialcheck::engine::catalog::Catalog;

fn assessed(answers: &Value, trial: &str) -> Assessment<'static> {
    // One catalog for the whole test binary: verdicts borrow from it.
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    let catalog = CATALOG.get_or_init(|| Catalog::shipped().unwrap());
    let answers = read(answers, catalog);
    assess_catalog(catalog, &answers, today(), &[trial.to_string()]).remove(0)
}

fn verdict(answers: &Value, trial: &str) -> Verdict {
    assessed(answers, trial).verdict
}

fn criterion(answers: &Value, trial: &str, id: &str) -> (Requirement, Option<Settler>) {
    let a = assessed(answers, trial);
    let c = a.criteria.iter().find(|c| c.criterion.id == id).unwrap_or_else(|| panic!("{trial} has no {id}"));
    (c.requirement, c.settled_by)
}

const OPEN_FOR_STUDY_TEAM: (Requirement, Option<Settler>) = (Requirement::Unknown, Some(Settler::StudyTeam));

fn woman() -> Value {
    patient("woman-32-refractory-sle")
}

fn girl() -> Value {
    patient("girl-10-class-iv-nephritis")
}

// ---- The person's own "no" beside the doctor's number ----

#[test]
fn a_woman_with_a_sledai_of_14_who_feels_well_is_ruled_out_of_none_of_five_trials() {
    let feels_well = with(woman(), json!({"lupus_still_active": false, "sledai_score": 14}));
    for trial in ["NCT06150651", "NCT05765006", "NCT05869955", "NCT06038474", "NCT06333483"] {
        assert_ne!(verdict(&feels_well, trial), Verdict::NotEligible, "{trial}");
    }
    // With a doctor's score under 8 as well, her own word stands.
    let quiet = with(feels_well, json!({"sledai_score": 4, "sledai_items": ["rash", "alopecia"]}));
    assert_eq!(verdict(&quiet, "NCT06038474"), Verdict::NotEligible);
}

#[test]
fn a_childs_protein_above_the_paediatric_normal_keeps_refractory_nephritis_open() {
    // The parent says the protein has gone; a UPCR of 0.3 is above a child's normal (0.2).
    let child =
        with(girl(), json!({"proteinuria_persists": false, "upcr": "0.3 mg/mg", "proteinuria_24h": "0.3 g/24h"}));
    assert_eq!(criterion(&child, "NCT06904729", "refractory"), OPEN_FOR_STUDY_TEAM);
    // Within the normal range, her nephritis is in remission.
    let remission = with(child, json!({"upcr": "0.1 mg/mg", "proteinuria_24h": "0.1 g/24h"}));
    assert_eq!(criterion(&remission, "NCT06904729", "refractory").0, Requirement::NotMet);
}

// ---- A biopsy that counts ----

#[test]
fn an_old_biopsy_of_class_v_does_not_rule_a_child_out_a_new_one_is_taken() {
    let old_v = with(girl(), json!({"biopsy_date": "2025-10", "biopsy_class": ["V"]}));
    assert_eq!(criterion(&old_v, "NCT06904729", "lupus_nephritis_biopsy"), OPEN_FOR_STUDY_TEAM);
    // A recent biopsy of class V alone is what the study team would read.
    let recent_v = with(girl(), json!({"biopsy_class": ["V"]}));
    assert_eq!(criterion(&recent_v, "NCT06904729", "lupus_nephritis_biopsy").0, Requirement::NotMet);
}

#[test]
fn an_earlier_biopsy_that_proved_class_iv_counts_where_any_biopsy_does() {
    let earlier = with(
        woman(),
        json!({"biopsy_done": true, "biopsy_date": "2026-06", "biopsy_class": ["V"], "earlier_biopsy_class_iii_iv": true,
               "biopsy_activity": "active"}),
    );
    assert_eq!(criterion(&earlier, "NCT05938725", "lupus_nephritis_biopsy").0, Requirement::Met);
    assert_ne!(criterion(&earlier, "NCT06947460", "lupus_nephritis_biopsy").0, Requirement::NotMet);
    let never = with(earlier, json!({"earlier_biopsy_class_iii_iv": false}));
    assert_eq!(criterion(&never, "NCT05938725", "lupus_nephritis_biopsy").0, Requirement::NotMet);
}

#[test]
fn a_biopsy_whose_lesions_are_chronic_only_does_not_count_in_beijing() {
    let chronic = with(girl(), json!({"date_of_birth": "2010-03-15", "biopsy_activity": "chronic_only"}));
    assert_eq!(criterion(&chronic, "NCT06947460", "lupus_nephritis_biopsy").0, Requirement::NotMet);
    let active = with(chronic, json!({"biopsy_activity": "active_and_chronic"}));
    assert_eq!(criterion(&active, "NCT06947460", "lupus_nephritis_biopsy").0, Requirement::Met);
}

// ---- Intolerance is any medicine ----

#[test]
fn intolerance_to_any_medicine_keeps_the_hangzhou_trials_open_for_the_study_team() {
    // Only hydroxychloroquine and steroids, no DMARDs: refractory only if intolerant.
    let meds = json!([{"drug": "glucocorticoids", "months": 12}, {"drug": "voclosporin", "months": 2, "stopped_for_side_effects": true}]);
    for (what, answers) in [
        ("voclosporin stopped", json!({"lupus_medicines": meds, "treatment_limited_by_side_effects": null})),
        ("a steroid dose lowered", json!({"lupus_medicines": meds, "treatment_limited_by_side_effects": true})),
        (
            "hydroxychloroquine never started",
            json!({"lupus_medicines": [{"drug": "glucocorticoids", "months": 12}], "treatment_limited_by_side_effects": true}),
        ),
    ] {
        let child = with(girl(), answers);
        for trial in ["NCT07233642", "NCT06934447"] {
            assert_eq!(criterion(&child, trial, "refractory"), OPEN_FOR_STUDY_TEAM, "{trial}: {what}");
        }
    }
}

#[test]
fn where_intolerance_is_no_failure_a_medicine_stopped_for_side_effects_does_not_count() {
    // Breakfree-1: mycophenolate and belimumab, both stopped for side effects.
    let meds = json!([{"drug": "glucocorticoids", "months": 24}, {"drug": "mycophenolate", "months": 6, "stopped_for_side_effects": true},
                      {"drug": "belimumab", "months": 6, "stopped_for_side_effects": true}]);
    let intolerant = with(woman(), json!({"lupus_medicines": meds}));
    assert_eq!(criterion(&intolerant, "NCT05869955", "refractory").0, Requirement::NotMet);
    let failed = with(
        woman(),
        json!({"lupus_medicines": [{"drug": "glucocorticoids", "months": 24},
        {"drug": "mycophenolate", "months": 6, "stopped_for_side_effects": false}, {"drug": "belimumab", "months": 6}]}),
    );
    assert_ne!(criterion(&failed, "NCT05869955", "refractory").0, Requirement::NotMet);
}

// ---- Waits are "not yet" ----

#[test]
fn dialysis_or_brain_involvement_in_the_window_is_a_wait_never_not_eligible() {
    for window in ["dialysis_last_3_months", "cns_lupus_last_60_days"] {
        let child = with(girl(), json!({ window: true }));
        let a = assessed(&child, "NCT07233642");
        assert_eq!(a.verdict, Verdict::Undecided, "{window}");
        let waiting = a.criteria.iter().find(|c| c.wait == Some(Wait::Open)).unwrap();
        assert_eq!((waiting.requirement, waiting.settled_by), OPEN_FOR_STUDY_TEAM, "{window}");
    }
}

#[test]
fn eighteen_days_short_of_eighteen_is_not_yet_with_the_day_from_which_she_may_qualify() {
    // Born 2008-12-09: 18 on 2026-12-09, eighteen days after today (2026-11-21).
    let almost = with(woman(), json!({"date_of_birth": "2008-12-09"}));
    let a = assessed(&almost, "NCT06038474");
    assert_eq!(a.verdict, Verdict::NotYet);
    assert_eq!(a.from, Ymd::parse("2026-12-09"));
    let age = a.criteria.iter().find(|c| c.criterion.id == "age").unwrap();
    assert_eq!(age.requirement, Requirement::NotYet);
    assert_eq!(age.wait, Some(Wait::From { day: Ymd::parse("2026-12-09").unwrap(), age: Some(18) }));
    // Years short, or past the upper limit, is not a wait.
    assert_eq!(verdict(&with(woman(), json!({"date_of_birth": "2012-01-01"})), "NCT06038474"), Verdict::NotEligible);
    assert_eq!(verdict(&with(woman(), json!({"date_of_birth": "1950-01-01"})), "NCT06150651"), Verdict::NotEligible);
}

// ---- Judgement words and lists from memory ----

#[test]
fn an_ecg_that_is_not_normal_is_for_the_study_team_to_call_obvious_or_not() {
    let child = with(girl(), json!({"ecg_normal": false}));
    for trial in ["NCT07233642", "NCT06934447"] {
        assert_eq!(criterion(&child, trial, "heart"), OPEN_FOR_STUDY_TEAM, "{trial}");
    }
}

#[test]
fn medicines_listed_from_memory_never_count_as_never_taken() {
    // She remembers two medicines and not the months: three trials need more.
    let remembered = with(
        woman(),
        json!({"lupus_medicines": {"remembered": [{"drug": "glucocorticoids"}, {"drug": "mycophenolate"}]}}),
    );
    for trial in ["NCT06904729", "NCT06038474", "NCT05869955", "NCT07432334", "NCT07233642"] {
        let a = assessed(&remembered, trial);
        let refractory = a.criteria.iter().find(|c| c.criterion.id == "refractory").unwrap();
        assert_ne!(refractory.requirement, Requirement::NotMet, "{trial}");
    }
    // The same two, said to be the whole list, decide.
    let complete = with(
        woman(),
        json!({"lupus_medicines": [{"drug": "glucocorticoids", "months": 12}, {"drug": "mycophenolate", "months": 12}]}),
    );
    assert_eq!(criterion(&complete, "NCT06038474", "refractory").0, Requirement::NotMet);
}

// ---- The other direction: answers that speak against a trial ----

#[test]
fn hydroxychloroquine_is_not_one_of_the_two_immunosuppressants_and_breastfeeding_counts() {
    let meds = json!([{"drug": "glucocorticoids", "months": 24}, {"drug": "hydroxychloroquine", "months": 24},
                      {"drug": "mycophenolate", "months": 12}]);
    let with_hcq = with(woman(), json!({"lupus_medicines": meds}));
    assert_eq!(criterion(&with_hcq, "NCT06038474", "refractory"), OPEN_FOR_STUDY_TEAM);
    let breastfeeding = with(woman(), json!({"breastfeeding": true}));
    assert_eq!(criterion(&breastfeeding, "NCT06038474", "pregnancy"), OPEN_FOR_STUDY_TEAM);
    assert_eq!(verdict(&woman(), "NCT06038474"), Verdict::LikelyEligible);
}

#[test]
fn a_trial_for_lupus_nephritis_does_not_call_a_person_without_it_likely_eligible() {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/catalog/reference/NCT06947473.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    )
    .unwrap();
    let patient = &reference["answers"];
    assert_eq!(verdict(patient, "NCT06947473"), Verdict::LikelyEligible);
    let no_kidneys = with(
        patient.clone(),
        json!({"biopsy_done": false, "biopsy_date": null, "biopsy_class": null, "biopsy_activity": null,
               "proteinuria_persists": false, "proteinuria_24h": "0.1 g/24h", "upcr": "0.1 mg/mg"}),
    );
    let a = assessed(&no_kidneys, "NCT06947473");
    assert_eq!(a.verdict, Verdict::Undecided);
    assert!(a.criteria.iter().any(|c| c.criterion.id == "lupus_nephritis" && c.against));
}

#[test]
fn a_study_team_criterion_the_answers_speak_against_leaves_the_trial_undecided() {
    let reference = |id: &str| -> Value {
        let path = format!("{}/catalog/reference/{id}.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str::<Value>(&std::fs::read_to_string(path).unwrap()).unwrap()["answers"].clone()
    };
    let cases = [
        // A SLEDAI-2K well under the trial's SELENA-SLEDAI limit.
        ("NCT05765006", "selena_sledai", json!({"sledai_score": 4, "sledai_items": ["arthritis"]})),
        // No organ that could score BILAG A: joints and skin only, kidneys quiet.
        (
            "NCT05869955",
            "bilag_a",
            json!({"sledai_score": 6, "sledai_items": ["arthritis", "rash"], "biopsy_done": false, "biopsy_date": null,
                   "biopsy_class": null, "biopsy_activity": null, "earlier_biopsy_class_iii_iv": null,
                   "proteinuria_persists": false, "proteinuria_24h": "0.1 g/24h", "upcr": "0.1 mg/mg",
                   "cns_lupus_last_60_days": false}),
        ),
        // "Severe, refractory" after two months of a first medicine.
        (
            "NCT06333483",
            "how_severe",
            json!({"lupus_medicines": [{"drug": "glucocorticoids", "months": 2}, {"drug": "mycophenolate", "months": 2}]}),
        ),
        // Proteinuria in remission, for "failure to achieve induction remission".
        (
            "NCT06947460",
            "no_remission",
            json!({"proteinuria_persists": false, "proteinuria_24h": "0.2 g/24h", "upcr": "0.2 mg/mg"}),
        ),
        // A kidney limit cut off in the stored text, with an eGFR near 25.
        ("NCT06934447", "kidney_function", json!({"creatinine": "2.4 mg/dL"})),
    ];
    for (trial, criterion_id, changes) in cases {
        let patient = reference(trial);
        assert_eq!(verdict(&patient, trial), Verdict::LikelyEligible, "{trial} reference");
        let against = with(patient, changes);
        let a = assessed(&against, trial);
        let c = a.criteria.iter().find(|c| c.criterion.id == criterion_id).unwrap();
        assert!(c.against, "{trial} {criterion_id}: {:?}", c.requirement);
        assert_eq!((c.requirement, c.settled_by), OPEN_FOR_STUDY_TEAM, "{trial}");
        assert_ne!(a.verdict, Verdict::LikelyEligible, "{trial}");
        assert_ne!(a.verdict, Verdict::NotEligible, "{trial}");
    }
}

/// A criterion whose plain words end by leaving it to the study team must not
/// be decided against the person by its rule alone (NCT07432334's SLEDAI-2K
/// ended "…: the study team decides." while its rule decided).
#[test]
fn plain_words_that_leave_a_criterion_to_the_study_team_match_a_rule_that_does() {
    use trialcheck::engine::logic::Tri;
    use trialcheck::engine::trial::Side;
    let catalog = Catalog::shipped().unwrap();
    let mut wrong = Vec::new();
    for t in &catalog.trials {
        for c in &t.criteria {
            let (Some(rule), words) = (&c.rule, c.plain.get("en")) else { continue };
            let last = words.trim_end_matches('.').rsplit(". ").next().unwrap_or(words);
            let against = if c.side == Side::Inclusion { Tri::False } else { Tri::True };
            if last.ends_with(": the study team decides") && rule.node.reach().can(against) {
                wrong.push(format!("{} {}: {words}", t.id, c.id));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
