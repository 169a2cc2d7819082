//! Moving the focus to a screen's heading when it appears, so that a screen
//! reader starts reading there and the keyboard starts from there.

use yew::prelude::*;

/// A ref for a heading (with `tabindex="-1"`) that takes the focus whenever `key` changes.
#[hook]
pub fn use_focus_on<K: PartialEq + Clone + 'static>(key: K) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(key, move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    heading
}
