//! Taking the answers to another device or to a clinician: export as a
//! TrialCheck file or as FHIR, import a TrialCheck file or a clinic's lab
//! values, and say how it went. Reading and writing are `web::files`.

use super::open_answers::OpenAnswers;
use crate::engine::catalog::Catalog;
use crate::questionnaire::{Action, Mode, Session};
use crate::web::files::{self, Download};
use crate::web::texts::use_texts;
use crate::web::{data, device};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Export {
    TrialCheck,
    Fhir,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub catalog: Rc<Catalog>,
    /// Where this deployment publishes its FHIR Questionnaire.
    pub settings: Rc<crate::settings::Settings>,
    pub session: Session,
    /// Receives the answers of an imported file, already checked.
    pub on_action: Callback<Action>,
}

#[component]
pub fn AnswerFiles(props: &Props) -> Html {
    let texts = use_texts();
    let message = use_state(|| None::<(bool, String)>);
    let button = |kind: Export, label: &str| {
        let (catalog, session, words, settings) =
            (Rc::clone(&props.catalog), props.session.clone(), texts.clone(), Rc::clone(&props.settings));
        let onclick = Callback::from(move |_| {
            let (catalog, session, words, settings) =
                (Rc::clone(&catalog), session.clone(), words.clone(), Rc::clone(&settings));
            wasm_bindgen_futures::spawn_local(async move {
                let file = match kind {
                    Export::TrialCheck => files::answers_file(&session),
                    Export::Fhir => {
                        let questionnaire = data::published_questionnaire(&settings).await;
                        let canonical = data::canonical(&settings, &catalog);
                        files::fhir_file(&catalog, &canonical, &session, &words, questionnaire.as_deref())
                    }
                };
                if let Some(Download { name, text }) = file {
                    device::download(&name, &text);
                }
            });
        });
        html! { <button type="button" class="tc-choice" {onclick}>{ texts.get(label) }</button> }
    };
    // A clinician may read lab values from the clinic's system (FHIR), on this device.
    let import_labs = {
        let (catalog, session, on_action, message, texts) =
            (Rc::clone(&props.catalog), props.session.clone(), props.on_action.clone(), message.clone(), texts.clone());
        device::on_file_chosen(move |text| {
            let reading = files::read_lab_file(&text, &catalog, &session);
            if let Ok(r) = &reading
                && !r.read.is_empty()
            {
                on_action.emit(Action::AnswerAll { answers: r.read.clone(), unreadable: vec![] });
            }
            message.set(Some(texts.labs_message(&catalog.bank, &reading)));
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
            <OpenAnswers catalog={Rc::clone(&props.catalog)} today={props.session.today} mode={props.session.mode}
                on_action={props.on_action.clone()} />
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
