//! The results: a card per trial, and a summary to print for the doctor.

use super::review::{Review, ReviewRow};
use super::trial_card::{TrialCard, TrialView};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trials: Vec<TrialView>,
    /// The answers, printed with the results.
    pub answers: Vec<ReviewRow>,
    pub today: String,
    /// To the answers, where they are saved as a file.
    pub on_answers: Callback<()>,
}

/// Opens every fold of the results: a printed page cannot be clicked open.
fn unfold(section: &NodeRef) {
    let Some(section) = section.cast::<web_sys::Element>() else { return };
    let Ok(folds) = section.query_selector_all("details") else { return };
    for i in 0..folds.length() {
        if let Some(fold) = folds.get(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = fold.set_attribute("open", "");
        }
    }
}

#[component]
pub fn Results(props: &Props) -> Html {
    let section = use_node_ref();
    // Printing from the browser's menu too, not only from the button.
    {
        let section = section.clone();
        use_effect_with((), move |_| {
            // Removed when the results go (the listener drops with the effect).
            let listener = web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, "beforeprint", move |_| unfold(&section)));
            move || drop(listener)
        });
    }
    let heading = use_focus_on(());
    let texts = use_texts();
    let print = {
        let section = section.clone();
        Callback::from(move |_| {
            unfold(&section);
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        })
    };
    html! {
        <section class="tc-results tc-panel" aria-labelledby="tc-results-title" ref={section}>
            <h2 id="tc-results-title" ref={heading} tabindex="-1">{ texts.get("results-title") }</h2>
            <p class="tc-print-only"><strong>{ texts.format("print-title", &[("date", &props.today)]) }</strong></p>
            <p class="tc-disclaimer">{ texts.get("study-team-decides") }</p>
            { for props.trials.iter().map(|trial| {
                let key = trial.id.clone();
                html! { <TrialCard {key} trial={trial.clone()} /> }
            }) }
            <div class="tc-choices tc-no-print">
                <button type="button" class="tc-next" onclick={print}>{ texts.get("print-button") }</button>
                <button type="button" class="tc-choice" onclick={props.on_answers.reform(|_| ())}>{ texts.get("results-save-answers") }</button>
            </div>
            <section class="tc-print-only" aria-hidden="true">
                <h2>{ texts.get("review-title") }</h2>
                <Review rows={props.answers.clone()} />
                <p>{ texts.get("print-note") }</p>
            </section>
        </section>
    }
}
