//! The whole questionnaire: owns the session reducer and gives each screen
//! the data and callbacks it needs.

use super::answer_files::{AnswerFiles, Export};
use super::answer_text::answer_text;
use super::lab_panel::LabPanel;
use super::language_picker::LanguagePicker;
use super::on_this_device::OnThisDevice;
use super::progress::Progress;
use super::question_card::QuestionCard;
use super::results::Results;
use super::review::{Review, ReviewRow};
use super::trial_card::{TrialCard, TrialView};
use super::welcome::Welcome;
use crate::catalog::Catalog;
use crate::engine::assess::Verdict;
use crate::questionnaire::fhir::questionnaire_response;
use crate::questionnaire::saved::{ImportError, SavedAnswers};
use crate::questionnaire::{Action, Screen, Session, Step};
use crate::settings::Settings;
use crate::web::device::{self, Unusable};
use crate::web::{data, state, texts::Texts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub catalog: Rc<Catalog>,
    pub settings: Rc<Settings>,
    /// The standalone page owns the main landmark; a widget in a host page
    /// is a region within the host's.
    pub standalone: bool,
    pub on_language: Callback<String>,
}

/// Where "remember my answers" keeps them: one place per set of trials, so
/// two widgets for different trials on one site keep theirs apart.
fn storage_key(settings: &Settings) -> String {
    format!("trialcheck.answers:{}", settings.trials.join(","))
}

/// The answers this device remembers, if any (and if they still fit the catalog).
fn remembered(catalog: &Catalog, settings: &Settings, session: &Session) -> Option<Action> {
    let text = device::stored(&storage_key(settings))?;
    let saved: SavedAnswers = device::from_json(&text).ok()?;
    let (mode, answers, history) = saved.restore(catalog, session.today).ok()?;
    Some(Action::Load { mode, answers, history })
}

fn import_message(texts: &Texts, result: &Result<(), ImportError>) -> (bool, String) {
    match result {
        Ok(()) => (true, texts.get("import-done")),
        Err(ImportError::Unreadable) => (false, texts.get("import-unreadable")),
        Err(ImportError::Foreign) => (false, texts.get("import-foreign")),
        Err(ImportError::TooNew(_)) => (false, texts.get("import-too-new")),
        Err(e @ ImportError::Refused(_)) => (false, format!("{} ({e})", texts.get("import-refused"))),
    }
}

