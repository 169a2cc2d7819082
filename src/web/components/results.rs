//! The results: a summary line, the countries the person could travel to,
//! then the trials open to new people, those with a site there first, and
//! apart those not recruiting now; in each group the trials
//! that may suit and the undecided ones as cards, the ruled-out ones folded
//! with their one-line reason. A summary to print for the doctor.

use super::country_choice::CountryChoice;
use super::print_summary::print_summary;
use super::review::{Review, ReviewRow};
use super::trial_card::{TrialCard, TrialView};
use crate::engine::assess::Verdict;
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::{Texts, use_texts};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Trials with a site in the chosen countries (all of them when none is chosen).
    pub near: Vec<TrialView>,
    /// Trials with no site there: listed below, never hidden.
    pub far: Vec<TrialView>,
    /// Trials not taking new people now (or only by invitation, or ended): apart, last.
    pub closed: Vec<TrialView>,
    /// The countries of the catalog's sites, and those chosen.
    pub countries: Vec<String>,
    pub chosen: Vec<String>,
    pub on_countries: Callback<Vec<String>>,
    /// "May qualify: 2. Not decided yet: 5. Does not qualify: 6."
    pub summary: String,
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

/// One group of trials: cards for those that may suit or are undecided, then
/// the ruled-out ones folded to one line each, with its reason, that opens
/// onto its card.
fn group(texts: &Texts, id: &str, heading: Option<String>, trials: &[TrialView]) -> Html {
    if trials.is_empty() {
        return html! {};
    }
    let (out, open): (Vec<&TrialView>, Vec<&TrialView>) =
        trials.iter().partition(|t| t.verdict == Verdict::NotEligible);
    let heading_id = format!("tc-group-{id}");
    html! {
        <section class="tc-group" data-group={id.to_string()} aria-labelledby={heading.as_ref().map(|_| heading_id.clone())}>
            if let Some(h) = heading { <h3 id={heading_id} class="tc-group-title">{ h }</h3> }
            { for open.into_iter().map(|t| html! { <TrialCard key={t.id.clone()} trial={t.clone()} /> }) }
            if !out.is_empty() {
                <div class="tc-ruled-out">
                    <p class="tc-ruled-out-title">{ texts.format("results-ruled-out", &[("count", &out.len().to_string())]) }</p>
                    <ul>
                        { for out.into_iter().map(|t| html! {
                            <li key={t.id.clone()} class="tc-ruled-out-trial" data-trial-line={t.id.clone()}>
                                <details>
                                    <summary>
                                        <strong>{ &t.title }</strong>{ format!(" · {}", t.id) }
                                        if let Some(why) = t.reason() {
                                            <span class="tc-why">{ texts.get("ruled-out-why") }{ " " }{ why }</span>
                                        }
                                    </summary>
                                    <TrialCard trial={t.clone()} />
                                </details>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </section>
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
    // The printout is the summary, unless the person asks for every criterion too.
    let everything = use_state(|| false);
    let print = |all: bool| {
        let (section, everything) = (section.clone(), everything.clone());
        Callback::from(move |_| {
            everything.set(all);
            unfold(&section);
            if let Some(w) = web_sys::window() {
                // After the class for what to print is drawn.
                let print = wasm_bindgen::closure::Closure::once_into_js(move || {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                });
                let _ = w.set_timeout_with_callback(print.unchecked_ref());
            }
        })
    };
    let (print_short, print_everything) = (print(false), print(true));
    let chose = !props.chosen.is_empty();
    let trials: Vec<TrialView> = props.near.iter().chain(&props.far).chain(&props.closed).cloned().collect();
    let person: Vec<ReviewRow> =
        props.answers.iter().filter(|r| ["date_of_birth", "sex"].contains(&r.question.as_str())).cloned().collect();
    let title = texts.format("print-title", &[("date", &props.today)]);
    html! {
        <section class={classes!("tc-results", "tc-panel", everything.then_some("tc-print-all"))} aria-labelledby="tc-results-title" ref={section}>
            { print_summary(&texts, &trials, &person, &title) }
            <h2 id="tc-results-title" ref={heading} tabindex="-1">{ texts.get("results-title") }</h2>
            <p class="tc-summary-line" data-summary="true"><strong>{ &props.summary }</strong></p>
            <p class="tc-disclaimer">{ texts.get("study-team-decides") }</p>
            if props.countries.len() > 1 {
                <CountryChoice countries={props.countries.clone()} chosen={props.chosen.clone()} on_change={props.on_countries.clone()} />
            }
            { group(&texts, "near", chose.then(|| texts.get("results-near")), &props.near) }
            { group(&texts, "far", Some(texts.get("results-far")), &props.far) }
            { group(&texts, "closed", Some(texts.get("results-closed")), &props.closed) }
            <div class="tc-choices tc-no-print">
                <button type="button" class="tc-next" onclick={print_short}>{ texts.get("print-button") }</button>
                <button type="button" class="tc-choice" onclick={print_everything}>{ texts.get("print-everything") }</button>
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
