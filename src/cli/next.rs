//! `trialcheck next --answers FILE [--mode myself|my_child|clinician]
//! [--lab-report yes|no] [--later ID,...] [--trials ID,...] [--today YYYY-MM-DD] [--json]`:
//! what the app would show next for these answers, from the same code.
//!
//! `trialcheck simulate [--today YYYY-MM-DD] [--screens] [FILES...]`: walks each patient
//! of `tests/fixtures/patients/` (or the files given) from no answers to
//! done, answering from the file ("I don't know" for what it lacks), in each
//! way of answering, and prints the screens it took; a report.

use super::say;
use super::{Args, Failure, Outcome};
use crate::clinical::dates::age_in_years;
use crate::engine::answer::Answer;
use crate::questionnaire::walk::{self, Screen};
use crate::questionnaire::{Action, Mode, Session, is_lab_value};
use serde::Serialize;

#[derive(Serialize)]
struct Next {
    done: bool,
    screen: Screen,
}

pub(super) fn next(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let today = args.today()?;
    let restored = super::answers_file::from_args(args, "next", &catalog, today)?;
    let trials: Vec<String> =
        args.value("trials").map(|t| t.split(',').map(|s| s.trim().to_string()).collect()).unwrap_or_default();
    let session = Session::new(today).apply(&catalog, Action::Load(restored));
    let assessed = session.assess(&catalog, &trials);
    let screen = Screen::of(&session.step(&catalog, &assessed));
    let next = Next { done: screen.kind == "done", screen };
    if args.switch("json") {
        say!("{}", serde_json::to_string_pretty(&next).map_err(|e| e.to_string())?);
    } else if next.done {
        say!("done: nothing more can change a verdict");
    } else {
        say!("{}: {}", next.screen.kind, next.screen.questions.join(", "));
    }
    Ok(Outcome::Ok)
}

pub(super) fn simulate(args: &Args) -> Result<Outcome, Failure> {
    let catalog = super::shipped_catalog()?;
    let today = args.today()?;
    let files: Vec<String> = if args.rest.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/patients");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("{dir}: {e}"))?
            .filter_map(Result::ok)
            .map(|e| e.path().display().to_string())
            .filter(|p| p.ends_with(".json"))
            .collect();
        files.sort();
        files
    } else {
        args.rest.clone()
    };
    // A static form: every question in the bank's order, the lab values on one form.
    let form = catalog.bank.iter().filter(|q| !is_lab_value(q)).count() + 1;
    let mut counts = Vec::new();
    say!("{:<44} {:<10} {:>10} {:>8}", "person", "answering", "lab report", "screens");
    for file in &files {
        let facts = super::answers_file::read(file, &catalog, today)?.answers;
        let name = std::path::Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or(file);
        // In plain words, a child's parent answers for a child; an adult answers for themselves.
        let born = match facts.known("date_of_birth") {
            Some(Answer::Date(d)) => d.earliest(),
            _ => None,
        };
        let plain = match born {
            Some(born) if age_in_years(born, today) < 18 => Mode::MyChild,
            _ => Mode::Myself,
        };
        for (mode, report) in [(Mode::Clinician, true), (plain, true), (plain, false)] {
            let walked = walk::walk(&catalog, mode, report, &facts, today);
            let label = mode.name();
            say!("{name:<44} {label:<10} {:>10} {:>8}", if report { "yes" } else { "no" }, walked.screens.len());
            if args.switch("screens") {
                // Each screen as the walk met it: for finding what could be asked together.
                for (n, screen) in walked.screens.iter().enumerate() {
                    say!("    {:>2}. {}: {}", n + 1, screen.kind, screen.questions.join(", "));
                }
            }
            counts.push(walked.screens.len());
        }
    }
    counts.sort_unstable();
    say!("\nmedian screens to done: {} (target 12); every question in bank order: {form}", median(&counts));
    Ok(Outcome::Ok)
}

/// The middle of sorted counts; with an even number of them, the mean of the two in the middle.
fn median(sorted: &[usize]) -> String {
    let n = sorted.len();
    match (sorted.get(n / 2), n.checked_sub(1).and_then(|_| sorted.get((n - 1) / 2))) {
        (Some(high), Some(low)) => {
            let twice = high + low;
            if twice.is_multiple_of(2) { (twice / 2).to_string() } else { format!("{}.5", twice / 2) }
        }
        _ => "none".into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(super::median(&[12, 12, 13, 16, 16, 17]), "14.5");
        assert_eq!(super::median(&[11, 12, 12, 13]), "12");
        assert_eq!(super::median(&[9, 12, 20]), "12");
        assert_eq!(super::median(&[]), "none");
    }
}
