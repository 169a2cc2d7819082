//! Rare exclusions on one screen: tick each that applies, then "none of the
//! others" (each unticked one is a no) or "I'm not sure about some" (each
//! unticked one is asked again on its own, if it still matters).

use crate::engine::question::Question;
use crate::questionnaire::{Action, Mode, Unticked};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use std::collections::BTreeSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub questions: Vec<Question>,
    pub mode: Mode,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ChecklistCard(props: &Props) -> Html {
    let ticked = use_state(BTreeSet::<String>::new);
    let heading = use_focus_on(props.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>());
    let texts = use_texts();
    let items: Vec<String> = props.questions.iter().map(|q| q.id.clone()).collect();
    let submit = |unticked: Unticked, label: &str, class: &'static str| {
        let (ticked, items, on_action) = (ticked.clone(), items.clone(), props.on_action.clone());
        let onclick = Callback::from(move |_| {
            let ticked = ticked.iter().cloned().collect();
            on_action.emit(Action::Checklist { items: items.clone(), ticked, unticked });
        });
        html! { <button type="button" class={class} {onclick}>{ texts.get(label) }</button> }
    };
    let title = match props.mode {
        Mode::Myself => "checklist-title",
        Mode::MyChild => "checklist-title-child",
        Mode::Clinician => "checklist-title-clinician",
    };
    html! {
        <div class="tc-question" data-question-id="checklist" role="group" aria-labelledby="tc-checklist-title">
            <h2 id="tc-checklist-title" ref={heading} tabindex="-1">{ texts.get(title) }</h2>
            <p class="tc-help">{ texts.get("checklist-help") }</p>
            <fieldset>
                <legend class="tc-visually-hidden">{ texts.get(title) }</legend>
                { for props.questions.iter().map(|q| {
                    let toggle = {
                        let (ticked, id) = (ticked.clone(), q.id.clone());
                        Callback::from(move |_: Event| {
                            let mut next = (*ticked).clone();
                            if !next.remove(&id) { next.insert(id.clone()); }
                            ticked.set(next);
                        })
                    };
                    html! {
                        <label class="tc-check" data-item-id={q.id.clone()}>
                            <input type="checkbox" checked={ticked.contains(&q.id)} onchange={toggle} />
                            { texts.prompt(q, props.mode) }
                        </label>
                    }
                }) }
            </fieldset>
            <div class="tc-choices tc-stacked">
                { submit(Unticked::No, "checklist-none", "tc-next") }
                { submit(Unticked::NotSure, "checklist-unsure", "tc-choice") }
            </div>
            <button type="button" class="tc-back" onclick={props.on_action.reform(|_| Action::Back)}>{ texts.get("nav-back") }</button>
        </div>
    }
}
