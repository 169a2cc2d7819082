//! `trialcheck export-messages LANG`: one language's messages as the app
//! fetches them, `{ "LANG": { id: text } }`, with English filled in where the
//! language lacks a message, so one file is all a widget needs.

use super::say;
use super::{Args, Failure, Outcome};
use crate::text::{DEFAULT_LANGUAGE, Messages};
use std::collections::BTreeMap;

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let messages = Messages::shipped()?;
    let lang = args.rest.first().ok_or("export-messages needs a language, like `vi`")?;
    if !messages.languages().any(|l| l == lang) {
        let known: Vec<&str> = messages.languages().collect();
        return Err(format!("no messages in `{lang}` (languages: {})", known.join(", ")).into());
    }
    let ids: std::collections::BTreeSet<&str> = messages.ids(DEFAULT_LANGUAGE).chain(messages.ids(lang)).collect();
    let words: BTreeMap<&str, &str> = ids.into_iter().filter_map(|id| Some((id, messages.get(lang, id)?))).collect();
    let file = BTreeMap::from([(lang.as_str(), words)]);
    say!("{}", serde_json::to_string(&file).map_err(|e| e.to_string())?);
    Ok(Outcome::Ok)
}
