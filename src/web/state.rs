//! The questionnaire session as a Yew reducer: the pure `Session` plus the
//! catalog it answers to. All logic stays in `crate::questionnaire`.

use crate::catalog::Catalog;
use crate::questionnaire::{Action, Session};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, PartialEq)]
pub struct Screening {
    pub catalog: Rc<Catalog>,
    pub session: Session,
}

impl Reducible for Screening {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let session = self.session.apply(&self.catalog, action);
        Rc::new(Screening { catalog: Rc::clone(&self.catalog), session })
    }
}
