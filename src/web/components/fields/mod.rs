//! The small fields every question screen is built from: a button that
//! gives an answer, a "don't know" toggle, a tick list, a number with its
//! unit or a date, a row of radio choices, a unit to choose, and the "this
//! list is complete" box. Each draws and reports; none decides anything.

mod answer_button;
mod complete_toggle;
mod confirm_unit;
mod measure_field;
mod radio_choice;
mod tick_list;
mod unit_select;

pub use answer_button::{answer_button, pressed_button};
pub use complete_toggle::complete_toggle;
pub use confirm_unit::{confirm_unit, unusual};
pub use measure_field::MeasureField;
pub use radio_choice::{RadioChoice, radio_choice};
pub use tick_list::TickList;
pub use unit_select::{UnitSelect, unit_select};

/// The ids a field is described by (its help, its refusal), as
/// `aria-describedby` wants them: space-separated, or no attribute at all.
pub fn described_by(ids: &[Option<&str>]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().flatten().copied().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
