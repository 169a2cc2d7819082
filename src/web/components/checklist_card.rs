//! Several yes/no questions on one screen (rare exclusions, a few treatment
//! or test questions): Yes, No or Not sure for each, with its help text in
//! view (a "Not sure" is that person's "don't know", as on a screen of its
//! own); then "ask me the blank ones later" (each asked again on its own, if
//! it still matters), and "the ones left blank are No" only on a list where a
//! no can rule nobody out (`questionnaire::blank_may_be_no`).

use crate::engine::question::Question;
use crate::questionnaire::{Action, Mark, Mode, Unticked};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub questions: Vec<Question>,
    pub mode: Mode,
    /// Whether "the ones I left blank are No" may be offered.
    pub blank_is_no: bool,
    pub on_action: Callback<Action>,
}

/// The marks of an item; "not sure" reads "never tested / not sure" for a
/// test that may never have been done.
fn marks(q: &Question) -> [(Mark, &'static str); 3] {
    let unsure = if q.never_tested { "checklist-item-never-tested" } else { "checklist-item-unsure" };
    [(Mark::Yes, "checklist-item-yes"), (Mark::No, "checklist-item-no"), (Mark::NotSure, unsure)]
}

#[component]
pub fn ChecklistCard(props: &Props) -> Html {
    let marked = use_state(BTreeMap::<String, Mark>::new);
    let heading = use_focus_on(props.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>());
    let texts = use_texts();
    let items: Vec<String> = props.questions.iter().map(|q| q.id.clone()).collect();
    let submit = |unticked: Unticked, label: &str, class: &'static str| {
        let (marked, items, on_action) = (marked.clone(), items.clone(), props.on_action.clone());
        let onclick = Callback::from(move |_| {
            let marked = marked.iter().map(|(id, m)| (id.clone(), *m)).collect();
            on_action.emit(Action::Checklist { items: items.clone(), marked, unticked });
        });
        html! { <button type="button" class={class} {onclick}>{ texts.get(label) }</button> }
    };
    // Which list this is: its words come from its key (`together` in the bank).
    let key = props.questions.first().and_then(|q| q.together.clone()).unwrap_or_else(|| "history".into());
    let title = texts.variant(&format!("checklist-{key}"), props.mode);
    html! {
        <div class="tc-question" data-question-id="checklist" data-list={key.clone()} role="group" aria-labelledby="tc-checklist-title">
            <h2 id="tc-checklist-title" ref={heading} tabindex="-1">{ &title }</h2>
            <p class="tc-help">{ texts.get(&format!("checklist-{key}-help")) }</p>
            { for props.questions.iter().map(|q| {
                let legend = format!("tc-item-{}", q.id);
                // What it means, right under it: "Not sure" is final, so it is weighed here.
                let help = texts.help(q);
                let help_id = format!("tc-item-help-{}", q.id);
                html! {
                    <fieldset class="tc-item" data-item-id={q.id.clone()} aria-labelledby={legend.clone()}
                        aria-describedby={help.as_ref().map(|_| help_id.clone())}>
                        <legend id={legend}>{ texts.prompt(q, props.mode) }</legend>
                        if let Some(help) = help {
                            <p id={help_id} class="tc-help tc-item-help">{ help }</p>
                        }
                        <div class="tc-marks">
                            { for marks(q).into_iter().map(|(mark, label)| {
                                let choose = {
                                    let (marked, id) = (marked.clone(), q.id.clone());
                                    Callback::from(move |_: Event| {
                                        let mut next = (*marked).clone();
                                        next.insert(id.clone(), mark);
                                        marked.set(next);
                                    })
                                };
                                let checked = marked.get(&q.id) == Some(&mark);
                                html! {
                                    <label class="tc-mark">
                                        <input type="radio" name={format!("tc-mark-{}", q.id)} {checked} onchange={choose} />
                                        { texts.get(label) }
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="tc-choices tc-stacked">
                if props.blank_is_no {
                    { submit(Unticked::No, "checklist-none", "tc-next") }
                    { submit(Unticked::NotSure, "checklist-unsure", "tc-choice") }
                } else {
                    { submit(Unticked::NotSure, "checklist-unsure", "tc-next") }
                }
            </div>
            <button type="button" class="tc-back" onclick={props.on_action.reform(|_| Action::Back)}>{ texts.get("nav-back") }</button>
        </div>
    }
}
