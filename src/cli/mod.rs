//! `trialcheck`: the command-line tool for study coordinators and CI.
//! Each command is a module; this one reads the arguments and reports errors.

mod answers_file;
mod bench;
mod diagnostic;
mod draft_rules;
mod export_catalog;
mod export_messages;
mod fhir;
mod freshness;
mod functions;
pub mod fuzz;
mod import_ctgov;
mod next;
mod questions;
mod screen;
mod validate;

use std::process::ExitCode;

/// `println!` for the tool's output: when the reader has gone (`trialcheck
/// questions | head`), the tool stops quietly instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}
pub(crate) use say;

const USAGE: &str = "\
trialcheck: check trial catalogs and screen answers against them

usage:
  trialcheck validate [FILES...] [--today YYYY-MM-DD]
                                          check catalog files (default: catalog/questions.toml catalog/trials/*.toml)
  trialcheck screen --answers FILE [--trials ID,...] [--today YYYY-MM-DD] [--lang LANG] [--json]
                                          each trial's verdict for a person's answers
  trialcheck questions [--json]           the question bank
  trialcheck next --answers FILE [--mode myself|my_child|clinician] [--lab-report yes|no] [--later ID,...] [--trials ID,...] [--today YYYY-MM-DD] [--json]
                                          what the app would show next
  trialcheck simulate [FILES...] [--today YYYY-MM-DD] [--screens]
                                          screens to done for the patient fixtures (a report)
  trialcheck functions [--json]           the functions and derived names rules may use
  trialcheck fhir-questionnaire [--base URL] [--code-system]
                                          the FHIR Questionnaire (or its options' CodeSystem) a deployment publishes
  trialcheck fhir-response --answers FILE [--base URL] [--lang LANG] [--mode MODE] [--today YYYY-MM-DD]
                                          an answers file as a FHIR QuestionnaireResponse
  trialcheck freshness [--today YYYY-MM-DD] [--max-age-days N] [--json]
                                          the trials whose facts should be read again, oldest first
  trialcheck import-ctgov STUDY.json [--today YYYY-MM-DD]
                                          a draft trial file from a ClinicalTrials.gov API v2 record
  trialcheck export-catalog [FILES...] [--lang LANG]
                                          one JSON catalog for a site to serve (default: the shipped one);
                                          with --lang, its texts in that language only
  trialcheck export-messages LANG         one language's messages, as the app fetches them
  trialcheck fuzz [--seconds N]           mutated real files through every reader: no panic, no hang
  trialcheck bench [--trials 3,100,1000] [--runs N]
                                          engine times on catalogs made from the shipped trials (a report)
";

/// Command-line arguments: flags with values, switches, and the rest in order.
pub(crate) struct Args {
    rest: Vec<String>,
    flags: Vec<(String, Option<String>)>,
}

impl Args {
    fn parse(args: impl Iterator<Item = String>, with_value: &[&str]) -> Result<Args, String> {
        let mut out = Args { rest: vec![], flags: vec![] };
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            if let Some(name) = arg.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (name.to_string(), None),
                };
                let value = if with_value.contains(&name.as_str()) {
                    Some(inline.or_else(|| args.next()).ok_or_else(|| format!("--{name} needs a value"))?)
                } else {
                    inline
                };
                out.flags.push((name, value));
            } else {
                out.rest.push(arg);
            }
        }
        Ok(out)
    }

    pub(crate) fn value(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }

    pub(crate) fn switch(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }

    fn only(&self, allowed: &[&str]) -> Result<(), String> {
        match self.flags.iter().find(|(n, _)| !allowed.contains(&n.as_str())) {
            Some((n, _)) => Err(format!("unknown option --{n}")),
            None => Ok(()),
        }
    }

    /// `--today`, or the machine's date.
    pub(crate) fn today(&self) -> Result<crate::clinical::dates::Ymd, String> {
        match self.value("today") {
            Some(t) => {
                crate::clinical::dates::Ymd::parse(t).ok_or_else(|| format!("--today {t}: not a date (YYYY-MM-DD)"))
            }
            None => {
                let secs = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_err(|e| e.to_string())?
                    .as_secs();
                Ok(crate::clinical::dates::Ymd::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0)))
            }
        }
    }
}

/// What a command ends with: success, "problems found" (exit 1), or misuse (exit 2).
pub(crate) enum Outcome {
    Ok,
    Problems,
}

/// Why a command could not run: the command was misused (exit 2, with the
/// usage), or what it was given cannot be read (exit 1, the reason only).
pub(crate) enum Failure {
    Usage(String),
    Input(String),
}

/// A misuse of the command, said with `?` on an argument check.
impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Usage(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::Usage(message.to_string())
    }
}

/// The catalog built into the tool; broken, it is said one error a line.
pub(crate) fn shipped_catalog() -> Result<crate::engine::catalog::Catalog, Failure> {
    crate::engine::catalog::Catalog::shipped().map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        Failure::Input(format!("the shipped catalog is broken:\n{}", lines.join("\n")))
    })
}

pub fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    // Each command: the flags that take a value, the flags it knows, and what it runs.
    type Run = fn(&Args) -> Result<Outcome, Failure>;
    let (with_value, known, run): (&[&str], &[&str], Run) = match command.as_str() {
        "validate" => (&["today"], &["today"], validate::run),
        "screen" => {
            (&["answers", "trials", "today", "lang"], &["answers", "trials", "today", "lang", "json"], screen::run)
        }
        "questions" => (&["lang"], &["json", "lang"], questions::run),
        "fuzz" => (&["seconds"], &["seconds"], fuzz::run),
        "bench" => (&["trials", "runs", "today"], &["trials", "runs", "today"], bench::run),
        "next" => (
            &["answers", "mode", "lab-report", "trials", "today", "later"],
            &["answers", "mode", "lab-report", "trials", "today", "json", "later"],
            next::next,
        ),
        "simulate" => (&["today"], &["today", "screens"], next::simulate),
        "freshness" => (&["today", "max-age-days"], &["today", "max-age-days", "json"], freshness::run),
        "functions" => (&[], &["json"], functions::run),
        "fhir-questionnaire" => (&["base"], &["base", "code-system"], fhir::questionnaire),
        "fhir-response" => (
            &["answers", "base", "lang", "today", "mode"],
            &["answers", "base", "lang", "today", "mode"],
            fhir::response,
        ),
        "import-ctgov" => (&["today"], &["today"], import_ctgov::run),
        "export-messages" => (&[], &[], export_messages::run),
        "export-catalog" => (&["lang"], &["lang"], export_catalog::run),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        "" => return misuse("no command given"),
        other => return misuse(&format!("unknown command `{other}`")),
    };
    let result = Args::parse(args, with_value).and_then(|a| a.only(known).map(|()| a)).map_err(Failure::Usage);
    match result.and_then(|a| run(&a)) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(Failure::Input(message)) => {
            eprintln!("trialcheck: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => misuse(&message),
    }
}

fn misuse(message: &str) -> ExitCode {
    eprintln!("trialcheck: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
