//! Evaluates a checked rule on the answers given so far.
//!
//! Numbers are ranges: an exact answer is a range of one point, while a
//! month-only date or a medicine taken "for an unknown time" gives a wider
//! one. A comparison is true or false only when the whole range agrees, so
//! partial knowledge is used, never stretched. Each unknown result carries
//! the questions that left it unknown: those are what could still decide it.

mod calculators;
mod missing;
mod range;

use super::node::{Cond, Num};
use super::op::Logic;
use crate::clinical::dates::{Ymd, age_in_years, months_since};
use crate::clinical::eular_acr;
use crate::engine::answer::{Answer, Answers};
use crate::engine::logic::Tri;
use calculators::{Calculated, Ticks, eular_acr_range, medicines, sledai_range};
pub use missing::Missing;
use missing::{both_sides, joined, missing};
pub use range::Range;
use range::{arith, compare};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// What a rule is evaluated on, with what is derived from it computed once
/// per set of answers (a tick list with its implied items, an eGFR), however
/// many criteria of however many trials read it.
/// `'c` is the catalog's: the question ids behind unknown results are
/// borrowed from its rules, not copied.
#[derive(Debug)]
pub struct Facts<'a, 'c> {
    pub answers: &'a Answers,
    /// Ages and "months since" are counted to this day.
    pub today: Ymd,
    ticks: RefCell<BTreeMap<&'c str, (Ticks, Missing<'c>)>>,
    /// What the calculators give (an eGFR, the 2019 EULAR/ACR score), by
    /// calculator and inputs. One map for both: each map type is code of its
    /// own in the wasm.
    calculated: RefCell<BTreeMap<Calculated<'c>, (Option<Range>, Missing<'c>)>>,
}

impl<'a> Facts<'a, '_> {
    pub fn new(answers: &'a Answers, today: Ymd) -> Self {
        Facts { answers, today, ticks: RefCell::default(), calculated: RefCell::default() }
    }
}

impl Cond {
    /// The condition's truth on these facts, and what leaves it unknown.
    pub fn truth<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Tri, Missing<'c>) {
        let answers = facts.answers;
        match self {
            Cond::Bool(b) => (Tri::from(*b), Missing::new()),
            Cond::StudyTeam => (Tri::Unknown, Missing::study_team()),
            Cond::YesNo(q) => match answers.known(q) {
                Some(Answer::Bool(b)) => (Tri::from(*b), Missing::new()),
                _ => (Tri::Unknown, missing(q)),
            },
            Cond::Window(q) => match answers.known(q) {
                // Inside the window: a wait, which time (and the study team) settles.
                Some(Answer::Bool(true)) => (Tri::Unknown, Missing::wait()),
                Some(Answer::Bool(false)) => (Tri::False, Missing::new()),
                _ => (Tri::Unknown, missing(q)),
            },
            Cond::ChoiceIn(q, options) => match answers.known(q) {
                Some(Answer::Choice(c)) => (Tri::from(options.contains(c)), Missing::new()),
                _ => (Tri::Unknown, missing(q)),
            },
            Cond::MultiAny(list, options) => {
                let (ticks, why) = list.ticks(facts);
                if options.iter().any(|o| ticks.present.contains(o)) {
                    (Tri::True, Missing::new())
                } else if ticks.complete {
                    (Tri::False, Missing::new())
                } else {
                    (Tri::Unknown, why)
                }
            }
            Cond::EularAcrClassified(entry, list) => eular_acr_classified(entry.truth(facts), list.ticks(facts)),
            Cond::AtLeast(k, conditions) => at_least(*k, conditions.iter().map(|c| c.truth(facts)).collect()),
            Cond::Not(a) => {
                let (t, m) = a.truth(facts);
                (!t, m)
            }
            Cond::Logic(op, a, b) => logic(*op, a.truth(facts), b.truth(facts)),
            Cond::Compare(op, a, b) => {
                let (a, b) = (a.range(facts), b.range(facts));
                let t = match (a.0, b.0) {
                    (Some(x), Some(y)) => compare(*op, x, y),
                    _ => Tri::Unknown,
                };
                (t, if t.is_known() { Missing::new() } else { both_sides(a, b, answers) })
            }
        }
    }
}

