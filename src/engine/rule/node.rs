//! A checked rule: names resolved to questions, literals converted to
//! canonical units, functions chosen. Evaluation needs nothing else.

use crate::clinical::egfr::Formula;
use crate::clinical::sledai;
use crate::clinical::units::Quantity;

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

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Bool(bool),
    /// A number in canonical units.
    Literal(f64),
    /// A yes/no question.
    YesNo(String),
    /// A number question, in its quantity's canonical unit.
    Number(String, Option<&'static Quantity>),
    /// A single-choice answer is one of these options.
    ChoiceIn(String, Vec<String>),
    /// A multiple-choice answer includes any of these options.
    MultiAny(String, Vec<String>),
    /// How many of these options were chosen (or medicines taken).
    Count(String, Vec<String>),
    /// How many of these medicines were taken for at least this many months.
    CountTaken(String, Vec<String>, f64),
    /// How many of these medicines were stopped because of side effects.
    CountIntolerant(String, Vec<String>),
    Sledai(String, sledai::Variant),
    EularAcrScore(String),
    /// Classified as SLE by 2019 EULAR/ACR: (ANA >= 1:80, items present).
    EularAcrClassified(Box<Node>, String),
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
            Node::Bool(_) | Node::Literal(_) => {}
            Node::YesNo(q)
            | Node::Number(q, _)
            | Node::ChoiceIn(q, _)
            | Node::MultiAny(q, _)
            | Node::Count(q, _)
            | Node::CountTaken(q, _, _)
            | Node::CountIntolerant(q, _)
            | Node::Sledai(q, _)
            | Node::EularAcrScore(q)
            | Node::MonthsSince(q)
            | Node::AgeYears(q) => push(q),
            Node::EularAcrClassified(ana, q) => {
                ana.collect_inputs(out);
                if !out.contains(&q.as_str()) {
                    out.push(q);
                }
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
