//! What touches this device: local storage (only when the person asks for
//! it), downloading a file, reading a chosen file. Nothing leaves the device.

use serde::Serialize;
use serde::de::DeserializeOwned;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn store(key: &str, text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, text);
    }
}

pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// JSON text, as a person would read it in a file.
pub fn to_json<T: Serialize>(value: &T) -> Option<String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into()).ok()?.as_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// Not JSON.
    Unreadable,
    /// JSON of another shape.
    Foreign,
}

pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, Unusable> {
    let value = js_sys::JSON::parse(text).map_err(|_| Unusable::Unreadable)?;
    serde_wasm_bindgen::from_value(value).map_err(|_| Unusable::Foreign)
}

/// A file input's `change` handler: reads the chosen file's text, hands it
/// to `then`, and clears the input so that the same file can be chosen again.
pub fn on_file_chosen(then: impl Fn(String) + 'static) -> yew::Callback<yew::Event> {
    use wasm_bindgen::JsCast;
    let then = std::rc::Rc::new(then);
    yew::Callback::from(move |e: yew::Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
            let then = std::rc::Rc::clone(&then);
            wasm_bindgen_futures::spawn_local(async move { then(read(file).await.unwrap_or_default()) });
        }
        if let Some(i) = input {
            i.set_value("");
        }
    })
}

/// Offers `text` as a file to save. The object URL is revoked when `url` drops.
pub fn download(name: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let blob = gloo::file::Blob::new_with_options(text, Some("application/json"));
    let url = gloo::file::ObjectUrl::from(blob);
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
}

/// The text of a file the person chose; `None` when it cannot be read as text.
pub async fn read(file: web_sys::File) -> Option<String> {
    gloo::file::futures::read_as_text(&gloo::file::File::from(file)).await.ok()
}
