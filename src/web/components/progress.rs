//! How far along the questions are.

use crate::web::texts::use_texts;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Screens answered.
    pub done: usize,
    /// About how many screens more.
    pub left: usize,
}

#[component]
pub fn Progress(props: &Props) -> Html {
    let texts = use_texts();
    let label = texts.format("progress-label", &[("done", &props.done.to_string()), ("left", &props.left.to_string())]);
    let total = (props.done + props.left).max(1);
    html! {
        <div class="tc-progress">
            <progress max={total.to_string()} value={props.done.to_string()} aria-label={label.clone()}></progress>
            <span aria-hidden="true">{ label }</span>
        </div>
    }
}
