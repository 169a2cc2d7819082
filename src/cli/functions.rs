//! `trialcheck functions [--json]`: the rule language's functions and derived
//! names, printed from the table the compiler uses, then the shared names
//! the question bank defines (each with the rule it stands for).

use super::say;
use super::{Args, Failure, Outcome};
use crate::engine::rule::functions::{Gives, TABLE};
use serde::Serialize;

#[derive(Serialize)]
struct Entry {
    name: String,
    usage: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    gives: Option<Gives>,
    doc: String,
    /// For a shared name: the rule it stands for, from the question bank.
    #[serde(skip_serializing_if = "Option::is_none")]
    shared: Option<String>,
}

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let mut entries: Vec<Entry> = TABLE
        .iter()
        .map(|f| Entry {
            name: f.name.into(),
            usage: f.usage.into(),
            gives: Some(f.gives),
            doc: f.doc.into(),
            shared: None,
        })
        .collect();
    entries.extend(catalog.bank.shared().iter().map(|s| Entry {
        name: s.name.clone(),
        usage: s.usage(),
        gives: None,
        doc: s.about.clone(),
        shared: Some(s.rule.clone()),
    }));
    if args.switch("json") {
        say!("{}", serde_json::to_string_pretty(&entries).map_err(|e| e.to_string())?);
        return Ok(Outcome::Ok);
    }
    let width = entries.iter().map(|f| f.usage.chars().count()).max().unwrap_or(0);
    for f in &entries {
        say!("{:width$}  {}", f.usage, f.doc);
        if let Some(rule) = &f.shared {
            say!("{:width$}  = {rule}", "");
        }
    }
    Ok(Outcome::Ok)
}
