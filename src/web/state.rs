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

pub struct Screening {
    pub catalog: Rc<Catalog>,
    pub session: Session,
    /// The trials a site chose (empty: all).
    trials: Rc<[String]>,
    /// The verdicts for `session`'s answers, for `trials`.
    pub assessments: Rc<Vec<Assessment<'static>>>,
}

/// The catalog for as long as the page lives: the verdicts kept between
/// actions borrow from it. One per widget and language shown, loaded once; a
/// widget that is destroyed leaves it behind (a catalog, never an answer).
fn pinned(catalog: &Rc<Catalog>) -> &'static Catalog {
    let kept: &'static Rc<Catalog> = Box::leak(Box::new(Rc::clone(catalog)));
    kept
}

impl Screening {
    pub fn new(catalog: Rc<Catalog>, trials: &[String], session: Session) -> Screening {
        let assessments = assess_catalog(pinned(&catalog), &session.answers, session.today, trials);
        Screening { catalog, session, trials: trials.into(), assessments: Rc::new(assessments) }
    }
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
        let assessments = if changed.is_empty() {
            Rc::clone(&self.assessments)
        } else {
            let changed: Vec<&str> = changed.iter().map(String::as_str).collect();
            let previous = (*self.assessments).clone();
            Rc::new(reassess(previous, &self.catalog.bank, &session.answers, session.today, &changed))
        };
        debug_assert!(
            assessments
                .iter()
                .zip(assess_catalog(&self.catalog, &session.answers, session.today, &self.trials))
                .all(|(kept, whole)| *kept == whole),
            "the verdicts kept between actions differ from a whole assessment"
        );
        Rc::new(Screening { catalog: Rc::clone(&self.catalog), session, trials: Rc::clone(&self.trials), assessments })
    }
}
