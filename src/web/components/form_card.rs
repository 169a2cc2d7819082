//! A few short questions about the person on one form (date of birth, sex,
//! a usual day, and whether a lab report is at hand): each with "I don't
//! know" (but the last: the person knows); a field left blank is not an
//! answer and is asked again later. Every refused value is said at its field.

use crate::engine::answer::{Answer, AnswerError};
use crate::engine::question::{DatePrecision, Kind, Question};
use crate::questionnaire::{Action, Mode, input};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub questions: Vec<Question>,
    /// Ask "Do you have a recent lab report?" too.
    pub lab_report: bool,
    pub mode: Mode,
    /// Every value refused, in the form's order.
    pub refused: Vec<(String, AnswerError)>,
    pub on_action: Callback<Action>,
}

const DONT_KNOW: &str = "dont_know";
/// The field of "Do you have a recent lab report?" (not a question of the bank).
const LAB_REPORT: &str = "lab_report";

/// The radio button chosen in the field named `choice-<id>`, if any.
fn chosen(form: &HtmlFormElement, id: &str) -> Option<String> {
    form.query_selector(&format!("input[name=\"choice-{id}\"]:checked"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
}

/// What the person gave in one field: nothing (left blank), an answer, or a
/// value that cannot be read.
fn read_field(form: &HtmlFormElement, q: &Question, unknown: &BTreeSet<String>) -> Option<Result<Answer, AnswerError>> {
    let named = |name: String| form.elements().named_item(&name);
    match &q.kind {
        Kind::Date { .. } => {
            if unknown.contains(&q.id) {
                return Some(Ok(Answer::DontKnow));
            }
            let text = named(format!("value-{}", q.id))
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            (!text.trim().is_empty()).then(|| input::date(&text))
        }
        _ => match chosen(form, &q.id).unwrap_or_default().as_str() {
            "" => None,
            DONT_KNOW => Some(Ok(Answer::DontKnow)),
            option => Some(Ok(Answer::Choice(option.to_string()))),
        },
    }
}

#[component]
pub fn FormCard(props: &Props) -> Html {
    let heading = use_focus_on(props.questions.iter().map(|q| q.id.clone()).collect::<Vec<_>>());
    let form = use_node_ref();
    let nothing = use_state(|| false);
    // Dates the person said they do not know (a toggle beside the field).
    let unknown = use_state(BTreeSet::<String>::new);
    let texts = use_texts();
    let submit = {
        let (form, questions, on_action, nothing, unknown) =
            (form.clone(), props.questions.clone(), props.on_action.clone(), nothing.clone(), unknown.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = form.cast::<HtmlFormElement>() else { return };
            let (mut answers, mut unreadable) = (Vec::new(), Vec::new());
            for q in &questions {
                match read_field(&form, q, &unknown) {
                    None => {}
                    Some(Ok(a)) => answers.push((q.id.clone(), a)),
                    Some(Err(err)) => unreadable.push((q.id.clone(), err)),
                }
            }
            let lab_report = chosen(&form, LAB_REPORT).map(|v| v == "yes");
            // Nothing given at all: say so, rather than show the same form again in silence.
            let empty = answers.is_empty() && unreadable.is_empty() && lab_report.is_none();
            nothing.set(empty);
            if !empty {
                on_action.emit(Action::Form { answers, unreadable, lab_report });
            }
        })
    };
    let title = texts.variant("form-about_you", props.mode);
    let dont_know = texts.dont_know(props.mode);
    let dont_know_toggle = |id: String| {
        let pressed = unknown.contains(&id);
        let onclick = {
            let unknown = unknown.clone();
            Callback::from(move |_| {
                let mut next = (*unknown).clone();
                if !next.remove(&id) {
                    next.insert(id.clone());
                }
                unknown.set(next);
            })
        };
        html! {
            <button type="button" class={classes!("tc-choice", pressed.then_some("tc-chosen"))} aria-pressed={pressed.to_string()} {onclick}>
                { dont_know.clone() }
            </button>
        }
    };
    html! {
        <form class="tc-question" data-form="about_you" aria-labelledby="tc-form-title" onsubmit={submit} ref={form} novalidate=true>
            <h2 id="tc-form-title" ref={heading} tabindex="-1">{ &title }</h2>
            <p class="tc-help">{ texts.get("form-help") }</p>
            { for props.questions.iter().map(|q| {
                let prompt = texts.prompt(q, props.mode);
                let refused = props.refused.iter().find(|(r, _)| *r == q.id).map(|(_, e)| texts.refusal(e));
                let error_id = format!("tc-error-{}", q.id);
                // Why it is asked, read right after the question, before the answers.
                let help_id = format!("tc-help-{}", q.id);
                let help = texts.help(q).map(|h| html! { <p id={help_id.clone()} class="tc-help">{ h }</p> });
                let described = [help.as_ref().map(|_| help_id.clone()), refused.as_ref().map(|_| error_id.clone())]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                let field = match &q.kind {
                    Kind::Date { precision } => {
                        let kind = if *precision == DatePrecision::Day { "date" } else { "month" };
                        let field_id = format!("tc-field-{}", q.id);
                        html! {
                            <div class="tc-fieldset">
                                <label for={field_id.clone()} class="tc-form-prompt">{ prompt.clone() }</label>
                                { help.clone().unwrap_or_default() }
                                <input id={field_id} type={kind} name={format!("value-{}", q.id)}
                                    aria-invalid={refused.is_some().then_some("true")}
                                    aria-describedby={(!described.is_empty()).then(|| described.clone())} />
                                { dont_know_toggle(q.id.clone()) }
                            </div>
                        }
                    }
                    Kind::Choice { options } => html! {
                        <fieldset class="tc-fieldset" aria-describedby={(!described.is_empty()).then(|| described.clone())}>
                            <legend class="tc-form-prompt">{ prompt.clone() }</legend>
                            { help.clone().unwrap_or_default() }
                            { for options.iter().map(|o| html! {
                                <label class="tc-check"><input type="radio" name={format!("choice-{}", q.id)} value={o.clone()} />{ texts.option(q, o) }</label>
                            }) }
                            <label class="tc-check"><input type="radio" name={format!("choice-{}", q.id)} value={DONT_KNOW} />{ dont_know.clone() }</label>
                        </fieldset>
                    },
                    _ => html! {},
                };
                html! {
                    <div class="tc-form-field" data-question-id={q.id.clone()} key={q.id.clone()}>
                        { field }
                        if let Some(message) = refused {
                            <p id={error_id} class="tc-refused" role="alert">{ message }</p>
                        }
                    </div>
                }
            }) }
            if props.lab_report {
                <div class="tc-form-field" data-question-id={LAB_REPORT}>
                    <fieldset class="tc-fieldset" aria-describedby="tc-help-lab_report">
                        <legend class="tc-form-prompt">{ texts.get("lab-report-question") }</legend>
                        <p id="tc-help-lab_report" class="tc-help">{ texts.get("form-lab-report-help") }</p>
                        { for [("yes", "answer-yes"), ("no", "answer-no")].into_iter().map(|(value, label)| html! {
                            <label class="tc-check"><input type="radio" name={format!("choice-{LAB_REPORT}")} {value} />{ texts.get(label) }</label>
                        }) }
                    </fieldset>
                </div>
            }
            if *nothing {
                <p class="tc-refused" role="alert">{ texts.get("form-nothing") }</p>
            }
            <div class="tc-choices"><button type="submit" class="tc-next">{ texts.get("answer-next") }</button></div>
            <button type="button" class="tc-back" onclick={props.on_action.reform(|_| Action::Back)}>{ texts.get("nav-back") }</button>
        </form>
    }
}
