//! The shape of trial files, as written (TOML) or shipped (JSON).
//! Serde checks the structure: unknown keys, missing fields and misspelt
//! enum values fail here with their position. `load` checks the meaning.

use crate::engine::question::{AnsweredBy, DatePrecision, Group};
use crate::engine::trial::{Localized, Side, TrialFacts};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    YesNo,
    Choice,
    Multi,
    Number,
    Date,
    Medications,
}

/// One `[[question]]` of `catalog/questions.toml`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSpec {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: KindName,
    pub group: Group,
    pub answered_by: AnsweredBy,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub integer: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<DatePrecision>,
    /// A tick list filled in from memory: see `Question::from_memory`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_memory: bool,
    /// A test the study team does at screening: see `Question::at_screening`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_screening: bool,
    /// A yes/no test result that may never have been done: see `Question::never_tested`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub never_tested: bool,
    /// A yes/no question about a window before now: see `Question::window`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub window: bool,
    /// Ids the question had before, so that old answer files still open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formerly: Vec<String>,
    /// Yes/no questions with the same key are offered on one screen, as a
    /// list to tick (rare exclusions: HIV, a transplant...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub together: Option<String>,
    /// Asked only once these questions have a known answer: an exception to
    /// a limit (raised by myositis, Gilbert syndrome) after the value it excuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    /// LOINC codes of the observation that answers this question, for reading
    /// a clinic system's FHIR file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loinc: Vec<String>,
    /// Medicines given in courses of infusions (a medicines question only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<String>,
    /// Items of a multiple choice implied by other answers: option -> rule.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub implied: std::collections::BTreeMap<String, String>,
}

/// One `[[shared]]` of `catalog/questions.toml`: a concept several trials
/// read (lupus active, a biopsy that counts, intolerance), defined once as a
/// rule over the questions, and used by name in every trial's rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedSpec {
    pub name: String,
    /// What it means, in a line: `trialcheck functions` prints it.
    pub about: String,
    /// Plain numbers it takes (`biopsy_counts_within(6)`: months).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub params: Vec<String>,
    pub rule: String,
    /// Questions this name covers: `trialcheck validate` warns where a
    /// trial reads one of them directly, going around the shared reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    pub question: Vec<QuestionSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<SharedSpec>,
}

fn is_empty(l: &Localized) -> bool {
    l.0.is_empty()
}

/// Who decides a criterion that has no rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedBy {
    StudyTeam,
}

/// One `[[criterion]]` of a trial file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionSpec {
    pub id: String,
    pub side: Side,
    /// The registry's text, verbatim.
    pub original: String,
    /// Its translations, by language (the original is not replaced).
    #[serde(default, skip_serializing_if = "is_empty")]
    pub original_translation: Localized,
    pub plain: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Instead of a rule: said out loud, so a forgotten rule is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<DecidedBy>,
    /// With `decided_by`: a rule saying what the answers suggest. When it
    /// speaks against the criterion, the trial is "not decided yet".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Warnings of `trialcheck validate` silenced for this criterion, each
    /// with the written reason why the rule may do what it warns about.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub waived: std::collections::BTreeMap<String, String>,
    /// A rule the importer proposed, with the words it was drawn from: an
    /// error until an author has checked the rule and removed this line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
}

/// One file of `catalog/trials/`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrialSpec {
    pub id: String,
    pub facts: TrialFacts,
    pub criterion: Vec<CriterionSpec>,
}

/// A whole catalog in one document: what the app ships and what a site's
/// own catalog URL serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogSpec {
    pub questions: Vec<QuestionSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<SharedSpec>,
    pub trials: Vec<TrialSpec>,
}

impl CatalogSpec {
    /// The same catalog with each text only as a reader of `lang` sees it
    /// (`Localized::only`): what the app fetches for the language it shows.
    pub fn in_language(&self, lang: &str) -> CatalogSpec {
        let trials = self
            .trials
            .iter()
            .map(|t| {
                let f = &t.facts;
                let facts = TrialFacts {
                    title: f.title.only(lang),
                    summary: f.summary.only(lang),
                    phase: f.phase.only(lang),
                    status: crate::engine::trial::Status { note: f.status.note.only(lang), ..f.status.clone() },
                    ages: f.ages.only(lang),
                    sex: f.sex.only(lang),
                    missing: f.missing.iter().map(|m| m.only(lang)).collect(),
                    ..f.clone()
                };
                let criterion = t
                    .criterion
                    .iter()
                    .map(|c| CriterionSpec {
                        original_translation: c.original_translation.only(lang),
                        plain: c.plain.only(lang),
                        ..c.clone()
                    })
                    .collect();
                TrialSpec { id: t.id.clone(), facts, criterion }
            })
            .collect();
        CatalogSpec { questions: self.questions.clone(), shared: self.shared.clone(), trials }
    }
}
