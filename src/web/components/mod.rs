//! Presentational components: they get data and callbacks, never the reducer.

pub mod answer_files;
pub mod checklist_card;
pub mod country_choice;
pub mod fields;
pub mod form_card;
pub mod lab_panel;
pub mod language_picker;
pub mod medicines;
pub mod on_this_device;
pub mod open_answers;
pub mod print_summary;
pub mod progress;
pub mod question_card;
pub mod questions_screen;
pub mod results;
pub mod review;
pub mod review_screen;
pub mod trial_card;
pub mod welcome;
