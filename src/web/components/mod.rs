//! Presentational components: they get data and callbacks, never the reducer.

pub mod app;
pub mod question_card;
pub mod screening;
pub mod trial_card;
