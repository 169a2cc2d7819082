//! An answer in words, for the review and the printed summary.

use crate::engine::answer::Answer;
use crate::engine::question::Question;
use crate::questionnaire::Mode;
use crate::text::{format_date, format_number};
use crate::web::texts::Texts;

pub fn answer_text(texts: &Texts, question: &Question, answer: &Answer, mode: Mode) -> String {
    let options = |ids: &mut dyn Iterator<Item = &String>| {
        let words: Vec<String> = ids.map(|o| texts.option(question, o)).collect();
        if words.is_empty() { texts.get("answer-none-of-these") } else { words.join("; ") }
    };
    match answer {
        Answer::DontKnow => texts.dont_know(mode),
        Answer::Bool(true) => texts.get("answer-yes"),
        Answer::Bool(false) => texts.get("answer-no"),
        Answer::Choice(o) => texts.option(question, o),
        Answer::Multi(chosen) => options(&mut chosen.iter()),
        Answer::Remembered(chosen) if chosen.is_empty() => texts.get("answer-nothing-ticked"),
        Answer::Remembered(chosen) => texts.format("answer-remembered", &[("items", &options(&mut chosen.iter()))]),
        Answer::Number { value, unit } => {
            format!("{} {}", format_number(&texts.language, *value), unit.as_deref().unwrap_or(""))
                .trim_end()
                .to_string()
        }
        Answer::Date(d) => format_date(&texts.language, *d),
        Answer::RememberedMedications(uses) if uses.is_empty() => texts.get("answer-nothing-ticked"),
        Answer::RememberedMedications(uses) => {
            texts.format("answer-remembered", &[("items", &medicines(texts, question, uses))])
        }
        Answer::Medications(uses) if uses.is_empty() => texts.get("answer-none-of-these"),
        Answer::Medications(uses) => medicines(texts, question, uses),
    }
}

/// "Mycophenolate (12 months); tacrolimus *": a star for stopped because of side effects.
fn medicines(texts: &Texts, question: &Question, uses: &[crate::engine::answer::MedicationUse]) -> String {
    uses.iter()
        .map(|u| {
            let mut text = texts.option(question, &u.drug);
            if let Some(m) = u.months {
                text.push_str(&format!(" ({})", texts.plural("months-count", m.round() as usize)));
            }
            if u.stopped_for_side_effects == Some(true) {
                text.push_str(" *");
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}
