//! `trialcheck validate [FILES]`: every problem as `file:line:col: message`,
//! with the line, a caret under what it points at and `help:` (see `diagnostic`).

use super::diagnostic::{Sources, render};
use super::say;
use super::{Args, Failure, Outcome};
use crate::catalog::source;
use std::path::PathBuf;

fn default_files() -> Result<Vec<PathBuf>, String> {
    let mut files = vec![PathBuf::from("catalog/questions.toml")];
    let mut trials: Vec<PathBuf> = std::fs::read_dir("catalog/trials")
        .map_err(|e| format!("catalog/trials: {e} (give the files to check)"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    trials.sort();
    files.extend(trials);
    Ok(files)
}

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let files: Vec<PathBuf> =
        if args.rest.is_empty() { default_files()? } else { args.rest.iter().map(PathBuf::from).collect() };
    let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
    let checked = source::validate(&paths);
    let mut sources = Sources::default();
    for e in &checked.errors {
        say!("{}", render(e, None, &mut sources));
    }
    for w in &checked.warnings {
        say!("{}", render(&w.at, Some(&format!("warning[{}]", w.code.name())), &mut sources));
    }
    // Facts to read again: said, not failed (the sources are out of date, not the files).
    let today = args.today()?;
    for s in crate::catalog::freshness::stale(&checked.trials, today, crate::catalog::freshness::MAX_AGE_DAYS) {
        let why: Vec<String> = s.why.iter().map(ToString::to_string).collect();
        eprintln!("read again: {} ({}); `trialcheck freshness` lists them all", s.trial, why.join("; "));
    }
    let (errors, warnings) = (checked.errors.len(), checked.warnings.len());
    if errors + warnings == 0 {
        let criteria: usize = checked.trials.iter().map(|t| t.criteria.len()).sum();
        eprintln!("ok: {} files, {} trials, {criteria} criteria", files.len(), checked.trials.len());
        Ok(Outcome::Ok)
    } else {
        let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let found = match (errors, warnings) {
            (e, 0) => count(e, "problem"),
            (0, w) => count(w, "warning"),
            (e, w) => format!("{} and {}", count(e, "problem"), count(w, "warning")),
        };
        let waive = if warnings > 0 {
            " (a warning is fixed, or waived in its criterion with a written reason: `waived.<warning> = \"why\"`)"
        } else {
            ""
        };
        eprintln!("{found} found{waive}");
        Ok(Outcome::Problems)
    }
}
