//! The eligibility engine: pure Rust, no web dependency. It turns a trial's
//! criteria and a person's answers into an honest verdict, and says which
//! questions are still worth asking.

pub mod answer;
pub mod logic;
pub mod question;
pub mod relevance;
pub mod rule;
pub mod trial;
pub mod verdict;
