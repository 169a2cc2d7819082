//! What TrialCheck does and does not do, the privacy promise, and who is answering.

use crate::questionnaire::Mode;
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// How many trials this check covers, and the countries of their sites
    /// (ISO codes): said from the catalog, never from words that go stale.
    pub trials: usize,
    pub countries: Vec<String>,
    pub on_start: Callback<Mode>,
    /// "Open a saved answers file", to carry on where one stopped.
    pub open: Html,
}

#[component]
pub fn Welcome(props: &Props) -> Html {
    let heading = use_focus_on(());
    let texts = use_texts();
    let places = (texts.countries_by_name(&props.countries).into_iter())
        .map(|(name, _)| name)
        .collect::<Vec<_>>()
        .join(&texts.get("list-separator"));
    let start = |mode: Mode, label: &str, hint: Option<&str>| {
        let on_start = props.on_start.clone();
        html! {
            <button type="button" class="tc-mode" onclick={Callback::from(move |_| on_start.emit(mode))}>
                <span>{ texts.get(label) }</span>
                if let Some(hint) = hint { <small>{ texts.get(hint) }</small> }
            </button>
        }
    };
    html! {
        <section class="tc-welcome tc-panel" aria-labelledby="tc-welcome-title">
            <h2 id="tc-welcome-title" ref={heading} tabindex="-1">{ texts.get("welcome-who") }</h2>
            <p>{ texts.get("welcome-what") }</p>
            <ul class="tc-promises">
                <li>{ texts.get("welcome-not") }</li>
                <li>{ texts.get("welcome-private") }</li>
                <li>{ texts.format("welcome-trials", &[("count", &props.trials.to_string()), ("countries", &places)]) }</li>
            </ul>
            <div class="tc-modes">
                { start(Mode::Myself, "mode-myself", None) }
                { start(Mode::MyChild, "mode-my_child", None) }
                { start(Mode::Clinician, "mode-clinician", Some("mode-clinician-hint")) }
            </div>
            <div class="tc-welcome-open">{ props.open.clone() }</div>
        </section>
    }
}
