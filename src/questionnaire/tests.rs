use super::*;
use crate::clinical::dates::PartialDate;
use crate::engine::assess::Verdict;

fn today() -> Ymd {
    Ymd::parse("2026-11-21").unwrap()
}

fn catalog() -> Catalog {
    Catalog::shipped().unwrap()
}

fn answer(id: &str, answer: Answer) -> Action {
    Action::Answer { question: id.into(), answer }
}

fn date(text: &str) -> Answer {
    Answer::Date(PartialDate::parse(text).unwrap())
}

fn step_id(session: &Session, catalog: &Catalog) -> String {
    let assessments = session.assess(catalog, &[]);
    match session.step(catalog, &assessments) {
        Step::Ask(q) => q.id.clone(),
        Step::LabReport => "<lab report?>".into(),
        Step::LabPanel(qs) => format!("<panel of {}>", qs.len()),
        Step::Checklist { questions, .. } => format!("<list of {}>", questions.len()),
        // A form shows its first question first, as the screen does.
        Step::Form { questions, .. } => questions[0].id.clone(),
        Step::Done => "<done>".into(),
    }
}

#[test]
fn the_first_form_asks_about_the_person_at_once_and_pregnancy_only_once_sex_and_age_are_known() {
    let c = catalog();
    let s = Session::new(today()).apply(&c, Action::Start(Mode::Myself));
    let assessed = s.assess(&c, &[]);
    let Step::Form { questions: form, .. } = s.step(&c, &assessed) else { panic!("no form first") };
    let ids: Vec<&str> = form.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["date_of_birth", "sex", "daily_activity"]);
    // A blank field is not an answer: only what was filled in is kept, the rest asked again.
    let some = s.apply(
        &c,
        Action::AnswerAll { answers: vec![("sex".into(), Answer::Choice("female".into()))], unreadable: vec![] },
    );
    assert_eq!(some.answers.get("date_of_birth"), None);
    let woman = some.apply(&c, answer("date_of_birth", date("1990-01-01")));
    let assessed = woman.assess(&c, &[]);
    assert!(woman.to_ask(&c, &assessed).iter().any(|q| q.id == "pregnant"), "asked once sex and age are known");
    let boy = s.apply(
        &c,
        Action::AnswerAll {
            answers: vec![("sex".into(), Answer::Choice("male".into())), ("date_of_birth".into(), date("2016-01-01"))],
            unreadable: vec![],
        },
    );
    let assessed = boy.assess(&c, &[]);
    assert!(!boy.to_ask(&c, &assessed).iter().any(|q| q.id == "pregnant"));
}

#[test]
fn the_first_form_asks_for_a_lab_report_and_with_one_the_lab_values_come_before_the_doctors_questions() {
    let c = catalog();
    let s = Session::new(today()).apply(&c, Action::Start(Mode::Myself));
    let assessed = s.assess(&c, &[]);
    assert!(matches!(s.step(&c, &assessed), Step::Form { lab_report: true, .. }));
    // A clinician has the report at hand: not asked.
    let clinician = Session::new(today()).apply(&c, Action::Start(Mode::Clinician));
    let assessed = clinician.assess(&c, &[]);
    assert!(matches!(clinician.step(&c, &assessed), Step::Form { lab_report: false, .. }));
    let form = |lab_report| Action::Form {
        answers: vec![("date_of_birth".into(), date("1994-04-02")), ("sex".into(), Answer::Choice("male".into()))],
        unreadable: vec![],
        lab_report,
    };
    // Left blank, it is asked again later; a refused form keeps nothing of it.
    assert_eq!(s.apply(&c, form(None)).has_lab_report, None);
    let refused = s.apply(
        &c,
        Action::Form {
            answers: vec![("date_of_birth".into(), date("2031-01-01"))],
            unreadable: vec![],
            lab_report: Some(true),
        },
    );
    assert!(!refused.refused.is_empty() && refused.has_lab_report.is_none());
    // With a report: every value is asked on one panel right after what the person knows.
    let with = s.apply(&c, form(Some(true)));
    assert_eq!(with.screens_done, 1);
    let assessed = with.assess(&c, &[]);
    let order: Vec<(AnsweredBy, bool)> =
        with.to_ask(&c, &assessed).iter().map(|q| (q.answered_by, is_lab_value(q))).collect();
    let first_doctor = order.iter().position(|(by, lab)| *by == AnsweredBy::Doctor && !lab).unwrap();
    let last_lab = order.iter().rposition(|(_, lab)| *lab).unwrap();
    assert!(last_lab < first_doctor, "{order:?}");
    // Without one: the lab values are unknown, never asked one by one.
    let without = s.apply(&c, form(Some(false)));
    let assessed = without.assess(&c, &[]);
    assert!(!without.to_ask(&c, &assessed).iter().any(|q| is_lab_value(q)));
    assert_eq!(without.answers.get("proteinuria_24h"), Some(&Answer::DontKnow));
}

