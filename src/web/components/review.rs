//! Every answer given, with a way to change each.

use crate::web::texts::use_texts;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct ReviewRow {
    pub question: String,
    pub prompt: String,
    pub answer: String,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Vec<ReviewRow>,
    /// `None`: read only (the printed summary).
    #[prop_or_default]
    pub on_edit: Option<Callback<String>>,
}

#[component]
pub fn Review(props: &Props) -> Html {
    let texts = use_texts();
    if props.rows.is_empty() {
        return html! { <p>{ texts.get("review-empty") }</p> };
    }
    html! {
        <dl class="tc-review">
            { for props.rows.iter().map(|row| {
                let edit = props.on_edit.as_ref().map(|on_edit| {
                    let (on_edit, q) = (on_edit.clone(), row.question.clone());
                    let label = texts.format("review-edit-label", &[("question", &row.prompt)]);
                    html! { <button type="button" class="tc-edit" aria-label={label} onclick={Callback::from(move |_| on_edit.emit(q.clone()))}>{ texts.get("review-edit") }</button> }
                });
                html! {
                    <div class="tc-review-row" data-answer-id={row.question.clone()}>
                        <dt>{ &row.prompt }</dt>
                        <dd>{ &row.answer }{ edit }</dd>
                    </div>
                }
            }) }
        </dl>
    }
}
