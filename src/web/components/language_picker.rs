//! Switching the language at any time; the answers stay.

use crate::web::texts::use_texts;
use yew::prelude::*;

/// Each language named in itself, so that a reader finds their own.
use crate::reader::LANGUAGES;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_change: Callback<String>,
}

#[component]
pub fn LanguagePicker(props: &Props) -> Html {
    let texts = use_texts();
    let change = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_change.emit(select.value());
        })
    };
    html! {
        <label class="tc-language tc-no-print">
            <span>{ texts.get("language-label") }</span>
            <select onchange={change}>
                { for LANGUAGES.iter().map(|crate::reader::Language { tag: code, name }| html! {
                    <option value={*code} lang={*code} selected={texts.language == *code}>{ *name }</option>
                }) }
            </select>
        </label>
    }
}
