//! "Yes, 12 mg/dL is right": beside a number said back for its unit.

use crate::engine::answer::{Answer, AnswerError};
use crate::text::format_number;
use crate::web::texts::use_texts;
use yew::prelude::*;

/// The answer a refusal says back for its unit, if it is one.
pub fn unusual(error: &AnswerError) -> Option<Answer> {
    match error {
        AnswerError::Unusual { value, unit, .. } => Some(Answer::Number { value: *value, unit: Some(unit.clone()) }),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub answer: Answer,
    /// Confirms `answer` (and sends its question or form again).
    pub on_confirm: Callback<Answer>,
}

#[component]
pub fn ConfirmUnit(props: &Props) -> Html {
    let texts = use_texts();
    let Answer::Number { value, unit } = &props.answer else { return html! {} };
    let unit = unit.as_deref().map(crate::clinical::units::display).unwrap_or_default();
    let label = texts.format("confirm-unit", &[("value", &format_number(&texts.language, *value)), ("unit", &unit)]);
    let onclick = {
        let (answer, on_confirm) = (props.answer.clone(), props.on_confirm.clone());
        Callback::from(move |_| on_confirm.emit(answer.clone()))
    };
    html! { <button type="button" class="tc-choice" {onclick}>{ label }</button> }
}
