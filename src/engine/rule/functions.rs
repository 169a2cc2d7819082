//! The rule language's functions and derived names, as data: one table that
//! the compiler looks up, `trialcheck functions` prints and the README is
//! tested against, so the three can never drift apart.

use super::compile::{Call, Checked, CompileFn, Compiler, Typed};
pub use super::compile::{Function, Gives};
use super::error::Kind as ErrorKind;
use super::node::{Cond, Egfr, Num};
use super::syntax::ExprKind;
use crate::clinical::egfr::Formula;
use crate::clinical::units::Quantity;
use crate::clinical::{eular_acr, sledai};
use crate::engine::question::Kind;

const fn f(name: &'static str, usage: &'static str, gives: Gives, doc: &'static str, compile: CompileFn) -> Function {
    Function { name, usage, gives, doc, compile }
}

use Gives::{Condition, Number};

pub static TABLE: &[Function] = &[
    f("age_years", "age_years", Number, "age in completed years, from `date_of_birth`", age_years),
    f("egfr", "egfr", Number, "eGFR by the formula for the age: bedside Schwartz under 18, CKD-EPI 2021 from 18", egfr),
    f(
        "study_team",
        "study_team",
        Condition,
        "unknown whatever the answers: the registry text leaves this to the study team",
        study_team,
    ),
    f("count", "count(q, [options])", Number, "how many of the options were chosen, or of the medicines taken", count),
    f(
        "count_taken",
        "count_taken(q, [medicines], months)",
        Number,
        "how many of the medicines were taken for at least that many months (a course of infusions counts once received)",
        count_taken,
    ),
    f(
        "count_inadequate",
        "count_inadequate(q, [medicines], months)",
        Number,
        "how many of the medicines were taken for at least that many months and not stopped because of side effects (where the text says intolerance is not an inadequate response)",
        count_taken,
    ),
    f(
        "count_intolerant",
        "count_intolerant(q, [medicines])",
        Number,
        "how many of the medicines were stopped because of side effects",
        count,
    ),
    f(
        "sledai2k",
        "sledai2k([total,] q)",
        Number,
        "SLEDAI-2K: the doctor's total when known, else the descriptors chosen",
        sledai,
    ),
    f("sledai2k_lab", "sledai2k_lab([total,] q)", Number, "SLEDAI-2K points from the 8 laboratory descriptors", sledai),
    f(
        "sledai2k_without_cns",
        "sledai2k_without_cns([total,] q)",
        Number,
        "SLEDAI-2K without the neuropsychiatric descriptors",
        sledai,
    ),
    f(
        "sledai2k_clinical",
        "sledai2k_clinical([total,] q)",
        Number,
        "clinical SLEDAI: without the laboratory descriptors",
        sledai,
    ),
    f(
        "sledai2k_without",
        "sledai2k_without([total,] q, [descriptors])",
        Number,
        "SLEDAI-2K without the listed descriptors",
        sledai,
    ),
    f("eular_acr_score", "eular_acr_score(q)", Number, "2019 EULAR/ACR total (highest item per domain)", eular_acr),
    f(
        "eular_acr_classified",
        "eular_acr_classified(entry, q)",
        Condition,
        "classified as SLE by 2019 EULAR/ACR: the entry condition (ANA >= 1:80), total >= 10, a clinical item",
        eular_acr,
    ),
    f(
        "at_least",
        "at_least(n, condition, ...)",
        Condition,
        "at least n of the conditions hold (e.g. 2 of 5 kinds of medicine)",
        at_least,
    ),
    f("months_since", "months_since(q)", Number, "months from a date to today", months_since),
    f("egfr_schwartz", "egfr_schwartz(creatinine, height)", Number, "bedside Schwartz eGFR", egfr_schwartz),
    f("egfr_ckd_epi", "egfr_ckd_epi(creatinine, age, sex)", Number, "CKD-EPI 2021 eGFR", egfr_ckd_epi),
];

/// Names a question id or an option may not take: the derived names.
pub fn is_reserved(name: &str) -> bool {
    TABLE.iter().any(|f| f.is_derived() && f.name == name)
}

