//! Every value in words, in one place: an answer, a site, a refusal, how an
//! import or a lab file went, countries by name. Over `crate::text`, which
//! the command line shares.

use super::Texts;
use crate::engine::answer::Answer;
use crate::engine::question::Question;
use crate::questionnaire::Mode;
use crate::text::{format_date, format_number};

impl Texts {
    /// Countries by name, in the reader's alphabet order (not the codes'):
    /// (name, code).
    pub fn countries_by_name(&self, codes: &[String]) -> Vec<(String, String)> {
        let mut named: Vec<(String, String)> = codes.iter().map(|c| (self.country(c), c.clone())).collect();
        crate::sort::sort(&mut named);
        named
    }

    /// Why an answer was refused (see `text::refusal_words`).
    pub fn refusal(&self, error: &crate::engine::answer::AnswerError) -> String {
        crate::text::refusal_words(&self.messages, &self.language, error)
    }

    /// How an import went: whether it worked, and what to say. A refused
    /// file names each answer by its question, as the person saw it.
    pub fn import_message(
        &self,
        bank: &crate::engine::question::QuestionBank,
        mode: Mode,
        result: &Result<(), crate::questionnaire::saved::ImportError>,
    ) -> (bool, String) {
        use crate::questionnaire::saved::{ImportError, Refusal};
        match result {
            Ok(()) => (true, self.get("import-done")),
            Err(ImportError::Unreadable) => (false, self.get("import-unreadable")),
            Err(ImportError::Foreign) => (false, self.get("import-foreign")),
            Err(ImportError::TooNew(_)) => (false, self.get("import-too-new")),
            Err(ImportError::TooMuch(_)) => (false, self.get("import-too-large")),
            Err(ImportError::Refused(list)) => {
                let items: Vec<String> = list
                    .iter()
                    .map(|(id, why)| {
                        let question = bank.current(id).map_or_else(|| id.clone(), |q| self.prompt(q, mode));
                        let why = match why {
                            Refusal::Answer(e) => self.refusal(e),
                            Refusal::Country(code) => self.format("error-not-a-country", &[("code", code)]),
                        };
                        format!("{question} {why}")
                    })
                    .collect();
                (false, format!("{} {}", self.get("import-refused"), items.join(" ")))
            }
        }
    }

    /// How reading a clinic's lab file went: whether anything was read, and what to say.
    pub fn labs_message(
        &self,
        bank: &crate::engine::question::QuestionBank,
        result: &Result<crate::questionnaire::fhir_labs::LabReading, crate::web::files::LabsRefused>,
    ) -> (bool, String) {
        use crate::questionnaire::fhir_labs::WhyNotUsed;
        use crate::web::files::LabsRefused;
        let reading = match result {
            Ok(reading) => reading,
            Err(LabsRefused::TooMuch(_)) => return (false, self.get("import-too-large")),
            Err(LabsRefused::Unreadable) => return (false, self.get("import-unreadable")),
            Err(LabsRefused::Foreign) => return (false, self.get("labs-foreign")),
            Err(LabsRefused::Empty) => return (false, self.get("labs-empty")),
        };
        let count = reading.read.len();
        let mut said = vec![self.format("labs-read", &[("count", &count.to_string())])];
        if !reading.conflicts.is_empty() {
            let which: Vec<String> =
                reading.conflicts.iter().filter_map(|q| bank.get(q)).map(|q| self.prompt(q, Mode::Clinician)).collect();
            said.push(self.format("labs-conflicts", &[("list", &which.join("; "))]));
        }
        if !reading.not_understood.is_empty() {
            let which: Vec<String> = (reading.not_understood.iter())
                .map(|n| {
                    let name = n.name.clone().unwrap_or_else(|| self.get("labs-unnamed"));
                    let why = match &n.why {
                        WhyNotUsed::NotAsked => self.get("labs-not-asked"),
                        WhyNotUsed::NoValue => self.get("labs-no-value"),
                        WhyNotUsed::Unit(unit) => self.format("labs-unit", &[("unit", unit)]),
                        WhyNotUsed::Refused(e) => self.refusal(e),
                    };
                    format!("{name}: {why}")
                })
                .collect();
            said.push(self.format("labs-not-understood", &[("list", &which.join("; "))]));
        }
        (count > 0, said.join(" "))
    }

    /// "Facility, City, Country", the country in the reader's language; the
    /// city only where the sources name it.
    pub fn site(&self, s: &crate::engine::trial::Site) -> String {
        let mut parts = vec![s.facility.clone()];
        if !s.city.is_empty() {
            parts.push(s.city.clone());
        }
        parts.push(self.country(&s.country));
        parts.join(", ")
    }

    /// An answer in words, for the review and the printed summary.
    pub fn answer(&self, question: &Question, answer: &Answer, mode: Mode) -> String {
        let texts = self;
        let options = |ids: &mut dyn Iterator<Item = &String>| {
            let words: Vec<String> = ids.map(|o| texts.option(question, o)).collect();
            if words.is_empty() { texts.get("answer-none-of-these") } else { words.join("; ") }
        };
        match answer {
            Answer::DontKnow => texts.dont_know(mode),
            Answer::Bool(true) => texts.get("answer-yes"),
            Answer::Bool(false) => texts.get("answer-no"),
            Answer::Choice(o) => texts.option(question, o),
            Answer::Multi(chosen) => options(&mut chosen.iter()),
            Answer::Remembered(chosen) if chosen.is_empty() => texts.get("answer-nothing-ticked"),
            Answer::Remembered(chosen) => texts.format("answer-remembered", &[("items", &options(&mut chosen.iter()))]),
            Answer::Number { value, unit } => format!(
                "{} {}",
                format_number(&texts.language, *value),
                unit.as_deref().map(crate::clinical::units::display).unwrap_or_default()
            )
            .trim_end()
            .to_string(),
            Answer::Date(d) => format_date(&texts.language, *d),
            Answer::RememberedMedications(uses) if uses.is_empty() => texts.get("answer-nothing-ticked"),
            Answer::RememberedMedications(uses) => {
                texts.format("answer-remembered", &[("items", &medicines(texts, question, uses))])
            }
            Answer::Medications(uses) if uses.is_empty() => texts.get("answer-none-of-these"),
            Answer::Medications(uses) => medicines(texts, question, uses),
        }
    }
}

/// "Mycophenolate (12 months); tacrolimus *": a star for stopped because of side effects.
fn medicines(texts: &Texts, question: &Question, uses: &[crate::engine::answer::MedicationUse]) -> String {
    uses.iter()
        .map(|u| {
            let mut text = texts.option(question, &u.drug);
            if let Some(m) = u.months {
                text.push_str(&format!(" ({})", texts.plural("months-count", m.round() as usize)));
            }
            if u.stopped_for_side_effects == Some(true) {
                text.push_str(" *");
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}
