//! Taking the answers to another device or to a clinician: export as a
//! TrialCheck file or as FHIR, import a TrialCheck file, and say how it went.

use crate::engine::catalog::Catalog;
use crate::engine::question::Question;
use crate::questionnaire::fhir::{Estimate, questionnaire_response};
use crate::questionnaire::saved::{ImportError, SavedAnswers};
use crate::questionnaire::{Action, Mode, Session};
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
            // The estimate, trial by trial, in the person's words: the narrative a clinic reads.
            let estimates: Vec<Estimate> = session
                .assess(catalog, &[])
                .iter()
                .map(|a| Estimate {
                    trial: a.trial.id.clone(),
                    title: a.trial.facts.title.get(&texts.language).to_string(),
                    verdict: texts.verdict(a),
                })
                .collect();
            let heading = texts.format("fhir-estimate-heading", &[("date", &date)]);
            let response = questionnaire_response(catalog, session, &words, (&heading, &estimates));
            device::to_json(&response).map(|text| (format!("trialcheck-questionnaire-response-{date}.json"), text))
        }
    }
}

/// Reads a clinic's FHIR file of lab values; keeps what was read (unless it
/// differs from an answer given) and says what happened.
fn read_labs(
    texts: &Texts,
    catalog: &Catalog,
    session: &Session,
    text: &str,
    on_action: &Callback<Action>,
) -> (bool, String) {
    use crate::questionnaire::fhir_labs::{Resource, read_labs};
    if let Err(e) = crate::limits::check(text, crate::limits::MAX_CATALOG_BYTES) {
        return (false, format!("{} ({e})", texts.get("import-unreadable")));
    }
    let resource = match device::from_json::<Resource>(text) {
        Ok(r) => r,
        Err(Unusable::Unreadable) => return (false, texts.get("import-unreadable")),
        Err(Unusable::Foreign) => return (false, texts.get("labs-foreign")),
    };
    match read_labs(catalog, &resource, &session.answers, session.today) {
        Err(e) => (false, format!("{} ({e})", texts.get("labs-foreign"))),
        Ok(reading) => {
            let count = reading.read.len();
            if count > 0 {
                on_action.emit(Action::AnswerAll { answers: reading.read, unreadable: vec![] });
            }
            let mut said = vec![texts.format("labs-read", &[("count", &count.to_string())])];
            if !reading.conflicts.is_empty() {
                let which: Vec<String> = reading
                    .conflicts
                    .iter()
                    .filter_map(|q| catalog.bank.get(q))
                    .map(|q| texts.prompt(q, Mode::Clinician))
                    .collect();
                said.push(texts.format("labs-conflicts", &[("list", &which.join("; "))]));
            }
            if !reading.not_understood.is_empty() {
                said.push(texts.format("labs-not-understood", &[("list", &reading.not_understood.join("; "))]));
            }
            (count > 0, said.join(" "))
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
                        .map(|restored| on_action.emit(Action::Load(restored)));
                    message.set(Some(import_message(&texts, &result)));
                });
            }
            if let Some(i) = input {
                i.set_value("");
            }
        })
    };
    // A clinician may read lab values from the clinic's system (FHIR), on this device.
    let import_labs = {
        let (catalog, session, on_action, message, texts) =
            (Rc::clone(&props.catalog), props.session.clone(), props.on_action.clone(), message.clone(), texts.clone());
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target().and_then(|t| t.dyn_into().ok());
            if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
                let (catalog, session, on_action, message, texts) =
                    (Rc::clone(&catalog), session.clone(), on_action.clone(), message.clone(), texts.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let text = device::read(file).await.unwrap_or_default();
                    message.set(Some(read_labs(&texts, &catalog, &session, &text, &on_action)));
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
            if props.session.mode == Mode::Clinician {
                <label class="tc-file">
                    { texts.get("files-import-labs") }
                    <input type="file" accept=".json,application/json,application/fhir+json" onchange={import_labs} />
                </label>
            }
            if let Some((ok, message)) = &*message {
                <p class={if *ok { "tc-ok" } else { "tc-refused" }} role={if *ok { "status" } else { "alert" }}>{ message }</p>
            }
        </section>
    }
}
