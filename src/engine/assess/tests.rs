//! Phase 4, `assess`: criteria into requirements, requirements into a
//! trial's verdict, on a small trial over the small bank (not the shipped
//! catalog): the rules of an honest "not eligible" as a table.

use super::*;
use crate::engine::rule::tests::{answers, bank, today, trial};
use crate::engine::trial::Side::{Exclusion, Inclusion};
use serde_json::json;

/// A child's trial: 6 to 17, not pregnant, a proliferative biopsy in the last
/// 6 months, no dialysis lately, and a judgement the study team makes.
fn childrens_trial() -> Trial {
    trial(&[
        ("age", Inclusion, Some("age_years >= 6 and age_years <= 17"), None),
        ("pregnant", Exclusion, Some("pregnant"), None),
        ("biopsy", Inclusion, Some("recent_proliferative(6)"), None),
        ("dialysis", Exclusion, Some("dialysis_last_3_months"), None),
        ("fit", Inclusion, None, Some("ecog <= 2")),
    ])
}

fn assessed(t: &Trial, json: serde_json::Value) -> (Verdict, Vec<(String, Requirement)>) {
    let bank = bank();
    let answers = answers(json);
    let a = assess(t, &bank, &Facts::new(&answers, today()));
    (a.verdict, a.criteria.iter().map(|c| (c.criterion.id.clone(), c.requirement)).collect())
}

fn requirement(t: &Trial, json: serde_json::Value, id: &str) -> Requirement {
    assessed(t, json).1.into_iter().find(|(c, _)| c == id).map(|(_, r)| r).unwrap_or_else(|| panic!("{id}"))
}

const ELEVEN: &str = "2015-06-01";

#[test]
fn each_criterion_is_met_not_met_open_not_yet_or_the_study_teams() {
    use Requirement::*;
    let t = childrens_trial();
    // (answers, criterion, requirement)
    let table = [
        (json!({}), "age", Unknown),
        (json!({"date_of_birth": ELEVEN}), "age", Met),
        (json!({"date_of_birth": "2000-01-01"}), "age", NotMet),
        // Six in a month: a wait with its day, never "not met".
        (json!({"date_of_birth": "2020-12-15"}), "age", NotYet),
        (json!({"pregnant": false}), "pregnant", Met),
        (json!({"pregnant": true}), "pregnant", NotMet),
        (json!({"pregnant": "dont_know"}), "pregnant", Unknown),
        (json!({"biopsy_class": ["IV"], "biopsy_date": "2026-09"}), "biopsy", Met),
        (json!({"biopsy_class": ["II"], "biopsy_date": "2026-09"}), "biopsy", NotMet),
        // "In May 2026": 6 months ago, or 7. Partial knowledge decides only what it can.
        (json!({"biopsy_class": ["IV"], "biopsy_date": "2026-05"}), "biopsy", Unknown),
        // A yes inside a window before now is a wait the answers cannot date: open, never not met.
        (json!({"dialysis_last_3_months": true}), "dialysis", Unknown),
        (json!({"dialysis_last_3_months": false}), "dialysis", Met),
        (json!({}), "fit", StudyTeam),
        // The study team decides, and the answers speak against it: open, never not met.
        (json!({"ecog": 4}), "fit", Unknown),
        (json!({"ecog": 1}), "fit", StudyTeam),
    ];
    for (json, id, expected) in table {
        assert_eq!(requirement(&t, json.clone(), id), expected, "{id} on {json}");
    }
}

#[test]
fn a_trial_is_not_eligible_only_on_a_criterion_not_met() {
    let t = childrens_trial();
    let fine = json!({"date_of_birth": ELEVEN, "pregnant": false, "biopsy_class": ["IV"], "biopsy_date": "2026-09", "dialysis_last_3_months": false});
    let with = |extra: serde_json::Value| {
        let mut all = fine.clone();
        all.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        assessed(&t, all).0
    };
    // (what changes, verdict)
    let table = [
        (json!({}), Verdict::LikelyEligible),
        (json!({"ecog": 4}), Verdict::Undecided),
        (json!({"pregnant": "dont_know"}), Verdict::Undecided),
        (json!({"dialysis_last_3_months": true}), Verdict::Undecided),
        (json!({"date_of_birth": "2020-12-15"}), Verdict::NotYet),
        (json!({"date_of_birth": "2020-12-15", "pregnant": true}), Verdict::NotEligible),
        (json!({"biopsy_class": ["II"]}), Verdict::NotEligible),
    ];
    for (extra, verdict) in table {
        assert_eq!(with(extra.clone()), verdict, "{extra}");
    }
    assert_eq!(assessed(&t, json!({})).0, Verdict::Undecided, "nothing answered: nothing ruled out");
}

#[test]
fn not_yet_says_from_which_day_and_at_what_age() {
    let t = childrens_trial();
    let bank = bank();
    let answers = answers(json!({"date_of_birth": "2020-12-15"}));
    let a = assess(&t, &bank, &Facts::new(&answers, today()));
    assert_eq!(a.verdict, Verdict::NotYet);
    let from = Ymd::parse("2026-12-15");
    assert_eq!(a.from, from);
    let age = a.criteria.iter().find_map(|c| match c.wait {
        Some(Wait::From { day, age }) => Some((day, age)),
        _ => None,
    });
    assert_eq!(age, from.map(|d| (d, Some(6))));
}

#[test]
fn an_open_criterion_says_who_can_settle_it() {
    let t = childrens_trial();
    let bank = bank();
    let settler = |json: serde_json::Value, id: &str| {
        let answers = answers(json);
        let a = assess(&t, &bank, &Facts::new(&answers, today()));
        a.criteria.iter().find(|c| c.criterion.id == id).and_then(|c| c.settled_by)
    };
    // The person can give a date of birth; a biopsy's class is the doctor's.
    assert_eq!(settler(json!({}), "age"), Some(Settler::Person));
    assert_eq!(settler(json!({"biopsy_date": "2026-09"}), "biopsy"), Some(Settler::Doctor));
    // Answered "don't know": the doctor's records can settle it.
    assert_eq!(settler(json!({"pregnant": "dont_know"}), "pregnant"), Some(Settler::Doctor));
    assert_eq!(settler(json!({"ecog": 4}), "fit"), Some(Settler::StudyTeam));
}

#[test]
fn a_count_of_medicines_not_met_says_what_was_counted() {
    let t =
        trial(&[("two", Inclusion, Some("count_taken(lupus_medicines, [mycophenolate, tacrolimus], 6) >= 2"), None)]);
    let bank = bank();
    let answers = answers(
        json!({"lupus_medicines": [{"drug": "mycophenolate", "months": 12}, {"drug": "tacrolimus", "months": 2}]}),
    );
    let a = assess(&t, &bank, &Facts::new(&answers, today()));
    let c = &a.criteria[0];
    assert_eq!(c.requirement, Requirement::NotMet);
    // One of the two, not "not met" alone.
    assert_eq!(c.computed, [Computed { what: Calculator::Count(Counted::TakenLongEnough), lo: 1.0, hi: 1.0 }]);
}
