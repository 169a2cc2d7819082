//! What the app carries inside it (catalog, messages), read with the
//! browser's own JSON parser, and today's date from the browser's clock.

use crate::catalog::schema::CatalogSpec;
use crate::catalog::{Catalog, SHIPPED_JSON, load};
use crate::clinical::dates::Ymd;
use crate::text::Messages;
use std::collections::BTreeMap;

fn parse<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(json).map_err(|_| format!("{what} is not JSON"))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("{what}: {e}"))
}

pub fn shipped_catalog() -> Result<Catalog, String> {
    let spec: CatalogSpec = parse(SHIPPED_JSON, "the trial catalog")?;
    load::catalog(spec, "catalog.json").map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub fn shipped_messages() -> Result<Messages, String> {
    parse::<BTreeMap<String, BTreeMap<String, String>>>(crate::text::SHIPPED_JSON, "the messages")
        .map(Messages::new)
}

/// The local calendar date: ages are counted as the person counts them.
pub fn today() -> Ymd {
    let now = js_sys::Date::new_0();
    let fallback = Ymd::from_days_since_epoch(0);
    Ymd::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(fallback)
}
