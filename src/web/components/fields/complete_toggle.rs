//! "This list is complete": a list filled in from memory proves what is
//! ticked and nothing more, unless the person says it is whole.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The id of its help paragraph.
    pub id: String,
    pub label: String,
    pub help: String,
    pub checked: bool,
    pub on_toggle: Callback<()>,
}

#[component]
pub fn CompleteToggle(props: &Props) -> Html {
    let onchange = props.on_toggle.reform(|_: Event| ());
    html! {
        <>
            <label class="tc-check tc-complete">
                <input type="checkbox" checked={props.checked} {onchange} aria-describedby={props.id.clone()} />
                { props.label.clone() }
            </label>
            <p id={props.id.clone()} class="tc-help">{ props.help.clone() }</p>
        </>
    }
}
