//! The app in a real browser (headless Chromium, through wasm-bindgen-test):
//! the shipped catalog parses with the browser's JSON parser, and widgets
//! mount the way the loader mounts them, with a site's options.
//! Built with the `embedded-data` feature: the catalog and messages inside
//! the wasm, as no build's data files are served here (the end-to-end tests
//! load them as files, from the release build).
#![cfg(all(target_arch = "wasm32", feature = "embedded-data"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use gloo::timers::future::TimeoutFuture;
use trialcheck::web::data;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Mounts as www/loader.js does: through the function the wasm registers.
fn mount(root: &web_sys::Element, options: &[(&str, &str)]) -> JsValue {
    let opts = js_sys::Object::new();
    for (k, v) in options {
        js_sys::Reflect::set(&opts, &(*k).into(), &(*v).into()).unwrap();
    }
    mount_with(root, &opts)
}

fn mount_with(root: &web_sys::Element, options: &JsValue) -> JsValue {
    trialcheck::web::start();
    let window = web_sys::window().unwrap();
    let mount: js_sys::Function =
        js_sys::Reflect::get(&window, &"__trialcheckMount".into()).unwrap().dyn_into().unwrap();
    mount.call2(&JsValue::NULL, root, options).unwrap()
}

/// Waits until `found` finds something, as a person waits for the screen:
/// polls every 10 ms, and fails saying what never appeared after 5 s.
async fn until<T>(what: &str, found: impl Fn() -> Option<T>) -> T {
    for _ in 0..500 {
        if let Some(t) = found() {
            return t;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("{what} never appeared");
}

fn shown(root: &web_sys::Element) -> Option<String> {
    root.query_selector("[data-question-id]").unwrap().and_then(|q| q.get_attribute("data-question-id"))
}

#[wasm_bindgen_test]
fn the_shipped_catalog_and_messages_load_in_the_browser() {
    let catalog = data::embedded_catalog().unwrap();
    for seed in ["NCT06904729", "NCT07233642", "NCT07432334"] {
        assert!(catalog.trial(seed).is_some(), "{seed}");
    }
    assert!(catalog.trials.len() >= 12, "{} trials", catalog.trials.len());
    assert!(data::embedded_messages().unwrap().get("en", "question-date_of_birth").is_some());
}

#[wasm_bindgen_test]
async fn a_widget_offers_who_is_answering_then_asks_for_the_date_of_birth() {
    let root = container();
    let _handle = mount(&root, &[]);
    let modes =
        until("the welcome screen", || root.query_selector_all(".tc-mode").ok().filter(|m| m.length() > 0)).await;
    assert_eq!(modes.length(), 3, "the welcome screen offers the three ways to answer");
    modes.get(0).unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    assert_eq!(until("a question", || shown(&root)).await, "date_of_birth");
    // Nothing answered yet: every trial of the catalog is open.
    let trials = data::embedded_catalog().unwrap().trials.len() as u32;
    assert_eq!(root.query_selector_all("[data-verdict=\"undecided\"]").unwrap().length(), trials);
}

#[wasm_bindgen_test]
async fn a_sites_options_choose_the_trials_the_mode_and_the_colour_and_destroy_removes_it() {
    let root = container();
    let handle = mount(&root, &[("trials", "NCT06904729"), ("mode", "child"), ("accent", "#7a2e4d")]);
    assert_eq!(until("a question", || shown(&root)).await, "date_of_birth", "the mode skips the welcome");
    assert_eq!(root.query_selector_all("[data-trial-id]").unwrap().length(), 1);
    assert_eq!(root.get_attribute("style").as_deref(), Some("--tc-accent: #7a2e4d"));
    let destroy: js_sys::Function = js_sys::Reflect::get(&handle, &"destroy".into()).unwrap().dyn_into().unwrap();
    destroy.call0(&handle).unwrap();
    until("an empty container", || (root.child_element_count() == 0).then_some(())).await;
}

#[wasm_bindgen_test]
async fn unusable_options_show_a_clear_panel_not_a_blank_widget() {
    let root = container();
    let _handle = mount(&root, &[("trials", "NCT99999999,banana")]);
    let panel = until("a failure panel", || root.query_selector("[data-failure]").ok().flatten()).await;
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("NCT99999999 is not in the catalog"), "{text}");
    assert!(text.contains("`BANANA` is not a registry id"), "{text}");
}

#[wasm_bindgen_test]
async fn options_that_cannot_be_read_are_said_not_silently_replaced() {
    let root = container();
    let _handle = mount_with(&root, &JsValue::from(42));
    let panel = until("a failure panel", || root.query_selector("[data-failure]").ok().flatten()).await;
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("the options could not be read"), "{text}");
}
