//! Answers and lab values as files, on this device: what an export writes,
//! and what an import of an answers file or of a clinic's FHIR labs reads.
//! Each returns a typed result; the component says it in words (`Texts`).

use crate::clinical::dates::Ymd;
use crate::engine::catalog::Catalog;
use crate::engine::question::Question;
use crate::questionnaire::Session;
use crate::questionnaire::canonical::Canonical;
use crate::questionnaire::fhir::{Estimate, questionnaire_response};
use crate::questionnaire::fhir_labs::{LabFileError, LabReading, Resource, read_labs};
use crate::questionnaire::saved::{AnswersFile, ImportError, Restored, SavedAnswers};
use crate::web::device::{self, Unusable};
use crate::web::texts::Texts;

/// A file to download: its name and its text.
pub struct Download {
    pub name: String,
    pub text: String,
}

/// The answers as the file the app and the command line open.
pub fn answers_file(session: &Session) -> Option<Download> {
    let text = device::to_json(&SavedAnswers::of(session))?;
    Some(Download { name: format!("trialcheck-answers-{}.json", session.today), text })
}

/// The answers as a FHIR QuestionnaireResponse, in the words the person saw,
/// with the estimate trial by trial as the narrative a clinic reads; with
/// the Questionnaire it answers (`questionnaire`, this build's published
/// copy), the two in a Bundle of type `collection`, so that a clinic's system
/// can load both from the one file.
pub fn fhir_file(
    catalog: &Catalog,
    canonical: &Canonical,
    session: &Session,
    texts: &Texts,
    questionnaire: Option<&str>,
) -> Option<Download> {
    let date = session.today.to_string();
    let words = |q: &Question, option: Option<&str>| match option {
        Some(o) => texts.option(q, o),
        // The wording the person saw (a parent's "your child's ...").
        None => texts.prompt(q, session.mode),
    };
    let estimates: Vec<Estimate> = (session.assess(catalog, &[]).iter())
        .map(|a| Estimate {
            trial: a.trial.id.clone(),
            title: a.trial.facts.title.get(&texts.language).to_string(),
            verdict: texts.verdict(a),
        })
        .collect();
    let heading = texts.format("fhir-estimate-heading", &[("date", &date)]);
    let response = questionnaire_response(catalog, canonical, session, &words, (&heading, &estimates));
    let response = device::to_json(&response)?;
    Some(match questionnaire {
        Some(q) => Download {
            name: format!("trialcheck-fhir-{date}.json"),
            text: format!(
                "{{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{{\"fullUrl\": \"{}\", \"resource\": {}}}, {{\"resource\": {}}}]}}",
                canonical.questionnaire(),
                q.trim(),
                response
            ),
        },
        None => Download { name: format!("trialcheck-questionnaire-response-{date}.json"), text: response },
    })
}

/// An answers file's text, read as the command line reads it (`AnswersFile`),
/// by the browser's own JSON reader.
pub fn read_answers(text: &str, catalog: &Catalog, today: Ymd) -> Result<Restored, ImportError> {
    AnswersFile::within_limits(text)?;
    let file: AnswersFile = device::from_json(text)
        .map_err(|u| if u == Unusable::Unreadable { ImportError::Unreadable } else { ImportError::Foreign })?;
    file.restore(catalog, today)
}

/// Why a lab file gave nothing at all.
#[derive(Clone, Debug, PartialEq)]
pub enum LabsRefused {
    TooMuch(crate::limits::TooMuch),
    Unreadable,
    Foreign,
    Empty,
}

/// A clinic's FHIR Bundle or Observation, read against the answers so far.
pub fn read_lab_file(text: &str, catalog: &Catalog, session: &Session) -> Result<LabReading, LabsRefused> {
    crate::limits::check(text, crate::limits::MAX_CATALOG_BYTES).map_err(LabsRefused::TooMuch)?;
    let resource = device::from_json::<Resource>(text).map_err(|u| match u {
        Unusable::Unreadable => LabsRefused::Unreadable,
        Unusable::Foreign => LabsRefused::Foreign,
    })?;
    read_labs(catalog, &resource, &session.answers, session.today).map_err(|e| match e {
        LabFileError::Foreign => LabsRefused::Foreign,
        LabFileError::Empty => LabsRefused::Empty,
    })
}
