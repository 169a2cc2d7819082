//! A button that gives an answer, shown pressed when it is the answer given;
//! and a button that is pressed or not (a "don't know" beside a field).

use crate::engine::answer::Answer;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub label: String,
    pub answer: Answer,
    /// The answer given before, if any.
    pub current: Option<Answer>,
    pub on_answer: Callback<Answer>,
}

#[component]
pub fn AnswerButton(props: &Props) -> Html {
    let pressed = props.current.as_ref() == Some(&props.answer);
    let onclick = {
        let (answer, on_answer) = (props.answer.clone(), props.on_answer.clone());
        Callback::from(move |_| on_answer.emit(answer.clone()))
    };
    html! { <PressedButton label={props.label.clone()} {pressed} {onclick} /> }
}

#[derive(Properties, PartialEq)]
pub struct PressedProps {
    pub label: String,
    pub pressed: bool,
    pub onclick: Callback<MouseEvent>,
}

#[component]
pub fn PressedButton(props: &PressedProps) -> Html {
    let class = classes!("tc-choice", props.pressed.then_some("tc-chosen"));
    html! {
        <button type="button" {class} aria-pressed={props.pressed.to_string()} onclick={props.onclick.clone()}>
            { props.label.clone() }
        </button>
    }
}
