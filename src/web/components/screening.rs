//! The questionnaire beside the live results; owns the session reducer and
//! hands its children data and callbacks.

use super::question_card::QuestionCard;
use super::trial_card::{TrialCard, TrialSummary};
use crate::catalog::Catalog;
use crate::questionnaire::{Action, Session};
use crate::web::{data, state, texts::Texts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub catalog: Rc<Catalog>,
}

#[component]
pub fn Screening(props: &Props) -> Html {
    let texts = use_context::<Texts>();
    let screening = {
        let catalog = Rc::clone(&props.catalog);
        use_reducer(move || state::Screening {
            catalog,
            session: Session::new(data::today()),
        })
    };
    let Some(texts) = texts else { return html! {} };
    let on_action = {
        let dispatcher = screening.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let session = &screening.session;
    let assessments = session.assess(&screening.catalog, &[]);
    let next = session
        .next_question(&screening.catalog, &assessments)
        .cloned();
    let summaries: Vec<TrialSummary> = assessments.iter().map(TrialSummary::from).collect();
    let question = match next {
        Some(question) => {
            let refused = session
                .refused
                .as_ref()
                .filter(|(q, _)| *q == question.id)
                .map(|(_, e)| e.clone());
            let key = question.id.clone();
            html! { <QuestionCard {key} {question} {refused} on_action={on_action.clone()} /> }
        }
        None => html! { <p class="tc-done">{ texts.get("questions-done") }</p> },
    };
    html! {
        <main class="tc">
            <header class="tc-header">
                <h1>{ texts.get("app-title") }</h1>
                <p class="tc-promise">{ texts.get("privacy-promise") }</p>
            </header>
            <section class="tc-questions" aria-label={texts.get("questions-title")}>
                { question }
            </section>
            <section class="tc-results" aria-labelledby="tc-results-title">
                <h2 id="tc-results-title">{ texts.get("results-title") }</h2>
                <p class="tc-disclaimer">{ texts.get("study-team-decides") }</p>
                <div aria-live="polite">
                    { for summaries.into_iter().map(|summary| {
                        let key = summary.id.clone();
                        html! { <TrialCard {key} {summary} /> }
                    }) }
                </div>
            </section>
        </main>
    }
}
