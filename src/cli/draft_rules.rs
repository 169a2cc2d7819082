//! Draft rules for the criterion lines lupus cell-therapy trials share: age
//! ranges, "≤ N × ULN" limits with the lab named, eGFR and creatinine, LVEF,
//! SpO2, blood counts with their units, SLEDAI-2K thresholds, pregnancy,
//! HIV and hepatitis B / C, prior CAR-T, another trial within N months.
//!
//! A draft is a proposal, never a decision: the importer writes it with the
//! words it was drawn from (`draft = "..."`), and `trialcheck validate`
//! refuses the file until an author has checked it and removed that line.
//! Where a line is not clearly one of these patterns, no draft is made and
//! the line stays the study team's.

use crate::engine::trial::Side;

/// A proposed rule and the words of the line it was drawn from.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub rule: String,
    pub from: String,
}

/// A comparison as written in registry text, and as the rule language writes it.
fn comparator(text: &str) -> Option<(&'static str, usize)> {
    const OPS: &[(&str, &str)] =
        &[("≥", ">="), (">=", ">="), ("≤", "<="), ("<=", "<="), ("\\>", ">"), ("\\<", "<"), (">", ">"), ("<", "<")];
    OPS.iter().find(|(written, _)| text.starts_with(written)).map(|(w, op)| (*op, w.len()))
}

/// The first "op number" after `at` within a short window: ("<=", 3.0, rest).
fn limit_after(text: &str, at: usize) -> Option<(&'static str, f64, &str)> {
    let window_end = (at + 48).min(text.len());
    let window = text.get(at..window_end).or_else(|| text.get(at..))?;
    for (i, _) in window.char_indices() {
        if let Some((op, len)) = comparator(&window[i..]) {
            let rest = window[i + len..].trim_start();
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            let number: f64 = digits.trim_end_matches('.').parse().ok()?;
            return Some((op, number, &rest[digits.len()..]));
        }
    }
    None
}

/// `3` for "3", `0.8` for "0.8", `1.5` for "1.50".
fn number(x: f64) -> String {
    let s = format!("{x}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Where a word occurs, case-insensitive, as a whole word (not inside another).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let w = word.to_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(&w) {
        let start = from + i;
        let end = start + w.len();
        let before = lower[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(end);
        }
        from = end;
    }
    None
}

fn first_word(text: &str, words: &[&str]) -> Option<usize> {
    words.iter().filter_map(|w| find_word(text, w)).min()
}

/// "≤ 3 × ULN" after a lab's name: `lab <= 3 * lab_uln`.
fn uln_limit(line: &str, names: &[&str], question: &str) -> Option<String> {
    let at = first_word(line, names)?;
    let (op, n, rest) = limit_after(line, at)?;
    let rest = rest.trim_start_matches([' ', '×', 'x', '*']).trim_start().to_lowercase();
    (rest.starts_with("uln") || rest.starts_with("upper limit") || rest.starts_with("the upper limit"))
        .then(|| format!("{question} {op} {} * {question}_uln", number(n)))
}

/// A fixed limit with its unit: `lvef >= 55%`, `platelets >= 75 x10^9/L`.
fn fixed_limit(
    line: &str,
    names: &[&str],
    question: &str,
    unit_of: fn(&str) -> Option<&'static str>,
) -> Option<String> {
    let at = first_word(line, names)?;
    let (op, n, rest) = limit_after(line, at)?;
    let unit = unit_of(rest.trim_start())?;
    let space = if unit == "%" { "" } else { " " };
    Some(format!("{question} {op} {}{space}{unit}", number(n)))
}

fn percent(rest: &str) -> Option<&'static str> {
    rest.starts_with('%').then_some("%")
}

fn egfr_unit(rest: &str) -> Option<&'static str> {
    rest.to_lowercase().replace(' ', "").starts_with("ml/min").then_some("mL/min/1.73m2")
}

