//! A multiple choice ticked item by item. In the plain-word modes a list
//! filled in from memory proves what is ticked, nothing more, unless the
//! person says it is complete.

use super::complete_toggle;
use crate::engine::answer::Answer;
use crate::engine::question::Question;
use crate::questionnaire::Mode;
use crate::web::texts::use_texts;
use std::collections::BTreeSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Question,
    pub mode: Mode,
    pub current: Option<Answer>,
    /// Items other answers already settle: (item, present). Those present
    /// show ticked and fixed, with why; those absent are not shown.
    #[prop_or_default]
    pub settled: Vec<(String, bool)>,
    pub on_answer: Callback<Answer>,
    /// What stands beside "Next" (the question's "I don't know").
    pub beside: Html,
}

#[component]
pub fn TickList(props: &Props) -> Html {
    let texts = use_texts();
    let chosen = {
        let initial = match &props.current {
            Some(Answer::Multi(set) | Answer::Remembered(set)) => set.clone(),
            _ => BTreeSet::new(),
        };
        use_state(move || initial)
    };
    let complete = {
        let initial = matches!(props.current, Some(Answer::Multi(_)));
        use_state(move || initial)
    };
    let q = &props.question;
    let open_world = q.from_memory && props.mode != Mode::Clinician;
    let submit = {
        let (chosen, complete, on_answer) = (chosen.clone(), complete.clone(), props.on_answer.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let items = (*chosen).clone();
            on_answer.emit(if open_world && !*complete { Answer::Remembered(items) } else { Answer::Multi(items) });
        })
    };
    let settled = |o: &String| props.settled.iter().find(|(i, _)| i == o).map(|(_, present)| *present);
    let item = |o: &String| {
        if settled(o) == Some(true) {
            return html! {
                <label class="tc-check"><input type="checkbox" checked=true disabled=true />
                    <span>{ texts.option(q, o) }<small class="tc-settled">{ texts.get("answer-settled-elsewhere") }</small></span></label>
            };
        }
        let toggle = {
            let (chosen, o) = (chosen.clone(), o.clone());
            Callback::from(move |_: Event| {
                let mut next = (*chosen).clone();
                if !next.remove(&o) {
                    next.insert(o.clone());
                }
                chosen.set(next);
            })
        };
        html! { <label class="tc-check"><input type="checkbox" checked={chosen.contains(o)} onchange={toggle} />{ texts.option(q, o) }</label> }
    };
    let on_toggle = {
        let complete = complete.clone();
        Callback::from(move |()| complete.set(!*complete))
    };
    html! {
        <form onsubmit={submit}>
            <fieldset>
                <legend class="tc-visually-hidden">{ texts.prompt(q, props.mode) }</legend>
                { for q.kind.options().iter().filter(|o| settled(o) != Some(false)).map(item) }
            </fieldset>
            if open_world {
                { complete_toggle(&format!("tc-complete-help-{}", q.id), texts.get("answer-list-complete"),
                    texts.get("answer-list-complete-help"), *complete, on_toggle) }
            }
            <div class="tc-choices"><button type="submit" class="tc-next">{ texts.get("answer-next") }</button>{ props.beside.clone() }</div>
        </form>
    }
}
