//! "Which lupus medicines, for how long, stopped because of side effects?":
//! one form that serves every trial's definition of "did not respond". In
//! the plain-word modes the list is from memory unless the person says it is
//! complete: a medicine not ticked is then not known, never "not taken".

use crate::engine::answer::{Answer, AnswerError, MAX_TREATMENT_MONTHS, MedicationUse};
use crate::engine::question::Question;
use crate::questionnaire::Mode;
use crate::web::texts::use_texts;
use std::collections::BTreeMap;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Question,
    /// The medicines given before, and whether that list was complete.
    pub current: Option<(Vec<MedicationUse>, bool)>,
    pub mode: Mode,
    pub on_answer: Callback<Result<Answer, AnswerError>>,
}

/// What is on the form for one medicine taken: months as typed, side effects.
#[derive(Clone, Default, PartialEq)]
struct Taken {
    months: String,
    side_effects: Option<bool>,
}

fn read(taken: &BTreeMap<String, Taken>, complete: bool) -> Result<Answer, AnswerError> {
    let uses = taken
        .iter()
        .map(|(drug, t)| {
            let months = match t.months.trim() {
                "" => None,
                text => Some(
                    crate::engine::answer::read_number(text)
                        .ok()
                        .filter(|m| (0.0..=MAX_TREATMENT_MONTHS).contains(m))
                        .ok_or(AnswerError::BadDuration)?,
                ),
            };
            Ok(MedicationUse { drug: drug.clone(), months, stopped_for_side_effects: t.side_effects })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(if complete { Answer::Medications(uses) } else { Answer::RememberedMedications(uses) })
}

#[component]
pub fn Medicines(props: &Props) -> Html {
    // A clinician's list is complete; a person's is from memory unless they say otherwise.
    let from_memory = props.mode != Mode::Clinician;
    let complete = {
        let initial = !from_memory || props.current.as_ref().is_some_and(|(_, complete)| *complete);
        use_state(move || initial)
    };
    let taken = {
        let current = props.current.clone().map(|(uses, _)| uses).unwrap_or_default();
        use_state(move || {
            crate::sort::map(current.into_iter().map(|u| {
                let months = u.months.map(|m| m.to_string()).unwrap_or_default();
                (u.drug, Taken { months, side_effects: u.stopped_for_side_effects })
            }))
        })
    };
    let texts = use_texts();
    let q = &props.question;
    let submit = {
        let (taken, complete, on_answer) = (taken.clone(), complete.clone(), props.on_answer.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_answer.emit(read(&taken, *complete));
        })
    };
    let toggle_complete = {
        let complete = complete.clone();
        Callback::from(move |_: Event| complete.set(!*complete))
    };
    let dont_know = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |_| on_answer.emit(Ok(Answer::DontKnow)))
    };
    html! {
        <form onsubmit={submit} class="tc-medicines">
            <fieldset>
                <legend class="tc-visually-hidden">{ texts.prompt(q, props.mode) }</legend>
                { for q.kind.options().iter().map(|drug| {
                    let entry = taken.get(drug).cloned();
                    let name = texts.option(q, drug);
                    let toggle = {
                        let (d, taken) = (drug.clone(), taken.clone());
                        Callback::from(move |_: Event| {
                            let mut next = (*taken).clone();
                            if next.remove(&d).is_none() {
                                next.insert(d.clone(), Taken::default());
                            }
                            taken.set(next);
                        })
                    };
                    let months_id = format!("tc-months-{drug}");
                    let effects_id = format!("tc-effects-{drug}");
                    html! {
                        <div class="tc-medicine">
                            <label class="tc-check"><input type="checkbox" checked={entry.is_some()} onchange={toggle} />{ name.clone() }</label>
                            if let Some(entry) = entry {
                                <div class="tc-medicine-details">
                                    <label for={months_id.clone()}>{ texts.get("medicine-months") }</label>
                                    <input id={months_id} type="text" inputmode="numeric" value={entry.months.clone()} oninput={{
                                        let d = drug.clone();
                                        let taken = taken.clone();
                                        Callback::from(move |e: InputEvent| {
                                            let value = e.target_unchecked_into::<HtmlInputElement>().value();
                                            let mut next = (*taken).clone();
                                            if let Some(t) = next.get_mut(&d) { t.months = value; }
                                            taken.set(next);
                                        })
                                    }} />
                                    <label for={effects_id.clone()}>{ texts.get("medicine-side-effects") }</label>
                                    <select id={effects_id} onchange={{
                                        let d = drug.clone();
                                        let taken = taken.clone();
                                        Callback::from(move |e: Event| {
                                            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                                            let mut next = (*taken).clone();
                                            if let Some(t) = next.get_mut(&d) {
                                                t.side_effects = match value.as_str() { "yes" => Some(true), "no" => Some(false), _ => None };
                                            }
                                            taken.set(next);
                                        })
                                    }}>
                                        <option value="" selected={entry.side_effects.is_none()}>{ texts.dont_know(props.mode) }</option>
                                        <option value="no" selected={entry.side_effects == Some(false)}>{ texts.get("answer-no") }</option>
                                        <option value="yes" selected={entry.side_effects == Some(true)}>{ texts.get("answer-yes") }</option>
                                    </select>
                                </div>
                            }
                        </div>
                    }
                }) }
            </fieldset>
            if from_memory {
                <label class="tc-check tc-complete"><input type="checkbox" checked={*complete} onchange={toggle_complete}
                    aria-describedby="tc-medicines-complete-help" />{ texts.get("medicine-list-complete") }</label>
                <p id="tc-medicines-complete-help" class="tc-help">{ texts.get("medicine-list-complete-help") }</p>
            }
            <div class="tc-choices">
                <button type="submit" class="tc-next">{ texts.get("answer-next") }</button>
                <button type="button" class="tc-choice" onclick={dont_know}>{ texts.dont_know(props.mode) }</button>
            </div>
        </form>
    }
}
