//! Taking the answers to another device or to a clinician: export as a
//! TrialCheck file or as FHIR, import a TrialCheck file, and say how it went.

use crate::catalog::Catalog;
use crate::engine::question::Question;
use crate::questionnaire::fhir::questionnaire_response;
use crate::questionnaire::saved::{ImportError, SavedAnswers};
use crate::questionnaire::{Action, Session};
use crate::web::device::{self, Unusable};
use crate::web::texts::{Texts, use_texts};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Export {
    TrialCheck,
    Fhir,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub catalog: Rc<Catalog>,
    pub session: Session,
    /// Receives the answers of an imported file, already checked.
    pub on_action: Callback<Action>,
}

fn import_message(texts: &Texts, result: &Result<(), ImportError>) -> (bool, String) {
    match result {
        Ok(()) => (true, texts.get("import-done")),
        Err(ImportError::Unreadable) => (false, texts.get("import-unreadable")),
        Err(ImportError::Foreign) => (false, texts.get("import-foreign")),
        Err(ImportError::TooNew(_)) => (false, texts.get("import-too-new")),
        Err(ImportError::TooMuch(why)) => (false, format!("{} ({why})", texts.get("import-unreadable"))),
        Err(e @ ImportError::Refused(_)) => (false, format!("{} ({e})", texts.get("import-refused"))),
    }
}

/// The file to download for an export: its name and its text.
fn export(kind: Export, catalog: &Catalog, session: &Session, texts: &Texts) -> Option<(String, String)> {
    let date = session.today.to_string();
    match kind {
        Export::TrialCheck => {
            device::to_json(&SavedAnswers::of(session)).map(|text| (format!("trialcheck-answers-{date}.json"), text))
        }
        Export::Fhir => {
            let words = |q: &Question, option: Option<&str>| match option {
                Some(o) => texts.option(q, o),
                // The wording the person saw (a parent's "your child's ...").
                None => texts.prompt(q, session.mode),
            };
            let response = questionnaire_response(catalog, session, &words);
            device::to_json(&response).map(|text| (format!("trialcheck-questionnaire-response-{date}.json"), text))
        }
    }
}

#[component]
pub fn AnswerFiles(props: &Props) -> Html {
    let texts = use_texts();
    let message = use_state(|| None::<(bool, String)>);
    let button = |kind: Export, label: &str| {
        let (catalog, session, words) = (Rc::clone(&props.catalog), props.session.clone(), texts.clone());
        let onclick = Callback::from(move |_| {
            if let Some((name, text)) = export(kind, &catalog, &session, &words) {
                device::download(&name, &text);
            }
        });
        html! { <button type="button" class="tc-choice" {onclick}>{ texts.get(label) }</button> }
    };
    let import = {
        let (catalog, today, on_action, message, texts) =
            (Rc::clone(&props.catalog), props.session.today, props.on_action.clone(), message.clone(), texts.clone());
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
            if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                let (catalog, on_action, message, texts) =
                    (Rc::clone(&catalog), on_action.clone(), message.clone(), texts.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let text = device::read(file).await.unwrap_or_default();
                    let result = device::from_json::<SavedAnswers>(&text)
                        .map_err(
                            |u| if u == Unusable::Unreadable { ImportError::Unreadable } else { ImportError::Foreign },
                        )
                        .and_then(|saved| saved.restore(&catalog, today))
                        .map(|(mode, answers, history)| on_action.emit(Action::Load { mode, answers, history }));
                    message.set(Some(import_message(&texts, &result)));
                });
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
                { button(Export::TrialCheck, "files-export") }
                { button(Export::Fhir, "files-export-fhir") }
            </div>
            <label class="tc-file">
                { texts.get("files-import") }
                <input type="file" accept=".json,application/json" onchange={import} />
            </label>
            if let Some((ok, message)) = &*message {
                <p class={if *ok { "tc-ok" } else { "tc-refused" }} role={if *ok { "status" } else { "alert" }}>{ message }</p>
            }
        </section>
    }
}
