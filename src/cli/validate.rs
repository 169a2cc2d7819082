//! `trialcheck validate [FILES]`: every problem as `file:line:col: message`.

use super::say;
use super::{Args, Outcome};
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

pub(super) fn run(args: &Args) -> Result<Outcome, String> {
    let files: Vec<PathBuf> =
        if args.rest.is_empty() { default_files()? } else { args.rest.iter().map(PathBuf::from).collect() };
    let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
    let (trials, errors) = source::validate(&paths);
    for e in &errors {
        say!("{e}");
    }
    if errors.is_empty() {
        let criteria: usize = trials.iter().map(|t| t.criteria.len()).sum();
        eprintln!("ok: {} files, {} trials, {criteria} criteria", files.len(), trials.len());
        Ok(Outcome::Ok)
    } else {
        eprintln!("{} problem{} found", errors.len(), if errors.len() == 1 { "" } else { "s" });
        Ok(Outcome::Problems)
    }
}
