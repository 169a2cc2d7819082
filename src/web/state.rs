//! The questionnaire session as a Yew reducer: the pure `Session`, the
//! catalog it answers to, and the verdicts for its answers, kept current by
//! re-assessing only the criteria that read what an action changed
//! (`engine::assess::reassess`, held equal to a whole assessment by a
//! property test, and checked against one here in debug builds). All logic
//! stays in `crate::questionnaire` and `crate::engine`.

use crate::engine::assess::{Assessment, assess_catalog, reassess};
use crate::engine::catalog::Catalog;
use crate::questionnaire::{Action, Session};
use std::rc::Rc;
use yew::Reducible;

type Verdicts<'c> = Vec<Assessment<'c>>;

self_cell::self_cell!(
    /// The verdicts kept between actions, with the catalog they borrow from:
    /// together, so that neither outlives the other and nothing is leaked.
    pub struct Assessed {
        owner: Rc<Catalog>,
        #[covariant]
        dependent: Verdicts,
    }
);

pub struct Screening {
    pub catalog: Rc<Catalog>,
    pub session: Session,
    /// The trials a site chose (empty: all).
    trials: Rc<[String]>,
    /// The verdicts for `session`'s answers, for `trials`.
    assessed: Rc<Assessed>,
}

impl Screening {
    pub fn new(catalog: Rc<Catalog>, trials: &[String], session: Session) -> Screening {
        let assessed =
            Assessed::new(Rc::clone(&catalog), |c| assess_catalog(c, &session.answers, session.today, trials));
        Screening { catalog, session, trials: trials.into(), assessed: Rc::new(assessed) }
    }

    /// The verdicts for the session's answers, trial by trial.
    pub fn assessments(&self) -> &[Assessment<'_>] {
        self.assessed.borrow_dependent()
    }
}

/// The verdicts `previous`, borrowed anew from `catalog`, the catalog they
/// were made on: each trial found by one walk in catalog order (the order
/// assessments keep).
fn assess_again<'n>(catalog: &'n Catalog, previous: &[Assessment<'_>]) -> Vec<Assessment<'n>> {
    let mut trials = catalog.trials.iter();
    previous.iter().filter_map(|a| trials.find(|t| t.id == a.trial.id).and_then(|t| a.on(t))).collect()
}

/// What changes a screening: the person's action, or a language switch.
pub enum Change {
    Act(Action),
    /// The same trials and rules in another language's words (this build's
    /// catalog comes in one file per language): every verdict again, for
    /// the same answers.
    Catalog(Rc<Catalog>),
}

impl From<Action> for Change {
    fn from(action: Action) -> Change {
        Change::Act(action)
    }
}

impl Reducible for Screening {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let action = match change {
            Change::Catalog(catalog) if Rc::ptr_eq(&catalog, &self.catalog) => return self,
            Change::Catalog(catalog) => return Rc::new(Screening::new(catalog, &self.trials, self.session.clone())),
            Change::Act(action) => action,
        };
        let session = self.session.apply(&self.catalog, action);
        let changed = session.answers.changed_since(&self.session.answers);
        let assessed = if changed.is_empty() {
            Rc::clone(&self.assessed)
        } else {
            let changed: Vec<&str> = changed.iter().map(String::as_str).collect();
            Rc::new(Assessed::new(Rc::clone(&self.catalog), |catalog| {
                // The same trials and criteria, borrowed anew from the same catalog.
                let previous = assess_again(catalog, self.assessments());
                reassess(previous, &catalog.bank, &session.answers, session.today, &changed)
            }))
        };
        debug_assert!(
            (assessed.borrow_dependent().iter())
                .zip(assess_catalog(&self.catalog, &session.answers, session.today, &self.trials))
                .all(|(kept, whole)| *kept == whole),
            "the verdicts kept between actions differ from a whole assessment"
        );
        Rc::new(Screening { catalog: Rc::clone(&self.catalog), session, trials: Rc::clone(&self.trials), assessed })
    }
}
