//! A few short questions about the person on one form (date of birth, sex,
//! a usual day, and whether a lab report is at hand): each with "I don't
//! know" (but the last: the person knows); a field left blank is not an
//! answer and is asked again later. Every refused value is said at its field.

use super::fields::{RadioChoice, described_by, pressed_button, radio_choice};
use crate::engine::answer::{Answer, AnswerError};
use crate::engine::question::{DatePrecision, Kind, Question};
use crate::questionnaire::{Action, Mode, input};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::{Texts, use_texts};
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

/// One question of the form with its help, and its refusal if any; a date
/// has "I don't know" beside it (`unknown`: pressed, and what pressing does).
fn form_field(
    texts: &Texts,
    q: &Question,
    mode: Mode,
    refused: Option<String>,
    unknown: (bool, Callback<MouseEvent>),
) -> Html {
    let dont_know = texts.dont_know(mode);
    let (error_id, help_id) = (format!("tc-error-{}", q.id), format!("tc-help-{}", q.id));
    // Why it is asked, read right after the question, before the answers.
    let help = texts.help(q).map(|h| (help_id.clone(), h));
    let described =
        described_by(&[help.as_ref().map(|_| help_id.as_str()), refused.as_ref().map(|_| error_id.as_str())]);
    let prompt = texts.prompt(q, mode);
    let field = match &q.kind {
        Kind::Date { precision } => {
            let kind = if *precision == DatePrecision::Day { "date" } else { "month" };
            let field_id = format!("tc-field-{}", q.id);
            html! {
                <div class="tc-fieldset">
                    <label for={field_id.clone()} class="tc-form-prompt">{ prompt }</label>
                    if let Some((id, help)) = help { <p {id} class="tc-help">{ help }</p> }
                    <input id={field_id} type={kind} name={format!("value-{}", q.id)}
                        aria-invalid={refused.is_some().then_some("true")} aria-describedby={described} />
                    { pressed_button(dont_know, unknown.0, unknown.1) }
                </div>
            }
        }
        Kind::Choice { options } => {
            let mut choices: Vec<(String, String)> = options.iter().map(|o| (o.clone(), texts.option(q, o))).collect();
            // A question that offers "I'm not sure" has said it: no second "I don't know".
            if !options.iter().any(|o| o == super::question_card::NOT_SURE) {
                choices.push((DONT_KNOW.to_string(), dont_know));
            }
            radio_choice(RadioChoice { id: q.id.clone(), legend: prompt, help, choices, described })
        }
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
    let toggle = |id: String| {
        let unknown = unknown.clone();
        Callback::from(move |_| {
            let mut next = (*unknown).clone();
            if !next.remove(&id) {
                next.insert(id.clone());
            }
            unknown.set(next);
        })
    };
    let field = |q: &Question| {
        let refused = props.refused.iter().find(|(r, _)| *r == q.id).map(|(_, e)| texts.refusal(e));
        form_field(&texts, q, props.mode, refused, (unknown.contains(&q.id), toggle(q.id.clone())))
    };
    let lab_report_choices: Vec<(String, String)> =
        [("yes", "answer-yes"), ("no", "answer-no")].iter().map(|(v, l)| ((*v).to_string(), texts.get(l))).collect();
    let lab_report_help = ("tc-help-lab_report".to_string(), texts.get("form-lab-report-help"));
    html! {
        <form class="tc-question" data-form="about_you" aria-labelledby="tc-form-title" onsubmit={submit} ref={form} novalidate=true>
            <h2 id="tc-form-title" ref={heading} tabindex="-1">{ &title }</h2>
            <p class="tc-help">{ texts.get("form-help") }</p>
            { for props.questions.iter().map(field) }
            if props.lab_report {
                <div class="tc-form-field" data-question-id={LAB_REPORT}>
                    { radio_choice(RadioChoice {
                        id: LAB_REPORT.to_string(), legend: texts.get("lab-report-question"), help: Some(lab_report_help),
                        choices: lab_report_choices, described: Some("tc-help-lab_report".to_string()),
                    }) }
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