/// A function or a derived name: a shared name may not take either.
pub fn is_known(name: &str) -> bool {
    TABLE.iter().any(|f| f.name == name)
}

fn plain(n: Num) -> Checked<Typed<'static>> {
    Ok(Typed::Number(n, None))
}

fn age_years<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    Ok(Typed::Number(c.age(call.span, call.name)?, None))
}

fn egfr<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    let (span, name) = (call.span, call.name);
    let creatinine = c.measurement("creatinine", "creatinine", span, name);
    let height = c.measurement("height", "height", span, name);
    let age = c.age(span, name);
    let sex = c.sex("sex", span, name);
    let (creatinine, height, age, sex) = (creatinine?, height?, age?, sex?);
    let e = Egfr { formula: Formula::ForAge, creatinine, height: Some(height), age: Some(age), sex: Some(sex) };
    Ok(Typed::Number(Num::Egfr(Box::new(e)), Quantity::by_id("egfr")))
}

fn study_team<'b>(_: &mut Compiler<'b>, _: &Call) -> Checked<Typed<'b>> {
    Ok(Typed::Truth(Cond::StudyTeam))
}

/// `count` and `count_intolerant`.
fn count<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    c.arity(call, 2)?;
    let kinds: &[&str] = if call.name == "count" { &["multi", "medications"] } else { &["medications"] };
    let q = c.question_arg(call.args.first(), kinds, call)?;
    let items = c.list_arg(call.args.get(1), call)?;
    let options = c.options(q, &items)?;
    plain(match (call.name, &q.kind) {
        ("count", Kind::Multi { .. }) => Num::CountTicked(c.tick_list(q), options),
        ("count", _) => Num::Count(q.id.clone(), options),
        _ => Num::CountIntolerant(q.id.clone(), options),
    })
}

fn count_taken<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    c.arity(call, 3)?;
    let q = c.question_arg(call.args.first(), &["medications"], call)?;
    let items = c.list_arg(call.args.get(1), call)?;
    let options = c.options(q, &items)?;
    let months = match call.args.get(2).map(|a| &a.kind) {
        Some(ExprKind::Number { value, unit: None }) => *value,
        _ => {
            let span = call.args.get(2).map_or(call.span, |a| a.span);
            return c.fail(ErrorKind::Arguments, span, format!("`{}` needs a number of months here", call.name));
        }
    };
    let courses = match &q.kind {
        Kind::Medications { courses, .. } => courses.clone(),
        _ => vec![],
    };
    let question = q.id.clone();
    plain(if call.name == "count_inadequate" {
        Num::CountInadequate { question, options, months, courses }
    } else {
        Num::CountTaken { question, options, months, courses }
    })
}

/// The SLEDAI-2K variants, with an optional first argument: the doctor's
/// total, a plain number question.
fn sledai<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    let total = match call.args.first().map(|a| &a.kind) {
        Some(ExprKind::Name(n))
            if c.bank.get(n).is_some_and(|q| matches!(q.kind, Kind::Number { quantity: None, .. })) =>
        {
            Some(n.to_string())
        }
        _ => None,
    };
    let args = if total.is_some() { call.args.get(1..).unwrap_or_default() } else { call.args };
    let call = Call { args, ..*call };
    c.arity(&call, if call.name == "sledai2k_without" { 2 } else { 1 })?;
    let q = c.question_arg(call.args.first(), &["multi"], &call)?;
    let arg_span = call.args.first().map_or(call.span, |a| a.span);
    let options = q.kind.options().iter().map(|o| (o.clone(), arg_span));
    c.known_to(options, |id| sledai::descriptor(id).is_some(), "SLEDAI-2K descriptor")?;
    let variant = match call.name {
        "sledai2k_lab" => sledai::Variant::LaboratoryPoints,
        "sledai2k_without_cns" => sledai::Variant::WithoutCns,
        "sledai2k_clinical" => sledai::Variant::Clinical,
        "sledai2k_without" => {
            let items = c.list_arg(call.args.get(1), &call)?;
            c.known_to(items.clone(), |id| sledai::descriptor(id).is_some(), "SLEDAI-2K descriptor")?;
            sledai::Variant::Without(items.into_iter().map(|i| i.0).collect())
        }
        _ => sledai::Variant::Total,
    };
    plain(Num::Sledai { items: c.tick_list(q), total, variant })
}

