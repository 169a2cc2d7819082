//! "This list is complete": a list filled in from memory proves what is
//! ticked and nothing more, unless the person says it is whole.

use yew::prelude::*;

/// `id` is that of its help paragraph.
pub fn complete_toggle(id: &str, label: String, help: String, checked: bool, on_toggle: Callback<()>) -> Html {
    let onchange = on_toggle.reform(|_: Event| ());
    html! {
        <>
            <label class="tc-check tc-complete">
                <input type="checkbox" {checked} {onchange} aria-describedby={id.to_string()} />
                { label }
            </label>
            <p id={id.to_string()} class="tc-help">{ help }</p>
        </>
    }
}
