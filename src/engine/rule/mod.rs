//! The rule language trial authors write criteria in, e.g.
//! `age_years >= 6 and age_years <= 18` or `alt <= 3 * alt_uln`.
//!
//! One pipeline, one phase per module: `syntax` parses text into an `Expr`
//! (the grammar is there), `compile` resolves it against the question bank
//! into a typed tree (`node`: conditions and numbers apart), looking functions
//! up in `functions`; `eval` evaluates the tree on the answers, unknown
//! answers included. `op` holds the operators every phase shares, and
//! `RuleError` is the one error every phase reports.

pub mod compile;
pub mod error;
pub mod eval;
pub mod functions;
pub mod node;
pub mod op;
pub mod reach;
pub mod span;
pub mod syntax;

use crate::engine::question::QuestionBank;
pub use error::{Kind as ErrorKind, RuleError};
pub use eval::{Facts, Missing, Range};
pub use node::{Cond, Implications, Implied, Num};
pub use syntax::Span;

/// A rule as written, compiled against a question bank.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub text: String,
    pub node: Cond,
    /// Every question the rule reads: after an answer, only the rules that
    /// read it need evaluating again.
    pub inputs: Vec<String>,
}

/// Checks a shared name's rule (see `QuestionBank::shared`).
pub fn compile_shared(
    text: &str,
    params: &[String],
    bank: &QuestionBank,
    implied: &Implications,
) -> Result<(), Vec<RuleError>> {
    let expr = syntax::parse(text).map_err(|e| vec![e])?;
    compile::compile_shared(&expr, params, bank, implied, functions::TABLE)
}

impl Rule {
    /// Parses and compiles `text`; all problems the compiler finds are returned.
    pub fn compile(text: &str, bank: &QuestionBank, implied: &Implications) -> Result<Rule, Vec<RuleError>> {
        let expr = syntax::parse(text).map_err(|e| vec![e])?;
        let node = compile::compile(&expr, bank, implied, functions::TABLE)?;
        let inputs = node.inputs().into_iter().map(String::from).collect();
        Ok(Rule { text: text.to_string(), node, inputs })
    }

    pub fn evaluate<'c>(&'c self, facts: &Facts<'_, 'c>) -> (crate::engine::logic::Tri, Missing<'c>) {
        self.node.truth(facts)
    }

    pub fn reads(&self, question: &str) -> bool {
        self.inputs.iter().any(|q| q == question)
    }
}

#[cfg(test)]
pub(crate) mod tests;
