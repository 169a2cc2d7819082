//! The root of one widget: loads the catalog (the one inside the app, or a
//! site's own, checked), provides the words on screen, and shows a clear
//! panel when anything is wrong, never a blank or broken widget.

use super::screening::Screening;
use crate::catalog::Catalog;
use crate::settings::Settings;
use crate::web::{data, texts::Texts};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub settings: Rc<Settings>,
    /// The page is all TrialCheck (not a widget in someone else's page).
    #[prop_or_default]
    pub standalone: bool,
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Rc<Catalog>),
    Failed { source: String, problems: Vec<String> },
}

/// What makes the widget unusable, in English for the site's developers.
fn problems(settings: &Settings, catalog: &Catalog) -> Vec<String> {
    let mut problems = settings.problems.clone();
    for id in &settings.trials {
        if catalog.trial(id).is_none() {
            problems.push(format!("trials: {id} is not in the catalog"));
        }
    }
    problems
}

#[component]
pub fn App(props: &Props) -> Html {
    let language = use_state(|| props.settings.language.clone());
    let texts = use_memo((*language).clone(), |language| data::shipped_messages().map(|m| Texts::new(m, language)));
    // The standalone page is all TrialCheck: its language is the app's.
    {
        let standalone = props.standalone;
        use_effect_with((*language).clone(), move |language| {
            if standalone
                && let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
            {
                let _ = html.set_attribute("lang", language);
            }
        });
    }
    let on_language = {
        let language = language.clone();
        Callback::from(move |l: String| language.set(l))
    };
    // The catalog inside the app is ready at once; a site's own is fetched.
    let shipped = || match data::shipped_catalog() {
        Ok(c) => Loaded::Ready(Rc::new(c)),
        Err(problem) => Loaded::Failed { source: "catalog.json".into(), problems: vec![problem] },
    };
    let loaded = {
        let url = props.settings.catalog_url.clone();
        use_state(move || if url.is_some() { Loaded::Loading } else { shipped() })
    };
    {
        let loaded = loaded.clone();
        use_effect_with(props.settings.catalog_url.clone(), move |url| {
            if let Some(url) = url.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(match data::fetch_catalog(&url).await {
                        Ok(c) => Loaded::Ready(Rc::new(c)),
                        Err(problems) => Loaded::Failed { source: url, problems },
                    });
                });
            }
        });
    }
    let texts = match &*texts {
        Ok(texts) => texts.clone(),
        Err(problem) => return failure("messages.json", std::slice::from_ref(problem)),
    };
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="tc-loading" role="status">{ texts.get("loading") }</p> },
        Loaded::Failed { source, problems } => failure(source, problems),
        Loaded::Ready(catalog) => {
            let unusable = problems(&props.settings, catalog);
            if unusable.is_empty() {
                html! { <Screening catalog={Rc::clone(catalog)} settings={Rc::clone(&props.settings)} standalone={props.standalone} {on_language} /> }
            } else {
                failure(&texts.get("settings-source"), &unusable)
            }
        }
    };
    html! { <ContextProvider<Texts> context={texts}>{ body }</ContextProvider<Texts>> }
}

/// The panel a site's developers see when their catalog or options cannot be
/// used. The problems are technical, so they are shown as they are.
fn failure(source: &str, problems: &[String]) -> Html {
    html! {
        <div class="tc-failure" role="alert" data-failure="true">
            // Messages may be the thing that failed: the one place with English written in.
            <h2>{ "TrialCheck cannot start" }</h2>
            <p>{ format!("There is a problem with {source}:") }</p>
            <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
        </div>
    }
}