fn creatinine_unit(rest: &str) -> Option<&'static str> {
    let r = rest.to_lowercase().replace(' ', "");
    if r.starts_with("mg/dl") {
        Some("mg/dL")
    } else if r.starts_with("μmol/l") || r.starts_with("µmol/l") || r.starts_with("umol/l") {
        Some("umol/L")
    } else {
        None
    }
}

fn hemoglobin_unit(rest: &str) -> Option<&'static str> {
    let r = rest.to_lowercase().replace(' ', "");
    if r.starts_with("g/dl") {
        Some("g/dL")
    } else if r.starts_with("g/l") {
        Some("g/L")
    } else {
        None
    }
}

fn cells_unit(rest: &str) -> Option<&'static str> {
    let r: String = rest.to_lowercase().chars().filter(|c| !c.is_whitespace() && !matches!(c, '\\' | '*')).collect();
    let r = r.trim_start_matches(['×', 'x']);
    if r.starts_with("10^9/l") || r.starts_with("10⁹/l") || r.starts_with("109/l") || r.starts_with("g/l") {
        Some("x10^9/L")
    } else if r.starts_with("/ul") || r.starts_with("/µl") || r.starts_with("/μl") || r.starts_with("/mm3") {
        Some("/uL")
    } else {
        None
    }
}

/// A line's lab limits, in the order the bank asks them.
fn lab_rules(line: &str) -> Vec<String> {
    let mut rules = Vec::new();
    rules.extend(uln_limit(line, &["ALT", "alanine aminotransferase"], "alt"));
    rules.extend(uln_limit(line, &["AST", "aspartate aminotransferase"], "ast"));
    // "AST and ALT ≤ 3 ULN": the limit follows the second name; both get it.
    let (alt, ast) = (rules.iter().find(|r| r.starts_with("alt")).cloned(), rules.iter().any(|r| r.starts_with("ast")));
    if let Some(alt) = alt
        && !ast
        && find_word(line, "AST").is_some_and(|at| at < find_word(line, "ALT").unwrap_or(0))
    {
        rules.push(alt.replace("alt", "ast"));
    }
    rules.extend(uln_limit(line, &["total bilirubin", "TBIL", "bilirubin"], "bilirubin"));
    rules.extend(fixed_limit(line, &["eGFR", "estimated glomerular filtration rate"], "egfr", egfr_unit));
    rules.extend(fixed_limit(line, &["serum creatinine", "creatinine"], "creatinine", creatinine_unit));
    rules.extend(fixed_limit(line, &["LVEF", "ejection fraction", "EF"], "lvef", percent));
    rules.extend(fixed_limit(line, &["SpO2", "SpO₂", "oxygen saturation"], "spo2", percent));
    rules.extend(fixed_limit(line, &["hemoglobin", "haemoglobin", "Hb"], "hemoglobin", hemoglobin_unit));
    rules.extend(fixed_limit(line, &["platelet count", "platelets", "platelet", "PLT"], "platelets", cells_unit));
    rules.extend(fixed_limit(
        line,
        &["absolute neutrophil count", "neutrophil count", "neutrophils", "ANC"],
        "neutrophils",
        cells_unit,
    ));
    rules.extend(fixed_limit(
        line,
        &["absolute lymphocyte count", "lymphocyte count", "lymphocytes", "ALC"],
        "lymphocytes",
        cells_unit,
    ));
    rules.extend(fixed_limit(line, &["white blood cell count", "WBC"], "wbc", cells_unit));
    rules
}

/// "Age 18 to 65 years", "aged 10-65", "between 18 and 70 years", "Age ≥18".
fn age_rule(line: &str) -> Option<String> {
    let at = first_word(line, &["age", "aged", "ages"])?;
    let rest = &line[at..];
    if let Some((op, n, _)) = limit_after(line, at)
        && matches!(op, ">=" | ">")
    {
        return Some(format!("age_years {op} {}", number(n)));
    }
    // Two numbers joined by "to", "-", "–" or "and": an inclusive range.
    let numbers: Vec<f64> = rest
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|s| !s.is_empty())
        .take(2)
        .filter_map(|s| s.parse().ok())
        .collect();
    let joined = rest.contains(" to ") || rest.contains('-') || rest.contains('–') || rest.contains(" and ");
    match numbers[..] {
        [lo, hi] if joined && lo < hi && hi <= 120.0 => {
            Some(format!("age_years >= {} and age_years <= {}", number(lo), number(hi)))
        }
        _ => None,
    }
}

