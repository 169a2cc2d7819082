//! The answers as a file: what "remember my answers on this device" keeps,
//! what export writes and import reads, and what `trialcheck screen` and
//! `next` read: one reader for all, of either form (the envelope the app
//! saves, or a bare map from question id to answer, which is an envelope with
//! defaults). A file that is broken, foreign or holds an answer the engine
//! refuses is rejected whole, with a reason.

use super::{Mode, Session};
use crate::clinical::dates::Ymd;
use crate::engine::answer::{AnswerError, Answers, RawAnswer};
use crate::engine::catalog::Catalog;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub const FORMAT: &str = "trialcheck-answers";
/// 2: lists ticked from memory say so (`{"remembered": [...]}`); in a file of
/// version 1 written in a plain-word mode, such lists are read as remembered.
pub const VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedAnswers {
    /// Always `trialcheck-answers`: how a foreign file is told apart.
    pub format: String,
    pub version: u32,
    /// YYYY-MM-DD.
    pub saved_on: String,
    pub mode: Mode,
    pub answers: BTreeMap<String, RawAnswer>,
    #[serde(default)]
    pub history: Vec<String>,
    /// The countries the person chose (ISO codes), if they chose: kept only
    /// with the answers, so only when they asked for their answers to be kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countries: Option<Vec<String>>,
    /// Items of a list the person left blank to answer later: asked again on
    /// their own. (Files saved before 2026-12 call it `not_sure`.)
    #[serde(default, alias = "not_sure", skip_serializing_if = "Vec::is_empty")]
    pub later: Vec<String>,
    /// The answer to "Do you have a recent lab report?", once given: it sets
    /// where the lab values come (a fact about the screening, not about the person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lab_report: Option<bool>,
}

/// What an answers file holds, in either form.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum AnswersFile {
    /// The envelope the app saves (its `format` tells it apart).
    Saved(SavedAnswers),
    /// A FHIR resource: the QuestionnaireResponse the app exports, alone or
    /// in its Bundle (anything else is foreign).
    Fhir(super::fhir_answers::Resource),
    /// A map from question id to answer, as a coordinator writes one by hand:
    /// a clinician's answers (lists complete), nothing asked yet.
    Bare(BTreeMap<String, RawAnswer>),
}

impl AnswersFile {
    /// Refuses a file too large or too deeply nested before any JSON reader
    /// (the browser's or serde_json) spends time on it.
    pub fn within_limits(text: &str) -> Result<(), ImportError> {
        crate::limits::check(text, crate::limits::MAX_ANSWERS_BYTES).map_err(ImportError::TooMuch)
    }

    /// The file's answers, checked, ready for `Action::Load`.
    pub fn restore(self, catalog: &Catalog, today: Ymd) -> Result<Restored, ImportError> {
        match self {
            AnswersFile::Saved(saved) => saved.restore(catalog, today),
            AnswersFile::Fhir(resource) => {
                // Who answered is not in the response: read as the person's own, lists from memory
                // unless the response says they are complete.
                let answers = resource.answers(&catalog.bank).ok_or(ImportError::Foreign)?;
                SavedAnswers { mode: Mode::Myself, ..SavedAnswers::bare(answers, today) }.restore(catalog, today)
            }
            // A map with a `format` was meant as an envelope, and is not one; a map that
            // names none of the questions is some other JSON (a FHIR resource, say).
            AnswersFile::Bare(map)
                if map.contains_key("format")
                    || (!map.is_empty() && map.keys().all(|id| catalog.bank.current(id).is_none())) =>
            {
                Err(ImportError::Foreign)
            }
            AnswersFile::Bare(answers) => SavedAnswers::bare(answers, today).restore(catalog, today),
        }
    }
}

/// A file's answers, checked and ready for the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub mode: Mode,
    pub answers: Answers,
    pub history: Vec<String>,
    pub countries: Option<Vec<String>>,
    pub later: Vec<String>,
    pub lab_report: Option<bool>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Not JSON at all.
    Unreadable,
    /// JSON, but not a TrialCheck answers file.
    Foreign,
    /// Written by a newer TrialCheck.
    TooNew(u32),
    /// Too large or too deeply nested to read (see `limits`).
    TooMuch(crate::limits::TooMuch),
    /// Answers the engine refuses: (question id, why).
    Refused(Vec<(String, Refusal)>),
}

