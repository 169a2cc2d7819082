//! Mounting a widget into an element the loader prepared (a shadow root's
//! container, or the standalone page's `#trialcheck`), with a site's options.

use super::pages::app::{App, Props};
use crate::settings::{Options, Settings, from_browser};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Mounts one widget; returns `{ destroy() }`. Options it cannot use are
/// shown in the widget, so a site's mistake is visible, not silent.
fn mount(container: web_sys::Element, options: JsValue) -> JsValue {
    // Options the loader could not even read are a problem shown in the widget, not defaults.
    let (mut options, unreadable) = match serde_wasm_bindgen::from_value::<Options>(options) {
        Ok(options) => (options, None),
        Err(e) => (Options::default(), Some(format!("the options could not be read: {e}"))),
    };
    if options.lang.is_none() {
        // No language set by the page: the browser's own preference.
        let preferred: Vec<String> = web_sys::window()
            .map(|w| w.navigator().languages().iter().filter_map(|l| l.as_string()).collect())
            .unwrap_or_default();
        options.lang = from_browser(&preferred).map(String::from);
    }
    let mut settings = Settings::from(options);
    settings.problems.extend(unreadable);
    let _ = container.set_attribute("lang", &settings.language);
    let standalone = container.id() == "trialcheck";
    if standalone {
        // The standalone page is all TrialCheck: its language is the widget's.
        if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = html.set_attribute("lang", &settings.language);
        }
    }
    if let Some(accent) = &settings.accent {
        // Checked to be a plain colour (settings.rs): nothing else reaches the style.
        let _ = container.set_attribute("style", &format!("--tc-accent: {accent}"));
    }
    let app = yew::Renderer::<App>::with_root_and_props(container, Props { settings: Rc::new(settings), standalone })
        .render();
    let app = Rc::new(RefCell::new(Some(app)));
    let destroy = Closure::<dyn FnMut()>::new(move || {
        if let Some(app) = app.borrow_mut().take() {
            app.destroy();
        }
    });
    let handle = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&handle, &"destroy".into(), destroy.as_ref().unchecked_ref());
    // The handle owns the closure for as long as the page keeps it.
    destroy.forget();
    handle.into()
}

pub fn register() {
    let Some(window) = web_sys::window() else { return };
    let mount = Closure::<dyn Fn(web_sys::Element, JsValue) -> JsValue>::new(mount);
    let _ = js_sys::Reflect::set(&window, &"__trialcheckMount".into(), mount.as_ref().unchecked_ref());
    mount.forget();
}
