//! The words on screen, shared with every component through a context, so
//! that no component holds user-visible text of its own.

use crate::engine::question::Question;
use crate::questionnaire::Mode;
use crate::text::Messages;
use std::rc::Rc;
use yew::prelude::*;

thread_local! {
    /// English, for a component that finds no texts in its context: a widget
    /// is never blank for want of words.
    static ENGLISH: Texts = Texts::new(super::data::shipped_messages().unwrap_or_default(), "en");
}

/// The texts of the widget this component is in, or English.
#[hook]
pub fn use_texts() -> Texts {
    use_context::<Texts>().unwrap_or_else(|| ENGLISH.with(Clone::clone))
}

#[derive(Clone)]
pub struct Texts {
    messages: Rc<Messages>,
    pub language: String,
}

impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        Rc::ptr_eq(&self.messages, &other.messages) && self.language == other.language
    }
}

impl Texts {
    pub fn new(messages: Messages, language: &str) -> Texts {
        Texts { messages: Rc::new(messages), language: language.to_string() }
    }

    /// The message, in English where the language lacks it; never a raw id
    /// (tests fail when any language lacks a message).
    pub fn get(&self, id: &str) -> String {
        self.messages.get(&self.language, id).unwrap_or_default().to_string()
    }

    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.messages.format(&self.language, id, args).unwrap_or_default()
    }

    /// The `-one` or `-other` form of `id` for `count`, with `{count}` filled in.
    pub fn plural(&self, id: &str, count: usize) -> String {
        self.messages.plural(&self.language, id, count).unwrap_or_default()
    }

    fn variant(&self, id: &str, mode: Mode) -> String {
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

    pub fn dont_know(&self, mode: Mode) -> String {
        self.get(if mode == Mode::Clinician { "answer-dont-know-clinician" } else { "answer-dont-know" })
    }
}
