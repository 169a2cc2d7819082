//! "Yes, 12 mg/dL is right": beside a number said back for its unit.

use crate::engine::answer::{Answer, AnswerError};
use crate::text::format_number;
use crate::web::texts::Texts;
use yew::prelude::*;

/// The answer a refusal says back for its unit, if it is one.
pub fn unusual(error: &AnswerError) -> Option<Answer> {
    match error {
        AnswerError::Unusual { value, unit, .. } => Some(Answer::Number { value: *value, unit: Some(unit.clone()) }),
        _ => None,
    }
}

/// A button that confirms `answer` (its question or form is then sent again).
pub fn confirm_unit(texts: &Texts, answer: Answer, on_confirm: Callback<Answer>) -> Html {
    let Answer::Number { value, unit } = &answer else { return html! {} };
    let unit = unit.as_deref().map(crate::clinical::units::display).unwrap_or_default();
    let label = texts.format("confirm-unit", &[("value", &format_number(&texts.language, *value)), ("unit", &unit)]);
    let onclick = Callback::from(move |_| on_confirm.emit(answer.clone()));
    html! { <button type="button" class="tc-choice" {onclick}>{ label }</button> }
}
