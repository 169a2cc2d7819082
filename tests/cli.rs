//! The `trialcheck` command as a study coordinator uses it: checking trial
//! files (and being told exactly where a mistake is), screening a patient's
//! answers, listing the questions, importing a registry record.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::process::Command;

const TODAY: &str = "2026-11-21";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn trialcheck(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_trialcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// A file in a fresh folder of its own, for one test.
fn scratch(test: &str, name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trialcheck-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const VALID_TRIAL: &str = r#"id = "NCT00000002"

[facts]
title.en = "A trial"
summary.en = "Summary."
phase.en = "Phase 1"
status = { recruitment = "recruiting", read = "2026-11-21", source = "test" }
ages.en = "6 to 18 years"
sex.en = "All"
registry_url = "https://example.invalid"
data_as_of = "2026-11-21"
criteria_published = "full"
sources = [{ name = "test", read = "2026-11-21" }]

[[criterion]]
id = "age"
side = "inclusion"
original = "Age 6-18"
plain.en = "Aged 6 to 18."
rule = "age_years >= 6 and age_years <= 18"
"#;

/// Validates `VALID_TRIAL` with one change; returns the problem lines.
/// Each problem's first line (`line:col: message`), as `validate` prints it
/// for the template with `from` replaced by `to`.
fn problems_after(test: &str, from: &str, to: &str) -> Vec<String> {
    let (path, run) = validated_after(test, from, to);
    let prefix = format!("{}:", path.display());
    run.stdout.lines().filter_map(|l| l.strip_prefix(&prefix)).map(String::from).collect()
}

fn validated_after(test: &str, from: &str, to: &str) -> (PathBuf, Run) {
    assert!(VALID_TRIAL.contains(from), "the template has no {from:?}");
    let path = scratch(test, "trial.toml", &VALID_TRIAL.replacen(from, to, 1));
    let run = trialcheck(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    (path, run)
}

/// How many trial files the catalog holds: every one must ship.
fn trial_files() -> usize {
    std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/catalog/trials"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml"))
        .count()
}

#[test]
fn the_shipped_catalog_validates() {
    let run = trialcheck(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stderr.contains(&format!("{} trials", trial_files())), "{}", run.stderr);
}

#[test]
fn a_valid_trial_file_validates_against_the_shipped_question_bank() {
    let path = scratch("valid", "trial.toml", VALID_TRIAL);
    assert_eq!(trialcheck(&["validate", path.to_str().unwrap()]).code, 0);
}

#[test]
fn bad_syntax_is_reported_where_it_is() {
    let problems = problems_after("syntax", "[facts]", "[facts");
    assert_eq!(problems, ["3:7: unclosed table, expected `]`"]);
}

#[test]
fn an_unknown_question_is_pointed_at_inside_the_rule() {
    let (path, run) = validated_after("unknown-id", "age_years <= 18", "creatinin <= 1 mg/dL");
    // Column 28 is where `creatinin` starts inside `rule = "age_years >= 6 and ...`: the
    // line, a caret under the whole name, and what may fix it on a line of its own.
    let expected = format!(
        "{}:20:28: unknown question `creatinin`\n   |\n20 | rule = \"age_years >= 6 and creatinin <= 1 mg/dL\"\n   |                            ^^^^^^^^^\n   = help: did you mean `creatinine`?\n",
        path.display()
    );
    assert_eq!(run.stdout, expected);
}

#[test]
fn a_unit_that_does_not_fit_is_pointed_at() {
    let problems = problems_after("unit", "age_years <= 18", "creatinine <= 1.5 g/L");
    assert_eq!(problems, ["20:46: `g/L` is not a unit of creatinine (use one of: mg/dL, umol/L)"]);
}

#[test]
fn a_duplicate_criterion_id_is_reported_at_the_second_one() {
    let second = "\n[[criterion]]\nid = \"age\"\nside = \"exclusion\"\noriginal = \"x\"\nplain.en = \"y\"\nrule = \"prior_car_t\"\n";
    let problems = problems_after("duplicate", "age_years <= 18\"\n", &format!("age_years <= 18\"\n{second}"));
    assert_eq!(problems, ["23:6: duplicate criterion id `age`"]);
}

#[test]
fn a_missing_required_field_names_the_field_and_its_table() {
    let problems = problems_after("missing", "original = \"Age 6-18\"\n", "");
    assert_eq!(problems, ["15:1: missing field `original`"]);
}

#[test]
fn a_value_of_the_wrong_type_is_reported() {
    let problems = problems_after("wrong-type", "phase.en = ", "enrollment = \"fifty\"\nphase.en = ");
    assert_eq!(problems, ["6:14: invalid type: string \"fifty\", expected u32"]);
}

#[test]
fn a_misspelt_key_lists_the_expected_ones() {
    let problems = problems_after("typo", "rule = ", "rules = ");
    assert_eq!(
        problems,
        [
            "20:1: unknown field `rules`, expected one of `id`, `side`, `original`, `original_translation`, `plain`, `rule`, `decided_by`, `evidence`, `waived`, `draft`"
        ]
    );
}

#[test]
fn a_criterion_with_neither_rule_nor_study_team_is_an_error() {
    let problems = problems_after("no-rule", "rule = \"age_years >= 6 and age_years <= 18\"\n", "");
    assert_eq!(
        problems,
        ["15:1: criterion `age` has no rule: write one, or `decided_by = \"study_team\"` when no answer can decide it"]
    );
}

#[test]
fn a_question_file_with_an_unknown_quantity_is_reported() {
    let path = scratch(
        "quantity",
        "questions.toml",
        "[[question]]\nid = \"ferritin\"\ntype = \"number\"\nquantity = \"ferritin\"\nmin = 1\nmax = 2\ngroup = \"lab_results\"\nanswered_by = \"doctor\"\n",
    );
    let run = trialcheck(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("questions.toml:4:12: unknown quantity `ferritin` (known: creatinine, bilirubin"),
        "{}",
        run.stdout
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = VALID_TRIAL
        .replace("age_years <= 18", "creatinin <= 1 mg/dL")
        .replace("phase.en = ", "enrollment = 5\nphase.en = ");
    let text = text.replace("rule = \"age_years >= 6", "rule = \"agee >= 6");
    let path = scratch("many", "trial.toml", &text);
    let run = trialcheck(&["validate", path.to_str().unwrap()]);
    let headlines = run.stdout.lines().filter(|l| l.starts_with(path.to_str().unwrap())).count();
    assert_eq!(headlines, 2, "{}", run.stdout);
    assert!(run.stderr.contains("2 problems found"));
}

#[test]
fn screening_a_ten_year_old_girl_prints_each_verdict_with_its_reason() {
    let run =
        trialcheck(&["screen", "--answers", &fixture("patients/girl-10-class-iv-nephritis.json"), "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("NCT06904729  May qualify"), "{}", run.stdout);
    assert!(run.stdout.contains("NCT07233642  May qualify"));
    assert!(run.stdout.contains("NCT07432334  Does not qualify"));
    assert!(run.stdout.contains("x Aged 16 to 55.\n        registry: \"Age 16 to 55 years, male or female\""));
    assert!(run.stdout.trim_end().ends_with("The study team decides who can join."));
}

/// The girl's screening as JSON, for these trials.
fn girl_as_json(trials: &str) -> Run {
    let girl = fixture("patients/girl-10-class-iv-nephritis.json");
    trialcheck(&["screen", "--answers", &girl, "--today", TODAY, "--json", "--trials", trials])
}

#[test]
fn screening_as_json_gives_the_same_verdicts_as_data() {
    let run = girl_as_json("NCT07432334,NCT06904729");
    let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let verdicts: Vec<(&str, &str)> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["trial"].as_str().unwrap(), r["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(verdicts, [("NCT06904729", "likely_eligible"), ("NCT07432334", "not_eligible")]);
    let hanoi = &reports[1]["criteria"];
    let age = hanoi.as_array().unwrap().iter().find(|c| c["id"] == "age").unwrap();
    assert_eq!(age["requirement"], "not_met");
    assert_eq!(age["rule"], "age_years >= 16 and age_years <= 55");
}

#[test]
fn answers_the_engine_cannot_use_are_refused_with_the_question_and_the_reason() {
    let path = scratch(
        "answers",
        "answers.json",
        r#"{"creatinine": "0 mg/dL", "date_of_birth": "2030-01-01", "sexx": "female"}"#,
    );
    let run = trialcheck(&["screen", "--answers", path.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(run.code, 1);
    // The file's problems, not the command's usage.
    assert!(!run.stderr.contains("usage:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("`creatinine`: this value is not possible: it must be between 0.1 mg/dL and 20 mg/dL"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`date_of_birth`: this date is in the future"));
    assert!(run.stderr.contains("`sexx`: there is no such question (did you mean `sex`?)"));
}

#[test]
fn an_unknown_trial_id_is_refused() {
    let run = trialcheck(&[
        "screen",
        "--answers",
        &fixture("patients/girl-10-class-iv-nephritis.json"),
        "--trials",
        "NCT99999999",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no trial NCT99999999 in the catalog"));
}

#[test]
fn questions_lists_the_bank_with_units_and_choices() {
    let run = trialcheck(&["questions", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let creatinine = rows.as_array().unwrap().iter().find(|r| r["id"] == "creatinine").unwrap();
    assert_eq!(creatinine["units"], serde_json::json!(["mg/dL", "umol/L"]));
    assert_eq!(creatinine["answered_by"], "doctor");
    assert_eq!(creatinine["prompt"], "Blood creatinine (latest result)");
    let text = trialcheck(&["questions"]).stdout;
    assert!(text.contains("biopsy_class"), "{text}");
}

/// What an author does after checking each draft: deletes its `draft` line.
fn confirm_drafts(toml_text: &str) -> String {
    toml_text.lines().filter(|l| !l.starts_with("draft = ")).collect::<Vec<_>>().join("\n")
}

/// The `line:col` of each `draft = ` line, as validate should point at them.
fn draft_places(toml_text: &str) -> Vec<String> {
    (toml_text.lines().enumerate())
        .filter(|(_, l)| l.starts_with("draft = "))
        .map(|(i, _)| format!("{}:9", i + 1))
        .collect()
}

#[test]
fn importing_each_seed_trials_registry_record_gives_a_draft_that_validates_once_reviewed() {
    for (id, min, max, lines) in
        [("NCT06904729", "6", Some("18"), 6), ("NCT07233642", "5", None, 3), ("NCT07432334", "16", Some("55"), 3)]
    {
        let run = trialcheck(&["import-ctgov", &fixture(&format!("ctgov/{id}.json")), "--today", TODAY]);
        assert_eq!(run.code, 0, "{id}: {}", run.stderr);
        let draft: toml::Table = toml::from_str(&run.stdout).unwrap();
        let criteria = draft["criterion"].as_array().unwrap();
        let age_rule = match max {
            Some(max) => format!("age_years >= {min} and age_years <= {max}"),
            None => format!("age_years >= {min}"),
        };
        assert_eq!(criteria[0]["rule"].as_str(), Some(age_rule.as_str()), "{id}");
        // Every other line of the registry text is kept verbatim for the author:
        // a draft rule with the words it came from, or the study team's.
        assert_eq!(criteria.len(), 1 + lines, "{id}");
        for c in &criteria[1..] {
            let drafted = c.get("draft").is_some() && c.get("rule").is_some();
            assert!(drafted || c["decided_by"].as_str() == Some("study_team"), "{id}: {c:?}");
        }
        // Nothing unreviewed validates: each draft is an error at its own line.
        let path = scratch(&format!("import-{id}"), &format!("{id}.toml"), &run.stdout);
        let check = trialcheck(&["validate", path.to_str().unwrap()]);
        let places: Vec<String> = (check.stdout.lines())
            .filter_map(|l| l.strip_prefix(&format!("{}:", path.display())))
            .filter(|l| l.contains("draft rule"))
            .map(|l| l.splitn(3, ':').take(2).collect::<Vec<_>>().join(":"))
            .collect();
        assert_eq!(places, draft_places(&run.stdout), "{id}: {}", check.stdout);
        assert_eq!(check.code, if places.is_empty() { 0 } else { 1 }, "{id}");
        let reviewed = scratch(&format!("import-{id}-reviewed"), &format!("{id}.toml"), &confirm_drafts(&run.stdout));
        let check = trialcheck(&["validate", reviewed.to_str().unwrap()]);
        assert_eq!(check.code, 0, "{id}: {}", check.stdout);
    }
}

#[test]
fn the_importer_drafts_the_shared_patterns_of_the_candidate_trials_text() {
    // Records written from the registry text read in public mirrors (see the trial files).
    let drafts = |file: &str| -> Vec<(String, String)> {
        let run = trialcheck(&["import-ctgov", &fixture(&format!("ctgov/{file}.json")), "--today", TODAY]);
        assert_eq!(run.code, 0, "{file}: {}", run.stderr);
        let draft: toml::Table = toml::from_str(&run.stdout).unwrap();
        (draft["criterion"].as_array().unwrap().iter())
            .filter(|c| c.get("draft").is_some())
            .map(|c| (c["side"].as_str().unwrap().to_string(), c["rule"].as_str().unwrap().to_string()))
            .collect()
    };
    let pair = |side: &str, rule: &str| (side.to_string(), rule.to_string());
    assert_eq!(
        drafts("NCT05938725"),
        [pair("inclusion", "age_years >= 18"), pair("exclusion", "prior_car_t")],
        "KYSA-1: the age line and prior CAR-T; antibodies, biopsy and vaccines stay the author's"
    );
    assert_eq!(
        drafts("NCT07432334-registry-mirror"),
        [
            pair("inclusion", "age_years >= 16 and age_years <= 55"),
            pair("inclusion", "sledai2k(sledai_score, sledai_items) >= 8"),
            pair("inclusion", "alt <= 5 * alt_uln"),
            pair("inclusion", "lvef >= 50%"),
            pair("inclusion", "neutrophils >= 0.8 x10^9/L"),
            pair("inclusion", "lymphocytes >= 0.3 x10^9/L"),
        ]
    );
}

#[test]
fn importing_keeps_the_registry_text_and_fills_the_facts() {
    let run = trialcheck(&["import-ctgov", &fixture("ctgov/NCT06904729.json"), "--today", TODAY]);
    let draft: toml::Table = toml::from_str(&run.stdout).unwrap();
    let facts = &draft["facts"];
    assert_eq!(facts["phase"]["en"].as_str(), Some("Phase 3"));
    // The status as data: what the record says, read today, from the record.
    assert_eq!(facts["status"]["recruitment"].as_str(), Some("recruiting"));
    assert_eq!(facts["status"]["read"].as_str(), Some(TODAY));
    assert_eq!(facts["enrollment"].as_integer(), Some(50));
    assert_eq!(facts["sites"][0]["city"].as_str(), Some("Guangzhou"));
    let exclusions: Vec<&str> = draft["criterion"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["side"].as_str() == Some("exclusion"))
        .map(|c| c["original"].as_str().unwrap())
        .collect();
    assert_eq!(
        exclusions,
        [
            "1. Received kidney transplant previously;",
            "2. Received CAR-T therapy previously;",
            "3. Other situations that the researcher considers unsuitable for inclusion."
        ]
    );
}

#[test]
fn a_record_without_an_nct_id_is_refused() {
    let path = scratch("no-id", "study.json", r#"{"protocolSection": {}}"#);
    let run = trialcheck(&["import-ctgov", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nctId is missing"));
}

#[test]
fn numbers_in_an_answers_file_are_read_as_the_form_reads_them() {
    // "2.500 /uL" may be 2500 or 2.5: refused, as in the form, never read as 2.5.
    let path = scratch(
        "numbers",
        "answers.json",
        r#"{"neutrophils": "2.500 /uL", "lymphocytes": "0,95 x10^9/L", "sledai_score": "12 points"}"#,
    );
    let run = trialcheck(&["screen", "--answers", path.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`neutrophils`: this number is ambiguous"), "{}", run.stderr);
    // A decimal comma is read; a unit on a plain number names the unit, never an empty list.
    assert!(!run.stderr.contains("`lymphocytes`"), "{}", run.stderr);
    assert!(run.stderr.contains("`sledai_score`: this answer is a plain number, without a unit (remove `points`)"));
    assert!(!run.stderr.contains("use one of: )"), "{}", run.stderr);
}

/// The functions `trialcheck functions` lists are the ones the compiler
/// knows, and the README's rule-language section names every one of them.
#[test]
fn every_function_is_listed_by_the_cli_and_documented_in_the_readme() {
    let run = trialcheck(&["functions", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let table: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert!(table.len() >= 10);
    let readme = std::fs::read_to_string(format!("{}/README.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let section = readme.split("## Trial files and the rule language").nth(1).unwrap().split("\n## ").next().unwrap();
    for f in &table {
        let usage = f["usage"].as_str().unwrap();
        assert!(section.contains(&format!("`{usage}`")), "README does not document `{usage}`");
    }
    // And a rule using a name that is not in the table is refused, with the table's names.
    let trial = VALID_TRIAL.replace("age_years >= 6 and age_years <= 18", "frobnicate(sex) >= 1");
    let path = scratch("functions", "NCT00000002.toml", &trial);
    let run = trialcheck(&["validate", "catalog/questions.toml", path.to_str().unwrap()]);
    assert!(
        run.stdout.contains("unknown function `frobnicate`\n") && run.stdout.contains("= help: functions: count,"),
        "{}{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn each_verdict_shows_the_values_it_computed() {
    let run = girl_as_json("NCT06904729");
    let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let computed = |id: &str| -> Vec<String> {
        let c = reports[0]["criteria"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap();
        c["computed"]
            .as_array()
            .map(|v| v.iter().map(|s| s.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };
    // 140 cm, creatinine 0.6 mg/dL: bedside Schwartz 0.413 x 140 / 0.6 = 96.4.
    assert_eq!(computed("kidney_function"), ["eGFR (bedside Schwartz): 96.4 mL/min/1.73 m²"]);
    assert_eq!(computed("sledai"), ["SLEDAI-2K: 14"], "the doctor's total");
    // Class IV biopsy (10), anti-dsDNA (6), low C3 and C4 (4).
    assert_eq!(computed("sle_classification"), ["2019 EULAR/ACR score: 20"]);
    assert!(computed("age").is_empty());
}

#[test]
fn next_says_what_the_app_would_show_and_when_nothing_is_left() {
    let started = scratch("next", "answers.json", r#"{"date_of_birth": "2016-03-15", "sex": "female"}"#);
    let run =
        trialcheck(&["next", "--answers", started.to_str().unwrap(), "--mode", "my_child", "--today", TODAY, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let next: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(next["done"], false);
    // Pregnancy comes once her sex and age are known, on one form with what else is left about her.
    assert_eq!(next["screen"]["kind"], "form");
    assert_eq!(next["screen"]["questions"][0], "pregnant", "a ten-year-old girl is asked, from 10");
    // Everything known: nothing more to ask.
    let all = fixture("patients/girl-10-class-iv-nephritis.json");
    let run = trialcheck(&["next", "--answers", &all, "--mode", "clinician", "--today", TODAY, "--json"]);
    let next: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!((next["done"].as_bool(), next["screen"]["kind"].as_str()), (Some(true), Some("done")), "{}", run.stdout);
}

#[test]
fn simulate_reports_screens_to_done_for_every_patient() {
    let run = trialcheck(&["simulate", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("girl-10-class-iv-nephritis"), "{}", run.stdout);
    assert!(run.stdout.contains("median screens to done:"), "{}", run.stdout);
}

#[test]
fn misuse_prints_usage_and_exits_2() {
    let run = trialcheck(&["screen"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("screen needs --answers FILE") && run.stderr.contains("usage:"));
    assert_eq!(trialcheck(&["frobnicate"]).code, 2);
    assert_eq!(trialcheck(&["help"]).code, 0);
}

#[test]
fn screening_a_thirty_two_year_old_through_the_cli_matches_the_engine() {
    let run = trialcheck(&[
        "screen",
        "--answers",
        &fixture("patients/woman-32-refractory-sle.json"),
        "--today",
        TODAY,
        "--json",
    ]);
    let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let verdict = |id: &str| reports.as_array().unwrap().iter().find(|r| r["trial"] == id).unwrap()["verdict"].clone();
    assert_eq!(verdict("NCT07432334"), "likely_eligible");
    assert_eq!(verdict("NCT07233642"), "likely_eligible");
    assert_eq!(verdict("NCT06904729"), "not_eligible");
}

#[test]
fn lab_values_answered_dont_know_leave_trials_open_through_the_cli() {
    let mut answers: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("patients/woman-32-refractory-sle.json")).unwrap())
            .unwrap();
    for lab in [
        "creatinine",
        "neutrophils",
        "lymphocytes",
        "alt",
        "alt_uln",
        "ast",
        "ast_uln",
        "bilirubin",
        "bilirubin_uln",
        "lvef",
        "spo2",
        "lung_function_percent",
    ] {
        answers[lab] = "dont_know".into();
    }
    let path = scratch("dont-know-labs", "answers.json", &answers.to_string());
    let run = trialcheck(&["screen", "--answers", path.to_str().unwrap(), "--today", TODAY, "--trials", "NCT07432334"]);
    assert!(run.stdout.contains("NCT07432334  Not decided yet"), "{}", run.stdout);
    assert!(run.stdout.contains("Needs your doctor or a lab report:"));
    assert!(!run.stdout.contains("Not met:"));
}

#[test]
fn export_catalog_writes_one_json_catalog_that_validates_again() {
    let run = trialcheck(&["export-catalog", &fixture("questions.toml"), &fixture("sample-trial.toml")]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let catalog: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(catalog["trials"][0]["id"], "NCT00000001");
    let path = scratch("export", "catalog.json", &run.stdout);
    assert_eq!(trialcheck(&["validate", path.to_str().unwrap()]).code, 0);
    let shipped: serde_json::Value = serde_json::from_str(&trialcheck(&["export-catalog"]).stdout).unwrap();
    assert_eq!(shipped["trials"].as_array().unwrap().len(), trial_files());
}

#[test]
fn export_catalog_for_one_language_keeps_its_words_validates_and_refuses_a_language_the_app_lacks() {
    let run = trialcheck(&["export-catalog", "--lang", "vi"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let vi: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let title = &vi["trials"][0]["facts"]["title"];
    assert_eq!(title.as_object().unwrap().keys().collect::<Vec<_>>(), ["vi"], "{title}");
    let path = scratch("export-vi", "catalog.json", &run.stdout);
    assert_eq!(trialcheck(&["validate", path.to_str().unwrap()]).code, 0);
    let wrong = trialcheck(&["export-catalog", "--lang", "fr"]);
    assert_ne!(wrong.code, 0);
    assert!(wrong.stderr.contains("--lang fr: not a language of the app (en, vi, zh)"), "{}", wrong.stderr);
}

#[test]
fn a_reader_that_stops_early_ends_the_tool_quietly_not_with_a_panic() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // `trialcheck export-catalog | head -1`: the reader goes after one line, long
    // before the catalog (larger than a pipe's buffer) is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_trialcheck"))
        .args(["export-catalog"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with('{'), "{first}");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}

/// A trial that reads a question a shared name covers, or keeps a judgement
/// word under a rule that can rule someone out, is warned about at its place;
/// only a written reason in the criterion silences the warning.
#[test]
fn validate_warns_where_a_trial_goes_around_the_shared_rules_until_a_reason_is_written() {
    let trial = VALID_TRIAL.replace(
        "original = \"Age 6-18\"\nplain.en = \"Aged 6 to 18.\"\nrule = \"age_years >= 6 and age_years <= 18\"",
        "original = \"Age 6-18, with severe lupus\"\nplain.en = \"Aged 6 to 18.\"\nrule = \"age_years >= 6 and age_years <= 18 and lupus_still_active\"",
    );
    let path = scratch("lint", "NCT00000002.toml", &trial);
    let run = trialcheck(&["validate", "catalog/questions.toml", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let file = path.display().to_string();
    let warnings: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("warning[")).collect();
    assert_eq!(warnings.len(), 2, "{}", run.stdout);
    // The place of a word in the file: 1-based line and column.
    let place = |word: &str| {
        let (n, line) = trial.lines().enumerate().find(|(_, l)| l.contains(word)).unwrap();
        (n + 1, line.find(word).unwrap() + 1)
    };
    let (line, col) = place("lupus_still_active");
    let raw = format!("warning[raw_question]: {file}:{line}:{col}: `lupus_still_active` is read directly");
    assert!(warnings[0].starts_with(&raw), "{}", warnings[0]);
    assert!(run.stdout.contains("^^^^^^^^^^^^^^^^^^\n   = help: use `lupus_active`"), "{}", run.stdout);
    let (line, _) = place("Age 6-18, with severe");
    let judgement = format!("warning[judgement_word]: {file}:{line}:12: the registry text says \"severe…\"");
    assert!(warnings[1].starts_with(&judgement), "{}", warnings[1]);
    assert!(run.stderr.contains("2 warnings found"), "{}", run.stderr);
    // A written reason for each silences it; an empty or unknown one is a warning itself.
    let waived = trial.replace(
        "and lupus_still_active\"",
        "and lupus_still_active\"\nwaived.raw_question = \"the text asks the person\"\nwaived.judgement_word = \"only the age is read\"",
    );
    let path = scratch("lint-waived", "NCT00000002.toml", &waived);
    let run = trialcheck(&["validate", "catalog/questions.toml", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let typo = waived.replace(
        "waived.raw_question = \"the text asks the person\"",
        "waived.raw_questions = \"the text asks the person\"",
    );
    let path = scratch("lint-typo", "NCT00000002.toml", &typo);
    let run = trialcheck(&["validate", "catalog/questions.toml", path.to_str().unwrap()]);
    assert!(run.stdout.contains("`waived.raw_questions` names no warning"), "{}", run.stdout);
    assert!(run.stdout.contains("warning[raw_question]"), "{}", run.stdout);
}

/// A trial file in a catalog folder needs its reference patient beside it.
#[test]
fn validate_asks_for_a_trials_reference_patient() {
    let dir = std::env::temp_dir().join(format!("trialcheck-reference-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("trials")).unwrap();
    let path = dir.join("trials/NCT00000002.toml");
    std::fs::write(&path, VALID_TRIAL).unwrap();
    let run = trialcheck(&["validate", "catalog/questions.toml", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("warning[reference_patient]") && run.stdout.contains("../reference/NCT00000002.json"));
    std::fs::create_dir_all(dir.join("reference")).unwrap();
    std::fs::write(dir.join("reference/NCT00000002.json"), "{}").unwrap();
    let run = trialcheck(&["validate", "catalog/questions.toml", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

/// "Not yet" is a verdict of its own in `screen --json`, with the day.
#[test]
fn screen_says_not_yet_with_the_day_a_wait_ends() {
    let mut answers: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("patients/woman-32-refractory-sle.json")).unwrap())
            .unwrap();
    answers["date_of_birth"] = "2008-12-09".into();
    let path = scratch("not-yet", "answers.json", &answers.to_string());
    let run = trialcheck(&[
        "screen",
        "--answers",
        path.to_str().unwrap(),
        "--trials",
        "NCT06038474",
        "--today",
        TODAY,
        "--json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report[0]["verdict"], "not_yet");
    assert_eq!(report[0]["from"], "2026-12-09");
    let age = report[0]["criteria"].as_array().unwrap().iter().find(|c| c["id"] == "age").unwrap();
    assert_eq!(
        (&age["requirement"], &age["wait"]),
        (&"not_yet".into(), &serde_json::json!({"from": {"day": "2026-12-09", "age": 18}}))
    );
    let run = trialcheck(&["screen", "--answers", path.to_str().unwrap(), "--trials", "NCT06038474", "--today", TODAY]);
    assert!(run.stdout.contains("Not yet: may qualify from 2026-12-09, when 18"), "{}", run.stdout);
}

#[test]
fn a_file_the_app_saved_screens_and_next_carries_on_where_she_stopped() {
    // The envelope the app writes (here an older one, its tick list from memory) screens.
    let older = fixture("answers-v1-myself.json");
    let run = trialcheck(&["screen", "--answers", &older, "--today", TODAY, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(reports.as_array().is_some_and(|r| r.len() >= 10), "{}", run.stdout);
    // What she answered, without her lab values: as the app saves it, and as a bare map.
    let mut answers: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("patients/woman-32-refractory-sle.json")).unwrap())
            .unwrap();
    for lab in ["creatinine", "neutrophils", "lymphocytes", "alt", "alt_uln", "ast", "ast_uln", "bilirubin"] {
        answers.as_object_mut().unwrap().remove(lab);
    }
    for lab in ["bilirubin_uln", "lvef", "ecg_normal", "spo2", "fvc_percent"] {
        answers.as_object_mut().unwrap().remove(lab);
    }
    let envelope = serde_json::json!({
        "format": "trialcheck-answers", "version": 2, "saved_on": "2026-11-21", "mode": "myself", "answers": answers,
    });
    let saved = scratch("saved-app", "saved.json", &envelope.to_string());
    let bare = scratch("saved-bare", "bare.json", &answers.to_string());
    let next = |path: &PathBuf, extra: &[&str]| {
        let mut args = vec!["next", "--answers", path.to_str().unwrap(), "--today", TODAY, "--json"];
        args.extend_from_slice(extra);
        let run = trialcheck(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["screen"]["questions"][0].clone()
    };
    // She answers for herself (the file says so): what she can know comes before the tests
    // a clinician would ask for first. A flag overrides the file; a bare map is a clinician's.
    let (herself, clinician) = (next(&saved, &[]), next(&saved, &["--mode", "clinician"]));
    assert_ne!(herself, clinician);
    assert_eq!(next(&bare, &[]), clinician);
    assert_eq!(next(&bare, &["--mode", "myself"]), herself);
    // Both forms screen to the same verdicts.
    let verdicts = |path: &PathBuf| {
        let run = trialcheck(&["screen", "--answers", path.to_str().unwrap(), "--today", TODAY, "--json"]);
        let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        reports.as_array().unwrap().iter().map(|r| (r["trial"].clone(), r["verdict"].clone())).collect::<Vec<_>>()
    };
    assert_eq!(verdicts(&saved), verdicts(&bare));
    // A foreign or broken file is the file's problem: said with its name, exit 1, no usage text.
    let fhir =
        scratch("saved-foreign", "fhir.json", r#"{"resourceType": "QuestionnaireResponse", "status": "completed"}"#);
    let run = trialcheck(&["screen", "--answers", fhir.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("fhir.json: this is not a TrialCheck answers file") && !run.stderr.contains("usage:"),
        "{}",
        run.stderr
    );
    let broken = scratch("saved-broken", "broken.json", "{\"format\": \"trialcheck-answers\",\n  \"answers\": ");
    let run = trialcheck(&["screen", "--answers", broken.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("broken.json:2:"), "{}", run.stderr);
}

#[test]
fn a_site_publishes_its_questionnaire_under_its_own_base_and_responses_name_it() {
    let base = "https://lupus.example-hospital.vn/trialcheck/";
    let q = trialcheck(&["fhir-questionnaire", "--base", base]);
    assert_eq!(q.code, 0, "{}", q.stderr);
    let q: serde_json::Value = serde_json::from_str(&q.stdout).unwrap();
    assert_eq!(q["url"], format!("{base}fhir/Questionnaire/trialcheck-lupus"));
    let girl = fixture("patients/girl-10-class-iv-nephritis.json");
    let r = trialcheck(&["fhir-response", "--answers", &girl, "--base", base, "--today", TODAY]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(r["questionnaire"], format!("{}|{}", q["url"].as_str().unwrap(), q["version"].as_str().unwrap()));
    // A canonical is an absolute address where the build is served.
    let bad = trialcheck(&["fhir-questionnaire", "--base", "trialcheck/"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("absolute address"), "{}", bad.stderr);
}
