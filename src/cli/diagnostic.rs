//! A catalog problem as an author reads it in a terminal: the place and what
//! is wrong, the line of the file with a caret under the whole part it
//! points at, and what may fix it on a line of its own.
//!
//! ```text
//! trial.toml:34:28: unknown question `creatinin`
//!    |
//! 34 | rule = "age_years >= 6 and creatinin <= 1 mg/dL"
//!    |                            ^^^^^^^^^
//!    = help: did you mean `creatinine`?
//! ```

use crate::catalog::CatalogError;
use std::collections::BTreeMap;

/// The files' texts, read once each (a file that cannot be read shows no line).
#[derive(Default)]
pub(super) struct Sources(BTreeMap<String, Option<String>>);

impl Sources {
    fn line(&mut self, file: &str, line: usize) -> Option<String> {
        let text = self.0.entry(file.to_string()).or_insert_with(|| std::fs::read_to_string(file).ok());
        text.as_deref()?.lines().nth(line.checked_sub(1)?).map(str::to_string)
    }
}

/// `e`, with `label` ("warning[window]") before its message when it is a warning.
pub(super) fn render(e: &CatalogError, label: Option<&str>, sources: &mut Sources) -> String {
    let place = match e.line_col {
        Some((line, col)) => format!("{}:{line}:{col}: {}", e.file, e.message),
        None => CatalogError { help: None, ..e.clone() }.to_string(),
    };
    let mut out = match label {
        Some(label) => format!("{label}: {place}"),
        None => place,
    };
    if let Some((line, col)) = e.line_col
        && let Some(text) = sources.line(&e.file, line)
    {
        let gutter = " ".repeat(line.to_string().len());
        let lead: String =
            text.chars().take(col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        let carets = "^".repeat(usize::from(e.width.unwrap_or(1).max(1)));
        out.push_str(&format!("\n{gutter} |\n{line} | {text}\n{gutter} | {lead}{carets}"));
        if let Some(help) = &e.help {
            out.push_str(&format!("\n{gutter} = help: {help}"));
        }
    } else if let Some(help) = &e.help {
        out.push_str(&format!("\n  = help: {help}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_a_caret_under_the_whole_part_and_help_on_its_own_line() {
        let dir = std::env::temp_dir().join(format!("trialcheck-diagnostic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("trial.toml");
        std::fs::write(&path, "id = \"x\"\nrule = \"age_years >= 6 and creatinin <= 1 mg/dL\"\n").unwrap();
        let file = path.to_str().unwrap();
        let e = CatalogError {
            offset: Some(19),
            width: Some(9),
            line_col: Some((2, 28)),
            help: Some("did you mean `creatinine`?".into()),
            ..CatalogError::new(file, vec![], "unknown question `creatinin`")
        };
        let shown = render(&e, None, &mut Sources::default());
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], format!("{file}:2:28: unknown question `creatinin`"));
        assert_eq!(lines[2], "2 | rule = \"age_years >= 6 and creatinin <= 1 mg/dL\"");
        // The caret sits under `creatinin`, all of it.
        let caret = lines[3].find('^').unwrap();
        assert_eq!(&lines[2][caret..caret + 9], "creatinin");
        assert_eq!(lines[3].matches('^').count(), 9);
        assert_eq!(lines[4], "  = help: did you mean `creatinine`?");
        // A warning says so before its message; a file that cannot be read shows no line.
        let gone = CatalogError { file: "nowhere.toml".into(), ..e.clone() };
        let shown = render(&gone, Some("warning[window]"), &mut Sources::default());
        assert_eq!(
            shown,
            "warning[window]: nowhere.toml:2:28: unknown question `creatinin`\n  = help: did you mean `creatinine`?"
        );
    }
}