/// Classified by the 2019 EULAR/ACR criteria: the entry criterion and the
/// items. Ticked items prove classification; only a complete list can
/// disprove it.
fn eular_acr_classified<'c>(
    (entry, mut why): (Tri, Missing<'c>),
    (ticks, list_why): (Ticks, Missing<'c>),
) -> (Tri, Missing<'c>) {
    let present =
        eular_acr::classify(true, ticks.present.iter().map(String::as_str)).ok().is_some_and(|c| c.classified);
    let items = if present {
        Tri::True
    } else if ticks.complete {
        Tri::False
    } else {
        Tri::Unknown
    };
    match entry.and(items) {
        Tri::Unknown => {
            if entry.is_known() {
                why.clear();
            }
            if items == Tri::Unknown {
                why.merge(list_why);
            }
            (Tri::Unknown, why)
        }
        t => (t, Missing::new()),
    }
}

/// At least `k` of the conditions, on their results.
fn at_least(k: usize, results: Vec<(Tri, Missing<'_>)>) -> (Tri, Missing<'_>) {
    let sure = results.iter().filter(|(t, _)| *t == Tri::True).count();
    let possible = sure + results.iter().filter(|(t, _)| *t == Tri::Unknown).count();
    if sure >= k {
        return (Tri::True, Missing::new());
    }
    if possible < k {
        return (Tri::False, Missing::new());
    }
    let unknown: Vec<Missing> = results.into_iter().filter(|(t, _)| *t == Tri::Unknown).map(|(_, m)| m).collect();
    // The study team is needed when the rest cannot make up the count without it.
    let without_team = unknown.iter().filter(|m| !m.study_team).count();
    let needed = sure + without_team < k;
    let mut why = joined(unknown);
    why.study_team = needed;
    (Tri::Unknown, why)
}

/// `a and b`, `a or b`, on the two sides' results.
fn logic<'c>(op: Logic, (ta, ma): (Tri, Missing<'c>), (tb, mb): (Tri, Missing<'c>)) -> (Tri, Missing<'c>) {
    let t = match op {
        Logic::And => ta.and(tb),
        Logic::Or => ta.or(tb),
    };
    if t.is_known() {
        return (t, Missing::new());
    }
    let unknown: Vec<Missing> =
        [(ta, ma), (tb, mb)].into_iter().filter(|(t, _)| !t.is_known()).map(|(_, m)| m).collect();
    // "x or study_team" with x open: answering x may settle it, so the study
    // team is needed only where every open side needs it ("and": either).
    let needed = match op {
        Logic::And => unknown.iter().any(|m| m.study_team),
        Logic::Or => unknown.iter().all(|m| m.study_team),
    };
    let mut why = joined(unknown);
    why.study_team = needed;
    (Tri::Unknown, why)
}

impl Num {
    /// The number, as a range; `None` when unknown. Missing holds the
    /// questions behind an unknown or inexact number.
    pub fn range<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
        let answers = facts.answers;
        let exact = |x: Option<f64>, q: &'c str| match x {
            Some(x) if x.is_finite() => (Some(Range::exact(x)), Missing::new()),
            _ => (None, missing(q)),
        };
        let ranged = |r: Option<Range>, q: &'c str| match r {
            Some(r) if r.is_exact() => (Some(r), Missing::new()),
            Some(r) => (Some(r), missing(q)),
            None => (None, missing(q)),
        };
        match self {
            Num::Literal(x) => (Some(Range::exact(*x)), Missing::new()),
            Num::Question(q, quantity) => {
                let value = match answers.known(q) {
                    Some(Answer::Number { value, unit }) => match (quantity, unit) {
                        (Some(quantity), Some(unit)) => quantity.to_canonical(*value, unit).ok(),
                        (None, None) => Some(*value),
                        _ => None,
                    },
                    _ => None,
                };
                exact(value, q)
            }
            Num::CountTicked(list, options) => {
                let (ticks, why) = list.ticks(facts);
                let lo = options.iter().filter(|o| ticks.present.contains(*o)).count() as f64;
                let hi = if ticks.complete { lo } else { options.len() as f64 };
                let range = Range { lo, hi };
                (Some(range), if range.is_exact() { Missing::new() } else { why })
            }
            Num::Count(q, options) => ranged(medicines(answers, q).map(|m| m.count(options, |_| Some(true))), q),
            Num::CountTaken { question, options, months, courses } => {
                ranged(medicines(answers, question).map(|m| m.taken(options, *months, courses)), question)
            }
            Num::CountIntolerant(q, options) => {
                ranged(medicines(answers, q).map(|m| m.count(options, |u| u.stopped_for_side_effects)), q)
            }
            Num::CountInadequate { question, options, months, courses } => {
                ranged(medicines(answers, question).map(|m| m.inadequate(options, *months, courses)), question)
            }
            Num::Sledai { items, total, variant } => sledai_range(items, total.as_deref(), variant, facts),
            Num::EularAcrScore(list) => eular_acr_range(list, facts),
            Num::MonthsSince(q) => {
                let range = match answers.known(q) {
                    Some(Answer::Date(d)) => months_since(*d, facts.today).map(|(lo, hi)| Range { lo, hi }),
                    _ => None,
                };
                ranged(range, q)
            }
            Num::AgeYears(q) => {
                let range = match answers.known(q) {
                    Some(Answer::Date(d)) => d.earliest().zip(d.latest()).map(|(early, late)| Range {
                        lo: f64::from(age_in_years(late, facts.today)),
                        hi: f64::from(age_in_years(early, facts.today)),
                    }),
                    _ => None,
                };
                ranged(range, q)
            }
            Num::Egfr(e) => e.cached(facts),
            Num::Arith(op, a, b) => {
                let (a, b) = (a.range(facts), b.range(facts));
                let r = a.0.zip(b.0).and_then(|(x, y)| arith(*op, x, y));
                let m = if r.is_some_and(Range::is_exact) { Missing::new() } else { both_sides(a, b, answers) };
                (r, m)
            }
            Num::Neg(a) => {
                let (r, m) = a.range(facts);
                (r.map(|r| Range { lo: -r.hi, hi: -r.lo }), m)
            }
        }
    }
}
