//! The questionnaire as a pure model: the answers so far and what happens
//! when a person answers, changes or takes back an answer. No view code and
//! no web dependency: the app wraps it in a reducer, the tests drive it directly.

pub mod input;

use crate::catalog::Catalog;
use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answer, AnswerError, Answers};
use crate::engine::question::Question;
use crate::engine::verdict::Assessment;

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub answers: Answers,
    /// Ages and dates are counted to this day.
    pub today: Ymd,
    /// The last refused answer, for the form to show beside its question.
    pub refused: Option<(String, AnswerError)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Answer {
        question: String,
        answer: Answer,
    },
    /// An answer the form could not even read (text where a number belongs).
    Refuse {
        question: String,
        error: AnswerError,
    },
    TakeBack {
        question: String,
    },
}

impl Session {
    pub fn new(today: Ymd) -> Session {
        Session {
            answers: Answers::new(),
            today,
            refused: None,
        }
    }

    /// The session after `action`. A refused answer changes no answer.
    pub fn apply(&self, catalog: &Catalog, action: Action) -> Session {
        let mut next = self.clone();
        next.refused = None;
        match action {
            Action::Answer { question, answer } => {
                if let Err(error) = next
                    .answers
                    .set(&catalog.bank, &question, answer, self.today)
                {
                    next.refused = Some((question, error));
                }
            }
            Action::Refuse { question, error } => next.refused = Some((question, error)),
            Action::TakeBack { question } => next.answers.clear(&question),
        }
        next
    }

    pub fn assess<'c>(&self, catalog: &'c Catalog, trials: &[String]) -> Vec<Assessment<'c>> {
        catalog.assess(&self.answers, self.today, trials)
    }

    /// The next question worth asking, if any.
    pub fn next_question<'c>(
        &self,
        catalog: &'c Catalog,
        assessments: &[Assessment],
    ) -> Option<&'c Question> {
        catalog
            .questions_to_ask(assessments, &self.answers)
            .into_iter()
            .next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::verdict::Verdict;

    fn today() -> Ymd {
        Ymd::parse("2026-11-21").unwrap()
    }

    fn answer(id: &str, answer: Answer) -> Action {
        Action::Answer {
            question: id.into(),
            answer,
        }
    }

    #[test]
    fn the_first_question_is_the_date_of_birth_and_answering_it_changes_a_verdict() {
        let catalog = Catalog::shipped().unwrap();
        let session = Session::new(today());
        let assessments = session.assess(&catalog, &[]);
        assert!(assessments.iter().all(|a| a.verdict == Verdict::Undecided));
        assert_eq!(
            session
                .next_question(&catalog, &assessments)
                .map(|q| q.id.as_str()),
            Some("date_of_birth")
        );
        let dob = crate::clinical::dates::PartialDate::parse("2016-03-15").unwrap();
        let session = session.apply(&catalog, answer("date_of_birth", Answer::Date(dob)));
        let hanoi = session.assess(&catalog, &["NCT07432334".into()]).remove(0);
        assert_eq!(hanoi.verdict, Verdict::NotEligible);
    }

    #[test]
    fn an_impossible_answer_is_refused_and_changes_nothing() {
        let catalog = Catalog::shipped().unwrap();
        let session = Session::new(today()).apply(
            &catalog,
            answer(
                "creatinine",
                Answer::Number {
                    value: 0.0,
                    unit: Some("mg/dL".into()),
                },
            ),
        );
        assert!(session.answers.is_empty());
        assert!(
            matches!(session.refused, Some((ref q, AnswerError::OutOfRange { .. })) if q == "creatinine")
        );
        // The next good answer clears the message.
        let session = session.apply(
            &catalog,
            answer(
                "creatinine",
                Answer::Number {
                    value: 0.7,
                    unit: Some("mg/dL".into()),
                },
            ),
        );
        assert_eq!(session.refused, None);
    }

    #[test]
    fn taking_an_answer_back_makes_its_question_open_again() {
        let catalog = Catalog::shipped().unwrap();
        let session = Session::new(today())
            .apply(&catalog, answer("sle_diagnosed", Answer::Bool(true)))
            .apply(
                &catalog,
                Action::TakeBack {
                    question: "sle_diagnosed".into(),
                },
            );
        assert!(session.answers.get("sle_diagnosed").is_none());
    }
}
