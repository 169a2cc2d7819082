//! One question, its help, the ways to answer it, and why an answer was refused.

use crate::engine::answer::{Answer, AnswerError, MedicationUse};
use crate::engine::question::{DatePrecision, Kind, Question};
use crate::questionnaire::{Action, input};
use crate::web::texts::Texts;
use std::collections::BTreeSet;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Question,
    pub refused: Option<AnswerError>,
    pub on_action: Callback<Action>,
}

/// The refusal in the person's words.
pub fn refusal(texts: &Texts, error: &AnswerError) -> String {
    let number = |x: f64| format!("{x}");
    match error {
        AnswerError::OutOfRange { min, max, unit } => texts.format(
            "error-out-of-range",
            &[
                ("min", &number(*min)),
                ("max", &number(*max)),
                ("unit", unit.unwrap_or("")),
            ],
        ),
        AnswerError::NotANumber => texts.get("error-not-a-number"),
        AnswerError::NotWhole => texts.get("error-not-whole"),
        AnswerError::BadDate | AnswerError::NeedsDay => texts.get("error-bad-date"),
        AnswerError::InTheFuture => texts.get("error-future"),
        AnswerError::TooLongAgo => texts.get("error-too-long-ago"),
        _ => texts.get("error-other"),
    }
}

#[component]
pub fn QuestionCard(props: &Props) -> Html {
    let texts = use_context::<Texts>();
    let field = use_node_ref();
    let unit = use_node_ref();
    let chosen = use_state(BTreeSet::<String>::new);
    let Some(texts) = texts else { return html! {} };
    let q = &props.question;
    let id = q.id.clone();
    let send = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        move |answer: Result<Answer, AnswerError>| match answer {
            Ok(answer) => on_action.emit(Action::Answer {
                question: id.clone(),
                answer,
            }),
            Err(error) => on_action.emit(Action::Refuse {
                question: id.clone(),
                error,
            }),
        }
    };
    let button = |label: String, answer: Answer| {
        let send = send.clone();
        html! { <button type="button" class="tc-choice" onclick={Callback::from(move |_| send(Ok(answer.clone())))}>{ label }</button> }
    };
    let dont_know = button(texts.get("answer-dont-know"), Answer::DontKnow);
    let field_id = format!("tc-field-{id}");
    let prompt_id = format!("tc-prompt-{id}");
    let help = texts.get(&q.help_id());
    let help = (help != q.help_id()).then(|| html! { <p class="tc-help">{ help }</p> });
    let answers = match &q.kind {
        Kind::YesNo => {
            html! { <div class="tc-choices">{ button(texts.get("answer-yes"), Answer::Bool(true)) }{ button(texts.get("answer-no"), Answer::Bool(false)) }{ dont_know }</div> }
        }
        Kind::Choice { options } => html! {
            <div class="tc-choices">
                { for options.iter().map(|o| button(texts.get(&q.option_id(o)), Answer::Choice(o.clone()))) }
                { dont_know }
            </div>
        },
        Kind::Multi { options } | Kind::Medications { options } => {
            let medications = matches!(q.kind, Kind::Medications { .. });
            let submit = {
                let chosen = chosen.clone();
                let send = send.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let picked = (*chosen).clone();
                    send(Ok(if medications {
                        Answer::Medications(
                            picked
                                .into_iter()
                                .map(|drug| MedicationUse {
                                    drug,
                                    months: None,
                                    stopped_for_side_effects: None,
                                })
                                .collect(),
                        )
                    } else {
                        Answer::Multi(picked)
                    }))
                })
            };
            html! {
                <form onsubmit={submit}>
                    <fieldset aria-labelledby={prompt_id.clone()}>
                        { for options.iter().map(|o| {
                            let toggle = {
                                let chosen = chosen.clone();
                                let o = o.clone();
                                Callback::from(move |_| {
                                    let mut next = (*chosen).clone();
                                    if !next.remove(&o) { next.insert(o.clone()); }
                                    chosen.set(next);
                                })
                            };
                            html! { <label class="tc-check"><input type="checkbox" checked={chosen.contains(o)} onchange={toggle} />{ texts.get(&q.option_id(o)) }</label> }
                        }) }
                    </fieldset>
                    <div class="tc-choices"><button type="submit" class="tc-next">{ texts.get("answer-next") }</button>{ dont_know }</div>
                </form>
            }
        }
        Kind::Number { .. } | Kind::Date { .. } => {
            let (kind, units) = match &q.kind {
                Kind::Date {
                    precision: DatePrecision::Day,
                } => ("date", vec![]),
                Kind::Date {
                    precision: DatePrecision::Month,
                } => ("month", vec![]),
                Kind::Number { quantity, .. } => (
                    "text",
                    quantity.map(|q| q.unit_symbols()).unwrap_or_default(),
                ),
                _ => ("text", vec![]),
            };
            let submit = {
                let (field, unit, send) = (field.clone(), unit.clone(), send.clone());
                let is_date = kind != "text";
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let text = field
                        .cast::<HtmlInputElement>()
                        .map(|i| i.value())
                        .unwrap_or_default();
                    let chosen_unit = unit.cast::<HtmlSelectElement>().map(|s| s.value());
                    send(if is_date {
                        input::date(&text)
                    } else {
                        input::measurement(&text, chosen_unit.as_deref())
                    })
                })
            };
            let described = props.refused.as_ref().map(|_| format!("tc-error-{id}"));
            html! {
                <form onsubmit={submit} class="tc-field">
                    <label for={field_id.clone()} class="tc-visually-hidden">{ texts.get(&q.prompt_id()) }</label>
                    <input id={field_id.clone()} ref={field} type={kind} inputmode={(kind == "text").then_some("decimal")}
                        aria-invalid={props.refused.is_some().then_some("true")} aria-describedby={described} />
                    if !units.is_empty() {
                        <select ref={unit} aria-label={texts.get("answer-unit")}>
                            { for units.iter().map(|u| html! { <option value={*u}>{ *u }</option> }) }
                        </select>
                    }
                    <div class="tc-choices"><button type="submit" class="tc-next">{ texts.get("answer-next") }</button>{ dont_know }</div>
                </form>
            }
        }
    };
    html! {
        <div class="tc-question" data-question-id={id.clone()} role="group" aria-labelledby={prompt_id.clone()}>
            <h2 id={prompt_id} tabindex="-1">{ texts.get(&q.prompt_id()) }</h2>
            { help }
            { answers }
            if let Some(error) = &props.refused {
                <p id={format!("tc-error-{id}")} class="tc-refused" role="alert">{ refusal(&texts, error) }</p>
            }
        </div>
    }
}
