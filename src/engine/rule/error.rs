//! The one error every phase of the rule language reports: what kind of
//! mistake, where in the rule text, what is wrong, and apart from that what
//! may fix it ("did you mean `creatinine`?").

use super::span::Span;
use std::fmt;

/// What kind of mistake a rule holds: tests and tools match this, not the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The text does not parse.
    Syntax,
    /// A question or function that does not exist.
    UnknownName,
    /// A function needs a question the bank does not have, or not of that kind.
    MissingInput,
    /// A condition where a number belongs, a question where a condition does...
    Type,
    /// A unit that does not fit its quantity, or a number without one.
    Unit,
    /// An option or item the question or calculator does not have.
    Option,
    /// A function given the wrong number or kind of arguments.
    Arguments,
    /// A shared name used wrongly, or using itself.
    Shared,
    /// `not` around `study_team`.
    StudyTeamNegated,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RuleError {
    pub kind: Kind,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

impl RuleError {
    pub fn new(kind: Kind, span: Span, message: impl Into<String>) -> RuleError {
        RuleError { kind, span, message: message.into(), help: None }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> RuleError {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.span.start + 1)?;
        if let Some(help) = &self.help {
            write!(f, "; {help}")?;
        }
        Ok(())
    }
}
