//! The browser app: thin components over the pure engine and questionnaire
//! model. Nothing here decides eligibility.

pub mod components;
pub mod data;
pub mod device;
pub mod files;
pub mod hooks;
pub mod mount;
pub mod pages;
pub mod state;
pub mod texts;

/// Runs when the wasm starts: hands the loader (www/loader.js) the function
/// that mounts a widget.
pub fn start() {
    mount::register();
}
