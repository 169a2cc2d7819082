//! The last phase of the pipeline: per criterion and per trial, met, not met
//! or unknown, with the reasons and who can settle what is open.
//! "Not eligible" only ever follows from answers that were given.

use crate::catalog::Catalog;
use crate::clinical::dates::Ymd;
use crate::engine::answer::Answers;
use crate::engine::logic::Tri;
use crate::engine::question::{AnsweredBy, QuestionBank};
use crate::engine::rule::Facts;
use crate::engine::rule::node::STUDY_TEAM;
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
    /// No rule can decide it, or what is left is a test the study team does
    /// at screening: the study team decides. Never a reason for "not eligible".
    StudyTeam,
}

/// Who can settle an open criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Settler {
    /// The person (or parent), by answering a question still to be asked.
    Person,
    /// The doctor, the doctor's records or a lab report.
    Doctor,
    /// The study team, at screening: the registry text leaves it to them, or
    /// what is left is a test they do.
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
    /// For an open criterion: who can settle it.
    pub settled_by: Option<Settler>,
    /// Left to the study team's screening tests (CD19, ECG, LVEF...) that the
    /// person does not know: the criterion reads "the study team decides".
    pub at_screening: bool,
    /// The values the criterion computed (eGFR, SLEDAI-2K, EULAR/ACR), shown with it.
    pub computed: Vec<Computed>,
}

/// A computed value, as a range (a number when `lo == hi`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Computed {
    pub what: Calculator,
    pub lo: f64,
    pub hi: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Calculator {
    /// eGFR, in mL/min/1.73 m², by the formula named.
    Egfr(crate::clinical::egfr::Formula),
    /// A SLEDAI-2K score: the whole score, or the part a trial counts.
    Sledai { whole: bool },
    /// The 2019 EULAR/ACR classification score.
    EularAcr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'t> {
    pub trial: &'t Trial,
    pub verdict: Verdict,
    pub criteria: Vec<CriterionResult<'t>>,
    /// Likely eligible, pending the study team's screening tests.
    pub pending_screening: bool,
}

impl<'t> Assessment<'t> {
    pub fn with(&self, requirement: Requirement) -> impl Iterator<Item = &CriterionResult<'t>> {
        self.criteria.iter().filter(move |c| c.requirement == requirement)
    }

    /// Open criteria that this settler can settle.
    pub fn open_for(&self, settler: Settler) -> impl Iterator<Item = &CriterionResult<'t>> {
        self.with(Requirement::Unknown).filter(move |c| c.settled_by == Some(settler))
    }
}

pub fn assess_criterion<'t>(
    criterion: &'t Criterion,
    bank: &QuestionBank,
    facts: &Facts<'_, 't>,
) -> CriterionResult<'t> {
    let Some(rule) = &criterion.rule else {
        return CriterionResult {
            criterion,
            requirement: Requirement::StudyTeam,
            open_questions: vec![],
            settled_by: None,
            at_screening: false,
            computed: vec![],
        };
    };
    let (condition, mut missing) = rule.evaluate(facts);
    let for_study_team = missing.remove(STUDY_TEAM);
    let mut requirement = match (criterion.side, condition) {
        (_, Tri::Unknown) => Requirement::Unknown,
        (Side::Inclusion, Tri::True) | (Side::Exclusion, Tri::False) => Requirement::Met,
        _ => Requirement::NotMet,
    };
    // In the bank's order, each question looked up once.
    let mut placed: Vec<(usize, String)> =
        missing.into_iter().map(|q| (bank.position(q).unwrap_or(usize::MAX), q.to_string())).collect();
    crate::sort::sort_by_key(&mut placed, |(place, _)| *place);
    let open_questions: Vec<String> = placed.into_iter().map(|(_, q)| q).collect();
    let open = || open_questions.iter().filter_map(|q| bank.get(q));
    let unanswered = |q: &&crate::engine::question::Question| facts.answers.get(&q.id).is_none();
    // Anyone can answer what the person can; the doctor is needed only when nothing is the person's.
    let settled_by = (requirement == Requirement::Unknown).then(|| {
        match open().filter(unanswered).map(|q| q.answered_by).min() {
            Some(AnsweredBy::Person) => Settler::Person,
            Some(AnsweredBy::Doctor) => Settler::Doctor,
            // Everything was answered, yet it is open: "don't know", a list
            // ticked from memory, a month-only date. The doctor's records can
            // settle it, unless only the study team's own tests are left.
            None if open().any(|q| !q.at_screening) => Settler::Doctor,
            None => Settler::StudyTeam,
        }
    });
    let at_screening = settled_by == Some(Settler::StudyTeam)
        && !for_study_team
        && !open_questions.is_empty()
        && open().all(|q| q.at_screening);
    if at_screening {
        requirement = Requirement::StudyTeam;
    }
    let computed = computed(&rule.node, facts);
    CriterionResult { criterion, requirement, open_questions, settled_by, at_screening, computed }
}

