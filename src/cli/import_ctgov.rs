//! `trialcheck import-ctgov STUDY.json`: a draft trial file from a
//! ClinicalTrials.gov API v2 study record. Facts are filled in; age limits
//! become rules; every criterion line is kept verbatim. A line of a pattern
//! these trials share gets a draft rule (`draft_rules`), marked `draft` with
//! the words it came from, which `validate` refuses until an author checks
//! it; every other line is `decided_by = "study_team"` until one encodes it.

use super::say;
use super::{Args, Failure, Outcome};
use crate::catalog::schema::{CriterionSpec, DecidedBy, TrialSpec};
use crate::engine::trial::{Contact, Localized, Published, Recruitment, Side, Site, Source, TrialFacts};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Study {
    protocol_section: Protocol,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Protocol {
    identification_module: Identification,
    status_module: Status,
    description_module: Description,
    design_module: Design,
    eligibility_module: Eligibility,
    contacts_locations_module: ContactsLocations,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Identification {
    nct_id: String,
    brief_title: String,
    official_title: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Status {
    overall_status: String,
    last_update_submit_date: Option<String>,
    start_date_struct: Option<DateStruct>,
    completion_date_struct: Option<DateStruct>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DateStruct {
    date: String,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Description {
    brief_summary: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Design {
    phases: Vec<String>,
    enrollment_info: Option<Enrollment>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Enrollment {
    count: Option<u32>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Eligibility {
    eligibility_criteria: String,
    sex: String,
    minimum_age: Option<String>,
    maximum_age: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ContactsLocations {
    central_contacts: Vec<CtContact>,
    locations: Vec<Location>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CtContact {
    name: String,
    role: Option<String>,
    phone: Option<String>,
    email: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Location {
    facility: String,
    status: Option<String>,
    city: String,
    country: String,
}

/// "RECRUITING" -> "Recruiting", "NOT_YET_RECRUITING" -> "Not yet recruiting".
fn words(code: &str) -> String {
    let lower = code.replace('_', " ").to_lowercase();
    let mut chars = lower.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn phase(phases: &[String]) -> String {
    let names: Vec<String> = phases
        .iter()
        .map(|p| match p.as_str() {
            "EARLY_PHASE1" => "Early phase 1".to_string(),
            "NA" => "Not applicable".to_string(),
            p => p.strip_prefix("PHASE").map_or_else(|| words(p), |n| format!("Phase {n}")),
        })
        .collect();
    if names.is_empty() { "Not given".to_string() } else { names.join(" / ") }
}

/// "18 Years" -> 18; other units are left to the author.
fn years(age: &str) -> Option<u32> {
    let (n, unit) = age.trim().split_once(' ')?;
    matches!(unit, "Year" | "Years").then_some(())?;
    n.parse().ok()
}

fn age_criterion(min: Option<&str>, max: Option<&str>) -> Option<CriterionSpec> {
    if min.is_none() && max.is_none() {
        return None;
    }
    let original = format!(
        "Minimum age: {}; maximum age: {} (registry)",
        min.unwrap_or("none"),
        max.unwrap_or("none (no upper limit)")
    );
    let (rule, plain) = match (min.map(years), max.map(years)) {
        (Some(Some(lo)), Some(Some(hi))) => {
            (format!("age_years >= {lo} and age_years <= {hi}"), format!("Aged {lo} to {hi}."))
        }
        (Some(Some(lo)), None) => (format!("age_years >= {lo}"), format!("Aged {lo} or older.")),
        (None, Some(Some(hi))) => (format!("age_years <= {hi}"), format!("Aged {hi} or younger.")),
        _ => {
            return Some(CriterionSpec {
                id: "age".into(),
                side: Side::Inclusion,
                plain: Localized::english(&original),
                original_translation: Localized::default(),
                original,
                rule: None,
                decided_by: Some(DecidedBy::StudyTeam),
                draft: None,
                evidence: None,
                waived: Default::default(),
            });
        }
    };
    Some(CriterionSpec {
        id: "age".into(),
        side: Side::Inclusion,
        original,
        original_translation: Localized::default(),
        plain: Localized::english(&plain),
        rule: Some(rule),
        decided_by: None,
        draft: None,
        evidence: None,
        waived: Default::default(),
    })
}

/// Each bullet or numbered line of the registry's free text, verbatim.
fn criterion_lines(text: &str) -> Vec<CriterionSpec> {
    let mut side = Side::Inclusion;
    let (mut inclusions, mut exclusions) = (0usize, 0usize);
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let lower = line.to_lowercase();
        if lower.starts_with("inclusion criteria") {
            side = Side::Inclusion;
            continue;
        }
        if lower.starts_with("exclusion criteria") {
            side = Side::Exclusion;
            continue;
        }
        let body = line
            .trim_start_matches(['*', '-', '•', '‣', '⁃'])
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_start_matches(['.', ')'])
            .trim();
        if body.is_empty() {
            continue;
        }
        let (n, prefix) = match side {
            Side::Inclusion => (&mut inclusions, "inclusion"),
            Side::Exclusion => (&mut exclusions, "exclusion"),
        };
        *n += 1;
        let draft = super::draft_rules::propose(body, side);
        out.push(CriterionSpec {
            id: format!("{prefix}_{n:02}"),
            side,
            original: line.to_string(),
            original_translation: Localized::default(),
            plain: Localized::english(&format!("(to be written in plain words) {body}")),
            decided_by: draft.is_none().then_some(DecidedBy::StudyTeam),
            rule: draft.as_ref().map(|d| d.rule.clone()),
            draft: draft.map(|d| d.from),
            evidence: None,
            waived: Default::default(),
        });
    }
    out
}

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let path = args.rest.first().ok_or("import-ctgov needs a study record file")?;
    let today = args.today()?.to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let study: Study = serde_json::from_str(&text).map_err(|e| format!("{path}:{}:{}: {e}", e.line(), e.column()))?;
    let p = study.protocol_section;
    let id = p.identification_module.nct_id;
    if !crate::catalog::load::is_nct_id(&id) {
        return Err(format!("{path}: protocolSection.identificationModule.nctId is missing or not an NCT id").into());
    }
    let e = p.eligibility_module;
    let mut criterion: Vec<CriterionSpec> =
        age_criterion(e.minimum_age.as_deref(), e.maximum_age.as_deref()).into_iter().collect();
    criterion.extend(criterion_lines(&e.eligibility_criteria));
    let ages = match (&e.minimum_age, &e.maximum_age) {
        (Some(lo), Some(hi)) => format!("{lo} to {hi}"),
        (Some(lo), None) => format!("{lo} and older"),
        (None, Some(hi)) => format!("up to {hi}"),
        (None, None) => "Not given".to_string(),
    };
    let spec = TrialSpec {
        id: id.clone(),
        facts: TrialFacts {
            title: Localized::english(&p.identification_module.brief_title),
            official_title: p.identification_module.official_title,
            summary: Localized::english(p.description_module.brief_summary.as_deref().unwrap_or("(to be written)")),
            phase: Localized::english(&phase(&p.design_module.phases)),
            status: crate::engine::trial::Status {
                recruitment: Recruitment::from_registry(&p.status_module.overall_status),
                as_of: p.status_module.last_update_submit_date,
                read: today.clone(),
                source: format!("ClinicalTrials.gov API v2 record ({path})"),
                note: Localized::default(),
            },
            start: p.status_module.start_date_struct.map(|d| d.date),
            end: p.status_module.completion_date_struct.map(|d| d.date),
            enrollment: p.design_module.enrollment_info.and_then(|e| e.count),
            ages: Localized::english(&ages),
            sex: Localized::english(&words(if e.sex.is_empty() { "ALL" } else { &e.sex })),
            sites: p
                .contacts_locations_module
                .locations
                .into_iter()
                .map(|l| Site {
                    facility: l.facility,
                    city: l.city,
                    // A name with no known code stays as written: validate then says so.
                    country: crate::catalog::countries::code_of(&l.country).map_or(l.country, str::to_string),
                    status: l.status.map(|s| words(&s)),
                })
                .collect(),
            contacts: p
                .contacts_locations_module
                .central_contacts
                .into_iter()
                .map(|c| Contact { name: c.name, role: c.role.map(|r| words(&r)), email: c.email, phone: c.phone })
                .collect(),
            registry_url: format!("https://clinicaltrials.gov/study/{id}"),
            sources: vec![Source { name: format!("ClinicalTrials.gov API v2 record ({path})"), read: today.clone() }],
            missing: vec![Localized::english(
                "Criteria not yet encoded: the study team decides each until an author writes its rule.",
            )],
            data_as_of: today,
            criteria_published: Published::Partial,
        },
        criterion,
    };
    let toml = toml::to_string(&spec).map_err(|e| e.to_string())?;
    say!(
        "# Draft trial file imported from a ClinicalTrials.gov record.\n\
         # Every criterion line is kept verbatim. Lines of a common pattern have a\n\
         # draft rule, marked `draft`: check each against the registry text and\n\
         # delete its `draft` line (validate refuses the file until then). The\n\
         # others are decided_by = \"study_team\": write a rule where you can.\n\
         # Then run `trialcheck validate` on this file.\n\n{toml}"
    );
    Ok(Outcome::Ok)
}
