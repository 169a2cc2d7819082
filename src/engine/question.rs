//! The question bank: every question any trial needs, asked once and shared.

use crate::clinical::units::Quantity;
use serde::{Deserialize, Serialize};

/// Where a question sits in the questionnaire, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    AboutYou,
    Diagnosis,
    Treatments,
    Kidney,
    LabResults,
    OtherHealth,
}

/// Who can usually answer: the person (or parent) from memory, or someone with
/// a lab report or the doctor's notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnsweredBy {
    Person,
    Doctor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// Year, month and day (a date of birth).
    Day,
    /// Year and month are enough (when was the biopsy?).
    Month,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// Yes / no / don't know.
    YesNo,
    /// One of the options.
    Choice { options: Vec<String> },
    /// Any number of the options, possibly none.
    Multi { options: Vec<String> },
    /// A measurement: `quantity` gives its units (none for a plain count or
    /// score); `min`..=`max` is what is humanly possible, in the canonical unit.
    Number { quantity: Option<&'static Quantity>, min: f64, max: f64, integer: bool },
    /// A date in the past.
    Date { precision: DatePrecision },
    /// Which of the listed medicines were taken, for how many months, and
    /// whether each was stopped because of side effects. `courses` are the
    /// medicines given as courses of infusions (rituximab): for them, having
    /// received them counts, whatever the months say.
    Medications { options: Vec<String>, courses: Vec<String> },
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::YesNo => "yes_no",
            Kind::Choice { .. } => "choice",
            Kind::Multi { .. } => "multi",
            Kind::Number { .. } => "number",
            Kind::Date { .. } => "date",
            Kind::Medications { .. } => "medications",
        }
    }

    pub fn options(&self) -> &[String] {
        match self {
            Kind::Choice { options } | Kind::Multi { options } | Kind::Medications { options, .. } => options,
            _ => &[],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub group: Group,
    pub answered_by: AnsweredBy,
    /// A tick list people fill in from memory (which of these has your child
    /// had?): in the plain-word modes an unticked item is not evidence of
    /// absence, unless the person says the list is complete.
    pub from_memory: bool,
    /// A test the study team does at screening (CD19 flow cytometry, ECG,
    /// LVEF): "don't know" leaves it to them, not to the person.
    pub at_screening: bool,
    /// A yes/no test result whose honest answer may be "never tested": the
    /// form offers it (recorded as "don't know"), so that "No" is never
    /// given for a test that was not done.
    pub never_tested: bool,
    /// A yes/no question about a window before now ("in the last 3
    /// months"): a yes is a wait that time closes, never an exclusion.
    pub window: bool,
    /// Ids this question had before: answers saved under them still open.
    pub formerly: Vec<String>,
    /// Yes/no questions with the same key are asked on one screen, as a list.
    pub together: Option<String>,
    /// Asked only once these have a known answer (an exception after the
    /// value it excuses: "raised by myositis?" after the ALT).
    pub after: Vec<String>,
    /// LOINC codes of the observations that answer it (a clinic's FHIR file).
    pub loinc: Vec<String>,
}

impl Question {
    /// A question with none of the optional traits.
    pub fn new(id: &str, kind: Kind, group: Group, answered_by: AnsweredBy) -> Question {
        Question {
            id: id.to_string(),
            kind,
            group,
            answered_by,
            from_memory: false,
            at_screening: false,
            never_tested: false,
            window: false,
            formerly: Vec::new(),
            together: None,
            after: Vec::new(),
            loinc: Vec::new(),
        }
    }

    /// Message ids for the localisation layer; derived, so a question can
    /// never point at another question's text.
    pub fn prompt_id(&self) -> String {
        format!("question-{}", self.id)
    }

    pub fn help_id(&self) -> String {
        format!("question-{}-help", self.id)
    }

    pub fn option_id(&self, option: &str) -> String {
        format!("option-{}-{}", self.id, option)
    }

    pub fn has_option(&self, option: &str) -> bool {
        self.kind.options().iter().any(|o| o == option)
    }
}

/// A concept several trials read, defined once over the questions as a rule
/// (`lupus_active`, `biopsy_counts_within(months)`): trial rules use it by
/// name, and `covers` names the questions they should not read directly.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub name: String,
    pub about: String,
    /// Plain numbers it takes, by name, as its rule uses them.
    pub params: Vec<String>,
    pub rule: String,
    pub covers: Vec<String>,
}