fn sledai_rule(line: &str) -> Option<String> {
    let at = first_word(line, &["SLEDAI-2K", "SLEDAI 2K", "SLEDAI-2000", "SLEDAI"])?;
    if line.to_uppercase().contains("SELENA") {
        // A different index: the author decides.
        return None;
    }
    let (op, n, _) = limit_after(line, at)?;
    Some(format!("sledai2k(sledai_score, sledai_items) {op} {}", number(n)))
}

/// Exclusions a person can usually answer: each proposed on its own line.
fn exclusion_rules(line: &str) -> Vec<String> {
    let lower = line.to_lowercase();
    let mut rules = Vec::new();
    if lower.contains("pregnan") {
        rules.push(
            "sex == female and age_years >= 10 and (pregnant == yes or (pregnant == not_sure and study_team))".into(),
        );
    }
    if find_word(line, "HIV").is_some() || lower.contains("human immunodeficiency virus") {
        rules.push("hiv".into());
    }
    if find_word(line, "HBV").is_some() || lower.contains("hepatitis b") {
        rules.push("hepatitis_b and (hbv_dna_above_normal or study_team)".into());
    }
    if find_word(line, "HCV").is_some() || lower.contains("hepatitis c") {
        rules.push("hepatitis_c and (hcv_rna_above_normal or study_team)".into());
    }
    let car_t = lower.contains("car-t") || lower.contains("car t") || lower.contains("chimeric antigen receptor");
    if car_t && ["prior", "previous", "received", "history of"].iter().any(|w| lower.contains(w)) {
        rules.push("prior_car_t".into());
    }
    if (lower.contains("clinical trial") || lower.contains("clinical study") || lower.contains("investigational"))
        && (lower.contains("month") || lower.contains("week"))
    {
        // The bank asks about the last 3 months; another window is the study team's to weigh.
        rules.push("other_trial_last_3_months and study_team".into());
    }
    rules
}

