//! A compiled rule: names resolved to questions, literals converted to
//! canonical units, functions chosen. Conditions (`Cond`) and numbers
//! (`Num`) are separate types, so the compiler cannot build a condition where
//! a number belongs and evaluation matches every case exhaustively.

use super::op::{Arith, Compare, Logic};
use crate::clinical::egfr::Formula;
use crate::clinical::sledai;
use crate::clinical::units::Quantity;

/// An item of a multiple choice that is present whenever `when` holds (a
/// class IV biopsy is the 2019 EULAR/ACR renal item), so that nothing is asked twice.
#[derive(Clone, Debug, PartialEq)]
pub struct Implied {
    pub item: String,
    pub when: Cond,
}

/// The implied items of the bank's lists, by question: compiled once, kept
/// beside the bank (a question is data; its implied items are rules over
/// the other questions).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Implications(Vec<(String, std::sync::Arc<[Implied]>)>);

impl Implications {
    pub fn new(by_question: Vec<(String, Vec<Implied>)>) -> Implications {
        Implications(by_question.into_iter().map(|(q, items)| (q, items.into())).collect())
    }

    /// The items `question` implies (none for most), shared, not copied.
    pub fn of(&self, question: &str) -> std::sync::Arc<[Implied]> {
        self.0.iter().find(|(q, _)| q == question).map(|(_, items)| items.clone()).unwrap_or_else(|| Vec::new().into())
    }

    /// These and `other`'s (several question files validated together).
    pub fn extend(&mut self, other: Implications) {
        self.0.extend(other.0);
    }
}

/// A multiple-choice answer as the calculators read it: the items chosen,
/// plus the items other answers imply (see `Implications`).
#[derive(Clone, Debug, PartialEq)]
pub struct TickList {
    pub question: String,
    /// The question's own, shared rather than copied into every rule.
    pub implied: std::sync::Arc<[Implied]>,
}

/// Something true, false or not known yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    Bool(bool),
    /// `study_team`: unknown, and only the study team can settle it (an
    /// example list, an old biopsy that can be repeated, a judgement word).
    StudyTeam,
    /// A yes/no question.
    YesNo(String),
    /// A yes/no question about a window before now (`Question::window`): a
    /// yes is a wait, unknown until time closes the window; a no is false.
    Window(String),
    /// A single-choice answer is one of these options.
    ChoiceIn(String, Vec<String>),
    /// A multiple-choice answer includes any of these options.
    MultiAny(TickList, Vec<String>),
    /// Classified as SLE by 2019 EULAR/ACR: (entry criterion, items present).
    EularAcrClassified(Box<Cond>, TickList),
    /// At least this many of the conditions hold.
    AtLeast(usize, Vec<Cond>),
    Not(Box<Cond>),
    Logic(Logic, Box<Cond>, Box<Cond>),
    Compare(Compare, Box<Num>, Box<Num>),
}

/// A number, possibly known only as a range.
#[derive(Clone, Debug, PartialEq)]
pub enum Num {
    /// A number in canonical units.
    Literal(f64),
    /// A number question, in its quantity's canonical unit.
    Question(String, Option<&'static Quantity>),
    /// How many of these options were chosen.
    CountTicked(TickList, Vec<String>),
    /// How many of these medicines were taken.
    Count(String, Vec<String>),
    /// How many of these medicines were taken for at least `months`; a
    /// medicine given in courses counts once received.
    CountTaken {
        question: String,
        options: Vec<String>,
        months: f64,
        courses: Vec<String>,
    },
    /// How many of these medicines were stopped because of side effects.
    CountIntolerant(String, Vec<String>),
    /// How many of these medicines were taken for at least `months` and not
    /// stopped because of side effects (where intolerance is no failure).
    CountInadequate {
        question: String,
        options: Vec<String>,
        months: f64,
        courses: Vec<String>,
    },
    /// A SLEDAI-2K score: the doctor's total (`total`, a number question)
    /// when known, else the descriptors.
    Sledai {
        items: TickList,
        total: Option<String>,
        variant: sledai::Variant,
    },
    EularAcrScore(TickList),
    MonthsSince(String),
    AgeYears(String),
    Egfr(Box<Egfr>),
    Arith(Arith, Box<Num>, Box<Num>),
    Neg(Box<Num>),
}

/// Inputs of an eGFR estimate; each formula reads only what it needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Egfr {
    pub formula: Formula,
    pub creatinine: Num,
    pub height: Option<Num>,
    pub age: Option<Num>,
    /// A choice question with the options `female` and `male`.
    pub sex: Option<String>,
}

