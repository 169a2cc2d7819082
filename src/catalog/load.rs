//! From catalog files to a checked catalog: every problem is collected, each
//! with the file and the place it concerns, so an author fixes all at once.

use super::schema::{CatalogSpec, CriterionSpec, DecidedBy, KindName, QuestionSpec, SharedSpec, TrialSpec};
use super::{CatalogError, PathPart};
use crate::clinical::units::Quantity;
use crate::engine::catalog::Catalog;
use crate::engine::question::{DatePrecision, Kind, Question, QuestionBank, Shared};
use crate::engine::rule::{Implications, Implied, Rule, RuleError, functions, syntax};
use crate::engine::trial::{Criterion, Trial};
use std::collections::{BTreeMap, BTreeSet};

fn key(k: &str) -> PathPart {
    PathPart::Key(k.to_string())
}

/// Ids and options are written into rules, so they must be rule names.
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !syntax::KEYWORDS.contains(&s)
        && !functions::is_reserved(s)
}

/// A registry id: "NCT" and 8 digits.
pub fn is_nct_id(s: &str) -> bool {
    s.len() == 11 && s.starts_with("NCT") && s[3..].chars().all(|c| c.is_ascii_digit())
}

/// The questions, checked, and the items their lists imply (compiled over them).
pub fn question_bank(
    specs: Vec<QuestionSpec>,
    file: &str,
    base: &[PathPart],
) -> Result<(QuestionBank, Implications), Vec<CatalogError>> {
    let mut errors = Vec::new();
    let mut seen = BTreeSet::new();
    let mut questions = Vec::new();
    let mut implied = Vec::new();
    for (i, spec) in specs.into_iter().enumerate() {
        let at = |field: &str| {
            let mut p = base.to_vec();
            p.extend([PathPart::Index(i), key(field)]);
            p
        };
        let mut fail = |field: &str, message: String| errors.push(CatalogError::new(file, at(field), message));
        if !is_name(&spec.id) {
            fail("id", format!("question id `{}` must be a name: letters, digits and _", spec.id));
        }
        if !seen.insert(spec.id.clone()) {
            fail("id", format!("duplicate question id `{}`", spec.id));
        }
        check_question(&spec, &mut fail);
        if let Some(kind) = kind_of(&spec, &mut fail) {
            if !spec.implied.is_empty() {
                implied.push((i, spec.id.clone(), spec.implied.clone()));
            }
            questions.push(question(spec, kind));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let bank = QuestionBank::new(questions);
    let implications = implications(&bank, implied, file, base)?;
    Ok((bank, implications))
}

/// What a question's fields must be, by its kind: each field that does not
/// apply, each option that is no name or comes twice, is said at its field.
fn check_question(spec: &QuestionSpec, fail: &mut impl FnMut(&str, String)) {
    let mut options_seen = BTreeSet::new();
    for option in &spec.options {
        if !is_name(option) {
            fail("options", format!("option `{option}` must be a name: letters, digits and _"));
        }
        if !options_seen.insert(option) {
            fail("options", format!("option `{option}` is listed twice"));
        }
    }
    let needs_options = matches!(spec.kind, KindName::Choice | KindName::Multi | KindName::Medications);
    if needs_options && spec.options.is_empty() {
        fail("options", format!("question `{}` needs options", spec.id));
    }
    if !needs_options && !spec.options.is_empty() {
        fail("options", format!("question `{}` is not a choice: options do not apply", spec.id));
    }
    if spec.kind != KindName::Number && (spec.quantity.is_some() || spec.min.is_some() || spec.max.is_some()) {
        fail("quantity", format!("question `{}` is not a number: quantity, min and max do not apply", spec.id));
    }
    if spec.kind != KindName::Date && spec.precision.is_some() {
        fail("precision", format!("question `{}` is not a date: precision does not apply", spec.id));
    }
    if spec.kind != KindName::Multi && (spec.from_memory || !spec.implied.is_empty()) {
        fail(
            "implied",
            format!("question `{}` is not a multiple choice: from_memory and implied do not apply", spec.id),
        );
    }
    for item in spec.implied.keys().filter(|i| !spec.options.contains(i)) {
        fail("implied", format!("`{item}` is not an option of `{}`", spec.id));
    }
    if spec.kind != KindName::Number && !spec.loinc.is_empty() {
        fail("loinc", format!("question `{}` is not a number: LOINC codes name measurements", spec.id));
    }
    check_yes_no(spec, fail);
    if spec.kind != KindName::Medications && !spec.courses.is_empty() {
        fail("courses", format!("question `{}` is not a medicines question: courses do not apply", spec.id));
    }
    for drug in spec.courses.iter().filter(|d| !spec.options.contains(d)) {
        fail("courses", format!("`{drug}` is not an option of `{}`", spec.id));
    }
}

/// The fields only a yes/no question has: never tested, a window, asked together.
fn check_yes_no(spec: &QuestionSpec, fail: &mut impl FnMut(&str, String)) {
    if spec.kind != KindName::YesNo && (spec.never_tested || spec.window) {
        fail(
            "window",
            format!("question `{}` is not a yes/no question: never_tested and window do not apply", spec.id),
        );
    }
    // A question about "the last N months" is a wait, said once here, not in every trial.
    if spec.kind == KindName::YesNo && spec.id.contains("_last_") && !spec.window {
        fail(
            "window",
            format!(
                "question `{}` asks about a window before now: mark it `window = true` (a yes is a wait, not an exclusion)",
                spec.id
            ),
        );
    }
    if spec.kind != KindName::YesNo && spec.together.is_some() {
        fail("together", format!("question `{}` is not a yes/no question: only those are asked together", spec.id));
    }
}

/// The question's kind with what it needs (options, a range and its unit,
/// a date's precision); `None`, said at its field, when that is wrong.
fn kind_of(spec: &QuestionSpec, fail: &mut impl FnMut(&str, String)) -> Option<Kind> {
    let options = || spec.options.clone();
    match spec.kind {
        KindName::YesNo => Some(Kind::YesNo),
        KindName::Choice => Some(Kind::Choice { options: options() }),
        KindName::Multi => Some(Kind::Multi { options: options() }),
        KindName::Medications => Some(Kind::Medications { options: options(), courses: spec.courses.clone() }),
        KindName::Date => Some(Kind::Date { precision: spec.precision.unwrap_or(DatePrecision::Day) }),
        KindName::Number => number_kind(spec, fail),
    }
}

/// A number question: its quantity (by id) and its possible range.
fn number_kind(spec: &QuestionSpec, fail: &mut impl FnMut(&str, String)) -> Option<Kind> {
    let quantity = match &spec.quantity {
        None => Some(None),
        Some(id) => match Quantity::by_id(id) {
            Some(q) => Some(Some(q)),
            None => {
                let known: Vec<&str> = crate::clinical::units::QUANTITIES.iter().map(|q| q.id).collect();
                fail("quantity", format!("unknown quantity `{id}` (known: {})", known.join(", ")));
                None
            }
        },
    };
    match (quantity, spec.min, spec.max) {
        (Some(quantity), Some(min), Some(max)) if min < max => {
            Some(Kind::Number { quantity, min, max, integer: spec.integer })
        }
        (_, Some(_), Some(_)) => {
            fail("max", "`max` must be greater than `min`".to_string());
            None
        }
        (_, min, _) => {
            let field = if min.is_none() { "min" } else { "max" };
            let unit = spec.quantity.as_deref().and_then(Quantity::by_id).map_or("its unit", |q| q.canonical_unit());
            fail(field, format!("number question `{}` needs `min` and `max`: the possible range, in {unit}", spec.id));
            None
        }
    }
}

/// The checked question, its traits as the file gives them.
fn question(spec: QuestionSpec, kind: Kind) -> Question {
    let mut q = Question::new(&spec.id, kind, spec.group, spec.answered_by);
    q.from_memory = spec.from_memory;
    q.at_screening = spec.at_screening;
    q.never_tested = spec.never_tested;
    q.window = spec.window;
    q.formerly = spec.formerly;
    q.together = spec.together;
    q.after = spec.after;
    q.loinc = spec.loinc;
    q
}

/// Implied items are rules over the other questions: compiled once the bank
/// exists (over no implied items themselves), and kept beside it.
fn implications(
    bank: &QuestionBank,
    implied: Vec<(usize, String, BTreeMap<String, String>)>,
    file: &str,
    base: &[PathPart],
) -> Result<Implications, Vec<CatalogError>> {
    let none = Implications::default();
    let mut errors = Vec::new();
    let mut by_question = Vec::new();
    for (i, id, rules) in implied {
        let mut compiled = Vec::new();
        for (item, text) in rules {
            match Rule::compile(&text, bank, &none) {
                Ok(rule) => compiled.push(Implied { item, when: rule.node }),
                Err(rule_errors) => errors.extend(rule_errors.into_iter().map(|e| {
                    let mut path = base.to_vec();
                    path.extend([PathPart::Index(i), key("implied"), key(&item)]);
                    CatalogError::in_rule(file, path, e)
                })),
            }
        }
        by_question.push((id, compiled));
    }
    if errors.is_empty() { Ok(Implications::new(by_question)) } else { Err(errors) }
}

/// The shared names over a checked bank, each checked in turn: its name free,
/// its parameters names, what it covers questions, its rule compiled (with
/// the names before it, and its parameters standing for numbers).
pub fn shared_names(
    mut bank: QuestionBank,
    implied: &Implications,
    specs: Vec<SharedSpec>,
    file: &str,
    base: &[PathPart],
) -> Result<QuestionBank, Vec<CatalogError>> {
    let mut errors = Vec::new();
    for (i, spec) in specs.into_iter().enumerate() {
        let at = |field: &str| {
            let mut p = base.to_vec();
            p.extend([PathPart::Index(i), key(field)]);
            p
        };
        let before = errors.len();
        let mut fail = |field: &str, message: String| errors.push(CatalogError::new(file, at(field), message));
        if !is_name(&spec.name) || bank.get(&spec.name).is_some() || functions::is_known(&spec.name) {
            fail(
                "name",
                format!("shared name `{}` must be a name that no question, function or derived name has", spec.name),
            );
        }
        if bank.shared_name(&spec.name).is_some() {
            fail("name", format!("shared name `{}` is defined twice", spec.name));
        }
        for p in spec.params.iter().filter(|p| !is_name(p) || bank.get(p).is_some()) {
            fail("params", format!("parameter `{p}` must be a name that no question has"));
        }
        for q in spec.covers.iter().filter(|q| bank.get(q).is_none() && !functions::is_known(q)) {
            fail("covers", format!("`{q}` is neither a question of the bank nor a function"));
        }
        if let Err(rule_errors) = crate::engine::rule::compile_shared(&spec.rule, &spec.params, &bank, implied) {
            errors.extend(rule_errors.into_iter().map(|e| CatalogError::in_rule(file, at("rule"), e)));
        }
        if errors.len() == before {
            bank.add_shared(Shared {
                name: spec.name,
                about: spec.about,
                params: spec.params,
                rule: spec.rule,
                covers: spec.covers,
            });
        }
    }
    if errors.is_empty() { Ok(bank) } else { Err(errors) }
}

pub fn trial(
    spec: TrialSpec,
    bank: &QuestionBank,
    implied: &Implications,
    file: &str,
    base: &[PathPart],
) -> Result<Trial, Vec<CatalogError>> {
    let at = |parts: &[PathPart]| {
        let mut p = base.to_vec();
        p.extend_from_slice(parts);
        p
    };
    let mut errors = Vec::new();
    let mut fail = |parts: &[PathPart], message: String| errors.push(CatalogError::new(file, at(parts), message));
    if !is_nct_id(&spec.id) {
        fail(&[key("id")], format!("trial id `{}` is not a registry id like NCT01234567", spec.id));
    }
    if spec.criterion.is_empty() {
        fail(&[key("criterion")], "a trial needs at least one criterion".to_string());
    }
    check_facts(&spec.facts, &mut fail);
    let mut seen = BTreeSet::new();
    let mut criteria = Vec::new();
    for (i, c) in spec.criterion.into_iter().enumerate() {
        let here = |field: &str| at(&[key("criterion"), PathPart::Index(i), key(field)]);
        for (field, message) in criterion_text_problems(&c, &mut seen) {
            errors.push(CatalogError::new(file, here(field), message));
        }
        match criterion(c, bank, implied) {
            Ok(c) => criteria.push(c),
            Err((field, rule_errors)) => errors.extend(rule_errors.into_iter().map(|e| match e {
                FieldError::Rule(e) => CatalogError::in_rule(file, here(field), e),
                FieldError::Plain(message) => CatalogError::new(file, here(field), message),
            })),
        }
    }
    if errors.is_empty() { Ok(Trial { id: spec.id, facts: spec.facts, criteria }) } else { Err(errors) }
}

/// The facts a card shows: an English title, every date a date (freshness is
/// worked out from them), every site's country an ISO code.
fn check_facts(f: &crate::engine::trial::TrialFacts, fail: &mut impl FnMut(&[PathPart], String)) {
    if f.title.get("en").is_empty() {
        fail(&[key("facts"), key("title")], "the trial needs an English title".to_string());
    }
    let mut dates: Vec<(Vec<PathPart>, &str, bool)> = vec![
        (vec![key("facts"), key("data_as_of")], &f.data_as_of, true),
        (vec![key("facts"), key("status"), key("read")], &f.status.read, true),
    ];
    dates.extend(f.status.as_of.as_deref().map(|d| (vec![key("facts"), key("status"), key("as_of")], d, false)));
    dates.extend(f.start.as_deref().map(|d| (vec![key("facts"), key("start")], d, false)));
    dates.extend(f.end.as_deref().map(|d| (vec![key("facts"), key("end")], d, false)));
    for (i, source) in f.sources.iter().enumerate() {
        dates.push((vec![key("facts"), key("sources"), PathPart::Index(i), key("read")], &source.read, true));
    }
    for (path, date, full) in dates {
        let read = crate::clinical::dates::PartialDate::parse(date);
        if read.is_none_or(|d| full && d.day.is_none()) {
            let form = if full { "YYYY-MM-DD" } else { "YYYY-MM-DD or YYYY-MM" };
            fail(&path, format!("`{date}` is not a date ({form})"));
        }
    }
    for (i, site) in f.sites.iter().enumerate() {
        if !(site.country.len() == 2 && site.country.chars().all(|c| c.is_ascii_uppercase())) {
            fail(
                &[key("facts"), key("sites"), PathPart::Index(i), key("country")],
                format!("country `{}` is not an ISO 3166 code like VN or CN", site.country),
            );
        }
    }
}

/// What is wrong with a criterion's text, by field: an id used twice, an
/// empty original, no English plain words, a draft rule not yet reviewed.
fn criterion_text_problems(c: &CriterionSpec, seen: &mut BTreeSet<String>) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if !seen.insert(c.id.clone()) {
        problems.push(("id", format!("duplicate criterion id `{}`", c.id)));
    }
    if c.original.trim().is_empty() {
        problems.push(("original", "the registry's text is empty".to_string()));
    }
    if c.plain.get("en").trim().is_empty() {
        problems.push(("plain", "the plain-language text needs English".to_string()));
    }
    if let Some(from) = &c.draft {
        // Nothing unreviewed ships: a proposed rule is an author's to confirm.
        problems.push((
            "draft",
            format!(
                "criterion `{}` has a draft rule, proposed from \"{from}\": check the rule against the registry text, write its plain words, then delete the `draft` line",
                c.id
            ),
        ));
    }
    problems
}

/// A criterion's problem: in its rule, or in the criterion itself.
enum FieldError {
    Rule(RuleError),
    Plain(String),
}

type FieldErrors = (&'static str, Vec<FieldError>);

fn criterion(c: CriterionSpec, bank: &QuestionBank, implied: &Implications) -> Result<Criterion, FieldErrors> {
    let compile = |field: &'static str, text: &str| {
        Rule::compile(text, bank, implied)
            .map_err(|errors| (field, errors.into_iter().map(FieldError::Rule).collect::<Vec<_>>()))
    };
    let plain = |field: &'static str, message: String| Err((field, vec![FieldError::Plain(message)]));
    let rule = match (&c.rule, c.decided_by) {
        (Some(text), None) => Some(compile("rule", text)?),
        (None, Some(DecidedBy::StudyTeam)) => None,
        (Some(_), Some(_)) => return plain("decided_by", "give either a rule or `decided_by`, not both".to_string()),
        (None, None) => {
            return plain(
                "rule",
                format!(
                    "criterion `{}` has no rule: write one, or `decided_by = \"study_team\"` when no answer can decide it",
                    c.id
                ),
            );
        }
    };
    let evidence = match (&c.evidence, &rule) {
        (Some(text), None) => Some(compile("evidence", text)?),
        (Some(_), Some(_)) => {
            return plain(
                "evidence",
                "`evidence` is for a criterion the study team decides: a rule already says what the answers decide"
                    .to_string(),
            );
        }
        (None, _) => None,
    };
    Ok(Criterion {
        id: c.id,
        side: c.side,
        original: c.original,
        original_translation: c.original_translation,
        plain: c.plain,
        rule,
        evidence,
    })
}

/// A whole catalog in one document; trial ids must be unique across it.
pub fn catalog(spec: CatalogSpec, file: &str) -> Result<Catalog, Vec<CatalogError>> {
    let (bank, implied) = question_bank(spec.questions, file, &[key("questions")])?;
    let bank = shared_names(bank, &implied, spec.shared, file, &[key("shared")])?;
    let mut errors = Vec::new();
    let mut trials: Vec<Trial> = Vec::new();
    // A set, not a scan of the trials so far: 1,000 trials made that a million compares.
    let mut ids = BTreeSet::new();
    for (i, t) in spec.trials.into_iter().enumerate() {
        let base = [key("trials"), PathPart::Index(i)];
        if !ids.insert(t.id.clone()) {
            let mut path = base.to_vec();
            path.push(key("id"));
            errors.push(CatalogError::new(file, path, format!("duplicate trial id `{}`", t.id)));
        }
        match trial(t, &bank, &implied, file, &base) {
            Ok(t) => trials.push(t),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() { Ok(Catalog::new(bank, implied, trials)) } else { Err(errors) }
}
