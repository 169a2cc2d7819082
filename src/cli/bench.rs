//! `trialcheck bench [--trials 10,100,1000] [--runs N]`: how the engine keeps
//! up as a catalog grows. Catalogs are made from the shipped trials, copied
//! under new ids; the person is the ten-year-old of the patient fixtures.
//! Prints, per size, the median of `runs` runs of: reading the catalog
//! (JSON to a checked catalog; and of that, the JSON alone), the first question from no answers, the
//! verdicts after one more answer (all criteria again, and only those that
//! read it), and the next question after it. A report, not a test: times
//! depend on the machine.

use super::say;
use super::{Args, Failure, Outcome};
use crate::catalog::schema::CatalogSpec;
use crate::catalog::{SHIPPED_JSON, load};
use crate::clinical::dates::Ymd;
use crate::engine::answer::{Answer, Answers};
use crate::engine::assess::{assess_catalog, reassess};
use crate::engine::catalog::Catalog;
use crate::engine::relevance::questions_to_ask;
use std::time::{Duration, Instant};

/// A catalog of `n` trials: the shipped ones over and over, each under its own id.
fn synthetic(n: usize) -> Result<String, String> {
    let shipped: CatalogSpec = serde_json::from_str(SHIPPED_JSON).map_err(|e| e.to_string())?;
    let trials = (0..n)
        .filter_map(|i| {
            let mut t = shipped.trials.get(i % shipped.trials.len())?.clone();
            t.id = format!("NCT{:08}", 90_000_000 + i);
            Some(t)
        })
        .collect();
    serde_json::to_string(&CatalogSpec { questions: shipped.questions, shared: shipped.shared, trials })
        .map_err(|e| e.to_string())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                let made = std::hint::black_box(f());
                let took = start.elapsed();
                // Dropped after the clock stops: freeing a catalog is not loading one.
                drop(made);
                took
            })
            .collect(),
    )
}

/// The girl of `tests/fixtures/patients/`, but for her creatinine: the one answer still to give.
fn answers(catalog: &Catalog, today: Ymd) -> Result<Answers, String> {
    let mut a = Answers::new();
    let given: [(&str, Answer); 6] = [
        ("date_of_birth", Answer::Date(crate::clinical::dates::PartialDate::parse("2016-03-15").ok_or("date")?)),
        ("sex", Answer::Choice("female".into())),
        ("sle_diagnosed", Answer::Bool(true)),
        ("ana_at_least_1_80", Answer::Bool(true)),
        ("biopsy_done", Answer::Bool(true)),
        ("biopsy_class", Answer::Multi(["IV".to_string()].into())),
    ];
    for (id, answer) in given {
        a.set(&catalog.bank, id, answer, today).map_err(|e| format!("{id}: {e}"))?;
    }
    Ok(a)
}

pub(super) fn run(args: &Args) -> Result<Outcome, Failure> {
    let sizes: Vec<usize> = args
        .value("trials")
        .unwrap_or("3,100,1000")
        .split(',')
        .map(|s| s.trim().parse().map_err(|_| format!("--trials: `{s}` is not a number of trials")))
        .collect::<Result<_, _>>()?;
    let runs: usize = args.value("runs").unwrap_or("5").parse().map_err(|_| "--runs takes a whole number")?;
    let today = args.today()?;
    say!(
        "{:>7}  {:>12}  {:>12}  {:>15}  {:>19}  {:>19}  {:>14}",
        "trials",
        "load",
        "of it JSON",
        "first question",
        "verdicts, all again",
        "verdicts, what read",
        "next question"
    );
    for n in sizes {
        let json = synthetic(n)?;
        let read = || -> Result<Catalog, String> {
            let spec: CatalogSpec = serde_json::from_str(&json).map_err(|e| e.to_string())?;
            load::catalog(spec, "bench.json")
                .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        };
        let load = time(runs, read);
        let json_only = time(runs, || serde_json::from_str::<CatalogSpec>(&json).map_err(|e| e.to_string()));
        let catalog = read()?;
        let empty = Answers::new();
        let first = time(runs, || {
            let assessed = assess_catalog(&catalog, &empty, today, &[]);
            questions_to_ask(&catalog.bank, &assessed, &empty).first().map(|q| q.id.clone())
        });
        let before = answers(&catalog, today)?;
        let mut after = before.clone();
        let creatinine = Answer::Number { value: 0.6, unit: Some("mg/dL".into()) };
        after.set(&catalog.bank, "creatinine", creatinine, today).map_err(|e| e.to_string())?;
        let verdicts = time(runs, || assess_catalog(&catalog, &after, today, &[]));
        // Only the criteria that read the creatinine are evaluated again.
        let previous = assess_catalog(&catalog, &before, today, &[]);
        let incremental = median(
            (0..runs)
                .map(|_| {
                    let previous = previous.clone();
                    let start = Instant::now();
                    std::hint::black_box(reassess(previous, &catalog.bank, &after, today, &["creatinine"]));
                    start.elapsed()
                })
                .collect(),
        );
        let assessed = reassess(previous, &catalog.bank, &after, today, &["creatinine"]);
        let next = time(runs, || questions_to_ask(&catalog.bank, &assessed, &after).first().map(|q| q.id.clone()));
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
        say!(
            "{n:>7}  {:>12}  {:>12}  {:>15}  {:>19}  {:>19}  {:>14}",
            ms(load),
            ms(json_only),
            ms(first),
            ms(verdicts),
            ms(incremental),
            ms(next)
        );
    }
    Ok(Outcome::Ok)
}
