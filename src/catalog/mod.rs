//! Trial catalogs: files in, a checked catalog out (the catalog type is the
//! engine's, `engine::catalog`; assessing answers against it, `engine::assess`).
//!
//! Authors write TOML (`catalog/questions.toml`, `catalog/trials/*.toml`);
//! the build turns them into one JSON document that the app carries inside
//! it. Both forms go through the same checks in `load`.

pub mod countries;
#[cfg(not(target_arch = "wasm32"))]
pub mod freshness;
#[cfg(not(target_arch = "wasm32"))]
pub mod lint;
pub mod load;
pub mod schema;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;

#[cfg(not(target_arch = "wasm32"))]
use crate::engine::catalog::Catalog;
use std::fmt;

/// The catalog built from `catalog/` by build.rs, inside the CLI. The app
/// fetches it as a file of its build instead (`export-catalog`), unless built
/// with the `embedded-data` feature (its browser tests).
#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-data"))]
pub const SHIPPED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

/// One step of the way to a value inside a catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPart {
    Key(String),
    Index(usize),
}

/// A problem in a catalog file: the file, where in it, and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogError {
    pub file: Box<str>,
    pub path: Vec<PathPart>,
    /// Byte offset inside the string value (a rule's error position).
    pub offset: Option<usize>,
    /// How long the part of the rule it points at is (a caret under the whole of it).
    pub width: Option<u16>,
    /// 1-based line and column, where the file's text is at hand.
    pub line_col: Option<(usize, usize)>,
    pub message: Box<str>,
    /// What may fix it, apart from what is wrong ("did you mean …"); boxed
    /// to keep the error small, as it travels in every `Result`.
    pub help: Option<Box<str>>,
}

impl CatalogError {
    pub fn new(file: &str, path: Vec<PathPart>, message: impl Into<String>) -> CatalogError {
        CatalogError {
            file: file.into(),
            path,
            offset: None,
            width: None,
            line_col: None,
            message: message.into().into_boxed_str(),
            help: None,
        }
    }

    /// A rule's error, whole, at the rule's place in the file.
    pub fn in_rule(file: &str, path: Vec<PathPart>, e: crate::engine::rule::RuleError) -> CatalogError {
        CatalogError {
            offset: Some(e.span.start),
            width: u16::try_from(e.span.end.saturating_sub(e.span.start)).ok(),
            help: e.help.map(String::into_boxed_str),
            ..CatalogError::new(file, path, e.message)
        }
    }

    /// "criterion[3].rule: message (help)": the problem where a file has no lines (a fetched catalog).
    pub fn at_path(&self) -> String {
        let help = self.help.as_deref().map(|h| format!(" ({h})")).unwrap_or_default();
        format!("{}: {}{help}", self.path_text(), self.message)
    }

