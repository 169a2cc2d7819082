//! Every input `scripts/fuzz` ever kept (tests/fixtures/fuzz/), and every file
//! of its corpus, read again by its target: none may panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use trialcheck::cli::fuzz::targets;
use trialcheck::engine::catalog::Catalog;

#[test]
fn kept_fuzz_inputs_and_the_corpus_read_without_a_panic() {
    let catalog = Catalog::shipped().unwrap();
    let targets = targets(&catalog);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let kept: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    for (name, input) in &kept {
        let target = targets.iter().find(|t| name.starts_with(&format!("{}-", t.name))).unwrap();
        (target.run)(&catalog, input);
    }
    let mut read = 0;
    for target in &targets {
        assert!(!target.corpus.is_empty(), "{} has no corpus", target.name);
        for input in &target.corpus {
            (target.run)(&catalog, input);
            read += 1;
        }
    }
    assert!(read > 50, "only {read} corpus files");
}
