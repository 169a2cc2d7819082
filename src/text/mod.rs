//! The words people read, by message id and language, from `locales/*.toml`.
//! Components and the CLI never hold user-visible text of their own.

use std::collections::BTreeMap;

/// `{ "en": { "question-sex": "…", … }, "vi": … }`, built from `locales/` by build.rs.
pub const SHIPPED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.json"));

pub const DEFAULT_LANGUAGE: &str = "en";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Messages {
    by_language: BTreeMap<String, BTreeMap<String, String>>,
}

impl Messages {
    pub fn new(by_language: BTreeMap<String, BTreeMap<String, String>>) -> Messages {
        Messages { by_language }
    }

    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.by_language.keys().map(String::as_str)
    }

    /// The message in `language`, else in English; `None` if neither has it.
    pub fn get(&self, language: &str, id: &str) -> Option<&str> {
        [language, DEFAULT_LANGUAGE]
            .iter()
            .find_map(|l| self.by_language.get(*l).and_then(|m| m.get(id)))
            .map(String::as_str)
    }

    /// The form of `id` for a count: `{id}-one` or `{id}-other`, with
    /// `{count}` filled in. English has one/other; Vietnamese and Chinese
    /// have no plural forms, so they always use `-other`.
    pub fn plural(&self, language: &str, id: &str, count: usize) -> Option<String> {
        let form = match plural_category(language, count) {
            PluralCategory::One => "one",
            PluralCategory::Other => "other",
        };
        let n = count.to_string();
        self.format(language, &format!("{id}-{form}"), &[("count", &n)])
            .or_else(|| self.format(language, &format!("{id}-other"), &[("count", &n)]))
    }

    /// The message with `{name}` placeholders filled in.
    pub fn format(&self, language: &str, id: &str, args: &[(&str, &str)]) -> Option<String> {
        let mut text = self.get(language, id)?.to_string();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        Some(text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Other,
}

/// CLDR plural categories for the languages TrialCheck speaks.
pub fn plural_category(language: &str, count: usize) -> PluralCategory {
    match language {
        // No plural forms.
        "vi" | "zh" => PluralCategory::Other,
        _ if count == 1 => PluralCategory::One,
        _ => PluralCategory::Other,
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Messages {
    pub fn shipped() -> Result<Messages, String> {
        serde_json::from_str(SHIPPED_JSON).map(Messages::new).map_err(|e| format!("messages.json: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn every_question_and_option_has_english_words() {
        let messages = Messages::shipped().unwrap();
        let catalog = Catalog::shipped().unwrap();
        let mut missing = Vec::new();
        for q in catalog.bank.iter() {
            let mut ids = vec![q.prompt_id()];
            ids.extend(q.kind.options().iter().map(|o| q.option_id(o)));
            missing.extend(ids.into_iter().filter(|id| messages.get("en", id).is_none()));
        }
        assert!(missing.is_empty(), "no English text for: {missing:?}");
    }

    /// Every message id the app's components name (a string literal shaped
    /// like `word-word`, other than a `tc-` CSS class) has English words.
    #[test]
    fn every_message_the_app_shows_has_english_words() {
        fn literals(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    literals(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for piece in text.split('"').skip(1).step_by(2) {
                        let id_like = piece.contains('-')
                            && piece
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
                            && piece.starts_with(|c: char| c.is_ascii_lowercase())
                            && !piece.starts_with("tc-");
                        if id_like {
                            out.push(piece.to_string());
                        }
                    }
                }
            }
        }
        let mut ids = Vec::new();
        literals(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web"), &mut ids);
        assert!(ids.len() > 40, "found only {} message ids", ids.len());
        let messages = Messages::shipped().unwrap();
        // A plural stem counts when its `-other` form exists.
        let known = |id: &str| messages.get("en", id).is_some() || messages.get("en", &format!("{id}-other")).is_some();
        let missing: Vec<&String> = ids.iter().filter(|id| !known(id)).collect();
        assert!(missing.is_empty(), "no English text for: {missing:?}");
    }

    #[test]
    fn english_counts_take_one_or_other_and_vietnamese_and_chinese_do_not_inflect() {
        let messages = Messages::new(BTreeMap::from([
            (
                "en".to_string(),
                BTreeMap::from([
                    ("things-one".to_string(), "{count} thing".to_string()),
                    ("things-other".to_string(), "{count} things".to_string()),
                ]),
            ),
            ("vi".to_string(), BTreeMap::from([("things-other".to_string(), "{count} việc".to_string())])),
        ]));
        assert_eq!(messages.plural("en", "things", 1).as_deref(), Some("1 thing"));
        assert_eq!(messages.plural("en", "things", 0).as_deref(), Some("0 things"));
        assert_eq!(messages.plural("en", "things", 2).as_deref(), Some("2 things"));
        assert_eq!(messages.plural("vi", "things", 1).as_deref(), Some("1 việc"));
        assert_eq!(plural_category("zh", 1), PluralCategory::Other);
    }

    #[test]
    fn falls_back_to_english_and_fills_placeholders() {
        let messages = Messages::new(BTreeMap::from([
            ("en".to_string(), BTreeMap::from([("hello".to_string(), "Hello {name}".to_string())])),
            ("vi".to_string(), BTreeMap::new()),
        ]));
        assert_eq!(messages.format("vi", "hello", &[("name", "Lan")]), Some("Hello Lan".to_string()));
        assert_eq!(messages.get("vi", "absent"), None);
    }
}