#[test]
fn rare_exclusions_come_as_one_list_and_the_blank_ones_wait_for_later_only_if_asked() {
    let c = catalog();
    let mut s = Session::new(today()).apply(&c, Action::Start(Mode::MyChild));
    for (q, a) in [("date_of_birth", date("2016-03-15")), ("sex", Answer::Choice("male".into()))] {
        s = s.apply(&c, Action::Answer { question: q.into(), answer: a });
    }
    // Walk on with "don't know" until the list comes.
    let list = loop {
        let assessed = s.assess(&c, &[]);
        match s.step(&c, &assessed) {
            Step::Checklist { questions: qs, .. } if qs.iter().any(|q| q.id == "hiv") => {
                break qs.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
            }
            Step::Checklist { questions: qs, .. } => {
                // Another list first: not sure of any (each one that person's "don't know").
                let items: Vec<String> = qs.iter().map(|q| q.id.clone()).collect();
                let marked = items.iter().map(|i| (i.clone(), Mark::NotSure)).collect();
                s = s.apply(&c, Action::Checklist { items, marked, unticked: Unticked::No });
            }
            Step::Form { questions: qs, .. } => {
                let answers = qs.iter().map(|q| (q.id.clone(), Answer::DontKnow)).collect();
                s = s.apply(&c, Action::AnswerAll { answers, unreadable: vec![] });
            }
            Step::Ask(q) => {
                let id = q.id.clone();
                s = s.apply(&c, Action::Answer { question: id, answer: Answer::DontKnow });
            }
            other => panic!("no list before {other:?}"),
        }
    };
    assert!(list.contains(&"hiv".to_string()) && list.contains(&"kidney_transplant".to_string()), "{list:?}");
    // "None of the others": every unticked item is a no; the ticked one a yes.
    let none = s.apply(
        &c,
        Action::Checklist { items: list.clone(), marked: vec![("hiv".into(), Mark::Yes)], unticked: Unticked::No },
    );
    assert_eq!(none.answers.get("hiv"), Some(&Answer::Bool(true)));
    assert_eq!(none.answers.get("kidney_transplant"), Some(&Answer::Bool(false)));
    // "Not sure about some": the unticked ones are not answered, and come back one by one.
    let unsure = s.apply(&c, Action::Checklist { items: list.clone(), marked: vec![], unticked: Unticked::NotSure });
    assert_eq!(unsure.answers.get("kidney_transplant"), None);
    let assessed = unsure.assess(&c, &[]);
    assert!(matches!(unsure.step(&c, &assessed), Step::Ask(q) if q.together.is_some()), "asked on its own");
    // Not sure about one, none of the others: that one is a "don't know", as on a
    // screen of its own, and is not asked again; the others are no.
    let one = s.apply(
        &c,
        Action::Checklist { items: list, marked: vec![("hiv".into(), Mark::NotSure)], unticked: Unticked::No },
    );
    assert_eq!(
        (one.answers.get("hiv"), one.answers.get("kidney_transplant")),
        (Some(&Answer::DontKnow), Some(&Answer::Bool(false)))
    );
    let assessed = one.assess(&c, &[]);
    assert!(!one.to_ask(&c, &assessed).iter().any(|q| q.id == "hiv") && one.one_by_one.is_empty());
}

