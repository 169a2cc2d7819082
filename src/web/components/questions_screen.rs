//! The "Questions" screen: what to answer now, with the progress, and the
//! verdicts beside it as they change.

use super::checklist_card::ChecklistCard;
use super::form_card::FormCard;
use super::lab_panel::LabPanel;
use super::progress::Progress;
use super::question_card::QuestionCard;
use super::trial_card::{CompactCard, CompactView};
use crate::engine::answer::{Answer, AnswerError};
use crate::engine::question::Question;
use crate::questionnaire::{Action, Mode, Screen, Step};
use crate::web::hooks::focus::use_focus_on;
use crate::web::texts::{Texts, use_texts};
use yew::prelude::*;

/// What the questions screen shows now, owned (see `questionnaire::Step`).
#[derive(Clone, PartialEq)]
pub enum StepView {
    Ask {
        question: Question,
        current: Option<Answer>,
        refused: Option<AnswerError>,
        /// Items of a list other answers already settle: (item, present).
        settled: Vec<(String, bool)>,
    },
    LabReport,
    LabPanel {
        questions: Vec<Question>,
        refused: Vec<(String, AnswerError)>,
    },
    Checklist {
        questions: Vec<Question>,
        blank_is_no: bool,
    },
    Form {
        questions: Vec<Question>,
        lab_report: bool,
        refused: Vec<(String, AnswerError)>,
    },
    Done,
}

impl StepView {
    pub fn new(
        step: Step,
        session: &crate::questionnaire::Session,
        catalog: &crate::engine::catalog::Catalog,
    ) -> StepView {
        match step {
            Step::Ask(q) => StepView::Ask {
                question: q.clone(),
                current: session.answers.get(&q.id).cloned(),
                refused: session.refused.iter().find(|(r, _)| *r == q.id).map(|(_, e)| e.clone()),
                settled: session.settled_items(catalog, &q.id),
            },
            Step::LabReport => StepView::LabReport,
            Step::LabPanel(questions) => StepView::LabPanel {
                questions: questions.into_iter().cloned().collect(),
                refused: session.refused.clone(),
            },
            Step::Checklist { questions, blank_is_no } => {
                StepView::Checklist { questions: questions.into_iter().cloned().collect(), blank_is_no }
            }
            Step::Form { questions, lab_report } => StepView::Form {
                questions: questions.into_iter().cloned().collect(),
                lab_report,
                refused: session.refused.clone(),
            },
            Step::Done => StepView::Done,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub step: StepView,
    pub mode: Mode,
    /// (screens answered, about how many more).
    pub progress: (usize, usize),
    /// The verdicts so far, as compact cards: the first of them (see
    /// `travel::BESIDE_QUESTIONS`), and how many more the results list.
    pub trials: Vec<CompactView>,
    pub more: usize,
    pub summary: String,
    pub on_action: Callback<Action>,
}

fn lab_report(texts: &Texts, on_action: &Callback<Action>) -> Html {
    let answer = |has: bool, label: &str| {
        let onclick = on_action.reform(move |_| Action::HasLabReport(has));
        html! { <button type="button" class="tc-choice" {onclick}>{ texts.get(label) }</button> }
    };
    html! {
        <div class="tc-question" data-question-id="lab_report" role="group" aria-labelledby="tc-lab-report">
            <h2 id="tc-lab-report" tabindex="-1">{ texts.get("lab-report-question") }</h2>
            <p class="tc-help">{ texts.get("lab-report-help") }</p>
            <div class="tc-choices">{ answer(true, "answer-yes") }{ answer(false, "answer-no") }</div>
            <button type="button" class="tc-back" onclick={on_action.reform(|_| Action::Back)}>{ texts.get("nav-back") }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DoneProps {
    on_action: Callback<Action>,
}

/// No more questions: the heading takes the focus (a screen reader hears it,
/// rather than the page's start), and the way on is to the answers or results.
#[component]
fn Done(props: &DoneProps) -> Html {
    let heading = use_focus_on(());
    let texts = use_texts();
    let go = |screen: Screen, label: &str| {
        let onclick = props.on_action.reform(move |_| Action::Show(screen));
        html! { <button type="button" class="tc-choice" {onclick}>{ texts.get(label) }</button> }
    };
    html! {
        <div class="tc-question" data-question-id="done">
            <h2 ref={heading} tabindex="-1">{ texts.get("questions-done") }</h2>
            <p>{ texts.get("questions-done-more") }</p>
            <div class="tc-choices">{ go(Screen::Review, "nav-review") }{ go(Screen::Results, "nav-results") }</div>
        </div>
    }
}

#[component]
pub fn QuestionsScreen(props: &Props) -> Html {
    let texts = use_texts();
    let on_action = &props.on_action;
    let step = match &props.step {
        StepView::Ask { question, current, refused, settled } => {
            let key = question.id.clone();
            html! { <QuestionCard {key} question={question.clone()} mode={props.mode} current={current.clone()} refused={refused.clone()} settled={settled.clone()} on_action={on_action.clone()} /> }
        }
        StepView::LabReport => lab_report(&texts, on_action),
        StepView::LabPanel { questions, refused } => {
            html! { <LabPanel questions={questions.clone()} mode={props.mode} refused={refused.clone()} on_action={on_action.clone()} /> }
        }
        StepView::Form { questions, lab_report, refused } => {
            html! { <FormCard questions={questions.clone()} lab_report={*lab_report} mode={props.mode} refused={refused.clone()} on_action={on_action.clone()} /> }
        }
        StepView::Checklist { questions, blank_is_no } => {
            html! { <ChecklistCard questions={questions.clone()} mode={props.mode} blank_is_no={*blank_is_no} on_action={on_action.clone()} /> }
        }
        StepView::Done => html! { <Done on_action={on_action.clone()} /> },
    };
    let (done_count, left) = props.progress;
    html! {
        <div class="tc-columns">
            <section class="tc-panel tc-asking" aria-label={texts.get("questions-title")}>
                <Progress done={done_count} {left} />
                { step }
            </section>
            <section class="tc-panel tc-live-results" aria-label={texts.get("results-title")}>
                <p class="tc-summary-line">{ props.summary.clone() }</p>
                <p class="tc-disclaimer">{ texts.get("study-team-decides") }</p>
                { for props.trials.iter().map(|trial| { let key = trial.id.clone(); html! { <CompactCard {key} trial={trial.clone()} /> } }) }
                if props.more > 0 {
                    <p class="tc-more">
                        { texts.plural("more-trials", props.more) }{ " " }
                        <button type="button" class="tc-back" onclick={on_action.reform(|_| Action::Show(Screen::Results))}>{ texts.get("more-trials-see") }</button>
                    </p>
                }
            </section>
        </div>
    }
}
