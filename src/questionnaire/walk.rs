//! A person walked through the questionnaire by the same code the app runs:
//! each screen shown, answered from what the person knows ("I don't know"
//! for the rest), until nothing more can change a verdict. The command
//! line's `next` and `simulate` and the tests use it to count screens.

use super::{Action, Mark, Mode, Session, Step, Unticked};
use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answer, AnswerError, Answers};
use crate::engine::catalog::Catalog;
use serde::Serialize;

/// One screen: what kind, and the questions it asks, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Screen {
    pub kind: &'static str,
    pub questions: Vec<String>,
}

impl Screen {
    /// What `step` shows, as data (`done` when nothing more can change a verdict).
    pub fn of(step: &Step) -> Screen {
        match step {
            Step::Ask(q) => Screen { kind: "question", questions: vec![q.id.clone()] },
            Step::LabReport => Screen { kind: "lab_report", questions: vec![] },
            Step::LabPanel(qs) => Screen { kind: "lab_panel", questions: qs.iter().map(|q| q.id.clone()).collect() },
            Step::Checklist { questions, .. } => {
                Screen { kind: "checklist", questions: questions.iter().map(|q| q.id.clone()).collect() }
            }
            Step::Form { questions, lab_report } => Screen {
                kind: "form",
                questions: (questions.iter().map(|q| q.id.clone()))
                    .chain(lab_report.then(|| "lab_report".to_string()))
                    .collect(),
            },
            Step::Done => Screen { kind: "done", questions: vec![] },
        }
    }
}

/// The walk: the screens shown, in order, and the session at the end.
pub struct Walk {
    pub screens: Vec<Screen>,
    pub end: Session,
}

/// Walks a person who knows `facts` from no answers to done.
pub fn walk(catalog: &Catalog, mode: Mode, lab_report: bool, facts: &Answers, today: Ymd) -> Walk {
    let mut s = Session::new(today).apply(catalog, Action::Start(mode));
    let mut screens = Vec::new();
    let known = |id: &str| facts.get(id).cloned().unwrap_or(Answer::DontKnow);
    // Each screen answers at least one question, so the bank's size bounds the walk.
    for _ in 0..=catalog.bank.len() + 1 {
        let assessed = s.assess(catalog, &[]);
        let step = s.step(catalog, &assessed);
        let action = match &step {
            Step::Done => break,
            Step::Ask(q) => Action::Answer { question: q.id.clone(), answer: known(&q.id) },
            Step::LabReport => Action::HasLabReport(lab_report),
            Step::LabPanel(qs) => Action::AnswerAll {
                answers: qs.iter().map(|q| (q.id.clone(), known(&q.id))).collect(),
                unreadable: vec![],
            },
            Step::Form { questions, lab_report: asked } => Action::Form {
                answers: questions.iter().map(|q| (q.id.clone(), known(&q.id))).collect(),
                unreadable: vec![],
                lab_report: asked.then_some(lab_report),
            },
            // Ticks what is so, marks what the person does not know as "not sure",
            // and "none of the others" for the rest, each known to be no.
            Step::Checklist { questions: qs, .. } => {
                let items: Vec<String> = qs.iter().map(|q| q.id.clone()).collect();
                let marked = (items.iter())
                    .map(|i| {
                        let mark = match known(i) {
                            Answer::Bool(true) => Mark::Yes,
                            Answer::Bool(false) => Mark::No,
                            _ => Mark::NotSure,
                        };
                        (i.clone(), mark)
                    })
                    .collect();
                Action::Checklist { items, marked, unticked: Unticked::No }
            }
        };
        screens.push(Screen::of(&step));
        let next = s.apply(catalog, action.clone());
        // The facts are what the report says: a number said back for its unit is confirmed.
        let unusual: Vec<(String, Answer)> = (next.refused.iter())
            .filter(|(_, e)| matches!(e, AnswerError::Unusual { .. }))
            .map(|(q, _)| (q.clone(), known(q)))
            .collect();
        s = if unusual.is_empty() || unusual.len() < next.refused.len() {
            next
        } else {
            s.apply(catalog, Action::ConfirmUnits(unusual)).apply(catalog, action)
        };
    }
    Walk { screens, end: s }
}

/// What the person can give at all: the facts, less the lab values without a report.
pub fn givable(catalog: &Catalog, mode: Mode, lab_report: bool, facts: &Answers) -> Answers {
    let mut given = facts.clone();
    if !lab_report && mode != Mode::Clinician {
        for q in catalog.bank.iter().filter(|q| super::is_lab_value(q)) {
            given.dont_know(&q.id);
        }
    }
    given
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::answer::RawAnswer;
    use crate::engine::assess::assess_catalog;
    use std::collections::BTreeMap;

    fn today() -> Ymd {
        Ymd::parse("2026-11-21").unwrap()
    }

    fn facts(catalog: &Catalog, name: &str) -> Answers {
        let path = format!("{}/tests/fixtures/patients/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let raw: BTreeMap<String, RawAnswer> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        Answers::from_raw(&catalog.bank, raw, today()).unwrap()
    }

    /// Walking ends at the verdicts that answering everything at once gives.
    #[test]
    fn a_walk_ends_at_the_verdicts_of_all_the_answers_at_once() {
        let catalog = Catalog::shipped().unwrap();
        for name in ["girl-10-class-iv-nephritis", "woman-32-refractory-sle"] {
            let facts = facts(&catalog, name);
            for (mode, report) in
                [(Mode::Clinician, true), (Mode::MyChild, true), (Mode::MyChild, false), (Mode::Myself, false)]
            {
                let walk = walk(&catalog, mode, report, &facts, today());
                let walked: Vec<_> = walk.end.assess(&catalog, &[]).iter().map(|a| a.verdict).collect();
                let given = givable(&catalog, mode, report, &facts);
                let at_once: Vec<_> =
                    assess_catalog(&catalog, &given, today(), &[]).iter().map(|a| a.verdict).collect();
                assert_eq!(walked, at_once, "{name} {mode:?} report={report}");
                assert!(walk.screens.len() <= catalog.bank.len(), "{name}: {} screens", walk.screens.len());
            }
        }
    }
}