#[test]
fn a_parent_starts_and_is_asked_the_date_of_birth_and_a_verdict_follows() {
    let c = catalog();
    let s = Session::new(today()).apply(&c, Action::Start(Mode::MyChild));
    assert_eq!(s.screen, Screen::Questions);
    assert_eq!(step_id(&s, &c), "date_of_birth");
    let s = s.apply(&c, answer("date_of_birth", date("2016-03-15")));
    let hanoi = s.assess(&c, &["NCT07432334".into()]).remove(0);
    assert_eq!(hanoi.verdict, Verdict::NotEligible);
    assert_eq!(s.history, ["date_of_birth"]);
}

#[test]
fn back_reopens_the_previous_answer_and_changing_it_changes_the_verdict() {
    let c = catalog();
    let s = Session::new(today())
        .apply(&c, Action::Start(Mode::Myself))
        .apply(&c, answer("date_of_birth", date("2016-03-15")))
        .apply(&c, answer("sex", Answer::Choice("female".into())))
        .apply(&c, Action::Back);
    assert_eq!(step_id(&s, &c), "sex");
    let s = s.apply(&c, Action::Back);
    assert_eq!(step_id(&s, &c), "date_of_birth");
    let s = s.apply(&c, answer("date_of_birth", date("1990-01-01")));
    assert_eq!(s.editing, None);
    let hanoi = s.assess(&c, &["NCT07432334".into()]).remove(0);
    assert_ne!(hanoi.verdict, Verdict::NotEligible);
    // Back from the first question returns to the welcome screen.
    let s = Session::new(today()).apply(&c, Action::Start(Mode::Myself)).apply(&c, Action::Back);
    assert_eq!(s.screen, Screen::Welcome);
}

#[test]
fn people_answering_from_memory_get_their_own_questions_before_the_doctors() {
    let c = catalog();
    let s = Session::new(today()).apply(&c, Action::Start(Mode::MyChild));
    let assessments = s.assess(&c, &[]);
    let order: Vec<AnsweredBy> = s.to_ask(&c, &assessments).iter().map(|q| q.answered_by).collect();
    let first_doctor = order.iter().position(|w| *w == AnsweredBy::Doctor).unwrap();
    assert!(order[first_doctor..].iter().all(|w| *w == AnsweredBy::Doctor), "{order:?}");
    // A clinician goes through the groups in order instead.
    let s = Session::new(today()).apply(&c, Action::Start(Mode::Clinician));
    let groups: Vec<Group> = s.to_ask(&c, &assessments).iter().map(|q| q.group).collect();
    assert!(groups.windows(2).all(|w| w[0] <= w[1]));
}

/// Answers "don't know" to each question, "not sure" to each item of a list,
/// until the screen is something else.
fn dont_know_on(mut s: Session, c: &Catalog) -> Session {
    for _ in 0..80 {
        let assessed = s.assess(c, &[]);
        let action = match s.step(c, &assessed) {
            Step::Ask(q) => answer(&q.id, Answer::DontKnow),
            Step::Checklist { questions: qs, .. } => Action::Checklist {
                items: qs.iter().map(|q| q.id.clone()).collect(),
                marked: qs.iter().map(|q| (q.id.clone(), Mark::NotSure)).collect(),
                unticked: Unticked::No,
            },
            Step::Form { questions: qs, .. } => Action::AnswerAll {
                answers: qs.iter().map(|q| (q.id.clone(), Answer::DontKnow)).collect(),
                unreadable: vec![],
            },
            _ => break,
        };
        s = s.apply(c, action);
    }
    s
}

#[test]
fn without_a_lab_report_lab_values_become_unknown_instead_of_being_asked() {
    let c = catalog();
    // Answer everything a person can, "don't know" for the doctor's questions, until the labs.
    let s = dont_know_on(Session::new(today()).apply(&c, Action::Start(Mode::Myself)), &c);
    assert_eq!(step_id(&s, &c), "<lab report?>");
    let s = s.apply(&c, Action::HasLabReport(false));
    assert_ne!(step_id(&s, &c), "<lab report?>");
    assert!(!step_id(&s, &c).starts_with("<panel"));
    assert_eq!(s.answers.get("creatinine"), Some(&Answer::DontKnow));
}

