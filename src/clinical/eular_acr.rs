//! 2019 EULAR/ACR classification criteria for SLE (Aringer et al. 2019):
//! an entry criterion (ANA >= 1:80), then weighted items in domains where only
//! the highest item of each domain counts; classified with a total >= 10 and at
//! least one clinical item.

#[derive(Debug)]
pub struct Item {
    pub id: &'static str,
    pub domain: &'static str,
    pub weight: u32,
    pub clinical: bool,
}

const fn clinical(id: &'static str, domain: &'static str, weight: u32) -> Item {
    Item { id, domain, weight, clinical: true }
}
const fn immunologic(id: &'static str, domain: &'static str, weight: u32) -> Item {
    Item { id, domain, weight, clinical: false }
}

pub static ITEMS: [Item; 21] = [
    clinical("fever", "constitutional", 2),
    clinical("leukopenia", "haematologic", 3),
    clinical("thrombocytopenia", "haematologic", 4),
    clinical("autoimmune_hemolysis", "haematologic", 4),
    clinical("delirium", "neuropsychiatric", 2),
    clinical("psychosis", "neuropsychiatric", 3),
    clinical("seizure", "neuropsychiatric", 5),
    clinical("nonscarring_alopecia", "mucocutaneous", 2),
    clinical("oral_ulcers", "mucocutaneous", 2),
    clinical("subacute_cutaneous_or_discoid", "mucocutaneous", 4),
    clinical("acute_cutaneous", "mucocutaneous", 6),
    clinical("pleural_or_pericardial_effusion", "serosal", 5),
    clinical("acute_pericarditis", "serosal", 6),
    clinical("joint_involvement", "musculoskeletal", 6),
    clinical("proteinuria_gt_0_5g", "renal", 4),
    clinical("biopsy_class_II_or_V", "renal", 8),
    clinical("biopsy_class_III_or_IV", "renal", 10),
    immunologic("aCL_or_b2GP1_or_LA", "antiphospholipid", 2),
    immunologic("low_c3_or_low_c4", "complement", 3),
    immunologic("low_c3_and_low_c4", "complement", 4),
    immunologic("anti_dsdna_or_anti_sm", "sle_specific_antibodies", 6),
];

pub fn item(id: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| i.id == id)
}

pub const THRESHOLD: u32 = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classification {
    /// `None` when the entry criterion is not met: the items are not scored.
    pub score: Option<u32>,
    pub has_clinical: bool,
    pub classified: bool,
}

/// The score of the items present (highest item per domain).
/// An id that is not an item is returned as the error.
pub fn score<'a>(present: impl IntoIterator<Item = &'a str>) -> Result<(u32, bool), String> {
    let mut best: Vec<(&'static str, u32)> = Vec::new();
    let mut has_clinical = false;
    for id in present {
        let item = item(id).ok_or_else(|| id.to_string())?;
        has_clinical |= item.clinical;
        match best.iter_mut().find(|(domain, _)| *domain == item.domain) {
            Some(entry) => entry.1 = entry.1.max(item.weight),
            None => best.push((item.domain, item.weight)),
        }
    }
    Ok((best.iter().map(|(_, w)| w).sum(), has_clinical))
}

pub fn classify<'a>(
    ana_at_least_1_80: bool,
    present: impl IntoIterator<Item = &'a str>,
) -> Result<Classification, String> {
    if !ana_at_least_1_80 {
        return Ok(Classification { score: None, has_clinical: false, classified: false });
    }
    let (total, has_clinical) = score(present)?;
    Ok(Classification { score: Some(total), has_clinical, classified: total >= THRESHOLD && has_clinical })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::test_vectors::cases;

    #[test]
    fn classification_matches_every_reference_case() {
        for case in cases("eular_acr_2019") {
            let items: Vec<&str> = case["items"].as_array().unwrap().iter().map(|i| i.as_str().unwrap()).collect();
            let got = classify(case["ana_ge_1_80"].as_bool().unwrap(), items).unwrap();
            let want = &case["expected"];
            let name = &case["case"];
            assert_eq!(got.classified, want["classified"].as_bool().unwrap(), "{name}");
            assert_eq!(got.score.map(u64::from), want["score"].as_u64(), "{name}");
            if let Some(clinical) = want["has_clinical"].as_bool() {
                assert_eq!(got.has_clinical, clinical, "{name}");
            }
        }
    }

    #[test]
    fn maximum_is_39_clinical_plus_12_immunologic() {
        let clinical: Vec<&str> = ITEMS.iter().filter(|i| i.clinical).map(|i| i.id).collect();
        let immuno: Vec<&str> = ITEMS.iter().filter(|i| !i.clinical).map(|i| i.id).collect();
        assert_eq!(score(clinical).unwrap().0, 39);
        assert_eq!(score(immuno).unwrap().0, 12);
    }

    #[test]
    fn an_unknown_item_is_an_error() {
        assert_eq!(score(["fever", "headache"]), Err("headache".to_string()));
    }
}
