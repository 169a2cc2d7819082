//! The unit beside a number: the units a report in the reader's language
//! usually uses, first the one it uses most, written as reports print them.

use yew::prelude::*;

pub struct UnitSelect {
    pub units: Vec<&'static str>,
    /// The unit shown chosen (the answer's, else the first).
    pub chosen: Option<String>,
    pub label: String,
    /// The form field's name, when the form is read by name.
    pub name: Option<String>,
    pub node: NodeRef,
}

pub fn unit_select(s: UnitSelect) -> Html {
    let chosen = s.chosen.as_deref().or(s.units.first().copied());
    html! {
        <select ref={s.node} name={s.name} aria-label={s.label}>
            // Yew inserts options last first: without `selected` the last unit would be shown.
            { for s.units.iter().map(|u| html! { <option value={*u} selected={chosen == Some(*u)}>{ crate::clinical::units::display(u) }</option> }) }
        </select>
    }
}
