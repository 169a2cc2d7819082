//! Moving the focus to a screen's heading when it appears, so that a screen
//! reader starts reading there and the keyboard starts from there.
//!
//! Only once the person has clicked, tapped or pressed a key inside the
//! widget (a screen reader's activation is a click): one drawn
//! on a host page's load (a site may start it at a question) neither takes
//! the focus nor scrolls the page to itself, which would shift everything
//! the person was reading (Lighthouse counted a layout shift of 0.65 on the
//! embed demo). The browser's own "user activation" cannot tell: it counts
//! presses anywhere on the page, and automated browsers report it as given.

use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Whether the person has clicked or pressed a key inside this widget yet:
/// one per widget, provided by the app, set by its outermost element.
#[derive(Clone, Default)]
pub struct Interacted(Rc<Cell<bool>>);

impl Interacted {
    pub fn mark(&self) {
        self.0.set(true);
    }

    pub fn happened(&self) -> bool {
        self.0.get()
    }
}

impl PartialEq for Interacted {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A ref for a heading (with `tabindex="-1"`) that takes the focus whenever
/// `key` changes, once the person has used the widget.
#[hook]
pub fn use_focus_on<K: PartialEq + Clone + 'static>(key: K) -> NodeRef {
    let heading = use_node_ref();
    // Without the app around it (a component on its own, in a test), it always may.
    let interacted = use_context::<Interacted>();
    {
        let heading = heading.clone();
        use_effect_with(key, move |_| {
            let may = interacted.as_ref().is_none_or(Interacted::happened);
            if let Some(h) = heading.cast::<web_sys::HtmlElement>().filter(|_| may) {
                let _ = h.focus();
            }
        });
    }
    heading
}
