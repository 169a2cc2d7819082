//! A question of a form answered by one of a few choices, as radio buttons
//! the form reads by name (`choice-<id>`) when it is sent.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The question's id: the radio group is `choice-<id>`.
    pub id: String,
    pub legend: String,
    /// Its help, read right after the question, before the choices.
    #[prop_or_default]
    pub help: Option<(String, String)>,
    /// (value, label), in order.
    pub choices: Vec<(String, String)>,
    #[prop_or_default]
    pub described: Option<String>,
}

#[component]
pub fn RadioChoice(props: &Props) -> Html {
    let name = format!("choice-{}", props.id);
    html! {
        <fieldset class="tc-fieldset" aria-describedby={props.described.clone()}>
            <legend class="tc-form-prompt">{ props.legend.clone() }</legend>
            if let Some((id, help)) = &props.help { <p id={id.clone()} class="tc-help">{ help.clone() }</p> }
            { for props.choices.iter().map(|(value, label)| html! {
                <label class="tc-check"><input type="radio" name={name.clone()} value={value.clone()} />{ label.clone() }</label>
            }) }
        </fieldset>
    }
}
