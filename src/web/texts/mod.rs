//! The words on screen, shared with every component through a context, so
//! that no component holds user-visible text of its own.

use crate::engine::question::Question;
use crate::questionnaire::Mode;
use crate::text::Messages;
use std::rc::Rc;
use yew::prelude::*;

mod values;

/// The texts of the widget this component is in. Outside one (a component
/// shown on its own), no words were fetched: it shows message ids rather
/// than nothing, so a mistake is seen, never a blank widget.
#[hook]
pub fn use_texts() -> Texts {
    use_context::<Texts>().unwrap_or_else(|| Texts::new(Rc::new(Messages::default()), "en"))
}

#[derive(Clone)]
pub struct Texts {
    messages: Rc<Messages>,
    pub language: String,
    /// Who is answering, once chosen: a message with a `-clinician` form
    /// speaks to a clinician in clinician mode (see `in_mode`).
    mode: Option<Mode>,
}

impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        Rc::ptr_eq(&self.messages, &other.messages) && self.language == other.language && self.mode == other.mode
    }
}

impl Texts {
    pub fn new(messages: Rc<Messages>, language: &str) -> Texts {
        Texts { messages, language: language.to_string(), mode: None }
    }

    /// The same words for who is answering: in clinician mode every message
    /// that has a `-clinician` form uses it ("the patient", not "you").
    pub fn in_mode(&self, mode: Mode) -> Texts {
        Texts { mode: Some(mode), ..self.clone() }
    }

    /// `id`, or its clinician form where the mode asks for it and it exists
    /// (`probe` tells the form a message id is looked up by: a plural's `-other`).
    fn resolve(&self, id: &str, probe: &str) -> String {
        let clinician = format!("{id}-clinician");
        match self.mode {
            Some(Mode::Clinician) if self.messages.get(&self.language, &format!("{clinician}{probe}")).is_some() => {
                clinician
            }
            _ => id.to_string(),
        }
    }

    /// The message, in English where the language lacks it (the language's
    /// file carries the English for that). Tests fail when any language lacks
    /// a message; should one still be missing, its id shows, never nothing.
    pub fn get(&self, id: &str) -> String {
        let id = self.resolve(id, "");
        self.messages.get(&self.language, &id).unwrap_or(&id).to_string()
    }

    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.messages.format(&self.language, &self.resolve(id, ""), args).unwrap_or_default()
    }

    /// The `-one` or `-other` form of `id` for `count`, with `{count}` filled in.
    pub fn plural(&self, id: &str, count: usize) -> String {
        self.messages.plural(&self.language, &self.resolve(id, "-other"), count).unwrap_or_default()
    }

    /// The words of `id` for who is answering: `id-child`, `id-clinician`, else `id`.
    pub fn variant(&self, id: &str, mode: Mode) -> String {
        let suffix = match mode {
            Mode::Myself => None,
            Mode::MyChild => Some("child"),
            Mode::Clinician => Some("clinician"),
        };
        suffix
            .and_then(|s| self.messages.get(&self.language, &format!("{id}-{s}")))
            .map(String::from)
            .unwrap_or_else(|| self.get(id))
    }

    /// The question in the words of who is answering.
    pub fn prompt(&self, question: &Question, mode: Mode) -> String {
        self.variant(&question.prompt_id(), mode)
    }

    /// Help text, if the question has any.
    pub fn help(&self, question: &Question) -> Option<String> {
        self.messages.get(&self.language, &question.help_id()).map(String::from)
    }

    pub fn option(&self, question: &Question, option: &str) -> String {
        self.get(&question.option_id(option))
    }

    /// A country's name in the language; for a code the locales do not name
    /// (a site's own catalog), its English name, else the code itself.
    pub fn country(&self, code: &str) -> String {
        (self.messages.get(&self.language, &format!("country-{code}")).map(String::from))
            .or_else(|| crate::catalog::countries::english_name(code).map(String::from))
            .unwrap_or_else(|| code.to_string())
    }

    /// A trial's verdict in words (see `text::verdict_words`).
    pub fn verdict(&self, a: &crate::engine::assess::Assessment) -> String {
        crate::text::verdict_words(&self.messages, &self.language, a)
    }

    /// What a wait or the study team's doubt adds to a criterion (see `text::criterion_note`).
    pub fn note(&self, c: &crate::engine::assess::CriterionResult) -> Option<String> {
        crate::text::criterion_note(&self.messages, &self.language, c)
    }

    /// A trial's recruitment in words (see `text::status_words`).
    pub fn status(&self, status: &crate::engine::trial::Status) -> String {
        crate::text::status_words(&self.messages, &self.language, status)
    }

    /// A computed value in words (see `text::computed_words`).
    pub fn computed(&self, c: &crate::engine::assess::Computed) -> String {
        crate::text::computed_words(&self.messages, &self.language, c)
    }

    pub fn dont_know(&self, mode: Mode) -> String {
        self.get(if mode == Mode::Clinician { "answer-dont-know-clinician" } else { "answer-dont-know" })
    }

    /// "I don't know" for this question: for a test that may never have been
    /// done, "Never tested / I don't know", so that No is kept for a result.
    pub fn dont_know_for(&self, question: &Question, mode: Mode) -> String {
        match (question.never_tested, mode) {
            (true, Mode::Clinician) => self.get("answer-never-tested-clinician"),
            (true, _) => self.get("answer-never-tested"),
            (false, _) => self.dont_know(mode),
        }
    }
}
