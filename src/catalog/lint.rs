//! Warnings about trial files that are valid but go around the project's
//! rules for an honest "not eligible" (docs/estimates.md):
//! a rule that reads a question a shared name covers, a window since an
//! event written by hand, a judgement word in the registry text under a rule
//! that can rule someone out without the study team. An author silences one
//! only with a written reason in the criterion: `waived.<code> = "why"`.

use super::schema::TrialSpec;
use super::{CatalogError, PathPart};
use crate::engine::logic::Tri;
use crate::engine::question::QuestionBank;
use crate::engine::rule::syntax::{self, Expr, ExprKind};
use crate::engine::trial::{Side, Trial};
use std::fmt;

/// What a warning is about; its name is the key that waives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Code {
    /// A rule reads a question (or calls a function) a shared name covers.
    RawQuestion,
    /// A rule counts months since an event by hand (`months_since`).
    Window,
    /// The registry text carries a judgement word, and the rule can make the
    /// criterion not met without the study team.
    JudgementWord,
    /// A waiver names no warning, or one this criterion does not raise.
    Waiver,
    /// The trial has no reference patient beside it.
    ReferencePatient,
}

impl Code {
    pub const WAIVABLE: [Code; 3] = [Code::RawQuestion, Code::Window, Code::JudgementWord];

    pub fn name(self) -> &'static str {
        match self {
            Code::RawQuestion => "raw_question",
            Code::Window => "window",
            Code::JudgementWord => "judgement_word",
            Code::Waiver => "waiver",
            Code::ReferencePatient => "reference_patient",
        }
    }
}

/// Words that leave a reading to the study team's judgement.
pub const JUDGEMENT_WORDS: [&str; 7] =
    ["opinion", "obvious", "significant", "adequate", "intoleran", "severe", "uncontrolled"];

/// A warning: the problem's place and words, and what it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub code: Code,
    pub at: CatalogError,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning[{}]: {}", self.code.name(), self.at)
    }
}

/// Every warning for one trial file (`spec`, as written) whose rules
/// compiled to `trial` against `bank`; `base` is the trial's place in its file.
pub fn trial(spec: &TrialSpec, trial: &Trial, bank: &QuestionBank, file: &str, base: &[PathPart]) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, (c, compiled)) in spec.criterion.iter().zip(&trial.criteria).enumerate() {
        let at = |field: &str| {
            let mut p = base.to_vec();
            p.extend([PathPart::Key("criterion".into()), PathPart::Index(i), PathPart::Key(field.into())]);
            p
        };
        let mut raised: Vec<Warning> = Vec::new();
        for (field, text) in [("rule", &c.rule), ("evidence", &c.evidence)] {
            let Some(text) = text else { continue };
            let Ok(expr) = syntax::parse(text) else { continue };
            for (name, offset) in names(&expr) {
                if let Some(shared) = bank.shared().iter().find(|s| s.covers.iter().any(|c| c == name)) {
                    let mut e = CatalogError::new(file, at(field), format!("`{name}` is read directly"));
                    e.offset = Some(offset);
                    e.width = u16::try_from(name.len()).ok();
                    e.help = Some(
                        format!("use `{}` ({}), or say why not in `waived.raw_question`", shared.usage(), shared.about)
                            .into(),
                    );
                    raised.push(Warning { code: Code::RawQuestion, at: e });
                }
                if name == "months_since" {
                    let mut e = CatalogError::new(
                        file,
                        at(field),
                        "a window since an event is counted by hand: past it, the criterion is not met, though time or a new test may settle it",
                    );
                    e.offset = Some(offset);
                    e.width = u16::try_from(name.len()).ok();
                    e.help = Some("use a shared name that says who settles an old date (`biopsy_counts_within`), or say why in `waived.window`".into());
                    raised.push(Warning { code: Code::Window, at: e });
                }
            }
        }
        let lower = c.original.to_lowercase();
        let word = JUDGEMENT_WORDS.iter().find(|w| lower.contains(*w));
        if let (Some(word), Some(rule)) = (word, &compiled.rule) {
            let against = if c.side == Side::Inclusion { Tri::False } else { Tri::True };
            if rule.node.reach().can(against) {
                let mut e = CatalogError::new(
                    file,
                    at("original"),
                    format!(
                        "the registry text says \"{word}…\", a judgement, yet the rule can rule someone out without the study team"
                    ),
                );
                e.help = Some("leave the judgement to the study team (`... and study_team`, `... or study_team`, or a criterion of its own with `decided_by`), or say why the rule reads it in `waived.judgement_word`".into());
                raised.push(Warning { code: Code::JudgementWord, at: e });
            }
        }
        // A written reason silences its warning; a reason with nothing to silence is a warning itself.
        for (code, reason) in &c.waived {
            let known = Code::WAIVABLE.iter().find(|k| k.name() == code);
            let used = known.is_some_and(|k| raised.iter().any(|w| w.code == *k));
            if !used || reason.trim().is_empty() {
                let message = match known {
                    None => {
                        format!("`waived.{code}` names no warning (warnings: raw_question, window, judgement_word)")
                    }
                    Some(_) if reason.trim().is_empty() => format!("`waived.{code}` gives no reason"),
                    Some(_) => format!("`waived.{code}`: this criterion raises no such warning"),
                };
                out.push(Warning { code: Code::Waiver, at: CatalogError::new(file, at("waived"), message) });
            }
        }
        raised.retain(|w| c.waived.get(w.code.name()).is_none_or(|r| r.trim().is_empty()));
        out.extend(raised);
    }
    out
}

/// Every name a rule uses, a function's included, with its byte offset.
fn names<'a>(expr: &Expr<'a>) -> Vec<(&'a str, usize)> {
    let mut out = Vec::new();
    walk(expr, &mut out);
    out
}

fn walk<'a>(e: &Expr<'a>, out: &mut Vec<(&'a str, usize)>) {
    match &e.kind {
        ExprKind::Name(n) => out.push((n, e.span.start)),
        ExprKind::Call { name, name_span, args } => {
            out.push((name, name_span.start));
            args.iter().for_each(|a| walk(a, out));
        }
        ExprKind::Not(a) | ExprKind::Neg(a) => walk(a, out),
        ExprKind::Binary(_, a, b) => {
            walk(a, out);
            walk(b, out);
        }
        ExprKind::In { value, list, .. } => {
            walk(value, out);
            walk(list, out);
        }
        ExprKind::Number { .. } | ExprKind::Bool(_) | ExprKind::List(_) => {}
    }
}
