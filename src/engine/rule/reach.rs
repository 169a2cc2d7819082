//! What a compiled rule can reach, whatever the answers: the checks that
//! keep "not eligible" honest before any person answers. `trialcheck
//! validate` asks whether a criterion can be not met without the study team
//! (a judgement word in its text must not decide alone); the questionnaire
//! asks whether a "No" to a question can push a criterion towards not met
//! (only then may a list not offer "the ones I left blank are No").
//!
//! Both are sound over-approximations: leaves are taken as free (two yes/no
//! questions are never assumed to agree), so "can" may say yes where no real
//! set of answers gets there, never no where one does.

use super::node::Cond;
use super::op::Logic;
use crate::engine::logic::Tri;

/// The truth values a condition can take.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reach {
    pub can_true: bool,
    pub can_false: bool,
    pub can_unknown: bool,
}

impl Reach {
    const ANY: Reach = Reach { can_true: true, can_false: true, can_unknown: true };
    const NONE: Reach = Reach { can_true: false, can_false: false, can_unknown: false };

    fn of(t: Tri) -> Reach {
        Reach::NONE.with(t)
    }

    pub fn can(self, t: Tri) -> bool {
        match t {
            Tri::True => self.can_true,
            Tri::False => self.can_false,
            Tri::Unknown => self.can_unknown,
        }
    }

    fn with(mut self, t: Tri) -> Reach {
        match t {
            Tri::True => self.can_true = true,
            Tri::False => self.can_false = true,
            Tri::Unknown => self.can_unknown = true,
        }
        self
    }

    fn values(self) -> impl Iterator<Item = Tri> {
        [Tri::True, Tri::False, Tri::Unknown].into_iter().filter(move |t| self.can(*t))
    }

    fn map(self, f: impl Fn(Tri) -> Tri) -> Reach {
        self.values().map(f).fold(Reach::NONE, Reach::with)
    }

    fn pair(self, other: Reach, f: impl Fn(Tri, Tri) -> Tri) -> Reach {
        self.values()
            .flat_map(|a| other.values().map(move |b| (a, b)))
            .fold(Reach::NONE, |acc, (a, b)| acc.with(f(a, b)))
    }
}

impl Cond {
    /// The truth values this condition can take over all answers.
    pub fn reach(&self) -> Reach {
        match self {
            Cond::Bool(b) => Reach::of(Tri::from(*b)),
            Cond::StudyTeam => Reach::of(Tri::Unknown),
            // Inside the window is a wait (unknown); outside, false.
            Cond::Window(_) => Reach::of(Tri::Unknown).with(Tri::False),
            Cond::YesNo(_)
            | Cond::ChoiceIn(..)
            | Cond::MultiAny(..)
            | Cond::EularAcrClassified(..)
            | Cond::Compare(..) => Reach::ANY,
            Cond::AtLeast(k, conditions) => {
                let reaches: Vec<Reach> = conditions.iter().map(Cond::reach).collect();
                let can_true = reaches.iter().filter(|r| r.can(Tri::True)).count();
                let can_false = reaches.iter().filter(|r| r.can(Tri::False)).count();
                let mut out = Reach::NONE;
                if can_true >= *k {
                    out = out.with(Tri::True);
                }
                if can_false + k > conditions.len() {
                    out = out.with(Tri::False);
                }
                if reaches.iter().any(|r| r.can(Tri::Unknown)) || out == Reach::NONE {
                    out = out.with(Tri::Unknown);
                }
                out
            }
            Cond::Not(a) => a.reach().map(|t| !t),
            Cond::Logic(op, a, b) => a.reach().pair(b.reach(), |x, y| match op {
                Logic::And => x.and(y),
                Logic::Or => x.or(y),
            }),
        }
    }

