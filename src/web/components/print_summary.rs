//! The printout's first page or two, for a doctor: who answered and the
//! values computed, then each trial in a few lines (its verdict and status,
//! the criteria not met or waiting, what is open and who settles it, where
//! it runs). The full criteria follow only when "Print everything" is chosen.

use super::review::ReviewRow;
use super::trial_card::{CriterionLine, TrialView};
use crate::engine::assess::{Requirement, Settler};
use crate::web::texts::Texts;
use yew::prelude::*;

/// The plain words of the lines, joined.
fn joined(lines: &[&CriterionLine]) -> String {
    lines.iter().map(|c| c.plain.trim_end_matches('.')).collect::<Vec<_>>().join("; ")
}

fn trial_row(texts: &Texts, t: &TrialView) -> Html {
    let with = |r: Requirement| t.criteria.iter().filter(|c| c.requirement == r).collect::<Vec<_>>();
    let open =
        |s: Settler| t.criteria.iter().filter(|c| c.requirement == Requirement::Unknown && c.who == Some(s)).count();
    let (not_met, not_yet) = (with(Requirement::NotMet), with(Requirement::NotYet));
    let [person, doctor, team] = [open(Settler::Person), open(Settler::Doctor), open(Settler::StudyTeam)];
    // Where it runs: each place once, three at most.
    let mut places: Vec<String> = Vec::new();
    for s in &t.facts.sites {
        let place = if s.city.is_empty() {
            texts.country(&s.country)
        } else {
            format!("{}, {}", s.city, texts.country(&s.country))
        };
        if !places.contains(&place) {
            places.push(place);
        }
    }
    let more = places.len().saturating_sub(3);
    places.truncate(3);
    let mut sites = places.join("; ");
    if more > 0 {
        sites.push_str(&format!(" (+{more})"));
    }
    let line = |label: &str, lines: &[&CriterionLine]| {
        (!lines.is_empty()).then(|| html! { <li><span>{ texts.get(label) }{ ": " }</span>{ joined(lines) }</li> })
    };
    let status = t.status.split(" · ").next().unwrap_or(&t.status).to_string();
    html! {
        <li class="tc-print-trial" data-print-trial={t.id.clone()}>
            <p><strong>{ &t.title }</strong>{ format!(" · {}", t.id) }</p>
            <p>{ &t.verdict_words }{ " · " }{ status }</p>
            <ul>
                { line("card-not-met", &not_met).unwrap_or_default() }
                { line("card-not-yet", &not_yet).unwrap_or_default() }
                // What is open, counted by who can settle it (the cards list each).
                if person + doctor + team > 0 && not_met.is_empty() {
                    <li>{ texts.format("open-counts", &[("person", &texts.plural("open-person", person)), ("doctor", &texts.plural("open-doctor", doctor)), ("team", &texts.plural("open-study_team", team))]) }</li>
                }
                if !sites.is_empty() {
                    <li><span>{ texts.get("fact-sites") }{ ": " }</span>{ sites }</li>
                }
            </ul>
        </li>
    }
}

/// The summary, for `trials` in the results' order, headed by `title` and the
/// answers about the person (`person`: date of birth, sex). A function: it
/// holds no state.
pub fn print_summary(texts: &Texts, trials: &[TrialView], person: &[ReviewRow], title: &str) -> Html {
    // The person's values computed for any trial (eGFR, SLEDAI-2K, EULAR/ACR), each once.
    let mut computed: Vec<&String> = trials.iter().flat_map(|t| &t.criteria).flat_map(|c| &c.values).collect();
    crate::sort::sort(&mut computed);
    computed.dedup();
    html! {
        <section class="tc-print-only tc-print-summary" aria-hidden="true">
            <h2>{ title }</h2>
            <p>
                { for person.iter().map(|r| html! { <span class="tc-print-fact">{ format!("{}: {}", r.prompt, r.answer) }</span> }) }
            </p>
            if !computed.is_empty() {
                <p><span>{ texts.get("computed-title") }</span>{ " " }{ computed.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("; ") }</p>
            }
            <ol class="tc-print-trials">{ for trials.iter().map(|t| trial_row(texts, t)) }</ol>
            <p>{ texts.get("print-note") }</p>
        </section>
    }
}