#[test]
fn a_clinician_gets_the_lab_values_on_one_panel_and_saves_them_at_once() {
    let c = catalog();
    let mut s = Session::new(today()).apply(&c, Action::Start(Mode::Clinician));
    s = s.apply(&c, answer("date_of_birth", date("1994-04-02")));
    let s = dont_know_on(s, &c);
    assert!(step_id(&s, &c).starts_with("<panel"), "{}", step_id(&s, &c));
    let ok = Action::AnswerAll {
        answers: vec![
            ("creatinine".into(), Answer::Number { value: 71.0, unit: Some("umol/L".into()) }),
            ("alt".into(), Answer::Number { value: 25.0, unit: Some("U/L".into()) }),
        ],
        unreadable: vec![],
    };
    let assessments = s.assess(&c, &[]);
    let Step::LabPanel(panel) = s.step(&c, &assessments) else { panic!("no panel") };
    // Only numbers read off a report are on the panel; yes/no questions were asked before it.
    assert!(panel.iter().all(|q| matches!(q.kind, Kind::Number { .. })));
    assert_eq!(s.answers.get("ecg_normal"), Some(&Answer::DontKnow));
    let saved = s.apply(&c, ok);
    assert!(saved.answers.get("creatinine").is_some() && saved.history.contains(&"alt".to_string()));
    // Every impossible or unreadable value keeps the whole panel unsaved, each with its reason.
    let bad = Action::AnswerAll {
        answers: vec![
            ("alt".into(), Answer::Number { value: 25.0, unit: Some("U/L".into()) }),
            ("creatinine".into(), Answer::Number { value: 0.0, unit: Some("mg/dL".into()) }),
            ("ast".into(), Answer::Number { value: 0.0, unit: Some("U/L".into()) }),
        ],
        unreadable: vec![("wbc".into(), AnswerError::NotANumber)],
    };
    let refused = s.apply(&c, bad);
    assert!(refused.answers.get("alt").is_none());
    let which: Vec<&str> = refused.refused.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(which, ["creatinine", "wbc", "ast"], "all of them, in the form's order");
}

#[test]
fn an_impossible_answer_is_refused_and_changes_nothing() {
    let c = catalog();
    let s = Session::new(today())
        .apply(&c, answer("creatinine", Answer::Number { value: 0.0, unit: Some("mg/dL".into()) }));
    assert!(s.answers.is_empty() && s.history.is_empty());
    assert!(matches!(s.refused.as_slice(), [(q, AnswerError::OutOfRange { .. })] if q == "creatinine"));
    let s = s.apply(&c, answer("creatinine", Answer::Number { value: 0.7, unit: Some("mg/dL".into()) }));
    assert!(s.refused.is_empty());
}

#[test]
fn the_review_edits_any_answer_and_then_carries_on() {
    let c = catalog();
    let s = Session::new(today())
        .apply(&c, Action::Start(Mode::Myself))
        .apply(&c, answer("date_of_birth", date("1990-01-01")))
        .apply(&c, answer("sex", Answer::Choice("female".into())))
        .apply(&c, Action::Show(Screen::Review))
        .apply(&c, Action::Edit { question: "date_of_birth".into() });
    assert_eq!((s.screen, step_id(&s, &c)), (Screen::Questions, "date_of_birth".to_string()));
    let s = s.apply(&c, answer("date_of_birth", date("1991-01-01")));
    assert_ne!(step_id(&s, &c), "date_of_birth");
}

#[test]
fn progress_counts_what_was_answered_against_what_may_still_be_asked() {
    let c = catalog();
    let s = Session::new(today()).apply(&c, Action::Start(Mode::Myself));
    let (done, left) = s.progress(&c, &s.assess(&c, &[]));
    assert_eq!(done, 0);
    // About as many screens as a whole walk takes (`trialcheck simulate`: 9 to 13).
    assert!((8..=16).contains(&left), "{left}");
    // Screens are counted, not questions: the list of rare exclusions is one.
    let questions = s.to_ask(&c, &s.assess(&c, &[])).len();
    assert!(left < questions, "{left} screens for {questions} questions");
    // An adult is ruled out of the children's trial: its questions drop out.
    let s = s.apply(&c, answer("date_of_birth", date("1960-01-01")));
    let (done, left_after) = s.progress(&c, &s.assess(&c, &[]));
    assert_eq!(done, 1);
    assert!(left_after < left, "{left_after} !< {left}");
    // Going back never takes the count backwards; a refused answer does not count.
    let back = s.apply(&c, Action::Back);
    assert_eq!(back.progress(&c, &back.assess(&c, &[])).0, 1);
    let refused = s.apply(&c, answer("date_of_birth", date("2200-01-01")));
    assert_eq!(refused.progress(&c, &refused.assess(&c, &[])).0, 1);
}

