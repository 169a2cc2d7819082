//! The "Answers" screen: every answer with a way to change it, and the
//! answers as files.

use super::answer_files::AnswerFiles;
use super::review::{Review, ReviewRow};
use crate::engine::catalog::Catalog;
use crate::questionnaire::{Action, Session};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::use_texts;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub rows: Vec<ReviewRow>,
    pub catalog: Rc<Catalog>,
    pub settings: Rc<crate::settings::Settings>,
    pub session: Session,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ReviewScreen(props: &Props) -> Html {
    let heading = use_focus_on(());
    let texts = use_texts();
    let on_edit = props.on_action.reform(|question| Action::Edit { question });
    html! {
        <section class="tc-panel" aria-labelledby="tc-review-title">
            <h2 id="tc-review-title" ref={heading} tabindex="-1">{ texts.get("review-title") }</h2>
            <Review rows={props.rows.clone()} {on_edit} />
            <AnswerFiles catalog={Rc::clone(&props.catalog)} settings={Rc::clone(&props.settings)} session={props.session.clone()} on_action={props.on_action.clone()} />
        </section>
    }
}
