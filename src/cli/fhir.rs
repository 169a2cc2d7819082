//! `trialcheck fhir-questionnaire [--base URL] [--code-system]`: the FHIR
//! Questionnaire (or the CodeSystem of its answer options) that a deployment
//! publishes under its base; the build writes them into `dist/fhir/`.
//!
//! `trialcheck fhir-response --answers FILE [--base URL] [--lang LANG]`: an
//! answers file as the QuestionnaireResponse the app's "Save for a clinic
//! system" writes, referencing the Questionnaire as `url|version`.
//!
//! The base is `--base`, else the build setting `TRIALCHECK_BASE`, else the
//! address `scripts/serve` serves (`http://127.0.0.1:8080/`).

use super::say;
use super::{Args, Failure, Outcome};
use crate::engine::question::Question;
use crate::questionnaire::canonical::{Canonical, DEFAULT_BASE};
use crate::questionnaire::{Action, Session, fhir, fhir_questionnaire};
use crate::text::Messages;

fn base(args: &Args) -> Result<String, Failure> {
    let base = match args.value("base") {
        Some(b) => b.to_string(),
        None => std::env::var("TRIALCHECK_BASE").ok().filter(|b| !b.is_empty()).unwrap_or_else(|| DEFAULT_BASE.into()),
    };
    // A canonical is an absolute address: where the build is served.
    if !(base.starts_with("https://") || base.starts_with("http://")) {
        return Err(format!(
            "--base {base}: give the absolute address the build is served from, like https://example.org/trialcheck/"
        )
        .into());
    }
    Ok(base)
}

fn json(value: &impl serde::Serialize) -> Result<Outcome, Failure> {
    say!("{}", serde_json::to_string_pretty(value).map_err(|e| e.to_string())?);
    Ok(Outcome::Ok)
}

pub(super) fn questionnaire(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let messages = Messages::shipped()?;
    let canonical = Canonical::new(&base(args)?, &catalog.bank);
    let languages: Vec<&str> = crate::reader::language_tags().collect();
    let words = |lang: &str, id: &str| messages.has(lang, id).then(|| messages.get(lang, id).unwrap_or(id).to_string());
    if args.switch("code-system") {
        json(&fhir_questionnaire::options(&catalog, &canonical, &languages, &words))
    } else {
        json(&fhir_questionnaire::questionnaire(&catalog, &canonical, &languages, &words))
    }
}

pub(super) fn response(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let messages = Messages::shipped()?;
    let today = args.today()?;
    let lang = args.value("lang").unwrap_or("en");
    let restored = super::answers_file::from_args(args, "fhir-response", &catalog, today)?;
    let session = Session::new(today).apply(&catalog, Action::Load(restored));
    let canonical = Canonical::new(&base(args)?, &catalog.bank);
    // In the words of who answered (a parent's "your child's ...").
    let variant = |id: String| {
        let suffix = match session.mode {
            crate::reader::Mode::Myself => None,
            crate::reader::Mode::MyChild => Some("child"),
            crate::reader::Mode::Clinician => Some("clinician"),
        };
        suffix
            .and_then(|s| messages.get(lang, &format!("{id}-{s}")))
            .or_else(|| messages.get(lang, &id))
            .unwrap_or(&id)
            .to_string()
    };
    let words = |q: &Question, option: Option<&str>| match option {
        Some(o) => variant(q.option_id(o)),
        None => variant(q.prompt_id()),
    };
    json(&fhir::questionnaire_response(&catalog, &canonical, &session, &words, ("", &[])))
}
