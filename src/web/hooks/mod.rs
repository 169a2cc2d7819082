//! Hooks the pages and components share: focus that follows the screen, and
//! a session remembered on the device only when the person asks.

pub mod focus;
pub mod remembered;
