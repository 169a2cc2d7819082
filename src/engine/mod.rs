//! The eligibility engine: pure Rust, no web dependency. It turns a trial's
//! criteria and a person's answers into an honest verdict, and says which
//! questions are still worth asking.
//!
//! The pipeline, one module per phase:
//! 1. parse: a criterion's rule text into an expression (`rule::syntax`);
//! 2. compile: the expression against the question bank into a typed tree
//!    (`rule::compile`, functions from `rule::functions`);
//! 3. evaluate: the tree on the answers given so far, in three-valued logic
//!    over ranges (`rule::eval`, `logic`);
//! 4. assess: criteria and trials into verdicts with reasons (`assess`);
//! 5. relevance: which questions can still change a verdict (`relevance`).
//!
//! `travel` arranges the verdicts by where the trials' sites are.
//!
//! `question` and `answer` are the data the phases read; `trial` is what a
//! catalog file becomes.

pub mod answer;
pub mod assess;
pub mod catalog;
pub mod logic;
pub mod question;
pub mod relevance;
pub mod rule;
pub mod travel;
pub mod trial;
