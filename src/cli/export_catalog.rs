//! `trialcheck export-catalog [FILES] [--lang LANG]`: one JSON document, the
//! form a site serves as its own catalog (`<trial-check catalog="...">`).
//! Without files, the shipped catalog; with files, they are validated first.
//! With `--lang`, each text only in that language (or the English it falls
//! back to): the build's file for one language, as the app fetches it.

use super::say;
use super::{Args, Failure, Outcome};
use crate::catalog::schema::{QuestionSpec, SharedSpec, TrialSpec};
use crate::catalog::source::{self, Contents};
use crate::catalog::{SHIPPED_JSON, schema::CatalogSpec};
use crate::reader::{language_tags, speaks};
use std::path::Path;

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let lang = args.value("lang");
    if let Some(lang) = lang.filter(|l| !speaks(l)) {
        let tags: Vec<&str> = language_tags().collect();
        return Err(format!("--lang {lang}: not a language of the app ({})", tags.join(", ")).into());
    }
    let print = |catalog: CatalogSpec| -> Result<Outcome, Failure> {
        let catalog = match lang {
            Some(lang) => catalog.in_language(lang),
            None => catalog,
        };
        say!("{}", serde_json::to_string_pretty(&catalog).map_err(|e| e.to_string())?);
        Ok(Outcome::Ok)
    };
    let shipped: CatalogSpec = serde_json::from_str(SHIPPED_JSON).map_err(|e| e.to_string())?;
    if args.rest.is_empty() {
        return print(shipped);
    }
    let paths: Vec<&Path> = args.rest.iter().map(Path::new).collect();
    // Warnings are `validate`'s to report; a site's catalog is exported once it is valid.
    let errors = source::validate(&paths).errors;
    if !errors.is_empty() {
        for e in &errors {
            say!("{e}");
        }
        return Ok(Outcome::Problems);
    }
    let mut questions: Vec<QuestionSpec> = Vec::new();
    let mut shared: Vec<SharedSpec> = Vec::new();
    let mut trials: Vec<TrialSpec> = Vec::new();
    for path in &paths {
        let (file, text) = source::read(path).map_err(|e| e.to_string())?;
        match source::parse(&file, &text).map_err(|e| e.to_string())? {
            Contents::Questions(q) => {
                questions.extend(q.question);
                shared.extend(q.shared);
            }
            Contents::Trial(t) => trials.push(*t),
            Contents::Catalog(c) => {
                questions.extend(c.questions);
                shared.extend(c.shared);
                trials.extend(c.trials);
            }
        }
    }
    if questions.is_empty() {
        questions = shipped.questions;
        shared = shipped.shared;
    }
    print(CatalogSpec { questions, shared, trials })
}
