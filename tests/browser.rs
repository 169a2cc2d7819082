//! The app in a real browser (headless Chromium, through wasm-bindgen-test):
//! the shipped catalog parses with the browser's JSON parser, and the app
//! mounts, offers who is answering, and asks its first question.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gloo::timers::future::TimeoutFuture;
use trialcheck::web::{components::app::App, data};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_shipped_catalog_and_messages_load_in_the_browser() {
    let catalog = data::shipped_catalog().unwrap();
    assert_eq!(catalog.trials.len(), 3);
    assert!(
        data::shipped_messages()
            .unwrap()
            .get("en", "question-date_of_birth")
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_asks_for_the_date_of_birth_first() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    // Yew renders on a later turn of the event loop.
    TimeoutFuture::new(50).await;
    let modes = root.query_selector_all(".tc-mode").unwrap();
    assert_eq!(
        modes.length(),
        3,
        "the welcome screen offers the three ways to answer"
    );
    let myself: web_sys::HtmlElement = modes.get(0).unwrap().dyn_into().unwrap();
    myself.click();
    TimeoutFuture::new(100).await;
    let question = root
        .query_selector("[data-question-id]")
        .unwrap()
        .unwrap_or_else(|| {
            panic!(
                "no question in: {}",
                root.inner_html().chars().take(400).collect::<String>()
            )
        });
    assert_eq!(
        question.get_attribute("data-question-id").as_deref(),
        Some("date_of_birth")
    );
    assert_eq!(
        root.query_selector_all("[data-verdict=\"undecided\"]")
            .unwrap()
            .length(),
        3
    );
    app.destroy();
}