/// `eular_acr_score(q)` and `eular_acr_classified(entry, q)`.
fn eular_acr<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    let classified = call.name == "eular_acr_classified";
    c.arity(call, if classified { 2 } else { 1 })?;
    let entry = match call.args.first() {
        Some(a) if classified => Some(c.truth(a)?),
        _ => None,
    };
    let at = usize::from(classified);
    let q = c.question_arg(call.args.get(at), &["multi"], call)?;
    let arg_span = call.args.get(at).map_or(call.span, |a| a.span);
    let options = q.kind.options().iter().map(|o| (o.clone(), arg_span));
    c.known_to(options, |id| eular_acr::item(id).is_some(), "2019 EULAR/ACR item")?;
    match entry {
        Some(entry) => Ok(Typed::Truth(Cond::EularAcrClassified(Box::new(entry), c.tick_list(q)))),
        None => plain(Num::EularAcrScore(c.tick_list(q))),
    }
}

fn at_least<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    let k = match call.args.first().map(|a| &a.kind) {
        Some(ExprKind::Number { value, unit: None }) if value.fract() == 0.0 && *value >= 1.0 => *value as usize,
        _ => {
            let span = call.args.first().map_or(call.span, |a| a.span);
            return c.fail(
                ErrorKind::Arguments,
                span,
                "`at_least` needs a whole number first, like `at_least(2, a, b, c)`",
            );
        }
    };
    let rest = call.args.get(1..).unwrap_or_default();
    if rest.len() < k {
        return c.fail(ErrorKind::Arguments, call.span, format!("`at_least({k}, ...)` needs at least {k} conditions"));
    }
    let conditions: Vec<Checked<Cond>> = rest.iter().map(|a| c.truth(a)).collect();
    let conditions = conditions.into_iter().collect::<Checked<Vec<Cond>>>()?;
    Ok(Typed::Truth(Cond::AtLeast(k, conditions)))
}

fn months_since<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    c.arity(call, 1)?;
    let q = c.question_arg(call.args.first(), &["date"], call)?;
    plain(Num::MonthsSince(q.id.clone()))
}

fn egfr_schwartz<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    c.arity(call, 2)?;
    let creatinine = c.quantity_arg(call.args.first(), "creatinine", call);
    let height = c.quantity_arg(call.args.get(1), "height", call);
    let (creatinine, height) = (creatinine?, height?);
    let e = Egfr { formula: Formula::BedsideSchwartz, creatinine, height: Some(height), age: None, sex: None };
    Ok(Typed::Number(Num::Egfr(Box::new(e)), Quantity::by_id("egfr")))
}

fn egfr_ckd_epi<'b>(c: &mut Compiler<'b>, call: &Call) -> Checked<Typed<'b>> {
    c.arity(call, 3)?;
    let creatinine = c.quantity_arg(call.args.first(), "creatinine", call);
    let age = match call.args.get(1) {
        Some(a) => c.number(a, None).and_then(|(n, q)| match q {
            None => Ok(n),
            Some(_) => c.fail(ErrorKind::Type, a.span, "the age must be a plain number of years"),
        }),
        None => c.fail(ErrorKind::Arguments, call.span, "`egfr_ckd_epi` is missing the age"),
    };
    let sex_arg = call.args.get(2);
    let sex = match sex_arg.map(|a| (&a.kind, a.span)) {
        Some((ExprKind::Name(n), s)) => c.sex(n, s, call.name),
        _ => {
            c.fail(ErrorKind::Type, sex_arg.map_or(call.span, |a| a.span), "`egfr_ckd_epi` needs the sex question here")
        }
    };
    let (creatinine, age, sex) = (creatinine?, age?, sex?);
    let e = Egfr { formula: Formula::CkdEpi2021, creatinine, height: None, age: Some(age), sex: Some(sex) };
    Ok(Typed::Number(Num::Egfr(Box::new(e)), Quantity::by_id("egfr")))
}
