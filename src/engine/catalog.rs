//! A checked catalog, as the engine reads it: the question bank, the items
//! its lists imply, and the trials. Loading files into one is `crate::catalog`'s.

use crate::engine::question::QuestionBank;
use crate::engine::rule::Implications;
use crate::engine::trial::{Side, Trial};

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub bank: QuestionBank,
    /// The items of the bank's lists that other answers imply, beside it.
    pub implied: Implications,
    pub trials: Vec<Trial>,
    /// The yes/no questions a "No" to which can make some criterion of some
    /// trial not met (sorted): a list holding one never offers "the ones I
    /// left blank are No". Worked out from the rules, so a new trial cannot
    /// make that button lie.
    no_excludes: Vec<String>,
}

impl Catalog {
    pub fn new(bank: QuestionBank, implied: Implications, trials: Vec<Trial>) -> Catalog {
        let mut no_excludes: Vec<String> = Vec::new();
        for c in trials.iter().flat_map(|t| &t.criteria) {
            let Some(rule) = &c.rule else { continue };
            // An inclusion is not met when false, an exclusion when true.
            let toward = c.side == Side::Exclusion;
            for q in rule.node.yes_no_questions() {
                if rule.node.no_can_move(q, toward) && !no_excludes.iter().any(|x| x == q) {
                    no_excludes.push(q.to_string());
                }
            }
        }
        crate::sort::sort(&mut no_excludes);
        Catalog { bank, implied, trials, no_excludes }
    }

    pub fn trial(&self, id: &str) -> Option<&Trial> {
        self.trials.iter().find(|t| t.id == id)
    }

    /// Whether a "No" to the yes/no question `q` can make some criterion not met.
    pub fn no_may_exclude(&self, q: &str) -> bool {
        self.no_excludes.binary_search_by(|x| x.as_str().cmp(q)).is_ok()
    }
}
