//! Where the FHIR Questionnaire a response answers is published: the address
//! a deployment serves its build from (a build setting, `TRIALCHECK_BASE`),
//! and a version taken from the question bank itself, so that a response's
//! `questionnaire` (`url|version`) names exactly the questions it answers.

use crate::engine::question::{Kind, QuestionBank};

/// The Questionnaire's name in its canonical URL.
pub const NAME: &str = "trialcheck-lupus";
/// The base when none is set: where `scripts/serve` serves the build, so the
/// canonical resolves on a developer's machine and in the tests.
pub const DEFAULT_BASE: &str = "http://127.0.0.1:8080/";
/// What responses referenced before a deployment published its Questionnaire:
/// files that carry it still open.
pub const OLD_URN: &str = "urn:trialcheck:questionnaire:lupus-car-t:1";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Canonical {
    /// Absolute, ending in `/`.
    pub base: String,
    pub version: String,
}

impl Canonical {
    /// The canonical of `bank`'s questions as published under `base`.
    pub fn new(base: &str, bank: &QuestionBank) -> Canonical {
        let base = if base.ends_with('/') { base.to_string() } else { format!("{base}/") };
        Canonical { base, version: version(bank) }
    }

    pub fn questionnaire(&self) -> String {
        format!("{}fhir/Questionnaire/{NAME}", self.base)
    }

    /// The code system of the answer options (`<question>.<option>`).
    pub fn options(&self) -> String {
        format!("{}fhir/CodeSystem/{NAME}-options", self.base)
    }

    /// The extension that carries a question's wording for a parent or a clinician.
    pub fn wording(&self) -> String {
        format!("{}fhir/StructureDefinition/{NAME}-wording", self.base)
    }

    /// The extension that says a list's answer is complete (not ticked from memory).
    pub fn list_complete(&self) -> String {
        format!("{}fhir/StructureDefinition/{NAME}-list-complete", self.base)
    }

    /// What a response's `questionnaire` holds: `url|version`.
    pub fn reference(&self) -> String {
        format!("{}|{}", self.questionnaire(), self.version)
    }
}

/// Whether `reference` (a response's `questionnaire`) names a TrialCheck
/// Questionnaire: any deployment's, any version, or the old urn.
pub fn is_ours(reference: &str) -> bool {
    let url = reference.split('|').next().unwrap_or(reference);
    url == OLD_URN || url.ends_with(&format!("/fhir/Questionnaire/{NAME}"))
}

/// The bank's version: a digest of what a response depends on (each question's
/// id, type, options, unit quantity, range and conditions), so that any
/// change to the questions is a new version, and none other is.
pub fn version(bank: &QuestionBank) -> String {
    // FNV-1a, 64 bits: stable across builds and platforms, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |text: &str| {
        for b in text.bytes().chain([0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for q in bank.iter() {
        eat(&q.id);
        eat(q.kind.name());
        q.kind.options().iter().for_each(|o| eat(o));
        if let Kind::Number { quantity, min, max, integer } = &q.kind {
            eat(quantity.map_or("", |q| q.id));
            eat(&format!("{min} {max} {integer}"));
        }
        q.after.iter().for_each(|a| eat(a));
    }
    format!("{:012x}", hash >> 16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::catalog::Catalog;
    use crate::engine::question::{AnsweredBy, Group, Question};

    #[test]
    fn the_canonical_is_the_deployments_address_and_the_version_the_questions() {
        let bank = Catalog::shipped().unwrap().bank;
        let c = Canonical::new("https://lupus.example-hospital.vn/trialcheck", &bank);
        assert_eq!(
            c.questionnaire(),
            "https://lupus.example-hospital.vn/trialcheck/fhir/Questionnaire/trialcheck-lupus"
        );
        assert_eq!(c.reference(), format!("{}|{}", c.questionnaire(), c.version));
        assert!(is_ours(&c.reference()) && is_ours(OLD_URN) && !is_ours("http://example.org/Questionnaire/other"));
        // The same questions give the same version; another question another.
        assert_eq!(version(&bank), version(&bank.clone()));
        let mut more: Vec<Question> = bank.iter().cloned().collect();
        more.push(Question::new("weight", Kind::YesNo, Group::AboutYou, AnsweredBy::Person));
        assert_ne!(version(&bank), version(&QuestionBank::new(more)));
    }
}
