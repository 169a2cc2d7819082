//! What leaves a result unknown, and how the unknowns of a rule's parts add up.

use super::Range;
use crate::engine::answer::{Answer, Answers};

/// What leaves a result unknown: the questions whose missing (or "don't
/// know") answers could still decide it, each once, in id order, by their
/// ids in the catalog's rules; and whether the study team (`study_team` in a
/// rule, or a total and descriptors that disagree) or a wait (a yes to a
/// window question: "dialysis in the last 3 months") is behind it. One is
/// built for every unknown result of every criterion, and holds a handful of
/// ids: a sorted vector of borrowed ids, rather than a `BTreeSet` of copied
/// strings, took a third off assessing 1,000 trials (callgrind).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Missing<'c> {
    questions: Vec<&'c str>,
    /// The study team is needed to settle it, whatever the open questions say
    /// ("x or study_team" with x open is not: a yes to x settles it).
    pub study_team: bool,
    /// Time will settle it: a window before now that closes.
    pub wait: bool,
}

impl<'c> Missing<'c> {
    pub fn new() -> Self {
        Missing::default()
    }

    /// What only the study team can settle.
    pub fn study_team() -> Self {
        Missing { study_team: true, ..Missing::default() }
    }

    /// A wait: the window closes with time.
    pub fn wait() -> Self {
        Missing { wait: true, ..Missing::default() }
    }

    /// Adds `q` unless it is there already; true when it was not.
    pub fn insert(&mut self, q: &'c str) -> bool {
        match self.questions.binary_search(&q) {
            Ok(_) => false,
            Err(at) => {
                self.questions.insert(at, q);
                true
            }
        }
    }

    /// Nothing at all is behind it: neither a question, nor the study team, nor a wait.
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && !self.study_team && !self.wait
    }

    /// How many questions.
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn clear(&mut self) {
        *self = Missing::new();
    }

    /// The questions, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &'c str> + '_ {
        self.questions.iter().copied()
    }

    /// Everything behind `other` too.
    pub fn merge(&mut self, other: Missing<'c>) {
        self.study_team |= other.study_team;
        self.wait |= other.wait;
        self.extend(other.questions);
    }
}

impl<'c> Extend<&'c str> for Missing<'c> {
    fn extend<I: IntoIterator<Item = &'c str>>(&mut self, questions: I) {
        for q in questions {
            self.insert(q);
        }
    }
}

impl<'c> IntoIterator for Missing<'c> {
    type Item = &'c str;
    type IntoIter = std::vec::IntoIter<&'c str>;

    fn into_iter(self) -> Self::IntoIter {
        self.questions.into_iter()
    }
}

impl<'m, 'c> IntoIterator for &'m Missing<'c> {
    type Item = &'m &'c str;
    type IntoIter = std::slice::Iter<'m, &'c str>;

    fn into_iter(self) -> Self::IntoIter {
        self.questions.iter()
    }
}

/// Unknown for good: everything behind it was answered "don't know". An
/// operation that needs both sides cannot be decided by the other side then,
/// so the other side's questions are not worth asking.
pub(super) fn settled(m: &Missing, answers: &Answers) -> bool {
    !m.is_empty() && !m.study_team && !m.wait && m.iter().all(|q| answers.get(q) == Some(&Answer::DontKnow))
}

/// What leaves a strict two-sided operation unknown.
pub(super) fn both_sides<'c>(
    a: (Option<Range>, Missing<'c>),
    b: (Option<Range>, Missing<'c>),
    answers: &Answers,
) -> Missing<'c> {
    match (a, b) {
        ((None, ma), _) if settled(&ma, answers) => ma,
        (_, (None, mb)) if settled(&mb, answers) => mb,
        ((_, ma), (_, mb)) => joined([ma, mb]),
    }
}

/// All the questions of `parts`: the smaller set is inserted into the larger.
pub(super) fn joined<'c>(parts: impl IntoIterator<Item = Missing<'c>>) -> Missing<'c> {
    let mut all = Missing::new();
    for mut part in parts {
        if part.len() > all.len() {
            std::mem::swap(&mut all, &mut part);
        }
        all.merge(part);
    }
    all
}

pub(super) fn missing(q: &str) -> Missing<'_> {
    let mut one = Missing::new();
    one.insert(q);
    one
}
