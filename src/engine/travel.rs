//! Where a person can go: the countries a catalog's sites are in, and the
//! trials arranged so that those with a site in the chosen countries come
//! first. Only the catalog's own data is read: no location is asked of the
//! device, no map service, no request; the trials elsewhere stay listed.

use crate::engine::assess::{Assessment, Verdict};
use crate::engine::trial::Trial;
use std::collections::BTreeSet;

/// The countries (ISO codes) of the trials' sites, sorted, each once.
pub fn countries<'a>(trials: impl IntoIterator<Item = &'a Trial>) -> Vec<String> {
    let codes: BTreeSet<&str> =
        crate::sort::set(trials.into_iter().flat_map(|t| &t.facts.sites).map(|s| s.country.as_str()));
    codes.into_iter().map(str::to_string).collect()
}

/// Whether a trial has a site in one of the countries.
pub fn has_site_in(trial: &Trial, countries: &[String]) -> bool {
    trial.facts.sites.iter().any(|s| countries.contains(&s.country))
}

/// The trials as results show them: those a person can join first, `near`
/// (a site in the chosen countries, or every trial when none is chosen) and
/// `far`; then, apart, those `closed` to new people (not recruiting now, by
/// invitation, ended). In each, those that may suit first, then the
/// undecided, those not yet open and those ruled out, otherwise in catalog order.
pub struct Arranged<'a, 't> {
    pub near: Vec<&'a Assessment<'t>>,
    pub far: Vec<&'a Assessment<'t>>,
    pub closed: Vec<&'a Assessment<'t>>,
}

/// How many trials the column beside the questions shows: the shipped
/// catalog (24) whole, with room to grow. Past that the page grows long on a
/// phone, and slow to draw again on every answer (1,000 cards took about
/// half a second); the results screen lists them all.
pub const BESIDE_QUESTIONS: usize = 30;

impl<'a, 't> Arranged<'a, 't> {
    /// The first `most` trials in the results' order (those near first), and
    /// how many are left out.
    pub fn first(&self, most: usize) -> (Vec<&'a Assessment<'t>>, usize) {
        let total = self.near.len() + self.far.len() + self.closed.len();
        let all = self.near.iter().chain(&self.far).chain(&self.closed);
        (all.take(most).copied().collect(), total.saturating_sub(most))
    }
}

/// Where a verdict comes in the results: the match keeps every verdict in.
fn place(v: Verdict) -> u8 {
    match v {
        Verdict::LikelyEligible => 0,
        Verdict::Undecided => 1,
        Verdict::NotYet => 2,
        Verdict::NotEligible => 3,
    }
}

pub fn arrange<'a, 't>(assessments: &'a [Assessment<'t>], countries: &[String]) -> Arranged<'a, 't> {
    let open = |a: &Assessment| a.trial.facts.status.recruitment.open();
    let near = |a: &Assessment| countries.is_empty() || has_site_in(a.trial, countries);
    // A stable sort keeps the catalog's order within each verdict.
    let pick = |keep: &dyn Fn(&Assessment) -> bool| -> Vec<&'a Assessment<'t>> {
        let mut picked: Vec<&'a Assessment<'t>> = assessments.iter().filter(|a| keep(a)).collect();
        crate::sort::sort_by_key(&mut picked, |a| place(a.verdict));
        picked
    };
    Arranged { near: pick(&|a| open(a) && near(a)), far: pick(&|a| open(a) && !near(a)), closed: pick(&|a| !open(a)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::dates::Ymd;
    use crate::engine::answer::{Answer, Answers};
    use crate::engine::assess::assess_catalog;
    use crate::engine::catalog::Catalog;

    fn codes(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn beside_the_questions_the_first_trials_in_results_order_and_how_many_more() {
        let catalog = Catalog::shipped().unwrap();
        let today = Ymd::new(2026, 11, 21).unwrap();
        let assessments = assess_catalog(&catalog, &Answers::new(), today, &[]);
        let arranged = arrange(&assessments, &codes(&["VN"]));
        let (shown, more) = arranged.first(3);
        let order: Vec<&str> = arranged.near.iter().chain(&arranged.far).take(3).map(|a| a.trial.id.as_str()).collect();
        assert_eq!(shown.iter().map(|a| a.trial.id.as_str()).collect::<Vec<_>>(), order);
        assert_eq!(more, catalog.trials.len() - 3);
        // Beside the questions, at most a panel's worth; the rest are counted, never dropped.
        let (panel, rest) = arranged.first(BESIDE_QUESTIONS);
        let fits = catalog.trials.len().min(BESIDE_QUESTIONS);
        assert_eq!((panel.len(), rest), (fits, catalog.trials.len() - fits));
    }

    #[test]
    fn the_choice_is_built_from_the_catalogs_own_sites() {
        let catalog = Catalog::shipped().unwrap();
        let all = countries(&catalog.trials);
        assert!(all.contains(&"VN".to_string()) && all.contains(&"CN".to_string()), "{all:?}");
        assert!(all.windows(2).all(|w| w[0] < w[1]), "sorted, each once: {all:?}");
    }

    #[test]
    fn trials_elsewhere_move_down_never_out_and_verdicts_order_each_group() {
        let catalog = Catalog::shipped().unwrap();
        let today = Ymd::parse("2026-11-24").unwrap();
        let mut answers = Answers::new();
        // A 10-year-old: every adults-only trial is ruled out by age.
        answers
            .set(
                &catalog.bank,
                "date_of_birth",
                Answer::Date(crate::clinical::dates::PartialDate::parse("2016-01-15").unwrap()),
                today,
            )
            .unwrap();
        let assessments = assess_catalog(&catalog, &answers, today, &[]);
        let chosen = codes(&["VN"]);
        let arranged = arrange(&assessments, &chosen);
        let shown = arranged.near.len() + arranged.far.len() + arranged.closed.len();
        assert_eq!(shown, assessments.len(), "none hidden");
        assert!(arranged.near.iter().all(|a| has_site_in(a.trial, &chosen)));
        assert!(arranged.far.iter().all(|a| !has_site_in(a.trial, &chosen)));
        for group in [&arranged.near, &arranged.far] {
            let rank = |a: &Assessment| place(a.verdict);
            assert!(group.windows(2).all(|w| rank(w[0]) <= rank(w[1])));
        }
        assert!(arranged.far.iter().any(|a| a.verdict == Verdict::NotEligible));
        // No choice: one list of every trial open to new people, the others apart.
        let all = arrange(&assessments, &[]);
        let closed = assessments.iter().filter(|a| !a.trial.facts.status.recruitment.open()).count();
        assert!(closed >= 1, "KYSA-1 is active, not recruiting");
        assert_eq!((all.near.len(), all.far.len(), all.closed.len()), (assessments.len() - closed, 0, closed));
        assert!(all.closed.iter().all(|a| !a.trial.facts.status.recruitment.open()));
    }
}
