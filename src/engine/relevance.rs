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