    /// Whether answering No to the yes/no question `q` (rather than leaving
    /// it open) can move this condition to `toward` (true or false).
    pub fn no_can_move(&self, q: &str, toward: bool) -> bool {
        match self {
            Cond::YesNo(x) | Cond::Window(x) => x == q && !toward,
            Cond::Not(a) => a.no_can_move(q, !toward),
            // "and" is false when either side is; true only when both are.
            Cond::Logic(Logic::And, a, b) if !toward => a.no_can_move(q, false) || b.no_can_move(q, false),
            Cond::Logic(Logic::Or, a, b) if toward => a.no_can_move(q, true) || b.no_can_move(q, true),
            Cond::Logic(_, a, b) => {
                let want = Tri::from(toward);
                (a.no_can_move(q, toward) && b.reach().can(want)) || (b.no_can_move(q, toward) && a.reach().can(want))
            }
            Cond::AtLeast(_, conditions) => conditions.iter().any(|c| c.no_can_move(q, toward)),
            Cond::EularAcrClassified(entry, _) => !toward && entry.no_can_move(q, false),
            // Numbers and lists read no yes/no question, and implied items only add ticks.
            Cond::Bool(_) | Cond::StudyTeam | Cond::ChoiceIn(..) | Cond::MultiAny(..) | Cond::Compare(..) => false,
        }
    }

    /// The yes/no questions this condition reads as such (not through a calculator).
    pub fn yes_no_questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_yes_no(&mut out);
        out
    }

    fn collect_yes_no<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Cond::YesNo(q) | Cond::Window(q) => out.push(q),
            Cond::Not(a) => a.collect_yes_no(out),
            Cond::Logic(_, a, b) => {
                a.collect_yes_no(out);
                b.collect_yes_no(out);
            }
            Cond::AtLeast(_, conditions) => conditions.iter().for_each(|c| c.collect_yes_no(out)),
            Cond::EularAcrClassified(entry, _) => entry.collect_yes_no(out),
            Cond::Bool(_) | Cond::StudyTeam | Cond::ChoiceIn(..) | Cond::MultiAny(..) | Cond::Compare(..) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rule::tests::compiled;

    fn rule(text: &str) -> Cond {
        compiled(text).unwrap().node
    }

    #[test]
    fn the_study_team_and_a_window_never_decide_against_alone() {
        assert!(!rule("study_team").reach().can(Tri::False));
        assert!(!rule("pregnant and study_team").reach().can(Tri::True));
        assert!(!rule("not pregnant or study_team").reach().can(Tri::False));
        assert!(rule("pregnant or study_team").reach().can(Tri::True));
        assert!(rule("age_years >= 6 and (not pregnant or study_team)").reach().can(Tri::False));
        // At least 2 of 3, one of them the study team's: false is still reachable.
        assert!(rule("at_least(2, pregnant, ana_positive, study_team)").reach().can(Tri::False));
        assert!(!rule("at_least(2, pregnant, study_team)").reach().can(Tri::True));
    }

    #[test]
    fn a_no_moves_a_rule_only_along_the_polarity_it_is_read_with() {
        // An inclusion that needs a yes: a no makes it false.
        assert!(rule("ana_positive and age_years >= 6").no_can_move("ana_positive", false));
        // An exclusion on a yes: a no makes it false, never true.
        assert!(!rule("pregnant").no_can_move("pregnant", true));
        // A no beside the study team: the study team's part stays open.
        assert!(!rule("age_years >= 6 and (ana_positive or study_team)").no_can_move("ana_positive", false));
        assert!(rule("age_years >= 6 and (ana_positive or age_years >= 10)").no_can_move("ana_positive", false));
        // Under "not", the direction turns.
        assert!(rule("not pregnant").no_can_move("pregnant", true));
        assert!(!rule("not pregnant").no_can_move("pregnant", false));
        // The entry criterion of a classification: a no there is a no to the whole.
        assert!(rule("eular_acr_classified(ana_positive, eular_items)").no_can_move("ana_positive", false));
    }
}
