//! One trial's verdict, its reasons in plain words with the registry's own
//! words on demand, what is still open and who can answer it, and the facts.

use crate::engine::assess::{Assessment, CriterionResult, Requirement, Settler, Verdict};
use crate::engine::trial::{Side, TrialFacts};
use crate::text::format_date;
use crate::web::texts::{Texts, use_texts};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct CriterionLine {
    pub plain: String,
    pub original: String,
    /// The registry's words in the reader's language, shown beside them.
    pub translation: Option<String>,
    pub requirement: Requirement,
    /// An exclusion "met" is one that does not apply: it is listed apart.
    pub side: Side,
    pub who: Option<Settler>,
    /// The values computed for it, in words (eGFR, SLEDAI-2K, EULAR/ACR).
    pub computed: Vec<String>,
    /// Of those, the person's own values (an eGFR, the whole SLEDAI-2K, the
    /// EULAR/ACR score), not the part of a score one trial counts.
    pub values: Vec<String>,
    /// A wait ("met from 2026-12-20") or the answers speaking against it.
    pub note: Option<String>,
}

/// What a card shows, owned so that it can be a component's props.
#[derive(Clone, PartialEq)]
pub struct TrialView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub verdict: Verdict,
    /// The verdict in words (likely eligible may be pending the study team's
    /// tests; not yet says from when).
    pub verdict_words: String,
    /// Recruiting or not, as of when, and when the facts were read: beside
    /// every verdict, so that no trial closed to new people reads as open.
    pub status: String,
    pub criteria: Vec<CriterionLine>,
    pub facts: TrialFacts,
}

/// One criterion's line, in the reader's language.
fn line(c: &CriterionResult, texts: &Texts) -> CriterionLine {
    let language = texts.language.as_str();
    CriterionLine {
        plain: c.criterion.plain.get(language).to_string(),
        original: c.criterion.original.clone(),
        translation: c.criterion.original_translation.0.get(language).cloned(),
        requirement: c.requirement,
        side: c.criterion.side,
        who: c.settled_by,
        computed: c.computed.iter().map(|v| texts.computed(v)).collect(),
        values: (c.computed.iter())
            .filter(|v| {
                use crate::engine::assess::Calculator;
                !matches!(v.what, Calculator::Sledai { whole: false } | Calculator::Count(_))
            })
            .map(|v| texts.computed(v))
            .collect(),
        note: texts.note(c),
    }
}

impl TrialView {
    pub fn new(a: &Assessment, texts: &Texts) -> TrialView {
        let language = texts.language.as_str();
        let facts = &a.trial.facts;
        TrialView {
            id: a.trial.id.clone(),
            title: facts.title.get(language).to_string(),
            summary: facts.summary.get(language).to_string(),
            verdict: a.verdict,
            verdict_words: texts.verdict(a),
            status: status_line(a, texts),
            criteria: a.criteria.iter().map(|c| line(c, texts)).collect(),
            facts: facts.clone(),
        }
    }

    /// Why a trial is ruled out, in one line: its first criterion not met.
    pub fn reason(&self) -> Option<&str> {
        self.criteria.iter().find(|c| c.requirement == Requirement::NotMet).map(|c| c.plain.as_str())
    }

    fn lines(&self, keep: impl Fn(&CriterionLine) -> bool) -> Vec<&CriterionLine> {
        self.criteria.iter().filter(|c| keep(c)).collect()
    }
}

/// What a card beside the questions shows: the verdict, why not, and what is
/// open, counted. Built for every trial on every answer, so it holds only
/// that (not the trial's facts and every criterion, as `TrialView` does).
#[derive(Clone, PartialEq)]
pub struct CompactView {
    pub id: String,
    pub title: String,
    pub verdict: Verdict,
    pub verdict_words: String,
    pub status: String,
    pub not_met: Vec<CriterionLine>,
    pub not_yet: Vec<CriterionLine>,
    /// Open criteria the person, the doctor and the study team can settle.
    pub open: [usize; 3],
}

impl CompactView {
    pub fn new(a: &Assessment, texts: &Texts) -> CompactView {
        let language = texts.language.as_str();
        let open = |s: Settler| a.open_for(s).count();
        CompactView {
            id: a.trial.id.clone(),
            title: a.trial.facts.title.get(language).to_string(),
            verdict: a.verdict,
            verdict_words: texts.verdict(a),
            status: status_line(a, texts),
            not_met: a.with(Requirement::NotMet).map(|c| line(c, texts)).collect(),
            not_yet: a.with(Requirement::NotYet).map(|c| line(c, texts)).collect(),
            open: [open(Settler::Person), open(Settler::Doctor), open(Settler::StudyTeam)],
        }
    }
}

/// "Recruiting, as of 2025-11-18 · Facts read on 2026-12-02".
fn status_line(a: &Assessment, texts: &Texts) -> String {
    let facts = &a.trial.facts;
    let read = texts.format("card-facts-read", &[("date", &local_date(texts, &facts.data_as_of))]);
    format!("{} · {read}", texts.status(&facts.status))
}

