//! The rule language end to end on a small question bank: what authors may
//! write, the errors they get, and what a rule says about answers.

use super::*;
use crate::catalog::schema::QuestionFile;
use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answers, RawAnswer};
use crate::engine::logic::Tri;

pub(crate) fn bank() -> QuestionBank {
    let text = include_str!("../../../tests/fixtures/questions.toml");
    let file: QuestionFile = toml::from_str(text).unwrap();
    crate::catalog::load::question_bank(file.question, "questions.toml", &[]).unwrap()
}

fn today() -> Ymd {
    Ymd::parse("2026-11-21").unwrap()
}

pub(crate) fn answers(json: serde_json::Value) -> Answers {
    let raw: std::collections::BTreeMap<String, RawAnswer> = serde_json::from_value(json).unwrap();
    Answers::from_raw(&bank(), raw, today()).unwrap()
}

fn eval(rule: &str, json: serde_json::Value) -> (Tri, Vec<String>) {
    let rule = Rule::compile(rule, &bank()).unwrap_or_else(|e| panic!("{rule}: {e:?}"));
    let answers = answers(json);
    let (t, m) = rule.evaluate(&Facts { answers: &answers, today: today() });
    (t, m.into_iter().collect())
}

fn errors(rule: &str) -> Vec<(String, String)> {
    Rule::compile(rule, &bank())
        .unwrap_err()
        .into_iter()
        .map(|e| (rule[e.span.start..e.span.end].to_string(), e.message))
        .collect()
}

fn one_error(rule: &str) -> (String, String) {
    let mut all = errors(rule);
    assert_eq!(all.len(), 1, "{rule}: {all:?}");
    all.remove(0)
}

use serde_json::json;

#[test]
fn type_errors_point_at_the_offending_part() {
    assert_eq!(one_error("age_years >= 6 and creatinin <= 1 mg/dL"),
        ("creatinin".into(), "unknown question `creatinin` (did you mean `creatinine`?)".into()));
    assert_eq!(one_error("creatinine <= 1.5 g/L"),
        ("g/L".into(), "`g/L` is not a unit of creatinine (use one of: mg/dL, umol/L)".into()));
    assert_eq!(one_error("creatinine <= 1.5"),
        ("1.5".into(), "`1.5` needs a unit: it is compared with creatinine (mg/dL, umol/L)".into()));
    assert_eq!(one_error("creatinine <= bilirubin"),
        ("creatinine <= bilirubin".into(), "compares creatinine (mg/dL, umol/L) with bilirubin (mg/dL, umol/L)".into()));
    assert_eq!(one_error("ecog <= 2 mg/dL"),
        ("mg/dL".into(), "`mg/dL` does not fit here: the other side is a plain number".into()));
    assert_eq!(one_error("pregnant >= 1"), ("pregnant".into(), "this is a yes/no condition, not a number".into()));
    assert_eq!(one_error("ecog"), ("ecog".into(), "this is a number, not a condition: compare it, e.g. `>= 8`".into()));
    assert_eq!(one_error("sex == other"),
        ("other".into(), "`other` is not an option of `sex` (options: female, male)".into()));
    assert_eq!(one_error("biopsy_class in [III, VII]"),
        ("VII".into(), "`VII` is not an option of `biopsy_class` (options: I, II, III, IV, V, VI)".into()));
    assert_eq!(one_error("count(lupus_medicines, [aspirin]) >= 1").0, "aspirin");
    assert_eq!(one_error("sledai(sledai_items) >= 8").1.split(" (").next(), Some("unknown function `sledai`"));
    assert_eq!(one_error("months_since(sex) <= 6"),
        ("sex".into(), "`months_since` needs date question here; `sex` is a single-choice question".into()));
    assert_eq!(one_error("biopsy_class"),
        ("biopsy_class".into(), "`biopsy_class` is a multiple-choice question: use `==` or `in [...]` with its options, or a function".into()));
    assert_eq!(one_error("alt * alt_uln <= 3").1,
        "cannot multiply enzyme activity (U/L, IU/L) by enzyme activity (U/L, IU/L)");
}

#[test]
fn independent_mistakes_are_all_reported() {
    let all = errors("foo >= 1 and bar");
    assert_eq!(all.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), ["foo", "bar"]);
}

