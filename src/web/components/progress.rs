//! How far along the questions are.

use crate::web::texts::use_texts;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub done: usize,
    pub total: usize,
}

#[component]
pub fn Progress(props: &Props) -> Html {
    let texts = use_texts();
    let label =
        texts.format("progress-label", &[("done", &props.done.to_string()), ("total", &props.total.to_string())]);
    html! {
        <div class="tc-progress">
            <progress max={props.total.max(1).to_string()} value={props.done.to_string()} aria-label={label.clone()}></progress>
            <span aria-hidden="true">{ label }</span>
        </div>
    }
}
