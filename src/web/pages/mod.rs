//! Route-level containers: they own state (the session reducer, the loaded
//! catalog, the language) and hand data and callbacks to the presentational
//! components in `components/`.

pub mod app;
pub mod screening;