/// Questions in order of first use, each once.
struct Inputs<'a>(Vec<&'a str>);

impl<'a> Inputs<'a> {
    fn push(&mut self, q: &'a str) {
        if !self.0.contains(&q) {
            self.0.push(q);
        }
    }

    fn list(&mut self, list: &'a TickList) {
        self.push(&list.question);
        for i in list.implied.iter() {
            i.when.collect(self);
        }
    }
}

impl Cond {
    /// Whether `study_team` is part of it.
    pub fn has_study_team(&self) -> bool {
        match self {
            Cond::StudyTeam => true,
            Cond::Not(a) => a.has_study_team(),
            Cond::Logic(_, a, b) => a.has_study_team() || b.has_study_team(),
            Cond::AtLeast(_, conditions) => conditions.iter().any(Cond::has_study_team),
            Cond::EularAcrClassified(entry, _) => entry.has_study_team(),
            _ => false,
        }
    }

    /// Every question this condition reads, in order of first use.
    pub fn inputs(&self) -> Vec<&str> {
        let mut out = Inputs(Vec::new());
        self.collect(&mut out);
        out.0
    }

    fn collect<'a>(&'a self, out: &mut Inputs<'a>) {
        match self {
            Cond::Bool(_) | Cond::StudyTeam => {}
            Cond::YesNo(q) | Cond::Window(q) | Cond::ChoiceIn(q, _) => out.push(q),
            Cond::MultiAny(list, _) => out.list(list),
            Cond::EularAcrClassified(entry, list) => {
                entry.collect(out);
                out.list(list);
            }
            Cond::AtLeast(_, conditions) => conditions.iter().for_each(|c| c.collect(out)),
            Cond::Not(a) => a.collect(out),
            Cond::Logic(_, a, b) => {
                a.collect(out);
                b.collect(out);
            }
            Cond::Compare(_, a, b) => {
                a.collect(out);
                b.collect(out);
            }
        }
    }
}

impl Egfr {
    /// The questions the estimate reads.
    pub fn inputs(&self) -> Vec<&str> {
        let mut out = Inputs(Vec::new());
        for n in [Some(&self.creatinine), self.height.as_ref(), self.age.as_ref()].into_iter().flatten() {
            n.collect(&mut out);
        }
        if let Some(s) = &self.sex {
            out.push(s);
        }
        out.0
    }
}

impl Num {
    fn collect<'a>(&'a self, out: &mut Inputs<'a>) {
        match self {
            Num::Literal(_) => {}
            Num::Question(q, _)
            | Num::Count(q, _)
            | Num::CountTaken { question: q, .. }
            | Num::CountInadequate { question: q, .. }
            | Num::CountIntolerant(q, _)
            | Num::MonthsSince(q)
            | Num::AgeYears(q) => out.push(q),
            Num::CountTicked(list, _) | Num::EularAcrScore(list) => out.list(list),
            Num::Sledai { items, total, .. } => {
                if let Some(t) = total {
                    out.push(t);
                }
                out.list(items);
            }
            Num::Egfr(e) => {
                for n in [Some(&e.creatinine), e.height.as_ref(), e.age.as_ref()].into_iter().flatten() {
                    n.collect(out);
                }
                if let Some(s) = &e.sex {
                    out.push(s);
                }
            }
            Num::Arith(_, a, b) => {
                a.collect(out);
                b.collect(out);
            }
            Num::Neg(a) => a.collect(out),
        }
    }
}