#[test]
fn forgetting_wipes_every_answer_and_returns_to_the_start() {
    let c = catalog();
    let s = Session::new(today())
        .apply(&c, Action::Start(Mode::MyChild))
        .apply(&c, answer("date_of_birth", date("2016-03-15")))
        .apply(&c, Action::Reset);
    assert_eq!(s, Session::new(today()));
}

#[test]
fn loaded_answers_replace_the_session_and_carry_on_where_they_stopped() {
    let c = catalog();
    let mut answers = Answers::new();
    answers.set(&c.bank, "date_of_birth", date("2016-03-15"), today()).unwrap();
    let s = Session::new(today()).apply(&c, answer("sex", Answer::Choice("male".into()))).apply(
        &c,
        Action::Load(Restored {
            mode: Mode::MyChild,
            answers,
            history: vec!["date_of_birth".into()],
            countries: None,
            later: vec![],
            lab_report: None,
        }),
    );
    assert_eq!((s.mode, s.screen), (Mode::MyChild, Screen::Questions));
    assert!(s.answers.get("sex").is_none());
    assert_eq!(step_id(&s, &c), "sex");
    // Opened from the answers screen: the person stays there to see them.
    let on_review =
        Session::new(today()).apply(&c, Action::Start(Mode::Myself)).apply(&c, Action::Show(Screen::Review));
    let loaded = on_review.apply(
        &c,
        Action::Load(Restored {
            mode: Mode::MyChild,
            answers: s.answers.clone(),
            history: vec![],
            countries: None,
            later: vec![],
            lab_report: None,
        }),
    );
    assert_eq!(loaded.screen, Screen::Review);
}

/// The items of the list `key` (`together` in the bank).
fn list_items<'c>(c: &'c Catalog, key: &str) -> Vec<&'c Question> {
    c.bank.iter().filter(|q| q.together.as_deref() == Some(key)).collect()
}

#[test]
fn only_a_list_where_no_can_rule_nobody_out_offers_the_blank_ones_are_no() {
    let c = catalog();
    // A no to "a doctor said lupus", "ANA positive", "CD19 found" or "ECG normal" can rule out.
    assert!(!blank_may_be_no(&c, &list_items(&c, "treatment")));
    assert!(!blank_may_be_no(&c, &list_items(&c, "tests")));
    for q in ["sle_diagnosed", "ana_at_least_1_80", "cd19_b_cells_positive", "lupus_still_active"] {
        assert!(c.no_may_exclude(q), "{q}");
    }
    // The rare exclusions: a no there only ever lets a trial stay open.
    assert!(blank_may_be_no(&c, &list_items(&c, "history")));
}

#[test]
fn blanks_on_a_list_where_no_could_rule_out_are_asked_later_whatever_the_button_said() {
    let c = catalog();
    let s = Session::new(today()).apply(&c, Action::Start(Mode::MyChild));
    let items: Vec<String> = list_items(&c, "tests").iter().map(|q| q.id.clone()).collect();
    let after = s.apply(
        &c,
        Action::Checklist {
            items,
            marked: vec![("growth_factor_last_2_weeks".into(), Mark::No)],
            unticked: Unticked::No,
        },
    );
    assert_eq!(after.answers.get("growth_factor_last_2_weeks"), Some(&Answer::Bool(false)));
    for q in ["ana_at_least_1_80", "cd19_b_cells_positive", "ecg_normal"] {
        assert_eq!(after.answers.get(q), None, "{q}: a blank became an answer");
        assert!(after.one_by_one.contains(q), "{q} is asked again on its own");
    }
}

