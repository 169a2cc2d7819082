//! The words on screen, shared with every component through a context, so
//! that no component holds user-visible text of its own.

use crate::text::Messages;
use std::rc::Rc;

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
        Texts {
            messages: Rc::new(messages),
            language: language.to_string(),
        }
    }

    /// The message, or its id where a text is missing (a test keeps that from shipping).
    pub fn get(&self, id: &str) -> String {
        self.messages
            .get(&self.language, id)
            .unwrap_or(id)
            .to_string()
    }

    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.messages
            .format(&self.language, id, args)
            .unwrap_or_else(|| id.to_string())
    }
}
