//! `trialcheck screen --answers FILE`: each trial's verdict with its reasons.

use super::say;
use super::{Args, Failure, Outcome};
use crate::engine::assess::{Assessment, Requirement, Settler, Verdict, Wait, assess_catalog};
use crate::engine::trial::Side;
use crate::text::{Messages, computed_words, criterion_note, settler_message, status_words, verdict_words};
use serde::Serialize;

#[derive(Serialize)]
struct TrialReport<'a> {
    trial: &'a str,
    title: &'a str,
    verdict: Verdict,
    /// For "not yet": the day from which the person may qualify.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    /// The verdict in words, in the language asked for.
    verdict_words: String,
    /// Whether it takes new people, as of when, from where.
    status: &'a crate::engine::trial::Status,
    /// The status in words.
    status_words: String,
    /// Likely eligible, pending the study team's screening tests.
    pending_screening: bool,
    criteria: Vec<CriterionReport<'a>>,
}

#[derive(Serialize)]
struct CriterionReport<'a> {
    id: &'a str,
    side: Side,
    requirement: Requirement,
    plain: &'a str,
    original: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    open_questions: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    settled_by: Option<Settler>,
    /// A wait: `{"from": {"day", "age"}}` for "not yet", `"open"` for a window not yet closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    wait: Option<Wait>,
    /// The study team decides it, and the answers speak against it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    against: bool,
    /// The values computed for it (eGFR, SLEDAI-2K, EULAR/ACR), in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    computed: Vec<String>,
}

fn report<'a>(a: &'a Assessment, lang: &str, messages: &Messages) -> TrialReport<'a> {
    TrialReport {
        trial: &a.trial.id,
        title: a.trial.facts.title.get(lang),
        verdict: a.verdict,
        from: a.from.map(|d| d.to_string()),
        verdict_words: verdict_words(messages, lang, a),
        status: &a.trial.facts.status,
        status_words: status_words(messages, lang, &a.trial.facts.status),
        pending_screening: a.pending_screening,
        criteria: a
            .criteria
            .iter()
            .map(|c| CriterionReport {
                id: &c.criterion.id,
                side: c.criterion.side,
                requirement: c.requirement,
                plain: c.criterion.plain.get(lang),
                original: &c.criterion.original,
                rule: c.criterion.rule.as_ref().map(|r| r.text.as_str()),
                open_questions: &c.open_questions,
                settled_by: c.settled_by,
                wait: c.wait,
                against: c.against,
                computed: c.computed.iter().map(|v| computed_words(messages, lang, v)).collect(),
            })
            .collect(),
    }
}

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let messages = Messages::shipped()?;
    let today = args.today()?;
    let lang = args.value("lang").unwrap_or("en");
    let answers = super::answers_file::from_args(args, "screen", &catalog, today)?.answers;
    let ids: Vec<String> =
        args.value("trials").map(|t| t.split(',').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
    if let Some(unknown) = ids.iter().find(|id| catalog.trial(id).is_none()) {
        let known: Vec<&str> = catalog.trials.iter().map(|t| t.id.as_str()).collect();
        return Err(format!("no trial {unknown} in the catalog (trials: {})", known.join(", ")).into());
    }
    let assessments = assess_catalog(&catalog, &answers, today, &ids);
    if args.switch("json") {
        let reports: Vec<TrialReport> = assessments.iter().map(|a| report(a, lang, &messages)).collect();
        say!("{}", serde_json::to_string_pretty(&reports).map_err(|e| e.to_string())?);
        return Ok(Outcome::Ok);
    }
    let say = |id: &str| messages.get(lang, id).unwrap_or(id).to_string();
    for a in &assessments {
        let verdict = verdict_words(&messages, lang, a);
        say!("{}  {}: {}", a.trial.id, verdict, a.trial.facts.title.get(lang));
        say!("  {}", status_words(&messages, lang, &a.trial.facts.status));
        let section = |title: String, mark: &str, rows: Vec<&crate::engine::assess::CriterionResult>| {
            if rows.is_empty() {
                return;
            }
            say!("  {title}:");
            for c in rows {
                say!("    {mark} {}", c.criterion.plain.get(lang));
                if let Some(note) = criterion_note(&messages, lang, c) {
                    say!("        {note}");
                }
                say!("        registry: \"{}\"", c.criterion.original);
                if !c.open_questions.is_empty() {
                    say!("        open: {}", c.open_questions.join(", "));
                }
                for v in &c.computed {
                    say!("        computed: {}", computed_words(&messages, lang, v));
                }
            }
        };
        section(say("requirement-not_met"), "x", a.with(Requirement::NotMet).collect());
        section(say("requirement-not_yet"), ">", a.with(Requirement::NotYet).collect());
        for settler in [Settler::Person, Settler::Doctor, Settler::StudyTeam] {
            section(say(settler_message(settler)), "?", a.open_for(settler).collect());
        }
        section(say("requirement-study_team"), "-", a.with(Requirement::StudyTeam).collect());
        say!("  met: {} of {} criteria\n", a.with(Requirement::Met).count(), a.criteria.len());
    }
    say!("{}", say("study-team-decides"));
    Ok(Outcome::Ok)
}
