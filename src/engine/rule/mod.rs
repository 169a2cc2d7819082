//! The rule language trial authors write criteria in, e.g.
//! `age_years >= 6 and age_years <= 18` or `alt <= 3 * alt_uln`.
//! See `syntax` for the grammar, `check` for what is allowed, `eval` for
//! how unknown answers are handled.

pub mod check;
pub mod eval;
pub mod node;
pub mod syntax;

use crate::engine::question::QuestionBank;
pub use eval::{Facts, Missing, Range};
pub use node::Node;
use std::fmt;
pub use syntax::Span;

/// A rule as written, compiled against a question bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub text: String,
    pub node: Node,
}

/// A problem in a rule, with the part of the rule text it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleError {
    pub span: Span,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.span.start + 1)
    }
}

impl Rule {
    /// Parses and checks `text`; all problems the checker finds are returned.
    pub fn compile(text: &str, bank: &QuestionBank) -> Result<Rule, Vec<RuleError>> {
        let expr = syntax::parse(text).map_err(|e| vec![RuleError { span: e.span, message: e.message }])?;
        let node = check::check(&expr, bank).map_err(|errors| {
            errors.into_iter().map(|e| RuleError { span: e.span, message: e.message }).collect::<Vec<_>>()
        })?;
        Ok(Rule { text: text.to_string(), node })
    }

    pub fn evaluate(&self, facts: &Facts) -> (crate::engine::logic::Tri, Missing) {
        self.node.truth(facts)
    }
}

#[cfg(test)]
mod tests;
