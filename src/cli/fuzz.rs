//! `trialcheck fuzz [--seconds N]`: every reader of outside input, fed
//! mutations of a corpus of real files for N seconds (split between the
//! targets): the rule parser and compiler, catalog files (JSON and TOML),
//! answers files, a clinic's FHIR file of lab values, embedding options,
//! numbers as typed, and the FHIR export of whatever answers get through. A panic or an input that takes over a second
//! is a failure: the input is written to `tests/fixtures/fuzz/`, where a
//! regression test replays every file found there. Prints the inputs tried
//! per target. `scripts/fuzz` runs it; `scripts/test` with a short budget.

use super::say;
use super::{Args, Failure, Outcome};
use crate::catalog::schema::CatalogSpec;
use crate::catalog::{SHIPPED_JSON, load, source};
use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answers, RawAnswer, parse_measurement, read_number};
use crate::engine::catalog::Catalog;
use crate::engine::rule::{Facts, Rule};
use crate::questionnaire::saved::SavedAnswers;
use crate::questionnaire::{Mode, Session, fhir};
use crate::settings::{Options, Settings};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// One reader of outside input, and real inputs to start from.
pub struct Target {
    pub name: &'static str,
    pub corpus: Vec<String>,
    /// Reads the input as the product would; must neither panic nor hang.
    pub run: fn(&Catalog, &str),
}

fn today() -> Ymd {
    Ymd::new(2026, 11, 21).unwrap_or(Ymd::from_days_since_epoch(20_000))
}

fn fixtures(dir: &str, ext: &str) -> Vec<String> {
    let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == ext)).collect()
        })
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn rule(catalog: &Catalog, text: &str) {
    if let Ok(rule) = Rule::compile(text, &catalog.bank, &catalog.implied) {
        let answers = Answers::new();
        let _ = rule.evaluate(&Facts::new(&answers, today()));
    }
}

fn catalog_json(_: &Catalog, text: &str) {
    if crate::limits::check(text, crate::limits::MAX_CATALOG_BYTES).is_ok()
        && let Ok(spec) = serde_json::from_str::<CatalogSpec>(text)
    {
        let _ = load::catalog(spec, "fuzz.json");
    }
}

fn catalog_toml(catalog: &Catalog, text: &str) {
    match source::parse("fuzz.toml", text) {
        Ok(source::Contents::Trial(t)) => {
            let _ = source::trial("fuzz.toml", text, *t, &catalog.bank, &catalog.implied);
        }
        Ok(source::Contents::Questions(q)) => {
            let _ = source::question_bank("fuzz.toml", text, q);
        }
        _ => {}
    }
}

/// An answers file as `screen --answers` reads it, then its FHIR export.
fn answers(catalog: &Catalog, text: &str) {
    if crate::limits::check(text, crate::limits::MAX_ANSWERS_BYTES).is_err() {
        return;
    }
    if let Ok(raw) = serde_json::from_str::<BTreeMap<String, RawAnswer>>(text)
        && let Ok(answers) = Answers::from_raw(&catalog.bank, raw, today())
    {
        let session = Session { answers, mode: Mode::Clinician, ..Session::new(today()) };
        let canonical = crate::questionnaire::canonical::Canonical::new("http://127.0.0.1:8080/", &catalog.bank);
        let words = |q: &crate::engine::question::Question, o: Option<&str>| format!("{}{o:?}", q.id);
        let response = fhir::questionnaire_response(catalog, &canonical, &session, &words, ("", &[]));
        let _ = serde_json::to_string(&response);
        let _ = crate::engine::assess::assess_catalog(catalog, &session.answers, today(), &[]);
    }
}

fn saved_file(catalog: &Catalog, text: &str) {
    if crate::limits::check(text, crate::limits::MAX_ANSWERS_BYTES).is_ok()
        && let Ok(saved) = serde_json::from_str::<SavedAnswers>(text)
    {
        let _ = saved.restore(catalog, today());
    }
}

/// A clinic system's file of lab values, as a clinician opens it.
fn fhir_labs(catalog: &Catalog, text: &str) {
    if crate::limits::check(text, crate::limits::MAX_CATALOG_BYTES).is_ok()
        && let Ok(resource) = serde_json::from_str::<crate::questionnaire::fhir_labs::Resource>(text)
    {
        let _ = crate::questionnaire::fhir_labs::read_labs(catalog, &resource, &Answers::new(), today());
    }
}

fn options(_: &Catalog, text: &str) {
    if let Ok(o) = serde_json::from_str::<Options>(text) {
        let _ = Settings::from(o);
    }
}

fn number(_: &Catalog, text: &str) {
    let _ = read_number(text);
    let _ = parse_measurement(text);
}

