//! A small trial end to end: the file is validated, the questions come one at
//! a time (only those that can still change the verdict), and the verdict
//! follows the answers.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;
use trialcheck::catalog::source;
use trialcheck::clinical::dates::Ymd;
use trialcheck::engine::answer::{Answer, Answers, RawAnswer};
use trialcheck::engine::assess::{Assessment, Requirement, Settler, Verdict, assess_catalog};
use trialcheck::engine::catalog::Catalog;
use trialcheck::engine::relevance::questions_to_ask;

fn today() -> Ymd {
    Ymd::parse("2026-11-21").unwrap()
}

fn sample() -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let (file, text) = source::read(&dir.join("questions.toml")).unwrap();
    let source::Contents::Questions(q) = source::parse(&file, &text).unwrap() else { panic!("not a question file") };
    let (bank, implied) = source::question_bank(&file, &text, q).unwrap();
    let (file, text) = source::read(&dir.join("sample-trial.toml")).unwrap();
    let source::Contents::Trial(t) = source::parse(&file, &text).unwrap() else { panic!("not a trial file") };
    let trial = source::trial(&file, &text, *t, &bank, &implied).unwrap();
    Catalog::new(bank, implied, vec![trial])
}

/// A person answering whatever is asked next, as a questionnaire would.
struct Person {
    catalog: Catalog,
    answers: Answers,
}

impl Person {
    fn assessment(&self) -> Assessment<'_> {
        assess_catalog(&self.catalog, &self.answers, today(), &[]).remove(0)
    }

    fn next_question(&self) -> Option<String> {
        let assessments = assess_catalog(&self.catalog, &self.answers, today(), &[]);
        questions_to_ask(&self.catalog.bank, &assessments, &self.answers).first().map(|q| q.id.clone())
    }

    fn answer(&mut self, id: &str, value: serde_json::Value) {
        assert_eq!(self.next_question().as_deref(), Some(id), "expected to be asked {id} next");
        let raw: RawAnswer = serde_json::from_value(value).unwrap();
        let answer = raw.interpret(self.catalog.bank.get(id).unwrap()).unwrap();
        self.answers.set(&self.catalog.bank, id, answer, today()).unwrap();
    }
}

fn person() -> Person {
    Person { catalog: sample(), answers: Answers::new() }
}

#[test]
fn a_boy_answers_only_what_matters_and_may_qualify() {
    let mut p = person();
    assert_eq!(p.assessment().verdict, Verdict::Undecided);
    p.answer("date_of_birth", "2014-06-01".into());
    p.answer("sex", "male".into());
    // A boy is never asked whether he is pregnant.
    p.answer("biopsy_class", serde_json::json!(["IV", "V"]));
    p.answer("biopsy_date", "2026-09".into());
    p.answer("alt", "35 U/L".into());
    p.answer("alt_uln", "40 U/L".into());
    assert_eq!(p.next_question(), None);
    let a = p.assessment();
    assert_eq!(a.verdict, Verdict::LikelyEligible);
    // The consent criterion is shown as the study team's, never dropped.
    assert_eq!(a.with(Requirement::StudyTeam).map(|c| c.criterion.id.as_str()).collect::<Vec<_>>(), ["consent"]);
    assert!(!p.answers.iter().any(|(id, _)| id == "pregnant"));
}

#[test]
fn once_ruled_out_nothing_more_is_asked_and_the_reason_carries_the_registry_text() {
    let mut p = person();
    p.answer("date_of_birth", "2001-01-01".into());
    assert_eq!(p.next_question(), None);
    let a = p.assessment();
    assert_eq!(a.verdict, Verdict::NotEligible);
    let failing: Vec<_> = a.with(Requirement::NotMet).collect();
    assert_eq!(failing.len(), 1);
    assert_eq!(failing[0].criterion.original, "Age 6-18 years old (including critical value);");
}

#[test]
fn dont_know_is_not_asked_again_and_its_partner_limit_is_not_asked_at_all() {
    let mut p = person();
    p.answer("date_of_birth", "2014-06-01".into());
    p.answer("sex", "female".into());
    p.answer("pregnant", false.into());
    p.answer("biopsy_class", serde_json::json!(["III"]));
    p.answer("biopsy_date", "2026-10".into());
    p.answer("alt", "dont_know".into());
    // ALT's upper limit cannot decide anything while ALT is unknown.
    assert_eq!(p.next_question(), None);
    let a = p.assessment();
    assert_eq!(a.verdict, Verdict::Undecided);
    assert_eq!(a.open_for(Settler::Doctor).map(|c| c.criterion.id.as_str()).collect::<Vec<_>>(), ["liver"]);
    assert_eq!(p.answers.get("alt"), Some(&Answer::DontKnow));
}
