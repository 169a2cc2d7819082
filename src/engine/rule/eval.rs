//! Evaluates a checked rule on the answers given so far.
//!
//! Numbers are ranges: an exact answer is a range of one point, while a
//! month-only date or a medicine taken "for an unknown time" gives a wider
//! one. A comparison is true or false only when the whole range agrees, so
//! partial knowledge is used, never stretched. Each unknown result carries
//! the questions that left it unknown: those are what could still decide it.

use super::node::{Calculation, Cond, Egfr, Num, TickList};
use super::op::{Arith, Compare, Logic};
use crate::clinical::dates::{Ymd, age_in_years, months_since};
use crate::clinical::egfr::{self, Formula, Sex};
use crate::clinical::{eular_acr, sledai};
use crate::engine::answer::{Answer, Answers};
use crate::engine::logic::Tri;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

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
    calculated: RefCell<BTreeMap<String, (Option<Range>, Missing<'c>)>>,
}

impl<'a> Facts<'a, '_> {
    pub fn new(answers: &'a Answers, today: Ymd) -> Self {
        Facts { answers, today, ticks: RefCell::default(), calculated: RefCell::default() }
    }
}

/// What leaves a result unknown: the questions whose missing (or "don't
/// know") answers could still decide it, each once, in id order, by their
/// ids in the catalog's rules; and whether the study team (`study_team` in a
/// rule, or a total and descriptors that disagree) or a wait (a yes to a
/// window question: "dialysis in the last 3 months") is behind it. One is
/// built for every unknown result of every criterion, and holds a handful of
/// ids: a sorted vector of borrowed ids, rather than a `BTreeSet` of copied
/// strings, took a third off assessing 1,000 trials (callgrind).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Missing<'c> {
    questions: Vec<&'c str>,
    /// The study team is needed to settle it, whatever the open questions say
    /// ("x or study_team" with x open is not: a yes to x settles it).
    pub study_team: bool,
    /// Time will settle it: a window before now that closes.
    pub wait: bool,
}

impl<'c> Missing<'c> {
    pub fn new() -> Self {
        Missing::default()
    }

    /// What only the study team can settle.
    pub fn study_team() -> Self {
        Missing { study_team: true, ..Missing::default() }
    }

    /// A wait: the window closes with time.
    pub fn wait() -> Self {
        Missing { wait: true, ..Missing::default() }
    }

    /// Adds `q` unless it is there already; true when it was not.
    pub fn insert(&mut self, q: &'c str) -> bool {
        match self.questions.binary_search(&q) {
            Ok(_) => false,
            Err(at) => {
                self.questions.insert(at, q);
                true
            }
        }
    }

    /// Nothing at all is behind it: neither a question, nor the study team, nor a wait.
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && !self.study_team && !self.wait
    }

    /// How many questions.
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn clear(&mut self) {
        *self = Missing::new();
    }

    /// The questions, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &'c str> + '_ {
        self.questions.iter().copied()
    }

    /// Everything behind `other` too.
    pub fn merge(&mut self, other: Missing<'c>) {
        self.study_team |= other.study_team;
        self.wait |= other.wait;
        self.extend(other.questions);
    }
}

impl<'c> Extend<&'c str> for Missing<'c> {
    fn extend<I: IntoIterator<Item = &'c str>>(&mut self, questions: I) {
        for q in questions {
            self.insert(q);
        }
    }
}

impl<'c> IntoIterator for Missing<'c> {
    type Item = &'c str;
    type IntoIter = std::vec::IntoIter<&'c str>;

    fn into_iter(self) -> Self::IntoIter {
        self.questions.into_iter()
    }
}

impl<'m, 'c> IntoIterator for &'m Missing<'c> {
    type Item = &'m &'c str;
    type IntoIter = std::slice::Iter<'m, &'c str>;

    fn into_iter(self) -> Self::IntoIter {
        self.questions.iter()
    }
}

/// Inclusive bounds; `lo == hi` for an exact number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
}

impl Range {
    fn exact(x: f64) -> Range {
        Range { lo: x, hi: x }
    }

    fn is_exact(self) -> bool {
        self.lo == self.hi
    }
}

/// Canonical conversions can leave 34.2/17.1 a hair above 2.0; a limit is
/// met when the values agree to this relative precision.
const TOLERANCE: f64 = 1e-9;