/// Why one entry of a file cannot be used; the app says it in the person's words.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Answer(AnswerError),
    /// A country the person chose that is not an ISO code.
    Country(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Answer(e) => write!(f, "{e}"),
            Refusal::Country(c) => write!(f, "`{c}` is not a country code like VN"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Unreadable => write!(f, "the file could not be read: it is not a TrialCheck answers file"),
            ImportError::Foreign => write!(f, "this is not a TrialCheck answers file"),
            ImportError::TooNew(v) => write!(f, "this file was written by a newer TrialCheck (format {v})"),
            ImportError::TooMuch(why) => write!(f, "this file cannot be read: {why}"),
            ImportError::Refused(list) => {
                let items: Vec<String> = list.iter().map(|(q, why)| format!("{q}: {why}")).collect();
                write!(f, "some answers in this file cannot be used ({})", items.join("; "))
            }
        }
    }
}

impl SavedAnswers {
    /// A clinician's answers with nothing asked yet: the envelope of a bare map.
    fn bare(answers: BTreeMap<String, RawAnswer>, today: Ymd) -> SavedAnswers {
        SavedAnswers {
            format: FORMAT.to_string(),
            version: VERSION,
            saved_on: today.to_string(),
            mode: Mode::Clinician,
            answers,
            history: Vec::new(),
            countries: None,
            later: Vec::new(),
            lab_report: None,
        }
    }

    pub fn of(session: &Session) -> SavedAnswers {
        SavedAnswers {
            format: FORMAT.to_string(),
            version: VERSION,
            saved_on: session.today.to_string(),
            mode: session.mode,
            answers: session.answers.to_raw(),
            history: session.history.clone(),
            countries: session.countries.clone(),
            later: session.one_by_one.iter().cloned().collect(),
            lab_report: session.has_lab_report.filter(|_| session.mode != Mode::Clinician),
        }
    }

