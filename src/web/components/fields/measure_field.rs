//! A number with its unit, or a date (a day, or a month where the month is
//! enough), typed and sent with "Next"; read as everywhere else.

use super::{UnitSelect, unit_select};
use crate::engine::answer::{Answer, AnswerError};
use crate::engine::question::{DatePrecision, Kind, Question};
use crate::questionnaire::input;
use crate::text::format_number;
use crate::web::texts::use_texts;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: Question,
    /// The field's label (the question, for screen readers).
    pub label: String,
    pub current: Option<Answer>,
    pub invalid: bool,
    pub described: Option<String>,
    pub on_answer: Callback<Result<Answer, AnswerError>>,
    /// What stands beside "Next" (the question's "I don't know").
    pub beside: Html,
}

/// The text a field shows for an earlier answer, and its unit.
fn shown(current: Option<&Answer>, language: &str) -> (String, Option<String>) {
    match current {
        Some(Answer::Number { value, unit }) => (format_number(language, *value), unit.clone()),
        Some(Answer::Date(d)) => (d.to_string(), None),
        _ => (String::new(), None),
    }
}

#[component]
pub fn MeasureField(props: &Props) -> Html {
    let texts = use_texts();
    let (field, unit) = (use_node_ref(), use_node_ref());
    let q = &props.question;
    let (kind, units) = match &q.kind {
        Kind::Date { precision: DatePrecision::Day } => ("date", vec![]),
        Kind::Date { precision: DatePrecision::Month } => ("month", vec![]),
        Kind::Number { quantity, .. } => ("text", quantity.map(|q| q.units_for(&texts.language)).unwrap_or_default()),
        _ => ("text", vec![]),
    };
    let (value, chosen) = shown(props.current.as_ref(), &texts.language);
    let submit = {
        let (field, unit, on_answer) = (field.clone(), unit.clone(), props.on_answer.clone());
        let is_date = kind != "text";
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = field.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let unit = unit.cast::<HtmlSelectElement>().map(|s| s.value());
            on_answer.emit(if is_date { input::date(&text) } else { input::measurement(&text, unit.as_deref()) });
        })
    };
    let field_id = format!("tc-field-{}", q.id);
    html! {
        <form onsubmit={submit} class="tc-field">
            <label for={field_id.clone()} class="tc-visually-hidden">{ props.label.clone() }</label>
            <div class="tc-inline">
                <input id={field_id} ref={field} type={kind} {value} inputmode={(kind == "text").then_some("decimal")}
                    aria-invalid={props.invalid.then_some("true")} aria-describedby={props.described.clone()} />
                if !units.is_empty() {
                    { unit_select(UnitSelect { units, chosen, label: texts.get("answer-unit"), name: None, node: unit }) }
                }
            </div>
            <div class="tc-choices"><button type="submit" class="tc-next">{ texts.get("answer-next") }</button>{ props.beside.clone() }</div>
        </form>
    }
}
