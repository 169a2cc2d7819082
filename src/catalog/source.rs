//! Catalog files on disk (native only): reading TOML or JSON, and turning a
//! problem's path inside a file into `file:line:col`.

use super::schema::{CatalogSpec, QuestionFile, TrialSpec};
use super::{CatalogError, PathPart, load};
use crate::engine::catalog::Catalog;
use crate::engine::question::QuestionBank;
use crate::engine::rule::Implications;
use crate::engine::trial::Trial;
use std::path::Path;

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A place in a parsed TOML document.
#[derive(Clone, Copy)]
enum At<'a> {
    Item(&'a toml_edit::Item),
    Table(&'a toml_edit::Table),
    Value(&'a toml_edit::Value),
}

impl<'a> At<'a> {
    fn of(item: &'a toml_edit::Item) -> At<'a> {
        match item {
            toml_edit::Item::Table(t) => At::Table(t),
            toml_edit::Item::Value(v) => At::Value(v),
            other => At::Item(other),
        }
    }

    fn step(self, part: &PathPart) -> Option<At<'a>> {
        use toml_edit::{Item, Value};
        match (self, part) {
            (At::Table(t), PathPart::Key(k)) => t.get(k).map(At::of),
            (At::Value(Value::InlineTable(t)), PathPart::Key(k)) => t.get(k).map(At::Value),
            (At::Item(Item::ArrayOfTables(a)), PathPart::Index(i)) => a.get(*i).map(At::Table),
            (At::Value(Value::Array(a)), PathPart::Index(i)) => a.get(*i).map(At::Value),
            _ => None,
        }
    }

    fn start(self) -> Option<usize> {
        match self {
            At::Item(i) => i.span(),
            At::Table(t) => t.span(),
            At::Value(v) => v.span(),
        }
        .map(|s| s.start)
    }
}

/// Where the value at `path` is in a TOML text; with `offset`, where that
/// byte of a string value is (rules are one-line strings without escapes).
/// Falls back to the nearest enclosing place that has a position.
pub fn locate(text: &str, path: &[PathPart], offset: Option<usize>) -> Option<(usize, usize)> {
    let doc = toml_edit::Document::parse(text).ok()?;
    let mut at = At::of(doc.as_item());
    let mut start = None;
    let mut reached = true;
    for part in path {
        match at.step(part) {
            Some(next) => {
                at = next;
                start = next.start().or(start);
            }
            None => {
                reached = false;
                break;
            }
        }
    }
    let start = start?;
    let inside = match offset {
        Some(o) if reached => o + quote_len(text, start),
        _ => 0,
    };
    Some(line_col(text, start + inside))
}

/// Characters of quoting before a string value's content.
fn quote_len(text: &str, start: usize) -> usize {
    let head = text.get(start..).unwrap_or("");
    if head.starts_with("\"\"\"") || head.starts_with("'''") {
        3
    } else if head.starts_with('"') || head.starts_with('\'') {
        1
    } else {
        0
    }
}

/// A syntax or structure error from the TOML reader, at its position.
fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> CatalogError {
    let mut err = CatalogError::new(file, vec![], e.message().to_string());
    err.line_col = e.span().map(|s| line_col(text, s.start));
    err
}

fn with_positions(text: &str, errors: Vec<CatalogError>) -> Vec<CatalogError> {
    errors
        .into_iter()
        .map(|mut e| {
            e.line_col = e.line_col.or_else(|| locate(text, &e.path, e.offset));
            e
        })
        .collect()
}

/// What a catalog file holds, judged by its contents.
pub enum Contents {
    Questions(QuestionFile),
    Trial(Box<TrialSpec>),
    Catalog(Box<CatalogSpec>),
}

pub fn read(path: &Path) -> Result<(String, String), CatalogError> {
    let name = path.display().to_string();
    std::fs::read_to_string(path)
        .map(|text| (name.clone(), text))
        .map_err(|e| CatalogError::new(&name, vec![], format!("cannot read the file: {e}")))
}

pub fn parse(file: &str, text: &str) -> Result<Contents, CatalogError> {
    crate::limits::check(text, crate::limits::MAX_CATALOG_BYTES)
        .map_err(|e| CatalogError::new(file, vec![], e.to_string()))?;
    if file.ends_with(".json") {
        return serde_json::from_str::<CatalogSpec>(text).map(|c| Contents::Catalog(Box::new(c))).map_err(|e| {
            CatalogError { line_col: Some((e.line(), e.column())), ..CatalogError::new(file, vec![], e.to_string()) }
        });
    }
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_error(file, text, &e))?;
    if table.contains_key("question") {
        toml::from_str(text).map(Contents::Questions).map_err(|e| toml_error(file, text, &e))
    } else {
        toml::from_str(text).map(|t| Contents::Trial(Box::new(t))).map_err(|e| toml_error(file, text, &e))
    }
}

/// A question file's bank, the items its lists imply, and its shared names.
pub fn question_bank(
    file: &str,
    text: &str,
    questions: QuestionFile,
) -> Result<(QuestionBank, Implications), Vec<CatalogError>> {
    load::question_bank(questions.question, file, &[PathPart::Key("question".into())])
        .and_then(|(bank, implied)| {
            let bank = load::shared_names(bank, &implied, questions.shared, file, &[PathPart::Key("shared".into())])?;
            Ok((bank, implied))
        })
        .map_err(|e| with_positions(text, e))
}

pub fn trial(
    file: &str,
    text: &str,
    spec: TrialSpec,
    bank: &QuestionBank,
    implied: &Implications,
) -> Result<Trial, Vec<CatalogError>> {
    load::trial(spec, bank, implied, file, &[]).map_err(|e| with_positions(text, e))
}

pub fn catalog(file: &str, spec: CatalogSpec) -> Result<Catalog, Vec<CatalogError>> {
    load::catalog(spec, file)
}

/// What checking catalog files found.
pub struct Checked {
    /// The trials that passed.
    pub trials: Vec<Trial>,
    pub errors: Vec<CatalogError>,
    /// Valid, but going around the rules for an honest "not eligible" (`lint`).
    pub warnings: Vec<super::lint::Warning>,
}

/// The reference patient of a trial file `<dir>/trials/<id>.toml`:
/// `<dir>/reference/<id>.json`, written from the registry text.
pub fn reference_patient(trial_file: &Path, id: &str) -> Option<std::path::PathBuf> {
    let trials_dir = trial_file.parent()?;
    (trials_dir.file_name()? == "trials")
        .then(|| trials_dir.parent().map(|d| d.join("reference").join(format!("{id}.json"))))?
}

/// Checks catalog files together: question files first (their bank is used
/// for the trials; without one, the shipped bank), then trials. Returns the
/// trials that passed, every problem found, and every warning.
pub fn validate(paths: &[&Path]) -> Checked {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut question_specs = Vec::new();
    let mut trial_specs = Vec::new();
    let mut trials = Vec::new();
    for path in paths {
        let parsed = read(path).and_then(|(file, text)| parse(&file, &text).map(|contents| (file, text, contents)));
        match parsed {
            Ok((file, text, Contents::Questions(q))) => question_specs.push((file, text, q)),
            Ok((file, text, Contents::Trial(t))) => trial_specs.push((path.to_path_buf(), file, text, *t)),
            Ok((file, _, Contents::Catalog(c))) => match catalog(&file, *c) {
                Ok(c) => trials.extend(c.trials),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(e),
        }
    }
    let Some((bank, implied)) = bank_of(question_specs, &mut errors) else {
        return Checked { trials, errors, warnings };
    };
    for (path, file, text, spec) in trial_specs {
        if trials.iter().any(|t: &Trial| t.id == spec.id) {
            let mut e =
                CatalogError::new(&file, vec![PathPart::Key("id".into())], format!("duplicate trial id `{}`", spec.id));
            e.line_col = locate(&text, &e.path, None);
            errors.push(e);
            continue;
        }
        let written = spec.clone();
        match trial(&file, &text, spec, &bank, &implied) {
            Ok(t) => {
                warnings.extend(trial_warnings(&path, &file, &text, &written, &t, &bank));
                trials.push(t);
            }
            Err(e) => errors.extend(e),
        }
    }
    Checked { trials, errors, warnings }
}

/// The bank the trials are checked against: the question files given, as
/// one bank, or the shipped bank when none is given; `None` when broken.
fn bank_of(
    question_specs: Vec<(String, String, QuestionFile)>,
    errors: &mut Vec<CatalogError>,
) -> Option<(QuestionBank, Implications)> {
    if question_specs.is_empty() {
        return Catalog::shipped().map(|c| (c.bank, c.implied)).map_err(|e| errors.extend(e)).ok();
    }
    let mut all = Vec::new();
    let mut shared = Vec::new();
    let mut implied = Implications::default();
    let mut ok = true;
    for (file, text, q) in question_specs {
        match question_bank(&file, &text, q) {
            Ok((bank, implies)) => {
                all.extend(bank.iter().cloned());
                shared.extend(bank.shared().iter().cloned());
                implied.extend(implies);
            }
            Err(e) => {
                ok = false;
                errors.extend(e);
            }
        }
    }
    ok.then(|| {
        let mut bank = QuestionBank::new(all);
        shared.into_iter().for_each(|s| bank.add_shared(s));
        (bank, implied)
    })
}

/// A checked trial's warnings, at their `file:line:col`: the lint's, and a
/// reference patient missing beside the trials folder.
fn trial_warnings(
    path: &Path,
    file: &str,
    text: &str,
    written: &TrialSpec,
    t: &Trial,
    bank: &QuestionBank,
) -> Vec<super::lint::Warning> {
    let mut found = super::lint::trial(written, t, bank, file, &[]);
    if reference_patient(path, &t.id).is_some_and(|p| !p.exists()) {
        let e = CatalogError::new(
            file,
            vec![PathPart::Key("id".into())],
            format!(
                "{} has no reference patient: write ../reference/{}.json from the registry text, before reading the rules (README, \"Trial files and the rule language\")",
                t.id, t.id
            ),
        );
        found.push(super::lint::Warning { code: super::lint::Code::ReferencePatient, at: e });
    }
    for w in &mut found {
        w.at.line_col = locate(text, &w.at.path, w.at.offset);
    }
    found
}
