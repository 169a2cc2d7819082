//! "Open a saved answers file": on the welcome (to carry on where one
//! stopped, on this device or another) and on the answers screen. Read as the
//! command line reads it; a file that cannot be used changes nothing, and
//! says why in the person's words.

use crate::clinical::dates::Ymd;
use crate::engine::catalog::Catalog;
use crate::questionnaire::{Action, Mode};
use crate::web::texts::use_texts;
use crate::web::{device, files};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub catalog: Rc<Catalog>,
    pub today: Ymd,
    /// Who is answering now, for the words of a refusal.
    pub mode: Mode,
    pub on_action: Callback<Action>,
}

#[component]
pub fn OpenAnswers(props: &Props) -> Html {
    let texts = use_texts();
    let message = use_state(|| None::<(bool, String)>);
    let onchange = {
        let (catalog, today, mode, on_action, message, texts) = (
            Rc::clone(&props.catalog),
            props.today,
            props.mode,
            props.on_action.clone(),
            message.clone(),
            texts.clone(),
        );
        device::on_file_chosen(move |text| {
            let result =
                files::read_answers(&text, &catalog, today).map(|restored| on_action.emit(Action::Load(restored)));
            message.set(Some(texts.import_message(&catalog.bank, mode, &result)));
        })
    };
    html! {
        <>
            <label class="tc-file">
                { texts.get("files-import") }
                <input type="file" accept=".json,application/json" {onchange} />
            </label>
            if let Some((ok, message)) = &*message {
                <p class={if *ok { "tc-ok" } else { "tc-refused" }} role={if *ok { "status" } else { "alert" }}>{ message }</p>
            }
        </>
    }
}