fn le(a: f64, b: f64) -> bool {
    a <= b || (a - b).abs() <= TOLERANCE * a.abs().max(b.abs())
}

fn compare(op: Compare, a: Range, b: Range) -> Tri {
    let lt = |x: Range, y: Range| -> Tri {
        if !le(y.lo, x.hi) {
            Tri::True
        } else if le(y.hi, x.lo) {
            Tri::False
        } else {
            Tri::Unknown
        }
    };
    let leq = |x: Range, y: Range| -> Tri {
        if le(x.hi, y.lo) {
            Tri::True
        } else if !le(x.lo, y.hi) {
            Tri::False
        } else {
            Tri::Unknown
        }
    };
    match op {
        Compare::Lt => lt(a, b),
        Compare::Le => leq(a, b),
        Compare::Gt => lt(b, a),
        Compare::Ge => leq(b, a),
        Compare::Eq => leq(a, b).and(leq(b, a)),
        Compare::Ne => !leq(a, b).and(leq(b, a)),
    }
}

fn arith(op: Arith, a: Range, b: Range) -> Option<Range> {
    let hull = |xs: [f64; 4]| {
        let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lo.is_finite() && hi.is_finite()).then_some(Range { lo, hi })
    };
    match op {
        Arith::Add => Some(Range { lo: a.lo + b.lo, hi: a.hi + b.hi }),
        Arith::Sub => Some(Range { lo: a.lo - b.hi, hi: a.hi - b.lo }),
        Arith::Mul => hull([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]),
        // Dividing by a range that holds zero decides nothing.
        Arith::Div if b.lo <= 0.0 && b.hi >= 0.0 => None,
        Arith::Div => hull([a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]),
    }
}

/// Unknown for good: everything behind it was answered "don't know". An
/// operation that needs both sides cannot be decided by the other side then,
/// so the other side's questions are not worth asking.
fn settled(m: &Missing, answers: &Answers) -> bool {
    !m.is_empty() && !m.study_team && !m.wait && m.iter().all(|q| answers.get(q) == Some(&Answer::DontKnow))
}

/// What leaves a strict two-sided operation unknown.
fn both_sides<'c>(a: (Option<Range>, Missing<'c>), b: (Option<Range>, Missing<'c>), answers: &Answers) -> Missing<'c> {
    match (a, b) {
        ((None, ma), _) if settled(&ma, answers) => ma,
        (_, (None, mb)) if settled(&mb, answers) => mb,
        ((_, ma), (_, mb)) => joined([ma, mb]),
    }
}

/// All the questions of `parts`: the smaller set is inserted into the larger.
fn joined<'c>(parts: impl IntoIterator<Item = Missing<'c>>) -> Missing<'c> {
    let mut all = Missing::new();
    for mut part in parts {
        if part.len() > all.len() {
            std::mem::swap(&mut all, &mut part);
        }
        all.merge(part);
    }
    all
}

