//! Whether the answers are kept on this device, and forgetting them.

use crate::web::texts::use_texts;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub remember: bool,
    pub on_remember: Callback<bool>,
    pub on_forget: Callback<()>,
}

#[component]
pub fn OnThisDevice(props: &Props) -> Html {
    let texts = use_texts();
    let toggle = {
        let (on_remember, remember) = (props.on_remember.clone(), props.remember);
        Callback::from(move |_: Event| on_remember.emit(!remember))
    };
    let forget = props.on_forget.reform(|_: MouseEvent| ());
    html! {
        <section class="tc-device tc-no-print" aria-labelledby="tc-device-title">
            <h2 id="tc-device-title" class="tc-visually-hidden">{ texts.get("device-title") }</h2>
            <label class="tc-check">
                <input type="checkbox" checked={props.remember} onchange={toggle} aria-describedby="tc-device-help" />
                { texts.get("device-remember") }
            </label>
            <p id="tc-device-help" class="tc-help">{ texts.get(if props.remember { "device-remembered" } else { "device-not-remembered" }) }</p>
            <button type="button" class="tc-choice" onclick={forget}>{ texts.get("device-forget") }</button>
        </section>
    }
}
