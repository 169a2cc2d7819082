//! The questionnaire session, kept on this device only while the person
//! ticks "Remember my answers", and wiped the moment they do not.

use crate::engine::catalog::Catalog;
use crate::questionnaire::saved::SavedAnswers;
use crate::questionnaire::{Action, Session};
use crate::settings::Settings;
use crate::web::{data, device, state};
use std::rc::Rc;
use yew::prelude::*;

/// Where "remember my answers" keeps them: one place per set of trials, so
/// two widgets for different trials on one site keep theirs apart.
fn storage_key(settings: &Settings) -> String {
    format!("trialcheck.answers:{}", settings.trials.join(","))
}

/// The answers this device remembers, if any (and if they still fit the catalog).
fn remembered(catalog: &Catalog, settings: &Settings, session: &Session) -> Option<Action> {
    let text = device::stored(&storage_key(settings))?;
    crate::web::files::read_answers(&text, catalog, session.today).ok().map(Action::Load)
}

pub struct RememberedSession {
    pub screening: UseReducerHandle<state::Screening>,
    /// Whether the person asked to keep the answers on this device.
    pub remember: bool,
    pub on_remember: Callback<bool>,
    /// "Forget my answers": wipes them from the device and starts again.
    pub on_forget: Callback<()>,
}

/// The session, started from what this device remembers, or at the mode the
/// site set, or at the welcome.
#[hook]
pub fn use_remembered_session(catalog: Rc<Catalog>, settings: Rc<Settings>) -> RememberedSession {
    let key = storage_key(&settings);
    let remember = {
        let key = key.clone();
        use_state(move || device::stored(&key).is_some())
    };
    let screening = use_reducer(move || {
        let fresh = Session::new(data::today());
        let session = match (remembered(&catalog, &settings, &fresh), settings.mode) {
            (Some(load), _) => fresh.apply(&catalog, load),
            (None, Some(mode)) => fresh.apply(&catalog, Action::Start(mode)),
            (None, None) => fresh,
        };
        state::Screening::new(catalog, &settings.trials, session)
    });
    {
        let key = key.clone();
        use_effect_with((*remember, screening.session.clone()), move |(remember, session)| {
            match remember.then(|| device::to_json(&SavedAnswers::of(session))).flatten() {
                Some(text) => device::store(&key, &text),
                None => device::forget(&key),
            }
        });
    }
    let on_remember = {
        let remember = remember.clone();
        Callback::from(move |on: bool| remember.set(on))
    };
    let on_forget = {
        let (remember, dispatcher) = (remember.clone(), screening.dispatcher());
        Callback::from(move |()| {
            remember.set(false);
            device::forget(&key);
            dispatcher.dispatch(Action::Reset.into());
        })
    };
    RememberedSession { screening, remember: *remember, on_remember, on_forget }
}
