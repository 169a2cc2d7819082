//! The whole questionnaire as a page: owns the session (remembered on the
//! device only when asked), derives what each screen shows from the pure
//! model, and hands it to the presentational screens.

use crate::engine::assess::Verdict;
use crate::engine::catalog::Catalog;
use crate::engine::travel;
use crate::questionnaire::{Action, Screen, Session};
use crate::settings::Settings;
use crate::web::components::language_picker::LanguagePicker;
use crate::web::components::on_this_device::OnThisDevice;
use crate::web::components::open_answers::OpenAnswers;
use crate::web::components::questions_screen::{QuestionsScreen, StepView};
use crate::web::components::results::Results;
use crate::web::components::review::ReviewRow;
use crate::web::components::review_screen::ReviewScreen;
use crate::web::components::trial_card::{CompactView, TrialView};
use crate::web::components::welcome::Welcome;
use crate::web::hooks::focus::Interacted;
use crate::web::hooks::remembered::use_remembered_session;
use crate::web::texts::{Texts, use_texts};
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

fn nav(texts: &Texts, trials: &str, screen: Screen, on_action: &Callback<Action>) -> Html {
    let tab = |target: Screen, label: &str| {
        let current = (screen == target).then_some("page");
        let onclick = on_action.reform(move |_| Action::Show(target));
        html! {
            <li><button type="button" class="tc-tab" aria-current={current} {onclick}>{ texts.get(label) }</button></li>
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

/// The answers given, in the bank's order: what was asked or answered, not
/// the lab values set to "don't know" at once by "no lab report".
fn review_rows(texts: &Texts, catalog: &Catalog, session: &Session) -> Vec<ReviewRow> {
    catalog
        .bank
        .iter()
        .filter_map(|q| {
            let answer = session.answers.get(&q.id)?;
            let given = session.history.contains(&q.id) || *answer != crate::engine::answer::Answer::DontKnow;
            given.then(|| ReviewRow {
                question: q.id.clone(),
                prompt: texts.prompt(q, session.mode),
                answer: texts.answer(q, answer, session.mode),
            })
        })
        .collect()
}

/// "2 likely eligible, 5 not decided yet, 3 not eligible" (and how many wait).
fn summary_line(texts: &Texts, assessments: &[crate::engine::assess::Assessment]) -> String {
    let count = |v: Verdict| assessments.iter().filter(|a| a.verdict == v).count().to_string();
    let mut summary = texts.format(
        "results-summary",
        &[
            ("eligible", &count(Verdict::LikelyEligible)),
            ("undecided", &count(Verdict::Undecided)),
            ("ineligible", &count(Verdict::NotEligible)),
        ],
    );
    // "Not yet" is said only when some trial is waiting.
    if assessments.iter().any(|a| a.verdict == Verdict::NotYet) {
        summary.push(' ');
        summary.push_str(&texts.format("results-summary-not-yet", &[("count", &count(Verdict::NotYet))]));
    }
    summary
}

/// The results screen: whole cards (facts, every criterion), near, far and closed.
fn results(
    texts: &Texts,
    catalog: &Rc<Catalog>,
    session: &Session,
    arranged: &travel::Arranged,
    chosen: Vec<String>,
    summary: &str,
    on_action: &Callback<Action>,
) -> Html {
    let view = |list: &[&crate::engine::assess::Assessment]| -> Vec<TrialView> {
        list.iter().map(|a| TrialView::new(a, texts)).collect()
    };
    let all = arranged.near.iter().chain(&arranged.far).chain(&arranged.closed);
    let countries = travel::countries(all.map(|a| a.trial));
    let (near, far, closed) = (view(&arranged.near), view(&arranged.far), view(&arranged.closed));
    html! {
        <Results {near} {far} {closed} {countries} {chosen} on_countries={on_action.reform(Action::Countries)} summary={summary.to_string()}
            answers={review_rows(texts, catalog, session)} today={session.today.to_string()}
            on_answers={on_action.reform(|()| Action::Show(Screen::Review))} />
    }
}

#[component]
pub fn Screening(props: &Props) -> Html {
    let remembered = use_remembered_session(Rc::clone(&props.catalog), Rc::clone(&props.settings));
    let texts = use_texts();
    let screening = &remembered.screening;
    let on_action = {
        let dispatcher = screening.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action.into()))
    };
    // A language switch brings this build's catalog in the new language.
    // (Compared by address: comparing the catalogs themselves would read
    // every trial on every answer.)
    {
        let (dispatcher, catalog) = (screening.dispatcher(), Rc::clone(&props.catalog));
        use_effect_with(Rc::as_ptr(&props.catalog) as usize, move |_| {
            dispatcher.dispatch(crate::web::state::Change::Catalog(catalog));
        });
    }
    let (catalog, session) = (&screening.catalog, &screening.session);
    // Once the person has said who is answering, every screen speaks to them
    // (a clinician reads "the patient", not "you").
    let texts = if session.screen == Screen::Welcome { texts } else { texts.in_mode(session.mode) };
    // Kept current by the reducer: only what an answer changed is assessed again.
    let assessments = screening.assessments();
    // Names this widget's landmarks apart from another widget's on the same page.
    let trials_named =
        if props.settings.trials.is_empty() { texts.get("all-trials") } else { props.settings.trials.join(", ") };
    // The person's choice of countries, else the site's preset; the trials
    // with a site there first, the others after them, none hidden.
    let chosen = session.countries.clone().unwrap_or_else(|| props.settings.countries.clone());
    let arranged = travel::arrange(assessments, &chosen);
    let summary = summary_line(&texts, assessments);
    let body = match session.screen {
        Screen::Welcome => {
            let countries = travel::countries(assessments.iter().map(|a| a.trial));
            let open = html! {
                <OpenAnswers catalog={Rc::clone(catalog)} today={session.today} mode={session.mode} on_action={on_action.clone()} />
            };
            html! { <Welcome trials={assessments.len()} {countries} on_start={on_action.reform(Action::Start)} {open} /> }
        }
        Screen::Questions => {
            let (step, progress) = session.step_and_progress(catalog, assessments);
            let step = StepView::new(step, session, catalog);
            // Beside the questions, on every answer, the compact view of the first trials.
            let (shown, more) = arranged.first(travel::BESIDE_QUESTIONS);
            let trials: Vec<CompactView> = shown.iter().map(|a| CompactView::new(a, &texts)).collect();
            html! { <QuestionsScreen {step} mode={session.mode} {progress} {trials} {more} summary={summary.clone()} on_action={on_action.clone()} /> }
        }
        Screen::Review => html! {
            <ReviewScreen rows={review_rows(&texts, catalog, session)} catalog={Rc::clone(catalog)} settings={Rc::clone(&props.settings)} session={session.clone()} on_action={on_action.clone()} />
        },
        Screen::Results => results(&texts, catalog, session, &arranged, chosen, &summary, &on_action),
    };
    // The first click or key inside lets screens take the focus (see `hooks::focus`). A click,
    // not a pointer press: a screen reader activates a button with a click alone. Yew renders
    // in a microtask, so this runs before the new screen's focus effect.
    let (clicked, keyed) = match use_context::<Interacted>() {
        Some(i) => {
            let j = i.clone();
            (Callback::from(move |_: MouseEvent| i.mark()), Callback::from(move |_: KeyboardEvent| j.mark()))
        }
        None => (Callback::noop(), Callback::noop()),
    };
    html! {
        <ContextProvider<Texts> context={texts.clone()}>
        <div class="tc" lang={texts.language.clone()} onclick={clicked} onkeydown={keyed}>
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
                <OnThisDevice remember={remembered.remember} on_remember={remembered.on_remember.clone()} on_forget={remembered.on_forget.clone()} />
            }
            // Verdict changes are read out without moving the focus.
            <p class="tc-visually-hidden" aria-live="polite" aria-atomic="true">{ summary }</p>
        </div>
        </ContextProvider<Texts>>
    }
}
