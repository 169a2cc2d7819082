//! A trial as the engine sees it: its facts for people to read, and its
//! criteria, each with the registry's own words beside the rule.

use crate::engine::rule::Rule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text in several languages, by language tag ("en", "vi", "zh").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    pub fn english(text: &str) -> Localized {
        Localized(BTreeMap::from([("en".to_string(), text.to_string())]))
    }

    /// The text in `lang`, else in English: never an empty string where any text exists.
    pub fn get(&self, lang: &str) -> &str {
        self.chosen(lang).map_or("", |(_, text)| text.as_str())
    }

    fn chosen(&self, lang: &str) -> Option<(&String, &String)> {
        self.0.get_key_value(lang).or_else(|| self.0.get_key_value("en")).or_else(|| self.0.iter().next())
    }

    /// Only the entry a reader of `lang` is shown, under its own tag: `get(lang)`
    /// and `0.get(lang)` give what they give on the whole, for a file of one
    /// language (a third of the bytes).
    pub fn only(&self, lang: &str) -> Localized {
        Localized(self.chosen(lang).map(|(tag, text)| (tag.clone(), text.clone())).into_iter().collect())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Inclusion,
    Exclusion,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub side: Side,
    /// The registry's text, verbatim.
    pub original: String,
    /// The registry's text translated, shown beside it (never instead of it).
    pub original_translation: Localized,
    /// The same in plain words.
    pub plain: Localized,
    /// `None`: the study team decides (investigator judgement, venous access...).
    /// Shown to the person, never a reason for "not eligible".
    pub rule: Option<Rule>,
    /// For a criterion the study team decides: what the answers say of it.
    /// When they speak against it, the trial is "not decided yet", never
    /// "likely eligible" (and never "not eligible": the study team decides).
    pub evidence: Option<Rule>,
}

impl Criterion {
    /// Whether its rule or its evidence reads `question`.
    pub fn reads(&self, question: &str) -> bool {
        [&self.rule, &self.evidence].into_iter().flatten().any(|r| r.reads(question))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub facility: String,
    /// Empty when the sources do not name it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// ISO 3166-1 alpha-2 code ("VN", "CN"): people read its name in their
    /// language, and choose where they could travel by it.
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What was read: a seed document, a registry mirror.
    pub name: String,
    /// When it was read (YYYY-MM-DD).
    pub read: String,
}

/// Where a trial's recruitment stands, as the newest registry copy read says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recruitment {
    Recruiting,
    NotYetRecruiting,
    ActiveNotRecruiting,
    EnrollingByInvitation,
    Completed,
    TerminatedOrWithdrawn,
    /// No copy read says, or the copies disagree: ask the study team.
    #[default]
    Unknown,
}

impl Recruitment {
    pub const ALL: [Recruitment; 7] = [
        Recruitment::Recruiting,
        Recruitment::NotYetRecruiting,
        Recruitment::ActiveNotRecruiting,
        Recruitment::EnrollingByInvitation,
        Recruitment::Completed,
        Recruitment::TerminatedOrWithdrawn,
        Recruitment::Unknown,
    ];

    /// Whether a person may ask to join: recruiting, about to, or not known
    /// (then asking is the way to find out). The others are listed apart.
    pub fn open(self) -> bool {
        matches!(self, Recruitment::Recruiting | Recruitment::NotYetRecruiting | Recruitment::Unknown)
    }

    /// The snake_case name, as in trial files and message ids.
    pub fn name(self) -> &'static str {
        match self {
            Recruitment::Recruiting => "recruiting",
            Recruitment::NotYetRecruiting => "not_yet_recruiting",
            Recruitment::ActiveNotRecruiting => "active_not_recruiting",
            Recruitment::EnrollingByInvitation => "enrolling_by_invitation",
            Recruitment::Completed => "completed",
            Recruitment::TerminatedOrWithdrawn => "terminated_or_withdrawn",
            Recruitment::Unknown => "unknown",
        }
    }

    /// From ClinicalTrials.gov's `overallStatus` (API v2): "RECRUITING", "SUSPENDED"...
    pub fn from_registry(code: &str) -> Recruitment {
        match code {
            "RECRUITING" => Recruitment::Recruiting,
            "NOT_YET_RECRUITING" => Recruitment::NotYetRecruiting,
            "ACTIVE_NOT_RECRUITING" | "SUSPENDED" => Recruitment::ActiveNotRecruiting,
            "ENROLLING_BY_INVITATION" => Recruitment::EnrollingByInvitation,
            "COMPLETED" => Recruitment::Completed,
            "TERMINATED" | "WITHDRAWN" => Recruitment::TerminatedOrWithdrawn,
            _ => Recruitment::Unknown,
        }
    }
}

/// A trial's recruitment status as data: what, as of when, read when and where.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub recruitment: Recruitment,
    /// The day the source says it was last updated or verified (YYYY-MM-DD,
    /// or YYYY-MM), when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// When it was read (YYYY-MM-DD).
    pub read: String,
    /// The registry copy it was read in.
    pub source: String,
    /// What else a reader should know about it ("another copy says ..."),
    /// in every language or none.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub note: Localized,
}

fn is_empty(l: &Localized) -> bool {
    l.0.is_empty()
}

/// What people read about a trial: all of it from its sources, none computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrialFacts {
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_title: Option<String>,
    pub summary: Localized,
    pub phase: Localized,
    pub status: Status,
    /// The study's start and its (estimated) completion, as the registry
    /// gives them (YYYY-MM-DD or YYYY-MM): a completion passed means its
    /// facts should be read again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrollment: Option<u32>,
    /// As registered, e.g. "6 to 18 years".
    pub ages: Localized,
    pub sex: Localized,
    #[serde(default)]
    pub sites: Vec<Site>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    pub registry_url: String,
    pub sources: Vec<Source>,
    /// What the sources leave out, said plainly.
    #[serde(default)]
    pub missing: Vec<Localized>,
    /// The date the data were last checked against the sources (YYYY-MM-DD).
    pub data_as_of: String,
    /// Whether the sources hold every criterion: said for each trial, so that
    /// a trial read in part is never shown as plainly "likely eligible".
    pub criteria_published: Published,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Published {
    /// Every inclusion and exclusion criterion was read.
    Full,
    /// Some were cut off or not public: the study team checks the rest.
    #[default]
    Partial,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Trial {
    pub id: String,
    pub facts: TrialFacts,
    pub criteria: Vec<Criterion>,
}

#[cfg(test)]
mod tests {
    use super::Localized;

    fn localized(entries: &[(&str, &str)]) -> Localized {
        Localized(entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn one_language_keeps_what_its_reader_sees_and_no_more() {
        let all = localized(&[("en", "Fever"), ("vi", "Sốt"), ("zh", "发热")]);
        assert_eq!(all.only("vi"), localized(&[("vi", "Sốt")]));
        // A language the text lacks falls back to English, as `get` does.
        assert_eq!(localized(&[("en", "Fever"), ("zh", "发热")]).only("vi"), localized(&[("en", "Fever")]));
        // A registry translation into vi and zh only: an English reader sees none
        // (`0.get`), and `get` still gives what it gave.
        let translation = localized(&[("vi", "Sốt"), ("zh", "发热")]);
        let for_english = translation.only("en");
        assert_eq!((for_english.0.get("en"), for_english.get("en")), (None, translation.get("en")));
        assert_eq!(Localized::default().only("zh"), Localized::default());
    }
}