/// The ten-year-old of the fixtures, her mother leaving blank every test
/// item she cannot know, stays "may qualify" wherever she did before: the
/// verdicts equal those of "I don't know" to those items.
#[test]
fn a_mother_leaving_the_test_items_blank_gets_the_verdicts_of_dont_know() {
    use crate::engine::answer::RawAnswer;
    let c = catalog();
    let path = format!("{}/tests/fixtures/patients/girl-10-class-iv-nephritis.json", env!("CARGO_MANIFEST_DIR"));
    let raw: std::collections::BTreeMap<String, RawAnswer> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let facts = Answers::from_raw(&c.bank, raw, today()).unwrap();
    let tests: Vec<&Question> = list_items(&c, "tests");
    let mut known = Session::new(today()).apply(&c, Action::Start(Mode::MyChild));
    known.answers = facts.clone();
    for q in &tests {
        known.answers.clear(&q.id);
    }
    // The list, every item left blank, with the button the screen offers.
    let unticked = if blank_may_be_no(&c, &tests) { Unticked::No } else { Unticked::NotSure };
    let items: Vec<String> = tests.iter().map(|q| q.id.clone()).collect();
    let mut blank = known.apply(&c, Action::Checklist { items, marked: vec![], unticked });
    // Each comes back on its own: "I don't know".
    for q in &tests {
        blank = blank.apply(&c, Action::Answer { question: q.id.clone(), answer: Answer::DontKnow });
    }
    let mut dont_know = known.clone();
    for q in &tests {
        dont_know.answers.dont_know(&q.id);
    }
    let verdicts = |s: &Session| s.assess(&c, &[]).iter().map(|a| (a.trial.id.clone(), a.verdict)).collect::<Vec<_>>();
    assert_eq!(verdicts(&blank), verdicts(&dont_know));
    // Every trial that may suit her on all her answers stays open to her.
    let mut all = known.clone();
    all.answers = facts;
    let open_to_her: Vec<String> =
        verdicts(&all).into_iter().filter(|(_, v)| *v == Verdict::LikelyEligible).map(|(id, _)| id).collect();
    assert!(open_to_her.len() >= 3, "{open_to_her:?}");
    for (id, v) in verdicts(&blank) {
        assert!(!(open_to_her.contains(&id) && v == Verdict::NotEligible), "{id} turned away");
    }
}

#[test]
fn a_number_that_rules_out_only_in_the_unit_given_is_said_back_before_it_counts() {
    let c = catalog();
    let bilirubin = |value: f64, unit: &str| Answer::Number { value, unit: Some(unit.into()) };
    let s = Session::new(today())
        .apply(&c, Action::Start(Mode::Myself))
        .apply(&c, answer("date_of_birth", date("1990-01-01")));
    // 12 mg/dL excludes where 12 µmol/L (a Vietnamese report's unit) would not: said back, not kept.
    let asked = s.apply(&c, answer("bilirubin", bilirubin(12.0, "mg/dL")));
    assert!(
        matches!(asked.refused.as_slice(), [(q, AnswerError::Unusual { other_unit: "umol/L", .. })] if q == "bilirubin"),
        "{:?}",
        asked.refused
    );
    assert_eq!(asked.answers.get("bilirubin"), None);
    // Confirmed, it counts; changed to µmol/L, it counts at once.
    let confirmed = asked
        .apply(&c, Action::ConfirmUnits(vec![("bilirubin".into(), bilirubin(12.0, "mg/dL"))]))
        .apply(&c, answer("bilirubin", bilirubin(12.0, "mg/dL")));
    assert!(confirmed.refused.is_empty() && confirmed.answers.get("bilirubin").is_some());
    let other = asked.apply(&c, answer("bilirubin", bilirubin(12.0, "umol/L")));
    assert!(other.refused.is_empty(), "{:?}", other.refused);
    // A value that rules no one out, or that only one unit allows, passes as given.
    assert!(s.apply(&c, answer("bilirubin", bilirubin(0.8, "mg/dL"))).refused.is_empty());
    assert!(s.apply(&c, answer("bilirubin", bilirubin(300.0, "umol/L"))).refused.is_empty());
    // On the lab panel the whole form waits, and names the field.
    let panel = s.apply(
        &c,
        Action::AnswerAll {
            answers: vec![("bilirubin".into(), bilirubin(12.0, "mg/dL")), ("alt".into(), Answer::DontKnow)],
            unreadable: vec![],
        },
    );
    assert_eq!(panel.refused.len(), 1);
    assert_eq!(panel.answers.get("alt"), None);
}
