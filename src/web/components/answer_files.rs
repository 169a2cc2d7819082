//! Taking the answers to another device or to a clinician: export as a
//! TrialCheck file or as FHIR, import a TrialCheck file.

use crate::web::texts::Texts;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Export {
    TrialCheck,
    Fhir,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_export: Callback<Export>,
    pub on_import: Callback<web_sys::File>,
    /// The outcome of the last import, in the person's words.
    pub message: Option<(bool, String)>,
}

#[component]
pub fn AnswerFiles(props: &Props) -> Html {
    let Some(texts) = use_context::<Texts>() else { return html! {} };
    let export = |kind: Export, label: &str| {
        let on_export = props.on_export.clone();
        html! { <button type="button" class="tc-choice" onclick={Callback::from(move |_| on_export.emit(kind))}>{ texts.get(label) }</button> }
    };
    let import = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
            if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                on_import.emit(file);
            }
            if let Some(i) = input {
                i.set_value("");
            }
        })
    };
    html! {
        <section class="tc-files tc-no-print" aria-labelledby="tc-files-title">
            <h3 id="tc-files-title">{ texts.get("files-title") }</h3>
            <p class="tc-help">{ texts.get("files-help") }</p>
            <div class="tc-choices">
                { export(Export::TrialCheck, "files-export") }
                { export(Export::Fhir, "files-export-fhir") }
            </div>
            <label class="tc-file">
                { texts.get("files-import") }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
            if let Some((ok, message)) = &props.message {
                <p class={if *ok { "tc-ok" } else { "tc-refused" }} role={if *ok { "status" } else { "alert" }}>{ message }</p>
            }
        </section>
    }
}