/// A date answer whose meaning changes with time: an age grows with the
/// date of birth, a time since an event with its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock<'a> {
    Age(&'a str),
    Since(&'a str),
}

impl Cond {
    /// The dates this condition reads whose meaning changes with time, in order of use.
    pub fn clocks(&self) -> Vec<Clock<'_>> {
        let mut out = Vec::new();
        self.visit_nums(&mut |n| match n {
            Num::AgeYears(q) => out.push(Clock::Age(q)),
            Num::MonthsSince(q) => out.push(Clock::Since(q)),
            _ => {}
        });
        out
    }

    /// Calls `f` on every number in the condition, inner ones included.
    fn visit_nums<'a>(&'a self, f: &mut dyn FnMut(&'a Num)) {
        match self {
            Cond::Bool(_)
            | Cond::StudyTeam
            | Cond::YesNo(_)
            | Cond::Window(_)
            | Cond::ChoiceIn(..)
            | Cond::MultiAny(..)
            | Cond::EularAcrClassified(..) => {}
            Cond::AtLeast(_, conditions) => conditions.iter().for_each(|c| c.visit_nums(f)),
            Cond::Not(a) => a.visit_nums(f),
            Cond::Logic(_, a, b) => {
                a.visit_nums(f);
                b.visit_nums(f);
            }
            Cond::Compare(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
        }
    }
}

impl Num {
    fn visit<'a>(&'a self, f: &mut dyn FnMut(&'a Num)) {
        f(self);
        match self {
            Num::Arith(_, a, b) => {
                a.visit(f);
                b.visit(f);
            }
            Num::Neg(a) => a.visit(f),
            Num::Egfr(e) => {
                for n in [Some(&e.creatinine), e.height.as_ref(), e.age.as_ref()].into_iter().flatten() {
                    n.visit(f);
                }
            }
            _ => {}
        }
    }
}

/// A value a rule computes from the answers, shown beside its criterion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Calculation<'a> {
    Egfr(&'a Egfr),
    Sledai(&'a Num),
    EularAcr(&'a TickList),
    /// A count of medicines (or of a list's options) the criterion reads:
    /// said with the reason, so "not met" says what was counted.
    Count(&'a Num),
}

impl Cond {
    /// The calculators this condition uses (eGFR, SLEDAI-2K, 2019 EULAR/ACR), in order of use.
    pub fn calculations(&self) -> Vec<Calculation<'_>> {
        let mut out = Vec::new();
        self.calc(&mut out);
        out
    }

    fn calc<'a>(&'a self, out: &mut Vec<Calculation<'a>>) {
        match self {
            Cond::Bool(_)
            | Cond::StudyTeam
            | Cond::YesNo(_)
            | Cond::Window(_)
            | Cond::ChoiceIn(..)
            | Cond::MultiAny(..) => {}
            Cond::EularAcrClassified(entry, list) => {
                entry.calc(out);
                out.push(Calculation::EularAcr(list));
            }
            Cond::AtLeast(_, conditions) => conditions.iter().for_each(|c| c.calc(out)),
            Cond::Not(a) => a.calc(out),
            Cond::Logic(_, a, b) => {
                a.calc(out);
                b.calc(out);
            }
            Cond::Compare(_, a, b) => {
                a.calc(out);
                b.calc(out);
            }
        }
    }
}

impl Num {
    fn calc<'a>(&'a self, out: &mut Vec<Calculation<'a>>) {
        match self {
            Num::Egfr(e) => out.push(Calculation::Egfr(e)),
            Num::Sledai { .. } => out.push(Calculation::Sledai(self)),
            Num::EularAcrScore(list) => out.push(Calculation::EularAcr(list)),
            Num::Count(..) | Num::CountTaken { .. } | Num::CountInadequate { .. } | Num::CountIntolerant(..) => {
                out.push(Calculation::Count(self));
            }
            Num::Arith(_, a, b) => {
                a.calc(out);
                b.calc(out);
            }
            Num::Neg(a) => a.calc(out),
            _ => {}
        }
    }
}
