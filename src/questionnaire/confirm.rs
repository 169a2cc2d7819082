//! A number that rules someone out only in the unit it was given in is said
//! back before it counts. Bilirubin "12" taken as 12 mg/dL excludes where
//! 12 µmol/L, the unit a Vietnamese report prints, would not: the person
//! confirms the unit, or changes it. Values possible in one unit only, and
//! values that rule no one out, pass as they are.

use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answer, AnswerError, Answers};
use crate::engine::assess::{Requirement, assess_catalog};
use crate::engine::catalog::Catalog;
use crate::engine::question::Kind;
use std::collections::BTreeSet;

/// The criteria the answers leave not met, by trial and criterion.
fn not_met(catalog: &Catalog, answers: &Answers, today: Ymd) -> BTreeSet<(String, String)> {
    (assess_catalog(catalog, answers, today, &[]).iter())
        .flat_map(|a| a.with(Requirement::NotMet).map(|c| (a.trial.id.clone(), c.criterion.id.clone())))
        .collect()
}

/// Another unit of the question in which the same number is possible too.
fn other_unit(catalog: &Catalog, question: &str, value: f64, unit: &str) -> Option<&'static str> {
    let Kind::Number { quantity: Some(quantity), min, max, .. } = &catalog.bank.get(question)?.kind else {
        return None;
    };
    let given = quantity.unit(unit).ok()?;
    quantity
        .unit_symbols()
        .into_iter()
        .filter(|u| *u != given && quantity.to_canonical(1.0, u).ok() != quantity.to_canonical(1.0, given).ok())
        .find(|u| quantity.to_canonical(value, u).is_ok_and(|v| (*min..=*max).contains(&v)))
}

/// The answers of `given` that must be confirmed before they count: a number
/// possible in another unit too, which alone makes a criterion not met that
/// the other unit would not. `answers` are those given before; `confirmed`
/// the (question, answer) pairs the person has said are right.
pub fn to_confirm(
    catalog: &Catalog,
    answers: &Answers,
    given: &[(String, Answer)],
    confirmed: &[(String, Answer)],
    today: Ymd,
) -> Vec<(String, AnswerError)> {
    let with = |replaced: Option<(&str, Answer)>| {
        let mut all = answers.clone();
        for (q, a) in given {
            let a = match &replaced {
                Some((r, other)) if r == q => other.clone(),
                _ => a.clone(),
            };
            // Refused answers are the caller's to report; here they change nothing.
            let _ = all.set(&catalog.bank, q, a, today);
        }
        all
    };
    let mut out = Vec::new();
    let mut as_given = None;
    for (q, a) in given {
        let Answer::Number { value, unit: Some(unit) } = a else { continue };
        if confirmed.iter().any(|(cq, ca)| cq == q && ca == a) {
            continue;
        }
        let Some(other) = other_unit(catalog, q, *value, unit) else { continue };
        let ruled_out = as_given.get_or_insert_with(|| not_met(catalog, &with(None), today));
        let elsewise = Answer::Number { value: *value, unit: Some(other.to_string()) };
        let otherwise = not_met(catalog, &with(Some((q, elsewise))), today);
        if !ruled_out.is_subset(&otherwise) {
            out.push((q.clone(), AnswerError::Unusual { value: *value, unit: unit.clone(), other_unit: other }));
        }
    }
    out
}