#[test]
fn a_calculator_refuses_a_question_whose_options_it_does_not_know() {
    let all = errors("sledai2k(biopsy_class) >= 8");
    assert!(all.iter().all(|e| e.1.ends_with("is not a SLEDAI-2K descriptor")), "{all:?}");
}

#[test]
fn ages_and_limits_relative_to_the_persons_own_upper_limit() {
    let child = json!({"date_of_birth": "2016-05-10"});
    assert_eq!(eval("age_years >= 6 and age_years <= 18", child.clone()).0, Tri::True);
    assert_eq!(eval("age_years >= 16", child).0, Tri::False);
    let labs = |alt: f64, uln: f64| json!({"alt": format!("{alt} U/L"), "alt_uln": format!("{uln} U/L")});
    assert_eq!(eval("alt <= 3 * alt_uln", labs(120.0, 40.0)).0, Tri::True);
    assert_eq!(eval("alt <= 3 * alt_uln", labs(121.0, 40.0)).0, Tri::False);
    // The same ALT passes with a lab whose own limit is higher.
    assert_eq!(eval("alt <= 3 * alt_uln", labs(121.0, 56.0)).0, Tri::True);
    assert_eq!(eval("alt / alt_uln <= 3", labs(121.0, 56.0)).0, Tri::True);
}

#[test]
fn units_are_converted_before_comparing() {
    assert_eq!(eval("bilirubin <= 34 umol/L", json!({"bilirubin": "2.0 mg/dL"})).0, Tri::False);
    assert_eq!(eval("bilirubin <= 34.2 umol/L", json!({"bilirubin": "2.0 mg/dL"})).0, Tri::True);
    assert_eq!(eval("creatinine <= 1.5 mg/dL", json!({"creatinine": "130 umol/L"})).0, Tri::True);
    assert_eq!(eval("creatinine <= 1.5 mg/dL", json!({"creatinine": "140 umol/L"})).0, Tri::False);
}

#[test]
fn unknown_answers_leave_the_rule_unknown_and_say_which() {
    assert_eq!(eval("alt <= 3 * alt_uln", json!({"alt": "50 U/L"})), (Tri::Unknown, vec!["alt_uln".into()]));
    assert_eq!(eval("alt <= 3 * alt_uln", json!({"alt": "dont_know"})),
        (Tri::Unknown, vec!["alt".into(), "alt_uln".into()]));
    // false and unknown = false; true or unknown = true.
    assert_eq!(eval("pregnant and ecog <= 2", json!({"pregnant": false})), (Tri::False, vec![]));
    assert_eq!(eval("pregnant or ecog <= 2", json!({"pregnant": true})), (Tri::True, vec![]));
    assert_eq!(eval("not pregnant", json!({})), (Tri::Unknown, vec!["pregnant".into()]));
}

#[test]
fn medicines_are_counted_by_time_taken_and_by_side_effects() {
    let meds = json!({"lupus_medicines": [
        {"drug": "cyclophosphamide", "months": 7},
        {"drug": "mycophenolate", "months": 5, "stopped_for_side_effects": true},
        {"drug": "tacrolimus"},
        {"drug": "hydroxychloroquine", "months": 24, "stopped_for_side_effects": false},
    ]});
    let failed = "count_taken(lupus_medicines, [cyclophosphamide, mycophenolate, tacrolimus], 6)";
    assert_eq!(eval(&format!("{failed} >= 1"), meds.clone()).0, Tri::True);
    // Tacrolimus for an unknown time might make 2, or not.
    assert_eq!(eval(&format!("{failed} >= 2"), meds.clone()), (Tri::Unknown, vec!["lupus_medicines".into()]));
    assert_eq!(eval(&format!("{failed} >= 3"), meds.clone()).0, Tri::False);
    assert_eq!(eval("count(lupus_medicines, [cyclophosphamide, mycophenolate, tacrolimus]) >= 3", meds.clone()).0, Tri::True);
    assert_eq!(eval("count_intolerant(lupus_medicines, [mycophenolate, hydroxychloroquine]) >= 1", meds.clone()).0, Tri::True);
    assert_eq!(eval("lupus_medicines in [glucocorticoids]", meds).0, Tri::False);
    assert_eq!(eval(&format!("{failed} >= 1"), json!({"lupus_medicines": []})).0, Tri::False);
}

