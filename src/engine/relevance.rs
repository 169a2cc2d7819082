//! Which questions are still worth asking: only those that could change an
//! open criterion of a trial that is not yet decided, and an exception only
//! once the value it excuses is known. A trial already ruled
//! out, or already likely, cannot change by answering more (evaluation is
//! monotone), so its questions are not asked for its sake.

use crate::engine::answer::Answers;
use crate::engine::assess::{Assessment, Requirement, Verdict};
use crate::engine::question::{Question, QuestionBank};
use std::collections::BTreeSet;

/// The unanswered questions that could still change a verdict, in the order
/// they are asked. "Don't know" counts as answered: it is not asked again.
pub fn questions_to_ask<'b>(
    bank: &'b QuestionBank,
    assessments: &[Assessment],
    answers: &Answers,
) -> Vec<&'b Question> {
    let open: BTreeSet<&str> = crate::sort::set(
        assessments
            .iter()
            .filter(|a| a.verdict == Verdict::Undecided)
            .flat_map(|a| a.with(Requirement::Unknown))
            .flat_map(|c| c.open_questions.iter().map(String::as_str))
            .filter(|q| answers.get(q).is_none()),
    );
    // An exception waits for the value it excuses, and is not asked when that value is not known.
    let ready = |q: &&Question| q.after.iter().all(|a| answers.known(a).is_some());
    bank.iter().filter(|q| open.contains(q.id.as_str())).filter(ready).collect()
}

#[cfg(test)]
mod tests {
    //! Phase 5, `relevance`: what is still worth asking, on a small trial over
    //! the small bank.
    use super::*;
    use crate::engine::assess::assess;
    use crate::engine::rule::Facts;
    use crate::engine::rule::tests::{answers, bank, today, trial};
    use crate::engine::trial::Side::{Exclusion, Inclusion};
    use serde_json::json;

    fn to_ask(json: serde_json::Value) -> Vec<String> {
        let bank = bank();
        let t = trial(&[
            ("age", Inclusion, Some("age_years >= 18"), None),
            ("pregnant", Exclusion, Some("sex == female and pregnant"), None),
            ("liver", Inclusion, Some("alt <= 3 * alt_uln"), None),
        ]);
        let answers = answers(json);
        let assessed = vec![assess(&t, &bank, &Facts::new(&answers, today()))];
        questions_to_ask(&bank, &assessed, &answers).into_iter().map(|q| q.id.clone()).collect()
    }

    #[test]
    fn only_what_can_still_change_an_undecided_trial_is_asked_in_the_banks_order() {
        // (answers, still worth asking)
        let table: [(serde_json::Value, &[&str]); 6] = [
            (json!({}), &["date_of_birth", "sex", "pregnant", "alt", "alt_uln"]),
            // A man: pregnancy cannot change anything.
            (json!({"sex": "male"}), &["date_of_birth", "alt", "alt_uln"]),
            // "Don't know" is an answer: not asked again.
            (json!({"sex": "male", "alt": "dont_know"}), &["date_of_birth"]),
            // Ruled out: nothing more is asked for this trial.
            (json!({"date_of_birth": "2015-01-01"}), &[]),
            (json!({"date_of_birth": "1990-01-01", "sex": "male", "alt": "30 U/L", "alt_uln": "40 U/L"}), &[]),
            (json!({"date_of_birth": "1990-01-01", "sex": "female", "pregnant": false}), &["alt", "alt_uln"]),
        ];
        for (json, expected) in table {
            assert_eq!(to_ask(json.clone()), expected, "{json}");
        }
    }
}
