//! The last phase of the pipeline: per criterion and per trial, met, not met
//! or unknown, with the reasons and who can settle what is open.
//! "Not eligible" only ever follows from answers that were given.

use crate::clinical::dates::Ymd;
use crate::engine::answer::Answers;
use crate::engine::catalog::Catalog;
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
    /// Not met today, but met from a day the answers give: an age reached
    /// (see `CriterionResult::wait`). Never a reason for "not eligible".
    NotYet,
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
    /// Nothing rules the trial out for good, but something is a wait with a
    /// known end: the person may qualify from `Assessment::from`.
    NotYet,
    /// Nothing rules the trial out yet, but some criteria are open.
    Undecided,
}

/// A criterion that time settles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Wait {
    /// Not met today, met from `day` (an age reached: `age`, when the rule reads one).
    From {
        #[serde(serialize_with = "as_text")]
        day: Ymd,
        #[serde(skip_serializing_if = "Option::is_none")]
        age: Option<i32>,
    },
    /// Inside a window before now ("dialysis in the last 3 months") whose
    /// end the answers do not give: open, for the study team, never a reason
    /// for "not eligible".
    Open,
}

fn as_text<S: serde::Serializer>(d: &Ymd, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// How far ahead a wait is looked for: an age reached within a year is a
/// wait; one further off is not met (trials recruit for a few years, and a
/// date years away would crowd the results with trials that will be over).
pub const WAIT_HORIZON_MONTHS: i64 = 12;

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
    /// A wait: `From` a day for `NotYet`, `Open` for a window not yet closed.
    pub wait: Option<Wait>,
    /// The study team decides it, and the answers speak against it
    /// (`Criterion::evidence`): open, so the trial is not "likely eligible".
    pub against: bool,
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
    /// How many of the medicines a criterion names count for it.
    Count(Counted),
}

/// What a count of medicines counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Taken (or chosen), however long.
    Any,
    /// Taken at least as long as the criterion asks.
    TakenLongEnough,
    /// Taken long enough, and not stopped because of side effects.
    Inadequate,
    /// Stopped because of side effects.
    Intolerant,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'t> {
    pub trial: &'t Trial,
    pub verdict: Verdict,
    pub criteria: Vec<CriterionResult<'t>>,
    /// Likely eligible, pending the study team's screening tests.
    pub pending_screening: bool,
    /// For "not yet": the day from which every wait is over.
    pub from: Option<Ymd>,
}

impl<'t> Assessment<'t> {
    pub fn with(&self, requirement: Requirement) -> impl Iterator<Item = &CriterionResult<'t>> {
        self.criteria.iter().filter(move |c| c.requirement == requirement)
    }

    /// The same assessment borrowed from `trial`, which must be the trial it
    /// was made for (the same criteria in the same order): for keeping
    /// verdicts beside a catalog whose borrow is taken anew. `None` when the
    /// trial is another.
    pub fn on<'n>(&self, trial: &'n Trial) -> Option<Assessment<'n>> {
        if trial.id != self.trial.id || trial.criteria.len() != self.criteria.len() {
            return None;
        }
        let criteria = (self.criteria.iter().zip(&trial.criteria))
            .map(|(r, c)| (r.criterion.id == c.id).then(|| CriterionResult { criterion: c, ..r.clone() }))
            .collect::<Option<Vec<_>>>()?;
        Some(Assessment {
            trial,
            verdict: self.verdict,
            criteria,
            pending_screening: self.pending_screening,
            from: self.from,
        })
    }

    /// Open criteria that this settler can settle.
    pub fn open_for(&self, settler: Settler) -> impl Iterator<Item = &CriterionResult<'t>> {
        self.with(Requirement::Unknown).filter(move |c| c.settled_by == Some(settler))
    }
}

/// Whether a truth value of a criterion's rule (or evidence) stands against the person.
fn against(side: Side, truth: Tri) -> bool {
    matches!((side, truth), (Side::Inclusion, Tri::False) | (Side::Exclusion, Tri::True))
}

