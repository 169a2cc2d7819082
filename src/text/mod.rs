//! The words people read, by message id and language, from `locales/*.toml`.
//! Components and the CLI never hold user-visible text of their own.

use std::collections::BTreeMap;

mod refusals;
pub use refusals::refusal_words;

/// `{ "en": { "question-sex": "…", … }, "vi": … }`, built from `locales/` by
/// build.rs, inside the CLI; the app fetches one language's file instead
/// (`export-messages`), unless built with the `embedded-data` feature.
#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-data"))]
pub const SHIPPED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.json"));

pub use crate::reader::DEFAULT_LANGUAGE;

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

    /// Whether `language` itself has `id` (no fallback).
    pub fn has(&self, language: &str, id: &str) -> bool {
        self.by_language.get(language).is_some_and(|m| m.contains_key(id))
    }

    pub fn ids(&self, language: &str) -> impl Iterator<Item = &str> {
        self.by_language.get(language).into_iter().flat_map(|m| m.keys().map(String::as_str))
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

/// The message id of a trial's verdict, for the app and the command line alike.
pub fn verdict_message(a: &crate::engine::assess::Assessment) -> &'static str {
    use crate::engine::assess::{Verdict, Wait};
    use crate::engine::trial::Published;
    // A trial read in part is never plainly "likely eligible": only on what was published.
    let partial = a.trial.facts.criteria_published == Published::Partial;
    match a.verdict {
        Verdict::LikelyEligible if a.pending_screening && partial => "verdict-likely_eligible-pending-published",
        Verdict::LikelyEligible if a.pending_screening => "verdict-likely_eligible-pending",
        Verdict::LikelyEligible if partial => "verdict-likely_eligible-published",
        Verdict::LikelyEligible => "verdict-likely_eligible",
        Verdict::NotEligible => "verdict-not_eligible",
        Verdict::NotYet if a.criteria.iter().any(|c| matches!(c.wait, Some(Wait::From { age: Some(_), .. }))) => {
            "verdict-not_yet-age"
        }
        Verdict::NotYet => "verdict-not_yet",
        Verdict::Undecided => "verdict-undecided",
    }
}

use crate::engine::assess::Wait;

/// The verdict in words: "May qualify from 2026-12-20, when 18" for a wait.
pub fn verdict_words(messages: &Messages, language: &str, a: &crate::engine::assess::Assessment) -> String {
    let id = verdict_message(a);
    let Some(from) = a.from else {
        return messages.get(language, id).unwrap_or(id).to_string();
    };
    // The age reached on the last day of waiting, where that day is an age's.
    let age = a
        .criteria
        .iter()
        .find_map(|c| match c.wait {
            Some(Wait::From { day, age: Some(age) }) if day == from => Some(age),
            _ => None,
        })
        .or_else(|| a.criteria.iter().find_map(|c| if let Some(Wait::From { age, .. }) = c.wait { age } else { None }))
        .map(|n| n.to_string())
        .unwrap_or_default();
    messages.format(language, id, &[("date", &format_day(language, from)), ("age", &age)]).unwrap_or_default()
}

/// A trial's recruitment in words, with the day its source gives: "Not
/// recruiting now, as of 2025-10-29".
pub fn status_words(messages: &Messages, language: &str, status: &crate::engine::trial::Status) -> String {
    let id = format!("recruitment-{}", status.recruitment.name());
    let words = messages.get(language, &id).unwrap_or(&id).to_string();
    match status.as_of.as_deref().and_then(crate::clinical::dates::PartialDate::parse) {
        Some(day) => messages
            .format(language, "status-as-of", &[("status", &words), ("date", &format_date(language, day))])
            .unwrap_or(words),
        None => words,
    }
}

/// A day in the language's order (see `format_date`).
pub fn format_day(language: &str, d: crate::clinical::dates::Ymd) -> String {
    format_date(language, crate::clinical::dates::PartialDate { year: d.year, month: d.month, day: Some(d.day) })
}

