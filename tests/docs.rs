//! The documents a trial author and a site read stay true to the catalog.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use trialcheck::engine::catalog::Catalog;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The trial ids in the first column of the table rows of `section` (up to the next heading).
fn listed(text: &str, section: &str) -> Vec<String> {
    let start = text.find(section).unwrap();
    let rest = &text[start + section.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end]
        .lines()
        .filter_map(|l| l.strip_prefix("| NCT"))
        .map(|l| format!("NCT{}", l.split('|').next().unwrap().trim()))
        .collect()
}

#[test]
fn the_catalog_page_lists_every_trial_of_the_catalog_and_only_those() {
    let catalog = Catalog::shipped().unwrap();
    let page = read("docs/catalog.md");
    let mut shipped: Vec<String> = catalog.trials.iter().map(|t| t.id.clone()).collect();
    shipped.sort();
    assert_eq!(listed(&page, "# The trial catalog"), shipped);
    assert!(page.contains(&format!("{} trials", shipped.len())));
    // A trial left out is not also in the catalog.
    let left_out = listed(&page, "## Lupus cell-therapy trials left out");
    assert!(!left_out.is_empty());
    assert!(left_out.iter().all(|id| catalog.trial(id).is_none()), "{left_out:?}");
}

#[test]
fn the_readme_is_the_front_door_and_every_document_it_names_exists() {
    let readme = read("README.md");
    // What a user, a site and a trial author need; the rest is in docs/.
    assert!(readme.lines().count() < 400, "README has {} lines", readme.lines().count());
    let linked: Vec<&str> = readme.split("](").skip(1).filter_map(|s| s.split(')').next()).collect();
    assert!(linked.iter().any(|l| l.starts_with("docs/")), "{linked:?}");
    for link in linked.iter().filter(|l| !l.starts_with("http")) {
        assert!(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(link).exists(), "README links to {link}");
    }
    for command in ["scripts/serve", "scripts/test"] {
        assert!(readme.contains(command), "{command}");
    }
}
