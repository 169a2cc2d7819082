//! Which trials' facts should be read again: facts read longer ago than a
//! set age, a trial whose own end date has passed, a status not known. A
//! family decides whom to call on these facts, so their age is data too.
//! `trialcheck validate` says each (without failing: the sources, not the
//! file, are out of date); `trialcheck freshness` lists them, oldest first.

use crate::clinical::dates::{PartialDate, Ymd};
use crate::engine::trial::{Recruitment, Trial};
use serde::Serialize;

/// How old a trial's facts may be before they should be read again.
pub const MAX_AGE_DAYS: i64 = 180;

/// Why a trial should be read again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// Its facts were read `days` ago.
    FactsOld { days: i64 },
    /// Its estimated completion has passed.
    Ended { end: String },
    /// No source read says whether it recruits.
    StatusUnknown,
}

/// One trial to read again, with every reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stale<'t> {
    pub trial: &'t str,
    pub data_as_of: &'t str,
    pub why: Vec<Why>,
}

/// The trials to read again on `today`, the oldest facts first.
pub fn stale(trials: &[Trial], today: Ymd, max_age_days: i64) -> Vec<Stale<'_>> {
    let days_since = |date: &str| {
        PartialDate::parse(date).and_then(PartialDate::latest).map(|d| today.days_from_epoch() - d.days_from_epoch())
    };
    let mut out: Vec<Stale> = trials
        .iter()
        .filter_map(|t| {
            let f = &t.facts;
            let mut why = Vec::new();
            if let Some(days) = days_since(&f.data_as_of).filter(|d| *d > max_age_days) {
                why.push(Why::FactsOld { days });
            }
            if let Some(end) = f.end.as_deref().filter(|e| days_since(e).is_some_and(|d| d > 0)) {
                why.push(Why::Ended { end: end.to_string() });
            }
            if f.status.recruitment == Recruitment::Unknown {
                why.push(Why::StatusUnknown);
            }
            (!why.is_empty()).then_some(Stale { trial: &t.id, data_as_of: &f.data_as_of, why })
        })
        .collect();
    crate::sort::sort_by_key(&mut out, |s| s.data_as_of.to_string());
    out
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Why::FactsOld { days } => write!(f, "its facts were read {days} days ago"),
            Why::Ended { end } => write!(f, "its own end date ({end}) has passed"),
            Why::StatusUnknown => write!(f, "no source read says whether it recruits"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;

    #[test]
    fn old_facts_a_passed_end_and_an_unknown_status_each_ask_for_a_new_reading_oldest_first() {
        let mut catalog = Catalog::shipped().unwrap();
        for t in &mut catalog.trials {
            t.facts.data_as_of = "2026-12-02".into();
            t.facts.end = Some("2030-01".into());
            t.facts.status.recruitment = Recruitment::Recruiting;
        }
        let today = Ymd::parse("2026-12-02").unwrap();
        assert_eq!(stale(&catalog.trials, today, MAX_AGE_DAYS), []);
        let (a, b, c) = (catalog.trials[0].id.clone(), catalog.trials[1].id.clone(), catalog.trials[2].id.clone());
        catalog.trials[0].facts.data_as_of = "2026-03-01".into();
        catalog.trials[1].facts.end = Some("2026-11".into());
        catalog.trials[2].facts.status.recruitment = Recruitment::Unknown;
        catalog.trials[2].facts.data_as_of = "2026-01-15".into();
        let found = stale(&catalog.trials, today, MAX_AGE_DAYS);
        let said: Vec<(&str, Vec<Why>)> = found.iter().map(|s| (s.trial, s.why.clone())).collect();
        assert_eq!(
            said,
            [
                (c.as_str(), vec![Why::FactsOld { days: 321 }, Why::StatusUnknown]),
                (a.as_str(), vec![Why::FactsOld { days: 276 }]),
                (b.as_str(), vec![Why::Ended { end: "2026-11".into() }]),
            ]
        );
    }
}
