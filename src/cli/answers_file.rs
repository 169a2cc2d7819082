//! The answers file a command is given, read as the app reads it
//! (`questionnaire::saved`: the envelope the app saves, or a bare map of
//! answers), with the command's flags over what the file says.

use super::{Args, Failure};
use crate::clinical::dates::Ymd;
use crate::engine::answer::RawAnswer;
use crate::engine::catalog::Catalog;
use crate::questionnaire::Mode;
use crate::questionnaire::saved::{AnswersFile, ImportError, Restored};
use std::collections::BTreeMap;

/// `--answers FILE`, read and checked, with `--mode`, `--lab-report` and
/// `--later` over what the file says (flags the command does not take are
/// never given, so they change nothing).
pub(super) fn from_args(args: &Args, command: &str, catalog: &Catalog, today: Ymd) -> Result<Restored, Failure> {
    let path = args.value("answers").ok_or_else(|| format!("{command} needs --answers FILE"))?;
    let mut restored = read(path, catalog, today)?;
    if let Some(text) = args.value("mode") {
        restored.mode =
            Mode::parse(text).ok_or_else(|| format!("--mode `{text}`: use myself, my_child or clinician"))?;
    }
    match args.value("lab-report") {
        None => {}
        Some("yes") => restored.lab_report = Some(true),
        Some("no") => restored.lab_report = Some(false),
        Some(other) => return Err(format!("--lab-report `{other}`: use yes or no").into()),
    }
    // Items of a list left blank to answer later come back one by one (as the app keeps them).
    for id in args.value("later").into_iter().flat_map(|l| l.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        let q = catalog.bank.get(id).ok_or_else(|| format!("--later {id}: not a question of the bank"))?;
        if restored.answers.get(&q.id).is_none() && !restored.later.contains(&q.id) {
            restored.later.push(q.id.clone());
        }
    }
    Ok(restored)
}

/// The file at `path`, checked; what is wrong with it is said with the file's
/// name and, for JSON that does not parse, its line and column.
pub(super) fn read(path: &str, catalog: &Catalog, today: Ymd) -> Result<Restored, Failure> {
    let input = |message: String| Failure::Input(format!("{path}: {message}"));
    let text = std::fs::read_to_string(path).map_err(|e| input(e.to_string()))?;
    AnswersFile::within_limits(&text).map_err(|e| input(e.to_string()))?;
    let file: AnswersFile = serde_json::from_str(&text).map_err(|e| {
        // Which of the two forms it failed as is unknown; a bare map's error says where.
        let at = serde_json::from_str::<BTreeMap<String, RawAnswer>>(&text).err().unwrap_or(e);
        Failure::Input(format!(
            "{path}:{}:{}: {at} (an answers file is the JSON the app saves, or an object from question id to answer; see docs/cli.md)",
            at.line(),
            at.column()
        ))
    })?;
    file.restore(catalog, today).map_err(|e| match e {
        ImportError::Refused(list) => {
            let lines: Vec<String> = list.iter().map(|(id, why)| format!("{path}: `{id}`: {why}")).collect();
            Failure::Input(format!("the answers were refused:\n{}", lines.join("\n")))
        }
        other => input(other.to_string()),
    })
}
