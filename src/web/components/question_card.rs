//! One question, its help, the ways to answer it, and why an answer was
//! refused: the question's own fields (`fields`, `medicines`) do the rest.

use super::fields::{MeasureField, TickList, answer_button, confirm_unit, described_by, unusual};
use super::medicines::Medicines;
use crate::engine::answer::{Answer, AnswerError};
use crate::engine::question::{Kind, Question};
use crate::questionnaire::{Action, Mode};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use yew::prelude::*;

/// The option of a choice that is its own "I don't know" (pregnant: no / yes / not sure).
pub const NOT_SURE: &str = "not_sure";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Question,
    pub mode: Mode,
    /// The answer given before, when the question is shown again.
    pub current: Option<Answer>,
    pub refused: Option<AnswerError>,
    /// Items of a list other answers already settle: (item, present).
    #[prop_or_default]
    pub settled: Vec<(String, bool)>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn QuestionCard(props: &Props) -> Html {
    // Each new question takes the focus.
    let heading = use_focus_on(props.question.id.clone());
    let texts = use_texts();
    let q = &props.question;
    let id = q.id.clone();
    let send = {
        let (on_action, id) = (props.on_action.clone(), id.clone());
        Callback::from(move |answer: Result<Answer, AnswerError>| match answer {
            Ok(answer) => on_action.emit(Action::Answer { question: id.clone(), answer }),
            Err(error) => on_action.emit(Action::Refuse { question: id.clone(), error }),
        })
    };
    let give = send.reform(Ok);
    // "Yes, it is right": the number counts in its unit, and is sent again.
    let confirm = {
        let (on_action, id) = (props.on_action.clone(), id.clone());
        Callback::from(move |answer: Answer| {
            on_action.emit(Action::ConfirmUnits(vec![(id.clone(), answer.clone())]));
            on_action.emit(Action::Answer { question: id.clone(), answer });
        })
    };
    let button = |label: String, answer: Answer| answer_button(label, answer, props.current.as_ref(), &give);
    let dont_know = button(texts.dont_know_for(q, props.mode), Answer::DontKnow);
    let prompt = texts.prompt(q, props.mode);
    let (prompt_id, help_id, error_id) = (format!("tc-prompt-{id}"), format!("tc-help-{id}"), format!("tc-error-{id}"));
    let help = texts.help(q);
    let described =
        described_by(&[help.as_ref().map(|_| help_id.as_str()), props.refused.as_ref().map(|_| error_id.as_str())]);
    let (current, mode) = (props.current.clone(), props.mode);
    let answers = match &q.kind {
        Kind::YesNo => html! {
            <div class="tc-choices">{ button(texts.get("answer-yes"), Answer::Bool(true)) }{ button(texts.get("answer-no"), Answer::Bool(false)) }{ dont_know }</div>
        },
        Kind::Choice { options } => html! {
            <div class="tc-choices tc-stacked">
                { for options.iter().map(|o| button(texts.option(q, o), Answer::Choice(o.clone()))) }
                // A question that offers "I'm not sure" has said it: no second "I don't know".
                if !options.iter().any(|o| o == NOT_SURE) { { dont_know } }
            </div>
        },
        Kind::Multi { .. } => {
            let settled = props.settled.clone();
            html! { <TickList question={q.clone()} {mode} {current} {settled} on_answer={give.clone()} beside={dont_know} /> }
        }
        Kind::Medications { .. } => {
            let current = match current {
                Some(Answer::Medications(uses)) => Some((uses, true)),
                Some(Answer::RememberedMedications(uses)) => Some((uses, false)),
                _ => None,
            };
            html! { <Medicines question={q.clone()} {current} {mode} on_answer={send.clone()} /> }
        }
        Kind::Number { .. } | Kind::Date { .. } => html! {
            <MeasureField question={q.clone()} label={prompt.clone()} {current} invalid={props.refused.is_some()}
                {described} on_answer={send.clone()} beside={dont_know} />
        },
    };
    html! {
        <div class="tc-question" data-question-id={id.clone()} role="group" aria-labelledby={prompt_id.clone()}>
            <h2 id={prompt_id} ref={heading} tabindex="-1">{ prompt }</h2>
            if let Some(help) = help { <p id={help_id} class="tc-help">{ help }</p> }
            { answers }
            if let Some(error) = &props.refused {
                <p id={error_id} class="tc-refused" role="alert">{ texts.refusal(error) }</p>
                if let Some(answer) = unusual(error) {
                    { confirm_unit(&texts, answer, confirm) }
                }
            }
            <button type="button" class="tc-back" onclick={props.on_action.reform(|_| Action::Back)}>{ texts.get("nav-back") }</button>
        </div>
    }
}
