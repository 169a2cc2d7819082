//! What a site that embeds TrialCheck may set, checked: which trials, the
//! language, the starting mode, an accent colour, its own catalog's address.
//! Anything unusable is reported, never silently ignored.

use crate::catalog::load::is_nct_id;
use crate::reader::{DEFAULT_LANGUAGE, LANGUAGES, Mode, speaks};
use serde::Deserialize;

/// The options as a page gives them (attributes or `mount` options).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Options {
    pub trials: Option<String>,
    pub lang: Option<String>,
    pub mode: Option<String>,
    pub accent: Option<String>,
    pub catalog: Option<String>,
    /// ISO codes, comma-separated ("VN,CN").
    pub countries: Option<String>,
    /// Set by the loader, not by a site: where this build's data files are.
    pub data: Option<DataFiles>,
}

/// The addresses of the data files of the build the loader belongs to.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DataFiles {
    /// The checked catalog of trials, one file per language tag: each with
    /// its texts in that language only (`CatalogSpec::in_language`).
    pub catalogs: std::collections::BTreeMap<String, String>,
    /// One messages file per language, by language tag.
    pub messages: std::collections::BTreeMap<String, String>,
    /// The deployment's base (`TRIALCHECK_BASE` at build time): its FHIR
    /// Questionnaire is published there (see `questionnaire::canonical`).
    #[serde(default)]
    pub fhir_base: Option<String>,
    /// This build's copy of that Questionnaire: exports carry it beside the answers.
    #[serde(default)]
    pub questionnaire: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Empty: every trial of the catalog.
    pub trials: Vec<String>,
    pub language: String,
    /// Set: start with the questions, in this mode.
    pub mode: Option<Mode>,
    /// A CSS colour, checked to be one.
    pub accent: Option<String>,
    /// A site's own catalog, fetched and checked on load.
    pub catalog_url: Option<String>,
    /// Where this build's catalog and messages are (see `DataFiles`).
    pub data: Option<DataFiles>,
    /// The countries chosen for the person until they choose (a site's
    /// members may all live in one country); empty: any.
    pub countries: Vec<String>,
    /// What could not be used, in English for the site's developers.
    pub problems: Vec<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::from(Options::default())
    }
}

/// `#rgb`, `#rrggbb` or `#rrggbbaa`: nothing that could carry more CSS.
fn is_hex_colour(s: &str) -> bool {
    s.strip_prefix('#').is_some_and(|h| matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

// Language tags, registry ids and country codes are ASCII, so their case is
// changed with the ASCII mapping throughout: Unicode's case tables would add
// 15 KB gzipped to the wasm (measured), for letters none of them can hold.

/// The first of the browser's preferred languages that TrialCheck speaks.
pub fn from_browser(preferred: &[String]) -> Option<&'static str> {
    preferred.iter().find_map(|p| {
        let base = p.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        LANGUAGES.iter().map(|l| l.tag).find(|l| *l == base)
    })
}

impl From<Options> for Settings {
    fn from(o: Options) -> Settings {
        let mut problems = Vec::new();
        let trials: Vec<String> = o
            .trials
            .unwrap_or_default()
            .split(',')
            .map(|t| t.trim().to_ascii_uppercase())
            .filter(|t| !t.is_empty())
            .filter(|t| {
                let ok = is_nct_id(t);
                if !ok {
                    problems.push(format!("trials: `{t}` is not a registry id like NCT06904729"));
                }
                ok
            })
            .collect();
        let language = match o.lang.as_deref().map(|l| l.trim().to_ascii_lowercase()) {
            None => DEFAULT_LANGUAGE.to_string(),
            Some(l) => {
                let base = l.split(['-', '_']).next().unwrap_or("").to_string();
                if speaks(&base) {
                    base
                } else {
                    let tags: Vec<&str> = LANGUAGES.iter().map(|l| l.tag).collect();
                    problems.push(format!("lang: `{l}` is not one of {}", tags.join(", ")));
                    DEFAULT_LANGUAGE.to_string()
                }
            }
        };
        let mode = match o.mode.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => {
                let mode = Mode::parse(text);
                if mode.is_none() {
                    problems.push(format!("mode: `{text}` is not one of myself, child, clinician"));
                }
                mode
            }
        };
        let accent = o.accent.map(|a| a.trim().to_string()).filter(|a| {
            let ok = is_hex_colour(a);
            if !ok {
                problems.push(format!("accent: `{a}` is not a colour like #1f5fa8"));
            }
            ok
        });
        let catalog_url = o.catalog.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
        let mut countries: Vec<String> = (o.countries.unwrap_or_default().split(','))
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| !c.is_empty())
            .filter(|c| {
                let ok = crate::catalog::countries::is_country_code(c);
                if !ok {
                    problems.push(format!("countries: `{c}` is not a two-letter country code like VN"));
                }
                ok
            })
            .collect();
        crate::sort::sort(&mut countries);
        countries.dedup();
        Settings { trials, language, mode, accent, catalog_url, data: o.data, countries, problems }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(trials: &str, lang: &str, mode: &str, accent: &str) -> Settings {
        Settings::from(Options {
            trials: Some(trials.into()),
            lang: Some(lang.into()),
            mode: Some(mode.into()),
            accent: Some(accent.into()),
            catalog: None,
            countries: Some(" vn, CN,,vn ".into()),
            data: None,
        })
    }

    #[test]
    fn good_options_are_read() {
        let s = settings(" nct06904729, NCT07233642 ", "vi-VN", "child", "#7a2e4d");
        assert_eq!(s.trials, ["NCT06904729", "NCT07233642"]);
        assert_eq!((s.language.as_str(), s.mode, s.accent.as_deref()), ("vi", Some(Mode::MyChild), Some("#7a2e4d")));
        assert_eq!(s.countries, ["CN", "VN"]);
        assert!(s.problems.is_empty());
    }

    #[test]
    fn unusable_options_are_reported_and_fall_back() {
        let s = settings("NCT1, NCT07233642", "fr", "doctor", "red; background: url(x)");
        assert_eq!(s.trials, ["NCT07233642"]);
        assert_eq!((s.language.as_str(), s.mode, s.accent), ("en", None, None));
        assert_eq!(s.problems.len(), 4, "{:?}", s.problems);
    }

    #[test]
    fn a_country_that_is_not_a_code_is_reported() {
        let s = Settings::from(Options { countries: Some("VN,Viet Nam".into()), ..Options::default() });
        assert_eq!(s.countries, ["VN"]);
        assert_eq!(s.problems, ["countries: `VIET NAM` is not a two-letter country code like VN"]);
    }

    #[test]
    fn the_browsers_first_spoken_language_wins() {
        let prefs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(from_browser(&prefs(&["fr-FR", "vi-VN", "en"])), Some("vi"));
        assert_eq!(from_browser(&prefs(&["zh-Hans-CN"])), Some("zh"));
        assert_eq!(from_browser(&prefs(&["de"])), None);
    }

    #[test]
    fn no_options_means_every_trial_in_english_from_the_welcome() {
        let s = Settings::default();
        assert!(s.trials.is_empty() && s.mode.is_none() && s.countries.is_empty() && s.problems.is_empty());
        assert_eq!(s.language, "en");
    }
}
