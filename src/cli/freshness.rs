//! `trialcheck freshness [--today D] [--max-age-days N] [--json]`: the trials
//! whose facts should be read again, the oldest first, each with why.

use super::say;
use super::{Args, Failure, Outcome};
use crate::catalog::freshness::{MAX_AGE_DAYS, stale};

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let today = args.today()?;
    let max_age = match args.value("max-age-days") {
        Some(n) => n.parse::<i64>().map_err(|_| format!("--max-age-days {n}: not a number of days"))?,
        None => MAX_AGE_DAYS,
    };
    let found = stale(&catalog.trials, today, max_age);
    if args.switch("json") {
        say!("{}", serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?);
        return Ok(Outcome::Ok);
    }
    for s in &found {
        let why: Vec<String> = s.why.iter().map(ToString::to_string).collect();
        say!("{}  facts of {}: {}", s.trial, s.data_as_of, why.join("; "));
    }
    eprintln!(
        "{} of {} trials to read again (facts older than {max_age} days, an end passed, a status unknown)",
        found.len(),
        catalog.trials.len()
    );
    Ok(Outcome::Ok)
}
