//! The questionnaire as a pure model: who is answering, which screen is
//! shown, the answers so far, and what each action does to them. No view
//! code and no web dependency: the app wraps it in a reducer, the tests
//! drive it directly.

pub mod canonical;
pub mod confirm;
pub mod fhir;
pub mod fhir_answers;
pub mod fhir_labs;
#[cfg(not(target_arch = "wasm32"))]
pub mod fhir_questionnaire;
pub mod input;
pub mod saved;
pub mod walk;

use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answer, AnswerError, Answers};
use crate::engine::assess::{Assessment, assess_catalog};
use crate::engine::catalog::Catalog;
use crate::engine::question::{AnsweredBy, Group, Kind, Question};
use crate::engine::relevance::questions_to_ask;
pub use saved::Restored;

pub use crate::reader::Mode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Questions,
    Review,
    Results,
}

/// What the questions screen shows now.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<'c> {
    /// One question.
    Ask(&'c Question),
    /// "Do you have a recent lab report?", before any lab value in plain-word modes.
    LabReport,
    /// All the lab values still worth asking, on one form.
    LabPanel(Vec<&'c Question>),
    /// Yes/no questions asked together, as a list to tick (see
    /// `Question::together`); `blank_is_no`: whether the list may offer "the
    /// ones I left blank are No" (`blank_may_be_no`).
    Checklist { questions: Vec<&'c Question>, blank_is_no: bool },
    /// A few short questions about the person on one form (date of birth,
    /// sex, a usual day): see `is_form_question`. With `lab_report`, the
    /// form also asks "Do you have a recent lab report?" (in the plain-word
    /// modes, while it is not known and lab values are worth asking), so
    /// that the lab values can come early, on one form, or not at all.
    Form { questions: Vec<&'c Question>, lab_report: bool },
    /// Nothing more can change a verdict.
    Done,
}

/// A question the person answers at once about themselves (a date or a
/// choice in "about you"): those still worth asking share one form. Numbers
/// with units and lists keep a screen of their own.
pub fn is_form_question(q: &Question) -> bool {
    q.group == Group::AboutYou
        && q.answered_by == AnsweredBy::Person
        && matches!(q.kind, Kind::Date { .. } | Kind::Choice { .. })
}

/// Whether a list may offer "the ones I left blank are No": only when a
/// "No" to none of its items can make a criterion of the catalog not met.
/// A blank is never an answer; where a no could rule someone out, the
/// person gives it, item by item.
pub fn blank_may_be_no(catalog: &Catalog, items: &[&Question]) -> bool {
    items.iter().all(|q| !catalog.no_may_exclude(&q.id))
}

/// A number with a unit read off a lab report (blood counts, liver tests,
/// protein in the urine, heart and lung tests): asked on the lab panel, and
/// unknown without a report. (Yes/no questions about tests are asked in a list.)
pub fn is_lab_value(q: &Question) -> bool {
    match q.kind {
        // INR is a ratio without a unit; a score (SLEDAI-2K) is no lab value.
        Kind::Number { quantity, .. } => {
            q.group == Group::LabResults || (q.answered_by == AnsweredBy::Doctor && quantity.is_some())
        }
        _ => false,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub mode: Mode,
    pub screen: Screen,
    pub answers: Answers,
    /// Ages and dates are counted to this day.
    pub today: Ymd,
    /// Questions in the order they were answered, for going back.
    pub history: Vec<String>,
    /// A question being changed (from Back or the review), shown before any new one.
    pub editing: Option<String>,
    /// The answer to "Do you have a recent lab report?"; `None` until asked.
    pub has_lab_report: Option<bool>,
    /// The answers just refused, each for the form to show beside its question.
    pub refused: Vec<(String, AnswerError)>,
    /// Questions of a list the person left blank to answer later: asked one by one.
    pub one_by_one: std::collections::BTreeSet<String>,
    /// How many screens of questions were answered (for the progress bar).
    pub screens_done: usize,
    /// The countries the person chose as ones they could travel to; `None`
    /// until they choose (the site's preset applies), empty for "any".
    pub countries: Option<Vec<String>>,
    /// Numbers the person confirmed in the unit given, though another unit
    /// would not rule them out (see `confirm`).
    pub confirmed: Vec<(String, Answer)>,
}

/// What a person said of one item of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Yes,
    No,
    /// "I don't know", said of this item with its help text in view: not asked again.
    NotSure,
}

/// On a list to tick, what the items not ticked mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unticked {
    /// "None of the others": each one is a no. Offered only on a list where a
    /// no cannot make any criterion not met (`blank_may_be_no`); elsewhere a
    /// blank item is asked again later, whatever this says.
    No,
    /// "Ask me the blank ones later": each one is asked again on its own, if it still matters.
    NotSure,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Start(Mode),
    Show(Screen),
    Answer {
        question: String,
        answer: Answer,
    },
    /// Several answers from one form (the lab panel); all or none are kept,
    /// and every one refused is said, with the fields the form could not read.
    AnswerAll {
        answers: Vec<(String, Answer)>,
        unreadable: Vec<(String, AnswerError)>,
    },
    /// A list answered at once: `items` were shown, `marked` says what the
    /// person said of some (a "not sure" is their "don't know"); `unticked`
    /// says what the others mean.
    Checklist {
        items: Vec<String>,
        marked: Vec<(String, Mark)>,
        unticked: Unticked,
    },
    /// The form about the person: its answers (as `AnswerAll`), and the
    /// answer to "Do you have a recent lab report?" when the form asked it
    /// and the person gave one. All or nothing is kept.
    Form {
        answers: Vec<(String, Answer)>,
        unreadable: Vec<(String, AnswerError)>,
        lab_report: Option<bool>,
    },
    /// An answer the form could not even read (text where a number belongs).
    Refuse {
        question: String,
        error: AnswerError,
    },
    HasLabReport(bool),
    /// Back to the question answered before the one shown.
    Back,
    Edit {
        question: String,
    },
    TakeBack {
        question: String,
    },
    /// Answers from a file or from this device's storage, already checked.
    Load(Restored),
    /// "Yes, it is 12 mg/dL": these numbers count in the unit given (the
    /// person then sends the question or the form again).
    ConfirmUnits(Vec<(String, Answer)>),
    /// The countries the person could travel to (ISO codes; empty: any).
    Countries(Vec<String>),
    /// "Forget my answers": back to a fresh start.
    Reset,
}

impl Session {
    pub fn new(today: Ymd) -> Session {
        Session {
            mode: Mode::Myself,
            screen: Screen::Welcome,
            answers: Answers::new(),
            today,
            history: Vec::new(),
            editing: None,
            has_lab_report: None,
            refused: Vec::new(),
            one_by_one: Default::default(),
            screens_done: 0,
            countries: None,
            confirmed: Vec::new(),
        }
    }

    /// The session after `action`. A refused answer changes no answer.
    pub fn apply(&self, catalog: &Catalog, action: Action) -> Session {
        let answers_a_screen = matches!(
            action,
            Action::Answer { .. }
                | Action::AnswerAll { .. }
                | Action::Form { .. }
                | Action::Checklist { .. }
                | Action::HasLabReport(_)
        );
        let mut next = self.step_with(catalog, action);
        if answers_a_screen && next.refused.is_empty() {
            next.screens_done = self.screens_done + 1;
        }
        next
    }

    fn step_with(&self, catalog: &Catalog, action: Action) -> Session {
        let mut next = self.clone();
        next.refused = Vec::new();
        match action {
            Action::Start(mode) => {
                next.mode = mode;
                next.screen = Screen::Questions;
                // A clinician has the report at hand.
                next.has_lab_report = (mode == Mode::Clinician).then_some(true).or(self.has_lab_report);
            }
            Action::Show(screen) => next.screen = screen,
            Action::Answer { question, answer } => next.answer_all(catalog, vec![(question, answer)], Vec::new()),
            Action::AnswerAll { answers, unreadable } => next.answer_all(catalog, answers, unreadable),
            Action::Form { answers, unreadable, lab_report } => {
                next.answer_all(catalog, answers, unreadable);
                if let (true, Some(has)) = (next.refused.is_empty(), lab_report) {
                    next.lab_report(catalog, has);
                }
            }
            Action::Checklist { items, marked, unticked } => next.checklist(catalog, &items, &marked, unticked),
            Action::Refuse { question, error } => next.refused = vec![(question, error)],
            Action::HasLabReport(has) => next.lab_report(catalog, has),
            Action::Back => next.back(),
            Action::Edit { question } => {
                next.editing = Some(question);
                next.screen = Screen::Questions;
            }
            Action::TakeBack { question } => {
                next.answers.clear(&question);
                next.history.retain(|h| *h != question);
            }
            Action::Load(restored) => next = self.loaded(restored),
            Action::ConfirmUnits(numbers) => next.confirmed.extend(numbers),
            Action::Countries(mut codes) => {
                crate::sort::sort(&mut codes);
                codes.dedup();
                next.countries = Some(codes);
            }
            Action::Reset => next = Session::new(self.today),
        }
        next
    }

    /// Several answers at once, all or none: a refused one keeps every answer
    /// as it was and is said in the form's order (the first field to fix first).
    fn answer_all(
        &mut self,
        catalog: &Catalog,
        answers: Vec<(String, Answer)>,
        unreadable: Vec<(String, AnswerError)>,
    ) {
        let mut given = self.answers.clone();
        let mut refused = unreadable;
        for (question, answer) in &answers {
            if let Err(error) = given.set(&catalog.bank, question, answer.clone(), self.today) {
                refused.push((question.clone(), error));
            }
        }
        if refused.is_empty() {
            refused = confirm::to_confirm(catalog, &self.answers, &answers, &self.confirmed, self.today);
        }
        if !refused.is_empty() {
            crate::sort::sort_by_key(&mut refused, |(q, _)| catalog.bank.position(q));
            self.refused = refused;
            return;
        }
        self.answers = given;
        for (question, _) in &answers {
            self.answered(question);
        }
    }

    /// A list of yes/no items, each marked or left blank.
    fn checklist(&mut self, catalog: &Catalog, items: &[String], marked: &[(String, Mark)], unticked: Unticked) {
        let mut given = self.answers.clone();
        // A blank is a no only on a list where a no can rule nobody out.
        let blank_is_no = unticked == Unticked::No && items.iter().all(|i| !catalog.no_may_exclude(i));
        for item in items {
            let mark = marked.iter().find(|(i, _)| i == item).map(|(_, m)| *m);
            let answer = match (mark, blank_is_no) {
                (Some(Mark::Yes), _) => Answer::Bool(true),
                (Some(Mark::No), _) | (None, true) => Answer::Bool(false),
                // Weighed, with its help text beside it, and not known: the list's
                // "I don't know", final as on a question of its own.
                (Some(Mark::NotSure), _) => Answer::DontKnow,
                // Not looked at one by one: each comes back on its own, if it still matters.
                (None, false) => {
                    self.one_by_one.insert(item.clone());
                    continue;
                }
            };
            if let Err(error) = given.set(&catalog.bank, item, answer, self.today) {
                self.refused = vec![(item.clone(), error)];
                return;
            }
        }
        self.answers = given;
        let answered: Vec<String> = items.iter().filter(|i| !self.one_by_one.contains(*i)).cloned().collect();
        for item in &answered {
            self.answered(item);
        }
    }

    fn lab_report(&mut self, catalog: &Catalog, has: bool) {
        self.has_lab_report = Some(has);
        if !has {
            // No report: every lab value is unknown, and not asked one by one.
            for q in catalog.bank.iter().filter(|q| is_lab_value(q)) {
                if self.answers.get(&q.id).is_none() {
                    self.answers.dont_know(&q.id);
                }
            }
        }
    }

    /// To the question answered before the one shown; before the first, the welcome.
    fn back(&mut self) {
        let before = match &self.editing {
            Some(q) => self.history.iter().position(|h| h == q).and_then(|i| i.checked_sub(1)),
            None => self.history.len().checked_sub(1),
        };
        match before.and_then(|i| self.history.get(i)).cloned() {
            Some(q) => self.editing = Some(q),
            None => self.screen = Screen::Welcome,
        }
    }

    /// A session from a file's or the device's answers.
    fn loaded(&self, Restored { mode, answers, history, countries, later, lab_report }: Restored) -> Session {
        // From the start, carry on with the questions; from elsewhere (an import on
        // the answers screen), stay to see what came in.
        let screen = if self.screen == Screen::Welcome { Screen::Questions } else { self.screen };
        let mut next = Session {
            mode,
            answers,
            screens_done: history.len(),
            history,
            screen,
            countries,
            one_by_one: crate::sort::set(later),
            ..Session::new(self.today)
        };
        next.has_lab_report = (mode == Mode::Clinician).then_some(true).or(lab_report);
        next
    }

    fn answered(&mut self, question: &str) {
        if !self.history.iter().any(|h| h == question) {
            self.history.push(question.to_string());
        }
        if self.editing.as_deref() == Some(question) {
            self.editing = None;
        }
    }

    pub fn assess<'c>(&self, catalog: &'c Catalog, trials: &[String]) -> Vec<Assessment<'c>> {
        assess_catalog(catalog, &self.answers, self.today, trials)
    }

    /// The questions still worth asking, in the order this mode asks them:
    /// for people answering from memory, what they can answer comes first;
    /// then, with a lab report at hand, its values (one form that settles
    /// many criteria at once), else the doctor's questions first and the
    /// lab values last.
    pub fn to_ask<'c>(&self, catalog: &'c Catalog, assessments: &[Assessment]) -> Vec<&'c Question> {
        let mut questions = questions_to_ask(&catalog.bank, assessments, &self.answers);
        if self.mode != Mode::Clinician {
            let report = self.has_lab_report == Some(true);
            crate::sort::sort_by_key(&mut questions, |q| match (q.answered_by, is_lab_value(q)) {
                (AnsweredBy::Person, _) => 0,
                (_, lab) if lab == report => 1,
                _ => 2,
            });
        }
        questions
    }

    /// Whether "Do you have a recent lab report?" is still to be asked.
    fn lab_report_unknown(&self, to_ask: &[&Question]) -> bool {
        self.has_lab_report.is_none() && to_ask.iter().any(|q| is_lab_value(q))
    }

    /// What the questions screen shows now.
    pub fn step<'c>(&self, catalog: &'c Catalog, assessments: &[Assessment]) -> Step<'c> {
        self.step_of(catalog, self.to_ask(catalog, assessments))
    }

    /// The step and the progress from one list of questions still worth
    /// asking (working it out is the costly part, so it is done once).
    pub fn step_and_progress<'c>(
        &self,
        catalog: &'c Catalog,
        assessments: &[Assessment],
    ) -> (Step<'c>, (usize, usize)) {
        let to_ask = self.to_ask(catalog, assessments);
        let progress = self.progress_of(&to_ask);
        (self.step_of(catalog, to_ask), progress)
    }

    fn step_of<'c>(&self, catalog: &'c Catalog, to_ask: Vec<&'c Question>) -> Step<'c> {
        if let Some(q) = self.editing.as_deref().and_then(|id| catalog.bank.get(id)) {
            return Step::Ask(q);
        }
        match to_ask.first() {
            None => Step::Done,
            Some(q) if is_form_question(q) => {
                let lab_report = self.lab_report_unknown(&to_ask);
                let questions: Vec<&Question> = to_ask.iter().copied().filter(|o| is_form_question(o)).collect();
                if questions.len() > 1 || lab_report { Step::Form { questions, lab_report } } else { Step::Ask(q) }
            }
            Some(q) if is_lab_value(q) => {
                if self.has_lab_report.is_none() {
                    Step::LabReport
                } else {
                    Step::LabPanel(to_ask.into_iter().filter(|q| is_lab_value(q)).collect())
                }
            }
            Some(q) => match q.together.as_deref().filter(|_| !self.one_by_one.contains(&q.id)) {
                // The whole list comes at once, its first question decides when;
                // a list of one is that question, asked on its own.
                Some(key) => {
                    let list: Vec<&Question> = (to_ask.iter().copied())
                        .filter(|o| o.together.as_deref() == Some(key) && !self.one_by_one.contains(&o.id))
                        .collect();
                    if list.len() > 1 {
                        let blank_is_no = blank_may_be_no(catalog, &list);
                        Step::Checklist { questions: list, blank_is_no }
                    } else {
                        Step::Ask(q)
                    }
                }
                None => Step::Ask(q),
            },
        }
    }

    /// The items of a tick list that other answers already settle (the
    /// biopsy's class for the EULAR/ACR list): (item, present). The list shows
    /// those present as ticked and leaves out those absent, so nothing is
    /// asked twice.
    pub fn settled_items(&self, catalog: &Catalog, question: &str) -> Vec<(String, bool)> {
        let answers = &self.answers;
        let facts = crate::engine::rule::Facts::new(answers, self.today);
        (catalog.implied.of(question).iter())
            .filter_map(|i| i.when.truth(&facts).0.known().map(|present| (i.item.clone(), present)))
            .collect()
    }

    /// (screens answered, about how many screens more), counted as the
    /// person sees them: the lab values are one screen, a list to tick is
    /// one. The first never goes down; the second shrinks as answers close
    /// questions (and may grow when one opens others).
    pub fn progress(&self, catalog: &Catalog, assessments: &[Assessment]) -> (usize, usize) {
        self.progress_of(&self.to_ask(catalog, assessments))
    }

    fn progress_of(&self, to_ask: &[&Question]) -> (usize, usize) {
        let labs = to_ask.iter().any(|q| is_lab_value(q));
        let forms = to_ask.iter().filter(|q| is_form_question(q)).count().min(1);
        let lab_screens = match (labs, self.has_lab_report) {
            (false, _) | (true, Some(false)) => 0,
            (true, Some(true)) => 1,
            // The form to come asks whether there is a report.
            (true, None) => 2 - forms,
        };
        let lists: std::collections::BTreeSet<&str> = crate::sort::set(
            to_ask.iter().filter(|q| !self.one_by_one.contains(&q.id)).filter_map(|q| q.together.as_deref()),
        );
        let singles = to_ask
            .iter()
            .filter(|q| !is_lab_value(q) && !is_form_question(q))
            .filter(|q| q.together.is_none() || self.one_by_one.contains(&q.id))
            .count();
        (self.screens_done, singles + lists.len() + lab_screens + forms)
    }
}

#[cfg(test)]
mod tests;
