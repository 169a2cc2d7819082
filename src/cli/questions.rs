//! `trialcheck questions [--json]`: the question bank, as authors and
//! coordinators need it to write rules and answer files.

use super::say;
use super::{Args, Failure, Outcome};
use crate::engine::question::{Kind, Question};
use crate::text::Messages;
use serde::Serialize;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    group: crate::engine::question::Group,
    answered_by: crate::engine::question::AnsweredBy,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    units: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<(f64, f64)>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    choices: &'a [String],
    prompt: &'a str,
}

fn row<'a>(q: &'a Question, messages: &'a Messages, lang: &str) -> Row<'a> {
    let (units, range) = match &q.kind {
        Kind::Number { quantity, min, max, .. } => {
            (quantity.map(|q| q.unit_symbols()).unwrap_or_default(), Some((*min, *max)))
        }
        _ => (vec![], None),
    };
    Row {
        id: &q.id,
        kind: q.kind.name(),
        group: q.group,
        answered_by: q.answered_by,
        units,
        range,
        choices: q.kind.options(),
        prompt: messages.get(lang, &q.prompt_id()).unwrap_or(""),
    }
}

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let messages = Messages::shipped()?;
    let lang = args.value("lang").unwrap_or("en");
    let rows: Vec<Row> = catalog.bank.iter().map(|q| row(q, &messages, lang)).collect();
    if args.switch("json") {
        say!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
        return Ok(Outcome::Ok);
    }
    for r in rows {
        let mut detail = r.kind.to_string();
        if !r.units.is_empty() {
            detail.push_str(&format!(" [{}]", r.units.join(", ")));
        }
        if !r.choices.is_empty() {
            detail.push_str(&format!(" {{{}}}", r.choices.join(", ")));
        }
        let who = match r.answered_by {
            crate::engine::question::AnsweredBy::Person => "person",
            crate::engine::question::AnsweredBy::Doctor => "doctor",
        };
        say!("{:<28} {:<7} {detail}\n{:<37}{}", r.id, who, "", r.prompt);
    }
    Ok(Outcome::Ok)
}