#[test]
fn biopsy_class_and_its_date() {
    let with = |classes: serde_json::Value, date: &str| json!({"biopsy_class": classes, "biopsy_date": date});
    let rule = "biopsy_class in [III, IV] and months_since(biopsy_date) <= 6";
    assert_eq!(eval(rule, with(json!(["IV", "V"]), "2026-07")).0, Tri::True);
    assert_eq!(eval(rule, with(json!(["V"]), "2026-07")).0, Tri::False);
    assert_eq!(eval(rule, with(json!(["III"]), "2026-01")).0, Tri::False);
    // May 2026 may or may not be within 6 months of 21 November 2026.
    assert_eq!(eval(rule, with(json!(["III"]), "2026-05")), (Tri::Unknown, vec!["biopsy_date".into()]));
}

#[test]
fn egfr_uses_the_formula_for_the_persons_age() {
    // A 10-year-old, 140 cm, creatinine 0.5 mg/dL: Schwartz 115.6.
    let child = json!({"date_of_birth": "2016-01-01", "height": "140 cm", "creatinine": "0.5 mg/dL"});
    assert_eq!(eval("egfr >= 115 mL/min/1.73m2", child.clone()).0, Tri::True);
    assert_eq!(eval("egfr >= 116 mL/min/1.73m2", child.clone()).0, Tri::False);
    assert_eq!(eval("egfr_schwartz(creatinine, height) >= 115 mL/min/1.73m2", child).0, Tri::True);
    // A 60-year-old man with creatinine 1.4 mg/dL: CKD-EPI 57.54, no height needed.
    let adult = json!({"date_of_birth": "1966-01-01", "sex": "male", "creatinine": "1.4 mg/dL"});
    assert_eq!(eval("egfr >= 57.5 mL/min/1.73m2", adult.clone()), (Tri::True, vec![]));
    assert_eq!(eval("egfr >= 57.6 mL/min/1.73m2", adult).0, Tri::False);
    // An adult without a sex given: open on sex, not on height.
    let open = json!({"date_of_birth": "1966-01-01", "creatinine": "1.4 mg/dL"});
    assert_eq!(eval("egfr >= 30 mL/min/1.73m2", open), (Tri::Unknown, vec!["sex".into()]));
    // A child without a height: open on height, not on sex.
    let open = json!({"date_of_birth": "2016-01-01", "creatinine": "0.5 mg/dL"});
    assert_eq!(eval("egfr >= 30 mL/min/1.73m2", open), (Tri::Unknown, vec!["height".into()]));
}

#[test]
fn sledai_variants_and_eular_acr_in_rules() {
    let items = json!({"sledai_items": ["seizure", "proteinuria", "low_complement", "rash"]});
    assert_eq!(eval("sledai2k(sledai_items) >= 16", items.clone()).0, Tri::True);
    assert_eq!(eval("sledai2k_lab(sledai_items) >= 4", items.clone()).0, Tri::True);
    assert_eq!(eval("sledai2k_without_cns(sledai_items) >= 8", items.clone()).0, Tri::True);
    assert_eq!(eval("sledai2k_without_cns(sledai_items) >= 9", items.clone()).0, Tri::False);
    assert_eq!(eval("sledai2k_without(sledai_items, [seizure, rash]) == 6", items).0, Tri::True);
    let classified = "eular_acr_classified(ana_positive, eular_items)";
    assert_eq!(eval(classified, json!({"ana_positive": true, "eular_items": ["anti_dsdna_or_anti_sm", "low_c3_and_low_c4"]})).0, Tri::False);
    assert_eq!(eval(classified, json!({"ana_positive": true, "eular_items": ["joint_involvement", "anti_dsdna_or_anti_sm"]})).0, Tri::True);
    assert_eq!(eval(classified, json!({"ana_positive": false})).0, Tri::False);
    // Without the ANA, items that could never reach 10 already decide it.
    assert_eq!(eval(classified, json!({"eular_items": ["fever"]})).0, Tri::False);
    assert_eq!(eval(classified, json!({"eular_items": ["biopsy_class_III_or_IV"]})),
        (Tri::Unknown, vec!["ana_positive".into()]));
}
