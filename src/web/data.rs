//! What the app carries inside it (catalog, messages), read with the
//! browser's own JSON parser, and today's date from the browser's clock.

use crate::catalog::schema::CatalogSpec;
use crate::catalog::{Catalog, CatalogError, SHIPPED_JSON, load};
use crate::clinical::dates::Ymd;
use crate::text::Messages;
use std::collections::BTreeMap;

fn parse<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(json).map_err(|_| format!("{what} is not JSON"))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("{what}: {e}"))
}

pub fn shipped_catalog() -> Result<Catalog, String> {
    let spec: CatalogSpec = parse(SHIPPED_JSON, "the trial catalog")?;
    load::catalog(spec, "catalog.json")
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

pub fn shipped_messages() -> Result<Messages, String> {
    parse::<BTreeMap<String, BTreeMap<String, String>>>(crate::text::SHIPPED_JSON, "the messages").map(Messages::new)
}

/// The local calendar date: ages are counted as the person counts them.
pub fn today() -> Ymd {
    let now = js_sys::Date::new_0();
    let fallback = Ymd::from_days_since_epoch(0);
    Ymd::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(fallback)
}

/// A site's own catalog: fetched without cookies or referrer, then checked
/// like the shipped one. Every problem is returned, each with its place.
pub async fn fetch_catalog(url: &str) -> Result<Catalog, Vec<String>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let fail = |m: String| vec![m];
    let window = web_sys::window().ok_or_else(|| fail("no window".into()))?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| fail("it could not be downloaded (offline, or the site does not allow it)".into()))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| fail("the download failed".into()))?;
    if !response.ok() {
        return Err(fail(format!("the server answered {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|_| fail("the download failed".into()))?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| fail("the download failed".into()))?;
    let spec: CatalogSpec = parse(&text, "the catalog").map_err(fail)?;
    load::catalog(spec, url).map_err(|errors| errors.iter().map(CatalogError::at_path).collect())
}
