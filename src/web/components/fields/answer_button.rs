//! A button that gives an answer, shown pressed when it is the answer given;
//! and a button that is pressed or not (a "don't know" beside a field).
//! Functions, not components: they hold no state, and each component costs
//! the wasm its own lifecycle code (docs/performance.md).

use crate::engine::answer::Answer;
use yew::prelude::*;

pub fn answer_button(label: String, answer: Answer, current: Option<&Answer>, on_answer: &Callback<Answer>) -> Html {
    let pressed = current == Some(&answer);
    let on_answer = on_answer.clone();
    pressed_button(label, pressed, Callback::from(move |_| on_answer.emit(answer.clone())))
}

pub fn pressed_button(label: String, pressed: bool, onclick: Callback<MouseEvent>) -> Html {
    let class = classes!("tc-choice", pressed.then_some("tc-chosen"));
    html! { <button type="button" {class} aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
}