/// What a criterion's wait or the study team's doubt adds to its line, in
/// words: "from 2026-12-20", "a wait", "your answers speak against it".
pub fn criterion_note(
    messages: &Messages,
    language: &str,
    c: &crate::engine::assess::CriterionResult,
) -> Option<String> {
    let say = |id: &str, args: &[(&str, &str)]| messages.format(language, id, args);
    match c.wait {
        Some(Wait::From { day, age: Some(age) }) => {
            say("note-from-age", &[("date", &format_day(language, day)), ("age", &age.to_string())])
        }
        Some(Wait::From { day, age: None }) => say("note-from", &[("date", &format_day(language, day))]),
        Some(Wait::Open) => say("note-wait", &[]),
        None if c.against => say("note-against", &[]),
        None => None,
    }
}

/// A computed value in words: "eGFR (bedside Schwartz): 85.4 mL/min/1.73 m²",
/// "SLEDAI-2K: 14", or a range where the answers are partial.
pub fn computed_words(messages: &Messages, language: &str, c: &crate::engine::assess::Computed) -> String {
    use crate::clinical::egfr::Formula;
    use crate::engine::assess::Calculator;
    let number = |x: f64| format_number(language, (x * 10.0).round() / 10.0);
    let value = if (c.hi - c.lo).abs() < 0.05 {
        number(c.lo)
    } else {
        messages.format(language, "computed-range", &[("lo", &number(c.lo)), ("hi", &number(c.hi))]).unwrap_or_default()
    };
    let say = |id: &str, args: &[(&str, &str)]| messages.format(language, id, args).unwrap_or_default();
    match c.what {
        Calculator::Egfr(formula) => {
            let formula = say(
                match formula {
                    Formula::CkdEpi2021 => "formula-ckd_epi_2021",
                    Formula::BedsideSchwartz => "formula-bedside_schwartz",
                    Formula::ForAge => "formula-for_age",
                },
                &[],
            );
            say("computed-egfr", &[("formula", &formula), ("value", &value)])
        }
        Calculator::Sledai { whole: true } => say("computed-sledai", &[("value", &value)]),
        Calculator::Sledai { whole: false } => say("computed-sledai-part", &[("value", &value)]),
        Calculator::EularAcr => say("computed-eular", &[("value", &value)]),
        Calculator::Count(counted) => {
            use crate::engine::assess::Counted;
            let id = match counted {
                Counted::Any => "computed-count",
                Counted::TakenLongEnough => "computed-count-taken",
                Counted::Inadequate => "computed-count-inadequate",
                Counted::Intolerant => "computed-count-intolerant",
            };
            say(id, &[("value", &value)])
        }
    }
}

/// The message id of who can settle an open criterion.
pub fn settler_message(s: crate::engine::assess::Settler) -> &'static str {
    use crate::engine::assess::Settler;
    match s {
        Settler::Person => "who-person",
        Settler::Doctor => "who-doctor",
        Settler::StudyTeam => "who-study_team",
    }
}

/// A number as the language writes it: Vietnamese uses a decimal comma.
/// At most four decimals, trailing zeros dropped (0.413, 1.5, 70).
pub fn format_number(language: &str, x: f64) -> String {
    let mut text = format!("{:.4}", x);
    while text.contains('.') && (text.ends_with('0') || text.ends_with('.')) {
        text.pop();
    }
    if text == "-0" {
        text = "0".into();
    }
    if language == "vi" { text.replace('.', ",") } else { text }
}

