//! SLEDAI-2K (Gladman et al., J Rheumatol 2002): 24 weighted descriptors,
//! total 0-105, and the variants trials write into their criteria.

/// Where a descriptor belongs, for the variants that count only some of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Neuropsychiatric (CNS) descriptors.
    Cns,
    /// The 8 laboratory descriptors.
    Laboratory,
    Clinical,
}

#[derive(Debug)]
pub struct Descriptor {
    pub id: &'static str,
    pub weight: u32,
    pub kind: Kind,
}

const fn d(id: &'static str, weight: u32, kind: Kind) -> Descriptor {
    Descriptor { id, weight, kind }
}

pub static DESCRIPTORS: [Descriptor; 24] = [
    d("seizure", 8, Kind::Cns),
    d("psychosis", 8, Kind::Cns),
    d("organic_brain_syndrome", 8, Kind::Cns),
    d("visual_disturbance", 8, Kind::Cns),
    d("cranial_nerve_disorder", 8, Kind::Cns),
    d("lupus_headache", 8, Kind::Cns),
    d("cva", 8, Kind::Cns),
    d("vasculitis", 8, Kind::Clinical),
    d("arthritis", 4, Kind::Clinical),
    d("myositis", 4, Kind::Clinical),
    d("urinary_casts", 4, Kind::Laboratory),
    d("hematuria", 4, Kind::Laboratory),
    d("proteinuria", 4, Kind::Laboratory),
    d("pyuria", 4, Kind::Laboratory),
    d("rash", 2, Kind::Clinical),
    d("alopecia", 2, Kind::Clinical),
    d("mucosal_ulcers", 2, Kind::Clinical),
    d("pleurisy", 2, Kind::Clinical),
    d("pericarditis", 2, Kind::Clinical),
    d("low_complement", 2, Kind::Laboratory),
    d("increased_dna_binding", 2, Kind::Laboratory),
    d("fever", 1, Kind::Clinical),
    d("thrombocytopenia", 1, Kind::Laboratory),
    d("leukopenia", 1, Kind::Laboratory),
];

pub fn descriptor(id: &str) -> Option<&'static Descriptor> {
    DESCRIPTORS.iter().find(|d| d.id == id)
}

/// What part of the score a criterion counts.
#[derive(Clone, Debug, PartialEq)]
pub enum Variant {
    /// The full SLEDAI-2K.
    Total,
    /// Only the laboratory descriptors' points.
    LaboratoryPoints,
    /// Without the 7 neuropsychiatric descriptors (e.g. NCT07432334). Vasculitis
    /// also weighs 8 but is a vascular item, so it still counts.
    WithoutCns,
    /// "Clinical SLEDAI": without the laboratory descriptors.
    Clinical,
    /// Without the listed descriptors (e.g. NCT06581198 leaves out fever,
    /// lupus headache, alopecia and organic brain syndrome).
    Without(Vec<String>),
}

impl Variant {
    fn counts(&self, d: &Descriptor) -> bool {
        match self {
            Variant::Total => true,
            Variant::LaboratoryPoints => d.kind == Kind::Laboratory,
            Variant::WithoutCns => d.kind != Kind::Cns,
            Variant::Clinical => d.kind != Kind::Laboratory,
            Variant::Without(ids) => !ids.iter().any(|id| id == d.id),
        }
    }
}

/// The score of the descriptors present; each counts once, however often named.
/// Ids that are not descriptors are returned as the error.
pub fn score<'a>(present: impl IntoIterator<Item = &'a str>, variant: &Variant) -> Result<u32, String> {
    let mut seen: Vec<&'static Descriptor> = Vec::new();
    for id in present {
        let d = descriptor(id).ok_or_else(|| id.to_string())?;
        if !seen.iter().any(|s| s.id == d.id) {
            seen.push(d);
        }
    }
    Ok(seen.iter().filter(|d| variant.counts(d)).map(|d| d.weight).sum())
}

/// The score with every descriptor present: the most `variant` can give
/// (what an unanswered list could still add up to).
pub fn most(variant: &Variant) -> u32 {
    DESCRIPTORS.iter().filter(|d| variant.counts(d)).map(|d| d.weight).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::test_vectors::cases;

    fn items(case: &serde_json::Value) -> Vec<&str> {
        case["items"].as_array().unwrap().iter().map(|i| i.as_str().unwrap()).collect()
    }

    #[test]
    fn total_matches_every_reference_case() {
        for case in cases("sledai_2k") {
            let expected = case["expected"].as_u64().unwrap() as u32;
            assert_eq!(score(items(&case), &Variant::Total), Ok(expected), "{}", case["case"]);
        }
    }

    #[test]
    fn descriptor_groups_have_the_published_maxima() {
        let all: Vec<&str> = DESCRIPTORS.iter().map(|d| d.id).collect();
        assert_eq!(score(all.clone(), &Variant::Total), Ok(105));
        assert_eq!(score(all.clone(), &Variant::LaboratoryPoints), Ok(22));
        let without = Variant::Without(vec!["fever".into(), "alopecia".into()]);
        for v in [Variant::Total, Variant::LaboratoryPoints, Variant::WithoutCns, Variant::Clinical, without] {
            assert_eq!(Ok(most(&v)), score(all.clone(), &v), "{v:?}");
        }
        assert_eq!(DESCRIPTORS.iter().filter(|d| d.kind == Kind::Cns).count(), 7);
        // Vasculitis weighs 8 but is not neuropsychiatric; the CNS row is the 7
        // neurological descriptors, 56 points.
        assert_eq!(score(all.clone(), &Variant::WithoutCns), Ok(105 - 56));
        assert_eq!(score(all, &Variant::Clinical), Ok(105 - 22));
    }

    #[test]
    fn trial_variants_count_what_they_say() {
        let v = ["seizure", "proteinuria", "low_complement", "fever", "alopecia"];
        assert_eq!(score(v, &Variant::Total), Ok(17));
        assert_eq!(score(v, &Variant::LaboratoryPoints), Ok(6));
        assert_eq!(score(v, &Variant::WithoutCns), Ok(9));
        let autograph = Variant::Without(
            ["fever", "lupus_headache", "alopecia", "organic_brain_syndrome"].map(String::from).to_vec(),
        );
        assert_eq!(score(v, &autograph), Ok(14));
    }

    #[test]
    fn an_unknown_descriptor_is_an_error_not_zero() {
        assert_eq!(score(["rash", "sneezing"], &Variant::Total), Err("sneezing".to_string()));
    }

    #[test]
    fn a_descriptor_named_twice_counts_once() {
        assert_eq!(score(["rash", "rash"], &Variant::Total), Ok(2));
    }
}
