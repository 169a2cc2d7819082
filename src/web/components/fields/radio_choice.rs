//! A question of a form answered by one of a few choices, as radio buttons
//! the form reads by name (`choice-<id>`) when it is sent.

use yew::prelude::*;

pub struct RadioChoice {
    /// The question's id: the radio group is `choice-<id>`.
    pub id: String,
    pub legend: String,
    /// Its help (id, words), read right after the question, before the choices.
    pub help: Option<(String, String)>,
    /// (value, label), in order.
    pub choices: Vec<(String, String)>,
    pub described: Option<String>,
}

pub fn radio_choice(r: RadioChoice) -> Html {
    let name = format!("choice-{}", r.id);
    html! {
        <fieldset class="tc-fieldset" aria-describedby={r.described}>
            <legend class="tc-form-prompt">{ r.legend }</legend>
            if let Some((id, help)) = r.help { <p {id} class="tc-help">{ help }</p> }
            { for r.choices.into_iter().map(|(value, label)| html! {
                <label class="tc-check"><input type="radio" name={name.clone()} {value} />{ label }</label>
            }) }
        </fieldset>
    }
}