impl Shared {
    /// How it is written in a rule: `lupus_active`, `biopsy_counts_within(months)`.
    pub fn usage(&self) -> String {
        if self.params.is_empty() { self.name.clone() } else { format!("{}({})", self.name, self.params.join(", ")) }
    }
}

/// The questions, in the order they are asked (by group, then as written),
/// and the shared names defined over them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionBank {
    questions: Vec<Question>,
    shared: Vec<Shared>,
    /// Position by id: every criterion of every trial looks questions up, so
    /// with a fast hash for short keys (std's SipHash was a tenth of the
    /// time of assessing 1,000 trials; the ids come from the catalog, not
    /// from anyone trying to collide them).
    index: rustc_hash::FxHashMap<String, usize>,
}

impl QuestionBank {
    /// Orders the questions by group; within a group the given order stands.
    pub fn new(mut questions: Vec<Question>) -> QuestionBank {
        crate::sort::sort_by_key(&mut questions, |q| q.group);
        let index = questions.iter().enumerate().map(|(i, q)| (q.id.clone(), i)).collect();
        QuestionBank { questions, shared: Vec::new(), index }
    }

    /// The shared names, in the order written; each may use those before it.
    pub fn shared(&self) -> &[Shared] {
        &self.shared
    }

    pub fn shared_name(&self, name: &str) -> Option<&Shared> {
        self.shared.iter().find(|s| s.name == name)
    }

    /// For checking the shared names once the questions exist.
    pub(crate) fn add_shared(&mut self, shared: Shared) {
        self.shared.push(shared);
    }

    pub fn get(&self, id: &str) -> Option<&Question> {
        self.index.get(id).and_then(|i| self.questions.get(*i))
    }

    /// The question by its id, or by an id it had before (for old answer files).
    pub fn current(&self, id: &str) -> Option<&Question> {
        self.get(id).or_else(|| self.questions.iter().find(|q| q.formerly.iter().any(|f| f == id)))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter()
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The closest question id to a misspelt one, for error messages.
    pub fn suggest(&self, id: &str) -> Option<&str> {
        self.questions
            .iter()
            .map(|q| (edit_distance(&q.id, id), q.id.as_str()))
            .filter(|(d, _)| *d <= 2.max(id.len() / 4))
            .min()
            .map(|(_, s)| s)
    }
}

/// Levenshtein distance; ids are short, so the simple table is enough.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = (prev + usize::from(ca != *cb)).min(above + 1).min(left + 1);
            prev = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yes_no(id: &str, group: Group) -> Question {
        Question::new(id, Kind::YesNo, group, AnsweredBy::Person)
    }

    #[test]
    fn questions_are_ordered_by_group_and_keep_their_order_within_it() {
        let bank = QuestionBank::new(vec![
            yes_no("infection", Group::OtherHealth),
            yes_no("pregnant", Group::AboutYou),
            yes_no("biopsy_done", Group::Kidney),
            yes_no("sex_at_birth", Group::AboutYou),
        ]);
        let ids: Vec<&str> = bank.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["pregnant", "sex_at_birth", "biopsy_done", "infection"]);
    }

    #[test]
    fn a_misspelt_id_gets_a_suggestion() {
        let bank = QuestionBank::new(vec![yes_no("prior_car_t", Group::OtherHealth)]);
        assert_eq!(bank.suggest("prior_cart"), Some("prior_car_t"));
        assert_eq!(bank.suggest("hemoglobin"), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