/// The `data-verdict` value tests and embedding pages read.
pub fn verdict_attribute(v: Verdict) -> &'static str {
    match v {
        Verdict::LikelyEligible => "eligible",
        Verdict::NotEligible => "ineligible",
        Verdict::NotYet => "not_yet",
        Verdict::Undecided => "undecided",
    }
}

/// A list's title: a message that holds its `{count}`, or one it is added to.
enum Title {
    Counted(&'static str),
    Plain(&'static str),
}

fn criteria_list(texts: &Texts, title: Title, class: &'static str, lines: Vec<&CriterionLine>, open: bool) -> Html {
    if lines.is_empty() {
        return html! {};
    }
    // Folded, a list still says how long it is.
    let count = lines.len().to_string();
    let summary = match title {
        Title::Counted(id) => texts.format(id, &[("count", &count)]),
        Title::Plain(id) => texts.format("list-count", &[("title", &texts.get(id)), ("count", &count)]),
    };
    html! {
        <details class={classes!("tc-criteria", class)} {open}>
            <summary>{ summary }</summary>
            <ul>
                { for lines.into_iter().map(|c| html! {
                    <li>
                        { &c.plain }
                        if let Some(note) = &c.note {
                            <p class="tc-note">{ note }</p>
                        }
                        if !c.computed.is_empty() {
                            <p class="tc-computed"><span>{ texts.get("computed-title") }</span>{ " " }{ c.computed.join("; ") }</p>
                        }
                        <details class="tc-original">
                            <summary>{ texts.get("registry-text") }</summary>
                            <blockquote lang="en">{ &c.original }</blockquote>
                            if let Some(t) = &c.translation {
                                <p class="tc-translation"><span>{ texts.get("registry-translation") }</span>{ " " }{ t }</p>
                            }
                        </details>
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// A catalog date (YYYY-MM-DD) in the language's order; as written if it is not one.
fn local_date(texts: &Texts, date: &str) -> String {
    crate::clinical::dates::PartialDate::parse(date)
        .map_or_else(|| date.to_string(), |d| format_date(&texts.language, d))
}

/// What to do next about a trial that may suit: whom to ask, and what to bring.
fn next_step(texts: &Texts, f: &TrialFacts) -> Html {
    let who = match f.contacts.first() {
        Some(c) => html! {
            <>
                { &c.name }
                if let Some(e) = &c.email { { " · " }<a href={format!("mailto:{e}")}>{ e }</a> }
                if let Some(p) = &c.phone { { " · " }<a href={format!("tel:{p}")}>{ p }</a> }
            </>
        },
        None => {
            html! { { f.sites.iter().map(|s| texts.site(s)).collect::<Vec<_>>().join("; ") } }
        }
    };
    html! {
        <div class="tc-next-step">
            <p><strong>{ texts.get("card-next-step") }</strong>{ " " }{ who }</p>
            <p class="tc-help">{ texts.get("card-next-step-bring") }</p>
        </div>
    }
}

fn fact(texts: &Texts, label: &str, value: Html) -> Html {
    html! { <><dt>{ texts.get(label) }</dt><dd>{ value }</dd></> }
}

fn facts(texts: &Texts, f: &TrialFacts) -> Html {
    let sites = f.sites.iter().map(|s| texts.site(s)).collect::<Vec<_>>();
    html! {
        <details class="tc-facts">
            <summary>{ texts.get("card-about") }</summary>
            <dl>
                { fact(texts, "fact-phase", html! { f.phase.get(&texts.language) }) }
                { fact(texts, "fact-status", html! {
                    <>
                        { texts.status(&f.status) }
                        if !f.status.note.0.is_empty() { { " " }{ f.status.note.get(&texts.language) } }
                        { format!(" ({}, {})", f.status.source, local_date(texts, &f.status.read)) }
                    </>
                }) }
                { fact(texts, "fact-ages", html! { f.ages.get(&texts.language) }) }
                { fact(texts, "fact-sex", html! { f.sex.get(&texts.language) }) }
                if let Some(n) = f.enrollment { { fact(texts, "fact-enrollment", html! { n }) } }
                { fact(texts, "fact-sites", html! { { for sites.iter().map(|s| html! { <div>{ s }</div> }) } }) }
                if !f.contacts.is_empty() {
                    { fact(texts, "fact-contacts", html! { { for f.contacts.iter().map(|c| html! {
                        <div>
                            { &c.name }
                            if let Some(e) = &c.email { { " · " }<a href={format!("mailto:{e}")}>{ e }</a> }
                            if let Some(p) = &c.phone { { " · " }<a href={format!("tel:{p}")}>{ p }</a> }
                        </div>
                    }) } }) }
                }
                { fact(texts, "fact-registry", html! { <a href={f.registry_url.clone()} rel="noreferrer noopener" target="_blank">{ &f.registry_url }</a> }) }
                { fact(texts, "fact-data-as-of", html! { local_date(texts, &f.data_as_of) }) }
                { fact(texts, "fact-sources", html! { { for f.sources.iter().map(|s| html! { <div>{ format!("{} ({})", s.name, local_date(texts, &s.read)) }</div> }) } }) }
                if !f.missing.is_empty() {
                    { fact(texts, "fact-missing", html! { { for f.missing.iter().map(|m| html! { <div>{ m.get(&texts.language) }</div> }) } }) }
                }
            </dl>
        </details>
    }
}

/// What every card shares, whole or compact: the trial's title, its verdict
/// and why not; `rest` follows.
struct Head<'a> {
    id: &'a str,
    title: &'a str,
    verdict: Verdict,
    verdict_words: &'a str,
    status: &'a str,
    not_met: Vec<&'a CriterionLine>,
    not_yet: Vec<&'a CriterionLine>,
}

fn card(texts: &Texts, head: Head, compact: bool, rest: Html) -> Html {
    let heading_id = format!("tc-card-{}{}", head.id, if compact { "-live" } else { "" });
    html! {
        <article class={classes!("tc-card", compact.then_some("tc-compact"), verdict_attribute(head.verdict))}
            data-trial-id={head.id.to_string()} data-verdict={verdict_attribute(head.verdict)} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ head.title }</h3>
            <p class="tc-verdict"><strong>{ head.verdict_words }</strong>{ format!(" · {}", head.id) }</p>
            <p class="tc-status" data-recruitment="true">{ head.status }</p>
            { criteria_list(texts, Title::Plain("card-not-met"), "tc-not-met", head.not_met, true) }
            { criteria_list(texts, Title::Plain("card-not-yet"), "tc-not-yet", head.not_yet, true) }
            { rest }
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub trial: TrialView,
}

#[component]
pub fn TrialCard(props: &Props) -> Html {
    let texts = use_texts();
    let t = &props.trial;
    let not_met = t.lines(|c| c.requirement == Requirement::NotMet);
    let not_yet = t.lines(|c| c.requirement == Requirement::NotYet);
    let open = |s: Settler| t.lines(move |c| c.requirement == Requirement::Unknown && c.who == Some(s));
    let (open_person, open_doctor, open_team) =
        (open(Settler::Person), open(Settler::Doctor), open(Settler::StudyTeam));
    let study_team = t.lines(|c| c.requirement == Requirement::StudyTeam);
    // An exclusion met is one that does not apply: "None of these apply", never "Met: HIV infection".
    let met = t.lines(|c| c.requirement == Requirement::Met && c.side == Side::Inclusion);
    let absent = t.lines(|c| c.requirement == Requirement::Met && c.side == Side::Exclusion);
    let head = Head {
        id: &t.id,
        title: &t.title,
        verdict: t.verdict,
        verdict_words: &t.verdict_words,
        status: &t.status,
        not_met,
        not_yet,
    };
    let rest = html! {
        <>
            // Folded: with a dozen trials, every open list unfolded makes the results
            // too long to read on a phone; each fold says how many it holds.
            { criteria_list(&texts, Title::Plain("card-open-person"), "tc-open-person", open_person, false) }
            { criteria_list(&texts, Title::Plain("card-open-doctor"), "tc-open-doctor", open_doctor, false) }
            { criteria_list(&texts, Title::Plain("card-open-study-team"), "tc-open-study-team", open_team, false) }
            { criteria_list(&texts, Title::Plain("card-study-team"), "tc-study-team", study_team, false) }
            { criteria_list(&texts, Title::Counted("card-met"), "tc-met", met, false) }
            { criteria_list(&texts, Title::Counted("card-absent"), "tc-absent", absent, false) }
            if t.verdict != Verdict::NotEligible { { next_step(&texts, &t.facts) } }
            <p class="tc-summary">{ &t.summary }</p>
            { facts(&texts, &t.facts) }
        </>
    };
    card(&texts, head, false, rest)
}

#[derive(Properties, PartialEq)]
pub struct CompactProps {
    pub trial: CompactView,
}

/// Beside the questions: the verdict, why not, and what is open, counted.
#[component]
pub fn CompactCard(props: &CompactProps) -> Html {
    let texts = use_texts();
    let t = &props.trial;
    let [person, doctor, team] = t.open;
    let head = Head {
        id: &t.id,
        title: &t.title,
        verdict: t.verdict,
        verdict_words: &t.verdict_words,
        status: &t.status,
        not_met: t.not_met.iter().collect(),
        not_yet: t.not_yet.iter().collect(),
    };
    let rest = html! {
        if t.verdict == Verdict::Undecided {
            <p class="tc-open">{ texts.format("open-counts", &[("person", &texts.plural("open-person", person)), ("doctor", &texts.plural("open-doctor", doctor)), ("team", &texts.plural("open-study_team", team))]) }</p>
        }
    };
    card(&texts, head, true, rest)
}
