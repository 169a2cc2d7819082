//! TrialCheck: a private clinical-trial eligibility self-check.
//!
//! - `clinical`: calculators (eGFR, SLEDAI-2K, 2019 EULAR/ACR), dates, units.
//! - `engine`: questions, answers, the rule language, verdicts, relevance.
//! - `catalog`: trial files: reading, validating, the catalog shipped inside.
//! - `questionnaire`: the questionnaire as a pure model (answers, actions).
//! - `reader`: who is answering (`Mode`) and the languages: small shared types.
//! - `limits`: how big and how deep a file is read at all.
//! - `settings`: what a site embedding the widget may configure, checked.
//! - `sort`: one stable sort shared by every list the app orders (small wasm).
//! - `text`: the words people read, by message id and language.
//! - `cli` (native): the command-line tool for trial authors and CI.
//! - `web` (wasm): the Yew app; thin components over the engine.

pub mod catalog;
pub mod clinical;
pub mod engine;
pub mod limits;
pub mod questionnaire;
pub mod reader;
pub mod settings;
pub mod sort;
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod web;
