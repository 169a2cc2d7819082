//! The operators of the rule language: one set of enums that the parser
//! reads, the compiler checks and the evaluator applies, so that no phase
//! maps one operator onto another.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Logic {
    And,
    Or,
}

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

/// A binary operator as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Logic(Logic),
    Compare(Compare),
    Arith(Arith),
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Logic(Logic::And) => "and",
            BinOp::Logic(Logic::Or) => "or",
            BinOp::Compare(c) => match c {
                Compare::Lt => "<",
                Compare::Le => "<=",
                Compare::Gt => ">",
                Compare::Ge => ">=",
                Compare::Eq => "==",
                Compare::Ne => "!=",
            },
            BinOp::Arith(a) => match a {
                Arith::Add => "+",
                Arith::Sub => "-",
                Arith::Mul => "*",
                Arith::Div => "/",
            },
        }
    }
}
