//! One trial's verdict with its reasons, in plain words and the registry's own.

use crate::engine::question::AnsweredBy;
use crate::engine::verdict::{Assessment, Requirement, Verdict};
use crate::web::texts::Texts;
use yew::prelude::*;

/// What a card shows, owned so it can be a component's props.
#[derive(Clone, PartialEq)]
pub struct TrialSummary {
    pub id: String,
    pub title: String,
    pub verdict: Verdict,
    /// (plain words, registry text) of the criteria not met.
    pub not_met: Vec<(String, String)>,
    pub open_for_person: usize,
    pub open_for_doctor: usize,
}

impl From<&Assessment<'_>> for TrialSummary {
    fn from(a: &Assessment) -> TrialSummary {
        TrialSummary {
            id: a.trial.id.clone(),
            title: a.trial.facts.title.get("en").to_string(),
            verdict: a.verdict,
            not_met: a
                .with(Requirement::NotMet)
                .map(|c| {
                    (
                        c.criterion.plain.get("en").to_string(),
                        c.criterion.original.clone(),
                    )
                })
                .collect(),
            open_for_person: a
                .with(Requirement::Unknown)
                .filter(|c| c.who_can_answer == Some(AnsweredBy::Person))
                .count(),
            open_for_doctor: a.open_for_doctor().count(),
        }
    }
}

fn verdict_attribute(v: Verdict) -> &'static str {
    match v {
        Verdict::LikelyEligible => "eligible",
        Verdict::NotEligible => "ineligible",
        Verdict::Undecided => "undecided",
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub summary: TrialSummary,
}

#[component]
pub fn TrialCard(props: &Props) -> Html {
    let Some(texts) = use_context::<Texts>() else {
        return html! {};
    };
    let s = &props.summary;
    let verdict = texts.get(match s.verdict {
        Verdict::LikelyEligible => "verdict-likely_eligible",
        Verdict::NotEligible => "verdict-not_eligible",
        Verdict::Undecided => "verdict-undecided",
    });
    html! {
        <article class={classes!("tc-card", verdict_attribute(s.verdict))} data-trial-id={s.id.clone()} data-verdict={verdict_attribute(s.verdict)}>
            <h3>{ &s.title }</h3>
            <p class="tc-verdict"><strong>{ verdict }</strong>{ format!(" · {}", s.id) }</p>
            if !s.not_met.is_empty() {
                <ul class="tc-reasons">
                    { for s.not_met.iter().map(|(plain, original)| html! {
                        <li>
                            { plain }
                            <details><summary>{ texts.get("registry-text") }</summary><blockquote>{ original }</blockquote></details>
                        </li>
                    }) }
                </ul>
            }
            if s.verdict == Verdict::Undecided {
                <p class="tc-open">{ texts.format("open-counts", &[("person", &s.open_for_person.to_string()), ("doctor", &s.open_for_doctor.to_string())]) }</p>
            }
        </article>
    }
}
