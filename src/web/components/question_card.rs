//! One question, its help, the ways to answer it, and why an answer was refused.

use super::medicines::Medicines;
use crate::engine::answer::{Answer, AnswerError};
use crate::engine::question::{DatePrecision, Kind, Question};
use crate::questionnaire::{Action, Mode, input};
use crate::text::format_number;
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use std::collections::BTreeSet;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Question,
    pub mode: Mode,
    /// The answer given before, when the question is shown again.
    pub current: Option<Answer>,
    pub refused: Option<AnswerError>,
    pub on_action: Callback<Action>,
}

/// The text a field shows for an earlier answer.
fn field_value(current: Option<&Answer>, language: &str) -> (String, Option<String>) {
    match current {
        Some(Answer::Number { value, unit }) => (format_number(language, *value), unit.clone()),
        Some(Answer::Date(d)) => (d.to_string(), None),
        _ => (String::new(), None),
    }
}

#[component]
pub fn QuestionCard(props: &Props) -> Html {
    let field = use_node_ref();
    let unit = use_node_ref();
    let chosen = {
        let initial = match &props.current {
            Some(Answer::Multi(set) | Answer::Remembered(set)) => set.clone(),
            _ => BTreeSet::new(),
        };
        use_state(move || initial)
    };
    // A list ticked from memory is open unless the person says it is complete.
    let complete = {
        let initial = matches!(props.current, Some(Answer::Multi(_)));
        use_state(move || initial)
    };
    // Each new question takes the focus.
    let heading = use_focus_on(props.question.id.clone());
    let texts = use_texts();
    let q = &props.question;
    let id = q.id.clone();
    let send = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |answer: Result<Answer, AnswerError>| match answer {
            Ok(answer) => on_action.emit(Action::Answer { question: id.clone(), answer }),
            Err(error) => on_action.emit(Action::Refuse { question: id.clone(), error }),
        })
    };
    let button = |label: String, answer: Answer| {
        let send = send.clone();
        let pressed = props.current.as_ref() == Some(&answer);
        html! {
            <button type="button" class={classes!("tc-choice", pressed.then_some("tc-chosen"))} aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_| send.emit(Ok(answer.clone())))}>{ label }</button>
        }
    };
    let dont_know = button(texts.dont_know_for(q, props.mode), Answer::DontKnow);
    let prompt = texts.prompt(q, props.mode);
    let prompt_id = format!("tc-prompt-{id}");
    let help_id = format!("tc-help-{id}");
    let error_id = format!("tc-error-{id}");
    let help = texts.help(q);
    let described = [help.as_ref().map(|_| help_id.clone()), props.refused.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let answers = match &q.kind {
        Kind::YesNo => html! {
            <div class="tc-choices">{ button(texts.get("answer-yes"), Answer::Bool(true)) }{ button(texts.get("answer-no"), Answer::Bool(false)) }{ dont_know }</div>
        },
        Kind::Choice { options } => html! {
            <div class="tc-choices tc-stacked">
                { for options.iter().map(|o| button(texts.option(q, o), Answer::Choice(o.clone()))) }
                { dont_know }
            </div>
        },
        Kind::Multi { options } => {
            // In the plain-word modes a list filled in from memory proves what is ticked, nothing more.
            let open_world = q.from_memory && props.mode != Mode::Clinician;
            let submit = {
                let (chosen, complete, send) = (chosen.clone(), complete.clone(), send.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let items = (*chosen).clone();
                    send.emit(Ok(if open_world && !*complete {
                        Answer::Remembered(items)
                    } else {
                        Answer::Multi(items)
                    }));
                })
            };
            let toggle_complete = {
                let complete = complete.clone();
                Callback::from(move |_: Event| complete.set(!*complete))
            };
            let complete_help = format!("tc-complete-help-{id}");
            html! {
                <form onsubmit={submit}>
                    <fieldset>
                        <legend class="tc-visually-hidden">{ prompt.clone() }</legend>
                        { for options.iter().map(|o| {
                            let toggle = {
                                let (chosen, o) = (chosen.clone(), o.clone());
                                Callback::from(move |_: Event| {
                                    let mut next = (*chosen).clone();
                                    if !next.remove(&o) { next.insert(o.clone()); }
                                    chosen.set(next);
                                })
                            };
                            html! { <label class="tc-check"><input type="checkbox" checked={chosen.contains(o)} onchange={toggle} />{ texts.option(q, o) }</label> }
                        }) }
                    </fieldset>
                    if open_world {
                        <label class="tc-check tc-complete"><input type="checkbox" checked={*complete} onchange={toggle_complete}
                            aria-describedby={complete_help.clone()} />{ texts.get("answer-list-complete") }</label>
                        <p id={complete_help} class="tc-help">{ texts.get("answer-list-complete-help") }</p>
                    }
                    <div class="tc-choices"><button type="submit" class="tc-next">{ texts.get("answer-next") }</button>{ dont_know }</div>
                </form>
            }
        }
        Kind::Medications { .. } => {
            let current = match &props.current {
                Some(Answer::Medications(uses)) => Some((uses.clone(), true)),
                Some(Answer::RememberedMedications(uses)) => Some((uses.clone(), false)),
                _ => None,
            };
            html! { <Medicines question={q.clone()} {current} mode={props.mode} on_answer={send.clone()} /> }
        }
        Kind::Number { .. } | Kind::Date { .. } => {
            let (kind, units) = match &q.kind {
                Kind::Date { precision: DatePrecision::Day } => ("date", vec![]),
                Kind::Date { precision: DatePrecision::Month } => ("month", vec![]),
                Kind::Number { quantity, .. } => {
                    ("text", quantity.map(|q| q.units_for(&texts.language)).unwrap_or_default())
                }
                _ => ("text", vec![]),
            };
            let (value, chosen_unit) = field_value(props.current.as_ref(), &texts.language);
            let chosen_unit = chosen_unit.or_else(|| units.first().map(|u| u.to_string()));
            let submit = {
                let (field, unit, send) = (field.clone(), unit.clone(), send.clone());
                let is_date = kind != "text";
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let text = field.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                    let unit = unit.cast::<HtmlSelectElement>().map(|s| s.value());
                    send.emit(if is_date { input::date(&text) } else { input::measurement(&text, unit.as_deref()) });
                })
            };
            let field_id = format!("tc-field-{id}");
            html! {
                <form onsubmit={submit} class="tc-field">
                    <label for={field_id.clone()} class="tc-visually-hidden">{ prompt.clone() }</label>
                    <div class="tc-inline">
                        <input id={field_id} ref={field} type={kind} {value} inputmode={(kind == "text").then_some("decimal")}
                            aria-invalid={props.refused.is_some().then_some("true")}
                            aria-describedby={(!described.is_empty()).then(|| described.clone())} />
                        if !units.is_empty() {
                            <select ref={unit} aria-label={texts.get("answer-unit")}>
                                { for units.iter().map(|u| html! { <option value={*u} selected={chosen_unit.as_deref() == Some(*u)}>{ *u }</option> }) }
                            </select>
                        }
                    </div>
                    <div class="tc-choices"><button type="submit" class="tc-next">{ texts.get("answer-next") }</button>{ dont_know }</div>
                </form>
            }
        }
    };
    let back = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Back))
    };
    html! {
        <div class="tc-question" data-question-id={id.clone()} role="group" aria-labelledby={prompt_id.clone()}>
            <h2 id={prompt_id} ref={heading} tabindex="-1">{ prompt }</h2>
            if let Some(help) = help { <p id={help_id} class="tc-help">{ help }</p> }
            { answers }
            if let Some(error) = &props.refused {
                <p id={error_id} class="tc-refused" role="alert">{ texts.refusal(error) }</p>
            }
            <button type="button" class="tc-back" onclick={back}>{ texts.get("nav-back") }</button>
        </div>
    }
}
