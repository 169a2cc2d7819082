//! The results: a card per trial, and a summary to print for the doctor.

use super::review::{Review, ReviewRow};
use super::trial_card::{TrialCard, TrialView};
use crate::web::texts::Texts;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trials: Vec<TrialView>,
    /// The answers, printed with the results.
    pub answers: Vec<ReviewRow>,
    pub today: String,
}

#[component]
pub fn Results(props: &Props) -> Html {
    let Some(texts) = use_context::<Texts>() else {
        return html! {};
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="tc-results tc-panel" aria-labelledby="tc-results-title">
            <h2 id="tc-results-title" tabindex="-1">{ texts.get("results-title") }</h2>
            <p class="tc-print-only"><strong>{ texts.format("print-title", &[("date", &props.today)]) }</strong></p>
            <p class="tc-disclaimer">{ texts.get("study-team-decides") }</p>
            { for props.trials.iter().map(|trial| {
                let key = trial.id.clone();
                html! { <TrialCard {key} trial={trial.clone()} /> }
            }) }
            <button type="button" class="tc-next tc-no-print" onclick={print}>{ texts.get("print-button") }</button>
            <section class="tc-print-only" aria-hidden="true">
                <h2>{ texts.get("review-title") }</h2>
                <Review rows={props.answers.clone()} />
                <p>{ texts.get("print-note") }</p>
            </section>
        </section>
    }
}