    /// "criterion[3].rule", for when no line is known.
    pub fn path_text(&self) -> String {
        let mut out = String::new();
        for part in &self.path {
            match part {
                PathPart::Key(k) if out.is_empty() => out.push_str(k),
                PathPart::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                PathPart::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.place(f)?;
        match &self.help {
            Some(help) => write!(f, " ({help})"),
            None => Ok(()),
        }
    }
}

impl CatalogError {
    /// "file:line:col: message", or the path where no line is known.
    fn place(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line_col {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None if self.path.is_empty() => write!(f, "{}: {}", self.file, self.message),
            None => {
                let at = self.offset.map(|o| format!(", character {}", o + 1)).unwrap_or_default();
                write!(f, "{}: {}{at}: {}", self.file, self.path_text(), self.message)
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Catalog {
    /// The catalog the app ships. Its validity is a test, so a failure here
    /// means a broken build, reported rather than panicking.
    pub fn shipped() -> Result<Catalog, Vec<CatalogError>> {
        let spec = serde_json::from_str(SHIPPED_JSON)
            .map_err(|e| vec![CatalogError::new("catalog.json", vec![], e.to_string())])?;
        load::catalog(spec, "catalog.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalog_is_valid_and_holds_the_seed_trials_among_twelve_or_more() {
        let catalog = Catalog::shipped().unwrap_or_else(|errors| {
            panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        });
        let ids: Vec<&str> = catalog.trials.iter().map(|t| t.id.as_str()).collect();
        for seed in ["NCT06904729", "NCT07233642", "NCT07432334"] {
            assert!(ids.contains(&seed), "{seed} missing from {ids:?}");
        }
        assert!(ids.len() >= 12, "only {} trials", ids.len());
    }

    #[test]
    fn a_catalog_of_one_language_shows_its_reader_every_text_the_whole_one_does_and_the_same_rules() {
        use crate::engine::trial::Localized;
        let whole_spec: schema::CatalogSpec = serde_json::from_str(SHIPPED_JSON).unwrap();
        let whole = Catalog::shipped().unwrap();
        let texts = |t: &crate::engine::trial::Trial| -> Vec<Localized> {
            let f = &t.facts;
            let mut all = vec![&f.title, &f.summary, &f.phase, &f.status.note, &f.ages, &f.sex];
            all.extend(&f.missing);
            all.extend(t.criteria.iter().flat_map(|c| [&c.plain, &c.original_translation]));
            all.into_iter().cloned().collect()
        };
        for lang in crate::reader::language_tags() {
            let spec = whole_spec.in_language(lang);
            let (full_size, size) =
                (serde_json::to_string(&whole_spec).unwrap().len(), serde_json::to_string(&spec).unwrap().len());
            assert!(size < full_size * 4 / 5, "{lang}: {size} bytes of {full_size}");
            let one = load::catalog(spec, "catalog-one.json").unwrap();
            assert_eq!(one.bank, whole.bank);
            for (t, w) in one.trials.iter().zip(&whole.trials) {
                assert_eq!(t.id, w.id);
                let rules = |t: &crate::engine::trial::Trial| {
                    t.criteria.iter().map(|c| (c.id.clone(), c.original.clone(), c.rule.clone())).collect::<Vec<_>>()
                };
                assert_eq!(rules(t), rules(w), "{lang} {}", t.id);
                for (a, b) in texts(t).iter().zip(&texts(w)) {
                    assert_eq!((a.get(lang), a.0.get(lang)), (b.get(lang), b.0.get(lang)), "{lang} {}", t.id);
                    assert!(a.0.len() <= 1);
                }
                assert_eq!(texts(t).len(), texts(w).len());
            }
        }
    }

    #[test]
    fn a_site_catalog_that_lists_a_trial_twice_is_refused_at_the_second() {
        let mut spec: schema::CatalogSpec = serde_json::from_str(SHIPPED_JSON).unwrap();
        let (twice, at) = (spec.trials[1].clone(), spec.trials.len());
        spec.trials.push(twice);
        let errors = load::catalog(spec, "site.json").err().unwrap();
        let said: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("duplicate trial id") && said[0].contains(&format!("trials[{at}]")), "{said:?}");
    }

    #[test]
    fn every_trial_says_where_it_is_and_how_much_of_its_criteria_was_read() {
        use crate::engine::trial::Published;
        let catalog = Catalog::shipped().unwrap();
        for t in &catalog.trials {
            assert!(!t.facts.sites.is_empty(), "{}: no site, so no country to choose it by", t.id);
            assert!(!t.facts.sources.is_empty(), "{}: no source", t.id);
            // A trial read in part says what is missing, in words, on its card.
            if t.facts.criteria_published == Published::Partial {
                assert!(!t.facts.missing.is_empty(), "{}: partial criteria but nothing said missing", t.id);
            }
        }
    }

    #[test]
    fn every_criterion_without_a_rule_is_said_to_be_the_study_teams() {
        let catalog = Catalog::shipped().unwrap();
        let undecidable: Vec<&str> = catalog
            .trials
            .iter()
            .flat_map(|t| &t.criteria)
            .filter(|c| c.rule.is_none())
            .map(|c| c.id.as_str())
            .collect();
        // Venous access, consent, investigator judgement and the like: listed, not dropped.
        assert!(undecidable.contains(&"investigator_judgement") && undecidable.contains(&"venous_access"));
    }

    #[test]
    fn every_trial_text_and_every_registry_criterion_is_in_every_language() {
        let catalog = Catalog::shipped().unwrap();
        let mut missing = Vec::new();
        for t in &catalog.trials {
            let f = &t.facts;
            let mut texts = vec![("title", &f.title), ("summary", &f.summary), ("phase", &f.phase)];
            texts.extend([("ages", &f.ages), ("sex", &f.sex)]);
            // A note beside the status is in every language, or absent.
            if !f.status.note.0.is_empty() {
                texts.push(("status note", &f.status.note));
            }
            texts.extend(f.missing.iter().map(|m| ("missing", m)));
            texts.extend(t.criteria.iter().map(|c| ("plain", &c.plain)));
            for (what, text) in texts {
                for lang in crate::reader::language_tags() {
                    if text.0.get(lang).is_none_or(|s| s.trim().is_empty()) {
                        missing.push(format!("{} {what} {lang}", t.id));
                    }
                }
            }
            // The original stays as registered (English), its meaning in every
            // language in `plain`, and an unofficial translation of the original
            // itself in every other language, for every criterion of every trial.
            for c in &t.criteria {
                for lang in crate::reader::language_tags().filter(|l| *l != "en") {
                    if c.original_translation.0.get(lang).is_none_or(|s| s.trim().is_empty()) {
                        missing.push(format!("{} {} original {lang}", t.id, c.id));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "untranslated: {missing:?}");
    }

    #[test]
    fn every_question_is_used_by_some_trial() {
        let catalog = Catalog::shipped().unwrap();
        let used: std::collections::BTreeSet<&str> = catalog
            .trials
            .iter()
            .flat_map(|t| &t.criteria)
            .filter_map(|c| c.rule.as_ref())
            .flat_map(|r| r.node.inputs())
            .collect();
        let unused: Vec<&str> = catalog.bank.iter().map(|q| q.id.as_str()).filter(|q| !used.contains(q)).collect();
        assert!(unused.is_empty(), "questions no trial asks: {unused:?}");
    }
}