/// A draft rule for one criterion line, if it is one of the shared patterns.
pub fn propose(line: &str, side: Side) -> Option<Draft> {
    let mut rules = match side {
        Side::Inclusion => {
            let mut rules: Vec<String> = age_rule(line).into_iter().collect();
            rules.extend(sledai_rule(line));
            rules.extend(lab_rules(line));
            rules
        }
        Side::Exclusion => {
            let mut rules = exclusion_rules(line);
            // "Creatinine > 221 µmol/L", "LVEF < 50%": a limit that excludes.
            rules.extend(lab_rules(line));
            rules
        }
    };
    if rules.is_empty() {
        return None;
    }
    // Inclusion limits must all hold; any one exclusion excludes.
    let join = if side == Side::Inclusion { " and " } else { " or " };
    let rule = if rules.len() == 1 {
        rules.remove(0)
    } else {
        rules
            .iter()
            .map(|r| if r.contains(" or ") || r.contains(" and ") { format!("({r})") } else { r.clone() })
            .collect::<Vec<_>>()
            .join(join)
    };
    Some(Draft { rule, from: line.trim().to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inclusion(line: &str) -> Option<String> {
        propose(line, Side::Inclusion).map(|d| d.rule)
    }

    fn exclusion(line: &str) -> Option<String> {
        propose(line, Side::Exclusion).map(|d| d.rule)
    }

    // Lines as the candidate trials' registry text has them.
    #[test]
    fn ages_as_registries_write_them() {
        assert_eq!(inclusion("1. Age ≥18 years").as_deref(), Some("age_years >= 18"));
        assert_eq!(
            inclusion("1. Male or female, aged 10-65 years;").as_deref(),
            Some("age_years >= 10 and age_years <= 65")
        );
        assert_eq!(
            inclusion("1. Age between 18 and 60 years.").as_deref(),
            Some("age_years >= 18 and age_years <= 60")
        );
        assert_eq!(inclusion("Age: ≥ 5 years old, and no gender limitation;").as_deref(), Some("age_years >= 5"));
    }

    #[test]
    fn limits_relative_to_the_patients_own_upper_limit_name_the_lab() {
        assert_eq!(
            inclusion("Liver function: AST and ALT≤3.0 ULN, total Bilirubin (TBIL) in serum ≤2.0×ULN;").as_deref(),
            Some("alt <= 3 * alt_uln and ast <= 3 * ast_uln and bilirubin <= 2 * bilirubin_uln")
        );
        assert_eq!(
            inclusion("* ALT ≤ 5 × upper limit of normal; total bilirubin ≤ 34 μmol/L (≤ 2.0 mg/dL)").as_deref(),
            Some("alt <= 5 * alt_uln"),
            "a fixed bilirubin limit is not a ULN limit: left to the author"
        );
    }

    #[test]
    fn organ_limits_keep_their_units() {
        assert_eq!(inclusion("Renal function: eGFR≥30mL/min/1.73m2;").as_deref(), Some("egfr >= 30 mL/min/1.73m2"));
        assert_eq!(
            inclusion("Cardiac function: Left ventricular ejection fraction (LVEF) ≥55% with no obvious abnormality")
                .as_deref(),
            Some("lvef >= 55%")
        );
        assert_eq!(inclusion("Lung function: no serious lung lesions, SpO2≥92%;").as_deref(), Some("spo2 >= 92%"));
        assert_eq!(
            inclusion("* Absolute neutrophil count ≥ 0.8 × 10⁹/L (without growth factor support)").as_deref(),
            Some("neutrophils >= 0.8 x10^9/L")
        );
        assert_eq!(inclusion("Platelet count ≥75 x 10^9/L").as_deref(), Some("platelets >= 75 x10^9/L"));
        assert_eq!(inclusion("Hb ≥90 g/L").as_deref(), Some("hemoglobin >= 90 g/L"));
        assert_eq!(
            inclusion("SLEDAI-2K score≥8 points;").as_deref(),
            Some("sledai2k(sledai_score, sledai_items) >= 8")
        );
        assert_eq!(
            inclusion("6. SELENA-SLEDAI score ≥8 during the screening period."),
            None,
            "another index: no draft"
        );
    }

    #[test]
    fn exclusions_a_person_can_answer() {
        assert_eq!(
            exclusion("Patient is pregnant or lactating.").as_deref().map(|r| r.starts_with("sex == female")),
            Some(true)
        );
        assert_eq!(
            exclusion(
                "2. Prior treatment with cellular immunotherapy (CAR-T) or gene therapy product directed at any target"
            )
            .as_deref(),
            Some("prior_car_t")
        );
        assert_eq!(
            exclusion("Active infection with HIV, HBV or HCV").as_deref(),
            Some(
                "hiv or (hepatitis_b and (hbv_dna_above_normal or study_team)) or (hepatitis_c and (hcv_rna_above_normal or study_team))"
            )
        );
        assert_eq!(
            exclusion("Participation in another clinical trial within 3 months").as_deref(),
            Some("other_trial_last_3_months and study_team")
        );
        assert_eq!(
            exclusion("Severe lupus nephritis (defined as proteinuria > 6 g/24h or serum creatinine > 2.5 mg/dL or 221 μmol/L)").as_deref(),
            Some("creatinine > 2.5 mg/dL")
        );
    }

    #[test]
    fn a_line_of_judgement_gets_no_draft() {
        assert_eq!(inclusion("Sign an informed consent form (ICF) voluntarily."), None);
        assert_eq!(exclusion("Major chronic illness that is not well managed at the time of study entry"), None);
    }
}
