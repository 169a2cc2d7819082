//! The browser app: thin Yew components over the pure engine and
//! questionnaire model. Nothing here decides eligibility.

pub mod components;
pub mod data;
pub mod state;
pub mod texts;

use wasm_bindgen::JsCast;

/// The element the app mounts into: `#trialcheck`, else the page's body.
fn root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    document
        .get_element_by_id("trialcheck")
        .or_else(|| document.body().map(|b| b.unchecked_into()))
}

pub fn start() {
    if let Some(root) = root() {
        yew::Renderer::<components::app::App>::with_root(root).render();
    }
}