fn missing(q: &str) -> Missing<'_> {
    let mut one = Missing::new();
    one.insert(q);
    one
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
            Cond::EularAcrClassified(entry, list) => {
                let (entry, mut why) = entry.truth(facts);
                let (ticks, list_why) = list.ticks(facts);
                let present = eular_acr::classify(true, ticks.present.iter().map(String::as_str))
                    .ok()
                    .is_some_and(|c| c.classified);
                // Ticked items prove classification; only a complete list can disprove it.
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
            Cond::AtLeast(k, conditions) => {
                let results: Vec<(Tri, Missing)> = conditions.iter().map(|c| c.truth(facts)).collect();
                let sure = results.iter().filter(|(t, _)| *t == Tri::True).count();
                let possible = sure + results.iter().filter(|(t, _)| *t == Tri::Unknown).count();
                if sure >= *k {
                    (Tri::True, Missing::new())
                } else if possible < *k {
                    (Tri::False, Missing::new())
                } else {
                    let unknown: Vec<Missing> =
                        results.into_iter().filter(|(t, _)| *t == Tri::Unknown).map(|(_, m)| m).collect();
                    // The study team is needed when the rest cannot make up the count without it.
                    let without_team = unknown.iter().filter(|m| !m.study_team).count();
                    let needed = sure + without_team < *k;
                    let mut why = joined(unknown);
                    why.study_team = needed;
                    (Tri::Unknown, why)
                }
            }
            Cond::Not(a) => {
                let (t, m) = a.truth(facts);
                (!t, m)
            }
            Cond::Logic(op, a, b) => {
                let (ta, ma) = a.truth(facts);
                let (tb, mb) = b.truth(facts);
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
                let range = medicines(answers, question).map(|m| {
                    m.count(options, |u| {
                        // A course of infusions counts once received, whatever the months say.
                        if courses.contains(&u.drug) { Some(true) } else { u.months.map(|m| le(*months, m)) }
                    })
                });
                ranged(range, question)
            }
            Num::CountIntolerant(q, options) => {
                ranged(medicines(answers, q).map(|m| m.count(options, |u| u.stopped_for_side_effects)), q)
            }
            Num::CountInadequate { question, options, months, courses } => {
                let range = medicines(answers, question).map(|m| {
                    m.count(options, |u| {
                        // Stopped for side effects: intolerance, not an inadequate response.
                        let tolerated = u.stopped_for_side_effects.map(|s| !s);
                        let long_enough =
                            if courses.contains(&u.drug) { Some(true) } else { u.months.map(|m| le(*months, m)) };
                        Tri::from_option(tolerated).and(Tri::from_option(long_enough)).known()
                    })
                });
                ranged(range, question)
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

impl<'c> Calculation<'c> {
    /// What the calculator gives on these facts: a number, a range when
    /// answers are partial, `None` when too little is known.
    pub fn value(&self, facts: &Facts<'_, 'c>) -> Option<Range> {
        match *self {
            Calculation::Egfr(e) => e.cached(facts).0,
            Calculation::Sledai(n) => n.range(facts).0,
            Calculation::EularAcr(list) => eular_acr_range(list, facts).0,
        }
    }
}

/// The 2019 EULAR/ACR score as a range: the items present, up to every item
/// not known to be absent; computed once per set of answers for each list.
fn eular_acr_range<'c>(list: &'c TickList, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
    let key = format!("eular_acr {}", list.question);
    if let Some(known) = facts.calculated.borrow().get(&key) {
        return known.clone();
    }
    let computed = eular_acr_score(list, facts);
    facts.calculated.borrow_mut().insert(key, computed.clone());
    computed
}

fn eular_acr_score<'c>(list: &'c TickList, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
    let (ticks, why) = list.ticks(facts);
    let score = |ids: &mut dyn Iterator<Item = &str>| eular_acr::score(ids).map_or(0.0, |(s, _)| f64::from(s));
    let lo = score(&mut ticks.present.iter().map(String::as_str));
    let hi = if ticks.complete { lo } else { score(&mut eular_acr::ITEMS.iter().map(|i| i.id)) };
    let range = Range { lo, hi };
    (Some(range), if range.is_exact() { Missing::new() } else { why })
}

/// What a tick list shows: the items present, and whether the others are
/// known to be absent.
#[derive(Clone, Debug)]
struct Ticks {
    present: BTreeSet<String>,
    /// Every item not present is absent: a complete list.
    complete: bool,
}

impl TickList {
    /// The items chosen plus those other answers imply. A list ticked from
    /// memory, or not answered, is never complete: what is missing from it
    /// is the list itself and the answers that could imply more items.
    fn ticks<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Ticks, Missing<'c>) {
        if let Some(known) = facts.ticks.borrow().get(self.question.as_str()) {
            return known.clone();
        }
        let computed = self.compute(facts);
        facts.ticks.borrow_mut().insert(&self.question, computed.clone());
        computed
    }

    fn compute<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Ticks, Missing<'c>) {
        let (mut present, complete) = match facts.answers.known(&self.question) {
            Some(Answer::Multi(chosen)) => (chosen.clone(), true),
            Some(Answer::Remembered(chosen)) => (chosen.clone(), false),
            _ => (BTreeSet::new(), false),
        };
        let mut why = if complete { Missing::new() } else { missing(&self.question) };
        for implied in self.implied.iter() {
            match implied.when.truth(facts) {
                (Tri::True, _) => {
                    present.insert(implied.item.clone());
                }
                (Tri::Unknown, m) if !complete => why.merge(m),
                _ => {}
            }
        }
        (Ticks { present, complete }, why)
    }
}

