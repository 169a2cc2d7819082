//! "Countries you could travel to": a list to tick, built from the catalog's
//! own sites, in the reader's language. Nothing here asks the device where
//! it is; the choice goes to the session, never into an address.

use crate::web::texts::use_texts;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The countries of the catalog's sites (ISO codes).
    pub countries: Vec<String>,
    pub chosen: Vec<String>,
    pub on_change: Callback<Vec<String>>,
}

#[component]
pub fn CountryChoice(props: &Props) -> Html {
    let texts = use_texts();
    let named = texts.countries_by_name(&props.countries);
    let toggle = |code: String| {
        let (chosen, on_change) = (props.chosen.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next: Vec<String> = chosen.iter().filter(|c| **c != code).cloned().collect();
            if on {
                next.push(code.clone());
            }
            on_change.emit(next);
        })
    };
    html! {
        <fieldset class="tc-countries tc-no-print">
            <legend>{ texts.get("countries-title") }</legend>
            <p class="tc-help">{ texts.get("countries-help") }</p>
            <div class="tc-country-list">
                { for named.into_iter().map(|(name, code)| {
                    let checked = props.chosen.contains(&code);
                    html! {
                        <label class="tc-check" key={code.clone()}>
                            <input type="checkbox" name="tc-country" value={code.clone()} {checked} onchange={toggle(code)} />
                            { name }
                        </label>
                    }
                }) }
            </div>
            if !props.chosen.is_empty() {
                <button type="button" class="tc-choice" onclick={props.on_change.reform(|_| Vec::new())}>{ texts.get("countries-clear") }</button>
            }
        </fieldset>
    }
}
