//! The whole questionnaire: owns the session reducer and gives each screen
//! the data and callbacks it needs.

use super::answer_text::answer_text;
use super::lab_panel::LabPanel;
use super::progress::Progress;
use super::question_card::QuestionCard;
use super::results::Results;
use super::review::{Review, ReviewRow};
use super::trial_card::{TrialCard, TrialView};
use super::welcome::Welcome;
use crate::catalog::Catalog;
use crate::engine::verdict::Verdict;
use crate::questionnaire::{Action, Screen, Session, Step};
use crate::web::{data, state, texts::Texts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub catalog: Rc<Catalog>,
}

fn nav(texts: &Texts, screen: Screen, on_action: &Callback<Action>) -> Html {
    let tab = |target: Screen, label: &str| {
        let on_action = on_action.clone();
        let current = (screen == target).then_some("page");
        html! {
            <li><button type="button" class="tc-tab" aria-current={current} onclick={Callback::from(move |_| on_action.emit(Action::Show(target)))}>{ texts.get(label) }</button></li>
        }
    };
    html! {
        <nav class="tc-nav tc-no-print" aria-label={texts.get("nav-label")}>
            <ul>
                { tab(Screen::Questions, "nav-questions") }
                { tab(Screen::Review, "nav-review") }
                { tab(Screen::Results, "nav-results") }
            </ul>
        </nav>
    }
}

fn lab_report(texts: &Texts, on_action: &Callback<Action>) -> Html {
    let answer = |has: bool, label: &str| {
        let on_action = on_action.clone();
        html! { <button type="button" class="tc-choice" onclick={Callback::from(move |_| on_action.emit(Action::HasLabReport(has)))}>{ texts.get(label) }</button> }
    };
    let back = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Back))
    };
    html! {
        <div class="tc-question" data-question-id="lab_report" role="group" aria-labelledby="tc-lab-report">
            <h2 id="tc-lab-report" tabindex="-1">{ texts.get("lab-report-question") }</h2>
            <p class="tc-help">{ texts.get("lab-report-help") }</p>
            <div class="tc-choices">{ answer(true, "answer-yes") }{ answer(false, "answer-no") }</div>
            <button type="button" class="tc-back" onclick={back}>{ texts.get("nav-back") }</button>
        </div>
    }
}

fn done(texts: &Texts, on_action: &Callback<Action>) -> Html {
    let go = |screen: Screen, label: &str| {
        let on_action = on_action.clone();
        html! { <button type="button" class="tc-choice" onclick={Callback::from(move |_| on_action.emit(Action::Show(screen)))}>{ texts.get(label) }</button> }
    };
    html! {
        <div class="tc-question" data-question-id="done">
            <h2 tabindex="-1">{ texts.get("questions-done") }</h2>
            <p>{ texts.get("questions-done-more") }</p>
            <div class="tc-choices">{ go(Screen::Review, "nav-review") }{ go(Screen::Results, "nav-results") }</div>
        </div>
    }
}

fn review_rows(texts: &Texts, catalog: &Catalog, session: &Session) -> Vec<ReviewRow> {
    catalog
        .bank
        .iter()
        .filter_map(|q| {
            session.answers.get(&q.id).map(|a| ReviewRow {
                question: q.id.clone(),
                prompt: texts.prompt(q, session.mode),
                answer: answer_text(texts, q, a, session.mode),
            })
        })
        .collect()
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
    let container = use_node_ref();
    // A new screen takes the focus at its heading (questions focus themselves).
    {
        let container = container.clone();
        use_effect_with(screening.session.screen, move |screen| {
            if matches!(screen, Screen::Review | Screen::Results)
                && let Some(h) = container
                    .cast::<web_sys::Element>()
                    .and_then(|c| c.query_selector("main h2").ok().flatten())
                    .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
            {
                let _ = h.focus();
            }
        });
    }
    let Some(texts) = texts else { return html! {} };
    let on_action = {
        let dispatcher = screening.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let (catalog, session) = (&screening.catalog, &screening.session);
    let assessments = session.assess(catalog, &[]);
    let trials: Vec<TrialView> = assessments
        .iter()
        .map(|a| TrialView::new(a, &texts.language))
        .collect();
    let count = |v: Verdict| {
        assessments
            .iter()
            .filter(|a| a.verdict == v)
            .count()
            .to_string()
    };
    let summary = texts.format(
        "results-summary",
        &[
            ("eligible", &count(Verdict::LikelyEligible)),
            ("undecided", &count(Verdict::Undecided)),
            ("ineligible", &count(Verdict::NotEligible)),
        ],
    );
    let cards = html! { { for trials.iter().map(|trial| { let key = trial.id.clone(); html! { <TrialCard {key} trial={trial.clone()} compact=true /> } }) } };
    let body = match session.screen {
        Screen::Welcome => {
            let on_start = on_action.reform(Action::Start);
            html! { <Welcome {on_start} /> }
        }
        Screen::Questions => {
            let (done_count, total) = session.progress(catalog, &assessments);
            let step = match session.step(catalog, &assessments) {
                Step::Ask(q) => {
                    let refused = session
                        .refused
                        .as_ref()
                        .filter(|(r, _)| *r == q.id)
                        .map(|(_, e)| e.clone());
                    let current = session.answers.get(&q.id).cloned();
                    let key = q.id.clone();
                    html! { <QuestionCard {key} question={q.clone()} mode={session.mode} {current} {refused} on_action={on_action.clone()} /> }
                }
                Step::LabReport => lab_report(&texts, &on_action),
                Step::LabPanel(questions) => {
                    let questions = questions.into_iter().cloned().collect::<Vec<_>>();
                    html! { <LabPanel {questions} mode={session.mode} refused={session.refused.clone()} on_action={on_action.clone()} /> }
                }
                Step::Done => done(&texts, &on_action),
            };
            html! {
                <div class="tc-columns">
                    <section class="tc-panel tc-asking" aria-label={texts.get("questions-title")}>
                        <Progress done={done_count} {total} />
                        { step }
                    </section>
                    <section class="tc-panel tc-live-results" aria-label={texts.get("results-title")}>
                        <p class="tc-summary-line">{ summary.clone() }</p>
                        <p class="tc-disclaimer">{ texts.get("study-team-decides") }</p>
                        { cards }
                    </section>
                </div>
            }
        }
        Screen::Review => {
            let on_edit = on_action.reform(|question| Action::Edit { question });
            html! {
                <section class="tc-panel" aria-labelledby="tc-review-title">
                    <h2 id="tc-review-title" tabindex="-1">{ texts.get("review-title") }</h2>
                    <Review rows={review_rows(&texts, catalog, session)} {on_edit} />
                </section>
            }
        }
        Screen::Results => html! {
            <Results trials={trials.clone()} answers={review_rows(&texts, catalog, session)} today={session.today.to_string()} />
        },
    };
    html! {
        <div class="tc" ref={container}>
            <header class="tc-header">
                <h1>{ texts.get("app-title") }</h1>
                <p class="tc-promise">{ texts.get("privacy-promise") }</p>
            </header>
            if session.screen != Screen::Welcome { { nav(&texts, session.screen, &on_action) } }
            <main>{ body }</main>
            // Verdict changes are read out without moving the focus.
            <p class="tc-visually-hidden" aria-live="polite" aria-atomic="true">{ summary }</p>
        </div>
    }
}