/// The values the rule's calculators give, as far as the answers tell them.
fn computed<'c>(rule: &'c crate::engine::rule::Cond, facts: &Facts<'_, 'c>) -> Vec<Computed> {
    use crate::engine::rule::node::{Calculation, Num};
    rule.calculations()
        .into_iter()
        .filter_map(|c| {
            let what = match c {
                Calculation::Egfr(e) => Calculator::Egfr(e.formula),
                Calculation::Sledai(Num::Sledai { variant, .. }) => {
                    Calculator::Sledai { whole: *variant == crate::clinical::sledai::Variant::Total }
                }
                Calculation::Sledai(_) => return None,
                Calculation::EularAcr(_) => Calculator::EularAcr,
            };
            let range = c.value(facts)?;
            Some(Computed { what, lo: range.lo, hi: range.hi })
        })
        .collect()
}

pub fn assess<'t>(trial: &'t Trial, bank: &QuestionBank, facts: &Facts<'_, 't>) -> Assessment<'t> {
    let criteria: Vec<_> = trial.criteria.iter().map(|c| assess_criterion(c, bank, facts)).collect();
    verdict(trial, criteria)
}

/// The trial's verdict from its criteria.
fn verdict<'t>(trial: &'t Trial, criteria: Vec<CriterionResult<'t>>) -> Assessment<'t> {
    let verdict = if criteria.iter().any(|c| c.requirement == Requirement::NotMet) {
        Verdict::NotEligible
    } else if criteria.iter().any(|c| c.requirement == Requirement::Unknown) {
        Verdict::Undecided
    } else {
        Verdict::LikelyEligible
    };
    let pending_screening = verdict == Verdict::LikelyEligible && criteria.iter().any(|c| c.at_screening);
    Assessment { trial, verdict, criteria, pending_screening }
}

/// Assesses the given trials of a catalog (all when `ids` is empty), in
/// catalog order: the entry point the app and the command line share.
pub fn assess_catalog<'c>(catalog: &'c Catalog, answers: &Answers, today: Ymd, ids: &[String]) -> Vec<Assessment<'c>> {
    let facts = Facts::new(answers, today);
    catalog
        .trials
        .iter()
        .filter(|t| ids.is_empty() || ids.contains(&t.id))
        .map(|t| assess(t, &catalog.bank, &facts))
        .collect()
}

/// The assessments after the answers to `changed` (and only those) changed:
/// only the criteria that read one of them are evaluated again, and only their
/// trials' verdicts recomputed. Equal to `assess_catalog` on the same answers
/// (a property test holds it to that); `today` must be the same as before.
pub fn reassess<'c>(
    previous: Vec<Assessment<'c>>,
    bank: &QuestionBank,
    answers: &Answers,
    today: Ymd,
    changed: &[&str],
) -> Vec<Assessment<'c>> {
    let facts = Facts::new(answers, today);
    previous
        .into_iter()
        .map(|a| {
            let reads_changed = |c: &Criterion| c.rule.as_ref().is_some_and(|r| changed.iter().any(|q| r.reads(q)));
            if !a.trial.criteria.iter().any(reads_changed) {
                return a;
            }
            let trial = a.trial;
            let criteria = a
                .criteria
                .into_iter()
                .map(
                    |old| {
                        if reads_changed(old.criterion) { assess_criterion(old.criterion, bank, &facts) } else { old }
                    },
                )
                .collect();
            verdict(trial, criteria)
        })
        .collect()
}