/// A SLEDAI-2K variant as a range. The doctor's total, when known, beats a
/// sum of remembered descriptors: for the full score it decides alone; for a
/// variant (lab points, CNS points left out) the points the variant leaves
/// out are taken from the total, as far as the descriptors known tell them.
fn sledai_range<'c>(
    items: &'c TickList,
    total: Option<&'c str>,
    variant: &sledai::Variant,
    facts: &Facts<'_, 'c>,
) -> (Option<Range>, Missing<'c>) {
    let (ticks, mut why) = items.ticks(facts);
    let ids = || ticks.present.iter().map(String::as_str);
    let points =
        |ids: &mut dyn Iterator<Item = &str>, v: &sledai::Variant| sledai::score(ids, v).map_or(0.0, f64::from);
    let all = |v: &sledai::Variant| f64::from(sledai::most(v));
    // The variant's points from the descriptors: what is present, up to everything not known absent.
    let counted_lo = points(&mut ids(), variant);
    let counted_hi = if ticks.complete { counted_lo } else { all(variant) };
    let doctors_total = total.and_then(|q| match facts.answers.known(q) {
        Some(Answer::Number { value, unit: None }) => Some(*value),
        _ => None,
    });
    let range = match doctors_total {
        Some(t) if *variant == sledai::Variant::Total => Range::exact(t),
        Some(t) => {
            // Points outside the variant: those present, up to everything not known absent.
            let left_out_lo = points(&mut ids(), &sledai::Variant::Total) - counted_lo;
            let left_out_hi = if ticks.complete { left_out_lo } else { all(&sledai::Variant::Total) - all(variant) };
            let lo = counted_lo.max(t - left_out_hi).max(0.0);
            let hi = counted_hi.min(t - left_out_lo);
            if lo > hi {
                // The total and the descriptors disagree: the study team looks at both.
                why.study_team = true;
                return (None, why);
            }
            Range { lo, hi }
        }
        None => {
            if let Some(q) = total {
                why.insert(q);
            }
            Range { lo: counted_lo, hi: counted_hi }
        }
    };
    if range.is_exact() { (Some(range), Missing::new()) } else { (Some(range), why) }
}

/// The medicines answer: the uses listed, and whether the list is complete.
struct Medicines<'a> {
    uses: &'a [crate::engine::answer::MedicationUse],
    complete: bool,
}

fn medicines<'a>(answers: &'a Answers, q: &str) -> Option<Medicines<'a>> {
    match answers.known(q) {
        Some(Answer::Medications(uses)) => Some(Medicines { uses, complete: true }),
        Some(Answer::RememberedMedications(uses)) => Some(Medicines { uses, complete: false }),
        _ => None,
    }
}

impl Medicines<'_> {
    /// Counts listed medicines that pass `test`; an untold detail widens the
    /// range, and so, in a list from memory, does each medicine not listed.
    fn count(&self, options: &[String], test: impl Fn(&crate::engine::answer::MedicationUse) -> Option<bool>) -> Range {
        let mut r = Range::exact(0.0);
        for u in self.uses.iter().filter(|u| options.contains(&u.drug)) {
            match test(u) {
                Some(true) => {
                    r.lo += 1.0;
                    r.hi += 1.0;
                }
                Some(false) => {}
                None => r.hi += 1.0,
            }
        }
        if !self.complete {
            r.hi += options.iter().filter(|o| !self.uses.iter().any(|u| &u.drug == *o)).count() as f64;
        }
        r
    }
}

