//! The root: loads what the app carries and provides the words on screen.

use super::screening::Screening;
use crate::web::{data, texts::Texts};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| {
        let catalog = data::shipped_catalog()?;
        let messages = data::shipped_messages()?;
        Ok::<_, String>((Rc::new(catalog), Texts::new(messages, "en")))
    });
    match &*loaded {
        Ok((catalog, texts)) => html! {
            <ContextProvider<Texts> context={texts.clone()}>
                <Screening catalog={Rc::clone(catalog)} />
            </ContextProvider<Texts>>
        },
        // Without messages there are no translated words to show: the one
        // place where English is written into a component.
        Err(problem) => html! {
            <div class="tc-failure" role="alert">
                <p>{ "TrialCheck could not start. Please try again later." }</p>
                <pre>{ problem }</pre>
            </div>
        },
    }
}
