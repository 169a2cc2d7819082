//! Who reads the questions and in which language: small types that the
//! settings, the questionnaire, the words and both faces all name, defined
//! once, below them all.

use serde::{Deserialize, Serialize};

/// Who is answering: it sets the wording and the order of the questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The person who may join, in plain words.
    Myself,
    /// A parent or carer, in plain words about "your child".
    MyChild,
    /// A study coordinator or doctor with the notes and a lab report at hand.
    Clinician,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Myself, Mode::MyChild, Mode::Clinician];

    /// As files, options and the command line write it: `myself`, `my_child`, `clinician`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Myself => "myself",
            Mode::MyChild => "my_child",
            Mode::Clinician => "clinician",
        }
    }

    /// From its name; `child` is read as `my_child` (a site's `mode="child"`).
    pub fn parse(text: &str) -> Option<Mode> {
        match text.trim() {
            "child" => Some(Mode::MyChild),
            name => Mode::ALL.into_iter().find(|m| m.name() == name),
        }
    }
}

/// A language the app speaks: its tag and its name in itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    pub tag: &'static str,
    pub name: &'static str,
}

/// The languages of `locales/` (a test holds the two to the same list).
pub const LANGUAGES: &[Language] = &[
    Language { tag: "en", name: "English" },
    Language { tag: "vi", name: "Tiếng Việt" },
    Language { tag: "zh", name: "中文" },
];

/// The language every text falls back to.
pub const DEFAULT_LANGUAGE: &str = "en";

/// The tags of the languages: `en`, `vi`, `zh`.
pub fn language_tags() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().map(|l| l.tag)
}

/// Whether the app speaks the language with this tag.
pub fn speaks(tag: &str) -> bool {
    language_tags().any(|t| t == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mode_reads_back_from_its_name_and_child_is_a_parent() {
        for m in Mode::ALL {
            assert_eq!(Mode::parse(m.name()), Some(m));
        }
        assert_eq!(Mode::parse(" child "), Some(Mode::MyChild));
        assert_eq!(Mode::parse("doctor"), None);
    }

    #[test]
    fn the_languages_are_the_locales() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(String::from))
            .collect();
        files.sort();
        assert_eq!(files, language_tags().collect::<Vec<_>>());
    }
}
