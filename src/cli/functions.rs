//! `trialcheck functions [--json]`: the rule language's functions and derived
//! names, printed from the table the compiler uses.

use super::say;
use super::{Args, Outcome};
use crate::engine::rule::functions::TABLE;

pub(super) fn run(args: &Args) -> Result<Outcome, String> {
    if args.switch("json") {
        say!("{}", serde_json::to_string_pretty(TABLE).map_err(|e| e.to_string())?);
        return Ok(Outcome::Ok);
    }
    let width = TABLE.iter().map(|f| f.usage.chars().count()).max().unwrap_or(0);
    for f in TABLE {
        say!("{:width$}  {}", f.usage, f.doc);
    }
    Ok(Outcome::Ok)
}
