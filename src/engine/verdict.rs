//! Per criterion and per trial: met, not met, or unknown, with the reasons.
//! "Not eligible" only ever follows from answers that were given.

use crate::engine::logic::Tri;
use crate::engine::question::{AnsweredBy, QuestionBank};
use crate::engine::rule::Facts;
use crate::engine::trial::{Criterion, Side, Trial};
use serde::Serialize;

/// Whether a criterion stands in the way. For an exclusion, `Met` means the
/// exclusion does not apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    Met,
    NotMet,
    Unknown,
    /// No rule can decide it; the study team does.
    StudyTeam,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every computable inclusion met and no exclusion applies.
    LikelyEligible,
    /// At least one criterion is not met, on the answers given.
    NotEligible,
    /// Nothing rules the trial out yet, but some criteria are open.
    Undecided,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CriterionResult<'t> {
    pub criterion: &'t Criterion,
    pub requirement: Requirement,
    /// Questions whose answers could still decide it, in questionnaire order.
    pub open_questions: Vec<String>,
    /// For an open criterion: who can answer its open questions.
    pub who_can_answer: Option<AnsweredBy>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'t> {
    pub trial: &'t Trial,
    pub verdict: Verdict,
    pub criteria: Vec<CriterionResult<'t>>,
}

impl<'t> Assessment<'t> {
    pub fn with(&self, requirement: Requirement) -> impl Iterator<Item = &CriterionResult<'t>> {
        self.criteria.iter().filter(move |c| c.requirement == requirement)
    }

    /// Open criteria that the person (or parent) can answer.
    pub fn open_for_person(&self) -> impl Iterator<Item = &CriterionResult<'t>> {
        self.with(Requirement::Unknown).filter(|c| c.who_can_answer == Some(AnsweredBy::Person))
    }

    /// Open criteria that need a lab report or the doctor.
    pub fn open_for_doctor(&self) -> impl Iterator<Item = &CriterionResult<'t>> {
        self.with(Requirement::Unknown).filter(|c| c.who_can_answer != Some(AnsweredBy::Person))
    }
}

pub fn assess_criterion<'t>(criterion: &'t Criterion, bank: &QuestionBank, facts: &Facts) -> CriterionResult<'t> {
    let Some(rule) = &criterion.rule else {
        return CriterionResult {
            criterion,
            requirement: Requirement::StudyTeam,
            open_questions: vec![],
            who_can_answer: None,
        };
    };
    let (condition, missing) = rule.evaluate(facts);
    let requirement = match (criterion.side, condition) {
        (_, Tri::Unknown) => Requirement::Unknown,
        (Side::Inclusion, Tri::True) | (Side::Exclusion, Tri::False) => Requirement::Met,
        _ => Requirement::NotMet,
    };
    let mut open_questions: Vec<String> = missing.into_iter().collect();
    open_questions.sort_by_key(|q| bank.position(q).unwrap_or(usize::MAX));
    // Anyone can answer what the person can; the doctor is needed only when nothing is the person's.
    let who_can_answer = (requirement == Requirement::Unknown).then(|| {
        open_questions.iter().filter_map(|q| bank.get(q)).map(|q| q.answered_by).min().unwrap_or(AnsweredBy::Doctor)
    });
    CriterionResult { criterion, requirement, open_questions, who_can_answer }
}

pub fn assess<'t>(trial: &'t Trial, bank: &QuestionBank, facts: &Facts) -> Assessment<'t> {
    let criteria: Vec<_> = trial.criteria.iter().map(|c| assess_criterion(c, bank, facts)).collect();
    let verdict = if criteria.iter().any(|c| c.requirement == Requirement::NotMet) {
        Verdict::NotEligible
    } else if criteria.iter().any(|c| c.requirement == Requirement::Unknown) {
        Verdict::Undecided
    } else {
        Verdict::LikelyEligible
    };
    Assessment { trial, verdict, criteria }
}
