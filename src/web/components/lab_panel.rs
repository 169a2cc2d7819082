//! All the lab values still worth asking, on one form: quick with a report
//! in hand. An empty field means "not on the report".

use super::fields::{UnitSelect, confirm_unit, unit_select, unusual};
use crate::engine::answer::{Answer, AnswerError};
use crate::engine::question::{Kind, Question};
use crate::questionnaire::{Action, Mode, input};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub questions: Vec<Question>,
    pub mode: Mode,
    /// Every value refused, in the form's order.
    pub refused: Vec<(String, AnswerError)>,
    pub on_action: Callback<Action>,
}

fn field<T: JsCast>(form: &HtmlFormElement, name: &str) -> Option<T> {
    form.elements().named_item(name).and_then(|e| e.dyn_into::<T>().ok())
}

/// Every field read as an answer, and every field that cannot be read.
fn read(form: &HtmlFormElement, questions: &[Question]) -> Action {
    let (mut answers, mut unreadable) = (Vec::new(), Vec::new());
    for q in questions {
        let text = field::<HtmlInputElement>(form, &format!("value-{}", q.id)).map(|i| i.value()).unwrap_or_default();
        let unit = field::<HtmlSelectElement>(form, &format!("unit-{}", q.id)).map(|s| s.value());
        let answer =
            if text.trim().is_empty() { Ok(Answer::DontKnow) } else { input::measurement(&text, unit.as_deref()) };
        match answer {
            Ok(a) => answers.push((q.id.clone(), a)),
            Err(e) => unreadable.push((q.id.clone(), e)),
        }
    }
    Action::AnswerAll { answers, unreadable }
}

#[component]
pub fn LabPanel(props: &Props) -> Html {
    let heading = use_focus_on(());
    let form = use_node_ref();
    // The first value to fix takes the focus; the others are said beside their fields.
    {
        let form = form.clone();
        use_effect_with(props.refused.first().map(|(q, _)| q.clone()), move |first| {
            let input = first.as_ref().and_then(|q| {
                form.cast::<HtmlFormElement>().and_then(|f| field::<web_sys::HtmlElement>(&f, &format!("value-{q}")))
            });
            if let Some(input) = input {
                let _ = input.focus();
            }
        });
    }
    let texts = use_texts();
    let submit = {
        let (questions, on_action) = (props.questions.clone(), props.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target_dyn_into::<HtmlFormElement>() else {
                return;
            };
            on_action.emit(read(&form, &questions));
        })
    };
    // "Yes, it is right": that number counts in its unit, and the form is sent again as it stands.
    let confirm = |question: String| {
        let (form, questions, on_action) = (form.clone(), props.questions.clone(), props.on_action.clone());
        Callback::from(move |answer: Answer| {
            on_action.emit(Action::ConfirmUnits(vec![(question.clone(), answer)]));
            if let Some(form) = form.cast::<HtmlFormElement>() {
                on_action.emit(read(&form, &questions));
            }
        })
    };
    let back = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Back))
    };
    html! {
        <form class="tc-lab-panel" ref={form.clone()} onsubmit={submit} data-question-id="lab_panel" aria-labelledby="tc-lab-title">
            <h2 id="tc-lab-title" ref={heading} tabindex="-1">{ texts.get("lab-panel-title") }</h2>
            <p class="tc-help">{ texts.get("lab-panel-help") }</p>
            { for props.questions.iter().map(|q| {
                let units = match &q.kind {
                    Kind::Number { quantity: Some(quantity), .. } => quantity.units_for(&texts.language),
                    _ => vec![],
                };
                let id = format!("tc-lab-{}", q.id);
                let refused = props.refused.iter().find(|(r, _)| *r == q.id).map(|(_, e)| e);
                let error_id = format!("tc-error-{}", q.id);
                html! {
                    <div class="tc-lab-row" data-lab-id={q.id.clone()}>
                        <label for={id.clone()}>{ texts.prompt(q, props.mode) }</label>
                        <div class="tc-inline">
                            <input id={id} name={format!("value-{}", q.id)} type="text" inputmode="decimal"
                                aria-invalid={refused.is_some().then_some("true")}
                                aria-describedby={refused.is_some().then(|| error_id.clone())} />
                            if !units.is_empty() {
                                { unit_select(UnitSelect {
                                    units, chosen: None, name: Some(format!("unit-{}", q.id)), node: NodeRef::default(),
                                    label: format!("{}: {}", texts.get("answer-unit"), texts.prompt(q, props.mode)),
                                }) }
                            }
                        </div>
                        if let Some(error) = refused {
                            <p id={error_id} class="tc-refused" role="alert">{ texts.refusal(error) }</p>
                            if let Some(answer) = unusual(error) {
                                { confirm_unit(&texts, answer, confirm(q.id.clone())) }
                            }
                        }
                    </div>
                }
            }) }
            <div class="tc-choices">
                <button type="submit" class="tc-next">{ texts.get("lab-panel-save") }</button>
            </div>
            <button type="button" class="tc-back" onclick={back}>{ texts.get("nav-back") }</button>
        </form>
    }
}