pub fn assess_criterion<'t>(
    criterion: &'t Criterion,
    bank: &QuestionBank,
    facts: &Facts<'_, 't>,
) -> CriterionResult<'t> {
    let Some(rule) = &criterion.rule else {
        // The study team decides; the answers still count, in both directions.
        let evidence = criterion.evidence.as_ref();
        let spoken_against = evidence.is_some_and(|e| against(criterion.side, e.evaluate(facts).0));
        return CriterionResult {
            criterion,
            requirement: if spoken_against { Requirement::Unknown } else { Requirement::StudyTeam },
            open_questions: vec![],
            settled_by: spoken_against.then_some(Settler::StudyTeam),
            at_screening: false,
            wait: None,
            against: spoken_against,
            computed: evidence.map(|e| computed(&e.node, facts)).unwrap_or_default(),
        };
    };
    let (condition, missing) = rule.evaluate(facts);
    let (for_study_team, waiting) = (missing.study_team, missing.wait);
    let mut requirement = match (criterion.side, condition) {
        (_, Tri::Unknown) => Requirement::Unknown,
        (side, truth) if against(side, truth) => Requirement::NotMet,
        _ => Requirement::Met,
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
        && !waiting
        && !open_questions.is_empty()
        && open().all(|q| q.at_screening);
    if at_screening {
        requirement = Requirement::StudyTeam;
    }
    let mut wait = (requirement == Requirement::Unknown && waiting).then_some(Wait::Open);
    if requirement == Requirement::NotMet
        && let Some(from) = met_from(criterion, rule, facts)
    {
        requirement = Requirement::NotYet;
        wait = Some(from);
    }
    let computed = computed(&rule.node, facts);
    CriterionResult { criterion, requirement, open_questions, settled_by, at_screening, wait, against: false, computed }
}

/// The first day, within `WAIT_HORIZON_MONTHS`, from which a criterion not
/// met today is met on the same answers: the days an age or a
/// time since an event the rule reads passes a whole year or month.
fn met_from(criterion: &Criterion, rule: &crate::engine::rule::Rule, facts: &Facts) -> Option<Wait> {
    use crate::engine::answer::Answer;
    use crate::engine::rule::node::Clock;
    let today = facts.today;
    let horizon = today.plus_months(WAIT_HORIZON_MONTHS).days_from_epoch();
    let ahead = |d: &Ymd| d.days_from_epoch() > today.days_from_epoch() && d.days_from_epoch() <= horizon;
    let mut days: Vec<Ymd> = Vec::new();
    let mut born = None;
    for clock in rule.node.clocks() {
        let (Clock::Age(q) | Clock::Since(q)) = clock;
        let Some(Answer::Date(date)) = facts.answers.known(q) else { continue };
        if matches!(clock, Clock::Age(_)) {
            born = date.earliest();
        }
        let step = if matches!(clock, Clock::Age(_)) { 12 } else { 1 };
        for anchor in [date.earliest(), date.latest()].into_iter().flatten() {
            let passed = crate::clinical::dates::months_between(anchor, today).max(0.0) as i64;
            // An anniversary, and the day after it (born on 29 February).
            for k in 0..=WAIT_HORIZON_MONTHS / step + 1 {
                let on = anchor.plus_months((passed / step + k) * step);
                days.extend([on, on.next_day()].into_iter().filter(ahead));
            }
        }
    }
    crate::sort::sort_by_key(&mut days, |d| d.days_from_epoch());
    days.dedup();
    let day = days.into_iter().find(|day| {
        // The rule alone, on that day: no look-ahead from there.
        // Met, not merely open: a biopsy ageing out of its window is no wait.
        let later = Facts::new(facts.answers, *day);
        matches!(
            (criterion.side, rule.evaluate(&later).0),
            (Side::Inclusion, Tri::True) | (Side::Exclusion, Tri::False)
        )
    })?;
    Some(Wait::From { day, age: born.map(|b| crate::clinical::dates::age_in_years(b, day)) })
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
                Calculation::Count(Num::CountTaken { .. }) => Calculator::Count(Counted::TakenLongEnough),
                Calculation::Count(Num::CountInadequate { .. }) => Calculator::Count(Counted::Inadequate),
                Calculation::Count(Num::CountIntolerant(..)) => Calculator::Count(Counted::Intolerant),
                Calculation::Count(_) => Calculator::Count(Counted::Any),
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
    let from = criteria
        .iter()
        .filter_map(|c| match c.wait {
            Some(Wait::From { day, .. }) => Some(day),
            _ => None,
        })
        .max_by_key(|d| d.days_from_epoch());
    let verdict = if criteria.iter().any(|c| c.requirement == Requirement::NotMet) {
        Verdict::NotEligible
    } else if from.is_some() {
        Verdict::NotYet
    } else if criteria.iter().any(|c| c.requirement == Requirement::Unknown) {
        Verdict::Undecided
    } else {
        Verdict::LikelyEligible
    };
    let pending_screening = verdict == Verdict::LikelyEligible && criteria.iter().any(|c| c.at_screening);
    let from = from.filter(|_| verdict == Verdict::NotYet);
    Assessment { trial, verdict, criteria, pending_screening, from }
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
            let reads_changed = |c: &Criterion| changed.iter().any(|q| c.reads(q));
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

#[cfg(test)]
mod tests;