/// Every target with its corpus: the shipped catalog's rules and files, the
/// patient and answers fixtures, and the files of `tests/fixtures/fuzz/`.
pub fn targets(catalog: &Catalog) -> Vec<Target> {
    let rules: Vec<String> = catalog
        .trials
        .iter()
        .flat_map(|t| &t.criteria)
        .filter_map(|c| c.rule.as_ref().map(|r| r.text.clone()))
        .collect();
    let mut tomls = fixtures("catalog/trials", "toml");
    tomls.extend(fixtures("catalog", "toml"));
    tomls.extend(fixtures("tests/fixtures", "toml"));
    let mut answer_files = fixtures("tests/fixtures/patients", "json");
    answer_files.push(
        r#"{"neutrophils": "2,5 x10^9/L", "sledai_items": {"remembered": ["rash"]}, "pregnant": "not_sure"}"#.into(),
    );
    let saved = fixtures("tests/fixtures", "json");
    let option_files = vec![
        r##"{"trials": "NCT06904729,NCT07233642", "lang": "vi-VN", "mode": "child", "accent": "#7a2e4d"}"##.to_string(),
        r#"{"catalog": "https://example.org/c.json", "data": {"catalog": "c.json", "messages": {"en": "m.json"}}}"#
            .into(),
    ];
    let lab_files = vec![
        r#"{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Observation", "code": {"coding": [{"system": "http://loinc.org", "code": "14682-9"}]}, "valueQuantity": {"value": 71, "unit": "umol/L", "system": "http://unitsofmeasure.org", "code": "umol/L"}}}, {"resource": {"resourceType": "Observation", "code": {"coding": [{"system": "http://loinc.org", "code": "1742-6"}]}, "valueQuantity": {"value": 40, "code": "[IU]/L"}}}]}"#.to_string(),
    ];
    let numbers = ["0,95 x10^9/L", "2.500 /uL", "1 200", "-3.5e2", "70 umol/L"].map(String::from).to_vec();
    vec![
        Target { name: "rule", corpus: rules, run: rule },
        Target { name: "catalog-json", corpus: vec![SHIPPED_JSON.to_string()], run: catalog_json },
        Target { name: "catalog-toml", corpus: tomls, run: catalog_toml },
        Target { name: "answers-and-fhir", corpus: answer_files, run: answers },
        Target { name: "saved-file", corpus: saved, run: saved_file },
        Target { name: "fhir-labs", corpus: lab_files, run: fhir_labs },
        Target { name: "options", corpus: option_files, run: options },
        Target { name: "number", corpus: numbers, run: number },
    ]
}

/// xorshift64*: reproducible inputs from a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Pieces that break readers: brackets, quotes, escapes, huge and odd numbers.
const INTERESTING: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    "\\",
    "\\u0000",
    ",",
    ":",
    "-1",
    "0",
    "1e308",
    "NaN",
    "inf",
    "9999999999999999999",
    "(",
    ")",
    " and ",
    " or ",
    " not ",
    " in ",
    "==",
    "<=",
    "x10^9/L",
    "umol/L",
    "%",
    "study_team",
    "null",
    "true",
    "\u{1F600}",
    "\u{0301}",
    "٣",
    "\n",
    "[[criterion]]",
    "rule = \"",
    "dont_know",
    "remembered",
];

fn mutate(rng: &mut Rng, corpus: &[String], input: &str) -> String {
    let mut bytes = input.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                if let Some(b) = bytes.get_mut(i) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let piece = INTERESTING.get(rng.below(INTERESTING.len())).copied().unwrap_or("[");
                bytes.splice(at..at, piece.bytes());
            }
            2 if !bytes.is_empty() => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + rng.below(32)).min(bytes.len());
                let chunk: Vec<u8> = bytes.get(at..end).map(<[u8]>::to_vec).unwrap_or_default();
                for _ in 0..=rng.below(8) {
                    bytes.splice(at..at, chunk.iter().copied());
                }
            }
            4 => {
                let other = corpus.get(rng.below(corpus.len())).map_or("", String::as_str).as_bytes();
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(64)).min(other.len());
                bytes.splice(at..at, other.get(from..to).unwrap_or_default().iter().copied());
            }
            _ => bytes.insert(at, (rng.next() & 0x7f) as u8),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A failing input, kept where the regression test replays it.
fn keep(target: &str, input: &str) -> String {
    let dir = format!("{}/tests/fixtures/fuzz", env!("CARGO_MANIFEST_DIR"));
    let _ = std::fs::create_dir_all(&dir);
    let name = format!(
        "{dir}/{target}-{:016x}.txt",
        input.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
    );
    let _ = std::fs::write(&name, input);
    name
}

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let seconds: u64 = args.value("seconds").unwrap_or("60").parse().map_err(|_| "--seconds takes a whole number")?;
    let catalog = super::shipped_catalog()?;
    let targets = targets(&catalog);
    let slice = Duration::from_millis(seconds * 1000 / targets.len().max(1) as u64);
    // Panics are what is looked for: caught and reported, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    say!("{:<18} {:>10}  failures", "target", "inputs");
    for (i, target) in targets.iter().enumerate() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1));
        let (mut tried, mut failures) = (0u64, Vec::new());
        let start = Instant::now();
        while start.elapsed() < slice && failures.len() < 5 {
            let seed = target.corpus.get(rng.below(target.corpus.len())).map_or("", String::as_str);
            let input = mutate(&mut rng, &target.corpus, seed);
            let began = Instant::now();
            let outcome = std::panic::catch_unwind(|| (target.run)(&catalog, &input));
            let took = began.elapsed();
            tried += 1;
            if outcome.is_err() {
                failures.push(format!("panic, kept in {}", keep(target.name, &input)));
            } else if took > Duration::from_secs(1) {
                failures.push(format!("{} ms, kept in {}", took.as_millis(), keep(target.name, &input)));
            }
        }
        failed |= !failures.is_empty();
        say!(
            "{:<18} {:>10}  {}",
            target.name,
            tried,
            if failures.is_empty() { "none".into() } else { failures.join("; ") }
        );
    }
    let _ = std::panic::take_hook();
    Ok(if failed { Outcome::Problems } else { Outcome::Ok })
}