fn nav(texts: &Texts, trials: &str, screen: Screen, on_action: &Callback<Action>) -> Html {
    let tab = |target: Screen, label: &str| {
        let on_action = on_action.clone();
        let current = (screen == target).then_some("page");
        html! {
            <li><button type="button" class="tc-tab" aria-current={current} onclick={Callback::from(move |_| on_action.emit(Action::Show(target)))}>{ texts.get(label) }</button></li>
        }
    };
    html! {
        <nav class="tc-nav tc-no-print" aria-label={texts.format("nav-label", &[("trials", trials)])}>
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
    let remember = use_state(|| device::stored(&storage_key(&props.settings)).is_some());
    let import_result = use_state(|| None::<(bool, String)>);
    let screening = {
        let (catalog, settings) = (Rc::clone(&props.catalog), Rc::clone(&props.settings));
        use_reducer(move || {
            let fresh = Session::new(data::today());
            let session = match (remembered(&catalog, &settings, &fresh), settings.mode) {
                (Some(load), _) => fresh.apply(&catalog, load),
                (None, Some(mode)) => fresh.apply(&catalog, Action::Start(mode)),
                (None, None) => fresh,
            };
            state::Screening { catalog, session }
        })
    };
    // Kept on the device only while the person asks for it; wiped when not.
    {
        let key = storage_key(&props.settings);
        use_effect_with((*remember, screening.session.clone()), move |(remember, session)| {
            match remember.then(|| device::to_json(&SavedAnswers::of(session))).flatten() {
                Some(text) => device::store(&key, &text),
                None => device::forget(&key),
            }
        });
    }
    let container = use_node_ref();
    // A new screen takes the focus at its heading (questions focus themselves).
    {
        let container = container.clone();
        use_effect_with(screening.session.screen, move |screen| {
            if matches!(screen, Screen::Review | Screen::Results)
                && let Some(h) = container
                    .cast::<web_sys::Element>()
                    .and_then(|c| c.query_selector("main h2, .tc-main h2").ok().flatten())
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
    let assessments = session.assess(catalog, &props.settings.trials);
    // Names this widget's landmarks apart from another widget's on the same page.
    let trials_named =
        if props.settings.trials.is_empty() { texts.get("all-trials") } else { props.settings.trials.join(", ") };
    let on_remember = {
        let remember = remember.clone();
        Callback::from(move |on: bool| remember.set(on))
    };
    let on_forget = {
        let (remember, on_action, key) = (remember.clone(), on_action.clone(), storage_key(&props.settings));
        Callback::from(move |()| {
            remember.set(false);
            device::forget(&key);
            on_action.emit(Action::Reset);
        })
    };
    let on_export = {
        let (catalog, session, texts) = (Rc::clone(catalog), session.clone(), texts.clone());
        Callback::from(move |kind: Export| {
            let date = session.today.to_string();
            let (name, text) = match kind {
                Export::TrialCheck => {
                    (format!("trialcheck-answers-{date}.json"), device::to_json(&SavedAnswers::of(&session)))
                }
                Export::Fhir => {
                    let words = |q: &crate::engine::question::Question, option: Option<&str>| match option {
                        Some(o) => texts.option(q, o),
                        None => texts.prompt(q, crate::questionnaire::Mode::Clinician),
                    };
                    let response = questionnaire_response(&catalog, &session, &words);
                    (format!("trialcheck-questionnaire-response-{date}.json"), device::to_json(&response))
                }
            };
            if let Some(text) = text {
                device::download(&name, &text);
            }
        })
    };
    let on_import = {
        let (catalog, today, on_action, import_result, texts) =
            (Rc::clone(catalog), session.today, on_action.clone(), import_result.clone(), texts.clone());
        Callback::from(move |file: web_sys::File| {
            let (catalog, on_action, import_result, texts) =
                (Rc::clone(&catalog), on_action.clone(), import_result.clone(), texts.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = device::read(file).await.unwrap_or_default();
                let result = device::from_json::<SavedAnswers>(&text)
                    .map_err(|u| if u == Unusable::Unreadable { ImportError::Unreadable } else { ImportError::Foreign })
                    .and_then(|saved| saved.restore(&catalog, today))
                    .map(|(mode, answers, history)| on_action.emit(Action::Load { mode, answers, history }));
                import_result.set(Some(import_message(&texts, &result)));
            });
        })
    };
    let trials: Vec<TrialView> = assessments.iter().map(|a| TrialView::new(a, &texts.language)).collect();
    let count = |v: Verdict| assessments.iter().filter(|a| a.verdict == v).count().to_string();
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
                    let refused = session.refused.as_ref().filter(|(r, _)| *r == q.id).map(|(_, e)| e.clone());
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
                    <AnswerFiles {on_export} {on_import} message={(*import_result).clone()} />
                </section>
            }
        }
        Screen::Results => html! {
            <Results trials={trials.clone()} answers={review_rows(&texts, catalog, session)} today={session.today.to_string()} />
        },
    };
    html! {
        <div class="tc" ref={container} lang={texts.language.clone()}>
            <header class="tc-header">
                <LanguagePicker on_change={props.on_language.clone()} />
                <h1>{ texts.get("app-title") }</h1>
                <p class="tc-promise">{ texts.get("privacy-promise") }</p>
            </header>
            if session.screen != Screen::Welcome { { nav(&texts, &trials_named, session.screen, &on_action) } }
            if props.standalone {
                <main>{ body }</main>
            } else {
                <section class="tc-main" aria-label={texts.format("app-region", &[("trials", &trials_named)])}>{ body }</section>
            }
            if session.screen != Screen::Welcome {
                <OnThisDevice remember={*remember} {on_remember} {on_forget} />
            }
            // Verdict changes are read out without moving the focus.
            <p class="tc-visually-hidden" aria-live="polite" aria-atomic="true">{ summary }</p>
        </div>
    }
}
