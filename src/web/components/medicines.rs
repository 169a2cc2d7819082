//! "Which lupus medicines, for how long, stopped because of side effects?":
//! one form that serves every trial's definition of "did not respond". In
//! the plain-word modes the list is from memory unless the person says it is
//! complete: a medicine not ticked is then not known, never "not taken".

use super::fields::complete_toggle;
use crate::engine::answer::{Answer, AnswerError, MAX_TREATMENT_MONTHS, MedicationUse};
use crate::engine::question::Question;
use crate::questionnaire::Mode;
use crate::web::texts::{Texts, use_texts};
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

struct Row {
    drug: String,
    name: String,
    /// Ticked: what was typed for it.
    entry: Option<Taken>,
    mode: Mode,
    /// The row as it is now: `None` when unticked.
    on_change: Callback<(String, Option<Taken>)>,
}

/// One medicine: ticked when taken, then for how many months and whether it
/// was stopped because of side effects. (A function: it holds no state.)
fn medicine_row(texts: &Texts, props: Row) -> Html {
    let drug = &props.drug;
    let change = |f: fn(&mut Taken, String)| {
        let (drug, entry, on_change) = (drug.clone(), props.entry.clone(), props.on_change.clone());
        move |value: String| {
            let mut t = entry.clone().unwrap_or_default();
            f(&mut t, value);
            on_change.emit((drug.clone(), Some(t)));
        }
    };
    let toggle = {
        let (drug, ticked, on_change) = (drug.clone(), props.entry.is_some(), props.on_change.clone());
        Callback::from(move |_: Event| on_change.emit((drug.clone(), (!ticked).then(Taken::default))))
    };
    let months = change(|t, v| t.months = v);
    let months = Callback::from(move |e: InputEvent| months(e.target_unchecked_into::<HtmlInputElement>().value()));
    let effects = change(|t, v| {
        t.side_effects = match v.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        }
    });
    let effects = Callback::from(move |e: Event| effects(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let (months_id, effects_id) = (format!("tc-months-{drug}"), format!("tc-effects-{drug}"));
    html! {
        <div class="tc-medicine">
            <label class="tc-check"><input type="checkbox" checked={props.entry.is_some()} onchange={toggle} />{ props.name.clone() }</label>
            if let Some(entry) = &props.entry {
                <div class="tc-medicine-details">
                    <label for={months_id.clone()}>{ texts.get("medicine-months") }</label>
                    <input id={months_id} type="text" inputmode="numeric" value={entry.months.clone()} oninput={months} />
                    <label for={effects_id.clone()}>{ texts.get("medicine-side-effects") }</label>
                    <select id={effects_id} onchange={effects}>
                        <option value="" selected={entry.side_effects.is_none()}>{ texts.dont_know(props.mode) }</option>
                        <option value="no" selected={entry.side_effects == Some(false)}>{ texts.get("answer-no") }</option>
                        <option value="yes" selected={entry.side_effects == Some(true)}>{ texts.get("answer-yes") }</option>
                    </select>
                </div>
            }
        </div>
    }
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
    let on_change = {
        let taken = taken.clone();
        Callback::from(move |(drug, row): (String, Option<Taken>)| {
            let mut next = (*taken).clone();
            match row {
                Some(t) => next.insert(drug, t),
                None => next.remove(&drug),
            };
            taken.set(next);
        })
    };
    let on_toggle = {
        let complete = complete.clone();
        Callback::from(move |()| complete.set(!*complete))
    };
    html! {
        <form onsubmit={submit} class="tc-medicines">
            <fieldset>
                <legend class="tc-visually-hidden">{ texts.prompt(q, props.mode) }</legend>
                { for q.kind.options().iter().map(|drug| medicine_row(&texts, Row {
                    drug: drug.clone(), name: texts.option(q, drug), entry: taken.get(drug).cloned(),
                    mode: props.mode, on_change: on_change.clone(),
                })) }
            </fieldset>
            if from_memory {
                { complete_toggle("tc-medicines-complete-help", texts.get("medicine-list-complete"),
                    texts.get("medicine-list-complete-help"), *complete, on_toggle) }
            }
            <div class="tc-choices">
                <button type="submit" class="tc-next">{ texts.get("answer-next") }</button>
                <button type="button" class="tc-choice" onclick={props.on_answer.reform(|_| Ok(Answer::DontKnow))}>{ texts.dont_know(props.mode) }</button>
            </div>
        </form>
    }
}