/// A date in the language's order: 15/03/2016 (vi), 2016年3月15日 (zh),
/// 2016-03-15 (en, unambiguous for readers of any English).
pub fn format_date(language: &str, d: crate::clinical::dates::PartialDate) -> String {
    match (language, d.day) {
        ("vi", Some(day)) => format!("{day:02}/{:02}/{}", d.month, d.year),
        ("vi", None) => format!("{:02}/{}", d.month, d.year),
        ("zh", Some(day)) => format!("{}年{}月{day}日", d.year, d.month),
        ("zh", None) => format!("{}年{}月", d.year, d.month),
        _ => d.to_string(),
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
    use crate::engine::catalog::Catalog;

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

    /// A yes/no question reads as a question in every language and wording:
    /// "lupus still active" stated as a fact invites a wrong "yes".
    #[test]
    fn every_yes_no_question_is_asked_as_a_question() {
        use crate::engine::question::Kind;
        let messages = Messages::shipped().unwrap();
        let catalog = Catalog::shipped().unwrap();
        let mut statements = Vec::new();
        for q in catalog.bank.iter().filter(|q| q.kind == Kind::YesNo) {
            for lang in crate::reader::language_tags() {
                for suffix in ["", "-child", "-clinician"] {
                    let id = format!("{}{suffix}", q.prompt_id());
                    let Some(text) = messages.get(lang, &id) else { continue };
                    // Vietnamese asks with "... không?" / "... chưa?"; a statement with a
                    // question mark is still a statement (clinician wording may be terse).
                    let asked = match (lang, suffix) {
                        ("vi", "" | "-child") => text.ends_with("không?") || text.ends_with("chưa?"),
                        _ => text.ends_with('?') || text.ends_with('？'),
                    };
                    if !asked {
                        statements.push(format!("{lang} {id}: {text}"));
                    }
                }
            }
        }
        assert!(statements.is_empty(), "not a question: {statements:?}");
    }

    /// Words that name the wrong thing, found in review: "liver function too
    /// high" (the tests are ALT, AST and bilirubin); "neuropsychiatric lupus"
    /// for CNS lupus (broader than the exclusion).
    #[test]
    fn chinese_words_name_what_the_criteria_name() {
        let messages = Messages::shipped().unwrap();
        let catalog = Catalog::shipped().unwrap();
        for t in &catalog.trials {
            for c in t.criteria.iter().filter(|c| c.id == "liver") {
                let zh = c.plain.get("zh");
                assert!(zh.contains("ALT") && !zh.contains("肝功能不能"), "{} liver: {zh}", t.id);
            }
        }
        let cns = messages.get("zh", "question-cns_lupus_last_60_days-clinician").unwrap();
        assert!(cns.contains("中枢神经系统") && !cns.contains("神经精神"), "{cns}");
    }

    /// Words a review found reading wrong: Vietnamese "chưa đáp ứng" ("not
    /// yet met") heading the reasons of a trial ruled out; syphilis asked as
    /// "ever" where the trials exclude a current infection; "8 分以上" in
    /// Chinese where every other text says "8 or more" (以上 may exclude 8).
    #[test]
    fn words_say_what_the_verdict_and_the_criteria_say() {
        let messages = Messages::shipped().unwrap();
        let not_met = messages.get("vi", "requirement-not_met").unwrap();
        assert!(!not_met.to_lowercase().starts_with("chưa"), "{not_met}");
        for (lang, now) in [("en", "now"), ("vi", "Hiện"), ("zh", "目前")] {
            for suffix in ["", "-child"] {
                let asked = messages.get(lang, &format!("question-syphilis{suffix}")).unwrap();
                assert!(asked.contains(now), "{lang}: {asked}");
            }
        }
        let catalog = Catalog::shipped().unwrap();
        for t in &catalog.trials {
            for c in &t.criteria {
                let zh = c.plain.get("zh");
                assert!(!zh.contains("分以上") || zh.contains("分或以上"), "{} {}: {zh}", t.id, c.id);
            }
        }
    }

    /// A trial's recruitment reads the same in every language, with the day
    /// its source gives, and every status has words in every language.
    #[test]
    fn a_status_is_said_with_its_day_in_every_language() {
        use crate::engine::trial::{Recruitment, Status};
        let messages = Messages::shipped().unwrap();
        let status = Status {
            recruitment: Recruitment::ActiveNotRecruiting,
            as_of: Some("2025-10-29".into()),
            ..Status::default()
        };
        assert_eq!(status_words(&messages, "en", &status), "Not recruiting now (the study goes on), as of 2025-10-29");
        assert_eq!(
            status_words(&messages, "vi", &status),
            "Hiện không tuyển (nghiên cứu vẫn tiếp tục), tính đến 29/10/2025"
        );
        assert_eq!(status_words(&messages, "zh", &status), "目前不招募（研究仍在进行），截至 2025年10月29日");
        for r in Recruitment::ALL {
            for lang in crate::reader::language_tags() {
                assert!(messages.has(lang, &format!("recruitment-{}", r.name())), "{lang} {}", r.name());
            }
        }
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
                    // Feature names in `cfg` attributes are not words on screen.
                    let text: Vec<&str> = text.lines().filter(|l| !l.contains("feature = ")).collect();
                    for piece in text.join("\n").split('"').skip(1).step_by(2) {
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
    fn every_list_of_questions_has_its_title_and_help_in_every_language() {
        // Their ids are built from the bank's `together` keys, so the scan above cannot see them.
        let catalog = crate::engine::catalog::Catalog::shipped().unwrap();
        let messages = Messages::shipped().unwrap();
        let keys: std::collections::BTreeSet<&str> =
            catalog.bank.iter().filter_map(|q| q.together.as_deref()).collect();
        assert!(keys.len() >= 2, "{keys:?}");
        let mut missing = Vec::new();
        for key in keys {
            for lang in crate::reader::language_tags() {
                for id in [format!("checklist-{key}"), format!("checklist-{key}-help")] {
                    if messages.get(lang, &id).is_none() {
                        missing.push(format!("{lang} {id}"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }

    /// `{name}` placeholders of a message, sorted.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text.split('{').skip(1).filter_map(|p| p.split('}').next()).collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn vietnamese_and_chinese_have_every_message_with_the_same_placeholders() {
        let messages = Messages::shipped().unwrap();
        let languages: Vec<&str> = messages.languages().collect();
        assert_eq!(languages, ["en", "vi", "zh"]);
        for language in ["vi", "zh"] {
            // A `-one` form exists only where the language has plural forms.
            let needed = messages.ids("en").filter(|id| !id.ends_with("-one"));
            let missing: Vec<&str> = needed.filter(|id| !messages.has(language, id)).collect();
            assert!(missing.is_empty(), "{language} lacks: {missing:?}");
            let stray: Vec<&str> = messages.ids(language).filter(|id| !messages.has("en", id)).collect();
            assert!(stray.is_empty(), "{language} has ids English does not: {stray:?}");
            for id in messages.ids(language) {
                let (ours, english) = (messages.get(language, id).unwrap_or(""), messages.get("en", id).unwrap_or(""));
                assert_eq!(placeholders(ours), placeholders(english), "{language} {id}");
            }
        }
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
    fn numbers_and_dates_are_shown_the_languages_way() {
        assert_eq!(format_number("vi", 1.5), "1,5");
        assert_eq!(format_number("en", 1.5), "1.5");
        assert_eq!(format_number("zh", 70.0), "70");
        assert_eq!(format_number("en", 0.41300001), "0.413");
        let d = crate::clinical::dates::PartialDate::parse("2016-03-15").unwrap();
        assert_eq!(format_date("vi", d), "15/03/2016");
        assert_eq!(format_date("zh", d), "2016年3月15日");
        assert_eq!(format_date("en", d), "2016-03-15");
        let m = crate::clinical::dates::PartialDate::parse("2026-05").unwrap();
        assert_eq!((format_date("vi", m), format_date("zh", m)), ("05/2026".to_string(), "2026年5月".to_string()));
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
