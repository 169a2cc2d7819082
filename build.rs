//! Turns the author-facing TOML catalog (`catalog/`) and the messages
//! (`locales/`) into JSON documents the app and the CLI carry inside them.
//! Only the shape is converted here; `trialcheck validate` and the tests
//! check the meaning.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

fn toml_file(path: &Path) -> Result<serde_json::Value, Box<dyn Error>> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

fn files_in(dir: &str) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{dir}: {e}"))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=catalog");
    println!("cargo::rerun-if-changed=locales");
    let out = PathBuf::from(std::env::var("OUT_DIR")?);

    let questions = toml_file(Path::new("catalog/questions.toml"))?;
    let trials = files_in("catalog/trials")?.iter().map(|p| toml_file(p)).collect::<Result<Vec<_>, _>>()?;
    let catalog = serde_json::json!({
        "questions": questions.get("question").cloned().unwrap_or_default(),
        "shared": questions.get("shared").cloned().unwrap_or_default(),
        "trials": trials,
    });
    fs::write(out.join("catalog.json"), serde_json::to_string(&catalog)?)?;

    let mut messages = serde_json::Map::new();
    for path in files_in("locales")? {
        let lang = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        messages.insert(lang, toml_file(&path)?);
    }
    fs::write(out.join("messages.json"), serde_json::to_string(&messages)?)?;
    Ok(())
}