    /// Checks a file's contents (already parsed from JSON into a loose value
    /// by the caller) and turns them into answers.
    pub fn restore(self, catalog: &Catalog, today: Ymd) -> Result<Restored, ImportError> {
        if self.format != FORMAT {
            return Err(ImportError::Foreign);
        }
        if self.version > VERSION {
            return Err(ImportError::TooNew(self.version));
        }
        let bad_countries: Vec<(String, Refusal)> = (self.countries.iter().flatten())
            .filter(|c| !crate::catalog::countries::is_country_code(c))
            .map(|c| ("countries".to_string(), Refusal::Country(c.clone())))
            .collect();
        let mut answers = Answers::from_raw(&catalog.bank, self.answers, today).map_err(|errors| {
            ImportError::Refused(
                errors.into_iter().map(|(q, e)| (q, Refusal::Answer(e))).chain(bad_countries.iter().cloned()).collect(),
            )
        })?;
        if !bad_countries.is_empty() {
            return Err(ImportError::Refused(bad_countries));
        }
        if self.version < 2 && self.mode != Mode::Clinician {
            // Before version 2 a person's tick list did not say it was from memory, and it was.
            for q in catalog.bank.iter().filter(|q| q.from_memory) {
                answers.as_remembered(&q.id);
            }
        }
        let history = self
            .history
            .into_iter()
            .filter_map(|q| catalog.bank.current(&q).map(|q| q.id.clone()))
            .filter(|q| answers.get(q).is_some())
            .collect();
        // Only the bank's yes/no questions still unanswered: anything else is dropped, not trusted.
        let later = (self.later.into_iter())
            .filter_map(|q| catalog.bank.current(&q).map(|q| q.id.clone()))
            .filter(|q| answers.get(q).is_none())
            .collect();
        Ok(Restored {
            mode: self.mode,
            answers,
            history,
            countries: self.countries,
            later,
            lab_report: self.lab_report,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::answer::Answer;
    use crate::questionnaire::Action;

    fn today() -> Ymd {
        Ymd::parse("2026-11-21").unwrap()
    }

    fn read(text: &str) -> Result<(Mode, Answers, Vec<String>), ImportError> {
        restored(text).map(|r| (r.mode, r.answers, r.history))
    }

    /// As the CLI and the app read a file: JSON that is not an answers file of
    /// either form is foreign.
    fn restored(text: &str) -> Result<Restored, ImportError> {
        AnswersFile::within_limits(text)?;
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::Unreadable)?;
        let file: AnswersFile = serde_json::from_value(value).map_err(|_| ImportError::Foreign)?;
        file.restore(&Catalog::shipped().unwrap(), today())
    }

    #[test]
    fn what_she_left_for_later_is_still_asked_on_its_own_after_a_reload() {
        use crate::questionnaire::{Mark, Unticked};
        let catalog = Catalog::shipped().unwrap();
        let items = vec!["hiv".to_string(), "syphilis".to_string()];
        let session = Session::new(today()).apply(&catalog, Action::Start(Mode::Myself)).apply(
            &catalog,
            Action::Checklist { items, marked: vec![("syphilis".into(), Mark::No)], unticked: Unticked::NotSure },
        );
        let saved = serde_json::to_string(&SavedAnswers::of(&session)).unwrap();
        let back = restored(&saved).unwrap();
        assert_eq!(back.later, ["hiv"]);
        let reloaded = Session::new(today()).apply(&catalog, Action::Load(back));
        assert!(reloaded.one_by_one.contains("hiv") && reloaded.answers.get("syphilis").is_some());
        // A file saved before the field had its name reads the same.
        let older = restored(&saved.replace("\"later\"", "\"not_sure\"")).unwrap();
        assert_eq!(older.later, ["hiv"]);
    }

    #[test]
    fn the_countries_chosen_travel_with_the_answers_and_nothing_else_does() {
        let catalog = Catalog::shipped().unwrap();
        let fresh = Session::new(today()).apply(&catalog, Action::Start(Mode::Myself));
        // Not chosen: nothing about countries is written.
        assert!(!serde_json::to_string(&SavedAnswers::of(&fresh)).unwrap().contains("countries"));
        let chosen = fresh.apply(&catalog, Action::Countries(vec!["VN".into(), "CN".into(), "VN".into()]));
        let back = restored(&serde_json::to_string(&SavedAnswers::of(&chosen)).unwrap()).unwrap();
        assert_eq!(back.countries, Some(vec!["CN".to_string(), "VN".to_string()]));
        let file = r#"{"format": "trialcheck-answers", "version": 2, "saved_on": "2026-11-21", "mode": "myself", "answers": {}, "countries": ["VN", "viet nam"]}"#;
        assert!(
            matches!(restored(file), Err(ImportError::Refused(ref l)) if l[0].0 == "countries"),
            "{:?}",
            restored(file)
        );
    }

    #[test]
    fn whether_she_has_a_lab_report_is_kept_so_that_a_reload_asks_in_the_same_order() {
        let catalog = Catalog::shipped().unwrap();
        let fresh = Session::new(today()).apply(&catalog, Action::Start(Mode::Myself));
        assert!(!serde_json::to_string(&SavedAnswers::of(&fresh)).unwrap().contains("lab_report"));
        let with = fresh.apply(&catalog, Action::HasLabReport(true));
        let back = restored(&serde_json::to_string(&SavedAnswers::of(&with)).unwrap()).unwrap();
        assert_eq!(back.lab_report, Some(true));
        let reloaded = Session::new(today()).apply(&catalog, Action::Load(back));
        assert_eq!(reloaded.has_lab_report, Some(true));
    }

    #[test]
    fn answers_survive_a_round_trip_through_the_file() {
        let catalog = Catalog::shipped().unwrap();
        let session = Session::new(today())
            .apply(&catalog, Action::Start(Mode::MyChild))
            .apply(&catalog, Action::Answer { question: "sex".into(), answer: Answer::Choice("female".into()) })
            .apply(
                &catalog,
                Action::Answer {
                    question: "creatinine".into(),
                    answer: Answer::Number { value: 62.0, unit: Some("umol/L".into()) },
                },
            )
            .apply(&catalog, Action::Answer { question: "alt".into(), answer: Answer::DontKnow });
        let text = serde_json::to_string(&SavedAnswers::of(&session)).unwrap();
        let (mode, answers, history) = read(&text).unwrap();
        assert_eq!((mode, &answers, &history), (Mode::MyChild, &session.answers, &session.history));
    }

    #[test]
    fn a_file_saved_before_lists_said_they_were_remembered_still_opens() {
        let text = include_str!("../../tests/fixtures/answers-v1-myself.json");
        let (mode, answers, history) = read(text).unwrap();
        assert_eq!(mode, Mode::Myself);
        // The person's tick list was from memory: unticked items are not known absent.
        assert!(matches!(answers.get("eular_acr_items"), Some(Answer::Remembered(items)) if items.len() == 2));
        // "FVC or FEV1" was one question: its value is kept as FVC; FEV1 is asked if it matters.
        assert_eq!(answers.get("fvc_percent"), Some(&Answer::Number { value: 55.0, unit: Some("%".into()) }));
        assert_eq!(answers.get("lung_function_percent"), None);
        assert!(history.contains(&"fvc_percent".to_string()));
        // Pregnant was yes/no; it is now no / yes / not sure.
        assert_eq!(answers.get("pregnant"), Some(&Answer::Choice("no".into())));
    }

    #[test]
    fn broken_foreign_or_refused_files_are_rejected_whole() {
        assert_eq!(read("{not json"), Err(ImportError::Unreadable));
        assert_eq!(read(r#"{"resourceType": "Patient"}"#), Err(ImportError::Foreign));
        let file = |format: &str, version: u32, answers: &str| {
            format!(
                r#"{{"format": "{format}", "version": {version}, "saved_on": "2026-11-21", "mode": "myself", "answers": {answers}}}"#
            )
        };
        assert_eq!(read(&file("something-else", 1, "{}")), Err(ImportError::Foreign));
        assert_eq!(read(&file(FORMAT, 9, "{}")), Err(ImportError::TooNew(9)));
        let refused = read(&file(FORMAT, 1, r#"{"sex": "female", "creatinine": "0 mg/dL"}"#));
        assert!(
            matches!(refused, Err(ImportError::Refused(ref list)) if list.len() == 1 && list[0].0 == "creatinine"),
            "{refused:?}"
        );
        assert!(
            refused
                .unwrap_err()
                .to_string()
                .starts_with("some answers in this file cannot be used (creatinine: this value is not possible")
        );
    }

    #[test]
    fn a_bare_map_of_answers_is_a_clinicians_file_with_nothing_asked_yet() {
        let back = restored(r#"{"sex": "female", "creatinine": "62 umol/L", "alt": "dont_know"}"#);
        let back = back.unwrap();
        assert_eq!(back.mode, Mode::Clinician);
        assert!(back.history.is_empty() && back.later.is_empty() && back.countries.is_none());
        assert_eq!(back.answers.get("sex"), Some(&Answer::Choice("female".into())));
        assert_eq!(back.answers.get("alt"), Some(&Answer::DontKnow));
        // The same answers in the envelope read the same.
        let catalog = Catalog::shipped().unwrap();
        let session = Session::new(today()).apply(&catalog, Action::Load(back.clone()));
        let saved = restored(&serde_json::to_string(&SavedAnswers::of(&session)).unwrap()).unwrap();
        assert_eq!(saved.answers, back.answers);
        // A map of unknown names is some other JSON; a map with one bad answer is refused, named.
        assert_eq!(restored(r#"{"resourceType": "Patient", "id": "p1"}"#), Err(ImportError::Foreign));
        assert!(
            matches!(restored(r#"{"sex": "female", "nonsense": true}"#), Err(ImportError::Refused(ref l)) if l[0].0 == "nonsense")
        );
        assert_eq!(restored("{}").map(|r| r.answers), Ok(Answers::new()));
    }

    #[test]
    fn a_file_too_large_or_too_deep_is_refused_before_it_is_read() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(matches!(restored(&deep), Err(ImportError::TooMuch(crate::limits::TooMuch::Depth { .. }))));
        let huge = format!(r#"{{"sex": "{}"}}"#, "x".repeat(crate::limits::MAX_ANSWERS_BYTES));
        assert!(matches!(restored(&huge), Err(ImportError::TooMuch(crate::limits::TooMuch::Size { .. }))));
    }
}
