//! A checked rule: names resolved to questions, literals converted to
//! canonical units, functions chosen. Evaluation needs nothing else.

use crate::clinical::egfr::Formula;
use crate::clinical::sledai;
use crate::clinical::units::Quantity;
use crate::engine::question::Implied;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

/// A multiple-choice answer as the calculators read it: the items chosen,
/// plus the items other answers imply (see `Question::implied`).
#[derive(Clone, Debug, PartialEq)]
pub struct TickList {
    pub question: String,
    pub implied: Vec<Implied>,
}

/// Stands for the study team in `Missing`: a rule that leaves a point to
/// them (`study_team` in a rule) says so with this, beside the questions.
pub const STUDY_TEAM: &str = "@study_team";

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Bool(bool),
    /// `study_team`: unknown, and only the study team can settle it (an
    /// example list, an old biopsy that can be repeated, a judgement word).
    StudyTeam,
    /// A number in canonical units.
    Literal(f64),
    /// A yes/no question.
    YesNo(String),
    /// A number question, in its quantity's canonical unit.
    Number(String, Option<&'static Quantity>),
    /// A single-choice answer is one of these options.
    ChoiceIn(String, Vec<String>),
    /// A multiple-choice answer includes any of these options.
    MultiAny(TickList, Vec<String>),
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
    /// A SLEDAI-2K score: the doctor's total (`total`, a number question)
    /// when known, else the descriptors.
    Sledai {
        items: TickList,
        total: Option<String>,
        variant: sledai::Variant,
    },
    EularAcrScore(TickList),
    /// Classified as SLE by 2019 EULAR/ACR: (entry criterion, items present).
    EularAcrClassified(Box<Node>, TickList),
    MonthsSince(String),
    AgeYears(String),
    Egfr(Box<Egfr>),
    /// At least this many of the conditions hold.
    AtLeast(usize, Vec<Node>),
    Not(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Compare(Compare, Box<Node>, Box<Node>),
    Arith(Arith, Box<Node>, Box<Node>),
    Neg(Box<Node>),
}

/// Inputs of an eGFR estimate; each formula reads only what it needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Egfr {
    pub formula: Formula,
    pub creatinine: Node,
    pub height: Option<Node>,
    pub age: Option<Node>,
    /// A choice question with the options `female` and `male`.
    pub sex: Option<String>,
}

impl Node {
    /// Every question this node reads, in order of first use.
    pub fn inputs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_inputs(&mut out);
        out
    }

    fn collect_inputs<'a>(&'a self, out: &mut Vec<&'a str>) {
        let mut push = |q: &'a str| {
            if !out.contains(&q) {
                out.push(q);
            }
        };
        match self {
            Node::Bool(_) | Node::Literal(_) | Node::StudyTeam => {}
            Node::YesNo(q)
            | Node::Number(q, _)
            | Node::ChoiceIn(q, _)
            | Node::Count(q, _)
            | Node::CountTaken { question: q, .. }
            | Node::CountIntolerant(q, _)
            | Node::MonthsSince(q)
            | Node::AgeYears(q) => push(q),
            Node::MultiAny(list, _) | Node::CountTicked(list, _) | Node::EularAcrScore(list) => {
                list.collect_inputs(out)
            }
            Node::Sledai { items, total, .. } => {
                if let Some(t) = total
                    && !out.contains(&t.as_str())
                {
                    out.push(t);
                }
                items.collect_inputs(out);
            }
            Node::EularAcrClassified(entry, list) => {
                entry.collect_inputs(out);
                list.collect_inputs(out);
            }
            Node::Egfr(e) => {
                for n in [Some(&e.creatinine), e.height.as_ref(), e.age.as_ref()].into_iter().flatten() {
                    n.collect_inputs(out);
                }
                if let Some(s) = &e.sex
                    && !out.contains(&s.as_str())
                {
                    out.push(s);
                }
            }
            Node::AtLeast(_, conditions) => conditions.iter().for_each(|c| c.collect_inputs(out)),
            Node::Not(a) | Node::Neg(a) => a.collect_inputs(out),
            Node::And(a, b) | Node::Or(a, b) | Node::Compare(_, a, b) | Node::Arith(_, a, b) => {
                a.collect_inputs(out);
                b.collect_inputs(out);
            }
        }
    }
}

impl TickList {
    fn collect_inputs<'a>(&'a self, out: &mut Vec<&'a str>) {
        if !out.contains(&self.question.as_str()) {
            out.push(&self.question);
        }
        for i in &self.implied {
            i.when.collect_inputs(out);
        }
    }
}
