//! What the app reads: the catalog (this build's, or a site's own, checked)
//! and the messages of the language shown, fetched as files beside the
//! loader and read with the browser's own JSON parser; and today's date.

use crate::catalog::schema::CatalogSpec;
use crate::catalog::{CatalogError, load};
use crate::clinical::dates::Ymd;
use crate::engine::catalog::Catalog;
use crate::settings::Settings;
use crate::text::Messages;
use std::collections::BTreeMap;

fn parse<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(json).map_err(|_| format!("{what} is not JSON"))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("{what}: {e}"))
}

/// The catalog inside the wasm (the `embedded-data` feature).
#[cfg(feature = "embedded-data")]
pub fn embedded_catalog() -> Result<Catalog, String> {
    let spec: CatalogSpec = parse(crate::catalog::SHIPPED_JSON, "the trial catalog")?;
    load::catalog(spec, "catalog.json")
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

/// The messages inside the wasm (the `embedded-data` feature).
#[cfg(feature = "embedded-data")]
pub fn embedded_messages() -> Result<Messages, String> {
    parse::<BTreeMap<String, BTreeMap<String, String>>>(crate::text::SHIPPED_JSON, "the messages").map(Messages::new)
}

/// This build's FHIR Questionnaire, as published (a build file, fetched like
/// the catalog: nothing of the person goes with it); `None` where the build
/// has none or it cannot be fetched.
pub async fn published_questionnaire(settings: &Settings) -> Option<String> {
    let url = settings.data.as_ref()?.questionnaire.as_deref()?;
    let text = fetch_text(url).await.ok()?;
    // Only a Questionnaire goes into an export.
    let value = js_sys::JSON::parse(&text).ok()?;
    let kind = js_sys::Reflect::get(&value, &"resourceType".into()).ok()?.as_string()?;
    (kind == "Questionnaire").then_some(text)
}

/// The canonical of the Questionnaire this deployment publishes (its base,
/// set at build time; the local one without it).
pub fn canonical(settings: &Settings, catalog: &Catalog) -> crate::questionnaire::canonical::Canonical {
    use crate::questionnaire::canonical::{Canonical, DEFAULT_BASE};
    let base = settings.data.as_ref().and_then(|d| d.fhir_base.as_deref()).unwrap_or(DEFAULT_BASE);
    Canonical::new(base, &catalog.bank)
}

/// The local calendar date: ages are counted as the person counts them.
pub fn today() -> Ymd {
    let now = js_sys::Date::new_0();
    let fallback = Ymd::from_days_since_epoch(0);
    Ymd::new(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or(fallback)
}

const OFFLINE: &str = "it could not be downloaded (offline, or the site does not allow it)";

/// A file's text, fetched without cookies or referrer: the address is the
/// file's own, and nothing about the person goes with it. Through the
/// loader's `__trialcheckFetch` when there is one (it may have started the
/// download already), else directly.
async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let loader = js_sys::Reflect::get(&window, &"__trialcheckFetch".into()).ok();
    if let Some(fetch) = loader.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let promise = fetch.call1(&window, &url.into()).map_err(|_| "the download failed".to_string())?;
        let promise: js_sys::Promise = promise.dyn_into().map_err(|_| "the download failed".to_string())?;
        return match JsFuture::from(promise).await {
            Ok(text) => text.as_string().ok_or_else(|| "the download failed".to_string()),
            Err(e) => {
                let message = js_sys::Error::from(e).message().as_string().unwrap_or_default();
                Err(if message.starts_with("the server answered") { message } else { OFFLINE.to_string() })
            }
        };
    }
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| OFFLINE.to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "the download failed".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    JsFuture::from(response.text().map_err(|_| "the download failed".to_string())?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the download failed".to_string())
}

/// Whether the catalog comes in one file per language (this build's) rather
/// than one file for all (a site's own, or the one inside the wasm).
pub fn catalog_by_language(settings: &Settings) -> bool {
    settings.catalog_url.is_none() && settings.data.is_some()
}

/// The catalog to show: a site's own (its `catalog` option), else this
/// build's, in `language` (its English file where there is none for it).
/// Checked either way; every problem is returned with its place, and the
/// source named, for the panel a site's developers read.
pub async fn catalog(settings: &Settings, language: &str) -> Result<Catalog, (String, Vec<String>)> {
    let build = |d: &crate::settings::DataFiles| {
        d.catalogs.get(language).or_else(|| d.catalogs.get(crate::text::DEFAULT_LANGUAGE)).cloned()
    };
    let url = settings.catalog_url.clone().or_else(|| settings.data.as_ref().and_then(build));
    let Some(url) = url else {
        #[cfg(feature = "embedded-data")]
        return embedded_catalog().map_err(|problem| ("catalog.json".to_string(), vec![problem]));
        #[cfg(not(feature = "embedded-data"))]
        return Err((
            "the page".to_string(),
            vec!["no catalog: load TrialCheck with its loader, trialcheck.js".into()],
        ));
    };
    let failed = |problems: Vec<String>| (url.clone(), problems);
    let text = fetch_text(&url).await.map_err(|p| failed(vec![p]))?;
    crate::limits::check(&text, crate::limits::MAX_CATALOG_BYTES).map_err(|e| failed(vec![e.to_string()]))?;
    let spec: CatalogSpec = parse(&text, "the catalog").map_err(|p| failed(vec![p]))?;
    load::catalog(spec, &url).map_err(|errors| failed(errors.iter().map(CatalogError::at_path).collect()))
}

/// The messages of `language` (with English where it lacks one), from this
/// build's file for it.
pub async fn messages(settings: &Settings, language: &str) -> Result<Messages, String> {
    let url = settings.data.as_ref().and_then(|d| d.messages.get(language)).cloned();
    let Some(url) = url else {
        #[cfg(feature = "embedded-data")]
        return embedded_messages();
        #[cfg(not(feature = "embedded-data"))]
        return Err(format!("no messages for `{language}`: load TrialCheck with its loader, trialcheck.js"));
    };
    let text = fetch_text(&url).await.map_err(|p| format!("{url}: {p}"))?;
    parse::<BTreeMap<String, BTreeMap<String, String>>>(&text, &url).map(Messages::new)
}
