//! The calculators a rule reads, computed once per set of answers however
//! many criteria read them: a tick list with its implied items, the 2019
//! EULAR/ACR score, SLEDAI-2K and its variants, the eGFR, medicine counts.

use super::missing::{missing, settled};
use super::range::le;
use super::{Facts, Missing, Range};
use crate::clinical::egfr::{self, Formula, Sex};
use crate::clinical::{eular_acr, sledai};
use crate::engine::answer::{Answer, Answers};
use crate::engine::logic::Tri;
use crate::engine::rule::node::{Calculation, Egfr, Num, TickList};
use std::collections::BTreeSet;

/// What a calculator's result is kept under, for one set of answers: the
/// calculator and the questions it reads (two trials' eGFR over the same
/// answers is one computation).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Calculated<'c> {
    EularAcr(&'c str),
    Egfr(Formula, Vec<&'c str>),
}

impl<'c> Calculation<'c> {
    /// What the calculator gives on these facts: a number, a range when
    /// answers are partial, `None` when too little is known.
    pub fn value(&self, facts: &Facts<'_, 'c>) -> Option<Range> {
        match *self {
            Calculation::Egfr(e) => e.cached(facts).0,
            Calculation::Sledai(n) => n.range(facts).0,
            Calculation::EularAcr(list) => eular_acr_range(list, facts).0,
            Calculation::Count(n) => n.range(facts).0,
        }
    }
}

/// The 2019 EULAR/ACR score as a range: the items present, up to every item
/// not known to be absent; computed once per set of answers for each list.
pub(super) fn eular_acr_range<'c>(list: &'c TickList, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
    let key = Calculated::EularAcr(&list.question);
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
pub(super) struct Ticks {
    pub(super) present: BTreeSet<String>,
    /// Every item not present is absent: a complete list.
    pub(super) complete: bool,
}

impl TickList {
    /// The items chosen plus those other answers imply. A list ticked from
    /// memory, or not answered, is never complete: what is missing from it
    /// is the list itself and the answers that could imply more items.
    pub(super) fn ticks<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Ticks, Missing<'c>) {
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
pub(super) fn sledai_range<'c>(
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
pub(super) struct Medicines<'a> {
    uses: &'a [crate::engine::answer::MedicationUse],
    complete: bool,
}

pub(super) fn medicines<'a>(answers: &'a Answers, q: &str) -> Option<Medicines<'a>> {
    match answers.known(q) {
        Some(Answer::Medications(uses)) => Some(Medicines { uses, complete: true }),
        Some(Answer::RememberedMedications(uses)) => Some(Medicines { uses, complete: false }),
        _ => None,
    }
}

impl Medicines<'_> {
    /// Taken at least `months` (a course of infusions counts once received,
    /// whatever the months say).
    pub(super) fn taken(&self, options: &[String], months: f64, courses: &[String]) -> Range {
        self.count(options, |u| if courses.contains(&u.drug) { Some(true) } else { u.months.map(|m| le(months, m)) })
    }

    /// Taken long enough and not stopped for side effects: an inadequate
    /// response (intolerance is not one).
    pub(super) fn inadequate(&self, options: &[String], months: f64, courses: &[String]) -> Range {
        self.count(options, |u| {
            let tolerated = u.stopped_for_side_effects.map(|s| !s);
            let long_enough = if courses.contains(&u.drug) { Some(true) } else { u.months.map(|m| le(months, m)) };
            Tri::from_option(tolerated).and(Tri::from_option(long_enough)).known()
        })
    }

    /// Counts listed medicines that pass `test`; an untold detail widens the
    /// range, and so, in a list from memory, does each medicine not listed.
    pub(super) fn count(
        &self,
        options: &[String],
        test: impl Fn(&crate::engine::answer::MedicationUse) -> Option<bool>,
    ) -> Range {
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
    pub(super) fn cached<'c>(&'c self, facts: &Facts<'_, 'c>) -> (Option<Range>, Missing<'c>) {
        let key = Calculated::Egfr(self.formula, self.inputs());
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
