//! The unit beside a number: the units a report in the reader's language
//! usually uses, first the one it uses most.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub units: Vec<&'static str>,
    /// The unit shown chosen (the answer's, else the first).
    #[prop_or_default]
    pub chosen: Option<String>,
    pub label: String,
    /// The form field's name, when the form is read by name.
    #[prop_or_default]
    pub name: Option<String>,
    #[prop_or_default]
    pub node: NodeRef,
}

#[component]
pub fn UnitSelect(props: &Props) -> Html {
    let chosen = props.chosen.as_deref().or(props.units.first().copied());
    html! {
        <select ref={props.node.clone()} name={props.name.clone()} aria-label={props.label.clone()}>
            // Yew inserts options last first: without `selected` the last unit would be shown.
            { for props.units.iter().map(|u| html! { <option value={*u} selected={chosen == Some(*u)}>{ crate::clinical::units::display(u) }</option> }) }
        </select>
    }
}