impl Egfr {
    /// The estimate, computed once per set of answers for each formula and inputs.
    fn cached<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
        let key = format!("{:?} {}", self.formula, self.inputs().join(","));
        if let Some(known) = facts.calculated.borrow().get(&key) {
            return known.clone();
        }
        let computed = self.estimate(facts);
        facts.calculated.borrow_mut().insert(key, computed.clone());
        computed
    }

    /// Chooses the formula first (by age when the trial names none), so that
    /// an adult is never asked for a height nor a child for a sex.
    fn estimate<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
        let formulas: &[Formula] = match self.formula {
            Formula::ForAge => {
                let (age, why) = self.age.as_ref().map_or((None, Missing::new()), |n| n.range(facts));
                match age {
                    Some(a) if a.lo >= egfr::ADULT_AGE => &[Formula::CkdEpi2021],
                    Some(a) if a.hi < egfr::ADULT_AGE => &[Formula::BedsideSchwartz],
                    Some(_) => &[Formula::CkdEpi2021, Formula::BedsideSchwartz],
                    None => {
                        let mut why = why;
                        why.merge(self.creatinine.range(facts).1);
                        return (None, why);
                    }
                }
            }
            Formula::CkdEpi2021 => &[Formula::CkdEpi2021],
            Formula::BedsideSchwartz => &[Formula::BedsideSchwartz],
        };
        let mut why = Missing::new();
        let mut hull: Option<Range> = None;
        for formula in formulas {
            let (estimate, m) = self.with(*formula, facts);
            why.merge(m);
            let Some(r) = estimate else {
                return (None, why);
            };
            hull = Some(hull.map_or(r, |h| Range { lo: h.lo.min(r.lo), hi: h.hi.max(r.hi) }));
        }
        match hull {
            Some(r) if r.is_exact() => (Some(r), Missing::new()),
            other => (other, why),
        }
    }

    fn with<'c>(&'c self, formula: Formula, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
        let (creatinine, mut why) = self.creatinine.range(facts);
        if creatinine.is_none() && settled(&why, facts.answers) {
            return (None, why);
        }
        let mut input = |n: &'c Option<Num>| {
            let (r, m) = n.as_ref().map_or((None, Missing::new()), |n| n.range(facts));
            why.merge(m);
            r
        };
        let estimate = match formula {
            Formula::BedsideSchwartz => {
                let height = input(&self.height);
                // Falls with creatinine, rises with height.
                creatinine.zip(height).and_then(|(c, h)| {
                    Some(Range { lo: egfr::bedside_schwartz(h.lo, c.hi)?, hi: egfr::bedside_schwartz(h.hi, c.lo)? })
                })
            }
            _ => {
                let age = input(&self.age);
                let sex = self.sex.as_deref().and_then(|q| match facts.answers.known(q) {
                    Some(Answer::Choice(c)) if c == "female" => Some(Sex::Female),
                    Some(Answer::Choice(c)) if c == "male" => Some(Sex::Male),
                    _ => {
                        why.insert(q);
                        None
                    }
                });
                // Falls with creatinine and with age.
                match (creatinine, age, sex) {
                    (Some(c), Some(a), Some(s)) => egfr::ckd_epi_2021(c.hi, a.hi, s)
                        .zip(egfr::ckd_epi_2021(c.lo, a.lo, s))
                        .map(|(lo, hi)| Range { lo, hi }),
                    _ => None,
                }
            }
        };
        (estimate, why)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: f64, hi: f64) -> Range {
        Range { lo, hi }
    }

    #[test]
    fn comparisons_decide_only_when_the_whole_range_agrees() {
        assert_eq!(compare(Compare::Le, r(5.0, 5.9), r(6.0, 6.0)), Tri::True);
        assert_eq!(compare(Compare::Le, r(5.5, 6.5), r(6.0, 6.0)), Tri::Unknown);
        assert_eq!(compare(Compare::Le, r(6.1, 7.0), r(6.0, 6.0)), Tri::False);
        assert_eq!(compare(Compare::Lt, r(6.0, 6.0), r(6.0, 6.0)), Tri::False);
        assert_eq!(compare(Compare::Ge, r(6.0, 6.0), r(6.0, 6.0)), Tri::True);
        assert_eq!(compare(Compare::Eq, r(2.0, 2.0), r(2.0, 2.0)), Tri::True);
        assert_eq!(compare(Compare::Ne, r(1.0, 2.0), r(3.0, 3.0)), Tri::True);
    }

    #[test]
    fn a_limit_met_exactly_after_unit_conversion_is_met() {
        // 34.2 umol/L of bilirubin is 2.0 mg/dL; floating point says 2.0000000000000004.
        let bilirubin = 34.2 / 17.1;
        assert_eq!(compare(Compare::Le, r(bilirubin, bilirubin), r(2.0, 2.0)), Tri::True);
    }

    #[test]
    fn dividing_by_a_range_through_zero_decides_nothing() {
        assert_eq!(arith(Arith::Div, r(1.0, 1.0), r(-1.0, 1.0)), None);
        assert_eq!(arith(Arith::Mul, r(2.0, 3.0), r(-1.0, 1.0)), Some(r(-3.0, 3.0)));
    }
}
