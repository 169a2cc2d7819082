//! The root of one widget: fetches the catalog (this build's in the language
//! shown, or a site's own, checked) and the words of that language, provides the words to
//! every component, and shows a clear panel when anything is wrong, never a
//! blank or broken widget.

use super::screening::Screening;
use crate::engine::catalog::Catalog;
use crate::settings::Settings;
use crate::text::Messages;
use crate::web::hooks::focus::Interacted;
use crate::web::{data, texts::Texts};
use std::collections::BTreeMap;
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
enum Loaded<T> {
    Loading,
    Ready(Rc<T>),
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
    // A code with no site (UK for GB, say) would quietly send every trial to "elsewhere".
    let sites = crate::engine::travel::countries(&catalog.trials);
    for code in settings.countries.iter().filter(|c| !sites.contains(c)) {
        problems.push(format!(
            "countries: no trial in the catalog has a site in {code} (sites are in {})",
            sites.join(", ")
        ));
    }
    problems
}

/// The words and the catalog of each language fetched so far, and the
/// language shown: a switch fetches the new language's once, and the screen
/// keeps the old ones (and every answer) until both are there.
struct Fetched {
    words: UseStateHandle<BTreeMap<String, Loaded<Messages>>>,
    /// This build's catalog comes in one file per language; a site's own is
    /// one file for every language, kept under "".
    catalogs: UseStateHandle<BTreeMap<String, Loaded<Catalog>>>,
    shown: UseStateHandle<Option<String>>,
}

fn catalog_key(settings: &Settings, language: &str) -> String {
    if data::catalog_by_language(settings) { language.to_string() } else { String::new() }
}

#[hook]
fn use_fetched(settings: Rc<Settings>, language: String) -> Fetched {
    let words = use_state(BTreeMap::<String, Loaded<Messages>>::new);
    let catalogs = use_state(BTreeMap::<String, Loaded<Catalog>>::new);
    let shown = use_state(|| None::<String>);
    let fetched = Fetched { words: words.clone(), catalogs: catalogs.clone(), shown: shown.clone() };
    use_effect_with(language, move |language| {
        let (language, key) = (language.clone(), catalog_key(&settings, language));
        let have_words = matches!(words.get(&language), Some(Loaded::Ready(_)));
        let have_catalog = matches!(catalogs.get(&key), Some(Loaded::Ready(_)));
        if have_words && have_catalog {
            shown.set(Some(language));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let fetch_words = async {
                (!have_words).then_some(match data::messages(&settings, &language).await {
                    Ok(m) => Loaded::Ready(Rc::new(m)),
                    Err(problem) => Loaded::Failed { source: "the messages".into(), problems: vec![problem] },
                })
            };
            let fetch_catalog = async {
                (!have_catalog).then_some(match data::catalog(&settings, &language).await {
                    Ok(c) => Loaded::Ready(Rc::new(c)),
                    Err((source, problems)) => Loaded::Failed { source, problems },
                })
            };
            let (fetched_words, fetched_catalog) = futures::future::join(fetch_words, fetch_catalog).await;
            if let Some(loaded) = fetched_words {
                let mut all = (*words).clone();
                all.insert(language.clone(), loaded);
                words.set(all);
            }
            if let Some(loaded) = fetched_catalog {
                let mut all = (*catalogs).clone();
                all.insert(key, loaded);
                catalogs.set(all);
            }
            shown.set(Some(language));
        });
    });
    fetched
}

#[component]
pub fn App(props: &Props) -> Html {
    let language = use_state(|| props.settings.language.clone());
    let interacted = use_state(Interacted::default);
    let Fetched { words, catalogs, shown } = use_fetched(Rc::clone(&props.settings), (*language).clone());
    // The standalone page is all TrialCheck: its language is the app's.
    {
        let standalone = props.standalone;
        use_effect_with((*shown).clone(), move |shown| {
            if standalone
                && let Some(language) = shown
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
    let messages = match (*shown).as_ref().and_then(|l| words.get(l).map(|w| (l, w))) {
        Some((language, Loaded::Ready(m))) => (language.clone(), Rc::clone(m)),
        Some((_, Loaded::Failed { source, problems })) => return failure(source, problems),
        _ => return loading(),
    };
    let texts = Texts::new(messages.1, &messages.0);
    let body = match catalogs.get(&catalog_key(&props.settings, &messages.0)).unwrap_or(&Loaded::Loading) {
        Loaded::Loading => loading(),
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
    html! {
        <ContextProvider<Interacted> context={(*interacted).clone()}>
            <ContextProvider<Texts> context={texts}>{ body }</ContextProvider<Texts>>
        </ContextProvider<Interacted>>
    }
}

/// While the catalog and the words arrive: a quiet placeholder that keeps
/// the widget's place (no words yet, so nothing to translate).
fn loading() -> Html {
    html! { <div class="tc-loading" role="status" aria-busy="true"></div> }
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
